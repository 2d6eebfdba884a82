# Builds the war when its sources changed and runs it on Payara Micro.

APP_WAR="$ROOT/webapp/target/pyroom.war"

app_build() {
    if [ -f "$APP_WAR" ] && [ -z "$(find "$ROOT/pom.xml" "$ROOT"/*/pom.xml "$ROOT"/*/src -newer "$APP_WAR" -print -quit)" ]; then
        say "war is up to date"
        return 0
    fi
    say "building Pyroom"
    (cd "$ROOT" && mvn -B -q -ntp -DskipTests clean package)
}

app_start() {
    local rootdir format=${PYROOM_LOG_FORMAT:-plain}
    case "$format" in
        plain | json) ;;
        *) die "PYROOM_LOG_FORMAT must be plain or json, not '$format'" ;;
    esac
    rootdir=$(mktemp -d "$PYROOM_HOME/payara-XXXXXX")
    say "starting Pyroom on port $PYROOM_HTTP_PORT"
    setsid java -Xmx512m -jar "$PAYARA_JAR" --deploy "$APP_WAR" --contextroot / --port "$PYROOM_HTTP_PORT" \
        --nocluster --rootdir "$rootdir" --logproperties "$ROOT/infra-blue-green/logging/$format.properties" \
        >"$LOGS/payara.log" 2>&1 &
    APP_PID=$!
    APP_ROOTDIR=$rootdir
    STARTED+=("app_stop")
    wait_for_url "http://localhost:$PYROOM_HTTP_PORT/health/ready" 240 Pyroom
}

app_stop() {
    [ -n "${APP_PID:-}" ] || return 0
    say "stopping Pyroom"
    kill -TERM -- "-$APP_PID" 2>/dev/null || true
    wait "$APP_PID" 2>/dev/null || true
    rm -rf "$APP_ROOTDIR"
}

app_announce() {
    cat <<ANNOUNCE

  Pyroom is running at $PYROOM_PUBLIC_URL   (Keycloak: $PYROOM_KEYCLOAK_URL)

  Demo accounts (user / password):
    student / student        a student
    student2 / student2      a second student
    student3 / student3      a student on no course yet (try importing them on a roster)
    instructor / instructor  an instructor
    instructor2 / instructor2  a second instructor
    admin / admin            an administrator
  Keycloak's own admin console: admin / $PYROOM_KEYCLOAK_ADMIN_PASSWORD at $PYROOM_KEYCLOAK_URL/admin

  Logs: $LOGS        Press Ctrl-C to stop everything started here.

ANNOUNCE
}

app_wait() {
    wait "$APP_PID"
}
