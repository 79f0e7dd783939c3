"""The TM editor's core (`tarjama.memory.editing`): a unit's target corrected, a unit deleted, both undone, each
logged with who and when; the indexes follow; a project's units edited in the memory stay edited when the project
opens again; memory v4 gains the log."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from tarjama.cli import EXIT_BAD_INPUT, EXIT_OK
from tarjama.domain import ImportedDocument, Status, TmUnit
from tarjama.errors import Message, PathError, ReadOnlyError
from tarjama.inline_tags import InlineTag, TagKind, close_mark, open_mark
from tarjama.memory.editing import UnitAction, UnitChangedError, UnitEditor, UnitNotFoundError, history
from tarjama.memory.errors import MemoryBusyError
from tarjama.memory.schema import TM_FILE
from tarjama.memory.store import TranslationMemory
from tarjama.paths import user_name
from tarjama.project.store import ProjectStore
from tarjama.sqlite_file import connect_read_only
from test_cli import run, run_json

SOURCE = "وصل الوفد إلى العاصمة صباح اليوم."
OLD = "The delegation reached the capital this morning."
NEW = "The delegates arrived in the capital this morning."
OTHER = TmUnit("وبدأت المحادثات بعد ساعة.", "Talks began an hour later.")


@pytest.fixture
def memory(tmp_path: Path) -> Iterator[TranslationMemory]:
    with TranslationMemory.create(tmp_path / "m.tarjama-tm") as opened:
        opened.add(TmUnit(SOURCE, OLD, author="salma", created_at="2025-01-02T03:04:05.000+00:00"))
        opened.add(OTHER)
        yield opened


def editor(memory: TranslationMemory) -> UnitEditor:
    return UnitEditor(memory, author="layla", wait=0)


def unit_id(memory: TranslationMemory, target: str) -> int:
    (found,) = [unit.id for unit in memory.units(approved_only=False) if unit.target == target]
    assert found is not None
    return found


def raw_rows(path: Path) -> dict[str, list[tuple]]:
    """Every row of the units and of the tables built from them, as SQLite holds them."""
    conn = sqlite3.connect(path)
    try:
        return {table: sorted(conn.execute(f"SELECT * FROM {table}")) for table in ("units", "units_codes")}
    finally:
        conn.close()


def targets_found(memory: TranslationMemory, query: str) -> list[str]:
    return [hit.unit.target for hit in memory.concordance(query, side="target")]


# -- editing a target ---------------------------------------------------------------------------------------------


def test_an_edited_target_is_what_lookup_and_concordance_find(memory: TranslationMemory) -> None:
    before = raw_rows(memory.path)["units_codes"]
    change = editor(memory).edit_target(unit_id(memory, OLD), NEW)

    (match,) = memory.lookup(SOURCE)
    assert (match.score, match.unit.target, match.unit.author) == (100, NEW, "salma")
    assert targets_found(memory, "delegates arrived") == [NEW]
    assert targets_found(memory, "reached the capital") == []
    assert raw_rows(memory.path)["units_codes"] == before  # made from the source only
    assert (change.action, change.old_target, change.new_target, change.author) == (UnitAction.EDITED, OLD, NEW,
                                                                                     "layla")
    assert datetime.fromisoformat(change.at).utcoffset().total_seconds() == 0  # type: ignore[union-attr]
    assert memory.unit(change.unit_id).changed_at == change.at  # type: ignore[union-attr]
    assert history(memory) == [change]


def test_undoing_an_edit_puts_the_unit_back_exactly_except_its_change_time(memory: TranslationMemory) -> None:
    before = raw_rows(memory.path)
    edits = editor(memory)
    change = edits.edit_target(unit_id(memory, OLD), NEW)
    undone = edits.revert(change)

    after = raw_rows(memory.path)
    changed_at = [column[1] for column in sqlite3.connect(memory.path).execute("PRAGMA table_info(units)")].index(
        "changed_at")
    without_time = [{**dict(enumerate(row)), changed_at: None} for row in after["units"]]
    assert without_time == [{**dict(enumerate(row)), changed_at: None} for row in before["units"]]
    assert targets_found(memory, "reached the capital") == [OLD] and targets_found(memory, "delegates") == []
    assert (undone.action, undone.old_target, undone.new_target) == (UnitAction.REVERTED, NEW, OLD)
    redone = edits.revert(undone)
    assert (redone.action, memory.lookup(SOURCE)[0].unit.target) == (UnitAction.EDITED, NEW)
    assert [c.action for c in history(memory, change.unit_id)] == [UnitAction.EDITED, UnitAction.REVERTED,
                                                                   UnitAction.EDITED]


def test_an_edit_of_a_unit_changed_since_is_refused(memory: TranslationMemory) -> None:
    edits = editor(memory)
    change = edits.edit_target(unit_id(memory, OLD), NEW)
    edits.edit_target(change.unit_id, "Someone else's wording.")
    with pytest.raises(UnitChangedError, match="Someone else's wording"):
        edits.revert(change)
    assert memory.lookup(SOURCE)[0].unit.target == "Someone else's wording."


def test_missing_unit_empty_target_and_foreign_tag_are_refused(memory: TranslationMemory) -> None:
    edits = editor(memory)
    with pytest.raises(UnitNotFoundError, match="no unit 999"):
        edits.edit_target(999, NEW)
    with pytest.raises(UnitNotFoundError):
        edits.delete(999)
    with pytest.raises(PathError, match="cannot be empty"):
        edits.edit_target(unit_id(memory, OLD), "  ")
    with pytest.raises(PathError, match="⟨1⟩"):
        edits.edit_target(unit_id(memory, OLD), f"{open_mark(1)}The{close_mark(1)} delegates arrived.")
    assert history(memory) == [] and memory.lookup(SOURCE)[0].unit.target == OLD


def test_a_tagged_unit_keeps_its_tags_with_the_source_marks_moved_in_the_target(tmp_path: Path) -> None:
    bold = InlineTag(1, TagKind.PAIRED, "bold")
    source = f"وصل {open_mark(1)}الوفد{close_mark(1)} صباحا."
    with TranslationMemory.create(tmp_path / "t.tarjama-tm") as memory:
        memory.add(TmUnit(source, f"The {open_mark(1)}delegation{close_mark(1)} arrived.", tags={1: bold}))
        target = f"{open_mark(1)}The delegates{close_mark(1)} came."
        editor(memory).edit_target(unit_id(memory, memory.lookup(source)[0].unit.target), target)
        (unit,) = memory.units()
    assert (unit.target, unit.tags) == (target, {1: bold})


# -- deleting -----------------------------------------------------------------------------------------------------


def test_a_deleted_unit_is_gone_and_its_restore_is_the_same_unit(memory: TranslationMemory) -> None:
    before = raw_rows(memory.path)
    edits = editor(memory)
    deletion = edits.delete(unit_id(memory, OLD))

    assert memory.lookup(SOURCE) == [] and targets_found(memory, "reached") == []
    assert memory.unit(deletion.unit_id) is None
    assert len(raw_rows(memory.path)["units_codes"]) == 1
    assert (deletion.action, deletion.old_target, deletion.new_target) == (UnitAction.DELETED, OLD, None)

    restore = edits.revert(deletion)
    assert raw_rows(memory.path) == before  # same id, same content, same codes
    assert (restore.unit_id, restore.action) == (deletion.unit_id, UnitAction.RESTORED)
    assert memory.lookup(SOURCE)[0].unit.target == OLD and targets_found(memory, "reached") == [OLD]
    again = edits.revert(restore)  # redo: deleted again
    assert again.action is UnitAction.DELETED and memory.lookup(SOURCE) == []


def test_a_restore_whose_id_was_taken_since_gets_a_new_one(memory: TranslationMemory) -> None:
    edits = editor(memory)
    deletion = edits.delete(unit_id(memory, OTHER.target))  # the newest: SQLite hands its id out again
    newcomer = memory.add(TmUnit("رحب السكان بالقرار.", "Residents welcomed the decision."))
    assert newcomer == deletion.unit_id
    restore = edits.revert(deletion)
    assert restore.unit_id != deletion.unit_id
    assert memory.unit(restore.unit_id).target == OTHER.target  # type: ignore[union-attr]
    assert memory.unit(newcomer).target == "Residents welcomed the decision."  # type: ignore[union-attr]


# -- a memory that cannot be written now --------------------------------------------------------------------------


def test_a_read_only_memory_refuses_before_writing(memory: TranslationMemory) -> None:
    target_id = unit_id(memory, OLD)
    reason = Message("the test says so")
    with TranslationMemory(memory.path, connect_read_only(memory.path, reason)) as read_only:
        with pytest.raises(ReadOnlyError, match="the test says so"):
            editor(read_only).edit_target(target_id, NEW)
        with pytest.raises(ReadOnlyError):
            editor(read_only).delete(target_id)
    assert memory.lookup(SOURCE)[0].unit.target == OLD


def test_a_busy_memory_says_so_and_changes_nothing(memory: TranslationMemory) -> None:
    other = sqlite3.connect(memory.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(MemoryBusyError, match="is busy"):
            editor(memory).edit_target(unit_id(memory, OLD), NEW)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert memory.lookup(SOURCE)[0].unit.target == OLD and history(memory) == []


# -- the schema ---------------------------------------------------------------------------------------------------


def test_a_memory_of_version_4_gains_the_log_after_a_backup(tmp_path: Path) -> None:
    path = tmp_path / "old.tarjama-tm"
    with TranslationMemory.create(path) as memory:
        memory.add(TmUnit(SOURCE, OLD))
    conn = sqlite3.connect(path)
    conn.execute("DROP TABLE unit_log")
    conn.execute("PRAGMA user_version=4")
    conn.commit()
    conn.close()

    with TranslationMemory.open(path) as memory:
        change = editor(memory).edit_target(unit_id(memory, OLD), NEW)
        assert history(memory) == [change]
    assert (tmp_path / "old.tarjama-tm.v4.bak").is_file()
    backup = sqlite3.connect(tmp_path / "old.tarjama-tm.v4.bak")
    assert backup.execute("SELECT target FROM units").fetchall() == [(OLD,)]
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == TM_FILE.version == 8


# -- a project's units --------------------------------------------------------------------------------------------


@pytest.fixture
def project(tmp_path: Path) -> Iterator[ProjectStore]:
    document = ImportedDocument(name="خبر.txt", format="txt", paragraphs=[SOURCE])
    with ProjectStore.create(tmp_path / "p.tarjama", [document]) as store:
        store.link_tm(tmp_path / "linked.tarjama-tm")
        (segment,) = store.segments()
        store.update_segment(segment.id, target=OLD, status=Status.APPROVED)
        yield store


def reopened_targets(project: ProjectStore) -> tuple[list[str], list[str]]:
    """The project's targets and its memory's approved ones after the project is opened again (which brings the
    memory in line with it)."""
    tm_path = project.linked_tm
    assert tm_path is not None
    with ProjectStore.open(project.path) as again:
        targets = [segment.target for segment in again.segments()]
    with TranslationMemory.open(tm_path) as memory:
        return targets, [unit.target for unit in memory.units()]


def test_a_project_unit_edited_in_the_memory_stays_edited_until_the_segment_changes(project: ProjectStore) -> None:
    assert project.linked_tm is not None
    with TranslationMemory.open(project.linked_tm) as memory:
        change = editor(memory).edit_target(unit_id(memory, OLD), NEW)
    assert change.project_uid == project.get_meta("uid") and change.segment_id == project.segments()[0].id
    assert reopened_targets(project) == ([OLD], [NEW])  # the project keeps its target; the memory its edit

    (segment,) = project.segments()
    project.update_segment(segment.id, target="The delegation came.", status=Status.APPROVED)
    assert reopened_targets(project) == (["The delegation came."], ["The delegation came."])  # the later wins


def test_a_project_unit_deleted_in_the_memory_is_not_written_back(project: ProjectStore) -> None:
    assert project.linked_tm is not None
    with TranslationMemory.open(project.linked_tm) as memory:
        deletion = editor(memory).delete(unit_id(memory, OLD))
    assert reopened_targets(project) == ([OLD], [])

    (segment,) = project.segments()
    project.update_segment(segment.id, target=NEW, status=Status.APPROVED)  # the segment's unit, afresh
    with TranslationMemory.open(project.linked_tm) as memory:
        with pytest.raises(PathError, match="approved that segment again"):
            editor(memory).revert(deletion)
        assert [unit.target for unit in memory.units()] == [NEW]


# -- the command line ---------------------------------------------------------------------------------------------


def test_cli_edits_deletes_and_lists_the_log(memory: TranslationMemory, capsys: pytest.CaptureFixture[str]) -> None:
    first, second = unit_id(memory, OLD), unit_id(memory, OTHER.target)
    tm = ["--tm", memory.path]

    code, out, _ = run(capsys, "tm", "edit", first, NEW, *tm)
    assert (code, out) == (EXIT_OK, f"Unit {first}: {OLD} -> {NEW}\n")
    assert [hit["target"] for hit in run_json(capsys, "tm", "search", "delegates", *tm)] == [NEW]  # type: ignore
    code, out, _ = run(capsys, "tm", "delete", second, *tm)
    assert (code, out) == (EXIT_OK, f"Deleted unit {second} ({OTHER.target}).\n")
    assert run_json(capsys, "tm", "match", OTHER.source, *tm) == []

    code, out, _ = run(capsys, "tm", "history", *tm)
    rows = [line.split("\t") for line in out.splitlines()]
    assert code == EXIT_OK and [row[1:] for row in rows] == [
        [user_name(), "delete", str(second), OTHER.target, ""],
        [user_name(), "edit", str(first), OLD, NEW],
    ]
    (only,) = run_json(capsys, "tm", "history", first, *tm)  # type: ignore[misc]
    assert (only["action"], only["old_target"], only["new_target"]) == ("edit", OLD, NEW)

    code, _, err = run(capsys, "tm", "edit", "999", NEW, *tm)
    assert code == EXIT_BAD_INPUT and "has no unit 999" in err
    code, _, err = run(capsys, "tm", "delete", "0", *tm)
    assert code == EXIT_BAD_INPUT and "unit id" in err


def test_an_edited_unit_standing_for_two_repetitions_is_not_written_back(tmp_path: Path) -> None:
    """Two approvals of one sentence with one translation are one unit: the other repetition does not bring the
    old target back either."""
    document = ImportedDocument(name="خبر.txt", format="txt", paragraphs=[SOURCE, SOURCE])
    with ProjectStore.create(tmp_path / "p.tarjama", [document]) as store:
        store.link_tm(tmp_path / "linked.tarjama-tm")
        for segment in store.segments():
            store.update_segment(segment.id, target=OLD, status=Status.APPROVED)
        with TranslationMemory.open(tmp_path / "linked.tarjama-tm") as memory:
            (only,) = memory.units()
            assert only.id is not None
            editor(memory).edit_target(only.id, NEW)
        assert reopened_targets(store) == ([OLD, OLD], [NEW])
