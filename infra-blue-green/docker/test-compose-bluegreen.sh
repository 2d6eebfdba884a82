# shellcheck shell=bash
# The blue/green part of test-compose.sh, which sources it (and defines say, fail, compose, create_student,
# new_password, ROOT, WORK, PROJECT, PYROOM_PUBLIC_URL).
#
# Signed-in students, each with an account of their own (verify/MixedLoad.java, run as verify.sh runs it: sign-in
# through Keycloak's form, page loads, the editor's AJAX saves, lint, WebSocket runs over wss) work through HAProxy
# while, one phase at a time:
#   cutover   bluegreen --compose deploy of a new image tag to green (--keep-warm): start, smoke test, switch, drain
#   rollback  bluegreen --compose rollback to blue
#   killnode  docker kill of a live instance, which its restart policy brings back into rotation by itself
# Each phase must end with 0 failed requests and 0 lost saves. Afterwards a restarted HAProxy must keep the colour
# it was last switched to.

LOAD_STUDENTS=${PYROOM_COMPOSE_STUDENTS:-3}
# Seconds of load before and after each phase's action.
LOAD_SETTLE=${PYROOM_COMPOSE_SETTLE:-5}
# The "new release": the image just built, under a tag of its own, so that deploy has an image to take.
NEXT_IMAGE="pyroom-server:$PROJECT-next"
HEAL_TIMEOUT=${PYROOM_COMPOSE_HEAL_TIMEOUT:-300}
LOAD_PID=

bluegreen() {
    BLUEGREEN_CONFIG="$WORK/no-bluegreen.conf" BLUEGREEN_STATE="$WORK/bluegreen" BLUEGREEN_READY_TIMEOUT="$READY_TIMEOUT" \
        BLUEGREEN_COMPOSE_PROJECT="$PROJECT" BLUEGREEN_COMPOSE_FILE="$ROOT/docker-compose.yml" \
        BLUEGREEN_COMPOSE_ENV_FILE="$WORK/secrets.env" "$ROOT/infra-blue-green/bin/bluegreen" --compose "$@"
}

# bluegreen status's LB column for one instance service (UP, DOWN, MAINT).
lb_state_of() {
    bluegreen status | awk -v service="$1" '$2 == service { print $6 }'
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

start_load() {
    local accounts=() index password deadline=$((SECONDS + 180))
    # An account per student: Pyroom lints one document per user at a time and answers an older version of it
    # "superseded", which the driver would count as a failure.
    for ((index = 1; index <= LOAD_STUDENTS; index++)); do
        password=$(new_password)
        create_student "learner$index" "$password" Learner "Number$index"
        accounts+=("learner$index:$password")
    done
    keytool -importcert -noprompt -alias haproxy -file "$WORK/pyroom.crt" -keystore "$WORK/trust.p12" \
        -storetype PKCS12 -storepass verify >"$WORK/keytool.log" 2>&1 || fail "no trust store: $(cat "$WORK/keytool.log")"
    mkdir -p "$WORK/control"
    echo warmup >"$WORK/control/phase"
    java -Djava.net.preferIPv4Stack=true -Djavax.net.ssl.trustStore="$WORK/trust.p12" \
        -Djavax.net.ssl.trustStorePassword=verify "$ROOT/infra-blue-green/verify/MixedLoad.java" \
        "$PYROOM_PUBLIC_URL" "$WORK/control" "$LOAD_STUDENTS" "${accounts[@]}" \
        >"$WORK/load.out" 2>"$WORK/load.log" &
    LOAD_PID=$!
    until grep -q '^READY' "$WORK/load.out"; do
        kill -0 "$LOAD_PID" 2>/dev/null || fail "the load driver exited: $(tail -n 20 "$WORK/load.log")"
        [ "$SECONDS" -lt "$deadline" ] || fail "the students did not sign in within 180 s"
        sleep 1
    done
    grep -q "^READY students=$LOAD_STUDENTS signed_in=$LOAD_STUDENTS\$" "$WORK/load.out" ||
        fail "not every student signed in: $(grep '^READY' "$WORK/load.out"); $(tail -n 5 "$WORK/load.log")"
    say "mixed load: $LOAD_STUDENTS students signed in through Keycloak, working through HAProxy"
}

stop_load() {
    [ -n "$LOAD_PID" ] || return 0
    kill "$LOAD_PID" 2>/dev/null || true
    wait "$LOAD_PID" 2>/dev/null || true
    LOAD_PID=
}

# load_phase NAME COMMAND...: the students' requests count towards NAME from LOAD_SETTLE seconds before COMMAND
# until LOAD_SETTLE seconds after it.
load_phase() {
    local name=$1 started
    shift
    echo "$name" >"$WORK/control/phase"
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

# docker kill (SIGKILL, as a crash) of a live instance; Docker's restart policy starts it again and HAProxy's
# health checks take it back into rotation, without anyone acting.
kill_and_heal() {
    local container started=$SECONDS restarts
    container=$(compose ps -q pyroom-blue-1)
    echo "docker kill pyroom-blue-1 (container ${container:0:12}), a live instance"
    docker kill "$container" >/dev/null || return 1
    until restarts=$(docker inspect -f '{{.RestartCount}}' "$container") && [ "$restarts" -ge 1 ] &&
        [ "$(lb_state_of pyroom-blue-1)" = UP ]; do
        if [ $((SECONDS - started)) -ge "$HEAL_TIMEOUT" ]; then
            echo "pyroom-blue-1 not back in rotation after ${HEAL_TIMEOUT}s"
            return 1
        fi
        sleep 2
    done
    echo "pyroom-blue-1 restarted by Docker and back in rotation after $((SECONDS - started)) s"
}

# phase_field PHASE FIELD: a count from the driver's PHASE line.
phase_field() {
    sed -n "s/^PHASE $1 .*\b$2=\([0-9]*\).*/\1/p" "$WORK/load.out"
}

check_load_results() {
    local phase failed lost requests problems=""
    echo done >"$WORK/control/phase"
    touch "$WORK/control/stop"
    wait "$LOAD_PID" || true
    LOAD_PID=
    grep '^PHASE ' "$WORK/load.out" | sed 's/^/test-compose: /'
    for phase in cutover rollback killnode; do
        requests=$(phase_field "$phase" requests)
        failed=$(phase_field "$phase" failed)
        lost=$(phase_field "$phase" lost_saves)
        if [ "${requests:-0}" -eq 0 ] || [ "${failed:-1}" -ne 0 ] || [ "${lost:-1}" -ne 0 ]; then
            problems+=" $phase: requests=${requests:-?} failed=${failed:-?} lost_saves=${lost:-?};"
        fi
    done
    if [ -n "$problems" ]; then
        grep -E '\] (AJAX|GET|POST|lint|run|save|lost|could)' "$WORK/load.log" | head -n 20 >&2 || true
        fail "users noticed:$problems"
    fi
    say "mixed load: 0 failed requests and 0 lost saves across the cutover, the rollback and the killed instance"
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
    load_phase killnode kill_and_heal
    check_load_results
    check_live_colour_kept
    bluegreen status | sed 's/^/   | /'
    say "blue/green on compose under load: $((SECONDS - started)) s"
}

# For test-compose.sh's cleanup.
blue_green_cleanup() {
    stop_load
    docker rmi "$NEXT_IMAGE" >/dev/null 2>&1 || true
}
