"""Folders a program can crowd with files.

An empty file takes no room on a tmpfs but about a kibibyte of kernel memory, charged to the sandbox's memory: a
program that makes files in a loop until it is killed leaves that memory full, and every later run would be killed
as it starts. So before each run the agent relieves a folder holding more entries than a program needs: a scratch
folder is emptied; the workspace loses only what the host was never told of, which was never saved. The run is told
why.
"""

import os

SCRATCH_FOLDERS = ("/tmp", "/home/student", "/dev/shm")
# As many as one collect of the workspace walks (AgentFiles.MAX_ENTRIES): a workspace beyond cannot be saved whole.
MOST_ENTRIES = 10_000
FOLDER_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC


def relieve(workspace):
    """Relieves every crowded folder; returns a notice for the run, or b"" when none was crowded."""
    notices = []
    for folder in SCRATCH_FOLDERS:
        entries = entries_in(folder)
        if entries > MOST_ENTRIES:
            empty(folder)
            notices.append(f"Pyroom emptied {folder} before this run: its {entries:,} files left no memory for programs.")
    entries = entries_in(workspace.root)
    if entries > MOST_ENTRIES:
        workspace.prune_unsaved()
        notices.append(
            f"Pyroom removed the files of the workspace that were never saved before this run: its {entries:,} files"
            " left no memory for programs.")
    if notices:
        notices.append(f"A sandbox keeps at most {MOST_ENTRIES:,} files in a folder between runs.")
    return "".join(notice + "\n" for notice in notices).encode()


def entries_in(folder):
    """The inodes a tmpfs has in use, counted by the kernel: no walk, so a crowded folder costs nothing to check."""
    try:
        stats = os.statvfs(folder)
    except OSError:
        return 0
    return stats.f_files - stats.f_ffree


def empty(folder):
    fd = os.open(folder, FOLDER_FLAGS)
    try:
        remove_all_but(fd, lambda entry: False)
    finally:
        os.close(fd)


def remove_all_but(fd, keep):
    """Removes the entries of the open folder fd for which keep(entry) is false, never following a link."""
    import shutil  # only here: it costs every sandbox's start milliseconds of imports

    with os.scandir(fd) as entries:
        for entry in entries:
            if keep(entry):
                continue
            if entry.is_dir(follow_symlinks=False):
                shutil.rmtree(entry.name, dir_fd=fd, ignore_errors=True)
            else:
                try:
                    os.unlink(entry.name, dir_fd=fd)
                except FileNotFoundError:
                    pass
