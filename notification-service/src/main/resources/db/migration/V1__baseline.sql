-- notification-service owns the database mclass_notification; no other service reads or writes it.
-- Every schema change is a new versioned migration after this one; applied migrations are never edited.
COMMENT ON SCHEMA public IS 'MClass notification-service';
