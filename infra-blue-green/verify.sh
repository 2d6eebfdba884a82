#!/usr/bin/env bash
# Proves that signed-in users do not notice a blue/green cutover, a rollback, or a live instance that crashes or
# hangs, and that such an instance comes back by itself.
#
# Signed-in simulated students (real Keycloak sign-in through the login form, cookies kept, one open editor page
# each) work through HAProxy over HTTPS: page loads, the editor's Faces AJAX saves with the page's view state, lint
# requests and WebSocket runs over wss (lib/mixed-load.sh: Gatling, trusting exactly HAProxy's certificate). Meanwhile,
# one phase at a time:
#   cutover   bluegreen deploy of the war to the idle colour (--keep-warm)
#   rollback  bluegreen rollback
#   killnode  kill -9 of the live instance the students use most; its supervisor must start it again, and it
#             must serve again (through HAProxy) by itself
#   stopnode  kill -STOP of the live instance the students use most (a hung JVM): HAProxy takes it out of
#             rotation, its watchdog kills it, its supervisor starts it again; back within VERIFY_HEAL_LIMIT seconds
# Between rollback and killnode the colour rolled back from is stopped on purpose, and must stay stopped.
# For each phase it reports requests, failures, forced re-logins (a request that landed on Keycloak's sign-in
# form) and lost saves (every student reads its file back through the app at the end of each phase: the last
# acknowledged save must be there). The last line reads:
#   RESULT cutover_failed=<n> rollback_failed=<n> killnode_failed=<n> stopnode_failed=<n> requests=<n>
#          cutover_s=<x> switch_s=<x> heal_s=<x>
# where a phase's failures count failed requests, forced re-logins and lost saves, cutover_s is how long
# 'bluegreen deploy' took, switch_s the switch itself within it, and heal_s the seconds from the kill -9 until the
# killed instance served a request again. It exits non-zero when anything failed or an instance did not come back in
# time.
#
# usage: infra-blue-green/verify.sh [--short] [--instances N] [--students S] [--war WAR]
#   --short: the same phases with shorter pauses (VERIFY_SETTLE=4) and 4 students unless --students says otherwise,
#            for bin/pyroom test
# It uses (or starts) PostgreSQL and Keycloak through bin/pyroom services, HAProxy and the instances through
# bin/bluegreen, and stops what it started. Traffic stays on loopback. Bounded: every wait has a limit.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
BLUEGREEN="$HERE/bin/bluegreen"
# shellcheck source=lib/services.sh
source "$HERE/lib/services.sh"
# shellcheck source=lib/mixed-load.sh
source "$HERE/lib/mixed-load.sh"

: "${BLUEGREEN_LB_BIND:=127.0.0.1:18443}"
: "${PYROOM_DB_URL:=jdbc:postgresql://localhost:5433/pyroom?connectTimeout=3}"
: "${PYROOM_OIDC_PROVIDER_URI:=http://localhost:8180/realms/pyroom}"
# The simulated students are the development realm's: this runs against bin/pyroom's services (or a site's test
# stack configured like them), whose secrets are the development stack's.
: "${BLUEGREEN_DEVELOPMENT_SECRETS:=1}"
export BLUEGREEN_LB_BIND PYROOM_DB_URL PYROOM_OIDC_PROVIDER_URI BLUEGREEN_DEVELOPMENT_SECRETS
# Seconds of load before and after each phase's action (8; 4 with --short).
: "${VERIFY_SETTLE:=}"
# Seconds a crashed or hung instance may take to serve again (the proof fails beyond), and the longest wait for it.
: "${VERIFY_HEAL_LIMIT:=60}"
: "${VERIFY_HEAL_TIMEOUT:=300}"
# The longest wait for the students to sign in, one after the other.
: "${MIXED_LOAD_SETUP_TIMEOUT:=${VERIFY_SETUP_TIMEOUT:-300}}"
: "${VERIFY_SERVICES_TIMEOUT:=300}"
# The accounts the students sign in with (the development realm's), round robin. Two students to an account at
# most: a user may run two programs at once on a node (pyroom.sandbox.runs-per-user), and when an instance dies all
# of an account's students work on the same one.
: "${VERIFY_ACCOUNTS:=student:student student2:student2 student3:student3}"

INSTANCES=2
STUDENTS=""
WAR="$ROOT/webapp/target/pyroom.war"
WORK=$(mktemp -d)
SHORT=no

say() { printf '%s\n' "$*"; }
die() {
    printf 'verify: %s\n' "$*" >&2
    exit 1
}

parse_arguments() {
    while [ $# -gt 0 ]; do
        case "$1" in
            --instances) INSTANCES=${2:-}; shift 2 ;;
            --students) STUDENTS=${2:-}; shift 2 ;;
            --war) WAR=${2:-}; shift 2 ;;
            --short) SHORT=yes; shift ;;
            *) die "usage: infra-blue-green/verify.sh [--short] [--instances N] [--students S] [--war WAR]" ;;
        esac
    done
    if [ -z "$STUDENTS" ]; then
        if [ "$SHORT" = yes ]; then STUDENTS=4; else STUDENTS=6; fi
    fi
    case "$INSTANCES$STUDENTS" in
        *[!0-9]*) die "--instances and --students need positive numbers" ;;
    esac
    [ "$INSTANCES" -ge 2 ] || die "--instances must be at least 2: the kill -9 phase needs a survivor"
    [ "$STUDENTS" -ge 1 ] || die "--students must be at least 1"
    local accounts
    accounts=$(wc -w <<<"$VERIFY_ACCOUNTS")
    [ "$STUDENTS" -le $((2 * accounts)) ] || die "--students may be at most twice the accounts in VERIFY_ACCOUNTS ($accounts)"
    [ -f "$WAR" ] || die "war not found: $WAR (build it with: mvn -B -q -ntp -DskipTests install)"
    if [ -z "$VERIFY_SETTLE" ]; then
        if [ "$SHORT" = yes ]; then VERIFY_SETTLE=4; else VERIFY_SETTLE=8; fi
    fi
}

stop_started() {
    local frozen
    # An instance left frozen (its watchdog did not act) must be able to stop.
    if frozen=$(cat "$WORK/stopped_pid" 2>/dev/null); then kill -CONT "$frozen" 2>/dev/null || true; fi
    mixed_load_stop
    stop_stack
    rm -rf "$WORK"
}

# run_phase NAME COMMAND...: the students' requests count towards NAME from VERIFY_SETTLE seconds before
# COMMAND until VERIFY_SETTLE seconds after it.
run_phase() {
    local name=$1 start_s
    shift
    say ""
    say "== $name: $*"
    mixed_load_phase "$name"
    sleep "$VERIFY_SETTLE"
    start_s=$SECONDS
    if ! "$@" 2>&1 | sed 's/^/   | /'; then
        die "$name: the action failed; see above"
    fi
    say "   action took $((SECONDS - start_s))s"
    sleep "$VERIFY_SETTLE"
}

cutover() {
    local start_ms end_ms
    start_ms=$(date +%s%3N)
    "$BLUEGREEN" deploy "$WORK/pyroom.war" --keep-warm --instances "$INSTANCES" | tee "$WORK/deploy.out"
    end_ms=$(date +%s%3N)
    seconds_between "$start_ms" "$end_ms" >"$WORK/cutover_s"
    sed -n 's/^switched in \([0-9.]*\)s:.*/\1/p' "$WORK/deploy.out" >"$WORK/switch_s"
}

seconds_between() {
    awk -v ms=$(($2 - $1)) 'BEGIN { printf "%.1f", ms / 1000 }'
}

# After the rollback: the colour rolled back from is stopped on purpose, and its supervisors with it.
stop_idle_colour() {
    local idle
    idle=$(other_colour_than "$("$BLUEGREEN" live)")
    "$BLUEGREEN" stop "$idle"
    echo "$idle" >"$WORK/stopped_colour"
}

other_colour_than() {
    if [ "$1" = blue ]; then echo green; else echo blue; fi
}

# The live instance that served the most requests over two seconds: the students stick to it.
busiest_live_instance() {
    local live=$1 name count gained most=-1 busiest=""
    local -A before=()
    while read -r name count; do before[$name]=$count; done < <(served_by "$live")
    sleep 2
    while read -r name count; do
        gained=$((count - ${before[$name]:-0}))
        if [ "$gained" -gt "$most" ]; then
            most=$gained
            busiest=$name
        fi
    done < <(served_by "$live")
    echo "$busiest"
}

served_by() {
    "$BLUEGREEN" status | awk -v colour="$1" '$1 == colour && $4 != "dead" { print $2, $8 }'
}

# Answers whether HAProxy has the instance NAME (blue-1) serve a request of a browser that sticks to it: with its
# cookie, an answer that does not move the browser to another instance (no new SERVERID cookie).
served_by_instance() {
    local name=$1 headers
    headers=$(curl -s -o /dev/null -D - --max-time 3 --cacert "$(mixed_load_certificate)" \
        -H "Cookie: SERVERID=${name/-/}" "https://127.0.0.1:${BLUEGREEN_LB_BIND##*:}/health/ready" | tr -d '\r') ||
        return 1
    grep -q '^HTTP/[0-9.]* 200' <<<"$headers" && ! grep -qi '^set-cookie: SERVERID=' <<<"$headers"
}

# Waits until the instance NAME, killed or frozen at START_MS, serves again; prints the seconds it took.
wait_served_again() {
    local name=$1 start_ms=$2 deadline
    deadline=$((SECONDS + VERIFY_HEAL_TIMEOUT))
    until served_by_instance "$name"; do
        if [ "$SECONDS" -ge "$deadline" ]; then
            echo "$name did not serve again within ${VERIFY_HEAL_TIMEOUT}s" >&2
            return 1
        fi
        sleep 0.5
    done
    seconds_between "$start_ms" "$(date +%s%3N)"
}

# The live instance the students use most, and its pid: "NAME PID".
live_target() {
    local live name pid
    live=$("$BLUEGREEN" live)
    name=$(busiest_live_instance "$live")
    pid=$("$BLUEGREEN" status | awk -v name="$name" '$2 == name { print $4 }')
    case "$pid" in
        '' | *[!0-9]*) echo "no running instance of $live to pick" >&2; return 1 ;;
    esac
    echo "$name $pid"
}

# kill -9 (crash) or kill -STOP (hang) of the live instance the students use most; then waits until it serves again
# and writes the seconds into WORK/heal_<phase>.
disrupt_live_instance() {
    local phase=$1 signal=$2 name pid start_ms healed
    read -r name pid <<<"$(live_target)" || return 1
    echo "kill -$signal $name (pid $pid), the live instance the students use most"
    start_ms=$(date +%s%3N)
    kill "-$signal" "$pid"
    if [ "$signal" = STOP ]; then echo "$pid" >"$WORK/stopped_pid"; fi
    healed=$(wait_served_again "$name" "$start_ms") || return 1
    echo "$healed" >"$WORK/heal_$phase"
    echo "$name serves again after ${healed}s (pid $(cat "$(state_dir)/${name%-*}/instance-${name##*-}.pid"))"
    "$BLUEGREEN" status | sed -n '/^COLOUR/,$p'
}

state_dir() { echo "${BLUEGREEN_STATE:-$HERE/.state}"; }

report() {
    local phase total=0 line stopped verdict=ok
    local -A failed=()
    say ""
    for phase in warmup cutover rollback killnode stopnode; do
        line=$(grep "^PHASE $phase " "$WORK/driver.out" || true)
        [ -n "$line" ] && say "${line#PHASE }"
        total=$((total + $(mixed_load_field "$phase" requests)))
    done
    for phase in cutover rollback killnode stopnode; do
        failed[$phase]=$(($(mixed_load_field "$phase" failed) + $(mixed_load_field "$phase" lost_saves)))
    done
    if grep -q '^PHASE setup ' "$WORK/driver.out"; then
        say "setup failures: $(grep '^PHASE setup ' "$WORK/driver.out")"
    fi
    if [ "$((failed[cutover] + failed[rollback] + failed[killnode] + failed[stopnode]))" -gt 0 ]; then
        say "what failed:"
        mixed_load_failures
        verdict="requests failed"
    fi
    for phase in killnode stopnode; do
        if awk -v s="$(cat "$WORK/heal_$phase")" -v limit="$VERIFY_HEAL_LIMIT" 'BEGIN { exit !(s > limit) }'; then
            say "$phase: the instance served again after $(cat "$WORK/heal_$phase")s, beyond VERIFY_HEAL_LIMIT=${VERIFY_HEAL_LIMIT}s"
            verdict="an instance came back too late"
        fi
    done
    stopped=$(cat "$WORK/stopped_colour")
    if "$BLUEGREEN" status | awk -v colour="$stopped" '$1 == colour' | grep -q .; then
        say "$stopped was stopped on purpose, yet runs again:"
        "$BLUEGREEN" status | sed -n '/^COLOUR/,$p'
        verdict="a stopped colour came back"
    fi
    say ""
    [ "$verdict" = ok ] || printf 'verify: FAILED: %s\n' "$verdict" >&2
    say "HEAL killnode_s=$(cat "$WORK/heal_killnode") stopnode_s=$(cat "$WORK/heal_stopnode") limit_s=$VERIFY_HEAL_LIMIT"
    say "TIME proof_s=$SECONDS (from the start of verify.sh to this report)"
    say "RESULT cutover_failed=${failed[cutover]} rollback_failed=${failed[rollback]} killnode_failed=${failed[killnode]}" \
        "stopnode_failed=${failed[stopnode]} requests=$total cutover_s=$(cat "$WORK/cutover_s")" \
        "switch_s=$(cat "$WORK/switch_s") heal_s=$(cat "$WORK/heal_killnode")"
    [ "$verdict" = ok ]
}

main() {
    parse_arguments "$@"
    install_load_tools
    trap stop_started EXIT
    trap 'exit 130' INT TERM
    # One copy for the whole run: the original may be rebuilt meanwhile.
    cp "$WAR" "$WORK/pyroom.war"
    ensure_stack "$VERIFY_SERVICES_TIMEOUT"
    "$BLUEGREEN" status
    say "stack ready at ${SECONDS}s"
    mixed_load_start "$STUDENTS" "$VERIFY_ACCOUNTS"
    say "students signed in at ${SECONDS}s"
    run_phase cutover cutover
    run_phase rollback "$BLUEGREEN" rollback
    say ""
    say "== stop the colour rolled back from, on purpose"
    stop_idle_colour 2>&1 | sed 's/^/   | /'
    run_phase killnode disrupt_live_instance killnode 9
    run_phase stopnode disrupt_live_instance stopnode STOP
    "$BLUEGREEN" status | sed -n '/^COLOUR/,$p'
    mixed_load_stop
    report
}

main "$@"
