-- The admin audit feed (GET /api/admin/audit, docs/decisions/0006): enrollment decisions come from enrollment_history;
-- class and user changes other services announce are kept here, one row per event, the event id settling redeliveries.
CREATE TABLE audit_entry (
    id           bigserial PRIMARY KEY,
    event_id     uuid NOT NULL UNIQUE,
    type         varchar(40) NOT NULL,
    actor_type   varchar(10) CHECK (actor_type IN ('USER', 'ADMIN', 'SYSTEM')),  -- NULL: the event does not say who
    actor_id     uuid,
    subject_type varchar(20) NOT NULL,  -- CLASS, USER
    subject_id   uuid NOT NULL,
    details      jsonb NOT NULL DEFAULT '{}'::jsonb,
    occurred_at  timestamptz NOT NULL
);
CREATE INDEX audit_entry_by_time ON audit_entry (occurred_at, id);
CREATE INDEX audit_entry_by_subject ON audit_entry (subject_id, occurred_at);

-- The capacities the audit last saw per class: a ClassUpdated event carries the class's whole state, so a capacity
-- change is told from the version before. Kept apart from seat_ledger, which the audit must not read on its own pace.
CREATE TABLE audit_class_capacity (
    class_id          uuid PRIMARY KEY,
    capacity          integer NOT NULL,
    waitlist_capacity integer NOT NULL,
    class_version     bigint NOT NULL
);

-- The feed shows the decisions of admins and of the system (waitlist promotions); a student's own applications and
-- cancellations stay in each enrollment's history. A partial index keeps the students' hot path free of its upkeep.
CREATE INDEX enrollment_history_decisions_by_time ON enrollment_history (occurred_at, id) WHERE actor_type <> 'USER';
