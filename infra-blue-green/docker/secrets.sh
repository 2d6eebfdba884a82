#!/usr/bin/env bash
# Generates the stack's secrets: writes every one that FILE lacks as a random value, owner-only (0600), and keeps
# those it already holds (they must stay the same across restarts: the database keeps its passwords, the realm
# its client secrets). docker-compose reads FILE as its .env file; run this before the first `up`.
#
# Usage: secrets.sh [FILE]      FILE defaults to .env next to docker-compose.yml
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
FILE=${1:-$(cd "$HERE/../.." && pwd)/.env}

# Random text of 32 bytes, safe in URLs, shell words and .env files.
random_secret() { head -c 32 /dev/urandom | base64 | tr -d '=\n' | tr '+/' '-_'; }

# Encrypts and signs the pages' view state: a base64 key of 32 bytes.
random_key() { head -c 32 /dev/urandom | base64; }

main() {
    umask 077
    touch "$FILE"
    chmod 600 "$FILE"
    local name added=0
    for name in PYROOM_DB_PASSWORD PYROOM_KEYCLOAK_DB_PASSWORD PYROOM_OIDC_CLIENT_SECRET \
        PYROOM_DIRECTORY_CLIENT_SECRET PYROOM_KEYCLOAK_ADMIN_PASSWORD PYROOM_VIEW_STATE_KEY; do
        if ! grep -q "^$name=" "$FILE"; then
            if [ "$name" = PYROOM_VIEW_STATE_KEY ]; then
                echo "$name=$(random_key)" >>"$FILE"
            else
                echo "$name=$(random_secret)" >>"$FILE"
            fi
            added=$((added + 1))
        fi
    done
    printf 'secrets.sh: %s holds every secret (%d generated now), readable by its owner only\n' "$FILE" "$added"
}

main "$@"
