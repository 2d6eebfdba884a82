#!/usr/bin/env bash
# Checks Pyroom's Prometheus files with promtool (Debian package "prometheus"): the alert rules and the example
# configuration are valid, and each alert fires, or stays quiet, on the series of alerts-test.yml.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
command -v promtool >/dev/null || {
    echo "promtool is not installed (apt-get install prometheus)" >&2
    exit 1
}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp alerts.yml "$work/"
cp prometheus.yml.example "$work/prometheus.yml"
promtool check rules alerts.yml
promtool check config "$work/prometheus.yml"
promtool test rules alerts-test.yml
