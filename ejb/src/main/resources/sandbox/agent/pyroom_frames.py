"""Framed messages between the host and the agent: one byte of type, four bytes of big-endian length, the payload."""

import os
import struct

HEADER = struct.Struct(">cI")
TERMINAL_ID = struct.Struct(">I")
READ_SIZE = 65536
MAX_PAYLOAD = 4 << 20


def send(kind, payload=b""):
    data = memoryview(HEADER.pack(kind, len(payload)) + payload)
    while data:
        data = data[os.write(1, data):]


class FrameReader:
    def __init__(self):
        self.received = bytearray()

    def feed(self, data):
        """Yields (kind, payload) for every frame that data completes."""
        self.received += data
        while len(self.received) >= HEADER.size:
            kind, length = HEADER.unpack_from(self.received)
            if length > MAX_PAYLOAD:
                raise ValueError(f"frame of {length} bytes from the host")
            if len(self.received) < HEADER.size + length:
                return
            payload = bytes(self.received[HEADER.size: HEADER.size + length])
            del self.received[: HEADER.size + length]
            yield kind, payload
