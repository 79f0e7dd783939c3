"""The window's QA side: running the checks on the document, checking each segment as it is approved, and the pane.

A document run (F8) reads the project on a worker thread with its own connection (`check_project`). Approval
(Ctrl+Enter) checks the one segment on the UI thread, which takes a few milliseconds, against a `QaContext` (the
project's approved translations and usual length ratios) gathered on a worker thread when the project opens and
again after approvals, so a long document never makes Ctrl+Enter wait for it. The glossary and the findings set
aside are always the current ones. Findings at a blocking severity ask the translator before approving.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QInputDialog, QMessageBox

from tarjama.domain import Segment
from tarjama.project.review import check_approval
from tarjama.project.store import ProjectStore
from tarjama.qa import SEVERITIES, CheckName, QaContext, QaIssue, QaSettings, Severity, check_project, check_segment
from tarjama.ui.common.bidi import isolated
from tarjama.ui.common.error_text import error_text
from tarjama.ui.common.tasks import run_in_background
from tarjama.ui.editor.session import ProjectSession
from tarjama.ui.glossary.panels import GlossaryPanels
from tarjama.ui.qa.pane import QaPane, QaRow, findings_summary, issue_message
from tarjama.ui.shell.actions import make_action

if TYPE_CHECKING:
    from tarjama.ui.common.host import WindowHost

CONFIRM_ERRORS_KEY = "qa/confirm_errors"
#: The project-wide facts are gathered again this long after the last approval. Gathering takes a tenth of a second
#: or more on a long document, and holds Python's GIL for much of it: an approval that coincided with it would wait.
#: Two seconds after an approval the translator is reading the next segment, while a run of quick approvals (exact
#: matches) keeps putting it off.
CONTEXT_DELAY_MS = 2000
_CHECK_NAMES = frozenset(CheckName)


def confirm_errors(settings: QSettings) -> bool:
    """Whether approving a segment with errors asks first (on unless turned off in the QA menu)."""
    value = settings.value(CONFIRM_ERRORS_KEY, True)
    return value if isinstance(value, bool) else str(value).lower() not in ("false", "0")


class QaPanels(QObject):
    def __init__(self, window: WindowHost, glossary: GlossaryPanels) -> None:
        super().__init__(window)
        self.window = window
        self.glossary = glossary
        self.settings = QaSettings()
        self.run_action = make_action(window, self.tr("&Run QA on the document"), self.run, ["F8"])
        self.ignore_action = make_action(window, self.tr("&Ignore the selected finding…"), self.ignore_selected)
        self.unignore_action = make_action(
            window, self.tr("&Report the selected finding again"), self.unignore_selected
        )
        self.show_ignored_action = make_action(window, self.tr("&Show ignored findings"), self._refresh)
        self.show_ignored_action.setCheckable(True)
        # The pane's buttons are labelled shorter than the menu items.
        self.run_action.setIconText(self.tr("Run QA (F8)"))
        self.ignore_action.setIconText(self.tr("Ignore…"))
        self.unignore_action.setIconText(self.tr("Report again"))
        self.show_ignored_action.setIconText(self.tr("Show ignored"))
        self.confirm_action = make_action(
            window, self.tr("&Ask before approving a segment with errors"), self._save_confirm
        )
        self.confirm_action.setCheckable(True)
        self.confirm_action.setChecked(confirm_errors(window.settings))
        #: Asks whether to approve despite these findings; tests put their own answer here.
        self.confirm: Callable[[list[QaIssue]], bool] = self._ask
        self.pane = QaPane([self.run_action, self.ignore_action, self.unignore_action, self.show_ignored_action])
        self.dock = QDockWidget(self.tr("QA"), window)
        self.dock.setObjectName("qa-dock")
        self.dock.setWidget(self.pane)
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.dock)
        self.session: ProjectSession | None = None
        self._findings: dict[int, list[QaIssue]] = {}  # by segment id: approvals replace one segment's
        self._counts: Counter[Severity] = Counter()
        self._context: QaContext | None = None
        self._gathering = 0  # the latest context being gathered; earlier ones are dropped when they finish
        self._running = 0  # likewise, the latest document run
        self._context_timer = QTimer(self)
        self._context_timer.setSingleShot(True)
        self._context_timer.setInterval(CONTEXT_DELAY_MS)
        self._context_timer.timeout.connect(self._gather_context)
        self.pane.segmentActivated.connect(self._go_to)
        self.pane.selectionChanged.connect(self._enable_row_actions)
        self._enable_row_actions()

    def menu_actions(self) -> list[QAction | None]:
        """The QA menu, None where a separator goes."""
        return [
            self.run_action,
            None,
            self.ignore_action,
            self.unignore_action,
            self.show_ignored_action,
            None,
            self.confirm_action,
        ]

    def attach(self, session: ProjectSession) -> None:
        self.session = session
        self._set_findings([])
        self._context = None
        self._gather_context()
        self._refresh()
        key = self.run_action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        self.pane.set_summary(self.tr("Press {key} to check the document.").format(key=key))

    def detach(self) -> None:
        self._context_timer.stop()
        self.session = None
        self._set_findings([])
        self._context = None
        self._gathering += 1
        self._refresh()
        self.pane.set_summary("")

    # -- the document ---------------------------------------------------------------------------------------

    def run(self) -> None:
        """F8: check every segment on a worker thread and list the findings."""
        session = self.session
        if session is None:
            return
        self.window.commit_open_editor()
        self._running += 1
        running, path, glossary, settings = self._running, session.path, self.glossary.finder, self.settings

        def check() -> list[QaIssue]:
            with ProjectStore.open(path) as store:
                return check_project(store, glossary, settings)

        def done(findings: list[QaIssue]) -> None:
            if session is self.session and running == self._running:
                self._set_findings(findings)
                self._refresh()

        def failed(exc: Exception) -> None:
            self.window.show_error(self.tr("Cannot run QA"), error_text(exc))

        self.dock.show()
        self.dock.raise_()
        self.pane.set_summary(self.tr("Checking the document…"))
        run_in_background(check, done, failed)

    def _current_context(self) -> QaContext:
        """The facts last gathered (none yet: the checks that need them stay silent), with the glossary loaded now
        and the findings set aside now."""
        assert self.session is not None
        gathered = self._context or QaContext(settings=self.settings)
        return replace(gathered, glossary=self.glossary.finder, ignored=self.session.store.ignored_qa())

    def _gather_context(self) -> None:
        """Gather the project-wide facts on a worker thread, from the segments the window holds (immutable); the
        glossary is left out, as approvals take the one loaded at that moment."""
        if self.session is None:
            return
        self._gathering += 1
        gathering, segments, settings = self._gathering, list(self.session.model.segments()), self.settings

        def done(context: QaContext) -> None:
            if gathering == self._gathering:
                self._context = context

        run_in_background(
            lambda: QaContext.for_segments(segments, settings=settings),
            done,
            lambda exc: self.window.show_error(self.tr("Cannot prepare the QA checks"), error_text(exc)),
        )

    # -- approval -------------------------------------------------------------------------------------------

    def approval_confirmed(self, segment: Segment, text: str) -> bool:
        """Whether to approve `segment` with `text`. QA's rule for it is the core's (`check_approval`: which
        findings refuse it, which were set aside); here its findings are listed, and the translator is asked to
        approve anyway when they refuse it (unless asking is turned off)."""
        if self.session is None:
            return True
        check = check_approval(segment, text, self._current_context())
        if check is None:
            return True  # approving changes nothing: nothing to check, the pane keeps what it lists
        findings = list(check.findings)
        self._replace_findings(segment.id, findings)
        number = self._number(segment.id)
        self.pane.replace_segment(segment.id, [QaRow(f, number) for f in findings], findings_summary(self._counts))
        confirmed = not check.refused or not self.confirm_action.isChecked() or self.confirm(list(check.blocking))
        if confirmed:
            self._context_timer.start()  # the approval is something later approvals are compared with
        return confirmed

    def _ask(self, findings: list[QaIssue]) -> bool:
        if not self.window.modal_errors:
            return True  # nobody is there to answer (--smoke): the findings are in the pane
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("QA found errors"), "", parent=self.window)
        box.setText(self.tr("QA found errors in this segment. Approve it anyway?"))
        box.setInformativeText("\n".join("• " + isolated(issue_message(finding)) for finding in findings))
        approve = box.addButton(self.tr("&Approve anyway"), QMessageBox.ButtonRole.AcceptRole)
        back = box.addButton(self.tr("&Go back"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(back)
        box.setEscapeButton(back)
        box.exec()
        return box.clickedButton() is approve

    def _save_confirm(self) -> None:
        self.window.settings.setValue(CONFIRM_ERRORS_KEY, self.confirm_action.isChecked())

    # -- the list -------------------------------------------------------------------------------------------

    def _go_to(self, segment_id: int) -> None:
        if self.session is not None and segment_id in self.session.model.ids():
            self.window.go_to(segment_id)
            self.window.grid.setFocus()

    def ignore_selected(self) -> None:
        """Set the selected finding aside with the translator's reason, kept in the project."""
        row = self.pane.selected()
        if row is None or row.reason is not None or self.session is None:
            return
        reason, accepted = QInputDialog.getText(
            self.window,
            self.tr("Ignore this finding"),
            self.tr(
                "Segment {number}: {message}\n\nWhy can this be ignored? The reason is kept with the project."
            ).format(number=row.number, message=isolated(issue_message(row.issue))),
        )
        if not accepted:
            return
        segment_id, check = row.issue.segment_id, row.issue.check
        self.session.store.ignore_qa(segment_id, check.value, reason.strip())
        self._replace_findings(segment_id, [f for f in self._findings.get(segment_id, []) if f.check != check])
        self._refresh()

    def unignore_selected(self) -> None:
        """Report the selected ignored finding again, checking its segment now."""
        row = self.pane.selected()
        if row is None or row.reason is None or self.session is None:
            return
        segment_id, check = row.issue.segment_id, row.issue.check
        self.session.store.unignore_qa(segment_id, check.value)
        if segment_id in self.session.model.ids():
            segment = self.session.store.segment(segment_id)
            found = [f for f in check_segment(segment, self._current_context()) if f.check == check]
            self._replace_findings(segment_id, self._findings.get(segment_id, []) + found)
        self._refresh()

    def _set_findings(self, findings: list[QaIssue]) -> None:
        self._findings = {}
        for finding in findings:
            self._findings.setdefault(finding.segment_id, []).append(finding)
        self._counts = Counter(finding.severity for finding in findings)

    def _replace_findings(self, segment_id: int, findings: list[QaIssue]) -> None:
        self._counts.subtract(finding.severity for finding in self._findings.pop(segment_id, []))
        self._counts.update(finding.severity for finding in findings)
        if findings:
            self._findings[segment_id] = findings

    def _number(self, segment_id: int) -> int | None:
        assert self.session is not None
        model = self.session.model
        return model.row_of(segment_id) + 1 if segment_id in model.ids() else None

    def _refresh(self) -> None:
        """List the findings in document order, and the ignored ones too when asked."""
        if self.session is None:
            self.pane.set_rows([], "")
            return
        rows = [
            QaRow(finding, self._number(segment_id))
            for segment_id, findings in self._findings.items()
            for finding in findings
        ]
        if self.show_ignored_action.isChecked():
            for (segment_id, name), reason in self.session.store.ignored_qa().items():
                if name in _CHECK_NAMES:
                    check = CheckName(name)
                    issue = QaIssue(segment_id, check, SEVERITIES[check], "")
                    rows.append(QaRow(issue, self._number(segment_id), reason))
        rows.sort(key=lambda row: row.number or 0)
        self.pane.set_rows(rows, findings_summary(self._counts))

    def _enable_row_actions(self) -> None:
        row = self.pane.selected()
        self.ignore_action.setEnabled(row is not None and row.reason is None)
        self.unignore_action.setEnabled(row is not None and row.reason is not None)
