-- enrollment-service owns the database mclass_enrollment; no other service reads or writes it.
-- Every schema change is a new versioned migration after this one; applied migrations are never edited.
COMMENT ON SCHEMA public IS 'MClass enrollment-service';
