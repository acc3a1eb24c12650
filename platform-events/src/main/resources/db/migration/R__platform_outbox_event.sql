-- Owned by platform-events and picked up by every service that depends on it (Flyway scans db/migration in all jars).
-- Repeatable and idempotent: it re-runs only when this file changes, and never drops data.
CREATE TABLE IF NOT EXISTS outbox_event (
    id            uuid PRIMARY KEY,
    seq           bigserial NOT NULL UNIQUE,     -- commit-independent order of appends; the relay publishes in this order
    topic         varchar(200) NOT NULL,
    message_key   varchar(200) NOT NULL,
    type          varchar(100) NOT NULL,
    payload       text NOT NULL,                  -- the whole event envelope as JSON, exactly as published
    traceparent   varchar(55),
    created_at    timestamptz NOT NULL DEFAULT now(),
    published_at  timestamptz
);

-- The relay only ever looks at what is still unpublished; keep that lookup independent of the table's history.
CREATE INDEX IF NOT EXISTS outbox_event_unpublished ON outbox_event (seq) WHERE published_at IS NULL;
CREATE INDEX IF NOT EXISTS outbox_event_published_at ON outbox_event (published_at) WHERE published_at IS NOT NULL;
