#!/usr/bin/env bash
# End-to-end test of docker-compose.yml: builds the images (cached), starts the stack, waits for it to be
# ready, checks /api/health, checks TLS at HAProxy (plain HTTP redirected to HTTPS, HSTS, X-Forwarded-Proto set
# by HAProxy and not by the client), signs in as the demo student over HTTPS through HAProxy and Keycloak (under
# /auth), creates a workspace, runs its main.py in a sandbox and opens a run WebSocket over wss, then removes the
# stack and its volumes (also when a step fails). Images are kept. Talks only to 127.0.0.1, and trusts exactly
# the certificate HAProxy made on its first start.
#
# Usage: test-compose.sh
#   Needs docker, docker-compose 1.29 or the compose plugin, curl, python3; as root, debootstrap for the base.
#   PYROOM_BASE_IMAGE=debian:bookworm-slim  build on the public image instead of the local pyroom-base
#   PYROOM_DOCKERD_DIR=<dir>                start a private Docker daemon with its state in <dir> for the test
#                                           (no iptables, no default bridge) and stop it at the end
#   PYROOM_WAR=<file>                       use this war instead of building one
#   PYROOM_COMPOSE_PROJECT=<name>           project name (pyroom-compose-test), to run beside another test
#   PYROOM_COMPOSE_HTTP_PORT, PYROOM_COMPOSE_HTTPS_PORT   HAProxy's published ports (38080, 38443)
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
PROJECT=${PYROOM_COMPOSE_PROJECT:-pyroom-compose-test}
# Bounds: building (base and images), then starting until Pyroom answers ready.
BUILD_TIMEOUT=${PYROOM_COMPOSE_BUILD_TIMEOUT:-1800}
READY_TIMEOUT=${PYROOM_COMPOSE_TIMEOUT:-600}

export PYROOM_PUBLISH_ADDRESS=127.0.0.1
export PYROOM_HTTP_PORT=${PYROOM_COMPOSE_HTTP_PORT:-38080} PYROOM_HTTPS_PORT=${PYROOM_COMPOSE_HTTPS_PORT:-38443}
export PYROOM_PUBLIC_URL="https://localhost:$PYROOM_HTTPS_PORT"
KEYCLOAK_URL="$PYROOM_PUBLIC_URL/auth"
unset PYROOM_TLS_DIR
export PYROOM_VIEW_STATE_KEY=${PYROOM_VIEW_STATE_KEY:-$(head -c 32 /dev/urandom | base64)}

COMPOSE=()
DOCKERD_PID=
WORK=
STARTED_AT=$SECONDS
READY_DEADLINE=

say() { printf 'test-compose: %s\n' "$*"; }
fail() { printf 'test-compose: FAIL %s\n' "$*" >&2; exit 1; }

compose() { "${COMPOSE[@]}" -p "$PROJECT" -f "$ROOT/docker-compose.yml" "$@"; }

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
    if ! timeout "$BUILD_TIMEOUT" "${COMPOSE[@]}" -p "$PROJECT" -f "$ROOT/docker-compose.yml" build \
        >"$WORK/build.log" 2>&1; then
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
    until timeout "$(seconds_left)" "${COMPOSE[@]}" -p "$PROJECT" -f "$ROOT/docker-compose.yml" up -d; do
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

# Browser-like sign-in: Pyroom redirects to Keycloak's login form (at the public URL: the issuer browsers see),
# the form posts the password, Keycloak redirects back with a code that Pyroom exchanges over the compose network.
sign_in() {
    local page form action
    page=$(http -L -w '\n%{url_effective}' "$PYROOM_PUBLIC_URL/my/workspaces.xhtml")
    case "$(tail -n 1 <<<"$page")" in
        "$KEYCLOAK_URL/realms/pyroom/"*) ;;
        *) fail "expected Keycloak's login page at $KEYCLOAK_URL, got $(tail -n 1 <<<"$page")" ;;
    esac
    form=$(grep -o '<form [^>]*id="kc-form-login"[^>]*>' <<<"$page") || fail "no login form on Keycloak's page"
    action=$(sed -e 's/.* action="\([^"]*\)".*/\1/' -e 's/&amp;/\&/g' <<<"$form")
    page=$(http -L -w '\n%{url_effective}' --data-urlencode username=student --data-urlencode password=student \
        --data credentialId= "$action")
    [ "$(tail -n 1 <<<"$page")" = "$PYROOM_PUBLIC_URL/my/workspaces.xhtml" ] \
        || fail "sign-in did not return to Pyroom's page (ended at $(tail -n 1 <<<"$page"))"
    if ! grep -q 'Sign out' <<<"$page" || ! grep -q 'Sam Student' <<<"$page"; then
        fail "the page after sign-in does not show the signed-in student"
    fi
    say "signed in as student: \"My workspaces\" shows Sam Student and Sign out"
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
    limits=$(compose logs --no-color pyroom 2>/dev/null | grep -o 'sandboxes are limited by [^]]*' | tail -n 1 || true)
    say "${limits:-the server did not say how it limits sandboxes}"
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

main() {
    command -v docker >/dev/null || fail "docker is not installed"
    trap cleanup EXIT
    WORK=$(mktemp -d)
    if [ -n "${PYROOM_DOCKERD_DIR:-}" ]; then
        start_private_dockerd "$PYROOM_DOCKERD_DIR"
    fi
    docker info >/dev/null 2>&1 || fail "no Docker daemon answers (DOCKER_HOST=${DOCKER_HOST:-default})"
    pick_compose
    build_images
    compose down -v --remove-orphans >/dev/null 2>&1 || true
    wait_until_ready
    check_health
    check_tls
    sign_in
    run_in_sandbox
    say "PASS compose stack: healthy, TLS at HAProxy, signed in through Keycloak over https, sandbox run over https and wss ($((SECONDS - STARTED_AT)) s)"
}

main "$@"
