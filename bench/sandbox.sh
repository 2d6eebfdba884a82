#!/bin/sh
# Measures the bubblewrap sandbox against bare python3 on this host, in the same run.
# Needs bubblewrap, python3 and python3-seccomp; cgroups are used when the host offers them (run as root, or with a
# delegated cgroup). The last line sums it up:
#   RESULT run_p50_ratio=<x> run_p95_ratio=<x> start_p50_ms=<x> idle_sandbox_kib=<x> runs_per_s_ratio=<x>
# Tune with -Dbench.runs=, -Dbench.starts=, -Dbench.idle=, -Dbench.sessions=, -Dbench.throughputMillis=.
set -eu
cd "$(dirname "$0")/.."
mvn -q -pl persistence,ejb -am install -DskipTests -Dspotless.check.skip=true
exec java -Djava.util.logging.config.file=/dev/null "$@" -cp ejb/target/classes bench/SandboxBench.java
