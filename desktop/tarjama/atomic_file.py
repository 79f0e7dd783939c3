"""Writing a file the translator named without ever leaving half of it behind.

Every export (translated document, TMX, glossary, report) is written to a temporary file beside its destination,
flushed to disk and renamed over it at the end. A failure, a cancel or a full disk therefore leaves any earlier
file at that path exactly as it was, and no partial file anywhere. A destination that is one of Tarjama's own
stores (a project, memory or glossary) is refused before anything is written (`tarjama.export_guard`).

A new store is published the same way, but with `publish_new`, which never replaces a file that appeared meanwhile.
"""

from __future__ import annotations

import errno
import os
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from tarjama.errors import QT_TRANSLATE_NOOP, BadInputError, Message
from tarjama.export_guard import refuse_store


@contextmanager
def replacing_path(path: Path, what: str = QT_TRANSLATE_NOOP("Errors", "file")) -> Iterator[Path]:
    """A temporary path beside `path` for a writer that wants a path; it replaces `path` when the block ends.

    The temporary name keeps the extension, for writers that choose the format by it.

    `what` names the file in messages ("report", "exported memory"), marked for translation by the caller. An
    unwritable destination is a BadInputError naming it, since choosing another place is the translator's fix.

    """
    path = Path(path)
    if path.is_dir():
        raise BadInputError(path, QT_TRANSLATE_NOOP("Errors", "is a folder; choose a file name for the {what}"),
                            what=Message(what))
    refuse_store(path)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=f".part{path.suffix}", dir=path.parent)
        os.close(fd)
        os.unlink(tmp_name)  # the writer makes it again, with a new file's usual permissions rather than 0600
    except OSError as exc:
        raise _unwritable(path, exc) from exc
    tmp = Path(tmp_name)
    try:
        yield tmp
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise _unwritable(path, exc) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


@contextmanager
def replacing(
    path: Path,
    mode: str = "wb",
    what: str = QT_TRANSLATE_NOOP("Errors", "file"),
    *,
    encoding: str | None = None,
    newline: str | None = None,

) -> Iterator[IO]:
    """An open temporary file beside `path`, synced to disk and renamed over `path` when the block ends."""
    with replacing_path(path, what) as tmp, tmp.open(mode.replace("w", "x"), encoding=encoding, newline=newline) as out:
        yield out
        out.flush()
        os.fsync(out.fileno())


#: What `os.link` fails with on a file system that has no hard links (FAT, exFAT, some network shares).
_NO_HARD_LINKS = {errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.ENOSYS, errno.EXDEV, errno.EMLINK, errno.EINVAL}


def publish_new(tmp: Path, path: Path) -> None:
    """Rename the complete file `tmp` to `path` unless `path` exists, as one step no other program can slip into:
    raises FileExistsError, leaving both files as they are, if something is already at `path` (made since the
    caller last looked). Same folder only.

    `os.replace` would silently put `tmp` over a file another program published a moment earlier. A hard link
    cannot: it fails when the name is taken. Windows' rename never replaces. On a POSIX file system without hard
    links, a lock file made with O_EXCL keeps two publishers from checking and renaming at the same time.
    """
    if os.name == "nt":
        os.rename(tmp, path)
        return
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise
    except OSError as exc:
        if exc.errno not in _NO_HARD_LINKS:
            raise
        _publish_under_lock(tmp, path)
        return
    os.unlink(tmp)


#: How long `_publish_under_lock` waits for another publisher's lock before taking it as abandoned.
_LOCK_PATIENCE = 2.0


def _publish_under_lock(tmp: Path, path: Path) -> None:
    """Check and rename while holding `.NAME.publishing`, so that two publishers never both see the name free."""
    lock = path.with_name(f".{path.name}.publishing")
    fd = _take_lock(lock)
    try:
        if os.path.lexists(path):
            raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(path))
        os.replace(tmp, path)
    finally:
        os.close(fd)
        lock.unlink(missing_ok=True)


def _take_lock(lock: Path) -> int:
    """Create `lock` exclusively and return its descriptor. It is held for microseconds, so one still there after
    `_LOCK_PATIENCE` seconds was left by a program that died holding it, and is taken over."""
    deadline = time.monotonic() + _LOCK_PATIENCE
    while True:
        try:
            return os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        except FileExistsError:
            if time.monotonic() > deadline:
                lock.unlink(missing_ok=True)
                deadline = time.monotonic() + _LOCK_PATIENCE
            time.sleep(0.02)


def _unwritable(path: Path, exc: OSError) -> BadInputError:
    return BadInputError(
        path,
        QT_TRANSLATE_NOOP("Errors", "could not be written ({reason}); check that the folder exists, that you may "
                                    "write in it and that the disk is not full"),
        reason=exc.strerror or exc,
    )

