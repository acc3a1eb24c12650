-- What a seat freed while students wait becomes (issue 16): AUTO takes it for the longest-waiting student (as
-- before), OFFER offers it to them for offer_window_minutes. Carried in the class's events to enrollment-service.
ALTER TABLE mclass
    ADD COLUMN waitlist_mode        varchar(16) NOT NULL DEFAULT 'AUTO' CHECK (waitlist_mode IN ('AUTO', 'OFFER')),
    ADD COLUMN offer_window_minutes integer NOT NULL DEFAULT 1440 CHECK (offer_window_minutes BETWEEN 1 AND 43200);
