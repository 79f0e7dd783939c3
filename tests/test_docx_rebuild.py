"""Exporting a .docx project: the translation written into a copy of the original. With no translation the export
reproduces the source's formatting run for run; with English targets carrying the tags the formatting lands on
the right words and the paragraphs, runs and tables turn left to right."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest
from lxml import etree

import formatted_docx as built
from tarjama.domain import Status
from tarjama.formats.docx_direction import ParagraphStyles, make_left_to_right
from tarjama.formats.docx_xml import W_NS, parse_part, part_paragraphs
from tarjama.inline_tags import close_mark, open_mark, plain, standalone_mark
from tarjama.project.files import export_target, import_document
from tarjama.project.store import ProjectStore

NS = {"w": W_NS, "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"}
W_P = f"{{{W_NS}}}p"

#: English for each source paragraph (its plain text), with {oN}/{cN}/{sN} for the source's tag N.
ENGLISH = {
    built.HEADING: "Weekly report",
    "".join(text for text, _ in built.SENTENCE): "The {o1}minister{c1} opened the {o2}international{c2} book fair "
                                                 "{o3}today{c3} in {o4}Damascus{c4}{s5}",
    "لمزيد من المعلومات زوروا " + built.LINK_TEXT: "For more information visit {o1}the ministry's website{c1}",
    "السطر الأولالسطر الثانيبعد الجدولة": "First line{s1}Second line{s2}After the tab",
    built.BULLETS[0]: "First item", built.BULLETS[1]: "Second item",
    built.NUMBERED[0]: "First step", built.NUMBERED[1]: "Second step",
    "المدينة": "City", "عدد السكان": "Population", "دمشق": "Damascus", "مليونان": "Two million",
    "انظر المربع": "See the box {s1}", built.TEXT_BOX: "Text inside a box", "صفحة 1": "Page {s1}1{s2}",
    built.FOOTNOTE: "{s1} Source: Ministry of Culture", built.HEADER: "Page header", built.FOOTER: "Page footer",
}


def english(template: str) -> str:
    roles = {"o": open_mark, "c": close_mark, "s": standalone_mark}
    return re.sub(r"\{([ocs])(\d+)\}", lambda match: roles[match.group(1)](int(match.group(2))), template)


@pytest.fixture
def project(tmp_path: Path) -> Iterator[tuple[Path, ProjectStore]]:
    source = built.save_formatted(tmp_path / "تقرير.docx")
    with import_document(source, tmp_path / "تقرير.tarjama") as store:
        yield source, store


def translate(store: ProjectStore, status: Status = Status.APPROVED) -> None:
    for segment in store.segments():
        store.update_segment(segment.id, target=english(ENGLISH[plain(segment.source).strip()]), status=status)


def _parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as package:
        return {name: package.read(name) for name in package.namelist()}


def _skeleton(root: etree._Element) -> bytes:
    """The part with every paragraph's content taken out (its properties kept): tables, sections, notes."""
    kept = etree.fromstring(etree.tostring(root))
    for paragraph in list(kept.iter(W_P)):
        for child in [child for child in paragraph if child.tag != f"{{{W_NS}}}pPr"]:
            paragraph.remove(child)
    return built.canonical(kept)


# -- (1) no translation: the source's formatting, run for run ------------------------------------------------------


def test_without_translation_the_export_reproduces_every_part_and_run(project, tmp_path: Path) -> None:  # noqa: ANN001
    source, store = project
    out = tmp_path / "نسخة.docx"

    export_target(store, out)

    before, after = _parts(source), _parts(out)
    assert list(before) == list(after)
    rebuilt = {locator.rpartition("#")[0] for locator in store.locators(store.documents()[0].id).values()}
    assert rebuilt == {"word/document.xml", "word/footnotes.xml", "word/header1.xml", "word/footer1.xml"}
    for name in set(before) - rebuilt:
        assert before[name] == after[name], name  # styles, numbering, settings, media, relationships...
    compared = 0
    for name in rebuilt:
        original, exported = parse_part(before[name]), parse_part(after[name])
        assert _skeleton(original) == _skeleton(exported), name  # tables, lists' numbering, sections
        for old, new in zip(part_paragraphs(original), part_paragraphs(exported), strict=True):
            properties = old.find("w:pPr", NS)
            assert built.canonical(properties) == built.canonical(new.find("w:pPr", NS)) if properties is not None \
                else new.find("w:pPr", NS) is None
            assert built.run_stream(old) == built.run_stream(new)
            compared += 1
    assert compared >= 20
    sentence = next(p for p in part_paragraphs(parse_part(after["word/document.xml"])) if "الوزير" in
                    "".join(p.itertext()))
    assert {"bCs", "iCs", "rtl", "color", "sz", "szCs", "u"} <= {etree.QName(e).localname for e in sentence.iter()}
    assert sentence.find(".//w:footnoteReference", NS) is not None


# -- (2) English with the tags: formatting on the right words, left to right ---------------------------------------


def _run_of(paragraph: etree._Element, text: str) -> etree._Element:
    return next(run for run in paragraph.iter(f"{{{W_NS}}}r") if "".join(run.itertext()) == text)


def _flags(run: etree._Element) -> set[str]:
    properties = run.find("w:rPr", NS)
    return set() if properties is None else {etree.QName(child).localname for child in properties}


def test_english_targets_carry_bold_italic_and_links_onto_the_right_words(project, tmp_path: Path) -> None:  # noqa: ANN001
    source, store = project
    translate(store)
    out = tmp_path / "report-en.docx"

    report = export_target(store, out)

    assert report.approved == report.segments
    parts = _parts(out)
    body = part_paragraphs(parse_part(parts["word/document.xml"]))
    sentence = next(p for p in body if "minister" in "".join(p.itertext()))
    assert "".join(sentence.itertext()) == "The minister opened the international book fair today in Damascus"
    assert _flags(_run_of(sentence, "minister")) == {"b"}  # bCs became b; rtl gone
    assert _flags(_run_of(sentence, "international")) == {"i"}
    assert _flags(_run_of(sentence, "today")) == {"u"}
    assert _flags(_run_of(sentence, "The ")) == set()
    damascus = _run_of(sentence, "Damascus").find("w:rPr", NS)
    assert damascus.find("w:rFonts", NS).get(f"{{{W_NS}}}ascii") == "Traditional Arabic"
    assert damascus.find("w:sz", NS).get(f"{{{W_NS}}}val") == "32" and damascus.find("w:szCs", NS) is None
    assert sentence.findall("w:r", NS)[-1].find("w:footnoteReference", NS) is not None
    assert all(p.find("w:pPr/w:bidi", NS) is None for p in body if "".join(p.itertext()).strip())

    word = docx.Document(str(out))
    link = next(p for p in body if p.find("w:hyperlink", NS) is not None).find("w:hyperlink", NS)
    assert "".join(link.itertext()) == "the ministry's website"
    assert word.part.rels[link.get(f"{{{NS['r']}}}id")].target_ref == built.LINK_ADDRESS
    broken = next(p for p in body if "First line" in "".join(p.itertext()))
    assert [etree.QName(e).localname + (e.text or "") for r in broken.findall("w:r", NS) for e in r
            if etree.QName(e).localname != "rPr"] == ["tFirst line", "br", "tSecond line", "tab", "tAfter the tab"]
    assert [p.text for p in word.paragraphs if p.style.name == "List Bullet"] == ["First item", "Second item"]
    assert [p.text for p in word.paragraphs if p.style.name == "List Number"] == ["First step", "Second step"]
    assert [[cell.text for cell in row.cells] for row in word.tables[0].rows] == [["City", "Population"],
                                                                                  ["Damascus", "Two million"]]
    assert word.tables[0]._tbl.tblPr.find("w:bidiVisual", NS) is None
    boxed = next(p for p in body if p.find(".//w:txbxContent", NS) is not None)
    assert "".join(boxed.find(".//w:txbxContent", NS).itertext()) == "Text inside a box"
    assert any(p.find(".//w:drawing", NS) is not None for p in body)  # the picture's paragraph, untouched
    page = next(p for p in body if p.find(".//w:instrText", NS) is not None)
    assert "".join(page.itertext()).replace(" PAGE ", "") == "Page 1"
    section = word.sections[0]
    assert (section.header.paragraphs[0].text, section.footer.paragraphs[0].text) == ("Page header", "Page footer")
    notes = part_paragraphs(parse_part(parts["word/footnotes.xml"]))
    note = next(p for p in notes if "Source" in "".join(p.itertext()))
    assert note.find(".//w:footnoteRef", NS) is not None and note.find("w:pPr/w:bidi", NS) is None
    assert parts["word/styles.xml"] == _parts(source)["word/styles.xml"]


def test_objects_a_target_lost_are_kept_at_the_end_and_plain_text_is_plain(project, tmp_path: Path) -> None:  # noqa: ANN001
    """MT output without tags: no formatting is guessed, but the footnote reference is not lost with them."""
    _, store = project
    sentence = next(s for s in store.segments() if "الوزير" in s.source)
    store.update_segment(sentence.id, target="The minister opened the fair", status=Status.MACHINE)
    out = tmp_path / "mt.docx"

    export_target(store, out)

    body = part_paragraphs(parse_part(_parts(out)["word/document.xml"]))
    paragraph = next(p for p in body if "minister" in "".join(p.itertext()))
    runs = paragraph.findall("w:r", NS)
    assert _flags(runs[0]) == set() and runs[-1].find("w:footnoteReference", NS) is not None
    assert "".join(paragraph.itertext()) == "The minister opened the fair"
    assert all("b" not in _flags(run) and "i" not in _flags(run) for run in runs)


def test_a_docx_project_exported_as_text_gets_breaks_as_lines(project, tmp_path: Path) -> None:  # noqa: ANN001
    _, store = project
    translate(store, Status.DRAFT)
    out = tmp_path / "report.txt"

    export_target(store, out)

    text = out.read_text(encoding="utf-8")
    assert "First line\nSecond line\tAfter the tab" in text
    assert "\ue000" not in text and "The minister opened" in text


# -- the direction rules -------------------------------------------------------------------------------------------


def _paragraph(markup: str) -> etree._Element:
    return etree.fromstring(f'<w:p xmlns:w="{W_NS}">{markup}</w:p>')


def _styles(markup: str) -> ParagraphStyles:
    return ParagraphStyles(etree.fromstring(f'<w:styles xmlns:w="{W_NS}">{markup}</w:styles>'))


def _properties(paragraph: etree._Element) -> str:
    """The paragraph properties' content and closing tag ("" when none is left)."""
    return etree.tostring(paragraph.find("w:pPr", NS), encoding="unicode").split(">", 1)[1]


@pytest.mark.parametrize(("before", "after"), [
    # right to left: w:jc is relative to the direction, so start stays start (now the left) and end stays end
    ('<w:bidi/><w:jc w:val="left"/>', '<w:jc w:val="left"/></w:pPr>'),
    ('<w:bidi/><w:jc w:val="right"/>', '<w:jc w:val="right"/></w:pPr>'),
    ("<w:bidi/>", ""),
    # left to right but pushed right for the Arabic: the English starts on the left
    ('<w:jc w:val="right"/>', '<w:jc w:val="left"/></w:pPr>'),
    ('<w:jc w:val="end"/>', '<w:jc w:val="left"/></w:pPr>'),
    ('<w:jc w:val="center"/>', '<w:jc w:val="center"/></w:pPr>'),
])
def test_alignment_follows_the_direction(before: str, after: str) -> None:
    paragraph = _paragraph(f"<w:pPr>{before}</w:pPr>")
    make_left_to_right(paragraph, _styles(""))
    assert _properties(paragraph) == after


def test_a_style_s_direction_is_overridden_in_its_place() -> None:
    styles = _styles('<w:style w:type="paragraph" w:styleId="Base"><w:pPr><w:bidi/></w:pPr></w:style>'
                     '<w:style w:type="paragraph" w:styleId="Body"><w:basedOn w:val="Base"/></w:style>')
    paragraph = _paragraph('<w:pPr><w:pStyle w:val="Body"/><w:jc w:val="left"/></w:pPr>')
    make_left_to_right(paragraph, styles)
    assert _properties(paragraph) == '<w:pStyle w:val="Body"/><w:bidi w:val="0"/><w:jc w:val="left"/></w:pPr>'


def test_complex_script_properties_become_their_latin_twins() -> None:
    paragraph = _paragraph('<w:r><w:rPr><w:rFonts w:cs="Simplified Arabic"/><w:b/><w:bCs/><w:iCs/>'
                           '<w:szCs w:val="28"/><w:rtl/></w:rPr><w:t>Minister</w:t></w:r>')
    make_left_to_right(paragraph, _styles(""))
    assert etree.tostring(paragraph.find("w:r/w:rPr", NS), encoding="unicode").split(">", 1)[1] == (
        '<w:rFonts w:cs="Simplified Arabic" w:ascii="Simplified Arabic" w:hAnsi="Simplified Arabic"/><w:b/><w:i/>'
        '<w:sz w:val="28"/></w:rPr>')
