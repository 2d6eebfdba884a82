-- A 300-student course and a 30-student one (the baseline), taught by the demo instructor, with activity:
-- lint results, runs, editors open, and 50 sandbox claims of a node that stays alive while the bench runs.
-- psql variables: instructor (the instructor's app_user id).
INSERT INTO app_user (subject, username, email, display_name)
SELECT 'bench-' || g, 'bench' || g, 'bench' || g || '@pyroom.example', 'Bench Student ' || lpad(g::text, 3, '0')
  FROM generate_series(1, 300) g;

INSERT INTO course (name, term, join_code, created_at)
VALUES ('Bench 300', 'Bench', 'BENCH300', now()), ('Bench 30', 'Bench', 'BENCH030', now());

CREATE TEMP TABLE bench_course AS
SELECT c.id, c.name, CASE c.join_code WHEN 'BENCH300' THEN 300 ELSE 30 END AS size
  FROM course c WHERE c.join_code IN ('BENCH300', 'BENCH030');

INSERT INTO course_member (course_id, user_id, role, joined_at)
SELECT id, :instructor, 'INSTRUCTOR', now() FROM bench_course;
INSERT INTO course_member (course_id, user_id, role, joined_at)
SELECT bc.id, u.id, 'STUDENT', now()
  FROM bench_course bc JOIN app_user u ON u.subject LIKE 'bench-%'
 WHERE substring(u.subject from 7)::int <= bc.size;

INSERT INTO assignment (course_id, title, published_at) SELECT id, 'Loops', now() FROM bench_course;
INSERT INTO assignment_file (assignment_id, path, kind, content)
SELECT a.id, 'main.py', 'FILE', 'print("hi")' || chr(10) FROM assignment a JOIN bench_course bc ON bc.id = a.course_id;

INSERT INTO workspace (owner_id, name, created_at, updated_at)
SELECT m.user_id, bc.name || ' loops', now(), now() - random() * interval '10 minutes'
  FROM course_member m JOIN bench_course bc ON bc.id = m.course_id WHERE m.role = 'STUDENT';
CREATE TEMP TABLE bench_copy AS
SELECT a.id AS assignment_id, m.user_id AS student_id, w.id AS workspace_id,
       substring(u.subject from 7)::int AS n, bc.size
  FROM course_member m
  JOIN bench_course bc ON bc.id = m.course_id
  JOIN assignment a ON a.course_id = bc.id
  JOIN app_user u ON u.id = m.user_id
  JOIN workspace w ON w.owner_id = m.user_id AND w.name = bc.name || ' loops'
 WHERE m.role = 'STUDENT';
INSERT INTO assignment_copy (assignment_id, student_id, workspace_id)
SELECT assignment_id, student_id, workspace_id FROM bench_copy;
INSERT INTO workspace_file (workspace_id, path, kind, content, size_bytes, created_at, updated_at)
SELECT workspace_id, 'main.py', 'FILE', 'print(greting)' || chr(10), 15, now(), now() FROM bench_copy;

INSERT INTO file_check (workspace_id, path, error_count, top_symbol, top_error, checked_at)
SELECT workspace_id, 'main.py', CASE WHEN n % 3 = 0 THEN 0 ELSE 1 + n % 4 END,
       CASE WHEN n % 3 = 0 THEN NULL WHEN n % 3 = 1 THEN 'undefined-variable' ELSE 'syntax-error' END,
       CASE WHEN n % 3 = 0 THEN NULL ELSE 'line 1: something is wrong' END,
       now() - random() * interval '5 minutes'
  FROM bench_copy;
INSERT INTO run_outcome (workspace_id, user_id, entry_file, started_at, ended_at, ending, exit_code, error_name,
                         output_tail, output_truncated)
SELECT workspace_id, student_id, 'main.py', now() - r * interval '1 minute', now() - r * interval '1 minute',
       'EXITED', CASE WHEN n % 2 = 0 THEN 0 ELSE 1 END, CASE WHEN n % 2 = 0 THEN NULL ELSE 'NameError' END,
       repeat('output line' || chr(10), 200), false
  FROM bench_copy, generate_series(1, 5) r;
INSERT INTO presence (user_id, workspace_id, seen_at)
SELECT student_id, workspace_id, now() FROM bench_copy WHERE size = 300 AND n % 2 = 0
ON CONFLICT (user_id) DO NOTHING;

INSERT INTO node (id, colour, started_at, seen_at) VALUES ('bench-node', 'blue', now(), now() + interval '1 day');
INSERT INTO sandbox (workspace_id, owner_id, node_id, backend, state, created_at, last_activity_at)
SELECT workspace_id, student_id, 'bench-node', 'bubblewrap', CASE WHEN n <= 20 THEN 'RUNNING' ELSE 'IDLE' END,
       now(), now()
  FROM bench_copy WHERE size = 300 AND n <= 50;

SELECT id || ' ' || size FROM bench_course ORDER BY size DESC;
