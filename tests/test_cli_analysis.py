"""`tarjama-cli analyse`: the table, JSON and CSV of the analysis, on the project of tests/test_analysis.py."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from tarjama.cli import EXIT_BAD_INPUT, EXIT_OK
from tarjama.settings import ANALYSIS_WEIGHTS
from test_analysis import CHARACTERS, FILE_A, FILE_B, WORDS, build_project
from test_cli import run, run_json


def test_json_gives_every_band_per_file_and_in_total(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(capsys, "analyse", build_project(tmp_path))
    assert isinstance(data, dict)
    total = data["total"]
    segments = {band: counts["segments"] for band, counts in total["bands"].items()}
    assert segments == {"101": 1, "100": 2, "repetition": 2, "95-99": 1, "85-94": 1, "75-84": 1, "50-74": 1,
                        "no-match": 2}
    assert total["total"] == {"segments": 11, "words": 11 * WORDS, "characters": 11 * CHARACTERS}
    assert total["weighted_words"] == sum(n * WORDS * ANALYSIS_WEIGHTS[band] for band, n in segments.items()) / 100
    assert {band: c["segments"] for band, c in total["machine_translation"].items()} == {
        "likely-fine": 1, "check": 0, "unsure": 1}
    assert [(f["name"], f["total"]["segments"]) for f in data["files"]] == [("a.txt", len(FILE_A)),
                                                                            ("b.txt", len(FILE_B))]
    assert data["weights"] == ANALYSIS_WEIGHTS and data["repetitions_first"] is False


def test_repetitions_first_and_weights_are_taken(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(capsys, "analyse", build_project(tmp_path), "--repetitions-first", "--weight", "no-match=50",
                    "--weight", "repetition=0")
    assert isinstance(data, dict)
    bands = data["total"]["bands"]
    assert (bands["100"]["segments"], bands["repetition"]["segments"]) == (1, 3)
    assert bands["repetition"]["weighted_words"] == 0 and bands["no-match"]["weighted_words"] == 2 * WORDS / 2
    assert data["weights"]["no-match"] == 50 and data["repetitions_first"] is True


def test_csv_for_a_spreadsheet_and_a_readable_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out_file = tmp_path / "analysis.csv"
    code, out, err = run(capsys, "analyse", build_project(tmp_path), "--csv", out_file)
    assert code == EXIT_OK, err
    assert out_file.read_bytes().startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8 with its mark
    rows = list(csv.DictReader(out_file.open(encoding="utf-8-sig")))
    total = {row["band"]: row for row in rows if row["file"] == "Total"}
    assert total["100 %"]["segments"] == "2" and total["100 %"]["weight"] == str(ANALYSIS_WEIGHTS["100"])
    assert total["No match"]["words"] == str(2 * WORDS)
    assert total["MT, unsure"]["segments"] == "1"
    assert {row["file"] for row in rows} == {"a.txt", "b.txt", "Total"}
    assert "101 % (context)" in out and "a.txt" in out and "All files" in out and f"Wrote {out_file}" in out


def test_a_bad_weight_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = build_project(tmp_path)
    for weight in ("fuzzy=10", "100=150", "100=a"):
        code, _, err = run(capsys, "analyse", project, "--weight", weight)
        assert code == EXIT_BAD_INPUT and "--weight" in err


def test_an_existing_csv_is_not_replaced_without_force(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = build_project(tmp_path)
    out_file = tmp_path / "analysis.csv"
    out_file.write_text("keep", encoding="utf-8")
    code, _, _ = run(capsys, "analyse", project, "--csv", out_file)
    assert code == EXIT_BAD_INPUT and out_file.read_text(encoding="utf-8") == "keep"
    code, _, err = run(capsys, "analyse", project, "--csv", out_file, "--force")
    assert code == EXIT_OK, err
    assert out_file.read_text(encoding="utf-8-sig").startswith("file,band,")
