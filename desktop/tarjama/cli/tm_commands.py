"""`tarjama-cli tm`: search, match, import and export a translation memory."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tarjama.cli.output import Handler, command, count_progress, percentage, print_json, progress_line
from tarjama.domain import TmUnit
from tarjama.paths import default_tm_path


def _tm_path(args: argparse.Namespace) -> Path:
    return args.tm or default_tm_path()


def cmd_tm_import(args: argparse.Namespace) -> None:
    from tarjama.tm_exchange import import_tmx

    report = import_tmx(_tm_path(args), args.file, on_progress=count_progress("Read"))
    progress_line("\n")
    print(report.summary())


def cmd_tm_export(args: argparse.Namespace) -> None:
    from tarjama.tm_exchange import export_tm

    written = export_tm(_tm_path(args), args.file, on_progress=count_progress("Wrote"))
    progress_line("\n")
    print(f"Wrote {args.file}: {written} approved units.")


def _unit_json(unit: TmUnit) -> dict[str, object]:
    return {
        "id": unit.id,
        "source": unit.source,
        "target": unit.target,
        "origin": unit.origin.value,
        "changed": unit.changed_at,
        "author": unit.author,
        "document": unit.document,
        "usage_count": unit.usage_count,
    }


def cmd_tm_match(args: argparse.Namespace) -> None:
    from tarjama.stores.tm import TranslationMemory

    with TranslationMemory.open_or_create(_tm_path(args)) as memory:
        matches = memory.lookup(args.text, threshold=args.threshold, limit=args.limit)
    if args.json:
        print_json([{"score": m.score, "flags": sorted(m.flags), **_unit_json(m.unit)} for m in matches])
        return
    if not matches:
        print(f"No match of {args.threshold}% or more.", file=sys.stderr)
    for match in matches:
        note = f"\t(differs only in {', '.join(sorted(match.flags))})" if match.flags else ""
        print(f"{match.score}%\t{match.unit.source}\t{match.unit.target}{note}")


def cmd_tm_search(args: argparse.Namespace) -> None:
    from tarjama.stores.tm import TranslationMemory

    with TranslationMemory.open_or_create(_tm_path(args)) as memory:
        hits = memory.concordance(args.query, side=args.side, limit=args.limit)
    if args.json:
        print_json(
            [
                {
                    **_unit_json(hit.unit),
                    "source_spans": [list(span) for span in hit.source_spans],
                    "target_spans": [list(span) for span in hit.target_spans],
                }
                for hit in hits
            ]
        )
        return
    if not hits:
        print(f"Nothing in the translation memory contains {args.query!r}.", file=sys.stderr)
    for hit in hits:
        print(f"{hit.unit.source}\t{hit.unit.target}")


def register(sub: argparse._SubParsersAction) -> None:
    tm = sub.add_parser("tm", help="Search, import and export the translation memory.")
    tm_sub = tm.add_subparsers(dest="tm_command", required=True, metavar="ACTION")

    def add(name: str, handler: Handler, help_text: str) -> argparse.ArgumentParser:
        parser = command(tm_sub, name, handler, help_text)
        parser.add_argument(
            "--tm", type=Path, help="the translation memory file (default: your own, in Tarjama's data folder)"
        )
        return parser

    p = add("import", cmd_tm_import, "Add the Arabic→English units of a TMX file (TMX 1.1-1.4) to the memory.")
    p.add_argument("file", type=Path)
    p = add("export", cmd_tm_export, "Write the memory's approved units as a TMX 1.4b file.")
    p.add_argument("file", type=Path)
    p = add("search", cmd_tm_search, "Concordance: units whose Arabic or English contains a word or phrase.")
    p.add_argument("query")
    p.add_argument("--side", choices=["source", "target", "both"], default="both")
    p.add_argument("--limit", type=int, default=50)
    p.add_argument("--json", action="store_true")
    p = add("match", cmd_tm_match, "The memory's best matches for an Arabic sentence, with their percentages.")
    p.add_argument("text")
    p.add_argument("--threshold", type=percentage, default=70, metavar="PERCENT")
    p.add_argument("--limit", type=int, default=5)
    p.add_argument("--json", action="store_true")
