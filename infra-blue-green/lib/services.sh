# shellcheck shell=bash
# For the load scripts (infra-blue-green/verify.sh, bench/cutover.sh): PostgreSQL and Keycloak, reused when they
# answer, else started through bin/pyroom services. The caller defines ROOT, WORK, say and die, and stops
# SERVICES_PID (when set) on exit.

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
