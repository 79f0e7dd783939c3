"""An analysis as others read it: the bands' English names, JSON for scripts and CSV for a spreadsheet, the same
numbers in each, for `tarjama-cli analyse` and the window's Save as CSV."""

from __future__ import annotations

import csv
from collections.abc import Iterator, Mapping
from pathlib import Path

from tarjama.atomic_file import replacing
from tarjama.errors import QT_TRANSLATE_NOOP
from tarjama.project.analysis import Analysis, Counts, FileAnalysis, Weights
from tarjama.project.match_bands import ConfidenceBand, MatchBand

#: The rows' English names, as memoQ and Trados print them; the window shows them translated (a test keeps its
#: marked copy equal to this one).
BAND_NAMES: Mapping[MatchBand, str] = {
    MatchBand.CONTEXT: "101 % (context)",
    MatchBand.EXACT: "100 %",
    MatchBand.REPETITION: "Repetitions",
    MatchBand.FUZZY_95: "95–99 %",
    MatchBand.FUZZY_85: "85–94 %",
    MatchBand.FUZZY_75: "75–84 %",
    MatchBand.FUZZY_50: "50–74 %",
    MatchBand.NO_MATCH: "No match",
}
CONFIDENCE_NAMES: Mapping[ConfidenceBand, str] = {
    ConfidenceBand.LIKELY_FINE: "MT, likely fine",
    ConfidenceBand.CHECK: "MT, check",
    ConfidenceBand.UNSURE: "MT, unsure",
}
#: What the total's "file" is called in a CSV file.
TOTAL_NAME = "Total"

CSV_COLUMNS = ("file", "band", "segments", "words", "characters", "weight", "weighted_words")

CSV_WHAT = QT_TRANSLATE_NOOP("Errors", "analysis")


def _counts(counts: Counts) -> dict[str, int]:
    return {"segments": counts.segments, "words": counts.words, "characters": counts.characters}


def file_json(analysis: FileAnalysis, weights: Weights) -> dict[str, object]:
    return {
        "bands": {
            band.value: _counts(counts) | {"weighted_words": counts.words * weights[band] / 100}
            for band, counts in analysis.bands.items()
        },
        "machine_translation": {band.value: _counts(counts) for band, counts in analysis.machine.items()},
        "total": _counts(analysis.total),
        "weighted_words": analysis.weighted_words(weights),
    }


def analysis_json(analysis: Analysis, weights: Weights) -> dict[str, object]:
    return {
        "memory": None if analysis.memory is None else str(analysis.memory),
        "repetitions_first": analysis.repetitions_first,
        "weights": {band.value: weights[band] for band in MatchBand},
        "files": [{"document": f.document_id, "name": f.name} | file_json(f, weights) for f in analysis.files],
        "total": file_json(analysis.total, weights),
    }


def csv_rows(analysis: Analysis, weights: Weights) -> Iterator[dict[str, object]]:
    """One row per file and band, then the file's machine-translation rows (no weight: they are counted in the no
    match row already) and its total; the project's total last, as a file named `TOTAL_NAME`."""
    for report in (*analysis.files, analysis.total):
        name = report.name if report.document_id is not None else TOTAL_NAME
        for band, counts in report.bands.items():
            yield {"file": name, "band": BAND_NAMES[band], **_counts(counts), "weight": weights[band],
                   "weighted_words": counts.words * weights[band] / 100}
        for confidence, counts in report.machine.items():
            yield {"file": name, "band": CONFIDENCE_NAMES[confidence], **_counts(counts), "weight": "",
                   "weighted_words": ""}
        yield {"file": name, "band": TOTAL_NAME, **_counts(report.total), "weight": "",
               "weighted_words": report.weighted_words(weights)}


def write_csv(path: Path, analysis: Analysis, weights: Weights) -> None:
    """The analysis as UTF-8 CSV with a byte-order mark (Excel reads Arabic file names as Arabic then), written
    under a temporary name and renamed, so a failure leaves no half file and an earlier one unchanged."""
    with replacing(path, "w", CSV_WHAT, encoding="utf-8-sig", newline="") as out:
        writer = csv.DictWriter(out, CSV_COLUMNS)
        writer.writeheader()
        writer.writerows(csv_rows(analysis, weights))
