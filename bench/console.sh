#!/usr/bin/env bash
# The instructor's live class view while a real class arrives and works: bench/classroom.sh's load (N students, default
# 300, signing in through Keycloak, joining the course, running their programs in real sandboxes and linting) with the
# demo instructor on the course page, its live table polled every 3 s as the page does. The same poll in the empty
# room before the first student arrives is the baseline, side by side with the arrival and the steady phase.
# Ends with
#   RESULT live_view_p50_ms=<steady> live_view_p95_ms=<steady> quiet_live_view_p50_ms=<x> arrival_live_view_p50_ms=<x>
#          arrival_live_view_p95_ms=<x> students=<n> errors=<n>
#
#   bench/console.sh [students]    (settings: see bench/classroom.sh)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CLASSROOM_RESULT=console exec "$ROOT/bench/classroom.sh" "${1:-300}"
