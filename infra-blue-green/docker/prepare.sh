#!/usr/bin/env bash
# Puts what the images are built from into their build contexts (*/dist/): the Pyroom war (built with Maven
# when its sources changed, as bin/pyroom run does), Payara Micro and Keycloak from Maven Central (fetched
# once into .pyroom/downloads) with the logging properties of its nodes, the production realm (derived from the development realm: no demo users),
# the secrets check every entrypoint sources, and the load balancer's template and certificate script.
#
# Usage: prepare.sh      PYROOM_WAR=<file> uses that war instead of building one.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
# shellcheck source=../../bin/lib/common.sh
source "$ROOT/bin/lib/common.sh"
# shellcheck source=../../bin/lib/setup.sh
source "$ROOT/bin/lib/setup.sh"
# shellcheck source=../../bin/lib/app.sh
source "$ROOT/bin/lib/app.sh"

# stage SOURCE TARGET [--link]: --link hard-links where the file system allows, for the downloads, which
# never change in place (the Keycloak zip alone is 170 MB).
stage() {
    local source=$1 target=$2 link=${3:-}
    [ -s "$source" ] || die "missing $source"
    mkdir -p "$(dirname "$target")"
    if [ -f "$target" ] && cmp -s "$source" "$target"; then
        return 0
    fi
    rm -f "$target"
    if [ "$link" != --link ] || ! ln "$source" "$target" 2>/dev/null; then
        cp "$source" "$target"
    fi
}

main() {
    local keycloak_version payara_version image war=${PYROOM_WAR:-}
    keycloak_version=$(pom_version keycloak.version)
    payara_version=$(pom_version payara-micro.version)
    fetch_artifact "org.keycloak:keycloak-quarkus-dist:$keycloak_version:zip" \
        "keycloak-quarkus-dist-$keycloak_version.zip"
    fetch_artifact "fish.payara.extras:payara-micro:$payara_version" "payara-micro-$payara_version.jar"
    if [ -z "$war" ]; then
        app_build
        war=$APP_WAR
    fi

    stage "$war" "$HERE/pyroom/dist/pyroom.war"
    stage "$DOWNLOADS/payara-micro-$payara_version.jar" "$HERE/pyroom/dist/payara-micro.jar" --link
    stage "$ROOT/infra-blue-green/logging/plain.properties" "$HERE/pyroom/dist/logging/plain.properties"
    stage "$ROOT/infra-blue-green/logging/json.properties" "$HERE/pyroom/dist/logging/json.properties"
    stage "$DOWNLOADS/keycloak-quarkus-dist-$keycloak_version.zip" "$HERE/keycloak/dist/keycloak.zip" --link
    mkdir -p "$HERE/keycloak/dist"
    python3 "$HERE/keycloak/production-realm.py" "$ROOT/keycloak/pyroom-realm.json" \
        "$HERE/keycloak/dist/pyroom-realm.json"
    for image in postgres keycloak pyroom; do
        stage "$HERE/secrets-check.sh" "$HERE/$image/dist/secrets-check.sh"
    done
    stage "$ROOT/infra-blue-green/haproxy/haproxy.cfg.template" "$HERE/haproxy/dist/haproxy.cfg.template"
    stage "$ROOT/infra-blue-green/haproxy/tls.sh" "$HERE/haproxy/dist/tls.sh"
    say "build contexts ready (Keycloak $keycloak_version, Payara Micro $payara_version)"
}

main "$@"
