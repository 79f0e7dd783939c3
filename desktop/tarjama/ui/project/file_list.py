"""The project's files in a pane: each with its words approved / total, kept current as segments change; choosing
one shows only its segments in the grid. The File menu's "Add files to project…", and removing or exporting a file,
act on the project through `tarjama.project.files` and the store, as `tarjama-cli` does.

The counts are kept per segment and adjusted for the ids `ProjectSession.changed` names, so an approval costs a
look at one segment, not a pass over a 500,000-segment project.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QFileDialog, QListWidget, QListWidgetItem, QMainWindow, QMessageBox

from tarjama.domain import Segment, Status
from tarjama.errors import Message
from tarjama.formats import supported_extensions
from tarjama.project.files import ExportReport, export_all, export_document, import_documents, planned_exports
from tarjama.project.records import DocumentInfo
from tarjama.project.store import ProjectStore
from tarjama.ui.common.bidi import left_to_right, name_filters
from tarjama.ui.common.error_text import error_text, message_text
from tarjama.ui.common.host import WindowHost
from tarjama.ui.common.tasks import run_in_background
from tarjama.ui.editor.session import ProjectSession

T = TypeVar("T")

#: Where an item keeps its document's id (None: "All files").
DOCUMENT_ROLE = Qt.ItemDataRole.UserRole + 1


class DocumentTally:
    """Words approved and in total per document, from the segments the window holds, updated segment by segment."""

    def __init__(self) -> None:
        self._counted: dict[int, tuple[int, int, bool]] = {}  # segment id -> (document, words, approved)
        self.words: dict[int, int] = {}
        self.approved: dict[int, int] = {}

    def reset(self, segments: Iterable[Segment]) -> None:
        self._counted.clear()
        self.words.clear()
        self.approved.clear()
        self.update(segments, ())

    def update(self, segments: Iterable[Segment], gone: Iterable[int]) -> None:
        """Count `segments` as they are now, and no longer count the segments of ids `gone` (merged away)."""
        for segment_id in gone:
            self._add(self._counted.pop(segment_id, None), -1)
        for segment in segments:
            self._add(self._counted.pop(segment.id, None), -1)
            entry = (segment.document_id, segment.source_words, segment.status == Status.APPROVED)
            self._counted[segment.id] = entry
            self._add(entry, 1)

    def _add(self, entry: tuple[int, int, bool] | None, sign: int) -> None:
        if entry is None:
            return
        document, words, approved = entry
        self.words[document] = self.words.get(document, 0) + sign * words
        if approved:
            self.approved[document] = self.approved.get(document, 0) + sign * words


class FileList(QObject):
    """The "Files" dock and the actions on the project's files."""

    def __init__(self, window: QMainWindow, host: WindowHost, show_document: Callable[[int | None], None]) -> None:
        super().__init__(window)
        self._window = window
        self._host = host
        #: Filters the grid to one document (None: all), keeping the current segment when it is still shown.
        self._show_document = show_document
        self._documents: list[DocumentInfo] = []
        self.tally = DocumentTally()
        self.list = QListWidget()
        self.list.setObjectName("file-list")
        self.list.currentItemChanged.connect(self._on_chosen)
        self.dock = QDockWidget(self.tr("Files"), window)
        self.dock.setObjectName("files-dock")
        self.dock.setWidget(self.list)
        window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.dock)
        self.add_action = self._action(self.tr("&Add files to project…"), self.add_files_dialog)
        self.remove_action = self._action(self.tr("&Remove file from project…"), self.remove_current)
        self.export_one_action = self._action(self.tr("Export this &file…"), self.export_current_dialog)
        self.export_all_action = self._action(self.tr("Export &all files…"), self.export_all_dialog)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.list.addActions([self.remove_action, self.export_one_action, self.export_all_action])
        #: Changes the project (off while it is read-only).
        self.writing_actions = [self.add_action, self.remove_action]
        self.project_actions = [self.add_action, self.remove_action, self.export_one_action, self.export_all_action]
        #: Called when a removal or an export running in the background is over (tests wait for it).
        self.on_idle: Callable[[], None] | None = None

    def _action(self, text: str, slot: Callable[[], None]) -> QAction:
        action = QAction(text, self.dock)
        action.triggered.connect(lambda checked=False: slot())
        return action

    @property
    def _session(self) -> ProjectSession | None:
        return self._host.session

    # -- showing -----------------------------------------------------------------------------------------------

    def attach(self, session: ProjectSession | None) -> None:
        if session is not None:
            session.changed.connect(self.segments_changed)
        self.segments_changed(())

    def segments_changed(self, ids: Sequence[int]) -> None:
        """Recount the segments of `ids` (none: read them all, and the list of documents, again)."""
        session = self._session
        if session is None:
            self._documents = []
            self.tally.reset(())
        elif not ids:
            self._documents = session.store.documents()
            self.tally.reset(session.model.segments())
        else:
            shown = [segment_id for segment_id in ids if segment_id in session.model.ids()]
            self.tally.update((session.model.segment(i) for i in shown), set(ids) - set(shown))
        self._fill(bool(ids))

    def _fill(self, same_documents: bool) -> None:
        if same_documents and self.list.count() == len(self._documents) + 1:
            for row, document in enumerate(self._documents, start=1):
                self.list.item(row).setText(self._label(document))
            return
        chosen = self.current_document()
        self.list.blockSignals(True)
        self.list.clear()
        everything = QListWidgetItem(self.tr("All files"))
        everything.setData(DOCUMENT_ROLE, None)
        self.list.addItem(everything)
        for document in self._documents:
            item = QListWidgetItem(self._label(document))
            item.setData(DOCUMENT_ROLE, document.id)
            self.list.addItem(item)
        ids = [document.id for document in self._documents]
        self.list.setCurrentRow(ids.index(chosen) + 1 if chosen in ids else 0)
        self.list.blockSignals(False)
        if chosen is not None and chosen not in ids:
            self._show_document(None)  # its file was removed: show them all

    def _label(self, document: DocumentInfo) -> str:
        return self.tr("{name} — {approved} / {total} words").format(
            name=document.name, approved=self.tally.approved.get(document.id, 0),
            total=self.tally.words.get(document.id, 0))

    def current_document(self) -> int | None:
        item = self.list.currentItem()
        return None if item is None else item.data(DOCUMENT_ROLE)

    def _on_chosen(self, item: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        self._show_document(None if item is None else item.data(DOCUMENT_ROLE))

    # -- adding and removing ---------------------------------------------------------------------------------

    def add_files_dialog(self) -> None:
        patterns = " ".join(f"*{ext}" for ext in supported_extensions())
        paths, _ = QFileDialog.getOpenFileNames(
            self._window, self.tr("Add files to the project"), "",
            name_filters(self.tr("Documents ({patterns})").format(patterns=patterns)))
        if paths:
            self.add_files([Path(path) for path in paths])

    def add_files(self, paths: list[Path], on_done: Callable[[bool], None] | None = None) -> None:
        """Import the files into the open project on a worker thread (it opens the project on its own), then show
        the project's segments again; one file that cannot be read adds none."""
        session = self._session
        if session is None:
            return
        project = session.path
        self.add_action.setEnabled(False)  # one addition at a time
        self._host.statusBar().showMessage(self.tr("Adding {names} to the project…").format(
            names=", ".join(path.name for path in paths)))
        notices: list[tuple[Path, Message]] = []  # filled by the worker, read once it is done

        def finish(added: bool) -> None:
            self.add_action.setEnabled(session.store.read_only is None)
            self._host.statusBar().clearMessage()
            if on_done:
                on_done(added)

        def done(_result: object) -> None:
            if self._session is session:
                session.take_in_all()  # the new rows; the undo steps go, as after another program's import
            finish(True)
            if notices and self._host.modal_errors:
                QMessageBox.information(self._window, self.tr("Added with notes"), "\n\n".join(
                    f"{path.name}: {message_text(notice)}" for path, notice in notices))

        def failed(exc: Exception) -> None:
            finish(False)
            self._host.show_error(self.tr("Cannot add the files"), error_text(exc))

        def work() -> None:
            import_documents(paths, project, on_notice=lambda *note: notices.append(note)).close()

        run_in_background(work, done, failed)

    def remove_current(self) -> None:
        """Take the chosen file out of the project, once the translator has confirmed it."""
        session, document_id = self._session, self.current_document()
        if session is None or document_id is None:
            return
        name = next(d.name for d in self._documents if d.id == document_id)
        answer = QMessageBox.question(
            self._window, self.tr("Remove file"),
            self.tr("Remove {name} from the project? Its segments go, and the translation memory no longer "
                    "offers their approved translations. This cannot be undone.").format(name=name))
        if answer != QMessageBox.StandardButton.Yes:
            return
        self._in_background(lambda store: store.remove_document(document_id), self.tr("Cannot remove the file"),
                            lambda _result: session.take_in_all())  # its rows and the undo steps naming them go

    # -- exporting -------------------------------------------------------------------------------------------

    def export_current_dialog(self) -> None:
        session, document_id = self._session, self.current_document()
        if session is None or document_id is None:
            return
        name = next(d.name for d in self._documents if d.id == document_id)
        path, _ = QFileDialog.getSaveFileName(
            self._window, self.tr("Export {name} as").format(name=name),
            str(session.path.parent / f"{Path(name).stem}.en{Path(name).suffix}"))
        if path:
            self.export_one(document_id, Path(path))

    def export_one(self, document_id: int, path: Path) -> None:
        session = self._session
        if session is None:
            return
        self._export(lambda store: [export_document(store, document_id, path)])

    def export_all_dialog(self) -> None:
        session = self._session
        if session is None:
            return
        folder = QFileDialog.getExistingDirectory(
            self._window, self.tr("Export all files into"),
            str(session.path.parent))
        if not folder:
            return
        existing = [path.name for _document, path in planned_exports(session.store, folder) if path.exists()]
        if existing and QMessageBox.question(
            self._window, self.tr("Replace files"),
            self.tr("These files exist already in that folder: {names}. Replace them?").format(
                names=", ".join(existing))) != QMessageBox.StandardButton.Yes:
            return
        self.export_all_to(Path(folder))

    def export_all_to(self, folder: Path) -> None:
        session = self._session
        if session is None:
            return
        self._export(lambda store: export_all(store, folder))

    def _export(self, write: Callable[[ProjectStore], list[ExportReport]]) -> None:
        def reported(reports: list[ExportReport]) -> None:
            self._host.statusBar().showMessage(self.tr("Exported {paths}.").format(
                paths=", ".join(left_to_right(str(report.path)) for report in reports)), 8000)

        self._in_background(write, self.tr("Cannot export"), reported)

    def _in_background(self, work: Callable[[ProjectStore], T], failure_title: str,
                       done: Callable[[T], None]) -> None:
        """Run `work` on a worker thread, on a connection of its own to the open project (a store belongs to the
        thread that opened it): rebuilding a large .docx or withdrawing a file's units from a busy memory must not
        freeze the grid. One such job at a time: the pane's actions wait for it. `on_idle` hears when it is over."""
        session = self._session
        if session is None:
            return
        for action in self.project_actions:
            action.setEnabled(False)

        def finish() -> None:
            if self._session is session:  # a project closed meanwhile keeps its actions off
                writable = session.store.read_only is None
                for action in self.project_actions:
                    action.setEnabled(writable or action not in self.writing_actions)
            if self.on_idle:
                self.on_idle()

        def succeeded(result: T) -> None:
            if self._session is session:
                done(result)
            finish()

        def failed(exc: Exception) -> None:
            finish()
            self._host.show_error(failure_title, error_text(exc))

        def run() -> T:
            with ProjectStore.open(session.path, memory_wait=session.store.memory_wait) as store:
                return work(store)

        run_in_background(run, succeeded, failed)
