#!/bin/bash
# Prepares the container for bubblewrap sandboxes, then runs Pyroom on Payara Micro as root without
# CAP_SYS_ADMIN. The server starts every sandbox through setpriv as uid 65534, in a user namespace of its own.
#
# Needs (docker-compose.yml gives them): cap_add SYS_ADMIN, only for the two mounts below and dropped before
# Java starts; seccomp=unconfined, because Docker's default profile refuses the namespace and mount calls
# bwrap makes even inside its own user namespace; apparmor=unconfined where AppArmor is active.
set -euo pipefail

PAYARA_JAR=/opt/payara/payara-micro.jar
WAR=/opt/pyroom/pyroom.war

say() { printf 'pyroom-entrypoint: %s\n' "$*" >&2; }

# The kernel lets bwrap mount a fresh /proc in its user namespace only when some proc mount is fully
# visible, and writes to /proc/sys/user (--disable-userns) must be possible. Docker covers parts of /proc
# (kcore, sys, ...), so a fresh proc goes on top. This is what Docker's systempaths=unconfined does.
unmask_proc() {
    if mount -t proc -o nosuid,nodev,noexec proc /proc 2>/dev/null; then
        return 0
    fi
    say "WARNING: cannot mount a fresh /proc (no CAP_SYS_ADMIN?): sandboxes will fail to start"
}

# Docker mounts the container's cgroups read-only, and Pyroom puts each sandbox into a cgroup of its own.
# It gets a writable child cgroup mounted in place of the container's, so that it cannot change the limits
# (or, on v1, the device rules) Docker set on the container itself. Without this: rlimits only.
delegate_cgroups() {
    local point type
    while read -r point type; do
        delegate_cgroup "$point" "$type" \
            || say "cannot delegate the cgroup at $point: sandboxes may get rlimits only"
    done < <(awk '{
        for (i = 7; $i != "-"; i++) ;
        type = $(i + 1); controllers = "," $(i + 3) ","
        if (type == "cgroup2" || (type == "cgroup" && controllers ~ /,(memory|pids|cpu),/)) print $5, type
    }' /proc/self/mountinfo)
}

delegate_cgroup() {
    local point=$1 type=$2 controller
    mount -o remount,rw,bind "$point" || return 1
    mkdir -p "$point/sandboxes" || return 1
    if [ "$type" = cgroup2 ]; then
        # A cgroup v2 that hands controllers to its children may hold no processes itself.
        mkdir -p "$point/server" && echo $$ >"$point/server/cgroup.procs" || return 1
        for controller in memory pids cpu; do
            echo "+$controller" >"$point/cgroup.subtree_control" || say "no $controller controller for sandboxes"
        done
    fi
    mount --bind "$point/sandboxes" "$point"
}

cluster_arguments() {
    if [ -n "${PYROOM_CLUSTER_NAME:-}" ]; then
        echo "--clustername $PYROOM_CLUSTER_NAME"
    else
        echo "--nocluster"
    fi
}

main() {
    unmask_proc
    delegate_cgroups
    mkdir -p "$PYROOM_SANDBOX_ROOT"
    chmod 755 "$PYROOM_SANDBOX_ROOT"
    # A fresh root directory each start: Payara Micro redeploys whatever an old one holds.
    local rootdir preboot
    rootdir=$(mktemp -d /tmp/payara-XXXXXX)
    # HAProxy ends TLS and says so in X-Forwarded-Proto (its own, never a client's): the request's scheme follows
    # it, so that the URLs Pyroom builds from requests (the sign-in's redirect URI among them) say https.
    preboot=$(mktemp /tmp/payara-preboot-XXXXXX)
    echo 'set configs.config.server-config.network-config.protocols.protocol.http-listener.http.scheme-mapping=X-Forwarded-Proto' >"$preboot"
    # shellcheck disable=SC2046,SC2086  # word splitting of the option lists is intended
    exec setpriv --bounding-set -sys_admin --inh-caps -sys_admin -- /usr/bin/tini -- \
        java $JAVA_OPTS -jar "$PAYARA_JAR" --deploy "$WAR" --contextroot / --port 8080 \
        --rootdir "$rootdir" --prebootcommandfile "$preboot" $(cluster_arguments) "$@"
}

main "$@"
