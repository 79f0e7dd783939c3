"""Glossaries as CSV or TSV, the way translators keep term lists in Excel or LibreOffice, and as OmegaT writes them.

A first row is a header when its cells name columns. The names are recognised whatever their case, and with a
region for language codes ("AR-SA", "en_US"); Arabic names are recognised with or without "ال", hamza and vowel
marks:

* the Arabic term: `arabic`, `ar`, `source`, عربي, العربية or المصدر;
* the English term(s): `english`, `en`, `target`, الإنجليزية (or الإنكليزية) or الهدف — several in one cell
  separated by ";" or "|", preferred first;
* `note`, `notes`, `comment` or `comments` (ملاحظة, ملاحظات, تعليق), optional;
* `forbidden` (ممنوع, محظور), optional: English variants not to use, separated like the English terms.

Other columns are ignored, and so are blank rows. A first row naming both an Arabic and an English column is a
header; one naming only some columns is a header too unless it reads as a term (Arabic in its first cell, English in
its second: «المصدر» and "source" are a term). A file without a header has the columns in order: the Arabic term,
the English term(s), a note; any further column is ignored.

The text may be UTF-8 with or without a BOM, UTF-16 (Excel's "Unicode text") or Windows-1256
(`tarjama.formats.text_file.decode_text` decides). The delimiter is the one of tab, comma and semicolon that makes
the first row a header naming both required columns, else a term, else a header naming some column, the format's
own (`delimiter`: tab for .tsv, comma for .csv, as `tarjama.formats.registry` says) tried first: Excel in many
locales writes .csv files separated by semicolons.

An OmegaT glossary (`.txt`, read with `omegat=True`) is tab-separated without quoting, one term per line: source,
target, comment; lines starting with "#" are comments. OmegaT lists a term with several translations on several
lines, which the import merges into one entry.

A cell holds at most 32,767 characters, the most a spreadsheet cell can (Excel's limit): a longer one is no term or
note but the rest of the file run into one cell by a missing quote mark, and the file is refused naming its line.

Writing CSV or TSV gives UTF-8 with a BOM and CRLF line ends: without the BOM, Excel opens a CSV in the machine's
legacy code page and shows Arabic as gibberish. A cell beginning with "=", "+", "-", "@", a tab or a carriage return
would be taken by a spreadsheet as a formula (OWASP's "CSV injection"), so it is written after a single quote
("'-ism", "'=SUM(A1)"); a cell that already begins with quotes followed by one of those gets one more quote. Reading
a CSV or TSV undoes exactly that: a cell beginning with one or more quotes and then one of those characters loses
one quote, so an export imports back as it was. Several English terms are joined with "; ", so an English term
cannot itself contain ";" or "|". Writing OmegaT's format gives UTF-8 with OmegaT's own first comment line, a line
per English term, line breaks and tabs in a note as spaces, and the forbidden variants in the comment after the
note ("… | forbidden: …"), as OmegaT has no column for them.
"""

from __future__ import annotations

import csv
import io
import itertools
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from tarjama.domain import GlossaryEntry, entry_problem, tidy_entry
from tarjama.errors import QT_TRANSLATE_NOOP, BadInputError, Message
from tarjama.formats.text_file import decode_text

if TYPE_CHECKING:
    from _csv import Reader

__all__ = ["read_glossary_csv", "write_glossary_csv", "write_glossary_omegat"]

_COLUMN_NAMES = {
    "arabic": "source",
    "ar": "source",
    "source": "source",
    "english": "target",
    "en": "target",
    "target": "target",
    "note": "note",
    "notes": "note",
    "comment": "note",
    "comments": "note",
    "forbidden": "forbidden",
    # Arabic names as `_fold` leaves them: no "ال", hamza on alef, vowel marks or tatweel, ة as ه.
    "عربي": "source",
    "عربيه": "source",
    "مصدر": "source",
    "انجليزي": "target",
    "انجليزيه": "target",
    "انكليزي": "target",
    "انكليزيه": "target",
    "هدف": "target",
    "ملاحظه": "note",
    "ملاحظات": "note",
    "تعليق": "note",
    "تعليقات": "note",
    "ممنوع": "forbidden",
    "ممنوعه": "forbidden",
    "ممنوعات": "forbidden",
    "محظور": "forbidden",
    "محظوره": "forbidden",
    "محظورات": "forbidden",
}
_KIND_NAMES = {
    "source": Message(QT_TRANSLATE_NOOP("Errors", "the Arabic term")),
    "target": Message(QT_TRANSLATE_NOOP("Errors", "the English term")),
    "note": Message(QT_TRANSLATE_NOOP("Errors", "the note")),
    "forbidden": Message(QT_TRANSLATE_NOOP("Errors", "the forbidden variants")),
}
_REQUIRED = ("source", "target")
#: Where the columns are in a file without a header row (and in an OmegaT glossary).
_POSITIONAL = {"source": 0, "target": 1, "note": 2}
_HEADER = ("arabic", "english", "note", "forbidden")
_TERM_SEPARATOR = re.compile(r"[;|]")
_JOINER = "; "
_DELIMITERS = ("\t", ",", ";")
_ARABIC_LETTER = re.compile("[\u0621-\u064a\u0671-\u06d3\u06fa-\u06fc]")
_LATIN_LETTER = re.compile("[A-Za-z]")
#: A language code with a region or script ("ar-sa", "en-us", "ar-latn"); not a word like "en-route".
_WITH_REGION = re.compile(r"([a-z]+)(?:-[a-z0-9]{2,4})+")
_ARABIC_MARKS = re.compile("[\u0640\u064b-\u065f\u0670]")
_ALEFS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي"})
#: The first line OmegaT writes in a glossary it creates: its reader takes the encoding from it.
_OMEGAT_FIRST_LINE = "# Glossary in tab-separated format -*- coding: utf-8 -*-"
#: The longest cell read: Excel's limit on a cell (LibreOffice's is larger, but no term or note comes near it).
MAX_CELL_CHARS = 32_767
#: A cell a spreadsheet would run as a formula, after any quotes already put before it (OWASP CSV injection).
_FORMULA_START = re.compile(r"'*[=+\-@\t\r]")
#: A cell `_spreadsheet_safe` quoted: what reading takes one quote from.
_QUOTED_FORMULA = re.compile(r"'+[=+\-@\t\r]")


def write_glossary_csv(entries: Iterable[GlossaryEntry], delimiter: str) -> bytes:
    """The entries as a CSV (`delimiter` ",") or TSV ("\\t") file's bytes: see the module docstring."""
    text = io.StringIO(newline="")
    writer = csv.writer(text, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(_HEADER)
    for entry in entries:
        cells = (entry.source, _JOINER.join(entry.targets), entry.note, _JOINER.join(entry.forbidden))
        writer.writerow([_spreadsheet_safe(cell) for cell in cells])
    return text.getvalue().encode("utf-8-sig")


def _spreadsheet_safe(cell: str) -> str:
    """`cell` with a quote before it if a spreadsheet would run it as a formula: see the module docstring."""
    return "'" + cell if _FORMULA_START.match(cell) else cell


def _unquoted(cell: str) -> str:
    """`cell` as it was before `_spreadsheet_safe`."""
    return cell[1:] if _QUOTED_FORMULA.match(cell) else cell


def write_glossary_omegat(entries: Iterable[GlossaryEntry]) -> bytes:
    """The entries as an OmegaT glossary's bytes (tab-separated `.txt`): see the module docstring."""
    lines = [_OMEGAT_FIRST_LINE]
    for entry in entries:
        comment = _one_line(entry.note)
        if entry.forbidden:
            forbidden = "forbidden: " + _JOINER.join(map(_one_line, entry.forbidden))
            comment = f"{comment} | {forbidden}" if comment else forbidden
        for target in entry.targets:
            lines.append("\t".join(cell for cell in (_one_line(entry.source), _one_line(target), comment) if cell))
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


def _one_line(text: str) -> str:
    """`text` with its line breaks, tabs and runs of spaces as single spaces: OmegaT has a line per term."""
    return " ".join(text.split())


def read_glossary_csv(data: bytes, path: Path, *, delimiter: str = ",", omegat: bool = False
                      ) -> Iterator[GlossaryEntry]:
    """The entries of a CSV or TSV glossary (or with `omegat`, an OmegaT one), read as they are asked for; `path`
    names the file in messages, and `delimiter` is tried first (see the module docstring).

    A missing column is reported before the first entry; a bad row (no Arabic or no English term) when it is
    reached, naming its line, so an import that consumes this inside its transaction keeps nothing.
    """
    path = Path(path)
    text = decode_text(path, data)
    if omegat:
        # Comment lines become blank ones, so the lines keep their numbers in messages.
        text = "\n".join("" if line.startswith("#") else line for line in text.split("\n"))
        reader = csv.reader(io.StringIO(text, newline=""), delimiter="\t", quoting=csv.QUOTE_NONE, strict=True)
    else:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=_choose_delimiter(text, delimiter), strict=True)
    rows = _rows(path, reader)
    if not omegat:
        rows = ((line, [_unquoted(cell) for cell in row]) for line, row in rows)
    first = next(rows, None)
    if first is None:
        raise BadInputError(path, QT_TRANSLATE_NOOP("Errors", "is empty; a glossary has a row per term: the Arabic "
                                                              "term, its English translation and a note if any (a "
                                                              "first row may name the columns arabic, english, note "
                                                              "and forbidden)"))
    if _is_header(first[1]):
        return _entries(path, rows, _columns(path, first[1]))
    return _entries(path, itertools.chain([first], rows), _POSITIONAL)


def _rows(path: Path, reader: Reader) -> Iterator[tuple[int, list[str]]]:
    """The rows that are not blank, each with the line it starts on."""
    while True:
        line = reader.line_num + 1
        try:
            row = next(reader, None)
        except csv.Error as exc:
            if _FIELD_LIMIT in str(exc):  # the csv module's own limit, 131,072 characters unless raised
                raise _cell_too_long(path, line) from exc
            raise BadInputError(path, QT_TRANSLATE_NOOP("Errors", "line {line} cannot be read ({reason}); a quote "
                                                                  "mark may be missing — open the file in a "
                                                                  "spreadsheet and save it again"),
                                line=line, reason=exc) from exc
        if row is None:
            return
        if any(len(cell) > MAX_CELL_CHARS for cell in row):
            raise _cell_too_long(path, line)
        if any(cell.strip() for cell in row):
            yield line, row


#: How the csv module words the error of a cell longer than `csv.field_size_limit()`.
_FIELD_LIMIT = "field larger than field limit"


def _cell_too_long(path: Path, line: int) -> BadInputError:
    return BadInputError(path, QT_TRANSLATE_NOOP("Errors", "line {line} has a cell of more than {limit} characters, "
                                                           "longer than a spreadsheet cell can be and than any term "
                                                           "or note; a quote mark may be missing, which runs the "
                                                           "rest of the file into one cell — open the file in a "
                                                           "spreadsheet, correct it and save it again"),
                         line=line, limit=MAX_CELL_CHARS)


def _entries(path: Path, rows: Iterator[tuple[int, list[str]]], columns: dict[str, int]) -> Iterator[GlossaryEntry]:
    for line, row in rows:
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


def _fold(name: str) -> str:
    """An Arabic column name without vowel marks, tatweel, hamza on alef or "ال"; ة as ه and ى as ي."""
    name = _ARABIC_MARKS.sub("", name).translate(_ALEFS)
    return name[2:] if name.startswith("ال") and len(name) > 4 else name


def _column_kind(name: str) -> str | None:
    name = name.strip().lower().replace("_", "-")
    if _ARABIC_LETTER.search(name):
        return _COLUMN_NAMES.get(_fold(name))
    coded = _WITH_REGION.fullmatch(name)
    return _COLUMN_NAMES.get(name) or (_COLUMN_NAMES.get(coded[1]) if coded else None)


def _recognised(row: list[str]) -> set[str]:
    return {kind for kind in map(_column_kind, row) if kind is not None}


def _names_both(row: list[str]) -> bool:
    return _recognised(row).issuperset(_REQUIRED)


def _names_some(row: list[str]) -> bool:
    return bool(_recognised(row))


def _reads_as_term(row: list[str]) -> bool:
    """Arabic (and no Latin letter) in the first cell, English (and no Arabic letter) in the second."""
    if len(row) < 2:
        return False
    arabic, english = row[0], row[1]
    return (bool(_ARABIC_LETTER.search(arabic)) and not _LATIN_LETTER.search(arabic)
            and bool(_LATIN_LETTER.search(english)) and not _ARABIC_LETTER.search(english))


def _is_header(row: list[str]) -> bool:
    """Whether the first row names columns rather than giving a term: see the module docstring."""
    return _names_both(row) or (_names_some(row) and not _reads_as_term(row))


def _first_row(text: str, delimiter: str) -> list[str] | None:
    try:
        for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
            if any(cell.strip() for cell in row):
                return row
    except csv.Error:
        pass
    return None


def _choose_delimiter(text: str, first: str) -> str:
    """The delimiter that makes the first row a header naming the required columns, else a term, else a header
    naming some column; `first` wins a tie, and is the answer when none fits."""
    candidates = (first, *(d for d in _DELIMITERS if d != first))
    rows = {delimiter: _first_row(text, delimiter) for delimiter in candidates}
    fits: tuple[Callable[[list[str]], bool], ...] = (_names_both, _reads_as_term, _names_some)
    for fit in fits:
        for delimiter in candidates:
            row = rows[delimiter]
            if row is not None and fit(row):
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

