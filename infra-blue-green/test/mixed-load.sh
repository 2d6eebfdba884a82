#!/usr/bin/env bash
# The mixed load (lib/mixed-load.sh: Gatling's signed-in students) counts what happens to users, phase by phase:
#  1. students work on one healthy instance behind HAProxy: requests, no failure, no lost save (the phase change
#     reads every student's workspace back);
#  2. the only instance is killed: the load reports failed requests;
#  3. the instance starts again: the students recover by themselves (reload, sign in again if sent to the form)
#     and work without failure.
# Needs the war (webapp/target/pyroom.war) and Maven.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
HERE=$ROOT/infra-blue-green
# shellcheck source=../lib/services.sh
source "$HERE/lib/services.sh"
# shellcheck source=../lib/mixed-load.sh
source "$HERE/lib/mixed-load.sh"

export PYROOM_SANDBOX_ROOT=$WORK/sandboxes
DATABASE=pyroom_mixed_load
WAR=${PYROOM_WAR:-$ROOT/webapp/target/pyroom.war}
ACCOUNTS="student:student student2:student2"

# PHASE FIELD must be above zero.
expect_some() {
    [ "$(mixed_load_field "$1" "$2")" -gt 0 ] || fail "no $2 in the phase $1: $(grep "^PHASE $1 " "$WORK/driver.out")"
}

# PHASE must have had no failed request and no lost save.
expect_clean() {
    local failed lost
    failed=$(mixed_load_field "$1" failed)
    lost=$(mixed_load_field "$1" lost_saves)
    if [ "$failed" -gt 0 ] || [ "$lost" -gt 0 ]; then
        mixed_load_failures
        fail "the phase $1 had $failed failed request(s) and $lost lost save(s)"
    fi
}

main() {
    # ops_test_cleanup keeps the logs of a failed run: it must see the test's own status, not mixed_load_stop's.
    trap 'status=$?; set +e; mixed_load_stop; (exit "$status"); ops_test_cleanup' EXIT
    [ -f "$WAR" ] || fail "no war at $WAR: build it first (mvn -DskipTests package)"
    install_load_tools
    ops_test_stack "$DATABASE"
    "$BLUEGREEN" lb start
    "$BLUEGREEN" start blue 1 --war "$WAR"

    say "1. students work on a healthy instance"
    mixed_load_start 3 "$ACCOUNTS"
    mixed_load_phase healthy
    sleep 30
    mixed_load_phase checked
    sleep 10

    say "2. the only instance is killed"
    mixed_load_phase down
    kill -9 "$(cat "$BLUEGREEN_STATE"/blue/instance-1.pid)"
    sleep 15

    say "3. the instance starts again"
    "$BLUEGREEN" stop blue --force >/dev/null 2>&1 || true
    "$BLUEGREEN" start blue 1 --war "$WAR"
    mixed_load_phase back
    sleep 20
    mixed_load_phase recovered
    sleep 30
    mixed_load_stop
    grep -E '^(READY|PHASE)' "$WORK/driver.out" | sed 's/^/   /'

    for field in requests saves lints runs pages; do
        expect_some healthy "$field"
        expect_some recovered "$field"
    done
    expect_clean healthy
    expect_some down failed
    expect_clean recovered
    say "RESULT mixed_load_healthy_failed=0 mixed_load_down_failed=$(mixed_load_field down failed)" \
        "mixed_load_recovered_failed=0"
}

main "$@"
