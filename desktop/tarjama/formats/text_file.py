"""Plain-text documents (.txt): decoding whatever encoding a translator's file arrives in, and writing UTF-8.

Arabic news copy reaches translators as UTF-8 (with or without a BOM), as UTF-16 from Windows Notepad, or as
Windows-1256 from older newsroom systems, so reading tries each in order of certainty: a BOM is proof, strict
UTF-8 almost is (legacy bytes rarely form valid UTF-8), and only then is the encoding guessed.
"""

from __future__ import annotations

import codecs
import os
import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import ClassVar

import charset_normalizer

from tarjama.domain import ImportedDocument
from tarjama.errors import QT_TRANSLATE_NOOP, BadInputError, reading

# Longest first: the UTF-32 LE BOM begins with the UTF-16 LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# The legacy encoding Arabic text most often comes in; preferred when a guess between short texts is a tie.
_ARABIC_LEGACY = "cp1256"
# How much worse (charset-normalizer "chaos", 0 = clean) the cp1256 reading may be than the best guess and
# still win because it yields Arabic; a real Cyrillic or Latin file read as cp1256 scores far above this.
_CLOSE_CHAOS = 0.1
# Text files never hold more than a stray control character; above this share the bytes are not text.
_MAX_CONTROL_SHARE = 0.1
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v")
_EMPTY = QT_TRANSLATE_NOOP("Errors", "is empty: there is no text in it to translate")
#: The most a text document may hold: a 500,000-segment project comes from about 100 MB of Arabic.
MAX_TEXT_BYTES = 256 * 1024 * 1024
#: How much an unsized stream (a pipe, a device) is read at a time.
_CHUNK = 1024 * 1024


class TextFormat:
    """Plain text: one paragraph per non-blank line."""

    name: ClassVar[str] = "txt"
    description: ClassVar[str] = "Plain text"
    extensions: ClassVar[tuple[str, ...]] = (".txt",)

    def read(self, path: str | Path) -> ImportedDocument:
        """Decode the file and split it into paragraphs, remembering whether blank lines separated them."""
        path = Path(path)
        data = _read_bytes(path)
        if not data.strip():
            raise BadInputError(path, _EMPTY)
        text = decode_text(path, data)
        paragraphs, separator = split_paragraphs(text)
        if not paragraphs:
            raise BadInputError(path, _EMPTY)
        return ImportedDocument(name=path.name, format=self.name, paragraphs=paragraphs,
                                paragraph_separator=separator)

    def write(self, path: str | Path, paragraphs: Iterable[str], paragraph_separator: str = "\n\n") -> None:
        """Write UTF-8 without a BOM (what every current editor expects), ending with a newline.

        Bytes are written directly so the separator is exactly the one asked for on every platform; paragraphs
        are written as they come, so a long document is never held whole.
        """
        separator = paragraph_separator.encode("utf-8")
        with Path(path).open("wb") as out:
            for number, paragraph in enumerate(paragraphs):
                if number:
                    out.write(separator)
                out.write(paragraph.encode("utf-8"))
            out.write(b"\n")


def _read_bytes(path: Path) -> bytes:
    data = read_limited(path, MAX_TEXT_BYTES, QT_TRANSLATE_NOOP("Errors", "is a folder, not a document; choose a "
                                                                          "file inside it"))
    if data is None:
        raise document_too_large(path, MAX_TEXT_BYTES)
    return data


def document_too_large(path: Path, limit: int) -> BadInputError:
    """A document file holding more than `limit` bytes (or a device or pipe giving more), said alike for every
    format."""
    return BadInputError(path, QT_TRANSLATE_NOOP("Errors", "is larger than {limit} MB, far more than any document "
                                                           "Tarjama reviews; check that it is the right file, or "
                                                           "split it into parts"),
                         limit=limit // (1024 * 1024))


def read_limited(path: Path, limit: int, is_a_folder: str) -> bytes | None:
    """The file's bytes, or None when it holds more than `limit`; never reads more than `limit` + 1 bytes.

    A file a translator picks may be a device or a pipe (`/dev/zero`, a FIFO) that never ends and whose size the
    system gives as 0, so the size is only a first check: the reading itself stops one byte past the limit.
    `is_a_folder` is the marked problem for a folder given where a file was wanted (see `errors.reading`).
    """
    with reading(path, is_a_folder), path.open("rb") as file:
        size = os.fstat(file.fileno()).st_size
        if size > limit:
            return None
        first = file.read(size + 1) if size else b""  # a regular file in one read, one byte more to see its end
        chunks, total = [first], len(first)
        while total <= limit:
            chunk = file.read(min(_CHUNK, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    if total > limit:
        return None
    return first if len(chunks) == 1 else b"".join(chunks)


def decode_text(path: Path, data: bytes) -> str:
    """Return the file's text, or explain why it is not text we can read."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _check_text(path, _decode_strict(path, data[len(bom):], encoding))
    if b"\x00" in data:
        raise _not_text(path)
    try:
        return _check_text(path, data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    return _check_text(path, _guess_decode(path, data))


def _decode_strict(path: Path, data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        label = encoding.upper().replace("-LE", "").replace("-BE", "")
        raise BadInputError(path, QT_TRANSLATE_NOOP("Errors", "starts with a {label} marker but is not valid {label} "
                                                              "text; it may be damaged — open it in a text editor "
                                                              "and save it again as UTF-8"),
                            label=label) from exc


def _guess_decode(path: Path, data: bytes) -> str:
    """Guess a legacy encoding with charset-normalizer, preferring Windows-1256 when the evidence is a tie.

    charset-normalizer ranks encodings by how clean the decoded text looks. For a few short Arabic lines
    many single-byte and CJK code pages look equally clean (all score 0), and it may pick one that turns
    Arabic into Japanese. This app only imports Arabic sources, so when the best guess does not read as
    Arabic but the Windows-1256 reading does, and is about as clean, the Arabic reading wins.
    """
    best = charset_normalizer.from_bytes(data).best()
    if best is not None and mostly_arabic(str(best)):
        return str(best)
    arabic = charset_normalizer.from_bytes(data, cp_isolation=[_ARABIC_LEGACY]).best()
    if arabic is not None and mostly_arabic(str(arabic)) and (
        best is None or arabic.chaos <= best.chaos + _CLOSE_CHAOS
    ):
        return str(arabic)
    if best is None:
        raise BadInputError(path, QT_TRANSLATE_NOOP("Errors", "is in a text encoding that could not be recognised; "
                                                              "open it in a text editor and save it as UTF-8"))
    return str(best)


def mostly_arabic(text: str) -> bool:
    """True when most letters are Arabic base letters.

    Presentation forms (U+FB50–U+FEFF) do not count: real text uses base letters, and the presentation forms
    are what visual legacy code pages (cp864, cp1006) produce when misapplied to Windows-1256 bytes.
    """
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return False
    arabic = sum(1 for ch in letters if "\u0600" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u077f"
                 or "\u08a0" <= ch <= "\u08ff")
    return arabic * 2 > len(letters)


def _check_text(path: Path, text: str) -> str:
    """Reject decoded bytes that are mostly control characters: they came from a binary file, not text."""
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in _ALLOWED_CONTROLS)
    if text and controls > len(text) * _MAX_CONTROL_SHARE:
        raise _not_text(path)
    return text


def _not_text(path: Path) -> BadInputError:
    return BadInputError(path, QT_TRANSLATE_NOOP("Errors", "is not a text file (it contains binary data); if it is "
                                                           "a document from another program, save it from there as "
                                                           "plain text (.txt, UTF-8) or as .docx"))



def split_paragraphs(text: str) -> tuple[list[str], str]:
    """Each non-blank line is a paragraph; the separator is a blank line if most gaps between them had one.

    `str.splitlines` breaks on every Unicode line ending, including CRLF, U+2028 and U+2029, so files from any
    platform split the same way. A file with a single paragraph has no gaps and keeps the blank-line default.
    """
    paragraphs: list[str] = []
    gaps_with_blank = 0
    blank_since_last = False
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            blank_since_last = bool(paragraphs)
            continue
        if paragraphs and blank_since_last:
            gaps_with_blank += 1
        paragraphs.append(stripped)
        blank_since_last = False
    gaps = len(paragraphs) - 1
    separator = "\n\n" if gaps == 0 or gaps_with_blank * 2 >= gaps else "\n"
    return paragraphs, separator
