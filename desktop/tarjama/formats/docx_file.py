"""Word documents (.docx) through python-docx: every paragraph with text, its formatting as inline tags, and the
translation written back into a copy of the original; a plain English document out for a project that was not one.

Read: the body (table cells too, in order), footnotes and endnotes, headers and footers, each with its text boxes
(python-docx finds the parts through the package's relationships; the parts themselves are read with lxml,
`docx_xml`). Each paragraph with text is one project paragraph: its coded text and tags (`docx_runs`) and a locator
naming its part and its index there; a paragraph with no text (an image alone) stays as it is in the original.
Tracked changes are read accepted and comments left aside, and the translator is told so (`notices`).

Write: `rebuild` puts each translated paragraph back in place (`docx_rebuild`); `write` makes a fresh document.

A .docx is a zip from somewhere else, and a few kilobytes of it can inflate to gigabytes (a "zip bomb"). Before
python-docx parses anything, the members' declared sizes are added up and every member is inflated once in small
chunks, counting the bytes it really gives (a declared size can lie); a package expanding to more than
`MAX_EXPANDED_BYTES`, or using a compression Word never writes, is refused without holding more than a chunk.

The fresh writer streams: python-docx's own default package (styles, settings, theme... as python-docx saves an empty
document) is copied part by part, and `word/document.xml` is written paragraph by paragraph into its zip entry with
exactly the markup `Document.add_paragraph` gives, so Word and LibreOffice open it as before while time grows
linearly with the paragraphs and memory does not grow at all (python-docx's `add_paragraph` searches the body for
its section properties on every call, which made 200,000 paragraphs take 750 s and gigabytes).
"""

from __future__ import annotations

import copy
import functools
import io
import re
import time
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import ClassVar

import docx
from docx.document import Document as WordDocument
from docx.opc.constants import RELATIONSHIP_TYPE

from tarjama.domain import ImportedDocument
from tarjama.errors import QT_TRANSLATE_NOOP, BadInputError, Message
from tarjama.formats.docx_rebuild import rebuild_docx
from tarjama.formats.docx_runs import read_paragraph
from tarjama.formats.docx_xml import locator, parse_part, part_paragraphs
from tarjama.formats.interface import TranslatedParagraph
from tarjama.formats.text_file import document_too_large, read_limited
from tarjama.inline_tags import TagTable, plain

#: The most a .docx may expand to (all its parts, uncompressed). A long report with its photos is a few tens of
#: megabytes; python-docx holds every part in memory and its XML tree takes several times the XML's size.
MAX_EXPANDED_BYTES = 256 * 1024 * 1024
#: The most a .docx file itself may hold: nothing compresses below 1:1 that Word would write.
MAX_FILE_BYTES = MAX_EXPANDED_BYTES
_CHUNK = 64 * 1024
#: What Word, LibreOffice and python-docx write; anything else (bzip2, LZMA) can inflate unboundedly in one read.
_WORD_COMPRESSIONS = frozenset({zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED})
_DOCUMENT_PART = "word/document.xml"
_BODY_START = "<w:body>"
# Characters XML 1.0 cannot hold (C0 controls but tab, LF and CR; lone surrogates; U+FFFE, U+FFFF), but for the
# vertical tab and form feed, Word's own line and page breaks in plain text, which become line breaks.
_NOT_XML = re.compile("[\x00-\x08\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_RUN_BREAKS = re.compile("([\t\r\n\x0b\x0c])")
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
_BREAK_MARKUP = {"\t": "<w:tab/>", "\r": "<w:br/>", "\n": "<w:br/>", "\x0b": "<w:br/>", "\x0c": "<w:br/>"}
#: The parts besides the body that hold text to translate, in the order their paragraphs come in the project.
_TEXT_PARTS = (RELATIONSHIP_TYPE.FOOTNOTES, RELATIONSHIP_TYPE.ENDNOTES, RELATIONSHIP_TYPE.HEADER,
               RELATIONSHIP_TYPE.FOOTER)
_TRACKED_CHANGES = Message(QT_TRANSLATE_NOOP("Errors", "The document has tracked changes: it was imported as it "
                                                       "reads with every change accepted, and the translation is "
                                                       "written that way."))
_COMMENTS = Message(QT_TRANSLATE_NOOP("Errors", "The document has comments: they are not shown for translation, "
                                                "and the translated document keeps them on their paragraphs."))


class DocxFormat:
    """Word 2007+ documents; each paragraph with text becomes a paragraph, its formatting inline tags, and the
    translation is rebuilt from the original."""

    name: ClassVar[str] = "docx"
    description: ClassVar[str] = "Word document"
    extensions: ClassVar[tuple[str, ...]] = (".docx",)

    def read(self, path: str | Path) -> ImportedDocument:
        """Every paragraph with text, in the order of `_TEXT_PARTS` after the body, stripped, with its tags."""
        path = Path(path)
        data, document = _open(path)
        paragraphs: list[str] = []
        tables: list[TagTable] = []
        locators: list[str] = []
        changes = comments = False
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            for part_name, links in _text_parts(document):
                try:
                    found = part_paragraphs(parse_part(package.read(part_name)))
                except Exception as exc:  # a part python-docx did not parse itself (a footnote part) is damaged
                    raise _damaged(path) from exc
                for index, paragraph in enumerate(found):
                    reading = read_paragraph(paragraph, links)
                    changes, comments = changes or reading.changes, comments or reading.comments
                    text = reading.text.strip()
                    if plain(text).strip():  # text besides tags: an image alone is left as it is
                        paragraphs.append(text)
                        tables.append(reading.tags)
                        locators.append(locator(part_name, index))
        if not paragraphs:
            raise BadInputError(path, QT_TRANSLATE_NOOP("Errors", "is empty: the Word document contains no text to "
                                                                  "translate"))
        notices = tuple(notice for notice, found in ((_TRACKED_CHANGES, changes), (_COMMENTS, comments)) if found)
        return ImportedDocument(name=path.name, format=self.name, paragraphs=paragraphs, paragraph_separator="\n\n",
                                tags=tuple(tables), locators=tuple(locators), original=data, notices=notices)

    def rebuild(self, path: str | Path, original: bytes, paragraphs: Iterable[TranslatedParagraph]) -> None:
        """The original with each paragraph's text and tags in its place (`tarjama.formats.docx_rebuild`)."""
        rebuild_docx(original, path, paragraphs)

    def write(self, path: str | Path, paragraphs: Iterable[str], paragraph_separator: str = "\n\n") -> None:
        """Write a fresh document, one Word paragraph per item, streaming: see the module docstring.

        The separator is not needed: Word paragraphs carry their own spacing. The default template is
        left-to-right, which is what the English target needs, so no direction is set. Characters XML cannot hold
        (NUL and other C0 controls pasted from elsewhere) are left out, as Word could not open the file with them;
        a vertical tab or form feed (Word's own line and page break in plain text) becomes a line break.
        """
        parts, head, tail = _template()
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
            for name, data in parts:
                if name != _DOCUMENT_PART:
                    package.writestr(name, data)
                    continue
                with package.open(_member(name), "w") as raw, io.TextIOWrapper(raw, encoding="utf-8") as out:
                    out.write(head)
                    for text in paragraphs:
                        out.write(paragraph_xml(text))
                    out.write(tail)


def paragraph_xml(text: str) -> str:
    """The markup python-docx's `add_paragraph(text)` gives: one run, a `<w:tab/>` per tab and a `<w:br/>` per
    line end (and vertical tab or form feed), `xml:space="preserve"` on a text with whitespace at either end; no
    run for an empty text."""
    text = _NOT_XML.sub("", text)
    if not text:
        return "<w:p/>"
    pieces = []
    for piece in _RUN_BREAKS.split(text):
        if piece in _BREAK_MARKUP:
            pieces.append(_BREAK_MARKUP[piece])
        elif piece:
            space = ' xml:space="preserve"' if len(piece.strip()) < len(piece) else ""
            pieces.append(f"<w:t{space}>{piece.translate(_ESCAPES)}</w:t>")
    return "<w:p><w:r>" + "".join(pieces) + "</w:r></w:p>"


def _member(name: str) -> zipfile.ZipInfo:
    """A zip entry stamped as `ZipFile.writestr` stamps those python-docx writes (now, deflated, rw-------)."""
    info = zipfile.ZipInfo(name, date_time=time.localtime()[:6])
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o600 << 16
    return info


@functools.cache
def _template() -> tuple[tuple[tuple[str, bytes], ...], str, str]:
    """The parts of the package python-docx saves for an empty document, in its order, and its `document.xml`
    cut at the body's start: what comes before the paragraphs and what after (the section properties)."""
    saved = io.BytesIO()
    docx.Document().save(saved)
    with zipfile.ZipFile(saved) as package:
        parts = tuple((info.filename, package.read(info)) for info in package.infolist())
    document = dict(parts)[_DOCUMENT_PART].decode("utf-8")
    head, found, tail = document.partition(_BODY_START)
    if not found or _BODY_START in tail:
        raise RuntimeError(f"python-docx's {_DOCUMENT_PART} has no single {_BODY_START}: update the writer")
    return parts, head + found, tail


def _open(path: Path) -> tuple[bytes, WordDocument]:
    """The file's bytes and the document python-docx loads from them, or say, in a translator's terms, why it is
    not one."""
    data = read_limited(path, MAX_FILE_BYTES, QT_TRANSLATE_NOOP("Errors", "is a folder, not a document; choose a "
                                                                          "file inside it"))
    if data is None:
        raise document_too_large(path, MAX_FILE_BYTES)
    if not data:
        raise BadInputError(path, QT_TRANSLATE_NOOP("Errors", "is empty: the file has no content at all"))
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise BadInputError(path, QT_TRANSLATE_NOOP("Errors", "is not a Word document (.docx); if it is an old .doc "
                                                              "file or another format, open it in Word and save it "
                                                              "as .docx"))
    try:
        _check_expansion(path, data)
        return data, docx.Document(io.BytesIO(data))
    except BadInputError:
        raise
    except Exception as exc:  # any failure of the parser on these bytes means the file is unusable
        raise _damaged(path) from exc


def _text_parts(document: WordDocument) -> list[tuple[str, dict[str, str]]]:
    """The parts holding text, body first, each once, as (name in the zip, its hyperlinks' addresses by id)."""
    main = document.part
    parts = [main, *(rel.target_part for reltype in _TEXT_PARTS for rel in main.rels.values()
                     if rel.reltype == reltype and not rel.is_external)]
    named = {str(part.partname).lstrip("/"): part for part in parts}
    return [(name, {rel_id: rel.target_ref for rel_id, rel in part.rels.items() if rel.is_external})
            for name, part in named.items()]


def _check_expansion(path: Path, data: bytes) -> None:
    """Refuse a package expanding to more than MAX_EXPANDED_BYTES, by its declared sizes and then by inflating
    each member in chunks and counting; a member that inflates to other than it declares is damaged."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        members = package.infolist()
        if any(info.compress_type not in _WORD_COMPRESSIONS for info in members):
            raise _damaged(path)
        if sum(info.file_size for info in members) > MAX_EXPANDED_BYTES:
            raise _too_large(path)
        inflated = 0
        for info in members:
            inflated += _inflated_size(path, package, info, MAX_EXPANDED_BYTES - inflated)
            if inflated > MAX_EXPANDED_BYTES:
                raise _too_large(path)


def _inflated_size(path: Path, package: zipfile.ZipFile, info: zipfile.ZipInfo, room: int) -> int:
    """How many bytes the member really inflates to, counted in chunks and stopping once past `room`.

    `zipfile` stops a member at its declared size, so the member is opened through a copy of its entry that
    claims more than the room left (by a chunk, so that stopping there is not taken for the member's end, whose
    CRC it checks): what it gives past its declaration is counted too, not cut off."""
    unbounded = copy.copy(info)
    unbounded.file_size = room + _CHUNK + 1
    size = 0
    with package.open(unbounded) as member:
        while size <= room and (chunk := member.read(_CHUNK)):
            size += len(chunk)
    if size <= room and size != info.file_size:
        raise _damaged(path)
    return size


def _too_large(path: Path) -> BadInputError:
    return BadInputError(path, QT_TRANSLATE_NOOP("Errors", "expands to more than {limit} MB, far more than any "
                                                           "article or report; it may be a damaged or malicious "
                                                           "file — open it in Word, check it and save it again"),
                         limit=MAX_EXPANDED_BYTES // (1024 * 1024))


def _damaged(path: Path) -> BadInputError:
    return BadInputError(path, QT_TRANSLATE_NOOP("Errors", "is not a valid Word document (.docx): it may be "
                                                           "damaged or be another kind of archive; open it in "
                                                           "Word and save it as .docx again"))
