#!/bin/bash
# Prepares the container for bubblewrap sandboxes as root, then runs Pyroom on Payara Micro as the unprivileged
# user pyroom with no capabilities at all (empty bounding set, no_new_privs). Sandboxes and lint workers are
# started by that user, in user namespaces of their own.
#
# Needs (docker-compose.yml gives them): cap_add SYS_ADMIN, only for the mounts below, gone before Java starts;
# the seccomp profile seccomp.json (Docker's default plus the namespace and mount calls of bwrap). Docker's
# masked /proc stays as it is: /proc/sys read-only, /proc/kcore and the others covered.
set -euo pipefail

PAYARA_JAR=/opt/payara/payara-micro.jar
WAR=/opt/pyroom/pyroom.war
# Made by the image's build (Dockerfile), unless its trial start failed.
CLASS_DATA_ARCHIVE=/opt/pyroom/classes.jsa
SERVER_USER=pyroom
STARTED_MARKER=/run/pyroom-started
# Root-only: holds the proc mount the kernel wants to see before it lets bwrap mount a proc of its own.
HOST_PROC_PARENT=/run/pyroom-host

say() { printf 'pyroom-entrypoint: %s\n' "$*" >&2; }

# shellcheck source=../secrets-check.sh
source /usr/local/lib/pyroom/secrets-check.sh

# The kernel lets bwrap mount a fresh /proc in its user namespace only if some proc mount of the container is
# fully visible (nothing mounted over it), and Docker covers parts of /proc (kcore, sys, ...). A fresh proc in a
# folder only root can enter satisfies that rule without uncovering /proc. bwrap's --disable-userns writes its
# own user namespace's user.max_user_namespaces through /proc/sys/user, so that table alone (per user namespace:
# namespace counts, inotify limits) becomes writable; the rest of /proc/sys stays read-only.
prepare_proc() {
    mkdir -p -m 700 "$HOST_PROC_PARENT/proc"
    if ! mount -t proc -o nosuid,nodev,noexec proc "$HOST_PROC_PARENT/proc" \
        || ! mount --bind "$HOST_PROC_PARENT/proc/sys/user" /proc/sys/user; then
        say "WARNING: cannot prepare /proc for sandboxes (no CAP_SYS_ADMIN?): sandboxes will fail to start"
    fi
}

# Docker mounts the container's cgroups read-only, and Pyroom puts each sandbox into a cgroup of its own.
# It gets a writable child cgroup, owned by the server user, mounted in place of the container's, so that it
# cannot change the limits (or, on v1, the device rules) Docker set on the container itself. Without this:
# rlimits only.
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
        # A cgroup v2 that hands controllers to its children may hold no processes itself: the server moves to a
        # leaf inside the delegated tree, so that moving its sandboxes needs write access to that tree only.
        mkdir -p "$point/server" && echo $$ >"$point/server/cgroup.procs" || return 1
        for controller in memory pids cpu; do
            echo "+$controller" >"$point/cgroup.subtree_control" || say "no $controller controller for sandboxes"
            echo "+$controller" >"$point/sandboxes/cgroup.subtree_control" || true
        done
        mkdir -p "$point/sandboxes/server" && echo $$ >"$point/sandboxes/server/cgroup.procs" || return 1
        chown -R "$SERVER_USER:" "$point/sandboxes/server"
        chown "$SERVER_USER:" "$point/sandboxes/cgroup.procs" "$point/sandboxes/cgroup.threads" \
            "$point/sandboxes/cgroup.subtree_control"
    fi
    chown "$SERVER_USER:" "$point/sandboxes"
    mount --bind "$point/sandboxes" "$point"
}

# Plain lines without colours (the default) or one JSON object per line: Payara Micro's start follows the same
# PYROOM_LOG_FORMAT that Pyroom reads.
logging_properties() {
    case "${PYROOM_LOG_FORMAT:-plain}" in
        plain | json) echo "/opt/pyroom/logging/${PYROOM_LOG_FORMAT:-plain}.properties" ;;
        *)
            say "PYROOM_LOG_FORMAT must be plain or json, not '$PYROOM_LOG_FORMAT'"
            exit 1
            ;;
    esac
}

# A container's files outlive its restarts, not its re-creation: this marker tells a restart after a death or hang
# from the first start of a deployed node.
healing_java_options() {
    if [ -e "$STARTED_MARKER" ]; then
        say "started again after a death or hang: with '${HEAL_JAVA_OPTS:-}' added"
        echo "${HEAL_JAVA_OPTS:-}"
    else
        touch "$STARTED_MARKER"
    fi
}

class_data_sharing() {
    if [ -r "$CLASS_DATA_ARCHIVE" ]; then
        echo "-XX:SharedArchiveFile=$CLASS_DATA_ARCHIVE"
    fi
}

cluster_arguments() {
    if [ -n "${PYROOM_CLUSTER_NAME:-}" ]; then
        echo "--clustername $PYROOM_CLUSTER_NAME"
    else
        echo "--nocluster"
    fi
}

main() {
    require_secret PYROOM_DB_PASSWORD PYROOM_OIDC_CLIENT_SECRET PYROOM_DIRECTORY_CLIENT_SECRET PYROOM_VIEW_STATE_KEY
    prepare_proc
    delegate_cgroups
    # The health check's memory of the previous start (healthcheck.sh): this start has not been live yet.
    rm -rf /run/pyroom-health
    mkdir -p "$PYROOM_SANDBOX_ROOT"
    chown "$SERVER_USER:" "$PYROOM_SANDBOX_ROOT"
    chmod 700 "$PYROOM_SANDBOX_ROOT"
    # A fresh root directory each start: Payara Micro redeploys whatever an old one holds.
    local rootdir preboot logging
    logging=$(logging_properties)
    rootdir=$(mktemp -d /tmp/payara-XXXXXX)
    chown "$SERVER_USER:" "$rootdir"
    # HAProxy ends TLS and says so in X-Forwarded-Proto (its own, never a client's): the request's scheme follows
    # it, so that the URLs Pyroom builds from requests (the sign-in's redirect URI among them) say https.
    preboot=$(mktemp /tmp/payara-preboot-XXXXXX)
    echo 'set configs.config.server-config.network-config.protocols.protocol.http-listener.http.scheme-mapping=X-Forwarded-Proto' >"$preboot"
    chown "$SERVER_USER:" "$preboot"
    # shellcheck disable=SC2046,SC2086  # word splitting of the option lists is intended
    exec setpriv --reuid="$SERVER_USER" --regid="$SERVER_USER" --init-groups \
        --inh-caps=-all --ambient-caps=-all --bounding-set=-all --no-new-privs -- /usr/bin/tini -- \
        java $(class_data_sharing) $JAVA_OPTS $(healing_java_options) -jar "$PAYARA_JAR" --deploy "$WAR" --contextroot / --port 8080 \
        --rootdir "$rootdir" --prebootcommandfile "$preboot" --logproperties "$logging" $(cluster_arguments) "$@"
}

main "$@"
