"""Jedi on its own, as a baseline: the bench's completions in this one interpreter, warm, without a sandbox.

Usage: bare.py <file.py> <runs>; prints one completion time in milliseconds per line.
"""

import sys
import time

import jedi

source = open(sys.argv[1], encoding="utf-8").read()
environment = jedi.InterpreterEnvironment()
for version in range(10 + int(sys.argv[2])):
    edited = source + f"# edit {version}\nmath.sq"
    lines = edited.splitlines()
    start = time.perf_counter()
    found = [completion.name for completion in jedi.Script(edited, environment=environment).complete(len(lines), 7)]
    elapsed = (time.perf_counter() - start) * 1000
    assert "sqrt" in found, found
    if version >= 10:
        print(f"{elapsed:.3f}")
