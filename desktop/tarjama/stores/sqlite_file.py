"""Opening Tarjama's SQLite files safely: identify them, refuse foreign or newer ones, migrate older ones.

Every store (project, TM, glossary) is one SQLite file stamped with an application id and a schema version in
SQLite's own header (`PRAGMA application_id`, `PRAGMA user_version`), so a file can be recognised before a single
byte of it is changed.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar, Self

import sqlite_utils

from tarjama.errors import QT_TRANSLATE_NOOP, Message, ProjectError, missing_folder

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


def _read_header(path: Path, kind: FileKind) -> tuple[int, int]:
    """Read (application_id, user_version) through a read-only connection, so a foreign file is never touched."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise ProjectError(path, QT_TRANSLATE_NOOP("Errors", "cannot be opened ({reason})."), reason=exc) from exc
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as exc:
        raise ProjectError(path, QT_TRANSLATE_NOOP("Errors", "is not a {kind} (it is not an SQLite database)."),
                           kind=Message(kind.description)) from exc
    finally:
        conn.close()
    return app_id, version


def needs_migration(path: Path, kind: FileKind) -> bool:
    """Whether opening the file at `path` would first bring it up to this version's schema; False for a file that
    is missing or not a `kind` at all (opening it says what is wrong)."""
    try:
        app_id, version = _read_header(path, kind) if path.is_file() else (None, 0)
    except ProjectError:
        return False
    return app_id == kind.application_id and version < kind.version


def connect(path: Path) -> sqlite_utils.Database:
    """Open with the settings every store uses: WAL for crash safety and concurrent readers, full sync."""
    conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=True)
    db = sqlite_utils.Database(conn)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=FULL")
    db.execute("PRAGMA foreign_keys=ON")
    db.execute("PRAGMA busy_timeout=5000")
    return db


def open_existing(path: Path, kind: FileKind) -> sqlite_utils.Database:
    """Open a store file, refusing anything that is not ours or is newer, and migrating older ones after a backup."""
    if not path.exists():
        raise ProjectError(path, QT_TRANSLATE_NOOP("Errors", "does not exist."))
    if not path.is_file():
        raise ProjectError(path, QT_TRANSLATE_NOOP("Errors", "is not a file, so it cannot be a {kind}."),
                           kind=Message(kind.description))
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

    if version < kind.version:
        shutil.copy2(path, path.with_name(path.name + f".v{version}.bak"))
    db = connect(path)
    migrate(db, kind, start=version)
    return db


def create_new(path: Path, kind: FileKind) -> sqlite_utils.Database:
    """Create an empty store at the latest schema; the caller decides where (usually a temporary name)."""
    db = connect(path)
    db.execute(f"PRAGMA application_id={kind.application_id}")
    migrate(db, kind, start=0)
    return db


def migrate(db: sqlite_utils.Database, kind: FileKind, start: int) -> None:
    """Apply migrations one version at a time, each in its own transaction with the version bump."""
    for version in range(start, kind.version):
        with transaction(db):
            kind.migrations[version](db)
            db.execute(f"PRAGMA user_version={version + 1}")


@contextmanager
def transaction(db: sqlite_utils.Database) -> Iterator[sqlite_utils.Database]:
    """One write transaction: all of it is on disk when the block ends, or none of it if the block raised."""
    db.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        db.conn.rollback()
        raise
    db.conn.commit()


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

    @classmethod
    def open(cls, path: str | Path) -> Self:
        path = Path(path)
        return cls(path, open_existing(path, cls.KIND))

    @classmethod
    def create(cls, path: str | Path) -> Self:
        path = Path(path)
        if path.exists():
            raise ProjectError(path, cls.ALREADY_EXISTS)
        if not path.parent.is_dir():
            raise missing_folder(path, path.parent)
        return cls(path, create_new(path, cls.KIND))

    @classmethod
    def open_or_create(cls, path: str | Path) -> Self:
        path = Path(path)
        return cls.open(path) if path.exists() else cls.create(path)

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
