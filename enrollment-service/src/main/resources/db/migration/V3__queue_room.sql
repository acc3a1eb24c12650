-- Which classes an admin put behind the waiting room (class-service's rushProtected, carried by its class events).
-- Kept apart from class_snapshot so the hot path's reads stay as they are: every replica holds this (small) set in
-- memory and reloads it every second.
CREATE TABLE queue_room (
    class_id       uuid PRIMARY KEY,
    rush_protected boolean NOT NULL,
    class_version  bigint NOT NULL,  -- class-service's version the flag came with; older versions are ignored
    updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX queue_room_protected ON queue_room (class_id) WHERE rush_protected;
