"""Opening Tarjama's SQLite files safely: identify them, refuse foreign or newer ones, migrate older ones.

Every store (project, TM, glossary) is one SQLite file stamped with an application id and a schema version in
SQLite's own header (`PRAGMA application_id`, `PRAGMA user_version`), so a file can be recognised before a single
byte of it is changed.

What SQLite says about the file or its disk rather than about the data becomes a message about that store
(`tarjama.store_failures`). A file that may be read but not written (a read-only file, folder or disk) is opened
read-only (`open_existing`): reading works, and every write is refused before it begins with the reason
(`read_only_error`).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar, Self

import sqlite_utils

from tarjama.build_parts import PART_SUFFIX, holding, part_prefix, remove_abandoned
from tarjama.errors import (
    QT_TRANSLATE_NOOP,
    AlreadyExistsError,
    Message,
    ProjectError,
    ReadOnlyError,
    missing_folder,
    unreadable,
)
from tarjama.store_failures import (
    CREATING,
    OPENING,
    StoreConnection,
    backup_failure,
    ensure_room_to_open,
    folder_of,
    folder_writable,
    header_failure,
    new_store_failure,
    read_only_error,
    read_only_reason,
    refused_writes,
    sqlite_code,
    store_failure,
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


# -- opening -----------------------------------------------------------------------------------------------------


def _read_only_connection(path: Path) -> StoreConnection:
    """A read-only connection that changes nothing on disk it need not: `mode=ro`, which in WAL mode needs the
    -shm beside the file (created if the folder is writable); where it cannot be (a read-only folder or disk),
    `immutable=1`, which reads the file as it is, without locks or shared memory."""
    uri = path.resolve().as_uri()
    writable_folder = folder_writable(folder_of(path))
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
            retry = sqlite_code(exc) in (sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_READONLY) and not writable_folder
            if attempt < len(modes) and retry:
                continue
            raise
        return conn
    raise AssertionError("unreachable")


def _read_header(path: Path, kind: FileKind) -> tuple[int, int]:
    """Read (application_id, user_version) through a read-only connection, so a foreign file is never touched."""
    try:
        conn = _read_only_connection(path)
        try:
            app_id = sqlite3.Connection.execute(conn, "PRAGMA application_id").fetchone()[0]
            version = sqlite3.Connection.execute(conn, "PRAGMA user_version").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise header_failure(path, exc, kind.description) from exc
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
    conn.read_only = refused_writes(path, reason)
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
        failure = backup_failure(path, exc)
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


def build_new(
    path: Path,
    kind: FileKind,
    already_exists: str,
    fill: Callable[[Path, sqlite_utils.Database], None] | None = None,
    text_bytes: int | None = None,
    *,
    unjournalled: bool = False,
) -> None:
    """Make a new store of `kind` at `path`: built under a temporary name beside it (and filled by `fill`, given
    that name and the open database), then published whole under `path` by a rename that never replaces a file.

    A failure (a full disk, a read-only folder, Ctrl+C) leaves nothing at either name; a power cut leaves the build
    file, which the next build of that name removes (`tarjama.build_parts`). When another program makes a
    store of the same name meanwhile (two imports at once), the first to finish keeps the name and the other gets
    AlreadyExistsError (`already_exists`, a marked message), its own build removed: never a file built in place
    that the other opens half-made, nor one that replaces the other's. `text_bytes`: the document text going in,
    for the room a full disk is said to need.

    `unjournalled`: `fill` runs without a journal and without waiting for the disk (a sixth less time for a large
    memory, which WAL would write twice), as a file that is removed whenever its build fails needs no recovery (a
    failed fill is removed, not rolled back: without a journal it could not be). The file is on disk, in WAL mode,
    before it is published."""
    from tarjama.atomic_file import publish_new  # here: atomic_file's export guard reads the stores' kinds

    if path.exists():
        raise AlreadyExistsError(path, already_exists)
    directory = path.parent if str(path.parent) else Path(".")
    if not directory.is_dir():
        raise missing_folder(path, directory)
    remove_abandoned(path)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=part_prefix(path), suffix=PART_SUFFIX, dir=directory)
    except OSError as exc:  # a read-only folder or disk, or no room for even an empty file
        raise (new_store_failure(path, exc) or exc) from exc
    os.close(fd)
    tmp = Path(tmp_name)
    tmp.unlink()
    db = None
    try:
        db = create_new(tmp, kind)
        with holding(tmp):
            if fill is not None:
                if unjournalled:
                    db.execute("PRAGMA journal_mode=OFF").fetchall()
                    db.execute("PRAGMA synchronous=OFF")
                fill(tmp, db)
                if unjournalled:
                    db.execute("PRAGMA journal_mode=WAL").fetchall()
                    db.execute("PRAGMA synchronous=FULL")
                    _flush_to_disk(tmp)
            # Left in WAL mode (complete without its -wal once closed): switching a published store to WAL when it
            # is first opened needs the file to itself, so another program opening it that moment was refused.
            db.execute("PRAGMA main.wal_checkpoint(TRUNCATE)")  # main: a fill may have made temp tables
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


def _flush_to_disk(path: Path) -> None:
    """What was written to `path` without waiting for the disk, made durable before the file is published."""
    fd = os.open(path, os.O_RDWR)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def migrate(db: sqlite_utils.Database, kind: FileKind, start: int) -> None:
    """Apply migrations one version at a time, each in its own transaction with the version bump."""
    for version in range(start, kind.version):
        with transaction(db):
            kind.migrations[version](db)
            db.execute(f"PRAGMA user_version={version + 1}")


@contextmanager
def transaction(db: sqlite_utils.Database) -> Iterator[sqlite_utils.Database]:
    """One write transaction: all of it is on disk when the block ends, or none of it if the block raised.

    A transaction begun inside another joins it: the outer one's end saves or undoes both. A store opened
    read-only refuses before anything begins; a full disk or a failing one raises its message
    (`StoreConnection`) after everything of the block has been rolled back."""
    if db.conn.in_transaction:  # inside a change already begun (`ProjectStore.batch`): it is part of that one
        yield db
        return
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
    for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm"), Path(f"{path}-journal")):
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
