"""Pyroom lint worker.

A long-running interpreter that checks Python sources it receives as JSON lines on
stdin and answers each request with one JSON line on stdout. The host starts an
interpreter with the arguments fast|deep and an address space limit in bytes, and
sends this file as the first line, {"script": ...}.

A fast worker answers {"id", "type": "fast", "filename", "source"} with the
compiler's syntax error or pyflakes' findings. A deep worker answers the same
request with type "deep" through pylint, and {"id", "type": "describe", "message"}
with pylint's own description of a message. Once warm, a worker writes
{"ready": true}. Replies carry the worker's resident memory ("rss", bytes) so the
host can recycle a worker that grows; "retire": true asks for a fresh one.

Sources never execute here: they are compiled and analysed, not run.
"""

import ast
import importlib
import io
import json
import os
import re
import resource
import shutil
import sys
import tempfile
import warnings
from contextlib import redirect_stderr

# -S keeps packages installed under /usr/local out of reach; Debian's own live here.
sys.path.append(os.path.join(sys.prefix, "lib", "python3", "dist-packages"))

from pyflakes import checker  # pylint: disable=wrong-import-position

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
WARM_UP_SOURCE = "import os\n\ndef greet(name):\n    return 'hi ' + name\n\nprint(greet(os.name).upper())\n"


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


def fast(request):
    source, filename = clean(request["source"]), safe_filename(request["filename"])
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
    """One pylint linter kept warm. astroid keeps the standard library it has parsed, never a student's module."""

    def __init__(self, scratch):
        os.environ["PYLINTHOME"] = os.path.join(scratch, "pylint-home")
        # pylint: disable=import-outside-toplevel
        import astroid
        from pylint.exceptions import UnknownMessageError
        from pylint.lint import Run
        from pylint.reporters import CollectingReporter

        self.manager = astroid.MANAGER
        self.inference_tips = getattr(importlib.import_module("astroid.inference_tip"), "_cache", {})
        self.unknown_message = UnknownMessageError
        self.new_reporter = CollectingReporter
        self.scratch = scratch
        rcfile = os.path.join(scratch, "pylintrc")
        with open(rcfile, "w", encoding="utf-8"):
            pass
        # Configuring a linter costs more than linting a short file: configure once, then reuse it.
        directory, path = self.write(WARM_UP_SOURCE, "main.py")
        try:
            self.linter = Run([*PYLINT_ARGS, "--rcfile=" + rcfile, path], reporter=CollectingReporter(), exit=False).linter
        finally:
            self.forget(directory)

    def write(self, source, filename):
        directory = tempfile.mkdtemp(dir=self.scratch)
        path = os.path.join(directory, filename)
        with open(path, "w", encoding="utf-8") as file:
            file.write(source)
        return directory, path

    def check(self, source, filename):
        document = Document(source)
        error = compile_tree(source, filename, document)[1]
        if error:
            return [error]
        directory, path = self.write(source, filename)
        reporter = self.new_reporter()
        try:
            self.linter.set_reporter(reporter)
            self.linter.check([path])
        finally:
            self.forget(directory)
        return sorted((self.diagnostic(document, message) for message in reporter.messages), key=position)

    @staticmethod
    def diagnostic(document, message):
        line = message.line or 1
        column = document.column_from_bytes(line, message.column or 0)
        end = (line, column)
        if message.end_line:
            end = (message.end_line, document.column_from_bytes(message.end_line, message.end_column or 0))
        return document.diagnostic((line, column), end, message.msg_id, message.symbol, message.msg)

    def forget(self, directory):
        """Drops the files under directory and every trace astroid keeps of them, so no later request reaches them."""
        shutil.rmtree(directory, ignore_errors=True)
        prefix = directory + os.sep
        cache = self.manager.astroid_cache
        for name in [name for name, module in cache.items() if (module.file or "").startswith(prefix)]:
            del cache[name]
        locations = self.manager._mod_file_cache  # pylint: disable=protected-access
        for key in [key for key, spec in locations.items() if under(prefix, key[1]) or under(prefix, spec)]:
            del locations[key]
        # Inference results cached per node would keep every checked module alive: memory grows without this.
        inferred = self.inference_tips
        for key in [key for key in inferred if under(prefix, key[1].root().file)]:
            del inferred[key]

    def describe(self, message):
        try:
            definition = self.linter.msgs_store.get_message_definitions(message)[0]
        except self.unknown_message:
            return None
        return {"code": definition.msgid, "symbol": definition.symbol, "description": definition.description}


def under(prefix, value):
    location = value if isinstance(value, str) else getattr(value, "location", None)
    return isinstance(location, str) and location.startswith(prefix)


def resident_bytes():
    with open("/proc/self/statm", encoding="ascii") as statm:
        return int(statm.read().split()[1]) * resource.getpagesize()


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


def expect(request, kind):
    if request["type"] != kind:
        raise ValueError(f"a {kind} worker cannot answer a {request['type']} request")
    return request


def handler(tier, scratch):
    if tier == "fast":
        fast({"source": WARM_UP_SOURCE, "filename": "main.py"})
        return lambda request: {"diagnostics": fast(expect(request, "fast"))}
    pylint = Pylint(scratch)

    def handle(request):
        if request["type"] == "describe":
            return {"definition": pylint.describe(str(request["message"]))}
        expect(request, "deep")
        return {"diagnostics": pylint.check(clean(request["source"]), safe_filename(request["filename"]))}

    return handle


def main():
    tier, address_space = sys.argv[1], int(sys.argv[2])
    resource.setrlimit(resource.RLIMIT_AS, (address_space, address_space))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    # Replies own the real stdout; anything a library prints goes nowhere. Stderr stays for fatal errors only.
    protocol = io.TextIOWrapper(os.fdopen(os.dup(1), "wb"), encoding="utf-8", newline="\n")
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    sys.stdout = io.TextIOWrapper(os.fdopen(devnull, "wb"), encoding="utf-8")
    scratch = tempfile.mkdtemp(prefix="lint-")
    try:
        handle = handler(tier, scratch)
        protocol.write(json.dumps({"ready": True}) + "\n")
        protocol.flush()
        serve(handle, protocol)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
