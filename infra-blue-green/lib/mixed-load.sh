# shellcheck shell=bash
# Signed-in students working through HAProxy (Gatling's MixedLoadSimulation in bench/classroom, the classroom
# bench's Maven project: Keycloak sign-in through the login form, page loads, the editor's Faces AJAX saves, lint
# requests, WebSocket runs over wss), counted phase by phase. The caller defines WORK (a scratch folder it removes),
# say and die, and calls mixed_load_stop on exit. Needs Maven (install_load_tools).

MIXED_LOAD_PID=""
MIXED_LOAD_INFRA=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
: "${MIXED_LOAD_SETUP_TIMEOUT:=120}"
# Where the students go: bluegreen's HAProxy on this host unless set. A stack whose Keycloak accepts only its public
# address as the place to return to after sign-in (the compose stack) needs that address here.
: "${MIXED_LOAD_URL:=}"

mixed_load_certificate() {
    echo "${VERIFY_CERTIFICATE:-${BLUEGREEN_STATE:-$MIXED_LOAD_INFRA/.state}/haproxy/tls/pyroom.crt}"
}

# A trust store with HAProxy's certificate alone: bluegreen's self-signed one, or VERIFY_CERTIFICATE (a PEM file
# with the certificate only).
mixed_load_trust_store() {
    local certificate
    certificate=$(mixed_load_certificate)
    [ -r "$certificate" ] || die "cannot read HAProxy's certificate $certificate"
    rm -f "$WORK/trust.p12"
    keytool -importcert -noprompt -alias haproxy -file "$certificate" -keystore "$WORK/trust.p12" \
        -storetype PKCS12 -storepass verify >"$WORK/keytool.log" 2>&1 ||
        die "no trust store from $certificate: $(cat "$WORK/keytool.log")"
}

# mixed_load_start STUDENTS "USER:PASSWORD ..." [COOKIE]: signs the students in through HAProxy (MIXED_LOAD_URL,
# else 127.0.0.1 at BLUEGREEN_LB_BIND's port) and lets them work, counting towards the phase "warmup". COOKIE
# (NAME=VALUE) is sent from the first request on: pyroom-preview=idle sends them to the idle colour.
mixed_load_start() {
    local students=$1 accounts=$2 cookie=${3:-} deadline
    mkdir -p "$WORK/control"
    rm -f "$WORK/control/stop"
    echo warmup >"$WORK/control/phase"
    mixed_load_trust_store
    # Fetched and compiled before the clock for the sign-in starts (a first run downloads Gatling).
    (cd "$MIXED_LOAD_INFRA/../bench/classroom" && mvn -B -ntp -q test-compile) >"$WORK/driver-build.log" 2>&1 ||
        die "could not build the load driver: $(tail -n 20 "$WORK/driver-build.log")"
    # By default 127.0.0.1, not localhost: the students' cookies for Pyroom stay apart from Keycloak's (localhost).
    # Gatling trusts exactly HAProxy's certificate, and writes its records to WORK (no report).
    (cd "$MIXED_LOAD_INFRA/../bench/classroom" && exec mvn -B -ntp gatling:test \
        -Dgatling.simulationClass=dev.pyroom.bench.MixedLoadSimulation \
        -Dmixed.url="${MIXED_LOAD_URL:-https://127.0.0.1:${BLUEGREEN_LB_BIND##*:}}" -Dmixed.control="$WORK/control" \
        -Dmixed.students="$students" -Dmixed.accounts="$accounts" -Dmixed.cookie="$cookie" \
        -Dgatling.ssl.useInsecureTrustManager=false -Dgatling.ssl.trustStore.type=PKCS12 \
        -Dgatling.ssl.trustStore.file="$WORK/trust.p12" -Dgatling.ssl.trustStore.password=verify \
        -Dgatling.http.warmUpUrl= -Dgatling.data.enableAnalytics=false \
        -Dgatling.noReports=true -Dgatling.resultsFolder="$WORK/gatling") >"$WORK/driver.out" 2>"$WORK/driver.log" &
    MIXED_LOAD_PID=$!
    deadline=$((SECONDS + MIXED_LOAD_SETUP_TIMEOUT))
    until grep -q '^READY' "$WORK/driver.out"; do
        kill -0 "$MIXED_LOAD_PID" 2>/dev/null || die "the load driver exited: $(tail -n 20 "$WORK/driver.out" "$WORK/driver.log")"
        [ "$SECONDS" -lt "$deadline" ] || die "students not signed in after ${MIXED_LOAD_SETUP_TIMEOUT}s"
        sleep 1
    done
    say "$(grep '^READY' "$WORK/driver.out")"
    # READY students=N signed_in=M: a student who could not sign in would prove nothing.
    grep -q "^READY students=$students signed_in=$students\b" "$WORK/driver.out" ||
        die "not every student signed in: $(mixed_load_failures)"
}

# From now on the students' requests count towards the phase NAME.
mixed_load_phase() {
    echo "$1" >"$WORK/control/phase"
}

# Ends the students' work and waits for their counts (a no-op when they are not running).
mixed_load_stop() {
    [ -n "$MIXED_LOAD_PID" ] || return 0
    echo done >"$WORK/control/phase"
    touch "$WORK/control/stop"
    wait "$MIXED_LOAD_PID" || true
    MIXED_LOAD_PID=""
}

# mixed_load_field PHASE FIELD: a count of a finished phase (requests, failed, lost_saves, ...), 0 when absent.
mixed_load_field() {
    local value
    value=$(sed -n "s/^PHASE $1 .*\b$2=\([0-9]*\).*/\1/p" "$WORK/driver.out")
    echo "${value:-0}"
}

# The driver's account of what failed, for a report: the students' own lines, then Gatling's summary of errors.
mixed_load_failures() {
    # sed, not head: it reads to the end, so no writer dies of SIGPIPE under pipefail.
    grep -hE '\] (GET|lint|run|save|lost|could)|could not' "$WORK/driver.out" "$WORK/driver.log" |
        sed -n '1,30s/^/   /p'
    awk '/^---- Errors/ { block = ""; show = 1 } show && /^$/ { show = 0; last = block } show { block = block $0 "\n" }
        END { printf "%s", last }' "$WORK/driver.out" | sed -n '1,20s/^/   /p'
}
