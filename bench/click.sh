#!/usr/bin/env bash
# Click to output, as a student feels it: the real editor page in headless Chromium, signed in as a student, a
# hello-world main.py, Run clicked N times; each time the page's performance.now() is taken when the click reaches
# the page and when the "Program finished" line is in the output. In the same loop, side by side, a bare cold
# /usr/bin/python3 -c (the interpreter the sandboxes use) runs the same program. Uses a running Pyroom at PYROOM_URL,
# or starts PostgreSQL, Keycloak and Pyroom like bin/pyroom run (and stops them at the end). Ends with one RESULT line:
#   RESULT click_p50_ms=<x> bare_p50_ms=<x> click_to_output_ratio=<x>
#
#   bench/click.sh [runs]    (default 50, after 5 warm-up rounds)
#
# Installs what it needs (what bin/pyroom run needs, and Debian's chromium) like bin/pyroom test.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
source "$ROOT/bin/lib/common.sh"
source "$ROOT/bin/lib/setup.sh"
source "$ROOT/bin/lib/postgres.sh"
source "$ROOT/bin/lib/keycloak.sh"
source "$ROOT/bin/lib/app.sh"

runs="${1:-50}"
url="${PYROOM_URL:-http://localhost:$PYROOM_HTTP_PORT}"
work="$(mktemp -d)"
trap 'stop_started; rm -rf "$work"' EXIT

# Chromium and the rest of what the tests need, without the Docker stack and operations tools.
PYROOM_TEST_COMPOSE=0 PYROOM_TEST_OPERATIONS=0 install_prerequisites test

if ! curl -fsS -o /dev/null "$url/health/ready" 2>/dev/null; then
    fetch_distributions
    postgres_start app "$PYROOM_DB_PORT" pyroom
    keycloak_start
    app_build
    app_start
fi

say "building the benchmark's class path"
# Compiled in one reactor with the modules it depends on: Pyroom's own modules are never installed.
if ! (cd "$ROOT" && mvn -q -B -pl webapp -am compile dependency:build-classpath \
    -Dmdep.outputFile="$work/classpath" -Dmdep.includeScope=test >"$work/build.log" 2>&1); then
    cat "$work/build.log"
    exit 1
fi

echo "load before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 java -cp "$(cat "$work/classpath")" "$ROOT/bench/click/ClickBench.java" \
    "$url" "$runs"
