#!/bin/bash
# HAProxy's certificate, for bluegreen and the compose image alike.
#
#   tls.sh self-signed PEM NAME...   when PEM does not exist yet: a self-signed certificate for NAME... (host names
#                                    or IP addresses, the first one its subject) and its key into PEM (owner-only),
#                                    and the certificate alone into the same name ending .crt, for clients that are
#                                    to trust it
#   tls.sh reload SOCKET PEM         loads PEM (a renewed certificate, same path as at start) into the running
#                                    HAProxy through its admin socket: no restart, no dropped connection
set -euo pipefail

die() {
    printf 'tls: %s\n' "$*" >&2
    exit 1
}

self_signed() {
    local pem=$1 name alt="" work
    shift
    [ -s "$pem" ] && return 0
    command -v openssl >/dev/null || die "openssl is not installed: it makes the self-signed certificate"
    for name in "$@"; do
        if [[ "$name" =~ ^[0-9.]+$ || "$name" == *:* ]]; then name="IP:$name"; else name="DNS:$name"; fi
        [[ ",$alt," == *",$name,"* ]] || alt+=",$name"
    done
    (umask 077 && mkdir -p "$(dirname "$pem")")
    work=$(umask 077 && mktemp -d "$(dirname "$pem")/.new.XXXXXX")
    # 825 days: long enough for trying out; an operator's certificate replaces it for real use.
    (umask 077 && openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 825 \
        -subj "/CN=$1" -addext "subjectAltName=${alt#,}" -keyout "$work/key" -out "$work/crt" 2>"$work/log") ||
        die "openssl could not make a certificate: $(cat "$work/log")"
    (umask 077 && cat "$work/crt" "$work/key" >"$work/pem")
    chmod 644 "$work/crt"
    mv -f "$work/crt" "${pem%.pem}.crt"
    mv -f "$work/pem" "$pem"
    rm -rf "$work"
    printf 'tls: made a self-signed certificate for %s in %s (clients may trust %s)\n' "${alt#,}" "$pem" "${pem%.pem}.crt" >&2
}

# The runtime API takes the new PEM in a transaction: 'set ssl cert' stages it, 'commit ssl cert' swaps it in for
# new connections; established ones keep theirs.
reload() {
    local socket=$1 pem=$2 answer
    [ -r "$pem" ] || die "cannot read $pem"
    openssl x509 -noout -in "$pem" 2>/dev/null || die "$pem holds no certificate"
    answer=$( (printf 'set ssl cert %s <<\n' "$pem"; cat "$pem"; printf '\n') | socat -t 5 stdio "unix-connect:$socket")
    case "$answer" in
        *"Transaction created"* | *"Transaction updated"*) ;;
        *) die "HAProxy refused the certificate: $answer" ;;
    esac
    answer=$(printf 'commit ssl cert %s\n' "$pem" | socat -t 5 stdio "unix-connect:$socket")
    case "$answer" in
        *Success*) printf 'tls: HAProxy serves %s (%s)\n' "$pem" "$(openssl x509 -noout -enddate -in "$pem")" ;;
        *) die "HAProxy did not commit the certificate: $answer" ;;
    esac
}

case "${1:-}" in
    self-signed)
        [ $# -ge 3 ] || die "usage: tls.sh self-signed PEM NAME..."
        shift
        self_signed "$@"
        ;;
    reload)
        [ $# -eq 3 ] || die "usage: tls.sh reload SOCKET PEM"
        reload "$2" "$3"
        ;;
    *) die "usage: tls.sh self-signed PEM NAME... | tls.sh reload SOCKET PEM" ;;
esac
