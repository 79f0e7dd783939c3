"""File → Analysis…: the dialog analyses the project off the UI thread and shows the numbers of tests/test_analysis.py,
per file and in total; weights are editable and change the weighted words; Save as CSV writes them."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tarjama.project.analysis_report import BAND_NAMES, CONFIDENCE_NAMES
from tarjama.project.match_bands import MatchBand
from tarjama.settings import ANALYSIS_WEIGHTS
from tarjama.ui.project import analysis_dialog as table
from test_analysis import CHARACTERS, WORDS, build_project


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return build_project(tmp_path)


def cell(dialog, row: int, column: int) -> str:  # noqa: ANN001 - the AnalysisDialog
    return dialog.table.item(row, column).text()


def analysed(qtbot: QtBot, window):  # noqa: ANN001, ANN201 - the MainWindow, its AnalysisDialog
    assert window.analysis_action.isEnabled()
    window.analysis_action.trigger()
    dialog = window.analysis
    qtbot.waitUntil(lambda: dialog.analysis is not None and dialog._cancel is None, timeout=10_000)
    return dialog


def test_the_dialog_shows_each_band_per_file_and_in_total(qtbot: QtBot, window) -> None:  # noqa: ANN001
    dialog = analysed(qtbot, window)
    assert dialog.isVisible()
    rows = {band: row for row, band in enumerate(MatchBand)}
    assert cell(dialog, rows[MatchBand.EXACT], table.SEGMENTS) == "2"
    assert cell(dialog, rows[MatchBand.REPETITION], table.WORDS) == str(2 * WORDS)
    assert cell(dialog, rows[MatchBand.CONTEXT], table.CHARACTERS) == str(CHARACTERS)
    assert cell(dialog, table.TOTAL_ROW, table.SEGMENTS) == "11"
    assert cell(dialog, table.TOTAL_ROW + 3, table.SEGMENTS) == "1"  # MT, unsure
    weighted = sum(n * WORDS * ANALYSIS_WEIGHTS[b] for b, n in
                   {"101": 1, "100": 2, "repetition": 2, "95-99": 1, "85-94": 1, "75-84": 1, "50-74": 1,
                    "no-match": 2}.items()) / 100
    assert cell(dialog, table.TOTAL_ROW, table.WEIGHTED) == f"{weighted:,.1f}"

    dialog.file_choice.setCurrentIndex(dialog.file_choice.findText("b.txt"))
    assert cell(dialog, rows[MatchBand.EXACT], table.SEGMENTS) == "1"
    assert cell(dialog, table.TOTAL_ROW, table.SEGMENTS) == "3"

    dialog.repetitions_first.setChecked(True)  # runs again
    qtbot.waitUntil(lambda: dialog._cancel is None and dialog.analysis.repetitions_first, timeout=10_000)
    assert cell(dialog, rows[MatchBand.EXACT], table.SEGMENTS) == "0" and cell(dialog, rows[MatchBand.REPETITION],
                                                                          table.SEGMENTS) == "3"


def test_an_edited_weight_changes_the_weighted_words_and_the_csv(
    qtbot: QtBot, window, tmp_path: Path  # noqa: ANN001
) -> None:
    dialog = analysed(qtbot, window)
    no_match = list(MatchBand).index(MatchBand.NO_MATCH)
    before = float(cell(dialog, table.TOTAL_ROW, table.WEIGHTED).replace(",", ""))
    dialog.table.item(no_match, table.WEIGHT).setText("50")
    assert cell(dialog, no_match, table.WEIGHTED) == f"{2 * WORDS / 2:,.1f}"
    assert float(cell(dialog, table.TOTAL_ROW, table.WEIGHTED).replace(",", "")) == before - 2 * WORDS / 2
    dialog.table.item(no_match, table.WEIGHT).setText("150")  # refused: the weight stays
    assert cell(dialog, no_match, table.WEIGHT) == "50"
    assert type(dialog)(window, window).weights[MatchBand.NO_MATCH] == 50  # kept in the user's settings

    out_file = tmp_path / "analysis.csv"
    dialog.write_csv(out_file)
    rows = list(csv.DictReader(out_file.open(encoding="utf-8-sig")))
    total = next(row for row in rows if row["file"] == "Total" and row["band"] == "No match")
    assert (total["weight"], total["segments"]) == ("50", "2")


def test_the_marked_names_are_the_cores() -> None:
    assert table.BAND_NAMES_MARKED == BAND_NAMES and table.CONFIDENCE_NAMES_MARKED == CONFIDENCE_NAMES
