"""What links a project to its translation memory: the project's identity, the link itself, writing the units of the
segments it approves, putting the memory right after a power cut, and the neighbours rule behind 101 % matches.

A project (`tarjama.project.store.ProjectStore`) holds one `MemoryLink`. Approving a segment writes its unit to the
memory on a connection of the memory's own, right after the project's transaction has committed: the two files are
never locked together, so a memory another program holds for minutes (a TMX import) never stops a segment from
being saved. Its units wait (`MemoryLink.behind`) and are written when the memory is free (`MemoryLink.catch_up`),
as they are after a power cut between the two commits: opening the project brings the memory in line
(`MemoryLink.open`).

The memory knows a project's units by the project's id (meta `uid`), so a copy of a project file takes an id of its
own when first opened (`MemoryLink.claim_identity`) and never withdraws or overwrites the original's units.

A project keeps one unit per source and target (`_unit_key`: both normalised, as the memory compares them): two
approved repetitions with the same translation are one unit, owned by one of the two segments. When that segment's
approval goes (un-approved, edited, merged away, its file removed), the unit passes to another identical approval of
the project if there is one (`_hand_over`), and is withdrawn only with the last. A unit imported from TMX is not a
project's: approving the same pair adds the project's own unit beside it (a lookup shows the pair once), so that
withdrawing the approval never takes away what was imported; a TMX imported after the approval merges into the
project's unit instead (`TranslationMemory.import_units`).
"""

from __future__ import annotations

import functools
import os
import sqlite3
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Protocol

import sqlite_utils

from tarjama.arabic import normalise_for_matching
from tarjama.domain import Segment, Status, TmUnit, UnitOrigin
from tarjama.errors import QT_TRANSLATE_NOOP, ProjectError, TarjamaError
from tarjama.inline_tags import tags_used
from tarjama.memory.editing import edited_project_pairs
from tarjama.memory.schema import source_key
from tarjama.memory.store import TranslationMemory
from tarjama.project.effort import effort_props, segment_effort
from tarjama.project.schema import SEGMENT_ORDER, SEGMENT_QUERY, segment_from_row
from tarjama.sqlite_file import transaction

# -- before a project opens ---------------------------------------------------------------------------------


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
    return memory if memory is not None and TranslationMemory.needs_update(memory) else None


# -- the neighbours rule behind 101 % matches -------------------------------------------------------------------


def segment_context(previous_source: str | None, next_source: str | None) -> str:
    """The context a unit is stored with and a lookup compares for 101 %: the neighbouring sources, normalised.

    Never empty (a separator stands between the two halves), so a segment alone in its paragraph has a context,
    while an imported unit, whose context is unknown (""), never makes a 101 % match.
    """
    return f"{normalise_for_matching(previous_source or '')}\x1f{normalise_for_matching(next_source or '')}"


def context_in_paragraph(segments: Sequence[Segment], index: int) -> str:
    """The context of `segments[index]`: the segments just before and after it in `segments` (in document order),
    each only if it is in the same paragraph.

    The one statement of the rule, for the unit an approval writes, the lookup of the segment being edited, and
    pre-translation, which must agree for an approved segment's unit to match its own segment at 101 %."""
    paragraph = segments[index].paragraph_id

    def beside(other: int) -> str | None:
        if not 0 <= other < len(segments) or segments[other].paragraph_id != paragraph:
            return None
        return segments[other].source

    return segment_context(beside(index - 1), beside(index + 1))


# -- the unit an approved segment stands for --------------------------------------------------------------------


def approved_unit(segment: Segment, *, document: str, author: str, when: str, context: str = "") -> TmUnit:
    """The TM unit an approved segment stands for, the same whether it goes to the linked TM or into TMX; its
    post-editing effort goes along as props (`x-hter`, `x-edit-seconds`), the tags its source and target hold
    as its own table (the segment's share of its paragraph's), and its comments as notes."""
    return TmUnit(
        source=segment.source,
        target=segment.target,
        created_at=when,
        changed_at=when,
        author=author,
        origin=UnitOrigin.MT_POSTEDITED if segment.mt_text else UnitOrigin.HUMAN,
        document=document,
        mt_original=segment.mt_text,
        props=effort_props(segment_effort(segment)),
        context=context,
        tags=tags_used(segment.source + segment.target, segment.tags),
        notes=tuple(comment.note_text for comment in segment.comments),
    )


def approved_units(db: sqlite_utils.Database, author: str) -> Iterator[TmUnit]:
    """A project's approved segments as TM units, in document order, streamed (a TMX export of the project), each
    pair once: approved repetitions are one unit, as in the memory (`_unit_key`). No context: a unit exported alone
    has no neighbours to compare."""
    documents = dict(db.execute("SELECT p.id, d.name FROM paragraphs p JOIN documents d ON d.id = p.document_id"))
    seen: set[tuple[str, str]] = set()
    for row in db.execute(SEGMENT_QUERY + " WHERE s.status = ?" + SEGMENT_ORDER, [Status.APPROVED.value]):
        segment = segment_from_row(row)
        key = _unit_key(segment.source, segment.target)
        if key in seen:
            continue
        seen.add(key)
        yield approved_unit(segment, document=documents[segment.paragraph_id], author=author, when=segment.updated_at)


# -- the link ---------------------------------------------------------------------------------------------------

#: A segment and its neighbours in its paragraph, in order: the rows a unit and its context are made from.
_SEGMENT_AND_NEIGHBOURS = (
    SEGMENT_QUERY
    + " WHERE s.paragraph_id = (SELECT paragraph_id FROM segments WHERE id = :id)"
    " AND s.position BETWEEN (SELECT position FROM segments WHERE id = :id) - 1"
    " AND (SELECT position FROM segments WHERE id = :id) + 1"
    " ORDER BY s.position"
)


#: The source and target of a project's approved unit of a segment, normalised: its `_unit_key` as it was written.
_OWN_APPROVED_UNIT = (
    "SELECT norm_source, norm_target FROM units WHERE project_uid = ? AND segment_id = ? AND approved = 1"
)
#: The project's other approved units with a given `_unit_key` (the memory's source key index finds them).
_OTHERS_WITH_KEY = (
    "SELECT segment_id, source, target FROM units WHERE source_key = ? AND project_uid = ? AND norm_source = ? "
    "AND norm_target = ? AND approved = 1 AND segment_id != ?"
)


def _others_with_key(
    memory_db: sqlite_utils.Database, project_uid: str, key: tuple[str, str], segment_id: int
) -> sqlite3.Cursor:
    """The (segment id, source, target) of the project's approved units with `key` but for `segment_id`'s."""
    return memory_db.execute(_OTHERS_WITH_KEY, [source_key(key[0]), project_uid, *key, segment_id])


#: `normalise_for_matching`, remembered: catching up compares many sources and targets that do not change.
_normalised = functools.lru_cache(maxsize=1 << 16)(normalise_for_matching)


def _unit_key(source: str, target: str) -> tuple[str, str]:
    """What makes two of a project's approvals one unit: the same source and target, normalised as the memory
    stores them (`norm_source`, `norm_target`)."""
    return _normalised(source), _normalised(target)


class LinkedProject(Protocol):
    """What the link uses of the project that holds it (a `ProjectStore`), named here because the project's store
    imports this module and not the other way round."""

    path: Path
    #: Written into the units the project adds to its memory; read at each write, so a change applies at once.
    author: str

    def get_meta(self, key: str, default: str | None = None) -> str | None: ...

    def set_meta(self, key: str, value: str) -> None: ...


class MemoryLink:
    """One open project's link to its translation memory: the memory open now, the segments whose units wait for
    it, and why it is not (all) written. Not thread-safe, like the store that holds it.

    `db` is the project's own connection: the link keeps its meta keys (`uid`, `uid_path`, `tm_path`,
    `tm_linked_at`) and reads its segments. `clock` is the project's clock (`updated_at`'s format, which
    `tm_linked_at` is compared with).
    """

    def __init__(self, project: LinkedProject, db: sqlite_utils.Database, *, clock: Callable[[], str]) -> None:
        self._project = project
        self._db = db
        self._now = clock
        self._memory: TranslationMemory | None = None
        #: Segments whose units are still to be written to the memory, in the order they changed.
        self._pending: dict[int, None] = {}
        #: Why the memory could not be opened (missing, newer, not a memory).
        self._open_error: TarjamaError | None = None
        #: Why the last write to the memory failed (busy, full, ...), while `behind`.
        self._write_error: TarjamaError | None = None

    # -- the project's identity ---------------------------------------------------------------------------------

    def claim_identity(self) -> None:
        """Give a copy of a project an identity of its own, so the units it writes are its own.

        The memory knows a project's units by the project's id (`uid`), and the project remembers the file it was
        given that id in (`uid_path`). Opened from another path while that file still holds a project with the
        same id, this file is a copy: it gets a new id, and its memory link starts afresh (only segments changed
        from now on are written, so the original's units are neither withdrawn nor written twice). Opened from
        another path with nothing there, the project was moved or renamed and keeps its id."""
        project = self._project
        uid = project.get_meta("uid")
        here = str(project.path.resolve())
        if uid is None or project.get_meta("uid_path") == here:
            return
        remembered = project.get_meta("uid_path")
        if remembered is not None and not _same_file(Path(remembered), project.path) \
                and _project_uid_at(Path(remembered)) == uid:
            with transaction(self._db) as db:
                _put_meta(db, uid=uuid.uuid4().hex, tm_linked_at=self._now(), uid_path=here)
        else:
            project.set_meta("uid_path", here)

    # -- what the project shows of its memory -------------------------------------------------------------------

    @property
    def tm_path(self) -> Path | None:
        """The translation memory this project writes to, as remembered in the project (it may be missing)."""
        value = self._project.get_meta("tm_path")
        return Path(value) if value else None

    @property
    def linked_path(self) -> Path | None:
        """The translation memory open now, or None (not linked, or the remembered one could not be used)."""
        return None if self._memory is None else self._memory.path

    @property
    def error(self) -> TarjamaError | None:
        """Why approved segments are not (all) in the memory now: it could not be opened, or its last write failed
        (busy, say) and `behind` is true. None when they are."""
        return self._open_error or self._write_error

    @property
    def behind(self) -> bool:
        """Whether segments saved in the project still wait for their units to be written to the memory (it was
        busy or failing): `catch_up` writes them, and so does opening the project again."""
        return bool(self._pending)

    @property
    def pending(self) -> tuple[int, ...]:
        """The segments whose units wait for the memory (see `behind`)."""
        return tuple(self._pending)

    # -- linking, opening, closing ------------------------------------------------------------------------------

    def link(self, tm_path: str | Path) -> None:
        """Write approved segments to the TM at `tm_path` from now on, creating it if needed; replaces any link.

        The project remembers the path, and `open` opens it again. If the file cannot be used (not a TM, newer),
        the error says why and the previous link stays. The caller refuses a read-only project first.
        """
        path = Path(tm_path).absolute()
        memory = TranslationMemory.open_or_create(path)
        with transaction(self._db) as db:
            _put_meta(db, tm_path=str(path), tm_linked_at=self._now())
            if self._project.get_meta("uid") is None:
                _put_meta(db, uid=uuid.uuid4().hex, uid_path=str(self._project.path.resolve()))
        self.close()
        self._memory = memory
        self._open_error = None

    def unlink(self) -> None:
        """Stop writing to a translation memory; the units already written stay in it."""
        self.close()
        self._open_error = None
        with transaction(self._db) as db:
            db.execute("DELETE FROM meta WHERE key = 'tm_path'")

    def open(self, *, wait: float) -> None:
        """Open the memory the project remembers and bring it in line with the project (`_differing`), waiting at
        most `wait` seconds for another program's write; a memory that is missing, unusable or busy does not stop
        the project from opening (see `error`)."""
        remembered = self.tm_path
        if remembered is None:
            return
        if not remembered.is_file():
            self._open_error = ProjectError(
                remembered,
                QT_TRANSLATE_NOOP("Errors", "is missing, so approved segments are not being saved to a "
                                            "translation memory. Link the project to a translation memory again."),
            )
            return
        try:
            self._memory = TranslationMemory.open(remembered)
        except TarjamaError as exc:
            self._open_error = exc
            return
        self._pending.update(dict.fromkeys(self._differing()))
        self.catch_up(wait=wait)

    def close(self) -> None:
        """Close the memory; the units still waiting are the next `open`'s to find."""
        if self._memory is not None:
            self._memory.close()
        self._memory = None
        self._pending.clear()
        self._write_error = None

    # -- writing units ------------------------------------------------------------------------------------------

    def mark_pending(self, segment_id: int) -> None:
        """A change of the project (committed or about to be) adds, changes or withdraws this segment's unit: the
        next `catch_up` makes the memory agree with the segment as the project then holds it."""
        self._pending[segment_id] = None

    def catch_up(self, *, wait: float, segment_ids: Iterable[int] = ()) -> bool:
        """Write the units the memory is missing (and those of `segment_ids`, which another store of this project
        left waiting), waiting at most `wait` seconds for another program's write to end; True when the memory is
        in line with the project. On failure the segments stay pending and `error` says why; nothing in the
        project changes either way."""
        self._pending.update(dict.fromkeys(segment_ids))
        if self._memory is None or not self._pending:
            self._pending.clear()
            return True
        project_uid = self._project.get_meta("uid")
        if project_uid is None:  # link always sets it; a hand-edited file may not
            self._open_error = ProjectError(self._project.path, QT_TRANSLATE_NOOP(
                "Errors", "has a translation memory but no project id; link the memory again."))
            return False
        try:
            with self._memory.writing(wait=wait) as memory_db:
                for segment_id in self._pending:
                    self._write_unit(self._memory, memory_db, project_uid, segment_id)
        except TarjamaError as exc:
            self._write_error = exc
            return False
        except sqlite3.Error as exc:
            self._write_error = ProjectError(self._memory.path, QT_TRANSLATE_NOOP(
                "Errors", "could not be written ({reason}); approved segments are saved in the project and go into "
                          "the memory when it can be written."), reason=exc)
            return False
        self._pending.clear()
        self._write_error = None
        return True

    def _write_unit(
        self, memory: TranslationMemory, memory_db: sqlite_utils.Database, project_uid: str, segment_id: int
    ) -> None:
        """Make the memory agree with one segment as the project holds it now: its unit there and approved exactly
        while the segment is approved (withdrawn when it is not, or was merged away), unless another approved
        segment's identical unit stands for it; and when its unit goes, the unit of an identical approval takes its
        place (see the module docstring). Inside `writing`, whose connection `memory_db` is."""
        owned = memory_db.execute(_OWN_APPROVED_UNIT, [project_uid, segment_id]).fetchone()
        around = [segment_from_row(row) for row in self._db.execute(_SEGMENT_AND_NEIGHBOURS, {"id": segment_id})]
        index = next((i for i, segment in enumerate(around) if segment.id == segment_id), None)
        segment = around[index] if index is not None and around[index].status == Status.APPROVED else None
        key = None if segment is None else _unit_key(segment.source, segment.target)
        if segment is None or key is None or self._kept_by_another(memory_db, project_uid, key, segment_id):
            memory.withdraw_project_unit(project_uid=project_uid, segment_id=segment_id)
        else:
            self._put_unit(memory, project_uid, around, around.index(segment))
        if owned is not None and tuple(owned) != key:
            self._hand_over(memory, memory_db, project_uid, tuple(owned), segment_id)

    def _kept_by_another(
        self, memory_db: sqlite_utils.Database, project_uid: str, key: tuple[str, str], segment_id: int
    ) -> bool:
        """Whether another segment of the project holds an approved unit with this source and target, and is still
        approved with that very text (a unit whose segment changed is about to go, and stands for nothing)."""
        for other_id, source, target in _others_with_key(memory_db, project_uid, key, segment_id):
            row = self._db.execute("SELECT status, source, target FROM segments WHERE id = ?", [other_id]).fetchone()
            if row is not None and tuple(row) == (Status.APPROVED.value, source, target):
                return True
        return False

    def _hand_over(
        self, memory: TranslationMemory, memory_db: sqlite_utils.Database, project_uid: str, key: tuple[str, str],
        leaving: int,
    ) -> None:
        """The unit with `key` that segment `leaving` held is gone: unless another of the project's units holds the
        pair, write that of the first other segment approved with it. Reads the project's approved segments (a
        few milliseconds for thousands: their normalised forms are remembered)."""
        if _others_with_key(memory_db, project_uid, key, leaving).fetchone() is not None:
            return
        for other_id, source, target in self._db.execute(
            "SELECT id, source, target FROM segments WHERE status = ? AND id != ? ORDER BY id",
            [Status.APPROVED.value, leaving],
        ):
            if _unit_key(source, target) == key:
                around = [segment_from_row(row) for row in self._db.execute(_SEGMENT_AND_NEIGHBOURS, {"id": other_id})]
                self._put_unit(memory, project_uid, around, [s.id for s in around].index(other_id))
                return

    def _put_unit(self, memory: TranslationMemory, project_uid: str, around: list[Segment], index: int) -> None:
        """Write the unit of the approved segment `around[index]`, between its neighbours."""
        segment = around[index]
        (document,) = self._db.execute(
            "SELECT d.name FROM paragraphs p JOIN documents d ON d.id = p.document_id WHERE p.id = ?",
            [segment.paragraph_id],
        ).fetchone()
        unit = approved_unit(segment, document=document, author=self._project.author,
                             when=segment.updated_at or self._now(), context=context_in_paragraph(around, index))
        memory.write_project_unit(unit, project_uid=project_uid, segment_id=segment.id)

    def _differing(self) -> list[int]:
        """The segments whose unit in the memory is not as `catch_up` would write it: a unit approved exactly while
        its segment is, holding the segment's text. Only after a power cut or a failed memory write do any differ.
        A few milliseconds for thousands of segments.

        A missing unit counts only for a segment changed since the memory was linked: segments approved before,
        or while another memory was linked, are not copied in (that could be thousands, and was never asked
        for). Units of segments that a merge removed are left as they are, and so is a unit the TM editor changed or
        deleted after its segment was last saved (`edited_project_pairs`): the later change wins. An approved
        segment without a unit of its own is in line when an identical approval's unit stands for it (the module
        docstring).
        """
        project_uid = self._project.get_meta("uid")
        if self._memory is None or project_uid is None:
            return []
        units = self._memory.project_units(project_uid)
        edited = edited_project_pairs(self._memory, project_uid)
        linked = self._project.get_meta("tm_linked_at") or ""
        rows = self._db.execute("SELECT id, source, target, status, updated_at FROM segments").fetchall()
        kept: set[tuple[str, str]] | None = None  # the pairs units stand for, found when first needed
        differing = []
        for segment_id, source, target, status, updated_at in rows:
            unit = units.get(segment_id)
            if status != Status.APPROVED.value:
                differs = unit is not None and unit[0]
            elif unit is not None and unit[0]:
                differs = unit != (True, source, target)
            elif unit is None and (updated_at or "") < linked:
                differs = False
            else:
                if kept is None:
                    kept = _pairs_kept(units, rows)
                differs = _unit_key(source, target) not in kept
            if differs and edited.get(_unit_key(source, target), "") <= (updated_at or ""):
                differing.append(segment_id)
        return differing


def _pairs_kept(units: dict[int, tuple[bool, str, str]], rows: list[tuple]) -> set[tuple[str, str]]:
    """The `_unit_key`s of a project's approved units whose segments are approved with their text: the pairs its
    memory holds now."""
    approved = {row[0]: (row[1], row[2]) for row in rows if row[3] == Status.APPROVED.value}
    return {
        _unit_key(source, target)
        for segment_id, (is_approved, source, target) in units.items()
        if is_approved and approved.get(segment_id) == (source, target)
    }


def _put_meta(db: sqlite_utils.Database, **values: str) -> None:
    """Set the project's meta keys, in the order given, inside the caller's transaction."""
    for key, value in values.items():
        db.table("meta").upsert({"key": key, "value": value}, pk="key")


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
