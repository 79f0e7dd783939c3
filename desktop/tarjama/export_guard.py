"""What an export may be written onto: never one of Tarjama's own stores, never a source document of the project
being exported, and never an existing file unless the translator said to replace it.

Every export (translation, TMX, glossary, report) is a file the translator names, and a slip of the keyboard or of
a file chooser can name the project itself, its memory, its glossary or the Arabic document it was imported from.
Replacing any of them would lose work that no other file holds, so both shells refuse it here, in the core:

- a Tarjama store is recognised by the application id in its SQLite header, whatever its name; every export is
  written through `atomic_file.replacing_path`, which asks :func:`refuse_store` first;
- a project remembers where each of its documents was imported from (:func:`remember_source_document`), and the
  exports of a project (`export_target`, the project's TMX) ask :func:`refuse_source_document`;
- overwriting any other existing file is the shell's question: the window's file chooser asks for confirmation,
  and `tarjama-cli` refuses unless given `--force` (:func:`refuse_existing`).
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from tarjama.errors import QT_TRANSLATE_NOOP, BadInputError, Message

if TYPE_CHECKING:
    from tarjama.project.store import ProjectStore
    from tarjama.sqlite_file import FileKind

#: The first 16 bytes of every SQLite database file.
_SQLITE_MAGIC = b"SQLite format 3\x00"
#: Where SQLite keeps `PRAGMA application_id` in the file's header (4 bytes, big-endian).
_APPLICATION_ID_AT = 68
#: The meta key under which a project keeps the absolute path a document was imported from.
_SOURCE_KEY = "document_path:{id}"
#: The files SQLite keeps beside a database while it is in use (WAL and shared memory) or mid-transaction.
_COMPANION_SUFFIXES = ("-wal", "-shm", "-journal")


def _store_kinds() -> list[FileKind]:
    # Imported here: the stores use atomic_file, which uses this module.
    from tarjama.glossary.store import GLOSSARY_FILE
    from tarjama.memory.schema import TM_FILE
    from tarjama.project.schema import PROJECT_FILE

    return [PROJECT_FILE, TM_FILE, GLOSSARY_FILE]


def _header_application_id(path: Path) -> int | None:
    """The application id in the SQLite header of the regular file at `path`, or None if it is no SQLite file.

    Only a regular file is read: opening a FIFO or a terminal (`/dev/stdout`) to look would wait for input."""
    if not path.is_file():
        return None
    try:
        with path.open("rb") as file:
            header = file.read(_APPLICATION_ID_AT + 4)
    except OSError:
        return None
    if not header.startswith(_SQLITE_MAGIC) or len(header) < _APPLICATION_ID_AT + 4:
        return None
    return int.from_bytes(header[_APPLICATION_ID_AT:], "big")


def _live_application_id(path: Path) -> int | None:
    """The application id as SQLite sees it with the `-wal` file applied, through a read-only connection."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            return conn.execute("PRAGMA application_id").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return None


def store_kind(path: str | Path) -> FileKind | None:
    """The kind of Tarjama store the file at `path` is, or None (not a store, missing, unreadable).

    The header on disk says it for a store that is closed. A store just created and still open elsewhere in WAL
    mode may have its application id only in its `-wal` file so far: then, and only then, SQLite is asked through a
    read-only connection (which would otherwise leave empty `-wal` and `-shm` files beside a closed store). Nothing
    is ever written."""
    path = Path(path)
    kinds = {kind.application_id: kind for kind in _store_kinds()}
    app_id = _header_application_id(path)
    if app_id not in kinds and path.is_file() and Path(f"{path}-wal").is_file():
        app_id = _live_application_id(path)
    return kinds.get(app_id) if app_id is not None else None


def _companion_of(path: Path) -> tuple[Path, FileKind] | None:
    """The store whose journal, `-wal` or `-shm` file `path` is, with its kind, or None. Replacing one of those
    under a store in use would lose or corrupt its latest changes."""
    for suffix in _COMPANION_SUFFIXES:
        if path.name.endswith(suffix) and len(path.name) > len(suffix):
            store = path.with_name(path.name[: -len(suffix)])
            kind = store_kind(store)
            if kind is not None:
                return store, kind
    return None


def refuse_store(path: str | Path) -> None:
    """Raise a BadInputError naming `path` if it is a Tarjama project, memory or glossary, or a working file SQLite
    keeps beside one."""
    path = Path(path)
    kind = store_kind(path)
    if kind is not None:
        raise BadInputError(path, QT_TRANSLATE_NOOP("Errors", "is a {kind}; an export never replaces it, so nothing "
                                                              "was written. Choose another file name."),
                            kind=Message(kind.description))
    companion = _companion_of(path)
    if companion is not None:
        store, kind = companion
        raise BadInputError(path, QT_TRANSLATE_NOOP("Errors", "is a working file of the {kind} {store}; an export "
                                                              "never replaces it, so nothing was written. Choose "
                                                              "another file name."),
                            kind=Message(kind.description), store=store.name)


def remember_source_document(store: ProjectStore, document_id: int, source: str | Path) -> None:
    """Keep, in the project, where document `document_id` was imported from, so no export replaces that file."""
    store.set_meta(source_document_key(document_id), str(Path(source).resolve()))


def source_document_key(document_id: int) -> str:
    """The meta key holding where a document was imported from; removing the document forgets it, so a document
    imported later under the same id does not inherit it."""
    return _SOURCE_KEY.format(id=document_id)


def source_documents(store: ProjectStore) -> list[Path]:
    """The files the project's documents were imported from, as far as it knows: the path each import remembered
    or, for a document imported before projects remembered it, a file of that name beside the project."""
    found = []
    for document in store.documents():
        remembered = store.get_meta(source_document_key(document.id))
        found.append(Path(remembered) if remembered else store.path.parent / document.name)
    return found


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def refuse_source_document(path: str | Path, store: ProjectStore) -> None:
    """Raise a BadInputError naming `path` if it is a document imported into the project `store`."""
    path = Path(path)
    if not path.exists():
        return
    if any(_same_file(path, source) for source in source_documents(store)):
        raise BadInputError(path, QT_TRANSLATE_NOOP("Errors", "is the source document of {project}; an export never "
                                                              "replaces it, so nothing was written. Choose another "
                                                              "file name."),
                            project=store.path.name)


def refuse_existing(path: str | Path, *, force: bool, project: ProjectStore | None = None) -> None:
    """For `tarjama-cli`, before any work: raise a BadInputError naming `path` if it is a store or (when exporting
    from `project`) one of the project's source documents, which `--force` does not change, or if it exists and
    `--force` was not given.

    The core checks stores and source documents again as it writes; asking first spares a long export that could
    only be refused, and says the reason `--force` would not get past before the one it would."""
    path = Path(path)
    refuse_store(path)
    if project is not None:
        refuse_source_document(path, project)
    if not force and (path.exists() or path.is_symlink()) and not path.is_dir():
        raise BadInputError(path, QT_TRANSLATE_NOOP("Errors", "already exists, so nothing was written. Add --force "
                                                              "to replace it, or choose another file name."))
