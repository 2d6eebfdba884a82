# shellcheck shell=bash
# For the benchmarks that drive the real editor in headless Chromium (bench/click.sh, bench/editor.sh): installs
# what they need (what bin/pyroom run needs, and Debian's chromium) like bin/pyroom test, uses a running Pyroom at
# PYROOM_URL or starts PostgreSQL, Keycloak and Pyroom like bin/pyroom run (and stops them at the end), and runs the
# benchmark's Java program on the webapp's test class path (Playwright).

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
source "$ROOT/bin/lib/common.sh"
source "$ROOT/bin/lib/setup.sh"
source "$ROOT/bin/lib/postgres.sh"
source "$ROOT/bin/lib/keycloak.sh"
source "$ROOT/bin/lib/app.sh"

BENCH_WORK="$(mktemp -d)"
trap 'stop_started; rm -rf "$BENCH_WORK"' EXIT

# browser_bench PROGRAM.java RUNS: the program gets Pyroom's URL and RUNS.
browser_bench() {
    local program=$1 runs=$2 url="${PYROOM_URL:-http://localhost:$PYROOM_HTTP_PORT}"
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
        -Dmdep.outputFile="$BENCH_WORK/classpath" -Dmdep.includeScope=test >"$BENCH_WORK/build.log" 2>&1); then
        cat "$BENCH_WORK/build.log"
        exit 1
    fi

    echo "load before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 java -cp "$(cat "$BENCH_WORK/classpath")" "$program" "$url" "$runs"
}
