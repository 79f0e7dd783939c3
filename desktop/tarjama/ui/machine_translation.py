"""Machine translation in the window: the background pre-translation worker and the alternatives pane.

The worker thread opens its own connection to the project (SQLite connections belong to the thread that opened
them) and writes each finished batch itself; the UI thread only re-reads the changed rows, so the event loop never
waits for the engine.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QThread, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from tarjama.domain import Segment
from tarjama.pretranslate import PretranslateProgress, pretranslate
from tarjama.stores.project import ProjectStore


class PretranslateWorker(QThread):
    progressed = Signal(int, int, float, list)  # done, total, segments per second, changed segment ids
    succeeded = Signal(int, int, bool)  # translated, total, cancelled
    failed = Signal(str)

    def __init__(self, project: Path) -> None:
        super().__init__()
        self.project = project
        self.cancel_event = threading.Event()

    def cancel(self) -> None:
        self.cancel_event.set()

    def run(self) -> None:
        from tarjama import mt

        try:
            translator = mt.load_translator()
            with ProjectStore.open(self.project) as store:
                report = pretranslate(store, translator, cancel=self.cancel_event, on_progress=self._report)
        except Exception as exc:  # noqa: BLE001 - shown to the user by the UI thread
            self.failed.emit(str(exc))
            return
        self.succeeded.emit(report.translated, report.total, report.cancelled)

    def _report(self, progress: PretranslateProgress) -> None:
        self.progressed.emit(
            progress.done, progress.total, progress.segments_per_second, [s.id for s in progress.changed]
        )


class AlternativesPane(QWidget):
    """The current segment's raw machine translation and its alternatives, numbered for Ctrl+1..3."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.machine = QLabel()
        self.machine.setWordWrap(True)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        layout.addWidget(self.machine)
        layout.addWidget(self.list)
        self.show_segment(None)

    def show_segment(self, segment: Segment | None) -> None:
        self.list.clear()
        if segment is None or segment.mt_text is None:
            self.machine.setText(self.tr("No machine translation for this segment."))
            return
        self.machine.setText(self.tr("Machine translation: {text}").format(text=segment.mt_text))
        for number, alternative in enumerate(segment.alternatives, start=1):
            item = QListWidgetItem(
                self.tr("Ctrl+{n}  {text}  ({confidence}%)").format(
                    n=number, text=alternative.text, confidence=round(100 * alternative.confidence)
                )
            )
            self.list.addItem(item)
