#!/usr/bin/env bash
# Lint speed, server side: the fast tier and the warm pylint tier through the Java API (sandboxed workers, one
# student typing), a student's first check (their checker is forked for them), and a cold pylint command with the
# deep tier's own configuration on the same 100-line student file, all in one run. Ends with one RESULT line.
#
#   bench/lint.sh [fast runs] [deep runs] [cold runs]    (defaults: 200 100 10)
#
# Installs what it needs (a JDK 17, Maven, bubblewrap, python3-seccomp, Debian's pylint and pyflakes) like bin/pyroom.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
ROOT="$root"
# shellcheck source=../bin/lib/common.sh
source "$root/bin/lib/common.sh"
# shellcheck source=../bin/lib/setup.sh
source "$root/bin/lib/setup.sh"
# shellcheck source=lib/lint-engine.sh
source "$root/bench/lib/lint-engine.sh"
install_prerequisites run
fast_runs="${1:-200}"
deep_runs="${2:-100}"
cold_runs="${3:-10}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

classpath="$(lint_engine_classpath "$work")"
echo "load before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "$classpath" "$root/bench/lint/LintBench.java" \
    "$root/bench/lint/sample.py" "$root/ejb/src/main/resources/lint/worker.py" "$fast_runs" "$deep_runs" "$cold_runs"
