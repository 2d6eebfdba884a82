# shellcheck shell=bash
# Supervision: every instance runs under a supervisor that starts it again when it dies (kill -9, out of memory)
# or hangs (kill -STOP, a stuck JVM), until 'bluegreen stop' ends it on purpose.
#
# Two parts, the same under either supervisor:
#   the runner (bin/bluegreen-instance run)  starts Payara Micro, asks its /health/live every
#       BLUEGREEN_WATCHDOG_INTERVAL seconds, kills it after BLUEGREEN_WATCHDOG_FAILURES unanswered questions in
#       a row, and ends when Payara Micro ends;
#   the restarter  starts the runner again when it ended without being asked to: systemd (a transient unit
#       pyroom-COLOUR-N.service, Restart=always) where systemd runs and bluegreen runs as root, else a small bash
#       loop of bluegreen's own (bin/bluegreen-instance supervise), in the instance's process group.
# HAProxy needs no telling: the restarted instance keeps its slot, and the health checks put it back in rotation
# once it is ready. Every start, death and restart is written to the instance's events file, which 'status' reads.
#
# An instance that never became live since 'bluegreen start' is not restarted (exit status 78): a broken war or
# a port in use would fail again; 'start' reports it.

instance_events() { echo "$(colour_dir "$1")/instance-$2.events"; }
instance_supervisor_file() { echo "$(colour_dir "$1")/instance-$2.supervisor"; }
instance_unit() { echo "pyroom-$1-$2.service"; }

# The runner's exit status for "do not restart" (both are read by bin/bluegreen-instance).
# shellcheck disable=SC2034
NEVER_LIVE_STATUS=78
# The runner's exit status for "this run never became live, an earlier one did": restart, waiting longer each time.
# shellcheck disable=SC2034
NOT_LIVE_AGAIN_STATUS=75

record_event() {
    local colour=$1 index=$2
    shift 2
    printf '%s %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$*" >>"$(instance_events "$colour" "$index")"
}

systemd_usable() {
    [ -d /run/systemd/system ] && [ "$(id -u)" -eq 0 ] && command -v systemd-run >/dev/null
}

# systemd or bluegreen, from BLUEGREEN_SUPERVISOR (auto, systemd, bluegreen).
supervisor_kind() {
    case "$BLUEGREEN_SUPERVISOR" in
        systemd)
            systemd_usable || die "BLUEGREEN_SUPERVISOR=systemd, but systemd does not run here or bluegreen does not run as root"
            echo systemd
            ;;
        bluegreen) echo bluegreen ;;
        auto) if systemd_usable; then echo systemd; else echo bluegreen; fi ;;
        *) die "BLUEGREEN_SUPERVISOR must be auto, systemd or bluegreen, not '$BLUEGREEN_SUPERVISOR'" ;;
    esac
}

# The supervisor of an instance as recorded at its start: "systemd UNIT" or "bluegreen PID"; nothing for an
# instance started without one.
instance_supervisor() {
    local file
    file=$(instance_supervisor_file "$1" "$2")
    [ -f "$file" ] && cat "$file"
}

# True while the instance's supervisor runs (the instance itself may be between two starts).
supervisor_alive() {
    local colour=$1 index=$2 kind id state
    read -r kind id <<<"$(instance_supervisor "$colour" "$index")" || return 1
    case "$kind" in
        systemd)
            state=$(systemctl show -p ActiveState --value "$id" 2>/dev/null) || return 1
            case "$state" in active | activating | reloading) return 0 ;; *) return 1 ;; esac
            ;;
        bluegreen)
            [ -r "/proc/$id/cmdline" ] &&
                tr '\0' ' ' <"/proc/$id/cmdline" | grep -q -- "bluegreen-instance supervise $colour $index "
            ;;
        *) return 1 ;;
    esac
}

# What systemd hands the runner: the settings bluegreen was given (its own and Pyroom's) and the command path.
# Secrets are among them: owner-only, never on a command line.
write_unit_environment() {
    local colour=$1 file name value
    file="$(colour_dir "$colour")/supervised.env"
    (
        umask 077
        for name in $(compgen -e); do
            case "$name" in
                PYROOM_* | BLUEGREEN_* | PATH | JAVA_HOME | HOME | LANG | LC_ALL | TZ) ;;
                *) continue ;;
            esac
            value=${!name}
            [[ "$value" != *$'\n'* ]] || continue
            value=${value//\\/\\\\}
            printf '%s="%s"\n' "$name" "${value//\"/\\\"}"
        done
        printf 'BLUEGREEN_STATE="%s"\nBLUEGREEN_CONFIG="%s"\n' "$BLUEGREEN_STATE" "$BLUEGREEN_CONFIG"
    ) >"$file.new"
    mv -f "$file.new" "$file"
    echo "$file"
}

start_unit() {
    local colour=$1 index=$2 unit
    unit=$(instance_unit "$colour" "$index")
    systemctl reset-failed "$unit" >/dev/null 2>&1 || true
    # Restart=always: systemd starts the runner again whatever its end, except a deliberate 'systemctl stop' and
    # the runner's "never became live". OOMPolicy=continue: a process of the unit killed for memory is the
    # runner's to report, not a reason for systemd to stop the whole unit.
    systemd-run --quiet --collect --unit="$unit" --description="Pyroom $(instance_name "$colour" "$index") (bluegreen)" \
        --property=Restart=always --property=RestartSec="$BLUEGREEN_RESTART_DELAY" \
        --property=RestartPreventExitStatus="$NEVER_LIVE_STATUS" \
        --property=TimeoutStopSec=$((BLUEGREEN_STOP_TIMEOUT + 5)) --property=OOMPolicy=continue \
        --property=EnvironmentFile="$(write_unit_environment "$colour")" \
        --property=StandardOutput="append:$(instance_events "$colour" "$index")" \
        --property=StandardError="append:$(instance_events "$colour" "$index")" \
        "$HERE/bin/bluegreen-instance" run "$colour" "$index" ||
        die "systemd did not start $unit (systemctl status $unit)"
    echo "systemd $unit" >"$(instance_supervisor_file "$colour" "$index")"
}

start_supervisor_process() {
    local colour=$1 index=$2
    # Its own session, so that 'stop' can signal the supervisor, the runner, Payara Micro and the processes it
    # started at once. fd 9 holds bluegreen's lock: the supervisor must not inherit it.
    setsid "$HERE/bin/bluegreen-instance" supervise "$colour" "$index" \
        </dev/null >>"$(instance_events "$colour" "$index")" 2>&1 9>&- &
    echo "bluegreen $!" >"$(instance_supervisor_file "$colour" "$index")"
}

# Starts an instance under its supervisor and returns once Payara Micro's process is there (its pid file names a
# running process) or the supervisor has given up.
instance_supervise() {
    local colour=$1 index=$2 events deadline
    events=$(instance_events "$colour" "$index")
    if [ -f "$events" ]; then mv -f "$events" "$events.previous"; fi
    rm -f "$(instance_pid_file "$colour" "$index")"
    record_event "$colour" "$index" "bluegreen start: supervised by $(supervisor_kind)"
    if [ "$(supervisor_kind)" = systemd ]; then
        start_unit "$colour" "$index"
    else
        start_supervisor_process "$colour" "$index"
    fi
    deadline=$((SECONDS + 30))
    until [ -s "$(instance_pid_file "$colour" "$index")" ]; do
        supervisor_alive "$colour" "$index" || return 0
        [ "$SECONDS" -lt "$deadline" ] || return 0
        sleep 0.2
    done
}

# How often the supervisor started the instance again since 'bluegreen start'.
instance_restarts() {
    local starts
    starts=$(grep -c ' started pid ' "$(instance_events "$1" "$2")" 2>/dev/null) || starts=0
    echo $((starts > 1 ? starts - 1 : 0))
}

# The options its last start added to heal it (BLUEGREEN_HEAL_JAVA_OPTS), if that start was a restart after a death
# or hang.
instance_healing_options() {
    { grep ' started pid ' "$(instance_events "$1" "$2")" 2>/dev/null || true; } | tail -n 1 |
        sed -n "s/.* to heal, with '\(.*\)' added\$/\1/p"
}

# The last thing that went wrong with an instance: its death, a hang, a refused restart.
instance_last_trouble() {
    { grep -E ' (hung|exited|killed|not live|not restarted|deploy failed)' "$(instance_events "$1" "$2")" 2>/dev/null ||
        true; } | tail -n 1
}

# Ends an instance on purpose: its supervisor first, so that nothing starts it again. Prints the pid it stopped.
supervisor_stop() {
    local colour=$1 index=$2 kind id pid
    read -r kind id <<<"$(instance_supervisor "$colour" "$index")" || return 1
    pid=$(cat "$(instance_pid_file "$colour" "$index")" 2>/dev/null) || pid=""
    record_event "$colour" "$index" "bluegreen stop: stopping on purpose"
    case "$kind" in
        systemd)
            # systemd sends SIGTERM to every process of the unit, and SIGKILL after TimeoutStopSec.
            systemctl stop "$id" || warn "systemctl stop $id failed: $(systemctl is-active "$id" 2>&1)"
            ;;
        bluegreen) stop_process_group "$id" "$(instance_name "$colour" "$index")" ;;
    esac
    rm -f "$(instance_supervisor_file "$colour" "$index")"
    echo "${pid:-?}"
}

# SIGTERM to a process group, SIGKILL after BLUEGREEN_STOP_TIMEOUT if its leader still runs.
stop_process_group() {
    local leader=$1 name=$2 deadline
    kill -TERM -- "-$leader" 2>/dev/null || kill -TERM "$leader" 2>/dev/null || true
    deadline=$((SECONDS + BLUEGREEN_STOP_TIMEOUT))
    while kill -0 "$leader" 2>/dev/null && [ "$SECONDS" -lt "$deadline" ]; do
        sleep 0.5
    done
    if kill -0 "$leader" 2>/dev/null; then
        warn "$name still runs ${BLUEGREEN_STOP_TIMEOUT}s after SIGTERM: killing it"
        kill -KILL -- "-$leader" 2>/dev/null || kill -KILL "$leader" 2>/dev/null || true
    fi
}
