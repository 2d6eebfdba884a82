#!/bin/bash
# Starts PostgreSQL as the postgres user, listening on the container network. On the first start of an empty
# data directory it creates the pyroom and keycloak roles, each owning a database of its own name.
# Passwords come from PYROOM_DB_PASSWORD and KEYCLOAK_DB_PASSWORD and are used at that first start only; every
# start refuses missing or well-known ones, so that the services using them cannot run on a default either.
set -euo pipefail

# shellcheck source=../secrets-check.sh
source /usr/local/lib/pyroom/secrets-check.sh

: "${PGDATA:?}"
BIN=$(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V | tail -n 1)

say() { printf 'pyroom-postgres: %s\n' "$*" >&2; }

as_postgres() { setpriv --reuid=postgres --regid=postgres --init-groups -- "$@"; }

initialise() {
    say "creating the database cluster in $PGDATA"
    mkdir -p "$PGDATA"
    chown postgres:postgres "$PGDATA"
    chmod 700 "$PGDATA"
    as_postgres "$BIN/initdb" -D "$PGDATA" -U postgres --auth-local=peer --auth-host=scram-sha-256 \
        --encoding=UTF8 --locale=C.UTF-8 >/dev/null
    # Other containers connect over the compose network; the port is not published on the host.
    echo 'host all all all scram-sha-256' >>"$PGDATA/pg_hba.conf"

    as_postgres "$BIN/pg_ctl" -D "$PGDATA" -w -t 60 -o "-c listen_addresses=''" start >/dev/null
    as_postgres "$BIN/psql" -q -v ON_ERROR_STOP=1 -U postgres -d postgres \
        -v pyroom_password="$PYROOM_DB_PASSWORD" -v keycloak_password="$KEYCLOAK_DB_PASSWORD" <<'SQL'
CREATE ROLE pyroom LOGIN PASSWORD :'pyroom_password';
CREATE DATABASE pyroom OWNER pyroom;
CREATE ROLE keycloak LOGIN PASSWORD :'keycloak_password';
CREATE DATABASE keycloak OWNER keycloak;
SQL
    as_postgres "$BIN/pg_ctl" -D "$PGDATA" -m fast -w stop >/dev/null
    say "created roles and databases pyroom and keycloak"
}

require_secret PYROOM_DB_PASSWORD KEYCLOAK_DB_PASSWORD
[ -s "$PGDATA/PG_VERSION" ] || initialise
exec setpriv --reuid=postgres --regid=postgres --init-groups -- \
    "$BIN/postgres" -D "$PGDATA" -c listen_addresses='*' "$@"
