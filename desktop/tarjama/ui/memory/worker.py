"""Translation-memory look-ups off the UI thread, Lokalize/Virtaal style: one thread owns one TM connection.

The window asks for matches whenever the current segment settles and for concordance as the translator types.
Only the newest question of each kind is worth answering, so a new one replaces any still waiting; answers carry
what they answer (the segment id, the query), so the window can drop those that arrive after the translator moved
on. Usage counts are written here too, because this thread owns the connection.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from PySide6.QtCore import QThread, Signal

from tarjama.memory.store import TranslationMemory
from tarjama.settings import PANE_LOOKUP_THRESHOLD
from tarjama.ui.common.error_text import error_text

#: Matches offered per segment: one for each of Ctrl+Shift+1..5.
LOOKUP_LIMIT = 5
CONCORDANCE_LIMIT = 50

Side = Literal["source", "target", "both"]


@dataclass(frozen=True)
class Lookup:
    segment_id: int
    source: str
    context: str


@dataclass(frozen=True)
class Search:
    query: str
    side: Side


@dataclass
class _Pending:
    lookup: Lookup | None = None
    search: Search | None = None
    uses: list[int] = field(default_factory=list)

    def __bool__(self) -> bool:
        return self.lookup is not None or self.search is not None or bool(self.uses)


class TmWorker(QThread):
    matchesFound = Signal(int, object)  # segment id, list[TmMatch]
    hitsFound = Signal(object, object)  # Search, list[ConcordanceHit]
    failed = Signal(str)

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        self._wake = threading.Condition()
        self._pending = _Pending()
        self._stopping = False

    def look_up(self, lookup: Lookup) -> None:
        with self._wake:
            self._pending.lookup = lookup
            self._wake.notify()

    def search(self, search: Search) -> None:
        with self._wake:
            self._pending.search = search
            self._wake.notify()

    def record_use(self, unit_id: int) -> None:
        with self._wake:
            self._pending.uses.append(unit_id)
            self._wake.notify()

    def stop(self) -> None:
        """Finish the question being answered, write usage counts still waiting, close the TM and end."""
        with self._wake:
            self._stopping = True
            self._wake.notify()
        self.wait()

    def _next(self) -> _Pending | None:
        with self._wake:
            while not self._pending and not self._stopping:
                self._wake.wait()
            jobs, self._pending = self._pending, _Pending()
            if self._stopping:
                return _Pending(uses=jobs.uses) if jobs.uses else None
            return jobs

    def run(self) -> None:
        try:
            tm = TranslationMemory.open(self.path)
        except Exception as exc:  # noqa: BLE001 - shown to the user by the UI thread
            self.failed.emit(error_text(exc))
            return
        with tm:
            while (jobs := self._next()) is not None:
                try:
                    self._answer(tm, jobs)
                except Exception as exc:  # noqa: BLE001 - e.g. the file vanished; the next question may work
                    self.failed.emit(error_text(exc))

    def _answer(self, tm: TranslationMemory, jobs: _Pending) -> None:
        if jobs.uses:
            tm.record_use(*jobs.uses)
        if jobs.lookup is not None:
            lookup = jobs.lookup
            matches = tm.lookup(lookup.source, lookup.context, threshold=PANE_LOOKUP_THRESHOLD, limit=LOOKUP_LIMIT)
            self.matchesFound.emit(lookup.segment_id, matches)
        if jobs.search is not None:
            hits = tm.concordance(jobs.search.query, side=jobs.search.side, limit=CONCORDANCE_LIMIT)
            self.hitsFound.emit(jobs.search, hits)
