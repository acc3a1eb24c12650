-- The inbox: one row per event id ever handled. Its primary key makes redelivery harmless: the row commits in the
-- same transaction as the email the event asks for, so an event is handled entirely or not at all, and only once.
CREATE TABLE processed_event (
    event_id     uuid PRIMARY KEY,
    type         varchar(100) NOT NULL,
    topic        varchar(249) NOT NULL,
    outcome      varchar(20) NOT NULL CHECK (outcome IN ('EMAIL_QUEUED', 'NO_EMAIL', 'IGNORED')),
    received_at  timestamptz NOT NULL DEFAULT now()
);

-- The email outbox (the plan's EmailOutbox). Rows are rendered when the event arrives and only ever move
-- PENDING -> SENT, or PENDING -> FAILED after the last attempt (an admin retry moves FAILED back to PENDING).
CREATE TABLE email_outbox (
    id            uuid PRIMARY KEY,
    event_id      uuid NOT NULL UNIQUE,          -- one email per event, whatever the inbox code does
    type          varchar(40) NOT NULL,          -- ENROLLMENT_APPROVED, ..., WELCOME
    recipient     varchar(320) NOT NULL,         -- the plan's "to"
    locale        varchar(10) NOT NULL,          -- language it was written in: ko or en
    subject       text NOT NULL,
    template      varchar(100) NOT NULL,
    payload       jsonb NOT NULL,                -- the event as received
    html_body     text NOT NULL,
    text_body     text NOT NULL,
    status        varchar(10) NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
    attempts      integer NOT NULL DEFAULT 0,    -- delivery attempts made, the successful one included
    error         text,                          -- the last failure, kept after a later success
    next_try_at   timestamptz NOT NULL DEFAULT now(),
    locked_until  timestamptz,                   -- a sender's lease: nobody else sends the row before it runs out
    processed_at  timestamptz,                   -- when the SMTP server accepted it
    traceparent   varchar(55),                   -- W3C trace context of the event, restored around the send
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);

-- The senders' claim query reads only due pending rows; this keeps it independent of how many were ever sent.
CREATE INDEX email_outbox_due ON email_outbox (next_try_at) WHERE status = 'PENDING';
-- The admin list: newest first, optionally by status or recipient.
CREATE INDEX email_outbox_created ON email_outbox (created_at DESC);
CREATE INDEX email_outbox_status_created ON email_outbox (status, created_at DESC);
CREATE INDEX email_outbox_recipient ON email_outbox (lower(recipient));
