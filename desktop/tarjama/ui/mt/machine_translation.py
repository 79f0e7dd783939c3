"""Pre-translation in the window (translation memory first, then MT) and the machine alternatives pane.

The worker thread opens its own connections to the project and its TM (SQLite connections belong to the thread
that opened them) and writes each finished batch itself; the UI thread only re-reads the changed rows, so the event
loop never waits for the engine. Without an Arabic→English package it still fills what the TM can.
"""

from __future__ import annotations

import html
import threading
from collections.abc import Sequence
from contextlib import nullcontext
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QThread, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from tarjama.domain import Segment
from tarjama.inline_tags import readable
from tarjama.memory.store import TranslationMemory
from tarjama.mt.packages import InstalledPackage
from tarjama.project.pretranslate import PretranslateProgress, PretranslateReport, TooLongSegment, pretranslate
from tarjama.project.store import ProjectStore
from tarjama.ui.common.bidi import left_to_right, with_isolated_percentages
from tarjama.ui.common.error_text import error_text
from tarjama.ui.editor.unsure_words import UnsureWords, marked_html
from tarjama.ui.project.effort_view import segment_effort_text


class PretranslateWorker(QThread):
    progressed = Signal(int, int, float, list)  # done, total, segments per second, changed segment ids
    succeeded = Signal(object, bool)  # PretranslateReport, whether MT was skipped for want of a package
    failed = Signal(str)

    def __init__(self, project: Path, tm_threshold: int, package: InstalledPackage | None = None) -> None:
        super().__init__()
        self.project = project
        self.tm_threshold = tm_threshold
        #: The project's model (`ui.mt.model_menu.project_package`); None: the default, if any is installed.
        self.package = package
        self.cancel_event = threading.Event()

    def cancel(self) -> None:
        self.cancel_event.set()

    def run(self) -> None:
        from tarjama import mt

        try:
            try:
                translator = mt.load_translator(self.package)
            except mt.PackageNotFoundError:
                translator = None
            with ProjectStore.open(self.project) as store:
                linked = store.linked_tm
                with TranslationMemory.open(linked) if linked is not None else nullcontext() as tm:
                    report = pretranslate(
                        store,
                        translator,
                        tm=tm,
                        tm_threshold=self.tm_threshold,
                        cancel=self.cancel_event,
                        on_progress=self._report,
                    )
        except Exception as exc:  # noqa: BLE001 - shown to the user by the UI thread
            self.failed.emit(error_text(exc))
            return
        self.succeeded.emit(report, translator is None)

    def _report(self, progress: PretranslateProgress) -> None:
        self.progressed.emit(
            progress.done, progress.total, progress.segments_per_second, [s.id for s in progress.changed]
        )


class AlternativesPane(QWidget):
    """The current segment's raw machine translation and its alternatives, numbered for Ctrl+1..3, and how much
    post-editing its target has taken so far. The words the machine was unsure of are underlined (`unsure`, when
    the window gives it its marking)."""

    def __init__(self, parent: QWidget | None = None, unsure: UnsureWords | None = None) -> None:
        super().__init__(parent)
        self.unsure = unsure
        self._segment: Segment | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.machine = QLabel()
        self.machine.setWordWrap(True)
        self.effort = QLabel()
        self.list = QListWidget()
        self.list.setWordWrap(True)
        layout.addWidget(self.machine)
        layout.addWidget(self.effort)
        layout.addWidget(self.list)
        self.show_segment(None)
        if unsure is not None:
            unsure.changed.connect(lambda: self.show_segment(self._segment))

    def show_segment(self, segment: Segment | None) -> None:
        self._segment = segment
        self.list.clear()
        self.machine.setTextFormat(Qt.TextFormat.PlainText)
        effort = "" if segment is None else segment_effort_text(segment)
        self.effort.setText(self.tr("Post-editing: {effort}").format(effort=effort) if effort else "")
        self.effort.setVisible(bool(effort))
        if segment is None or segment.mt_text is None:
            self.machine.setText(self.tr("No machine translation for this segment."))
            return
        # The English keeps its own direction and the confidence its sign after the number in the Arabic UI too;
        # the tags placed into the machine text show as their numbers (⟨1⟩…⟨/1⟩), as in the TM pane.
        unsure = [] if self.unsure is None else self.unsure.in_machine_text(segment)
        if unsure:
            self.machine.setTextFormat(Qt.TextFormat.RichText)
            marked = left_to_right(marked_html(segment.mt_text, unsure))
            self.machine.setText(html.escape(self.tr("Machine translation: {text}")).format(text=marked))
        else:
            machine = left_to_right(readable(segment.mt_text))
            self.machine.setText(self.tr("Machine translation: {text}").format(text=machine))
        for number, alternative in enumerate(segment.alternatives, start=1):
            text = self.tr("Ctrl+{n}  {text}  ({confidence}%)").format(
                n=number, text=left_to_right(readable(alternative.text)), confidence=round(100 * alternative.confidence)
            )
            self.list.addItem(QListWidgetItem(with_isolated_percentages(text)))


def pretranslation_summary(report: PretranslateReport, mt_skipped: bool) -> str:
    """What a pre-translation run did, for the status bar; says so when MT had no package to run with."""
    template = (
        QCoreApplication.translate(
            "Pretranslate",
            "Pre-translation cancelled: {tm} segments from the translation memory ({exact} exact, {fuzzy} fuzzy), "
            "{mt} machine-translated.",
        )
        if report.cancelled
        else QCoreApplication.translate(
            "Pretranslate",
            "Pre-translation finished: {tm} segments from the translation memory ({exact} exact, {fuzzy} fuzzy), "
            "{mt} machine-translated.",
        )
    )
    message = template.format(tm=report.from_tm, exact=report.tm_exact, fuzzy=report.tm_fuzzy, mt=report.translated)
    if mt_skipped:
        message += " " + QCoreApplication.translate(
            "Pretranslate", "Machine translation was skipped: no Arabic→English package is installed."
        )
    if report.too_long:
        message += " " + too_long_summary(report.too_long)
    return message


#: Segments named one by one in the summary; the rest are counted.
NAMED_TOO_LONG = 5


def too_long_summary(too_long: Sequence[TooLongSegment]) -> str:
    """Which segments were left untouched for their length (by row number and size), and what to do."""
    named = QCoreApplication.translate("Pretranslate", ", ").join(
        QCoreApplication.translate("Pretranslate", "{number} ({characters} characters)").format(
            number=item.number, characters=item.characters
        )
        for item in too_long[:NAMED_TOO_LONG]
    )
    if len(too_long) > NAMED_TOO_LONG:
        named = QCoreApplication.translate("Pretranslate", "{named} and {more} more").format(
            named=named, more=len(too_long) - NAMED_TOO_LONG
        )
    return QCoreApplication.translate(
        "Pretranslate",
        "Left untouched, too long to machine-translate (a segment should be a sentence): segment(s) {named}. Split "
        "them into sentences (Segment → Split segment) and pre-translate again.",
    ).format(named=named)
