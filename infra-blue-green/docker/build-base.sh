#!/usr/bin/env bash
# Builds the local base image pyroom-base:bookworm with debootstrap, for machines that cannot pull
# debian:bookworm-slim from a registry. The Debian mirror is the one this machine's apt already uses.
# Every package the Pyroom images need is in the base, so their builds need no network.
#
# Usage: build-base.sh [--force]      (run as root; skipped when the image exists with the same package set)
set -euo pipefail

IMAGE="${PYROOM_BASE_IMAGE:-pyroom-base:bookworm}"
SUITE=bookworm
PACKAGES=(
    ca-certificates curl unzip procps tini
    openjdk-17-jre-headless
    python3 python3-seccomp bubblewrap util-linux pylint python3-pyflakes python3-jedi
    python3-numpy python3-matplotlib python3-pandas python3-scipy
    postgresql haproxy socat
)

say() { printf 'build-base: %s\n' "$*"; }
die() { printf 'build-base: %s\n' "$*" >&2; exit 1; }

# The first Debian mirror that serves the suite's main component, from deb822 or one-line apt sources.
apt_mirror() {
    local file
    for file in /etc/apt/sources.list.d/*.sources; do
        [ -f "$file" ] || continue
        awk -v suite="$SUITE" '
            BEGIN { RS = ""; FS = "\n" }
            {
                uris = ""; suites = ""; comps = ""; types = ""
                for (i = 1; i <= NF; i++) {
                    if ($i ~ /^URIs:/) uris = $i
                    else if ($i ~ /^Suites:/) suites = " " $i " "
                    else if ($i ~ /^Components:/) comps = " " $i " "
                    else if ($i ~ /^Types:/) types = " " $i " "
                }
                if (types ~ / deb / && suites ~ " " suite " " && comps ~ / main /) {
                    sub(/^URIs:[ \t]*/, "", uris); split(uris, u, /[ \t]+/); print u[1]; exit
                }
            }' "$file"
    done
    for file in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
        [ -f "$file" ] || continue
        awk -v suite="$SUITE" '
            $1 == "deb" {
                i = 2; if ($i ~ /^\[/) { while ($i !~ /\]$/) i++; i++ }
                if ($(i + 1) == suite) { for (j = i + 2; j <= NF; j++) if ($j == "main") { print $i; exit } }
            }' "$file"
    done
}

package_label() { printf '%s\n' "${PACKAGES[@]}" | sort | tr '\n' ' ' | sed 's/ $//'; }

image_is_current() {
    local label
    label=$(docker image inspect --format '{{ index .Config.Labels "pyroom.base.packages" }}' "$IMAGE" 2>/dev/null) \
        || return 1
    [ "$label" = "$(package_label)" ]
}

build() {
    local mirror root
    mirror=$(apt_mirror | head -n 1)
    [ -n "$mirror" ] || die "no apt source for '$SUITE main' found in /etc/apt"
    command -v debootstrap >/dev/null || die "debootstrap is missing (apt-get install debootstrap)"
    root=$(mktemp -d "${TMPDIR:-/var/tmp}/pyroom-base-XXXXXX")
    # shellcheck disable=SC2064  # expand now: the trap must remove this very folder
    trap "rm -rf '$root'" EXIT

    say "debootstrap $SUITE with ${#PACKAGES[@]} extra packages (a few minutes)"
    local packages
    packages=$(IFS=,; echo "${PACKAGES[*]}")
    if ! nice debootstrap --variant=minbase --include="$packages" "$SUITE" "$root" "$mirror" \
        >"$root.log" 2>&1; then
        tail -n 20 "$root.log" >&2
        die "debootstrap failed (log: $root.log)"
    fi
    rm -f "$root.log"

    # The postgresql package creates a 'main' cluster on install; the postgres image makes its own.
    rm -rf "$root"/var/lib/postgresql/*/main "$root"/etc/postgresql/*/main
    chroot "$root" apt-get clean
    rm -rf "$root"/var/lib/apt/lists/* "$root"/var/cache/apt/*.bin "$root"/var/log/* \
        "$root"/usr/share/doc/* "$root"/usr/share/man/* "$root"/usr/share/locale/*

    say "importing $IMAGE"
    local previous
    previous=$(docker image inspect --format '{{.Id}}' "$IMAGE" 2>/dev/null || true)
    tar --numeric-owner -C "$root" -c . | docker import \
        --change "LABEL pyroom.base.packages=\"$(package_label)\"" \
        --change 'ENV LANG=C.UTF-8 PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
        --change 'CMD ["/bin/bash"]' \
        - "$IMAGE" >/dev/null
    # The replaced base, unless images built on it still hold it.
    [ -z "$previous" ] || docker image rm "$previous" >/dev/null 2>&1 || true
    say "built $IMAGE ($(docker image inspect --format '{{.Size}}' "$IMAGE" | numfmt --to=iec))"
}

main() {
    if [ "${1:-}" != --force ] && image_is_current; then
        say "$IMAGE is up to date"
        return 0
    fi
    [ "$(id -u)" -eq 0 ] || die "debootstrap needs root"
    build
}

main "$@"
