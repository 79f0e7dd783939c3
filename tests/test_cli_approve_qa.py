"""One QA rule for an approval in both shells: `tarjama-cli edit --approve` refuses the segment Ctrl+Enter asks about.

The CLI refuses it with exit 1, the findings worded as `tarjama-cli qa` words them and the project byte for byte as it
was (the text is not kept as a draft either: the window's "Go back" keeps it in the editor, not in the project);
`--force` approves it anyway, as "Approve anyway" does in the window.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from qt_keys import press, type_text
from tarjama.cli import EXIT_FAILED, EXIT_OK
from tarjama.cli.qa_commands import finding_line
from tarjama.domain import Status
from tarjama.memory.store import TranslationMemory
from tarjama.paths import default_tm_path
from tarjama.project.store import ProjectStore
from tarjama.qa import CheckName, QaIssue
from test_cli import run
from window_fixtures import editor_of, open_window, project_of, stored

ATTACK = "وقع الهجوم في عام ٢٠١٦."
VISIT = "وصل الوزير إلى العاصمة."
WRONG_YEAR = "The attack happened in 2017."
REFUSED_LINES = [
    "1\terror\tnumber_missing\tThe number ٢٠١٦ (2016) in the source is not in the translation.",
    "1\twarning\tnumber_extra\tThe number 2017 in the translation is not in the source.",
]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """Imported as the translator imports a document, so it is linked to the user's translation memory."""
    return project_of(tmp_path, f"{ATTACK}\n\n{VISIT}\n", name="news")


def checksum(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def history(project: Path) -> list[list[object]]:
    with ProjectStore.open(project) as store:
        return [store.history(segment.id) for segment in store.segments()]


def test_the_cli_refuses_an_approval_with_a_qa_error_and_changes_nothing(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before, segments, versions = checksum(project), stored(project), history(project)
    code, out, err = run(capsys, "edit", project, "1", "--target", WRONG_YEAR, "--approve")
    assert code == EXIT_FAILED
    assert out.splitlines() == REFUSED_LINES
    assert err.splitlines() == [
        "1 error, 1 warning in 1 segment.",
        "tarjama-cli: QA found errors in segment 1 of news.tarjama, so it was not approved and nothing was saved. "
        "Correct the translation, or approve it anyway.",
        "To approve it as it is, run the command again with --force; without --approve the text is saved as a draft.",
    ]
    assert checksum(project) == before, "the project file is byte for byte as it was"
    assert (stored(project), history(project)) == (segments, versions)
    with TranslationMemory.open(default_tm_path()) as memory:
        assert memory.count() == 0

    # The findings are worded as `qa` words them: saved as a draft, the text gets the very same lines.
    assert run(capsys, "edit", project, "1", "--target", WRONG_YEAR)[0] == EXIT_OK
    code, qa_out, _ = run(capsys, "qa", project)
    assert (code, qa_out.splitlines()) == (EXIT_FAILED, REFUSED_LINES)


def test_force_approves_anyway_and_the_unit_goes_into_the_memory(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "edit", project, "1", "--target", WRONG_YEAR, "--approve", "--force") == (
        EXIT_OK, "Segment 1: approved\n", ""
    )
    first = stored(project)[0]
    assert (first.target, first.status) == (WRONG_YEAR, Status.APPROVED)
    with TranslationMemory.open(default_tm_path()) as memory:
        assert memory.lookup(ATTACK)[0].unit.target == WRONG_YEAR


def test_warnings_alone_do_not_refuse_an_approval(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "edit", project, "2", "--target", "The minister arrived in the capital", "--approve") == (
        EXIT_OK, "Segment 2: approved\n", ""
    )


def test_a_finding_set_aside_in_the_window_does_not_refuse_it(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with ProjectStore.open(project) as store:
        store.ignore_qa(1, CheckName.NUMBER_MISSING.value, "the agency corrected the year")
    code, out, _ = run(capsys, "edit", project, "1", "--target", WRONG_YEAR, "--approve")
    assert (code, out) == (EXIT_OK, "Segment 1: approved\n")


def test_the_help_says_that_qa_runs_first(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "edit", "--help")
    assert code == 0
    assert "--force" in out and "QA checks the text as Ctrl+Enter does" in " ".join(out.split())


def test_ctrl_enter_refuses_the_same_segment_until_approved_anyway(qtbot, project: Path) -> None:
    asked: list[list[QaIssue]] = []
    answer = [False]

    def confirm(findings: list[QaIssue]) -> bool:
        asked.append(findings)
        return answer[0]

    window = open_window(qtbot, project)
    try:
        window.qa.confirm = confirm
        press(window.grid, Qt.Key.Key_F2)
        type_text(editor_of(window), WRONG_YEAR)
        press(editor_of(window), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        assert [[finding_line(f) for f in found] for found in asked] == [REFUSED_LINES[:1]], (
            "the window asks about exactly the error the CLI refuses on"
        )
        assert stored(project)[0].status != Status.APPROVED
        assert editor_of(window).toPlainText() == WRONG_YEAR, "Go back keeps the text in the editor"

        answer[0] = True  # Approve anyway: what --force does
        press(editor_of(window), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        first = stored(project)[0]
        assert (first.target, first.status) == (WRONG_YEAR, Status.APPROVED)
    finally:
        window.close()
