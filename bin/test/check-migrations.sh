#!/usr/bin/env bash
# Tests bin/check-migrations on scratch repositories: main has V1, V2 and V4 (V3 was never used), and branches or
# clones of it add, edit or number migrations as a developer might.
set -euo pipefail

CHECK=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/check-migrations
SCRATCH=$(mktemp -d "${TMPDIR:-/tmp}/pyroom-check-migrations.XXXXXX")
trap 'rm -rf "$SCRATCH"' EXIT
MIGRATIONS=persistence/src/main/resources/db/migration
export GIT_AUTHOR_NAME=Pyroom GIT_AUTHOR_EMAIL=pyroom@example.org GIT_COMMITTER_NAME=Pyroom
export GIT_COMMITTER_EMAIL=pyroom@example.org GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1
unset PYROOM_MIGRATIONS_BASE
checked=0

fail() {
    printf 'FAILED: %s\n' "$*" >&2
    exit 1
}

add_migration() {
    local repo=$1 name=$2
    mkdir -p "$repo/$MIGRATIONS"
    echo "CREATE TABLE t_${name%%__*} (id bigint);" >"$repo/$MIGRATIONS/$name"
}

commit_all() { git -C "$1" add -A && git -C "$1" commit -q -m "$2"; }

# A repository whose main has V1, V2 and V4.
make_origin() {
    local repo=$SCRATCH/origin
    git init -q -b main "$repo"
    add_migration "$repo" V1__users.sql
    add_migration "$repo" V2__workspaces.sql
    commit_all "$repo" "first migrations"
    add_migration "$repo" V4__runs.sql
    commit_all "$repo" "runs"
}

# A fresh clone of origin on a new branch; prints its path.
branch() {
    local repo=$SCRATCH/$1
    git clone -q "$SCRATCH/origin" "$repo"
    git -C "$repo" switch -q -c "$1"
    echo "$repo"
}

expect_pass() {
    local description=$1 repo=$2 output
    output=$("$CHECK" "$repo" 2>&1) || fail "$description: refused: $output"
    checked=$((checked + 1))
    echo "ok - $description: $output"
}

expect_refusal() {
    local description=$1 repo=$2 expected=$3 output
    if output=$("$CHECK" "$repo" 2>&1); then
        fail "$description: passed: $output"
    fi
    grep -qF -- "$expected" <<<"$output" || fail "$description: refused without saying '$expected': $output"
    checked=$((checked + 1))
    echo "ok - $description: $(head -n 1 <<<"$output")"
}

main() {
    local repo
    make_origin
    expect_pass "main itself, nothing new" "$SCRATCH/origin"

    repo=$(branch next)
    add_migration "$repo" V5__grades.sql
    commit_all "$repo" grades
    expect_pass "a branch adds V5 after main's V4" "$repo"

    repo=$(branch gap)
    add_migration "$repo" V3__late.sql
    commit_all "$repo" late
    expect_refusal "a branch fills main's gap with V3" "$repo" "V3__late.sql is new, but its version 3 is not above V4"
    PYROOM_MIGRATIONS_BASE=main~1 expect_pass "the same, compared with a main before V4 (PYROOM_MIGRATIONS_BASE)" "$repo"

    repo=$(branch same)
    add_migration "$repo" V4__other.sql
    expect_refusal "an uncommitted V4 beside main's V4" "$repo" "two migrations have version 4"

    repo=$(branch minor)
    add_migration "$repo" V2_1__between.sql
    expect_refusal "an uncommitted V2_1 below main's V4" "$repo" "version 2.1 is not above V4"

    repo=$(branch twice)
    add_migration "$repo" V5__a.sql
    add_migration "$repo" V005__b.sql
    commit_all "$repo" "two fives"
    expect_refusal "two new migrations numbered 5 and 005" "$repo" "two migrations have version 5"

    repo=$(branch edited)
    echo "ALTER TABLE t_V2 ADD COLUMN x int;" >>"$repo/$MIGRATIONS/V2__workspaces.sql"
    commit_all "$repo" "edit V2"
    expect_refusal "a branch edits main's V2" "$repo" "V2__workspaces.sql differs from its version on origin/main"

    main_moves_on
    shallow_clones
    repo=$SCRATCH/archive
    mkdir -p "$repo" && git -C "$SCRATCH/origin" archive main | tar -x -C "$repo"
    expect_refusal "a copy without git" "$repo" "not a git checkout"
    echo "RESULT check_migrations=passed cases=$checked"
}

# main moves on after a branch started: the branch's V5 collides with main's new V5 and is refused until renumbered.
main_moves_on() {
    local repo
    repo=$(branch behind)
    add_migration "$repo" V5__mine.sql
    commit_all "$repo" mine
    add_migration "$SCRATCH/origin" V5__theirs.sql
    commit_all "$SCRATCH/origin" theirs
    git -C "$repo" fetch -q origin
    expect_refusal "a branch's V5 after main gained V5" "$repo" "V5__mine.sql is new, but its version 5 is not above V5"
    git -C "$repo" mv "$MIGRATIONS/V5__mine.sql" "$MIGRATIONS/V6__mine.sql"
    commit_all "$repo" renumbered
    expect_pass "the same branch, renumbered V6" "$repo"
}

# CI's checkouts: one commit of main; one commit of a branch, without main, which the check fetches.
shallow_clones() {
    local repo
    git clone -q --depth 1 "file://$SCRATCH/origin" "$SCRATCH/shallow-main"
    expect_pass "a shallow clone of main" "$SCRATCH/shallow-main"

    repo=$(branch pushed)
    add_migration "$repo" V3__late.sql
    commit_all "$repo" late
    git -C "$repo" push -q origin pushed
    git clone -q --depth 1 --single-branch --branch pushed "file://$SCRATCH/origin" "$SCRATCH/shallow-branch"
    git -C "$SCRATCH/shallow-branch" rev-parse -q --verify refs/remotes/origin/main >/dev/null &&
        fail "the single-branch clone has main"
    expect_refusal "a shallow clone of a branch with V3, without main" "$SCRATCH/shallow-branch" "is not above V5"

    rm -rf "$SCRATCH/shallow-branch"
    git -C "$SCRATCH/origin" branch -q -D pushed
    git clone -q --depth 1 --single-branch --branch main "file://$SCRATCH/origin" "$SCRATCH/no-remote-main"
    git -C "$SCRATCH/no-remote-main" update-ref -d refs/remotes/origin/main
    git -C "$SCRATCH/no-remote-main" switch -q -c topic && git -C "$SCRATCH/no-remote-main" branch -q -D main
    git -C "$SCRATCH/no-remote-main" remote set-url origin "file://$SCRATCH/nowhere"
    expect_refusal "a clone that has no main and cannot fetch it" "$SCRATCH/no-remote-main" "no main branch here"
}

main "$@"
