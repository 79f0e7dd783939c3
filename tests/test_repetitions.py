"""Repetitions (`tarjama.project.repetitions`): approving a segment fills the project's other segments with the same
normalised source that are not approved yet, in every file, with their tags carried; the CLI says how many and can be
told not to; and the memory keeps one unit for a project's identical approvals, through withdrawal and catch-up."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

import tarjama.cli.project_commands
from tarjama.domain import ImportedDocument, Origin, Status
from tarjama.formats.tmx import read_tmx
from tarjama.inline_tags import InlineTag, TagKind, close_mark, open_mark
from tarjama.memory.exchange import export_project
from tarjama.memory.store import TranslationMemory
from tarjama.project.repetitions import REPETITION_REASON
from tarjama.project.review import Review
from tarjama.project.store import ProjectStore
from test_cli import run

ARRIVED = "وصل الوزير إلى العاصمة."
#: The same sentence with harakat and a final damma: a repetition once normalised.
ARRIVED_VOWELLED = "وَصَلَ الوزيرُ إلى العاصمة."
MET = "وعقد اجتماعاً مع نظيره."
ARRIVED_EN = "The minister arrived in the capital."


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """Two files. a.txt: the arrival (1), the meeting (2), the arrival again (3). b.txt: the arrival with harakat
    (4), the arrival (5), the meeting (6)."""
    path = tmp_path / "visit.tarjama"
    ProjectStore.create(path, [
        ImportedDocument("a.txt", "txt", [f"{ARRIVED} {MET}", ARRIVED]),
        ImportedDocument("b.txt", "txt", [ARRIVED_VOWELLED, f"{ARRIVED} {MET}"]),
    ]).close()
    return path


@pytest.fixture
def store(project: Path) -> Iterator[ProjectStore]:
    with ProjectStore.open(project) as opened:
        yield opened


def by_id(store: ProjectStore) -> dict[int, tuple[str, Status, Origin]]:
    return {s.id: (s.target, s.status, s.origin) for s in store.segments()}


def test_approving_fills_the_repetitions_in_every_file_but_not_approved_or_rejected_ones(store: ProjectStore) -> None:
    assert [s.source for s in store.segments()] == [ARRIVED, MET, ARRIVED, ARRIVED_VOWELLED, ARRIVED, MET]
    review = Review(store)
    review.approve(3, "The minister reached the capital.", force=True)
    store.update_segment(5, target="A minister came.", status=Status.REJECTED)
    before = by_id(store)

    approved, fill = review.approve_and_propagate(1, ARRIVED_EN, force=True)

    assert approved.status == Status.APPROVED
    assert [s.id for s in fill.filled] == [4] and [s.id for s in fill.before] == [4] and fill.untagged == ()
    assert fill.before[0].status == Status.NEW
    after = by_id(store)
    assert after[4] == (ARRIVED_EN, Status.DRAFT, Origin.REPETITION)
    assert fill.filled[0] == store.segment(4)
    assert {i: after[i] for i in (2, 3, 5, 6)} == {i: before[i] for i in (2, 3, 5, 6)}
    last = store.history(4)[-1]
    assert (last.reason, last.origin, last.target) == (REPETITION_REASON, Origin.REPETITION, ARRIVED_EN)


def test_a_draft_and_a_machine_translation_are_filled_and_an_equal_target_is_left(store: ProjectStore) -> None:
    store.update_segment(3, target="Minister arrives.")  # a draft the translator typed
    store.update_segment(4, target=ARRIVED_EN)  # already the text: nothing to fill
    _, fill = Review(store).approve_and_propagate(1, ARRIVED_EN, force=True)
    assert [s.id for s in fill.filled] == [3, 5]
    assert by_id(store)[4] == (ARRIVED_EN, Status.DRAFT, Origin.HUMAN)


def test_turned_off_nothing_is_filled(store: ProjectStore) -> None:
    before = by_id(store)
    approved, fill = Review(store).approve_and_propagate(1, ARRIVED_EN, force=True, propagate=False)
    assert fill.filled == () and approved.status == Status.APPROVED
    assert {i: t for i, t in by_id(store).items() if i != 1} == {i: t for i, t in before.items() if i != 1}


B, LINK = 1, 2
TABLE = {B: InlineTag(B, TagKind.PAIRED, "bold", "Bold"), LINK: InlineTag(LINK, TagKind.PAIRED, "link", "x")}


def bold(tag_id: int, text: str) -> str:
    return open_mark(tag_id) + text + close_mark(tag_id)


def test_tags_are_renumbered_to_the_repetitions_own_or_the_repetition_is_left_alone(tmp_path: Path) -> None:
    """The same bold words under tag 1 in one file and tag 2 in another take the target's bold as their own tag;
    the sentence bold elsewhere, or plain, cannot take it and keeps its text."""
    documents = [
        ImportedDocument("a.docx", "docx", [bold(B, "وصل الوزير") + " إلى العاصمة."], tags=(TABLE,)),
        ImportedDocument("b.docx", "docx", [bold(LINK, "وصل الوزير") + " إلى العاصمة."], tags=(TABLE,)),
        ImportedDocument("c.docx", "docx", ["وصل " + bold(B, "الوزير إلى العاصمة.")], tags=(TABLE,)),
        ImportedDocument("d.txt", "txt", [ARRIVED]),
    ]
    with ProjectStore.create(tmp_path / "tags.tarjama", documents) as store:
        first, renumbered, elsewhere, plain_one = store.segments()
        target = bold(B, "The minister") + " arrived in the capital."
        _, fill = Review(store).approve_and_propagate(first.id, target, force=True)
        assert [s.id for s in fill.filled] == [renumbered.id]
        assert store.segment(renumbered.id).target == bold(LINK, "The minister") + " arrived in the capital."
        assert sorted(s.id for s in fill.untagged) == [elsewhere.id, plain_one.id]
        assert store.segment(elsewhere.id).target == "" and store.segment(plain_one.id).target == ""


# -- the CLI ----------------------------------------------------------------------------------------------------


def test_the_cli_prints_how_many_repetitions_it_filled(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "edit", project, "1", "--target", ARRIVED_EN, "--approve")
    assert code == 0, err
    assert "Filled 3 repetitions as drafts: segments 3, 4, 5" in out
    assert all(s.target == ARRIVED_EN for s in ProjectStore.open(project).segments() if s.id in (3, 4, 5))


def test_the_cli_fills_nothing_with_no_propagate_or_when_the_setting_is_off(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, err = run(capsys, "edit", project, "1", "--target", ARRIVED_EN, "--approve", "--no-propagate")
    assert code == 0, err
    assert "repetition" not in out
    monkeypatch.setattr(tarjama.cli.project_commands, "PROPAGATE_REPETITIONS", False)
    code, out, err = run(capsys, "edit", project, "3", "--target", ARRIVED_EN, "--approve")
    assert code == 0, err
    assert "repetition" not in out
    with ProjectStore.open(project) as store:
        assert [s.id for s in store.segments() if s.target] == [1, 3]


# -- one unit per source and target in the memory --------------------------------------------------------------


@pytest.fixture
def memory(tmp_path: Path, store: ProjectStore) -> Path:
    path = tmp_path / "visit.tarjama-tm"
    store.link_tm(path)
    return path


def approved_units(memory: Path) -> list[tuple[str, str]]:
    with TranslationMemory.open(memory) as opened:
        return [(unit.source, unit.target) for unit in opened.units()]


@contextmanager
def held(memory: Path) -> Iterator[None]:
    """Another program's write transaction on the memory, for as long as the block runs."""
    holder = sqlite3.connect(memory, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        yield
    finally:
        holder.rollback()
        holder.close()


def test_identical_approvals_are_one_unit_until_the_last_is_withdrawn(store: ProjectStore, memory: Path) -> None:
    """Segments 1, 3 (same text) and 4 (harakat) approved alike: one unit. It stays while any of them is approved,
    passing from segment to segment, and goes with the last."""
    for segment_id in (1, 3, 4):
        store.update_segment(segment_id, target=ARRIVED_EN, status=Status.APPROVED)
    assert approved_units(memory) == [(ARRIVED, ARRIVED_EN)]

    store.update_segment(1, target="The minister came to the capital.")  # edited: a draft again
    store.update_segment(3, status=Status.REJECTED)
    assert [target for _, target in approved_units(memory)] == [ARRIVED_EN]
    store.update_segment(4, status=Status.DRAFT)
    assert approved_units(memory) == []


def test_a_merge_an_edit_and_a_removed_file_hand_the_unit_on_until_none_is_left(
    store: ProjectStore, memory: Path
) -> None:
    for segment_id in (5, 4, 1):  # segment 5's unit stands for all three
        store.update_segment(segment_id, target=ARRIVED_EN, status=Status.APPROVED)
    assert len(approved_units(memory)) == 1
    Review(store).merge(5)  # segment 5 becomes a draft of two sentences: the unit passes to segment 1
    assert approved_units(memory) == [(ARRIVED, ARRIVED_EN)]
    store.update_segment(1, status=Status.DRAFT)  # and on to segment 4
    assert approved_units(memory) == [(ARRIVED_VOWELLED, ARRIVED_EN)]
    store.remove_document(store.documents()[1].id)  # segment 4 goes with b.txt, and the unit with it
    assert approved_units(memory) == []


def test_different_targets_are_two_units(store: ProjectStore, memory: Path) -> None:
    store.update_segment(1, target=ARRIVED_EN, status=Status.APPROVED)
    store.update_segment(3, target="The minister reached the capital.", status=Status.APPROVED)
    assert len(approved_units(memory)) == 2


def test_catching_up_after_reopening_keeps_one_unit(project: Path, store: ProjectStore, memory: Path) -> None:
    """Approvals saved while another program held the memory are written on the next open, as one unit; after
    that the memory is in line: opened while the memory is busy again, the project finds nothing to write (the
    two approvals without a unit of their own are not taken for missing units)."""
    store.close()
    with held(memory), ProjectStore.open(project, memory_wait=0) as busy:
        for segment_id in (1, 3, 4):
            busy.update_segment(segment_id, target=ARRIVED_EN, status=Status.APPROVED)
        assert busy.memory_pending == (1, 3, 4)
    with ProjectStore.open(project) as reopened:
        assert not reopened.memory_behind
    assert approved_units(memory) == [(ARRIVED, ARRIVED_EN)]
    with held(memory), ProjectStore.open(project, memory_wait=0) as again:
        assert again.memory_pending == ()


def test_reopening_hands_on_a_unit_whose_approval_went_while_the_memory_was_busy(
    project: Path, store: ProjectStore, memory: Path
) -> None:
    for segment_id in (1, 3):
        store.update_segment(segment_id, target=ARRIVED_EN, status=Status.APPROVED)
    store.close()
    with held(memory), ProjectStore.open(project, memory_wait=0) as busy:
        busy.update_segment(1, status=Status.DRAFT)
        assert busy.memory_pending == (1,)
    with ProjectStore.open(project):
        pass
    assert approved_units(memory) == [(ARRIVED, ARRIVED_EN)]


def test_the_repetitions_of_one_approval_are_filled_all_or_none(store: ProjectStore,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """One transaction for every repetition an approval fills: a failure at the second (a full disk, say) leaves the
    first unfilled too, so the project never holds half a propagation."""
    review = Review(store)
    approved = review.approve(1, ARRIVED_EN, force=True)
    before = by_id(store)
    update = ProjectStore.update_segment
    calls: list[int] = []

    def failing_second(self: ProjectStore, segment_id: int, **changes: object) -> object:
        calls.append(segment_id)
        if len(calls) == 2:
            raise sqlite3.OperationalError("database or disk is full")
        return update(self, segment_id, **changes)  # type: ignore[arg-type]

    monkeypatch.setattr(ProjectStore, "update_segment", failing_second)
    with pytest.raises(sqlite3.OperationalError):
        review.fill_repetitions(approved)
    monkeypatch.undo()
    assert len(calls) == 2 and by_id(store) == before
    assert len(review.fill_repetitions(approved).filled) == 3


def test_the_projects_tmx_export_writes_identical_approvals_once(store: ProjectStore, tmp_path: Path) -> None:
    """Like the memory, the project's own TMX carries one unit per source and target: a repetition approved three
    times is one `<tu>`, a different translation of it another."""
    for segment_id in (1, 3, 4):
        store.update_segment(segment_id, target=ARRIVED_EN, status=Status.APPROVED)
    store.update_segment(5, target="The minister reached the capital.", status=Status.APPROVED)
    store.update_segment(2, target="He met his counterpart.", status=Status.APPROVED)
    out = tmp_path / "visit.tmx"
    assert export_project(store.path, out) == 3
    targets = [unit.target for unit in read_tmx(out)]
    assert sorted(targets) == sorted([ARRIVED_EN, "The minister reached the capital.", "He met his counterpart."])
