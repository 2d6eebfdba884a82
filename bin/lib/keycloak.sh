# Keycloak in development mode on loopback, with the pyroom realm imported from keycloak/pyroom-realm.json.
# Its own data (users' sessions, changes made in the admin console) persist in its data directory;
# an existing realm is kept as it is on later starts, unless keycloak/pyroom-realm.json changed since its import:
# then the development data is reset and the realm imported anew.

keycloak_ready_url() { echo "$PYROOM_KEYCLOAK_URL/realms/pyroom/.well-known/openid-configuration"; }

keycloak_start() {
    if curl -fs -o /dev/null --max-time 2 "$(keycloak_ready_url)"; then
        say "Keycloak already running at $PYROOM_KEYCLOAK_URL"
        return 0
    fi
    keycloak_reset_if_realm_changed
    mkdir -p "$KEYCLOAK_HOME/data/import"
    cp "$ROOT/keycloak/pyroom-realm.json" "$KEYCLOAK_HOME/data/import/"
    say "starting Keycloak on port $PYROOM_KEYCLOAK_PORT (the first start takes about a minute)"
    # Development mode renders every login page from uncached theme files (for theme authors); cached, as in
    # production, a sign-in costs Keycloak about a fifth less CPU, which a class signing in at once needs.
    KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD="$PYROOM_KEYCLOAK_ADMIN_PASSWORD" \
        setsid "$KEYCLOAK_HOME/bin/kc.sh" start-dev --http-port "$PYROOM_KEYCLOAK_PORT" --http-host 127.0.0.1 \
        --spi-theme--cache-themes=true --spi-theme--cache-templates=true --spi-theme--static-max-age=2592000 \
        --import-realm >"$LOGS/keycloak.log" 2>&1 &
    KEYCLOAK_PID=$!
    STARTED+=("keycloak_stop")
    wait_for_url "$(keycloak_ready_url)" 240 Keycloak
    keycloak_realm_digest >"$KEYCLOAK_HOME/data/pyroom-realm.sha256"
}

keycloak_realm_digest() { sha256sum "$ROOT/keycloak/pyroom-realm.json" | cut -d ' ' -f 1; }

keycloak_reset_if_realm_changed() {
    local stamp="$KEYCLOAK_HOME/data/pyroom-realm.sha256"
    [ -d "$KEYCLOAK_HOME/data/h2" ] || return 0
    if [ "$(cat "$stamp" 2>/dev/null)" != "$(keycloak_realm_digest)" ]; then
        say "keycloak/pyroom-realm.json changed since Keycloak imported it: resetting its development data"
        rm -rf "$KEYCLOAK_HOME/data/h2"
    fi
}

keycloak_stop() {
    [ -n "${KEYCLOAK_PID:-}" ] || return 0
    say "stopping Keycloak"
    kill -TERM -- "-$KEYCLOAK_PID" 2>/dev/null || true
    wait "$KEYCLOAK_PID" 2>/dev/null || true
}
