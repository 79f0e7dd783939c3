"""Opening Tarjama's SQLite files safely: identify them, refuse foreign or newer ones, migrate older ones.

Every store (project, TM, glossary) is one SQLite file stamped with an application id and a schema version in
SQLite's own header (`PRAGMA application_id`, `PRAGMA user_version`), so a file can be recognised before a single
byte of it is changed.

What SQLite says about the file or its disk rather than about the data — read-only, full, an I/O error, a file it
cannot open, a damaged file — becomes a message about that store here, in one place (`StoreConnection`, used by
every store's connection), so the CLI and the window say the same. A file that may be read but not written (a
read-only file, folder or disk) is opened read-only (`open_existing`): reading works, and every write is refused
before it begins with the reason (`read_only_error`).
"""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar, Self

import sqlite_utils

from tarjama.errors import (
    QT_TRANSLATE_NOOP,
    AlreadyExistsError,
    DiskFullError,
    DiskIoError,
    Message,
    ProjectError,
    ReadOnlyError,
    TarjamaError,
    missing_folder,
    unreadable,
)

Migration = Callable[[sqlite_utils.Database], None]


@dataclass(frozen=True)
class FileKind:
    """What a store file is: its application id, a name for messages, and its ordered migrations.

    `migrations[i]` brings schema version i to i + 1; the current version is `len(migrations)`.
    """

    application_id: int
    #: What the file is, in a message ("is not a Tarjama project"); marked for translation where it is given.
    description: str
    migrations: Sequence[Migration]

    @property
    def version(self) -> int:
        return len(self.migrations)


# -- what SQLite and the system say about a file, as messages ---------------------------------------------------

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


def _code(exc: BaseException) -> int | None:
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


def _folder(path: Path) -> Path:
    return path.parent if str(path.parent) else Path(".")


def _read_only_disk(folder: Path) -> bool:
    """Whether `folder` is on a file system mounted read-only (which even root cannot write)."""
    if not hasattr(os, "statvfs"):  # Windows: a read-only medium refuses the file itself (EACCES)
        return False
    try:
        return bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except OSError:
        return False


def _folder_writable(folder: Path) -> bool:
    return not _read_only_disk(folder) and os.access(folder, os.W_OK | os.X_OK)


def read_only_reason(path: Path) -> Message | None:
    """Why the store at `path` can be read but not changed, or None when it can be changed.

    Writing needs the file and its folder: SQLite creates its journal or shared-memory file beside a database.
    Asked of the system without writing anything (the file is opened for writing and closed again)."""
    folder = _folder(path)
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
    folder = _folder(path)
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
    free = free_space(_folder(path))
    if free is not None and free >= needed:  # room on the disk, but the file cannot grow (FAT32's 4 GB, a limit)
        template = {_DISK_FULL: _TOO_BIG, _FULL_TO_CREATE: _TOO_BIG_TO_CREATE}.get(template, template)
    return DiskFullError(path, template, free=size_text(free or 0), needed=size_text(needed))


def store_failure(path: Path, exc: BaseException, stage: str = CHANGING,
                  conn: sqlite3.Connection | None = None) -> TarjamaError | None:
    """The message for what SQLite (or the system) said about the store at `path` while `stage`, or None when
    the error is about something else (a bug, a busy lock) and should stay as it is.

    Read-only, full, I/O errors and a file that cannot be opened are about the disk; only a file SQLite reads as
    corrupt or as no database at all is damaged."""
    code = _code(exc)
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
        free = free_space(_folder(path))
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
        if self.read_only is not None and _code(exc) == sqlite3.SQLITE_READONLY:
            return self.read_only
        return store_failure(self.path, exc, CHANGING, self) or exc

    def execute(self, *args: Any) -> sqlite3.Cursor:
        try:
            return super().execute(*args)
        except sqlite3.Error as exc:
            failure = self._failed(exc)
            if failure is exc:
                raise
            raise failure from exc

    def executemany(self, *args: Any) -> sqlite3.Cursor:
        try:
            return super().executemany(*args)
        except sqlite3.Error as exc:
            failure = self._failed(exc)
            if failure is exc:
                raise
            raise failure from exc

    def executescript(self, *args: Any) -> sqlite3.Cursor:
        try:
            return super().executescript(*args)
        except sqlite3.Error as exc:
            failure = self._failed(exc)
            if failure is exc:
                raise
            raise failure from exc

    def commit(self) -> None:
        try:
            super().commit()
        except sqlite3.Error as exc:
            failure = self._failed(exc)
            if failure is exc:
                raise
            raise failure from exc


def read_only_error(db: sqlite_utils.Database) -> ReadOnlyError | None:
    """The error every write to this store is refused with, when it was opened read-only; else None."""
    return getattr(db.conn, "read_only", None)


# -- opening -----------------------------------------------------------------------------------------------------


def _read_only_connection(path: Path) -> StoreConnection:
    """A read-only connection that changes nothing on disk it need not: `mode=ro`, which in WAL mode needs the
    -shm beside the file (created if the folder is writable); where it cannot be (a read-only folder or disk),
    `immutable=1`, which reads the file as it is, without locks or shared memory."""
    uri = path.resolve().as_uri()
    writable_folder = _folder_writable(_folder(path))
    modes = ["mode=ro", "mode=ro&immutable=1"]
    if not writable_folder and not Path(f"{path}-shm").exists():
        modes.pop(0)
    for attempt, mode in enumerate(modes, 1):
        conn = sqlite3.connect(f"{uri}?{mode}", uri=True, isolation_level=None, factory=StoreConnection)
        conn.path = path
        try:
            sqlite3.Connection.execute(conn, "SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.Error as exc:
            conn.close()
            retry = _code(exc) in (sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_READONLY) and not writable_folder
            if attempt < len(modes) and retry:
                continue
            raise
        return conn
    raise AssertionError("unreachable")


def _read_header(path: Path, kind: FileKind) -> tuple[int, int]:
    """Read (application_id, user_version) through a read-only connection, so a foreign file is never touched.

    Only SQLite's "not a database" and "corrupt" mean the file itself is wrong; every other failure (its -shm
    cannot be made on a read-only or full disk, an I/O error) is about where it is, and says so."""
    try:
        conn = _read_only_connection(path)
        try:
            app_id = sqlite3.Connection.execute(conn, "PRAGMA application_id").fetchone()[0]
            version = sqlite3.Connection.execute(conn, "PRAGMA user_version").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error as exc:
        if _code(exc) == sqlite3.SQLITE_NOTADB:
            raise ProjectError(path, _NOT_A_DATABASE, kind=Message(kind.description)) from exc
        failure = store_failure(path, exc, OPENING)
        if failure is None:
            raise ProjectError(path, _CANNOT_OPEN, reason=str(exc)) from exc
        raise failure from exc
    return app_id, version


def needs_migration(path: Path, kind: FileKind) -> bool:
    """Whether opening the file at `path` would first bring it up to this version's schema; False for a file that
    is missing or not a `kind` at all (opening it says what is wrong)."""
    try:
        app_id, version = _read_header(path, kind) if path.is_file() else (None, 0)
    except ProjectError:
        return False
    return app_id == kind.application_id and version < kind.version


def connect(path: Path, *, stage: str = OPENING) -> sqlite_utils.Database:
    """Open with the settings every store uses: WAL for crash safety and concurrent readers, full sync."""
    conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=True, factory=StoreConnection)
    conn.path = path
    try:
        # The first statement opens the file and makes the -shm: what fails here, fails opening (or creating).
        sqlite3.Connection.execute(conn, "PRAGMA journal_mode=WAL")
    except sqlite3.Error as exc:
        conn.close()
        raise (store_failure(path, exc, stage) or exc) from exc
    db = sqlite_utils.Database(conn)
    db.execute("PRAGMA synchronous=FULL")
    db.execute("PRAGMA foreign_keys=ON")
    db.execute("PRAGMA busy_timeout=5000")
    return db


def connect_read_only(path: Path, reason: Message) -> sqlite_utils.Database:
    """Open a store that may only be read (see `read_only_reason`): every write is refused, saying `reason`."""
    try:
        conn = _read_only_connection(path)
    except sqlite3.Error as exc:
        raise (store_failure(path, exc, OPENING) or exc) from exc
    conn.read_only = ReadOnlyError(path, _READ_ONLY, reason=reason)
    db = sqlite_utils.Database(conn)
    db.execute("PRAGMA foreign_keys=ON")
    db.execute("PRAGMA busy_timeout=5000")
    return db


def _check_readable(path: Path) -> None:
    """A file the system will not let us read is said to be unreadable, not damaged."""
    try:
        os.close(os.open(path, os.O_RDONLY))
    except OSError as exc:
        raise unreadable(path, exc) from exc


def open_existing(path: Path, kind: FileKind) -> sqlite_utils.Database:
    """Open a store file, refusing anything that is not ours or is newer, and migrating older ones after a backup.

    A file that may be read but not written is opened read-only (`read_only_error` says why, and every write is
    refused with it); one that would need migrating first cannot be, and is refused."""
    if not path.exists():
        raise ProjectError(path, QT_TRANSLATE_NOOP("Errors", "does not exist."))
    if not path.is_file():
        raise ProjectError(path, QT_TRANSLATE_NOOP("Errors", "is not a file, so it cannot be a {kind}."),
                           kind=Message(kind.description))
    _check_readable(path)
    app_id, version = _read_header(path, kind)
    if app_id != kind.application_id:
        raise ProjectError(path, QT_TRANSLATE_NOOP("Errors", "is an SQLite database but not a {kind}."),
                           kind=Message(kind.description))
    if version > kind.version:
        raise ProjectError(
            path,
            QT_TRANSLATE_NOOP("Errors", "was saved by a newer version of Tarjama (format {version}; this version "
                                        "reads up to {supported}). Update Tarjama to open it; the file was not "
                                        "changed."),
            version=version,
            supported=kind.version,
        )
    reason = read_only_reason(path)
    if reason is not None:
        if version < kind.version:
            raise ReadOnlyError(
                path,
                QT_TRANSLATE_NOOP("Errors", "is read-only ({reason}) and was saved by an older version of Tarjama, "
                                            "which has to update it before it can be opened; nothing was changed. "
                                            "Copy it to a folder you may write in and open the copy."),
                reason=reason,
            )
        return connect_read_only(path, reason)
    if version < kind.version:
        _back_up(path, path.with_name(path.name + f".v{version}.bak"))
    db = connect(path)
    migrate(db, kind, start=version)
    return db


def _back_up(path: Path, backup: Path) -> None:
    """Copy a store before migrating it; a copy the disk had no room for is removed, and the store is untouched."""
    try:
        shutil.copy2(path, backup)
    except OSError as exc:
        backup.unlink(missing_ok=True)
        failure = store_failure(path, exc, CHANGING)
        if isinstance(failure, DiskFullError):  # the copy needs the file's size, and the migration its journal
            failure = disk_full(path, _DISK_FULL, path.stat().st_size + _journal_room(None, path))
        if failure is None:
            raise
        raise failure from exc


def create_new(path: Path, kind: FileKind) -> sqlite_utils.Database:
    """Create an empty store at the latest schema; the caller decides where (usually a temporary name)."""
    db = connect(path, stage=CREATING)
    try:
        db.execute(f"PRAGMA application_id={kind.application_id}")
        migrate(db, kind, start=0)
    except BaseException:
        db.conn.close()
        raise
    return db


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


def build_new(
    path: Path,
    kind: FileKind,
    already_exists: str,
    fill: Callable[[Path, sqlite_utils.Database], None] | None = None,
    text_bytes: int | None = None,
) -> None:
    """Make a new store of `kind` at `path`: built under a temporary name beside it (and filled by `fill`, given
    that name and the open database), then published whole under `path` by a rename that never replaces a file.

    A failure (a full disk, a read-only folder, Ctrl+C) leaves nothing at either name. When another program makes a
    store of the same name meanwhile (two imports at once), the first to finish keeps the name and the other gets
    AlreadyExistsError (`already_exists`, a marked message), its own build removed: never a file built in place
    that the other opens half-made, nor one that replaces the other's. `text_bytes`: the document text going in,
    for the room a full disk is said to need."""
    from tarjama.atomic_file import publish_new  # here: atomic_file's export guard reads the stores' kinds

    if path.exists():
        raise AlreadyExistsError(path, already_exists)
    directory = path.parent if str(path.parent) else Path(".")
    if not directory.is_dir():
        raise missing_folder(path, directory)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=directory)
    except OSError as exc:  # a read-only folder or disk, or no room for even an empty file
        raise (new_store_failure(path, exc) or exc) from exc
    os.close(fd)
    tmp = Path(tmp_name)
    tmp.unlink()
    db = None
    try:
        db = create_new(tmp, kind)
        if fill is not None:
            fill(tmp, db)
        # Left in WAL mode (complete without its -wal once closed): switching a published store to WAL when it is
        # first opened needs the file to itself, so another program opening it that moment was refused.
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        db.conn.close()
        ensure_room_to_open(path)
        publish_new(tmp, path)
    except BaseException as exc:
        if db is not None:
            db.conn.close()  # an open file cannot be deleted on Windows
        remove_store_file(tmp)
        if isinstance(exc, FileExistsError):
            raise AlreadyExistsError(path, already_exists) from exc
        failure = new_store_failure(path, exc, text_bytes)  # a full disk or read-only folder, said of the store
        if failure is not None:
            raise failure from exc
        raise


def ensure_room_to_open(path: Path) -> None:
    """Refuse to publish a new store at `path` when its disk has no room left to open it (see ROOM_TO_OPEN): a
    store published then would exist, yet could not be opened to finish what created it."""
    free = free_space(_folder(path))
    if free is not None and free < ROOM_TO_OPEN:
        raise disk_full(path, _FULL_TO_CREATE, ROOM_TO_OPEN)


def migrate(db: sqlite_utils.Database, kind: FileKind, start: int) -> None:
    """Apply migrations one version at a time, each in its own transaction with the version bump."""
    for version in range(start, kind.version):
        with transaction(db):
            kind.migrations[version](db)
            db.execute(f"PRAGMA user_version={version + 1}")


@contextmanager
def transaction(db: sqlite_utils.Database) -> Iterator[sqlite_utils.Database]:
    """One write transaction: all of it is on disk when the block ends, or none of it if the block raised.

    A store opened read-only refuses before anything begins; a full disk or a failing one raises its message
    (`StoreConnection`) after everything of the block has been rolled back."""
    refused = read_only_error(db)
    if refused is not None:
        raise refused
    db.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        db.conn.rollback()
        raise
    try:
        db.conn.commit()
    except BaseException:
        if db.conn.in_transaction:
            db.conn.rollback()
        raise


def remove_store_file(path: Path) -> None:
    """Delete a store file that should never have existed, with the WAL and shared-memory files SQLite keeps
    beside it (a leftover -wal would be replayed into a new file created at the same name). Close it first: an
    open file cannot be deleted on Windows."""
    for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        leftover.unlink(missing_ok=True)


class StoreFile:
    """A store that is one file of one kind, for the stores a translator opens or creates by name (a memory, a
    glossary): `open` refuses anything else, `create` refuses to overwrite, and `with` closes it.

    A subclass names its `KIND` and, in `ALREADY_EXISTS`, the marked message for creating over an existing file.
    """

    KIND: ClassVar[FileKind]
    ALREADY_EXISTS: ClassVar[str]

    def __init__(self, path: Path, db: sqlite_utils.Database) -> None:
        self.path = path
        self._db = db

    @property
    def read_only(self) -> ReadOnlyError | None:
        """Why this file may only be read (every change is refused with this error), or None."""
        return read_only_error(self._db)

    @classmethod
    def open(cls, path: str | Path) -> Self:
        path = Path(path)
        return cls(path, open_existing(path, cls.KIND))

    @classmethod
    def create(cls, path: str | Path) -> Self:
        """A new, empty store at `path`, published whole (see `build_new`)."""
        path = Path(path)
        build_new(path, cls.KIND, cls.ALREADY_EXISTS)
        return cls.open(path)

    @classmethod
    def open_or_create(cls, path: str | Path) -> Self:
        """The store at `path`, made first if there is none; one another program makes meanwhile is opened."""
        path = Path(path)
        if not path.exists():
            try:
                return cls.create(path)
            except AlreadyExistsError:
                pass  # made a moment ago by another program (two first imports at once): it is the one to use
        return cls.open(path)

    @classmethod
    def needs_update(cls, path: str | Path) -> bool:
        """Whether opening the file would first bring it up to this version's schema (see `needs_migration`)."""
        return needs_migration(Path(path), cls.KIND)

    def close(self) -> None:
        self._db.conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
