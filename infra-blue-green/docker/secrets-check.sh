# shellcheck shell=bash
# Sourced by the images' entrypoints and by bluegreen: a service refuses to start with a secret that is missing, short, or one
# of the well-known values of the development stack (infra-blue-green/docker/secrets.sh makes real ones).

KNOWN_SECRETS=(admin password changeme change-me secret pyroom keycloak postgres pyroom-dev-secret
    pyroom-directory-dev-secret student instructor)
MIN_SECRET_LENGTH=16
# What to do about a refused secret.
: "${SECRETS_HINT:=run infra-blue-green/docker/secrets.sh to generate the secrets}"

# require_secret NAME...: each named variable must hold a secret that is neither short nor well known.
require_secret() {
    local name value known
    for name in "$@"; do
        value=${!name:-}
        if [ -z "$value" ]; then
            refuse "$name is not set: $SECRETS_HINT"
        fi
        for known in "${KNOWN_SECRETS[@]}"; do
            if [ "${value,,}" = "$known" ]; then
                refuse "$name is the well-known value '$known': $SECRETS_HINT"
            fi
        done
        if [ "${#value}" -lt "$MIN_SECRET_LENGTH" ]; then
            refuse "$name is shorter than $MIN_SECRET_LENGTH characters: $SECRETS_HINT"
        fi
    done
}

refuse() {
    printf 'refusing to start: %s\n' "$*" >&2
    exit 78
}
