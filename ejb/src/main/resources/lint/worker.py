"""Pyroom lint worker.

A long-running interpreter that checks Python sources it receives as JSON lines on
stdin and answers each request with one JSON line on stdout. The host starts an
interpreter with the arguments: an address space limit in bytes, the most students
whose checkers it keeps, their idle seconds, and fast|deep; and sends this file as
the first line, {"script": ...}.

A fast worker answers {"id", "type": "fast", "tenant", "filename", "source",
"seconds"} with the compiler's syntax error or pyflakes' findings, and a "complete"
request with Jedi's completions, signatures or documentation (completion.py, which the
host sends ahead of this file, says how). A deep worker
answers the same request with type "deep" through pylint, and {"id", "type":
"describe", "message"} with pylint's own description of a message. Once warm, a
worker writes {"ready": true}. Replies carry the worker's resident memory ("rss",
bytes) so the host can recycle a worker that grows; "retire": true asks for a fresh
one; a check that outlives its seconds is answered {"timeout": true}.

Students share workers, so the warm parent never analyses a student's source. Each
tenant (one student, named by an opaque key) gets a checker of their own: a child
forked from the parent at their first request, serving only their requests, ended
when they go idle, when the parent keeps too many, after a timeout or a failure. A
child closes every channel to other requests, cannot start processes, write files
or signal other processes, and checks sources read from memory as if they lay in a
folder that does not exist, so nothing a source names can be imported from beside
it. Whatever a source makes the analysers do (astroid's brains import modules by
name) stays in that student's own child. Forking per student rather than per
request keeps a typing student's checks warm: a fresh child pays for the memory it
first touches, which costs more than the check itself.
"""

import ast
import ctypes
import errno
import gc
import io
import json
import os
import re
import resource
import select
import signal
import sys
import time
import warnings
from contextlib import redirect_stderr

# -S keeps packages installed under /usr/local out of reach; Debian's own live here.
sys.path.append(os.path.join(sys.prefix, "lib", "python3", "dist-packages"))

import seccomp  # pylint: disable=wrong-import-position
from pyflakes import checker  # pylint: disable=wrong-import-position

PR_SET_DUMPABLE = 4
MAX_OPEN_FILES = 1024
MAX_DIAGNOSTICS = 500
MAX_REPLY_BYTES = 8 << 20
# A checked source seems to lie in this folder, which does not exist: nothing is importable from beside it.
CHECKED_FILE_FOLDER = "/nonexistent/pyroom-lint"
CHILD_MAX_REQUESTS = 500
CHILD_CPU_SECONDS = 600
# What a checker is sent of a request, and what of its reply reaches the host.
CHILD_REQUEST_KEYS = ("type", "source", "filename", "line", "column", "files", "want")
CHILD_REPLY_KEYS = ("diagnostics", "completions", "signatures", "hover", "error")
NEW_CHECKER_SECONDS = 3
NICENESS = {"fast": 0, "deep": 10}
# A check's seconds are CPU seconds: on a busy machine it may take this many times as long on the clock.
STARVED_CHECK_WALL_FACTOR = 2
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
LINE_BREAK = re.compile(r"\r\n|\r|\n")
SEVERITY_BY_CATEGORY = {"F": "error", "E": "error", "W": "warning", "C": "info", "R": "info", "I": "info"}

# pyflakes has no codes of its own: its findings take the pylint code and symbol of the same
# finding, so that both tiers name a problem alike, or flake8's well-known code where pylint has none.
PYFLAKES_CODES = {
    "UnusedImport": ("W0611", "unused-import"),
    "RedefinedWhileUnused": ("F811", "redefined-while-unused"),
    "ImportShadowedByLoopVar": ("F402", "import-shadowed-by-loop-var"),
    "ImportStarUsed": ("W0401", "wildcard-import"),
    "ImportStarUsage": ("F405", "maybe-from-wildcard-import"),
    "UndefinedName": ("E0602", "undefined-variable"),
    "UndefinedExport": ("E0603", "undefined-all-variable"),
    "UndefinedLocal": ("E0601", "used-before-assignment"),
    "MultiValueRepeatedKeyLiteral": ("W0109", "duplicate-key"),
    "MultiValueRepeatedKeyVariable": ("W0109", "duplicate-key"),
    "UnusedVariable": ("W0612", "unused-variable"),
    "UnusedAnnotation": ("F842", "unused-annotation"),
    "IfTuple": ("W0125", "using-constant-test"),
    "AssertTuple": ("W0199", "assert-on-tuple"),
    "ForwardAnnotationSyntaxError": ("F722", "forward-annotation-syntax-error"),
    "RaiseNotImplemented": ("E0711", "notimplemented-raised"),
    "InvalidPrintSyntax": ("F633", "invalid-print-syntax"),
    "IsLiteral": ("R0123", "literal-comparison"),
    "FStringMissingPlaceholders": ("W1309", "f-string-without-interpolation"),
    "PercentFormatInvalidFormat": ("W1302", "bad-format-string"),
    "PercentFormatMixedPositionalAndNamed": ("E1302", "mixed-format-string"),
    "PercentFormatUnsupportedFormatCharacter": ("E1300", "bad-format-character"),
    "PercentFormatExtraNamedArguments": ("W1301", "unused-format-string-key"),
    "PercentFormatMissingArgument": ("E1304", "missing-format-string-key"),
    "PercentFormatExpectedMapping": ("E1303", "format-needs-mapping"),
    "PercentFormatExpectedSequence": ("W1302", "bad-format-string"),
    "PercentFormatStarRequiresSequence": ("W1302", "bad-format-string"),
    "StringDotFormatExtraPositionalArguments": ("W1304", "unused-format-string-argument"),
    "StringDotFormatExtraNamedArguments": ("W1304", "unused-format-string-argument"),
    "StringDotFormatMissingArgument": ("W1303", "missing-format-argument-key"),
    "StringDotFormatMixingAutomatic": ("W1305", "format-combined-specification"),
    "StringDotFormatInvalidFormat": ("W1302", "bad-format-string"),
}

# Noise for beginners' scripts, each disabled for a reason:
PYLINT_DISABLED = [
    # Docstrings are taught later; asking for them on every function of a first script drowns real problems.
    "missing-module-docstring",
    "missing-class-docstring",
    "missing-function-docstring",
    # Scripts keep their variables at module level, where pylint expects UPPER_CASE constants and long names.
    "invalid-name",
    # Small classes are exactly what beginners should write.
    "too-few-public-methods",
    # Layout the editor already shows, or handles itself: long lines, trailing spaces, final newlines.
    "line-too-long",
    "trailing-whitespace",
    "missing-final-newline",
    "trailing-newlines",
    # Exercises often hand out "# TODO" comments for students to fill in.
    "fixme",
    # The worker sees one file at a time: a student's own other modules would always look missing.
    "import-error",
    # Import ordering and grouping are conventions for projects, not correctness.
    "wrong-import-order",
    "ungrouped-imports",
    # Placeholder names like foo and bar are fine in exercises; type variables come much later (and cost time).
    "disallowed-name",
    "typevar-name-incorrect-variance",
    "typevar-double-variance",
    "typevar-name-mismatch",
    # Size metrics punish the one long function that every first program is.
    "too-many-locals",
    "too-many-branches",
    "too-many-statements",
    # Both string formatting styles are still taught.
    "consider-using-f-string",
    # Only meaningful across several files, and slow.
    "duplicate-code",
]
PYLINT_ARGS = [
    "--persistent=n",
    "--score=n",
    "--reports=n",
    "--jobs=1",
    "--disable=" + ",".join(PYLINT_DISABLED),
]
# Children start from what the parent's warm-up parsed: the modules beginners import most are parsed once, here.
WARM_UP_SOURCE = """import os
import random
import string
import sys
import time
from collections import Counter


def greet(name):
    return "hi " + name


print(greet(os.name).upper(), math.sqrt(random.randint(1, 9)), string.digits, sys.argv, time.time(), Counter("ab"))
"""


def utf16_length(text):
    return len(text.encode("utf-16-le")) // 2


class Document:
    """A source and its lines, to turn Python's offsets into editor columns (1-based, UTF-16 units)."""

    def __init__(self, source):
        self.lines = LINE_BREAK.split(source)

    def line_text(self, line):
        return self.lines[line - 1] if 1 <= line <= len(self.lines) else ""

    def chars_from_bytes(self, line, offset):
        """The number of characters in the first offset bytes of a line (astroid and pyflakes count in UTF-8)."""
        return len(self.line_text(line).encode("utf-8")[: max(offset, 0)].decode("utf-8", "ignore"))

    def column_from_chars(self, line, offset):
        return utf16_length(self.line_text(line)[: max(offset, 0)]) + 1

    def column_from_bytes(self, line, offset):
        return self.column_from_chars(line, self.chars_from_bytes(line, offset))

    def diagnostic(self, start, end, code, symbol, message):
        """start and end are (line, column); an end missing or before the start collapses onto the start."""
        start = (min(max(start[0], 1), len(self.lines)), max(start[1], 1))
        end = max(start, (min(end[0], len(self.lines)), end[1]))
        return {
            "line": start[0],
            "column": start[1],
            "endLine": end[0],
            "endColumn": end[1],
            "severity": SEVERITY_BY_CATEGORY.get(code[:1], "warning"),
            "code": code,
            "symbol": symbol,
            "message": message,
        }


def syntax_diagnostic(document, error):
    line = error.lineno or 1
    column = document.column_from_chars(line, (error.offset or 1) - 1)
    end_line = error.end_lineno or line
    if error.end_offset and error.end_offset > 0:
        end = (end_line, document.column_from_chars(end_line, error.end_offset - 1))
    else:
        end = (line, column)
    return document.diagnostic((line, column), end, "E0001", "syntax-error", error.msg)


def compile_tree(source, filename, document):
    """The module's tree, or a diagnostic for what stops the compiler."""
    if "\0" in source:
        line = source.count("\n", 0, source.index("\0")) + 1
        return None, document.diagnostic((line, 1), (line, 1), "E0001", "syntax-error", "source code cannot contain null bytes")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            tree = compile(source, filename, "exec", ast.PyCF_ONLY_AST, dont_inherit=True)
            compile(tree, filename, "exec", dont_inherit=True)
        return tree, None
    except SyntaxError as error:
        return None, syntax_diagnostic(document, error)
    except (RecursionError, MemoryError):
        return None, document.diagnostic((1, 1), (1, 1), "E0001", "syntax-error", "too deeply nested for Python to read")


def pyflakes_code(message):
    name = type(message).__name__
    if name == "PercentFormatPositionalCountMismatch":
        placeholders, substitutions = message.message_args
        return ("E1305", "too-many-format-args") if substitutions > placeholders else ("E1306", "too-few-format-args")
    return PYFLAKES_CODES.get(name, ("F000", re.sub(r"(?<!^)(?=[A-Z])", "-", name).lower()))


def pyflakes_diagnostic(document, message):
    code, symbol = pyflakes_code(message)
    line = message.lineno
    text = document.line_text(line)
    start = end = document.chars_from_bytes(line, message.col)
    # pyflakes gives only where a statement starts: mark the name it is about when the line shows it.
    name = message.message_args[0] if message.message_args else None
    if isinstance(name, str) and name and text.find(name, start) >= 0:
        start = text.find(name, start)
        end = start + len(name)
    start_column, end_column = document.column_from_chars(line, start), document.column_from_chars(line, end)
    return document.diagnostic((line, start_column), (line, end_column), code, symbol, message.message % message.message_args)


def fast_check(source, filename):
    document = Document(source)
    tree, error = compile_tree(source, filename, document)
    if error:
        return [error]
    found = checker.Checker(tree, filename=filename).messages
    return sorted((pyflakes_diagnostic(document, message) for message in found), key=position)


def position(diagnostic):
    return diagnostic["line"], diagnostic["column"]


def clean(source):
    """The source without unpaired surrogates, which no file or compiler accepts."""
    return str(source).encode("utf-8", "replace").decode("utf-8")


def safe_filename(name):
    base = os.path.basename(str(name))
    return base if base.endswith(".py") and not base.startswith(".") else "main.py"


class Pylint:
    """One pylint linter, configured and warmed up once in the parent; children check with it."""

    def __init__(self):
        # pylint: disable=import-outside-toplevel
        from pylint.exceptions import UnknownMessageError
        from pylint.lint import Run, pylinter
        from pylint.reporters import CollectingReporter

        self.unknown_message = UnknownMessageError
        self.new_reporter = CollectingReporter
        self.pylinter = pylinter
        # Configuring a linter costs more than linting a short file: configure once, warm up on the modules
        # beginners import, and let every child start from there. Sources come from memory, as --from-stdin
        # reads them, so neither the parent nor a child ever writes one.
        self.pylinter._read_stdin = lambda: WARM_UP_SOURCE  # pylint: disable=protected-access
        self.linter = Run(
            [*PYLINT_ARGS, "--rcfile=" + os.devnull, "--from-stdin", CHECKED_FILE_FOLDER + "/main.py"],
            reporter=CollectingReporter(),
            exit=False,
        ).linter

    def check(self, source, filename):
        """Runs in a child only."""
        document = Document(source)
        error = compile_tree(source, filename, document)[1]
        if error:
            return [error]
        reporter = self.new_reporter()
        self.pylinter._read_stdin = lambda: source  # pylint: disable=protected-access
        self.linter.set_reporter(reporter)
        self.linter.check([CHECKED_FILE_FOLDER + "/" + filename])
        return sorted((self.diagnostic(document, message) for message in reporter.messages), key=position)

    @staticmethod
    def diagnostic(document, message):
        line = message.line or 1
        column = document.column_from_bytes(line, message.column or 0)
        end = (line, column)
        if message.end_line:
            end = (message.end_line, document.column_from_bytes(message.end_line, message.end_column or 0))
        return document.diagnostic((line, column), end, message.msg_id, message.symbol, message.msg)

    def describe(self, message):
        try:
            definition = self.linter.msgs_store.get_message_definitions(message)[0]
        except self.unknown_message:
            return None
        return {"code": definition.msgid, "symbol": definition.symbol, "description": definition.description}


def resident_bytes():
    with open("/proc/self/statm", encoding="ascii") as statm:
        return int(statm.read().split()[1]) * resource.getpagesize()


def prctl(option, value):
    if ctypes.CDLL(None, use_errno=True).prctl(option, value, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), f"prctl {option}")


class Child:
    """One tenant's checker: a forked child that answers JSON lines on a pipe of its own."""

    def __init__(self, answer):
        requests_read, self.requests = os.pipe()
        self.replies, replies_write = os.pipe()
        self.pid = os.fork()
        if self.pid == 0:
            os.close(self.requests)
            os.close(self.replies)
            serve_tenant(answer, requests_read, replies_write)
        os.close(requests_read)
        os.close(replies_write)
        self.used = time.monotonic()
        self.answered = 0

    def ask(self, request, seconds):
        """The child's reply; a child that fails or overruns is ended."""
        self.used = time.monotonic()
        cpu_at_start = cpu_seconds(self.pid)

        def more_time():
            """A child the busy machine starved of CPU has not overrun: it gets the CPU it is owed, within a cap."""
            used = cpu_seconds(self.pid)
            if used is None or cpu_at_start is None or used - cpu_at_start >= seconds:
                return None
            now = time.monotonic()
            cap = self.used + STARVED_CHECK_WALL_FACTOR * seconds
            return None if now >= cap else min(cap, now + seconds - (used - cpu_at_start))

        try:
            send_all(self.requests, (json.dumps(request) + "\n").encode("utf-8"))
            reply = read_line(self.replies, self.used + seconds, more_time)
        except OSError:
            reply = {"error": "the check ended without a reply"}
        self.answered += 1
        return reply

    def is_fit(self, now, idle_seconds):
        return self.pid > 0 and self.answered < CHILD_MAX_REQUESTS and now - self.used < idle_seconds

    def end(self):
        if self.pid <= 0:
            return
        os.close(self.requests)
        os.close(self.replies)
        try:
            os.kill(self.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        os.waitpid(self.pid, 0)
        self.pid = 0


class Tenants:
    """The children of one worker, by tenant, least recently used first."""

    def __init__(self, answer, most, idle_seconds):
        self.answer = answer
        self.most = most
        self.idle_seconds = idle_seconds
        self.children = {}

    def check(self, request):
        tenant = str(request["tenant"])
        seconds = min(max(float(request.get("seconds", 5)), 0.1), 60)
        now = time.monotonic()
        child = self.children.pop(tenant, None)
        if child is not None and not child.is_fit(now, self.idle_seconds):
            child.end()
            child = None
        self.end_idle(now)
        if child is None:
            while len(self.children) >= self.most:
                self.children.pop(next(iter(self.children))).end()
            child = Child(self.answer)
            # Making a student's checker is the node's cost, not their file's: it does not count against the check.
            seconds += NEW_CHECKER_SECONDS
        reply = child.ask({key: request[key] for key in CHILD_REQUEST_KEYS if key in request}, seconds)
        if "error" not in reply and "timeout" not in reply:
            self.children[tenant] = child
        else:
            child.end()
        return reply

    def end_idle(self, now):
        for tenant in [tenant for tenant, child in self.children.items() if not child.is_fit(now, self.idle_seconds)]:
            self.children.pop(tenant).end()


def lint_answer(analyse):
    """A checker's answer to a lint request: analyse's findings."""

    def answer(request):
        found = analyse(clean(request["source"]), safe_filename(request["filename"]))
        return {"diagnostics": found[:MAX_DIAGNOSTICS]}

    return answer


def serve_tenant(answer, requests, replies):
    """A child's whole life; never returns."""
    try:
        confine(requests, replies)
        for line in os.fdopen(requests, "rb"):
            request = json.loads(line)
            try:
                reply = answer(request)
            except MemoryError:
                reply = {"error": "the file needs more memory to check than lint may use"}
            except RecursionError:
                reply = {"error": "the file is nested too deeply to check"}
            send_all(replies, (json.dumps(reply) + "\n").encode("utf-8"))
            if "error" in reply:
                break
    finally:
        os._exit(0)  # pylint: disable=protected-access


def confine(requests, replies):
    """Cuts a child off from every other tenant before it sees a source of its own tenant's."""
    devnull = os.open(os.devnull, os.O_RDWR)
    # The parent's stdin carries every student's requests, its stdout every reply, and the other children's pipes
    # theirs: the child keeps only its own two pipes.
    for fd in (0, 1, 2):
        os.dup2(devnull, fd)
    keep = sorted((requests, replies))
    os.closerange(3, keep[0])
    os.closerange(keep[0] + 1, keep[1])
    os.closerange(keep[1] + 1, MAX_OPEN_FILES)
    sys.stdout = sys.stderr = open(os.devnull, "w", encoding="utf-8")  # pylint: disable=consider-using-with
    resource.setrlimit(resource.RLIMIT_NPROC, (0, 0))
    resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))
    resource.setrlimit(resource.RLIMIT_CPU, (CHILD_CPU_SECONDS, CHILD_CPU_SECONDS))
    forbid_signalling_others()
    sys.path[:] = [entry for entry in sys.path if entry.startswith(sys.prefix)]


def forbid_signalling_others():
    """Children of one worker share a user: without this, one student's child could end the others'."""
    own = os.getpid()
    rules = seccomp.SyscallFilter(defaction=seccomp.ALLOW)
    deny = seccomp.ERRNO(errno.EPERM)
    for call in ("kill", "tkill", "tgkill"):
        rules.add_rule(deny, call, seccomp.Arg(0, seccomp.NE, own))
    for call in ("rt_sigqueueinfo", "rt_tgsigqueueinfo", "pidfd_open", "pidfd_send_signal", "ptrace"):
        rules.add_rule(deny, call)
    rules.load()


def send_all(fd, data):
    while data:
        data = data[os.write(fd, data[:65536]):]


def cpu_seconds(pid):
    """The CPU time a child has used so far, or None when it cannot be read."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as stat:
            fields = stat.read().rsplit(b")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS
    except (OSError, ValueError, IndexError):
        return None


def read_line(fd, deadline, more_time):
    """One JSON object from a child, or why there is none; at the deadline, more_time() may give a later one."""
    chunks, size = [], 0
    while True:
        left = deadline - time.monotonic()
        if left <= 0 or not select.select([fd], [], [], left)[0]:
            deadline = more_time()
            if deadline is None:
                return {"timeout": True}
            continue
        chunk = os.read(fd, 65536)
        if not chunk:
            return {"error": "the check ended without a reply"}
        size += len(chunk)
        if size > MAX_REPLY_BYTES:
            return {"error": "the check's reply was too large"}
        chunks.append(chunk)
        if chunk.endswith(b"\n"):
            break
    reply = json.loads(b"".join(chunks))
    return {key: reply[key] for key in CHILD_REPLY_KEYS if key in reply}


def serve(handle, protocol):
    for line in sys.stdin.buffer:
        request_id = None
        try:
            request = json.loads(line)
            request_id = request["id"]
            with warnings.catch_warnings(), redirect_stderr(io.StringIO()):
                warnings.simplefilter("ignore")
                reply = {"id": request_id, **handle(request)}
        except Exception as error:  # pylint: disable=broad-except
            reply = {"id": request_id, "error": f"{type(error).__name__}: {error}", "retire": True}
        reply["rss"] = resident_bytes()
        protocol.write(json.dumps(reply) + "\n")
        protocol.flush()


def expect(request, *kinds):
    if request["type"] not in kinds:
        raise ValueError(f"a {kinds[0]} worker cannot answer a {request['type']} request")
    return request


def handler(tier, most_tenants, idle_seconds):
    if tier == "fast":
        fast_check(WARM_UP_SOURCE, "main.py")
        completer = Completer()  # pylint: disable=undefined-variable  # completion.py comes ahead of this file
        lint = lint_answer(fast_check)

        def answer(request):
            """A student's checker serves both their fast checks and their completions."""
            if request["type"] != "complete":
                return lint(request)
            try:
                return completer.answer(request)
            except (MemoryError, RecursionError):
                raise
            except Exception:  # pylint: disable=broad-except
                # Jedi fails on some half-typed code: no suggestion is the answer, not the end of the checker.
                return {}

        tenants = Tenants(answer, most_tenants, idle_seconds)
        return lambda request: tenants.check(expect(request, "fast", "complete"))
    pylint = Pylint()
    tenants = Tenants(lint_answer(pylint.check), most_tenants, idle_seconds)

    def handle(request):
        if request["type"] == "describe":
            return {"definition": pylint.describe(str(request["message"]))}
        return tenants.check(expect(request, "deep"))

    return handle


def main():
    address_space, most_tenants, idle_seconds, tier = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    resource.setrlimit(resource.RLIMIT_AS, (address_space, address_space))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    resource.setrlimit(resource.RLIMIT_NOFILE, (MAX_OPEN_FILES, MAX_OPEN_FILES))
    # Deep checks are the least urgent work of a busy node: runs, pages and fast checks go first.
    os.nice(NICENESS[tier])
    # Children run as the same user: a non-dumpable parent cannot be read or written through /proc, and without
    # a handler of its own no signal a child sends can end it (it is PID 1 of its sandbox).
    prctl(PR_SET_DUMPABLE, 0)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # Replies own the real stdout; anything a library prints goes nowhere. Stderr stays for fatal errors only.
    protocol = io.TextIOWrapper(os.fdopen(os.dup(1), "wb"), encoding="utf-8", newline="\n")
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    sys.stdout = io.TextIOWrapper(os.fdopen(devnull, "wb"), encoding="utf-8")
    handle = handler(tier, most_tenants, idle_seconds)
    # Children need not scan what the warm-up made: a child's collector would otherwise touch, and so copy, it all.
    gc.freeze()
    protocol.write(json.dumps({"ready": True}) + "\n")
    protocol.flush()
    serve(handle, protocol)


if __name__ == "__main__":
    main()
