-- An admin may put a class behind the waiting room (enrollment-service's queue) before a rush: carried in the class's
-- events. Off unless set.
ALTER TABLE mclass ADD COLUMN rush_protected boolean NOT NULL DEFAULT false;
