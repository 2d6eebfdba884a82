# Installs what Pyroom needs on a Debian or Ubuntu machine, and fetches the Keycloak and Payara Micro
# distributions from Maven Central once.

install_prerequisites() {
    local purpose=$1 missing=()
    command -v java >/dev/null || missing+=(openjdk-17-jdk-headless)
    command -v mvn >/dev/null || missing+=(maven)
    command -v curl >/dev/null || missing+=(curl)
    command -v unzip >/dev/null || missing+=(unzip)
    command -v psql >/dev/null || missing+=(postgresql-client)
    compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || missing+=(postgresql)
    # The sandbox: bubblewrap, and the system's Python (the one sandboxes run) with its seccomp bindings.
    command -v bwrap >/dev/null || missing+=(bubblewrap)
    [ -x /usr/bin/python3 ] || missing+=(python3)
    /usr/bin/python3 -c 'import seccomp' 2>/dev/null || missing+=(python3-seccomp)
    # What programs in the sandboxes may import besides the standard library (docs/operations.md, "Packages").
    # shellcheck disable=SC2207  # one word per missing package
    missing+=($(/usr/bin/python3 -c 'import importlib.util as u
print(*("python3-" + m for m in ("numpy", "matplotlib", "pandas", "scipy") if u.find_spec(m) is None))' \
        2>/dev/null || echo python3-numpy python3-matplotlib python3-pandas python3-scipy))
    # Lint and completion: pylint, pyflakes and jedi for the system's Python.
    /usr/bin/python3 -c 'import pylint' 2>/dev/null || missing+=(pylint)
    /usr/bin/python3 -c 'import pyflakes' 2>/dev/null || missing+=(python3-pyflakes)
    /usr/bin/python3 -c 'import jedi' 2>/dev/null || missing+=(python3-jedi)
    if [ "$purpose" = test ]; then
        command -v chromium >/dev/null || missing+=(chromium)
        # The Docker sandbox backend's tests run on a private engine, with a base image made by debootstrap.
        command -v dockerd >/dev/null || missing+=(docker.io)
        command -v debootstrap >/dev/null || missing+=(debootstrap)
        if [ "$PYROOM_TEST_OPERATIONS" = 1 ]; then
            # promtool checks the alert rules; HAProxy and socat run the load balancer of the backup test.
            command -v promtool >/dev/null || missing+=(prometheus)
            command -v haproxy >/dev/null || missing+=(haproxy)
            command -v socat >/dev/null || missing+=(socat)
        fi
        if [ "$PYROOM_TEST_COMPOSE" = 1 ]; then
            command -v docker-compose >/dev/null || missing+=(docker-compose)
        fi
    fi
    if [ ${#missing[@]} -gt 0 ]; then
        say "installing ${missing[*]}"
        as_root apt-get update -qq
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    fi
}

# Copies a Maven Central artifact into the downloads folder unless it is already there.
fetch_artifact() {
    local coordinates=$1 file=$2
    [ -s "$DOWNLOADS/$file" ] && return 0
    say "downloading $coordinates"
    mvn -B -q -ntp dependency:copy -Dartifact="$coordinates" -DoutputDirectory="$DOWNLOADS" -Dmdep.overWriteIfNewer=false
}

fetch_distributions() {
    KEYCLOAK_VERSION=$(pom_version keycloak.version)
    PAYARA_VERSION=$(pom_version payara-micro.version)
    fetch_artifact "org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip" "keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip"
    fetch_artifact "fish.payara.extras:payara-micro:$PAYARA_VERSION" "payara-micro-$PAYARA_VERSION.jar"
    KEYCLOAK_HOME="$PYROOM_HOME/keycloak-$KEYCLOAK_VERSION"
    PAYARA_JAR="$DOWNLOADS/payara-micro-$PAYARA_VERSION.jar"
    if [ ! -x "$KEYCLOAK_HOME/bin/kc.sh" ]; then
        unzip -q -o "$DOWNLOADS/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip" -d "$PYROOM_HOME"
    fi
}
