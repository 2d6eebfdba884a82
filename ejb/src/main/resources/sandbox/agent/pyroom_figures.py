"""Figures a run shows: a pipe of their own from the program (pyroom_plots, matplotlib's backend in a run) to the agent.

On the pipe each figure is a four-byte big-endian length and that many bytes of PNG. The agent passes each on to the
host as one figure frame, apart from the program's text, so no output of the program can pass for a figure's frame,
nor a figure for text. A length over MAX_FIGURE_BYTES ends the channel for the run: the program is told when it next
writes.
"""

import importlib.machinery
import importlib.util
import os
import struct

from pyroom_frames import READ_SIZE

LENGTH = struct.Struct(">I")
MAX_FIGURE_BYTES = 1 << 20
BACKEND = "pyroom_plots"


class FigureChannel:
    """The agent's end of a run's figure pipe; deliver(png) gets every whole figure."""

    def __init__(self, fd, deliver):
        self.fd = fd
        self.deliver = deliver
        self.received = bytearray()
        os.set_blocking(fd, False)

    def read(self):
        """Reads what is there; False once the channel is closed."""
        if self.fd is None:
            return False
        try:
            data = os.read(self.fd, READ_SIZE)
        except BlockingIOError:
            return False
        if not data:
            self.close()
            return False
        self.received += data
        while len(self.received) >= LENGTH.size:
            (size,) = LENGTH.unpack_from(self.received)
            if size > MAX_FIGURE_BYTES:
                self.close()
                return False
            if len(self.received) < LENGTH.size + size:
                break
            figure = bytes(self.received[LENGTH.size: LENGTH.size + size])
            del self.received[: LENGTH.size + size]
            self.deliver(figure)
        return True

    def drain(self):
        while self.read():
            pass
        self.close()

    def close(self):
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None
            self.received.clear()


class PlotsBackendFinder:
    """Lets matplotlib import pyroom_plots from the agent's folder, which the run's sys.path no longer holds.

    It comes last on sys.meta_path and finds that one name only, so the program's own modules and the standard
    library are found as in any Python; the loaded module gets the write end of the run's figure pipe.
    """

    def __init__(self, home, figure_fd):
        self.path = os.path.join(home, BACKEND + ".py")
        self.figure_fd = figure_fd

    def find_spec(self, name, path=None, target=None):
        if name != BACKEND:
            return None
        return importlib.util.spec_from_loader(name, PlotsBackendLoader(name, self.path, self.figure_fd))


class PlotsBackendLoader(importlib.machinery.SourceFileLoader):
    def __init__(self, name, path, figure_fd):
        super().__init__(name, path)
        self.figure_fd = figure_fd

    def exec_module(self, module):
        super().exec_module(module)
        module.FIGURE_FD = self.figure_fd
