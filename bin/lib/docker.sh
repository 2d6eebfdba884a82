# A private Docker engine for the tests (the Docker sandbox backend and the docker-compose stack test), with its
# state under $PYROOM_HOME/docker so that the debootstrap base image is built once and kept between runs.

DOCKER_DIR="$PYROOM_HOME/docker"

docker_start() {
    mkdir -p "$DOCKER_DIR/data" "$DOCKER_DIR/exec"
    export DOCKER_HOST="unix://$DOCKER_DIR/docker.sock"
    if docker info >/dev/null 2>&1; then
        say "Docker engine already running at $DOCKER_HOST"
        return 0
    fi
    say "starting a private Docker engine (state in $DOCKER_DIR)"
    # No iptables rules and no default bridge: nothing on the host's network changes.
    dockerd --host "$DOCKER_HOST" --data-root "$DOCKER_DIR/data" --exec-root "$DOCKER_DIR/exec" \
        --pidfile "$DOCKER_DIR/dockerd.pid" --iptables=false --ip-masq=false --bridge=none \
        >"$LOGS/dockerd.log" 2>&1 &
    DOCKERD_PID=$!
    STARTED+=(docker_stop)
    local waited=0
    until docker info >/dev/null 2>&1; do
        kill -0 "$DOCKERD_PID" 2>/dev/null || die "the Docker engine did not start (see $LOGS/dockerd.log)"
        waited=$((waited + 1))
        [ "$waited" -lt 60 ] || die "the Docker engine did not start within 60 s (see $LOGS/dockerd.log)"
        sleep 1
    done
}

docker_stop() {
    [ -n "${DOCKERD_PID:-}" ] || return 0
    say "stopping the Docker engine"
    kill -TERM "$DOCKERD_PID" 2>/dev/null || true
    wait "$DOCKERD_PID" 2>/dev/null || true
    DOCKERD_PID=
}

# The base image of the sandbox image (and of the compose stack's images), built with debootstrap unless current.
docker_base_image() {
    "$ROOT/infra-blue-green/docker/build-base.sh" || die "building the base image failed"
    export PYROOM_SANDBOX_BASE_IMAGE="${PYROOM_BASE_IMAGE:-pyroom-base:bookworm}"
}
