# Settings and helpers shared by bin/pyroom's commands. Every setting can be overridden from the environment.

: "${PYROOM_HOME:=$ROOT/.pyroom}"
: "${PYROOM_HTTP_PORT:=8080}"
: "${PYROOM_KEYCLOAK_PORT:=8180}"
: "${PYROOM_DB_PORT:=5433}"
: "${PYROOM_TEST_DB_PORT:=5434}"
: "${PYROOM_PUBLIC_URL:=http://localhost:$PYROOM_HTTP_PORT}"
: "${PYROOM_KEYCLOAK_URL:=http://localhost:$PYROOM_KEYCLOAK_PORT}"
: "${PYROOM_DB_PASSWORD:=pyroom}"
: "${PYROOM_OIDC_CLIENT_SECRET:=pyroom-dev-secret}"
: "${PYROOM_KEYCLOAK_ADMIN_PASSWORD:=admin}"
: "${PYROOM_TEST_COMPOSE:=1}"
: "${PYROOM_TEST_OPERATIONS:=1}"
: "${PYROOM_TEST_VERIFY:=1}"
export PYROOM_PUBLIC_URL PYROOM_OIDC_CLIENT_SECRET
export PYROOM_DB_URL="${PYROOM_DB_URL:-jdbc:postgresql://localhost:$PYROOM_DB_PORT/pyroom?connectTimeout=3}"
export PYROOM_DB_USER=pyroom PYROOM_DB_PASSWORD
export PYROOM_OIDC_PROVIDER_URI="$PYROOM_KEYCLOAK_URL/realms/pyroom"

LOGS="$PYROOM_HOME/logs"
DOWNLOADS="$PYROOM_HOME/downloads"
mkdir -p "$LOGS" "$DOWNLOADS"

# The key for the pages' view state (encrypted and signed in the page); made once for this machine.
if [ -z "${PYROOM_VIEW_STATE_KEY:-}" ]; then
    if [ ! -s "$PYROOM_HOME/view-state.key" ]; then
        (umask 077 && head -c 32 /dev/urandom | base64 >"$PYROOM_HOME/view-state.key")
    fi
    PYROOM_VIEW_STATE_KEY=$(cat "$PYROOM_HOME/view-state.key")
fi
export PYROOM_VIEW_STATE_KEY

# What this invocation started, stopped again on exit (what was already running is left alone).
STARTED=()

say() { printf '\033[1mpyroom:\033[0m %s\n' "$*"; }
die() { printf 'pyroom: %s\n' "$*" >&2; exit 1; }

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# The version Maven builds with, read from the parent POM so that it is written down once.
pom_version() {
    sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" "$ROOT/pom.xml" | head -n 1
}

# Waits until a URL answers 200, for at most $2 seconds.
wait_for_url() {
    local url=$1 seconds=$2 what=$3 waited=0
    until curl -fs -o /dev/null --max-time 2 "$url"; do
        waited=$((waited + 1))
        [ "$waited" -lt "$seconds" ] || die "$what did not come up within ${seconds}s (see $LOGS)"
        sleep 1
    done
}

stop_started() {
    local i
    for ((i = ${#STARTED[@]} - 1; i >= 0; i--)); do
        ${STARTED[i]} || true
    done
    STARTED=()
}
