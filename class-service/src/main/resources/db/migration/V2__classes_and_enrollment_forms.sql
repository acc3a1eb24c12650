-- Classes (MClass) and the versions of their enrollment forms.

-- Trigram search on title and description (GET /api/mclasses?q=...). pg_trgm is a trusted extension (PostgreSQL 13+):
-- the database owner may create it; it is available on RDS.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE mclass (
    id                uuid PRIMARY KEY,
    title             varchar(200) NOT NULL,
    description       text NOT NULL DEFAULT '' CHECK (char_length(description) <= 5000),
    capacity          integer NOT NULL CHECK (capacity BETWEEN 1 AND 100000),
    waitlist_capacity integer NOT NULL DEFAULT 0 CHECK (waitlist_capacity BETWEEN 0 AND 100000),
    allow_waitlist    boolean NOT NULL DEFAULT false,
    visibility        varchar(16) NOT NULL CHECK (visibility IN ('PUBLIC', 'UNLISTED')),
    location          varchar(200),
    fee               bigint NOT NULL DEFAULT 0 CHECK (fee >= 0),      -- won
    is_online         boolean NOT NULL DEFAULT false,
    selection_type    varchar(16) NOT NULL CHECK (selection_type IN ('FIRST_COME', 'REVIEW')),
    recruit_start_at  timestamptz NOT NULL,
    recruit_end_at    timestamptz NOT NULL,
    start_at          timestamptz NOT NULL,
    end_at            timestamptz NOT NULL,
    created_by        uuid NOT NULL,                                    -- auth-service's user id; no FK across services
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    deleted_at        timestamptz,                                      -- soft delete: enrollments keep referring to the class
    version           bigint NOT NULL DEFAULT 0,                        -- optimistic locking; events carry it
    -- The request validation reports these field by field; the table refuses what slips past it.
    CONSTRAINT mclass_schedule_in_order CHECK (recruit_start_at < recruit_end_at AND recruit_end_at <= start_at AND start_at < end_at),
    CONSTRAINT mclass_waitlist_needs_allow CHECK (allow_waitlist OR waitlist_capacity = 0)
);

-- The list most clients read: PUBLIC, not deleted, in one of the sort orders. One partial index per common order lets
-- PostgreSQL read a page straight off the index (ORDER BY col [DESC], id [DESC] LIMIT n) without sorting.
CREATE INDEX mclass_public_by_created ON mclass (created_at, id) WHERE deleted_at IS NULL AND visibility = 'PUBLIC';
CREATE INDEX mclass_public_by_recruit_start ON mclass (recruit_start_at, id) WHERE deleted_at IS NULL AND visibility = 'PUBLIC';
CREATE INDEX mclass_public_by_start ON mclass (start_at, id) WHERE deleted_at IS NULL AND visibility = 'PUBLIC';
-- recruit=OPEN|UPCOMING|CLOSED filters on the recruit window of classes that are not deleted (admins see all visibilities).
CREATE INDEX mclass_recruit_window ON mclass (recruit_start_at, recruit_end_at) WHERE deleted_at IS NULL;
-- q=...: ILIKE '%words%' on exactly this expression can use the trigram index (Hangul included: the database's
-- LC_CTYPE must classify it as letters, which C.UTF-8 and ko_KR.UTF-8 do).
CREATE INDEX mclass_text_search ON mclass USING gin ((title || ' ' || description) gin_trgm_ops) WHERE deleted_at IS NULL;

CREATE TABLE enrollment_form (
    id          uuid PRIMARY KEY,
    mclass_id   uuid NOT NULL REFERENCES mclass (id),
    version     integer NOT NULL CHECK (version >= 1),
    title       varchar(200) NOT NULL,
    description text NOT NULL DEFAULT '',
    questions   jsonb NOT NULL,            -- formrules.Question[] exactly as published
    created_by  uuid NOT NULL,
    created_at  timestamptz NOT NULL,
    -- Versions are numbered per class; the highest is the active form. Also serves "active" and "version n" lookups.
    CONSTRAINT enrollment_form_version_per_class UNIQUE (mclass_id, version)
);
