-- A sign-in any node of either colour can recognise: the browser keeps a random token in an HttpOnly cookie, the
-- database only its SHA-256. Losing a node (and the HTTP sessions it held) then costs no one a sign-in.
CREATE TABLE remembered_sign_in (
    token_hash text PRIMARY KEY,
    subject    text        NOT NULL,
    username   text        NOT NULL,
    groups     text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL
);
CREATE INDEX remembered_sign_in_subject_idx ON remembered_sign_in (subject);
CREATE INDEX remembered_sign_in_expires_idx ON remembered_sign_in (expires_at);
