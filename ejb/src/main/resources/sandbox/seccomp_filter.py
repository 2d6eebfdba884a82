"""Writes Pyroom's sandbox seccomp filter, as BPF, to the file named by the first argument.

Everything is allowed except system calls a Python program never needs and that widen
the kernel surface a sandboxed program can reach. The filter covers the native
architecture only; libseccomp kills a process that uses any other system call ABI.
"""

import errno
import sys

import seccomp

BLOCKED = (
    "acct", "add_key", "bpf", "chroot", "clock_adjtime", "clock_settime", "delete_module",
    "finit_module", "fsconfig", "fsmount", "fsopen", "fspick", "init_module", "io_uring_enter",
    "io_uring_register", "io_uring_setup", "ioperm", "iopl", "kexec_file_load", "kexec_load",
    "keyctl", "lookup_dcookie", "mount", "mount_setattr", "move_mount", "name_to_handle_at",
    "open_by_handle_at", "open_tree", "perf_event_open", "pivot_root",
    "process_vm_readv", "process_vm_writev", "ptrace", "quotactl", "reboot", "request_key",
    "setdomainname", "sethostname", "setns", "settimeofday", "swapoff", "swapon", "syslog",
    "umount2", "unshare", "uselib", "userfaultfd", "vhangup",
)
CLONE_NAMESPACE_FLAGS = (0x00020000, 0x02000000, 0x04000000, 0x08000000, 0x10000000, 0x20000000, 0x40000000)
BLOCKED_SOCKET_FAMILIES = (16, 17)  # AF_NETLINK, AF_PACKET
BLOCKED_IOCTLS = (0x5412, 0x541C)  # TIOCSTI pushes keystrokes into a terminal, TIOCLINUX does the same on a console


def build():
    syscalls = seccomp.SyscallFilter(defaction=seccomp.ALLOW)
    deny = seccomp.ERRNO(errno.EPERM)
    for name in BLOCKED:
        syscalls.add_rule(deny, name)
    for flag in CLONE_NAMESPACE_FLAGS:
        syscalls.add_rule(deny, "clone", seccomp.Arg(0, seccomp.MASKED_EQ, flag, flag))
    # clone3 passes its flags in memory a filter cannot read; ENOSYS makes the C library fall back to clone.
    syscalls.add_rule(seccomp.ERRNO(errno.ENOSYS), "clone3")
    for family in BLOCKED_SOCKET_FAMILIES:
        syscalls.add_rule(deny, "socket", seccomp.Arg(0, seccomp.EQ, family))
    for request in BLOCKED_IOCTLS:
        syscalls.add_rule(deny, "ioctl", seccomp.Arg(1, seccomp.MASKED_EQ, 0xFFFFFFFF, request))
    return syscalls


if __name__ == "__main__":
    with open(sys.argv[1], "wb") as target:
        build().export_bpf(target)
