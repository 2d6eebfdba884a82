"""Reads Gatling's report of the classroom simulation and prints the figures per phase and operation, then the
RESULT line: `report.py <gatling report dir> <rss samples (KiB)> <students> classroom|console <server samples>`.
The server samples are the node's /metrics text before the load and after it, and its open sandboxes every few seconds
(lines `BEFORE`, `AFTER`, `SANDBOXES n` around them); they may be empty when /metrics could not be read."""

import re
import sys
from html.parser import HTMLParser

PHASES = ["quiet", "sign-in", "arrival", "steady"]
COLUMNS = ["total", "ok", "ko", "ko_percent", "per_second", "min", "p50", "p75", "p95", "p99", "max", "mean", "std"]


class StatisticsTable(HTMLParser):
    """The rows of the report's statistics table: id, parent, name and the numbers."""

    def __init__(self):
        super().__init__()
        self.rows = {}
        self.row = None
        self.cell = None
        self.in_name = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "tr" and attrs.get("id", "").startswith(("req_", "group_")):
            self.row = {"id": attrs["id"], "parent": attrs.get("data-parent"), "values": []}
        elif self.row is not None and tag == "span" and attrs.get("class") == "ellipsed-name":
            self.in_name = True
        elif self.row is not None and tag == "td" and "value" in attrs.get("class", ""):
            self.cell = ""

    def handle_data(self, data):
        if self.in_name:
            self.row["name"] = data.strip()
        elif self.cell is not None:
            self.cell += data

    def handle_endtag(self, tag):
        if tag == "span":
            self.in_name = False
        elif tag == "td" and self.cell is not None:
            self.row["values"].append(self.cell.strip())
            self.cell = None
        elif tag == "tr" and self.row is not None:
            self.row.update(zip(COLUMNS, (number(v) for v in self.row.pop("values"))))
            self.rows[self.row["id"]] = self.row
            self.row = None


def number(text):
    try:
        return float(text)
    except ValueError:
        return float("nan")


def server_figures(samples_file):
    """The class view's mean database time per cockpit refresh (ms) and the most sandboxes open at once, or None."""
    sums = {}
    sandboxes = []
    part = None
    with open(samples_file, encoding="utf-8") as samples:
        for line in samples:
            if line.strip() in ("BEFORE", "AFTER"):
                part = line.strip()
            elif line.startswith("SANDBOXES "):
                sandboxes.append(int(line.split()[1]))
            elif part:
                found = re.match(r'pyroom_class_view_query_seconds_(sum|count)\{.*read="(\w+)".*\} (\S+)', line)
                if found:
                    key = (part, found.group(1), found.group(2))
                    sums[key] = float(found.group(3))
    def delta(kind, read):
        return sums.get(("AFTER", kind, read), 0.0) - sums.get(("BEFORE", kind, read), 0.0)
    refreshes = delta("count", "students")
    database_ms = (delta("sum", "students") + delta("sum", "errors")) * 1000 / refreshes if refreshes else None
    return database_ms, (max(sandboxes) if sandboxes else None)


def shown(value):
    return "none" if value is None else f"{value:.1f}"


def main():
    report, rss_file, students, mode = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
    database_ms, real_sandboxes = server_figures(sys.argv[5])
    table = StatisticsTable()
    with open(report + "/index.html", encoding="utf-8") as page:
        table.feed(page.read())
    rows = table.rows
    if not rows:
        sys.exit("no statistics in Gatling's report " + report)
    by_name = {row["name"]: row for row in rows.values() if row["parent"] == "ROOT"}

    print(f"\n{'operation':<36} {'count':>7} {'errors':>7} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}")
    for name, row in sorted(by_name.items(), key=lambda item: (PHASES.index(item[0].split(" ")[0]) if item[0].split(" ")[0] in PHASES else 3, item[0])):
        print(f"{name:<36} {row['total']:>7.0f} {row['ko']:>7.0f} {row['p50']:>8.0f} {row['p95']:>8.0f} {row['p99']:>8.0f}")

    # Each top-level operation (a group counts once: a sign-in, a run, a lint answered after retries) failed or not.
    errors = {"arrival": 0, "steady": 0}
    for name, row in by_name.items():
        errors["steady" if name.startswith("steady") else "arrival"] += row["ko"]
    retries = 0
    with open(report + "/console.log", encoding="utf-8") as console:
        for line in console:
            if line.startswith("LINT_RETRIES "):
                retries = int(line.split()[1])
    with open(rss_file, encoding="utf-8") as samples:
        rss_mib = max(int(line) for line in samples if line.strip()) / 1024

    def p(name, column="p95"):
        row = by_name.get(name)
        return f"{row[column]:.0f}" if row else "none"

    cockpit_bytes = {}
    with open(report + "/console.log", encoding="utf-8") as console:
        for line in console:
            if line.startswith("COCKPIT_BYTES "):
                _, phase, count, total = line.split()
                cockpit_bytes[phase] = int(total) / int(count)
    print(f"cockpit refresh, bytes per answer: "
          + ", ".join(f"{phase} {size:.0f}" for phase, size in sorted(cockpit_bytes.items()))
          + f"; database time per refresh (students and errors, all phases): {shown(database_ms)} ms; "
          f"most sandboxes open at once: {real_sandboxes if real_sandboxes is not None else 'not read'}")

    steady_lint = [by_name[n]["p95"] for n in ("steady lint fast", "steady lint deep") if n in by_name]
    print(f"\nerrors: arrival {errors['arrival']:.0f}, steady {errors['steady']:.0f}; lint requests asked again after "
          f"a 503 (Retry-After): {retries}; Pyroom JVM peak RSS {rss_mib:.0f} MiB")
    if mode == "console":
        print(f"RESULT students={students} cockpit_refresh_p50_ms={p('steady cockpit', 'p50')} "
              f"cockpit_refresh_p95_ms={p('steady cockpit')} real_sandboxes={real_sandboxes} "
              f"quiet_cockpit_p50_ms={p('quiet cockpit', 'p50')} arrival_cockpit_p95_ms={p('arrival cockpit')} "
              f"cockpit_bytes={cockpit_bytes.get('steady', 0):.0f} cockpit_database_ms={shown(database_ms)} "
              f"errors={errors['arrival'] + errors['steady']:.0f}")
    else:
        print(f"RESULT students={students} arrival_errors={errors['arrival']:.0f} "
              f"steady_errors={errors['steady']:.0f} first_run_p95_ms={p('arrival first run')} "
              f"steady_lint_p95_ms={max(steady_lint) if steady_lint else 'none'} "
              f"steady_run_p95_ms={p('steady run')} steady_page_p95_ms={p('steady page')} rss_mib={rss_mib:.0f} "
              f"sign_in_p95_ms={p('sign-in')} steady_lint_fast_p95_ms={p('steady lint fast')} "
              f"steady_lint_deep_p95_ms={p('steady lint deep')} steady_cockpit_p95_ms={p('steady cockpit')} "
              f"lint_retries={retries}")


main()
