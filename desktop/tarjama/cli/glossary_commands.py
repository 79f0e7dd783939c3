"""`tarjama-cli glossary`: import, export, list a glossary and find its terms in an Arabic sentence."""

from __future__ import annotations

import argparse
from pathlib import Path

from tarjama.cli.output import EXPORT_ATOMIC, IMPORT_ROLLED_BACK, JSON_HELP, force_option, store_commands
from tarjama.cli.terminal import Out
from tarjama.domain import GlossaryEntry
from tarjama.paths import default_glossary_path


def _glossary_path(args: argparse.Namespace) -> Path:
    return args.glossary or default_glossary_path()


def _entry_json(entry: GlossaryEntry) -> dict[str, object]:
    return {
        "id": entry.id,
        "arabic": entry.source,
        "english": list(entry.targets),
        "note": entry.note,
        "forbidden": list(entry.forbidden),
    }


def _entry_line(entry: GlossaryEntry) -> str:
    line = f"{entry.source}\t{' | '.join(entry.targets)}"
    if entry.forbidden:
        line += f"\t(not: {' | '.join(entry.forbidden)})"
    return line


def cmd_glossary_import(args: argparse.Namespace, out: Out) -> None:
    from tarjama.glossary.exchange import import_glossary

    with out.activity(f"Importing {args.file.name}"):
        report = import_glossary(_glossary_path(args), args.file)
    out.line(report.summary())


def cmd_glossary_export(args: argparse.Namespace, out: Out) -> None:
    from tarjama.export_guard import refuse_existing
    from tarjama.glossary.exchange import export_glossary

    refuse_existing(args.file, force=args.force)
    written = export_glossary(_glossary_path(args), args.file)
    out.line(f"Wrote {args.file}: {written} terms.")


def cmd_glossary_list(args: argparse.Namespace, out: Out) -> None:
    from tarjama.glossary.store import Glossary

    with Glossary.open_or_create(_glossary_path(args)) as glossary:
        entries = glossary.entries()
    if args.json:
        out.json([_entry_json(entry) for entry in entries])
        return
    if not entries:
        out.note("The glossary is empty; add terms with `tarjama-cli glossary import FILE`.")
    for entry in entries:
        out.line(_entry_line(entry))


def cmd_glossary_find(args: argparse.Namespace, out: Out) -> None:
    from tarjama.glossary.store import load_term_finder

    hits = load_term_finder(_glossary_path(args)).find_terms(args.text)
    if args.json:
        out.json(
            [{"start": hit.start, "end": hit.end, "text": args.text[hit.start:hit.end], **_entry_json(hit.entry)}
             for hit in hits]
        )
        return
    if not hits:
        out.note("No glossary term in this text.")
    for hit in hits:
        out.line(f"{hit.start}-{hit.end}\t{args.text[hit.start:hit.end]}\t{_entry_line(hit.entry)}")


def register(sub: argparse._SubParsersAction) -> None:
    add = store_commands(
        sub,
        "glossary",
        "Import, export, list and look up glossary terms.",
        "Import, export, list and look up the terms of a glossary: your own (in Tarjama's data folder) or another "
        "with --glossary.",
        "--glossary",
        "the glossary file (default: your own, in Tarjama's data folder)",
    )
    p = add("import", cmd_glossary_import, "Add the terms of a CSV, TSV, TBX or OmegaT (.txt) file to the glossary, "
                                           "merging terms already there; a file with a bad row changes nothing. A "
                                           "CSV or TSV file may have a header row naming its columns; without one "
                                           "they are Arabic, English, note.",
            interrupted=IMPORT_ROLLED_BACK.format("the glossary"))
    p.add_argument("file", type=Path, help="the term file to read (.csv, .tsv, .tbx or .txt)")
    p = add("export", cmd_glossary_export, "Write the glossary as CSV or TSV (UTF-8 with BOM, opens in Excel), "
                                           "TBX-Basic or an OmegaT glossary (.txt), by the file's extension.",
            interrupted=EXPORT_ATOMIC)
    p.add_argument("file", type=Path, help="the file to write (.csv, .tsv, .tbx or .txt)")
    force_option(p)
    p = add("list", cmd_glossary_list, "Every term: Arabic, English (preferred first) and forbidden variants, "
                                       "tab-separated.")
    p.add_argument("--json", action="store_true", help=JSON_HELP)
    p = add("find", cmd_glossary_find, "The glossary terms in an Arabic sentence, with their character spans "
                                       "(attached و ف ب ك ل and ال allowed).")
    p.add_argument("text", help="the Arabic sentence")
    p.add_argument("--json", action="store_true", help=JSON_HELP)
