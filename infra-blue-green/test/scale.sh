#!/usr/bin/env bash
# Scaling a live colour while signed-in students work through HAProxy (lib/mixed-load.sh, Gatling: page loads, the
# editor's Faces AJAX saves, lint requests, WebSocket runs), one phase at a time:
#   up               bluegreen scale blue 2: the new instance starts with blue's release and joins HAProxy; the
#                    students stay on the instance their cookie names, a new visitor may land on the new one
#   down             more students sign in, spread over both instances; bluegreen scale blue 1: instance 2 leaves
#                    HAProxy while its students work, drains, stops, and they go on on instance 1
#   autoscale_up     one 'bluegreen autoscale blue --min 1 --max 2 --once' decision with the busy signal forced
#   autoscale_down   the same with the quiet signal forced
# The autoscaler reads the instances' real /metrics; the signal is forced through its thresholds (a busy mark of 0
# for the CPU load, so any real reading is busy; then marks that make every real reading quiet), since a real
# lint queue or a saturated CPU cannot be produced on purpose on a shared machine without disturbing what runs.
# The decision logic for chosen readings is test/autoscale-policy.sh.
# After each phase: the instance count, HAProxy's view of it, and no failed request, re-login or lost save.
# The last line reads: RESULT scale=passed up_failed=0 down_failed=0 ... requests=<n>
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# shellcheck source=../lib/instances.sh
source "$ROOT/infra-blue-green/lib/instances.sh"
# shellcheck source=../lib/lb.sh
source "$ROOT/infra-blue-green/lib/lb.sh"
# shellcheck source=../lib/mixed-load.sh
source "$ROOT/infra-blue-green/lib/mixed-load.sh"

DATABASE=pyroom_scale
WAR=${PYROOM_WAR:-$ROOT/webapp/target/pyroom.war}
ACCOUNTS="student:student student2:student2"
# Seconds of load in each phase after its action, so that every phase's instances serve requests.
SETTLE=${SCALE_TEST_SETTLE:-8}
PHASES=(steady up down autoscale_up autoscale_down)
export PYROOM_SANDBOX_ROOT=$WORK/sandboxes

cleanup() {
    local status=$?
    set +e
    mixed_load_stop
    (exit "$status")
    ops_test_cleanup
}

# Blue runs COUNT instances, each up in HAProxy, and slots above COUNT are empty and out of HAProxy.
expect_instances() {
    local count=$1 index status
    [ "$(running_count blue)" = "$count" ] || fail "blue runs $(running_count blue) instance(s), expected $count"
    for ((index = 1; index <= BLUEGREEN_SLOTS; index++)); do
        status=$(lb_server_status blue "$index")
        if [ "$index" -le "$count" ]; then
            instance_running blue "$index" || fail "blue-$index does not run"
            [ "$status" = UP ] || fail "HAProxy sees blue-$index $status, expected UP"
        else
            ! instance_running blue "$index" || fail "blue-$index still runs"
            [ "$status" = MAINT ] || fail "HAProxy has blue-$index $status, expected MAINT (out of rotation)"
        fi
    done
}

# Requests HAProxy has sent to an instance since it started.
served_by() { lb_stat "$(backend_of blue)" "$(server_of blue "$1")" stot; }

# New visitors (no cookie yet) are spread over the colour's instances: four of them reach both.
expect_new_visitors_reach() {
    local index=$1 before visitor status
    before=$(served_by "$index")
    for visitor in 1 2 3 4; do
        status=$(curl -sk -o /dev/null -w '%{http_code}' --max-time 30 "https://127.0.0.1:${BLUEGREEN_LB_BIND##*:}/")
        [ "$status" = 200 ] || fail "new visitor $visitor got $status from /"
    done
    [ "$(served_by "$index")" -gt "$before" ] || fail "no new visitor reached blue-$index"
}

phase() {
    mixed_load_phase "$1"
    say "phase $1"
}

main() {
    trap cleanup EXIT
    [ -f "$WAR" ] || fail "no war at $WAR: build it first (mvn -DskipTests package)"
    ops_test_stack "$DATABASE"

    "$BLUEGREEN" start blue 1 --war "$WAR"
    "$BLUEGREEN" lb start
    expect_instances 1
    mixed_load_start 2 "$ACCOUNTS"
    phase steady
    sleep "$SETTLE"

    phase up
    "$BLUEGREEN" scale blue 2
    expect_instances 2
    expect_new_visitors_reach 2
    sleep "$SETTLE"
    mixed_load_stop
    # The students signed in so far all work on blue-1 (their cookie); a new group signs in over both instances.
    mv "$WORK/driver.out" "$WORK/first-students.out"
    local on_two
    on_two=$(served_by 2)
    mixed_load_start 3 "$ACCOUNTS"
    phase down
    sleep "$SETTLE"
    [ "$(served_by 2)" -gt "$((on_two + 4))" ] || fail "no student of the new group works on blue-2"
    "$BLUEGREEN" scale blue 1
    expect_instances 1
    sleep "$SETTLE"

    phase autoscale_up
    BLUEGREEN_AUTOSCALE_CPU_HIGH=0 "$BLUEGREEN" autoscale blue --min 1 --max 2 --once | tee "$WORK/autoscale-up.out"
    grep -q 'autoscale blue: 1 instance(s), 1 answered: .* -> 2$' "$WORK/autoscale-up.out" ||
        fail "the autoscaler did not decide 1 -> 2 on the forced busy signal"
    expect_instances 2
    sleep "$SETTLE"

    phase autoscale_down
    BLUEGREEN_AUTOSCALE_CPU_HIGH=2 BLUEGREEN_AUTOSCALE_WAITING_HIGH=1000000 BLUEGREEN_AUTOSCALE_CPU_LOW=1 \
        BLUEGREEN_AUTOSCALE_WAITING_LOW=1000000 BLUEGREEN_AUTOSCALE_LOW_FOR=0 \
        "$BLUEGREEN" autoscale blue --min 1 --max 2 --once | tee "$WORK/autoscale-down.out"
    grep -q 'autoscale blue: 2 instance(s), 2 answered: .* -> 1$' "$WORK/autoscale-down.out" ||
        fail "the autoscaler did not decide 2 -> 1 on the forced quiet signal"
    expect_instances 1
    sleep "$SETTLE"
    mixed_load_stop
    # Both groups' counts, for mixed_load_field (their phases have different names).
    cat "$WORK/first-students.out" >>"$WORK/driver.out"

    local name failed requests total=0 result="RESULT scale=passed" failures=0
    for name in "${PHASES[@]}"; do
        failed=$(($(mixed_load_field "$name" failed) + $(mixed_load_field "$name" lost_saves)))
        requests=$(mixed_load_field "$name" requests)
        say "  $name: $requests requests, $failed failed (runs interrupted: $(mixed_load_field "$name" runs_interrupted))"
        [ "$requests" -gt 0 ] || fail "no request counted in phase $name"
        failures=$((failures + failed))
        total=$((total + requests))
        result+=" ${name}_failed=$failed"
    done
    if [ "$failures" -gt 0 ]; then
        say "what failed (driver log):"
        mixed_load_failures
        fail "$failures request(s) failed while scaling"
    fi
    say "$result requests=$total"
}

main "$@"
