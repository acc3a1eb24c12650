-- Scratch data for the pgbench run of the enrollment hot path, in the scratch database mclass_bench_pgbench.
-- bench-rush.sh first applies enrollment-service's real migrations (enrollment-service/src/main/resources/db/migration,
-- platform-events' outbox table), so the tables, indexes, CHECKs and fillfactor are exactly the service's; then this.

-- A student id per pgbench random number: pgbench variables are integers, the service's ids are UUIDs.
CREATE FUNCTION bench_uuid(n bigint) RETURNS uuid
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT ('00000000-0000-4000-8000-' || lpad(to_hex(n), 12, '0'))::uuid $$;

-- Class 1: seats enough for every transaction of the run, so each one takes the hot row's lock, inserts and commits
-- durably: the serialized part of a rush (the first 300 students), measured for as long as pgbench runs.
-- Class 2: full (200 + 100 taken): the refusal path, which is what most of a rush is (4,700 of 5,000 students).
INSERT INTO class_snapshot (class_id, title, is_online, recruit_start_at, recruit_end_at, start_at, end_at, class_version)
VALUES ('00000000-0000-4000-8000-00000000c1a5', 'pgbench: seats left', true,
        now() - interval '1 hour', now() + interval '1 day', now() + interval '2 days', now() + interval '3 days', 0),
       ('00000000-0000-4000-8000-00000000f011', 'pgbench: full', true,
        now() - interval '1 hour', now() + interval '1 day', now() + interval '2 days', now() + interval '3 days', 0);
INSERT INTO seat_ledger (class_id, selection_type, capacity, waitlist_capacity, allow_waitlist, approved, waitlisted)
VALUES ('00000000-0000-4000-8000-00000000c1a5', 'FIRST_COME', 2000000000, 100, true, 0, 0),
       ('00000000-0000-4000-8000-00000000f011', 'FIRST_COME', 200, 100, true, 200, 100);
ANALYZE;
