"""What SQLite and the system say about a store file or its disk, as a message about that store.

Read-only, full, an I/O error, a file SQLite cannot open, a damaged file: each becomes one domain error here, in
one place (`StoreConnection`, the connection of every store, and the functions `tarjama.sqlite_file` calls while
opening or creating one), so the CLI and the window say the same, and say how much room a full disk needs.
"""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
from pathlib import Path
from typing import Any, NoReturn

import sqlite_utils

from tarjama.errors import (
    QT_TRANSLATE_NOOP,
    DiskFullError,
    DiskIoError,
    Message,
    ProjectError,
    ReadOnlyError,
    TarjamaError,
)

#: The size of the shared-memory file (-shm) SQLite keeps beside a database in WAL mode; it must be created (or
#: grown) before the first page is read, so a disk with less free than this cannot even open a store.
SHM_BYTES = 32 * 1024
#: What a new store is published with room for: its -shm, and the few pages of WAL its first changes write (the
#: import remembering its document and linking the memory). A build that would leave less is not published.
ROOM_TO_OPEN = SHM_BYTES + 32 * 4096
#: A new project file, measured (bench/store_room.py): about three bytes per byte of text (segments, history
#: and indexes) and 64 KB of tables; while it is built the WAL holds as much again before it is checkpointed.
BUILD_BYTES_PER_TEXT_BYTE = 3
BUILD_BASE_BYTES = 64 * 1024

_READ_ONLY = QT_TRANSLATE_NOOP("Errors", "is read-only ({reason}), so nothing was changed. To change it, copy it to a "
                                         "folder you may write in and open the copy.")
_FOLDER_READ_ONLY = QT_TRANSLATE_NOOP("Errors", "you may not write in its folder, where SQLite keeps its working "
                                                "files beside it")
_DISK_READ_ONLY = QT_TRANSLATE_NOOP("Errors", "it is on a disk or share that is read-only")
_FILE_READ_ONLY = QT_TRANSLATE_NOOP("Errors", "you may not change this file")
_DISK_FULL = QT_TRANSLATE_NOOP("Errors", "could not be saved: the disk is full ({free} free; SQLite needs about "
                                         "{needed} there to save changes). Nothing was changed; free some space on "
                                         "that disk and try again.")
_TOO_BIG = QT_TRANSLATE_NOOP("Errors", "could not be saved: it cannot grow any larger ({free} free on its disk, "
                                       "which may not allow bigger files). Nothing was changed.")
_TOO_BIG_TO_CREATE = QT_TRANSLATE_NOOP("Errors", "could not be created: it cannot grow as large as it must ({free} "
                                                 "free on its disk, which may not allow files that big; about "
                                                 "{needed} is needed). Nothing was made.")
_FULL_TO_OPEN = QT_TRANSLATE_NOOP("Errors", "cannot be opened: the disk is full ({free} free; SQLite needs about "
                                            "{needed} beside the file for its working files). Free some space on "
                                            "that disk and try again.")
_FULL_TO_CREATE = QT_TRANSLATE_NOOP("Errors", "could not be created: the disk is full ({free} free; about {needed} "
                                              "is needed). Nothing was made; free some space on that disk, or choose "
                                              "another folder, and try again.")
_CANNOT_CREATE = QT_TRANSLATE_NOOP("Errors", "cannot be created: {reason}, so nothing was made. Choose a folder you "
                                             "may write in.")
_IO_ERROR = QT_TRANSLATE_NOOP("Errors", "could not be read or written ({reason}). Nothing was changed; check that "
                                        "its disk is still connected and working, and try again.")
_CANNOT_OPEN = QT_TRANSLATE_NOOP("Errors", "cannot be opened: {reason}.")
_NO_WORKING_FILES = QT_TRANSLATE_NOOP("Errors", "SQLite cannot create or use its working files (-shm, -wal) beside "
                                                "it ({error})")
_UNREADABLE_HERE = QT_TRANSLATE_NOOP("Errors", "the system could not read it or make its working files beside it "
                                               "({error}); check that its disk is still connected and working")
_DAMAGED = QT_TRANSLATE_NOOP("Errors", "is damaged ({reason}), so Tarjama cannot read it; the file was not changed. "
                                       "Open a backup copy of it instead.")
_NOT_A_DATABASE = QT_TRANSLATE_NOOP("Errors", "is not a {kind} (it is not an SQLite database).")

#: Where a store was when SQLite failed: the messages differ (nothing opened, nothing made, nothing changed).
OPENING, CREATING, CHANGING = "opening", "creating", "changing"


def sqlite_code(exc: BaseException) -> int | None:
    """SQLite's primary result code of an error (the extended code's low byte), None for any other error."""
    code = getattr(exc, "sqlite_errorcode", None)
    return None if code is None else code & 0xFF


def size_text(size: int) -> str:
    """A number of bytes the way a file manager shows it (12 KB, 4.1 MB); a value, never translated."""
    value = float(max(size, 0))
    for unit in ("bytes", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit in ("bytes", "KB") else f"{value:.1f} {unit}"
        value /= 1024
    raise AssertionError("unreachable")


def free_space(folder: Path) -> int | None:
    """Bytes free on the disk holding `folder`, for a process that is not root; None if the system cannot say."""
    try:
        return shutil.disk_usage(folder).free
    except OSError:
        return None


def folder_of(path: Path) -> Path:
    return path.parent if str(path.parent) else Path(".")


def _read_only_disk(folder: Path) -> bool:
    """Whether `folder` is on a file system mounted read-only (which even root cannot write)."""
    if not hasattr(os, "statvfs"):  # Windows: a read-only medium refuses the file itself (EACCES)
        return False
    try:
        return bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except OSError:
        return False


def folder_writable(folder: Path) -> bool:
    return not _read_only_disk(folder) and os.access(folder, os.W_OK | os.X_OK)


def read_only_reason(path: Path) -> Message | None:
    """Why the store at `path` can be read but not changed, or None when it can be changed.

    Writing needs the file and its folder: SQLite creates its journal or shared-memory file beside a database.
    Asked of the system without writing anything (the file is opened for writing and closed again)."""
    folder = folder_of(path)
    if _read_only_disk(folder):
        return Message(_DISK_READ_ONLY)
    try:
        os.close(os.open(path, os.O_RDWR))
    except FileNotFoundError:
        pass
    except OSError as exc:
        if exc.errno == errno.EROFS:
            return Message(_DISK_READ_ONLY)
        if exc.errno in (errno.EACCES, errno.EPERM):
            return Message(_FILE_READ_ONLY)
    if not os.access(folder, os.W_OK | os.X_OK):
        return Message(_FOLDER_READ_ONLY)
    return None


def _creation_refused(path: Path, exc: BaseException) -> ReadOnlyError:
    """A new store cannot be made in a read-only folder or disk: say which."""
    folder = folder_of(path)
    if _read_only_disk(folder):
        reason = Message(_DISK_READ_ONLY)
    elif not os.access(folder, os.W_OK | os.X_OK):
        reason = Message(QT_TRANSLATE_NOOP("Errors", "you may not write in the folder {folder}"), {"folder": folder})
    else:
        reason = Message(str(exc.strerror if isinstance(exc, OSError) else exc))
    return ReadOnlyError(path, _CANNOT_CREATE, reason=reason)


def _journal_room(conn: sqlite3.Connection | None, path: Path) -> int:
    """What SQLite may need beside a store to go on saving changes: its shared memory, the WAL a checkpoint lets
    grow to (page size × `wal_autocheckpoint`, 4 MB by default), and twice what the failed change wrote to it."""
    page_size, pages = 4096, 1000
    if conn is not None:
        try:
            page_size = sqlite3.Connection.execute(conn, "PRAGMA page_size").fetchone()[0]
            pages = sqlite3.Connection.execute(conn, "PRAGMA wal_autocheckpoint").fetchone()[0] or pages
        except sqlite3.Error:
            pass
    try:
        written = Path(f"{path}-wal").stat().st_size
    except OSError:
        written = 0
    return max(SHM_BYTES + page_size * pages, 2 * written)


def build_room(text_bytes: int) -> int:
    """About how much free space building a new project from `text_bytes` of document text needs, WAL included."""
    return 2 * (BUILD_BASE_BYTES + BUILD_BYTES_PER_TEXT_BYTE * text_bytes) + ROOM_TO_OPEN


def disk_full(path: Path, template: str, needed: int) -> DiskFullError:
    """The disk holding `path` had no room: a message saying how much is free and about how much is needed."""
    free = free_space(folder_of(path))
    if free is not None and free >= needed:  # room on the disk, but the file cannot grow (FAT32's 4 GB, a limit)
        template = {_DISK_FULL: _TOO_BIG, _FULL_TO_CREATE: _TOO_BIG_TO_CREATE}.get(template, template)
    return DiskFullError(path, template, free=size_text(free or 0), needed=size_text(needed))


def store_failure(path: Path, exc: BaseException, stage: str = CHANGING,
                  conn: sqlite3.Connection | None = None) -> TarjamaError | None:
    """The message for what SQLite (or the system) said about the store at `path` while `stage`, or None when
    the error is about something else (a bug, a busy lock) and should stay as it is.

    Read-only, full, I/O errors and a file that cannot be opened are about the disk; only a file SQLite reads as
    corrupt or as no database at all is damaged."""
    code = sqlite_code(exc)
    number = getattr(exc, "errno", None) if isinstance(exc, OSError) else None
    if code == sqlite3.SQLITE_READONLY and stage == OPENING:  # the -shm cannot be made or used: not the file's fault
        return ProjectError(path, _CANNOT_OPEN, reason=Message(_NO_WORKING_FILES, {"error": str(exc)}))
    if code == sqlite3.SQLITE_READONLY or number in (errno.EROFS, errno.EACCES, errno.EPERM):
        if stage == CREATING:
            return _creation_refused(path, exc)
        reason = read_only_reason(path) or Message(str(exc.strerror if isinstance(exc, OSError) else exc))
        return ReadOnlyError(path, _READ_ONLY, reason=reason)
    if code == sqlite3.SQLITE_FULL or number == errno.ENOSPC:
        return _full(path, stage, conn)
    if code == sqlite3.SQLITE_IOERR or number == errno.EIO:
        free = free_space(folder_of(path))
        if free is not None and free < ROOM_TO_OPEN:  # SQLite reports a -shm it cannot grow as an I/O error
            return _full(path, stage, conn)
        if stage == OPENING:
            return DiskIoError(path, _CANNOT_OPEN, reason=Message(_UNREADABLE_HERE, {"error": str(exc)}))
        return DiskIoError(path, _IO_ERROR, reason=str(exc))
    if code == sqlite3.SQLITE_CANTOPEN:
        if stage == CREATING:
            return _creation_refused(path, exc)
        return ProjectError(path, _CANNOT_OPEN, reason=Message(_NO_WORKING_FILES, {"error": str(exc)}))
    if code in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
        return ProjectError(path, _DAMAGED, reason=str(exc))
    return None


def _full(path: Path, stage: str, conn: sqlite3.Connection | None) -> DiskFullError:
    if stage == OPENING:
        return disk_full(path, _FULL_TO_OPEN, SHM_BYTES)
    if stage == CREATING:
        return disk_full(path, _FULL_TO_CREATE, ROOM_TO_OPEN)
    return disk_full(path, _DISK_FULL, _journal_room(conn, path))


class StoreConnection(sqlite3.Connection):
    """The connection of every store: what SQLite says about the file or its disk comes out as a message about
    the store (`store_failure`), whichever statement met it; other errors stay SQLite's (busy, a bug).

    `read_only` is the error a write is refused with when the store was opened read-only, None otherwise."""

    path: Path = Path()
    read_only: ReadOnlyError | None = None

    def _failed(self, exc: sqlite3.Error) -> BaseException:
        if self.read_only is not None and sqlite_code(exc) == sqlite3.SQLITE_READONLY:
            return self.read_only
        return store_failure(self.path, exc, CHANGING, self) or exc

    def _raise(self, exc: sqlite3.Error) -> NoReturn:
        failure = self._failed(exc)
        if failure is exc:
            raise exc
        raise failure from exc

    def execute(self, *args: Any) -> sqlite3.Cursor:
        try:
            return super().execute(*args)
        except sqlite3.Error as exc:
            self._raise(exc)

    def executemany(self, *args: Any) -> sqlite3.Cursor:
        try:
            return super().executemany(*args)
        except sqlite3.Error as exc:
            self._raise(exc)

    def executescript(self, *args: Any) -> sqlite3.Cursor:
        try:
            return super().executescript(*args)
        except sqlite3.Error as exc:
            self._raise(exc)

    def commit(self) -> None:
        try:
            super().commit()
        except sqlite3.Error as exc:
            self._raise(exc)


def read_only_error(db: sqlite_utils.Database) -> ReadOnlyError | None:
    """The error every write to this store is refused with, when it was opened read-only; else None."""
    return getattr(db.conn, "read_only", None)


def refused_writes(path: Path, reason: Message) -> ReadOnlyError:
    """The error every write to a store opened read-only is refused with, saying `reason`."""
    return ReadOnlyError(path, _READ_ONLY, reason=reason)


def header_failure(path: Path, exc: sqlite3.Error, kind: str) -> TarjamaError:
    """Why the header of the file at `path` could not be read, `kind` being what it should be (marked).

    Only SQLite's "not a database" and "corrupt" mean the file itself is wrong; every other failure (its -shm
    cannot be made on a read-only or full disk, an I/O error) is about where it is, and says so."""
    if sqlite_code(exc) == sqlite3.SQLITE_NOTADB:
        return ProjectError(path, _NOT_A_DATABASE, kind=Message(kind))
    return store_failure(path, exc, OPENING) or ProjectError(path, _CANNOT_OPEN, reason=str(exc))


def backup_failure(path: Path, exc: OSError) -> TarjamaError | None:
    """What a failed copy of `path` before its migration tells the translator; None to let `exc` through. A full
    disk says the room needed: the copy needs the file's size, and the migration its journal."""
    failure = store_failure(path, exc, CHANGING)
    if isinstance(failure, DiskFullError):
        return disk_full(path, _DISK_FULL, path.stat().st_size + _journal_room(None, path))
    return failure


def new_store_failure(path: Path, exc: BaseException, text_bytes: int | None = None) -> TarjamaError | None:
    """What a failed build of a new store at `path` (under a temporary name) tells the translator, about `path`
    itself, or None to let `exc` through: a full disk says about how much room `text_bytes` of document text
    need, a read-only folder says so."""
    failure = exc if isinstance(exc, TarjamaError) else store_failure(path, exc, CREATING)
    if isinstance(failure, DiskFullError):
        needed = ROOM_TO_OPEN if text_bytes is None else build_room(text_bytes)
        return disk_full(path, _FULL_TO_CREATE, needed)
    if isinstance(failure, ReadOnlyError):
        return _creation_refused(path, exc)
    return None if failure is exc else failure


def ensure_room_to_open(path: Path) -> None:
    """Refuse to publish a new store at `path` when its disk has no room left to open it (see ROOM_TO_OPEN): a
    store published then would exist, yet could not be opened to finish what created it."""
    free = free_space(folder_of(path))
    if free is not None and free < ROOM_TO_OPEN:
        raise disk_full(path, _FULL_TO_CREATE, ROOM_TO_OPEN)
