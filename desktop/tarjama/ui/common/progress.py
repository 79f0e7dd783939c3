"""Long file work (TMX and glossary import and export) on a worker thread, behind a progress dialog.

The work gets two callables, as the core services take them: `cancel()` says whether Cancel was pressed, and
`on_progress(count)` reports how many units are done (called on the worker thread; the count reaches the dialog
through a queued signal). A cancelled run ends in `on_cancelled`, not in an error box: the services leave nothing
half-done behind, and the translator asked for it. Work that cannot stop part-way (a glossary import is one short
transaction) gets no Cancel button, rather than one that would not do what it says.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from tarjama.ui.common.error_text import error_text
from tarjama.ui.common.tasks import run_in_background

if TYPE_CHECKING:
    from tarjama.ui.common.host import WindowHost

Work = Callable[[Callable[[], bool], Callable[[int], None]], Any]


class _Counter(QObject):
    """Lives on the UI thread, so a count emitted by the worker is shown by the UI thread."""

    counted = Signal(int)

    def __init__(self, dialog: QProgressDialog, label: str) -> None:
        super().__init__(dialog)
        self.dialog = dialog
        self.label = label
        self.counted.connect(self._show)

    @Slot(int)
    def _show(self, count: int) -> None:
        self.dialog.setLabelText(self.tr("{label}\n{count} units so far").format(label=self.label, count=count))


@dataclass(frozen=True)
class ProgressRun:
    """A running job: its dialog, and `cancel` for the window to stop it (e.g. when it closes)."""

    dialog: QProgressDialog
    cancelled: threading.Event

    def cancel(self) -> None:
        self.cancelled.set()


def run_with_progress(
    parent: QWidget,
    label: str,
    work: Work,
    on_success: Callable[[Any], None],
    on_failure: Callable[[Exception], None],
    on_cancelled: Callable[[], None],
    *,
    cancellable: bool = True,
) -> ProgressRun:
    """Start `work` in the background and show its dialog; exactly one of the three callbacks follows."""
    dialog = QProgressDialog(label, QCoreApplication.translate("Progress", "Cancel"), 0, 0, parent)
    if not cancellable:
        dialog.setCancelButton(None)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    cancelled = threading.Event()
    dialog.canceled.connect(cancelled.set)  # the Cancel button, Esc or closing the dialog
    counter = _Counter(dialog, label)

    def close() -> None:
        dialog.hide()  # not close(): closing a progress dialog counts as pressing Cancel
        dialog.deleteLater()

    def succeeded(result: Any) -> None:
        close()
        on_success(result)

    def failed(exc: Exception) -> None:
        close()
        if cancelled.is_set():
            on_cancelled()
        else:
            on_failure(exc)

    run_in_background(lambda: work(cancelled.is_set, counter.counted.emit), succeeded, failed)
    dialog.show()
    return ProgressRun(dialog, cancelled)


def with_suffix(path: str, suffix: str) -> Path:
    """A file name chosen in a save dialog, with `suffix` added when the translator left it off."""
    chosen = Path(path)
    return chosen if chosen.suffix == suffix else chosen.with_name(chosen.name + suffix)


class FileJobs(QObject):
    """A menu's imports and exports: one at a time, failures shown by the window, a cancelled one said in the
    status bar, and `cancel` for the window to stop the one running when it closes."""

    def __init__(self, window: WindowHost) -> None:
        super().__init__(window)
        self.window = window
        self.progress: ProgressRun | None = None

    def _run(
        self,
        label: str,
        work: Work,
        on_success: Callable[[Any], None],
        failure_title: str,
        cancelled_message: str | None,
    ) -> None:
        """Run `work` behind a progress dialog; without a `cancelled_message` it cannot be cancelled."""

        def done(result: Any) -> None:
            self.progress = None
            on_success(result)

        def failed(exc: Exception) -> None:
            self.progress = None
            self.window.show_error(failure_title, error_text(exc))

        def cancelled() -> None:
            self.progress = None
            self.window.statusBar().showMessage(cancelled_message or "", 8000)

        self.progress = run_with_progress(
            self.window, label, work, done, failed, cancelled, cancellable=cancelled_message is not None
        )

    def cancel(self) -> None:
        """Stop a running import or export (the window is closing); it leaves nothing half-done."""
        if self.progress is not None:
            self.progress.cancel()
