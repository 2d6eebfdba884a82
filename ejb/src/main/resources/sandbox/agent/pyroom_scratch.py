"""The scratch folders a program can crowd with files.

An empty file takes no room on a tmpfs but about a kibibyte of kernel memory, charged to the sandbox's memory: a
program that makes files in a loop until it is killed leaves that memory full, and every later run would be killed
as it starts. So before each run the agent empties a scratch folder holding more entries than a program needs to
keep between runs, and tells the run why. The workspace is never emptied this way: it holds the student's files.
"""

import os

SCRATCH_FOLDERS = ("/tmp", "/home/student", "/dev/shm")
MOST_ENTRIES = 10_000
FOLDER_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC


def empty_crowded():
    """Empties every scratch folder holding more than MOST_ENTRIES entries; returns a notice for the run, or b""."""
    notices = []
    for folder in SCRATCH_FOLDERS:
        entries = entries_in(folder)
        if entries > MOST_ENTRIES:
            empty(folder)
            notices.append(
                f"Pyroom emptied {folder} before this run: its {entries:,} files left no memory for programs"
                f" (a sandbox keeps at most {MOST_ENTRIES:,} there between runs).\n")
    return "".join(notices).encode()


def entries_in(folder):
    """The inodes a tmpfs has in use, counted by the kernel: no walk, so a crowded folder costs nothing to check."""
    try:
        stats = os.statvfs(folder)
    except OSError:
        return 0
    return stats.f_files - stats.f_ffree


def empty(folder):
    import shutil  # only here: it costs every sandbox's start milliseconds of imports

    fd = os.open(folder, FOLDER_FLAGS)
    try:
        with os.scandir(fd) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    shutil.rmtree(entry.name, dir_fd=fd, ignore_errors=True)
                else:
                    try:
                        os.unlink(entry.name, dir_fd=fd)
                    except FileNotFoundError:
                        pass
    finally:
        os.close(fd)
