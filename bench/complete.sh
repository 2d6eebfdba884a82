#!/usr/bin/env bash
# Completion speed, server side: completion, signature help and hover through the Java API (the lint engine's
# sandboxed fast workers, one student typing at the end of the 100-line lint sample, a second file in their
# workspace), against Jedi alone, warm in one interpreter, and a cold interpreter per completion, on the same
# interpreter and file, in one run. Ends with one RESULT line.
#
#   bench/complete.sh [runs] [cold runs]    (defaults: 200 10)
#
# Installs what it needs (a JDK 17, Maven, bubblewrap, python3-seccomp, Debian's jedi, pylint and pyflakes) like
# bin/pyroom.
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
runs="${1:-200}"
cold_runs="${2:-10}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

classpath="$(lint_engine_classpath "$work")"
echo "load before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "$classpath" "$root/bench/complete/CompleteBench.java" \
    "$root/bench/lint/sample.py" "$root/bench/complete/bare.py" "$runs" "$cold_runs"
