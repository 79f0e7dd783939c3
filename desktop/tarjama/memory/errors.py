"""Errors of the translation memory, and how to tell that SQLite refused a write because another program holds it.

Both derive from :class:`tarjama.errors.TarjamaError`, so the window and the CLI report them without knowing this
package; their messages are written where they are raised (`tarjama.memory.store`).
"""

from __future__ import annotations

import sqlite3

from tarjama.errors import PathError, TarjamaError


class MemoryBusyError(PathError):
    """Another connection (another program importing a TMX file, say) holds the memory's write lock for longer than
    the writer would wait; nothing was written."""

    work_failed = True


class ImportCancelled(TarjamaError):
    """The translator cancelled an import; the translation memory is as it was before it started."""


def is_busy(exc: BaseException) -> bool:
    """Whether an SQLite error says another connection holds the lock (SQLITE_BUSY, or SQLITE_LOCKED)."""
    code = getattr(exc, "sqlite_errorcode", None)
    return isinstance(exc, sqlite3.OperationalError) and code is not None and code & 0xFF in (5, 6)
