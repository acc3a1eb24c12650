-- pgbench script: one student is refused (409 CLASS_FULL) — the transaction enrollment-service runs for most of a
-- rush (Enrolling.decide → refuse), statement for statement. Same sources as enroll.sql.
-- The conditional UPDATE is included as it runs until the first refusal has set the Redis sold-out flag (afterwards
-- the service skips it); on a full class it matches no row and takes no lock. The refusal is stored with the key
-- and committed with synchronous_commit = off, as IdempotencyRecords.rememberRefusal does.
-- Run: pgbench -h 127.0.0.1 -U postgres -n -c 8 -j 2 -T 10 -f load-tests/pgbench/refuse.sql mclass_bench_pgbench
\set u random(1, 2000000000)
BEGIN;
SELECT pg_try_advisory_xact_lock(:u);
SELECT request_hash, response_status, response_body FROM idempotency_record
 WHERE user_id = bench_uuid(:u) AND idempotency_key = 'pgbench-full-' || :u AND expires_at > now();
SELECT status FROM enrollment
 WHERE user_id = bench_uuid(:u) AND mclass_id = '00000000-0000-4000-8000-00000000f011'
   AND status IN ('APPLIED', 'APPROVED', 'WAITLISTED', 'REJECTED')
 ORDER BY CASE WHEN status = 'REJECTED' THEN 1 ELSE 0 END
 LIMIT 1;
UPDATE seat_ledger
   SET approved       = approved   + CASE WHEN selection_type = 'FIRST_COME' AND approved <  capacity THEN 1 ELSE 0 END,
       waitlisted     = waitlisted + CASE WHEN selection_type = 'FIRST_COME' AND approved >= capacity THEN 1 ELSE 0 END,
       applied        = applied    + CASE WHEN selection_type = 'REVIEW' THEN 1 ELSE 0 END,
       last_placement = CASE WHEN selection_type = 'REVIEW' THEN 'APPLIED'
                             WHEN approved < capacity   THEN 'APPROVED'
                             ELSE 'WAITLISTED' END
 WHERE class_id = '00000000-0000-4000-8000-00000000f011'
   AND (selection_type = 'REVIEW'
        OR approved < capacity
        OR (allow_waitlist AND waitlisted < waitlist_capacity))
RETURNING last_placement;
SET LOCAL synchronous_commit = off;
INSERT INTO idempotency_record (user_id, idempotency_key, request_hash, response_status, response_body, enrollment_id,
                                created_at, expires_at)
VALUES (bench_uuid(:u), 'pgbench-full-' || :u, 'f1d2d2f924e986ac86fdf7b36c94bcdf32beec15f1d2d2f924e986ac86fdf7b3', 409,
        '{"success":false,"error":{"code":"CLASS_FULL","message":"The class has no seat and no waitlist place left."}}',
        NULL, now(), now() + interval '24 hours')
ON CONFLICT (user_id, idempotency_key) DO UPDATE
   SET request_hash = EXCLUDED.request_hash, response_status = EXCLUDED.response_status,
       response_body = EXCLUDED.response_body, enrollment_id = EXCLUDED.enrollment_id,
       created_at = EXCLUDED.created_at, expires_at = EXCLUDED.expires_at
 WHERE idempotency_record.expires_at <= EXCLUDED.created_at;
COMMIT;
