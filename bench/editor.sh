#!/usr/bin/env bash
# Editor speed through the whole web stack, as a signed-in student in headless Chromium: the editor page's first
# load (signed-in GET of /my/editor.xhtml, until the server's answer is complete) and a run's round trip over the
# run WebSocket (run sent -> end received, main.py printing one line), measured in one loop side by side with a bare
# cold /usr/bin/python3 -c 'print(1)' (the sandboxes' interpreter). Uses a running Pyroom at PYROOM_URL, or starts
# PostgreSQL, Keycloak and Pyroom like bin/pyroom run (and stops them at the end). Ends with one RESULT line:
#   RESULT page_p50_ms=<x> run_roundtrip_p50_ms=<x> bare_python_p50_ms=<x>
#
#   bench/editor.sh [runs]    (default 50, after 5 warm-up rounds)
#
# Installs what it needs (what bin/pyroom run needs, and Debian's chromium) like bin/pyroom test.
set -euo pipefail

source "$(dirname "$0")/lib/browser-bench.sh"
browser_bench "$ROOT/bench/editor/EditorBench.java" "${1:-50}"
