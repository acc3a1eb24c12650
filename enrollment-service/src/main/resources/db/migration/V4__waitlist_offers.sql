-- Waitlist offers (issue 16). In a class whose waitlist_mode is OFFER, a freed seat is offered to the longest-waiting
-- student instead of taken for them: the enrollment is OFFERED until offer_expires_at, holding the seat meanwhile.

-- The ledger counts offered seats apart from approved ones: a seat is APPROVED or OFFERED, never both, and together
-- they never exceed the capacity (the CHECK states it where no code path can get around it).
ALTER TABLE seat_ledger
    ADD COLUMN waitlist_mode        varchar(10) NOT NULL DEFAULT 'AUTO' CHECK (waitlist_mode IN ('AUTO', 'OFFER')),
    ADD COLUMN offer_window_minutes integer NOT NULL DEFAULT 1440 CHECK (offer_window_minutes > 0),
    ADD COLUMN offered              integer NOT NULL DEFAULT 0,
    ADD CONSTRAINT seat_ledger_seats_held_within_capacity CHECK (offered >= 0 AND approved + offered <= capacity);

ALTER TABLE enrollment ADD COLUMN offer_expires_at timestamptz;
ALTER TABLE enrollment DROP CONSTRAINT enrollment_status_check;
ALTER TABLE enrollment ADD CONSTRAINT enrollment_status_check
    CHECK (status IN ('APPLIED', 'APPROVED', 'WAITLISTED', 'OFFERED', 'REJECTED', 'CANCELED'));
ALTER TABLE enrollment ADD CONSTRAINT enrollment_offer_has_deadline CHECK (status <> 'OFFERED' OR offer_expires_at IS NOT NULL);

-- An offered enrollment is active: still at most one active enrollment per (user, class).
DROP INDEX enrollment_one_active_per_user_and_class;
CREATE UNIQUE INDEX enrollment_one_active_per_user_and_class ON enrollment (user_id, mclass_id)
    WHERE status IN ('APPLIED', 'APPROVED', 'WAITLISTED', 'OFFERED');

-- The expiry sweep's question, "which offers are due?", answered from a small index of the open offers only.
CREATE INDEX enrollment_open_offers ON enrollment (offer_expires_at, mclass_id) WHERE status = 'OFFERED';
