#!/usr/bin/env bash
# The autoscaling policy of 'bluegreen autoscale' (lib/scale.sh), signal by signal: what an instance's /metrics
# gives as readings, and the instance count decided from forced readings (lint requests waiting, CPU load, seconds
# low) between a minimum and a maximum. Needs nothing running.
set -euo pipefail
# shellcheck source=../lib/scale.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib/scale.sh"

BLUEGREEN_AUTOSCALE_WAITING_HIGH=2 BLUEGREEN_AUTOSCALE_WAITING_LOW=0
BLUEGREEN_AUTOSCALE_CPU_HIGH=0.85 BLUEGREEN_AUTOSCALE_CPU_LOW=0.30 BLUEGREEN_AUTOSCALE_LOW_FOR=300
checks=0

fail() {
    printf 'FAILED: %s\n' "$*" >&2
    exit 1
}

# expect_target DESCRIPTION EXPECTED CURRENT MIN MAX WAITING CPU LOW_SECONDS
expect_target() {
    local description=$1 expected=$2 actual
    shift 2
    actual=$(autoscale_target "$@")
    [ "$actual" = "$expected" ] || fail "$description: autoscale_target $* gave $actual, expected $expected"
    checks=$((checks + 1))
}

# Lines as a Payara Micro instance of Pyroom writes them on /metrics (the HELP texts shortened).
metrics_of_an_instance() {
    cat <<METRICS
# HELP cpu_systemLoadAverage Displays the system load average for the last minute.
# TYPE cpu_systemLoadAverage gauge
cpu_systemLoadAverage{mp_scope="base"} 3.98
# HELP pyroom_lint_waiting Lint requests waiting for a free worker
# TYPE pyroom_lint_waiting gauge
pyroom_lint_waiting{mp_scope="application",tier="deep"} $1
pyroom_lint_waiting{mp_scope="application",tier="fast"} $2
pyroom_lint_duration_seconds_count{mp_scope="application",tier="fast"} 12.0
# HELP system_cpu_load Display the "recent cpu usage" for the whole system.
# TYPE system_cpu_load gauge
system_cpu_load{mp_scope="vendor"} $3
METRICS
}

readings=$(metrics_of_an_instance 1 3 0.42 | metrics_readings)
[ "$readings" = "4 0.42" ] || fail "readings of /metrics: '$readings', expected '4 0.42' (waiting over both tiers, CPU)"
if metrics_of_an_instance 0 0 -1.0 | metrics_readings >/dev/null; then
    fail "a negative CPU load (unknown to the system) was taken as a reading"
fi
if printf 'system_cpu_load{mp_scope="vendor"} 0.5\n' | metrics_readings >/dev/null; then
    fail "metrics without pyroom_lint_waiting (not Pyroom, or an older release) gave readings"
fi
checks=$((checks + 3))

# Lint requests queue up: one more instance, up to the maximum.
expect_target "queue at the high mark" 3 2 1 4 2 0.10 0
expect_target "queue above the high mark, at the maximum" 4 4 1 4 7.5 0.10 0
# The CPU is busy: one more instance, one at a time.
expect_target "CPU at the high mark" 2 1 1 4 0 0.85 0
expect_target "CPU saturated" 3 2 2 10 0 1.0 0
# In between: nothing changes.
expect_target "moderate load" 2 2 1 4 1 0.50 0
# Quiet, but not for long enough: nothing changes yet.
expect_target "quiet for 60 s" 3 3 1 4 0 0.10 60
# Quiet for the whole period: one fewer, never below the minimum.
expect_target "quiet for 300 s" 2 3 1 4 0 0.10 300
expect_target "quiet at the minimum" 2 2 2 10 0 0.0 3600
# A busy signal wins over a long quiet one (the caller resets the quiet period, but must not depend on it).
expect_target "busy again after a quiet period" 3 2 1 4 3 0.10 900
# Outside the bounds (after --min or --max changed, or an operator's scale): brought back within them.
expect_target "below the minimum" 2 1 2 10 0 0.50 0
expect_target "above the maximum" 4 6 1 4 0 0.50 0

# Quiet means both signals at or below their low marks.
autoscale_is_low 0 0.30 || fail "queue 0 and CPU 0.30 are low"
! autoscale_is_low 1 0.10 || fail "one waiting lint request is not quiet"
! autoscale_is_low 0 0.31 || fail "CPU 0.31 is not quiet"
checks=$((checks + 3))

printf 'RESULT autoscale_policy=passed checks=%d\n' "$checks"
