"""The project store: one SQLite file (`*.tarjama`) holding documents, paragraphs, segments and their history.

Each public method that changes something is one transaction, committed before it returns, so a crash or a killed
process never loses a confirmed change. Every change of a segment's target or status also appends a row to
`segment_history`, so nothing a translator typed is overwritten without a trace.
"""

from __future__ import annotations

import getpass
import itertools
import json
import math
import os
import sqlite3
import uuid
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import sqlite_utils

from tarjama.domain import ImportedDocument, MachineSuggestion, Origin, Segment, Status, TmMatch, TmUnit, UnitOrigin
from tarjama.errors import (
    QT_TRANSLATE_NOOP,
    ProjectError,
    SegmentChangedError,
    SegmentError,
    TarjamaError,
)
from tarjama.memory import store as tm
from tarjama.project.effort import SegmentEffort, effort_props, segment_effort
from tarjama.project.segmentation import split_piece, split_sentences
from tarjama.sqlite_file import (
    FileKind,
    build_new,
    open_existing,
    read_only_error,
    transaction,
)

PROJECT_SUFFIX = ".tarjama"


def _schema_v1(db: sqlite_utils.Database) -> None:
    db["meta"].create({"key": str, "value": str}, pk="key")
    db["documents"].create(
        {"id": int, "name": str, "format": str, "paragraph_separator": str, "imported_at": str}, pk="id"
    )
    db["paragraphs"].create(
        {"id": int, "document_id": int, "idx": int}, pk="id", foreign_keys=[("document_id", "documents")]
    )
    db["segments"].create(
        {
            "id": int,
            "paragraph_id": int,
            "position": int,
            "source": str,
            "space_after": str,
            "target": str,
            "status": str,
            "origin": str,
            "created_at": str,
            "updated_at": str,
        },
        pk="id",
        foreign_keys=[("paragraph_id", "paragraphs")],
        not_null={"source", "target", "status", "origin"},
    )
    # Not unique: split and merge shift positions row by row, which a unique index would trip over midway.
    db["segments"].create_index(["paragraph_id", "position"])
    # No foreign key: history outlives a segment removed by a merge, keeping what was typed in it.
    db["segment_history"].create(
        {"id": int, "segment_id": int, "target": str, "status": str, "origin": str, "saved_at": str, "reason": str},
        pk="id",
    )
    db["segment_history"].create_index(["segment_id"])


def _schema_v2(db: sqlite_utils.Database) -> None:
    """Machine translation: the engine's confidence, the raw MT the target began from, and its alternatives."""
    segments = db["segments"]
    segments.add_column("confidence", float)
    segments.add_column("mt_text", str)
    segments.add_column("alternatives", str)  # JSON list of [text, confidence]


def _schema_v3(db: sqlite_utils.Database) -> None:
    """Translation memory: the score of the match a target began from, and that match's target text."""
    segments = db["segments"]
    segments.add_column("tm_score", int)
    segments.add_column("tm_text", str)


def _schema_v4(db: sqlite_utils.Database) -> None:
    """Review: active editing time per segment (post-editing effort) and the QA findings a translator set aside."""
    db["segments"].add_column("edit_seconds", float, not_null_default=0.0)
    db["qa_ignored"].create(
        {"segment_id": int, "check_name": str, "reason": str, "ignored_at": str}, pk=("segment_id", "check_name")
    )


_SPLIT_BETWEEN_PARTS = QT_TRANSLATE_NOOP(
    "Errors", "A segment can only be split between two non-empty parts of its source text."
)

PROJECT_FILE = FileKind(
    application_id=0x544A5250,
    description=QT_TRANSLATE_NOOP("Errors", "Tarjama project"),
    migrations=[_schema_v1, _schema_v2, _schema_v3, _schema_v4],
)

#: The schema name the linked translation memory is attached under on the project's connection.
TM_SCHEMA = "tm"

#: Statuses and origins that machine translation may fill in; anything a person touched is never overwritten.
MT_FILLABLE_STATUSES = {Status.NEW.value, Status.MACHINE.value}
MT_FILLABLE_ORIGINS = {Origin.NONE.value, Origin.MT.value}

_SEGMENT_QUERY = """
SELECT s.id, s.paragraph_id, p.idx AS paragraph_index, s.position, s.source, s.space_after, s.target,
       s.status, s.origin, s.updated_at, s.confidence, s.mt_text, s.alternatives, s.tm_score, s.tm_text,
       s.edit_seconds
FROM segments s JOIN paragraphs p ON p.id = s.paragraph_id
"""
_ORDER = " ORDER BY p.document_id, p.idx, s.position"
#: Beyond this many changed segments `changed_since` reads all of them in one query rather than one by one.
_READ_ONE_BY_ONE = 50


def _now() -> str:
    """When a change is saved. To the microsecond: `updated_at` is also the version another program's store
    compares (`expected`, `changed_since`), and two changes within one millisecond are common (a CLI edit while the
    window autosaves); two within one microsecond, each with its fsync, are not."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


def _segment(row: Sequence) -> Segment:
    return Segment(
        id=row[0],
        paragraph_id=row[1],
        paragraph_index=row[2],
        position=row[3],
        source=row[4],
        space_after=row[5],
        target=row[6],
        status=Status(row[7]),
        origin=Origin(row[8]),
        updated_at=row[9],
        first_in_paragraph=row[3] == 0,
        confidence=row[10],
        mt_text=row[11],
        alternatives=_alternatives_from_json(row[12]),
        tm_score=row[13],
        tm_text=row[14],
        edit_seconds=row[15],
    )


def _alternatives_from_json(value: str | None) -> tuple[MachineSuggestion, ...]:
    return tuple(MachineSuggestion(text, confidence) for text, confidence in json.loads(value or "[]"))


def _alternatives_to_json(alternatives: Sequence[MachineSuggestion]) -> str:
    return json.dumps([[a.text, a.confidence] for a in alternatives], ensure_ascii=False)


@dataclass(frozen=True)
class HistoryEntry:
    target: str
    status: Status
    origin: Origin
    saved_at: str
    reason: str


@dataclass(frozen=True)
class ProjectStats:
    segments: int
    approved_segments: int
    words: int
    approved_words: int
    by_status: dict[str, int]


@dataclass(frozen=True)
class DocumentInfo:
    id: int
    name: str
    format: str
    paragraph_separator: str


@dataclass(frozen=True)
class SegmentChanges:
    """What `ProjectStore.changed_since` found: the segments whose stored version differs from the one given, or
    that segments were added or removed (a split, merge or import elsewhere), when only reading them all again
    puts rows, positions and ids right."""

    changed: tuple[Segment, ...] = ()
    reshaped: bool = False


def memory_needing_update(project: Path) -> Path | None:
    """The translation memory a project writes to, if opening the project would first bring that memory up to this
    version's schema: a minute for a million units, so the window does it beforehand on a worker thread. Read
    without opening (or changing) the project; None when there is nothing to do or the project cannot say."""
    try:
        conn = sqlite3.connect(f"{Path(project).resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = 'tm_path'").fetchone()
    except sqlite3.Error:
        return None
    finally:
        conn.close()
    memory = Path(row[0]) if row and row[0] else None
    return memory if memory is not None and tm.TranslationMemory.needs_update(memory) else None


class ProjectStore:
    """An open project file. Not thread-safe: each thread that needs the project opens its own store.

    A project may be linked to a translation memory (`link_tm`): approving a segment writes its unit there, on a
    connection of its own, right after the project's transaction (`_changing`). The two files are never locked
    together, so a memory another program holds for minutes (a TMX import) never stops a segment from being saved;
    its units wait (`memory_behind`) and are written when the memory is free, as they are after a power cut between
    the two commits: opening the project brings the memory in line (`_differing_from_memory`).
    """

    def __init__(self, path: Path, db: sqlite_utils.Database) -> None:
        self.path = path
        self._db = db
        #: Why the project may only be read (a read-only file, folder or disk), or None: every change is refused
        #: with this error before anything is written, and the window says so and offers no editing.
        self.read_only = read_only_error(db)
        #: Written into the units this project adds to its translation memory.
        self.author = _user_name()
        #: How long a change waits for another program's write to the memory before leaving its units for later
        #: (`catch_up_memory`): the window never waits on its UI thread; the CLI waits a little.
        self.memory_wait = 5.0
        self._memory: tm.TranslationMemory | None = None
        #: Segments whose units are still to be written to the memory, in the order they changed.
        self._memory_pending: dict[int, None] = {}
        #: Why the memory could not be opened (missing, newer, not a memory).
        self._tm_error: TarjamaError | None = None
        #: Why the last write to the memory failed (busy, full, ...), while `memory_behind`.
        self._memory_write_error: TarjamaError | None = None

    # -- opening and creating -------------------------------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path, *, memory_wait: float = 5.0) -> ProjectStore:
        """Open a project and the translation memory it writes to; a memory that is missing, unusable or busy
        does not stop the project from opening (see `tm_problem`). `memory_wait`: see the attribute."""
        path = Path(path)
        store = cls(path, open_existing(path, PROJECT_FILE))
        store.memory_wait = memory_wait
        if store.read_only is None:  # a read-only copy can take no identity, and its units are not its to write
            store._claim_identity()
            store._open_memory()
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
        self._close_memory()
        self._db.conn.close()

    def __enter__(self) -> ProjectStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- the project's identity -----------------------------------------------------------------------------

    def _claim_identity(self) -> None:
        """Give a copy of a project an identity of its own, so the units it writes are its own.

        The memory knows a project's units by the project's id (`uid`), and the project remembers the file it was
        given that id in (`uid_path`). Opened from another path while that file still holds a project with the
        same id, this file is a copy: it gets a new id, and its memory link starts afresh (only segments changed
        from now on are written, so the original's units are neither withdrawn nor written twice). Opened from
        another path with nothing there, the project was moved or renamed and keeps its id."""
        uid = self.get_meta("uid")
        here = str(self.path.resolve())
        if uid is None or self.get_meta("uid_path") == here:
            return
        remembered = self.get_meta("uid_path")
        if remembered is not None and not _same_file(Path(remembered), self.path) \
                and _project_uid_at(Path(remembered)) == uid:
            with transaction(self._db) as db:
                db["meta"].upsert({"key": "uid", "value": uuid.uuid4().hex}, pk="key")
                db["meta"].upsert({"key": "tm_linked_at", "value": _now()}, pk="key")
                db["meta"].upsert({"key": "uid_path", "value": here}, pk="key")
        else:
            self.set_meta("uid_path", here)

    # -- the linked translation memory ----------------------------------------------------------------------

    @property
    def tm_path(self) -> Path | None:
        """The translation memory this project writes to, as remembered in the project (it may be missing)."""
        value = self.get_meta("tm_path")
        return Path(value) if value else None

    @property
    def linked_tm(self) -> Path | None:
        """The translation memory open now, or None (not linked, or the remembered one could not be used)."""
        return None if self._memory is None else self._memory.path

    @property
    def tm_problem(self) -> str | None:
        """Why approved segments are not (all) in the translation memory now, in words for the translator; None
        when they are."""
        return None if self.tm_error is None else str(self.tm_error)

    @property
    def tm_error(self) -> TarjamaError | None:
        """The error behind `tm_problem`, for a window that shows it in the UI's language: the memory could not be
        opened, or its last write failed (busy, say) and `memory_behind` is true."""
        return self._tm_error or self._memory_write_error

    @property
    def memory_behind(self) -> bool:
        """Whether segments saved in the project still wait for their units to be written to the memory (it was
        busy or failing): `catch_up_memory` writes them, and so does opening the project again."""
        return bool(self._memory_pending)

    @property
    def memory_pending(self) -> tuple[int, ...]:
        """The segments whose units wait for the memory (see `memory_behind`)."""
        return tuple(self._memory_pending)

    def link_tm(self, tm_path: str | Path) -> None:
        """Write approved segments to the TM at `tm_path` from now on, creating it if needed; replaces any link.

        The project remembers the path, and `open` opens it again. If the file cannot be used (not a TM, newer),
        the error says why and the previous link stays.
        """
        if self.read_only is not None:  # refused before the memory is made, not after
            raise self.read_only
        path = Path(tm_path).absolute()
        memory = tm.TranslationMemory.open_or_create(path)
        with transaction(self._db) as db:
            db["meta"].upsert({"key": "tm_path", "value": str(path)}, pk="key")
            db["meta"].upsert({"key": "tm_linked_at", "value": _now()}, pk="key")
            if self.get_meta("uid") is None:
                db["meta"].upsert({"key": "uid", "value": uuid.uuid4().hex}, pk="key")
                db["meta"].upsert({"key": "uid_path", "value": str(self.path.resolve())}, pk="key")
        self._close_memory()
        self._memory = memory
        self._tm_error = None

    def unlink_tm(self) -> None:
        """Stop writing to a translation memory; the units already written stay in it."""
        self._close_memory()
        self._tm_error = None
        with transaction(self._db) as db:
            db.execute("DELETE FROM meta WHERE key = 'tm_path'")

    def _open_memory(self) -> None:
        remembered = self.tm_path
        if remembered is None:
            return
        if not remembered.is_file():
            self._tm_error = ProjectError(
                remembered,
                QT_TRANSLATE_NOOP("Errors", "is missing, so approved segments are not being saved to a "
                                            "translation memory. Link the project to a translation memory again."),
            )
            return
        try:
            self._memory = tm.TranslationMemory.open(remembered)
        except TarjamaError as exc:
            self._tm_error = exc
            return
        self._memory_pending.update(dict.fromkeys(self._differing_from_memory()))
        self.catch_up_memory(wait=self.memory_wait)

    def _close_memory(self) -> None:
        if self._memory is not None:
            self._memory.close()
        self._memory = None
        self._memory_pending.clear()
        self._memory_write_error = None

    def _differing_from_memory(self) -> list[int]:
        """The segments whose unit in the memory is not as `catch_up_memory` would write it: a unit approved
        exactly while its segment is, holding the segment's text. Only after a power cut or a failed memory write
        do any differ. A few milliseconds for thousands of segments.

        A missing unit counts only for a segment changed since the memory was linked: segments approved before,
        or while another memory was linked, are not copied in (that could be thousands, and was never asked
        for). Units of segments that a merge removed are left as they are.
        """
        project_uid = self.get_meta("uid")
        if self._memory is None or project_uid is None:
            return []
        units = self._memory.project_units(project_uid)
        linked = self.get_meta("tm_linked_at") or ""
        differing = []
        for segment_id, source, target, status, updated_at in self._db.execute(
            "SELECT id, source, target, status, updated_at FROM segments"
        ):
            unit = units.get(segment_id)
            if status == Status.APPROVED.value:
                differs = (updated_at or "") >= linked if unit is None else unit != (True, source, target)
            else:
                differs = unit is not None and unit[0]
            if differs:
                differing.append(segment_id)
        return differing

    @contextmanager
    def _changing(self) -> Iterator[sqlite_utils.Database]:
        """One change of the project: its transaction, then the units of the segments it changed written to the
        memory in one transaction of the memory's own.

        The project is saved first and whatever happens to the memory write, the change stays saved: a memory
        that is busy (another program importing a TMX file holds its lock for minutes) or failing is written when
        it can be (`catch_up_memory`, or the next open), as after a power cut between the two commits."""
        with transaction(self._db) as db:
            yield db
        self.catch_up_memory(wait=self.memory_wait)

    def catch_up_memory(self, *, wait: float, segment_ids: Iterable[int] = ()) -> bool:
        """Write the units the memory is missing (and those of `segment_ids`, which another store of this project
        left waiting), waiting at most `wait` seconds for another program's write to end; True when the memory is
        in line with the project. On failure the segments stay pending and `tm_error` says why; nothing in the
        project changes either way."""
        self._memory_pending.update(dict.fromkeys(segment_ids))
        if self._memory is None or not self._memory_pending:
            self._memory_pending.clear()
            return True
        project_uid = self.get_meta("uid")
        if project_uid is None:  # link_tm always sets it; a hand-edited file may not
            self._tm_error = ProjectError(self.path, QT_TRANSLATE_NOOP(
                "Errors", "has a translation memory but no project id; link the memory again."))
            return False
        try:
            with self._memory.writing(wait=wait):
                for segment_id in self._memory_pending:
                    self._write_unit(project_uid, segment_id)
        except TarjamaError as exc:
            self._memory_write_error = exc
            return False
        except sqlite3.Error as exc:
            self._memory_write_error = ProjectError(self._memory.path, QT_TRANSLATE_NOOP(
                "Errors", "could not be written ({reason}); approved segments are saved in the project and go into "
                          "the memory when it can be written."), reason=exc)
            return False
        self._memory_pending.clear()
        self._memory_write_error = None
        return True

    def _write_unit(self, project_uid: str, segment_id: int) -> None:
        """Make the memory agree with one segment as the project holds it now: its unit there and approved exactly
        while the segment is approved (withdrawn when it is not, or was merged away)."""
        assert self._memory is not None
        row = self._db.execute(
            """
            SELECT s.status, s.paragraph_id, s.position, d.name
            FROM segments s JOIN paragraphs p ON p.id = s.paragraph_id JOIN documents d ON d.id = p.document_id
            WHERE s.id = ?
            """,
            [segment_id],
        ).fetchone()
        if row is None or row[0] != Status.APPROVED.value:
            self._memory.withdraw_project_unit(project_uid=project_uid, segment_id=segment_id)
            return
        _, paragraph_id, position, document = row
        segment = self.segment(segment_id)
        neighbours = dict(
            self._db.execute(
                "SELECT position, source FROM segments WHERE paragraph_id = ? AND position IN (?, ?)",
                [paragraph_id, position - 1, position + 1],
            ).fetchall()
        )
        context = tm.segment_context(neighbours.get(position - 1), neighbours.get(position + 1))
        unit = self._approved_unit(segment.source, segment.target, segment.mt_text, document,
                                   segment.updated_at or _now(), context, segment_effort(segment))
        self._memory.write_project_unit(unit, project_uid=project_uid, segment_id=segment_id)

    def _approved_unit(
        self,
        source: str,
        target: str,
        mt_text: str | None,
        document: str,
        when: str,
        context: str = "",
        effort: SegmentEffort | None = None,
    ) -> TmUnit:
        """The TM unit an approved segment stands for, the same whether it goes to the linked TM or into TMX; its
        post-editing effort goes along as props (`x-hter`, `x-edit-seconds`)."""
        return TmUnit(
            source=source,
            target=target,
            created_at=when,
            changed_at=when,
            author=self.author,
            origin=UnitOrigin.MT_POSTEDITED if mt_text else UnitOrigin.HUMAN,
            document=document,
            mt_original=mt_text,
            props=effort_props(effort),
            context=context,
        )

    def approved_units(self) -> Iterator[TmUnit]:
        """The project's approved segments as TM units, in document order, streamed (a TMX export of the project)."""
        documents = dict(
            self._db.execute("SELECT p.id, d.name FROM paragraphs p JOIN documents d ON d.id = p.document_id")
        )
        for row in self._db.execute(_SEGMENT_QUERY + " WHERE s.status = ?" + _ORDER, [Status.APPROVED.value]):
            segment = _segment(row)
            yield self._approved_unit(
                segment.source,
                segment.target,
                segment.mt_text,
                documents[segment.paragraph_id],
                segment.updated_at,
                effort=segment_effort(segment),
            )

    # -- documents ------------------------------------------------------------------------------------------

    def add_document(self, document: ImportedDocument) -> int:
        """Segment every paragraph and store it, all in one transaction; returns the document id."""
        now = _now()
        with transaction(self._db) as db:
            doc_id = (
                db["documents"]
                .insert(
                    {
                        "name": document.name,
                        "format": document.format,
                        "paragraph_separator": document.paragraph_separator,
                        "imported_at": now,
                    }
                )
                .last_pk
            )
            segment_rows = []
            for idx, text in enumerate(document.paragraphs):
                paragraph_id = db["paragraphs"].insert({"document_id": doc_id, "idx": idx}).last_pk
                for position, piece in enumerate(split_sentences(text)):
                    source, space_after = split_piece(piece)
                    segment_rows.append(
                        {
                            "paragraph_id": paragraph_id,
                            "position": position,
                            "source": source,
                            "space_after": space_after,
                            "target": "",
                            "status": Status.NEW.value,
                            "origin": Origin.NONE.value,
                            "created_at": now,
                            "updated_at": now,
                        }
                    )
            db["segments"].insert_all(segment_rows, batch_size=1000)
        return doc_id

    def documents(self) -> list[DocumentInfo]:
        rows = self._db.execute(
            "SELECT id, name, format, paragraph_separator FROM documents ORDER BY id"
        ).fetchall()
        return [DocumentInfo(*row) for row in rows]

    # -- reading segments -----------------------------------------------------------------------------------

    def segments(self, document_id: int | None = None) -> list[Segment]:
        if document_id is None:
            rows = self._db.execute(_SEGMENT_QUERY + _ORDER).fetchall()
        else:
            rows = self._db.execute(_SEGMENT_QUERY + " WHERE p.document_id = ?" + _ORDER, [document_id]).fetchall()
        return [_segment(row) for row in rows]

    def segment(self, segment_id: int) -> Segment:
        row = self._db.execute(_SEGMENT_QUERY + " WHERE s.id = ?", [segment_id]).fetchone()
        if row is None:
            raise self._no_segment(segment_id)
        return _segment(row)

    def _no_segment(self, segment_id: int) -> SegmentError:
        return SegmentError(QT_TRANSLATE_NOOP("Errors", "Segment {segment} does not exist in {file}."),
                            segment=segment_id, file=self.path.name)

    def paragraphs(self, document_id: int) -> Iterator[list[Segment]]:
        """The document's segments grouped by paragraph, in order, one paragraph at a time: what an export walks,
        and it never holds a whole (possibly 500,000-segment) document."""
        rows = self._db.execute(_SEGMENT_QUERY + " WHERE p.document_id = ?" + _ORDER, [document_id])
        for _, paragraph in itertools.groupby(map(_segment, rows), key=lambda segment: segment.paragraph_id):
            yield list(paragraph)

    def history(self, segment_id: int) -> list[HistoryEntry]:
        rows = self._db.execute(
            "SELECT target, status, origin, saved_at, reason FROM segment_history WHERE segment_id = ? ORDER BY id",
            [segment_id],
        ).fetchall()
        return [HistoryEntry(r[0], Status(r[1]), Origin(r[2]), r[3], r[4]) for r in rows]

    def stats(self) -> ProjectStats:
        by_status = {status.value: 0 for status in Status}
        segments = words = approved_segments = approved_words = 0
        for status, source in self._db.execute("SELECT status, source FROM segments"):
            count = len(source.split())
            by_status[status] = by_status.get(status, 0) + 1
            segments += 1
            words += count
            if status == Status.APPROVED.value:
                approved_segments += 1
                approved_words += count
        return ProjectStats(segments, approved_segments, words, approved_words, by_status)

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
            if len(changed) > _READ_ONE_BY_ONE:
                wanted = set(changed)
                return SegmentChanges(tuple(s for s in self.segments() if s.id in wanted))
            return SegmentChanges(tuple(self.segment(segment_id) for segment_id in changed))

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
    ) -> Segment:
        """Change a segment's target and/or status in one transaction and record the result in its history.

        A new target without an explicit status makes the segment a draft (or new again when emptied), the way
        CAT tools mark an edited segment as needing approval again.

        `expected` is the segment's `updated_at` as the caller read it: when the stored segment has changed since
        (another program saved it), SegmentChangedError is raised and nothing is written, unless the change would
        leave the segment exactly as it is anyway. None writes whatever is stored.
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
            # The engine's confidence describes its own text: it goes once a person changes the text.
            confidence = current.confidence if new_target == current.target else None
            self._write(segment_id, new_target, status, origin, reason, confidence)
        return self.segment(segment_id)

    def _write(
        self,
        segment_id: int,
        target: str,
        status: Status,
        origin: Origin,
        reason: str,
        confidence: float | None = None,
    ) -> None:
        now = _now()
        was = self._db.execute("SELECT status FROM segments WHERE id = ?", [segment_id]).fetchone()
        self._db.execute(
            "UPDATE segments SET target = ?, status = ?, origin = ?, confidence = ?, updated_at = ? WHERE id = ?",
            [target, status.value, origin.value, confidence, now, segment_id],
        )
        self._db["segment_history"].insert(
            {
                "segment_id": segment_id,
                "target": target,
                "status": status.value,
                "origin": origin.value,
                "saved_at": now,
                "reason": reason,
            }
        )
        if Status.APPROVED.value in (status.value, was and was[0]):  # only an approval adds or withdraws a unit
            self._memory_pending[segment_id] = None

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
            if not 0 < offset < len(current.source):  # a negative offset would slice from the end
                raise SegmentError(_SPLIT_BETWEEN_PARTS)
            head_piece, tail_piece = current.source[:offset], current.source[offset:]
            head, head_space = split_piece(head_piece)
            tail_lead = len(tail_piece) - len(tail_piece.lstrip())
            head_space += tail_piece[:tail_lead]
            tail = tail_piece[tail_lead:]
            if not head.strip() or not tail.strip():
                raise SegmentError(_SPLIT_BETWEEN_PARTS)
            db.execute(
                "UPDATE segments SET position = position + 1 WHERE paragraph_id = ? AND position > ?",
                [current.paragraph_id, current.position],
            )
            now = _now()
            db.execute(
                "UPDATE segments SET source = ?, space_after = ?, updated_at = ? WHERE id = ?",
                [head, head_space, now, segment_id],
            )
            row = {
                "paragraph_id": current.paragraph_id,
                "position": current.position + 1,
                "source": tail,
                "space_after": current.space_after,
                "target": "",
                "status": Status.NEW.value,
                "origin": Origin.NONE.value,
                "created_at": now,
                "updated_at": now,
            }
            if new_id is not None:
                row["id"] = new_id
            created = db["segments"].insert(row).last_pk
            db.execute(
                "UPDATE segments SET mt_text = NULL, alternatives = NULL, tm_score = NULL, tm_text = NULL WHERE id = ?",
                [segment_id],
            )
            status = Status.DRAFT if current.target.strip() else Status.NEW
            origin = Origin.HUMAN if current.target.strip() else Origin.NONE
            if (status, origin, current.confidence) != (current.status, current.origin, None):
                self._write(segment_id, current.target, status, origin, "split")
        return self.segment(segment_id), self.segment(created)

    def merge_with_next(self, segment_id: int) -> tuple[Segment, Segment]:
        """Merge a segment with the next one in its paragraph; returns (merged, removed as it was).

        Targets are joined with a space; the merged segment is a draft when any text results, because the
        translator has to check the joined sentence.
        """
        with self._changing() as db:
            first = self.segment(segment_id)
            row = db.execute(
                "SELECT id FROM segments WHERE paragraph_id = ? AND position = ?",
                [first.paragraph_id, first.position + 1],
            ).fetchone()
            if row is None:
                raise SegmentError(QT_TRANSLATE_NOOP("Errors", "This is the last segment of its paragraph: there is "
                                                               "no next segment to merge."))

            second = self.segment(row[0])
            if second.status == Status.APPROVED:  # its sentence is now part of a draft: its unit goes
                self._memory_pending[second.id] = None
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
            self._write(first.id, target, status, origin, "merge")
        return self.segment(segment_id), second

    def restore_segment(self, snapshot: Segment, *, expected: str | None = None) -> Segment:
        """Put back a segment's target, status, origin, machine and TM data as captured earlier (undo).

        `expected`: as for `update_segment`, the version the caller last knew; SegmentChangedError if another
        program has changed the segment since."""
        with self._changing():
            self._check_version(self.segment(snapshot.id), expected)
            # Machine data first: the TM unit an approval writes records the MT the target began from.
            self._db.execute(
                "UPDATE segments SET mt_text = ?, alternatives = ?, tm_score = ?, tm_text = ? WHERE id = ?",
                [
                    snapshot.mt_text,
                    _alternatives_to_json(snapshot.alternatives),
                    snapshot.tm_score,
                    snapshot.tm_text,
                    snapshot.id,
                ],
            )
            self._write(
                snapshot.id, snapshot.target, snapshot.status, snapshot.origin, "undo", snapshot.confidence
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
                row = db.execute("SELECT status, origin FROM segments WHERE id = ?", [segment_id]).fetchone()
                if row is None:
                    continue  # merged away while the engine was working
                if not overwrite and (row[0] not in MT_FILLABLE_STATUSES or row[1] not in MT_FILLABLE_ORIGINS):
                    continue
                self._write(segment_id, best.text, Status.MACHINE, Origin.MT, "mt", best.confidence)
                db.execute(
                    "UPDATE segments SET mt_text = ?, alternatives = ? WHERE id = ?",
                    [best.text, _alternatives_to_json(alternatives), segment_id],
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
                row = db.execute("SELECT status, origin FROM segments WHERE id = ?", [segment_id]).fetchone()
                if row is None or row[0] not in MT_FILLABLE_STATUSES or row[1] not in MT_FILLABLE_ORIGINS:
                    continue
                db.execute(
                    "UPDATE segments SET tm_score = ?, tm_text = ? WHERE id = ?",
                    [match.score, match.unit.target, segment_id],
                )
                self._write(segment_id, match.unit.target, Status.DRAFT, Origin.TM, "tm")
                changed.append(segment_id)
        return [self.segment(segment_id) for segment_id in changed]

    # -- small settings kept with the project ---------------------------------------------------------------

    def get_meta(self, key: str, default: str | None = None) -> str | None:
        row = self._db.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
        return default if row is None else row[0]

    def set_meta(self, key: str, value: str) -> None:
        with transaction(self._db) as db:
            db["meta"].upsert({"key": key, "value": value}, pk="key")

    # -- QA findings a translator set aside -----------------------------------------------------------------

    def ignore_qa(self, segment_id: int, check_name: str, reason: str = "") -> None:
        """Stop reporting one check's findings on a segment, keeping why; setting it aside again replaces the
        reason."""
        with transaction(self._db) as db:
            self.segment(segment_id)  # a finding on a segment that does not exist cannot be set aside
            db["qa_ignored"].upsert(
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


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _project_uid_at(path: Path) -> str | None:
    """The id of the project at `path`, read without changing it; None if there is none (or it cannot be read)."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except (sqlite3.Error, OSError, ValueError):
        return None
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = 'uid'").fetchone()
    except sqlite3.Error:
        return None
    finally:
        conn.close()
    return row[0] if row else None


def _user_name() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no login name (e.g. a container without a passwd entry)
        return ""
