"""QA in the window: Ctrl+Enter asks before approving a segment with errors, F8 checks the document, findings take
the grid to their segment and can be set aside with a reason."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog

from qt_keys import press, type_text
from tarjama.domain import ImportedDocument, Status
from tarjama.project.store import ProjectStore
from tarjama.qa import CheckName, QaIssue, Severity
from tarjama.ui.qa.panels import confirm_errors
from tarjama.ui.shell.main_window import MainWindow
from window_fixtures import editor_of, stored

CTRL = Qt.KeyboardModifier.ControlModifier

ATTACK = "وقع الهجوم في عام ٢٠١٦."
VISIT = "وصل الوزير إلى العاصمة."
BLAST = "قتل ٣ أشخاص في الانفجار."


@pytest.fixture
def project(tmp_path: Path) -> Path:
    path = tmp_path / "news.tarjama"
    ProjectStore.create(path, [ImportedDocument("news.txt", "txt", [ATTACK, VISIT, BLAST])]).close()
    return path


class Answers:
    """Stands in for the confirmation box: records what it was asked about and answers as told."""

    def __init__(self, approve: bool) -> None:
        self.approve = approve
        self.asked: list[list[QaIssue]] = []

    def __call__(self, findings: list[QaIssue]) -> bool:
        self.asked.append(findings)
        return self.approve


def listed(window: MainWindow) -> list[tuple[int | None, CheckName, str | None]]:
    return [(row.number, row.issue.check, row.reason) for row in window.qa.pane.rows()]


def test_approving_a_wrong_year_asks_first(qtbot, window: MainWindow, project: Path) -> None:
    answers = Answers(approve=False)
    window.qa.confirm = answers
    press(window.grid, Qt.Key.Key_F2)
    type_text(editor_of(window), "The attack happened in 2017.")
    press(editor_of(window), Qt.Key.Key_Return, CTRL)
    assert [[(f.check, f.severity) for f in findings] for findings in answers.asked] == [
        [(CheckName.NUMBER_MISSING, Severity.ERROR)]
    ]
    assert "2016" in answers.asked[0][0].message
    first = stored(project)[0]
    assert first.status != Status.APPROVED, "Go back leaves the segment unapproved"
    assert editor_of(window).toPlainText() == "The attack happened in 2017.", "and the translator still editing it"
    assert listed(window) == [(1, CheckName.NUMBER_MISSING, None), (1, CheckName.NUMBER_EXTRA, None)]

    answers.approve = True  # Approve anyway
    press(editor_of(window), Qt.Key.Key_Return, CTRL)
    assert stored(project)[0].status == Status.APPROVED
    assert len(answers.asked) == 2
    press(window.grid, Qt.Key.Key_Z, CTRL)
    assert stored(project)[0].status != Status.APPROVED

    window.qa.confirm_action.trigger()
    assert confirm_errors(window.settings) is False
    window.go_to(first.id)
    press(window.grid, Qt.Key.Key_Return, CTRL)
    assert stored(project)[0].status == Status.APPROVED, "with confirmation off it approves"
    assert len(answers.asked) == 2


def test_warnings_do_not_hold_up_an_approval_but_are_listed(qtbot, window: MainWindow, project: Path) -> None:
    answers = Answers(approve=False)
    window.qa.confirm = answers
    window.go_to(window.session.model.segment_at(1).id)
    press(window.grid, Qt.Key.Key_F2)
    type_text(editor_of(window), "The minister arrived in the capital")
    press(editor_of(window), Qt.Key.Key_Return, CTRL)
    assert stored(project)[1].status == Status.APPROVED
    assert answers.asked == []
    assert listed(window) == [(2, CheckName.FINAL_PUNCTUATION, None)]


def test_f8_lists_findings_which_lead_to_their_segment_and_can_be_ignored_with_a_reason(
    qtbot, window: MainWindow, project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    attack, visit, blast = window.session.model.segments()
    for segment, target in ((attack, "The attack happened in 2017."), (blast, "Three people died in the blast")):
        window.session.update_segment(segment.id, target=target, status=None)
    window.go_to(visit.id)
    press(window.grid, Qt.Key.Key_F8)
    qtbot.waitUntil(lambda: bool(window.qa.pane.rows()), timeout=10000)
    assert window.qa.dock.isVisible()
    assert listed(window) == [
        (1, CheckName.NUMBER_MISSING, None),
        (1, CheckName.NUMBER_EXTRA, None),
        (3, CheckName.FINAL_PUNCTUATION, None),
    ]
    assert "Errors: 1 · Warnings: 2" in window.qa.pane.summary.text()

    view = window.qa.pane.view
    view.selectRow(0)
    press(view, Qt.Key.Key_Return)
    assert window.current_segment().id == attack.id

    view.selectRow(0)
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: ("The editor corrects the year.", True))
    window.qa.ignore_action.trigger()
    assert listed(window) == [(1, CheckName.NUMBER_EXTRA, None), (3, CheckName.FINAL_PUNCTUATION, None)]
    assert window.session.store.ignored_qa() == {(attack.id, "number_missing"): "The editor corrects the year."}

    window.qa.show_ignored_action.trigger()
    ignored = (1, CheckName.NUMBER_MISSING, "The editor corrects the year.")
    assert listed(window) == [(1, CheckName.NUMBER_EXTRA, None), ignored, (3, CheckName.FINAL_PUNCTUATION, None)]
    model = window.qa.pane.model
    assert "The editor corrects the year." in model.index(1, model.MESSAGE).data()

    answers = Answers(approve=False)
    window.qa.confirm = answers
    window.go_to(attack.id)
    press(window.grid, Qt.Key.Key_Return, CTRL)
    assert stored(project)[0].status == Status.APPROVED, "an ignored error does not ask again"
    assert answers.asked == []
    assert window.current_segment().id == visit.id  # Ctrl+Enter went on to it, editing
    type_text(editor_of(window), "The minister arrived in the capital")  # its findings go between the others
    press(editor_of(window), Qt.Key.Key_Return, CTRL)
    assert listed(window) == [
        (1, CheckName.NUMBER_EXTRA, None),
        ignored,
        (2, CheckName.FINAL_PUNCTUATION, None),
        (3, CheckName.FINAL_PUNCTUATION, None),
    ]

    press(window.grid, Qt.Key.Key_F8)
    qtbot.waitUntil(lambda: (1, CheckName.NUMBER_EXTRA, None) in listed(window), timeout=10000)
    assert (1, CheckName.NUMBER_MISSING, None) not in listed(window)
    view.selectRow([row.reason for row in window.qa.pane.rows()].index("The editor corrects the year."))
    window.qa.unignore_action.trigger()
    assert window.session.store.ignored_qa() == {}
    assert (1, CheckName.NUMBER_MISSING, None) in listed(window)
