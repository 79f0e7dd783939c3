"""`tarjama-cli`: in-process through `tarjama.cli.main`, and through the installed entry point in a subprocess."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import docx
import pytest

from tarjama.cli import EXIT_BAD_INPUT, EXIT_OK, main
from tarjama.domain import MachineSuggestion
from tarjama.formats import read_document
from tarjama.project.schema import PROJECT_FILE
from tarjama.project.store import ProjectStore

SOURCE_TEXT = (
    "أعلنت الحكومة خطة جديدة للنقل العام. وتشمل الخطة خطوط حافلات إضافية.\n"
    "\n"
    "رحب السكان بالقرار.\n"
)


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    """Run the CLI in-process; returns (exit code, stdout, stderr)."""
    try:
        code = main([str(a) for a in argv])
    except SystemExit as exc:  # argparse exits on bad usage
        code = exc.code if isinstance(exc.code, int) else 1
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> object:
    code, out, err = run(capsys, *argv, "--json")
    assert code == EXIT_OK, err
    return json.loads(out)


def cli_executable() -> str:
    found = Path(sys.executable).parent / "tarjama-cli"
    if found.is_file():
        return str(found)
    which = shutil.which("tarjama-cli")
    if which is None:
        pytest.skip("the tarjama-cli entry point is not installed")
    return which


def run_subprocess(*argv: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [cli_executable(), *map(str, argv)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )


@pytest.fixture
def document(tmp_path: Path) -> Path:
    path = tmp_path / "نقل.txt"
    path.write_text(SOURCE_TEXT, encoding="utf-8")
    return path


@pytest.fixture
def project(tmp_path: Path, document: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "نقل.tarjama"
    code, out, err = run(capsys, "import", document, "--project", path)
    assert code == EXIT_OK, err
    assert "3 segments" in out
    return path


# -- the happy path ---------------------------------------------------------------------------------------------


def test_import_then_stats_and_segments(capsys: pytest.CaptureFixture[str], project: Path) -> None:
    stats = run_json(capsys, "stats", project)
    assert [(d["name"], d["segments"], d["words"]) for d in stats.pop("documents")] == [("نقل.txt", 3, 14)]
    assert stats == {
        "segments": 3,
        "approved_segments": 0,
        "words": 14,
        "approved_words": 0,
        "by_status": {"new": 3, "machine": 0, "draft": 0, "approved": 0, "rejected": 0},
        "effort": {
            "segments": 0,
            "from_mt": 0,
            "from_tm": 0,
            "mean_hter": None,
            "median_hter": None,
            "edit_seconds": 0.0,
            "words_per_hour": None,
        },
    }
    segments = run_json(capsys, "segments", project)
    assert [(s["paragraph"], s["source"], s["target"], s["status"]) for s in segments] == [
        (1, "أعلنت الحكومة خطة جديدة للنقل العام.", "", "new"),
        (1, "وتشمل الخطة خطوط حافلات إضافية.", "", "new"),
        (2, "رحب السكان بالقرار.", "", "new"),
    ]
    assert all(isinstance(s["id"], int) for s in segments)
    assert len({s["id"] for s in segments}) == 3


def test_plain_output_of_stats_and_segments(capsys: pytest.CaptureFixture[str], project: Path) -> None:
    code, out, _ = run(capsys, "stats", project)
    assert code == EXIT_OK
    assert "Segments approved: 0 / 3" in out
    code, out, _ = run(capsys, "segments", project)
    assert code == EXIT_OK
    assert len(out.splitlines()) == 3
    assert "رحب السكان بالقرار." in out


def test_edit_and_approve(capsys: pytest.CaptureFixture[str], project: Path) -> None:
    first, second, _ = run_json(capsys, "segments", project)
    code, out, _ = run(capsys, "edit", project, first["id"], "--target", "The government announced a plan.",
                       "--approve")
    assert (code, out.strip()) == (EXIT_OK, f"Segment {first['id']}: approved")
    code, out, _ = run(capsys, "edit", project, second["id"], "--target", "It includes extra bus lines.")
    assert (code, out.strip()) == (EXIT_OK, f"Segment {second['id']}: draft")

    segments = run_json(capsys, "segments", project)
    assert [(s["target"], s["status"], s["origin"]) for s in segments] == [
        ("The government announced a plan.", "approved", "human"),
        ("It includes extra bus lines.", "draft", "human"),
        ("", "new", "none"),
    ]
    stats = run_json(capsys, "stats", project)
    assert (stats["approved_segments"], stats["approved_words"]) == (1, 6)


def test_split_and_merge_round_trip(capsys: pytest.CaptureFixture[str], project: Path) -> None:
    before = run_json(capsys, "segments", project)
    first = before[0]
    offset = first["source"].index("للنقل")

    code, out, _ = run(capsys, "split", project, first["id"], offset)
    assert code == EXIT_OK
    split = run_json(capsys, "segments", project)
    assert [s["source"] for s in split[:2]] == ["أعلنت الحكومة خطة جديدة", "للنقل العام."]
    new_id = split[1]["id"]
    assert f"segment {new_id}" in out

    code, out, _ = run(capsys, "merge", project, first["id"])
    assert (code, out.strip()) == (EXIT_OK, f"Merged segment {new_id} into segment {first['id']}.")
    assert run_json(capsys, "segments", project) == before


def test_split_of_machine_output_leaves_a_draft_without_the_machine_score(
    capsys: pytest.CaptureFixture[str], project: Path
) -> None:
    first = run_json(capsys, "segments", project)[0]
    with ProjectStore.open(project) as store:
        best = MachineSuggestion("The government announced a new public transport plan.", 1.0)
        store.apply_machine_translations([(first["id"], best, (best,))])

    code, _, _ = run(capsys, "split", project, first["id"], first["source"].index("للنقل"))

    assert code == EXIT_OK
    head, tail = run_json(capsys, "segments", project)[:2]
    assert (head["target"], head["status"], head["origin"], head["confidence"]) == (
        best.text, "draft", "human", None
    )
    assert (tail["target"], tail["status"], tail["origin"], tail["confidence"]) == ("", "new", "none", None)


def test_export_target_txt_and_docx(capsys: pytest.CaptureFixture[str], project: Path, tmp_path: Path) -> None:
    first = run_json(capsys, "segments", project)[0]
    run(capsys, "edit", project, first["id"], "--target", "The government announced a plan.", "--approve")

    code, out, err = run(capsys, "export-target", project, tmp_path / "out.txt")
    assert code == EXIT_OK
    assert "1 of 3 segments approved" in out
    assert "not yet approved" in err  # the export rule is explained when something is unapproved
    assert (tmp_path / "out.txt").read_text(encoding="utf-8") == (
        "The government announced a plan. وتشمل الخطة خطوط حافلات إضافية.\n\nرحب السكان بالقرار.\n"
    )

    code, _, _ = run(capsys, "export-target", project, tmp_path / "out.docx")
    assert code == EXIT_OK
    assert [p.text for p in docx.Document(str(tmp_path / "out.docx")).paragraphs] == [
        "The government announced a plan. وتشمل الخطة خطوط حافلات إضافية.",
        "رحب السكان بالقرار.",
    ]


# -- failures: exit code 2 with a message naming the file -------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content"),
    [("فارغ.txt", b""), ("صورة.txt", bytes(range(256)) * 4), ("مستند.docx", b"not a zip"), ("جدول.xlsx", b"PK")],
)
def test_a_bad_document_exits_2_naming_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str, content: bytes
) -> None:
    bad = tmp_path / name
    bad.write_bytes(content)
    code, out, err = run(capsys, "import", bad, "--project", tmp_path / "p.tarjama")
    assert code == EXIT_BAD_INPUT
    assert name in err and err.startswith("tarjama-cli: ")
    assert out == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]


def test_a_missing_document_exits_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "import", tmp_path / "غائب.txt", "--project", tmp_path / "p.tarjama")
    assert code == EXIT_BAD_INPUT
    assert "غائب.txt" in err


@pytest.mark.parametrize("command", ["stats", "segments", "merge 1", "export-target"])
def test_a_missing_project_exits_2(capsys: pytest.CaptureFixture[str], tmp_path: Path, command: str) -> None:
    name, *rest = command.split()
    extra = [tmp_path / "out.txt"] if name == "export-target" else rest
    code, _, err = run(capsys, name, tmp_path / "غائب.tarjama", *extra)
    assert code == EXIT_BAD_INPUT
    assert "غائب.tarjama" in err and "does not exist" in err
    assert not (tmp_path / "out.txt").exists()


def test_a_file_that_is_not_a_project_exits_2_untouched(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    fake = tmp_path / "fake.tarjama"
    fake.write_text("ملف نصي وليس مشروعا", encoding="utf-8")
    before = fake.read_bytes()
    for argv in (["stats", fake], ["import", tmp_path / "x.txt", "--project", fake]):
        if argv[0] == "import":
            (tmp_path / "x.txt").write_text("جملة قصيرة.", encoding="utf-8")
        code, _, err = run(capsys, *argv)
        assert code == EXIT_BAD_INPUT
        assert "fake.tarjama" in err and "not a Tarjama project" in err
    assert fake.read_bytes() == before


def test_a_project_from_a_newer_version_exits_2(capsys: pytest.CaptureFixture[str], project: Path) -> None:
    conn = sqlite3.connect(project)
    conn.execute(f"PRAGMA user_version={PROJECT_FILE.version + 1}")
    conn.commit()
    conn.close()
    before = project.read_bytes()
    code, _, err = run(capsys, "segments", project)
    assert code == EXIT_BAD_INPUT
    assert project.name in err and "newer" in err
    assert project.read_bytes() == before


def test_segment_errors_exit_2(capsys: pytest.CaptureFixture[str], project: Path) -> None:
    segments = run_json(capsys, "segments", project)
    for argv in (
        ["edit", project, 9999, "--target", "x"],
        ["split", project, segments[0]["id"], 0],
        ["split", project, segments[0]["id"], 10_000],
        ["merge", project, segments[2]["id"]],  # the last segment of the last paragraph
    ):
        code, _, err = run(capsys, *argv)
        assert code == EXIT_BAD_INPUT, argv
        assert err.startswith("tarjama-cli: ")
    assert run_json(capsys, "segments", project) == segments


def test_export_to_an_unknown_extension_exits_2(capsys: pytest.CaptureFixture[str], project: Path) -> None:
    out = project.with_name("out.pdf")
    code, _, err = run(capsys, "export-target", project, out)
    assert code == EXIT_BAD_INPUT
    assert "out.pdf" in err and ".export-" not in err
    assert not out.exists()


def test_export_into_a_missing_folder_is_bad_input_naming_it(capsys: pytest.CaptureFixture[str], project: Path) -> None:
    out = project.parent / "nowhere" / "out.txt"
    code, _, err = run(capsys, "export-target", project, out)
    assert code == EXIT_BAD_INPUT
    assert err.startswith(f"tarjama-cli: {out}: could not be written")
    assert not out.parent.exists()


@pytest.mark.parametrize(
    "argv",
    [[], ["translate"], ["edit", "p.tarjama", "1"], ["edit", "p.tarjama", "one", "--target", "x"], ["import", "a.txt"]],
)
def test_bad_usage_exits_2_with_usage(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert "usage: tarjama-cli" in err
    assert out == ""


# -- the installed entry point ----------------------------------------------------------------------------------


@pytest.mark.slow
def test_installed_entry_point(tmp_path: Path, document: Path) -> None:
    project = tmp_path / "sub.tarjama"
    done = run_subprocess("import", document, "--project", project)
    assert done.returncode == 0, done.stderr
    assert "3 segments" in done.stdout

    done = run_subprocess("stats", project, "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["segments"] == 3

    done = run_subprocess("stats", tmp_path / "غائب.tarjama")
    assert done.returncode == 2
    assert "غائب.tarjama" in done.stderr

    done = run_subprocess("no-such-command")
    assert done.returncode == 2
    assert "usage: tarjama-cli" in done.stderr


# -- the shared article -----------------------------------------------------------------------------------------


def test_shared_article(capsys: pytest.CaptureFixture[str], tmp_path: Path, shared_article: Path) -> None:
    project = tmp_path / "article.tarjama"
    code, _, err = run(capsys, "import", shared_article, "--project", project)
    assert code == EXIT_OK, err
    paragraphs = read_document(shared_article).paragraphs
    assert paragraphs == [line.strip() for line in shared_article.read_text(encoding="utf-8").splitlines()
                          if line.strip()]

    segments = run_json(capsys, "segments", project)
    assert len(segments) > len(paragraphs)
    assert sorted({s["paragraph"] for s in segments}) == list(range(1, len(paragraphs) + 1))

    with ProjectStore.open(project) as store:
        [info] = store.documents()
        rebuilt = ["".join(s.source + s.space_after for s in p) for p in store.paragraphs(info.id)]
    assert rebuilt == paragraphs
