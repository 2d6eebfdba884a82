"""Process attributes the agent sets on itself and on the processes it starts.

ctypes is imported where it is needed: the grader's zygote, a fresh interpreter for every check, needs only rlimits.
"""

import resource

PR_SET_DUMPABLE = 4
PR_SET_SECCOMP = 22
PR_SET_CHILD_SUBREAPER = 36
PR_SET_NO_NEW_PRIVS = 38
SECCOMP_MODE_FILTER = 2
BPF_INSTRUCTION_BYTES = 8
# Where a container sees its own memory cgroup: v2, then v1. A sandbox without /sys has neither.
OOM_COUNTERS = (("/sys/fs/cgroup/memory.events", b"oom_kill "), ("/sys/fs/cgroup/memory/memory.oom_control", b"oom_kill "))
# The server's own limit is far higher, and every open file is kernel memory.
MAX_OPEN_FILES = 1024


def set_dumpable(value):
    # A non-dumpable agent cannot be read or written through /proc/1/mem or /proc/1/environ by the programs it runs.
    prctl(PR_SET_DUMPABLE, value)


def become_subreaper():
    prctl(PR_SET_CHILD_SUBREAPER, 1)


def prctl(option, value):
    import ctypes

    if ctypes.CDLL(None, use_errno=True).prctl(option, value, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), f"prctl {option}")


def limit(kind, soft, hard):
    resource.setrlimit(kind, (soft, hard))


def limit_open_files():
    limit(resource.RLIMIT_NOFILE, MAX_OPEN_FILES, MAX_OPEN_FILES)


def adjust_oom_score(value):
    with open("/proc/self/oom_score_adj", "w") as adjust:
        adjust.write(value)


def oom_kills():
    """How often the OOM killer struck in the sandbox's memory cgroup, or None where the sandbox cannot see it."""
    for path, key in OOM_COUNTERS:
        try:
            with open(path, "rb") as counters:
                for line in counters:
                    if line.startswith(key):
                        return int(line[len(key):])
        except OSError:
            continue
    return None


def load_seccomp(path):
    """Applies a compiled seccomp filter to this process and everything it starts, for good."""
    import ctypes

    class SockFprog(ctypes.Structure):
        _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]

    with open(path, "rb") as compiled:
        program = compiled.read()
    instructions = ctypes.create_string_buffer(program, len(program))
    fprog = SockFprog(len(program) // BPF_INSTRUCTION_BYTES, ctypes.cast(instructions, ctypes.c_void_p))
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "prctl PR_SET_NO_NEW_PRIVS")
    if libc.prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, ctypes.byref(fprog), 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "prctl PR_SET_SECCOMP")
