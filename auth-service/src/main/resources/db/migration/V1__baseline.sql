-- auth-service owns the database mclass_auth; no other service reads or writes it.
-- Every schema change is a new versioned migration after this one; applied migrations are never edited.
COMMENT ON SCHEMA public IS 'MClass auth-service';
