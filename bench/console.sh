#!/usr/bin/env bash
# The instructor's cockpit while a real class arrives and works: bench/classroom.sh's load (N students, default 300,
# signing in through Keycloak, joining the course, running their programs in real sandboxes and linting) with the
# demo instructor on the course's cockpit, polled every 3 s as the page does. The same poll in the empty room before
# the first student arrives is the baseline, side by side with the arrival and the steady phase. Besides the poll's
# time: its bytes, the node's database time per refresh (pyroom_class_view_query_seconds on its /metrics) and the
# most sandboxes open at once there. Ends with
#   RESULT students=<n> cockpit_refresh_p50_ms=<steady> cockpit_refresh_p95_ms=<steady> real_sandboxes=<n>
#          quiet_cockpit_p50_ms=<x> arrival_cockpit_p95_ms=<x> cockpit_bytes=<steady mean> cockpit_database_ms=<x>
#          errors=<n>
#
#   bench/console.sh [students]    (settings: see bench/classroom.sh)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CLASSROOM_RESULT=console exec "$ROOT/bench/classroom.sh" "${1:-300}"
