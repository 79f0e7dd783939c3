"""The Glossary menu: which glossary the project uses, adding a term, and CSV/TSV/TBX in and out.

Imports and exports run in the background behind a progress dialog through `tarjama.glossary.exchange`, whose
services open their own connection. They have no Cancel: an import is one short transaction, and the services
offer no way to stop part-way.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QFileDialog, QMenu

from tarjama.errors import TarjamaError
from tarjama.glossary.exchange import GlossaryImportReport, export_glossary, import_glossary
from tarjama.glossary.store import GLOSSARY_SUFFIX, Glossary
from tarjama.paths import default_glossary_path
from tarjama.ui.common.bidi import name_filters, without_isolates
from tarjama.ui.common.error_text import error_text
from tarjama.ui.common.progress import FileJobs, with_suffix
from tarjama.ui.glossary.panels import GlossaryPanels
from tarjama.ui.glossary.term_dialog import TermDialog
from tarjama.ui.shell.actions import make_action

if TYPE_CHECKING:
    from tarjama.ui.common.host import WindowHost


class GlossaryMenu(FileJobs):
    def __init__(self, window: WindowHost, panels: GlossaryPanels, menu: QMenu) -> None:
        super().__init__(window)
        self.panels = panels
        self.add_term_action = make_action(window, self.tr("&Add term…"), self.add_term, ["Ctrl+Shift+G"])
        menu.addAction(self.add_term_action)
        menu.addSeparator()
        self.new_action = menu.addAction(self.tr("&New glossary…"), self.new_glossary)
        self.open_action = menu.addAction(self.tr("&Open glossary…"), self.open_glossary)
        menu.addSeparator()
        self.import_action = menu.addAction(self.tr("&Import glossary (CSV, TSV, TBX, OmegaT)…"), self.import_terms)
        self.export_action = menu.addAction(self.tr("&Export glossary…"), self.export_terms)
        #: Enabled only while a project is open.
        self.project_actions = [self.add_term_action, self.new_action, self.open_action]
        #: Export formats as the save dialog offers them: (filter, extension).
        self._formats = [
            (self.tr("CSV files (*.csv)"), ".csv"),
            (self.tr("TSV files (*.tsv)"), ".tsv"),
            (self.tr("TBX files (*.tbx)"), ".tbx"),
            (self.tr("OmegaT glossaries (*.txt)"), ".txt"),
        ]

    # -- which glossary the project uses --------------------------------------------------------------------

    def _choose_glossary(self, title: str, save: bool) -> str:
        dialog = QFileDialog.getSaveFileName if save else QFileDialog.getOpenFileName
        chosen, _ = dialog(
            self.window,
            title,
            str(default_glossary_path().parent),
            name_filters(self.tr("Glossaries (*{suffix})").format(suffix=GLOSSARY_SUFFIX)),
        )
        return chosen

    def new_glossary(self) -> None:
        chosen = self._choose_glossary(self.tr("Create a glossary"), save=True)
        if not chosen:
            return
        path = with_suffix(chosen, GLOSSARY_SUFFIX)
        try:
            Glossary.create(path).close()
        except TarjamaError as exc:
            self.window.show_error(self.tr("Cannot create the glossary"), error_text(exc))
            return
        self._use(path)

    def open_glossary(self) -> None:
        chosen = self._choose_glossary(self.tr("Use a glossary for this project"), save=False)
        if chosen:
            self._use(Path(chosen))

    def _use(self, path: Path) -> None:
        if self.panels.use(path):
            self.window.statusBar().showMessage(
                self.tr("This project now takes its terms from the glossary {path}.").format(path=path), 8000
            )

    # -- terms ----------------------------------------------------------------------------------------------

    def add_term(self) -> None:
        """Ctrl+Shift+G: a term from the current segment (or text selected in the editor) into the glossary."""
        segment = self.window.current_segment()
        editor = self.window.open_editor()
        dialog = TermDialog(
            self.window,
            self.window.source_font(),
            "" if segment is None else segment.source,
            "" if editor is None else editor.textCursor().selectedText(),
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        entry = dialog.entry()
        try:
            with Glossary.open_or_create(self.panels.path) as glossary:
                glossary.add(entry)
        except TarjamaError as exc:
            self.window.show_error(self.tr("Cannot add the term"), error_text(exc))
            return
        self.window.statusBar().showMessage(
            self.tr("Saved «{term}» in the glossary {name}.").format(term=entry.source, name=self.panels.path.stem),
            8000,
        )
        self.panels.reload()

    # -- files ----------------------------------------------------------------------------------------------

    def import_terms(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self.window,
            self.tr("Import a glossary"),
            "",
            name_filters(self.tr("Glossary files (*.csv *.tsv *.tbx *.txt);;All files (*)")),
        )
        if not chosen:
            return
        file, glossary = Path(chosen), self.panels.path

        def imported(report: GlossaryImportReport) -> None:
            message = self.tr("Imported {name}: {added} terms added, {merged} merged with terms already there.")
            if report.skipped:
                message += " " + self.tr("{skipped} skipped (no Arabic or no English term).")
            self.window.statusBar().showMessage(
                message.format(name=file.name, added=report.added, merged=report.merged, skipped=report.skipped),
                10000,
            )
            self.panels.reload()

        self._run(
            self.tr("Importing {name}…").format(name=file.name),
            lambda cancel, progress: import_glossary(glossary, file),
            imported,
            self.tr("Cannot import the glossary"),
            None,
        )

    def export_terms(self) -> None:
        glossary = self.panels.path
        filters = name_filters(";;".join(name for name, _ in self._formats))
        chosen, chosen_filter = QFileDialog.getSaveFileName(
            self.window, self.tr("Export the glossary"), str(Path.home() / f"{glossary.stem}.csv"), filters
        )
        if not chosen:
            return
        out = Path(chosen)
        if out.suffix.lower() not in {extension for _, extension in self._formats}:
            out = with_suffix(chosen, dict(self._formats).get(without_isolates(chosen_filter), ".csv"))

        def exported(count: int) -> None:
            self.window.statusBar().showMessage(
                self.tr("Exported {count} terms to {path}.").format(count=count, path=out), 10000
            )

        self._run(
            self.tr("Exporting to {name}…").format(name=out.name),
            lambda cancel, progress: export_glossary(glossary, out),
            exported,
            self.tr("Cannot export the glossary"),
            None,
        )
