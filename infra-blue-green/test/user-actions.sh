# shellcheck shell=bash
# What a signed-in user does in Pyroom, sent as their browser sends it: Faces pages and their AJAX requests (the
# whole form with the page's view state), and the REST calls of the editor. Each function takes the instance's
# address and the user's cookie jar, signed in with sign_in_user (bench/lib/classroom.sh). Only what Pyroom has
# offered since before the file-history release, so that a previous release can be driven the same way.
# Needs lib.sh (fail, WORK).

FACES_FORM="$ROOT/infra-blue-green/test/faces-form.py"

# GET of a page into a file; fails on anything but 200 or on the sign-in form.
get_page() {
    local base=$1 jar=$2 path=$3 out=$4 status
    status=$(curl -sS -b "$jar" -c "$jar" -o "$out" -w '%{http_code}' --max-time 30 "$base$path") ||
        fail "GET $base$path did not answer"
    [ "$status" = 200 ] || fail "GET $base$path answered $status"
    ! grep -q 'kc-form-login' "$out" || fail "GET $base$path sent the user to sign in again"
}

# An AJAX request of a form of a page (read before into PAGE), as PrimeFaces sends it: faces_ajax BASE JAR PATH
# PAGE FORM SOURCE EXECUTE RENDER [NAME=VALUE ...]. Prints the partial response.
faces_ajax() {
    local base=$1 jar=$2 path=$3 page=$4 form=$5 source=$6 execute=$7 render=$8 body answer
    shift 8
    body=$(python3 "$FACES_FORM" body "$page" "$form" "$@" jakarta.faces.partial.ajax=true \
        "jakarta.faces.source=$source" "jakarta.faces.partial.execute=$execute" \
        "jakarta.faces.partial.render=$render" "$source=$source") || fail "no form $form in the page $path"
    answer=$(curl -sS -b "$jar" -c "$jar" --max-time 30 -H "Origin: $base" -H 'Faces-Request: partial/ajax' \
        -H 'X-Requested-With: XMLHttpRequest' -H 'Content-Type: application/x-www-form-urlencoded; charset=UTF-8' \
        --data-binary "$body" "$base$path") || fail "the AJAX request $source to $base$path did not answer"
    grep -q '<partial-response' <<<"$answer" && ! grep -q '<error>\|<redirect' <<<"$answer" ||
        fail "the AJAX request $source to $base$path failed: ${answer:0:400}"
    printf '%s' "$answer"
}

# Creates a workspace on the workspaces page, as the user does; prints its id (from the REST list).
create_workspace() {
    local base=$1 jar=$2 name=$3 page=$WORK/workspaces.html
    get_page "$base" "$jar" /my/workspaces.xhtml "$page"
    faces_ajax "$base" "$jar" /my/workspaces.xhtml "$page" workspaces workspaces:create \
        "workspaces:create workspaces:newName" workspaces "workspaces:newName=$name" >/dev/null
    curl -sSf -b "$jar" -c "$jar" --max-time 30 "$base/api/workspaces" |
        python3 -c 'import json, sys; print(next(w["id"] for w in json.load(sys.stdin) if w["name"] == sys.argv[1]))' \
            "$name" || fail "the new workspace '$name' is not in $base/api/workspaces"
}

# Opens a file in the editor into PAGE: open_editor BASE JAR WORKSPACE FILE PAGE.
open_editor() {
    local base=$1 jar=$2 workspace=$3 file=$4 page=$5
    get_page "$base" "$jar" "/my/editor.xhtml?workspace=$workspace&file=$file" "$page"
    grep -q 'Pyroom.editor.attach' "$page" || fail "$base's editor page of workspace $workspace has no editor"
}

# The text of the file open in the editor page.
editor_text() { python3 "$FACES_FORM" value "$1" editor editor:code_input; }

# Saves the text as the editor's Save does (its remote command, with the page's form): save_file BASE JAR PAGE TEXT,
# PAGE being an open editor page.
save_file() {
    local base=$1 jar=$2 page=$3 text=$4 command source form execute answer
    command=$(grep -o 'pyroomSave = function() {return PrimeFaces.ab({s:"[^"]*",f:"[^"]*",p:"[^"]*"' "$page") ||
        fail "the editor page has no save command"
    source=$(sed 's/.*s:"\([^"]*\)".*/\1/' <<<"$command")
    form=$(sed 's/.*f:"\([^"]*\)".*/\1/' <<<"$command")
    execute=$(sed 's/.*p:"\([^"]*\)".*/\1/; s/,/ /g' <<<"$command")
    answer=$(faces_ajax "$base" "$jar" /my/editor.xhtml "$page" "$form" "$source" "$execute" "$form:messages" \
        "$form:code_input=$text")
    ! grep -q 'ui-messages-error\|"validationFailed":true\|validationFailed&#34;:true' <<<"$answer" ||
        fail "$base refused the save: ${answer:0:400}"
}

# Runs a file of a workspace as the editor's REST client does; prints the program's output (stdout and stderr).
# Fails unless the program ended by itself with exit code 0.
run_file() {
    local base=$1 jar=$2 workspace=$3 file=$4 answer
    answer=$(curl -sSf -b "$jar" -c "$jar" --max-time 60 -H "Origin: $base" -H 'Content-Type: application/json' \
        -d "{\"entryFile\":\"$file\"}" "$base/api/workspaces/$workspace/runs") ||
        fail "the run of $file in workspace $workspace on $base failed"
    python3 -c '
import json, sys
run = json.loads(sys.argv[1])
if run["ending"] != "EXITED" or run["exitCode"] != 0:
    sys.exit("the run ended " + run["ending"] + " with exit code " + str(run["exitCode"]) + ": " + sys.argv[1])
print("".join(segment["text"] for segment in run["output"]), end="")' "$answer" || fail "unexpected run on $base"
}

# Lints a text as the editor does (asking again after a busy node's Retry-After); prints the diagnostics, one
# "line:column symbol message" a line: lint_text BASE JAR WORKSPACE FILE TEXT.
lint_text() {
    local base=$1 jar=$2 workspace=$3 file=$4 text=$5 request asked status
    request=$(python3 -c 'import json, sys; print(json.dumps({"tier": "fast", "version": 1, "workspaceId": int(sys.argv[1]),
        "path": sys.argv[2], "filename": sys.argv[2], "source": sys.argv[3]}))' "$workspace" "$file" "$text")
    for asked in 1 2 3 4 5 6 7 8 9 10; do
        status=$(curl -sS -b "$jar" -c "$jar" --max-time 30 -o "$WORK/lint.json" -w '%{http_code}' -H "Origin: $base" \
            -H 'Content-Type: application/json' -d "$request" "$base/api/lint") || fail "lint on $base did not answer"
        [ "$status" = 503 ] || break
        sleep 1
    done
    [ "$status" = 200 ] || fail "lint on $base answered $status after $asked requests: $(cat "$WORK/lint.json")"
    python3 -c '
import json, sys
for d in json.load(sys.stdin)["diagnostics"]:
    print("%s:%s %s %s" % (d["line"], d["column"], d["symbol"], d["message"]))' <"$WORK/lint.json" || fail "unexpected lint answer: $(cat "$WORK/lint.json")"
}
