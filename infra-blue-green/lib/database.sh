# shellcheck shell=bash
# Pyroom's database for the PostgreSQL client tools: PYROOM_DB_URL (a JDBC URL), PYROOM_DB_USER and
# PYROOM_DB_PASSWORD, the same settings the instances get (bluegreen.conf or the environment).

: "${PYROOM_DB_USER:=pyroom}"
: "${PYROOM_DB_PASSWORD:=pyroom}"
: "${BLUEGREEN_BACKUPS:=$BLUEGREEN_STATE/backups}"

# Sets PGHOST, PGPORT, PGDATABASE, PGUSER, PGPASSWORD (and PGSSLMODE when the URL names one) from the settings.
database_connect_settings() {
    local url=${PYROOM_DB_URL#jdbc:postgresql://} hostport query=""
    [ "$url" != "$PYROOM_DB_URL" ] || die "PYROOM_DB_URL is not a jdbc:postgresql:// URL: $PYROOM_DB_URL"
    case "$url" in *\?*) query=${url#*\?}; url=${url%%\?*} ;; esac
    hostport=${url%%/*}
    PGDATABASE=${url#*/}
    [ -n "$PGDATABASE" ] && [ "$PGDATABASE" != "$url" ] || die "PYROOM_DB_URL names no database: $PYROOM_DB_URL"
    case "$hostport" in
        *,*) die "PYROOM_DB_URL names several hosts; back up from one of them: $PYROOM_DB_URL" ;;
        \[*\]:*) PGHOST=${hostport%]:*}; PGHOST=${PGHOST#[}; PGPORT=${hostport##*]:} ;;
        \[*\]) PGHOST=${hostport#[}; PGHOST=${PGHOST%]}; PGPORT=5432 ;;
        *:*) PGHOST=${hostport%:*}; PGPORT=${hostport##*:} ;;
        *) PGHOST=$hostport; PGPORT=5432 ;;
    esac
    if [[ "&$query&" =~ \&sslmode=([a-z-]+)\& ]]; then
        export PGSSLMODE=${BASH_REMATCH[1]}
    fi
    PGUSER=$PYROOM_DB_USER
    PGPASSWORD=$PYROOM_DB_PASSWORD
    PGCONNECT_TIMEOUT=10
    export PGHOST PGPORT PGDATABASE PGUSER PGPASSWORD PGCONNECT_TIMEOUT
}

database_describe() { echo "$PGDATABASE on $PGHOST:$PGPORT as $PGUSER"; }

require_client_tools() {
    local tool
    for tool in pg_dump pg_restore psql; do
        command -v "$tool" >/dev/null || die "$tool is not installed (apt-get install postgresql-client)"
    done
}

# Tables in the database's public schema: 0 for a fresh database.
database_table_count() {
    psql -X -qAt -v ON_ERROR_STOP=1 -c \
        "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"
}
