"""Reading and writing source documents: every encoding translators send, every way a file can be unusable."""

from __future__ import annotations

import codecs
import os
import random
import threading
import zipfile
from pathlib import Path

import docx
import pytest

from disk_conditions import feed_fifo
from tarjama.errors import BadInputError
from tarjama.formats import (
    DocxFormat,
    TextFormat,
    format_for,
    read_document,
    supported_extensions,
    text_file,
    write_document,
)
from tarjama.formats.text_file import mostly_arabic, split_paragraphs
from tarjama.inline_tags import TagKind, standalone_mark

ARTICLE = [
    "الحكومة تعلن خطة «الطوارئ» لمواجهة ارتفاع الأسعار",
    "أعلن رئيس الوزراء يوم الثلاثاء عن خطة جديدة بقيمة 350 مليون دينار لدعم الأسر ذات الدخل المحدود.",
    "وقال المتحدث باسم الحكومة إن «الخطة ستدخل حيز التنفيذ في الأول من آذار»، مؤكداً أن 12 وزارة ستشارك فيها.",
    "وأشار التقرير إلى أن نسبة التضخم بلغت 7.5 في المئة خلال العام الماضي، وهي الأعلى منذ عام 2008.",
]

SHORT_ARABIC = ["من جانبها، أعلنت الوزارة أن الاجتماع تأجل.", "وقال مصدر إن «المفاوضات مستمرة»."]


def _write_text(
    path: Path, paragraphs: list[str], encoding: str, bom: bytes = b"", sep: str = "\n\n"
) -> Path:
    """Write like an editor would: paragraphs joined by `sep`, then one final line ending."""
    end = "\r\n" if sep.endswith("\r\n") else "\n"
    path.write_bytes(bom + (sep.join(paragraphs) + end).encode(encoding))
    return path


def _assert_bad(path: Path, word: str) -> None:
    with pytest.raises(BadInputError) as caught:
        read_document(path)
    message = str(caught.value)
    assert path.name in message
    assert word in message.lower()


# --- plain text: encodings ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [
        ("utf-8", b""),
        ("utf-8", codecs.BOM_UTF8),
        ("utf-16-le", codecs.BOM_UTF16_LE),
        ("utf-16-be", codecs.BOM_UTF16_BE),
        ("cp1256", b""),
    ],
    ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "windows-1256"],
)
@pytest.mark.parametrize(
    "paragraphs", [ARTICLE, SHORT_ARABIC, ARTICLE[:1]], ids=["article", "short", "headline"]
)
def test_text_encodings_round_trip(tmp_path: Path, encoding: str, bom: bytes, paragraphs: list[str]) -> None:
    path = _write_text(tmp_path / "خبر.txt", paragraphs, encoding, bom)

    document = read_document(path)

    assert document.paragraphs == paragraphs
    assert document.paragraph_separator == "\n\n"
    assert document.name == "خبر.txt"
    assert document.format == "txt"


@pytest.mark.parametrize("text", ["سوريا", "في 27 شباط", "من جانبها،", "نعم", "وأفاد مصدر،"])
def test_very_short_windows_1256_is_read_as_arabic(tmp_path: Path, text: str) -> None:
    """charset-normalizer alone reads these as Japanese or Chinese; the Arabic tie-break must win."""
    path = tmp_path / "short.txt"
    path.write_bytes(text.encode("cp1256"))

    assert read_document(path).paragraphs == [text]


def test_latin_legacy_text_is_not_forced_into_arabic(tmp_path: Path) -> None:
    text = "Le président a déclaré mardi que les négociations se poursuivront à Genève."
    path = tmp_path / "fr.txt"
    path.write_bytes(text.encode("cp1252"))

    # charset-normalizer may pick cp1250 over cp1252 for one line (à -> ŕ); what matters here is that the
    # Arabic tie-break leaves Latin text Latin.
    (read,) = read_document(path).paragraphs
    assert read.startswith("Le président a déclaré mardi")
    assert not mostly_arabic(read)


def test_cyrillic_legacy_text_is_not_forced_into_arabic(tmp_path: Path) -> None:
    text = "Президент России заявил во вторник, что переговоры продолжатся в Женеве."
    path = tmp_path / "ru.txt"
    path.write_bytes(text.encode("cp1251"))

    assert read_document(path).paragraphs == [text]


# --- plain text: lines and separators -----------------------------------------------------------------------


def test_crlf_and_surrounding_whitespace(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    text = "  " + ARTICLE[0] + " \r\n\r\n\t" + ARTICLE[1] + "\r\n\r\n" + ARTICLE[2] + "\r\n"
    path.write_bytes(text.encode())

    document = read_document(path)

    assert document.paragraphs == ARTICLE[:3]
    assert document.paragraph_separator == "\n\n"


def test_single_newlines_give_single_newline_separator(tmp_path: Path) -> None:
    path = _write_text(tmp_path / "lines.txt", ARTICLE, "utf-8", sep="\n")

    document = read_document(path)

    assert document.paragraphs == ARTICLE
    assert document.paragraph_separator == "\n"


def test_crlf_single_lines(tmp_path: Path) -> None:
    path = _write_text(tmp_path / "lines.txt", ARTICLE, "utf-8", sep="\r\n")

    assert read_document(path).paragraph_separator == "\n"


def test_several_blank_lines_count_as_one_gap(tmp_path: Path) -> None:
    path = tmp_path / "gaps.txt"
    path.write_text("\n\n" + ARTICLE[0] + "\n\n\n\n" + ARTICLE[1] + "\n \n", encoding="utf-8")

    document = read_document(path)

    assert document.paragraphs == ARTICLE[:2]
    assert document.paragraph_separator == "\n\n"


def test_unicode_line_and_paragraph_separators_break_lines() -> None:
    paragraphs, separator = split_paragraphs(f"{ARTICLE[0]}\u2028{ARTICLE[1]}\u2029{ARTICLE[2]}")

    assert paragraphs == ARTICLE[:3]
    assert separator == "\n"


def test_separator_follows_most_gaps() -> None:
    text = "\n\n".join(ARTICLE[:3]) + "\n" + ARTICLE[3]

    assert split_paragraphs(text) == (ARTICLE, "\n\n")
    assert split_paragraphs("\n".join(ARTICLE[:3]) + "\n\n" + ARTICLE[3])[1] == "\n"


@pytest.mark.parametrize("separator", ["\n\n", "\n"])
def test_text_write_then_read(tmp_path: Path, separator: str) -> None:
    path = tmp_path / "out.txt"
    english = ["Government announces plan", "The prime minister said that 350 million would be spent."]

    write_document(path, english, separator)

    assert path.read_bytes() == (separator.join(english) + "\n").encode("utf-8")
    document = read_document(path)
    assert (document.paragraphs, document.paragraph_separator) == (english, separator)


def test_arabic_text_write_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "ar.TXT"

    write_document(path, ARTICLE)

    assert not path.read_bytes().startswith(codecs.BOM_UTF8)
    assert read_document(path).paragraphs == ARTICLE


# --- docx ---------------------------------------------------------------------------------------------------


def test_docx_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "out.docx"
    english = ["Government announces «emergency» plan", "Inflation reached 7.5 percent last year."]

    write_document(path, english)
    document = read_document(path)

    assert document.paragraphs == english
    assert document.format == "docx"
    assert document.name == "out.docx"


def test_docx_arabic_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "ar.DOCX"

    write_document(path, ARTICLE)

    assert read_document(path).paragraphs == ARTICLE


def test_docx_skips_empty_paragraphs_and_reads_tables_in_order(tmp_path: Path) -> None:
    word = docx.Document()
    word.add_paragraph("  " + ARTICLE[0] + "  ")
    word.add_paragraph("")
    word.add_paragraph("   ")
    table = word.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "المدينة"
    table.cell(0, 1).text = "عدد السكان"
    table.cell(1, 0).text = "دمشق"
    table.cell(1, 1).text = "2 مليون"
    word.add_paragraph(ARTICLE[1])
    path = tmp_path / "built.docx"
    word.save(str(path))

    document = read_document(path)

    assert document.paragraphs == [ARTICLE[0], "المدينة", "عدد السكان", "دمشق", "2 مليون", ARTICLE[1]]


def test_docx_merged_cell_is_read_once(tmp_path: Path) -> None:
    word = docx.Document()
    table = word.add_table(rows=2, cols=2)
    merged = table.cell(0, 0).merge(table.cell(0, 1))
    merged.text = "عنوان الجدول"
    table.cell(1, 0).text = "أ"
    table.cell(1, 1).text = "ب"
    path = tmp_path / "merged.docx"
    word.save(str(path))

    assert read_document(path).paragraphs == ["عنوان الجدول", "أ", "ب"]


def test_docx_line_break_is_a_tag_inside_its_paragraph(tmp_path: Path) -> None:
    """A manual line break (Shift+Enter) no longer splits the paragraph: it is a standalone tag, so the export can
    put it back where it was (it used to split like a line in a .txt, and the break was lost)."""
    word = docx.Document()
    paragraph = word.add_paragraph(ARTICLE[0])
    paragraph.add_run().add_break()
    paragraph.add_run(ARTICLE[1])
    path = tmp_path / "breaks.docx"
    word.save(str(path))

    document = read_document(path)

    assert document.paragraphs == [ARTICLE[0] + standalone_mark(1) + ARTICLE[1]]
    assert [(tag.type, tag.kind) for tag in document.tags[0].values()] == [("break", TagKind.STANDALONE)]


# --- registry -----------------------------------------------------------------------------------------------


def test_registry_by_extension_case_insensitive() -> None:
    assert supported_extensions() == (".txt", ".docx", ".xlf", ".xliff", ".sdlxliff", ".mqxliff")
    assert isinstance(format_for("a.TXT"), TextFormat)
    assert isinstance(format_for(Path("dir") / "b.DocX"), DocxFormat)


# --- bad input ----------------------------------------------------------------------------------------------


def test_empty_text_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    _assert_bad(path, "empty")


@pytest.mark.parametrize(
    "content",
    [b"  \n\t\r\n  \n", codecs.BOM_UTF8 + b"\n \n", codecs.BOM_UTF16_LE + " \n\u2029 ".encode("utf-16-le")],
    ids=["ascii", "utf8-bom", "utf16-bom"],
)
def test_whitespace_only_text_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "blank.txt"
    path.write_bytes(content)
    _assert_bad(path, "empty")


def test_png_is_not_text(tmp_path: Path) -> None:
    path = tmp_path / "picture.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00")
    _assert_bad(path, "not a text file")


def test_random_bytes_with_nuls_are_not_text(tmp_path: Path) -> None:
    path = tmp_path / "noise.txt"
    path.write_bytes(random.Random(7).randbytes(2000) + b"\x00\x00")
    _assert_bad(path, "not a text file")


def test_control_characters_are_not_text(tmp_path: Path) -> None:
    path = tmp_path / "controls.txt"
    path.write_bytes(bytes(range(1, 9)) * 50 + "خبر".encode())
    _assert_bad(path, "not a text file")


_UTF8 = "\n".join(ARTICLE).encode("utf-8")


@pytest.mark.parametrize(
    "content",
    [
        _UTF8[:51] + b"\xff" + _UTF8[51:],
        _UTF8 + "\n".join(ARTICLE).encode("cp1256"),
        bytes(b for i, b in enumerate(_UTF8) if i % 7),
        b"ok text " + b"\x81\x8d\x8f\x90\x9d\xff\xfe\xc0\xc1" * 5,
    ],
    ids=["utf8-stray-byte", "utf8-then-cp1256", "utf8-bytes-lost", "ascii-then-garbage"],
)
def test_undecodable_bytes(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "garbled.txt"
    path.write_bytes(content)
    _assert_bad(path, "could not be recognised")


def test_bom_with_invalid_utf8(tmp_path: Path) -> None:
    path = tmp_path / "broken.txt"
    path.write_bytes(codecs.BOM_UTF8 + "خبر".encode() + b"\xff\xfe\xc0")
    _assert_bad(path, "utf-8")


def test_unknown_extension(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(b"%PDF-1.7\n")
    _assert_bad(path, ".pdf")
    with pytest.raises(BadInputError) as caught:
        read_document(path)
    assert ".txt" in str(caught.value) and ".docx" in str(caught.value)


def test_no_extension(tmp_path: Path) -> None:
    path = tmp_path / "README"
    path.write_text("نص", encoding="utf-8")
    _assert_bad(path, "no extension")


def test_write_unknown_extension(tmp_path: Path) -> None:
    with pytest.raises(BadInputError, match="out.pdf"):
        write_document(tmp_path / "out.pdf", ["x"])
    assert not (tmp_path / "out.pdf").exists()


def test_missing_file(tmp_path: Path) -> None:
    _assert_bad(tmp_path / "gone.txt", "not found")


def test_folder_named_like_a_document(tmp_path: Path) -> None:
    folder = tmp_path / "folder.docx"
    folder.mkdir()
    _assert_bad(folder, "folder")


def test_an_endless_text_document_is_read_only_to_just_past_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A FIFO (like /dev/zero, its size is 0) used to be called a folder, or read until memory ran out; it is read
    now to one byte past the (here lowered) limit, then closed, which the writer sees as a broken pipe."""
    monkeypatch.setattr(text_file, "MAX_TEXT_BYTES", 2 * 1024 * 1024)
    fifo = tmp_path / "endless.txt"
    os.mkfifo(fifo)
    written = [0]

    chunk = "خبر عاجل\n".encode() * 10_000
    feeder = threading.Thread(target=feed_fifo, args=(fifo, chunk, 64 * 1024 * 1024, written), daemon=True)
    feeder.start()
    try:
        with pytest.raises(BadInputError) as caught:
            read_document(fifo)
    finally:
        feeder.join(30)
    assert str(caught.value) == (f"{fifo}: is larger than 2 MB, far more than any document Tarjama reviews; check "
                                 "that it is the right file, or split it into parts")
    assert written[0] < 4 * 1024 * 1024


def test_text_and_docx_writers_take_paragraphs_as_they_come(tmp_path: Path) -> None:
    """A generator, consumed once: the export hands paragraphs over one at a time."""
    for name in ("out.txt", "out.docx"):
        write_document(tmp_path / name, (text for text in ARTICLE), "\n")
        assert read_document(tmp_path / name).paragraphs == ARTICLE
    assert (tmp_path / "out.txt").read_bytes() == ("\n".join(ARTICLE) + "\n").encode()


def test_docx_that_is_not_a_zip(tmp_path: Path) -> None:
    path = tmp_path / "old.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100)  # an old binary .doc header
    _assert_bad(path, "not a word document (.docx)")


def test_docx_that_is_text(tmp_path: Path) -> None:
    path = tmp_path / "renamed.docx"
    path.write_text(ARTICLE[0], encoding="utf-8")
    _assert_bad(path, "not a word document")


def test_zip_that_is_not_a_docx(tmp_path: Path) -> None:
    path = tmp_path / "archive.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("notes.txt", "not a word document")
    _assert_bad(path, "not a valid word document")


def test_docx_with_broken_xml(tmp_path: Path) -> None:
    good = tmp_path / "good.docx"
    docx.Document().save(str(good))
    path = tmp_path / "damaged.docx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            target.writestr(item, b"<w:document" if item.filename == "word/document.xml" else data)
    _assert_bad(path, "not a valid word document")


def test_docx_without_text(tmp_path: Path) -> None:
    word = docx.Document()
    word.add_paragraph("")
    word.add_table(rows=1, cols=2)
    path = tmp_path / "blank.docx"
    word.save(str(path))
    _assert_bad(path, "empty")


def test_empty_docx_file(tmp_path: Path) -> None:
    path = tmp_path / "zero.docx"
    path.write_bytes(b"")
    _assert_bad(path, "empty")


# --- the shared article -------------------------------------------------------------------------------------


def test_shared_article(shared_article: Path) -> None:
    document = read_document(shared_article)

    assert len(document.paragraphs) == 30  # headline, 27 body paragraphs, 2 lines of site boilerplate
    assert document.paragraphs[0].startswith("موسكو و واشنطن تعلنان")
    assert document.paragraphs[-2:] == ["اترك تعليقاً", "زر الذهاب إلى الأعلى"]
    assert document.paragraph_separator == "\n\n"
    assert all(p == p.strip() and "\n" not in p for p in document.paragraphs)
