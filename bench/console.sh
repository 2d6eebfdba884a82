#!/usr/bin/env bash
# The instructor's live class view under a full lab: 300 students in the database (lint results, five runs each,
# half of them with their editor open) and 50 sandbox claims, next to a 30-student course as the baseline.
# Measures, signed in as the demo instructor over HTTP on loopback:
#   page     a full GET of the course page (live table of 50 rows a page, roster, assignments)
#   update   the live table's refresh: the poll's AJAX request every open console sends every 3 s
#   write    the database cost of one student's lint result being stored (the upsert the editor causes)
# The last line reads: RESULT live_view_p50_ms=<x> students=<n>   (live_view = the update request's p50)
# usage: bench/console.sh [requests]   (default 100 per measure)
# Runs its own PostgreSQL database (pyroom_console_bench), Keycloak and Pyroom on the PYROOM_* ports, and stops
# what it started.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
REQUESTS=${1:-100}
: "${PYROOM_DB_PORT:=5433}"
export PYROOM_DB_URL="jdbc:postgresql://localhost:$PYROOM_DB_PORT/pyroom_console_bench?connectTimeout=3"
source "$ROOT/bin/lib/common.sh"
source "$ROOT/bin/lib/setup.sh"
source "$ROOT/bin/lib/postgres.sh"
source "$ROOT/bin/lib/keycloak.sh"
source "$ROOT/bin/lib/app.sh"

WORK=$(mktemp -d)
JAR="$WORK/cookies"
APP="http://localhost:$PYROOM_HTTP_PORT"
cleanup() {
    stop_started
    rm -rf "$WORK"
}
trap cleanup EXIT

sql() {
    PGPASSWORD=$PYROOM_DB_PASSWORD "$(postgres_bin)/psql" -h localhost -p "$PYROOM_DB_PORT" -U pyroom \
        -d pyroom_console_bench -v ON_ERROR_STOP=1 -qAt "$@"
}

sign_in() {
    local login action
    login=$(curl -fsS -c "$JAR" -b "$JAR" -L "$APP/instructor/index.xhtml")
    action=$(printf '%s' "$login" | grep -o 'action="[^"]*login-actions/authenticate[^"]*"' | head -n 1 |
        sed 's/^action="//; s/"$//; s/&amp;/\&/g')
    [ -n "$action" ] || die "no Keycloak login form"
    curl -fsS -c "$JAR" -b "$JAR" -L -o "$WORK/console.html" \
        --data-urlencode username=instructor --data-urlencode password=instructor "$action"
    grep -q "Instructor console" "$WORK/console.html" || die "sign-in as instructor failed"
}

# Prints the p50 and p95 of the numbers on stdin, in milliseconds with one decimal.
percentiles() {
    sort -n | awk '{ v[NR] = $1 } END { printf "%.1f %.1f\n", v[int(NR * 0.5 + 0.5)], v[int(NR * 0.95 + 0.5)] }'
}

measure_page() {
    local course=$1 i
    for ((i = 0; i < REQUESTS; i++)); do
        curl -fsS -b "$JAR" -o /dev/null -w '%{time_total}\n' "$APP/instructor/course.xhtml?course=$course"
    done | awk '{ print $1 * 1000 }' | percentiles
}

measure_update() {
    local course=$1 state i
    curl -fsS -c "$JAR" -b "$JAR" -o "$WORK/course.html" "$APP/instructor/course.xhtml?course=$course"
    state=$(grep -o 'name="jakarta.faces.ViewState"[^>]*value="[^"]*"' "$WORK/course.html" | head -n 1 |
        sed 's/.*value="//; s/"$//')
    [ -n "$state" ] || die "no view state on the course page"
    for ((i = 0; i < REQUESTS; i++)); do
        curl -fsS -b "$JAR" -o "$WORK/update.xml" -w '%{time_total} %{size_download}\n' \
            -H 'Faces-Request: partial/ajax' -H 'X-Requested-With: XMLHttpRequest' \
            --data-urlencode 'jakarta.faces.partial.ajax=true' \
            --data-urlencode 'jakarta.faces.source=live:poll' \
            --data-urlencode 'jakarta.faces.partial.execute=live:poll' \
            --data-urlencode 'jakarta.faces.partial.render=live:students live:problems live:summary' \
            --data-urlencode 'live:poll=live:poll' --data-urlencode 'live=live' \
            --data-urlencode "jakarta.faces.ViewState=$state" \
            "$APP/instructor/course.xhtml?course=$course"
    done >"$WORK/updates"
    grep -q 'Bench Student' "$WORK/update.xml" || die "the update did not carry the table"
    printf '%s %s\n' "$(awk '{ print $1 * 1000 }' "$WORK/updates" | percentiles)" "$(tail -n 1 "$WORK/updates" | cut -d' ' -f2)"
}

measure_write() {
    local workspace start end
    workspace=$(sql -c "SELECT workspace_id FROM file_check ORDER BY workspace_id LIMIT 1")
    start=$(date +%s%N)
    for ((i = 0; i < REQUESTS; i++)); do
        printf "INSERT INTO file_check (workspace_id, path, error_count, top_symbol, top_error, checked_at)
VALUES (%s, 'main.py', %s, 'undefined-variable', 'line 1: x', now()) ON CONFLICT (workspace_id, path) DO UPDATE
SET error_count = EXCLUDED.error_count, top_symbol = EXCLUDED.top_symbol, top_error = EXCLUDED.top_error,
checked_at = EXCLUDED.checked_at WHERE file_check.error_count <> EXCLUDED.error_count
OR file_check.top_error IS DISTINCT FROM EXCLUDED.top_error;\n" "$workspace" "$((i % 2 + 1))"
    done | sql >/dev/null
    end=$(date +%s%N)
    awk -v ns=$((end - start)) -v n="$REQUESTS" 'BEGIN { printf "%.2f\n", ns / n / 1e6 }'
}

fetch_distributions
postgres_start app "$PYROOM_DB_PORT" pyroom_console_bench --fresh
keycloak_start
app_build
app_start
sign_in
instructor=$(sql -c "SELECT id FROM app_user WHERE username = 'instructor'")
mapfile -t courses < <(sql -v instructor="$instructor" -f "$ROOT/bench/console-seed.sql")
big=${courses[0]% *}
small=${courses[1]% *}
claims=$(sql -c "SELECT count(*) FROM sandbox")

say "warming up"
REQUESTS=20 measure_page "$big" >/dev/null
read -r page_big page_big_p95 < <(measure_page "$big")
read -r page_small page_small_p95 < <(measure_page "$small")
read -r update_big update_big_p95 bytes_big < <(measure_update "$big")
read -r update_small update_small_p95 bytes_small < <(measure_update "$small")
write_ms=$(measure_write)

printf '\n%-28s %14s %14s\n' "" "300 students" "30 students"
printf '%-28s %14s %14s\n' "page GET p50 / p95 (ms)" "$page_big / $page_big_p95" "$page_small / $page_small_p95"
printf '%-28s %14s %14s\n' "live update p50 / p95 (ms)" "$update_big / $update_big_p95" "$update_small / $update_small_p95"
printf '%-28s %14s %14s\n' "live update size (bytes)" "$bytes_big" "$bytes_small"
printf '%-28s %14s\n' "lint result write (ms)" "$write_ms"
printf '%-28s %14s\n' "sandbox claims" "$claims"
printf 'RESULT live_view_p50_ms=%s students=300 page_p50_ms=%s update_bytes=%s baseline30_live_view_p50_ms=%s lint_write_ms=%s\n' \
    "$update_big" "$page_big" "$bytes_big" "$update_small" "$write_ms"
