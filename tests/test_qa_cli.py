"""`tarjama-cli qa`: findings as lines and as JSON, the project's glossary or another, and the exit status."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tarjama.cli import EXIT_BAD_INPUT, EXIT_FAILED, EXIT_OK
from tarjama.domain import GlossaryEntry
from tarjama.glossary.store import Glossary, set_project_glossary
from tarjama.project.store import ProjectStore
from test_cli import run, run_subprocess

SOURCES = ["ارتفع التضخم إلى ٣٫٥ ٪ في عام ٢٠١٦.", "وقال رئيس الحكومة إن الوضع تحسن.", "هل تستمر الأسعار في الارتفاع؟"]
CORRECT = [
    "Inflation rose to 3.5% in 2016.",
    "The head of government said the situation had improved.",
    "Will prices keep rising?",
]


@pytest.fixture
def project(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A project whose three segments are approved with correct translations."""
    document = tmp_path / "economy.txt"
    document.write_text("\n\n".join(SOURCES) + "\n", encoding="utf-8")
    path = tmp_path / "economy.tarjama"
    assert run(capsys, "import", document, "--project", path)[0] == EXIT_OK
    for segment_id, target in enumerate(CORRECT, start=1):
        assert run(capsys, "edit", path, str(segment_id), "--target", target, "--approve")[0] == EXIT_OK
    return path


def edit(capsys: pytest.CaptureFixture[str], project: Path, segment_id: int, target: str) -> None:
    assert run(capsys, "edit", project, str(segment_id), "--target", target)[0] == EXIT_OK


def test_a_clean_project_exits_0_and_says_so(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "qa", project) == (EXIT_OK, "", "No findings.\n")
    code, out, _ = run(capsys, "qa", project, "--json")
    assert (code, json.loads(out)) == (EXIT_OK, [])


def test_an_error_lists_the_findings_and_exits_1(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(capsys, project, 1, "Inflation rose to 3.5% in 2017.")
    edit(capsys, project, 3, "Will prices keep rising.")
    code, out, err = run(capsys, "qa", project)
    assert code == EXIT_FAILED
    assert out.splitlines() == [
        "1\terror\tnumber_missing\tThe number ٢٠١٦ (2016) in the source is not in the translation.",
        "1\twarning\tnumber_extra\tThe number 2017 in the translation is not in the source.",
        "3\twarning\tfinal_punctuation\tThe source ends with “؟” but the translation ends with “.”.",
    ]
    assert err == "1 error, 2 warnings in 2 segments.\n"
    code, out, _ = run(capsys, "qa", project, "--json")
    assert code == EXIT_FAILED
    findings = json.loads(out)
    assert findings[0] == {
        "segment_id": 1,
        "check": "number_missing",
        "severity": "error",
        "message": "The number ٢٠١٦ (2016) in the source is not in the translation.",
    }
    assert [(f["segment_id"], f["check"], f["severity"]) for f in findings[1:]] == [
        (1, "number_extra", "warning"),
        (3, "final_punctuation", "warning"),
    ]


def test_warnings_alone_exit_0(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(capsys, project, 3, "Will prices keep rising.")
    code, out, _ = run(capsys, "qa", project)
    assert code == EXIT_OK and out.count("\n") == 1 and "\twarning\t" in out


def test_findings_set_aside_and_skipped_checks_are_left_out(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(capsys, project, 1, "Inflation rose to 3.5% in 2017.")
    with ProjectStore.open(project) as store:
        store.ignore_qa(1, "number_missing", "The source has the wrong year; the reporter confirmed 2017.")
    code, out, _ = run(capsys, "qa", project)
    assert code == EXIT_OK and [line.split("\t")[2] for line in out.splitlines()] == ["number_extra"]
    assert run(capsys, "qa", project, "--skip", "number_extra") == (EXIT_OK, "", "No findings.\n")


def test_glossary_terms_from_a_named_glossary_or_the_projects(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    glossary_path = tmp_path / "economy.tarjama-glossary"
    with Glossary.create(glossary_path) as glossary:
        glossary.add(
            GlossaryEntry(source="رئيس الحكومة", targets=("prime minister",), forbidden=("head of government",))
        )
    code, out, _ = run(capsys, "qa", project, "--glossary", glossary_path, "--json")
    assert code == EXIT_FAILED
    assert [(f["segment_id"], f["check"]) for f in json.loads(out)] == [(2, "glossary_term"), (2, "forbidden_term")]
    # Without --glossary, the project's own glossary is used.
    assert run(capsys, "qa", project)[0] == EXIT_OK
    with ProjectStore.open(project) as store:
        set_project_glossary(store, glossary_path)
    assert run(capsys, "qa", project)[0] == EXIT_FAILED


def test_a_missing_project_or_glossary_exits_2(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "qa", tmp_path / "absent.tarjama")
    assert code == EXIT_BAD_INPUT and "absent.tarjama" in err
    code, _, err = run(capsys, "qa", project, "--glossary", tmp_path / "absent.tarjama-glossary")
    assert code == EXIT_BAD_INPUT and "absent.tarjama-glossary" in err


def test_help_explains_the_exit_status(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "qa", "--help")
    assert code == EXIT_OK and "1 when it found at least one error" in " ".join(out.split())


def test_the_installed_command_exits_1_on_errors(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(capsys, project, 1, "Inflation rose to 3.5% in 2017.")
    result = run_subprocess("qa", project)
    assert result.returncode == EXIT_FAILED and result.stdout.startswith("1\terror\tnumber_missing\t")
