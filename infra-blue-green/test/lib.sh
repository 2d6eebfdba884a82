# shellcheck shell=bash
# Shared by the operations tests: the test PostgreSQL server of bin/pyroom, and bluegreen run with a state
# directory of the test's own (nothing of a real installation is read or touched). Loopback only.

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# shellcheck source=../../bin/lib/common.sh
source "$ROOT/bin/lib/common.sh"
# shellcheck source=../../bin/lib/setup.sh
source "$ROOT/bin/lib/setup.sh"
# shellcheck source=../../bin/lib/postgres.sh
source "$ROOT/bin/lib/postgres.sh"
# shellcheck source=../../bin/lib/keycloak.sh
source "$ROOT/bin/lib/keycloak.sh"

BLUEGREEN=$ROOT/infra-blue-green/bin/bluegreen
WORK=$(mktemp -d "${TMPDIR:-/tmp}/pyroom-ops-test.XXXXXX")
export BLUEGREEN_STATE=$WORK/state BLUEGREEN_CONFIG=$WORK/no-bluegreen.conf
export BLUEGREEN_READY_TIMEOUT=${BLUEGREEN_READY_TIMEOUT:-240}
# The instances talk to bin/pyroom's test services, which use the development stack's well-known secrets.
export BLUEGREEN_DEVELOPMENT_SECRETS=1
# bluegreen's own defaults (ports, HAProxy's addresses), which the tests address too.
# shellcheck source=../lib/common.sh
source "$ROOT/infra-blue-green/lib/common.sh"

fail() {
    printf 'FAILED: %s\n' "$*" >&2
    exit 1
}

# Stops the colours and HAProxy this test started, then what bin/lib started (PostgreSQL), and keeps the logs
# of a failed run.
ops_test_cleanup() {
    local status=$?
    "$BLUEGREEN" lb stop >/dev/null 2>&1 || true
    "$BLUEGREEN" stop blue --force >/dev/null 2>&1 || true
    "$BLUEGREEN" stop green --force >/dev/null 2>&1 || true
    stop_started
    if [ "$status" -eq 0 ]; then
        rm -rf "$WORK"
    else
        say "logs kept in $WORK/state"
    fi
}

# A JDBC URL of a database on the test server.
test_db_url() { echo "jdbc:postgresql://localhost:$PYROOM_TEST_DB_PORT/$1?connectTimeout=3"; }

# psql as Pyroom's database user on a database of the test server.
test_psql() {
    local database=$1
    shift
    PGPASSWORD=$PYROOM_DB_PASSWORD psql -X -qAt -v ON_ERROR_STOP=1 -h localhost -p "$PYROOM_TEST_DB_PORT" \
        -U pyroom -d "$database" "$@"
}

# Starts PostgreSQL (test) if needed and makes the given databases fresh and empty.
fresh_databases() {
    local database
    for database in "$@"; do
        postgres_start test "$PYROOM_TEST_DB_PORT" "$database" --fresh
    done
}

# What a test's instances run on: a fresh DATABASE on the test server (PYROOM_DB_URL names it), Keycloak, and the
# folder PYROOM_SANDBOX_ROOT under the test's own directory.
ops_test_stack() {
    fetch_distributions
    fresh_databases "$1"
    keycloak_start
    export PYROOM_DB_URL
    PYROOM_DB_URL=$(test_db_url "$1")
    # Sandboxes run as another host user, who must reach the folders under the test's own directory.
    chmod 711 "$WORK"
    mkdir -m 755 -p "${PYROOM_SANDBOX_ROOT:?}"
}
