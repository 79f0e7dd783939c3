"""XLIFF 2.0/2.1 in and out: the file's own segments, states, notes and inline codes read; the translation written
back with only targets and states changed, valid against the OASIS XLIFF 2.0 core schema; hostile files refused
with the project left as it was."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from lxml import etree

from disk_conditions import checksums
from tarjama.domain import Origin, Status
from tarjama.errors import BadInputError
from tarjama.formats.registry import DOCUMENT_FORMATS
from tarjama.formats.xliff import XliffFormat
from tarjama.formats.xliff20 import NAMESPACE, Xliff20Format
from tarjama.inline_tags import TagKind, close_mark, open_mark, plain, standalone_mark
from tarjama.project.files import export_target, import_document
from tarjama.project.store import ProjectStore
from xml_schemas import offline_schema

DATA = Path(__file__).parent / "data"
OKAPI = DATA / "xliff" / "v20-okapi-pc-ph.xlf"
STATES = DATA / "xliff" / "v20-xliff21-states-ignorable.xlf"
NS = {"x": NAMESPACE}


@pytest.fixture(scope="module")
def core_schema() -> etree.XMLSchema:
    return offline_schema("xliff_core_2.0.xsd")


def test_the_fixtures_are_valid_xliff_2(core_schema: etree.XMLSchema) -> None:
    for fixture in (OKAPI, STATES):
        core_schema.assertValid(etree.parse(str(fixture)))


def test_units_are_paragraphs_and_segments_keep_their_cut_states_and_notes() -> None:
    document = XliffFormat().read(STATES)
    assert document.locators == ("doc1/u1", "doc1/u2", "doc1/u3")
    first = document.segments[0]
    assert first is not None
    assert [s.locator for s in first] == ["doc1/u1/0", "doc1/u1/1", "doc1/u1/2"]
    # ignorable whitespace is the space after the segment before it, so the unit's text joins up
    assert [s.space_after for s in first] == [" ", " ", ""]
    assert plain(document.paragraphs[0]) == "مرحبا بكم. هذا هو الفصل الأول من الكتاب."
    # initial without target: new; translated with an MT subState: machine; reviewed: draft; final: approved
    assert [(s.status, s.origin) for s in first] == [(Status.NEW, Origin.NONE), (Status.MACHINE, Origin.MT),
                                                     (Status.DRAFT, Origin.HUMAN)]
    assert document.segments[1][0].status is Status.APPROVED  # type: ignore[index]
    assert document.segments[2][0].status is Status.DRAFT  # type: ignore[index]  # initial, with a target
    assert {s.note for s in first} == {"عنوان الفصل الأول"}


def test_inline_codes_become_tags_with_their_xml_as_data() -> None:
    document = XliffFormat().read(OKAPI)
    assert document.locators == ("f1/tu1", "f1/tu2")  # tu3 is translate="no": kept in the file, not imported
    assert document.paragraphs[0] == f"التقرير {open_mark(1)}السنوي{close_mark(1)} للشركة{standalone_mark(2)}"
    bold, placeholder = document.tags[0][1], document.tags[0][2]
    assert (bold.kind, bold.type, bold.label) == (TagKind.PAIRED, "bold", "<b>")
    assert bold.data.startswith('<pc id="1" ') and bold.data.endswith("\x00</pc>")
    assert (placeholder.kind, placeholder.type, placeholder.data) == (TagKind.STANDALONE, "field",
                                                                      '<ph id="2" dataRef="d3"/>')
    states = XliffFormat().read(STATES)
    # <sc> in one segment, <ec> in the next: one paired tag of the unit, cut by the segment boundary
    italic = states.tags[0][1]
    assert italic.type == "italic" and italic.data == '<sc id="1" type="fmt" subType="xlf:i"/>\x00<ec startRef="1"/>'
    segments = states.segments[0]
    assert segments is not None
    assert open_mark(1) in segments[1].source and close_mark(1) in segments[2].source
    assert states.tags[2][1].data.startswith('<mrk id="m1" type="term"')  # an annotation, kept to write back


def _project_with(tmp_path: Path, fixture: Path) -> tuple[ProjectStore, Path]:
    job = tmp_path / fixture.name
    shutil.copy(fixture, job)
    return import_document(job, tmp_path / "job.tarjama"), job


def _unit_text_outside_targets(xml: bytes) -> str:
    """The file with every <target> element and every state/subState attribute taken out: what must not change."""
    text = xml.decode("utf-8")
    text = re.sub(r"\s*<target(?:\s[^>]*)?/>|\s*<target(?:\s[^>]*)?>.*?</target>", "", text, flags=re.DOTALL)
    text = re.sub(r'\s(?:state|subState|trgLang)="[^"]*"', "", text)
    return text


def test_round_trip_changes_only_targets_and_states(tmp_path: Path, core_schema: etree.XMLSchema) -> None:
    store, job = _project_with(tmp_path, STATES)
    with store:
        by_locator = {segment.locator: segment for segment in store.segments()}
        store.update_segment(by_locator["doc1/u1/0"].id, target="Welcome.", status=Status.APPROVED)
        chapter = by_locator["doc1/u1/1"]
        store.update_segment(chapter.id, target=f"This is {open_mark(1)}the chapter", status=Status.APPROVED)
        store.update_segment(by_locator["doc1/u1/2"].id, target=f"one{close_mark(1)} & <the> book.",
                             status=Status.DRAFT)
        out = tmp_path / "out.xlf"
        export_target(store, out)
    original, exported = job.read_bytes(), out.read_bytes()
    assert _unit_text_outside_targets(exported) == _unit_text_outside_targets(original)
    core_schema.assertValid(etree.fromstring(exported).getroottree())
    tree = etree.fromstring(exported)
    segments = tree.findall(".//x:unit[@id='u1']/x:segment", NS)
    assert [s.get("state") for s in segments] == ["final", "final", "translated"]
    assert segments[1].get("subState") == "acme:mt"  # another tool's subState is its own: kept
    created = segments[0].find("x:target", NS)
    assert created is not None and created.text == "Welcome."
    assert segments[0].find("x:source", NS).getnext() is created  # type: ignore[union-attr]
    italic = segments[1].find("x:target/x:sc", NS)
    assert italic is not None and italic.get("subType") == "xlf:i"
    assert "".join(segments[2].find("x:target", NS).itertext()) == "one & <the> book."  # type: ignore[union-attr]
    assert tree.get("trgLang") == "en"  # the file named no target language
    # units left alone (u2 final, u3 initial with a target) come back byte for byte
    for unit in ("u2", "u3"):
        pattern = rf'<unit id="{unit}">.*?</unit>'
        assert re.search(pattern, exported.decode(), re.DOTALL).group() == \
            re.search(pattern, original.decode(), re.DOTALL).group()  # type: ignore[union-attr]
    again = Xliff20Format().read(out)
    assert [s.status for s in again.segments[0]] == [Status.APPROVED, Status.APPROVED, Status.DRAFT]  # type: ignore[union-attr]


def test_machine_translation_is_written_translated_and_read_back_as_machine(tmp_path: Path) -> None:
    store, _job = _project_with(tmp_path, OKAPI)
    with store:
        first, second = store.segments()
        store.update_segment(first.id, target=f"The {open_mark(1)}annual{close_mark(1)} report{standalone_mark(2)}",
                             status=Status.MACHINE)
        # the translator moved the link's end across: a <pc> cannot overlap, so it becomes <sc>/<ec>
        store.update_segment(second.id, target=f"See the {open_mark(1)}official site.", status=Status.APPROVED)
        out = tmp_path / "out.xlf"
        export_target(store, out)
    tree = etree.parse(str(out))
    segment = tree.find(".//x:unit[@id='tu1']/x:segment", NS)
    assert segment is not None and (segment.get("state"), segment.get("subState")) == ("translated", "tarjama:mt")
    assert etree.tostring(segment.find("x:target", NS), encoding=str).count("<pc ") == 1
    link = tree.find(".//x:unit[@id='tu2']/x:segment/x:target", NS)
    assert link is not None and [etree.QName(c).localname for c in link] == ["sc"]
    assert tree.getroot().get("trgLang") == "en-US"  # named already: untouched
    again = Xliff20Format().read(out)
    assert [s[0].status for s in again.segments] == [Status.MACHINE, Status.APPROVED]  # type: ignore[index]


def test_xliff_2_2_has_its_own_namespace_and_is_read_alike(tmp_path: Path) -> None:
    newer = tmp_path / "job22.xlf"
    newer.write_text(STATES.read_text(encoding="utf-8").replace(NAMESPACE, NAMESPACE[:-1] + "2")
                     .replace("version='2.1'", "version='2.2'"), encoding="utf-8")
    assert XliffFormat().read(newer).segments == XliffFormat().read(STATES).segments


def test_registry_dispatches_xlf_by_version(tmp_path: Path) -> None:
    assert isinstance(DOCUMENT_FORMATS.find("job.xlf"), XliffFormat)
    assert DOCUMENT_FORMATS.find("job.xliff") is DOCUMENT_FORMATS.find("job.xlf")
    assert DOCUMENT_FORMATS.find("job.xlf").read(STATES).locators[0] == "doc1/u1"  # type: ignore[union-attr]


@pytest.mark.parametrize(("fixture", "version"), [(STATES, "2.1"), (DATA / "xliff" / "v12-plain.xlf", "1.2")])
def test_the_export_is_rebuilt_by_the_reader_of_the_original_version(tmp_path: Path, fixture: Path,
                                                                     version: str) -> None:
    """One format answers for .xlf; the original kept in the project says which version writes it back."""
    store, _job = _project_with(tmp_path, fixture)
    with store:
        assert {document.format for document in store.documents()} == {XliffFormat.name}
        first = store.segments()[0]
        store.update_segment(first.id, target="Welcome.", status=Status.APPROVED)
        out = tmp_path / "out.xliff"
        export_target(store, out)
    root = etree.parse(str(out)).getroot()
    assert root.get("version") == version
    # (a 1.2 unit without seg-source is cut by Tarjama: its one target joins the translated sentence and the rest)
    assert any("".join(target.itertext()).startswith("Welcome.") for target in root.iter("{*}target"))
    assert XliffFormat().read(out).locators == XliffFormat().read(fixture).locators  # each version reads it back


HOSTILE = {
    "entities": ('<?xml version="1.0"?><!DOCTYPE xliff [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
                 '<xliff xmlns="{ns}" version="2.0" srcLang="ar"><file id="f"><unit id="u"><segment>'
                 '<source>&e;</source></segment></unit></file></xliff>', "entity"),
    "no source": ('<xliff xmlns="{ns}" version="2.0" srcLang="ar"><file id="f"><unit id="u"><segment>'
                  '<target>x</target></segment></unit></file></xliff>', "without a source"),
    "duplicate ids": ('<xliff xmlns="{ns}" version="2.0" srcLang="ar"><file id="f"><unit id="u"><segment>'
                      '<source>نص</source></segment></unit><unit id="u"><segment><source>نص</source></segment>'
                      '</unit></file></xliff>', "two units with the id"),
    "languages": ('<xliff xmlns="{ns}" version="2.0" srcLang="fr" trgLang="de"><file id="f"><unit id="u">'
                  '<segment><source>texte</source></segment></unit></file></xliff>', "from fr into de"),
    "not xliff": ('<html version="2.0"><body/></html>', "not an XLIFF file"),
    "version": ('<xliff xmlns="{ns}" version="3.0" srcLang="ar"><file id="f"/></xliff>', "not an XLIFF"),
    "truncated": ('<xliff xmlns="{ns}" version="2.0" srcLang="ar"><file id="f"><unit id="u"><segment>',
                  "not well-formed"),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_files_are_refused_naming_the_file_and_the_project_is_unchanged(tmp_path: Path, case: str) -> None:
    store, _job = _project_with(tmp_path, OKAPI)
    store.close()
    project = tmp_path / "job.tarjama"
    before = checksums(project)
    bad = tmp_path / f"bad {case}.xlf"
    content, expected = HOSTILE[case]
    bad.write_text(content.replace("{ns}", NAMESPACE), encoding="utf-8")
    with pytest.raises(BadInputError) as raised:
        import_document(bad, project).close()
    assert bad.name in str(raised.value)
    assert expected in str(raised.value) or (case == "version" and "3.0" in str(raised.value))
    assert checksums(project) == before


def test_a_huge_file_is_refused_before_it_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import tarjama.formats.xliff_common as common

    monkeypatch.setattr(common, "MAX_XLIFF_BYTES", 1024)
    huge = tmp_path / "huge.xlf"
    huge.write_bytes(OKAPI.read_bytes() + b" " * 2048)
    with pytest.raises(BadInputError, match="larger than"):
        XliffFormat().read(huge)


def test_translate_toolkit_reads_the_export(tmp_path: Path) -> None:
    """An independent reader: translate-toolkit's XLIFF 2 store sees the targets Tarjama wrote."""
    xliff2 = pytest.importorskip("translate.storage.xliff2")
    store, _job = _project_with(tmp_path, STATES)
    with store:
        first = next(s for s in store.segments() if s.locator == "doc1/u1/0")
        store.update_segment(first.id, target="Welcome.", status=Status.APPROVED)
        out = tmp_path / "out.xlf"
        export_target(store, out)
    parsed = xliff2.Xliff2File.parsefile(str(out))
    targets = [unit.target for unit in parsed.units if unit.source]
    assert any("Welcome." in (target or "") for target in targets)
