"""`tarjama-cli tm`: search, match, import and export a translation memory, and correct its units."""

from __future__ import annotations

import argparse
from pathlib import Path

from tarjama.cli.output import (
    EXPORT_ATOMIC,
    IMPORT_ROLLED_BACK,
    JSON_HELP,
    SAVED_WHOLE,
    count,
    force_option,
    percentage,
    store_commands,
    unit_id,
)
from tarjama.cli.terminal import Out
from tarjama.domain import TmUnit
from tarjama.inline_tags import from_readable, readable
from tarjama.memory.editing import HISTORY_LIMIT, UnitEditor, history
from tarjama.paths import default_tm_path, user_name
from tarjama.settings import LOOKUP_THRESHOLD

#: How long a change of a unit waits for another program's write to the memory (a TMX import) before giving up.
CHANGE_WAIT = 5.0


def _tm_path(args: argparse.Namespace) -> Path:
    return args.tm or default_tm_path()


def cmd_tm_import(args: argparse.Namespace, out: Out) -> None:
    from tarjama.memory.exchange import import_tmx

    with out.progress(f"Reading {args.file.name}") as done:
        report = import_tmx(_tm_path(args), args.file, on_progress=done)
    out.line(report.summary())


def cmd_tm_export(args: argparse.Namespace, out: Out) -> None:
    from tarjama.export_guard import refuse_existing
    from tarjama.memory.exchange import export_tm

    refuse_existing(args.file, force=args.force)
    with out.progress(f"Writing {args.file.name}") as done:
        written = export_tm(_tm_path(args), args.file, on_progress=done)
    out.line(f"Wrote {args.file}: {written} approved units.")


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


def cmd_tm_match(args: argparse.Namespace, out: Out) -> None:
    from tarjama.memory.store import TranslationMemory

    with TranslationMemory.open_or_create(_tm_path(args)) as memory:
        matches = memory.lookup(args.text, threshold=args.threshold, limit=args.limit)
    if args.json:
        out.json([{"score": m.score, "flags": sorted(m.flags), **_unit_json(m.unit)} for m in matches])
        return
    if not matches:
        out.note(f"No match of {args.threshold}% or more.")
    for match in matches:
        note = f"\t(differs only in {', '.join(sorted(match.flags))})" if match.flags else ""
        out.line(f"{match.score}%\t{match.unit.source}\t{match.unit.target}{note}")


def cmd_tm_search(args: argparse.Namespace, out: Out) -> None:
    from tarjama.memory.store import TranslationMemory

    with TranslationMemory.open_or_create(_tm_path(args)) as memory:
        hits = memory.concordance(args.query, side=args.side, limit=args.limit)
    if args.json:
        out.json(
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
        out.note(f"Nothing in the translation memory contains {args.query!r}.")
    for hit in hits:
        out.line(f"{hit.unit.source}\t{hit.unit.target}")


def cmd_tm_edit(args: argparse.Namespace, out: Out) -> None:
    from tarjama.memory.store import TranslationMemory

    with TranslationMemory.open(_tm_path(args)) as memory:
        change = UnitEditor(memory, author=user_name(), wait=CHANGE_WAIT).edit_target(args.unit_id, args.target)
    out.line(f"Unit {change.unit_id}: {readable(change.old_target or '')} -> {readable(change.new_target or '')}")


def cmd_tm_delete(args: argparse.Namespace, out: Out) -> None:
    from tarjama.memory.store import TranslationMemory

    with TranslationMemory.open(_tm_path(args)) as memory:
        change = UnitEditor(memory, author=user_name(), wait=CHANGE_WAIT).delete(args.unit_id)
    out.line(f"Deleted unit {change.unit_id} ({readable(change.old_target or '')}).")


def cmd_tm_history(args: argparse.Namespace, out: Out) -> None:
    from tarjama.memory.store import TranslationMemory

    with TranslationMemory.open(_tm_path(args)) as memory:
        changes = history(memory, args.unit_id, limit=args.limit)
    if args.json:
        out.json([
            {"unit_id": c.unit_id, "action": c.action.value, "old_target": c.old_target,
             "new_target": c.new_target, "author": c.author, "at": c.at}
            for c in changes
        ])
        return
    if not changes:
        out.note("No unit of this memory has been edited or deleted.")
    for c in changes:
        out.line("\t".join([c.at, c.author, c.action.value, str(c.unit_id), readable(c.old_target or ""),
                            readable(c.new_target or "")]))


def register(sub: argparse._SubParsersAction) -> None:
    add = store_commands(
        sub,
        "tm",
        "Search, import and export the translation memory.",
        "Search, import and export a translation memory: your own (in Tarjama's data folder, where every approved "
        "segment goes) or another with --tm.",
        "--tm",
        "the translation memory file (default: your own, in Tarjama's data folder)",
    )
    p = add(
        "import",
        cmd_tm_import,
        "Add the Arabic→English units of a TMX file (TMX 1.1-1.4) to the memory, merging duplicates; a broken file "
        "changes nothing.",
        interrupted=IMPORT_ROLLED_BACK.format("the translation memory"),
    )
    p.add_argument("file", type=Path, help="the TMX file to read")
    p = add(
        "export", cmd_tm_export, "Write the memory's approved units as a TMX 1.4b file.", interrupted=EXPORT_ATOMIC
    )
    p.add_argument("file", type=Path, help="the TMX file to write")
    force_option(p)
    p = add(
        "search",
        cmd_tm_search,
        "Concordance: units whose Arabic or English contains a word or phrase (harakat and common spelling "
        "variants such as ة/ه ignored). Prints source and target, tab-separated.",
    )
    p.add_argument("query", help="the word or phrase to look for")
    p.add_argument("--side", choices=["source", "target", "both"], default="both", help="where to look (default: both)")
    p.add_argument("--limit", type=count, default=50, help="at most this many units (default: 50)")
    p.add_argument("--json", action="store_true", help=JSON_HELP + ", with the character spans found")
    p = add(
        "match",
        cmd_tm_match,
        "The memory's best matches for an Arabic sentence. Prints percentage, source and target, tab-separated.",
    )
    p.add_argument("text", help="the Arabic sentence")
    p.add_argument(
        "--threshold",
        type=percentage,
        default=LOOKUP_THRESHOLD,
        metavar="PERCENT",
        help=f"the lowest match to show (default: {LOOKUP_THRESHOLD})",
    )
    p.add_argument("--limit", type=count, default=5, help="at most this many matches (default: 5)")
    p.add_argument("--json", action="store_true", help=JSON_HELP)
    unit_help = "the unit's id, as `tm search --json` lists it"
    p = add(
        "edit",
        cmd_tm_edit,
        "Correct a unit's English target in the memory (logged with your name and the time; a project's segment "
        "keeps its own target).",
        interrupted=SAVED_WHOLE,
    )
    p.add_argument("unit_id", type=unit_id, help=unit_help)
    p.add_argument("target", type=from_readable,
                   help="the new English target, with the source's inline tags written as ⟨1⟩…⟨/1⟩, ⟨3/⟩")
    p = add("delete", cmd_tm_delete, "Delete a unit from the memory (logged, with the unit kept in the log).",
            interrupted=SAVED_WHOLE)
    p.add_argument("unit_id", type=unit_id, help=unit_help)
    p = add(
        "history",
        cmd_tm_history,
        "The memory's log of edited and deleted units, newest first: time (UTC), author, action, unit id, old and "
        "new target, tab-separated.",
    )
    p.add_argument("unit_id", type=unit_id, nargs="?", help="only this unit's changes")
    p.add_argument("--limit", type=count, default=HISTORY_LIMIT, help=f"at most this many (default: {HISTORY_LIMIT})")
    p.add_argument("--json", action="store_true", help=JSON_HELP)
