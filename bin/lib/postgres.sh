# A PostgreSQL server of Pyroom's own: its own data directory, loopback only, run as the
# 'postgres' system user when we are root (PostgreSQL refuses to run as root).

postgres_bin() {
    local dir
    dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    [ -n "$dir" ] || die "PostgreSQL server binaries not found under /usr/lib/postgresql"
    echo "$dir"
}

as_postgres_owner() {
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

postgres_data() { echo "$PYROOM_HOME/pg-$1"; }

postgres_running() {
    as_postgres_owner "$(postgres_bin)/pg_ctl" -D "$(postgres_data "$1")" status >/dev/null 2>&1
}

# postgres_start NAME PORT DATABASE [--fresh]: starts the server (unless it runs already) and makes sure
# the database and its owner exist; --fresh drops and recreates the database.
postgres_start() {
    local name=$1 port=$2 database=$3 fresh=${4:-} bin data
    bin=$(postgres_bin)
    data=$(postgres_data "$name")
    if [ ! -s "$data/PG_VERSION" ]; then
        say "creating PostgreSQL data directory $data"
        mkdir -p "$data"
        [ "$(id -u)" -ne 0 ] || chown postgres: "$data"
        chmod 700 "$data"
        as_postgres_owner "$bin/initdb" -D "$data" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
            --encoding=UTF8 --locale=C.UTF-8 >"$LOGS/postgres-$name-initdb.log"
    fi
    if postgres_running "$name"; then
        say "PostgreSQL ($name) already running"
    else
        say "starting PostgreSQL ($name) on 127.0.0.1:$port"
        as_postgres_owner "$bin/pg_ctl" -D "$data" -w -t 60 -l "$data/server.log" \
            -o "-p $port -c listen_addresses=127.0.0.1 -k $data" start >/dev/null
        STARTED+=("postgres_stop $name")
    fi
    postgres_ensure_database "$data" "$port" "$database" "$fresh"
}

postgres_ensure_database() {
    local data=$1 port=$2 database=$3 fresh=$4
    local psql=(as_postgres_owner "$(postgres_bin)/psql" -h "$data" -p "$port" -U postgres -v ON_ERROR_STOP=1 -qAt)
    "${psql[@]}" -d postgres >/dev/null <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'pyroom') THEN
    CREATE ROLE pyroom LOGIN PASSWORD '$PYROOM_DB_PASSWORD';
  END IF;
END \$\$;
SQL
    if [ "$fresh" = --fresh ]; then
        "${psql[@]}" -d postgres -c "DROP DATABASE IF EXISTS $database WITH (FORCE)" >/dev/null
    fi
    if [ -z "$("${psql[@]}" -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$database'")" ]; then
        "${psql[@]}" -d postgres -c "CREATE DATABASE $database OWNER pyroom" >/dev/null
    fi
}

postgres_stop() {
    local name=$1
    if postgres_running "$name"; then
        say "stopping PostgreSQL ($name)"
        as_postgres_owner "$(postgres_bin)/pg_ctl" -D "$(postgres_data "$name")" -m fast -w stop >/dev/null
    fi
}
