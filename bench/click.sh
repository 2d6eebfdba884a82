#!/usr/bin/env bash
# Click to output, as a student feels it: the real editor page in headless Chromium, signed in as a student, a
# hello-world main.py, Run clicked N times; each time the page's performance.now() is taken when the click reaches
# the page and when the "Program finished" line is in the output. In the same loop, side by side, a bare cold
# /usr/bin/python3 -c (the interpreter the sandboxes use) runs the same program. Uses a running Pyroom at PYROOM_URL,
# or starts PostgreSQL, Keycloak and Pyroom like bin/pyroom run (and stops them at the end). Ends with one RESULT line:
#   RESULT click_p50_ms=<x> bare_p50_ms=<x> click_to_output_ratio=<x>
#
#   bench/click.sh [runs]    (default 50, after 200 warm-up runs: a Pyroom that has just started compiles its
#                             hot paths during its first few hundred runs; the warm-up's p50 is printed too)
#
# Installs what it needs (what bin/pyroom run needs, and Debian's chromium) like bin/pyroom test.
set -euo pipefail

source "$(dirname "$0")/lib/browser-bench.sh"
browser_bench "$ROOT/bench/click/ClickBench.java" "${1:-50}"
