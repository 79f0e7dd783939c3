"""`tarjama-cli analyse`: the word counts by match band that a job is quoted from (`tarjama.project.analysis`), as a
table per file and in total, as JSON, or as CSV for a spreadsheet."""

from __future__ import annotations

import argparse
from pathlib import Path

from tarjama.cli.output import EXPORT_ATOMIC, JSON_HELP, command, force_option
from tarjama.cli.terminal import Out
from tarjama.export_guard import refuse_existing
from tarjama.project.analysis import Analysis, FileAnalysis, Weights, analyse_project, default_weights
from tarjama.project.analysis_report import BAND_NAMES, CONFIDENCE_NAMES, TOTAL_NAME, analysis_json, write_csv
from tarjama.project.match_bands import MatchBand
from tarjama.project.store import ProjectStore


def band_weight(text: str) -> tuple[MatchBand, int]:
    """A `--weight BAND=PERCENT` argument: a band as `MatchBand` names it, and a whole percentage from 0 to 100."""
    band_text, _, percent_text = text.partition("=")
    bands = ", ".join(band.value for band in MatchBand)
    try:
        band = MatchBand(band_text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"{band_text!r} is not an analysis band; give one of {bands}") from None
    try:
        percent = int(percent_text)
    except ValueError:
        percent = -1
    if not 0 <= percent <= 100:
        raise argparse.ArgumentTypeError(f"{percent_text!r} is not a weight; give a whole percentage from 0 to 100")
    return band, percent


def _table(report: FileAnalysis, weights: Weights, title: str) -> list[str]:
    lines = [title, f"  {'':<18}{'segments':>10}{'words':>10}{'characters':>12}{'weight':>8}{'weighted':>11}"]
    for band, counts in report.bands.items():
        weighted = counts.words * weights[band] / 100
        lines.append(f"  {BAND_NAMES[band]:<18}{counts.segments:>10}{counts.words:>10}{counts.characters:>12}"
                     f"{weights[band]:>7}%{weighted:>11.1f}")
    total = report.total
    lines.append(f"  {TOTAL_NAME:<18}{total.segments:>10}{total.words:>10}{total.characters:>12}{'':>8}"
                 f"{report.weighted_words(weights):>11.1f}")
    machine = [(CONFIDENCE_NAMES[band], counts) for band, counts in report.machine.items()]
    if any(counts.segments for _, counts in machine):
        lines.append("  of no match, machine-translated:")
        lines.extend(f"  {name:<18}{counts.segments:>10}{counts.words:>10}{counts.characters:>12}"
                     for name, counts in machine)
    return lines


def analysis_lines(analysis: Analysis, weights: Weights) -> list[str]:
    """The readable report: one table per file (when there are several), the project's total, and what it was
    measured against."""
    against = f"against {analysis.memory}" if analysis.memory else "without a translation memory (link one, or --tm)"
    order = "repetitions before 100 % matches" if analysis.repetitions_first else "100 % matches before repetitions"
    lines = [f"Analysis {against}; {order}; every segment counted, approved ones too."]
    files = analysis.files if len(analysis.files) > 1 else ()
    for report in files:
        lines += ["", *_table(report, weights, report.name)]
    return [*lines, "", *_table(analysis.total, weights, "All files" if files else analysis.total.name or "Project")]


def cmd_analyse(args: argparse.Namespace, out: Out) -> None:
    weights = default_weights() | dict(args.weight)
    with ProjectStore.open(args.project) as store:
        if args.csv is not None:
            refuse_existing(args.csv, force=args.force, project=store)
        with out.progress("Analysing", unit="segments") as done:
            analysis = analyse_project(store, args.tm, repetitions_first=args.repetitions_first, on_progress=done)
    if args.csv is not None:
        write_csv(args.csv, analysis, weights)
    if args.json:
        out.json(analysis_json(analysis, weights))
        return
    for line in analysis_lines(analysis, weights):
        out.line(line)
    if args.csv is not None:
        out.line(f"Wrote {args.csv}.")


def register(sub: argparse._SubParsersAction) -> None:
    p = command(
        sub,
        "analyse",
        cmd_analyse,
        "Count the segments, words and characters of a project in each match band against its translation memory "
        "(101, 100, repetitions, 95-99, 85-94, 75-84, 50-74 percent, no match), with weighted words for a quote.",
        details="Every segment is analysed, approved ones too. Words are space-separated tokens holding a letter or "
        "a digit (Arabic clitics stay attached; numbers count, punctuation alone does not); characters are counted "
        "without spaces. No-match segments whose target is machine output are also counted by the engine's "
        "confidence.",
        interrupted=EXPORT_ATOMIC,
    )
    p.add_argument("project", type=Path, help="the project file (*.tarjama)")
    p.add_argument("--tm", type=Path, metavar="FILE",
                   help="analyse against this translation memory (default: the one the project is linked to)")
    p.add_argument("--repetitions-first", action="store_true",
                   help="count a repetition that is also a 100 %% or 101 %% match as a repetition (memoQ's "
                        "\"repetitions before 100 %%\"); by default it is counted as the match")
    p.add_argument("--weight", type=band_weight, action="append", default=[], metavar="BAND=PERCENT",
                   help="the weight of a band in weighted words, repeatable (bands: "
                        + ", ".join(f"{band.value}" for band in MatchBand) + "; defaults: "
                        + ", ".join(f"{band.value}={percent}" for band, percent in default_weights().items()) + ")")
    p.add_argument("--csv", type=Path, metavar="FILE", help="also write the analysis as CSV (UTF-8, opens in Excel)")
    force_option(p, project=True)
    p.add_argument("--json", action="store_true", help=JSON_HELP + ": the same numbers as the table")
