#!/usr/bin/env bash
# Autograding speed, as students and instructors meet it:
#   1. one student's Check of a 10-test assignment (5 I/O tests, 5 unit tests: bench/grading) over the API, the whole
#      round trip (a sandbox of the check's own, every test, the result stored), against the same 10 tests run by bare
#      /usr/bin/python3 (the sandboxes' interpreter), one process per test, with no sandbox;
#   2. a re-grade of 300 due-date snapshots of that assignment, asked for over the API, timed until every snapshot has
#      its new grade. The 300 students are rows in the database (stand-ins: grading needs no sign-in), their snapshots
#      the reference solution.
# Ends with
#   RESULT check_p50_ms=<x> check_p95_ms=<x> bare_p50_ms=<x> bare_p95_ms=<x> regrade_300_s=<x>
#
#   bench/grading.sh [checks]        (default 40 checks after 3 to warm up)
#
# Uses a running Pyroom at PYROOM_URL (with the demo users of the development realm, and PYROOM_DB_URL, PYROOM_DB_USER,
# PYROOM_DB_PASSWORD of its database), or starts PostgreSQL, Keycloak and Pyroom like bin/pyroom run on a fresh
# database pyroom_grading_bench and stops them at the end.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CHECKS=${1:-40}
SNAPSHOTS=300
PYTHON=/usr/bin/python3
: "${PYROOM_DB_PORT:=5433}"
if [ -z "${PYROOM_URL:-}" ]; then
    export PYROOM_DB_URL="jdbc:postgresql://localhost:$PYROOM_DB_PORT/pyroom_grading_bench?connectTimeout=3"
fi
source "$ROOT/bin/lib/common.sh"
source "$ROOT/bin/lib/setup.sh"
source "$ROOT/bin/lib/postgres.sh"
source "$ROOT/bin/lib/keycloak.sh"
source "$ROOT/bin/lib/app.sh"
source "$ROOT/bench/lib/classroom.sh"

WORK=$(mktemp -d)
cleanup() {
    stop_started
    rm -rf "$WORK"
}
trap cleanup EXIT

install_prerequisites run
if [ -z "${PYROOM_URL:-}" ]; then
    fetch_distributions
    postgres_start app "$PYROOM_DB_PORT" pyroom_grading_bench --fresh
    keycloak_start
    app_build
    app_start
    PYROOM_URL="http://localhost:$PYROOM_HTTP_PORT"
fi
[ -x "$PYTHON" ] || die "$PYTHON (the sandboxes' interpreter) is missing"

# The assignment's files and tests; the I/O tests' expected output is the reference program's.
cp -r "$ROOT/bench/grading" "$WORK/assignment"
for input in "$WORK"/assignment/io/*.in; do
    (cd "$WORK/assignment" && "$PYTHON" main.py <"$input" >"${input%.in}.out")
done

say "making the course and its 10-test assignment"
sign_in_user "$PYROOM_URL" "$WORK/instructor" instructor /instructor/index.xhtml "Instructor console"
read -r course code < <(make_lab_course)
assignment=$(bench_sql -v course="$course" <<'SQL'
SELECT id FROM assignment WHERE course_id = :course;
SQL
)
for file in main.py solution.py; do
    bench_sql -v a="$assignment" -v path="$file" -v content="$(cat "$WORK/assignment/$file")" <<'SQL'
INSERT INTO assignment_file (assignment_id, path, kind, content) VALUES (:a, :'path', 'FILE', :'content')
ON CONFLICT (assignment_id, path) DO UPDATE SET content = excluded.content;
SQL
done
position=0
for input in "$WORK"/assignment/io/*.in; do
    position=$((position + 1))
    bench_sql -v a="$assignment" -v pos="$position" -v stdin="$(cat "$input")" \
        -v expected="$(cat "${input%.in}.out")" <<'SQL'
INSERT INTO assignment_test (assignment_id, position, name, kind, points, time_limit_ms, visible, stdin,
                             expected_output, comparison, tolerance)
VALUES (:a, :pos, 'statistics ' || :pos, 'IO', 1, 2000, :pos % 2 = 1, :'stdin', :'expected', 'NUMERIC', 1e-9);
SQL
done
for source in "$WORK"/assignment/unit/*.py; do
    position=$((position + 1))
    bench_sql -v a="$assignment" -v pos="$position" -v name="$(basename "$source" .py)" \
        -v source="$(cat "$source")" <<'SQL'
INSERT INTO assignment_test (assignment_id, position, name, kind, points, time_limit_ms, visible, source)
VALUES (:a, :pos, :'name', 'UNIT', 1, 2000, :pos % 2 = 1, :'source');
SQL
done

say "the demo student joins the course and checks their copy $CHECKS times"
sign_in_user "$PYROOM_URL" "$WORK/student" student "/my/courses.xhtml?code=$code" "My courses"
workspace=$(bench_sql -v a="$assignment" <<'SQL'
SELECT c.workspace_id FROM assignment_copy c JOIN app_user u ON u.id = c.student_id
 WHERE c.assignment_id = :a AND u.username = 'student';
SQL
)
[ -n "$workspace" ] || die "joining the course gave the student no copy of the assignment"
check() {
    curl -fsS -o "$WORK/check.json" -w '%{time_total}\n' -b "$WORK/student" -X POST \
        "$PYROOM_URL/api/workspaces/$workspace/checks" || die "the check failed: $(cat "$WORK/check.json" 2>/dev/null)"
    "$PYTHON" -c 'import json, sys
check = json.load(open(sys.argv[1]))
if check["passed"] != 10:
    sys.exit("the reference solution passed %s of 10 tests: %s" % (check["passed"], check["results"]))' \
        "$WORK/check.json" || die "the check gave a wrong result"
}
for _ in 1 2 3; do check >/dev/null; done
for _ in $(seq "$CHECKS"); do check; done | awk '{ printf "%.1f\n", $1 * 1000 }' >"$WORK/checks.ms"
"$PYTHON" "$ROOT/bench/grading/bare.py" "$PYTHON" 3 "$WORK/assignment" >/dev/null
"$PYTHON" "$ROOT/bench/grading/bare.py" "$PYTHON" "$CHECKS" "$WORK/assignment" >"$WORK/bare.ms"

say "re-grading $SNAPSHOTS snapshots"
bench_sql -v a="$assignment" -v course="$course" -v n="$SNAPSHOTS" \
    -v main="$(cat "$WORK/assignment/main.py")" -v solution="$(cat "$WORK/assignment/solution.py")" <<'SQL'
INSERT INTO app_user (subject, username, display_name)
SELECT 'grading-bench-' || :course || '-' || i, 'grading' || i, 'Student ' || i FROM generate_series(1, :n) i;
INSERT INTO course_member (course_id, user_id, role, joined_at)
SELECT :course, id, 'STUDENT', now() FROM app_user WHERE subject LIKE 'grading-bench-' || :course || '-%';
INSERT INTO assignment_copy (assignment_id, student_id, snapshot_at)
SELECT :a, id, now() FROM app_user WHERE subject LIKE 'grading-bench-' || :course || '-%';
INSERT INTO snapshot_file (copy_id, path, content)
SELECT c.id, f.path, f.content FROM assignment_copy c
 CROSS JOIN (VALUES ('main.py', :'main'), ('solution.py', :'solution')) f (path, content)
 WHERE c.assignment_id = :a AND c.snapshot_at IS NOT NULL;
SQL
grading="$PYROOM_URL/api/courses/$course/assignments/$assignment/grading"
started=$(date +%s%N)
curl -fsS -o /dev/null -b "$WORK/instructor" -X POST "$grading" || die "the re-grade was refused"
while ! curl -fsS -b "$WORK/instructor" "$grading" | grep -q '"done":true'; do
    sleep 0.5
    [ $(($(date +%s%N) - started)) -lt 900000000000 ] || die "the re-grade did not finish in 15 minutes"
done
regrade_ms=$((($(date +%s%N) - started) / 1000000))
failed=$(bench_sql -v a="$assignment" <<'SQL'
SELECT count(*) FROM snapshot_grade g JOIN assignment_copy c ON c.id = g.copy_id
 WHERE c.assignment_id = :a AND g.score <> 10;
SQL
)
[ "$failed" = 0 ] || die "$failed snapshots of the reference solution were not graded 10/10"

"$PYTHON" - "$WORK/checks.ms" "$WORK/bare.ms" "$regrade_ms" <<'PY'
import statistics, sys

def percentiles(path):
    values = sorted(float(line) for line in open(path) if line.strip())
    return statistics.median(values), values[max(0, round(0.95 * len(values)) - 1)]

check50, check95 = percentiles(sys.argv[1])
bare50, bare95 = percentiles(sys.argv[2])
regrade = float(sys.argv[3]) / 1000
print(f"{'':34}{'p50 ms':>10}{'p95 ms':>10}")
print(f"{'Check, 10 tests (API, sandbox)':34}{check50:10.1f}{check95:10.1f}")
print(f"{'bare python3, same 10 tests':34}{bare50:10.1f}{bare95:10.1f}")
print(f"re-grade of 300 snapshots x 10 tests: {regrade:.1f} s")
print(f"RESULT check_p50_ms={check50:.1f} check_p95_ms={check95:.1f} bare_p50_ms={bare50:.1f} "
      f"bare_p95_ms={bare95:.1f} regrade_300_s={regrade:.1f}")
PY
