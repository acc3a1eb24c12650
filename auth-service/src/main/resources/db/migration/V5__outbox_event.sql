-- The transactional outbox for mclass.user.events: rows are written in the same transaction as the user change and
-- moved to Kafka by the relay after commit. Same shape as platform-events' outbox_event, so the service can move to
-- that library without a data migration.
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
