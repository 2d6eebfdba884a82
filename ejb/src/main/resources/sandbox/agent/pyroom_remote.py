"""The grader's view of the student's code: a process that it can only ask, and proxies that ask it.

The grader never runs the student's code. `import solution` in a test gives a RemoteModule; attributes, calls and
operations on it and on what it returns are requests to the student's process (pyroom_student). Data comes back as
values, anything else as a Proxy, and the student's exceptions as the builtin exception of the same name, or as a class
the grader makes for the student's own. Every wait on the student's processes ends at the current test's deadline.
"""

import builtins
import importlib.machinery
import math
import os
import resource
import select
import signal
import socket
import sys
import time
import types

from pyroom_limits import oom_kills
from pyroom_processes import descendants, kill, table
from pyroom_wire import MAX_ANSWER_BYTES, FrameTooLarge, encode, is_data, take

STUDENT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "pyroom_student.py")
READ_SIZE = 65536
MAX_OUTPUT = 8192
TRUNCATED = "\n[output truncated]\n"
MAX_NAME = 200
KILL_PATIENCE_SECONDS = 5
# How long a new student's process may take to appear: the zygote's start (a fresh interpreter) and a fork, slow only on
# a busy machine. None of the student's code runs before a test's first request, so this is not the test's time.
SPAWN_PATIENCE_SECONDS = 10
UNARY = "repr str len bool hash iter next neg pos abs invert".split()
BINARY = "eq ne lt le gt ge contains getitem setitem delitem".split()
ARITHMETIC = "add sub mul truediv floordiv mod pow matmul and_ or_ xor lshift rshift".split()


class GradingStop(BaseException):
    """Ends a test whatever the test's code catches: the student's process timed out, ended or misbehaved."""

    def __init__(self, outcome, message):
        super().__init__(message)
        self.outcome = outcome
        self.message = message


class Zygote:
    """The grader's end of the zygote (see pyroom_student): asks it for processes and hears how they ended."""

    def __init__(self, workspace, limits):
        self.arguments = [sys.executable, "-I", "-S", STUDENT, workspace, *(str(value) for value in limits)]
        self.control = None
        self.pid = None
        self.spawned = None
        self.exits = {}
        self.answered = False

    def start(self):
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        pid = os.fork()
        if pid == 0:
            try:
                null = os.open(os.devnull, os.O_RDWR)
                for fd in (0, 1, 2):
                    os.dup2(null, fd)
                os.dup2(theirs.fileno(), 3)
                os.set_inheritable(3, True)
                os.closerange(4, resource.getrlimit(resource.RLIMIT_NOFILE)[0])
                os.execv(sys.executable, self.arguments)
            finally:
                os._exit(127)
        theirs.close()
        ours.setblocking(False)
        self.control, self.pid = ours, pid

    def spawn(self, fds):
        """Asks for a student's process with the given socket and output pipe; spawned is its pid once known."""
        self.spawned = None
        self.exits.clear()
        for _ in range(2):
            if self.control is None:
                self.start()
            try:
                socket.send_fds(self.control, [b"s"], fds)
                return
            except OSError:
                # The student's code of an earlier test ended this zygote: another one starts.
                self.discard()

    def receive(self):
        """Takes a message of the zygote, if one is there; False if none was."""
        try:
            message = self.control.recv(64)
        except BlockingIOError:
            return False
        except OSError:
            message = b""
        if not message:
            self.discard()
            return False
        kind, *numbers = message.split()
        if kind == b"!":
            self.answered = True
        elif kind == b"p":
            self.spawned = int(numbers[0])
        elif kind == b"x":
            self.exits[int(numbers[0])] = int(numbers[1])
        return True

    def answers(self):
        """Whether the zygote answers a question now: one that a signal is ending never does."""
        self.answered = False
        try:
            self.control.send(b"?")
        except (AttributeError, OSError):
            self.discard()
            return False
        deadline = time.monotonic() + KILL_PATIENCE_SECONDS
        while not self.answered and self.control is not None:
            left = deadline - time.monotonic()
            if left <= 0:
                self.discard()
                return False
            select.select([self.control], [], [], left)
            self.receive()
        return self.answered

    def catch_up(self):
        """Takes every message the zygote has sent."""
        while self.control is not None and self.receive():
            pass

    def discard(self):
        """Stops using this zygote; the next spawn starts another, and the sweep after the test ends this one."""
        if self.control is not None:
            self.control.close()
        self.control = None


class Child:
    """The student's process, reached through a socket, its output through a pipe. The tests of a check share it, as
    the tests of a pytest session share their modules, until one of them stops it (a timeout, an ending, an answer the
    grader cannot take): the next test then gets a fresh one."""

    def __init__(self, zygote):
        self.zygote = zygote
        self.deadline = None
        self.limit_seconds = None
        self.time_limit = None
        self.pid = None
        self.stopped = None
        self.classes = {}
        self.pending = bytearray()
        self.received = bytearray()
        self.output = bytearray()
        self.oom_kills_before = None
        self.channel, theirs = socket.socketpair()
        self.channel.setblocking(False)
        self.output_fd, output_w = os.pipe()
        os.set_blocking(self.output_fd, False)
        self.eof = False
        zygote.spawn([theirs.fileno(), output_w])
        theirs.close()
        os.close(output_w)

    def begin(self, limit_seconds, time_limit):
        """Starts a test: its own time limit, and its own share of what the process prints."""
        self.limit_seconds = limit_seconds
        self.time_limit = time_limit
        self.output = bytearray()
        # Whatever the process sent unasked since the last answer is no answer to this test's requests.
        self.received.clear()
        self.oom_kills_before = oom_kills()

    def start(self):
        """Starts the test's clock, once the process is there: the zygote's start and the fork are not the test's."""
        if self.pid is None:
            self.deadline = time.monotonic() + SPAWN_PATIENCE_SECONDS
            self.guard(self.await_spawn)
        self.deadline = time.monotonic() + self.limit_seconds

    def ask(self, *request):
        return self.decode(self.guard(lambda: self.exchange(request)))

    def guard(self, action):
        if self.stopped is not None:
            raise self.stopped
        try:
            return action()
        except GradingStop as stop:
            self.stopped = stop
            raise

    def await_spawn(self):
        while self.zygote.spawned is None:
            if self.zygote.control is None:
                raise GradingStop("error", "the grader could not start the program")
            try:
                self.wait()
            except GradingStop:
                # The wait's deadline here is the spawn's, not the test's: no timeout of the student's code.
                raise GradingStop("error", "the grader could not start the program") from None
        self.pid = self.zygote.spawned

    def exchange(self, request):
        self.pending += encode(request)
        while True:
            try:
                answer = take(self.received, MAX_ANSWER_BYTES)
            except FrameTooLarge as error:
                raise GradingStop("error", f"the program's answer is too large ({error.size} bytes; at most "
                                           f"{MAX_ANSWER_BYTES} are allowed)")
            except ValueError:
                raise GradingStop("error", "the program sent an answer the grader cannot read")
            if answer is not None:
                return answer
            if self.eof:
                raise self.ended()
            self.wait()

    def wait(self):
        """Waits for the student's process or the zygote to do something, until the deadline."""
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise GradingStop("timeout", f"the test took longer than {self.time_limit} (an endless loop?)")
        poller = select.poll()
        if not self.eof:
            poller.register(self.channel, select.POLLIN | (select.POLLOUT if self.pending else 0))
        if self.output_fd is not None:
            poller.register(self.output_fd, select.POLLIN)
        if self.zygote.control is not None:
            poller.register(self.zygote.control, select.POLLIN)
        for fd, events in poller.poll(math.ceil(left * 1000)):
            if fd == self.channel.fileno():
                self.talk(events)
            elif fd == self.output_fd:
                self.read_output()
            elif self.zygote.control is not None and fd == self.zygote.control.fileno():
                self.zygote.receive()

    def talk(self, events):
        try:
            if events & select.POLLOUT and self.pending:
                del self.pending[: self.channel.send(self.pending)]
            if events & ~select.POLLOUT:
                data = self.channel.recv(READ_SIZE)
                self.received += data
                self.eof = not data
        except BlockingIOError:
            pass
        except OSError:
            self.eof = True

    def ended(self):
        """The stop for a program that is gone, saying how it ended once the zygote tells."""
        while self.pid not in self.zygote.exits and self.zygote.control is not None:
            self.wait()
        return GradingStop("error", self.describe_ending(self.zygote.exits.pop(self.pid, None)))

    def describe_ending(self, status):
        if status is None:
            return "the program ended during the test"
        if os.WIFEXITED(status):
            return f"the program ended during the test (exit status {os.WEXITSTATUS(status)})"
        number = os.WTERMSIG(status)
        if self.oom_kills_before is not None and (oom_kills() or 0) > self.oom_kills_before:
            return "the program ran out of memory during the test"
        if number == signal.SIGXCPU:
            return "the program used up its CPU time during the test"
        try:
            name = signal.Signals(number).name
        except ValueError:
            name = str(number)
        perhaps = ", perhaps because it used too much memory" if number == signal.SIGKILL else ""
        return f"the program was killed during the test (signal {name}){perhaps}"

    def read_output(self):
        """Keeps the start of what the student's code printed; False once the pipe is empty or closed."""
        try:
            data = os.read(self.output_fd, READ_SIZE)
        except BlockingIOError:
            return False
        if not data:
            os.close(self.output_fd)
            self.output_fd = None
            return False
        self.output += data[: MAX_OUTPUT + 1 - len(self.output)]
        return True

    def end_test(self):
        """Ends a test: what the process printed during it, and whether the next test may use the process too. If so,
        every other process below the grader but the zygote ends; if not, all of them."""
        self.zygote.catch_up()
        if not (self.stopped is None and self.pid is not None and not self.eof and self.zygote.control is not None
                and self.pid not in self.zygote.exits):
            return self.finish(), False
        end_processes([self.zygote.pid, self.pid])
        if not self.zygote.answers():
            # The student's code ended the zygote: its process, now a child of the grader, is not kept.
            return self.finish(), False
        while self.output_fd is not None and self.read_output():
            pass
        return self.printed(), True

    def finish(self):
        """Ends every process of the test and gives what they printed."""
        if self.pid is None:
            self.zygote.discard()
        end_processes([self.zygote.pid] if self.zygote.control is not None else [])
        while self.output_fd is not None and self.read_output():
            pass
        if self.output_fd is not None:
            os.close(self.output_fd)
        self.channel.close()
        return self.printed()

    def printed(self):
        if len(self.output) <= MAX_OUTPUT:
            return self.output.decode("utf-8", "replace")
        return self.output[: MAX_OUTPUT - len(TRUNCATED)].decode("utf-8", "ignore") + TRUNCATED

    def decode(self, answer):
        try:
            kind, *content = answer
        except (TypeError, ValueError):
            kind, content = None, None
        if kind == "data" and len(content) == 1:
            return content[0]
        if kind == "handle" and len(content) == 1:
            return Proxy(self, content[0])
        if kind == "exception_class" and len(content) == 2:
            return self.exception_class(*content)
        if kind == "raised" and len(content) == 5:
            raise self.student_error(*content)
        if kind == "not_compiled" and len(content) == 1:
            self.stopped = GradingStop("not_compiled", str(content[0]))
        elif kind == "too_large" and len(content) == 1:
            self.stopped = GradingStop("error", f"the program's answer is too large ({content[0]} bytes; at most "
                                                f"{MAX_ANSWER_BYTES} are allowed)")
        else:
            self.stopped = GradingStop("error", "the program sent an answer the grader cannot read")
        raise self.stopped

    def exception_class(self, name, base):
        """The builtin exception class of that name, or one made for the student's class (the same for the test)."""
        builtin = getattr(builtins, base, None) if isinstance(base, str) else None
        if not (isinstance(builtin, type) and issubclass(builtin, Exception)):
            builtin = Exception
        name = str(name)[:MAX_NAME]
        module, _, short = name.rpartition(".")
        if module == "builtins" and short == builtin.__name__:
            return builtin
        if name not in self.classes:
            self.classes[name] = type(short or "Error", (builtin,), {"__module__": module})
        return self.classes[name]

    def student_error(self, name, base, arguments, text, location):
        kind = self.exception_class(name, base)
        try:
            error = kind(*arguments) if isinstance(arguments, tuple) else kind(str(text))
        except Exception:
            error = kind.__new__(kind)
            error.args = (str(text),)
        where = f" ({location})" if isinstance(location, str) else ""
        error.pyroom_student = f"{kind.__name__}: {text}{where}" if text else f"{kind.__name__}{where}"
        return error

    def to_wire(self, value):
        if isinstance(value, Proxy):
            if object.__getattribute__(value, "_child") is not self:
                raise ValueError("an object of another test's program cannot be passed to this one")
            return ("handle", object.__getattribute__(value, "_handle"))
        if is_data(value):
            return ("data", value)
        raise TypeError(f"a {type(value).__name__} cannot be passed to the student's code: only numbers, strings, "
                        f"bytes, tuples, lists, dicts, sets, booleans, None and the program's own objects can")


class Proxy:
    """Something of the student's process that is not data, as a test sees it: every use is a request."""

    __slots__ = ("_child", "_handle")

    def __init__(self, child, handle):
        object.__setattr__(self, "_child", child)
        object.__setattr__(self, "_handle", handle)

    def __getattr__(self, name):
        return self._child.ask("getattr", self._handle, name)

    def __setattr__(self, name, value):
        self._child.ask("setattr", self._handle, name, self._child.to_wire(value))

    def __call__(self, *arguments, **named):
        wire = self._child.to_wire
        return self._child.ask(
            "call", self._handle, [wire(value) for value in arguments], {key: wire(value) for key, value in named.items()})

    def _ask_operation(self, name, *operands):
        wire = self._child.to_wire
        return self._child.ask("op", name, self._handle, [wire(value) for value in operands])


def remote_operation(name):
    return lambda self, *operands: self._ask_operation(name, *operands)


for _name in UNARY + BINARY + ARITHMETIC:
    setattr(Proxy, f"__{_name.rstrip('_')}__", remote_operation(_name))
for _name in ARITHMETIC:
    setattr(Proxy, f"__r{_name.rstrip('_')}__", remote_operation("r" + _name))


class RemoteModule(types.ModuleType):
    """A student's module as a test imports it: its attributes are those of the module in the student's process."""

    def __getattr__(self, name):
        remote = self.__dict__.get("__pyroom_remote__")
        if remote is None or name == "__path__":
            raise AttributeError(name)
        return getattr(remote, name)


class WorkspaceModules:
    """Answers `import NAME` where the workspace has NAME.py or a folder NAME, and the standard library has no NAME,
    with a RemoteModule of the current test's process. The grader itself never runs the student's files. (A finder
    and loader by protocol: importlib.abc would cost the grader's start some 20 ms of imports.)"""

    def __init__(self, workspace):
        self.workspace = workspace
        self.child = None

    def find_spec(self, name, path=None, target=None):
        top = name.partition(".")[0]
        if self.child is None or top in sys.stdlib_module_names or not self.holds(top):
            return None
        package = os.path.isdir(os.path.join(self.workspace, *name.split(".")))
        return importlib.machinery.ModuleSpec(name, self, is_package=package)

    def holds(self, name):
        return name.isidentifier() and (
            os.path.isfile(os.path.join(self.workspace, name + ".py"))
            or os.path.isdir(os.path.join(self.workspace, name)))

    def create_module(self, spec):
        return RemoteModule(spec.name)

    def exec_module(self, module):
        module.__pyroom_remote__ = self.child.ask("import", module.__name__)

    def forget(self):
        """Drops the test's modules, so that the next test imports them again, from whichever process it has."""
        self.child = None
        for name, module in list(sys.modules.items()):
            if isinstance(module, RemoteModule):
                del sys.modules[name]


def end_processes(spared):
    """Kills every process below the grader but the spared ones (the grader is their subreaper), and reaps its own."""
    me = os.getpid()
    deadline = time.monotonic() + KILL_PATIENCE_SECONDS
    while True:
        reap_orphans()
        doomed = descendants(table(), [me]) - {me, *spared}
        if not doomed or time.monotonic() > deadline:
            return
        for pid in doomed:
            kill(pid)
        time.sleep(0.001)


def reap_orphans():
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return
