"""What crosses between the grader and a student's process: Python literals in length-prefixed frames.

Both sides read a frame with ast.literal_eval only, so a frame carries data (numbers, strings, bytes, tuples, lists,
dicts, sets, booleans, None) and never code: no pickle, no marshal. The grader bounds what it reads of an answer.
"""

import ast
import math
import struct

LENGTH = struct.Struct(">I")
MAX_ANSWER_BYTES = 1 << 20
# The grader is trusted; a test may pass the student's code a large input.
MAX_REQUEST_BYTES = 64 << 20
MAX_DEPTH = 100
# Decimal digits Python converts to and from text by default (sys.get_int_max_str_digits): about 4300.
MAX_INT_BITS = 14000
SCALARS = (int, str, bytes, bool, type(None))
CONTAINERS = (list, tuple, set)


class FrameTooLarge(Exception):
    def __init__(self, size):
        super().__init__(f"a frame of {size} bytes")
        self.size = size


def is_data(value, depth=0):
    """Whether repr(value) is a literal that reads back as an equal value of exactly the same types."""
    kind = type(value)
    if kind is int:
        return value.bit_length() < MAX_INT_BITS
    if kind in SCALARS:
        return True
    if kind is float:
        return math.isfinite(value)
    if kind is complex:
        return math.isfinite(value.real) and math.isfinite(value.imag)
    if depth >= MAX_DEPTH:
        return False
    if kind in CONTAINERS:
        return all(is_data(item, depth + 1) for item in value)
    if kind is dict:
        return all(is_data(key, depth + 1) and is_data(item, depth + 1) for key, item in value.items())
    return False


def encode(message):
    payload = repr(message).encode("utf-8")
    return LENGTH.pack(len(payload)) + payload


def take(buffer, limit):
    """The first whole message in buffer, removed from it, or None while it is incomplete.

    Raises FrameTooLarge when the next frame is longer than limit, ValueError when it is not a literal.
    """
    if len(buffer) < LENGTH.size:
        return None
    (size,) = LENGTH.unpack_from(buffer)
    if size > limit:
        raise FrameTooLarge(size)
    if len(buffer) < LENGTH.size + size:
        return None
    payload = bytes(buffer[LENGTH.size: LENGTH.size + size])
    del buffer[: LENGTH.size + size]
    try:
        return ast.literal_eval(payload.decode("utf-8"))
    except Exception as error:  # literal_eval raises several kinds, and a student's process sends anything
        raise ValueError("not a literal") from error
