"""The review window: grid of segments, keyboard-first editing and approval, filters, files; it assembles the panes,
menus and helpers of each subject (find/replace in `ui/editor/find_replace.py`, pre-translation in
`ui/mt/pretranslation.py`), which see it through `ui/common/host.py`."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QItemSelectionModel, QModelIndex, QSettings, Qt
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QFont, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from tarjama.domain import Segment, Status
from tarjama.errors import Message, SegmentChangedError, SegmentError, TarjamaError
from tarjama.formats import supported_extensions
from tarjama.memory.link import memory_needing_update
from tarjama.project.files import default_project_path, import_document
from tarjama.project.store import ProjectStore
from tarjama.settings import PROPAGATE_REPETITIONS
from tarjama.ui.common.bidi import isolated, left_to_right, name_filters, with_isolated_percentages
from tarjama.ui.common.error_text import error_text, message_text
from tarjama.ui.common.tasks import run_in_background
from tarjama.ui.editor.commands import (
    ChangeSegmentCommand,
    FillRepetitionsCommand,
    MachineTranslationCommand,
    MergeCommand,
    SegmentCommand,
    SplitCommand,
)
from tarjama.ui.editor.comments_pane import CommentsPanel
from tarjama.ui.editor.delegate import SegmentDelegate
from tarjama.ui.editor.edit_time import EditTimeRecorder
from tarjama.ui.editor.external_changes import ExternalChanges
from tarjama.ui.editor.find_replace import FindReplace
from tarjama.ui.editor.grid import SegmentGrid, StatusFilterProxy
from tarjama.ui.editor.match_filter import MatchFilter
from tarjama.ui.editor.progress_tally import ProgressTally
from tarjama.ui.editor.segment_model import SORT_ROLE, Column, status_label
from tarjama.ui.editor.session import ProjectSession
from tarjama.ui.glossary.menu import GlossaryMenu
from tarjama.ui.glossary.pane import TERM_KEYS
from tarjama.ui.glossary.panels import GlossaryPanels
from tarjama.ui.memory.catch_up import MemoryCatchUp
from tarjama.ui.memory.menu import TmMenu
from tarjama.ui.memory.panels import TmPanels
from tarjama.ui.memory.update import bring_up_to_date
from tarjama.ui.memory.worker import LOOKUP_LIMIT
from tarjama.ui.mt.calibration_refit import CalibrationRefit
from tarjama.ui.mt.machine_translation import AlternativesPane
from tarjama.ui.mt.model_banner import MissingModelBanner
from tarjama.ui.mt.model_menu import ModelMenu, project_package
from tarjama.ui.mt.models_dialog import ModelsDialog
from tarjama.ui.mt.pretranslation import Pretranslation
from tarjama.ui.mt.word_scoring import WordScoring
from tarjama.ui.project.analysis_dialog import AnalysisDialog
from tarjama.ui.project.effort_view import StatisticsDialog, prepare_metrics
from tarjama.ui.project.file_list import FileList
from tarjama.ui.qa.panels import QaPanels
from tarjama.ui.shell.actions import INSERT_TAG_KEY, make_action
from tarjama.ui.shell.dialogs import ExportDialog, SplitDialog
from tarjama.ui.shell.language_menu import LanguageMenu
from tarjama.ui.shell.layout_memory import LayoutMemory
from tarjama.ui.shell.panes_menu import PanesMenu
from tarjama.ui.shell.read_only import ReadOnlyMode
from tarjama.ui.shell.zoom import GridZoom

MAX_RECENT = 8
#: The QSettings key of Segment → Fill repetitions on approval.
PROPAGATE_KEY = "propagateRepetitions"
#: View → Show segments, by English name; marked for lupdate here and translated where the menu is built.
FILTERS: list[tuple[str, set[Status]]] = [
    (QT_TRANSLATE_NOOP("MainWindow", "All segments"), set(Status)),
    (QT_TRANSLATE_NOOP("MainWindow", "Not approved"), {Status.NEW, Status.MACHINE, Status.DRAFT, Status.REJECTED}),
    (QT_TRANSLATE_NOOP("MainWindow", "New"), {Status.NEW}),
    (QT_TRANSLATE_NOOP("MainWindow", "Machine"), {Status.MACHINE}),
    (QT_TRANSLATE_NOOP("MainWindow", "Draft"), {Status.DRAFT}),
    (QT_TRANSLATE_NOOP("MainWindow", "Approved"), {Status.APPROVED}),
    (QT_TRANSLATE_NOOP("MainWindow", "Rejected"), {Status.REJECTED}),
]


class MainWindow(QMainWindow):
    def __init__(self, settings: QSettings, source_font: QFont) -> None:
        super().__init__()
        self.settings = settings
        self.session: ProjectSession | None = None
        self._edit_start: dict[int, Segment] = {}
        self.modal_errors = True  # off in --smoke runs, where nobody is there to close a message box
        self.setWindowTitle(self.tr("Tarjama"))
        self.resize(1200, 760)

        self.grid = SegmentGrid()
        self.proxy = StatusFilterProxy()
        self.delegate = SegmentDelegate(self.grid, source_font, QFont(self.font()))
        self.grid.setItemDelegate(self.delegate)
        self.find_replace = FindReplace(self, self.grid, self.proxy, self.delegate, lambda: self.read_only.refused())
        self.find_bar = self.find_replace.bar
        self.empty_label = QLabel(self.tr("Open a project or create one from an Arabic document (File menu)."))
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.tm = TmPanels(self, source_font, self.show_error)
        self.glossary = GlossaryPanels(self, source_font, self.show_error)
        self.qa = QaPanels(self, self.glossary)
        self.comments = CommentsPanel(self)
        self.files = FileList(self, self, self.show_document)
        self.read_only = ReadOnlyMode(self, self.writing_actions, [self.find_bar.replace_edit])
        # The QA pane enables its ignore actions as rows are selected; they stay off while nothing may be saved.
        self.qa.pane.selectionChanged.connect(self.read_only.keep_actions_off)
        self.edit_time = EditTimeRecorder(self.delegate)
        self.memory_catch_up = MemoryCatchUp(self)
        self.external_changes = ExternalChanges(self, self.delegate)
        self.statistics = StatisticsDialog(self)
        self.analysis = AnalysisDialog(self, self)
        self.calibration_refit = CalibrationRefit(self)
        self.delegate.spelling.busy = lambda: self.pretranslating
        prepare_metrics()
        self.delegate.term_spans = self.glossary.spans
        self.glossary.finderChanged.connect(lambda: self.delegate.spelling.set_glossary(
            self.glossary.finder.english_terms() if self.glossary.finder is not None else ()))
        self.glossary.finderChanged.connect(self.grid.viewport().update)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        self.banner = MissingModelBanner(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.tm.banner)
        layout.addWidget(self.read_only.banner)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.grid)
        layout.addWidget(self.find_bar)
        self.setCentralWidget(central)
        self.grid.hide()
        self.progress_label = QLabel()
        self._progress = ProgressTally()
        self.pretranslation = Pretranslation(self, self.banner)
        self.pretranslation.segmentsShown.connect(self._on_segments_changed)
        for label in (self.pretranslation.label, self.pretranslation.cancel_button, self.progress_label, self.tm.label):
            self.statusBar().addPermanentWidget(label)
        self.alternatives = AlternativesPane(unsure=self.delegate.unsure)
        self.word_scoring = WordScoring(self, self.delegate)
        self.delegate.unsure.wanted.connect(self.word_scoring.request)
        self.word_scoring.scored.connect(self._on_segments_changed)
        dock = QDockWidget(self.tr("Machine translation"), self)
        dock.setObjectName("alternatives-dock")
        dock.setWidget(self.alternatives)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
        for other in (self.tm.matches_dock, self.tm.concordance_dock, self.glossary.dock, self.qa.dock,
                      self.comments.dock):
            self.tabifyDockWidget(dock, other)
        self.tm.matches_dock.raise_()
        # Tabs by default, but a pane dragged out may sit beside another (or above it) instead.
        options = QMainWindow.DockOption
        self.setDockOptions(options.AllowNestedDocks | options.AllowTabbedDocks | options.AnimatedDocks)
        # The grid is the work: the panes below it start at about a quarter of the window, not at what their
        # contents would like (the Comments pane alone would take half).
        self.resizeDocks([dock], [self.height() // 4], Qt.Orientation.Vertical)

        self._build_actions()
        self.delegate.reserved_shortcuts = [
            seq
            for action in [*self.segment_actions, *self.zoom.actions]
            for seq in action.shortcuts()
            if not seq.isEmpty()
        ]
        self.delegate.editingStarted.connect(self._on_editing_started)
        self.delegate.draftTyped.connect(self._on_draft_typed)
        self.delegate.editingAbandoned.connect(self._on_editing_abandoned)
        self.packages_dialog = ModelsDialog(self)
        self.packages_dialog.packagesChanged.connect(self.banner.refresh)
        self.banner.installFromFileRequested.connect(self._install_package_from_file)
        self.banner.downloadRequested.connect(self._download_package)
        self.banner.refresh()
        self._set_project_actions_enabled(False)
        self.panes.refresh()
        self.layout_memory = LayoutMemory(
            self, settings, self.grid, {"statusFilter": self.filter_group, "matchFilter": self.match_filter.group},
            {"commentFilter": self.comment_filter_action, "spellingUnderline": self.spelling_action,
             "unsureWords": self.unsure_action},
        )
        self.layout_memory.restore()

    # -- actions and menus ----------------------------------------------------------------------------------

    def _action(self, text: str, slot, shortcuts: list | None = None) -> QAction:  # noqa: ANN001
        return make_action(self, text, slot, shortcuts or ())

    def _build_actions(self) -> None:
        key = QKeySequence.StandardKey
        menu = self.menuBar()

        file_menu = menu.addMenu(self.tr("&File"))
        self.new_action = self._action(self.tr("&New project from document…"), self.new_project_dialog, [key.New])
        self.open_action = self._action(self.tr("&Open project…"), self.open_project_dialog, [key.Open])
        self.recent_menu = file_menu.addMenu(self.tr("Open &recent"))
        self.export_action = self._action(self.tr("&Export translation…"), self.export_dialog, ["Ctrl+E"])
        self.quit_action = self._action(self.tr("&Quit"), self.close, [key.Quit])
        file_menu.insertAction(self.recent_menu.menuAction(), self.new_action)
        file_menu.insertAction(self.recent_menu.menuAction(), self.open_action)
        file_menu.addSeparator()
        file_menu.addAction(self.files.add_action)
        file_menu.addSeparator()
        file_menu.addAction(self.export_action)
        file_menu.addAction(self.files.export_all_action)
        self.analysis_action = self._action(self.tr("&Analysis…"), self.analysis.open_for_project)
        file_menu.addAction(self.analysis_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        self._refresh_recent_menu()

        edit_menu = menu.addMenu(self.tr("&Edit"))
        self.undo_action = self._action(self.tr("&Undo"), self.undo, ["Ctrl+Z"])
        self.redo_action = self._action(self.tr("&Redo"), self.redo, ["Ctrl+Shift+Z", "Ctrl+Y"])
        self.copy_source_action = self._action(
            self.tr("&Copy source to target"), self.copy_source_to_target, ["Ctrl+Insert"]
        )
        self.insert_tag_action = self._action(self.tr("Insert next &tag"), self.insert_next_tag, [INSERT_TAG_KEY])
        self.find_action = self._action(self.tr("&Find…"), lambda: self.find_replace.open_bar(False), [key.Find])
        self.replace_action = self._action(
            self.tr("Find and &replace…"), lambda: self.find_replace.open_bar(True), ["Ctrl+H"]
        )
        for action in (self.undo_action, self.redo_action):
            edit_menu.addAction(action)
        edit_menu.addSeparator()
        for action in (self.copy_source_action, self.insert_tag_action, self.find_action, self.replace_action):
            edit_menu.addAction(action)

        segment_menu = menu.addMenu(self.tr("&Segment"))
        self.approve_action = self._action(
            self.tr("&Approve and go to next"), self.approve_and_next, ["Ctrl+Return", "Ctrl+Enter"]
        )
        self.reject_action = self._action(self.tr("&Reject"), self.reject_current, ["Ctrl+Shift+R"])
        self.edit_action = self._action(self.tr("&Edit translation"), self.edit_current, ["F2"])
        self.next_action = self._action(self.tr("&Next segment"), lambda: self.move(1), ["Ctrl+Down"])
        self.previous_action = self._action(self.tr("&Previous segment"), lambda: self.move(-1), ["Ctrl+Up"])
        self.split_action = self._action(self.tr("&Split segment…"), self.split_current, ["Ctrl+Shift+S"])
        self.merge_action = self._action(self.tr("&Merge with next segment"), self.merge_current, ["Ctrl+Shift+M"])
        self.retranslate_action = self._action(self.tr("Re-&translate segment"), self.retranslate_current, ["Ctrl+T"])
        self.alternative_actions = [
            self._action(
                self.tr("Use alternative {n}").format(n=n), lambda n=n: self.use_alternative(n), [f"Ctrl+{n}"]
            )
            for n in (1, 2, 3)
        ]
        self.pretranslate_action = self.pretranslation.action
        self.tm_match_actions = [
            self._action(
                self.tr("Use TM match {n}").format(n=n), lambda n=n: self.use_tm_match(n), [f"Ctrl+Shift+{n}"]
            )
            for n in range(1, LOOKUP_LIMIT + 1)
        ]
        self.concordance_action = self._action(self.tr("&Concordance search…"), self.open_concordance, ["Ctrl+K"])
        # Alt, not Ctrl+Alt: on Windows Ctrl+Alt is AltGr, which types @, # and brackets on AZERTY keyboards.
        self.term_actions = [
            self._action(self.tr("Insert term {n}").format(n=n), lambda n=n: self.insert_term(n), [f"Alt+{n}"])
            for n in range(1, TERM_KEYS + 1)
        ]
        self.segment_actions = [
            self.retranslate_action,
            *self.alternative_actions,
            *self.tm_match_actions,
            *self.term_actions,
            self.concordance_action,
            self.approve_action,
            self.reject_action,
            self.next_action,
            self.previous_action,
            self.copy_source_action,
            self.insert_tag_action,
            self.split_action,
            self.merge_action,
            self.undo_action,
            self.redo_action,
            self.find_action,
            self.replace_action,
            self.comments.add_action,
        ]
        for action in (self.approve_action, self.reject_action, self.edit_action):
            segment_menu.addAction(action)
        # Kept per user, like every choice of how the window works; the CLI's is --no-propagate.
        self.propagate_action = QAction(self.tr("Fill &repetitions on approval"), self, checkable=True)
        self.propagate_action.setChecked(self.settings.value(PROPAGATE_KEY, PROPAGATE_REPETITIONS, type=bool))
        self.propagate_action.toggled.connect(lambda on: self.settings.setValue(PROPAGATE_KEY, on))
        segment_menu.addAction(self.propagate_action)
        segment_menu.addSeparator()
        for action in (self.next_action, self.previous_action):
            segment_menu.addAction(action)
        segment_menu.addSeparator()
        for action in (self.split_action, self.merge_action):
            segment_menu.addAction(action)
        segment_menu.addSeparator()
        segment_menu.addAction(self.comments.add_action)
        mt_menu = menu.addMenu(self.tr("&Translation"))
        for action in (self.pretranslate_action, self.retranslate_action, *self.alternative_actions):
            mt_menu.addAction(action)
        mt_menu.addSeparator()
        self.packages_action = self._action(self.tr("Translation &packages…"), self.show_packages)
        self.model_menu = ModelMenu(self, mt_menu.addMenu(self.tr("Machine translation &model")))
        mt_menu.aboutToShow.connect(self.model_menu.refresh)
        mt_menu.addAction(self.packages_action)
        tm_menu = menu.addMenu(self.tr("Translation &memory"))
        tm_menu.addActions([*self.tm_match_actions, self.concordance_action])
        tm_menu.addSeparator()
        self.tm_menu = TmMenu(self, self.tm, tm_menu)
        glossary_menu = menu.addMenu(self.tr("&Glossary"))
        glossary_menu.addMenu(self.tr("&Insert term")).addActions(self.term_actions)
        self.glossary_menu = GlossaryMenu(self, self.glossary, glossary_menu)
        qa_menu = menu.addMenu(self.tr("&QA"))
        for action in self.qa.menu_actions():
            if action is None:
                qa_menu.addSeparator()
            else:
                qa_menu.addAction(action)

        view_menu = menu.addMenu(self.tr("&View"))
        filter_menu = view_menu.addMenu(self.tr("Show &segments"))
        self.filter_group = QActionGroup(self)
        self.filter_actions: dict[str, QAction] = {}
        for name, statuses in FILTERS:
            action = QAction(self.tr(name), self, checkable=True)
            action.setData(name)
            action.triggered.connect(lambda checked=False, s=statuses: self.set_filter(s))
            self.filter_group.addAction(action)
            filter_menu.addAction(action)
            self.filter_actions[name] = action
        self.filter_actions["All segments"].setChecked(True)
        filter_menu.addSeparator()
        self.comment_filter_action = QAction(self.tr("Only segments with &comments"), self, checkable=True)
        self.comment_filter_action.toggled.connect(
            lambda on: self._refilter(lambda: self.proxy.set_commented_only(on)))
        filter_menu.addAction(self.comment_filter_action)
        self.spelling_action = QAction(self.tr("Underline &spelling mistakes"), self, checkable=True)
        self.spelling_action.setChecked(self.delegate.spelling.enabled)
        self.spelling_action.toggled.connect(self.delegate.spelling.set_enabled)
        view_menu.addAction(self.spelling_action)
        self.unsure_action = QAction(self.tr("Mark words the machine was &unsure of"), self, checkable=True)
        self.unsure_action.setChecked(self.delegate.unsure.enabled)
        self.unsure_action.toggled.connect(self.delegate.unsure.set_enabled)
        view_menu.addAction(self.unsure_action)
        self.least_confident_action = QAction(self.tr("&Least confident first"), self, checkable=True)
        self.least_confident_action.toggled.connect(self.sort_by_confidence)
        view_menu.addAction(self.least_confident_action)
        self.match_filter = MatchFilter(
            self, view_menu, self.proxy, self._refilter, self.order_rows, self.least_confident_action
        )
        self.statistics_action = self._action(self.tr("S&tatistics…"), self.show_statistics)
        view_menu.addAction(self.statistics_action)
        view_menu.addSeparator()
        self.zoom = GridZoom(self, self.grid)
        view_menu.addActions(self.zoom.actions)
        view_menu.addSeparator()
        self.panes_menu = view_menu.addMenu(self.tr("&Panes"))
        self.panes = PanesMenu(self, self.panes_menu, lambda: self.layout_memory.reset())
        self.language_menu = LanguageMenu(self, view_menu.addMenu(self.tr("&Language")))

        toolbar = self.addToolBar(self.tr("Main"))
        toolbar.setObjectName("main-toolbar")
        for action in (self.open_action, self.export_action, self.undo_action, self.redo_action, self.approve_action):
            toolbar.addAction(action)
        toolbar.addAction(self.pretranslate_action)
        toolbar.addAction(self.least_confident_action)
        toolbar.addAction(filter_menu.menuAction())
        toolbar.addAction(self.match_filter.menu.menuAction())
        # "Show segments" names a choice, not a command: the whole button opens the list of filters (as a split
        # button its main part did nothing, the menu having no action of its own to run). So does "Show matches".
        self.filter_button = toolbar.widgetForAction(filter_menu.menuAction())
        self.match_filter_button = toolbar.widgetForAction(self.match_filter.menu.menuAction())
        for button in (self.filter_button, self.match_filter_button):
            button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)

    def _set_project_actions_enabled(self, enabled: bool) -> None:
        for action in [
            *self.segment_actions,
            self.export_action,
            self.edit_action,
            self.pretranslate_action,
            self.least_confident_action,
            *self.filter_actions.values(),
            self.comment_filter_action,
            *self.match_filter.project_actions,
            *self.tm_menu.project_actions,
            *self.glossary_menu.project_actions,
            self.qa.run_action,
            self.statistics_action,
            self.analysis_action,
            *self.files.project_actions,
        ]:
            action.setEnabled(enabled)

    def writing_actions(self) -> list[QAction]:
        """Every action that changes the project: its segments, its undo history, its memory or glossary link (off
        while the project is read-only)."""
        return [
            self.approve_action, self.reject_action, self.edit_action, self.split_action, self.merge_action,
            self.retranslate_action, *self.alternative_actions, *self.tm_match_actions, *self.term_actions,
            self.copy_source_action, self.insert_tag_action, self.replace_action, self.pretranslate_action,
            self.undo_action, self.redo_action, self.qa.ignore_action, self.qa.unignore_action,
            self.tm_menu.new_action, self.tm_menu.open_action, self.glossary_menu.new_action,
            self.glossary_menu.open_action, *self.files.writing_actions,
        ]  # fmt: skip

    # -- opening, creating and closing projects -------------------------------------------------------------

    def open_project(self, path: str | Path) -> bool:
        """Open a project; on failure say why and keep the current project open and untouched."""
        bring_up_to_date(self, memory_needing_update(Path(path)))
        try:
            store = ProjectStore.open(path, memory_wait=0)  # a busy memory is caught up off the UI thread
        except TarjamaError as exc:
            self.show_error(self.tr("Cannot open the project"), error_text(exc))
            return False
        self._attach(ProjectSession(store))
        return True

    def _attach(self, session: ProjectSession) -> None:
        self.close_project()
        self.word_scoring.forget()
        self.session = session
        self.tm.attach(session)
        self.tm_menu.team.attach(session)
        self.glossary.attach(session)
        self.qa.attach(session)
        self.comments.attach(session)
        self.edit_time.attach(session)
        self.memory_catch_up.attach(session)
        self.external_changes.attach(session)
        self.find_replace.attach()
        self.proxy.setSourceModel(session.model)
        self.grid.setModel(self.proxy)
        self.grid.selectionModel().currentRowChanged.connect(self._on_current_changed)
        session.changed.connect(self._on_segments_changed)
        self.files.attach(session)
        session.model.targetEdited.connect(self.on_target_edited)
        self.empty_label.hide()
        self.grid.show()
        self._set_project_actions_enabled(True)
        self.read_only.attach(session)  # after the line above: a read-only project keeps its writing actions off
        self.setWindowTitle(self.tr("{name} — Tarjama").format(name=session.path.name))
        self._add_recent(session.path)
        self.update_progress()
        remembered = session.remembered_current()
        if remembered is not None and remembered in {s.id for s in session.model.segments()}:
            self.go_to(remembered)
        elif session.model.rowCount():
            self.go_to(session.model.segment_at(0).id)
        self.grid.setFocus()

    def close_project(self) -> None:
        if self.session is None:
            return
        self.pretranslation.stop()
        self.analysis.close()  # its numbers are this project's
        self.commit_open_editor()
        self.grid.setModel(None)
        self.proxy.setSourceModel(None)
        self.tm.detach()
        self.tm_menu.team.attach(None)
        self.glossary.detach()
        self.qa.detach()
        self.comments.attach(None)
        self.edit_time.attach(None)
        self.memory_catch_up.attach(None)
        self.read_only.attach(None)
        self.external_changes.attach(None)
        self.session.close()
        self.session = None
        self.files.attach(None)
        self.proxy.set_document(None)
        self._edit_start.clear()
        self._set_project_actions_enabled(False)

    def open_document(self, document: Path, project: Path, on_done=None) -> None:  # noqa: ANN001
        """Import a document into a project in the background, then open it."""
        self.statusBar().showMessage(self.tr("Importing {name}…").format(name=document.name))
        self.setEnabled(False)

        notices: list[Message] = []  # filled by the worker, read once it is done

        def work() -> Path:
            import_document(document, project, on_notice=notices.append).close()
            return project

        def done(path: Path) -> None:
            self.setEnabled(True)
            self.statusBar().clearMessage()
            self.open_project(path)
            if notices:
                QMessageBox.information(self, self.tr("Imported with notes"),
                                        "\n\n".join(message_text(notice) for notice in notices))
            if on_done:
                on_done(True)

        def failed(exc: Exception) -> None:
            self.setEnabled(True)
            self.statusBar().clearMessage()
            self.show_error(self.tr("Cannot import the document"), error_text(exc))
            if on_done:
                on_done(False)

        run_in_background(work, done, failed)

    def new_project_dialog(self) -> None:
        patterns = " ".join(f"*{ext}" for ext in supported_extensions())
        document, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose an Arabic document"),
            "",
            name_filters(self.tr("Documents ({patterns})").format(patterns=patterns)),
        )
        if not document:
            return
        suggested = str(default_project_path(Path(document)))
        project, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the new project as"), suggested, name_filters(self.tr("Tarjama projects (*.tarjama)"))
        )
        if project:
            project_path = Path(project)
            if project_path.suffix != ".tarjama":
                project_path = project_path.with_name(project_path.name + ".tarjama")
            self.open_document(Path(document), project_path)

    def open_project_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open a project"), "", name_filters(self.tr("Tarjama projects (*.tarjama)"))
        )
        if path:
            self.open_project(path)

    def _recent(self) -> list[str]:
        value = self.settings.value("recentProjects", [])
        return [value] if isinstance(value, str) else list(value or [])

    def _add_recent(self, path: Path) -> None:
        entry = str(Path(path).resolve())
        recent = [entry] + [p for p in self._recent() if p != entry]
        self.settings.setValue("recentProjects", recent[:MAX_RECENT])
        self._refresh_recent_menu()

    def _refresh_recent_menu(self) -> None:
        self.recent_menu.clear()
        for path in self._recent():
            action = self.recent_menu.addAction(path)
            action.triggered.connect(lambda checked=False, p=path: self.open_project(p))
        self.recent_menu.setEnabled(bool(self._recent()))

    def export_dialog(self) -> None:
        if self.session is None:
            return
        self.commit_open_editor()
        dialog = ExportDialog(self, self.session.store)
        if dialog.exec() and dialog.report is not None:
            report = dialog.report
            self.statusBar().showMessage(
                self.tr("Exported {path} ({approved} of {total} segments approved).").format(
                    path=left_to_right(str(report.path)), approved=report.approved, total=report.segments
                ),
                8000,
            )

    def closeEvent(self, event: QCloseEvent) -> None:
        self.layout_memory.save()
        self.tm_menu.cancel()
        self.glossary_menu.cancel()
        self.close_project()
        self.settings.sync()
        super().closeEvent(event)

    def show_error(self, title: str, message: str) -> None:
        self.statusBar().showMessage(isolated(message), 10000)  # often English from the core, in either UI
        if self.modal_errors:
            QMessageBox.warning(self, title, message)
        else:
            print(f"{title}: {message}", file=sys.stderr)

    @property
    def pretranslating(self) -> bool:
        return self.pretranslation.running

    def source_font(self) -> QFont:
        return self.delegate.source_font

    # -- navigation -----------------------------------------------------------------------------------------

    def current_segment(self) -> Segment | None:
        index = self.grid.currentIndex()
        if self.session is None or not index.isValid():
            return None
        return self.session.model.segment_at(self.proxy.mapToSource(index).row())

    def proxy_index(self, segment_id: int, column: int = Column.TARGET) -> QModelIndex:
        assert self.session is not None
        source = self.session.model.index(self.session.model.row_of(segment_id), column)
        return self.proxy.mapFromSource(source)

    def go_to(self, segment_id: int, edit: bool = False) -> None:
        index = self.proxy_index(segment_id)
        if not index.isValid():
            return
        self.grid.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        self.grid.scrollTo(index)
        if edit:
            self.grid.edit(index)

    def _on_current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        segment = self.current_segment()
        if segment is not None and self.session is not None:
            self.session.remember_current(segment.id)
        self._show_suggestions()

    def move(self, step: int) -> None:
        index = self.grid.currentIndex()
        if not index.isValid():
            return
        row = index.row() + step
        if not 0 <= row < self.proxy.rowCount():
            return
        was_editing = self.commit_open_editor()
        target = self.proxy.index(row, Column.TARGET)
        self.go_to(self.session.model.segment_at(self.proxy.mapToSource(target).row()).id, edit=was_editing)

    def edit_current(self) -> None:
        segment = self.current_segment()
        if segment is not None:
            self.go_to(segment.id, edit=True)

    def _next_unapproved_after(self, segment_id: int) -> int | None:
        """Proxy order, wrapping to the top, skipping the segment being approved."""
        assert self.session is not None
        start = self.proxy_index(segment_id).row()
        rows = self.proxy.rowCount()
        for offset in range(1, rows):
            row = (start + offset) % rows
            segment = self.session.model.segment_at(self.proxy.mapToSource(self.proxy.index(row, 0)).row())
            if segment.status != Status.APPROVED:
                return segment.id
        return None

    # -- editing --------------------------------------------------------------------------------------------

    def open_editor(self):  # noqa: ANN201 - the editor widget or None
        index = self.grid.currentIndex()
        if not index.isValid():
            return None
        return self.grid.indexWidget(self.proxy.index(index.row(), Column.TARGET))

    def commit_open_editor(self) -> bool:
        """Confirm text being typed (as an undoable edit) and close the editor; True if one was open."""
        editor = self.open_editor()
        if editor is None:
            return False
        self.grid.commitData(editor)
        self.grid.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        return True

    def _on_editing_started(self, segment_id: int) -> None:
        if self.session is not None:
            self._edit_start[segment_id] = self.session.store.segment(segment_id)

    def _on_draft_typed(self, segment_id: int, text: str) -> None:
        """Autosave of unconfirmed typing: stored at once, but not an undo step (the confirmed edit will be).

        Not over a change another program saved since the segment was shown: the text stays in the editor, and
        confirming it asks which to keep."""
        if self.session is None:
            return
        try:
            if text != self.session.store.segment(segment_id).target:
                self.session.update_segment(segment_id, target=text, status=None, reason="autosave",
                                            expected=self.session.shown_version(segment_id))
        except SegmentError:
            pass  # changed (or merged away) by another program: see `ui/external_changes.py`

    def _on_editing_abandoned(self, segment_id: int) -> None:
        """Esc: put back the text as it was when editing began, undoing any autosave of the abandoned typing."""
        before = self._edit_start.pop(segment_id, None)
        if self.session is not None and before is not None and self.session.store.segment(segment_id) != before:
            self._put_back(before)

    def _put_back(self, before: Segment) -> None:
        """Bring back the segment as editing began, unless another program has saved it since: the translator's
        typing is dropped either way, so that program's change stays, without a question."""
        assert self.session is not None
        try:
            self.session.restore(before, expected=self.session.shown_version(before.id))
        except SegmentChangedError:
            self.session.take_in([self.session.store.segment(before.id)])
        except SegmentError:
            pass  # merged away by another program: the grid is read again once the editor has closed

    def on_target_edited(self, segment_id: int, text: str) -> None:
        assert self.session is not None
        before = self._edit_start.pop(segment_id, None) or self.session.store.segment(segment_id)
        if text == before.target:
            if self.session.store.segment(segment_id).target != text:
                self._put_back(before)  # typed, autosaved, then typed back to the original
            return
        self.session.undo_stack.push(
            ChangeSegmentCommand(self.session, before, target=text, status=None, text=self.tr("Edit translation"))
        )

    def approve_and_next(self) -> None:
        """Ctrl+Enter: confirm the text being typed, approve (once QA has no objection the translator keeps), and
        open the next unapproved segment."""
        segment = self.current_segment()
        if segment is None or self.session is None:
            return
        editor = self.open_editor()
        text = segment.target if editor is None else editor.toPlainText()
        if not self.qa.approval_confirmed(segment, text):
            return
        stack = self.session.undo_stack
        stack.beginMacro(self.tr("Approve segment"))
        self.commit_open_editor()
        try:
            current = self.session.store.segment(segment.id)
        except SegmentError:  # merged away by another program while being edited, as the window has said
            stack.endMacro()
            return
        # The translator approves the text they see: when they kept another program's text over their own, they
        # read it before anything is approved.
        kept_theirs = self.session.shown(segment.id).target != text
        if current.status != Status.APPROVED and not kept_theirs:
            approve = ChangeSegmentCommand(
                self.session, current, target=text, status=Status.APPROVED, text=self.tr("Approve")
            )
            stack.push(approve)
            if self.propagate_action.isChecked():
                fill = FillRepetitionsCommand(self.session, segment.id)
                stack.push(fill)
                if fill.untagged:
                    self.statusBar().showMessage(self.tr(
                        "Repetitions left as they were, because their tags are not where this segment has them: "
                        "{count}").format(count=fill.untagged), 10000)
        stack.endMacro()
        self.calibration_refit.after_approval()
        self.tm_menu.team.after_approval()
        if self.session.store.segment(segment.id).status != Status.APPROVED:
            self.go_to(segment.id)  # another program's change was kept: it stays in view, to be read first
            return
        following = self._next_unapproved_after(segment.id)
        if following is not None:
            self.go_to(following, edit=True)
            self.grid.scroll_to_upper_third(self.proxy_index(following))  # the segments to come in sight below it

    def reject_current(self) -> None:
        segment = self.current_segment()
        if segment is None or self.session is None:
            return
        self.commit_open_editor()
        current = self.session.store.segment(segment.id)
        shown = self.session.shown(segment.id).target  # what is rejected; another program's text is asked about
        self.session.undo_stack.push(
            ChangeSegmentCommand(self.session, current, target=shown, status=Status.REJECTED, text=self.tr("Reject"))
        )

    def copy_source_to_target(self) -> None:
        segment = self.current_segment()
        if segment is not None:
            self._put_target(segment, segment.source, self.tr("Copy source to target"))

    def _put_target(self, segment: Segment, text: str, label: str) -> None:
        """Into the open editor, where the translator keeps typing; otherwise as one undoable edit."""
        assert self.session is not None
        editor = self.open_editor()
        if editor is not None:
            editor.setPlainText(text)
            return
        self.session.undo_stack.push(ChangeSegmentCommand(self.session, segment, target=text, status=None, text=label))

    def split_current(self) -> None:
        segment = self.current_segment()
        if segment is None or self.session is None:
            return
        self.commit_open_editor()
        dialog = SplitDialog(self, segment.source, self.delegate.source_font)
        if not dialog.exec():
            return
        self.split_at(segment.id, dialog.offset())

    def split_at(self, segment_id: int, offset: int) -> None:
        assert self.session is not None
        try:
            self.session.undo_stack.push(SplitCommand(self.session, self.session.store.segment(segment_id), offset))
        except TarjamaError as exc:
            self.show_error(self.tr("Cannot split"), error_text(exc))

    def merge_current(self) -> None:
        segment = self.current_segment()
        if segment is None or self.session is None:
            return
        self.commit_open_editor()
        current = self.session.store.segment(segment.id)
        try:
            following = self.session.review.merge_partner(current)
        except SegmentError as exc:  # the core's merge check, in its words
            self.show_error(self.tr("Cannot merge"), error_text(exc))
            return
        self.session.undo_stack.push(MergeCommand(self.session, current, following))
        self.go_to(segment.id)

    def undo(self) -> None:
        self._step_stack(undo=True)

    def redo(self) -> None:
        self._step_stack(undo=False)

    def _step_stack(self, undo: bool) -> None:
        """Undo or redo, then show the segment the change was made in."""
        if self.session is None:
            return
        self.commit_open_editor()
        stack = self.session.undo_stack
        index = stack.index() - 1 if undo else stack.index()
        if not 0 <= index < stack.count():
            return
        command = stack.command(index)
        (stack.undo if undo else stack.redo)()
        while command is not None and not isinstance(command, SegmentCommand) and command.childCount():
            command = command.child(0)
        if isinstance(command, SegmentCommand):
            self.go_to(command.focus_id)

    # -- filters --------------------------------------------------------------------------------------------

    def set_filter(self, statuses: set[Status]) -> None:
        self._refilter(lambda: self.proxy.set_statuses(statuses))

    def show_document(self, document_id: int | None) -> None:
        """Show only the segments of one file of the project (the Files pane's choice), or of all (None)."""
        self._refilter(lambda: self.proxy.set_document(document_id))

    def _refilter(self, change: Callable[[], None]) -> None:
        """Change which rows the grid shows, keeping the current segment when it is still among them."""
        current = self.current_segment()
        self.commit_open_editor()
        change()
        self.grid.fit_visible_rows()
        self.find_replace.recount()
        if current is not None and self.proxy_index(current.id).isValid():
            self.go_to(current.id)
        elif self.proxy.rowCount():
            self.grid.setCurrentIndex(self.proxy.index(0, Column.TARGET))

    # -- machine translation --------------------------------------------------------------------------------

    def show_packages(self) -> None:
        self.packages_dialog.refresh()
        self.packages_dialog.show()

    def _install_package_from_file(self) -> None:
        self.show_packages()
        self.packages_dialog.choose_file_and_install()

    def _download_package(self) -> None:
        self.show_packages()
        self.packages_dialog.start_download()

    def retranslate_current(self) -> None:
        """Ctrl+T: translate the current segment again (off the UI thread), as one undoable step."""
        segment = self.current_segment()
        if segment is None or self.session is None:
            return
        self.commit_open_editor()
        session = self.session
        package = project_package(self)  # the project's model, read here on the thread its store belongs to

        def work():  # noqa: ANN202 - the engine's SegmentTranslation
            from tarjama import mt

            tagged = segment.plain_source != segment.source
            return mt.load_translator(package).translate_one(segment.plain_source, align=tagged)

        def done(result) -> None:  # noqa: ANN001
            if self.session is not session:
                return  # the project was closed meanwhile
            from tarjama.project.pretranslate import suggestions

            best, alternatives = suggestions(result, segment.source)  # the source's tags placed back
            before = session.store.segment(segment.id)
            session.undo_stack.push(MachineTranslationCommand(session, before, best, alternatives))

        run_in_background(work, done, lambda exc: self.show_error(self.tr("Cannot translate"), error_text(exc)))

    def use_alternative(self, number: int) -> None:
        """Ctrl+1..3: put the numbered machine alternative into the target (into the editor when one is open)."""
        segment = self.current_segment()
        if segment is None or self.session is None or not 1 <= number <= len(segment.alternatives):
            return
        self._put_target(segment, segment.alternatives[number - 1].text, self.tr("Use alternative"))

    def use_tm_match(self, number: int) -> None:
        """Ctrl+Shift+1..5: put the numbered TM match into the target, as the translator's own draft."""
        segment = self.current_segment()
        match = None if segment is None else self.tm.match(segment.id, number)
        if segment is None or match is None:
            return
        self._put_target(segment, match.unit.target, self.tr("Use TM match"))
        self.tm.record_use(match)

    def insert_term(self, number: int) -> None:
        """Alt+1..9: the numbered glossary term's preferred English at the editor's cursor (opening the editor)."""
        segment = self.current_segment()
        entry = None if segment is None else self.glossary.term(segment.id, number)
        editor = None if segment is None or entry is None else self._editor_on(segment)
        if entry is not None and editor is not None:
            editor.insert_term(entry.preferred)

    def insert_next_tag(self) -> None:
        """F9: the first tag of the source that the translation lacks, at the editor's cursor (opening the editor);
        around the selected words when both its ends are missing."""
        segment = self.current_segment()
        editor = None if segment is None else self._editor_on(segment)
        if segment is not None and editor is not None and not editor.insert_next_tag(segment.source):
            self.statusBar().showMessage(self.tr("The translation has every tag of the source."), 4000)

    def _editor_on(self, segment: Segment):  # noqa: ANN202 - the grid's TargetEditor or None
        """The editor open on `segment`, opened for it if it was closed (None while nothing may be edited)."""
        if self.open_editor() is None:
            self.go_to(segment.id, edit=True)
        return self.open_editor()

    def open_concordance(self) -> None:
        """Ctrl+K: search the TM for the text selected in the editor (or type a query)."""
        editor = self.open_editor()
        self.tm.open_concordance(editor.textCursor().selectedText() if editor is not None else "")

    def _show_suggestions(self) -> None:
        """The machine alternatives and the TM matches of the current segment."""
        segment = self.current_segment()
        self.alternatives.show_segment(segment)
        self.tm.show_segment(segment)
        self.glossary.show_segment(segment)
        self.comments.show_segment(segment)

    def _on_segments_changed(self, ids: tuple[int, ...]) -> None:
        """Refresh what shows the segments that changed (`ids`; none given: any may have): the progress count, the
        panes when the current segment is among them, and the find bar's count."""
        self.update_progress(ids)
        current = self.current_segment()
        if not ids or (current is not None and current.id in ids):
            self._show_suggestions()
        self.find_replace.segments_changed(ids)

    def sort_by_confidence(self, enabled: bool) -> None:
        """Least confident first (MT confidence or TM score), segments with neither last; off: document order."""
        self.order_rows(SORT_ROLE if enabled else None)

    def order_rows(self, role: int | None) -> None:
        """Rows by the match column's `role` (see `StatusFilterProxy.order_by`), the current segment kept in view."""
        current = self.current_segment()
        self.proxy.order_by(role)
        self.grid.fit_visible_rows()
        if current is not None:
            self.go_to(current.id)

    # -- status bar and statistics --------------------------------------------------------------------------

    def show_statistics(self) -> None:
        if self.session is not None:
            self.statistics.show_project(self.progress_label.text(), list(self.session.model.segments()))

    def update_progress(self, ids: tuple[int, ...] = ()) -> None:
        """The status bar's count, with the segments `ids` counted again (none given: all of them)."""
        if self.session is None:
            self._progress.recount(None)
            self.progress_label.setText("")
            return
        segments, approved, words, approved_words = self._progress.update(self.session.model, ids).as_tuple()
        percent = 100 * approved_words // words if words else 0
        text = self.tr("{approved_label}: {a}/{n} segments, {aw}/{w} words ({percent}%)").format(
            approved_label=status_label(Status.APPROVED),
            a=approved,
            n=segments,
            aw=approved_words,
            w=words,
            percent=percent,
        )
        self.progress_label.setText(with_isolated_percentages(text))  # "(%96)" after Arabic words otherwise
