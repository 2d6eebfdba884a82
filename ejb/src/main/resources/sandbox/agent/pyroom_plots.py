"""The matplotlib backend of a run (MPLBACKEND=module://pyroom_plots): plt.show() and Figure.show() hand each figure
to the agent as a PNG, which the editor shows in the run's output as an image.

The PNG goes through a pipe of its own (FIGURE_FD, set by the agent when it loads this module), never through stdout:
what the program prints stays text, and nothing on the figure channel is ever read as anything but an image. A
program that writes to the pipe itself can only make an image appear; the agent and the server check what arrives.

Matplotlib is imported only when the program imports it, never by the agent: a run that does not plot pays nothing.
"""

import fcntl
import io
import os
import stat
import struct
import sys
import termios
import time

from matplotlib._pylab_helpers import Gcf
from matplotlib.backend_bases import FigureManagerBase
from matplotlib.backends.backend_agg import FigureCanvasAgg

# Set by the agent's loader to the write end of the run's figure pipe.
FIGURE_FD = None
LENGTH = struct.Struct(">I")
MAX_PNG_BYTES = 1 << 20
MAX_DPI = 200
# Neither side of the image larger than this: a figure of 100 x 100 inches is drawn smaller, not refused.
MAX_PIXELS = 2000
TAKEN_POLL_SECONDS = 0.0005


class FigureManager(FigureManagerBase):
    def show(self):
        hand_over(self.canvas.figure)


class FigureCanvas(FigureCanvasAgg):
    manager_class = FigureManager


def show(*args, **kwargs):
    """Hands every open figure over, in the order they were made, then closes them, as a window being closed would."""
    for manager in Gcf.get_all_fig_managers():
        manager.show()
    Gcf.destroy_all()


def hand_over(figure):
    width, height = figure.get_size_inches()
    dpi = min(figure.dpi, MAX_DPI, MAX_PIXELS / max(width, height, 1e-3))
    png = io.BytesIO()
    figure.savefig(png, format="png", dpi=dpi)
    data = png.getvalue()
    number = getattr(figure, "number", "")
    if len(data) > MAX_PNG_BYTES:
        print(f"Figure {number} is not shown: it is larger than {MAX_PNG_BYTES >> 20} MiB as an image.",
              file=sys.stderr)
        return
    # Text printed before show() comes before the figure.
    for stream in (sys.stdout, sys.stderr):
        stream.flush()
    try:
        write_all(LENGTH.pack(len(data)) + data)
        await_taken()
    except (OSError, TypeError):
        print(f"Figure {number} is not shown: figures cannot be shown here.", file=sys.stderr)


def await_taken():
    """Waits until the agent has taken the whole figure, so that what the program prints next comes after it: the
    agent reads the figure pipe and stdout apart, and passes a figure on as soon as it has read it all."""
    if not stat.S_ISFIFO(os.fstat(FIGURE_FD).st_mode):
        return
    unread = bytearray(4)
    while True:
        fcntl.ioctl(FIGURE_FD, termios.FIONREAD, unread)
        if int.from_bytes(unread, sys.byteorder) == 0:
            return
        time.sleep(TAKEN_POLL_SECONDS)


def write_all(data):
    view = memoryview(data)
    while view:
        view = view[os.write(FIGURE_FD, view):]
