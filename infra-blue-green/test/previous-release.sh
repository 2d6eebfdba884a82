#!/usr/bin/env bash
# The previous release still works on this release's schema (expand/contract, docs/operations.md):
#  1. this release's war migrates a fresh database to its newest schema and keeps running (the new colour);
#  2. the previous release's war starts on that database next to it (the old colour during a cutover, or a
#     rollback deployment after it): it must become ready, pass bluegreen's smoke test and serve the signed-out
#     home page, although the schema holds migrations it does not know.
# "Previous release" is PYROOM_PREVIOUS_RELEASE (a git commit or tag) if set, else the commit just before the newest
# migration was added: the newest code that ran on the schema before that migration, which is what may still be
# live when it is applied. Its war is built from that commit's files (git archive) and kept under
# .pyroom/previous-release/ for later runs.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

DATABASE=pyroom_previous_release
MIGRATIONS=persistence/src/main/resources/db/migration
WAR=${PYROOM_WAR:-$ROOT/webapp/target/pyroom.war}

previous_release() {
    local newest
    if [ -n "${PYROOM_PREVIOUS_RELEASE:-}" ]; then
        git -C "$ROOT" rev-parse --verify "$PYROOM_PREVIOUS_RELEASE^{commit}"
        return
    fi
    if [ "$(git -C "$ROOT" rev-parse --is-shallow-repository)" = true ]; then
        git -C "$ROOT" fetch -q --unshallow 2>/dev/null || return 1
    fi
    newest=$(git -C "$ROOT" log -1 --format=%H --diff-filter=A -- "$MIGRATIONS")
    [ -n "$newest" ] || fail "no commit adds a migration under $MIGRATIONS"
    git -C "$ROOT" rev-parse --verify "$newest^"
}

# Builds the war of a commit once; prints its path.
previous_war() {
    local commit=$1 dir
    dir=$PYROOM_HOME/previous-release/$commit
    if [ ! -f "$dir/pyroom.war" ]; then
        say "building the previous release $(git -C "$ROOT" log -1 --format='%h (%s)' "$commit")" >&2
        rm -rf "$WORK/previous" && mkdir -p "$WORK/previous" "$dir"
        git -C "$ROOT" archive "$commit" | tar -x -C "$WORK/previous"
        (cd "$WORK/previous" && mvn -B -q -ntp -DskipTests -Dspotless.check.skip=true package) >&2 ||
            fail "the previous release $commit does not build"
        cp "$WORK/previous/webapp/target/pyroom.war" "$dir/pyroom.war.partial"
        mv "$dir/pyroom.war.partial" "$dir/pyroom.war"
    fi
    echo "$dir/pyroom.war"
}

migration_versions() { git -C "$ROOT" ls-tree --name-only "$1" "$MIGRATIONS/" | sed -n 's:.*/V\([0-9]*\)__.*:\1:p'; }

http_status() { curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$1"; }

main() {
    trap ops_test_cleanup EXIT
    [ -f "$WAR" ] || fail "no war at $WAR: build it first (mvn -DskipTests package)"
    local commit previous known newest base
    if ! commit=$(previous_release); then
        say "NOT CHECKED: this clone is shallow and its history cannot be fetched; set PYROOM_PREVIOUS_RELEASE"
        say "RESULT previous_works=unchecked"
        return 0
    fi
    known=$(migration_versions "$commit" | sort -n | tail -n 1)
    previous=$(previous_war "$commit")
    fetch_distributions
    fresh_databases "$DATABASE"
    export PYROOM_DB_URL
    PYROOM_DB_URL=$(test_db_url "$DATABASE")

    say "1. this release migrates a fresh database (green)"
    "$BLUEGREEN" start green 1 --war "$WAR"
    newest=$(test_psql "$DATABASE" -c "SELECT max(version::int) FROM flyway_schema_history WHERE success")
    [ "$newest" -gt "${known:-0}" ] ||
        fail "the schema (V$newest) is no newer than the previous release's (V$known): nothing to prove"

    say "2. the previous release $(git -C "$ROOT" log -1 --format=%h "$commit") (migrations up to V$known) starts on schema V$newest (blue)"
    "$BLUEGREEN" start blue 1 --war "$previous"
    base="http://127.0.0.1:$BLUEGREEN_BLUE_PORT"
    [ "$(http_status "$base/health/ready")" = 200 ] || fail "the previous release is not ready"
    [ "$(http_status "$base/api/health")" = 200 ] || fail "the previous release's /api/health is not 200"
    curl -s --max-time 10 "$base/" | grep -q 'Pyroom' || fail "the previous release does not serve its home page"
    [ "$(http_status "$base/")" = 200 ] || fail "the previous release's home page is not 200"
    [ "$(http_status "http://127.0.0.1:$BLUEGREEN_GREEN_PORT/")" = 200 ] || fail "this release stopped serving"
    say "RESULT previous_release=$(git -C "$ROOT" log -1 --format=%h "$commit") previous_schema=V$known schema=V$newest previous_works=yes"
}

main "$@"
