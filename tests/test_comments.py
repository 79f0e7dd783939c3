"""Comments on segments: written, deleted and brought back with their trace kept, through split and merge, in a
project migrated from v6, into the memory and TMX as notes, into an XLIFF 1.2 delivery as notes, and on the CLI."""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from lxml import etree
from translate.storage import tmx as toolkit_tmx

from old_projects import project_of_version
from tarjama.cli import main as cli_main
from tarjama.domain import ImportedDocument, Status
from tarjama.errors import SegmentError
from tarjama.formats.tmx import read_tmx
from tarjama.memory.exchange import export_project, export_tm
from tarjama.memory.store import TranslationMemory
from tarjama.project.comments import CommentService
from tarjama.project.files import export_target, import_document
from tarjama.project.review import Review
from tarjama.project.schema import PROJECT_FILE
from tarjama.project.store import ProjectStore
from xml_schemas import offline_schema

PARAGRAPHS = ["وصل الوفد إلى العاصمة صباح اليوم. وبدأت المحادثات بعد ساعة.", "قال المتحدث إن الاجتماع كان مثمرا."]
XLIFF = Path(__file__).parent / "data" / "xliff"
NS = {"x": "urn:oasis:names:tc:xliff:document:1.2"}


@pytest.fixture
def store(tmp_path: Path) -> Iterator[ProjectStore]:
    document = ImportedDocument(name="خبر.txt", format="txt", paragraphs=PARAGRAPHS)
    with ProjectStore.create(tmp_path / "خبر.tarjama", [document]) as opened:
        opened.author = "layla"
        yield opened


def test_comments_are_kept_with_author_and_time_and_deleting_leaves_a_trace(store: ProjectStore) -> None:
    first, second, _ = store.segments()
    comments = CommentService(store)
    check = comments.add(first.id, "  Is “capital” right here?  ")
    comments.add(first.id, "Yes: the city is named in the previous line.")
    assert (check.author, check.text, check.segment_id) == ("layla", "Is “capital” right here?", first.id)
    assert check.created_at.endswith("+00:00")  # UTC, ISO
    assert [c.text for c in store.segment(first.id).comments] == [
        "Is “capital” right here?", "Yes: the city is named in the previous line."]
    assert store.segment(second.id).comments == ()

    store.author = "omar"
    deleted = comments.delete(check.id)
    assert deleted == check
    assert [c.text for c in store.segment(first.id).comments] == ["Yes: the city is named in the previous line."]
    (kept,) = [record for record in comments.history(first.id) if record.comment.id == check.id]
    assert kept.deleted_by == "omar" and kept.deleted_at is not None  # the deleted comment is still in the file
    with pytest.raises(SegmentError, match="deleted already"):
        comments.delete(check.id)

    back = comments.restore(check.id)  # undo of the deletion: a standing copy, the deletion still in the history
    assert (back.author, back.created_at, back.text) == (check.author, check.created_at, check.text)
    assert back.id != check.id and len(comments.history(first.id)) == 3
    assert len(store.segment(first.id).comments) == 2


def test_an_empty_comment_or_a_missing_segment_is_refused(store: ProjectStore) -> None:
    with pytest.raises(SegmentError, match="needs some text"):
        CommentService(store).add(store.segments()[0].id, "   ")
    with pytest.raises(SegmentError, match="does not exist"):
        CommentService(store).add(999, "Hello")


def test_merge_moves_comments_to_the_merged_segment_and_its_undo_brings_them_back(store: ProjectStore) -> None:
    first, second, _ = store.segments()
    comments = CommentService(store)
    comments.add(first.id, "on the first")
    comments.add(second.id, "on the second")
    review = Review(store)
    merged, removed = review.merge(first.id)
    assert [c.text for c in merged.comments] == ["on the first", "on the second"]
    # What the window's undo of a merge does: split at the old boundary, recreating the removed segment's id.
    head, tail = review.split(first.id, len(first.source + first.space_after), new_id=removed.id)
    assert [c.text for c in head.comments] == ["on the first"]
    assert (tail.id, [c.text for c in tail.comments]) == (second.id, ["on the second"])
    head, new = review.split(head.id, 4)  # a fresh split: the comments stay with the first part
    assert [c.text for c in head.comments] == ["on the first"] and new.comments == ()


def test_a_version_6_project_is_backed_up_and_migrated_to_take_comments(tmp_path: Path) -> None:
    path = tmp_path / "old.tarjama"
    project_of_version(path, 6)
    with ProjectStore.open(path) as migrated:
        (segment,) = migrated.segments()
        assert (segment.target, segment.comments) == ("The minister said.", ())
        CommentService(migrated).add(segment.id, "Check the title.")
        assert [c.text for c in migrated.segment(segment.id).comments] == ["Check the title."]
        assert next(migrated.approved_units()).notes[0].endswith(": Check the title.")
    assert (tmp_path / "old.tarjama.v6.bak").is_file()
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone() == (PROJECT_FILE.version,)


def test_comments_go_into_the_memory_and_out_through_tmx_for_tarjama_and_translate_toolkit(
    store: ProjectStore, tmp_path: Path
) -> None:
    tm_path = tmp_path / "memory.tarjama-tm"
    store.link_tm(tm_path)
    first, second, _ = store.segments()
    comments = CommentService(store)
    comments.add(first.id, "Client wants “capital city”.")
    store.update_segment(first.id, target="The delegation arrived in the capital.", status=Status.APPROVED)
    late = comments.add(first.id, "Approved after a call.")  # a comment after the approval rewrites the unit
    store.update_segment(second.id, target="Talks began.", status=Status.APPROVED)

    with TranslationMemory.open(tm_path) as memory:
        notes = {unit.target: unit.notes for unit in memory.units()}
    assert notes["Talks began."] == ()
    assert [note.partition(": ")[2] for note in notes["The delegation arrived in the capital."]] == [
        "Client wants “capital city”.", "Approved after a call."]
    assert notes["The delegation arrived in the capital."][1] == f"layla, {late.created_at}: Approved after a call."

    comments.delete(late.id)
    with TranslationMemory.open(tm_path) as memory:
        (unit,) = [u for u in memory.units() if u.target.startswith("The delegation")]
    assert len(unit.notes) == 1

    for tmx, write in ((tmp_path / "memory.tmx", lambda out: export_tm(tm_path, out)),
                       (tmp_path / "project.tmx", lambda out: export_project(store.path, out))):
        assert write(tmx) == 2
        read = {u.target: u.notes for u in read_tmx(tmx)}
        assert [n.partition(": ")[2] for n in read["The delegation arrived in the capital."]] == [
            "Client wants “capital city”."]
        toolkit = {u.target: u.getnotes() for u in toolkit_tmx.tmxfile.parsefile(str(tmx)).units}
        assert "Client wants “capital city”." in toolkit["The delegation arrived in the capital."]
        assert toolkit["Talks began."] == ""


def test_an_xliff_12_delivery_carries_the_comments_as_notes_and_nothing_else_changes(tmp_path: Path) -> None:
    source = Path(shutil.copy(XLIFF / "v12-plain.xlf", tmp_path / "site.xlf"))
    plain_out, noted_out = tmp_path / "plain" / "site.xlf", tmp_path / "noted" / "site.xlf"
    plain_out.parent.mkdir()
    noted_out.parent.mkdir()
    with import_document(source, tmp_path / "site.tarjama") as project:
        project.author = "layla & co"
        by_locator = {segment.locator: segment for segment in project.segments()}
        Review(project).approve(by_locator["u2"].id, "A word", force=True)
        export_target(project, plain_out)
        comments = CommentService(project)
        comments.add(by_locator["u2"].id, "Is <word> the client's term?")
        u1_first = next(segment for segment in project.segments() if segment.locator is None)  # Tarjama cut u1
        comments.add(u1_first.id, "Untranslated: the link text waits for the client.")
        export_target(project, noted_out)

    plain_text, noted_text = plain_out.read_text("utf-8"), noted_out.read_text("utf-8")
    added = re.findall(r'\n[ \t]*<note from="layla &amp; co">[^<]*</note>', noted_text)
    assert len(added) == 2
    assert re.sub(r'\n[ \t]*<note from="layla &amp; co">[^<]*</note>', "", noted_text) == plain_text
    schema = offline_schema("xliff-core-1.2-transitional.xsd")
    assert schema.validate(etree.parse(str(noted_out))), schema.error_log
    root = etree.fromstring(noted_out.read_bytes())
    u2 = root.find(".//x:trans-unit[@id='u2']", NS)
    (note,) = [n for n in u2.findall("x:note", NS) if n.get("from") == "layla & co"]  # type: ignore[union-attr]
    assert note.text == "Is <word> the client's term?"
    u1 = root.find(".//x:trans-unit[@id='u1']", NS)
    assert u1.find("x:target", NS) is None  # a note alone creates no target  # type: ignore[union-attr]
    assert [n.text for n in u1.findall("x:note", NS) if n.get("from")] == [  # type: ignore[union-attr]
        "Untranslated: the link text waits for the client."]


def test_the_cli_adds_lists_and_deletes_comments(store: ProjectStore, capsys: pytest.CaptureFixture[str]) -> None:
    first = store.segments()[0]
    path = str(store.path)
    store.close()
    assert cli_main(["comment", path, str(first.id), "Check the date."]) == 0
    capsys.readouterr()
    assert cli_main(["comments", path, "--json"]) == 0
    (listed,) = json.loads(capsys.readouterr().out)
    assert (listed["segment"], listed["text"]) == (first.id, "Check the date.")
    assert cli_main(["comment", path, str(first.id), "--delete", str(listed["id"])]) == 0
    capsys.readouterr()
    assert cli_main(["comments", path, "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_an_xliff_2_delivery_carries_the_comments_in_the_units_notes(tmp_path: Path) -> None:
    job = Path(shutil.copy(XLIFF / "v20-xliff21-states-ignorable.xlf", tmp_path / "job.xlf"))
    plain_out, noted_out = tmp_path / "plain" / "job.xlf", tmp_path / "noted" / "job.xlf"
    plain_out.parent.mkdir()
    noted_out.parent.mkdir()
    with import_document(job, tmp_path / "job.tarjama") as project:
        by_locator = {segment.locator: segment for segment in project.segments()}
        export_target(project, plain_out)
        comments = CommentService(project)
        into_notes = comments.add(by_locator["doc1/u1/1"].id, "Chapter or section?")
        new_notes = comments.add(by_locator["doc1/u2/0"].id, "Thanks <formal>")
        export_target(project, noted_out)

    noted = noted_out.read_text("utf-8")
    added = r'\n\s*<note category="comment">[^<]*</note>'
    assert len(re.findall(added, noted)) == 2
    assert re.sub(r"\n\s*<notes>\s*</notes>", "", re.sub(added, "", noted)) == plain_out.read_text("utf-8")
    schema = offline_schema("xliff_core_2.0.xsd")
    assert schema.validate(etree.parse(str(noted_out))), schema.error_log
    x = {"x": "urn:oasis:names:tc:xliff:document:2.0"}
    root = etree.parse(str(noted_out)).getroot()
    u1 = [n.text for n in root.findall(".//x:unit[@id='u1']/x:notes/x:note", x)]
    assert u1 == ["عنوان الفصل الأول", into_notes.note_text]  # the file's note first, kept
    u2 = [n.text for n in root.findall(".//x:unit[@id='u2']/x:notes/x:note", x)]
    assert u2 == [new_notes.note_text]


def test_a_merge_whose_comments_cannot_follow_is_not_saved(store: ProjectStore,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """The merge and the move of its comments are one change: a failure between them (here, a disk error) leaves
    both segments as they were, not a merged segment whose second half's comments are hidden."""
    first, second, _ = store.segments()
    CommentService(store).add(second.id, "on the second")

    def failing(*_args: object) -> None:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(CommentService, "follow_merge", failing)
    with pytest.raises(sqlite3.OperationalError):
        Review(store).merge(first.id)
    assert [(s.id, s.source) for s in store.segments()[:2]] == [(first.id, first.source), (second.id, second.source)]
    assert [c.text for c in store.segment(second.id).comments] == ["on the second"]
