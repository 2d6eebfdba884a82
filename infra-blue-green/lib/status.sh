# shellcheck shell=bash
# What runs where: every instance with its port, pid, readiness, HAProxy's view of it (state, current sessions,
# requests served since HAProxy started), how often its supervisor restarted it, and the live colour.

STATUS_FORMAT='%-7s %-9s %-6s %-8s %-6s %-9s %-9s %-9s %-9s %-10s %s\n'

# An instance's pid; "restart" while its supervisor starts it again, "dead" when nothing runs or will.
instance_status_pid() {
    local colour=$1 index=$2
    if instance_pid "$colour" "$index"; then
        return 0
    elif supervisor_alive "$colour" "$index"; then
        echo restart
    else
        echo dead
    fi
}

# systemd, bluegreen (its own supervisor process), or none (the instance runs unwatched: started by an older
# bluegreen, or its supervisor was killed).
instance_status_supervisor() {
    local colour=$1 index=$2 kind
    read -r kind _ <<<"$(instance_supervisor "$colour" "$index")" || true
    if supervisor_alive "$colour" "$index"; then echo "$kind"; else echo none; fi
}

instance_status_line() {
    local colour=$1 index=$2 pid ready=no lb_state=- sessions=- total=-
    pid=$(instance_status_pid "$colour" "$index")
    if [ "$pid" != dead ] && instance_ready "$colour" "$index"; then ready=yes; fi
    if lb_running; then
        lb_state=$(lb_server_status "$colour" "$index")
        sessions=$(lb_server_sessions "$colour" "$index")
        total=$(lb_stat "$(backend_of "$colour")" "$(server_of "$colour" "$index")" stot)
    fi
    # shellcheck disable=SC2059 # the format is STATUS_FORMAT
    printf "$STATUS_FORMAT" "$colour" "$(instance_name "$colour" "$index")" \
        "$(instance_port "$colour" "$index")" "$pid" "$ready" "${lb_state:--}" "${sessions:--}" "${total:--}" \
        "$(instance_restarts "$colour" "$index")" "$(instance_status_supervisor "$colour" "$index")" \
        "$(colour_release "$colour")"
}

# Below the table: why each restarted (or dead) instance went down last, from its events file.
instance_trouble_lines() {
    local colour index trouble healing
    for colour in "${COLOURS[@]}"; do
        for index in $(recorded_instances "$colour"); do
            trouble=$(instance_last_trouble "$colour" "$index")
            [ -n "$trouble" ] || continue
            say "$(instance_name "$colour" "$index"): restarted $(instance_restarts "$colour" "$index") time(s); last trouble: $trouble"
            healing=$(instance_healing_options "$colour" "$index")
            if [ -n "$healing" ]; then
                say "  runs with '$healing' since that restart, until $colour is deployed again"
            fi
            say "  (all of it: $(instance_events "$colour" "$index"))"
        done
    done
}

command_status() {
    local colour index live pid any=no
    if pid=$(lb_pid); then
        live=$(lb_live_colour)
        say "HAProxy: running (pid $pid) on https://$BLUEGREEN_LB_BIND; live colour: $live"
        for colour in "${COLOURS[@]}"; do
            say "  backend $(backend_of "$colour"): $(lb_backend_sessions "$colour") current session(s)$([ "$colour" = "$live" ] && echo ' (live)')"
        done
        warn_if_live_colour_empty
    else
        say "HAProxy: not running; live colour on its next start: $(lb_initial_colour)"
    fi
    # shellcheck disable=SC2059 # the format is STATUS_FORMAT
    printf "$STATUS_FORMAT" COLOUR INSTANCE PORT PID READY LB SESSIONS REQUESTS RESTARTS SUPERVISOR RELEASE
    for colour in "${COLOURS[@]}"; do
        for index in $(recorded_instances "$colour"); do
            instance_status_line "$colour" "$index"
            any=yes
        done
    done
    if [ "$any" = no ]; then say "(no instance)"; fi
    instance_trouble_lines
}
