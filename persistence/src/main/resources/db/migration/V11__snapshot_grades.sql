-- The grade of each due-date snapshot: its check against the assignment's tests, kept in a shape an LTI score can be
-- sent from (score given, score maximum, when, and whether grading is done). A re-grade replaces it.
CREATE TABLE snapshot_grade (
    copy_id   bigint      PRIMARY KEY REFERENCES assignment_copy (id) ON DELETE CASCADE,
    graded_at timestamptz NOT NULL,
    outcome   text        NOT NULL CHECK (outcome IN ('GRADED', 'NOT_COMPILED', 'GRADER_FAILED')),
    score     int         NOT NULL,
    max_score int         NOT NULL,
    results   jsonb       NOT NULL
);

-- Snapshots are graded when they are taken and again after an instructor asks for a re-grade: a snapshot whose grade
-- is older than grades_requested_at is due. A node grading a snapshot claims it for a while, so that the nodes share
-- the work and a snapshot whose node died is taken up again.
ALTER TABLE assignment ADD COLUMN grades_requested_at timestamptz;
ALTER TABLE assignment_copy ADD COLUMN grading_claimed_until timestamptz;
