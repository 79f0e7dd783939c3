"""Long file work (TMX import and export) on a worker thread, behind a progress dialog with a Cancel button.

The work gets two callables, as the core services take them: `cancel()` says whether Cancel was pressed, and
`on_progress(count)` reports how many units are done (called on the worker thread; the count reaches the dialog
through a queued signal). A cancelled run ends in `on_cancelled`, not in an error box: the services leave nothing
half-done behind, and the translator asked for it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from tarjama.ui.tasks import run_in_background

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
) -> ProgressRun:
    """Start `work` in the background and show its dialog; exactly one of the three callbacks follows."""
    dialog = QProgressDialog(label, QCoreApplication.translate("Progress", "Cancel"), 0, 0, parent)
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
