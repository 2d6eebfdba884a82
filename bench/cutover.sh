#!/usr/bin/env bash
# What users see during a blue/green cutover, a rollback and a kill -9 of one live instance.
#
# Keeps a steady, modest load on HAProxy's frontend (wrk: page loads of / and /api/health from a few simulated
# browsers that keep their cookies) while it performs, one phase at a time:
#   cutover   bluegreen deploy of the same war to the idle colour (--keep-warm)
#   rollback  bluegreen rollback
#   kill9     kill -9 of one instance of the live colour (which then runs at least two)
# and counts, per phase, the requests and those that failed (non-2xx answers, socket errors, timeouts).
# The last line reads: RESULT cutover_failed=<n> rollback_failed=<n> kill9_failed=<n> requests=<n>
#
# usage: bench/cutover.sh [--instances N] [--war WAR]
#   N instances per colour (default 2); the kill9 phase runs the live colour with at least two.
# It uses (or starts) PostgreSQL and Keycloak through bin/pyroom services and HAProxy and the instances through
# infra-blue-green/bin/bluegreen; it stops what it started. Traffic goes to loopback only.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BLUEGREEN="$ROOT/infra-blue-green/bin/bluegreen"
# shellcheck source=../infra-blue-green/lib/services.sh
source "$ROOT/infra-blue-green/lib/services.sh"

: "${BLUEGREEN_LB_BIND:=127.0.0.1:18443}"
: "${PYROOM_DB_URL:=jdbc:postgresql://localhost:5433/pyroom?connectTimeout=3}"
: "${PYROOM_OIDC_PROVIDER_URI:=http://localhost:8180/realms/pyroom}"
# The load: threads (one simulated browser each), connections, pause between a connection's requests.
: "${BENCH_THREADS:=4}"
: "${BENCH_CONNECTIONS:=8}"
: "${BENCH_DELAY_MS:=60}"
# Seconds of load before and after each phase's action, and the longest a phase may last.
: "${BENCH_SETTLE:=5}"
: "${BENCH_PHASE_LIMIT:=600}"
# How long to wait for PostgreSQL and Keycloak when this script starts them.
: "${BENCH_SERVICES_TIMEOUT:=300}"

INSTANCES=2
WAR="$ROOT/webapp/target/pyroom.war"
WORK=$(mktemp -d)
TOTAL_REQUESTS=0
declare -A FAILED

say() { printf '%s\n' "$*"; }
die() {
    printf 'cutover: %s\n' "$*" >&2
    exit 1
}

parse_arguments() {
    while [ $# -gt 0 ]; do
        case "$1" in
            --instances) INSTANCES=${2:-}; shift 2 ;;
            --war) WAR=${2:-}; shift 2 ;;
            *) die "usage: bench/cutover.sh [--instances N] [--war WAR]" ;;
        esac
    done
    case "$INSTANCES" in
        '' | *[!0-9]* | 0) die "--instances needs a positive number" ;;
    esac
    [ -f "$WAR" ] || die "war not found: $WAR (build it with: mvn -B -q -ntp -DskipTests package)"
}

frontend_url() {
    echo "https://$BLUEGREEN_LB_BIND"
}

stop_started() {
    stop_stack
    rm -rf "$WORK"
}

# Each wrk thread is one browser: it keeps the cookies it is given (HAProxy's SERVERID, the session id), so it
# stays on one instance while that instance lives, as a real user would.
write_load_script() {
    cat >"$WORK/load.lua" <<'LUA'
local threads = {}

function setup(thread)
    table.insert(threads, thread)
end

local paths = { "/", "/api/health" }
local turn = 0
local cookies = {}
local pause = tonumber(os.getenv("BENCH_DELAY_MS") or "40")
bad = 0
bad_statuses = ""

function request()
    turn = turn + 1
    local headers = {}
    local jar = {}
    for name, value in pairs(cookies) do
        table.insert(jar, name .. "=" .. value)
    end
    if #jar > 0 then
        headers["Cookie"] = table.concat(jar, "; ")
    end
    return wrk.format("GET", paths[turn % #paths + 1], headers)
end

function response(status, headers, body)
    if status < 200 or status > 299 then
        bad = bad + 1
        if #bad_statuses < 60 then
            bad_statuses = bad_statuses .. status .. " "
        end
    end
    local set_cookie = headers["set-cookie"] or headers["Set-Cookie"]
    if set_cookie then
        local name, value = string.match(set_cookie, "^%s*([^=;]+)=([^;]*)")
        if name then
            cookies[name] = value
        end
    end
end

function delay()
    return pause
end

function done(summary, latency, requests)
    local non2xx = 0
    local statuses = ""
    for _, thread in ipairs(threads) do
        non2xx = non2xx + thread:get("bad")
        statuses = statuses .. thread:get("bad_statuses")
    end
    local errors = summary.errors
    io.write(string.format(
        "COUNTS requests=%d non2xx=%d socket_errors=%d timeouts=%d p99_ms=%.1f max_ms=%.1f statuses=[%s]\n",
        summary.requests, non2xx, errors.connect + errors.read + errors.write, errors.timeout,
        latency:percentile(99) / 1000, latency.max / 1000, statuses))
end
LUA
}

counts_field() {
    sed -n "s/^COUNTS .*\b$2=\([^ ]*\).*/\1/p" "$1"
}

# run_phase NAME COMMAND...: load before, during and after COMMAND; records the phase's counts.
run_phase() {
    local name=$1 out wrk_pid requests non2xx socket timeouts failed start_s action_rc=0
    shift
    out="$WORK/$name.wrk"
    say ""
    say "== $name: $*"
    BENCH_DELAY_MS=$BENCH_DELAY_MS wrk -t "$BENCH_THREADS" -c "$BENCH_CONNECTIONS" -d "${BENCH_PHASE_LIMIT}s" \
        --timeout 10s -s "$WORK/load.lua" "$(frontend_url)" >"$out" 2>&1 &
    wrk_pid=$!
    start_s=$SECONDS
    sleep "$BENCH_SETTLE"
    "$@" 2>&1 | sed 's/^/   | /' || action_rc=$?
    sleep "$BENCH_SETTLE"
    # wrk prints its summary when interrupted, as at the end of its duration.
    kill -INT "$wrk_pid" 2>/dev/null || true
    wait "$wrk_pid" || true
    requests=$(counts_field "$out" requests)
    [ -n "$requests" ] || die "$name: wrk printed no counts: $(cat "$out")"
    non2xx=$(counts_field "$out" non2xx)
    socket=$(counts_field "$out" socket_errors)
    timeouts=$(counts_field "$out" timeouts)
    failed=$((non2xx + socket + timeouts))
    FAILED[$name]=$failed
    TOTAL_REQUESTS=$((TOTAL_REQUESTS + requests))
    say "   $name: $((SECONDS - start_s))s, requests=$requests non2xx=$non2xx socket_errors=$socket timeouts=$timeouts" \
        "failed=$failed p99=$(counts_field "$out" p99_ms)ms max=$(counts_field "$out" max_ms)ms"
    [ "$failed" -eq 0 ] || say "   non-2xx statuses seen: $(sed -n 's/^COUNTS .*statuses=\[\(.*\)\]/\1/p' "$out")"
    [ "$action_rc" -eq 0 ] || die "$name: the action failed (exit $action_rc); see above"
}

# Requests each live instance served since HAProxy started, from 'bluegreen status': "NAME COUNT" lines.
served_by_live_instances() {
    local live=$1
    "$BLUEGREEN" status | awk -v colour="$live" '$1 == colour && $4 != "dead" { print $2, $8 }'
}

# The instance that served the most requests over two seconds: the simulated browsers stick to it, so killing
# it puts failover to the test (the others may have no browser at all).
busiest_live_instance() {
    local live=$1 name count gained most=-1 busiest=""
    local -A before=()
    while read -r name count; do
        before[$name]=$count
    done < <(served_by_live_instances "$live")
    sleep 2
    while read -r name count; do
        gained=$((count - ${before[$name]:-0}))
        if [ "$gained" -gt "$most" ]; then
            most=$gained
            busiest=$name
        fi
    done < <(served_by_live_instances "$live")
    echo "$busiest"
}

kill_live_instance() {
    local live name pid
    live=$("$BLUEGREEN" live)
    name=$(busiest_live_instance "$live")
    pid=$("$BLUEGREEN" status | awk -v name="$name" '$2 == name { print $4 }')
    case "$pid" in
        '' | *[!0-9]*) die "no running instance of $live to kill" ;;
    esac
    "$BLUEGREEN" status | sed -n '/^COLOUR/,$p'
    say "kill -9 $name (pid $pid), the instance the simulated browsers use most"
    kill -9 "$pid"
    # Long enough for HAProxy's health checks to mark it down and for its users to land elsewhere.
    sleep 10
    "$BLUEGREEN" status | sed -n '/^COLOUR/,$p'
}

prepare_kill9() {
    local live idle
    live=$("$BLUEGREEN" live)
    if [ "$live" = blue ]; then idle=green; else idle=blue; fi
    say ""
    say "== preparing kill9: stop the idle colour, run $live with at least two instances"
    "$BLUEGREEN" stop "$idle"
    "$BLUEGREEN" start "$live" "$((INSTANCES < 2 ? 2 : INSTANCES))"
}

main() {
    parse_arguments "$@"
    install_load_tools wrk:wrk
    trap stop_started EXIT
    trap 'exit 130' INT TERM
    write_load_script
    # One copy for the whole run: the original may be rebuilt meanwhile.
    cp "$WAR" "$WORK/pyroom.war"
    ensure_stack "$BENCH_SERVICES_TIMEOUT"
    "$BLUEGREEN" status
    run_phase cutover "$BLUEGREEN" deploy "$WORK/pyroom.war" --keep-warm --instances "$INSTANCES"
    run_phase rollback "$BLUEGREEN" rollback
    prepare_kill9
    run_phase kill9 kill_live_instance
    say ""
    say "RESULT cutover_failed=${FAILED[cutover]} rollback_failed=${FAILED[rollback]} kill9_failed=${FAILED[kill9]} requests=$TOTAL_REQUESTS"
}

main "$@"
