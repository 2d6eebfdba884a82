#!/bin/bash
# Writes haproxy.cfg from the blue/green template and runs HAProxy in the foreground (master-worker).
#   PYROOM_BLUE_SERVERS, PYROOM_GREEN_SERVERS  host:port of each colour's instances, space-separated
#   PYROOM_LIVE_COLOUR                          the colour that gets traffic on the very first start (blue);
#                                               later starts keep the colour last switched to (live.map below)
#   PYROOM_PUBLIC_URL                           where browsers reach Pyroom (https://host[:port]): plain HTTP is
#                                               redirected to its port, a self-signed certificate names its host
#   PYROOM_KEYCLOAK_SERVER                      host:port of Keycloak, served under /auth at the same address
#   PYROOM_HSTS_MAX_AGE                         Strict-Transport-Security max-age in seconds (a year)
# HTTPS on :8443, plain HTTP (a redirect only) on :8080, HAProxy's metrics on :8404. The certificate is
# /var/lib/pyroom-haproxy/tls/pyroom.pem (certificate, chain, key); without one, a self-signed one is made there.
# Instances are found through the compose network's DNS: one that is not running yet stays down until it is.
# The live colour is the map /var/lib/pyroom-haproxy/state/live.map, in a volume: bluegreen switches it at run time
# through the admin socket and rewrites the file, so a restarted or re-created HAProxy keeps routing there.
set -euo pipefail

STATE=/run/pyroom-haproxy
TEMPLATE=/etc/pyroom/haproxy.cfg.template
CONFIG=$STATE/haproxy.cfg
MAP=/var/lib/pyroom-haproxy/state/live.map
CERTIFICATE=/var/lib/pyroom-haproxy/tls/pyroom.pem
KEYCLOAK_PATH=/auth

die() {
    printf 'pyroom-haproxy: %s\n' "$*" >&2
    exit 1
}

# PYROOM_PUBLIC_URL's host[:port].
public_authority() {
    local authority=${PYROOM_PUBLIC_URL#*://}
    echo "${authority%%/*}"
}

public_host() {
    local authority
    authority=$(public_authority)
    echo "${authority%:*}"
}

# The redirect from plain HTTP names the HTTPS port unless it is 443.
https_port_suffix() {
    local authority port=443
    authority=$(public_authority)
    case "$authority" in *:*) port=${authority##*:} ;; esac
    if [ "$port" = 443 ]; then echo ""; else echo ":$port"; fi
}

# server lines for one colour: blue1, blue2, ... (the names bluegreen uses too). init-addr last,none: HAProxy starts
# without asking the system's resolver, which took 20 s for each name of a container that is not running (a stopped
# colour held up a restart of HAProxy for over a minute); its own resolvers find the containers while it runs.
server_lines() {
    local colour=$1 index=0 address
    for address in $2; do
        index=$((index + 1))
        printf '    server %s%d %s check cookie %s%d resolvers compose init-addr last,none\n' \
            "$colour" "$index" "$address" "$colour" "$index"
    done
}

# Keycloak under /auth on the same address and certificate: the browser's sign-in never leaves HTTPS.
keycloak_route() {
    [ -n "${PYROOM_KEYCLOAK_SERVER:-}" ] || return 0
    printf '    use_backend bk_keycloak if { path %s } || { path_beg %s/ }\n' "$KEYCLOAK_PATH" "$KEYCLOAK_PATH"
}

keycloak_backend() {
    [ -n "${PYROOM_KEYCLOAK_SERVER:-}" ] || return 0
    cat <<BACKEND

# Keycloak serves from / and builds its links with the /auth of its hostname setting: the prefix goes here.
backend bk_keycloak
    http-request set-path %[path,regsub(^$KEYCLOAK_PATH/?,/)]
    server keycloak $PYROOM_KEYCLOAK_SERVER resolvers compose init-addr last,none
BACKEND
}

render() {
    local line suffix
    suffix=$(https_port_suffix)
    while IFS= read -r line; do
        case "$line" in
            @BLUE_SERVERS@) server_lines blue "${PYROOM_BLUE_SERVERS:-}" ;;
            @GREEN_SERVERS@) server_lines green "${PYROOM_GREEN_SERVERS:-}" ;;
            @ROUTES@) keycloak_route ;;
            *)
                line=${line//@ADMIN_SOCKET@/$STATE/admin.sock}
                line=${line//@BIND@/:8443}
                line=${line//@HTTP_BIND@/:8080}
                line=${line//@HTTPS_PORT_SUFFIX@/$suffix}
                line=${line//@CERTIFICATE@/$CERTIFICATE}
                line=${line//@HSTS_MAX_AGE@/${PYROOM_HSTS_MAX_AGE:-31536000}}
                line=${line//@METRICS_BIND@/:8404}
                line=${line//@LIVE_MAP@/$MAP}
                printf '%s\n' "$line"
                ;;
        esac
    done <"$TEMPLATE"
    keycloak_backend
    cat <<RESOLVERS

# Docker's embedded DNS: instances come and go with their containers.
resolvers compose
    nameserver docker 127.0.0.11:53
    hold valid 2s
RESOLVERS
}

main() {
    [[ "${PYROOM_PUBLIC_URL:-}" == https://* ]] || die "PYROOM_PUBLIC_URL must be an https:// URL, got '${PYROOM_PUBLIC_URL:-}'"
    pyroom-tls self-signed "$CERTIFICATE" "$(public_host)" localhost 127.0.0.1
    [ -r "$CERTIFICATE" ] || die "cannot read $CERTIFICATE as uid $(id -u): make it readable by that user"
    render >"$CONFIG"
    if [ ! -s "$MAP" ]; then
        # The live colour's backend, and the idle one's for previews (see the template).
        case "${PYROOM_LIVE_COLOUR:-blue}" in
            blue) printf 'active bk_blue\nidle bk_green\n' >"$MAP" ;;
            green) printf 'active bk_green\nidle bk_blue\n' >"$MAP" ;;
            *) die "PYROOM_LIVE_COLOUR must be blue or green, not '$PYROOM_LIVE_COLOUR'" ;;
        esac
    fi
    haproxy -c -q -f "$CONFIG"
    exec haproxy -W -db -f "$CONFIG"
}

main "$@"
