"""What Python's site module gives a program, without the start-up hooks of the host's .pth files.

Sandbox interpreters start with -S: a .pth file may run any code at every start (some import packages, costing tens
of milliseconds per interpreter, or write files), and a sandbox runs none of the host's code before the student's.
The installed packages stay importable and exit(), quit() and help() stay defined, as in a plain python3.
"""

import os
import site
import sys


def prepare():
    for folder in site.getsitepackages():
        if os.path.isdir(folder) and folder not in sys.path:
            sys.path.append(folder)
    site.setquit()
    site.setcopyright()
    site.sethelper()
