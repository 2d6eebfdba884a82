# shellcheck shell=bash
# Settings and helpers shared by bluegreen's commands. Every setting can be set in the environment or in
# bluegreen.conf (see bluegreen.conf.example); the defaults suit the development stack of bin/pyroom.

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
REPO=$(cd "$HERE/.." && pwd)

: "${BLUEGREEN_CONFIG:=$HERE/bluegreen.conf}"
if [ -f "$BLUEGREEN_CONFIG" ]; then
    # shellcheck source=/dev/null
    source "$BLUEGREEN_CONFIG"
fi

# servers: bluegreen's own Payara Micro instances and HAProxy; compose: the docker-compose stack (lib/compose.sh).
: "${BLUEGREEN_TARGET:=servers}"
case "$BLUEGREEN_TARGET" in
    servers | compose) ;;
    *) printf 'bluegreen: BLUEGREEN_TARGET must be servers or compose, not %s\n' "$BLUEGREEN_TARGET" >&2; exit 1 ;;
esac

: "${BLUEGREEN_STATE:=$HERE/.state}"
: "${BLUEGREEN_JAVA:=java}"
: "${BLUEGREEN_JAVA_OPTS:=-Xmx384m}"
# Added to a supervisor's restart of an instance that died or hung (not to 'bluegreen start' or 'deploy'). Without
# the C2 compiler a start needs half the CPU, so the instance is back in rotation sooner while the rest of the
# machine carries its users; it then serves with C1's code until its colour is started or deployed again.
# Empty: restarts run with BLUEGREEN_JAVA_OPTS alone.
: "${BLUEGREEN_HEAL_JAVA_OPTS=-XX:TieredStopAtLevel=1}"
: "${BLUEGREEN_WAR:=$REPO/webapp/target/pyroom.war}"
# Instance N of a colour listens on the colour's first port + N - 1.
: "${BLUEGREEN_BLUE_PORT:=18081}"
: "${BLUEGREEN_GREEN_PORT:=18091}"
# How many instances a colour may have: HAProxy's configuration declares this many servers per colour.
: "${BLUEGREEN_SLOTS:=4}"
# Where Payara Micro accepts HTTP; HAProxy is its only client.
: "${BLUEGREEN_BIND_ADDRESS:=127.0.0.1}"
# Where HAProxy accepts users' connections: HTTPS, and plain HTTP that only redirects to HTTPS.
: "${BLUEGREEN_LB_BIND:=127.0.0.1:18443}"
: "${BLUEGREEN_LB_HTTP_BIND:=127.0.0.1:18080}"
# HAProxy's certificate: one PEM file with the certificate, its chain and the private key. Unset: a self-signed one,
# made on the first start in the state folder (haproxy/tls/pyroom.pem), for trying Pyroom out.
: "${BLUEGREEN_LB_CERTIFICATE:=}"
# How long browsers keep to HTTPS after a visit (Strict-Transport-Security max-age, in seconds).
: "${BLUEGREEN_LB_HSTS_MAX_AGE:=31536000}"
# Where HAProxy serves its Prometheus metrics (/metrics): for the monitoring server only.
: "${BLUEGREEN_LB_METRICS_BIND:=127.0.0.1:18079}"
# Seconds to wait: for an instance to become ready, for HAProxy to see it up, for a colour to drain,
# for an instance to stop after SIGTERM.
: "${BLUEGREEN_READY_TIMEOUT:=300}"
: "${BLUEGREEN_LB_UP_TIMEOUT:=30}"
: "${BLUEGREEN_DRAIN_TIMEOUT:=60}"
: "${BLUEGREEN_STOP_TIMEOUT:=30}"
# Who starts an instance again when it dies or hangs (lib/supervision.sh): auto (systemd where it runs and bluegreen
# runs as root, else bluegreen's own supervisor process), systemd, or bluegreen.
: "${BLUEGREEN_SUPERVISOR:=auto}"
# The watchdog asks each instance's /health/live every INTERVAL seconds and waits TIMEOUT seconds for the answer;
# FAILURES unanswered in a row and the instance is killed, then restarted after RESTART_DELAY seconds.
: "${BLUEGREEN_WATCHDOG_INTERVAL:=1}"
: "${BLUEGREEN_WATCHDOG_TIMEOUT:=3}"
: "${BLUEGREEN_WATCHDOG_FAILURES:=2}"
: "${BLUEGREEN_RESTART_DELAY:=1}"

# Pyroom's own settings reach Payara Micro as environment variables (docs/operations.md lists them all).
: "${PYROOM_DB_URL:=jdbc:postgresql://localhost:5433/pyroom?connectTimeout=3}"
: "${PYROOM_OIDC_PROVIDER_URI:=http://localhost:8180/realms/pyroom}"
# The instances' log lines: plain (no colours) or json (one object per line); Payara Micro's start follows it too.
# The compose stack reads its own from its .env: a default here would reach Compose and win over that file.
if [ "$BLUEGREEN_TARGET" = servers ]; then : "${PYROOM_LOG_FORMAT:=plain}"; fi
export PYROOM_DB_URL PYROOM_OIDC_PROVIDER_URI
if [ -n "${PYROOM_LOG_FORMAT:-}" ]; then export PYROOM_LOG_FORMAT; fi
for setting in PYROOM_DB_USER PYROOM_DB_PASSWORD PYROOM_OIDC_CLIENT_ID PYROOM_OIDC_CLIENT_SECRET \
    PYROOM_DIRECTORY_CLIENT_SECRET; do
    if [ -n "${!setting:-}" ]; then
        export "${setting?}"
    fi
done
unset setting

# The key that encrypts and signs the pages' view state must be the same on every instance of both colours, or a
# page served by one would fail on the next: made once, kept in the state folder, unless the site sets it. The
# compose stack has its own, in its .env.
if [ "$BLUEGREEN_TARGET" = servers ] && [ -z "${PYROOM_VIEW_STATE_KEY:-}" ]; then
    mkdir -p "$BLUEGREEN_STATE"
    if [ ! -s "$BLUEGREEN_STATE/view-state.key" ]; then
        (umask 077 && head -c 32 /dev/urandom | base64 >"$BLUEGREEN_STATE/view-state.key")
    fi
    chmod 600 "$BLUEGREEN_STATE/view-state.key"
    PYROOM_VIEW_STATE_KEY=$(cat "$BLUEGREEN_STATE/view-state.key")
fi
if [ -n "${PYROOM_VIEW_STATE_KEY:-}" ]; then export PYROOM_VIEW_STATE_KEY; fi

# Without these settings Pyroom would fall back to the development stack's well-known secrets. The database
# password and the client secrets belong to the site's PostgreSQL and Keycloak, so bluegreen cannot make them: it
# refuses to start instances without real ones. BLUEGREEN_DEVELOPMENT_SECRETS=1 lets the development stack's
# through, for bin/pyroom's services and the operations tests.
require_site_secrets() {
    [ "${BLUEGREEN_DEVELOPMENT_SECRETS:-0}" != 1 ] || return 0
    (
        SECRETS_HINT="set a generated one (head -c 32 /dev/urandom | base64) in bluegreen.conf and in PostgreSQL or Keycloak"
        # shellcheck source=../docker/secrets-check.sh
        source "$HERE/docker/secrets-check.sh"
        require_secret PYROOM_DB_PASSWORD PYROOM_OIDC_CLIENT_SECRET PYROOM_DIRECTORY_CLIENT_SECRET
    ) || die "not starting instances with a missing or well-known secret"
}

# shellcheck disable=SC2034 # read by the other libraries
COLOURS=(blue green)

say() { printf '%s\n' "$*"; }
warn() { printf 'bluegreen: %s\n' "$*" >&2; }
die() {
    printf 'bluegreen: %s\n' "$*" >&2
    exit 1
}

payara_jar() {
    if [ -n "${BLUEGREEN_PAYARA_JAR:-}" ]; then
        echo "$BLUEGREEN_PAYARA_JAR"
        return 0
    fi
    # The development stack (bin/pyroom) downloads Payara Micro here.
    find "$REPO/.pyroom/downloads" -maxdepth 1 -name 'payara-micro-*.jar' 2>/dev/null | sort -V | tail -n 1
}

# Checked once here, since instances start in places where a failure inside a command substitution goes unnoticed.
case "${PYROOM_LOG_FORMAT:-plain}" in
    plain | json) ;;
    *) die "PYROOM_LOG_FORMAT must be plain or json, not '$PYROOM_LOG_FORMAT'" ;;
esac

# The logging properties Payara Micro starts with, for PYROOM_LOG_FORMAT.
logging_properties() {
    echo "$HERE/logging/$PYROOM_LOG_FORMAT.properties"
}

require_colour() {
    case "${1:-}" in
        blue | green) ;;
        *) die "unknown colour '${1:-}': use blue or green" ;;
    esac
}

other_colour() {
    if [ "$1" = blue ]; then echo green; else echo blue; fi
}

colour_first_port() {
    if [ "$1" = blue ]; then echo "$BLUEGREEN_BLUE_PORT"; else echo "$BLUEGREEN_GREEN_PORT"; fi
}

instance_port() {
    local colour=$1 index=$2
    echo $(($(colour_first_port "$colour") + index - 1))
}

require_count() {
    local count=$1
    case "$count" in
        '' | *[!0-9]*) die "instance count must be a number, got '$count'" ;;
    esac
    if [ "$count" -lt 1 ] || [ "$count" -gt "$BLUEGREEN_SLOTS" ]; then
        die "instance count must be between 1 and $BLUEGREEN_SLOTS (BLUEGREEN_SLOTS), got $count"
    fi
}

# Answers the HTTP status of a URL (000 when nothing answers).
http_status() {
    curl -s -o /dev/null -w '%{http_code}' --max-time "${2:-3}" "$1" || true
}

# One changing command at a time: two operators deploying together would switch traffic under each other.
take_lock() {
    mkdir -p "$BLUEGREEN_STATE"
    exec 9>"$BLUEGREEN_STATE/lock"
    flock -n 9 || die "another bluegreen command is running (lock: $BLUEGREEN_STATE/lock)"
}

# Monotonic-enough seconds with one decimal, for reporting how long a step took.
now_ms() { date +%s%3N; }
elapsed_since() {
    local start=$1 ms
    ms=$(($(now_ms) - start))
    printf '%d.%01d' $((ms / 1000)) $((ms % 1000 / 100))
}
