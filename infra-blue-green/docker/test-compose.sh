#!/usr/bin/env bash
# End-to-end test of docker-compose.yml: builds the images (cached), starts the stack, waits for it to be
# ready, checks /api/health, signs in as the demo student through HAProxy and Keycloak, creates a workspace
# and runs its main.py in a sandbox, then removes the stack and its volume (also when a step fails). Images
# are kept. Talks only to 127.0.0.1.
#
# Usage: test-compose.sh
#   Needs docker, docker-compose 1.29 or the compose plugin, curl, python3; as root, debootstrap for the base.
#   PYROOM_BASE_IMAGE=debian:bookworm-slim  build on the public image instead of the local pyroom-base
#   PYROOM_DOCKERD_DIR=<dir>                start a private Docker daemon with its state in <dir> for the test
#                                           (no iptables, no default bridge) and stop it at the end
#   PYROOM_WAR=<file>                       use this war instead of building one
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
PROJECT=pyroom-compose-test
# Bounds: building (base and images), then starting until Pyroom answers ready.
BUILD_TIMEOUT=${PYROOM_COMPOSE_BUILD_TIMEOUT:-1800}
READY_TIMEOUT=${PYROOM_COMPOSE_TIMEOUT:-600}

export PYROOM_PUBLISH_ADDRESS=127.0.0.1
export PYROOM_HTTP_PORT=38080 PYROOM_KEYCLOAK_PORT=38180
export PYROOM_PUBLIC_URL="http://localhost:$PYROOM_HTTP_PORT"
export PYROOM_KEYCLOAK_URL="http://localhost:$PYROOM_KEYCLOAK_PORT"
export PYROOM_VIEW_STATE_KEY=${PYROOM_VIEW_STATE_KEY:-$(head -c 32 /dev/urandom | base64)}

COMPOSE=()
DOCKERD_PID=
WORK=
STARTED_AT=$SECONDS
READY_DEADLINE=

say() { printf 'test-compose: %s\n' "$*"; }
fail() { printf 'test-compose: FAIL %s\n' "$*" >&2; exit 1; }

compose() { "${COMPOSE[@]}" -p "$PROJECT" -f "$ROOT/docker-compose.yml" "$@"; }

# Every request goes to 127.0.0.1 (-4: the ports are published on IPv4 loopback only).
http() { curl -4 -s --max-time 30 -b "$WORK/cookies" -c "$WORK/cookies" "$@"; }

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
    # up waits for PostgreSQL and Keycloak to be healthy before it starts Pyroom (depends_on conditions).
    timeout "$(seconds_left)" "${COMPOSE[@]}" -p "$PROJECT" -f "$ROOT/docker-compose.yml" up -d \
        || fail "the stack did not start"
    until http -o /dev/null -f "http://127.0.0.1:$PYROOM_HTTP_PORT/health/ready"; do
        [ "$SECONDS" -lt "$READY_DEADLINE" ] || fail "Pyroom did not become ready within ${READY_TIMEOUT}s"
        sleep 2
    done
    say "stack ready in $((SECONDS - started)) s"
}

check_health() {
    local health
    health=$(http "http://127.0.0.1:$PYROOM_HTTP_PORT/api/health")
    say "/api/health: $health"
    python3 -c '
import json, sys
checks = json.loads(sys.argv[1])["checks"]
sys.exit(0 if checks.get("database") == "UP" and checks.get("identityProvider") == "UP" else 1)
' "$health" || fail "database and identity provider are not both UP"
}

# Browser-like sign-in: Pyroom redirects to Keycloak's login form (at the public URL: the issuer browsers see),
# the form posts the password, Keycloak redirects back with a code that Pyroom exchanges over the compose network.
sign_in() {
    local page form action
    page=$(http -L -w '\n%{url_effective}' "$PYROOM_PUBLIC_URL/my/workspaces.xhtml")
    case "$(tail -n 1 <<<"$page")" in
        "$PYROOM_KEYCLOAK_URL/realms/pyroom/"*) ;;
        *) fail "expected Keycloak's login page at $PYROOM_KEYCLOAK_URL, got $(tail -n 1 <<<"$page")" ;;
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
    sign_in
    run_in_sandbox
    say "PASS compose stack: healthy, signed in through Keycloak, sandbox run ($((SECONDS - STARTED_AT)) s)"
}

main "$@"
