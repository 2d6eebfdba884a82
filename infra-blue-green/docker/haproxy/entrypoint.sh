#!/bin/bash
# Writes haproxy.cfg from the blue/green template and runs HAProxy in the foreground (master-worker).
#   PYROOM_BLUE_SERVERS, PYROOM_GREEN_SERVERS  host:port of each colour's instances, space-separated
#   PYROOM_LIVE_COLOUR                          the colour that gets traffic at start (blue)
# Instances are found through the compose network's DNS: one that is not running yet stays down until it is.
set -euo pipefail

STATE=/run/pyroom-haproxy
TEMPLATE=/etc/pyroom/haproxy.cfg.template
CONFIG=$STATE/haproxy.cfg
MAP=$STATE/live.map

# server lines for one colour: blue1, blue2, ... (the names bluegreen uses too).
server_lines() {
    local colour=$1 index=0 address
    for address in $2; do
        index=$((index + 1))
        printf '    server %s%d %s check cookie %s%d resolvers compose init-addr last,libc,none\n' \
            "$colour" "$index" "$address" "$colour" "$index"
    done
}

render() {
    local line
    while IFS= read -r line; do
        case "$line" in
            @BLUE_SERVERS@) server_lines blue "${PYROOM_BLUE_SERVERS:-}" ;;
            @GREEN_SERVERS@) server_lines green "${PYROOM_GREEN_SERVERS:-}" ;;
            *)
                line=${line//@ADMIN_SOCKET@/$STATE/admin.sock}
                line=${line//@BIND@/:8080}
                line=${line//@METRICS_BIND@/:8404}
                line=${line//@LIVE_MAP@/$MAP}
                printf '%s\n' "$line"
                ;;
        esac
    done <"$TEMPLATE"
    cat <<RESOLVERS

# Docker's embedded DNS: instances come and go with their containers.
resolvers compose
    nameserver docker 127.0.0.11:53
    hold valid 2s
RESOLVERS
}

main() {
    render >"$CONFIG"
    echo "active bk_${PYROOM_LIVE_COLOUR:-blue}" >"$MAP"
    haproxy -c -q -f "$CONFIG"
    exec haproxy -W -db -f "$CONFIG"
}

main "$@"
