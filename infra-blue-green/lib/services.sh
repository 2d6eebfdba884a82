# shellcheck shell=bash
# For the load scripts (infra-blue-green/verify.sh, bench/cutover.sh): PostgreSQL, Keycloak, HAProxy and the live
# colour, reused when they run, else started; stop_stack takes down again only what this script started. The caller
# defines ROOT, WORK, BLUEGREEN, INSTANCES, say and die, and calls stop_stack on exit.

SERVICES_PID=""

# Installs what the load scripts use when it is missing (as bin/pyroom test does): Java and Maven for the load
# drivers (Gatling's mixed load runs from bench/classroom's Maven project), HAProxy
# and socat for the load balancer and its admin socket, psql for the database checks, and each extra
# command:package the caller names (bench/cutover.sh: wrk:wrk).
install_load_tools() {
    local missing=() pair
    for pair in java:openjdk-17-jdk-headless keytool:openjdk-17-jdk-headless mvn:maven haproxy:haproxy socat:socat \
        psql:postgresql-client curl:curl "$@"; do
        command -v "${pair%%:*}" >/dev/null || missing+=("${pair#*:}")
    done
    [ ${#missing[@]} -gt 0 ] || return 0
    say "installing ${missing[*]}"
    local sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    "${sudo[@]}" apt-get update -qq
    # shellcheck disable=SC2046 # one argument per package
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        $(printf '%s\n' "${missing[@]}" | sort -u) >/dev/null
}
STARTED_LB=no
STARTED_COLOURS=()

database_reachable() {
    local address host port
    address=${PYROOM_DB_URL#jdbc:postgresql://}
    address=${address%%/*}
    host=${address%%:*}
    port=${address##*:}
    (exec 3<>"/dev/tcp/$host/$port") 2>/dev/null
}

keycloak_reachable() {
    curl -fs -o /dev/null --max-time 3 "$PYROOM_OIDC_PROVIDER_URI/.well-known/openid-configuration"
}

# Waits at most $1 seconds for services it had to start.
ensure_services() {
    local timeout=$1 deadline
    if database_reachable && keycloak_reachable; then
        say "PostgreSQL and Keycloak already run: reusing them"
        return 0
    fi
    say "starting PostgreSQL and Keycloak (bin/pyroom services)"
    setsid "$ROOT/bin/pyroom" services >"$WORK/services.log" 2>&1 </dev/null &
    SERVICES_PID=$!
    deadline=$((SECONDS + timeout))
    until database_reachable && keycloak_reachable; do
        kill -0 "$SERVICES_PID" 2>/dev/null || die "bin/pyroom services exited: $(tail -n 5 "$WORK/services.log")"
        [ "$SECONDS" -lt "$deadline" ] || die "PostgreSQL and Keycloak not up after ${timeout}s"
        sleep 2
    done
}

# Services (waiting at most $1 seconds for them), HAProxy, and INSTANCES instances of the live colour.
ensure_stack() {
    local live
    ensure_services "$1"
    if ! "$BLUEGREEN" status 2>/dev/null | grep -q '^HAProxy: running'; then
        # Set first: a start that fails half-way may leave HAProxy running, and it is this run's to stop.
        STARTED_LB=yes
        "$BLUEGREEN" lb start
    fi
    live=$("$BLUEGREEN" live)
    if ! "$BLUEGREEN" status 2>/dev/null | awk -v colour="$live" '$1 == colour && $4 != "dead"' | grep -q .; then
        STARTED_COLOURS+=("$live")
        "$BLUEGREEN" start "$live" "$INSTANCES" --war "$WORK/pyroom.war"
    else
        "$BLUEGREEN" start "$live" "$INSTANCES"
    fi
}

stop_stack() {
    local colour
    if [ "$STARTED_LB" = yes ]; then
        # This run brought the whole stack up: take it all down again.
        "$BLUEGREEN" stop blue --force || true
        "$BLUEGREEN" stop green --force || true
        "$BLUEGREEN" lb stop || true
    else
        for colour in "${STARTED_COLOURS[@]}"; do
            "$BLUEGREEN" stop "$colour" --force || true
        done
    fi
    if [ -n "$SERVICES_PID" ]; then
        say "stopping PostgreSQL and Keycloak"
        kill -TERM -- "-$SERVICES_PID" 2>/dev/null || true
        wait "$SERVICES_PID" 2>/dev/null || true
    fi
}
