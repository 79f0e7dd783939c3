"""The project store: one SQLite file (`*.tarjama`) holding documents, paragraphs, segments and their history.

Each public method that changes something is one transaction, committed before it returns, so a crash or a killed
process never loses a confirmed change. Every change of a segment's target or status also appends a row to
`segment_history`, so nothing a translator typed is overwritten without a trace.
"""

from __future__ import annotations

import itertools
import json
import math
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import sqlite_utils

from tarjama.domain import ImportedDocument, MachineSuggestion, Origin, Segment, Status, TmMatch, TmUnit
from tarjama.errors import (
    QT_TRANSLATE_NOOP,
    SegmentChangedError,
    SegmentError,
    TarjamaError,
)
from tarjama.memory.link import MemoryLink, approved_units
from tarjama.paths import user_name
from tarjama.project.documents import delete_document, status_rows
from tarjama.project.intake import insert_document, inserted_id
from tarjama.project.records import DocumentInfo, HistoryEntry, ProjectStats, SegmentChanges
from tarjama.project.schema import (
    PROJECT_FILE,
    SEGMENT_ORDER,
    SEGMENT_QUERY,
    alternatives_to_json,
    new_segment_row,
    segment_from_row,
    words_to_json,
)
from tarjama.project.segmentation import split_source_at
from tarjama.sqlite_file import (
    build_new,
    open_existing,
    read_only_error,
    transaction,
)

PROJECT_SUFFIX = ".tarjama"

_SPLIT_BETWEEN_PARTS = QT_TRANSLATE_NOOP(
    "Errors", "A segment can only be split between two non-empty parts of its source text."
)


#: Statuses and origins that machine translation may fill in; anything a person touched is never overwritten.
MT_FILLABLE_STATUSES = {Status.NEW.value, Status.MACHINE.value}
MT_FILLABLE_ORIGINS = {Origin.NONE.value, Origin.MT.value}


def _now() -> str:
    """When a change is saved. To the microsecond: `updated_at` is also the version another program's store
    compares (`expected`, `changed_since`), and two changes within one millisecond are common (a CLI edit while the
    window autosaves); two within one microsecond, each with its fsync, are not."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


class ProjectStore:
    """An open project file. Not thread-safe: each thread that needs the project opens its own store.

    A project may be linked to a translation memory (`link_tm`): approving a segment writes its unit there, on a
    connection of its own, right after the project's transaction (`_changing`). The two files are never locked
    together, so a memory another program holds for minutes (a TMX import) never stops a segment from being saved;
    its units wait (`memory_behind`) and are written when the memory is free, as they are after a power cut between
    the two commits: opening the project brings the memory in line. `memory_link` (`tarjama.memory.link`) keeps all
    of that; the properties below only show it.
    """

    def __init__(self, path: Path, db: sqlite_utils.Database) -> None:
        self.path = path
        self._db = db
        #: Why the project may only be read (a read-only file, folder or disk), or None: every change is refused
        #: with this error before anything is written, and the window says so and offers no editing.
        self.read_only = read_only_error(db)
        #: Written into the units this project adds to its translation memory.
        self.author = user_name()
        #: How long a change waits for another program's write to the memory before leaving its units for later
        #: (`catch_up_memory`): the window never waits on its UI thread; the CLI waits a little.
        self.memory_wait = 5.0
        #: The translation memory this project writes its approved segments to, and what waits for it.
        self.memory_link = MemoryLink(self, db, clock=_now)

    # -- opening and creating -------------------------------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path, *, memory_wait: float = 5.0) -> ProjectStore:
        """Open a project and the translation memory it writes to; a memory that is missing, unusable or busy
        does not stop the project from opening (see `tm_problem`). `memory_wait`: see the attribute."""
        path = Path(path)
        store = cls(path, open_existing(path, PROJECT_FILE))
        store.memory_wait = memory_wait
        if store.read_only is None:  # a read-only copy can take no identity, and its units are not its to write
            store.memory_link.claim_identity()
            store.memory_link.open(wait=store.memory_wait)
        return store

    @classmethod
    def create(cls, path: str | Path, documents: Iterable[ImportedDocument]) -> ProjectStore:
        """Build the whole project under a temporary name and rename it into place, so a failure leaves nothing.

        The rename never replaces a file: when another program creates a project of the same name meanwhile (two
        imports at once), the first to finish keeps the name and the other gets AlreadyExistsError, its own
        build removed."""
        path = Path(path)
        documents = list(documents)

        def fill(tmp: Path, db: sqlite_utils.Database) -> None:
            store = cls(tmp, db)
            for document in documents:
                store.add_document(document)

        build_new(path, PROJECT_FILE, QT_TRANSLATE_NOOP("Errors", "already exists; open it, or choose another name "
                                                                  "for the new project."),
                  fill, text_bytes=sum(len(p.encode()) for d in documents for p in d.paragraphs))
        return cls.open(path)

    def close(self) -> None:
        self.memory_link.close()
        self._db.conn.close()

    def __enter__(self) -> ProjectStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- the linked translation memory (kept by `tarjama.memory.link`) ----------------------------------------

    @property
    def tm_path(self) -> Path | None:
        """The translation memory this project writes to, as remembered in the project (it may be missing)."""
        return self.memory_link.tm_path

    @property
    def linked_tm(self) -> Path | None:
        """The translation memory open now, or None (not linked, or the remembered one could not be used)."""
        return self.memory_link.linked_path

    @property
    def tm_problem(self) -> str | None:
        """Why approved segments are not (all) in the translation memory now, in words for the translator; None
        when they are."""
        return None if self.tm_error is None else str(self.tm_error)

    @property
    def tm_error(self) -> TarjamaError | None:
        """The error behind `tm_problem`, for a window that shows it in the UI's language: the memory could not be
        opened, or its last write failed (busy, say) and `memory_behind` is true."""
        return self.memory_link.error

    @property
    def memory_behind(self) -> bool:
        """Whether segments saved in the project still wait for their units to be written to the memory (it was
        busy or failing): `catch_up_memory` writes them, and so does opening the project again."""
        return self.memory_link.behind

    @property
    def memory_pending(self) -> tuple[int, ...]:
        """The segments whose units wait for the memory (see `memory_behind`)."""
        return self.memory_link.pending

    def link_tm(self, tm_path: str | Path) -> None:
        """Write approved segments to the TM at `tm_path` from now on, creating it if needed; replaces any link.

        The project remembers the path, and `open` opens it again. If the file cannot be used (not a TM, newer),
        the error says why and the previous link stays.
        """
        if self.read_only is not None:  # refused before the memory is made, not after
            raise self.read_only
        self.memory_link.link(tm_path)

    def unlink_tm(self) -> None:
        """Stop writing to a translation memory; the units already written stay in it."""
        self.memory_link.unlink()

    def catch_up_memory(self, *, wait: float, segment_ids: Iterable[int] = ()) -> bool:
        """Write the units the memory is missing (and those of `segment_ids`, which another store of this project
        left waiting), waiting at most `wait` seconds for another program's write to end; True when the memory is
        in line with the project. On failure the segments stay pending and `tm_error` says why; nothing in the
        project changes either way."""
        return self.memory_link.catch_up(wait=wait, segment_ids=segment_ids)

    @contextmanager
    def _changing(self) -> Iterator[sqlite_utils.Database]:
        """One change of the project: its transaction, then the units of the segments it changed written to the
        memory in one transaction of the memory's own.

        The project is saved first and whatever happens to the memory write, the change stays saved: a memory
        that is busy (another program importing a TMX file holds its lock for minutes) or failing is written when
        it can be (`catch_up_memory`, or the next open), as after a power cut between the two commits."""
        joined = self._db.conn.in_transaction  # a part of a `batch`, which writes the memory once, at its end
        with transaction(self._db) as db:
            yield db
        if not joined:
            self.memory_link.catch_up(wait=self.memory_wait)

    def batch(self) -> AbstractContextManager[sqlite_utils.Database]:
        """Several changes saved as one (a merge and its comments, an approval's repetitions): all or none."""
        return self._changing()

    def approved_units(self) -> Iterator[TmUnit]:
        """The project's approved segments as TM units, in document order, streamed (a TMX export of the project)."""
        return approved_units(self._db, self.author)

    # -- documents ------------------------------------------------------------------------------------------

    def add_document(self, document: ImportedDocument) -> int:
        """Segment every paragraph and store it, all in one transaction; returns the document id."""
        return self.add_documents([document])[0]

    def add_documents(self, documents: Iterable[ImportedDocument]) -> list[int]:
        """Store several documents in one transaction, so a failure adds none of them; returns their ids."""
        with transaction(self._db) as db:
            now = _now()
            return [insert_document(db, document, now) for document in documents]

    def remove_document(self, document_id: int) -> None:
        """Take a document out of the project in one transaction (`documents.delete_document` says what goes with
        it); the units of its approved segments are withdrawn from the memory, as un-approving withdraws one."""
        with self._changing() as db:
            for segment_id in delete_document(db, document_id, self.path):
                self.memory_link.mark_pending(segment_id)

    def original(self, document_id: int) -> bytes | None:
        """The document's file as it was imported, for a format that writes the translation back into it."""
        row = self._db.execute("SELECT original FROM documents WHERE id = ?", [document_id]).fetchone()
        return None if row is None else row[0]

    def locators(self, document_id: int) -> dict[int, str]:
        """Where each paragraph of the document is in its original file, by paragraph id (see `original`)."""
        rows = self._db.execute(
            "SELECT id, locator FROM paragraphs WHERE document_id = ? AND locator IS NOT NULL", [document_id]
        )
        return dict(rows.fetchall())

    def documents(self) -> list[DocumentInfo]:
        rows = self._db.execute(
            "SELECT id, name, format, paragraph_separator FROM documents ORDER BY id"
        ).fetchall()
        return [DocumentInfo(*row) for row in rows]

    # -- reading segments -----------------------------------------------------------------------------------

    def segments(self, document_id: int | None = None) -> list[Segment]:
        if document_id is None:
            rows = self._db.execute(SEGMENT_QUERY + SEGMENT_ORDER).fetchall()
        else:
            query = SEGMENT_QUERY + " WHERE p.document_id = ?" + SEGMENT_ORDER
            rows = self._db.execute(query, [document_id]).fetchall()
        return [segment_from_row(row) for row in rows]

    def segment(self, segment_id: int) -> Segment:
        row = self._db.execute(SEGMENT_QUERY + " WHERE s.id = ?", [segment_id]).fetchone()
        if row is None:
            raise self._no_segment(segment_id)
        return segment_from_row(row)

    def segments_by_id(self, segment_ids: Sequence[int]) -> list[Segment]:
        """Those of the segments that exist, in one query (a view refreshing a batch of hundreds asks)."""
        rows = self._db.execute(SEGMENT_QUERY + " WHERE s.id IN (SELECT value FROM json_each(?))",
                                [json.dumps(list(segment_ids))]).fetchall()
        return [segment_from_row(row) for row in rows]

    def _no_segment(self, segment_id: int) -> SegmentError:
        return SegmentError(QT_TRANSLATE_NOOP("Errors", "Segment {segment} does not exist in {file}."),
                            segment=segment_id, file=self.path.name)

    def paragraphs(self, document_id: int) -> Iterator[list[Segment]]:
        """The document's segments grouped by paragraph, in order, one paragraph at a time: what an export walks,
        and it never holds a whole (possibly 500,000-segment) document."""
        rows = self._db.execute(SEGMENT_QUERY + " WHERE p.document_id = ?" + SEGMENT_ORDER, [document_id])
        for _, paragraph in itertools.groupby(map(segment_from_row, rows), key=lambda segment: segment.paragraph_id):
            yield list(paragraph)

    def history(self, segment_id: int) -> list[HistoryEntry]:
        rows = self._db.execute(
            "SELECT target, status, origin, saved_at, reason FROM segment_history WHERE segment_id = ? ORDER BY id",
            [segment_id],
        ).fetchall()
        return [HistoryEntry(r[0], Status(r[1]), Origin(r[2]), r[3], r[4]) for r in rows]

    def stats(self, document_id: int | None = None) -> ProjectStats:
        """The counts of the whole project, or of one of its documents."""
        return ProjectStats.count(status_rows(self._db, document_id))

    # -- changes made by other programs ---------------------------------------------------------------------

    def data_version(self) -> int:
        """A number that changes whenever another connection (another program, or another store of this project)
        commits to the file, and never for this store's own commits: SQLite's `PRAGMA data_version`. It takes no
        lock and reads no table, so a window can ask every second whether `changed_since` has anything to find."""
        return int(self._db.execute("PRAGMA data_version").fetchone()[0])

    def changed_since(self, known: Mapping[int, str | None]) -> SegmentChanges:
        """Compare the versions (`updated_at`) a caller holds, by segment id, with the stored ones.

        Every change of a segment's text or status stamps `updated_at`, so an equal stamp means the caller holds
        what is stored. Read in one snapshot, so the rows returned belong to the set of ids compared. A few
        milliseconds for 10,000 segments."""
        with self._reading() as db:
            stored = dict(db.execute("SELECT id, updated_at FROM segments").fetchall())
            if stored.keys() != known.keys():
                return SegmentChanges(reshaped=True)
            changed = [segment_id for segment_id, version in stored.items() if known[segment_id] != version]
            return SegmentChanges(tuple(self.segments_by_id(changed)))

    @contextmanager
    def _reading(self) -> Iterator[sqlite_utils.Database]:
        """A read transaction: the statements inside see one committed state of the file. Takes no write lock,
        so another program's long write never makes the window wait here."""
        self._db.execute("BEGIN")
        try:
            yield self._db
        finally:
            self._db.execute("COMMIT")

    def _check_version(self, current: Segment, expected: str | None) -> None:
        """Refuse a change based on a version of the segment that is no longer the stored one (see
        `update_segment`)."""
        if expected is not None and (current.updated_at or "") != expected:
            raise SegmentChangedError(
                QT_TRANSLATE_NOOP("Errors", "Segment {segment} in {file} was changed by another program since it "
                                            "was read, so this change was not saved. Look at the segment again and "
                                            "repeat the change if it is still wanted."),
                segment_id=current.id, segment=current.id, file=self.path.name,
            )

    # -- changing segments ----------------------------------------------------------------------------------

    def update_segment(
        self,
        segment_id: int,
        *,
        target: str | None = None,
        status: Status | None = None,
        origin: Origin | None = None,
        reason: str = "edit",
        expected: str | None = None,
        before_write: Callable[[Segment, str], None] | None = None,
    ) -> Segment:
        """Change a segment's target and/or status in one transaction and record the result in its history.

        A new target without an explicit status makes the segment a draft (or new again when emptied), the way
        CAT tools mark an edited segment as needing approval again.

        `expected` is the segment's `updated_at` as the caller read it: when the stored segment has changed since
        (another program saved it), SegmentChangedError is raised and nothing is written, unless the change would
        leave the segment exactly as it is anyway. None writes whatever is stored.

        `before_write`, when given, is called inside the transaction with the segment as stored and its new target,
        once it is clear that something changes: whatever it raises leaves the segment as it was.
        It is how a review rule (QA before an approval, `tarjama.project.review`) judges exactly the row written.

        The segment is read once: what is returned is that row with the change applied, not read again.
        """
        with self._changing():
            current = self.segment(segment_id)
            new_target = current.target if target is None else target
            if status is None:
                if target is None or target == current.target:
                    status = current.status
                else:
                    status = Status.DRAFT if new_target.strip() else Status.NEW
            if origin is None:
                origin = Origin.HUMAN if target is not None and target != current.target else current.origin
            if (new_target, status, origin) == (current.target, current.status, current.origin):
                return current
            self._check_version(current, expected)
            if before_write is not None:
                before_write(current, new_target)
            # The engine's confidence describes its own text: it goes once a person changes the text.
            confidence = current.confidence if new_target == current.target else None
            saved_at = self._write(segment_id, new_target, status, origin, reason, confidence, was=current.status)
        return replace(
            current, target=new_target, status=status, origin=origin, confidence=confidence, updated_at=saved_at
        )

    def _write(
        self,
        segment_id: int,
        target: str,
        status: Status,
        origin: Origin,
        reason: str,
        confidence: float | None = None,
        *,
        was: Status,
    ) -> str:
        """Save a segment's target and status, inside the caller's transaction, and add the result to its history;
        returns the time saved (the new `updated_at`).

        `was` is the segment's status before, which every caller has just read: it decides whether the memory has
        a unit to add or withdraw, and taking it here saves reading the row again. Two plain statements, so a
        change costs no more than the UPDATE and the INSERT."""
        now = _now()
        self._db.execute(
            "UPDATE segments SET target = ?, status = ?, origin = ?, confidence = ?, updated_at = ? WHERE id = ?",
            [target, status.value, origin.value, confidence, now, segment_id],
        )
        self._db.execute(
            "INSERT INTO segment_history (segment_id, target, status, origin, saved_at, reason) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [segment_id, target, status.value, origin.value, now, reason],
        )
        if Status.APPROVED in (status, was):  # only an approval adds or withdraws a unit
            self.memory_link.mark_pending(segment_id)
        return now

    def split_segment(self, segment_id: int, offset: int, *, new_id: int | None = None) -> tuple[Segment, Segment]:
        """Split a segment's source at `offset`; the target stays with the first part, as a draft.

        The target translates the whole sentence, so it belongs to neither part as it is. It is kept in the first
        part rather than dropped because it holds the words of both halves: the translator cuts the second half's
        words out and pastes them into the second part instead of translating twice, and text a person typed is
        never thrown away. But it stays only as a draft to be checked: the first part becomes a draft (new when the
        target is empty), whatever it was (approved, machine, rejected), and the target counts as the translator's
        own text from then on (origin human). What described the whole sentence goes: the engine's confidence (no
        "Machine 100 %" for half a sentence), the raw machine translation and its alternatives, and the TM match's
        score and text, which post-editing metrics would otherwise compare half a translation against. An approved
        segment's TM unit is withdrawn, so the memory does not pair the translation with half the sentence. The
        second part starts new and empty. Undo (`restore_segment` after `merge_with_next`) puts all of it back.

        `new_id` lets undo/redo recreate the second part under the id it had before, so later commands that
        refer to it stay valid.
        """
        with self._changing() as db:
            current = self.segment(segment_id)
            parts = split_source_at(current.source, offset)
            if parts is None:
                raise SegmentError(_SPLIT_BETWEEN_PARTS)
            head, head_space, tail = parts
            db.execute(
                "UPDATE segments SET position = position + 1 WHERE paragraph_id = ? AND position > ?",
                [current.paragraph_id, current.position],
            )
            now = _now()
            db.execute(
                "UPDATE segments SET source = ?, space_after = ?, updated_at = ? WHERE id = ?",
                [head, head_space, now, segment_id],
            )
            row = new_segment_row(current.paragraph_id, current.position + 1, tail, current.space_after, now)
            if new_id is not None:
                row["id"] = new_id
            created = inserted_id(db.table("segments").insert(row))
            db.execute(
                "UPDATE segments SET mt_text = NULL, alternatives = NULL, tm_score = NULL, tm_text = NULL, "
                "mt_words = NULL, mt_features = NULL WHERE id = ?",
                [segment_id],
            )
            status = Status.DRAFT if current.target.strip() else Status.NEW
            origin = Origin.HUMAN if current.target.strip() else Origin.NONE
            if (status, origin, current.confidence) != (current.status, current.origin, None):
                self._write(segment_id, current.target, status, origin, "split", was=current.status)
        return self.segment(segment_id), self.segment(created)

    def merge_with_next(self, segment_id: int) -> tuple[Segment, Segment]:
        """Merge a segment with the next one in its paragraph; returns (merged, removed as it was).

        Targets are joined with a space; the merged segment is a draft when any text results, because the
        translator has to check the joined sentence.
        """
        with self._changing() as db:
            first = self.segment(segment_id)
            second = self.next_in_paragraph(first)
            if second.status == Status.APPROVED:  # its sentence is now part of a draft: its unit goes
                self.memory_link.mark_pending(second.id)
            source = first.source + first.space_after + second.source
            target = " ".join(t for t in (first.target.strip(), second.target.strip()) if t)
            status = Status.DRAFT if target else Status.NEW
            origin = Origin.HUMAN if target else Origin.NONE
            db.execute("DELETE FROM segments WHERE id = ?", [second.id])
            db.execute(
                "UPDATE segments SET position = position - 1 WHERE paragraph_id = ? AND position > ?",
                [first.paragraph_id, second.position],
            )
            db.execute(
                "UPDATE segments SET source = ?, space_after = ? WHERE id = ?",
                [source, second.space_after, first.id],
            )
            self._write(first.id, target, status, origin, "merge", was=first.status)
        return self.segment(segment_id), second

    def next_in_paragraph(self, segment: Segment) -> Segment:
        """The segment after `segment` in its paragraph, as stored: the one a merge joins to it. SegmentError when
        there is none, with the words both shells show."""
        row = self._db.execute(
            SEGMENT_QUERY + " WHERE s.paragraph_id = ? AND s.position = ?", [segment.paragraph_id, segment.position + 1]
        ).fetchone()
        if row is None:
            raise SegmentError(QT_TRANSLATE_NOOP("Errors", "This is the last segment of its paragraph: there is "
                                                           "no next segment to merge."))
        return segment_from_row(row)

    def restore_segment(self, snapshot: Segment, *, expected: str | None = None) -> Segment:
        """Put back a segment's target, status, origin, machine and TM data as captured earlier (undo).

        `expected`: as for `update_segment`, the version the caller last knew; SegmentChangedError if another
        program has changed the segment since."""
        with self._changing():
            current = self.segment(snapshot.id)
            self._check_version(current, expected)
            # Machine data first: the TM unit an approval writes records the MT the target began from.
            self._db.execute(
                "UPDATE segments SET mt_text = ?, alternatives = ?, tm_score = ?, tm_text = ?, mt_words = ?, "
                "mt_features = ? WHERE id = ?",
                [snapshot.mt_text, alternatives_to_json(snapshot.alternatives), snapshot.tm_score, snapshot.tm_text,
                 words_to_json(snapshot.mt_words), snapshot.mt_features, snapshot.id],
            )
            self._write(
                snapshot.id, snapshot.target, snapshot.status, snapshot.origin, "undo", snapshot.confidence,
                was=current.status,
            )
        return self.segment(snapshot.id)

    def add_edit_time(self, segment_id: int, seconds: float) -> None:
        """Add active editing time, as measured by `tarjama.project.effort.ActiveTimer`, to a segment in one
        transaction.

        Neither the history nor `updated_at` changes: time spent is no change to the translation, and `updated_at`
        is what its TM unit says it was last changed.
        """
        if not math.isfinite(seconds) or seconds < 0:
            raise ValueError(f"editing time must be a finite, non-negative number of seconds, not {seconds}")
        with transaction(self._db) as db:
            cursor = db.execute(
                "UPDATE segments SET edit_seconds = edit_seconds + ? WHERE id = ?", [seconds, segment_id]
            )
            if cursor.rowcount == 0:
                raise self._no_segment(segment_id)

    # -- machine translation --------------------------------------------------------------------------------

    def segments_to_translate(self) -> list[Segment]:
        """Segments nobody has translated yet: new, empty, untouched (so an interrupted run resumes)."""
        return [s for s in self.segments() if s.status == Status.NEW and not s.target.strip()]

    def apply_machine_translations(
        self,
        results: Iterable[tuple[int, MachineSuggestion, Sequence[MachineSuggestion]]],
        *,
        overwrite: bool = False,
    ) -> list[Segment]:
        """Store a batch of machine translations in one transaction; returns the segments that took them.

        Without `overwrite`, a segment a person has edited, approved or rejected keeps its text: the check runs
        inside the transaction, so an edit saved a moment earlier by the window always wins. `overwrite` is for
        an explicit request on one segment (re-translate), which the window makes undoable.
        """
        changed: list[int] = []
        with self._changing() as db:
            for segment_id, best, alternatives in results:
                was = self._fillable(segment_id, overwrite=overwrite)
                if was is None:
                    continue
                self._write(segment_id, best.text, Status.MACHINE, Origin.MT, "mt", best.confidence, was=was)
                db.execute(
                    "UPDATE segments SET mt_text = ?, alternatives = ?, mt_words = ?, mt_features = ? WHERE id = ?",
                    [best.text, alternatives_to_json(alternatives), words_to_json(best.words), best.features,
                     segment_id],
                )
                changed.append(segment_id)
        return [self.segment(segment_id) for segment_id in changed]

    def apply_tm_matches(self, matches: Iterable[tuple[int, TmMatch]]) -> list[Segment]:
        """Fill segments from translation-memory matches in one transaction; returns the segments that took them.

        A filled segment is a draft (a match is a suggestion to check, never an approval) with origin TM, and keeps
        the match's score and target for post-editing metrics. As with machine translation, a segment a person
        has touched keeps its text.
        """
        changed: list[int] = []
        with self._changing() as db:
            for segment_id, match in matches:
                was = self._fillable(segment_id)
                if was is None:
                    continue
                db.execute(
                    "UPDATE segments SET tm_score = ?, tm_text = ? WHERE id = ?",
                    [match.score, match.unit.target, segment_id],
                )
                self._write(segment_id, match.unit.target, Status.DRAFT, Origin.TM, "tm", was=was)
                changed.append(segment_id)
        return [self.segment(segment_id) for segment_id in changed]

    def _fillable(self, segment_id: int, *, overwrite: bool = False) -> Status | None:
        """The stored status of a segment that machine translation or a TM match may fill in, inside the caller's
        transaction; None when it was merged away while the engine worked, or a person touched it (unless
        `overwrite`)."""
        row = self._db.execute("SELECT status, origin FROM segments WHERE id = ?", [segment_id]).fetchone()
        if row is None or not overwrite and (row[0] not in MT_FILLABLE_STATUSES or row[1] not in MT_FILLABLE_ORIGINS):
            return None
        return Status(row[0])

    # -- small settings kept with the project ---------------------------------------------------------------

    def get_meta(self, key: str, default: str | None = None) -> str | None:
        row = self._db.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
        return default if row is None else row[0]

    def set_meta(self, key: str, value: str) -> None:
        with transaction(self._db) as db:
            db.table("meta").upsert({"key": key, "value": value}, pk="key")

    # -- QA findings a translator set aside -----------------------------------------------------------------

    def ignore_qa(self, segment_id: int, check_name: str, reason: str = "") -> None:
        """Stop reporting one check's findings on a segment, keeping why; setting it aside again replaces the
        reason."""
        with transaction(self._db) as db:
            self.segment(segment_id)  # a finding on a segment that does not exist cannot be set aside
            db.table("qa_ignored").upsert(
                {"segment_id": segment_id, "check_name": check_name, "reason": reason, "ignored_at": _now()},
                pk=("segment_id", "check_name"),
            )

    def unignore_qa(self, segment_id: int, check_name: str) -> None:
        """Report that check's findings on the segment again."""
        with transaction(self._db) as db:
            db.execute("DELETE FROM qa_ignored WHERE segment_id = ? AND check_name = ?", [segment_id, check_name])

    def ignored_qa(self) -> dict[tuple[int, str], str]:
        """Every finding set aside, as {(segment id, check name): reason}."""
        rows = self._db.execute("SELECT segment_id, check_name, reason FROM qa_ignored").fetchall()
        return {(segment_id, check_name): reason for segment_id, check_name, reason in rows}

