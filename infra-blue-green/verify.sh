#!/usr/bin/env bash
# Proves that signed-in users do not notice a blue/green cutover, a rollback or a kill -9 of a live instance.
#
# Signed-in simulated students (real Keycloak sign-in through the login form, cookies kept, one open editor page
# each) work through HAProxy over HTTPS: page loads, the editor's Faces AJAX saves with the page's view state, lint
# requests and WebSocket runs over wss (verify/MixedLoad.java, trusting exactly HAProxy's certificate). Meanwhile,
# one phase at a time:
#   cutover   bluegreen deploy of the war to the idle colour (--keep-warm)
#   rollback  bluegreen rollback
#   killnode  kill -9 of the live instance the students use most
# For each phase it reports requests, failures, forced re-logins (a request that landed on Keycloak's sign-in
# form) and lost saves (every student reads its file back through the app at the end of each phase: the last
# acknowledged save must be there). The last line reads:
#   RESULT cutover_failed=<n> rollback_failed=<n> killnode_failed=<n> requests=<n> cutover_s=<x>
# where a phase's failures count failed requests, forced re-logins and lost saves.
#
# usage: infra-blue-green/verify.sh [--instances N] [--students S] [--war WAR]
# It uses (or starts) PostgreSQL and Keycloak through bin/pyroom services, HAProxy and the instances through
# bin/bluegreen, and stops what it started. Traffic stays on loopback. Bounded: every wait has a limit.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
BLUEGREEN="$HERE/bin/bluegreen"
# shellcheck source=lib/services.sh
source "$HERE/lib/services.sh"

: "${BLUEGREEN_LB_BIND:=127.0.0.1:18443}"
: "${PYROOM_DB_URL:=jdbc:postgresql://localhost:5433/pyroom?connectTimeout=3}"
: "${PYROOM_OIDC_PROVIDER_URI:=http://localhost:8180/realms/pyroom}"
export BLUEGREEN_LB_BIND PYROOM_DB_URL PYROOM_OIDC_PROVIDER_URI
# Seconds of load before and after each phase's action; the longest wait for the students to sign in.
: "${VERIFY_SETTLE:=8}"
: "${VERIFY_SETUP_TIMEOUT:=120}"
: "${VERIFY_SERVICES_TIMEOUT:=300}"
# The accounts the students sign in with (the development realm's).
: "${VERIFY_ACCOUNTS:=student:student student2:student2}"

INSTANCES=2
STUDENTS=6
WAR="$ROOT/webapp/target/pyroom.war"
WORK=$(mktemp -d)
DRIVER_PID=""
CUTOVER_S=""

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
            *) die "usage: infra-blue-green/verify.sh [--instances N] [--students S] [--war WAR]" ;;
        esac
    done
    case "$INSTANCES$STUDENTS" in
        *[!0-9]*) die "--instances and --students need positive numbers" ;;
    esac
    [ "$INSTANCES" -ge 2 ] || die "--instances must be at least 2: the kill -9 phase needs a survivor"
    [ "$STUDENTS" -ge 1 ] || die "--students must be at least 1"
    [ -f "$WAR" ] || die "war not found: $WAR (build it with: mvn -B -q -ntp -DskipTests install)"
}

stop_started() {
    if [ -n "$DRIVER_PID" ]; then
        kill "$DRIVER_PID" 2>/dev/null || true
        wait "$DRIVER_PID" 2>/dev/null || true
    fi
    stop_stack
    rm -rf "$WORK"
}

# A trust store with HAProxy's certificate alone: bluegreen's self-signed one, or VERIFY_CERTIFICATE (a PEM file
# with the certificate only).
trust_store() {
    local certificate=${VERIFY_CERTIFICATE:-${BLUEGREEN_STATE:-$HERE/.state}/haproxy/tls/pyroom.crt}
    [ -r "$certificate" ] || die "cannot read HAProxy's certificate $certificate"
    keytool -importcert -noprompt -alias haproxy -file "$certificate" -keystore "$WORK/trust.p12" \
        -storetype PKCS12 -storepass verify >"$WORK/keytool.log" 2>&1 ||
        die "no trust store from $certificate: $(cat "$WORK/keytool.log")"
}

start_students() {
    local deadline
    mkdir -p "$WORK/control"
    echo warmup >"$WORK/control/phase"
    trust_store
    # 127.0.0.1, not localhost: the students' cookies for Pyroom stay apart from Keycloak's (localhost).
    # shellcheck disable=SC2086 # one argument per account
    java -Djavax.net.ssl.trustStore="$WORK/trust.p12" -Djavax.net.ssl.trustStorePassword=verify \
        "$HERE/verify/MixedLoad.java" "https://127.0.0.1:${BLUEGREEN_LB_BIND##*:}" "$WORK/control" "$STUDENTS" \
        $VERIFY_ACCOUNTS >"$WORK/driver.out" 2>"$WORK/driver.log" &
    DRIVER_PID=$!
    deadline=$((SECONDS + VERIFY_SETUP_TIMEOUT))
    until grep -q '^READY' "$WORK/driver.out"; do
        kill -0 "$DRIVER_PID" 2>/dev/null || die "the load driver exited: $(tail -n 20 "$WORK/driver.log")"
        [ "$SECONDS" -lt "$deadline" ] || die "students not signed in after ${VERIFY_SETUP_TIMEOUT}s"
        sleep 1
    done
    say "$(grep '^READY' "$WORK/driver.out")"
}

# run_phase NAME COMMAND...: the students' requests count towards NAME from VERIFY_SETTLE seconds before
# COMMAND until VERIFY_SETTLE seconds after it.
run_phase() {
    local name=$1 start_s
    shift
    say ""
    say "== $name: $*"
    echo "$name" >"$WORK/control/phase"
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
    "$BLUEGREEN" deploy "$WORK/pyroom.war" --keep-warm --instances "$INSTANCES"
    end_ms=$(date +%s%3N)
    CUTOVER_S=$(awk -v ms=$((end_ms - start_ms)) 'BEGIN { printf "%.1f", ms / 1000 }')
    echo "$CUTOVER_S" >"$WORK/cutover_s"
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

kill_live_instance() {
    local live name pid
    live=$("$BLUEGREEN" live)
    name=$(busiest_live_instance "$live")
    pid=$("$BLUEGREEN" status | awk -v name="$name" '$2 == name { print $4 }')
    case "$pid" in
        '' | *[!0-9]*) echo "no running instance of $live to kill"; return 1 ;;
    esac
    echo "kill -9 $name (pid $pid), the live instance the students use most"
    kill -9 "$pid"
}

phase_field() {
    sed -n "s/^PHASE $1 .*\b$2=\([0-9]*\).*/\1/p" "$WORK/driver.out"
}

report() {
    local phase failed total=0 requests line
    say ""
    for phase in warmup cutover rollback killnode; do
        line=$(grep "^PHASE $phase " "$WORK/driver.out" || true)
        [ -n "$line" ] && say "${line#PHASE }"
        requests=$(phase_field "$phase" requests)
        total=$((total + ${requests:-0}))
    done
    for phase in cutover rollback killnode; do
        failed=$(($(phase_field "$phase" failed) + $(phase_field "$phase" lost_saves)))
        printf -v "FAILED_$phase" '%s' "$failed"
    done
    if grep -q '^PHASE setup ' "$WORK/driver.out"; then
        say "setup failures: $(grep '^PHASE setup ' "$WORK/driver.out")"
    fi
    if [ "$((FAILED_cutover + FAILED_rollback + FAILED_killnode))" -gt 0 ]; then
        say "what failed (driver log):"
        grep -E '\] (AJAX|GET|POST|lint|run|save|lost|could)' "$WORK/driver.log" | head -n 30 | sed 's/^/   /'
    fi
    say ""
    say "RESULT cutover_failed=$FAILED_cutover rollback_failed=$FAILED_rollback killnode_failed=$FAILED_killnode" \
        "requests=$total cutover_s=$CUTOVER_S"
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
    start_students
    run_phase cutover cutover
    CUTOVER_S=$(cat "$WORK/cutover_s")
    run_phase rollback "$BLUEGREEN" rollback
    run_phase killnode kill_live_instance
    # Long enough for the students to meet the lost instance, and HAProxy to mark it down.
    sleep "$VERIFY_SETTLE"
    "$BLUEGREEN" status | sed -n '/^COLOUR/,$p'
    echo done >"$WORK/control/phase"
    touch "$WORK/control/stop"
    wait "$DRIVER_PID" || true
    DRIVER_PID=""
    report
}

main "$@"
