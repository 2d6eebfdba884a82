"""Pyroom sandbox agent.

Runs as PID 1 inside a sandbox, started once per sandbox. For every run it forks a clean child that becomes the
student's program (or, for autograding, the grader of unit tests: pyroom_grader), so a run costs a fork instead of an
interpreter start. It also keeps the workspace (a sized tmpfs that only it fills and reports on) and the sandbox's
terminals. The host drives it with framed messages on stdin and
reads framed events on stdout (see pyroom_frames).

Being PID 1 makes the agent immune to signals from the programs it runs and lets it end every process of a run,
daemons included.

Usage: agent.py SEED WORKSPACE [SECCOMP], where SEED is a read-only folder holding the files to start with and SECCOMP
a compiled seccomp filter the agent applies to itself first, where nothing applied one before it started.
"""

import os
import select
import signal
import sys

# -I leaves the agent's own folder off the path; runs take it off again before the student's code starts.
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from pyroom_crowding import relieve  # noqa: E402
from pyroom_frames import READ_SIZE, TERMINAL_ID, FrameReader, send  # noqa: E402
from pyroom_limits import load_seccomp, set_dumpable  # noqa: E402
from pyroom_site import prepare  # noqa: E402
from pyroom_processes import Reaper, count, kill, kill_all_but, kill_trees, usage  # noqa: E402
from pyroom_run import Run, become_grader, become_program  # noqa: E402
from pyroom_terminal import Terminal  # noqa: E402
from pyroom_workspace import Limits, Workspace  # noqa: E402


class Agent:
    def __init__(self, workspace):
        self.workspace = workspace
        self.reaper = Reaper()
        self.frames = FrameReader()
        self.run = None
        self.terminals = {}
        self.requests = {
            b"R": lambda payload: self.start_run(payload, become_program),
            b"G": lambda payload: self.start_run(payload, become_grader),
            b"I": lambda payload: self.run and self.run.add_input(payload),
            b"C": lambda payload: self.run and self.run.close_input(),
            b"K": lambda payload: self.run and self.run.force("stopped"),
            b"S": self.collect_changes,
            b"P": lambda payload: self.change_file(self.workspace.put, *payload.split(b"\0", 1)),
            b"D": lambda payload: self.change_file(self.workspace.delete, payload),
            b"M": lambda payload: self.change_file(self.workspace.make_folder, payload),
            b"T": self.open_terminal,
            b"U": lambda payload: self.steer_terminal(payload, lambda terminal, rest: terminal.add_input(rest)),
            b"W": lambda payload: self.steer_terminal(
                payload, lambda terminal, rest: terminal.resize(*(int(field) for field in rest.split()))),
            b"Q": lambda payload: self.steer_terminal(payload, self.close_terminal),
            b"N": lambda payload: send(b"a", str(count(self.shells())).encode()),
            b"L": lambda payload: send(b"a", usage()),
        }

    def serve(self):
        send(b"H")
        while True:
            poller = select.poll()
            poller.register(0, select.POLLIN)
            if self.run is not None:
                self.run.register(poller)
            for terminal in self.terminals.values():
                terminal.register(poller)
            for fd, events in poller.poll(self.run.poll_timeout() if self.run is not None else None):
                self.handle(fd, events)
            self.reaper.reap()
            self.tick()

    def handle(self, fd, events):
        if fd == 0:
            self.receive()
            return
        if self.run is not None:
            self.run.handle(fd)
        for terminal in list(self.terminals.values()):
            if terminal.owns(fd):
                terminal.handle(fd, events)

    def tick(self):
        run = self.run
        if run is not None:
            ended = self.reaper.take(run.pid)
            if ended is not None:
                self.run = None
                run.finish(*ended)
            else:
                run.tick()
        for ident, terminal in list(self.terminals.items()):
            if self.reaper.take(terminal.pid) is not None:
                del self.terminals[ident]
                terminal.end()
                if self.run is None:
                    self.sweep()

    def receive(self):
        data = os.read(0, READ_SIZE)
        if not data:
            kill(-1)
            sys.exit(0)
        for kind, payload in self.frames.feed(data):
            request = self.requests.get(kind)
            if request is not None:
                request(payload)

    def shells(self):
        return [terminal.pid for terminal in self.terminals.values() if self.reaper.watching(terminal.pid)]

    def sweep(self):
        """Kills every process that belongs to no terminal: a run's, or what a closed terminal left behind."""
        kill_all_but(self.shells(), self.reaper)

    def start_run(self, payload, program):
        if self.run is None:
            notice = relieve(self.workspace)
            run = Run(self.workspace.root, payload.split(b"\0"), self.sweep, count(self.shells()), program)
            run.start(self.reaper)
            if notice:
                run.emit(b"E", notice)
            self.run = run

    def collect_changes(self, payload):
        try:
            whole = self.workspace.collect(Limits.parse(payload), report_change)
        except OSError as error:
            fail(error)
            return
        send(b"z", b"1" if whole else b"0")

    def change_file(self, operation, *arguments):
        try:
            operation(*arguments)
        except (OSError, ValueError, TypeError) as error:
            fail(error)
            return
        send(b"a")

    def open_terminal(self, payload):
        ident = TERMINAL_ID.unpack_from(payload)[0]
        terminal = Terminal(ident, payload[TERMINAL_ID.size:].split())
        try:
            terminal.start(self.workspace.root, self.reaper)
        except OSError as error:
            fail(error)
            return
        self.terminals[ident] = terminal
        send(b"a")

    def steer_terminal(self, payload, action):
        terminal = self.terminals.get(TERMINAL_ID.unpack_from(payload)[0])
        if terminal is not None:
            action(terminal, payload[TERMINAL_ID.size:])

    def close_terminal(self, terminal, _):
        if self.reaper.watching(terminal.pid):
            kill_trees([terminal.pid])


def report_change(kind, path, content):
    send(b"c", kind + path + b"\0" + content)


def fail(error):
    message = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
    send(b"f", message.encode("utf-8", "backslashreplace"))


def main():
    if os.getpid() != 1:
        # The agent ends runs with kill(-1): anywhere but in a PID namespace of its own that would reach every process
        # its user may signal.
        sys.exit("the sandbox agent must run as PID 1 of its own PID namespace")
    if len(sys.argv) > 3:
        load_seccomp(sys.argv[3])
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    set_dumpable(0)
    prepare()
    seed, root = sys.argv[1:3]
    workspace = Workspace(root)
    workspace.seed(seed)
    Agent(workspace).serve()


if __name__ == "__main__":
    main()
