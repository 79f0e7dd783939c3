"""Writing a file the translator named without ever leaving half of it behind.

Every export (translated document, TMX, glossary, report) is written to a temporary file beside its destination,
flushed to disk and renamed over it at the end. A failure, a cancel or a full disk therefore leaves any earlier
file at that path exactly as it was, and no partial file anywhere.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from tarjama.errors import QT_TRANSLATE_NOOP, BadInputError, Message


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


def _unwritable(path: Path, exc: OSError) -> BadInputError:
    return BadInputError(
        path,
        QT_TRANSLATE_NOOP("Errors", "could not be written ({reason}); check that the folder exists, that you may "
                                    "write in it and that the disk is not full"),
        reason=exc.strerror or exc,
    )

