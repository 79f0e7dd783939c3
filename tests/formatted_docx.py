"""Formatted Arabic Word documents built with python-docx for the .docx tag tests and the benchmark: a heading,
bold/italic/underline runs with their complex-script twins and `w:rtl`, colour, size and font, a hyperlink, a line
break and a tab, bulleted and numbered lists, a 2×2 right-to-left table, a footnote (python-docx has no API for
notes: the part is added as XML), a header and a footer, a text box, an image and a field; and a way to read any
paragraph's runs back as a canonical stream, to compare an export's formatting with its source's."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import docx
from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Pt
from docx.text.paragraph import Paragraph
from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
HEADING = "تقرير الأسبوع"
#: The formatted sentence: (text, run properties) — plain, bold, plain, italic, plain, underlined, coloured.
SENTENCE = [
    ("افتتح ", ""),
    ("الوزير", "<w:b/><w:bCs/>"),
    (" المعرض ", ""),
    ("الدولي", "<w:i/><w:iCs/>"),
    (" للكتاب ", ""),
    ("اليوم", "<w:u w:val=\"single\"/>"),
    (" في ", ""),
    ("دمشق", '<w:rFonts w:cs="Traditional Arabic"/><w:color w:val="1F4E79"/><w:sz w:val="32"/><w:szCs w:val="32"/>'),
]
LINK_TEXT, LINK_ADDRESS = "موقع الوزارة", "https://example.org/ministry"
BULLETS = ["البند الأول", "البند الثاني"]
NUMBERED = ["الخطوة الأولى", "الخطوة الثانية"]
CELLS = [["المدينة", "عدد السكان"], ["دمشق", "مليونان"]]
FOOTNOTE = "المصدر: وزارة الثقافة"
HEADER, FOOTER = "رأس الصفحة", "تذييل الصفحة"
TEXT_BOX = "نص داخل مربع"
RTL = "<w:rtl/>"


def tiny_png() -> bytes:
    """A 2×2 grey PNG, made here so no test reads an image file."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
    rows = b"".join(b"\x00" + b"\x80\x80\x80" * 2 for _ in range(2))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def right_to_left(paragraph: Paragraph) -> Paragraph:
    paragraph._p.get_or_add_pPr().append(parse_xml(f"<w:bidi {nsdecls('w')}/>"))
    return paragraph


def add_run(paragraph: Paragraph, text: str, properties: str = "") -> None:
    """A run with these properties (markup inside `w:rPr`) and `w:rtl`, as Word writes Arabic."""
    run = parse_xml(f'<w:r {nsdecls("w")}><w:rPr>{properties}{RTL}</w:rPr>'
                    f'<w:t xml:space="preserve">{text}</w:t></w:r>')
    paragraph._p.append(run)


def add_hyperlink(paragraph: Paragraph, text: str, address: str) -> None:
    rel_id = paragraph.part.relate_to(address, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    paragraph._p.append(parse_xml(
        f'<w:hyperlink {nsdecls("w", "r")} r:id="{rel_id}"><w:r><w:rPr><w:color w:val="0563C1"/>'
        f'<w:u w:val="single"/>{RTL}</w:rPr><w:t>{text}</w:t></w:r></w:hyperlink>'))


def add_field(paragraph: Paragraph, instruction: str, result: str) -> None:
    for markup in ('<w:fldChar w:fldCharType="begin"/>', f'<w:instrText xml:space="preserve"> {instruction} '
                   '</w:instrText>', '<w:fldChar w:fldCharType="separate"/>', f"<w:t>{result}</w:t>",
                   '<w:fldChar w:fldCharType="end"/>'):
        paragraph._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:rPr>{RTL}</w:rPr>{markup}</w:r>'))


def add_footnotes(document: docx.document.Document, text: str) -> None:
    """The footnotes part, as XML (python-docx has no API for notes), with Word's two separators and one note."""
    xml = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes {nsdecls("w")}>'
           '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
           '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p>'
           '</w:footnote><w:footnote w:id="1"><w:p><w:pPr><w:bidi/></w:pPr><w:r><w:rPr>'
           '<w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>'
           f'<w:r><w:rPr><w:rtl/></w:rPr><w:t xml:space="preserve"> {text}</w:t></w:r></w:p></w:footnote>'
           '</w:footnotes>')
    part = Part(PackURI("/word/footnotes.xml"), CONTENT_TYPE.WML_FOOTNOTES, xml.encode(), document.part.package)
    document.part.relate_to(part, RELATIONSHIP_TYPE.FOOTNOTES)


def footnote_reference() -> str:
    return (f'<w:r {nsdecls("w")}><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
            '<w:footnoteReference w:id="1"/></w:r>')


def text_box(text: str) -> str:
    """A VML text box holding one right-to-left paragraph, inside a run."""
    return (f'<w:r {nsdecls("w")} xmlns:v="urn:schemas-microsoft-com:vml"><w:pict><v:shape style="width:150pt;'
            f'height:40pt"><v:textbox><w:txbxContent><w:p><w:pPr><w:bidi/></w:pPr><w:r><w:rPr>{RTL}</w:rPr>'
            f"<w:t>{text}</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r>")


def formatted_document(image: Path | None = None) -> docx.document.Document:
    """A document with every construct the .docx format keeps (see the module docstring)."""
    document = docx.Document()
    right_to_left(document.add_heading(HEADING, level=1))
    sentence = right_to_left(document.add_paragraph())
    for text, properties in SENTENCE:
        add_run(sentence, text, properties)
    sentence._p.append(parse_xml(footnote_reference()))
    add_footnotes(document, FOOTNOTE)
    linked = right_to_left(document.add_paragraph())
    add_run(linked, "لمزيد من المعلومات زوروا ")
    add_hyperlink(linked, LINK_TEXT, LINK_ADDRESS)
    broken = right_to_left(document.add_paragraph())
    add_run(broken, "السطر الأول")
    broken._p.append(parse_xml(f"<w:r {nsdecls('w')}><w:br/></w:r>"))
    add_run(broken, "السطر الثاني")
    broken._p.append(parse_xml(f"<w:r {nsdecls('w')}><w:tab/></w:r>"))
    add_run(broken, "بعد الجدولة")
    for text in BULLETS:
        right_to_left(document.add_paragraph(text, style="List Bullet"))
    for text in NUMBERED:
        right_to_left(document.add_paragraph(text, style="List Number"))
    table = document.add_table(rows=2, cols=2)
    table._tbl.tblPr.append(parse_xml(f"<w:bidiVisual {nsdecls('w')}/>"))
    for row, texts in zip(table.rows, CELLS, strict=True):
        for cell, text in zip(row.cells, texts, strict=True):
            add_run(right_to_left(cell.paragraphs[0]), text)
    boxed = right_to_left(document.add_paragraph())
    add_run(boxed, "انظر المربع ")
    boxed._p.append(parse_xml(text_box(TEXT_BOX)))
    pictured = right_to_left(document.add_paragraph())
    pictured.add_run().add_picture(str(image) if image else _png_file(), width=Pt(20))
    numbered = right_to_left(document.add_paragraph())
    add_run(numbered, "صفحة ")
    add_field(numbered, "PAGE", "1")
    section = document.sections[0]
    add_run(right_to_left(section.header.paragraphs[0]), HEADER)
    add_run(right_to_left(section.footer.paragraphs[0]), FOOTER)
    return document


def _png_file() -> object:
    import io
    return io.BytesIO(tiny_png())


def save_formatted(path: Path) -> Path:
    formatted_document().save(str(path))
    return path


# -- reading formatting back, to compare ---------------------------------------------------------------------------


def canonical(element: object) -> bytes:
    return etree.tostring(element, method="c14n", exclusive=True)


def run_stream(paragraph: object) -> list[tuple[bytes, bytes, str]]:
    """A paragraph's content as (hyperlink around it, run properties, text or object markup) with neighbouring
    texts of the same properties joined: what a reader sees, whatever the runs' boundaries."""
    stream: list[tuple[bytes, bytes, str]] = []
    w_p, w_r = f"{{{W}}}p", f"{{{W}}}r"
    for run in paragraph.iter(w_r):  # type: ignore[attr-defined]
        if next(run.iterancestors(w_p), None) is not paragraph:
            continue
        link = next(run.iterancestors(f"{{{W}}}hyperlink"), None)
        link_key = b"" if link is None else repr(sorted(link.attrib.items())).encode()
        properties = run.find(f"{{{W}}}rPr")
        key = b"" if properties is None else canonical(properties)
        for child in run:
            if child.tag == f"{{{W}}}rPr":
                continue
            if child.tag == f"{{{W}}}t":
                if stream and stream[-1][:2] == (link_key, key) and not stream[-1][2].startswith("<"):
                    stream[-1] = (link_key, key, stream[-1][2] + (child.text or ""))
                else:
                    stream.append((link_key, key, child.text or ""))
            else:
                stream.append((link_key, key, canonical(child).decode()))
    return stream
