"""The workspace as the agent keeps it: a sized tmpfs seeded with the files the database holds, and what has
changed in it since the host last asked.

All of this runs inside the sandbox, so a link can only lead where the student's programs reach anyway. Still
nothing follows one: folders are opened a component at a time with O_NOFOLLOW, files with O_NOFOLLOW and O_NONBLOCK
and checked with fstat. What goes back is exactly the workspace's own regular files and folders, and no FIFO or
device can stall the agent or feed it endless bytes.
"""

import errno
import os
import stat

from pyroom_crowding import remove_all_but

try:
    # The C module hashlib wraps, without the milliseconds OpenSSL adds to every sandbox's start.
    from _sha256 import sha256
except ImportError:
    from hashlib import sha256

FILE = b"f"
FOLDER = b"d"
DELETED = b"x"
TOO_LARGE = b"L"
FOLDER_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC
FILE_FLAGS = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC
NEW_FILE_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC
MISSING = (errno.ENOENT, errno.ENOTDIR, errno.ELOOP)
MAX_DEPTH = 64
READ_SIZE = 65536


class Limits:
    """How much one collect may do: bytes read of a file, changes reported, entries walked, bytes of all contents."""

    def __init__(self, max_file_bytes, max_changes, max_entries, max_batch_bytes):
        self.max_file_bytes = max_file_bytes
        self.max_changes = max_changes
        self.max_entries = max_entries
        self.max_batch_bytes = max_batch_bytes

    @classmethod
    def parse(cls, payload):
        return cls(*(int(field) for field in payload.split()))


SEED_LIMITS = Limits(16 << 20, 1 << 20, 1 << 20, 1 << 40)


class Known:
    """A path as the database has it: its kind, and for a file the stat key and digest it was last seen with."""

    __slots__ = ("kind", "key", "digest")

    def __init__(self, kind, key=None, digest=None):
        self.kind = kind
        self.key = key
        self.digest = digest


class Workspace:
    def __init__(self, root):
        self.root = root
        self.known = {}

    def seed(self, source):
        """Copies the files the sandbox starts with. They are what the database holds, so they count as known."""
        for folder, folders, files in os.walk(source):
            target = os.path.normpath(os.path.join(self.root, os.path.relpath(folder, source)))
            for name in folders:
                if not os.path.islink(os.path.join(folder, name)):
                    os.mkdir(os.path.join(target, name), 0o755)
            fd = os.open(folder, FOLDER_FLAGS)
            try:
                for name in files:
                    copy_regular(fd, name, os.path.join(target, name))
            finally:
                os.close(fd)
        self.collect(SEED_LIMITS, lambda kind, path, content: None)

    def collect(self, limits, report):
        """Calls report(kind, path, content) for every file and folder that is new or changed, parents first, then for
        every deletion. Returns False when limits cut the walk short: the rest comes with the next collect."""
        self.known, whole = Collect(self, limits, report).run()
        return whole

    def put(self, path, content):
        """Writes a file through a fresh name renamed over the old one, so a link or FIFO in its place is replaced,
        never followed."""
        *parents, name = components(path)
        fd = self.open_folder(parents, create=True)
        try:
            temporary = b".pyroom-" + os.urandom(8).hex().encode()
            out = os.open(temporary, NEW_FILE_FLAGS, 0o644, dir_fd=fd)
            try:
                try:
                    write_all(out, content)
                finally:
                    os.close(out)
                os.rename(temporary, name, src_dir_fd=fd, dst_dir_fd=fd)
            except BaseException:
                os.unlink(temporary, dir_fd=fd)
                raise
            info = os.stat(name, dir_fd=fd, follow_symlinks=False)
            self.known[path] = Known(FILE, key_of(info), sha256(content).digest())
        finally:
            os.close(fd)

    def make_folder(self, path):
        os.close(self.open_folder(components(path), create=True))
        self.known[path] = Known(FOLDER)

    def delete(self, path):
        """Deletes a file, or a folder with everything in it; a path that does not exist is already deleted."""
        *parents, name = components(path)
        try:
            fd = self.open_folder(parents)
        except OSError as error:
            if error.errno not in MISSING:
                raise
            self.forget(path)
            return
        try:
            if stat.S_ISDIR(os.stat(name, dir_fd=fd, follow_symlinks=False).st_mode):
                import shutil  # only here: it costs every sandbox's start milliseconds of imports

                shutil.rmtree(name, dir_fd=fd)
            else:
                os.unlink(name, dir_fd=fd)
        except FileNotFoundError:
            pass
        finally:
            os.close(fd)
        self.forget(path)

    def prune_unsaved(self):
        """Removes every file and folder the host was never told of: never saved, so nothing durable is lost."""
        pending = [()]
        while pending:
            folder = pending.pop()
            try:
                fd = self.open_folder(folder)
            except OSError:
                continue
            try:
                remove_all_but(fd, lambda entry: self.keeps(folder, entry, pending))
            finally:
                os.close(fd)

    def keeps(self, folder, entry, pending):
        """Whether the host knows the entry as what it is; a known folder joins pending, to be pruned in turn."""
        parts = folder + (os.fsencode(entry.name),)
        known = self.known.get(b"/".join(parts))
        if known is None:
            return False
        if entry.is_dir(follow_symlinks=False):
            if known.kind != FOLDER:
                return False
            pending.append(parts)
            return True
        return known.kind == FILE and entry.is_file(follow_symlinks=False)

    def forget(self, path):
        below = path + b"/"
        for known in [known for known in self.known if known == path or known.startswith(below)]:
            del self.known[known]

    def open_folder(self, parts, create=False):
        """Opens a folder of the workspace one component at a time, never through a link."""
        fd = os.open(self.root, FOLDER_FLAGS)
        try:
            for depth, name in enumerate(parts):
                try:
                    inner = os.open(name, FOLDER_FLAGS, dir_fd=fd)
                except FileNotFoundError:
                    if not create:
                        raise
                    os.mkdir(name, 0o755, dir_fd=fd)
                    inner = os.open(name, FOLDER_FLAGS, dir_fd=fd)
                    self.known[b"/".join(parts[: depth + 1])] = Known(FOLDER)
                os.close(fd)
                fd = inner
            return fd
        except BaseException:
            os.close(fd)
            raise


class Collect:
    """One walk of the workspace, comparing what it finds with what the database is known to hold."""

    def __init__(self, workspace, limits, report):
        self.workspace = workspace
        self.known = workspace.known
        self.limits = limits
        self.sink = report
        self.seen = {}
        self.changes = 0
        self.sent_bytes = 0
        self.entries = 0
        self.whole = True

    def run(self):
        """Returns the paths known after this collect, and whether it saw everything."""
        self.walk()
        if not self.whole:
            return {**self.known, **self.seen}, False
        gone = sorted(self.known.keys() - self.seen.keys(), reverse=True)
        for number, path in enumerate(gone):
            if not self.has_room(1, b""):
                return {**{path: self.known[path] for path in gone[number:]}, **self.seen}, False
            self.report(DELETED, path, b"")
        return self.seen, True

    def has_room(self, changes, content):
        return (self.changes + changes <= self.limits.max_changes
                and self.sent_bytes + len(content) <= self.limits.max_batch_bytes)

    def report(self, kind, path, content):
        self.sink(kind, path, content)
        self.changes += 1
        self.sent_bytes += len(content)

    def walk(self):
        pending = [()]
        while pending:
            folder = pending.pop()
            try:
                fd = self.workspace.open_folder(folder)
            except OSError as error:
                # Swapped for a link since it was listed, or made unreadable: deletions below it cannot be told.
                self.whole = self.whole and error.errno in MISSING
                continue
            try:
                subfolders = self.list_folder(fd, folder)
            finally:
                os.close(fd)
            if subfolders is None:
                return
            pending.extend(reversed(subfolders))

    def list_folder(self, fd, folder):
        """Reports the folder's entries; returns its subfolders to walk, or None when the walk must stop."""
        room = self.limits.max_entries - self.entries
        with os.scandir(fd) as listing:
            names = sorted(os.fsencode(entry.name) for _, entry in zip(range(room + 1), listing))
        crowded = len(names) > room
        subfolders = []
        for name in names[:room]:
            self.entries += 1
            if not is_utf8(name):
                continue
            parts = folder + (name,)
            path = b"/".join(parts)
            try:
                info = os.stat(name, dir_fd=fd, follow_symlinks=False)
            except FileNotFoundError:
                continue
            if stat.S_ISDIR(info.st_mode):
                if not self.saw_folder(path):
                    self.whole = False
                    return None
                if len(parts) < MAX_DEPTH:
                    subfolders.append(parts)
            elif stat.S_ISREG(info.st_mode) and not self.saw_file(fd, name, path, info):
                self.whole = False
                return None
        if crowded:
            self.whole = False
            return None
        return subfolders

    def saw_folder(self, path):
        """Reports the folder if it is new; False when the collect has no room left for it."""
        before = self.known.get(path)
        if before is None or before.kind != FOLDER:
            if not self.has_room(1 if before is None else 2, b""):
                return False
            if before is not None:
                self.report(DELETED, path, b"")
            self.report(FOLDER, path, b"")
        self.seen[path] = Known(FOLDER)
        return True

    def saw_file(self, fd, name, path, info):
        """Reports the file if its content changed; False when the collect has no room left for it."""
        before = self.known.get(path)
        if before is not None and before.kind == FILE and before.key == key_of(info):
            self.seen[path] = before
            return True
        try:
            found = read_regular(fd, name, self.limits.max_file_bytes + 1)
        except PermissionError:
            if before is not None:
                self.seen[path] = before
            return True
        if found is None:
            return True
        key, content = found
        if len(content) > self.limits.max_file_bytes:
            kind, content, digest = TOO_LARGE, b"", None
        else:
            kind, digest = FILE, sha256(content).digest()
        if before is None or before.kind != FILE or digest is None or before.digest != digest:
            replaces_folder = before is not None and before.kind != FILE
            if not self.has_room(2 if replaces_folder else 1, content):
                return False
            if replaces_folder:
                self.report(DELETED, path, b"")
            self.report(kind, path, content)
        self.seen[path] = Known(FILE, key, digest)
        return True


def components(path):
    """The host checks paths before it sends them; this keeps the agent safe even if it did not."""
    parts = path.split(b"/")
    if any(part in (b"", b".", b"..") or b"\0" in part for part in parts):
        raise ValueError("not a path inside the workspace")
    return parts


def read_regular(fd, name, most):
    """(stat key, up to most bytes) of a regular file; None when the name is not one, or no longer there."""
    try:
        file = os.open(name, FILE_FLAGS, dir_fd=fd)
    except OSError as error:
        if error.errno == errno.EACCES:
            raise
        return None
    try:
        info = os.fstat(file)
        if not stat.S_ISREG(info.st_mode):
            return None
        chunks = []
        size = 0
        while size < most:
            chunk = os.read(file, min(READ_SIZE, most - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        return key_of(info), b"".join(chunks)
    finally:
        os.close(file)


def copy_regular(fd, name, target):
    """Copies a regular file of the seed; anything else there is left out."""
    source = os.open(name, FILE_FLAGS, dir_fd=fd)
    try:
        if not stat.S_ISREG(os.fstat(source).st_mode):
            return
        out = os.open(target, NEW_FILE_FLAGS, 0o644)
        try:
            while chunk := os.read(source, READ_SIZE):
                write_all(out, chunk)
        finally:
            os.close(out)
    finally:
        os.close(source)


def key_of(info):
    # The ctime moves with every write and no program can set it back, unlike the mtime.
    return info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns


def write_all(fd, content):
    view = memoryview(content)
    while view:
        view = view[os.write(fd, view):]


def is_utf8(name):
    try:
        name.decode("utf-8")
        return True
    except UnicodeDecodeError:
        return False
