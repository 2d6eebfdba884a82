# shellcheck shell=bash
# The compose target: bluegreen's commands against the docker-compose stack (docker-compose.yml) instead of Payara
# Micro processes and a HAProxy of its own. Sourced after the other libraries, it replaces the functions that touch
# instances and reach HAProxy; deploy, rollback and the drain (cutover.sh) stay as they are.
#
#   an instance        the service pyroom-COLOUR-N (HAProxy's server COLOURN), one container
#   a release          an image; the colour's image and whether it runs are recorded in the stack's .env as
#                      PYROOM_COLOUR_IMAGE and PYROOM_COLOUR_SCALE (1 or 0), so a later `up -d` keeps them
#   HAProxy            the haproxy service; its admin socket is reached with docker exec, and the live colour is
#                      kept in its state volume

: "${BLUEGREEN_COMPOSE_PROJECT:=pyroom}"
: "${BLUEGREEN_COMPOSE_FILE:=$REPO/docker-compose.yml}"
# The file Compose reads its settings from: .env next to docker-compose.yml unless named.
: "${BLUEGREEN_COMPOSE_ENV_FILE:=}"
# The image a colour runs when none is recorded (what docker-compose.yml builds).
: "${BLUEGREEN_COMPOSE_DEFAULT_IMAGE:=pyroom-server:local}"

COMPOSE_LB_SOCKET=/run/pyroom-haproxy/admin.sock
COMPOSE_LB_MAP=/var/lib/pyroom-haproxy/state/live.map
COMPOSE_LB_CERTIFICATE=/var/lib/pyroom-haproxy/tls/pyroom.pem
COMPOSE_COMMAND=()
COMPOSE_SERVICES=""
COMPOSE_LB_CONTAINER=""

compose_env_file() {
    echo "${BLUEGREEN_COMPOSE_ENV_FILE:-$(dirname "$BLUEGREEN_COMPOSE_FILE")/.env}"
}

compose_command() {
    if [ ${#COMPOSE_COMMAND[@]} -eq 0 ]; then
        if docker compose version >/dev/null 2>&1; then
            COMPOSE_COMMAND=(docker compose)
        elif command -v docker-compose >/dev/null; then
            COMPOSE_COMMAND=(docker-compose)
        else
            die "neither 'docker compose' nor docker-compose is installed"
        fi
    fi
}

# compose_recorded NAME: a setting from the stack's .env (empty when it has none).
compose_recorded() {
    local file
    file=$(compose_env_file)
    [ -f "$file" ] || return 0
    sed -n "s/^$1=//p" "$file" | tail -n 1
}

# compose_record NAME VALUE: sets NAME in the stack's .env, keeping everything else and the file's owner-only mode.
compose_record() {
    local name=$1 value=$2 file
    file=$(compose_env_file)
    [ -f "$file" ] || die "no $file: run infra-blue-green/docker/secrets.sh first"
    (
        umask 077
        grep -v "^$name=" "$file" >"$file.new" || true
        printf '%s=%s\n' "$name" "$value" >>"$file.new"
    )
    chmod --reference="$file" "$file.new"
    mv -f "$file.new" "$file"
}

colour_setting() {
    local colour=$1 kind=$2
    echo "PYROOM_${colour^^}_$kind"
}

# Runs Compose on the stack with the colours' recorded images and scales, which win over the operator's shell:
# bluegreen must not start a colour with an image it did not record. From the compose file's folder: Compose 1.29
# reads the Pyroom services' seccomp profile relative to the current folder.
compose() {
    local colour kind name value settings=() env_file=()
    compose_command
    for colour in "${COLOURS[@]}"; do
        for kind in IMAGE SCALE; do
            name=$(colour_setting "$colour" "$kind")
            value=$(compose_recorded "$name")
            if [ -n "$value" ]; then settings+=("$name=$value"); fi
        done
    done
    if [ -n "$BLUEGREEN_COMPOSE_ENV_FILE" ]; then env_file=(--env-file "$BLUEGREEN_COMPOSE_ENV_FILE"); fi
    (cd "$(dirname "$BLUEGREEN_COMPOSE_FILE")" &&
        env "${settings[@]}" "${COMPOSE_COMMAND[@]}" "${env_file[@]}" -p "$BLUEGREEN_COMPOSE_PROJECT" \
            -f "$BLUEGREEN_COMPOSE_FILE" "$@")
}

# The container of a service, running or not (docker directly: much faster than Compose 1.29 for each question).
service_container() {
    docker ps -aq --filter "label=com.docker.compose.project=$BLUEGREEN_COMPOSE_PROJECT" \
        --filter "label=com.docker.compose.service=$1" | head -n 1
}

instance_service() { echo "pyroom-$1-$2"; }

# The instance numbers of a colour: its services pyroom-COLOUR-N in docker-compose.yml.
colour_indexes() {
    if [ -z "$COMPOSE_SERVICES" ]; then
        COMPOSE_SERVICES=$(compose config --services) || die "Compose cannot read $BLUEGREEN_COMPOSE_FILE"
    fi
    sed -n "s/^pyroom-$1-\([0-9][0-9]*\)$/\1/p" <<<"$COMPOSE_SERVICES" | sort -n
}

colour_services() {
    local colour=$1 index
    for index in $(colour_indexes "$colour"); do instance_service "$colour" "$index"; done
}

instance_container() { service_container "$(instance_service "$1" "$2")"; }

# ---- instances (replacing instances.sh)

# A colour runs the instances docker-compose.yml defines for it: deploy's count only has to fit.
require_count() {
    local count=$1 slots
    slots=$(colour_indexes blue | wc -l)
    case "$count" in
        '' | *[!0-9]*) die "instance count must be a number, got '$count'" ;;
    esac
    if [ "$count" -lt 1 ] || [ "$count" -gt "$slots" ]; then
        die "docker-compose.yml defines $slots instance(s) per colour, not $count"
    fi
}

release_noun() { echo IMAGE; }

# The image must be here, or be pulled from its registry (a release pipeline pushes it there).
require_release() {
    docker image inspect "$1" >/dev/null 2>&1 && return 0
    say "pulling $1"
    docker pull "$1" >/dev/null || die "image not found here or in its registry: $1"
}

# An image's name with the first 12 hex digits of its id: a tag can move, the id cannot.
release_of() {
    local id
    id=$(docker image inspect -f '{{.Id}}' "$1" 2>/dev/null) || id=unknown
    id=${id#sha256:}
    echo "$1@${id:0:12}"
}

colour_image() {
    local image
    image=$(compose_recorded "$(colour_setting "$1" IMAGE)")
    echo "${image:-$BLUEGREEN_COMPOSE_DEFAULT_IMAGE}"
}

# The release a colour runs: the image of its first container, with the id that container was made from.
colour_release() {
    local colour=$1 index container release
    for index in $(colour_indexes "$colour"); do
        container=$(instance_container "$colour" "$index")
        [ -n "$container" ] || continue
        release=$(docker inspect -f '{{.Config.Image}}@{{.Image}}' "$container")
        echo "${release%%@*}@$(cut -c1-12 <<<"${release#*@sha256:}")"
        return 0
    done
    echo -
}

colour_logs_hint() {
    echo "$BLUEGREEN_STATE/compose-logs/$(instance_service "$1" '*').log (saved at the stop below)"
}

# Instances that have a container, running or not.
recorded_instances() {
    local colour=$1 index
    for index in $(colour_indexes "$colour"); do
        if [ -n "$(instance_container "$colour" "$index")" ]; then echo "$index"; fi
    done
}

instance_state() {
    local container
    container=$(instance_container "$1" "$2")
    [ -n "$container" ] || return 1
    docker inspect -f '{{.State.Status}} {{.RestartCount}}' "$container"
}

instance_running() {
    local state
    state=$(instance_state "$1" "$2") || return 1
    [ "${state%% *}" = running ]
}

# Docker's restart policy starts a container again when it dies, and its health check ends one that hangs
# (docker/pyroom/healthcheck.sh): no supervisor process of bluegreen's watches a container.
supervisor_alive() { return 1; }

instance_restarts() {
    local state
    state=$(instance_state "$1" "$2") || { echo -; return 0; }
    echo "${state#* }"
}

instance_address() { echo "container $(instance_service "$1" "$2")"; }

# Asked from inside the instance's container: its port is not published.
instance_get() {
    local container
    container=$(instance_container "$1" "$2")
    [ -n "$container" ] || { printf '\n000'; return 0; }
    docker exec "$container" curl -s --max-time "${4:-5}" -w '\n%{http_code}' "http://127.0.0.1:8080$3" 2>/dev/null ||
        true
}

instance_ready() {
    [ "$(instance_get "$1" "$2" /health/ready | tail -n 1)" = 200 ]
}

# Waits until an instance answers ready; fails when its container stops or restarts meanwhile (a container Docker
# restarted earlier may still have a count above 0), or the time is up.
instance_wait_ready() {
    local colour=$1 index=$2 deadline state service restarts
    service=$(instance_service "$colour" "$index")
    deadline=$((SECONDS + BLUEGREEN_READY_TIMEOUT))
    state=$(instance_state "$colour" "$index") || state="missing 0"
    restarts=${state#* }
    until instance_ready "$colour" "$index"; do
        state=$(instance_state "$colour" "$index") || state="missing 0"
        if [ "${state%% *}" != running ] || [ "${state#* }" != "$restarts" ]; then
            warn "$service exited while starting (container: $state); its last lines:"
            docker logs --tail 15 "$(instance_container "$colour" "$index")" 2>&1 | without_colours >&2 || true
            return 1
        fi
        if [ "$SECONDS" -ge "$deadline" ]; then
            warn "$service not ready after ${BLUEGREEN_READY_TIMEOUT}s (BLUEGREEN_READY_TIMEOUT); see: docker logs $(instance_container "$colour" "$index")"
            return 1
        fi
        sleep 2
    done
}

# colour_start COLOUR COUNT IMAGE EXPLICIT: runs every instance service of the colour (docker-compose.yml says how
# many: COUNT is not used) on IMAGE, or on the colour's recorded image unless EXPLICIT; waits until each is ready and
# up in HAProxy. The instances start one after the other: on a small server two Payara Micro starting together
# take the processor from each other and from the live colour, and neither is ready sooner.
colour_start() {
    local colour=$1 image=$3 explicit=$4 index start_ms
    [ -n "$(colour_services "$colour")" ] || die "docker-compose.yml has no pyroom-$colour-N service"
    if [ "$explicit" = yes ]; then
        require_release "$image"
        if [ "$(running_count "$colour")" -gt 0 ] && [ "$(release_of "$image")" != "$(colour_release "$colour")" ]; then
            die "$colour runs $(colour_release "$colour"), not $(release_of "$image"): stop $colour first, or use deploy"
        fi
    else
        image=$(colour_image "$colour")
    fi
    compose_record "$(colour_setting "$colour" IMAGE)" "$image"
    compose_record "$(colour_setting "$colour" SCALE)" 1
    start_ms=$(now_ms)
    for index in $(colour_indexes "$colour"); do
        if instance_running "$colour" "$index"; then
            say "$(instance_service "$colour" "$index") already runs (container $(instance_container "$colour" "$index" | cut -c1-12))"
        else
            compose up -d --no-deps "$(instance_service "$colour" "$index")" || return 1
            say "started $(instance_service "$colour" "$index"): container $(instance_container "$colour" "$index" | cut -c1-12), release $(release_of "$image")"
        fi
        instance_wait_ready "$colour" "$index" || return 1
        say "$(instance_service "$colour" "$index") ready after $(elapsed_since "$start_ms")s"
    done
    if lb_running; then
        for index in $(colour_indexes "$colour"); do
            lb_server_enable "$colour" "$index" || return 1
        done
        for index in $(colour_indexes "$colour"); do
            lb_wait_server_up "$colour" "$index" || return 1
        done
    fi
}

# Takes the colour's instances out of HAProxy, waits for their sessions to end, keeps their logs and removes their
# containers (scale 0, recorded for later `up -d`).
colour_stop() {
    local colour=$1 index indexes container services
    indexes=$(recorded_instances "$colour")
    if [ -z "$indexes" ]; then
        say "$colour has no instance"
        compose_record "$(colour_setting "$colour" SCALE)" 0
        return 0
    fi
    if lb_running; then
        for index in $indexes; do
            lb_server_disable "$colour" "$index" || true
        done
        for index in $indexes; do
            lb_wait_server_drained "$colour" "$index"
        done
    fi
    mkdir -p "$BLUEGREEN_STATE/compose-logs"
    for index in $indexes; do
        container=$(instance_container "$colour" "$index")
        docker logs --tail 5000 "$container" >"$BLUEGREEN_STATE/compose-logs/$(instance_service "$colour" "$index").log" 2>&1 || true
    done
    compose_record "$(colour_setting "$colour" SCALE)" 0
    services=$(colour_services "$colour")
    # shellcheck disable=SC2086 # one argument per service
    compose up -d --no-deps $services >/dev/null 2>&1 || warn "Compose could not remove $colour's containers"
    for index in $indexes; do
        say "stopped $(instance_service "$colour" "$index")"
    done
}

# docker-compose.yml fixes each colour's instances (its services pyroom-COLOUR-N): they are not scaled at run time.
command_scale() {
    die "scale: the compose stack runs the pyroom-COLOUR-N services its docker-compose.yml defines; add or remove services there (docs/runbook-blue-green.md, section 13)"
}
command_autoscale() { command_scale; }

# ---- HAProxy (replacing lb.sh's process handling and socket transport)

lb_container() {
    if [ -z "$COMPOSE_LB_CONTAINER" ]; then COMPOSE_LB_CONTAINER=$(service_container haproxy); fi
    echo "$COMPOSE_LB_CONTAINER"
}

lb_map() { echo "$COMPOSE_LB_MAP"; }

lb_running() {
    local container
    container=$(lb_container)
    [ -n "$container" ] && [ "$(docker inspect -f '{{.State.Running}}' "$container" 2>/dev/null)" = true ]
}

require_lb() {
    lb_running || die "the haproxy service of project $BLUEGREEN_COMPOSE_PROJECT is not running: start the stack with 'docker-compose -p $BLUEGREEN_COMPOSE_PROJECT up -d'"
}

lb_command() {
    printf '%s\n' "$1" | docker exec -i "$(lb_container)" socat -t 2 stdio "unix-connect:$COMPOSE_LB_SOCKET"
}

lb_live_colour() {
    local backend=""
    if lb_running; then
        backend=$(lb_command "show map $COMPOSE_LB_MAP" | awk '$2 == "active" { print $3 }')
    fi
    echo "${backend#bk_}"
}

# The switch itself is lb.sh's (set map on the socket); this keeps it in the state volume for HAProxy's next start:
# the live colour's backend, and the idle one's for previews (see the template).
lb_write_map() {
    docker exec "$(lb_container)" sh -c "printf 'active %s\nidle %s\n' '$(backend_of "$1")' '$(backend_of "$(other_colour "$1")")' >$COMPOSE_LB_MAP.new && mv -f $COMPOSE_LB_MAP.new $COMPOSE_LB_MAP"
}

lb_reload_certificate() {
    require_lb
    docker exec "$(lb_container)" pyroom-tls reload "$COMPOSE_LB_SOCKET" "$COMPOSE_LB_CERTIFICATE" ||
        die "the certificate was not reloaded"
}

lb_close_sessions() {
    local colour=$1 index
    for index in $(colour_indexes "$colour"); do
        lb_command "shutdown sessions server $(backend_of "$colour")/$(server_of "$colour" "$index")" >/dev/null
    done
}

lb_start() { compose up -d haproxy; }
lb_stop() { compose stop haproxy; }

# ---- status (replacing status.sh)

COMPOSE_STATUS_FORMAT='%-7s %-15s %-12s %-17s %-6s %-9s %-9s %-9s %-9s %s\n'

compose_instance_line() {
    local colour=$1 index=$2 container state=- ready=no lb_state=- sessions=- total=-
    container=$(instance_container "$colour" "$index")
    if [ -n "$container" ]; then
        state=$(docker inspect -f '{{.State.Status}}{{if .State.Health}}/{{.State.Health.Status}}{{end}}' "$container")
        if instance_running "$colour" "$index" && instance_ready "$colour" "$index"; then ready=yes; fi
    fi
    if lb_running; then
        lb_state=$(lb_server_status "$colour" "$index")
        sessions=$(lb_server_sessions "$colour" "$index")
        total=$(lb_stat "$(backend_of "$colour")" "$(server_of "$colour" "$index")" stot)
    fi
    # shellcheck disable=SC2059 # the format is COMPOSE_STATUS_FORMAT
    printf "$COMPOSE_STATUS_FORMAT" "$colour" "$(instance_service "$colour" "$index")" \
        "$(cut -c1-12 <<<"${container:--}")" "$state" "$ready" "${lb_state:--}" "${sessions:--}" "${total:--}" \
        "$(instance_restarts "$colour" "$index")" \
        "$(if [ -n "$container" ]; then colour_release "$colour"; else echo -; fi)"
}

command_status() {
    local colour index live
    if lb_running; then
        live=$(lb_live_colour)
        say "HAProxy: service haproxy of project $BLUEGREEN_COMPOSE_PROJECT (container $(lb_container | cut -c1-12)); live colour: $live"
        for colour in "${COLOURS[@]}"; do
            say "  backend $(backend_of "$colour"): $(lb_backend_sessions "$colour") current session(s)$([ "$colour" = "$live" ] && echo ' (live)')"
        done
        warn_if_live_colour_empty
    else
        say "HAProxy: the haproxy service of project $BLUEGREEN_COMPOSE_PROJECT is not running"
    fi
    # shellcheck disable=SC2059 # the format is COMPOSE_STATUS_FORMAT
    printf "$COMPOSE_STATUS_FORMAT" COLOUR INSTANCE CONTAINER STATE READY LB SESSIONS REQUESTS RESTARTS RELEASE
    for colour in "${COLOURS[@]}"; do
        for index in $(colour_indexes "$colour"); do
            compose_instance_line "$colour" "$index"
        done
    done
}
