# shellcheck shell=bash
# The image registry the pipeline pushes releases to and deploys them from: PIPELINE_REGISTRY (host:port) names a
# site's own; without it, a local one (Debian's docker-registry, the CNCF Distribution registry) on loopback, with
# its images in the state folder. Docker engines talk plain HTTP to registries on 127.0.0.0/8 only.

: "${PIPELINE_REGISTRY:=}"
LOCAL_REGISTRY_ADDRESS=${PIPELINE_LOCAL_REGISTRY_ADDRESS:-127.0.0.1:18500}
if [ -z "$PIPELINE_REGISTRY" ]; then
    PIPELINE_REGISTRY=$LOCAL_REGISTRY_ADDRESS
fi
REGISTRY_DIR=$BLUEGREEN_STATE/registry

registry_pid() {
    local pid
    [ -f "$REGISTRY_DIR/registry.pid" ] || return 1
    pid=$(cat "$REGISTRY_DIR/registry.pid")
    [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 1
    echo "$pid"
}

registry_answers() {
    curl -fs -o /dev/null --max-time 3 "http://$PIPELINE_REGISTRY/v2/"
}

# The registry answers: a site's own must already; the local one is started (and installed) when it does not.
registry_ensure() {
    local deadline
    if registry_answers; then
        return 0
    fi
    [ "$PIPELINE_REGISTRY" = "$LOCAL_REGISTRY_ADDRESS" ] ||
        die "the registry $PIPELINE_REGISTRY does not answer at http://$PIPELINE_REGISTRY/v2/"
    install_load_tools docker-registry:docker-registry
    mkdir -p "$REGISTRY_DIR/images"
    cat >"$REGISTRY_DIR/config.yml" <<CONFIG
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: $REGISTRY_DIR/images
http:
  addr: $LOCAL_REGISTRY_ADDRESS
CONFIG
    setsid docker-registry serve "$REGISTRY_DIR/config.yml" </dev/null >>"$REGISTRY_DIR/registry.log" 2>&1 &
    echo $! >"$REGISTRY_DIR/registry.pid"
    deadline=$((SECONDS + 20))
    until registry_answers; do
        registry_pid >/dev/null || die "the local registry exited; see $REGISTRY_DIR/registry.log"
        [ "$SECONDS" -lt "$deadline" ] || die "the local registry does not answer; see $REGISTRY_DIR/registry.log"
        sleep 0.5
    done
    say "local registry at $LOCAL_REGISTRY_ADDRESS (pid $(registry_pid), images in $REGISTRY_DIR/images)"
}

registry_stop() {
    local pid
    if pid=$(registry_pid); then
        kill -TERM "$pid"
        say "stopped the local registry (pid $pid)"
    fi
    rm -f "$REGISTRY_DIR/registry.pid"
}
