# Helpers of the classroom benchmarks (bench/classroom.sh, bench/console.sh, bench/grading.sh): demo users' sign-in,
# the lab's course, and the RSS sampler. Needs bin/lib/common.sh and bin/lib/postgres.sh.

# psql on the database Pyroom uses (PYROOM_DB_URL, a JDBC URL).
bench_sql() {
    local address=${PYROOM_DB_URL#jdbc:postgresql://}
    address=${address%%\?*}
    PGPASSWORD=$PYROOM_DB_PASSWORD "$(postgres_bin)/psql" "postgresql://$PYROOM_DB_USER@$address" \
        -v ON_ERROR_STOP=1 -qAt "$@"
}

# Signs a user of the development realm in through Keycloak's form with curl, so that Pyroom knows them, keeping the
# session's cookies in a jar: sign_in_user APP JAR USERNAME PAGE MARKER, where PAGE (a path) must show MARKER after.
# The development realm's password of each demo user is their username.
sign_in_user() {
    local app=$1 jar=$2 user=$3 page=$4 marker=$5 login action
    login=$(curl -fsS -k -c "$jar" -b "$jar" -L "$app$page") || die "$app$page did not answer"
    action=$(printf '%s' "$login" | grep -o 'action="[^"]*login-actions/authenticate[^"]*"' | head -n 1 |
        sed 's/^action="//; s/"$//; s/&amp;/\&/g')
    [ -n "$action" ] || die "no Keycloak login form on the way to $app$page"
    curl -fsS -k -c "$jar" -b "$jar" -L -o "$jar.html" \
        --data-urlencode username="$user" --data-urlencode password="$user" "$action" || die "signing in as $user failed"
    grep -q "$marker" "$jar.html" || die "sign-in as $user did not reach $page"
}

# A course taught by the demo instructor with one assignment (main.py prints a few lines and ends well); prints its
# id and join code.
make_lab_course() {
    local code
    code="LAB$(date +%s)"
    bench_sql -v code="$code" <<'SQL'
INSERT INTO course (name, term, join_code, created_at) VALUES ('Monday lab', 'Bench', :'code', now());
INSERT INTO course_member (course_id, user_id, role, joined_at)
SELECT c.id, u.id, 'INSTRUCTOR', now() FROM course c, app_user u WHERE c.join_code = :'code' AND u.username = 'instructor';
INSERT INTO assignment (course_id, title, published_at) SELECT id, 'Dice', now() FROM course WHERE join_code = :'code';
INSERT INTO assignment_file (assignment_id, path, kind, content)
SELECT a.id, 'main.py', 'FILE', E'import random\n\nrolls = [random.randint(1, 6) for _ in range(10)]\nprint("rolls:", rolls)\nprint("average:", sum(rolls) / len(rolls))\n'
  FROM assignment a JOIN course c ON c.id = a.course_id WHERE c.join_code = :'code';
SELECT id || ' ' || join_code FROM course WHERE join_code = :'code';
SQL
}

# The processes listening on the URL's port (the Pyroom JVM of a local node).
listening_pids() {
    local port
    port=$(printf '%s' "$1" | sed -E 's#^[a-z]+://[^:/]+:?([0-9]*).*#\1#')
    [ -n "$port" ] || case "$1" in https:*) port=443 ;; *) port=80 ;; esac
    ss -Hltnp "sport = :$port" | grep -o 'pid=[0-9]*' | cut -d= -f2 | sort -u | tr '\n' ' '
}

# The node's /metrics text after a line MARK (only the mark when it cannot be read), for bench/classroom/report.py.
metrics_sample() {
    local url=$1 mark=$2
    echo "$mark"
    curl -fsS --max-time 10 "$url" 2>/dev/null || true
}

# Every 5 s, the sandboxes open on the node (running and idle), as a line `SANDBOXES n`.
sample_sandboxes() {
    local url=$1
    while true; do
        curl -fsS --max-time 5 "$url" 2>/dev/null |
            awk '/^pyroom_sandboxes\{/ { n += $NF; found = 1 } END { if (found) printf "SANDBOXES %d\n", n }'
        sleep 5
    done
}

# Every second, the summed RSS (KiB) of the given processes, until killed.
sample_rss() {
    local out=$1
    shift
    while true; do
        ps -o rss= -p "$(echo "$@" | tr ' ' ',')" | awk '{ s += $1 } END { print s }' >>"$out"
        sleep 1
    done
}
