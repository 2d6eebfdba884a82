-- How many checks that compiled a student may make of an assignment; null for no limit.
ALTER TABLE assignment ADD COLUMN max_attempts int CHECK (max_attempts BETWEEN 1 AND 1000);
