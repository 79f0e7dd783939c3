"""Two stores open on one project, as the window and `tarjama-cli edit` are: each can tell what the other saved, and a
change based on a version the other has since replaced is refused instead of silently writing over it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tarjama.domain import MachineSuggestion, Status
from tarjama.errors import SegmentChangedError, SegmentError, TarjamaError
from tarjama.project.files import import_document
from tarjama.project.store import ProjectStore

DOCUMENT = "وصل الوزير إلى العاصمة صباح اليوم. وعقد اجتماعاً مع نظيره.\n\nوفي ختام الزيارة، أكد الجانبان التزامهما.\n"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    document = tmp_path / "visit.txt"
    document.write_text(DOCUMENT, encoding="utf-8")
    path = tmp_path / "visit.tarjama"
    import_document(document, path).close()
    return path


@pytest.fixture
def stores(project: Path):
    window, cli = ProjectStore.open(project), ProjectStore.open(project)
    yield window, cli
    window.close()
    cli.close()


def versions(store: ProjectStore) -> dict[int, str]:
    return {segment.id: segment.updated_at for segment in store.segments()}


def test_data_version_moves_for_the_other_stores_commits_only(stores) -> None:
    window, cli = stores
    start = window.data_version()
    window.update_segment(1, target="The minister arrived.")
    assert window.data_version() == start, "its own commits are no news to a store"
    cli.update_segment(2, target="He met his counterpart.")
    assert window.data_version() != start


def test_changed_since_finds_the_segments_the_other_store_saved(stores) -> None:
    window, cli = stores
    known = versions(window)
    assert window.changed_since(known).changed == ()
    cli.update_segment(2, target="He met his counterpart.", status=Status.APPROVED)
    changes = window.changed_since(known)
    assert not changes.reshaped
    assert [(s.id, s.target, s.status) for s in changes.changed] == [(2, "He met his counterpart.", Status.APPROVED)]


def test_changed_since_reads_a_large_batch_in_one_go(tmp_path: Path) -> None:
    document = tmp_path / "long.txt"
    document.write_text(" ".join(f"هذه الجملة رقم {n}." for n in range(80)) + "\n", encoding="utf-8")
    import_document(document, tmp_path / "long.tarjama").close()
    with ProjectStore.open(tmp_path / "long.tarjama") as window, ProjectStore.open(tmp_path / "long.tarjama") as cli:
        known = versions(window)
        ids = sorted(known)[:70]
        cli.apply_machine_translations([(i, MachineSuggestion(f"Sentence {i}.", 0.9), ()) for i in ids])
        changed = window.changed_since(known).changed
    assert [s.id for s in changed] == ids
    assert all(s.target == f"Sentence {s.id}." and s.status == Status.MACHINE for s in changed)


def test_a_split_or_merge_elsewhere_is_reported_as_reshaped(stores) -> None:
    window, cli = stores
    known = versions(window)
    cli.split_segment(1, 10)
    assert window.changed_since(known).reshaped
    known = versions(window)
    cli.merge_with_next(1)
    assert window.changed_since(known).reshaped


def test_a_change_based_on_a_replaced_version_is_refused_and_writes_nothing(stores, project: Path) -> None:
    window, cli = stores
    shown = window.segment(1)
    cli.update_segment(1, target="The minister reached the capital.", status=Status.APPROVED)
    history = window.history(1)
    with pytest.raises(SegmentChangedError) as caught:
        window.update_segment(1, target="The minister arrived.", expected=shown.updated_at)
    error = caught.value
    assert isinstance(error, SegmentError) and isinstance(error, TarjamaError) and not error.work_failed
    assert error.segment_id == 1
    assert str(error) == (
        "Segment 1 in visit.tarjama was changed by another program since it was read, so this change was not saved. "
        "Look at the segment again and repeat the change if it is still wanted."
    )
    after = window.segment(1)
    assert (after.target, after.status) == ("The minister reached the capital.", Status.APPROVED)
    assert window.history(1) == history


def test_a_change_based_on_the_stored_version_goes_through(stores) -> None:
    window, cli = stores
    cli.update_segment(1, target="The minister reached the capital.")
    current = window.segment(1)
    saved = window.update_segment(1, status=Status.APPROVED, expected=current.updated_at)
    assert (saved.target, saved.status) == ("The minister reached the capital.", Status.APPROVED)
    assert saved.updated_at != current.updated_at


def test_without_expected_the_last_writer_wins_as_before(stores) -> None:
    """The CLI and every other caller that does not pass a version keep working as they did."""
    window, cli = stores
    cli.update_segment(1, target="Theirs.")
    assert window.update_segment(1, target="Mine.").target == "Mine."


def test_a_change_that_leaves_the_segment_as_stored_is_no_conflict(stores) -> None:
    window, cli = stores
    shown = window.segment(1)
    cli.update_segment(1, target="Same text.", status=Status.APPROVED)
    same = window.update_segment(1, target="Same text.", status=Status.APPROVED, expected=shown.updated_at)
    assert same == cli.segment(1)


def test_an_undo_over_a_change_elsewhere_is_refused(stores) -> None:
    window, cli = stores
    before = window.segment(1)
    mine = window.update_segment(1, target="Mine.")
    cli.update_segment(1, target="Theirs.", status=Status.APPROVED)
    with pytest.raises(SegmentChangedError):
        window.restore_segment(before, expected=mine.updated_at)
    assert window.segment(1).target == "Theirs."
    restored = window.restore_segment(before, expected=window.segment(1).updated_at)
    assert (restored.target, restored.status) == (before.target, before.status)
