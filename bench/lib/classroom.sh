# Helpers of the classroom benchmarks (bench/classroom.sh, bench/console.sh): the demo instructor's sign-in, the
# lab's course, and the RSS sampler. Needs bin/lib/common.sh and bin/lib/postgres.sh.

# psql on the database Pyroom uses (PYROOM_DB_URL, a JDBC URL).
bench_sql() {
    local address=${PYROOM_DB_URL#jdbc:postgresql://}
    address=${address%%\?*}
    PGPASSWORD=$PYROOM_DB_PASSWORD "$(postgres_bin)/psql" "postgresql://$PYROOM_DB_USER@$address" \
        -v ON_ERROR_STOP=1 -qAt "$@"
}

# Signs the demo instructor in through Keycloak's form with curl, so that Pyroom knows them; $2 holds the cookies.
sign_in_instructor() {
    local app=$1 work=$2 login action
    login=$(curl -fsS -k -c "$work/instructor" -b "$work/instructor" -L "$app/instructor/index.xhtml") ||
        die "the instructor console did not answer at $app"
    action=$(printf '%s' "$login" | grep -o 'action="[^"]*login-actions/authenticate[^"]*"' | head -n 1 |
        sed 's/^action="//; s/"$//; s/&amp;/\&/g')
    [ -n "$action" ] || die "no Keycloak login form on the way to $app/instructor/index.xhtml"
    curl -fsS -k -c "$work/instructor" -b "$work/instructor" -L -o "$work/console.html" \
        --data-urlencode username=instructor --data-urlencode password=instructor "$action" ||
        die "signing in as the demo instructor failed"
    grep -q "Instructor console" "$work/console.html" || die "sign-in as the demo instructor did not reach the console"
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

# Every second, the summed RSS (KiB) of the given processes, until killed.
sample_rss() {
    local out=$1
    shift
    while true; do
        ps -o rss= -p "$(echo "$@" | tr ' ' ',')" | awk '{ s += $1 } END { print s }' >>"$out"
        sleep 1
    done
}
