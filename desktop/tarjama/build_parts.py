"""The temporary files new stores are built in (`sqlite_file.build_new`), and what is left of a build that never
ended.

A build removes its file whenever it fails, but a power cut or a killed process leaves it behind: hidden (a dot
name) beside the store it was to become, and gigabytes for a million-unit memory. So each build holds a lock on its
file while it runs, and the next build of the same name removes the files no build holds. On Windows a file that is
open cannot be deleted, which tells the same without a lock.
"""

from __future__ import annotations

import glob
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]

PART_SUFFIX = ".part"
#: Seconds since a build file was last written before another build may take it for abandoned: a build holds its
#: lock from its first moment, so this only covers the instant between the file's creation and the lock.
_ABANDONED_AFTER = 60.0


def part_prefix(path: Path) -> str:
    """The start of the names of the files `path` is built in (`tempfile.mkstemp` adds a random part)."""
    return f".{path.name}."


@contextmanager
def holding(part: Path) -> Iterator[None]:
    """Mark the build file `part` as in use for the block (a shared lock: another build may not remove it)."""
    if fcntl is None:
        yield  # open, the file cannot be deleted: nothing to add
        return
    fd = os.open(part, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_SH)
        yield
    finally:
        os.close(fd)


def remove_abandoned(path: Path) -> None:
    """Delete the build files of `path` that no running build holds, with SQLite's files beside them."""
    pattern = glob.escape(part_prefix(path)) + "*" + PART_SUFFIX
    for part in path.parent.glob(pattern):
        try:
            if time.time() - part.stat().st_mtime < _ABANDONED_AFTER or _in_use(part):
                continue
            for leftover in (part, Path(f"{part}-wal"), Path(f"{part}-shm"), Path(f"{part}-journal")):
                leftover.unlink(missing_ok=True)
        except OSError:
            continue  # gone meanwhile, or in use (Windows): not ours to remove


def _in_use(part: Path) -> bool:
    if fcntl is None:
        return False  # deleting it will fail if it is
    fd = os.open(part, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(fd)
    return False
