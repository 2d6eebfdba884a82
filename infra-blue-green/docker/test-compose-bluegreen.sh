# shellcheck shell=bash
# The blue/green part of test-compose.sh, which sources it (and defines say, fail, compose, create_student,
# new_password, ROOT, WORK, PROJECT, PYROOM_PUBLIC_URL).
#
# Signed-in students, each with an account of their own (lib/mixed-load.sh, Gatling's students as verify.sh runs
# them: sign-in through Keycloak's form, page loads, the editor's AJAX saves, lint, WebSocket runs over wss) work
# through HAProxy at the stack's public address while, one phase at a time:
#   cutover   bluegreen --compose deploy of a new image tag to green (--keep-warm): start, smoke test, switch, drain
#   rollback  bluegreen --compose rollback to blue
#   killnode  Java of a live instance killed (SIGKILL, as a crash or the out-of-memory killer would): Docker's
#             restart policy starts the container again and HAProxy takes it back into rotation by itself
#   stopnode  Java of a live instance hung (SIGSTOP): HAProxy takes it out of rotation, its health check ends Java
#             after three unanswered liveness probes in a row, and the restart policy and HAProxy bring it back as
#             after a crash
# Each phase must end with 0 failed requests and 0 lost saves. Afterwards a restarted HAProxy must keep the colour
# it was last switched to.

LOAD_STUDENTS=${PYROOM_COMPOSE_STUDENTS:-3}
# Seconds of load before and after each phase's action.
LOAD_SETTLE=${PYROOM_COMPOSE_SETTLE:-5}
# The "new release": the image just built, under a tag of its own, so that deploy has an image to take.
NEXT_IMAGE="pyroom-server:$PROJECT-next"
HEAL_TIMEOUT=${PYROOM_COMPOSE_HEAL_TIMEOUT:-300}
# Maven, Gatling and the students' sign-ins, next to four Payara Micro, Keycloak and PostgreSQL.
LOAD_SETUP_TIMEOUT=${PYROOM_COMPOSE_LOAD_SETUP_TIMEOUT:-300}

# shellcheck source=../lib/mixed-load.sh
source "$ROOT/infra-blue-green/lib/mixed-load.sh"

bluegreen() {
    BLUEGREEN_CONFIG="$WORK/no-bluegreen.conf" BLUEGREEN_STATE="$WORK/bluegreen" BLUEGREEN_READY_TIMEOUT="$READY_TIMEOUT" \
        BLUEGREEN_COMPOSE_PROJECT="$PROJECT" BLUEGREEN_COMPOSE_FILE="$ROOT/docker-compose.yml" \
        BLUEGREEN_COMPOSE_ENV_FILE="$WORK/secrets.env" "$ROOT/infra-blue-green/bin/bluegreen" --compose "$@"
}

# bluegreen status's LB column for one instance service (UP, DOWN, MAINT).
lb_state_of() {
    bluegreen status | awk -v service="$1" '$2 == service { print $6 }'
}

# UP in HAProxy, whose checks ask the instance's /health/ready, read from HAProxy's statistics with one docker exec.
# A bluegreen status (docker-compose, a probe in every container) every two seconds would take a good part of a core
# from the instance starting next to it, and so lengthen the very wait it measures.
# usage: in_rotation HAPROXY_CONTAINER SERVICE
in_rotation() {
    local instance=${2#pyroom-}
    printf 'show stat\n' | docker exec -i "$1" socat -t 2 stdio unix-connect:/run/pyroom-haproxy/admin.sock |
        awk -F, -v backend="bk_${instance%-*}" -v server="${instance/-/}" '$1 == backend && $2 == server { print $18 }' |
        grep -qx UP
}

wait_colour_up() {
    local colour=$1 index deadline=$((SECONDS + HEAL_TIMEOUT))
    for index in 1 2; do
        until [ "$(lb_state_of "pyroom-$colour-$index")" = UP ]; do
            [ "$SECONDS" -lt "$deadline" ] || fail "pyroom-$colour-$index is not up in HAProxy after ${HEAL_TIMEOUT}s"
            sleep 3
        done
    done
}

# mixed_load_start's settings (lib/mixed-load.sh): the stack's public address, which is the only one its Keycloak
# sends a signed-in browser back to, and exactly the certificate HAProxy made.
start_load() {
    local accounts=() index password
    # An account per student, as in a class.
    for ((index = 1; index <= LOAD_STUDENTS; index++)); do
        password=$(new_password)
        create_student "learner$index" "$password" Learner "Number$index"
        accounts+=("learner$index:$password")
    done
    BLUEGREEN_LB_BIND="127.0.0.1:$PYROOM_HTTPS_PORT" MIXED_LOAD_URL="$PYROOM_PUBLIC_URL" \
        VERIFY_CERTIFICATE="$WORK/pyroom.crt" MIXED_LOAD_SETUP_TIMEOUT="$LOAD_SETUP_TIMEOUT" \
        mixed_load_start "$LOAD_STUDENTS" "${accounts[*]}"
    grep -q "^READY students=$LOAD_STUDENTS signed_in=$LOAD_STUDENTS\$" "$WORK/driver.out" ||
        fail "not every student signed in: $(grep '^READY' "$WORK/driver.out"); $(mixed_load_failures)"
    say "mixed load: $LOAD_STUDENTS students signed in through Keycloak, working through HAProxy"
}

# load_phase NAME COMMAND...: the students' requests count towards NAME from LOAD_SETTLE seconds before COMMAND
# until LOAD_SETTLE seconds after it.
load_phase() {
    local name=$1 started
    shift
    mixed_load_phase "$name"
    sleep "$LOAD_SETTLE"
    started=$SECONDS
    if ! "$@" >"$WORK/$name.out" 2>&1; then
        sed 's/^/   | /' "$WORK/$name.out" >&2
        fail "$name: the action failed"
    fi
    sed 's/^/   | /' "$WORK/$name.out"
    say "$name: done in $((SECONDS - started)) s"
    sleep "$LOAD_SETTLE"
}

cutover() {
    docker tag pyroom-server:local "$NEXT_IMAGE"
    bluegreen deploy "$NEXT_IMAGE" --keep-warm || return 1
    [ "$(bluegreen live)" = green ] || { echo "green is not live after the deploy"; return 1; }
    grep -qx "PYROOM_GREEN_IMAGE=$NEXT_IMAGE" "$WORK/secrets.env" ||
        { echo "the deploy did not record green's image in the stack's .env"; return 1; }
}

rollback() {
    bluegreen rollback || return 1
    [ "$(bluegreen live)" = blue ] || { echo "blue is not live after the rollback"; return 1; }
}

# A live instance's Java dies (SIGKILL) or hangs (SIGSTOP); Docker's restart policy starts its container again (for
# a hung one after its health check has ended Java) and HAProxy's health checks take it back into rotation, without
# anyone acting. Not `docker kill`: Docker takes that for a stop by hand and leaves the container stopped.
# usage: disrupt_and_heal PHASE SIGNAL SERVICE; writes the seconds until it served again into WORK/heal_PHASE.
disrupt_and_heal() {
    local phase=$1 signal=$2 service=$3 container haproxy started=$SECONDS before restarts signalled_ms
    container=$(compose ps -q "$service")
    haproxy=$(compose ps -q haproxy)
    before=$(docker inspect -f '{{.RestartCount}}' "$container") || return 1
    echo "SIG$signal to Java in $service (container ${container:0:12}), a live instance"
    signalled_ms=$(date +%s%3N)
    # After a SIGKILL the container ends with its Java, and this docker exec with it: its status says nothing. The
    # restart count does.
    docker exec "$container" sh -c '
        for process in /proc/[0-9]*; do
            if [ "$(cat "$process/comm" 2>/dev/null)" = java ]; then kill "-$1" "${process#/proc/}"; fi
        done' sh "$signal" || true
    # Restarted first, then ready: HAProxy's view alone could still be the one from before.
    until restarts=$(docker inspect -f '{{.RestartCount}}' "$container") && [ "$restarts" -gt "$before" ] &&
        in_rotation "$haproxy" "$service"; do
        if [ $((SECONDS - started)) -ge "$HEAL_TIMEOUT" ]; then
            echo "$service not back in rotation after ${HEAL_TIMEOUT}s"
            return 1
        fi
        sleep 2
    done
    echo "$((SECONDS - started))" >"$WORK/heal_$phase"
    echo "$service restarted by Docker ($restarts restart(s)) and back in rotation after $((SECONDS - started)) s:" \
        "its Java ended after $(seconds_after "$signalled_ms" "$(docker inspect -f '{{.State.FinishedAt}}' "$container")") s," \
        "its container started again after $(seconds_after "$signalled_ms" "$(docker inspect -f '{{.State.StartedAt}}' "$container")") s"
}

# Seconds from a time in milliseconds to one of Docker's timestamps, to a tenth.
seconds_after() {
    local from_ms=$1 to_ms
    to_ms=$(date -d "$2" +%s%3N) || { echo "?"; return 0; }
    awk -v ms=$((to_ms - from_ms)) 'BEGIN { printf "%.1f", ms / 1000 }'
}

check_load_results() {
    local phase failed lost requests problems="" figures=""
    mixed_load_stop
    grep -E '^(READY|PHASE)' "$WORK/driver.out" | sed 's/^/test-compose: /'
    for phase in cutover rollback killnode stopnode; do
        requests=$(mixed_load_field "$phase" requests)
        failed=$(mixed_load_field "$phase" failed)
        lost=$(mixed_load_field "$phase" lost_saves)
        figures+=" ${phase}_requests=$requests ${phase}_failed=$failed ${phase}_lost_saves=$lost"
        if [ "$requests" -eq 0 ] || [ "$failed" -ne 0 ] || [ "$lost" -ne 0 ]; then
            problems+=" $phase: requests=$requests failed=$failed lost_saves=$lost;"
        fi
    done
    say "RESULT$figures heal_s=$(cat "$WORK/heal_killnode" 2>/dev/null || echo -)" \
        "stopnode_heal_s=$(cat "$WORK/heal_stopnode" 2>/dev/null || echo -)"
    if [ -n "$problems" ]; then
        mixed_load_failures >&2
        fail "users noticed:$problems"
    fi
    say "mixed load: 0 failed requests and 0 lost saves across the cutover, the rollback, the crashed and the hung instance"
}

# The live colour lives in HAProxy's state volume: switched to green again, HAProxy restarted, green is still live.
check_live_colour_kept() {
    local deadline=$((SECONDS + 60))
    bluegreen rollback >"$WORK/rollback-again.out" 2>&1 || { cat "$WORK/rollback-again.out" >&2; fail "switching back to green failed"; }
    compose restart haproxy >/dev/null 2>&1 || fail "HAProxy did not restart"
    until [ "$(bluegreen live 2>/dev/null)" = green ] && http -o /dev/null -f "$PYROOM_PUBLIC_URL/health/ready"; do
        [ "$SECONDS" -lt "$deadline" ] || fail "after a restart HAProxy does not route to green, the colour last switched to"
        sleep 1
    done
    say "a restarted HAProxy keeps the live colour (green)"
}

blue_green_under_load() {
    local started=$SECONDS
    wait_colour_up blue
    start_load
    load_phase cutover cutover
    load_phase rollback rollback
    load_phase killnode disrupt_and_heal killnode KILL pyroom-blue-1
    # The students that were on pyroom-blue-1 went on with pyroom-blue-2: now it hangs.
    load_phase stopnode disrupt_and_heal stopnode STOP pyroom-blue-2
    check_load_results
    check_live_colour_kept
    bluegreen status | sed 's/^/   | /'
    say "blue/green on compose under load: $((SECONDS - started)) s"
}

# For test-compose.sh's cleanup.
blue_green_cleanup() {
    # Students still working: a step failed. What they saw until then helps to tell why.
    if [ -n "$MIXED_LOAD_PID" ]; then
        mixed_load_stop
        grep -E '^(READY|PHASE)' "$WORK/driver.out" | sed 's/^/test-compose: /' >&2
        mixed_load_failures >&2
    fi
    docker rmi "$NEXT_IMAGE" >/dev/null 2>&1 || true
}
