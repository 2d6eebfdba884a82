"""The grader: runs an instructor's unit tests of a student's modules, as a run of the agent.

Reads {"tests": [{"id": ..., "source": ..., "timeLimitMs": ...}, ...]} on stdin, then writes one JSON line per test,
in order, {"id", "outcome", "message", "expected", "actual", "output"}, and finally {"done": true}. Nothing else goes to
stdout; the grader's own errors go to stderr.

The request may also carry {"compile": {"<path>": "<source>", ...}}: the student's Python files as they saved them. The
grader compiles each without running it, before any test, and writes one line {"file", "line", "message"} per file that
does not compile; if there is one, no test runs. The tests may then be an empty list.

The tests run here, the student's code never does: it runs in a process of its own, which the tests reach through
proxies (pyroom_remote, pyroom_student). The tests share that process, as the tests of a pytest session share their
modules, until one of them stops it (a timeout, its ending, an answer the grader cannot take); the next test then gets
a fresh one. This process is not dumpable, so the student's processes, though they have the same user, cannot read the
hidden tests from its memory, environment or open files, and it alone holds the run's stdout.
"""

import ast
import json
import operator
import os
import sys
import types
import unittest

from pyroom_limits import become_subreaper, set_dumpable
from pyroom_remote import Child, GradingStop, WorkspaceModules, Zygote

TEST_FILE = "<test>"
TEST_MODULE = "pyroom_test"
CHECK = "__pyroom_check__"
MAX_REPR = 1000
COMPARISONS = {
    ast.Eq: "==", ast.NotEq: "!=", ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">=",
    ast.Is: "is", ast.IsNot: "is not", ast.In: "in", ast.NotIn: "not in",
}
COMPARE = {
    "==": operator.eq, "!=": operator.ne, "<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge,
    "is": operator.is_, "is not": operator.is_not,
    "in": lambda item, container: item in container, "not in": lambda item, container: item not in container,
}
MIRRORED = {"<": ">", "<=": ">=", ">": "<", ">=": "<="}


def main(workspace, cpu_seconds, address_space, file_size):
    set_dumpable(0)
    become_subreaper()
    results = os.dup(1)
    # What the tests themselves print goes to stderr: stdout carries the results only.
    os.dup2(2, 1)
    try:
        request = read_request()
    except ValueError as error:
        print(f"pyroom grader: bad input: {error}", file=sys.stderr)
        return 2
    problems = list(compile_problems(request.get("compile", {})))
    for problem in problems:
        write(results, problem)
    tests = request["tests"] if not problems else []
    if tests:
        # A new interpreter, not a fork of this process: it never holds the tests this process has read.
        zygote = Zygote(workspace, (cpu_seconds, address_space, file_size))
        zygote.start()
        modules = WorkspaceModules(workspace)
        sys.meta_path.insert(0, modules)
        child = None
        for test in tests:
            result, child = grade(test, zygote, modules, child)
            write(results, result)
    write(results, {"done": True})
    return 0


def read_request():
    data = bytearray()
    while chunk := os.read(0, 65536):
        data += chunk
    request = json.loads(data)
    tests = request.get("tests") if isinstance(request, dict) else None
    if not isinstance(tests, list) or not all(is_test(test) for test in tests):
        raise ValueError('expected {"tests": [{"id": "...", "source": "...", "timeLimitMs": 2000}, ...]}')
    sources = request.get("compile", {})
    if not isinstance(sources, dict) or not all(isinstance(value, str) for value in sources.values()):
        raise ValueError('expected "compile" to be {"<path>": "<source>", ...}')
    return request


def compile_problems(sources):
    """Each source that does not compile, with the compiler's first complaint. Compiling runs nothing of it."""
    for path in sorted(sources):
        try:
            compile(sources[path], path, "exec", dont_inherit=True)
        except SyntaxError as error:
            yield {"file": path, "line": error.lineno, "message": f"{type(error).__name__}: {error.msg}"}
        except (ValueError, RecursionError, MemoryError) as error:
            yield {"file": path, "line": None, "message": f"{type(error).__name__}: {error}"}


def is_test(test):
    return (isinstance(test, dict) and isinstance(test.get("id"), str) and isinstance(test.get("source"), str)
            and type(test.get("timeLimitMs")) is int and test["timeLimitMs"] > 0)


def write(fd, line):
    data = memoryview((json.dumps(line) + "\n").encode())
    while data:
        data = data[os.write(fd, data):]


def grade(test, zygote, modules, child):
    """The test's result, and the student's process for the next test: this one's, unless the test stopped it."""
    limit_ms = test["timeLimitMs"]
    if child is None:
        child = Child(zygote)
    child.begin(limit_ms / 1000, f"{limit_ms / 1000:g} s")
    modules.child = child
    try:
        child.start()
        verdict = run_source(test["source"])
    except GradingStop as stop:
        verdict = judge(stop)
    finally:
        modules.forget()
        output, kept = child.end_test()
    if child.stopped is not None:
        # Also when the test's code caught the stop: the student's process is gone or out of bounds.
        verdict = judge(child.stopped)
    return {"id": test["id"], **verdict, "output": output}, child if kept else None


def run_source(source):
    try:
        tree = ast.parse(source, TEST_FILE)
    except SyntaxError as error:
        return verdict("error", f"the test does not compile: {error.msg} (line {error.lineno} of the test)")
    code = compile(ast.fix_missing_locations(AssertRewriter().visit(tree)), TEST_FILE, "exec")
    namespace = {"__name__": TEST_MODULE, CHECK: check}
    problem = attempt(lambda: exec(code, namespace))
    if problem is not None:
        return judge(problem)
    cases = collect(namespace)
    if not cases:
        return verdict("error", "the test has no test function (test_...) and no unittest.TestCase test method")
    for run in cases:
        problem, name = run()
        if problem is not None:
            return judge(problem, name if len(cases) > 1 else None)
    return verdict("passed", "passed")


def collect(namespace):
    """The test's own test functions and TestCase classes, as callables giving the first problem and where."""
    cases = []
    for name, value in list(namespace.items()):
        if name.startswith("test") and isinstance(value, types.FunctionType) \
                and value.__code__.co_filename == TEST_FILE:
            cases.append(lambda function=value: (attempt(function), function.__name__))
        elif isinstance(value, type) and issubclass(value, unittest.TestCase) and value.__module__ == TEST_MODULE:
            suite = unittest.defaultTestLoader.loadTestsFromTestCase(value)
            if suite.countTestCases():
                cases.append(lambda suite=suite: run_suite(suite))
    return cases


def attempt(action):
    """The exception action raised, or None; a GradingStop goes through."""
    try:
        action()
    except GradingStop:
        raise
    except BaseException as error:
        return error
    return None


def run_suite(suite):
    result = FirstProblem()
    suite.run(result)
    return result.problem, result.name


class FirstProblem(unittest.TestResult):
    """Keeps the first error or failure of a TestCase's tests, as the exception itself, and stops there."""

    problem = None
    name = None

    def addError(self, test, err):
        self.note(test, err[1])

    addFailure = addError

    def addSubTest(self, test, subtest, err):
        if err is not None:
            self.note(test, err[1])

    def addUnexpectedSuccess(self, test):
        self.note(test, AssertionError("the test passed, but it is marked as an expected failure"))

    def note(self, test, problem):
        if self.problem is None:
            self.problem, self.name = problem, getattr(test, "_testMethodName", None)
        self.stop()


def judge(problem, name=None):
    if isinstance(problem, GradingStop):
        return verdict(problem.outcome, problem.message)
    student = getattr(problem, "pyroom_student", None)
    if student is not None:
        result = verdict("error", student)
    elif isinstance(problem, AssertionFailed):
        result = verdict("failed", str(problem), problem.expected, problem.actual)
    elif isinstance(problem, AssertionError):
        result = verdict("failed", str(problem) or f"an assertion of the test failed (line {test_line(problem)})")
    else:
        result = verdict("error", f"the test stopped with {type(problem).__name__}: {problem}")
    if name is not None:
        result["message"] = f"{name}: {result['message']}"
    return result


def verdict(outcome, message, expected=None, actual=None):
    return {"outcome": outcome, "message": message, "expected": expected, "actual": actual}


def test_line(error):
    line = None
    traceback = error.__traceback__
    while traceback is not None:
        if traceback.tb_frame.f_code.co_filename == TEST_FILE:
            line = traceback.tb_lineno
        traceback = traceback.tb_next
    return line


class AssertRewriter(ast.NodeTransformer):
    """Turns `assert a OP b, message` into a call of check, which can say what was expected and what came instead."""

    def visit_Assert(self, node):
        test = node.test
        if not (isinstance(test, ast.Compare) and len(test.ops) == 1):
            return node
        left, right = test.left, test.comparators[0]
        message = ast.Constant(None)
        if node.msg is not None:
            # A lambda, so that the message is evaluated only when the assertion fails, as Python does.
            empty = ast.arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[])
            message = ast.Lambda(args=empty, body=node.msg)
        symbol = ast.Constant(COMPARISONS[type(test.ops[0])])
        expected_first = ast.Constant(is_literal(left) and not is_literal(right))
        call = ast.Call(ast.Name(CHECK, ast.Load()), [symbol, left, right, message, expected_first], [])
        return ast.copy_location(ast.Expr(call), node)


def is_literal(node):
    try:
        ast.literal_eval(node)
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        return False
    return True


def check(symbol, left, right, message, expected_first):
    if COMPARE[symbol](left, right):
        return
    actual, expected = left, right
    if expected_first and symbol not in ("in", "not in"):
        actual, expected, symbol = right, left, MIRRORED.get(symbol, symbol)
    raise AssertionFailed(symbol, shown(expected), shown(actual), None if message is None else message())


class AssertionFailed(AssertionError):
    def __init__(self, symbol, expected, actual, message):
        self.expected, self.actual = expected, actual
        if message is not None:
            text = str(message)
        elif symbol in ("==", "is"):
            text = f"expected {expected}, got {actual}"
        elif symbol in ("!=", "is not"):
            text = f"expected a value other than {expected}"
        elif symbol in ("in", "not in"):
            text = f"expected {actual} {'' if symbol == 'in' else 'not '}to be in {expected}"
        else:
            text = f"expected a value {symbol} {expected}, got {actual}"
        super().__init__(text)


def shown(value):
    try:
        text = repr(value)
    except Exception:
        return f"<a {type(value).__name__} that cannot be shown>"
    return text if len(text) <= MAX_REPR else text[: MAX_REPR - 1] + "…"
