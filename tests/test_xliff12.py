"""XLIFF 1.2 (plain, Phrase-style, Trados .sdlxliff, memoQ .mqxliff): imported as the file segments it, exported
as the original with only targets and states changed, read back with the same statuses, by us and by
translate-toolkit."""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path

import pytest
from lxml import etree
from translate.storage import xliff as toolkit_xliff

from tarjama.domain import Status
from tarjama.errors import BadInputError
from tarjama.formats.xliff12 import Xliff12Format
from tarjama.formats.xml_splice import with_attribute
from tarjama.inline_tags import marks, plain
from tarjama.project.files import export_target, import_document
from tarjama.project.review import Review
from tarjama.project.store import ProjectStore

DATA = Path(__file__).parent / "data" / "xliff"
NS = {"x": "urn:oasis:names:tc:xliff:document:1.2", "sdl": "http://sdl.com/FileTypes/SdlXliff/1.0",
      "mq": "MQXliff"}


def _copy(name: str, tmp_path: Path) -> Path:
    return Path(shutil.copy(DATA / name, tmp_path / name))


def _by_locator(store: ProjectStore) -> dict[str, object]:
    return {segment.locator: segment for segment in store.segments() if segment.locator}


def _changed_lines(before: bytes, after: bytes) -> list[str]:
    diff = difflib.ndiff(before.decode("utf-8").splitlines(), after.decode("utf-8").splitlines())
    return [line[0] + line[2:] for line in diff if line[:1] in "+-"]  # "- text" as "-text"


# -- import -------------------------------------------------------------------------------------------------------


def test_trados_segments_states_and_tags_come_in_as_the_file_has_them(tmp_path: Path) -> None:
    document = Xliff12Format().read(DATA / "v12-trados.sdlxliff")

    assert document.locators == ("a1b2", "c3d4")  # the translate="no" unit is no paragraph
    first, second = document.segments
    assert first is not None and second is not None
    assert [s.locator for s in first] == ["a1b2#1", "a1b2#2"]
    assert [(s.status, s.target) for s in first] == [(Status.DRAFT, "The minister opened the fair."),
                                                     (Status.NEW, "")]
    assert plain(first[1].source) == "اليوم في دمشق."
    assert [mark.role for mark in marks(first[1].source)] == ["open", "close"]
    assert document.tags[0][1].data.startswith('<g id="1">')
    assert second[0].status == Status.APPROVED  # ApprovedSignOff
    assert marks(second[0].target)[0].id == marks(second[0].source)[0].id  # the target's <x> is the source's


def test_memoq_status_phrase_machine_notes_and_alt_trans() -> None:
    memoq = Xliff12Format().read(DATA / "v12-memoq.mqxliff")
    assert memoq.segments[0] is None  # no seg-source, no target: Tarjama segments it
    assert [own[0].status for own in memoq.segments[1:] if own] == [Status.APPROVED, Status.DRAFT]
    assert memoq.segments[2][0].note == "Informal farewell."  # type: ignore[index]

    phrase = Xliff12Format().read(DATA / "v12-phrase.xlf")
    headline, machine = phrase.segments
    assert headline is not None and machine is not None
    assert headline[0].alternatives[0].text == "First sentence."
    assert headline[0].alternatives[0].confidence == pytest.approx(0.87)
    assert headline[0].note == "Headline" and headline[0].space_after == " "
    assert machine[0].status == Status.MACHINE


@pytest.mark.parametrize(("text", "message"), [
    ('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "boom">]><xliff version="1.2"/>', "entity"),
    ("<tmx/>", "not an XLIFF"),
    ('<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="fr" '
     'target-language="en"><body/></file></xliff>', "fr"),
    ('<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="ar" '
     'target-language="en"><body><trans-unit id="1"><target>x</target></trans-unit></body></file></xliff>',
     "without a source"),
    ('<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="ar" '
     'target-language="en"><body><trans-unit id="1"><source>أ</source></trans-unit><trans-unit id="1"><source>'
     'ب</source></trans-unit></body></file></xliff>', "two translation units"),
    ("<xliff", "not well-formed"),
])
def test_hostile_files_are_refused_naming_the_file_and_leave_a_project_unchanged(tmp_path: Path, text: str,
                                                                                 message: str) -> None:
    project = tmp_path / "job.tarjama"
    import_document(_copy("v12-plain.xlf", tmp_path), project).close()
    before = project.read_bytes()
    bad = tmp_path / "bad.sdlxliff"
    bad.write_text(text, encoding="utf-8")

    with pytest.raises(BadInputError) as raised:
        import_document(bad, project)

    assert "bad.sdlxliff" in str(raised.value) and message in str(raised.value)
    assert project.read_bytes() == before


# -- export -------------------------------------------------------------------------------------------------------


def test_trados_round_trip_changes_only_targets_and_confirmation_levels(tmp_path: Path) -> None:
    source = _copy("v12-trados.sdlxliff", tmp_path)
    out = tmp_path / "out" / "job.sdlxliff"
    out.parent.mkdir()
    with import_document(source, tmp_path / "job.tarjama") as store:
        segments = _by_locator(store)
        Review(store).approve(segments["a1b2#1"].id, force=True)  # type: ignore[attr-defined]
        tag = segments["a1b2#2"].source  # type: ignore[attr-defined]
        store.update_segment(segments["a1b2#2"].id, target=tag.replace("اليوم", "Today").replace(  # type: ignore[attr-defined]
            " في دمشق.", " in Damascus."), status=Status.DRAFT)
        export_target(store, out)

    before, after = source.read_bytes(), out.read_bytes()
    changed = _changed_lines(before, after)
    assert len(changed) == 4  # the target line and the seg-defs line, each once out and once in
    root = etree.fromstring(after)
    target = root.find(".//x:trans-unit[@id='a1b2']/x:target", NS)
    assert [("".join(m.itertext())) for m in target.findall("x:mrk", NS)] == [  # type: ignore[union-attr]
        "The minister opened the fair.", "Today in Damascus."]
    assert target.find("x:mrk[@mid='2']/x:g[@id='1']", NS).text == "Today"  # type: ignore[union-attr]
    confs = [seg.get("conf") for seg in root.iterfind(".//sdl:seg", NS)]
    assert confs == ["ApprovedTranslation", "Translated", "ApprovedSignOff"]
    assert b'conf=\'ApprovedSignOff\'' in after  # an untouched unit keeps even its quotes

    again = Xliff12Format().read(out)
    assert [s.status for s in again.segments[0]] == [Status.APPROVED, Status.DRAFT]  # type: ignore[union-attr]


@pytest.mark.parametrize("missing", ["one seg", "seg-defs"])
def test_a_trados_segment_without_its_sdl_seg_gets_one_with_its_confirmation_level(tmp_path: Path,
                                                                                  missing: str) -> None:
    """A file whose `sdl:seg-defs` lacks a segment (or a unit with no `sdl:seg-defs` at all) still comes back with
    the segment confirmed as Trados reads it: the `sdl:seg` is made, and the rest of the file is untouched."""
    text = (DATA / "v12-trados.sdlxliff").read_text(encoding="utf-8")
    whole_defs = "<sdl:seg-defs><sdl:seg id=\"3\" conf='ApprovedSignOff' origin=\"tm\" percent=\"100\"/></sdl:seg-defs>"
    cut = '<sdl:seg id="2"/>' if missing == "one seg" else "\n        " + whole_defs
    assert cut in text
    source = tmp_path / "job.sdlxliff"
    source.write_text(text.replace(cut, ""), encoding="utf-8")
    out = tmp_path / "out" / "job.sdlxliff"
    out.parent.mkdir()
    with import_document(source, tmp_path / "job.tarjama") as store:
        segments = _by_locator(store)
        changed = "a1b2#2" if missing == "one seg" else "c3d4#3"
        Review(store).approve(segments[changed].id, "".join(m.char for m in marks(
            segments[changed].source)) + "Done.", force=True)  # type: ignore[attr-defined]
        export_target(store, out)

    mid = changed.partition("#")[2]
    seg = etree.fromstring(out.read_bytes()).find(f".//sdl:seg[@id='{mid}']", NS)
    assert seg is not None and seg.get("conf") == "ApprovedTranslation"
    assert seg.getparent().tag == f"{{{NS['sdl']}}}seg-defs"  # type: ignore[union-attr]
    assert Xliff12Format().read(out).segments[0 if missing == "one seg" else 1][-1].status == Status.APPROVED  # type: ignore[index]
    removed = out.read_text(encoding="utf-8").replace('<sdl:seg id="2" conf="ApprovedTranslation"/>', "")
    if missing == "one seg":
        assert [line for line in _changed_lines(source.read_bytes(), removed.encode()) if "target" not in line] \
            == []


def test_plain_xliff_round_trip_creates_targets_and_states_translate_toolkit_reads(tmp_path: Path) -> None:
    source = _copy("v12-plain.xlf", tmp_path)
    out = tmp_path / "out" / "site.xlf"
    out.parent.mkdir()
    with import_document(source, tmp_path / "site.tarjama") as store:
        review = Review(store)
        for segment in store.segments():
            if segment.locator == "u2":
                review.approve(segment.id, "A word", force=True)
            else:
                english = {"أهلا وسهلا.": "Welcome."}.get(plain(segment.source))
                target = english or segment.source.replace("هذا", "This is the new").replace("الموقع", "site") \
                    .replace(" الجديد.", ".")
                store.update_segment(segment.id, target=target, status=Status.DRAFT)
        export_target(store, out)

    before, after = source.read_bytes(), out.read_bytes()
    changed = _changed_lines(before, after)
    assert [line for line in changed if line.startswith("-")] == [
        '-    <trans-unit id="u2" approved="no">', '-     <target xml:lang="en" state="translated">Word</target>']
    assert b"<!-- made by hand" in after  # comments and everything around them kept
    root = etree.fromstring(after)
    u1 = root.find(".//x:trans-unit[@id='u1']", NS)
    created = u1.find("x:target", NS)  # type: ignore[union-attr]
    assert created.get("state") == "translated"  # type: ignore[union-attr]
    assert created.find("x:g", NS).get("ctype") == "link"  # type: ignore[union-attr]
    assert root.find(".//x:trans-unit[@id='u2']", NS).get("approved") == "yes"  # type: ignore[union-attr]

    toolkit = toolkit_xliff.xlifffile.parsefile(str(out))
    targets = {unit.getid().rpartition("\x04")[2]: unit.target for unit in toolkit.units}  # "file\x04id"
    assert targets["u2"] == "A word" and "site" in targets["u1"]
    assert [unit.isapproved() for unit in toolkit.units if unit.getid().endswith("u2")] == [True]
    assert Xliff12Format().read(out).segments[1][0].status == Status.APPROVED  # type: ignore[index]


def test_memoq_status_is_written_back_and_untouched_units_stay_as_they_were(tmp_path: Path) -> None:
    source = _copy("v12-memoq.mqxliff", tmp_path)
    out = tmp_path / "out" / "job.mqxliff"
    out.parent.mkdir()
    with import_document(source, tmp_path / "mq.tarjama") as store:
        segments = _by_locator(store)
        Review(store).approve(segments["3"].id, force=True)  # type: ignore[attr-defined]
        export_target(store, out)

    changed = _changed_lines(source.read_bytes(), out.read_bytes())
    assert changed == ['-      <trans-unit id="3" mq:status="Edited" mq:segmentguid="g-3">',
                       '+      <trans-unit id="3" mq:status="ManuallyConfirmed" mq:segmentguid="g-3">']
    assert [own[0].status for own in Xliff12Format().read(out).segments[1:] if own] == [Status.APPROVED] * 2


def test_attributes_are_set_added_and_removed_inside_a_start_tag_only() -> None:
    tag = "<target note='state=x' state=\"new\">"
    assert with_attribute(tag, "state", "final") == "<target note='state=x' state=\"final\">"
    assert with_attribute("<target/>", "state", "final") == '<target state="final"/>'
    assert with_attribute(tag, "state", None) == "<target note='state=x'>"


def test_an_xliff_1_1_job_written_by_translate_toolkit_comes_in_and_goes_back(tmp_path: Path) -> None:
    """translate-toolkit writes XLIFF 1.1 (as Weblate and Pootle deliver a job): Tarjama reads it with the 1.2 reader,
    and what it exports, translate-toolkit reads with the translations and approvals Tarjama gave."""
    from translate.storage import xliff

    made = xliff.xlifffile(sourcelanguage="ar", targetlanguage="en")
    for unit_id, source, target, approved in [
        ("1", "وصل الوزير إلى العاصمة.", "The minister arrived in the capital.", True),
        ("2", "وعقد اجتماعاً مع نظيره.", "", False),
    ]:
        unit = made.addsourceunit(source)
        unit.setid(unit_id)
        if target:
            unit.target = target
            unit.markapproved(approved)
    source_path = tmp_path / "weblate.xlf"
    source_path.write_bytes(bytes(made))
    assert b'version="1.1"' in source_path.read_bytes()

    with import_document(source_path, tmp_path / "weblate.tarjama") as store:
        first, second = store.segments()
        assert (first.target, first.status) == ("The minister arrived in the capital.", Status.APPROVED)
        assert (second.target, second.status) == ("", Status.NEW)
        Review(store).approve(second.id, "He met his counterpart.", force=True)
        out = tmp_path / "out" / "weblate.xlf"
        out.parent.mkdir()
        export_target(store, out)

    read_back = xliff.xlifffile.parsefile(str(out))
    assert [(unit.source, unit.target, unit.isapproved()) for unit in read_back.units] == [
        ("وصل الوزير إلى العاصمة.", "The minister arrived in the capital.", True),
        ("وعقد اجتماعاً مع نظيره.", "He met his counterpart.", True)]
    changed = _changed_lines(source_path.read_bytes(), out.read_bytes())
    assert changed and all("<target" in line or "<trans-unit" in line for line in changed)
