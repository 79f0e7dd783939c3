"""A project linked to a translation memory: approving writes the unit right after the segment, un-approving (an
edit, an undo, a merge) withdraws it, and the link survives reopening.

The Arabic text is written for these tests: paragraph 0 holds three sentences, paragraph 1 one.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from tarjama.domain import ImportedDocument, MachineSuggestion, Origin, Status, TmMatch, TmUnit, UnitOrigin
from tarjama.errors import ProjectError
from tarjama.memory import schema
from tarjama.memory.link import segment_context
from tarjama.memory.store import TranslationMemory
from tarjama.project.schema import PROJECT_FILE
from tarjama.project.store import ProjectStore
from tarjama.sqlite_file import FileKind, connect, create_new, transaction

PARAGRAPHS = [
    "وصل الوفد إلى العاصمة صباح اليوم. وبدأت المحادثات بعد ساعة. وانتهت الجولة الأولى مساء.",
    "قال المتحدث إن الاجتماع كان مثمرا.",
]


@pytest.fixture
def tm_path(tmp_path: Path) -> Path:
    return tmp_path / "memory.tarjama-tm"


@pytest.fixture
def project_path(tmp_path: Path) -> Path:
    return tmp_path / "خبر.tarjama"


@pytest.fixture
def store(project_path: Path, tm_path: Path) -> Iterator[ProjectStore]:
    document = ImportedDocument(name="خبر.txt", format="txt", paragraphs=PARAGRAPHS)
    with ProjectStore.create(project_path, [document]) as opened:
        opened.author = "layla"
        opened.link_tm(tm_path)
        yield opened


def stored_units(tm_path: Path, approved_only: bool = False) -> list[TmUnit]:
    with TranslationMemory.open(tm_path) as memory:
        return list(memory.units(approved_only=approved_only))


def lookup(tm_path: Path, source: str, context: str = "") -> list[TmMatch]:
    with TranslationMemory.open(tm_path) as memory:
        return memory.lookup(source, context)


def test_link_creates_the_memory_and_remembers_it(store: ProjectStore, tm_path: Path) -> None:
    assert tm_path.is_file()
    assert (store.tm_path, store.linked_tm, store.tm_problem) == (tm_path, tm_path, None)
    uid = store.get_meta("uid")
    assert uid and len(uid) == 32
    store.link_tm(tm_path)  # linking again keeps the project's id
    assert store.get_meta("uid") == uid


def test_approving_writes_a_unit_found_at_once_with_its_context(store: ProjectStore, tm_path: Path) -> None:
    first, second, third, alone = store.segments()
    store.update_segment(second.id, target="Talks began an hour later.", status=Status.APPROVED)

    [stored] = stored_units(tm_path)
    assert (stored.source, stored.target, stored.approved) == (second.source, "Talks began an hour later.", True)
    assert (stored.origin, stored.mt_original, stored.document, stored.author) == (
        UnitOrigin.HUMAN, None, "خبر.txt", "layla")
    assert stored.context == segment_context(first.source, third.source)
    assert stored.created_at == stored.changed_at != ""

    [match] = lookup(tm_path, second.source)
    assert match.score == 100
    [context_match] = lookup(tm_path, second.source, segment_context(first.source, third.source))
    assert context_match.score == 101

    store.update_segment(alone.id, target="The spokesman said the meeting was fruitful.", status=Status.APPROVED)
    assert stored_units(tm_path)[-1].context == segment_context(None, None)


def test_a_segment_that_began_as_mt_becomes_an_mt_postedited_unit(store: ProjectStore, tm_path: Path) -> None:
    segment = store.segments()[0]
    raw = MachineSuggestion("The delegation arrived to the capital today morning.", 0.8)
    store.apply_machine_translations([(segment.id, raw, ())])
    store.update_segment(segment.id, target="The delegation arrived in the capital this morning.",
                         status=Status.APPROVED)
    [stored] = stored_units(tm_path)
    assert (stored.origin, stored.mt_original) == (UnitOrigin.MT_POSTEDITED, raw.text)
    assert stored.target == "The delegation arrived in the capital this morning."


def test_re_approving_updates_the_same_unit_and_keeps_its_creation(store: ProjectStore, tm_path: Path) -> None:
    segment = store.segments()[3]
    store.update_segment(segment.id, target="The spokesman said the meeting was useful.", status=Status.APPROVED)
    [before] = stored_units(tm_path)
    store.update_segment(segment.id, target="The spokesman said the meeting was fruitful.")  # a draft again
    [withdrawn] = stored_units(tm_path)
    assert (withdrawn.id, withdrawn.approved) == (before.id, False)
    assert lookup(tm_path, segment.source) == []

    store.update_segment(segment.id, status=Status.APPROVED)
    [after] = stored_units(tm_path)
    assert (after.id, after.approved, after.created_at) == (before.id, True, before.created_at)
    assert after.target == "The spokesman said the meeting was fruitful."
    assert after.changed_at > before.changed_at


def test_undoing_an_approval_withdraws_the_unit_and_redo_restores_it(store: ProjectStore, tm_path: Path) -> None:
    segment = store.segments()[0]
    draft = store.update_segment(segment.id, target="The delegation arrived.")
    approved = store.update_segment(segment.id, status=Status.APPROVED)
    assert len(stored_units(tm_path, approved_only=True)) == 1

    store.restore_segment(draft)  # undo
    assert stored_units(tm_path, approved_only=True) == []
    assert lookup(tm_path, segment.source) == []

    store.restore_segment(approved)  # redo
    [unit] = stored_units(tm_path, approved_only=True)
    assert unit.target == "The delegation arrived."


def test_rejecting_or_merging_an_approved_segment_withdraws_its_unit(store: ProjectStore, tm_path: Path) -> None:
    first, second, third, _ = store.segments()
    store.update_segment(first.id, target="The delegation arrived.", status=Status.APPROVED)
    store.update_segment(second.id, target="Talks began.", status=Status.APPROVED)
    store.update_segment(third.id, target="The first round ended.", status=Status.APPROVED)
    assert len(stored_units(tm_path, approved_only=True)) == 3

    store.update_segment(third.id, status=Status.REJECTED)
    store.merge_with_next(first.id)  # the merged draft replaces both approved sentences
    assert stored_units(tm_path, approved_only=True) == []
    assert len(stored_units(tm_path)) == 3


def test_splitting_an_approved_segment_withdraws_its_unit_and_undo_restores_it(
    store: ProjectStore, tm_path: Path
) -> None:
    segment = store.segments()[0]
    approved = store.update_segment(segment.id, target="The delegation arrived this morning.", status=Status.APPROVED)

    head, tail = store.split_segment(segment.id, segment.source.index("صباح"))

    assert (head.status, head.target, tail.status) == (Status.DRAFT, approved.target, Status.NEW)
    assert stored_units(tm_path, approved_only=True) == []  # the whole sentence's translation no longer stands
    assert lookup(tm_path, head.source) == []

    store.merge_with_next(head.id)  # undo, as the window's split command does it
    store.restore_segment(approved)
    [unit] = stored_units(tm_path, approved_only=True)
    assert (unit.source, unit.target) == (segment.source, approved.target)


def test_a_failing_memory_write_keeps_the_approval_and_catches_up_later(
    store: ProjectStore, project_path: Path, tm_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The project is saved first: a memory that cannot be written (full, say) never costs the translator the
    approval; its unit waits, the store says why, and it is written once the memory can be."""
    segment = store.segments()[0]

    def disk_full(*args: object, **kwargs: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(TranslationMemory, "write_project_unit", disk_full)
    approved = store.update_segment(segment.id, target="The delegation arrived.", status=Status.APPROVED)
    assert store.segment(segment.id) == approved
    assert approved.status == Status.APPROVED
    assert store.memory_behind
    assert store.tm_problem is not None and "disk is full" in store.tm_problem and str(tm_path) in store.tm_problem
    assert stored_units(tm_path) == []

    monkeypatch.undo()
    assert store.catch_up_memory(wait=1)
    assert (store.memory_behind, store.tm_problem) == (False, None)
    [unit] = stored_units(tm_path)
    assert (unit.source, unit.target) == (segment.source, "The delegation arrived.")


def test_a_unit_left_behind_is_written_when_the_project_is_opened_again(
    store: ProjectStore, project_path: Path, tm_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    segment = store.segments()[0]
    monkeypatch.setattr(TranslationMemory, "write_project_unit", lambda *a, **k: (_ for _ in ()).throw(
        sqlite3.OperationalError("disk I/O error")))
    store.update_segment(segment.id, target="The delegation arrived.", status=Status.APPROVED)
    store.close()
    monkeypatch.undo()
    with ProjectStore.open(project_path) as reopened:
        assert not reopened.memory_behind
    assert [u.target for u in stored_units(tm_path, approved_only=True)] == ["The delegation arrived."]


def test_reopening_reattaches_the_memory(store: ProjectStore, project_path: Path, tm_path: Path) -> None:
    store.close()
    with ProjectStore.open(project_path) as reopened:
        assert (reopened.linked_tm, reopened.tm_problem) == (tm_path, None)
        segment = reopened.segments()[3]
        reopened.update_segment(segment.id, target="The spokesman said the meeting was fruitful.",
                                status=Status.APPROVED)
    assert lookup(tm_path, PARAGRAPHS[1])[0].score == 100


def _change_one_file(path: Path, statement: str, values: Sequence[object] = ()) -> None:
    """Change one of the two files alone, as a power cut between their commits can leave them."""
    db = connect(path)
    schema.register_functions(db)  # for the memory's triggers
    try:
        with transaction(db):
            db.execute(statement, values)
    finally:
        db.conn.close()


def test_reopening_puts_right_a_memory_left_with_half_a_commit(store: ProjectStore, project_path: Path,
                                                               tm_path: Path) -> None:
    first, second, third, alone = store.segments()
    store.update_segment(first.id, target="The delegation arrived.", status=Status.APPROVED)
    store.update_segment(second.id, target="Talks began.", status=Status.APPROVED)
    store.update_segment(third.id, target="The round ended.", status=Status.APPROVED)
    approved_at = store.segment(first.id).updated_at
    store.close()
    # The memory lost the first approval and kept an older text of the second; the project lost the third.
    _change_one_file(tm_path, "DELETE FROM units WHERE target = 'The delegation arrived.'")
    _change_one_file(tm_path, "UPDATE units SET target = 'Talks began an hour later.' WHERE target = 'Talks began.'")
    _change_one_file(project_path, "UPDATE segments SET status = 'draft' WHERE id = ?", [third.id])

    with ProjectStore.open(project_path) as reopened:
        assert reopened.tm_problem is None
    approved = {unit.source: unit for unit in stored_units(tm_path, approved_only=True)}
    assert {source: unit.target for source, unit in approved.items()} == {
        first.source: "The delegation arrived.", second.source: "Talks began."}
    assert approved[first.source].changed_at == approved_at  # dated by the approval, not by the repair
    assert [unit.target for unit in stored_units(tm_path) if not unit.approved] == ["The round ended."]
    assert lookup(tm_path, first.source)[0].score == 100

    watcher = sqlite3.connect(tm_path)
    version = watcher.execute("PRAGMA data_version").fetchone()[0]
    with ProjectStore.open(project_path):  # all agrees now: opening writes nothing
        pass
    assert watcher.execute("PRAGMA data_version").fetchone()[0] == version
    watcher.close()


def test_reopening_copies_in_no_approval_made_before_the_memory_was_linked(
    store: ProjectStore, project_path: Path, tm_path: Path, tmp_path: Path
) -> None:
    first, second, third, alone = store.segments()
    store.link_tm(tmp_path / "other.tarjama-tm")
    store.update_segment(first.id, target="The delegation arrived.", status=Status.APPROVED)  # into the other one
    store.link_tm(tm_path)
    store.update_segment(second.id, target="Talks began.", status=Status.APPROVED)
    store.close()
    with ProjectStore.open(project_path):
        pass
    assert [unit.target for unit in stored_units(tm_path)] == ["Talks began."]


def test_a_missing_memory_does_not_stop_the_project_opening(store: ProjectStore, project_path: Path,
                                                             tm_path: Path) -> None:
    store.close()
    tm_path.unlink()
    with ProjectStore.open(project_path) as reopened:
        assert (reopened.tm_path, reopened.linked_tm) == (tm_path, None)
        assert str(tm_path) in reopened.tm_problem and "missing" in reopened.tm_problem
        segment = reopened.segments()[0]
        approved = reopened.update_segment(segment.id, target="The delegation arrived.", status=Status.APPROVED)
        assert approved.status == Status.APPROVED
    assert not tm_path.exists()  # not silently re-created empty


def test_a_memory_replaced_by_a_foreign_file_is_reported_not_attached(store: ProjectStore, project_path: Path,
                                                                       tm_path: Path) -> None:
    store.close()
    tm_path.unlink()
    tm_path.write_text("not a memory", encoding="utf-8")
    with ProjectStore.open(project_path) as reopened:
        assert reopened.linked_tm is None
        assert "not a Tarjama translation memory" in reopened.tm_problem
        with pytest.raises(ProjectError, match="not a Tarjama translation memory"):
            reopened.link_tm(tm_path)
        assert reopened.linked_tm is None


def test_switching_and_unlinking(store: ProjectStore, tm_path: Path, tmp_path: Path) -> None:
    first, second, third, alone = store.segments()
    store.update_segment(first.id, target="The delegation arrived.", status=Status.APPROVED)
    other = tmp_path / "other.tarjama-tm"
    store.link_tm(other)
    assert (store.tm_path, store.linked_tm) == (other, other)
    store.update_segment(second.id, target="Talks began.", status=Status.APPROVED)
    assert [u.target for u in stored_units(tm_path)] == ["The delegation arrived."]
    assert [u.target for u in stored_units(other)] == ["Talks began."]

    foreign = tmp_path / "notes.txt"
    foreign.write_text("not a memory", encoding="utf-8")
    with pytest.raises(ProjectError, match="not a Tarjama translation memory"):
        store.link_tm(foreign)
    assert (store.tm_path, store.linked_tm) == (other, other)  # a failed switch keeps the link

    store.unlink_tm()
    assert (store.tm_path, store.linked_tm, store.tm_problem) == (None, None, None)
    store.update_segment(third.id, target="The round ended.", status=Status.APPROVED)
    assert len(stored_units(other)) == 1


def test_an_unlinked_project_writes_no_memory(project_path: Path, tm_path: Path) -> None:
    with ProjectStore.create(project_path, [ImportedDocument("a.txt", "txt", PARAGRAPHS)]) as store:
        segment = store.segments()[0]
        store.update_segment(segment.id, target="The delegation arrived.", status=Status.APPROVED)
        assert (store.tm_path, store.linked_tm) == (None, None)
    assert not tm_path.exists()


# -- TM fills and schema v3 -------------------------------------------------------------------------------------


def match_for(target: str, score: int = 100) -> TmMatch:
    return TmMatch(unit=TmUnit(source="x", target=target, id=1), score=score)


def test_apply_tm_matches_fills_untouched_segments_as_drafts(store: ProjectStore) -> None:
    first, second, third, _ = store.segments()
    store.update_segment(second.id, target="Typed by a person.")
    changed = store.apply_tm_matches([(first.id, match_for("From the memory.", 87)),
                                      (second.id, match_for("Would overwrite.")), (999, match_for("Merged away."))])
    assert [s.id for s in changed] == [first.id]
    filled = store.segment(first.id)
    assert (filled.target, filled.status, filled.origin) == ("From the memory.", Status.DRAFT, Origin.TM)
    assert (filled.tm_score, filled.tm_text) == (87, "From the memory.")
    assert store.history(first.id)[-1].reason == "tm"
    assert store.segment(second.id).target == "Typed by a person."
    assert (store.segment(third.id).tm_score, store.segment(third.id).tm_text) == (None, None)

    edited = store.update_segment(first.id, target="From the memory, edited.")
    assert (edited.tm_score, edited.tm_text) == (87, "From the memory.")  # kept for post-editing metrics


def test_restore_puts_back_the_tm_fields(store: ProjectStore) -> None:
    segment = store.segments()[0]
    [filled] = store.apply_tm_matches([(segment.id, match_for("From the memory.", 92))])
    store.update_segment(segment.id, target="")
    store.restore_segment(segment)
    assert store.segment(segment.id).tm_score is None
    restored = store.restore_segment(filled)
    assert (restored.tm_score, restored.tm_text, restored.origin) == (92, "From the memory.", Origin.TM)


def test_a_version_2_project_gets_the_tm_columns(tmp_path: Path) -> None:
    path = tmp_path / "old.tarjama"
    version_2 = FileKind(PROJECT_FILE.application_id, PROJECT_FILE.description, PROJECT_FILE.migrations[:2])
    old = create_new(path, version_2)  # laid out by hand: today's import writes columns version 2 lacks
    old.execute("INSERT INTO documents (id, name, format, paragraph_separator, imported_at) "
                "VALUES (1, 'a.txt', 'txt', '\n\n', '')")
    old.execute("INSERT INTO paragraphs (id, document_id, idx) VALUES (1, 1, 0)")
    old.execute("INSERT INTO segments (paragraph_id, position, source, space_after, target, status, origin, "
                "created_at, updated_at) VALUES (1, 0, ?, '', '', 'new', 'none', '', '')", [PARAGRAPHS[0]])
    old.conn.close()

    with ProjectStore.open(path) as migrated:
        segment = migrated.segments()[0]
        assert (segment.tm_score, segment.tm_text) == (None, None)
        migrated.apply_tm_matches([(segment.id, match_for("From the memory.", 80))])
        assert migrated.segment(segment.id).tm_score == 80
    assert (tmp_path / "old.tarjama.v2.bak").is_file()
