-- Users of every provider. A local account is found by its e-mail, a social one by (provider, provider's user id).
-- Social accounts are never linked to a local account by e-mail, so the e-mail of a social user is informational:
-- it may be missing (the provider did not share it) or equal to another account's, and it is unique only among
-- local accounts, where it is the login name.
CREATE TABLE users (
    id                uuid PRIMARY KEY,
    email             varchar(320),
    password_hash     varchar(200),
    name              varchar(100),
    role              varchar(16)  NOT NULL CHECK (role IN ('USER', 'ADMIN')),
    provider          varchar(16)  NOT NULL CHECK (provider IN ('LOCAL', 'GOOGLE', 'KAKAO', 'NAVER')),
    social_id         varchar(255),
    -- the sign-up form was filled in once (local: at registration; social: at complete-signup). Whether sign-up is
    -- complete also needs every current required term agreed, which is computed, never stored (a new required
    -- version would otherwise leave a stale flag behind).
    profile_completed boolean      NOT NULL,
    locale            varchar(16)  NOT NULL,
    created_at        timestamptz  NOT NULL,
    updated_at        timestamptz  NOT NULL,
    version           bigint       NOT NULL,
    CONSTRAINT users_local_has_credentials CHECK (provider <> 'LOCAL' OR (email IS NOT NULL AND password_hash IS NOT NULL)),
    CONSTRAINT users_social_has_account CHECK (provider = 'LOCAL' OR social_id IS NOT NULL)
);

-- The race-proof guard behind "e-mail already taken": two concurrent registrations cannot both commit.
CREATE UNIQUE INDEX users_local_email_key ON users (email) WHERE provider = 'LOCAL';
CREATE UNIQUE INDEX users_social_account_key ON users (provider, social_id) WHERE provider <> 'LOCAL';
CREATE INDEX users_created_at ON users (created_at);

-- Versioned terms: publishing a new text adds a row with a higher version; the current term of a type is its
-- highest version. Rows are never updated, so an agreement always points at the exact text agreed to.
CREATE TABLE term (
    id          uuid PRIMARY KEY,
    type        varchar(20)  NOT NULL CHECK (type IN ('SERVICE', 'PRIVACY', 'ENROLLMENT')),
    title       varchar(200) NOT NULL,
    content     text         NOT NULL,
    is_required boolean      NOT NULL,
    version     integer      NOT NULL CHECK (version > 0),
    created_at  timestamptz  NOT NULL,
    CONSTRAINT term_type_version_key UNIQUE (type, version)
);

CREATE TABLE user_term_agreement (
    id        uuid PRIMARY KEY,
    user_id   uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    term_id   uuid        NOT NULL REFERENCES term (id),
    agreed_at timestamptz NOT NULL,
    CONSTRAINT user_term_agreement_user_term_key UNIQUE (user_id, term_id)
);
CREATE INDEX user_term_agreement_term ON user_term_agreement (term_id);
