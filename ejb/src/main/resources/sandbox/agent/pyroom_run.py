"""One run: a child forked from the agent that becomes the student's program, with its own limits."""

import atexit
import builtins
import io
import os
import resource
import select
import signal
import sys
import time
import types

from pyroom_figures import FigureChannel, PlotsBackendFinder
from pyroom_frames import READ_SIZE, send
from pyroom_limits import adjust_oom_score, limit, limit_open_files, oom_kills, set_dumpable

MAX_PENDING_INPUT = 1 << 20
REAP_INTERVAL_MS = 500
OWN_PROCESSES = 1
RUN_OOM_SCORE_ADJ = "1000"
FIGURE_BACKEND = "module://pyroom_plots"


class Run:
    """A run as the agent drives it.

    sweep kills and reaps every process that belongs to no terminal; terminal_processes is how many the terminals
    have, which the run's process limit must leave room for.
    """

    def __init__(self, workspace, fields, sweep, terminal_processes, program):
        wall_ms, cpu_seconds, address_space, processes, output_cap, file_size = (int(f) for f in fields[:6])
        self.workspace = workspace
        self.deadline = time.monotonic() + wall_ms / 1000
        self.cpu_seconds = cpu_seconds
        self.address_space = address_space
        # 0: the sandbox's pids cgroup bounds processes instead, where its user is shared with other sandboxes.
        self.processes = processes + OWN_PROCESSES + terminal_processes if processes else 0
        self.output_cap = output_cap
        self.file_size = file_size
        self.entry = os.fsdecode(fields[6]) if len(fields) > 6 else None
        self.arguments = [os.fsdecode(argument) for argument in fields[7:]]
        self.program = program
        self.sweep = sweep
        self.sent = 0
        self.truncated = False
        self.forced = None
        self.pending_input = bytearray()
        self.close_input_when_flushed = False

    def start(self, reaper):
        stdin_r, self.stdin_w = os.pipe()
        stdout_r, stdout_w = os.pipe()
        stderr_r, stderr_w = os.pipe()
        self.status_r, status_w = os.pipe()
        figures_r, self.figures_w = os.pipe()
        self.started = time.monotonic()
        self.oom_kills_before = oom_kills()
        self.pid = os.fork()
        if self.pid == 0:
            os.dup2(stdin_r, 0)
            os.dup2(stdout_w, 1)
            os.dup2(stderr_w, 2)
            close_all_but(status_w, self.figures_w)
            self.program(self, status_w)
        reaper.watch(self.pid)
        for fd in (stdin_r, stdout_w, stderr_w, status_w, self.figures_w):
            os.close(fd)
        os.set_blocking(self.stdin_w, False)
        self.pidfd = os.pidfd_open(self.pid)
        self.streams = {stdout_r: b"O", stderr_r: b"E"}
        for fd in self.streams:
            os.set_blocking(fd, False)
        self.figures = FigureChannel(figures_r, self.emit_figure)

    def register(self, poller):
        # The pidfd only wakes the agent; the reaper collects the exit status.
        poller.register(self.pidfd, select.POLLIN)
        for fd in self.streams:
            poller.register(fd, select.POLLIN)
        if self.figures.fd is not None:
            poller.register(self.figures.fd, select.POLLIN)
        if self.pending_input and self.stdin_w is not None:
            poller.register(self.stdin_w, select.POLLOUT)

    def poll_timeout(self):
        if self.forced is not None:
            return REAP_INTERVAL_MS
        return max(0, min(REAP_INTERVAL_MS, int((self.deadline - time.monotonic()) * 1000) + 1))

    def handle(self, fd):
        if fd == self.stdin_w:
            self.flush_input()
        elif fd in self.streams:
            self.forward(fd)
        elif fd == self.figures.fd:
            # The program wrote what it printed before the figure first: that goes out first.
            self.drain_streams()
            self.figures.read()

    def drain_streams(self):
        # One read a stream holds a whole pipe: the program writes no more until the agent has taken its figure.
        for fd in list(self.streams):
            self.forward(fd)

    def tick(self):
        if self.forced is None and time.monotonic() >= self.deadline:
            self.force("timeout")

    def force(self, reason):
        if self.forced is None:
            self.forced = reason
        self.sweep()

    def forward(self, fd):
        try:
            data = os.read(fd, READ_SIZE)
        except BlockingIOError:
            return False
        if data:
            self.emit(self.streams[fd], data)
            return True
        os.close(fd)
        del self.streams[fd]
        return False

    def emit(self, kind, data):
        room = self.output_cap - self.sent
        if len(data) > room:
            data = data[:room]
            self.truncated = True
        if data:
            send(kind, data)
            self.sent += len(data)
        if self.truncated:
            self.force("output")

    def emit_figure(self, png):
        # A figure counts against the output limit as a whole: it is shown whole or not at all.
        if len(png) > self.output_cap - self.sent:
            self.truncated = True
            self.force("output")
            return
        send(b"i", png)
        self.sent += len(png)

    def add_input(self, data):
        if self.stdin_w is not None:
            self.pending_input += data[: MAX_PENDING_INPUT - len(self.pending_input)]
            self.flush_input()

    def close_input(self):
        self.close_input_when_flushed = True
        self.flush_input()

    def flush_input(self):
        if self.stdin_w is None:
            return
        try:
            while self.pending_input:
                del self.pending_input[: os.write(self.stdin_w, self.pending_input)]
        except BlockingIOError:
            return
        except BrokenPipeError:
            self.pending_input.clear()
            self.close_input_when_flushed = True
        if self.close_input_when_flushed:
            os.close(self.stdin_w)
            self.stdin_w = None

    def finish(self, status, usage):
        duration = time.monotonic() - self.started
        self.sweep()
        # Every writer of the run's pipes is gone now, unless a terminal took one over: read what is left, never wait.
        for fd in list(self.streams):
            os.set_blocking(fd, False)
            while fd in self.streams and self.forward(fd):
                pass
            if fd in self.streams:
                os.close(fd)
                del self.streams[fd]
        self.figures.drain()
        ending, code = self.ending(status, usage)
        for fd in (self.pidfd, self.status_r, self.stdin_w):
            if fd is not None:
                os.close(fd)
        report = f"{ending} {code} {int(duration * 1_000_000)} {int(self.truncated)}"
        send(b"X", report.encode())

    def ending(self, status, usage):
        os.set_blocking(self.status_r, False)
        try:
            memory_error = os.read(self.status_r, 1) == b"M"
        except BlockingIOError:
            memory_error = False
        if self.forced is not None:
            return self.forced, 0
        if memory_error:
            return "memory", 1
        if os.WIFSIGNALED(status):
            number = os.WTERMSIG(status)
            if number == signal.SIGKILL and self.oom_kills_before is not None and oom_kills() > self.oom_kills_before:
                return "memory", number
            if number == signal.SIGXCPU or usage.ru_utime + usage.ru_stime >= self.cpu_seconds:
                return "cpu", number
            if number == signal.SIGXFSZ:
                return "fsize", number
            return "signaled", number
        return "exited", os.WEXITSTATUS(status)


def become_program(run, status_fd):
    signal.signal(signal.SIGINT, signal.default_int_handler)
    for number in (signal.SIGXCPU, signal.SIGXFSZ, signal.SIGTERM, signal.SIGHUP):
        signal.signal(number, signal.SIG_DFL)
    set_dumpable(1)
    adjust_oom_score(RUN_OOM_SCORE_ADJ)
    use_figure_backend()
    limit(resource.RLIMIT_CPU, run.cpu_seconds, run.cpu_seconds + 1)
    limit(resource.RLIMIT_FSIZE, run.file_size, run.file_size)
    if run.processes:
        limit(resource.RLIMIT_NPROC, run.processes, run.processes)
    limit(resource.RLIMIT_CORE, 0, 0)
    limit_open_files()
    if run.address_space:
        limit(resource.RLIMIT_AS, run.address_space, run.address_space)
    home = forget_agent()
    # Last, so that a module of the program's own or of the standard library named so is found first.
    sys.meta_path.append(PlotsBackendFinder(home, run.figures_w))
    os.chdir(run.workspace)
    path = os.path.join(run.workspace, run.entry)
    sys.argv = [run.entry, *run.arguments]
    sys.path.insert(0, os.path.dirname(path))
    sys.dont_write_bytecode = True
    sys.stdin = sys.__stdin__ = text_stream(io.BufferedReader(io.FileIO(0, "r", closefd=False)), "strict")
    sys.stdout = sys.__stdout__ = text_stream(io.BufferedWriter(io.FileIO(1, "w", closefd=False)), "strict")
    sys.stderr = sys.__stderr__ = text_stream(io.BufferedWriter(io.FileIO(2, "w", closefd=False)), "backslashreplace")
    os._exit(run_program(path, status_fd))


def become_grader(run, status_fd):
    """Becomes the grader (pyroom_grader), which, unlike the student's code it tests, keeps the agent's protections:
    it stays non-dumpable and keeps the agent's OOM score. The student's processes get the run's limits instead."""
    set_dumpable(0)
    os.close(status_fd)
    os.close(run.figures_w)
    if run.processes:
        limit(resource.RLIMIT_NPROC, run.processes, run.processes)
    limit(resource.RLIMIT_CORE, 0, 0)
    limit_open_files()
    try:
        import pyroom_grader
        status = pyroom_grader.main(run.workspace, run.cpu_seconds, run.address_space, run.file_size)
    except BaseException:
        status = 1
        # The interpreter's own report, not the traceback module's: the zygote imports this module, and traceback would
        # add milliseconds to every check. Whatever happens, this process must not return into the agent's loop.
        try:
            sys.excepthook(*sys.exc_info())
        except BaseException:
            pass
    os._exit(status)


def use_figure_backend():
    """Makes plt.show() send figures (pyroom_plots) in the program, where matplotlib reads os.environ. Processes the
    program starts get the process's own environment, which keeps the sandbox's Agg: they have neither the backend's
    finder nor the figure pipe."""
    os.environ["MPLBACKEND"] = FIGURE_BACKEND
    os.putenv("MPLBACKEND", "Agg")


def forget_agent():
    """Leaves the student's imports to the student's files: the agent's own modules would shadow same-named ones.

    Returns the agent's folder."""
    home = os.path.dirname(os.path.abspath(__file__))
    sys.path[:] = [entry for entry in sys.path if entry != home]
    for name in [name for name in sys.modules if name.startswith("pyroom_")]:
        del sys.modules[name]
    return home


def close_all_but(*kept):
    """Closes every descriptor from 3 up but those kept."""
    start = 3
    for fd in sorted(kept):
        os.closerange(start, fd)
        start = fd + 1
    os.closerange(start, resource.getrlimit(resource.RLIMIT_NOFILE)[0])


def run_program(path, status_fd):
    try:
        with open(path, "rb") as file:
            source = file.read()
    except OSError as error:
        sys.stderr.write(f"python3: can't open file {path!r}: [Errno {error.errno}] {error.strerror}\n")
        return shut_down(2)
    main = types.ModuleType("__main__")
    main.__file__ = path
    main.__cached__ = None
    main.__builtins__ = builtins
    sys.modules["__main__"] = main
    try:
        exec(compile(source, path, "exec"), vars(main))
    except SystemExit as request:
        return shut_down(exit_status(request))
    except BaseException as error:
        if isinstance(error, MemoryError):
            os.write(status_fd, b"M")
        # Drops this function's frame, so the traceback shows the student's code only.
        error = error.with_traceback(error.__traceback__.tb_next)
        sys.excepthook(type(error), error, error.__traceback__)
        return shut_down(1)
    return shut_down(0)


def exit_status(request):
    if request.code is None:
        return 0
    if isinstance(request.code, int):
        return request.code & 0xFF
    print(request.code, file=sys.stderr)
    return 1


def shut_down(status):
    # What the program can observe of a normal interpreter exit, without the milliseconds of tearing down modules.
    threading = sys.modules.get("threading")
    if threading is not None:
        threading._shutdown()
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            status = status or 120
    return status


def text_stream(buffered, errors):
    return io.TextIOWrapper(buffered, encoding="utf-8", errors=errors, line_buffering=True)
