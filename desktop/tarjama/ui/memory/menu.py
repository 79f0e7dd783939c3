"""The Translation memory menu: which TM the project uses, TMX in and out, and the pre-translation threshold.

Imports and exports run in the background behind a progress dialog (a newsroom TM can hold a million units) through
the services of `tarjama.memory.exchange`, which open their own connections.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMenu

from tarjama.errors import TarjamaError
from tarjama.memory.exchange import TmxImportReport, export_project, export_tm, import_tmx
from tarjama.memory.store import TM_SUFFIX, TranslationMemory
from tarjama.paths import default_tm_path, user_name
from tarjama.settings import CONTEXT_MATCH_SCORE, PANE_LOOKUP_THRESHOLD, PRETRANSLATE_THRESHOLD
from tarjama.ui.common.bidi import left_to_right, name_filters
from tarjama.ui.common.error_text import error_text
from tarjama.ui.common.progress import FileJobs, with_suffix
from tarjama.ui.memory.panels import TmPanels
from tarjama.ui.memory.team_status import TeamMemorySync
from tarjama.ui.memory.tm_editor import TmEditor

if TYPE_CHECKING:
    from tarjama.ui.common.host import WindowHost

THRESHOLD_KEY = "tm/threshold"


def tm_threshold(settings: QSettings) -> int:
    """The score a TM match needs to fill a segment in pre-translation (101: only context matches)."""
    try:
        value = int(settings.value(THRESHOLD_KEY, PRETRANSLATE_THRESHOLD))
    except (TypeError, ValueError):
        return PRETRANSLATE_THRESHOLD
    return min(CONTEXT_MATCH_SCORE, max(PANE_LOOKUP_THRESHOLD, value))


class TmMenu(FileJobs):
    def __init__(self, window: WindowHost, panels: TmPanels, menu: QMenu) -> None:
        super().__init__(window)
        self.panels = panels
        self.new_action = menu.addAction(self.tr("&New translation memory…"), self.new_tm)
        self.open_action = menu.addAction(self.tr("&Open translation memory…"), self.open_tm)
        #: The open project's team memory: linking it, and its background sync and status-bar label.
        self.team = TeamMemorySync(window, panels)
        self.team_action = menu.addAction(self.tr("Connect to &team memory…"), self.team.choose)
        menu.addSeparator()
        self.import_action = menu.addAction(self.tr("&Import TMX…"), self.import_tmx)
        self.export_action = menu.addAction(self.tr("&Export TMX (the whole memory)…"), self.export_tm)
        self.export_project_action = menu.addAction(
            self.tr("Export TMX (this project's &approved segments)…"), self.export_project
        )
        menu.addSeparator()
        self.edit_action = menu.addAction(self.tr("E&dit translation memory…"), lambda: self.open_editor(""))
        self.threshold_action = menu.addAction(self.tr("TM match &threshold…"), self.set_threshold)
        #: Enabled only while a project is open.
        self.project_actions = [self.new_action, self.open_action, self.team_action, self.export_project_action]
        panels.banner.chooseRequested.connect(self.open_tm)
        #: The TM editor of the memory last edited, kept with its undo stack while that memory is the one to edit.
        self.editor: TmEditor | None = None
        # A concordance result double-clicked opens the editor on the same search.
        panels.concordance.list.doubleClicked.connect(lambda: self.open_editor(panels.concordance.current().query))

    # -- which TM the project uses --------------------------------------------------------------------------

    def new_tm(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(
            self.window,
            self.tr("Create a translation memory"),
            str(default_tm_path().parent),
            name_filters(self.tr("Translation memories (*{suffix})").format(suffix=TM_SUFFIX)),
        )
        if not chosen:
            return
        path = with_suffix(chosen, TM_SUFFIX)
        try:
            TranslationMemory.create(path).close()
        except TarjamaError as exc:
            self.window.show_error(self.tr("Cannot create the translation memory"), error_text(exc))
            return
        self._linked(path)

    def open_tm(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self.window,
            self.tr("Use a translation memory for this project"),
            str(default_tm_path().parent),
            name_filters(self.tr("Translation memories (*{suffix})").format(suffix=TM_SUFFIX)),
        )
        if chosen:
            self._linked(Path(chosen))

    def _linked(self, path: Path) -> None:
        if self.panels.link(path):
            self.window.statusBar().showMessage(
                self.tr("Approved segments now go to the translation memory {path}.").format(
                    path=left_to_right(str(path))
                ),
                8000,
            )

    def _target_tm(self) -> Path | None:
        """The open project's TM; with no project open, the user's default one."""
        if self.window.session is None:
            return default_tm_path()
        if self.panels.path is None:
            self.window.show_error(
                self.tr("No translation memory"),
                self.tr("This project has no translation memory. Open or create one first."),
            )
        return self.panels.path

    # -- editing units --------------------------------------------------------------------------------------

    def cancel(self) -> None:
        """Stop the import or export running and the concordance indexing (the window is closing)."""
        super().cancel()
        self.panels.indexing.cancel()

    def open_editor(self, query: str) -> None:
        """The TM editor of the project's memory (the user's own with no project open), searching for `query`."""
        tm = self._target_tm()
        if tm is None:
            return
        if self.editor is None or self.editor.path != tm:
            if self.editor is not None:
                self.editor.close()
            self.editor = TmEditor(tm, self._author, self.window.source_font(), self.window.show_error, self.window)
            self.editor.changed.connect(self.panels.refresh)
            self.editor.changed.connect(lambda path=tm: self.team.after_memory_edit(path))
        self.editor.open_with(query)

    def _author(self) -> str:
        """Who the TM editor logs as having changed a unit: the name the open project writes into its approvals."""
        session = self.window.session
        return session.store.author if session is not None else user_name()

    # -- TMX ------------------------------------------------------------------------------------------------

    def import_tmx(self) -> None:
        tm = self._target_tm()
        if tm is None:
            return
        chosen, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("Import a TMX file"), "", name_filters(self.tr("TMX files (*.tmx);;All files (*)"))
        )
        if not chosen:
            return
        tmx = Path(chosen)

        def imported(report: TmxImportReport) -> None:
            message = self.tr("Imported {name}: {added} units added, {merged} merged with units already there.")
            skipped = report.skipped_missing_side + report.other_language_variants
            if skipped:
                message += " " + self.tr("{n} skipped (no Arabic or English text, or other languages).")
            self.window.statusBar().showMessage(
                message.format(name=tmx.name, added=report.added, merged=report.merged, n=skipped), 10000
            )
            self.panels.refresh()
            self.panels.indexing.resume(tm)

        self._run(
            self.tr("Importing {name}…").format(name=tmx.name),
            lambda cancel, progress: import_tmx(tm, tmx, cancel=cancel, on_progress=progress),
            imported,
            self.tr("Cannot import the TMX file"),
            self.tr("Import cancelled; the translation memory was not changed."),
        )

    def export_tm(self) -> None:
        tm = self._target_tm()
        if tm is not None:
            self._export(tm.stem, lambda out, cancel, progress: export_tm(tm, out, cancel=cancel, on_progress=progress))

    def export_project(self) -> None:
        session = self.window.session
        if session is None:
            return
        self.window.commit_open_editor()
        project = session.path
        self._export(
            project.stem,
            lambda out, cancel, progress: export_project(project, out, cancel=cancel, on_progress=progress),
        )

    def _export(self, name: str, export: Callable[[Path, Callable[[], bool], Callable[[int], None]], int]) -> None:
        chosen, _ = QFileDialog.getSaveFileName(
            self.window,
            self.tr("Export as TMX"),
            str(Path.home() / f"{name}.tmx"),
            name_filters(self.tr("TMX files (*.tmx)")),
        )
        if not chosen:
            return
        out = with_suffix(chosen, ".tmx")

        def exported(count: int) -> None:
            self.window.statusBar().showMessage(
                self.tr("Exported {count} units to {path}.").format(count=count, path=left_to_right(str(out))), 10000
            )

        self._run(
            self.tr("Exporting to {name}…").format(name=out.name),
            lambda cancel, progress: export(out, cancel, progress),
            exported,
            self.tr("Cannot export the TMX file"),
            self.tr("Export cancelled; no file was written."),
        )

    # -- pre-translation ------------------------------------------------------------------------------------

    def set_threshold(self) -> None:
        value, accepted = QInputDialog.getInt(
            self.window,
            self.tr("TM match threshold"),
            self.tr(
                "Pre-translation fills a segment from the translation memory when a match scores at least "
                "(101 = only matches whose neighbouring sentences are the same too):"
            ),
            tm_threshold(self.window.settings),
            PANE_LOOKUP_THRESHOLD,
            CONTEXT_MATCH_SCORE,
        )
        if accepted:
            self.window.settings.setValue(THRESHOLD_KEY, value)
