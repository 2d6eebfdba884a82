"""A terminal: bash on a pseudo-terminal the agent creates inside the sandbox, relayed over the agent's frames.

The shell gets its own session with the pty as controlling terminal, so job control, Ctrl-C and SIGWINCH behave as
in any terminal. It is a child subreaper, so whatever it starts stays in its tree, apart from the runs the agent
cleans up after; and it yields to a run's processes when the OOM killer chooses.
"""

import fcntl
import os
import resource
import select
import signal
import struct
import termios

from pyroom_frames import READ_SIZE, TERMINAL_ID, send
from pyroom_limits import adjust_oom_score, become_subreaper, limit, limit_open_files, set_dumpable

MAX_PENDING_INPUT = 1 << 20
SHELL = ["/bin/bash", "-i"]
TERM = "xterm-256color"
TERMINAL_OOM_SCORE_ADJ = "500"
# Python ignores these for itself; a shell and what it starts need the usual behaviour back.
RESTORED_SIGNALS = (signal.SIGINT, signal.SIGPIPE, signal.SIGXFSZ, signal.SIGXCPU, signal.SIGTERM, signal.SIGHUP)


class Terminal:
    def __init__(self, ident, fields):
        cols, rows, processes, address_space, file_size = (int(f) for f in fields)
        self.ident = ident
        self.size = (cols, rows)
        self.processes = processes
        self.address_space = address_space
        self.file_size = file_size
        self.pending_input = bytearray()
        self.master = None

    def start(self, workspace, reaper):
        self.pid, self.master = os.forkpty()
        if self.pid == 0:
            try:
                become_shell(self, workspace)
            except BaseException as error:
                os.write(2, f"cannot start a shell: {error}\r\n".encode())
            finally:
                os._exit(127)
        reaper.watch(self.pid)
        os.set_blocking(self.master, False)
        self.pidfd = os.pidfd_open(self.pid)

    def register(self, poller):
        poller.register(self.pidfd, select.POLLIN)
        if self.master is not None:
            poller.register(self.master, select.POLLIN | (select.POLLOUT if self.pending_input else 0))

    def owns(self, fd):
        return fd in (self.pidfd, self.master)

    def handle(self, fd, events):
        if fd != self.master:
            return
        if events & select.POLLOUT:
            self.flush_input()
        if events & (select.POLLIN | select.POLLHUP | select.POLLERR):
            self.forward()

    def forward(self):
        """Relays what the pty has; False once nothing is left to read."""
        try:
            data = os.read(self.master, READ_SIZE)
        except BlockingIOError:
            return False
        except OSError:
            # EIO: every process that had the pty open is gone.
            self.close_master()
            return False
        if not data:
            self.close_master()
            return False
        send(b"t", TERMINAL_ID.pack(self.ident) + data)
        return True

    def add_input(self, data):
        if self.master is not None:
            self.pending_input += data[: MAX_PENDING_INPUT - len(self.pending_input)]
            self.flush_input()

    def flush_input(self):
        try:
            while self.pending_input and self.master is not None:
                del self.pending_input[: os.write(self.master, self.pending_input)]
        except BlockingIOError:
            return
        except OSError:
            self.pending_input.clear()

    def resize(self, cols, rows):
        self.size = (cols, rows)
        if self.master is not None:
            # The kernel signals SIGWINCH to the terminal's foreground process group.
            fcntl.ioctl(self.master, termios.TIOCSWINSZ, window_size(cols, rows))

    def end(self):
        """After the shell has been reaped: relays the last output and says the terminal is gone."""
        while self.master is not None and self.forward():
            pass
        self.close_master()
        os.close(self.pidfd)
        send(b"q", TERMINAL_ID.pack(self.ident))

    def close_master(self):
        if self.master is not None:
            os.close(self.master)
            self.master = None


def window_size(cols, rows):
    return struct.pack("HHHH", rows, cols, 0, 0)


def become_shell(terminal, workspace):
    for number in RESTORED_SIGNALS:
        signal.signal(number, signal.SIG_DFL)
    become_subreaper()
    set_dumpable(1)
    adjust_oom_score(TERMINAL_OOM_SCORE_ADJ)
    if terminal.processes:
        limit(resource.RLIMIT_NPROC, terminal.processes, terminal.processes)
    limit(resource.RLIMIT_FSIZE, terminal.file_size, terminal.file_size)
    limit(resource.RLIMIT_CORE, 0, 0)
    if terminal.address_space:
        limit(resource.RLIMIT_AS, terminal.address_space, terminal.address_space)
    fcntl.ioctl(0, termios.TIOCSWINSZ, window_size(*terminal.size))
    os.closerange(3, resource.getrlimit(resource.RLIMIT_NOFILE)[0])
    limit_open_files()
    os.chdir(workspace)
    os.execve(SHELL[0], SHELL, dict(os.environ, TERM=TERM))
