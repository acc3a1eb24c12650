-- pgbench script: one student takes a seat — the whole transaction enrollment-service runs for it
-- (Enrolling.decide), statement for statement, against the service's own schema in the scratch database.
-- The statements are copied from enrollment-service/src/main/java/com/mclass/enrollment/: IdempotencyRecords.claim,
-- Enrollments.blockingEarlier, Enrollments.insert, platform-events Outbox.append, IdempotencyRecords.remember and, last,
-- seat/SeatLedger.take (TAKE_SEAT, verbatim: the seat the class's snapshot promised); keep them in sync when those
-- change. (When the snapshot was wrong the service rolls back and takes the place first with ALLOCATE; a class with
-- room for everyone never does.)
-- Class ...c1a5 has seats for every transaction of the run, so every transaction locks the ledger row from the
-- UPDATE to its durable COMMIT: the tps is the hot row's serial throughput (8 clients queue on one row).
-- Run: pgbench -h 127.0.0.1 -U postgres -n -c 8 -j 2 -T 10 -f load-tests/pgbench/enroll.sql mclass_bench_pgbench
\set u random(1, 2000000000)
BEGIN;
-- IdempotencyRecords.claim
SELECT pg_try_advisory_xact_lock(:u);
SELECT request_hash, response_status, response_body FROM idempotency_record
 WHERE user_id = bench_uuid(:u) AND idempotency_key = 'pgbench-' || :u AND expires_at > now();
-- Enrollments.blockingEarlier
SELECT status FROM enrollment
 WHERE user_id = bench_uuid(:u) AND mclass_id = '00000000-0000-4000-8000-00000000c1a5'
   AND status IN ('APPLIED', 'APPROVED', 'WAITLISTED', 'REJECTED')
 ORDER BY CASE WHEN status = 'REJECTED' THEN 1 ELSE 0 END
 LIMIT 1;
-- Enrollments.insert: the enrollment and its first history row in one statement
WITH inserted AS (
    INSERT INTO enrollment (id, mclass_id, user_id, status, answers, form_version, applied_at, decided_at,
                            updated_at, recipient_email, recipient_name, recipient_locale)
    VALUES (gen_random_uuid(), '00000000-0000-4000-8000-00000000c1a5', bench_uuid(:u), 'APPROVED', CAST('{}' AS jsonb), NULL,
            now(), now(), now(), 'bench.' || :u || '@example.com', 'Bench Student', 'en')
    ON CONFLICT (user_id, mclass_id) WHERE status IN ('APPLIED', 'APPROVED', 'WAITLISTED') DO NOTHING
    RETURNING id, mclass_id, status, applied_at)
INSERT INTO enrollment_history (enrollment_id, mclass_id, from_status, to_status, actor_type, actor_id, occurred_at)
SELECT id, mclass_id, NULL, status, 'USER', bench_uuid(:u), applied_at FROM inserted;
-- Outbox.append (an ENROLLMENT_APPROVED envelope of the size the service writes, ~900 bytes)
INSERT INTO outbox_event (id, topic, message_key, type, payload, traceparent)
VALUES (gen_random_uuid(), 'mclass.enrollment.events', bench_uuid(:u)::text, 'ENROLLMENT_APPROVED',
        '{"id":"7d1f4bb8-7f1e-4a55-9f3c-0a3c0f6c2f51","type":"ENROLLMENT_APPROVED","specversion":"1.0","source":"enrollment-service","subject":"'
        || bench_uuid(:u)::text
        || '","time":"2026-11-26T09:00:00.123456Z","dataversion":1,"traceparent":"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01","data":{"enrollmentId":"'
        || bench_uuid(:u)::text
        || '","mclassId":"00000000-0000-4000-8000-00000000c1a5","userId":"' || bench_uuid(:u)::text
        || '","status":"APPROVED","previousStatus":null,"reason":null,"recipient":{"email":"bench.' || :u
        || '@example.com","name":"Bench Student","locale":"en"},"mclass":{"title":"pgbench: seats left","startAt":"2026-11-28T09:00:00Z","endAt":"2026-11-28T11:00:00Z","location":null,"online":true},"occurredAt":"2026-11-26T09:00:00.123456Z"}}',
        '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01');
-- IdempotencyRecords.remember: the exact 201 body, replayed for the same key
INSERT INTO idempotency_record (user_id, idempotency_key, request_hash, response_status, response_body, enrollment_id,
                                created_at, expires_at)
VALUES (bench_uuid(:u), 'pgbench-' || :u, 'f1d2d2f924e986ac86fdf7b36c94bcdf32beec15f1d2d2f924e986ac86fdf7b3', 201,
        '{"success":true,"data":{"id":"7d1f4bb8-7f1e-4a55-9f3c-0a3c0f6c2f51","mclassId":"00000000-0000-4000-8000-00000000c1a5","userId":"'
        || bench_uuid(:u)::text
        || '","status":"APPROVED","answers":{},"formVersion":null,"appliedAt":"2026-11-26T09:00:00.123456Z","decidedAt":"2026-11-26T09:00:00.123456Z","canceledAt":null,"reason":null}}',
        NULL, now(), now() + interval '24 hours')
ON CONFLICT (user_id, idempotency_key) DO UPDATE
   SET request_hash = EXCLUDED.request_hash, response_status = EXCLUDED.response_status,
       response_body = EXCLUDED.response_body, enrollment_id = EXCLUDED.enrollment_id,
       created_at = EXCLUDED.created_at, expires_at = EXCLUDED.expires_at
 WHERE idempotency_record.expires_at <= EXCLUDED.created_at;
-- SeatLedger.take (TAKE_SEAT), last: the class's ledger row is held from here to the durable COMMIT only
UPDATE seat_ledger SET approved = approved + 1, last_placement = 'APPROVED'
 WHERE class_id = '00000000-0000-4000-8000-00000000c1a5' AND selection_type = 'FIRST_COME' AND approved + offered < capacity;
COMMIT;
