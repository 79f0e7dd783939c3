"""`tarjama-cli report`: the post-editing effort of every approved segment that began as MT or a fuzzy TM match,
as CSV for a spreadsheet, JSON, or lines on the terminal; and the effort summary `stats` prints."""

from __future__ import annotations

import argparse
import csv
from collections.abc import Iterable
from dataclasses import asdict
from pathlib import Path

from tarjama.atomic_file import replacing
from tarjama.cli.output import EXPORT_ATOMIC, JSON_HELP, command, force_option
from tarjama.cli.terminal import Out
from tarjama.domain import Origin, Segment
from tarjama.export_guard import refuse_existing
from tarjama.project.effort import EffortSummary, SegmentEffort, approved_efforts, effort_summary
from tarjama.project.store import ProjectStore

COLUMNS = (
    "segment",
    "paragraph",
    "source",
    "origin_text",
    "target",
    "origin",
    "tm_score",
    "hter",
    "char_distance",
    "char_ratio",
    "edit_seconds",
)


def _row(segment: Segment, effort: SegmentEffort) -> dict[str, object]:
    return {
        "segment": segment.id,
        "paragraph": segment.paragraph_index + 1,
        "source": segment.source,
        "origin_text": effort.origin_text,
        "target": segment.target,
        "origin": effort.origin.value,
        "tm_score": segment.tm_score if effort.origin == Origin.TM else None,
        "hter": round(effort.hter, 4),
        "char_distance": effort.char_distance,
        "char_ratio": round(effort.char_ratio, 4),
        "edit_seconds": round(effort.edit_seconds),
    }


def write_csv(path: Path, rows: Iterable[dict[str, object]]) -> None:
    """Write the rows as UTF-8 CSV with a byte-order mark, which Excel needs to read Arabic as Arabic.

    The file is written under a temporary name and renamed, so a failure never leaves half a report or damages an
    earlier one; a path that cannot be written is the user's to fix, so it is a BadInputError naming it.
    """
    with replacing(path, "w", "report", encoding="utf-8-sig", newline="") as out:
        writer = csv.DictWriter(out, COLUMNS)
        writer.writeheader()
        writer.writerows(rows)


def _duration(seconds: float) -> str:
    minutes, secs = divmod(round(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02}:{secs:02}"


def summary_line(summary: EffortSummary) -> str:
    """One sentence for the end of a report."""
    if not summary.segments:
        measured = "No approved segment began as MT or a fuzzy TM match"
    else:
        measured = (
            f"{summary.segments} approved segments post-edited ({summary.from_mt} from MT, {summary.from_tm} from "
            f"fuzzy TM matches), mean HTER {summary.mean_hter:.4f}"
        )
    return f"{measured}; {_duration(summary.edit_seconds)} of active editing."


def effort_lines(summary: EffortSummary) -> list[str]:
    """The effort part of `tarjama-cli stats`, aligned with the lines above it."""
    if summary.segments:
        lines = [
            f"Post-edited:       {summary.segments} approved segments from MT ({summary.from_mt}) "
            f"or a fuzzy TM match ({summary.from_tm})",
            f"  HTER             mean {summary.mean_hter:.4f}, median {summary.median_hter:.4f}",
        ]
    else:
        lines = ["Post-edited:       no approved segment began as MT or a fuzzy TM match"]
    editing = f"Active editing:    {_duration(summary.edit_seconds)}"
    if summary.words_per_hour is not None:
        editing += f" ({summary.words_per_hour:.0f} approved source words per hour)"
    return [*lines, editing]


def cmd_report(args: argparse.Namespace, out: Out) -> None:
    with ProjectStore.open(args.project) as store:
        if args.csv is not None:
            refuse_existing(args.csv, force=args.force, project=store)
        segments = store.segments()
    rows = [_row(segment, effort) for segment, effort in approved_efforts(segments)]
    summary = effort_summary(segments)
    if args.csv is not None:
        write_csv(args.csv, rows)
    if args.json:
        out.json({"summary": asdict(summary), "segments": rows})
        return
    if args.csv is not None:
        out.line(f"Wrote {args.csv}. {summary_line(summary)}")
        return
    for row in rows:
        out.line("\t".join("" if value is None else str(value) for value in row.values()))
    out.line(summary_line(summary))


def register(sub: argparse._SubParsersAction) -> None:
    p = command(
        sub,
        "report",
        cmd_report,
        "Report the post-editing effort (HTER, character edits, active editing time) of each approved segment that "
        "began as machine translation or a fuzzy translation-memory match.",
        details=f"Without --csv or --json, prints one tab-separated line per segment ({', '.join(COLUMNS)}) and a "
        "summary.",
        interrupted=EXPORT_ATOMIC,
    )
    p.add_argument("project", type=Path, help="the project file (*.tarjama)")
    p.add_argument("--csv", type=Path, metavar="FILE", help="write the report as CSV (UTF-8, opens in Excel)")
    force_option(p, project=True)
    p.add_argument("--json", action="store_true", help=JSON_HELP + ": the segments and their summary")
