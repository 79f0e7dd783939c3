"""Running a pre-translation from the window (Ctrl+Shift+P): the worker, its line in the status bar with Cancel,
and what it did at the end.

The worker (`PretranslateWorker`) writes each batch through a connection of its own; here the batch's rows are
read again into the grid, and the segments of the batches since the last look are announced (`segmentsShown`) at
most every quarter of a second, so the window's progress count and panes never refresh per batch on the UI thread.

The texts keep the translation context they had when this lived in the window ("MainWindow").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel, QPushButton

from tarjama.project.pretranslate import PretranslateReport
from tarjama.ui.memory.menu import tm_threshold
from tarjama.ui.mt.machine_translation import PretranslateWorker, pretranslation_summary
from tarjama.ui.mt.model_menu import project_package
from tarjama.ui.shell.actions import make_action

if TYPE_CHECKING:
    from tarjama.ui.common.host import WindowHost
    from tarjama.ui.mt.model_banner import MissingModelBanner

translate = QCoreApplication.translate

#: Batches refresh the progress count and the panes at most this often.
REFRESH_MS = 250


class Pretranslation(QObject):
    """One pre-translation at a time for the open project; `action` starts it."""

    #: The segments batches have filled since the last announcement (a tuple of ids), as `ProjectSession.changed`.
    segmentsShown = Signal(tuple)

    def __init__(self, window: WindowHost, banner: MissingModelBanner) -> None:
        super().__init__(window)
        self.window = window
        #: Where a run that found no package says so in full, with its offers to install one.
        self.banner = banner
        self.action = make_action(
            window, translate("MainWindow", "&Pre-translate document"), self.start, ["Ctrl+Shift+P"]
        )
        self.label = QLabel()
        self.cancel_button = QPushButton(translate("MainWindow", "Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        self.label.hide()
        self.cancel_button.hide()
        self.worker: PretranslateWorker | None = None
        self._shown: set[int] = set()
        self._refresh = QTimer(self)
        self._refresh.setSingleShot(True)
        self._refresh.setInterval(REFRESH_MS)
        self._refresh.timeout.connect(self._announce)

    @property
    def running(self) -> bool:
        return self.worker is not None

    def start(self) -> None:
        """Translate every untouched segment in the background; batches appear in the grid as they finish."""
        session = self.window.session
        if session is None or self.worker is not None:
            return
        self.window.commit_open_editor()
        worker = PretranslateWorker(session.path, tm_threshold(self.window.settings), project_package(self.window))
        worker.progressed.connect(self._on_progress)
        worker.succeeded.connect(self._on_finished)
        worker.failed.connect(self._on_failed)
        worker.finished.connect(self._on_stopped)
        self.worker = worker
        self.label.setText(translate("MainWindow", "Pre-translation starting…"))
        self.label.show()
        self.cancel_button.show()
        self.action.setEnabled(False)
        worker.start()

    def cancel(self) -> None:
        if self.worker is not None:
            self.worker.cancel()
            self.label.setText(translate("MainWindow", "Cancelling…"))

    def stop(self) -> None:
        """Cancel and wait for the worker (closing the project or the window); finished batches are kept."""
        worker = self.worker
        if worker is None:
            return
        worker.cancel()
        worker.wait()
        self._on_stopped()

    def _on_progress(self, done: int, total: int, rate: float, ids: list[int]) -> None:
        session = self.window.session
        if session is not None:
            session.reload(ids)
            self._shown.update(ids)
            if not self._refresh.isActive():
                self._refresh.start()
        self.label.setText(
            translate("MainWindow", "Pre-translation: {done}/{total} segments ({rate:.1f}/s)").format(
                done=done, total=total, rate=rate
            )
        )

    def _announce(self) -> None:
        shown, self._shown = tuple(self._shown), set()
        if shown:
            self.segmentsShown.emit(shown)

    def _on_finished(self, report: PretranslateReport, mt_skipped: bool) -> None:
        summary = pretranslation_summary(report, mt_skipped)
        if mt_skipped:
            # Too long for the status bar beside its permanent labels (it was cut off mid-word): the missing-package
            # bar shows it in full, with its offers to install a package, until one is installed.
            self.window.statusBar().clearMessage()
            self.banner.show_notice(summary)
        else:
            self.window.statusBar().showMessage(summary, 10000)

    def _on_failed(self, message: str) -> None:
        self.window.show_error(translate("MainWindow", "Pre-translation failed"), message)

    def _on_stopped(self) -> None:
        if self.worker is None:
            return
        self.worker = None
        self._refresh.stop()
        if self.window.session is not None:
            self._announce()
        self._shown.clear()
        self.label.hide()
        self.cancel_button.hide()
        self.action.setEnabled(self.window.session is not None)
