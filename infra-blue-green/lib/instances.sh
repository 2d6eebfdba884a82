# shellcheck shell=bash
# Payara Micro instances of a colour: each has its own port, pid file, log and a fresh root directory.
# A colour runs one release: the war is copied into the colour's state directory when the colour starts, so
# rebuilding or replacing the original file later changes nothing that runs.

colour_dir() { echo "$BLUEGREEN_STATE/$1"; }
colour_war() { echo "$(colour_dir "$1")/pyroom.war"; }
instance_pid_file() { echo "$(colour_dir "$1")/instance-$2.pid"; }
instance_log() { echo "$(colour_dir "$1")/instance-$2.log"; }
instance_root() { echo "$(colour_dir "$1")/instance-$2.root"; }
instance_name() { echo "$1-$2"; }

# The release a colour runs: the first 12 hex digits of its war's SHA-256.
colour_release() {
    local file
    file="$(colour_dir "$1")/release"
    if [ -f "$file" ]; then cat "$file"; else echo -; fi
}

war_release() {
    sha256sum "$1" | cut -c1-12
}

# What deploy and start take as a release, here a war file (the compose target takes an image instead).
release_noun() { echo WAR; }
require_release() { [ -f "$1" ] || die "war not found: $1"; }
release_of() { war_release "$1"; }

# Where the logs of a colour's instances are, for the operator.
colour_logs_hint() { echo "$(colour_dir "$1")/instance-*.log (kept after the stop below)"; }

# Prints the pid of a colour's instance if that instance runs. The command line is checked as well, so that a
# stale pid file whose number now belongs to another process is not taken for the instance.
instance_pid() {
    local colour=$1 index=$2 file pid
    file=$(instance_pid_file "$colour" "$index")
    [ -f "$file" ] || return 1
    pid=$(cat "$file")
    [ -n "$pid" ] && [ -r "/proc/$pid/cmdline" ] || return 1
    tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q -- "--name $(instance_name "$colour" "$index") " || return 1
    echo "$pid"
}

instance_running() {
    instance_pid "$1" "$2" >/dev/null
}

# Instances that have a pid file or a supervisor, running or not (a killed instance leaves its pid file behind).
recorded_instances() {
    local colour=$1 file index
    for file in "$(colour_dir "$colour")"/instance-*.pid "$(colour_dir "$colour")"/instance-*.supervisor; do
        [ -e "$file" ] || continue
        index=${file##*/instance-}
        echo "${index%.*}"
    done | sort -nu
}

# Instances that run, or that their supervisor is starting again.
running_instances() {
    local colour=$1 index
    for index in $(recorded_instances "$colour"); do
        if instance_running "$colour" "$index" || supervisor_alive "$colour" "$index"; then echo "$index"; fi
    done
}

running_count() {
    running_instances "$1" | wc -l
}

# Where HAProxy and the smoke tests reach an instance: its bind address, or loopback when it listens everywhere.
instance_host() {
    if [ "$BLUEGREEN_BIND_ADDRESS" = 0.0.0.0 ]; then echo 127.0.0.1; else echo "$BLUEGREEN_BIND_ADDRESS"; fi
}

instance_url() {
    echo "http://$(instance_host):$(instance_port "$1" "$2")"
}

instance_ready() {
    [ "$(http_status "$(instance_url "$1" "$2")/health/ready")" = 200 ]
}

# How the smoke test reaches an instance directly, bypassing HAProxy.
instance_address() { instance_url "$1" "$2"; }

# instance_get COLOUR INDEX PATH [TIMEOUT]: the answer's body, then its HTTP status on a line of its own (000 when
# nothing answers).
instance_get() {
    curl -s --max-time "${4:-5}" -w '\n%{http_code}' "$(instance_url "$1" "$2")$3" || true
}

# Payara Micro binds HTTP to every interface by default; HAProxy is the only client an instance needs. HAProxy ends
# TLS and says so in X-Forwarded-Proto (its own, never a client's): the request's scheme follows it, so that the
# URLs Pyroom builds from requests (the sign-in's redirect URI among them) say https.
write_preboot_commands() {
    local file
    file="$BLUEGREEN_STATE/preboot-commands.txt"
    cat >"$file" <<COMMANDS
set configs.config.server-config.network-config.network-listeners.network-listener.http-listener.address=$BLUEGREEN_BIND_ADDRESS
set configs.config.server-config.network-config.protocols.protocol.http-listener.http.scheme-mapping=X-Forwarded-Proto
COMMANDS
    echo "$file"
}

# Starts Payara Micro in the background of the caller (the instance's runner, bin/bluegreen-instance) and writes
# its pid file. A third argument, heal, starts it as a restart after a death or hang (BLUEGREEN_HEAL_JAVA_OPTS).
instance_start_java() {
    local colour=$1 index=$2 purpose=${3:-start} jar preboot logging log root java_opts
    jar=$(payara_jar)
    if [ -z "$jar" ] || [ ! -f "$jar" ]; then
        die "Payara Micro not found: set BLUEGREEN_PAYARA_JAR to the payara-micro jar"
    fi
    if [ "$purpose" = heal ]; then
        read -r -a java_opts <<<"$BLUEGREEN_JAVA_OPTS $BLUEGREEN_HEAL_JAVA_OPTS"
    else
        read -r -a java_opts <<<"$BLUEGREEN_JAVA_OPTS"
    fi
    preboot=$(write_preboot_commands)
    logging=$(logging_properties)
    log=$(instance_log "$colour" "$index")
    root=$(instance_root "$colour" "$index")
    # A reused root directory would deploy the previous release next to the new one.
    rm -rf "$root"
    mkdir -p "$root"
    if [ -f "$log" ]; then mv -f "$log" "$log.previous"; fi
    # Out of memory, the JVM ends (and its supervisor starts it again) instead of limping on. No data grid
    # (--nocluster): nothing of Pyroom's lives in one, and forming it only lengthens every start.
    "$BLUEGREEN_JAVA" "${java_opts[@]}" -XX:+ExitOnOutOfMemoryError \
        -Dpyroom.node.colour="$colour" \
        -jar "$jar" \
        --deploy "$(colour_war "$colour")" --contextroot / \
        --port "$(instance_port "$colour" "$index")" \
        --name "$(instance_name "$colour" "$index")" --nocluster \
        --prebootcommandfile "$preboot" --logproperties "$logging" --rootdir "$root" \
        </dev/null >"$log" 2>&1 9>&- &
    echo $! >"$(instance_pid_file "$colour" "$index")"
}

# Starts an instance under its supervisor (lib/supervision.sh), which starts it again should it die or hang.
instance_launch() {
    local colour=$1 index=$2 jar
    jar=$(payara_jar)
    if [ -z "$jar" ] || [ ! -f "$jar" ]; then
        die "Payara Micro not found: set BLUEGREEN_PAYARA_JAR to the payara-micro jar"
    fi
    instance_supervise "$colour" "$index"
}

# Payara Micro colours its console log with terminal escape sequences unless started with logging properties that
# say otherwise (as instances are): logs of older releases may still have them.
without_colours() {
    sed 's/\x1b\[[0-9;]*m//g'
}

# Payara Micro stays up when the war fails to deploy (for instance with the database unreachable at start), so
# waiting longer would not help: its readiness then says no application is deployed.
instance_deploy_failed() {
    local colour=$1 index=$2
    grep -q 'Payara Micro .* ready in' "$(instance_log "$colour" "$index")" &&
        curl -s --max-time 3 "$(instance_url "$colour" "$index")/health/ready" | grep -q 'No Application deployed'
}

# Waits until an instance answers ready; returns non-zero (with the reason on stderr) when it dies or the time
# is up.
instance_wait_ready() {
    local colour=$1 index=$2 deadline
    deadline=$((SECONDS + BLUEGREEN_READY_TIMEOUT))
    until instance_ready "$colour" "$index"; do
        # Only the pid here: just after the launch, the process may not have become Payara Micro yet. A supervisor
        # that still runs is starting it (again).
        if ! kill -0 "$(cat "$(instance_pid_file "$colour" "$index")" 2>/dev/null)" 2>/dev/null &&
            ! supervisor_alive "$colour" "$index"; then
            warn "$(instance_name "$colour" "$index") exited while starting; last lines of $(instance_log "$colour" "$index"):"
            tail -n 15 "$(instance_log "$colour" "$index")" | without_colours >&2 || true
            return 1
        fi
        if instance_deploy_failed "$colour" "$index"; then
            warn "$(instance_name "$colour" "$index") runs but Pyroom failed to deploy; first errors in $(instance_log "$colour" "$index"):"
            grep -A 3 -m 2 'SEVERE' "$(instance_log "$colour" "$index")" | without_colours | cut -c1-300 >&2 || true
            return 1
        fi
        if [ "$SECONDS" -ge "$deadline" ]; then
            warn "$(instance_name "$colour" "$index") not ready after ${BLUEGREEN_READY_TIMEOUT}s (BLUEGREEN_READY_TIMEOUT); see $(instance_log "$colour" "$index")"
            return 1
        fi
        sleep 1
    done
}

# Copies the war into the colour's directory unless the colour already runs. A running colour keeps its
# release: adding instances to it must not mix two releases in one colour.
colour_prepare_war() {
    local colour=$1 war=$2 explicit=$3 release
    mkdir -p "$(colour_dir "$colour")"
    if [ "$(running_count "$colour")" -gt 0 ]; then
        if [ "$explicit" = yes ]; then
            release=$(war_release "$war")
            [ "$release" = "$(colour_release "$colour")" ] ||
                die "$colour runs release $(colour_release "$colour"), not $release ($war): stop $colour first, or use deploy"
        fi
        return 0
    fi
    [ -f "$war" ] || die "war not found: $war"
    cp "$war" "$(colour_war "$colour").new"
    mv -f "$(colour_war "$colour").new" "$(colour_war "$colour")"
    war_release "$war" >"$(colour_dir "$colour")/release"
}

# colour_start COLOUR COUNT WAR EXPLICIT: makes instances 1..COUNT of the colour run and be ready. Instances that
# already run are left alone. Returns non-zero when an instance does not become ready.
colour_start() {
    local colour=$1 count=$2 war=$3 explicit=$4 index started=() failed=0 start_ms
    require_site_secrets
    colour_prepare_war "$colour" "$war" "$explicit"
    start_ms=$(now_ms)
    for ((index = 1; index <= count; index++)); do
        if instance_running "$colour" "$index"; then
            say "$(instance_name "$colour" "$index") already runs (pid $(instance_pid "$colour" "$index"), port $(instance_port "$colour" "$index"))"
            # Restarted by its supervisor a moment ago, it may still be starting: wait for it as for a new one.
            instance_ready "$colour" "$index" || started+=("$index")
            continue
        fi
        if supervisor_alive "$colour" "$index"; then
            say "$(instance_name "$colour" "$index") is being restarted by its supervisor: waiting for it"
        else
            instance_launch "$colour" "$index"
            say "started $(instance_name "$colour" "$index"): port $(instance_port "$colour" "$index"), pid $(cat "$(instance_pid_file "$colour" "$index")" 2>/dev/null || echo -), release $(colour_release "$colour")"
        fi
        started+=("$index")
    done
    for index in "${started[@]}"; do
        if instance_wait_ready "$colour" "$index"; then
            say "$(instance_name "$colour" "$index") ready after $(elapsed_since "$start_ms")s"
        else
            failed=1
        fi
    done
    [ "$failed" -eq 0 ] || return 1
    if lb_running; then
        for index in "${started[@]}"; do
            lb_server_enable "$colour" "$index" || return 1
        done
        for ((index = 1; index <= count; index++)); do
            lb_wait_server_up "$colour" "$index" || return 1
        done
    fi
}

instance_stop() {
    local colour=$1 index=$2 pid
    if lb_running; then
        # Stopping must go on even if HAProxy does not know this slot (the warning says why).
        lb_server_disable "$colour" "$index" || true
        lb_wait_server_drained "$colour" "$index"
    fi
    if supervisor_alive "$colour" "$index"; then
        # The supervisor first: an instance stopped on purpose must not be started again.
        pid=$(supervisor_stop "$colour" "$index")
        say "stopped $(instance_name "$colour" "$index") (pid $pid) and its supervisor"
    elif pid=$(instance_pid "$colour" "$index"); then
        stop_process_group "$pid" "$(instance_name "$colour" "$index")"
        say "stopped $(instance_name "$colour" "$index") (pid $pid)"
    else
        say "$(instance_name "$colour" "$index") was not running: cleared its state"
    fi
    rm -f "$(instance_pid_file "$colour" "$index")" "$(instance_supervisor_file "$colour" "$index")"
    rm -rf "$(instance_root "$colour" "$index")"
}

colour_stop() {
    local colour=$1 index indexes
    indexes=$(recorded_instances "$colour")
    if [ -z "$indexes" ]; then
        say "$colour has no instance"
        return 0
    fi
    for index in $indexes; do
        instance_stop "$colour" "$index"
    done
}
