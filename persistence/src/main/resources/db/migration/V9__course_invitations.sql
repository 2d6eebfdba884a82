-- Students an instructor put on a course's roster before they ever signed in to Pyroom, by their identity provider
-- subject (the key sign-in uses). Their first sign-in enrolls them and removes the row.
CREATE TABLE course_invitation (
    course_id  bigint      NOT NULL REFERENCES course (id) ON DELETE CASCADE,
    subject    text        NOT NULL,
    username   text        NOT NULL,
    invited_by bigint      REFERENCES app_user (id) ON DELETE SET NULL,
    invited_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (course_id, subject)
);
CREATE INDEX course_invitation_subject_idx ON course_invitation (subject);
