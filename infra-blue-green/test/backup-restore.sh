#!/usr/bin/env bash
# Backup and restore, end to end, and the request id from HAProxy to an instance's log:
#  1. Pyroom migrates a fresh database (an instance started on it, logging JSON); a user, a workspace and a file go
#     in. Every line of that instance's log is a JSON object, and a request it refused has its id (RequestId) on
#     both lines it caused: the refusal and the access line.
#  2. 'backup' writes it to a file; 'restore' puts it into another fresh database (and refuses a non-empty one).
#  3. Pyroom starts on the restored database behind HAProxy: Flyway accepts the restored schema history, the
#     instance serves pages and writes its heartbeat there, and the file is there as it was.
#  4. A request through HAProxy with an X-Request-ID gets it back, and the id is on HAProxy's line and on the
#     instance's line for it; a request without one gets a fresh id, logged by both as well. The instance logs plain
#     lines (no terminal escapes anywhere), each line a request caused marked [request=<id>].
#  5. The instance's and HAProxy's /metrics carry every series the alert rules use; through the load balancer,
#     users reach neither the instances' /metrics nor their /openapi.
#  6. TLS at HAProxy (its self-signed certificate, trusted by the test as the exact certificate): plain HTTP is
#     redirected to the same address over HTTPS, answers carry HSTS, and the instance learns from HAProxy (never
#     from the client) that the browser came over HTTPS: the sign-in redirect URI is https, the cookies Secure.
# Uses the test PostgreSQL server of bin/pyroom (PYROOM_TEST_DB_PORT) and bluegreen's ports (BLUEGREEN_*).
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

SOURCE_DB=pyroom_backup_source
RESTORED_DB=pyroom_backup_restored
CONTENT="print('restored from a backup')"
WAR=${PYROOM_WAR:-$ROOT/webapp/target/pyroom.war}

add_workspace_with_file() {
    test_psql "$SOURCE_DB" <<SQL
INSERT INTO app_user (subject, username, email, display_name) VALUES ('backup-test', 'ada', 'ada@example.org', 'Ada');
INSERT INTO workspace (owner_id, name, created_at, updated_at)
     SELECT id, 'Backed up', now(), now() FROM app_user WHERE subject = 'backup-test';
INSERT INTO workspace_file (workspace_id, path, kind, content, size_bytes, created_at, updated_at)
     SELECT w.id, 'lesson/main.py', 'FILE', \$\$$CONTENT\$\$, octet_length(\$\$$CONTENT\$\$), now(), now()
       FROM workspace w WHERE w.name = 'Backed up';
SQL
}

restored_file() {
    test_psql "$RESTORED_DB" -c "SELECT f.content FROM workspace_file f JOIN workspace w ON w.id = f.workspace_id
        JOIN app_user u ON u.id = w.owner_id WHERE u.username = 'ada' AND f.path = 'lesson/main.py'"
}

lb_url() { echo "https://localhost:${BLUEGREEN_LB_BIND##*:}$1"; }

# curl through HAProxy, trusting its certificate only.
lb_curl() { curl -s --cacert "$BLUEGREEN_STATE/haproxy/tls/pyroom.crt" "$@"; }

# GET through HAProxy until the live colour answers 200 (HAProxy marks a new server up after two checks).
wait_through_lb() {
    local deadline=$((SECONDS + 30))
    until [ "$(lb_curl -o /dev/null -w '%{http_code}' --max-time 5 "$(lb_url /api/health)")" = 200 ]; do
        [ "$SECONDS" -lt "$deadline" ] || fail "HAProxy does not reach the restored instance"
        sleep 0.5
    done
}

# The X-Request-ID header of the answer to a GET through HAProxy, with optional extra curl arguments.
answered_request_id() {
    lb_curl -D - -o /dev/null --max-time 10 "$@" "$(lb_url /api/health)" |
        tr -d '\r' | sed -n 's/^[Xx]-[Rr]equest-[Ii][Dd]: //p'
}

# The id must be on HAProxy's line for the request and on the instance's access line (logs are written
# asynchronously: wait briefly for them).
expect_logged() {
    local id=$1 deadline=$((SECONDS + 10))
    until grep -q "id=$id\$" "$BLUEGREEN_STATE/haproxy/haproxy.log" &&
        grep -qF " INFO [dev.pyroom.access] [request=$id] request id=$id method=GET path=/api/health status=200" \
            "$BLUEGREEN_STATE/blue/instance-1.log"; do
        [ "$SECONDS" -lt "$deadline" ] || fail "request id $id is missing from HAProxy's or the instance's log"
        sleep 0.2
    done
}

# A POST from another site is refused: the answer's status, sent to URL with the request id ID.
cross_site_post() {
    curl -s -o /dev/null -w '%{http_code}' --max-time 10 -X POST -H 'Origin: https://elsewhere.example' \
        -H "X-Request-ID: $2" "${@:3}" "$1"
}

# Every line of the green instance's log is one JSON object, and the request ID caused a JSON line from the
# same-origin check's refusal and the access line, each with RequestId ID.
json_log_has_request() {
    python3 - "$BLUEGREEN_STATE/green/instance-1.log" "$1" <<'PYTHON'
import json, sys

path, request_id = sys.argv[1:]
loggers = set()
with open(path, encoding="utf-8") as log:
    for number, line in enumerate(log, 1):
        try:
            record = json.loads(line)
        except ValueError:
            sys.exit(f"line {number} of {path} is not a JSON object: {line[:200]!r}")
        if record.get("RequestId") == request_id:
            loggers.add(record["LoggerName"])
missing = {"dev.pyroom.access", "dev.pyroom.platform.boundary.SameOriginFilter"} - loggers
if missing:
    sys.exit(f"no line with RequestId {request_id} from {', '.join(sorted(missing))}")
PYTHON
}

expect_json_log() {
    local id="json-check-$RANDOM$RANDOM" deadline=$((SECONDS + 10))
    [ "$(cross_site_post "http://127.0.0.1:$BLUEGREEN_GREEN_PORT/api/health" "$id")" = 403 ] ||
        fail "a cross-site POST was not refused"
    until json_log_has_request "$id" 2>"$WORK/json-log.txt"; do
        [ "$SECONDS" -lt "$deadline" ] || fail "the JSON log: $(cat "$WORK/json-log.txt")"
        sleep 0.2
    done
    say "   every line JSON; request $id on the refusal's line and the access line"
}

# Plain lines: no terminal escapes in the whole log, and a request refused through HAProxy has its id on the
# refusal's line and on the access line.
expect_plain_log() {
    local id="plain-check-$RANDOM$RANDOM" log="$BLUEGREEN_STATE/blue/instance-1.log" deadline=$((SECONDS + 10))
    [ "$(cross_site_post "$(lb_url /api/health)" "$id" --cacert "$BLUEGREEN_STATE/haproxy/tls/pyroom.crt")" = 403 ] ||
        fail "a cross-site POST through HAProxy was not refused"
    until grep -qF " INFO [dev.pyroom.platform.boundary.SameOriginFilter] [request=$id] Refused a cross-site POST" "$log" &&
        grep -qF " INFO [dev.pyroom.access] [request=$id] request id=$id method=POST path=/api/health status=403" "$log"; do
        [ "$SECONDS" -lt "$deadline" ] || fail "request $id caused no plain lines with its id: $(grep -F "$id" "$log")"
        sleep 0.2
    done
    ! grep -q $'\x1b' "$log" || fail "the instance's log has terminal escapes: $(grep -m 3 $'\x1b' "$log" | cat -v)"
    say "   plain lines, no escapes; request $id on the refusal's line and the access line:"
    grep -F "[request=$id]" "$log" | sed 's/^/     /'
}

# Every pyroom_ and haproxy_ series named in alerts.yml must be on the instance's or HAProxy's /metrics.
expect_alert_series() {
    local scraped series
    scraped=$(curl -s --max-time 10 "http://127.0.0.1:$BLUEGREEN_BLUE_PORT/metrics"
        curl -s --max-time 10 "http://$BLUEGREEN_LB_METRICS_BIND/metrics")
    for series in $(grep -o '\b\(pyroom\|haproxy\)_[a-z_]*' "$ROOT/infra-blue-green/monitoring/alerts.yml" | sort -u); do
        grep -q "^$series[{ ]" <<<"$scraped" || fail "/metrics lacks $series, which alerts.yml uses"
    done
    grep -q '^pyroom_database_up{[^}]*} 1' <<<"$scraped" || fail "pyroom_database_up is not 1"
    grep "^pyroom_" <<<"$scraped" | grep -v "quantile=" | sed "s/^/  /"
}

# HTTP only redirects, HTTPS answers with HSTS, and the instance builds https URLs and Secure cookies even when a
# client claims it came over plain HTTP.
expect_tls() {
    local answer location
    answer=$(curl -s -D - -o /dev/null --max-time 10 "http://localhost:${BLUEGREEN_LB_HTTP_BIND##*:}/my/workspaces.xhtml?x=1" | tr -d '\r')
    location=$(sed -n 's/^[Ll]ocation: //p' <<<"$answer")
    [[ "$answer" == "HTTP/1.1 301 "* ]] && [ "$location" = "$(lb_url /my/workspaces.xhtml?x=1)" ] ||
        fail "plain HTTP is not redirected to HTTPS: $(head -n 1 <<<"$answer") location '$location'"
    answer=$(lb_curl -D - -o /dev/null --max-time 10 "$(lb_url /)" | tr -d '\r')
    grep -qi '^strict-transport-security: max-age=[1-9]' <<<"$answer" || fail "HTTPS answers lack HSTS"
    answer=$(lb_curl -D - -o /dev/null --max-time 10 -H 'X-Forwarded-Proto: http' -H 'X-Forwarded-Host: evil.example' \
        "$(lb_url /my/workspaces.xhtml)" | tr -d '\r')
    location=$(sed -n 's/^[Ll]ocation: //p' <<<"$answer")
    [[ "$location" == *"redirect_uri=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$(lb_url /callback)")&"* ]] ||
        fail "the sign-in redirect URI is not $(lb_url /callback): $location"
    grep -qi '^set-cookie: JSESSIONID=[^;]*;.*; Secure' <<<"$answer" || fail "the session cookie is not Secure: $answer"
    grep -qi '^set-cookie: SERVERID=.*; secure' <<<"$answer" || fail "HAProxy's cookie is not Secure: $answer"
    say "   http:// redirects to https://, HSTS, redirect URI $(lb_url /callback), Secure cookies"
}

main() {
    trap ops_test_cleanup EXIT
    [ -f "$WAR" ] || fail "no war at $WAR: build it first (mvn -DskipTests package)"
    fetch_distributions
    fresh_databases "$SOURCE_DB" "$RESTORED_DB"

    say "1. Pyroom migrates $SOURCE_DB, logging JSON; a workspace with a file goes in"
    PYROOM_LOG_FORMAT=json PYROOM_DB_URL=$(test_db_url "$SOURCE_DB") "$BLUEGREEN" start green 1 --war "$WAR"
    expect_json_log
    "$BLUEGREEN" stop green --force
    add_workspace_with_file

    say "2. backup, and restore into the fresh $RESTORED_DB"
    PYROOM_DB_URL=$(test_db_url "$SOURCE_DB") "$ROOT/infra-blue-green/bin/backup" "$WORK/pyroom.dump"
    PYROOM_DB_URL=$(test_db_url "$RESTORED_DB") "$ROOT/infra-blue-green/bin/restore" "$WORK/pyroom.dump"
    if PYROOM_DB_URL=$(test_db_url "$RESTORED_DB") "$ROOT/infra-blue-green/bin/restore" "$WORK/pyroom.dump" \
        2>"$WORK/refused.txt"; then
        fail "restore wrote over a database that is not empty"
    fi
    grep -q "is not empty" "$WORK/refused.txt" || fail "restore refused without saying why: $(cat "$WORK/refused.txt")"
    [ "$(restored_file)" = "$CONTENT" ] || fail "the restored database lacks the file: '$(restored_file)'"

    say "3. Pyroom serves the restored database behind HAProxy"
    local restored_at
    restored_at=$(test_psql "$RESTORED_DB" -c "SELECT now()")
    PYROOM_DB_URL=$(test_db_url "$RESTORED_DB") "$BLUEGREEN" start blue 1 --war "$WAR"
    "$BLUEGREEN" lb start
    wait_through_lb
    [ "$(lb_curl -o /dev/null -w '%{http_code}' "$(lb_url /)")" = 200 ] || fail "the home page does not answer 200"
    [ "$(test_psql "$RESTORED_DB" -c "SELECT count(*) FROM node WHERE started_at > '$restored_at'")" -ge 1 ] ||
        fail "the instance did not write its heartbeat into the restored database"
    [ "$(restored_file)" = "$CONTENT" ] || fail "the file changed after Pyroom started on the restored database"

    say "4. the request id across HAProxy and the instance"
    local given made
    given="restore-check-$RANDOM$RANDOM"
    [ "$(answered_request_id -H "X-Request-ID: $given")" = "$given" ] || fail "the request id $given was not echoed"
    expect_logged "$given"
    made=$(answered_request_id)
    [[ "$made" =~ ^[0-9a-f-]{36}$ ]] || fail "a request without an id did not get one: '$made'"
    expect_logged "$made"
    expect_plain_log

    say "5. the metrics the alert rules use, for the operator only"
    expect_alert_series
    local path
    for path in /metrics /metrics/application /openapi /OpenAPI; do
        [ "$(lb_curl -o /dev/null -w '%{http_code}' "$(lb_url "$path")")" = 404 ] ||
            fail "$path is public through the load balancer"
    done

    say "6. TLS at the load balancer"
    expect_tls
    say "RESULT backup_restore=ok request_id=ok log_formats=ok metrics=ok tls=ok"
}

main "$@"
