#!/usr/bin/env bash
# The sandbox reaper with two live nodes on one database (docs/architecture.md, "Sandboxes on several nodes"):
#  1. students run programs on both nodes; one workspace moves from node 1 to node 2, and node 1 ends its copy; a
#     console request to stop a program, written as any node writes it, is carried out by the node running it;
#  2. once idle, every sandbox is ended exactly once, by the node that holds it, and the files stay;
#  3. a node killed with kill -9 leaves no sandbox process behind, and a live node drops its claims and deletes its
#     folders; the node its supervisor starts in its place (a new node id) serves runs again, to the still
#     signed-in student.
# Checked as an operator would: the sandbox table, the processes on the host, the nodes' logs and the files in the
# database. Prints what the reaper did.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# shellcheck source=../lib/instances.sh
source "$ROOT/infra-blue-green/lib/instances.sh"

DATABASE=pyroom_two_nodes
WAR=${PYROOM_WAR:-$ROOT/webapp/target/pyroom.war}
WAIT_SECONDS=180
export PYROOM_SANDBOX_ROOT=$WORK/sandboxes
export PYROOM_SANDBOX_IDLE_TIMEOUT=PT20S PYROOM_SANDBOX_DEAD_NODE_AFTER=PT40S PYROOM_SANDBOX_REAP_INTERVAL=PT5S
# What this test counts is the reaper's work: no spare sandboxes, which a node keeps open by design.
export PYROOM_SANDBOX_SPARES=0

node_url() { echo "http://127.0.0.1:$(instance_port blue "$1")"; }
node_log() { echo "$BLUEGREEN_STATE/blue/instance-$1.log"; }
node_id() { without_colours <"$(node_log "$1")" | sed -n 's/.*Node \(node-[0-9a-f-]*\) (blue) is up.*/\1/p' | tail -n 1; }
sql() { test_psql "$DATABASE" -c "$1"; }

# Polls a shell condition each second until it holds; fails with the description after WAIT_SECONDS.
wait_for() {
    local description=$1 condition=$2 deadline=$((SECONDS + WAIT_SECONDS))
    until eval "$condition"; do
        [ "$SECONDS" -lt "$deadline" ] || fail "not within ${WAIT_SECONDS}s: $description"
        sleep 1
    done
}

# Signs a user in on a node through Keycloak's login form, keeping the cookies in a jar of that user and node.
sign_in() {
    local user=$1 node=$2 jar page action
    jar="$WORK/$user-$node.cookies"
    page=$(curl -sfL -c "$jar" -b "$jar" "$(node_url "$node")/my/workspaces.xhtml")
    action=$(sed -n 's/.*id="kc-form-login"[^>]*action="\([^"]*\)".*/\1/p' <<<"$page" | sed 's/&amp;/\&/g')
    [ -n "$action" ] || fail "no Keycloak login form for $user on node $node"
    page=$(curl -sfL -c "$jar" -b "$jar" --data-urlencode "username=$user" --data-urlencode "password=$user" \
        --data-urlencode credentialId= "$action")
    grep -q 'My workspaces' <<<"$page" || fail "$user could not sign in on node $node"
}

# Creates a workspace of a user with one main.py; prints its id.
seed_workspace() {
    local user=$1 name=$2 program=$3 id
    id=$(sql "INSERT INTO workspace (owner_id, name, created_at, updated_at)
              SELECT id, '$name', now(), now() FROM app_user WHERE username = '$user' RETURNING id")
    sql "INSERT INTO workspace_file (workspace_id, path, kind, content, size_bytes, created_at, updated_at)
         VALUES ($id, 'main.py', 'FILE', \$\$$program\$\$, octet_length(\$\$$program\$\$), now(), now())" >/dev/null
    echo "$id"
}

# Runs main.py of a workspace on a node as a user, through the REST API; the output must contain the expectation.
run_on() {
    local user=$1 node=$2 workspace=$3 expected=$4 answer
    answer=$(curl -sf -b "$WORK/$user-$node.cookies" -H 'content-type: application/json' \
        -d '{"entryFile":"main.py"}' "$(node_url "$node")/api/workspaces/$workspace/runs") ||
        fail "the run of workspace $workspace on node $node failed"
    grep -q "\"ending\":\"EXITED\"" <<<"$answer" && grep -qF "$expected" <<<"$answer" ||
        fail "workspace $workspace on node $node: unexpected run result: $answer"
}

claim_of() { sql "SELECT node_id FROM sandbox WHERE workspace_id = $1"; }
claims() { sql "SELECT count(*) FROM sandbox"; }
# Sandbox processes on this host under a node's folder (bubblewrap, the agent and what runs in it).
sandbox_processes() { pgrep -f -- "$PYROOM_SANDBOX_ROOT/$1" | wc -l; }
ended_count() { grep -c "Ended the sandbox of workspace $2: $3" "$(node_log "$1")" || true; }

# The reaper's log lines of a node, as "time message".
reaper_account() {
    without_colours <"$2" | grep -E "Node node-.* is up|Ended the sandbox|Dropped .* claims|Deleted the sandbox folders" |
        sed -E "s/^\[[0-9-]+T([0-9:]+)\.[0-9]+\+0000\].*\[levelValue: [0-9]+\] /  $1 \1 /"
}

expect_ended_once() {
    local node=$1 workspace=$2 reason=$3 other=$((3 - $1))
    [ "$(ended_count "$node" "$workspace" "$reason")" = 1 ] ||
        fail "node $node ended workspace $workspace's sandbox ($reason) $(ended_count "$node" "$workspace" "$reason") times"
    [ "$(ended_count "$other" "$workspace" "$reason")" = 0 ] ||
        fail "node $other ended workspace $workspace's sandbox ($reason), which node $node held"
}

main() {
    trap ops_test_cleanup EXIT
    [ -f "$WAR" ] || fail "no war at $WAR: build it first (mvn -DskipTests package)"
    ops_test_stack "$DATABASE"

    say "starting two nodes of one release on one database"
    "$BLUEGREEN" start blue 2 --war "$WAR"
    local one two a b c d stopped
    one=$(node_id 1) two=$(node_id 2)
    [ -n "$one" ] && [ -n "$two" ] || fail "the nodes did not log their ids"
    sign_in student 1 && sign_in student 2 && sign_in student2 2
    a=$(seed_workspace student "reaper A" "print('A here')")
    b=$(seed_workspace student2 "reaper B" "print('B here')")
    c=$(seed_workspace student "reaper C" "open('made-on-node-2.txt', 'w').write('kept'); print('C here')")
    d=$(seed_workspace student2 "reaper D" "import time; print('D waits', flush=True); time.sleep(9)")

    say "1. A runs on node 1 ($one), B on node 2 ($two); C runs on node 1, then on node 2"
    run_on student 1 "$a" "A here"
    run_on student2 2 "$b" "B here"
    run_on student 1 "$c" "C here"
    [ "$(claim_of "$c")" = "$one" ] || fail "C's sandbox is not claimed by node 1"
    run_on student 2 "$c" "C here"
    [ "$(claim_of "$a")" = "$one" ] && [ "$(claim_of "$b")" = "$two" ] && [ "$(claim_of "$c")" = "$two" ] ||
        fail "claims after the runs: $(sql "SELECT workspace_id, node_id FROM sandbox")"
    wait_for "node 1 ends its copy of C" "[ \"\$(ended_count 1 $c 'taken over by node $two')\" = 1 ]"
    expect_ended_once 1 "$c" "taken over by node $two"

    say "   D's program runs on node 2; the console's stop request (the row any node writes) reaches it there"
    curl -sf -b "$WORK/student2-2.cookies" -H 'content-type: application/json' -d '{"entryFile":"main.py"}' \
        "$(node_url 2)/api/workspaces/$d/runs" >"$WORK/d-run.json" &
    stopped=$!
    wait_for "D's program running on node 2" "[ \"\$(sql \"SELECT state FROM sandbox WHERE workspace_id = $d\")\" = RUNNING ]"
    sql "INSERT INTO sandbox_command (workspace_id, node_id, action)
         SELECT workspace_id, node_id, 'STOP_RUN' FROM sandbox WHERE workspace_id = $d" >/dev/null
    wait "$stopped" || fail "the run of D on node 2 failed"
    grep -q '"ending":"STOPPED"' "$WORK/d-run.json" || fail "D's program was not stopped: $(cat "$WORK/d-run.json")"

    say "2. nobody works for $PYROOM_SANDBOX_IDLE_TIMEOUT: each node ends its own sandboxes"
    wait_for "every sandbox ended" '[ "$(claims)" = 0 ]'
    expect_ended_once 1 "$a" "idle for more than"
    expect_ended_once 2 "$b" "idle for more than"
    expect_ended_once 2 "$c" "idle for more than"
    expect_ended_once 2 "$d" "idle for more than"
    wait_for "no sandbox process left" '[ "$(sandbox_processes "$one")" = 0 ] && [ "$(sandbox_processes "$two")" = 0 ]'
    [ "$(sql "SELECT content FROM workspace_file WHERE workspace_id = $c AND path = 'made-on-node-2.txt'")" = kept ] ||
        fail "the file C's program wrote on node 2 is not in the database"

    say "3. kill -9 of node 2 while it holds A's sandbox"
    run_on student 2 "$a" "A here"
    [ "$(claim_of "$a")" = "$two" ] || fail "A's sandbox is not claimed by node 2"
    [ "$(sandbox_processes "$two")" -gt 0 ] || fail "no sandbox process of node 2 to leave behind"
    kill -9 "$(cat "$(instance_pid_file blue 2)")"
    wait_for "the killed node's sandbox processes end with it" '[ "$(sandbox_processes "$two")" = 0 ]'
    wait_for "node 1 drops the dead node's claim" '[ -z "$(claim_of "$a")" ]'
    wait_for "the dead node's folder is deleted" "[ ! -e '$PYROOM_SANDBOX_ROOT/$two' ]"
    # Node 1, or node 2 once its supervisor has started it again: the dead node is the old id either way.
    grep -q "Dropped 1 sandbox claims of nodes that stopped" "$(node_log 1)" "$(node_log 2)" ||
        fail "no live node logged dropping the dead node's claim"

    say "4. node 2 is back (its supervisor restarted it) with a new id and serves runs"
    # Waits until it is ready (it is already, or its supervisor is starting it).
    "$BLUEGREEN" start blue 2
    two=$(node_id 2)
    # The student's browser still holds Pyroom's remembered sign-in: no new login.
    run_on student 2 "$a" "A here"
    [ "$(claim_of "$a")" = "$two" ] || fail "A's sandbox is not claimed by the restarted node 2"

    say "what the reaper did:"
    reaper_account "node 1" "$(node_log 1)"
    reaper_account "node 2, killed" "$(node_log 2).previous"
    reaper_account "node 2, restarted" "$(node_log 2)"
    say "RESULT two_node_reaper=passed taken_over=1 stopped_across_nodes=1 idle_ended=4 dead_node_claims_dropped=1"
}

main "$@"
