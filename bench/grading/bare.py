"""The baseline of bench/grading.sh: the same 10 tests run by bare python3, one process per test (one run per I/O test,
one interpreter per unit test), without a sandbox. Prints one line per round: its time in ms.

Usage: bare.py PYTHON ROUNDS FOLDER, where FOLDER holds main.py, solution.py, io/N.in with io/N.out, and unit/*.py.
"""

import glob
import os
import subprocess
import sys
import time

RUN_TESTS = """
import sys, unittest
module = __import__(sys.argv[1])
for name, value in vars(module).items():
    if name.startswith('test_') and callable(value):
        value()
suite = unittest.defaultTestLoader.loadTestsFromModule(module)
if not unittest.TextTestRunner(stream=open('/dev/null', 'w')).run(suite).wasSuccessful():
    sys.exit(1)
"""


def one_round(python, folder):
    for stdin in sorted(glob.glob(os.path.join(folder, "io", "*.in"))):
        with open(stdin, "rb") as given, open(stdin[:-3] + ".out", "rb") as expected:
            output = subprocess.run([python, "main.py"], stdin=given, capture_output=True, cwd=folder).stdout
            if output.split() != expected.read().split():
                sys.exit(f"bare python3: {stdin} gave different output")
    for test in sorted(glob.glob(os.path.join(folder, "unit", "*.py"))):
        name = os.path.basename(test)[:-3]
        env = {"PYTHONPATH": os.path.join(folder, "unit")}
        if subprocess.run([python, "-c", RUN_TESTS, name], cwd=folder, env=env).returncode != 0:
            sys.exit(f"bare python3: unit test {name} failed")


def main():
    python, rounds, folder = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    for _ in range(rounds):
        started = time.perf_counter()
        one_round(python, folder)
        print(f"{(time.perf_counter() - started) * 1000:.1f}")


if __name__ == "__main__":
    main()
