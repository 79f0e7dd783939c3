"""Word documents (.docx) through python-docx: the body text in reading order, a plain English document out.

Only the main body is read (paragraphs and table cells, in the order they appear); headers, footers, footnotes
and text boxes are page furniture a news translator does not review here.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import docx
from docx.document import Document as WordDocument
from docx.table import Table
from docx.text.paragraph import Paragraph

from tarjama.domain import ImportedDocument
from tarjama.errors import QT_TRANSLATE_NOOP, BadInputError, unreadable


class DocxFormat:
    """Word 2007+ documents; each non-empty paragraph (or line within one) becomes a paragraph."""

    name: ClassVar[str] = "docx"
    description: ClassVar[str] = "Word document"
    extensions: ClassVar[tuple[str, ...]] = (".docx",)

    def read(self, path: str | Path) -> ImportedDocument:
        """Read the body's paragraphs and table cells in document order, stripped, skipping empty ones."""
        path = Path(path)
        document = _open(path)
        paragraphs = [
            line.strip()
            for text in _body_texts(document.iter_inner_content())
            for line in text.splitlines()  # a manual line break (Shift+Enter) splits like a line in a .txt
            if line.strip()
        ]
        if not paragraphs:
            raise BadInputError(path, QT_TRANSLATE_NOOP("Errors", "is empty: the Word document contains no text to "
                                                                  "translate"))
        return ImportedDocument(name=path.name, format=self.name, paragraphs=paragraphs,
                                paragraph_separator="\n\n")

    def write(self, path: str | Path, paragraphs: list[str], paragraph_separator: str = "\n\n") -> None:
        """Write a fresh document, one Word paragraph per item.

        The separator is not needed: Word paragraphs carry their own spacing. The default template is
        left-to-right, which is what the English target needs, so no direction is set.
        """
        document = docx.Document()
        for text in paragraphs:
            document.add_paragraph(text)
        document.save(str(path))


def _open(path: Path) -> WordDocument:
    """Load the document or say, in a translator's terms, why it is not one."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise unreadable(path, exc) from exc
    if not data:
        raise BadInputError(path, QT_TRANSLATE_NOOP("Errors", "is empty: the file has no content at all"))
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise BadInputError(path, QT_TRANSLATE_NOOP("Errors", "is not a Word document (.docx); if it is an old .doc "
                                                              "file or another format, open it in Word and save it "
                                                              "as .docx"))
    try:
        return docx.Document(io.BytesIO(data))
    except Exception as exc:  # any failure of the parser on these bytes means the file is unusable
        raise BadInputError(path, QT_TRANSLATE_NOOP("Errors", "is not a valid Word document (.docx): it may be "
                                                              "damaged or be another kind of archive; open it in "
                                                              "Word and save it as .docx again")) from exc



def _body_texts(blocks: Iterator[Paragraph | Table]) -> Iterator[str]:
    """Yield the text of each paragraph, descending into tables (and tables within cells) in order."""
    for block in blocks:
        if isinstance(block, Paragraph):
            yield block.text
        else:
            yield from _table_texts(block)


def _table_texts(table: Table) -> Iterator[str]:
    """Yield cell texts row by row; a merged cell appears in every row/column it spans, so it is read once."""
    seen: dict[int, object] = {}  # id -> the cell's XML element, kept alive here so its id stays unique
    for row in table.rows:
        for cell in row.cells:
            if id(cell._tc) in seen:
                continue
            seen[id(cell._tc)] = cell._tc
            yield from _body_texts(cell.iter_inner_content())
