"""Translation memories in and out as TMX files: the services the TM menu and `tarjama-cli tm` share.

Each service opens its own connections, so the window can run it on a worker thread while the translator goes on
working. Both directions stream (a million units never sit in memory at once) and both are all-or-nothing: an
import is one transaction, an export is renamed into place only when complete. After a large import,
`index_concordance` indexes what the import left for concordance.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tarjama.errors import QT_TRANSLATE_NOOP, AlreadyExistsError, BadInputError, marked_none
from tarjama.export_guard import refuse_existing
from tarjama.formats.tmx import TmxReport, write_tmx
from tarjama.memory.store import ImportResult, TranslationMemory
from tarjama.memory.tmx_loading import prepared_rows
from tarjama.project.store import ProjectStore

Cancel = Callable[[], bool] | None
Progress = Callable[[int], None] | None


@dataclass(frozen=True)
class TmxImportReport:
    """What an import did, in the terms a translator checks after bringing in another tool's memory."""

    path: Path
    added: int
    merged: int
    skipped_missing_side: int
    other_language_variants: int

    def summary(self) -> str:
        parts = [f"{self.added} units added", f"{self.merged} merged with units already there"]
        if self.skipped_missing_side:
            parts.append(f"{self.skipped_missing_side} skipped (no Arabic or no English text)")
        if self.other_language_variants:
            parts.append(f"{self.other_language_variants} variants in other languages ignored")
        return f"Imported {self.path.name}: " + ", ".join(parts) + "."


def import_tmx(
    tm_path: Path, tmx_path: Path, *, cancel: Cancel = None, on_progress: Progress = None,
    concordance_later: bool = True,
) -> TmxImportReport:
    """Add a TMX file's Arabic→English units to the TM at `tm_path` (created if needed), merging duplicates.

    A file with no Arabic→English unit at all is refused rather than reported as a successful import of nothing,
    because that almost always means the wrong file or a memory for another language pair. A memory the import
    creates is built whole before it is published (`TranslationMemory.build`), so a refused, failed or cancelled
    file leaves no memory behind. `concordance_later`: as for `TranslationMemory.import_units`.
    """
    tmx_path = Path(tmx_path)
    tm_path = Path(tm_path)

    def fill(memory: TranslationMemory) -> TmxImportReport:
        report = TmxReport()
        result = memory.import_rows(prepared_rows(tmx_path, report), cancel=cancel, on_progress=on_progress,
                                    concordance_later=concordance_later)
        return import_report(tmx_path, result, report)

    if not tm_path.exists():
        try:
            return TranslationMemory.build(tm_path, fill)
        except AlreadyExistsError:
            pass  # made meanwhile by another program (two first imports at once): this import goes into it
    with TranslationMemory.open(tm_path) as memory:
        return fill(memory)


#: Seconds each chunk of a concordance build waits for another program's write before giving up (approvals take
#: milliseconds; another import holds the memory for minutes, and the build is resumed after it).
CONCORDANCE_WAIT = 30.0


def index_concordance(tm_path: Path, *, cancel: Cancel = None, on_progress: Progress = None) -> int:
    """Index the units a large import left for concordance (`tarjama.memory.concordance_index`), a chunk per
    transaction; returns how many unit ids that covered. Cancelled, or cut short, it leaves the rest waiting, and
    concordance finds those units meanwhile by reading their text."""
    with TranslationMemory.open(Path(tm_path)) as memory:
        return memory.index_concordance_backlog(wait=CONCORDANCE_WAIT, cancel=cancel, on_progress=on_progress)


def import_report(tmx_path: Path, result: ImportResult, report: TmxReport) -> TmxImportReport:
    """What an import of `tmx_path` did, into whichever memory; a file that gave no Arabic→English unit at all is
    refused (see `import_tmx`)."""
    if report.units == 0:
        raise BadInputError(
            tmx_path,
            QT_TRANSLATE_NOOP("Errors", "holds no Arabic→English translation unit (languages found: "
                                        "{languages}); nothing was imported."),
            languages=", ".join(sorted(report.languages)) or marked_none(),
        )
    return TmxImportReport(
        tmx_path, result.added, result.merged, report.skipped_missing_side, report.other_language_variants
    )


def export_tm(tm_path: Path, out: Path, *, cancel: Cancel = None, on_progress: Progress = None) -> int:
    """Write every approved unit of a TM as TMX 1.4b; returns the number written."""
    with TranslationMemory.open(tm_path) as memory:
        return write_tmx(Path(out), memory.units(), cancel=cancel, on_progress=on_progress)


def export_project(
    project_path: Path, out: Path, *, replace: bool = True, cancel: Cancel = None, on_progress: Progress = None
) -> int:
    """Write a project's approved segments (only those) as TMX 1.4b; returns the number written.

    Never onto one of the project's source documents (nor, as for every export, onto a store). `replace=False`
    refuses an existing file too, for a shell that has not asked the translator (the CLI without --force); the
    checks come before any unit is read, so a refused export costs nothing."""
    with ProjectStore.open(project_path) as store:
        refuse_existing(out, force=replace, project=store)
        return write_tmx(Path(out), store.approved_units(), cancel=cancel, on_progress=on_progress)
