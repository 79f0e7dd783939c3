"""Glossaries as CSV or TSV, the way translators keep term lists in Excel or LibreOffice.

Reading needs a header row; its column names are recognised whatever their case, and with a region for language
codes ("AR-SA", "en_US"):

* the Arabic term: `arabic`, `ar` or `source`;
* the English term(s): `english`, `en` or `target` — several in one cell separated by ";" or "|", preferred first;
* `note` (or `notes`), optional;
* `forbidden`, optional: English variants not to use, separated like the English terms.

Other columns are ignored, and so are blank rows. The text may be UTF-8 with or without a BOM, UTF-16 (Excel's
"Unicode text") or Windows-1256 (`tarjama.formats.text_file.decode_text` decides). The delimiter is the one of tab,
comma and semicolon that makes the header name both an Arabic and an English column, the extension's own (tab for
.tsv, comma otherwise) tried first: Excel in many locales writes .csv files separated by semicolons.

Writing gives UTF-8 with a BOM and CRLF line ends: without the BOM, Excel opens a CSV in the machine's legacy code
page and shows Arabic as gibberish. Several English terms are joined with "; ", so an English term cannot itself
contain ";" or "|".
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from tarjama.domain import GlossaryEntry
from tarjama.errors import QT_TRANSLATE_NOOP, BadInputError, Message
from tarjama.formats.text_file import decode_text
from tarjama.stores.glossary import entry_problem, tidy_entry

__all__ = ["read_glossary_csv", "write_glossary_csv"]

_COLUMN_NAMES = {
    "arabic": "source",
    "ar": "source",
    "source": "source",
    "english": "target",
    "en": "target",
    "target": "target",
    "note": "note",
    "notes": "note",
    "forbidden": "forbidden",
}
_KIND_NAMES = {
    "source": Message(QT_TRANSLATE_NOOP("Errors", "the Arabic term")),
    "target": Message(QT_TRANSLATE_NOOP("Errors", "the English term")),
    "note": Message(QT_TRANSLATE_NOOP("Errors", "the note")),
    "forbidden": Message(QT_TRANSLATE_NOOP("Errors", "the forbidden variants")),
}
_REQUIRED = ("source", "target")
_HEADER = ("arabic", "english", "note", "forbidden")
_TERM_SEPARATOR = re.compile(r"[;|]")
_JOINER = "; "
_DELIMITERS = ("\t", ",", ";")


def _delimiter_first(path: Path) -> str:
    return "\t" if path.suffix.lower() == ".tsv" else ","


def write_glossary_csv(entries: Iterable[GlossaryEntry], delimiter: str) -> bytes:
    """The entries as a CSV (`delimiter` ",") or TSV ("\\t") file's bytes: see the module docstring."""
    text = io.StringIO(newline="")
    writer = csv.writer(text, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(_HEADER)
    for entry in entries:
        writer.writerow((entry.source, _JOINER.join(entry.targets), entry.note, _JOINER.join(entry.forbidden)))
    return text.getvalue().encode("utf-8-sig")


def read_glossary_csv(data: bytes, path: Path) -> Iterator[GlossaryEntry]:
    """The entries of a CSV or TSV glossary, read as they are asked for; `path` names the file in messages.

    A missing column is reported before the first entry; a bad row (no Arabic or no English term) when it is
    reached, naming its line, so an import that consumes this inside its transaction keeps nothing.
    """
    path = Path(path)
    text = decode_text(path, data)
    delimiter = _choose_delimiter(text, _delimiter_first(path))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    header = next(reader, None)
    if header is None or not any(cell.strip() for cell in header):
        raise BadInputError(path, QT_TRANSLATE_NOOP("Errors", "is empty; a glossary needs a header row (arabic, "
                                                              "english, note, forbidden) and one row per term"))
    columns = _columns(path, header)
    return _entries(path, reader, columns)


def _entries(path: Path, reader: Iterator[list[str]], columns: dict[str, int]) -> Iterator[GlossaryEntry]:
    while True:
        line = reader.line_num + 1
        try:
            row = next(reader, None)
        except csv.Error as exc:
            raise BadInputError(path, QT_TRANSLATE_NOOP("Errors", "line {line} cannot be read ({reason}); a quote "
                                                                  "mark may be missing — open the file in a "
                                                                  "spreadsheet and save it again"),
                                line=line, reason=exc) from exc
        if row is None:
            return
        if not any(cell.strip() for cell in row):
            continue
        cells = {kind: row[index] if index < len(row) else "" for kind, index in columns.items()}
        entry = GlossaryEntry(
            source=cells["source"].strip(),
            targets=tuple(_TERM_SEPARATOR.split(cells["target"])),
            note=cells.get("note", "").strip(),
            forbidden=tuple(_TERM_SEPARATOR.split(cells.get("forbidden", ""))),
        )
        problem = entry_problem(entry)
        if problem is not None:
            raise BadInputError(path, QT_TRANSLATE_NOOP("Errors", "line {line}: {problem}; correct the row or "
                                                                  "delete it, then import again"),
                                line=line, problem=problem)
        yield tidy_entry(entry)


def _column_kind(name: str) -> str | None:
    name = name.strip().lower().replace("_", "-")
    return _COLUMN_NAMES.get(name) or _COLUMN_NAMES.get(name.split("-", 1)[0])


def _recognised(header: list[str]) -> set[str]:
    return {kind for kind in map(_column_kind, header) if kind is not None}


def _choose_delimiter(text: str, first: str) -> str:
    """The delimiter that makes the header row name the required columns, `first` winning a tie."""
    header_line = text.split("\n", 1)[0]
    candidates = (first, *(d for d in _DELIMITERS if d != first))
    for delimiter in candidates:
        if _recognised(next(csv.reader([header_line], delimiter=delimiter), [])).issuperset(_REQUIRED):
            return delimiter
    return first


def _columns(path: Path, header: list[str]) -> dict[str, int]:
    """Where each kind of column is; refuses a header lacking a required one or naming one twice."""
    columns: dict[str, int] = {}
    for index, name in enumerate(header):
        kind = _column_kind(name)
        if kind is None:
            continue
        if kind in columns:
            raise BadInputError(path, QT_TRANSLATE_NOOP("Errors", "has two columns for {kind} ({first} and "
                                                                  "{second}); rename or delete one"),
                                kind=_KIND_NAMES[kind], first=repr(header[columns[kind]].strip()),
                                second=repr(name.strip()))
        columns[kind] = index
    missing = [_KIND_NAMES[kind] for kind in _REQUIRED if kind not in columns]
    if missing:
        found = ", ".join(repr(name.strip()) for name in header)
        raise BadInputError(path, QT_TRANSLATE_NOOP("Errors", "has no column for {kinds} (its header row is "
                                                              "{found}); name the columns arabic, english, note "
                                                              "and forbidden in the first row"),
                            kinds=_either(missing), found=found)
    return columns


def _either(kinds: list[Message]) -> Message:
    """One kind of column, or "A or B" for the two required ones (all the header can lack)."""
    if len(kinds) == 1:
        return kinds[0]
    return Message(QT_TRANSLATE_NOOP("Errors", "{first} or {second}"), {"first": kinds[0], "second": kinds[1]})

