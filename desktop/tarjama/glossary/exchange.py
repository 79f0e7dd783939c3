"""Glossaries in and out as CSV, TSV, TBX or OmegaT (.txt) files: the services the window and `tarjama-cli glossary`
share.

The format follows the file's extension (`tarjama.formats.registry.GLOSSARY_FORMATS`). Both directions are
all-or-nothing: an import is one transaction (a bad row anywhere leaves the glossary as it was), an export is
written under a temporary name and renamed into place only when complete. Each service opens its own connection,
so the window may run it on a worker thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tarjama.atomic_file import replacing
from tarjama.errors import QT_TRANSLATE_NOOP, BadInputError, Message, marked_none
from tarjama.formats.interface import GlossaryFormat
from tarjama.formats.registry import GLOSSARY_FORMATS
from tarjama.formats.tbx import TbxReport
from tarjama.formats.text_file import read_limited
from tarjama.glossary.store import Glossary

#: The most a glossary file may hold. 100,000 Arabic-English terms take about 8 MB as CSV and 56 MB as TBX (as
#: Tarjama writes them); a bigger file is another kind of file (or a device such as /dev/zero), and reading it
#: whole would exhaust memory.
MAX_GLOSSARY_BYTES = 128 * 1024 * 1024


@dataclass(frozen=True)
class GlossaryImportReport:
    """What an import did, in the terms a translator checks after bringing in a term list."""

    path: Path
    added: int
    merged: int
    #: TBX concepts without an Arabic term or without an English translation.
    skipped: int = 0

    def summary(self) -> str:
        parts = [f"{self.added} terms added", f"{self.merged} merged with terms already there"]
        if self.skipped:
            parts.append(f"{self.skipped} concepts skipped (no Arabic or no English term)")
        return f"Imported {self.path.name}: " + ", ".join(parts) + "."


def _format_for(path: Path) -> GlossaryFormat:
    found = GLOSSARY_FORMATS.find(path)
    if found is None:
        kind = (
            Message(QT_TRANSLATE_NOOP("Errors", "a {suffix} file"), {"suffix": path.suffix})
            if path.suffix
            else Message(QT_TRANSLATE_NOOP("Errors", "a file without an extension"))
        )
        raise BadInputError(path, QT_TRANSLATE_NOOP("Errors", "is {kind}; glossaries are imported and exported as "
                                                              "{extensions} files — name the file with one of those"),
                            kind=kind, extensions=", ".join(GLOSSARY_FORMATS.extensions()))
    return found


def import_glossary(glossary_path: Path, file: Path) -> GlossaryImportReport:
    """Add the terms of a CSV, TSV, TBX or OmegaT file to the glossary at `glossary_path` (created if needed),
    merging terms already there. A file giving no term at all is refused: it is almost always the wrong file."""
    file = Path(file)
    file_format = _format_for(file)
    data = _read(file)
    report = TbxReport()
    with Glossary.open_or_create(glossary_path) as glossary:
        result = glossary.import_entries(file_format.read(data, file, report))
    if result.added + result.merged == 0:
        if not report.concepts:
            raise BadInputError(file, QT_TRANSLATE_NOOP("Errors", "holds no Arabic term with an English translation; "
                                                                  "nothing was imported"))
        raise BadInputError(file, QT_TRANSLATE_NOOP("Errors", "holds no Arabic term with an English translation "
                                                              "(languages found: {languages}); nothing was imported"),
                            languages=", ".join(sorted(report.languages)) or marked_none())
    return GlossaryImportReport(file, result.added, result.merged, report.skipped_concepts)


def export_glossary(glossary_path: Path, file: Path) -> int:
    """Write every entry of the glossary as CSV, TSV, TBX or OmegaT (by `file`'s extension); returns how many."""
    file = Path(file)
    file_format = _format_for(file)
    with Glossary.open(glossary_path) as glossary:
        entries = glossary.entries()
    _write_atomically(file, file_format.write(entries))
    return len(entries)


def _read(path: Path) -> bytes:
    """The file's bytes, reading no more than MAX_GLOSSARY_BYTES + 1 of them, whatever the file is."""
    data = read_limited(path, MAX_GLOSSARY_BYTES, QT_TRANSLATE_NOOP("Errors", "is a folder, not a glossary file; "
                                                                              "choose a file inside it"))
    if data is None:
        raise BadInputError(path, QT_TRANSLATE_NOOP("Errors", "is larger than {limit} MB, far more than any glossary "
                                                              "(100,000 terms take about 8 MB as CSV, 56 MB as "
                                                              "TBX); check that it is the right file, or split it "
                                                              "into parts"),
                            limit=MAX_GLOSSARY_BYTES // (1024 * 1024))
    return data


def _write_atomically(path: Path, data: bytes) -> None:
    with replacing(path, "wb", QT_TRANSLATE_NOOP("Errors", "exported glossary")) as out:

        out.write(data)
