# shellcheck shell=bash
# What runs where: every instance with its port, pid, readiness and HAProxy's view of it (state, current
# sessions, requests served since HAProxy started); the live colour.

instance_status_line() {
    local colour=$1 index=$2 pid ready=no lb_state=- sessions=- total=-
    pid=$(instance_pid "$colour" "$index") || pid="dead"
    if [ "$pid" != dead ] && instance_ready "$colour" "$index"; then ready=yes; fi
    if lb_running; then
        lb_state=$(lb_server_status "$colour" "$index")
        sessions=$(lb_server_sessions "$colour" "$index")
        total=$(lb_stat "$(backend_of "$colour")" "$(server_of "$colour" "$index")" stot)
    fi
    printf '%-7s %-9s %-6s %-8s %-6s %-9s %-9s %-9s %s\n' "$colour" "$(instance_name "$colour" "$index")" \
        "$(instance_port "$colour" "$index")" "$pid" "$ready" "${lb_state:--}" "${sessions:--}" "${total:--}" \
        "$(colour_release "$colour")"
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
    printf '%-7s %-9s %-6s %-8s %-6s %-9s %-9s %-9s %s\n' COLOUR INSTANCE PORT PID READY LB SESSIONS REQUESTS RELEASE
    for colour in "${COLOURS[@]}"; do
        for index in $(recorded_instances "$colour"); do
            instance_status_line "$colour" "$index"
            any=yes
        done
    done
    if [ "$any" = no ]; then say "(no instance)"; fi
}
