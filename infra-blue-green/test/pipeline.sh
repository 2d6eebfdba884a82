#!/usr/bin/env bash
# The release pipeline (infra-blue-green/bin/pipeline) on a bluegreen stack of its own, with a local registry:
#  1. a failing test stage stops the pipeline before an image is built;
#  2. a good release is built into an image, pushed, deployed from the registry to the idle colour, tried there by
#     signed-in students, and goes live;
#  3. a deliberately broken release (its lint workers cannot start, which the smoke test does not see) is refused
#     at the verify stage: users stay on the good release, and the broken one is stopped.
# Needs the war (webapp/target/pyroom.war) and Docker (bin/pyroom's private engine is started if none answers).
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# shellcheck source=../../bin/lib/docker.sh
source "$ROOT/bin/lib/docker.sh"
# shellcheck source=../lib/instances.sh
source "$ROOT/infra-blue-green/lib/instances.sh"

export PYROOM_SANDBOX_ROOT=$WORK/sandboxes
DATABASE=pyroom_pipeline
WAR=${PYROOM_WAR:-$ROOT/webapp/target/pyroom.war}
PIPELINE=$ROOT/infra-blue-green/bin/pipeline
export PIPELINE_INSTANCES=1 PIPELINE_VERIFY_SECONDS=20 PIPELINE_VERIFY_STUDENTS=2 PIPELINE_WAR=$WAR

cleanup() {
    "$PIPELINE" registry stop >/dev/null 2>&1 || true
    ops_test_cleanup
}

# The war with a lint worker that exits at once: pages, saves and runs work, lint never answers.
broken_war() {
    python3 - "$WAR" "$WORK/broken.war" <<'PYTHON'
import io, sys, zipfile

def rewrite(data, replace):
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            target.writestr(item, replace(item.filename, source.read(item)))
    return out.getvalue()

def break_lint(name, data):
    return b'raise SystemExit("a deliberately broken release")\n' if name == "lint/worker.py" else data

def break_ejb(name, data):
    return rewrite(data, break_lint) if name.startswith("WEB-INF/lib/pyroom-ejb-") else data

with open(sys.argv[1], "rb") as war, open(sys.argv[2], "wb") as broken:
    broken.write(rewrite(war.read(), break_ejb))
PYTHON
}

live_colour() { "$BLUEGREEN" live; }

# The HTTP status users get for a path through HAProxy.
users_get() {
    curl -s -o /dev/null -w '%{http_code}' --max-time 10 --cacert "$BLUEGREEN_STATE/haproxy/tls/pyroom.crt" \
        "https://127.0.0.1:${BLUEGREEN_LB_BIND##*:}$1" || true
}

main() {
    trap cleanup EXIT
    [ -f "$WAR" ] || fail "no war at $WAR: build it first (mvn -DskipTests package)"
    ops_test_stack "$DATABASE"
    docker_start
    docker_base_image
    export PYROOM_BASE_IMAGE=$PYROOM_SANDBOX_BASE_IMAGE
    "$BLUEGREEN" lb start
    "$BLUEGREEN" start blue 1 --war "$WAR"

    say "1. a failing test stage stops the pipeline before any image is built"
    if PIPELINE_TEST_COMMAND=false PIPELINE_RELEASE=untested "$PIPELINE" test image >"$WORK/untested.log" 2>&1; then
        fail "the pipeline went on after its test stage failed"
    fi
    grep -q 'stage test failed' "$WORK/untested.log" || fail "the pipeline did not say its test stage failed"
    ! docker image inspect "127.0.0.1:18500/pyroom-server:untested" >/dev/null 2>&1 ||
        fail "an image was built for a release whose tests failed"

    say "2. a good release goes live through the pipeline"
    PIPELINE_RELEASE=good "$PIPELINE" image push deploy verify cutover 2>&1 | tee "$WORK/good.log" ||
        fail "the pipeline refused a good release"
    grep -q 'RESULT pipeline=passed' "$WORK/good.log" || fail "the pipeline did not pass the good release"
    [ "$(live_colour)" = green ] || fail "green is not live after the good release's cutover"
    curl -fs "http://127.0.0.1:18500/v2/pyroom-server/tags/list" | grep -q '"good"' ||
        fail "the registry does not hold the good release"
    [ "$(users_get /)" = 200 ] || fail "users do not reach the good release"

    say "3. a broken release is refused before users reach it"
    broken_war
    if PIPELINE_RELEASE=broken PIPELINE_WAR=$WORK/broken.war "$PIPELINE" image push deploy verify cutover \
        >"$WORK/broken.log" 2>&1; then
        cat "$WORK/broken.log"
        fail "the pipeline let the broken release go live"
    fi
    sed 's/^/   | /' "$WORK/broken.log" | tail -n 25
    grep -q 'stage verify failed' "$WORK/broken.log" || fail "the broken release was not refused by its verify stage"
    [ "$(live_colour)" = green ] || fail "the live colour changed although the release was refused"
    [ "$(colour_release green)" = "$(war_release "$WAR")" ] || fail "green no longer runs the good release"
    [ "$(running_count blue)" -eq 0 ] || fail "the broken release still runs on blue"
    [ "$(users_get /)" = 200 ] || fail "users lost the good release"
    say "RESULT pipeline_test_stage=refused pipeline_good=live pipeline_broken=refused_at_verify"
}

main "$@"
