"""Process attributes the agent sets on itself and on the processes it starts."""

import ctypes
import resource

PR_SET_DUMPABLE = 4
PR_SET_CHILD_SUBREAPER = 36
# The server's own limit is far higher, and every open file is kernel memory.
MAX_OPEN_FILES = 1024


def set_dumpable(value):
    # A non-dumpable agent cannot be read or written through /proc/1/mem or /proc/1/environ by the programs it runs.
    prctl(PR_SET_DUMPABLE, value)


def become_subreaper():
    prctl(PR_SET_CHILD_SUBREAPER, 1)


def prctl(option, value):
    if ctypes.CDLL(None, use_errno=True).prctl(option, value, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), f"prctl {option}")


def limit(kind, soft, hard):
    resource.setrlimit(kind, (soft, hard))


def limit_open_files():
    limit(resource.RLIMIT_NOFILE, MAX_OPEN_FILES, MAX_OPEN_FILES)


def adjust_oom_score(value):
    with open("/proc/self/oom_score_adj", "w") as adjust:
        adjust.write(value)
