"""Post-editing effort as the translator sees it: a line per segment, and the project's summary in Statistics.

Per segment, the numbers compare the target with the machine translation or fuzzy TM match it began from
(`tarjama.project.effort.segment_effort`), with the active editing time. The summary runs TER over every approved
segment, which takes seconds on a long document, so the dialog computes it on a worker thread from the segments the
window already holds (immutable values, safe to hand over).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from tarjama.domain import Segment
from tarjama.project.effort import EffortSummary, effort_summary, hter, segment_effort
from tarjama.ui.common.error_text import error_text
from tarjama.ui.common.tasks import run_in_background

NOT_YET = "–"

#: Bare `translate("Context", "text")` calls are what lupdate extracts outside a QObject's methods.
translate = QCoreApplication.translate


def prepare_metrics() -> None:
    """Import what HTER needs now, off the UI thread: sacrebleu takes over half a second to import, which would
    otherwise freeze the window the first time it shows or approves a post-edited segment. A failure here is left
    to show where HTER is used."""
    run_in_background(lambda: hter("a", "a"), lambda _: None, lambda _: None)


def duration_text(seconds: float) -> str:
    """1 h 5 min, 1 min 20 s, 45 s: as precise as a translator cares about."""
    whole = round(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return translate("Effort", "{h} h {m} min").format(h=hours, m=minutes)
    if minutes:
        return translate("Effort", "{m} min {s} s").format(m=minutes, s=secs)
    return translate("Effort", "{s} s").format(s=secs)


def segment_effort_text(segment: Segment) -> str:
    """ "HTER 0.25 · 12 characters changed · 1 min 20 s of editing", or the parts that apply, or ""."""
    parts = []
    effort = segment_effort(segment)
    if effort is not None and effort.char_distance:
        parts.append(translate("Effort", "HTER {hter:.2f}").format(hter=effort.hter))
        parts.append(translate("Effort", "{n} characters changed").format(n=effort.char_distance))
    if segment.edit_seconds >= 1:
        parts.append(translate("Effort", "{time} of editing").format(time=duration_text(segment.edit_seconds)))
    return " · ".join(parts)


def summary_lines(summary: EffortSummary) -> list[tuple[str, str]]:
    """(label, value) rows for the Statistics dialog."""
    mean = NOT_YET if summary.mean_hter is None else f"{summary.mean_hter:.2f}"
    median = NOT_YET if summary.median_hter is None else f"{summary.median_hter:.2f}"
    speed = NOT_YET if summary.words_per_hour is None else f"{summary.words_per_hour:.0f}"
    return [
        (
            translate("Effort", "Post-edited segments"),
            translate("Effort", "{n} approved ({mt} from machine translation, {tm} from fuzzy TM matches)").format(
                n=summary.segments, mt=summary.from_mt, tm=summary.from_tm
            ),
        ),
        (
            translate("Effort", "HTER"),
            translate("Effort", "mean {mean}, median {median}").format(mean=mean, median=median),
        ),
        (translate("Effort", "Active editing time"), duration_text(summary.edit_seconds)),
        (translate("Effort", "Words per hour"), speed),
    ]


class StatisticsDialog(QDialog):
    """View → Statistics: progress and post-editing effort of the open project."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Statistics"))
        layout = QVBoxLayout(self)
        self.progress = QLabel()
        self.progress.setWordWrap(True)
        self.form = QFormLayout()
        layout.addWidget(self.progress)
        layout.addLayout(self.form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout.addWidget(buttons)
        self.summary: EffortSummary | None = None
        self._request = 0

    def show_project(self, progress: str, segments: list[Segment]) -> None:
        """Show at once the progress, and the effort once it is computed (the latest request wins)."""
        self._request += 1
        request = self._request
        self.summary = None
        self.progress.setText(progress)
        self._set_rows([(self.tr("Post-editing effort"), self.tr("Computing…"))])

        def done(summary: EffortSummary) -> None:
            if request == self._request:
                self.summary = summary
                self._set_rows(summary_lines(summary))

        def failed(exc: Exception) -> None:
            if request == self._request:
                self._set_rows([(self.tr("Post-editing effort"), error_text(exc))])

        run_in_background(lambda: effort_summary(segments), done, failed)
        self.show()
        self.raise_()

    def _set_rows(self, rows: list[tuple[str, str]]) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        for label, value in rows:
            self.form.addRow(label, QLabel(value))
