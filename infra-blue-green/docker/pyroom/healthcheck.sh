#!/bin/sh
# Docker's health check of a Pyroom node, which also ends a node that hangs.
#
# Healthy means ready (/health/ready): the node serves, its database is reachable. Docker never restarts an
# unhealthy container by itself, so a node that stops answering at all (hung, stopped with SIGSTOP) would stay as
# it is: after three failed liveness probes in a row (/health/live, about half a minute at Docker's 10 s interval)
# of a node that was live before, this kills Java; the container exits and its restart policy starts it again.
# Readiness alone never kills: a database outage makes every node unready, and they recover by themselves
# once it is back.
STATE=/run/pyroom-health
FAILURES_BEFORE_KILL=3

mkdir -p "$STATE"
if curl -fs -o /dev/null --max-time 5 http://127.0.0.1:8080/health/live; then
    touch "$STATE/was-live"
    rm -f "$STATE/failures"
elif [ -e "$STATE/was-live" ]; then
    failures=$(($(cat "$STATE/failures" 2>/dev/null || echo 0) + 1))
    echo "$failures" >"$STATE/failures"
    if [ "$failures" -ge "$FAILURES_BEFORE_KILL" ]; then
        for process in /proc/[0-9]*; do
            if [ "$(cat "$process/comm" 2>/dev/null)" = java ]; then
                echo "pyroom-healthcheck: no answer to $failures liveness probes in a row: ending Java (pid ${process#/proc/})"
                kill -KILL "${process#/proc/}"
            fi
        done
        exit 1
    fi
fi
exec curl -fs -o /dev/null --max-time 5 http://127.0.0.1:8080/health/ready
