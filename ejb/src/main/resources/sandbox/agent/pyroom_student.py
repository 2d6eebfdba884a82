"""The student's side of grading: a zygote that forks the processes which run the student's code.

The grader starts the zygote as a new interpreter (fork and exec), never as a plain fork: nothing of the agent's or the
grader's memory, where the hidden tests pass, is in it. It holds no secret, has /dev/null as stdin, stdout and stderr,
and only its control socket to the grader (fd 3). When the grader needs a student's process (for the first test, and
for the next test after one stopped the last process) it sends the zygote a socket and an output pipe; the zygote forks
a process that runs the student's modules and answers the grader's requests over that socket (see pyroom_wire), and
reports when the process ends. Asked "?", it answers "!": the grader keeps a process for the next test only while its
zygote lives.

Usage: pyroom_student.py WORKSPACE CPU_SECONDS ADDRESS_SPACE FILE_SIZE
"""

import builtins
import importlib
import io
import operator
import os
import resource
import select
import socket
import sys
import types

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from pyroom_limits import adjust_oom_score, limit, limit_open_files  # noqa: E402
from pyroom_site import prepare  # noqa: E402
from pyroom_run import RUN_OOM_SCORE_ADJ, exit_status, forget_agent, shut_down, text_stream  # noqa: E402
from pyroom_wire import MAX_ANSWER_BYTES, MAX_REQUEST_BYTES, encode, is_data, take  # noqa: E402

CONTROL = 3
CHANNEL = 3
READ_SIZE = 65536
MAX_TEXT = 2000
OPERATIONS = {"repr": repr, "str": str, "len": len, "bool": bool, "hash": hash, "iter": iter, "next": next}
OPERATIONS.update((name, getattr(operator, name)) for name in (
    "eq ne lt le gt ge contains getitem setitem delitem neg pos abs invert".split()))
for _name in "add sub mul truediv floordiv mod pow matmul and_ or_ xor lshift rshift".split():
    OPERATIONS[_name] = getattr(operator, _name)
    OPERATIONS["r" + _name] = lambda left, right, _operator=getattr(operator, _name): _operator(right, left)


def main():
    workspace = sys.argv[1]
    limits = [int(value) for value in sys.argv[2:5]]
    prepare()
    adjust_oom_score(RUN_OOM_SCORE_ADJ)
    control = socket.socket(fileno=CONTROL)
    children = {}
    while True:
        poller = select.poll()
        poller.register(control, select.POLLIN)
        for pidfd in children:
            poller.register(pidfd, select.POLLIN)
        for fd, _ in poller.poll():
            if fd == CONTROL:
                message, fds, _, _ = socket.recv_fds(control, 16, 2)
                if not message:
                    return
                if message == b"?":
                    # The grader asks whether this zygote lives before it keeps a student's process for another test.
                    for received in fds:
                        os.close(received)
                    control.send(b"!")
                    continue
                pid = os.fork()
                if pid == 0:
                    become_student(fds, workspace, *limits)
                for received in fds:
                    os.close(received)
                children[os.pidfd_open(pid)] = pid
                control.send(b"p %d" % pid)
            elif fd in children:
                pid = children.pop(fd)
                os.close(fd)
                _, status = os.waitpid(pid, 0)
                control.send(b"x %d %d" % (pid, status))


def become_student(fds, workspace, cpu_seconds, address_space, file_size):
    channel, output = fds
    os.dup2(output, 1)
    os.dup2(output, 2)
    # Replaces the zygote's control socket, which the student's code must not reach.
    os.dup2(channel, CHANNEL)
    os.closerange(CHANNEL + 1, resource.getrlimit(resource.RLIMIT_NOFILE)[0])
    limit(resource.RLIMIT_CPU, cpu_seconds, cpu_seconds + 1)
    limit(resource.RLIMIT_FSIZE, file_size, file_size)
    limit(resource.RLIMIT_CORE, 0, 0)
    limit_open_files()
    if address_space:
        limit(resource.RLIMIT_AS, address_space, address_space)
    forget_agent()
    sys.modules["__main__"] = types.ModuleType("__main__")
    os.chdir(workspace)
    sys.path.insert(0, workspace)
    sys.dont_write_bytecode = True
    sys.stdin = sys.__stdin__ = text_stream(io.BufferedReader(io.FileIO(0, "r", closefd=False)), "strict")
    sys.stdout = sys.__stdout__ = text_stream(io.BufferedWriter(io.FileIO(1, "w", closefd=False)), "strict")
    sys.stderr = sys.__stderr__ = text_stream(io.BufferedWriter(io.FileIO(2, "w", closefd=False)), "backslashreplace")
    try:
        Student(socket.socket(fileno=CHANNEL), workspace).serve()
        status = 0
    except SystemExit as request:
        status = exit_status(request)
    except BaseException:
        status = 1
    os._exit(shut_down(status))


class Student:
    """Serves the grader's requests in the student's process: imports, attributes, calls and operations."""

    def __init__(self, channel, workspace):
        self.channel = channel
        self.workspace = workspace
        self.objects = {}
        self.received = bytearray()

    def serve(self):
        while True:
            request = self.receive()
            if request is None:
                return
            answer = self.answer(request)
            for stream in (sys.stdout, sys.stderr):
                try:
                    stream.flush()
                except (OSError, ValueError):
                    pass
            frame = encode(answer)
            if len(frame) > MAX_ANSWER_BYTES:
                frame = encode(("too_large", len(frame)))
            self.channel.sendall(frame)

    def receive(self):
        while True:
            request = take(self.received, MAX_REQUEST_BYTES)
            if request is not None:
                return request
            data = self.channel.recv(READ_SIZE)
            if not data:
                return None
            self.received += data

    def answer(self, request):
        try:
            return self.to_wire(self.perform(*request))
        except SyntaxError as error:
            if request[0] == "import" and self.inside(error.filename):
                place = f"{os.path.relpath(error.filename, self.workspace)}, line {error.lineno}"
                return ("not_compiled", f"{type(error).__name__} in {place}: {error.msg}")
            return self.raised(error)
        except Exception as error:
            return self.raised(error)

    def perform(self, action, *arguments):
        if action == "import":
            return importlib.import_module(arguments[0])
        if action == "getattr":
            return getattr(self.objects[arguments[0]], arguments[1])
        if action == "setattr":
            return setattr(self.objects[arguments[0]], arguments[1], self.from_wire(arguments[2]))
        if action == "call":
            target, positional, named = arguments
            return self.objects[target](
                *(self.from_wire(value) for value in positional),
                **{name: self.from_wire(value) for name, value in named.items()})
        if action == "op":
            name, target, operands = arguments
            return OPERATIONS[name](self.objects[target], *(self.from_wire(value) for value in operands))
        raise ValueError(f"unknown request {action!r}")

    def to_wire(self, value):
        if isinstance(value, type) and issubclass(value, BaseException):
            return ("exception_class", qualified_name(value), builtin_base(value))
        if is_data(value):
            return ("data", value)
        handle = len(self.objects)
        self.objects[handle] = value
        return ("handle", handle)

    def from_wire(self, value):
        kind, content = value
        return self.objects[content] if kind == "handle" else content

    def raised(self, error):
        try:
            text = str(error)[:MAX_TEXT]
        except Exception:
            text = ""
        arguments = error.args if is_data(error.args) else None
        return ("raised", qualified_name(type(error)), builtin_base(type(error)), arguments, text,
                self.location(error.__traceback__))

    def location(self, traceback):
        """Where in the student's files the error arose: their last frame, which is the closest to it."""
        place = None
        while traceback is not None:
            filename = traceback.tb_frame.f_code.co_filename
            if self.inside(filename):
                place = f"{os.path.relpath(filename, self.workspace)}, line {traceback.tb_lineno}"
            traceback = traceback.tb_next
        return place

    def inside(self, filename):
        return isinstance(filename, str) and filename.startswith(self.workspace + os.sep)


def qualified_name(kind):
    return f"{kind.__module__}.{kind.__qualname__}"


def builtin_base(kind):
    """The builtin exception the class derives from, which the grader raises in its place when it has no other."""
    for base in kind.__mro__:
        if base.__module__ == "builtins" and issubclass(base, Exception) and getattr(builtins, base.__name__, None) is base:
            return base.__name__
    return "Exception"


if __name__ == "__main__":
    main()
