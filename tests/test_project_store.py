"""The project store through its public API: creating, reading, editing, splitting, merging, reopening, migrating.

The Arabic text is written for these tests. Paragraph 0 holds three sentences separated by a double space and a tab,
so the whitespace kept in `space_after` is visible; paragraph 1 is one sentence; paragraph 2 holds two.
"""

from __future__ import annotations

import os
import random
import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest
import sqlite_utils

from tarjama.domain import ImportedDocument, MachineSuggestion, Origin, Segment, Status, TmMatch, TmUnit
from tarjama.errors import ProjectError, SegmentError
from tarjama.project import store as project_module
from tarjama.project.schema import PROJECT_FILE
from tarjama.project.store import ProjectStore
from tarjama.sqlite_file import FileKind, create_new, open_existing

PARAGRAPHS = [
    "وصل الوفد إلى العاصمة صباح اليوم.  وبدأت المحادثات بعد ساعة!\tهل ستنجح المفاوضات؟",
    "قال المتحدث إن الاجتماع كان مثمرا.",
    "أكد الطرفان التزامهما بالهدنة. وسيجتمعان مجددا الأسبوع المقبل.",
]
SECOND_DOCUMENT = ["ارتفعت أسعار الخبز في المدينة. واشتكى السكان من الغلاء.", "ردت البلدية ببيان قصير."]


def document(paragraphs: list[str] = PARAGRAPHS, name: str = "خبر.txt", separator: str = "\n\n") -> ImportedDocument:
    return ImportedDocument(name=name, format="txt", paragraphs=list(paragraphs), paragraph_separator=separator)


def rebuilt(store: ProjectStore, document_id: int) -> list[str]:
    """Each paragraph as `source + space_after` over its segments, which must equal the imported paragraph."""
    return ["".join(s.source + s.space_after for s in paragraph) for paragraph in store.paragraphs(document_id)]


def header(path: Path) -> tuple[str, int, int]:
    """(journal_mode, application_id, user_version) read through a separate connection."""
    conn = sqlite3.connect(path)
    try:
        return (
            conn.execute("PRAGMA journal_mode").fetchone()[0],
            conn.execute("PRAGMA application_id").fetchone()[0],
            conn.execute("PRAGMA user_version").fetchone()[0],
        )
    finally:
        conn.close()


def set_user_version(path: Path, version: int) -> None:
    conn = sqlite3.connect(path)
    try:
        conn.execute(f"PRAGMA user_version={version}")
        conn.commit()
    finally:
        conn.close()


def open_files_under(folder: Path) -> list[str]:
    """Files under `folder` this process still holds open (Linux /proc), deleted ones included."""
    fd_dir = Path("/proc/self/fd")
    if not fd_dir.is_dir():
        pytest.skip("needs /proc to list open files")
    found = []
    for fd in os.listdir(fd_dir):
        try:
            target = os.readlink(fd_dir / fd)
        except OSError:
            continue
        if target.startswith(str(folder)):
            found.append(target)
    return found


@pytest.fixture
def project_path(tmp_path: Path) -> Path:
    return tmp_path / "خبر.tarjama"


@pytest.fixture
def store(project_path: Path) -> Iterator[ProjectStore]:
    with ProjectStore.create(project_path, [document()]) as opened:
        yield opened


def by_paragraph(store: ProjectStore, index: int) -> list[Segment]:
    return [s for s in store.segments() if s.paragraph_index == index]


# -- creating and reading ---------------------------------------------------------------------------------------


def test_segments_come_in_document_order_with_paragraph_indices(store: ProjectStore) -> None:
    segments = store.segments()
    assert [(s.paragraph_index, s.position) for s in segments] == [(0, 0), (0, 1), (0, 2), (1, 0), (2, 0), (2, 1)]
    assert [s.source for s in segments[:3]] == [
        "وصل الوفد إلى العاصمة صباح اليوم.",
        "وبدأت المحادثات بعد ساعة!",
        "هل ستنجح المفاوضات؟",
    ]
    assert [s.space_after for s in segments[:3]] == ["  ", "\t", ""]
    assert [s.first_in_paragraph for s in segments] == [True, False, False, True, True, False]
    assert all(s.status == Status.NEW and s.target == "" and s.origin == Origin.NONE for s in segments)
    assert store.segment(segments[4].id) == segments[4]


def test_paragraphs_rebuild_exactly_from_source_and_space_after(store: ProjectStore) -> None:
    [info] = store.documents()
    assert (info.name, info.format, info.paragraph_separator) == ("خبر.txt", "txt", "\n\n")
    assert rebuilt(store, info.id) == PARAGRAPHS


def test_store_file_is_wal_and_stamped_with_id_and_version(store: ProjectStore, project_path: Path) -> None:
    assert header(project_path) == ("wal", PROJECT_FILE.application_id, PROJECT_FILE.version)
    assert PROJECT_FILE.version >= 1


def test_unknown_segment_is_a_segment_error(store: ProjectStore) -> None:
    with pytest.raises(SegmentError, match="999"):
        store.segment(999)
    with pytest.raises(SegmentError):
        store.update_segment(999, target="Hello")


# -- editing and history ----------------------------------------------------------------------------------------


def test_update_status_rules_and_history(store: ProjectStore) -> None:
    sid = store.segments()[0].id

    draft = store.update_segment(sid, target="The delegation arrived in the capital this morning.")
    assert (draft.status, draft.origin) == (Status.DRAFT, Origin.HUMAN)

    emptied = store.update_segment(sid, target="")
    assert (emptied.target, emptied.status) == ("", Status.NEW)

    blank = store.update_segment(sid, target="   ")
    assert blank.status == Status.NEW

    approved = store.update_segment(sid, target="The delegation arrived.", status=Status.APPROVED)
    assert (approved.target, approved.status) == ("The delegation arrived.", Status.APPROVED)

    edited_again = store.update_segment(sid, target="The delegation arrived today.")
    assert edited_again.status == Status.DRAFT  # an edit after approval needs approval again

    kept = store.update_segment(sid, status=Status.APPROVED)
    assert (kept.target, kept.status) == ("The delegation arrived today.", Status.APPROVED)

    autosaved = store.update_segment(sid, target="The delegation arrived today, officials said.", reason="autosave")
    assert autosaved.status == Status.DRAFT

    history = store.history(sid)
    assert [(h.target, h.status, h.reason) for h in history] == [
        ("The delegation arrived in the capital this morning.", Status.DRAFT, "edit"),
        ("", Status.NEW, "edit"),
        ("   ", Status.NEW, "edit"),
        ("The delegation arrived.", Status.APPROVED, "edit"),
        ("The delegation arrived today.", Status.DRAFT, "edit"),
        ("The delegation arrived today.", Status.APPROVED, "edit"),
        ("The delegation arrived today, officials said.", Status.DRAFT, "autosave"),
    ]
    times = [datetime.fromisoformat(h.saved_at) for h in history]
    assert times == sorted(times)
    assert store.segment(sid).updated_at == history[-1].saved_at


def test_an_update_that_changes_nothing_adds_no_history(store: ProjectStore) -> None:
    sid = store.segments()[1].id
    store.update_segment(sid, target="Talks began an hour later!")
    before = store.segment(sid)
    assert store.update_segment(sid, target="Talks began an hour later!") == before
    assert store.update_segment(sid) == before
    assert len(store.history(sid)) == 1


def test_other_segments_are_untouched_by_an_update(store: ProjectStore) -> None:
    before = store.segments()
    store.update_segment(before[2].id, target="Will the negotiations succeed?", status=Status.REJECTED)
    after = store.segments()
    assert after[2].status == Status.REJECTED
    assert [a for i, a in enumerate(after) if i != 2] == [b for i, b in enumerate(before) if i != 2]
    assert store.history(before[0].id) == []


def test_restore_segment_puts_back_a_snapshot_and_records_it(store: ProjectStore) -> None:
    sid = store.segments()[3].id
    snapshot = store.update_segment(sid, target="The spokesman said the meeting was fruitful.", status=Status.APPROVED)
    store.update_segment(sid, target="Something else entirely.")
    restored = store.restore_segment(snapshot)
    assert (restored.target, restored.status, restored.origin) == (snapshot.target, Status.APPROVED, Origin.HUMAN)
    assert [h.reason for h in store.history(sid)] == ["edit", "edit", "undo"]


# -- split ------------------------------------------------------------------------------------------------------


def test_split_moves_whitespace_renumbers_and_keeps_target_on_first_part(store: ProjectStore) -> None:
    first, second, third = by_paragraph(store, 0)
    store.update_segment(first.id, target="The delegation arrived.", status=Status.APPROVED)
    offset = first.source.index(" إلى")  # split before the space: it must move into space_after

    head, tail = store.split_segment(first.id, offset)

    assert (head.id, head.source, head.space_after) == (first.id, "وصل الوفد", " ")
    assert (tail.source, tail.space_after) == ("إلى العاصمة صباح اليوم.", "  ")
    assert (head.target, head.status) == ("The delegation arrived.", Status.DRAFT)  # it translates both parts
    assert (tail.target, tail.status, tail.origin) == ("", Status.NEW, Origin.NONE)
    assert tail.id not in {first.id, second.id, third.id}
    paragraph = by_paragraph(store, 0)
    assert [(s.id, s.position) for s in paragraph] == [(head.id, 0), (tail.id, 1), (second.id, 2), (third.id, 3)]
    assert rebuilt(store, store.documents()[0].id) == PARAGRAPHS


def test_split_after_the_space_gives_the_same_parts(store: ProjectStore) -> None:
    first = store.segments()[0]
    head, tail = store.split_segment(first.id, first.source.index("إلى"))
    assert (head.source, head.space_after, tail.source) == ("وصل الوفد", " ", "إلى العاصمة صباح اليوم.")


def test_split_with_new_id_reuses_the_id(store: ProjectStore) -> None:
    segment = store.segments()[3]
    offset = segment.source.index("إن")
    _, tail = store.split_segment(segment.id, offset)
    store.merge_with_next(segment.id)
    assert store.segment(segment.id).source == segment.source

    _, again = store.split_segment(segment.id, offset, new_id=tail.id)
    assert again.id == tail.id
    assert again.source == "إن الاجتماع كان مثمرا."
    assert rebuilt(store, store.documents()[0].id) == PARAGRAPHS


def _without_time(segment: Segment) -> Segment:
    return replace(segment, updated_at="")


def test_split_of_machine_output_leaves_a_draft_without_the_machine_score(store: ProjectStore) -> None:
    first = store.segments()[0]
    best = MachineSuggestion("The delegation arrived in the capital this morning.", 1.0)
    store.apply_machine_translations([(first.id, best, (best, MachineSuggestion("The delegation came.", 0.4)))])
    machine = store.segment(first.id)
    assert (machine.status, machine.origin, machine.confidence) == (Status.MACHINE, Origin.MT, 1.0)

    head, tail = store.split_segment(first.id, first.source.index("صباح"))

    # The whole sentence's translation stays only as the translator's draft, to cut in two; the engine's score,
    # raw text and alternatives were for the whole sentence and go.
    assert (head.target, head.status, head.origin) == (best.text, Status.DRAFT, Origin.HUMAN)
    assert (head.confidence, head.mt_text, head.alternatives) == (None, None, ())
    assert (tail.target, tail.status, tail.origin, tail.confidence, tail.mt_text) == (
        "", Status.NEW, Origin.NONE, None, None
    )
    assert store.history(first.id)[-1].reason == "split"

    store.merge_with_next(first.id)
    restored = store.restore_segment(machine)
    assert _without_time(restored) == _without_time(machine), "undo puts the machine output back exactly"


def test_split_of_a_tm_match_drops_the_match_score(store: ProjectStore) -> None:
    first = store.segments()[0]
    unit = TmUnit(source=first.source, target="The delegation arrived.")
    store.apply_tm_matches([(first.id, TmMatch(unit=unit, score=87))])
    matched = store.segment(first.id)

    head, _ = store.split_segment(first.id, first.source.index("صباح"))

    assert (head.target, head.status, head.origin) == ("The delegation arrived.", Status.DRAFT, Origin.HUMAN)
    assert (head.tm_score, head.tm_text) == (None, None)
    store.merge_with_next(first.id)
    assert _without_time(store.restore_segment(matched)) == _without_time(matched)


def test_split_of_an_untranslated_segment_leaves_both_parts_new(store: ProjectStore) -> None:
    first = store.segments()[0]
    head, tail = store.split_segment(first.id, first.source.index("صباح"))
    assert [(s.target, s.status, s.origin) for s in (head, tail)] == [("", Status.NEW, Origin.NONE)] * 2
    assert store.history(first.id) == [], "nothing about its translation changed"


@pytest.mark.parametrize("offset", [0, 1_000, -3, -1])
def test_split_at_an_invalid_offset_changes_nothing(store: ProjectStore, offset: int) -> None:
    segment = store.segments()[3]
    before = store.segments()
    with pytest.raises(SegmentError):
        store.split_segment(segment.id, offset)
    assert store.segments() == before


@pytest.mark.parametrize("where", ["end", "space only"])
def test_split_leaving_an_empty_part_changes_nothing(store: ProjectStore, where: str) -> None:
    segment = store.segments()[0]
    offset = len(segment.source) if where == "end" else len(segment.source) + 1
    before = store.segments()
    with pytest.raises(SegmentError):
        store.split_segment(segment.id, offset)
    assert store.segments() == before


# -- merge ------------------------------------------------------------------------------------------------------


def test_merge_joins_source_exactly_and_targets_and_keeps_removed_history(store: ProjectStore) -> None:
    first, second, third = by_paragraph(store, 0)
    store.update_segment(first.id, target="The delegation arrived this morning.", status=Status.APPROVED)
    store.update_segment(second.id, target="Talks began an hour later!")
    removed_history = store.history(second.id)

    merged, removed = store.merge_with_next(first.id)

    assert merged.source == "وصل الوفد إلى العاصمة صباح اليوم.  وبدأت المحادثات بعد ساعة!"
    assert merged.space_after == "\t"
    assert merged.target == "The delegation arrived this morning. Talks began an hour later!"
    assert (merged.status, merged.origin) == (Status.DRAFT, Origin.HUMAN)
    assert removed.id == second.id and removed.target == "Talks began an hour later!"
    with pytest.raises(SegmentError):
        store.segment(second.id)
    assert store.history(second.id) == removed_history
    assert store.history(first.id)[-1].reason == "merge"
    assert [(s.id, s.position) for s in by_paragraph(store, 0)] == [(first.id, 0), (third.id, 1)]
    assert rebuilt(store, store.documents()[0].id) == PARAGRAPHS


def test_merging_two_untranslated_segments_stays_new(store: ProjectStore) -> None:
    first = by_paragraph(store, 2)[0]
    merged, _ = store.merge_with_next(first.id)
    assert (merged.source, merged.target, merged.status) == (PARAGRAPHS[2], "", Status.NEW)


def test_merge_of_the_last_segment_of_a_paragraph_is_refused(store: ProjectStore) -> None:
    before = store.segments()
    for last in (before[2], before[3], before[5]):
        with pytest.raises(SegmentError, match="last segment"):
            store.merge_with_next(last.id)
    assert store.segments() == before


# -- meta, stats, reopening, several documents ------------------------------------------------------------------


def test_meta_get_and_set(store: ProjectStore, project_path: Path) -> None:
    assert store.get_meta("current_segment") is None
    assert store.get_meta("current_segment", "1") == "1"
    store.set_meta("current_segment", "4")
    store.set_meta("current_segment", "5")
    store.set_meta("ملاحظة", "نص عربي")
    assert store.get_meta("current_segment") == "5"
    store.close()
    with ProjectStore.open(project_path) as reopened:
        assert (reopened.get_meta("current_segment"), reopened.get_meta("ملاحظة")) == ("5", "نص عربي")


def test_stats_count_segments_words_and_approved(store: ProjectStore) -> None:
    segments = store.segments()
    words = [len(s.source.split()) for s in segments]
    assert words == [6, 4, 3, 6, 4, 4]
    stats = store.stats()
    assert (stats.segments, stats.words, stats.approved_segments, stats.approved_words) == (6, 27, 0, 0)
    assert stats.by_status == {"new": 6, "machine": 0, "draft": 0, "approved": 0, "rejected": 0}

    store.update_segment(segments[0].id, target="The delegation arrived.", status=Status.APPROVED)
    store.update_segment(segments[4].id, target="Both sides confirmed the truce.", status=Status.APPROVED)
    store.update_segment(segments[1].id, target="Talks began.")
    stats = store.stats()
    assert (stats.segments, stats.words, stats.approved_segments, stats.approved_words) == (6, 27, 2, 10)
    assert stats.by_status == {"new": 3, "machine": 0, "draft": 1, "approved": 2, "rejected": 0}


def test_reopening_gives_back_the_same_data(store: ProjectStore, project_path: Path) -> None:
    segments = store.segments()
    store.update_segment(segments[0].id, target="The delegation arrived.", status=Status.APPROVED)
    store.split_segment(segments[3].id, segments[3].source.index("إن"))
    store.merge_with_next(segments[4].id)
    expected = (store.documents(), store.segments(), [store.history(s.id) for s in segments], store.stats())
    store.close()

    with ProjectStore.open(project_path) as reopened:
        got = (reopened.documents(), reopened.segments(), [reopened.history(s.id) for s in segments], reopened.stats())
    assert got == expected
    assert not Path(f"{project_path}-wal").exists()  # the last close checkpoints the write-ahead log


def test_a_project_with_two_documents(tmp_path: Path) -> None:
    path = tmp_path / "two.tarjama"
    with ProjectStore.create(path, [document(), document(SECOND_DOCUMENT, name="ثان.txt", separator="\n")]) as store:
        first, second = store.documents()
        assert (first.name, second.name, second.paragraph_separator) == ("خبر.txt", "ثان.txt", "\n")
        assert rebuilt(store, first.id) == PARAGRAPHS
        assert rebuilt(store, second.id) == SECOND_DOCUMENT
        second_segments = store.segments(second.id)
        assert [(s.paragraph_index, s.position) for s in second_segments] == [(0, 0), (0, 1), (1, 0)]
        assert store.segments() == store.segments(first.id) + second_segments

        # The last segment of one document never merges into the next document.
        with pytest.raises(SegmentError):
            store.merge_with_next(store.segments(first.id)[-1].id)

        third = store.add_document(document(["فقرة ثالثة قصيرة."], name="ثالث.txt"))
        assert [d.id for d in store.documents()] == [first.id, second.id, third]
        assert store.stats().segments == 6 + 3 + 1


# -- creating safely --------------------------------------------------------------------------------------------


def test_create_refuses_an_existing_path(project_path: Path) -> None:
    project_path.write_bytes(b"something precious")
    with pytest.raises(ProjectError, match="already exists") as info:
        ProjectStore.create(project_path, [document()])
    assert project_path.name in str(info.value)
    assert project_path.read_bytes() == b"something precious"


def test_create_into_a_missing_folder_is_a_project_error(tmp_path: Path) -> None:
    with pytest.raises(ProjectError, match="does not exist"):
        ProjectStore.create(tmp_path / "nowhere" / "p.tarjama", [document()])


def test_a_failure_during_create_leaves_nothing_behind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "projects"
    folder.mkdir()

    def fail(self: ProjectStore, doc: ImportedDocument) -> int:
        raise RuntimeError("disk trouble while segmenting")

    monkeypatch.setattr(ProjectStore, "add_document", fail)
    with pytest.raises(RuntimeError, match="disk trouble"):
        ProjectStore.create(folder / "p.tarjama", [document()])
    assert list(folder.iterdir()) == []
    # Nothing may stay open either: on Windows an open file cannot be deleted, so it would stay behind.
    assert open_files_under(folder) == []


def test_a_failing_document_iterable_leaves_nothing_behind(tmp_path: Path) -> None:
    def documents() -> Iterator[ImportedDocument]:
        yield document()
        raise ValueError("the second document could not be read")

    with pytest.raises(ValueError):
        ProjectStore.create(tmp_path / "p.tarjama", documents())
    assert list(tmp_path.iterdir()) == []


# -- opening: refusing foreign and newer files, migrating older ones --------------------------------------------


def test_missing_project_is_a_project_error(tmp_path: Path) -> None:
    with pytest.raises(ProjectError, match="does not exist") as info:
        ProjectStore.open(tmp_path / "غائب.tarjama")
    assert "غائب.tarjama" in str(info.value)


def test_a_folder_is_not_a_project(tmp_path: Path) -> None:
    with pytest.raises(ProjectError, match="not a file"):
        ProjectStore.open(tmp_path)


@pytest.mark.parametrize(
    "content",
    [
        "هذا ملف نصي عادي وليس مشروعا.\n".encode() * 40,
        random.Random(7).randbytes(8192),
        b"SQLite format 3\x00" + bytes(84),  # a header that is cut off
    ],
    ids=["text", "random-bytes", "truncated-header"],
)
def test_a_file_that_is_not_sqlite_is_refused_untouched(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "مزيف.tarjama"
    path.write_bytes(content)
    with pytest.raises(ProjectError, match="not a Tarjama project") as info:
        ProjectStore.open(path)
    assert path.name in str(info.value)
    assert path.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]


@pytest.mark.parametrize("application_id", [0, 0x12345678])
def test_another_applications_database_is_refused_untouched(tmp_path: Path, application_id: int) -> None:
    path = tmp_path / "other.tarjama"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA application_id={application_id}")
    conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.execute("INSERT INTO contacts VALUES ('سارة')")
    conn.commit()
    conn.close()
    content = path.read_bytes()
    with pytest.raises(ProjectError, match="SQLite database but not a Tarjama project"):
        ProjectStore.open(path)
    assert path.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]


def test_a_project_from_a_newer_version_is_refused_untouched(store: ProjectStore, project_path: Path) -> None:
    store.close()
    set_user_version(project_path, PROJECT_FILE.version + 1)
    content = project_path.read_bytes()
    with pytest.raises(ProjectError, match="newer") as info:
        ProjectStore.open(project_path)
    assert project_path.name in str(info.value)
    assert "not changed" in str(info.value)
    assert project_path.read_bytes() == content
    assert not list(project_path.parent.glob("*.bak"))


TEST_KIND_ID = 0x54535431


def _add_notes(db: sqlite_utils.Database) -> None:
    db["notes"].create({"id": int, "text": str}, pk="id")


def _no_op(db: sqlite_utils.Database) -> None:
    pass


def test_open_existing_migrates_an_older_file_after_a_backup(tmp_path: Path) -> None:
    old_kind = FileKind(TEST_KIND_ID, "test store", [_add_notes])
    new_kind = FileKind(TEST_KIND_ID, "test store", [_add_notes, _no_op])
    path = tmp_path / "store.db"
    db = create_new(path, old_kind)
    db["notes"].insert({"text": "ملاحظة قديمة"})
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.conn.close()
    old_content = path.read_bytes()

    db = open_existing(path, new_kind)
    try:
        assert db.execute("PRAGMA user_version").fetchone()[0] == 2
        assert [row["text"] for row in db["notes"].rows] == ["ملاحظة قديمة"]
    finally:
        db.conn.close()
    backup = tmp_path / "store.db.v1.bak"
    assert backup.read_bytes() == old_content
    assert header(backup)[1:] == (TEST_KIND_ID, 1)

    # Opening again at the current version migrates nothing and makes no new backup.
    open_existing(path, new_kind).conn.close()
    assert sorted(p.name for p in tmp_path.glob("*.bak")) == ["store.db.v1.bak"]


def test_open_existing_refuses_a_newer_file(tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    create_new(path, FileKind(TEST_KIND_ID, "test store", [_add_notes, _no_op])).conn.close()
    content = path.read_bytes()
    with pytest.raises(ProjectError, match="newer"):
        open_existing(path, FileKind(TEST_KIND_ID, "test store", [_add_notes]))
    assert path.read_bytes() == content


def test_an_older_project_is_migrated_with_a_backup_and_keeps_its_data(
    store: ProjectStore, project_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    segments = store.segments()
    store.update_segment(segments[0].id, target="The delegation arrived.", status=Status.APPROVED)
    store.close()
    old_content = project_path.read_bytes()
    version = PROJECT_FILE.version
    newer = FileKind(PROJECT_FILE.application_id, PROJECT_FILE.description, [*PROJECT_FILE.migrations, _no_op])
    monkeypatch.setattr(project_module, "PROJECT_FILE", newer)

    with ProjectStore.open(project_path) as migrated:
        assert migrated.segment(segments[0].id).status == Status.APPROVED
        assert len(migrated.segments()) == len(segments)
    assert header(project_path)[2] == version + 1
    assert project_path.with_name(f"{project_path.name}.v{version}.bak").read_bytes() == old_content
