"""Reading a formatted .docx: each paragraph's runs as coded text and inline tags, in every part that holds text,
noise that is not a tag, and tracked changes read accepted with a notice."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

import formatted_docx as built
from tarjama.formats import read_document
from tarjama.inline_tags import TagKind, marks, plain
from test_cli import run


@pytest.fixture(scope="module")
def document(tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201 - an ImportedDocument
    return read_document(built.save_formatted(tmp_path_factory.mktemp("docx") / "تقرير.docx"))


def _paragraph(document, text: str) -> int:  # noqa: ANN001
    return next(index for index, paragraph in enumerate(document.paragraphs) if text in plain(paragraph))


def test_every_part_with_text_is_read_and_located(document) -> None:  # noqa: ANN001
    texts = [plain(paragraph) for paragraph in document.paragraphs]
    sentence = "".join(text for text, _ in built.SENTENCE)

    for expected in (built.HEADING, sentence, *built.BULLETS, *built.NUMBERED, *sum(built.CELLS, []),
                     built.TEXT_BOX, built.HEADER, built.FOOTER):
        assert expected in texts
    assert any(built.FOOTNOTE in text for text in texts)
    located = dict(zip(texts, document.locators, strict=True))
    assert located[built.HEADER].startswith("word/header") and located[built.FOOTER].startswith("word/footer")
    assert located[built.TEXT_BOX].startswith("word/document.xml#")
    assert document.locators[_paragraph(document, built.FOOTNOTE)].startswith("word/footnotes.xml#")
    assert len(document.tags) == len(document.paragraphs) and document.original is not None
    assert document.notices == ()


def test_formatted_runs_are_paired_tags_around_their_words(document) -> None:  # noqa: ANN001
    index = _paragraph(document, "الوزير")
    text, tags = document.paragraphs[index], document.tags[index]
    by_type = {tag.type: tag for tag in tags.values()}

    for word, kind in (("الوزير", "bold"), ("الدولي", "italic"), ("اليوم", "underline"), ("دمشق", "format")):
        tag = by_type[kind]
        assert tag.kind is TagKind.PAIRED
        opened = text.index(chr(0xE000 + tag.id))
        assert text[opened + 1:text.index(chr(0xE400 + tag.id))] == word
    assert "<w:bCs/>" in by_type["bold"].data and "<w:iCs/>" in by_type["italic"].data
    assert {"colour", "font", "size"} <= set(by_type["format"].label.split(" + "))
    assert by_type["footnote"].kind is TagKind.STANDALONE and "footnoteReference" in by_type["footnote"].data
    assert text.endswith(chr(0xE800 + by_type["footnote"].id))  # the reference stays after the last word


def test_hyperlink_break_tab_image_field_and_text_box(document) -> None:  # noqa: ANN001
    linked = _paragraph(document, built.LINK_TEXT)
    (link,) = document.tags[linked].values()
    assert (link.type, link.label) == ("link", built.LINK_ADDRESS)
    assert plain(document.paragraphs[linked].split(chr(0xE000 + link.id))[1]).startswith(built.LINK_TEXT)

    broken = _paragraph(document, "السطر الأول")
    assert [tag.type for tag in document.tags[broken].values()] == ["break", "tab"]
    assert plain(document.paragraphs[broken]) == "السطر الأولالسطر الثانيبعد الجدولة"  # one paragraph, not three

    boxed = _paragraph(document, "انظر المربع")
    assert [tag.type for tag in document.tags[boxed].values()] == ["image"]  # the box; its text is its own
    field = _paragraph(document, "صفحة")
    assert [(tag.type, tag.label) for tag in document.tags[field].values()] == [("field", "PAGE"), ("field", "")]
    assert plain(document.paragraphs[field]) == "صفحة 1"  # the field's result stays where it is shown
    footnote = _paragraph(document, built.FOOTNOTE)
    assert [tag.type for tag in document.tags[footnote].values()] == ["footnote"]  # the note's own number


def test_a_paragraph_with_only_an_image_is_not_a_segment(document) -> None:  # noqa: ANN001
    assert all(plain(paragraph).strip() for paragraph in document.paragraphs)
    indexes = [int(found.rpartition("#")[2]) for found in document.locators if found.startswith("word/document")]
    assert len(set(range(max(indexes) + 1)) - set(indexes)) == 1  # the picture's paragraph alone is left out


def _run(rsid: str, text: str, lang: str) -> str:
    return (f'<w:r {nsdecls("w")} w:rsidR="{rsid}" w:rsidRPr="{rsid}"><w:rPr><w:rFonts w:hint="cs"/>'
            f'<w:noProof/><w:lang w:val="{lang}" w:bidi="ar-SA"/><w:rtl/></w:rPr>'
            f'<w:t xml:space="preserve">{text}</w:t></w:r>')


def test_runs_differing_only_in_noise_give_no_tags(tmp_path: Path) -> None:
    """Twenty runs that differ in revision ids, language, proofing marks and bookmarks: one plain segment."""
    word = docx.Document()
    paragraph = word.add_paragraph()._p
    words = [f"كلمة{number} " for number in range(20)]
    for number, text in enumerate(words):
        if number % 5 == 0:
            paragraph.append(parse_xml(f'<w:proofErr {nsdecls("w")} w:type="spellStart"/>'))
        if number == 7:
            paragraph.append(parse_xml(f'<w:bookmarkStart {nsdecls("w")} w:id="0" w:name="mark"/>'))
        paragraph.append(parse_xml(_run(f"00{number:06X}", text, "ar-SA" if number % 2 else "en-US")))
        if number == 9:
            paragraph.append(parse_xml(f'<w:bookmarkEnd {nsdecls("w")} w:id="0"/>'))
    path = tmp_path / "noisy.docx"
    word.save(str(path))

    document = read_document(path)

    assert document.paragraphs == ["".join(words).strip()]
    assert document.tags == ({},)


def test_tracked_changes_are_read_accepted_and_comments_aside_with_notices(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    word = docx.Document()
    paragraph = word.add_paragraph()._p
    for markup in (
        '<w:r><w:t xml:space="preserve">نص </w:t></w:r>',
        '<w:ins w:id="1" w:author="محرر" w:date="2026-01-01T00:00:00Z"><w:r><w:t xml:space="preserve">مضاف </w:t>'
        "</w:r></w:ins>",
        '<w:del w:id="2" w:author="محرر" w:date="2026-01-01T00:00:00Z"><w:r><w:delText>محذوف </w:delText></w:r>'
        "</w:del>",
        '<w:commentRangeStart w:id="3"/>', "<w:r><w:t>باق</w:t></w:r>", '<w:commentRangeEnd w:id="3"/>',
        '<w:r><w:commentReference w:id="3"/></w:r>',
    ):
        paragraph.append(parse_xml(re.sub(r"^<([\w:]+)", rf"<\1 {nsdecls('w')}", markup, count=1)))
    path = tmp_path / "changes.docx"
    word.save(str(path))

    document = read_document(path)

    assert document.paragraphs == ["نص مضاف باق"]
    assert document.tags == ({},)
    assert [notice.template.split(":")[0] for notice in document.notices] == [
        "The document has tracked changes", "The document has comments"]

    code, out, _ = run(capsys, "import", path, "--project", tmp_path / "changes.tarjama")
    assert code == 0
    assert "Note: The document has tracked changes: it was imported as it reads with every change accepted" in out


def test_marks_are_numbered_per_paragraph_from_one(document) -> None:  # noqa: ANN001
    for text, tags in zip(document.paragraphs, document.tags, strict=True):
        assert sorted({mark.id for mark in marks(text)}) == sorted(tags) == list(range(1, len(tags) + 1))
