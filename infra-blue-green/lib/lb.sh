# shellcheck shell=bash
# HAProxy: configuration from haproxy/haproxy.cfg.template, start and stop, and its runtime API (admin socket)
# for switching the live colour and for reading who holds which connections.

lb_dir() { echo "$BLUEGREEN_STATE/haproxy"; }
lb_config() { echo "$(lb_dir)/haproxy.cfg"; }
lb_socket() { echo "$(lb_dir)/admin.sock"; }
lb_map() { echo "$(lb_dir)/live.map"; }
lb_pid_file() { echo "$(lb_dir)/haproxy.pid"; }
lb_log() { echo "$(lb_dir)/haproxy.log"; }
lb_certificate() { echo "${BLUEGREEN_LB_CERTIFICATE:-$(lb_dir)/tls/pyroom.pem}"; }
backend_of() { echo "bk_$1"; }
server_of() { echo "$1$2"; }

lb_pid() {
    local file pid
    file=$(lb_pid_file)
    [ -f "$file" ] || return 1
    pid=$(cat "$file")
    [ -n "$pid" ] && [ -r "/proc/$pid/cmdline" ] || return 1
    tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q -- "-f $(lb_config) " || return 1
    echo "$pid"
}

lb_running() {
    lb_pid >/dev/null
}

require_lb() {
    lb_running || die "the load balancer is not running: start it with 'bluegreen lb start'"
}

# Sends one command to HAProxy's admin socket and prints the answer.
lb_command() {
    printf '%s\n' "$1" | socat -t 2 stdio "unix-connect:$(lb_socket)"
}

# Like lb_command, for commands that answer nothing when they succeed.
lb_command_quiet() {
    local answer
    answer=$(lb_command "$1")
    if [ -n "$answer" ]; then
        warn "HAProxy answered '$answer' to '$1'"
        return 1
    fi
}

# lb_stat PROXY SERVER FIELD: one field of 'show stat' (field names from its CSV header: scur, status, ...).
# SERVER is BACKEND for the backend's own row.
lb_stat() {
    lb_command "show stat" | awk -F, -v proxy="$1" -v server="$2" -v field="$3" '
        NR == 1 { sub(/^# /, ""); for (i = 1; i <= NF; i++) column[$i] = i; next }
        $1 == proxy && $2 == server { print $(column[field]) }'
}

lb_server_status() { lb_stat "$(backend_of "$1")" "$(server_of "$1" "$2")" status; }
lb_server_sessions() { lb_stat "$(backend_of "$1")" "$(server_of "$1" "$2")" scur; }
lb_backend_sessions() { lb_stat "$(backend_of "$1")" BACKEND scur; }

lb_server_enable() {
    lb_command_quiet "set server $(backend_of "$1")/$(server_of "$1" "$2") state ready"
}

lb_server_disable() {
    lb_command_quiet "set server $(backend_of "$1")/$(server_of "$1" "$2") state maint"
}

# Waits until HAProxy's health checks see a server up (rise 2 at inter 1s: about two seconds).
lb_wait_server_up() {
    local colour=$1 index=$2 deadline status
    deadline=$((SECONDS + BLUEGREEN_LB_UP_TIMEOUT))
    while true; do
        status=$(lb_server_status "$colour" "$index")
        [ "$status" = UP ] && return 0
        if [ "$SECONDS" -ge "$deadline" ]; then
            warn "HAProxy does not see $(instance_name "$colour" "$index") up after ${BLUEGREEN_LB_UP_TIMEOUT}s (status: ${status:-unknown})"
            return 1
        fi
        sleep 0.5
    done
}

# Waits until a server holds no session, then ends what is left (long-lived WebSockets) after the drain timeout.
lb_wait_server_drained() {
    local colour=$1 index=$2 deadline sessions server
    server="$(backend_of "$colour")/$(server_of "$colour" "$index")"
    deadline=$((SECONDS + BLUEGREEN_DRAIN_TIMEOUT))
    while true; do
        sessions=$(lb_server_sessions "$colour" "$index")
        [ "${sessions:-0}" -eq 0 ] && return 0
        if [ "$SECONDS" -ge "$deadline" ]; then
            warn "$server still holds $sessions session(s) after ${BLUEGREEN_DRAIN_TIMEOUT}s: closing them"
            lb_command "shutdown sessions server $server" >/dev/null
            return 0
        fi
        sleep 0.5
    done
}

lb_close_sessions() {
    local colour=$1 index
    for ((index = 1; index <= BLUEGREEN_SLOTS; index++)); do
        lb_command "shutdown sessions server $(backend_of "$colour")/$(server_of "$colour" "$index")" >/dev/null
    done
}

# Waits until a colour's backend holds no session. Prints how many are left when the time is up.
lb_wait_backend_drained() {
    local colour=$1 deadline sessions
    deadline=$((SECONDS + BLUEGREEN_DRAIN_TIMEOUT))
    while true; do
        sessions=$(lb_backend_sessions "$colour")
        if [ "${sessions:-0}" -eq 0 ]; then
            echo 0
            return 0
        fi
        if [ "$SECONDS" -ge "$deadline" ]; then
            echo "$sessions"
            return 1
        fi
        sleep 0.5
    done
}

# The live colour: HAProxy's map when it runs, else the map file it will read when it starts.
lb_live_colour() {
    local backend
    if lb_running; then
        backend=$(lb_command "show map $(lb_map)" | awk '$2 == "active" { print $3 }')
    elif [ -f "$(lb_map)" ]; then
        backend=$(awk '$1 == "active" { print $2 }' "$(lb_map)")
    fi
    echo "${backend#bk_}"
}

# The live colour's backend, and the idle one's for previews (see the template).
lb_write_map() {
    printf 'active %s\nidle %s\n' "$(backend_of "$1")" "$(backend_of "$(other_colour "$1")")" >"$(lb_map).new"
    mv -f "$(lb_map).new" "$(lb_map)"
}

# Switches traffic to a colour at runtime, then records the choice for HAProxy's next start.
lb_switch() {
    local colour=$1 idle
    idle=$(backend_of "$(other_colour "$colour")")
    lb_command_quiet "set map $(lb_map) active $(backend_of "$colour")" || die "HAProxy refused the switch to $colour"
    # A map written before previews existed has no idle key yet.
    [ -z "$(lb_command "set map $(lb_map) idle $idle")" ] || lb_command_quiet "add map $(lb_map) idle $idle" ||
        warn "HAProxy did not take the idle colour for previews"
    [ "$(lb_live_colour)" = "$colour" ] || die "HAProxy still routes to $(lb_live_colour) after the switch to $colour"
    lb_write_map "$colour"
}

# One server line per slot; slots without a running instance start in maintenance, and 'start' enables them.
lb_server_lines() {
    local colour=$1 index line
    for ((index = 1; index <= BLUEGREEN_SLOTS; index++)); do
        line="    server $(server_of "$colour" "$index") $(instance_host):$(instance_port "$colour" "$index")"
        line+=" check cookie $(server_of "$colour" "$index")"
        if ! instance_running "$colour" "$index"; then
            line+=" disabled"
        fi
        printf '%s\n' "$line"
    done
}

# The redirect from plain HTTP keeps the host name the browser used and names the HTTPS port unless it is 443.
lb_https_port_suffix() {
    local port=${BLUEGREEN_LB_BIND##*:}
    if [ "$port" = 443 ]; then echo ""; else echo ":$port"; fi
}

# The operator's certificate must be there; without one, a self-signed certificate is made once.
lb_ensure_certificate() {
    if [ -n "$BLUEGREEN_LB_CERTIFICATE" ]; then
        [ -r "$BLUEGREEN_LB_CERTIFICATE" ] ||
            die "cannot read the certificate BLUEGREEN_LB_CERTIFICATE=$BLUEGREEN_LB_CERTIFICATE"
        return 0
    fi
    "$HERE/haproxy/tls.sh" self-signed "$(lb_certificate)" localhost 127.0.0.1 "$(hostname)" ||
        die "no certificate for HAProxy: set BLUEGREEN_LB_CERTIFICATE"
}

# Loads a renewed certificate file into the running HAProxy, without a restart.
lb_reload_certificate() {
    require_lb
    "$HERE/haproxy/tls.sh" reload "$(lb_socket)" "$(lb_certificate)" || die "the certificate was not reloaded"
}

lb_generate_config() {
    local text
    text=$(<"$HERE/haproxy/haproxy.cfg.template")
    text=${text//@ADMIN_SOCKET@/$(lb_socket)}
    text=${text//@LIVE_MAP@/$(lb_map)}
    text=${text//@BIND@/$BLUEGREEN_LB_BIND}
    text=${text//@HTTP_BIND@/$BLUEGREEN_LB_HTTP_BIND}
    text=${text//@HTTPS_PORT_SUFFIX@/$(lb_https_port_suffix)}
    text=${text//@CERTIFICATE@/$(lb_certificate)}
    text=${text//@HSTS_MAX_AGE@/$BLUEGREEN_LB_HSTS_MAX_AGE}
    text=${text//@ROUTES@$'\n'/}
    text=${text//@METRICS_BIND@/$BLUEGREEN_LB_METRICS_BIND}
    text=${text//@BLUE_SERVERS@/$(lb_server_lines blue)}
    text=${text//@GREEN_SERVERS@/$(lb_server_lines green)}
    printf '%s\n' "$text" >"$(lb_config)"
}

# The first live colour: the one already recorded, else the only colour that runs, else blue.
lb_initial_colour() {
    local colour running=()
    if [ -f "$(lb_map)" ]; then
        lb_live_colour
        return 0
    fi
    for colour in "${COLOURS[@]}"; do
        if [ "$(running_count "$colour")" -gt 0 ]; then running+=("$colour"); fi
    done
    if [ "${#running[@]}" -eq 1 ]; then echo "${running[0]}"; else echo blue; fi
}

lb_start() {
    local pid deadline
    command -v haproxy >/dev/null || die "haproxy is not installed (apt-get install haproxy)"
    command -v socat >/dev/null || die "socat is not installed (apt-get install socat)"
    if pid=$(lb_pid); then
        say "HAProxy already runs (pid $pid), live colour: $(lb_live_colour)"
        return 0
    fi
    mkdir -p "$(lb_dir)"
    lb_write_map "$(lb_initial_colour)"
    lb_ensure_certificate
    lb_generate_config
    haproxy -c -q -f "$(lb_config)" || die "HAProxy rejects the generated configuration $(lb_config)"
    rm -f "$(lb_socket)"
    # Master-worker mode in the foreground (of its own session): the master's pid is known and its workers log
    # to standard output, which goes to the log file.
    setsid haproxy -W -f "$(lb_config)" </dev/null >>"$(lb_log)" 2>&1 9>&- &
    pid=$!
    echo "$pid" >"$(lb_pid_file)"
    deadline=$((SECONDS + 10))
    until [ -S "$(lb_socket)" ] && lb_command "show info" >/dev/null 2>&1; do
        # Only the pid here, not lb_running: just after the launch, the process may not have become HAProxy yet.
        kill -0 "$pid" 2>/dev/null || die "HAProxy exited at start; see $(lb_log)"
        [ "$SECONDS" -lt "$deadline" ] || die "HAProxy's admin socket does not answer; see $(lb_log)"
        sleep 0.2
    done
    say "HAProxy listening on https://$BLUEGREEN_LB_BIND (http://$BLUEGREEN_LB_HTTP_BIND redirects there; pid $(lb_pid)), live colour: $(lb_live_colour)"
    warn_if_live_colour_empty
}

warn_if_live_colour_empty() {
    local live
    live=$(lb_live_colour)
    if [ "$(running_count "$live")" -eq 0 ]; then
        warn "the live colour $live has no running instance: users get 503 until 'bluegreen deploy WAR' (or 'bluegreen start $live')"
    fi
}

lb_stop() {
    local pid deadline
    if ! pid=$(lb_pid); then
        say "HAProxy is not running"
        return 0
    fi
    # SIGUSR1: a soft stop, open connections may finish (bounded by hard-stop-after).
    kill -USR1 "$pid"
    deadline=$((SECONDS + BLUEGREEN_STOP_TIMEOUT + 5))
    while kill -0 "$pid" 2>/dev/null && [ "$SECONDS" -lt "$deadline" ]; do
        sleep 0.2
    done
    if kill -0 "$pid" 2>/dev/null; then
        kill -TERM "$pid" 2>/dev/null || true
    fi
    rm -f "$(lb_pid_file)"
    say "stopped HAProxy (pid $pid)"
}
