"""Every integer argument of `tarjama-cli` is bounded: a huge, negative or non-numeric one is a usage error (exit 2)
with a message, never an OverflowError traceback from SQLite, and it changes nothing."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from tarjama.cli import EXIT_BAD_INPUT, EXIT_OK
from tarjama.cli.output import INT64_MAX
from tarjama.project.files import import_document
from test_cli import SOURCE_TEXT, run

HUGE = "1000000000000000000000000000000"
JUST_TOO_BIG = str(INT64_MAX + 1)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    document = tmp_path / "خبر.txt"
    document.write_text(SOURCE_TEXT, encoding="utf-8")
    path = tmp_path / "خبر.tarjama"
    import_document(document, path).close()
    return path


def checksum(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


#: (command line with {project} and {n} for the bounded argument, the argument's name, what the message calls it)
ID_COMMANDS = [
    ("edit {project} {n} --target x", "segment_id", "a segment id"),
    ("split {project} {n} 3", "segment_id", "a segment id"),
    ("split {project} 1 {n}", "offset", "a character offset"),
    ("merge {project} {n}", "segment_id", "a segment id"),
]
LIMIT_COMMANDS = [
    ("tm search بيت --limit {n}", "--limit", "a number of results"),
    ("tm match بيت --limit {n}", "--limit", "a number of results"),
]


def _argv(line: str, project: Path, n: str) -> list[str]:
    return [part.format(project=project, n=n) for part in line.split()]


@pytest.mark.parametrize("value", [HUGE, JUST_TOO_BIG, "-5", "abc", "1.5", "9" * 5000])
@pytest.mark.parametrize(("line", "argument", "what"), ID_COMMANDS + LIMIT_COMMANDS,
                         ids=[c[0].split(" {")[0] + ":" + c[1] for c in ID_COMMANDS + LIMIT_COMMANDS])
def test_an_out_of_range_integer_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], project: Path, line: str, argument: str, what: str, value: str
) -> None:
    before = checksum(project)

    code, out, err = run(capsys, *_argv(line, project, value))

    assert code == EXIT_BAD_INPUT
    assert out == ""
    assert f"argument {argument}: " in err and f"is not {what}" in err
    assert f"give a whole number from {0 if argument == 'offset' else 1} to {INT64_MAX}" in err
    assert "Traceback" not in err and "OverflowError" not in err
    assert len(err) < 1000, "a 5000-digit argument is shortened in the message"
    assert checksum(project) == before


@pytest.mark.parametrize("line", ["edit {project} 0 --target x", "merge {project} 0", "tm search بيت --limit 0"])
def test_zero_is_neither_a_segment_id_nor_a_number_of_results(
    capsys: pytest.CaptureFixture[str], project: Path, line: str
) -> None:
    code, _, err = run(capsys, *_argv(line, project, ""))
    assert code == EXIT_BAD_INPUT and "'0' is not a" in err


@pytest.mark.parametrize("line", ["edit {project} {n} --target x", "merge {project} {n}", "split {project} {n} 1"])
def test_the_largest_segment_id_is_looked_up_and_not_found(
    capsys: pytest.CaptureFixture[str], project: Path, line: str
) -> None:
    """The bound is what SQLite can hold: the largest id accepted reaches the store, which says it is not there."""
    code, _, err = run(capsys, *_argv(line, project, str(INT64_MAX)))
    assert code == EXIT_BAD_INPUT
    assert f"Segment {INT64_MAX} does not exist" in err


def test_the_largest_offset_reaches_the_store(capsys: pytest.CaptureFixture[str], project: Path) -> None:
    code, _, err = run(capsys, "split", project, "1", str(INT64_MAX))
    assert code == EXIT_BAD_INPUT
    assert "can only be split between two non-empty parts" in err


@pytest.mark.parametrize("command", ["search", "match"])
def test_the_largest_limit_is_accepted(capsys: pytest.CaptureFixture[str], command: str) -> None:
    code, _, err = run(capsys, "tm", command, "بيت", "--limit", str(INT64_MAX))
    assert code == EXIT_OK, err


def test_ordinary_numbers_still_work(capsys: pytest.CaptureFixture[str], project: Path) -> None:
    assert run(capsys, "edit", project, "1", "--target", "The government announced a plan.")[0] == EXIT_OK
    assert run(capsys, "split", project, "2", "5")[0] == EXIT_OK
    assert run(capsys, "merge", project, "2")[0] == EXIT_OK
    assert run(capsys, "tm", "search", "بيت", "--limit", "3")[0] == EXIT_OK
