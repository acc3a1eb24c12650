-- The transactional outbox for mclass.user.events (platform-events). This service created the table before it used
-- the library; the library's own repeatable migration (R__platform_outbox_event.sql) creates the same shape and skips
-- what exists, so this applied migration stays as it is.
CREATE TABLE IF NOT EXISTS outbox_event (
    id            uuid PRIMARY KEY,
    seq           bigserial NOT NULL UNIQUE,     -- append order; the relay publishes in this order
    topic         varchar(200) NOT NULL,
    message_key   varchar(200) NOT NULL,
    type          varchar(100) NOT NULL,
    payload       text NOT NULL,                  -- the whole event envelope as JSON, exactly as published
    traceparent   varchar(55),
    created_at    timestamptz NOT NULL DEFAULT now(),
    published_at  timestamptz
);

CREATE INDEX IF NOT EXISTS outbox_event_unpublished ON outbox_event (seq) WHERE published_at IS NULL;
CREATE INDEX IF NOT EXISTS outbox_event_published_at ON outbox_event (published_at) WHERE published_at IS NOT NULL;
