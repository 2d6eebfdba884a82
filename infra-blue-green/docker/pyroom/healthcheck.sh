#!/bin/sh
# Docker's health check of a Pyroom node, which also ends a node that hangs.
#
# Healthy means ready (/health/ready): the node serves, its database is reachable. Docker never restarts an
# unhealthy container by itself, so a node that stops answering at all (hung, stopped with SIGSTOP) would stay as
# it is. Like bluegreen's watchdog on bare metal, a node that was live before and misses a liveness probe
# (/health/live) is asked again at once; after two unanswered probes in a row (three seconds each) this kills
# Java, the container exits and its restart policy starts it again. Readiness alone never kills: a database outage
# makes every node unready, and they recover by themselves once it is back.
STATE=/run/pyroom-health
PROBES_BEFORE_KILL=2
PROBE_SECONDS=3

live() { curl -fs -o /dev/null --max-time "$PROBE_SECONDS" http://127.0.0.1:8080/health/live; }

end_java() {
    for process in /proc/[0-9]*; do
        if [ "$(cat "$process/comm" 2>/dev/null)" = java ]; then
            echo "pyroom-healthcheck: no answer to $PROBES_BEFORE_KILL liveness probes in a row: ending Java (pid ${process#/proc/})"
            kill -KILL "${process#/proc/}"
        fi
    done
}

mkdir -p "$STATE"
if live; then
    touch "$STATE/was-live"
elif [ -e "$STATE/was-live" ]; then
    probes=1
    until live; do
        probes=$((probes + 1))
        if [ "$probes" -ge "$PROBES_BEFORE_KILL" ]; then
            end_java
            exit 1
        fi
    done
fi
exec curl -fs -o /dev/null --max-time "$PROBE_SECONDS" http://127.0.0.1:8080/health/ready
