#!/usr/bin/env bash
# A class arriving at a lab, against one Pyroom node or the HAProxy front of several: N students (default 300) sign
# in through Keycloak's login form within a minute, join the course by its join link (which hands each a copy of the
# assignment), open the editor and run their program, then work for 5 minutes: lint every 3 s (every 5th deep), a
# run every 30 s over the run WebSocket, an editor reload every 60 s. The demo instructor watches the course's cockpit
# meanwhile (its poll's time and bytes; the node's database time per refresh and open sandboxes from its /metrics). The load is Gatling's (bench/classroom, a Maven project of its own); accounts are made through
# Keycloak's admin API.
#
# Prints per phase ("arrival": until a minute after the last student arrived; "steady": after) and operation the
# count, errors and p50/p95/p99, the Pyroom JVM's peak RSS, and ends with
#   RESULT students=<n> arrival_errors=<n> steady_errors=<n> first_run_p95_ms=<x> steady_lint_p95_ms=<x>
#          steady_run_p95_ms=<x> steady_page_p95_ms=<x> rss_mib=<x> ...
#
#   bench/classroom.sh [students]
#   CLASSROOM_NODES=2 bench/classroom.sh [students]     the same against two instances of one colour behind HAProxy
#
# Settings (environment):
#   PYROOM_URL          a running Pyroom to load (default: starts PostgreSQL, Keycloak and Pyroom like bin/pyroom run,
#                       on a fresh database pyroom_classroom_bench, and stops them at the end)
#   CLASSROOM_NODES     without PYROOM_URL: how many Pyroom instances to start (default 1); more than one run as one
#                       colour behind HAProxy over TLS (infra-blue-green/bin/bluegreen), and RSS is their sum
#   CLASSROOM_KEYCLOAK  Keycloak's base URL for the admin API (default: PYROOM_KEYCLOAK_URL)
#   CLASSROOM_ARRIVAL_SECONDS, CLASSROOM_WORK_SECONDS   the arrival window (60) and each student's work (300)
#   CLASSROOM_APP_PIDS  the Pyroom JVMs to sample for RSS when PYROOM_URL is given (default: what listens on its port)
# The course is made in the database Pyroom uses (PYROOM_DB_URL, PYROOM_DB_USER, PYROOM_DB_PASSWORD).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
STUDENTS=${1:-300}
: "${CLASSROOM_ARRIVAL_SECONDS:=60}"
: "${CLASSROOM_WORK_SECONDS:=300}"
: "${CLASSROOM_NODES:=1}"
: "${PYROOM_DB_PORT:=5433}"
if [ -z "${PYROOM_URL:-}" ]; then
    export PYROOM_DB_URL="jdbc:postgresql://localhost:$PYROOM_DB_PORT/pyroom_classroom_bench?connectTimeout=3"
fi
source "$ROOT/bin/lib/common.sh"
source "$ROOT/bin/lib/setup.sh"
source "$ROOT/bin/lib/postgres.sh"
source "$ROOT/bin/lib/keycloak.sh"
source "$ROOT/bin/lib/app.sh"
source "$ROOT/bench/lib/classroom.sh"

WORK=$(mktemp -d)
SAMPLER=
SANDBOX_SAMPLER=
cleanup() {
    [ -z "$SAMPLER" ] || kill "$SAMPLER" 2>/dev/null || true
    [ -z "$SANDBOX_SAMPLER" ] || kill "$SANDBOX_SAMPLER" 2>/dev/null || true
    stop_started
    rm -rf "$WORK"
}
trap cleanup EXIT

# Several instances of one colour behind HAProxy, as production runs them (on this machine's PostgreSQL and Keycloak).
start_nodes() {
    BLUEGREEN="$ROOT/infra-blue-green/bin/bluegreen"
    INSTANCES=$1
    export BLUEGREEN_LB_BIND=${BLUEGREEN_LB_BIND:-127.0.0.1:18443} BLUEGREEN_DEVELOPMENT_SECRETS=1
    source "$ROOT/infra-blue-green/lib/services.sh"
    install_load_tools
    cp "$APP_WAR" "$WORK/pyroom.war"
    STARTED+=("stop_stack")
    ensure_stack 300
    PYROOM_URL="https://127.0.0.1:${BLUEGREEN_LB_BIND##*:}"
    CLASSROOM_APP_PIDS=$(cat "${BLUEGREEN_STATE:-$ROOT/infra-blue-green/.state}/$("$BLUEGREEN" live)"/instance-*.pid |
        tr '\n' ' ')
}

install_prerequisites run
if [ -z "${PYROOM_URL:-}" ]; then
    fetch_distributions
    postgres_start app "$PYROOM_DB_PORT" pyroom_classroom_bench --fresh
    keycloak_start
    app_build
    if [ "$CLASSROOM_NODES" -gt 1 ]; then
        start_nodes "$CLASSROOM_NODES"
    else
        app_start
        PYROOM_URL="http://localhost:$PYROOM_HTTP_PORT"
        CLASSROOM_APP_PIDS=$(pgrep -g "$APP_PID" java | tr '\n' ' ')
    fi
fi
: "${CLASSROOM_KEYCLOAK:=$PYROOM_KEYCLOAK_URL}"
: "${CLASSROOM_APP_PIDS:=$(listening_pids "$PYROOM_URL")}"
[ -n "$CLASSROOM_APP_PIDS" ] || die "no Pyroom process found for $PYROOM_URL: set CLASSROOM_APP_PIDS"

say "making the course (join code, assignment) as the demo instructor"
sign_in_user "$PYROOM_URL" "$WORK/instructor" instructor /instructor/index.xhtml "Instructor console"
read -r course code < <(make_lab_course)

say "loading $PYROOM_URL with $STUDENTS students (load before: $(cut -d' ' -f1-3 /proc/loadavg))"
sample_rss "$WORK/rss" $CLASSROOM_APP_PIDS &
SAMPLER=$!
# One node's own /metrics; behind HAProxy (CLASSROOM_NODES=2) users, and so this bench, cannot reach them.
metrics="$PYROOM_URL/metrics"
metrics_sample "$metrics" BEFORE >"$WORK/server"
sample_sandboxes "$metrics" >>"$WORK/server" &
SANDBOX_SAMPLER=$!
if ! (cd "$ROOT/bench/classroom" && mvn -B -ntp gatling:test \
    -Dclassroom.url="$PYROOM_URL" -Dclassroom.keycloak-url="$CLASSROOM_KEYCLOAK" \
    -Dclassroom.keycloak-admin-password="$PYROOM_KEYCLOAK_ADMIN_PASSWORD" \
    -Dclassroom.students="$STUDENTS" -Dclassroom.course="$course" -Dclassroom.join-code="$code" \
    -Dclassroom.arrival-seconds="$CLASSROOM_ARRIVAL_SECONDS" -Dclassroom.work-seconds="$CLASSROOM_WORK_SECONDS" \
    >"$WORK/gatling.log" 2>&1); then
    # Gatling fails the build when a request failed; the figures below say which. A load that never ran is fatal.
    grep -q "Reports generated" "$WORK/gatling.log" || { tail -n 60 "$WORK/gatling.log"; die "Gatling did not run"; }
fi
kill "$SAMPLER" "$SANDBOX_SAMPLER" 2>/dev/null || true
SAMPLER=
SANDBOX_SAMPLER=
metrics_sample "$metrics" AFTER >>"$WORK/server"
report=$(ls -td "$ROOT"/bench/classroom/target/gatling/classroom*/ | head -n 1)
cp "$WORK/gatling.log" "$report/console.log"
# Gatling's last summary lists each kind of error with its count: print it, if any.
awk '/^---- Errors/ { block = ""; show = 1 } show && /^$/ { show = 0; last = block } show { block = block $0 "\n" }
    END { printf "%s", last }' "$WORK/gatling.log"
echo "Gatling's report: $report"
python3 "$ROOT/bench/classroom/report.py" "$report" "$WORK/rss" "$STUDENTS" "${CLASSROOM_RESULT:-classroom}" \
    "$WORK/server"
