"""Commands on a project: import, inspect, edit, pre-translate and export it."""

from __future__ import annotations

import argparse
import sys
from dataclasses import asdict
from pathlib import Path

from tarjama.cli.output import command, count_progress, percentage, print_json, progress_line
from tarjama.cli.report_commands import effort_lines
from tarjama.domain import Segment, Status
from tarjama.effort import project_effort
from tarjama.project_files import EXPORT_RULE, ensure_tm_link, export_target, import_document
from tarjama.stores.project import ProjectStore


def _segment_json(segment: Segment) -> dict[str, object]:
    return {
        "id": segment.id,
        "paragraph": segment.paragraph_index + 1,
        "source": segment.source,
        "target": segment.target,
        "status": segment.status.value,
        "origin": segment.origin.value,
        "confidence": segment.confidence,
    }


def cmd_import(args: argparse.Namespace) -> None:
    with import_document(args.document, args.project) as store:
        stats = store.stats()
    print(f"Imported {args.document} into {args.project}: {stats.segments} segments, {stats.words} words.")


def cmd_stats(args: argparse.Namespace) -> None:
    with ProjectStore.open(args.project) as store:
        stats = store.stats()
        effort = project_effort(store)
    if args.json:
        print_json({**asdict(stats), "effort": asdict(effort)})
        return
    print(f"Segments approved: {stats.approved_segments} / {stats.segments}")
    print(f"Words approved:    {stats.approved_words} / {stats.words}")
    for status, count in stats.by_status.items():
        print(f"  {status:<9} {count}")
    for line in effort_lines(effort):
        print(line)


def cmd_segments(args: argparse.Namespace) -> None:
    with ProjectStore.open(args.project) as store:
        segments = store.segments()
    if args.json:
        print_json([_segment_json(s) for s in segments])
        return
    for s in segments:
        print(f"{s.id}\t{s.paragraph_index + 1}\t{s.status.value}\t{s.source}\t{s.target}")


def cmd_edit(args: argparse.Namespace) -> None:
    status = Status.APPROVED if args.approve else None
    with ProjectStore.open(args.project) as store:
        ensure_tm_link(store)
        segment = store.update_segment(args.segment_id, target=args.target, status=status)
    print(f"Segment {segment.id}: {segment.status.value}")


def cmd_split(args: argparse.Namespace) -> None:
    with ProjectStore.open(args.project) as store:
        first, second = store.split_segment(args.segment_id, args.offset)
    print(f"Split segment {first.id}; the second part is segment {second.id}.")


def cmd_merge(args: argparse.Namespace) -> None:
    with ProjectStore.open(args.project) as store:
        merged, removed = store.merge_with_next(args.segment_id)
    print(f"Merged segment {removed.id} into segment {merged.id}.")


def cmd_export_target(args: argparse.Namespace) -> None:
    with ProjectStore.open(args.project) as store:
        report = export_target(store, args.output)
    print(f"Wrote {report.path}: {report.approved} of {report.segments} segments approved.")
    if report.approved < report.segments:
        print(EXPORT_RULE, file=sys.stderr)


def cmd_pretranslate(args: argparse.Namespace) -> None:
    from tarjama import mt
    from tarjama.pretranslate import pretranslate
    from tarjama.stores.tm import TranslationMemory

    translator = None if args.no_mt else mt.load_translator()
    with ProjectStore.open(args.project) as store:
        ensure_tm_link(store)
        tm_path = args.tm or store.linked_tm
        memory = TranslationMemory.open(tm_path) if tm_path is not None else None
        try:
            report = pretranslate(
                store,
                translator,
                tm=memory,
                tm_threshold=args.tm_threshold,
                on_progress=lambda p: progress_line(f"{p.done}/{p.total} segments, {p.segments_per_second:.1f}/s"),
            )
        finally:
            if memory is not None:
                memory.close()
    progress_line("\n")
    print(
        f"Filled {report.from_tm} of {report.total} untranslated segments from the translation memory "
        f"({report.tm_exact} exact, {report.tm_fuzzy} fuzzy)."
    )
    if translator is not None:
        print(f"Machine-translated {report.translated} of {report.total} untranslated segments.")


def cmd_export_tmx(args: argparse.Namespace) -> None:
    from tarjama.tm_exchange import export_project

    written = export_project(args.project, args.output, on_progress=count_progress("Wrote"))
    progress_line("\n")
    print(f"Wrote {args.output}: {written} approved segments.")


def register(sub: argparse._SubParsersAction) -> None:
    p = command(sub, "import", cmd_import, "Import a document (.txt or .docx) into a project, creating it if needed.")
    p.add_argument("document", type=Path)
    p.add_argument("--project", type=Path, required=True, help="the project file (*.tarjama)")

    p = command(sub, "stats", cmd_stats, "Show how much of a project is approved.")
    p.add_argument("project", type=Path)
    p.add_argument("--json", action="store_true")

    p = command(sub, "segments", cmd_segments, "List a project's segments.")
    p.add_argument("project", type=Path)
    p.add_argument("--json", action="store_true")

    p = command(sub, "edit", cmd_edit, "Set a segment's English text, and optionally approve it.")
    p.add_argument("project", type=Path)
    p.add_argument("segment_id", type=int)
    p.add_argument("--target", required=True)
    p.add_argument("--approve", action="store_true")

    p = command(sub, "split", cmd_split, "Split a segment in two at a character offset of its source.")
    p.add_argument("project", type=Path)
    p.add_argument("segment_id", type=int)
    p.add_argument("offset", type=int)

    p = command(sub, "merge", cmd_merge, "Merge a segment with the next one in its paragraph.")
    p.add_argument("project", type=Path)
    p.add_argument("segment_id", type=int)

    p = command(
        sub,
        "pretranslate",
        cmd_pretranslate,
        "Fill every segment nobody has translated yet: from the translation memory first, then by machine.",
    )
    p.add_argument("project", type=Path)
    p.add_argument("--tm", type=Path, help="the translation memory to fill from (default: the project's)")
    p.add_argument(
        "--tm-threshold",
        type=percentage,
        default=75,
        metavar="PERCENT",
        help="the lowest TM match to use, 0-101 (default: 75)",
    )
    p.add_argument("--no-mt", action="store_true", help="fill from the translation memory only")

    p = command(sub, "export-target", cmd_export_target, "Write the English document (.txt or .docx).")
    p.add_argument("project", type=Path)
    p.add_argument("output", type=Path)

    p = command(
        sub, "export-tmx", cmd_export_tmx, "Write a project's approved segments (only those) as a TMX 1.4b file."
    )
    p.add_argument("project", type=Path)
    p.add_argument("output", type=Path)
