#!/bin/sh
# Measures the Docker sandbox backend against bare python3 on this host, in the same run, like bench/sandbox.sh does
# for bubblewrap. Needs a Docker engine (DOCKER_HOST, default unix:///var/run/docker.sock) and a base image holding
# python3 and python3-seccomp (PYROOM_SANDBOX_BASE_IMAGE; `bin/pyroom test` builds pyroom-base:bookworm in its own
# engine under .pyroom/docker). The idle memory counts every process started while idle sandboxes open (run it on a
# quiet host): the containers' and the engine's shim for each. The last line sums it up:
#   RESULT run_p50_ratio=<x> run_p95_ratio=<x> start_p50_ms=<x> idle_sandbox_kib=<x> runs_per_s_ratio=<x>
set -eu
cd "$(dirname "$0")/.."
mvn -q -pl persistence,ejb -am install -DskipTests -Dspotless.check.skip=true
mvn -q -pl ejb dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
exec java -Djava.util.logging.config.file=/dev/null -Dbench.backend=docker "$@" \
    -cp "ejb/target/classes:$(cat ejb/target/bench.classpath)" bench/SandboxBench.java
