#!/usr/bin/env bash
# End-to-end test of docker-compose.yml: builds the images (cached), generates the secrets with secrets.sh,
# shows that each service refuses a well-known secret, starts the stack, waits for it to be ready, checks
# /api/health, checks TLS at HAProxy (plain HTTP redirected to HTTPS, HSTS, X-Forwarded-Proto set by HAProxy and
# not by the client), shows that the demo users of the development realm cannot sign in, creates a student
# through Keycloak's admin API (under /auth) with a generated password, signs in as that student over HTTPS
# through HAProxy and Keycloak, creates a workspace, runs its main.py in a sandbox and again over wss, has both
# lint tiers check a file, checks that Java runs as an unprivileged user without capabilities and that /proc/sys
# is read-only in the Pyroom container. Then blue/green (test-compose-bluegreen.sh): signed-in students keep
# working (Gatling's students, lib/mixed-load.sh) while `bluegreen --compose` deploys a new image tag to green and cuts over, rolls
# back to blue, and while a live instance crashes and comes back by itself; 0 failed requests, 0 lost saves; a
# restarted HAProxy keeps the live colour. Finally it removes the stack and its volumes (also when a step fails).
# Images are kept. Talks only to 127.0.0.1, and trusts exactly the certificate HAProxy made on its first start.
#
# Usage: test-compose.sh
#   Needs docker, docker-compose 1.29 or the compose plugin, curl, python3, Java 17 (keytool) and Maven (the students: Gatling in bench/classroom); as root,
#   debootstrap for the base.
#   PYROOM_BASE_IMAGE=debian:bookworm-slim  build on the public image instead of the local pyroom-base
#   PYROOM_DOCKERD_DIR=<dir>                start a private Docker daemon with its state in <dir> for the test
#                                           (no iptables, no default bridge) and stop it at the end
#   PYROOM_WAR=<file>                       use this war instead of building one
#   PYROOM_COMPOSE_PROJECT=<name>           project name (pyroom-compose-test), to run beside another test
#   PYROOM_COMPOSE_HTTP_PORT, PYROOM_COMPOSE_HTTPS_PORT   HAProxy's published ports (38080, 38443)
#   PYROOM_COMPOSE_STUDENTS=<n>             students of the mixed load (3)
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
PROJECT=${PYROOM_COMPOSE_PROJECT:-pyroom-compose-test}
# Bounds: building (base and images), then starting until Pyroom answers ready.
BUILD_TIMEOUT=${PYROOM_COMPOSE_BUILD_TIMEOUT:-1800}
READY_TIMEOUT=${PYROOM_COMPOSE_TIMEOUT:-600}

# The stack's secrets come from the generated file only: Compose would prefer any of them set in the environment
# (the development stack's test settings hold well-known ones).
unset PYROOM_DB_PASSWORD PYROOM_KEYCLOAK_DB_PASSWORD PYROOM_OIDC_CLIENT_SECRET PYROOM_DIRECTORY_CLIENT_SECRET \
    PYROOM_KEYCLOAK_ADMIN_PASSWORD PYROOM_VIEW_STATE_KEY
export PYROOM_PUBLISH_ADDRESS=127.0.0.1
export PYROOM_HTTP_PORT=${PYROOM_COMPOSE_HTTP_PORT:-38080} PYROOM_HTTPS_PORT=${PYROOM_COMPOSE_HTTPS_PORT:-38443}
export PYROOM_PUBLIC_URL="https://localhost:$PYROOM_HTTPS_PORT"
KEYCLOAK_URL="$PYROOM_PUBLIC_URL/auth"
unset PYROOM_TLS_DIR

COMPOSE=()
DOCKERD_PID=
WORK=
STARTED_AT=$SECONDS
READY_DEADLINE=

say() { printf 'test-compose: %s\n' "$*"; }
fail() { printf 'test-compose: FAIL %s\n' "$*" >&2; exit 1; }
# For lib/mixed-load.sh.
die() { fail "$@"; }

# shellcheck source=test-compose-bluegreen.sh
source "$HERE/test-compose-bluegreen.sh"

# The stack reads its secrets from the file secrets.sh wrote, as it would read .env.
compose() { "${COMPOSE[@]}" --env-file "$WORK/secrets.env" -p "$PROJECT" -f "$ROOT/docker-compose.yml" "$@"; }

# secret NAME: a value from the generated secrets file.
secret() { sed -n "s/^$1=//p" "$WORK/secrets.env"; }

# Every request goes to 127.0.0.1 (-4: the ports are published on IPv4 loopback only), trusting HAProxy's
# certificate only.
http() { curl -4 -s --max-time 30 --cacert "$WORK/pyroom.crt" -b "$WORK/cookies" -c "$WORK/cookies" "$@"; }

start_private_dockerd() {
    local dir=$1
    mkdir -p "$dir/data" "$dir/exec"
    export DOCKER_HOST="unix://$dir/docker.sock"
    say "starting a private Docker daemon in $dir"
    dockerd --host "$DOCKER_HOST" --data-root "$dir/data" --exec-root "$dir/exec" --pidfile "$dir/dockerd.pid" \
        --iptables=false --ip-masq=false --bridge=none >"$dir/dockerd.log" 2>&1 &
    DOCKERD_PID=$!
    local waited=0
    until docker info >/dev/null 2>&1; do
        waited=$((waited + 1))
        [ "$waited" -le 60 ] || fail "the Docker daemon did not start (see $dir/dockerd.log)"
        sleep 1
    done
}

stop_private_dockerd() {
    [ -n "$DOCKERD_PID" ] || return 0
    kill -TERM "$DOCKERD_PID" 2>/dev/null || true
    wait "$DOCKERD_PID" 2>/dev/null || true
}

pick_compose() {
    if docker compose version >/dev/null 2>&1; then
        COMPOSE=(docker compose)
    elif command -v docker-compose >/dev/null; then
        COMPOSE=(docker-compose)
    else
        fail "neither 'docker compose' nor docker-compose is installed"
    fi
    say "using $("${COMPOSE[@]}" version --short 2>/dev/null || echo "${COMPOSE[*]}") ($(command -v "${COMPOSE[0]}"))"
}

cleanup() {
    local status=$?
    set +e
    blue_green_cleanup
    if [ "$status" -ne 0 ] && [ ${#COMPOSE[@]} -gt 0 ]; then
        compose ps
        compose logs --no-color --tail 40 >&2
    fi
    if [ ${#COMPOSE[@]} -gt 0 ]; then
        say "removing the stack"
        compose down -v --remove-orphans >/dev/null 2>&1
    fi
    stop_private_dockerd
    [ -z "$WORK" ] || rm -rf "$WORK"
    exit "$status"
}

seconds_left() {
    local left=$((READY_DEADLINE - SECONDS))
    echo $((left > 0 ? left : 1))
}

build_images() {
    local started=$SECONDS
    if [ -z "${PYROOM_BASE_IMAGE:-}" ]; then
        timeout "$BUILD_TIMEOUT" "$HERE/build-base.sh" || fail "building the base image failed"
        export PYROOM_BASE_IMAGE=pyroom-base:bookworm
    fi
    "$HERE/prepare.sh"
    if ! timeout "$BUILD_TIMEOUT" "${COMPOSE[@]}" --env-file "$WORK/secrets.env" -p "$PROJECT" \
        -f "$ROOT/docker-compose.yml" build >"$WORK/build.log" 2>&1; then
        tail -n 30 "$WORK/build.log" >&2
        fail "building the images failed"
    fi
    say "images ready in $((SECONDS - started)) s"
}

wait_until_ready() {
    local started=$SECONDS
    READY_DEADLINE=$((SECONDS + READY_TIMEOUT))
    # up waits for PostgreSQL and Keycloak to be healthy before it starts Pyroom (depends_on conditions). On a busy
    # machine Keycloak's first start (schema, realm import) can outlast its health check's start period; it turns
    # healthy at its next passing check, so up is repeated until the deadline.
    until timeout "$(seconds_left)" "${COMPOSE[@]}" --env-file "$WORK/secrets.env" -p "$PROJECT" \
        -f "$ROOT/docker-compose.yml" up -d; do
        [ "$SECONDS" -lt "$READY_DEADLINE" ] || fail "the stack did not start"
        say "not every service is healthy yet: starting the rest again"
        sleep 10
    done
    # HAProxy writes its self-signed certificate into its volume before it listens.
    until compose exec -T haproxy cat /var/lib/pyroom-haproxy/tls/pyroom.crt >"$WORK/pyroom.crt" 2>/dev/null &&
        [ -s "$WORK/pyroom.crt" ]; do
        [ "$SECONDS" -lt "$READY_DEADLINE" ] || fail "HAProxy made no certificate within ${READY_TIMEOUT}s"
        sleep 2
    done
    until http -o /dev/null -f "$PYROOM_PUBLIC_URL/health/ready"; do
        [ "$SECONDS" -lt "$READY_DEADLINE" ] || fail "Pyroom did not become ready within ${READY_TIMEOUT}s"
        sleep 2
    done
    say "stack ready in $((SECONDS - started)) s"
}

# Both UP, within the start-up deadline: Keycloak's first answers after a cold start may outlast Pyroom's
# two-second probe on a busy machine.
check_health() {
    local health
    until health=$(http "$PYROOM_PUBLIC_URL/api/health") && python3 -c '
import json, sys
checks = json.loads(sys.argv[1])["checks"]
sys.exit(0 if checks.get("database") == "UP" and checks.get("identityProvider") == "UP" else 1)
' "$health" 2>/dev/null; do
        [ "$SECONDS" -lt "$READY_DEADLINE" ] || fail "database and identity provider are not both UP: $health"
        sleep 5
    done
    say "/api/health: $health"
}

# Plain HTTP only redirects to the same address over HTTPS; HTTPS answers carry HSTS; the instance learns from
# HAProxy, not from the client, that the browser came over HTTPS: its sign-in redirect URI says https and its
# session cookie is Secure.
check_tls() {
    local answer location expected
    answer=$(curl -4 -s -D - -o /dev/null --max-time 30 "http://localhost:$PYROOM_HTTP_PORT/my/workspaces.xhtml?x=1" |
        tr -d '\r')
    location=$(sed -n 's/^[Ll]ocation: //p' <<<"$answer")
    [[ "$answer" == "HTTP/1.1 301 "* ]] && [ "$location" = "$PYROOM_PUBLIC_URL/my/workspaces.xhtml?x=1" ] ||
        fail "plain HTTP is not redirected to HTTPS: $(head -n 1 <<<"$answer") location '$location'"
    answer=$(curl -4 -s -D - -o /dev/null --max-time 30 --cacert "$WORK/pyroom.crt" \
        -H 'X-Forwarded-Proto: http' -H 'X-Forwarded-Host: evil.example' "$PYROOM_PUBLIC_URL/my/workspaces.xhtml" |
        tr -d '\r')
    grep -qi '^strict-transport-security: max-age=[1-9]' <<<"$answer" || fail "HTTPS answers lack HSTS"
    location=$(sed -n 's/^[Ll]ocation: //p' <<<"$answer")
    expected=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' \
        "$PYROOM_PUBLIC_URL/callback")
    [[ "$location" == "$KEYCLOAK_URL/realms/pyroom/"*"redirect_uri=$expected&"* ]] ||
        fail "sign-in does not go to Keycloak at $KEYCLOAK_URL with redirect URI $PYROOM_PUBLIC_URL/callback: $location"
    grep -qi '^set-cookie: JSESSIONID=[^;]*;.*; Secure' <<<"$answer" || fail "the session cookie is not Secure"
    say "TLS: http:// redirects to https://, HSTS, redirect URI $PYROOM_PUBLIC_URL/callback, Secure session cookie"
}

# Secrets as an operator makes them: generated, owner-only.
generate_secrets() {
    "$HERE/secrets.sh" "$WORK/secrets.env" >/dev/null
    [ "$(stat -c %a "$WORK/secrets.env")" = 600 ] || fail "secrets.sh left its file readable by others"
    say "secrets generated into an owner-only file"
}

# refused SERVICE NAME=VALUE: the service, started with that well-known value, stops at once and says why.
refused() {
    local service=$1 setting=$2 output status=0
    output=$(compose run --rm --no-deps -T -e "$setting" "$service" 2>&1) || status=$?
    [ "$status" -eq 78 ] && grep -q "refusing to start: ${setting%%=*} is the well-known value" <<<"$output" \
        || fail "$service started with $setting (exit $status): $output"
}

refuse_known_defaults() {
    refused postgres PYROOM_DB_PASSWORD=pyroom
    refused keycloak KC_BOOTSTRAP_ADMIN_PASSWORD=admin
    refused pyroom-blue-1 PYROOM_OIDC_CLIENT_SECRET=pyroom-dev-secret
    say "PostgreSQL, Keycloak and Pyroom refuse well-known secrets"
}

# login_form URL: follows redirects to Keycloak's login form and prints the form's action.
login_form() {
    local page form
    page=$(http -L -w '\n%{url_effective}' "$1")
    case "$(tail -n 1 <<<"$page")" in
        "$KEYCLOAK_URL/realms/pyroom/"*) ;;
        *) fail "expected Keycloak's login page at $KEYCLOAK_URL, got $(tail -n 1 <<<"$page")" ;;
    esac
    form=$(grep -o '<form [^>]*id="kc-form-login"[^>]*>' <<<"$page") || fail "no login form on Keycloak's page"
    sed -e 's/.* action="\([^"]*\)".*/\1/' -e 's/&amp;/\&/g' <<<"$form"
}

# The development realm's demo users and Keycloak's development admin do not exist in this stack.
demo_users_refused() {
    local user page answer
    for user in student instructor admin; do
        page=$(http -L --data-urlencode "username=$user" --data-urlencode "password=$user" --data credentialId= \
            "$(login_form "$PYROOM_PUBLIC_URL/my/workspaces.xhtml")")
        grep -q 'Invalid username or password' <<<"$page" || fail "the demo user $user/$user was not refused"
    done
    answer=$(http --data grant_type=password --data client_id=admin-cli --data username=admin --data password=admin \
        "$KEYCLOAK_URL/realms/master/protocol/openid-connect/token")
    grep -q '"invalid_grant"' <<<"$answer" && ! grep -q access_token <<<"$answer" \
        || fail "Keycloak's admin/admin was not refused: $answer"
    say "demo users student, instructor, admin and Keycloak's admin/admin cannot sign in"
}

# create_student USERNAME PASSWORD FIRST LAST: a student in the pyroom realm, made through Keycloak's admin API.
create_student() {
    local username=$1 password=$2 first=$3 last=$4 token role id
    token=$(http --data grant_type=password --data client_id=admin-cli --data username=admin \
        --data-urlencode "password=$(secret PYROOM_KEYCLOAK_ADMIN_PASSWORD)" \
        "$KEYCLOAK_URL/realms/master/protocol/openid-connect/token" \
        | python3 -c 'import json, sys; print(json.load(sys.stdin)["access_token"])') \
        || fail "Keycloak's admin could not sign in with the generated password"
    python3 -c '
import json, sys
username, password, first, last = sys.argv[1:]
print(json.dumps({"username": username, "enabled": True, "emailVerified": True, "email": username + "@school.example",
                  "firstName": first, "lastName": last,
                  "credentials": [{"type": "password", "value": password, "temporary": False}]}))
' "$username" "$password" "$first" "$last" >"$WORK/student.json"
    http -f -o /dev/null -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
        --data-binary "@$WORK/student.json" "$KEYCLOAK_URL/admin/realms/pyroom/users" \
        || fail "creating the student $username through Keycloak's admin API failed"
    id=$(http -f -H "Authorization: Bearer $token" \
        "$KEYCLOAK_URL/admin/realms/pyroom/users?username=$username&exact=true" \
        | python3 -c 'import json, sys; print(json.load(sys.stdin)[0]["id"])')
    role=$(http -f -H "Authorization: Bearer $token" "$KEYCLOAK_URL/admin/realms/pyroom/roles/student")
    http -f -o /dev/null -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
        --data-binary "[$role]" "$KEYCLOAK_URL/admin/realms/pyroom/users/$id/role-mappings/realm" \
        || fail "giving $username the student role failed"
}

new_password() { head -c 24 /dev/urandom | base64 | tr -d '=+/'; }

create_casey() {
    STUDENT_PASSWORD=$(new_password)
    create_student casey "$STUDENT_PASSWORD" Casey Compose
    say "created the student casey through Keycloak's admin API"
}

# Browser-like sign-in: Pyroom redirects to Keycloak's login form (at the public URL: the issuer browsers see),
# the form posts the password, Keycloak redirects back with a code that Pyroom exchanges over the compose network.
sign_in() {
    local page
    page=$(http -L -w '\n%{url_effective}' --data-urlencode username=casey \
        --data-urlencode "password=$STUDENT_PASSWORD" --data credentialId= \
        "$(login_form "$PYROOM_PUBLIC_URL/my/workspaces.xhtml")")
    [ "$(tail -n 1 <<<"$page")" = "$PYROOM_PUBLIC_URL/my/workspaces.xhtml" ] \
        || fail "sign-in did not return to Pyroom's page (ended at $(tail -n 1 <<<"$page"))"
    if ! grep -q 'Sign out' <<<"$page" || ! grep -q 'Casey Compose' <<<"$page"; then
        fail "the page after sign-in does not show the signed-in student"
    fi
    say "signed in as casey: \"My workspaces\" shows Casey Compose and Sign out"
}

# Creates a workspace the way the page's AJAX button does, and runs its starter main.py in a sandbox.
run_in_sandbox() {
    local page view_state name workspace result
    name="compose-test-$$"
    page=$(http "$PYROOM_PUBLIC_URL/my/workspaces.xhtml")
    view_state=$(grep -o 'name="jakarta.faces.ViewState"[^>]*value="[^"]*"' <<<"$page" | head -n 1 \
        | sed 's/.*value="//; s/"$//')
    [ -n "$view_state" ] || fail "no Faces view state on the workspaces page"
    http -o /dev/null -H 'Faces-Request: partial/ajax' \
        --data-urlencode jakarta.faces.partial.ajax=true --data-urlencode jakarta.faces.source=workspaces:create \
        --data-urlencode 'jakarta.faces.partial.execute=workspaces:create workspaces:newName' \
        --data-urlencode jakarta.faces.partial.render=workspaces --data-urlencode workspaces=workspaces \
        --data-urlencode workspaces:create=workspaces:create --data-urlencode "workspaces:newName=$name" \
        --data-urlencode "jakarta.faces.ViewState=$view_state" "$PYROOM_PUBLIC_URL/my/workspaces.xhtml"
    workspace=$(http "$PYROOM_PUBLIC_URL/api/workspaces" | python3 -c '
import json, sys
print(next((w["id"] for w in json.load(sys.stdin) if w["name"] == sys.argv[1]), ""))' "$name")
    [ -n "$workspace" ] || fail "creating a workspace failed"
    result=$(http -H 'Content-Type: application/json' -d '{"entryFile": "main.py"}' \
        "$PYROOM_PUBLIC_URL/api/workspaces/$workspace/runs")
    say "sandbox run: $result"
    python3 -c '
import json, sys
run = json.loads(sys.argv[1])
sys.exit(0 if run["ending"] == "EXITED" and run["exitCode"] == 0 and run["output"] else 1)
' "$result" || fail "main.py did not run to a clean exit in the sandbox"
    local limits
    limits=$(compose logs --no-color pyroom-blue-1 pyroom-blue-2 2>/dev/null | grep -o 'sandboxes are limited by [^]]*' | tail -n 1 || true)
    say "${limits:-the server did not say how it limits sandboxes}"
    grep -q 'limited by cgroup' <<<"$limits" || fail "sandboxes got no cgroup of their own"
    run_over_wss "$workspace"
}

# The editor's run: a WebSocket through HAProxy over TLS (wss), with the session cookie and the page's origin,
# as a browser sends them.
run_over_wss() {
    python3 - "$PYROOM_PUBLIC_URL" "$WORK/pyroom.crt" "$WORK/cookies" "$1" <<'PYTHON' || fail "no run over wss"
import base64, json, os, socket, ssl, sys, urllib.parse

public_url, certificate, cookie_file, workspace = sys.argv[1:]
url = urllib.parse.urlsplit(public_url)
# curl's cookie file: tab-separated domain, subdomains, path, secure, expiry, name, value; "#HttpOnly_" marks those.
cookies = []
for line in open(cookie_file):
    fields = line.rstrip("\n").removeprefix("#HttpOnly_").split("\t")
    if len(fields) == 7 and not fields[0].startswith("#") and not fields[2].startswith("/auth"):
        cookies.append(f"{fields[5]}={fields[6]}")
context = ssl.create_default_context(cafile=certificate)
with socket.create_connection(("127.0.0.1", url.port), timeout=30) as raw, \
        context.wrap_socket(raw, server_hostname=url.hostname) as tls:
    key = base64.b64encode(os.urandom(16)).decode()
    request = [f"GET /ws/run HTTP/1.1", f"Host: {url.netloc}", "Upgrade: websocket", "Connection: Upgrade",
               f"Sec-WebSocket-Key: {key}", "Sec-WebSocket-Version: 13", f"Origin: {public_url}",
               f"Cookie: {'; '.join(cookies)}", "", ""]
    tls.sendall("\r\n".join(request).encode())
    answer = b""
    while b"\r\n\r\n" not in answer:
        answer += tls.recv(4096)
    status = answer.split(b"\r\n", 1)[0].decode()
    if " 101 " not in status:
        sys.exit(f"WebSocket handshake over wss answered {status}")
    # One masked text frame, as clients must send them.
    message = json.dumps({"type": "run", "workspaceId": int(workspace), "entryFile": "main.py"}).encode()
    mask = os.urandom(4)
    tls.sendall(bytes([0x81, 0x80 | len(message)]) + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(message)))
    received = answer.split(b"\r\n\r\n", 1)[1]
    while b'"type":"end"' not in received and b'"type":"error"' not in received:
        chunk = tls.recv(4096)
        if not chunk:
            break
        received += chunk
    end = received.find(b'{"type":"end"')
    if end < 0:
        sys.exit(f"the run over wss did not end: {received[:300]!r}")
    print(f"test-compose: run over wss: {status}; {received[end:received.find(b'}', end) + 1].decode()}")
PYTHON
}

# Both lint tiers answer in the hardened container, from their confined workers.
lint_in_container() {
    local tier answer
    for tier in fast deep; do
        answer=$(http -H 'Content-Type: application/json' \
            -d '{"tier": "'"$tier"'", "version": 1, "filename": "main.py", "source": "print(scroe)\n"}' \
            "$PYROOM_PUBLIC_URL/api/lint")
        say "$tier lint: $answer"
        grep -q '"symbol":"undefined-variable"' <<<"$answer" || fail "$tier lint found no undefined name"
    done
}

# Java runs as an unprivileged user without capabilities, under seccomp, and sees /proc/sys read-only; even root in
# the container cannot write a kernel setting through it (writing back the value it holds: harmless either way).
container_hardening() {
    local report
    report=$(compose exec -T pyroom-blue-1 sh -c '
        for process in /proc/[0-9]*; do
            [ "$(cat "$process/comm" 2>/dev/null)" = java ] || continue
            grep -E "^(Uid|CapEff|CapBnd|NoNewPrivs|Seccomp):" "$process/status"
            grep " /proc/sys " "$process/mountinfo" | cut -d " " -f 5,6
        done
        cat /proc/sys/kernel/core_uses_pid 2>&1 >/proc/sys/kernel/core_uses_pid' 2>&1 || true)
    say "pyroom container: $(tr '\n\t' '  ' <<<"$report")"
    python3 -c '
import re, sys
report = sys.argv[1]
fields = dict(re.findall(r"^(Uid|CapEff|CapBnd|NoNewPrivs|Seccomp):\s*(.*)$", report, re.M))
problems = []
if not fields:
    problems.append("no Java process found")
elif "0" in fields["Uid"].split():
    problems.append("Java runs as root: Uid " + fields["Uid"])
if fields and (int(fields["CapEff"], 16) or int(fields["CapBnd"], 16)):
    problems.append("Java holds capabilities")
if fields and (fields["NoNewPrivs"] != "1" or fields["Seccomp"] != "2"):
    problems.append("Java runs without no_new_privs or seccomp")
if not re.search(r"^/proc/sys ro,", report, re.M):
    problems.append("/proc/sys is not mounted read-only for Java")
if "Read-only file system" not in report:
    problems.append("root in the container could write /proc/sys")
sys.exit("; ".join(problems) or None)
' "$report" || fail "the Pyroom container is not hardened"
    say "Java runs unprivileged without capabilities, under seccomp; /proc/sys is read-only"
}

main() {
    command -v docker >/dev/null || fail "docker is not installed"
    trap cleanup EXIT
    WORK=$(mktemp -d)
    if [ -n "${PYROOM_DOCKERD_DIR:-}" ]; then
        start_private_dockerd "$PYROOM_DOCKERD_DIR"
    fi
    docker info >/dev/null 2>&1 || fail "no Docker daemon answers (DOCKER_HOST=${DOCKER_HOST:-default})"
    cd "$ROOT"
    pick_compose
    generate_secrets
    build_images
    compose down -v --remove-orphans >/dev/null 2>&1 || true
    refuse_known_defaults
    wait_until_ready
    check_health
    check_tls
    demo_users_refused
    create_casey
    sign_in
    run_in_sandbox
    lint_in_container
    container_hardening
    blue_green_under_load
    say "PASS compose stack: generated secrets, defaults refused, TLS at HAProxy, no demo users," \
        "signed in through Keycloak over https, sandbox run over https and wss, both lint tiers," \
        "hardened container, blue/green cutover, rollback, a crashed and a hung instance under load with 0 failed" \
        "($((SECONDS - STARTED_AT)) s)"
}

main "$@"
