#!/usr/bin/env bash
# The previous release still works on this release's schema (expand/contract, docs/operations.md), as a user finds it:
#  1. this release's war migrates a fresh database to its newest schema and keeps running (green, the new colour);
#  2. the previous release's war starts on that database next to it (blue: the old colour during a cutover, or a
#     rollback deployment after it), although the schema holds migrations it does not know: it becomes ready,
#     passes bluegreen's smoke test and serves its home page;
#  3. on the previous release, a demo student signs in through Keycloak's login form, creates a workspace, saves
#     main.py in the editor, runs it and reads its output, and gets lint diagnostics;
#  4. on this release, the same student signs in, finds the file as the previous release saved it and runs it, then
#     saves, runs and lints it there;
#  5. back on the previous release (a rollback), the file is as this release saved it and runs.
# "Previous release" is PYROOM_PREVIOUS_RELEASE (a git commit or tag) if set, else the commit just before the newest
# migration was added (HEAD, if the working tree holds a migration HEAD lacks): the newest code that ran on the schema
# before that migration, which is what may still be live when it is applied. Its war is built from that commit's
# files (git archive) and kept under .pyroom/previous-release/ for later runs. The test fails when it cannot find or
# build the previous release (a shallow clone whose history cannot be fetched: fetch it, or set
# PYROOM_PREVIOUS_RELEASE).
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# shellcheck source=../../bench/lib/classroom.sh
source "$ROOT/bench/lib/classroom.sh"
# shellcheck source=user-actions.sh
source "$ROOT/infra-blue-green/test/user-actions.sh"

DATABASE=pyroom_previous_release
MIGRATIONS=persistence/src/main/resources/db/migration
WAR=${PYROOM_WAR:-$ROOT/webapp/target/pyroom.war}
STUDENT=student
export PYROOM_SANDBOX_ROOT=$WORK/sandboxes

previous_release() {
    local newest
    if [ -n "${PYROOM_PREVIOUS_RELEASE:-}" ]; then
        git -C "$ROOT" rev-parse -q --verify "$PYROOM_PREVIOUS_RELEASE^{commit}" ||
            fail "PYROOM_PREVIOUS_RELEASE=$PYROOM_PREVIOUS_RELEASE is no commit of this clone"
        return
    fi
    git -C "$ROOT" rev-parse --git-dir >/dev/null 2>&1 ||
        fail "$ROOT is not a git clone: the previous release cannot be found; set PYROOM_PREVIOUS_RELEASE in a clone"
    if [ -n "$(git -C "$ROOT" ls-files --others --exclude-standard -- "$MIGRATIONS")" ] ||
        ! git -C "$ROOT" diff --quiet --diff-filter=A HEAD -- "$MIGRATIONS"; then
        git -C "$ROOT" rev-parse HEAD
        return
    fi
    if [ "$(git -C "$ROOT" rev-parse --is-shallow-repository)" = true ]; then
        git -C "$ROOT" fetch -q --unshallow ||
            fail "this clone is shallow and 'git fetch --unshallow' failed, so the previous release cannot be found: fetch the history, or set PYROOM_PREVIOUS_RELEASE to a commit present here"
    fi
    newest=$(git -C "$ROOT" log -1 --format=%H --diff-filter=A -- "$MIGRATIONS")
    [ -n "$newest" ] || fail "no commit adds a migration under $MIGRATIONS: the previous release cannot be found"
    git -C "$ROOT" rev-parse -q --verify "$newest^" ||
        fail "$(git -C "$ROOT" log -1 --format=%h "$newest"), which adds the newest migration, has no parent: there is no previous release"
}

# Builds the war of a commit once; prints its path.
previous_war() {
    local commit=$1 dir
    dir=$PYROOM_HOME/previous-release/$commit
    if [ ! -f "$dir/pyroom.war" ]; then
        say "building the previous release $(git -C "$ROOT" log -1 --format='%h (%s)' "$commit")" >&2
        rm -rf "$WORK/previous" && mkdir -p "$WORK/previous" "$dir"
        git -C "$ROOT" archive "$commit" | tar -x -C "$WORK/previous" ||
            fail "the files of the previous release $commit cannot be read from git"
        (cd "$WORK/previous" && mvn -B -q -ntp -DskipTests -Dspotless.check.skip=true package) >&2 ||
            fail "the previous release $commit does not build"
        cp "$WORK/previous/webapp/target/pyroom.war" "$dir/pyroom.war.partial"
        mv "$dir/pyroom.war.partial" "$dir/pyroom.war"
    fi
    echo "$dir/pyroom.war"
}

migration_versions() { git -C "$ROOT" ls-tree --name-only "$1" "$MIGRATIONS/" | sed -n 's:.*/V\([0-9]*\)__.*:\1:p'; }

http_status() { curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$1"; }

# Runs main.py; its output must be the expected line.
expect_run() {
    local release=$1 base=$2 jar=$3 workspace=$4 expected=$5 output
    output=$(run_file "$base" "$jar" "$workspace" main.py)
    [ "$output" = "$expected" ] || fail "$release: the run printed '$output', not '$expected'"
    say "   run: $output"
}

# The editor page shows the expected text of the open file.
expect_editor_text() {
    local release=$1 page=$2 expected=$3 text
    text=$(editor_text "$page")
    [ "$text" = "$expected" ] || fail "$release: the editor shows '$text', not '$expected'"
}

# The student's lint request for a text with an undefined name must come back with that diagnostic.
expect_lint() {
    local release=$1 base=$2 jar=$3 workspace=$4 diagnostics
    diagnostics=$(lint_text "$base" "$jar" "$workspace" main.py $'import os\nprint(undefined_name)\n')
    grep -q "^2:.*undefined_name" <<<"$diagnostics" || fail "$release: lint missed the undefined name: $diagnostics"
    say "   lint: $(tr '\n' ';' <<<"$diagnostics")"
}

# The previous release is up, healthy and serves its signed-out home page; this release still serves.
expect_previous_serving() {
    local base=$1
    [ "$(http_status "$base/health/ready")" = 200 ] || fail "the previous release is not ready"
    [ "$(http_status "$base/api/health")" = 200 ] || fail "the previous release's /api/health is not 200"
    [ "$(http_status "$base/")" = 200 ] || fail "the previous release's home page is not 200"
    curl -s --max-time 10 "$base/" | grep -q 'Pyroom' || fail "the previous release does not serve its home page"
    [ "$(http_status "http://127.0.0.1:$BLUEGREEN_GREEN_PORT/")" = 200 ] || fail "this release stopped serving"
}

main() {
    trap ops_test_cleanup EXIT
    [ -f "$WAR" ] || fail "no war at $WAR: build it first (mvn -DskipTests package)"
    local commit short previous known newest old new old_jar new_jar workspace page=$WORK/editor.html
    commit=$(previous_release)
    short=$(git -C "$ROOT" log -1 --format=%h "$commit")
    known=$(migration_versions "$commit" | sort -n | tail -n 1)
    previous=$(previous_war "$commit")
    ops_test_stack "$DATABASE"
    old="http://127.0.0.1:$BLUEGREEN_BLUE_PORT" new="http://127.0.0.1:$BLUEGREEN_GREEN_PORT"
    old_jar=$WORK/previous.cookies new_jar=$WORK/this.cookies

    say "1. this release migrates a fresh database (green)"
    "$BLUEGREEN" start green 1 --war "$WAR"
    newest=$(test_psql "$DATABASE" -c "SELECT max(version::int) FROM flyway_schema_history WHERE success")
    [ "$newest" -gt "${known:-0}" ] ||
        fail "the schema (V$newest) is no newer than the previous release's (V$known): nothing to prove"

    say "2. the previous release $short (migrations up to V$known) starts on schema V$newest (blue)"
    "$BLUEGREEN" start blue 1 --war "$previous"
    expect_previous_serving "$old"

    say "3. on the previous release, $STUDENT signs in, creates a workspace, saves, runs and lints main.py"
    sign_in_user "$old" "$old_jar" "$STUDENT" /my/workspaces.xhtml 'My workspaces'
    workspace=$(create_workspace "$old" "$old_jar" "Schema V$newest")
    open_editor "$old" "$old_jar" "$workspace" main.py "$page"
    save_file "$old" "$old_jar" "$page" "print('saved by the previous release')"
    expect_run "the previous release" "$old" "$old_jar" "$workspace" "saved by the previous release"
    expect_lint "the previous release" "$old" "$old_jar" "$workspace"

    say "4. on this release, $STUDENT finds the file the previous release saved, then saves, runs and lints it"
    sign_in_user "$new" "$new_jar" "$STUDENT" /my/workspaces.xhtml 'My workspaces'
    open_editor "$new" "$new_jar" "$workspace" main.py "$page"
    expect_editor_text "this release" "$page" "print('saved by the previous release')"
    expect_run "this release" "$new" "$new_jar" "$workspace" "saved by the previous release"
    save_file "$new" "$new_jar" "$page" "print('saved by this release')"
    expect_run "this release" "$new" "$new_jar" "$workspace" "saved by this release"
    expect_lint "this release" "$new" "$new_jar" "$workspace"

    say "5. back on the previous release (a rollback), the file is as this release saved it"
    open_editor "$old" "$old_jar" "$workspace" main.py "$page"
    expect_editor_text "the previous release" "$page" "print('saved by this release')"
    expect_run "the previous release" "$old" "$old_jar" "$workspace" "saved by this release"
    expect_previous_serving "$old"
    say "RESULT previous_release=$short previous_schema=V$known schema=V$newest checked=ready,health,home,sign_in,create_workspace,save,run,lint,reads_new_save previous_works=yes new_reads_previous_save=yes"
}

main "$@"
