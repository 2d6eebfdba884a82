"""The processes of a sandbox as its PID 1 sees them.

Terminals are the only processes that outlive a run. Each terminal's shell is a child subreaper, so everything a
terminal starts stays in the shell's tree even when it daemonizes; every other process belongs to the run, or is
left over from one, wherever it was re-parented.
"""

import os
import signal
import time

AGENT = 1
KILL_PATIENCE_SECONDS = 5
KILL_RETRY_SECONDS = 0.001


class Reaper:
    """Reaps every child of the agent, keeping how the processes it watches ended."""

    def __init__(self):
        self.watched = set()
        self.ended = {}

    def watch(self, pid):
        self.watched.add(pid)

    def watching(self, pid):
        """Whether the process has not been reaped yet, so that its pid still names it."""
        return pid in self.watched

    def take(self, pid):
        """(status, rusage) once the watched process has ended, else None."""
        return self.ended.pop(pid, None)

    def reap(self, block=False):
        while True:
            try:
                pid, status, usage = os.wait4(-1, 0 if block else os.WNOHANG)
            except ChildProcessError:
                return
            if pid == 0:
                return
            if pid in self.watched:
                self.watched.discard(pid)
                self.ended[pid] = (status, usage)


def table():
    """Every process but the agent: pid -> parent pid."""
    parents = {}
    for name in os.listdir("/proc"):
        if not name.isdigit() or int(name) == AGENT:
            continue
        try:
            with open(f"/proc/{name}/stat", "rb") as stat:
                fields = stat.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        parents[int(name)] = int(fields[1])
    return parents


def usage():
    """b"CPU_MS RESIDENT_BYTES": the CPU time every process of the sandbox has used, the agent and the ended processes
    included (a parent's children times hold those it reaped), and the resident memory of the processes alive now."""
    ticks = os.sysconf("SC_CLK_TCK")
    cpu_ticks = resident_pages = 0
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat", "rb") as stat:
                fields = stat.read().rsplit(b")", 1)[1].split()
            with open(f"/proc/{name}/statm", "rb") as statm:
                pages = int(statm.read().split()[1])
        except (OSError, IndexError, ValueError):
            continue
        # utime, stime, cutime, cstime
        cpu_ticks += sum(int(value) for value in fields[11:15])
        resident_pages += pages
    return b"%d %d" % (cpu_ticks * 1000 // ticks, resident_pages * os.sysconf("SC_PAGE_SIZE"))


def descendants(parents, roots):
    """The roots that are alive and every process below them."""
    children = {}
    for pid, parent in parents.items():
        children.setdefault(parent, []).append(pid)
    found = set()
    pending = [root for root in roots if root in parents]
    while pending:
        pid = pending.pop()
        if pid not in found:
            found.add(pid)
            pending.extend(children.get(pid, ()))
    return found


def count(roots):
    return len(descendants(table(), roots)) if roots else 0


def kill_all_but(roots, reaper):
    """Kills and reaps every process outside the trees of roots, daemons included."""
    if not roots:
        # Nothing to spare: as PID 1 the agent is the only process kill(-1) leaves alive.
        kill(-1)
        reaper.reap(block=True)
        return
    deadline = time.monotonic() + KILL_PATIENCE_SECONDS
    while time.monotonic() < deadline:
        # A terminal process re-parented to its shell between reading its own entry and its old parent's looks like
        # an orphan in one scan; the next scan shows where it went.
        before = table()
        parents = table()
        doomed = parents.keys() - descendants(before, roots) - descendants(parents, roots)
        if not doomed:
            return
        for pid in doomed:
            kill(pid)
        reaper.reap()
        time.sleep(KILL_RETRY_SECONDS)


def kill_trees(roots):
    """Kills the trees of roots. Anything that slips out while they die lands outside every terminal, where the next
    sweep finds it."""
    for pid in descendants(table(), roots):
        kill(pid)


def kill(pid):
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
