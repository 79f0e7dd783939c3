"""A TMX file's units made ready for the memory in a second process, while this one writes them.

An import's time goes half to Python work per unit (parsing the XML, normalising both sides, the scoring words, the
features and codes of the indexes: about 95 µs a unit) and half to SQLite filling the tables and indexes. One
process does them one after the other; on two cores, a child process reads and prepares the units
(`store.prepared_row`) while the importing process only writes them, so the two halves overlap. A process, not a
thread: both halves hold the interpreter, and a thread would wait for it on every row.

The child is started fresh ("spawn": never a copy of the window's threads and Qt state) and only for a file large
enough to repay its start (a fraction of a second); smaller files are prepared in this process. It sends rows in
chunks through a bounded queue, so memory stays flat whatever the file's size; its errors (a malformed file) come
back as the same `BadInputError`, and closing the stream (a cancelled or failed import) ends it. What `read_tmx`
counts (skipped units, other languages) comes back at the end, into the caller's `TmxReport`.
"""

from __future__ import annotations

import dataclasses
import multiprocessing
import queue
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from tarjama.errors import QT_TRANSLATE_NOOP, BadInputError
from tarjama.formats.tmx import TmxReport, read_tmx
from tarjama.memory.store import prepared_row

#: Files from this size on are read in a second process (about 8,000 units of news sentences).
PARALLEL_FROM_BYTES = 4 * 1024 * 1024
#: Rows per message: large enough that pickling costs little per row, small enough that memory stays flat. A
#: message holds the rows' field names once and each row's values as a tuple: pickling dicts, each with its keys,
#: cost the reader 5 µs more a unit (it is the slower of the two processes).
_CHUNK = 2000
#: Chunks waiting in the queue at most: the reader never runs more than this far ahead of the writer.
_AHEAD = 4
#: Seconds between two checks that the reader still runs while waiting for its next chunk.
_POLL = 1.0


def prepared_rows(path: Path, report: TmxReport, *, parallel: bool | None = None) -> Iterator[dict[str, Any]]:
    """The rows of the Arabic→English units of the TMX file at `path`, as `store.prepared_row` makes them, in file
    order; `report` is filled as `read_tmx` fills it. `parallel`: read in a second process (None: when the file
    is at least `PARALLEL_FROM_BYTES`)."""
    # A missing file or a refused DOCTYPE is said here, before any process starts; the units are not read yet, so
    # nothing is open when the child reads them instead.
    units = read_tmx(path, report)
    if parallel is None:
        parallel = path.stat().st_size >= PARALLEL_FROM_BYTES
    return _from_child(path, report) if parallel else map(prepared_row, units)


def _from_child(path: Path, report: TmxReport) -> Iterator[dict[str, Any]]:
    context = multiprocessing.get_context("spawn")
    chunks = context.Queue(maxsize=_AHEAD)
    reader = context.Process(target=_read, args=(str(path), chunks), name="tarjama-tmx-reader", daemon=True)
    reader.start()
    try:
        while True:
            kind, value = _next(chunks, reader, path)
            if kind == "rows":
                fields, values = value
                yield from (dict(zip(fields, row, strict=True)) for row in values)
            elif kind == "done":
                for field in dataclasses.fields(report):
                    setattr(report, field.name, getattr(value, field.name))
                return
            else:
                raise value
    finally:
        if reader.is_alive():
            reader.terminate()
        reader.join()
        chunks.close()


def _next(chunks: Any, reader: Any, path: Path) -> tuple[str, Any]:
    while True:
        try:
            return chunks.get(timeout=_POLL)
        except queue.Empty:
            if not reader.is_alive():
                raise BadInputError(path, QT_TRANSLATE_NOOP(
                    "Errors", "could not be read: the process reading it stopped (out of memory, perhaps); "
                              "nothing was imported")) from None


def _read(path: str, chunks: Any) -> None:
    """The reader process: every unit's row, a chunk at a time, then what was counted (or the error)."""
    report = TmxReport()
    try:
        fields: tuple[str, ...] = ()
        chunk: list[tuple[Any, ...]] = []
        for unit in read_tmx(Path(path), report):
            row = prepared_row(unit)
            fields = fields or tuple(row)
            chunk.append(tuple(row.values()))
            if len(chunk) == _CHUNK:
                chunks.put(("rows", (fields, chunk)))
                chunk = []
        chunks.put(("rows", (fields, chunk)))
        chunks.put(("done", report))
    except Exception as exc:  # noqa: BLE001 - handed to the importing process, which raises it
        chunks.put(("error", exc))
