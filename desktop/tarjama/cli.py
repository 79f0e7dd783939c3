"""`tarjama-cli`: the headless face of Tarjama, calling the same core services as the window."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import asdict
from pathlib import Path

from tarjama.domain import Segment, Status, TmUnit
from tarjama.errors import TarjamaError
from tarjama.paths import default_tm_path
from tarjama.project_files import EXPORT_RULE, ensure_tm_link, export_target, import_document
from tarjama.stores.project import ProjectStore

EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT = 0, 1, 2


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


def _print_json(data: object) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def cmd_import(args: argparse.Namespace) -> None:
    with import_document(args.document, args.project) as store:
        stats = store.stats()
    print(f"Imported {args.document} into {args.project}: {stats.segments} segments, {stats.words} words.")


def cmd_stats(args: argparse.Namespace) -> None:
    with ProjectStore.open(args.project) as store:
        stats = store.stats()
    if args.json:
        _print_json(asdict(stats))
        return
    print(f"Segments approved: {stats.approved_segments} / {stats.segments}")
    print(f"Words approved:    {stats.approved_words} / {stats.words}")
    for status, count in stats.by_status.items():
        print(f"  {status:<9} {count}")


def cmd_segments(args: argparse.Namespace) -> None:
    with ProjectStore.open(args.project) as store:
        segments = store.segments()
    if args.json:
        _print_json([_segment_json(s) for s in segments])
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


def _progress_line(text: str) -> None:
    """Progress for people: on a terminal it rewrites one line on stderr; piped, it stays silent."""
    if sys.stderr.isatty():
        sys.stderr.write("\r" + text)
        sys.stderr.flush()


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
                on_progress=lambda p: _progress_line(f"{p.done}/{p.total} segments, {p.segments_per_second:.1f}/s"),
            )
        finally:
            if memory is not None:
                memory.close()
    _progress_line("\n")
    print(
        f"Filled {report.from_tm} of {report.total} untranslated segments from the translation memory "
        f"({report.tm_exact} exact, {report.tm_fuzzy} fuzzy)."
    )
    if translator is not None:
        print(f"Machine-translated {report.translated} of {report.total} untranslated segments.")


def cmd_models_list(args: argparse.Namespace) -> None:
    from tarjama import mt

    packages = mt.list_packages()
    if args.json:
        _print_json(
            [
                {"name": p.name, "version": p.version, "from": p.from_code, "to": p.to_code, "size": p.size_bytes}
                for p in packages
            ]
        )
        return
    if not packages:
        print("No translation package is installed. Install one with: tarjama-cli models install FILE.argosmodel")
    for p in packages:
        print(f"{p.name}\t{p.version}\t{p.languages}\t{p.size_bytes / 1e6:.1f} MB")


def cmd_models_install(args: argparse.Namespace) -> None:
    from tarjama import mt

    package = mt.install_package(args.file)
    print(f"Installed {package.name} {package.version} ({package.languages}).")


def cmd_models_remove(args: argparse.Namespace) -> None:
    from tarjama import mt

    package = mt.remove_package(args.name)
    print(f"Removed {package.name} {package.version}.")


def cmd_models_download(args: argparse.Namespace) -> None:
    from tarjama import mt
    from tarjama.mt.packages import version_key

    candidates = mt.available_packages(url=args.index)
    if not candidates:
        raise mt.DownloadError(args.index or mt.index_url(), "the index lists no Arabic→English package")
    newest = max(candidates, key=lambda p: version_key(p.version))
    print(f"Downloading {newest.languages} {newest.version}…", file=sys.stderr)

    def show(received: int, total: int | None) -> None:
        _progress_line(f"{received / 1e6:.1f} MB" + (f" of {total / 1e6:.1f} MB" if total else ""))

    package = mt.download_and_install(newest, progress=show)
    _progress_line("\n")
    print(f"Installed {package.name} {package.version} ({package.languages}).")


def _tm_path(args: argparse.Namespace) -> Path:
    return args.tm or default_tm_path()


def _count_progress(verb: str) -> Callable[[int], None]:
    return lambda count: _progress_line(f"{verb} {count} units")


def cmd_tm_import(args: argparse.Namespace) -> None:
    from tarjama.tm_exchange import import_tmx

    report = import_tmx(_tm_path(args), args.file, on_progress=_count_progress("Read"))
    _progress_line("\n")
    print(report.summary())


def cmd_tm_export(args: argparse.Namespace) -> None:
    from tarjama.tm_exchange import export_tm

    written = export_tm(_tm_path(args), args.file, on_progress=_count_progress("Wrote"))
    _progress_line("\n")
    print(f"Wrote {args.file}: {written} approved units.")


def cmd_export_tmx(args: argparse.Namespace) -> None:
    from tarjama.tm_exchange import export_project

    written = export_project(args.project, args.output, on_progress=_count_progress("Wrote"))
    _progress_line("\n")
    print(f"Wrote {args.output}: {written} approved segments.")


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
        _print_json([{"score": m.score, "flags": sorted(m.flags), **_unit_json(m.unit)} for m in matches])
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
        _print_json(
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


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="tarjama-cli", description="Review Arabic→English translation projects.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add(name: str, handler: Callable[[argparse.Namespace], None], help_text: str) -> argparse.ArgumentParser:
        command = sub.add_parser(name, help=help_text, description=help_text)
        command.set_defaults(handler=handler)
        return command

    p = add("import", cmd_import, "Import a document (.txt or .docx) into a project, creating it if needed.")
    p.add_argument("document", type=Path)
    p.add_argument("--project", type=Path, required=True, help="the project file (*.tarjama)")

    p = add("stats", cmd_stats, "Show how much of a project is approved.")
    p.add_argument("project", type=Path)
    p.add_argument("--json", action="store_true")

    p = add("segments", cmd_segments, "List a project's segments.")
    p.add_argument("project", type=Path)
    p.add_argument("--json", action="store_true")

    p = add("edit", cmd_edit, "Set a segment's English text, and optionally approve it.")
    p.add_argument("project", type=Path)
    p.add_argument("segment_id", type=int)
    p.add_argument("--target", required=True)
    p.add_argument("--approve", action="store_true")

    p = add("split", cmd_split, "Split a segment in two at a character offset of its source.")
    p.add_argument("project", type=Path)
    p.add_argument("segment_id", type=int)
    p.add_argument("offset", type=int)

    p = add("merge", cmd_merge, "Merge a segment with the next one in its paragraph.")
    p.add_argument("project", type=Path)
    p.add_argument("segment_id", type=int)

    p = add(
        "pretranslate",
        cmd_pretranslate,
        "Fill every segment nobody has translated yet: from the translation memory first, then by machine.",
    )
    p.add_argument("project", type=Path)
    p.add_argument("--tm", type=Path, help="the translation memory to fill from (default: the project's)")
    p.add_argument(
        "--tm-threshold",
        type=_percentage,
        default=75,
        metavar="PERCENT",
        help="the lowest TM match to use, 0-101 (default: 75)",
    )
    p.add_argument("--no-mt", action="store_true", help="fill from the translation memory only")

    models = sub.add_parser("models", help="Manage Arabic→English translation packages.")
    models_sub = models.add_subparsers(dest="models_command", required=True, metavar="ACTION")
    p = models_sub.add_parser("list", help="List installed packages.")
    p.set_defaults(handler=cmd_models_list)
    p.add_argument("--json", action="store_true")
    p = models_sub.add_parser("install", help="Install a package from a .argosmodel file.")
    p.set_defaults(handler=cmd_models_install)
    p.add_argument("file", type=Path)
    p = models_sub.add_parser("remove", help="Remove an installed package.")
    p.set_defaults(handler=cmd_models_remove)
    p.add_argument("name")
    p = models_sub.add_parser("download", help="Download and install the newest Arabic→English package.")
    p.set_defaults(handler=cmd_models_download)
    p.add_argument("--index", help="package index URL (default: ARGOS_PACKAGE_INDEX or Argos's own)")

    p = add("export-target", cmd_export_target, "Write the English document (.txt or .docx).")
    p.add_argument("project", type=Path)
    p.add_argument("output", type=Path)

    p = add("export-tmx", cmd_export_tmx, "Write a project's approved segments (only those) as a TMX 1.4b file.")
    p.add_argument("project", type=Path)
    p.add_argument("output", type=Path)

    _add_tm_commands(sub)
    return parser


def _percentage(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = -1
    if not 0 <= value <= 101:
        raise argparse.ArgumentTypeError(f"{text!r} is not a match percentage from 0 to 101")
    return value


def _add_tm_commands(sub: argparse._SubParsersAction) -> None:
    tm = sub.add_parser("tm", help="Search, import and export the translation memory.")
    tm_sub = tm.add_subparsers(dest="tm_command", required=True, metavar="ACTION")

    def add(name: str, handler: Callable[[argparse.Namespace], None], help_text: str) -> argparse.ArgumentParser:
        command = tm_sub.add_parser(name, help=help_text, description=help_text)
        command.set_defaults(handler=handler)
        command.add_argument(
            "--tm", type=Path, help="the translation memory file (default: your own, in Tarjama's data folder)"
        )
        return command

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
    p.add_argument("--threshold", type=_percentage, default=70, metavar="PERCENT")
    p.add_argument("--limit", type=int, default=5)
    p.add_argument("--json", action="store_true")


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        args.handler(args)
    except TarjamaError as exc:
        print(f"tarjama-cli: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except OSError as exc:
        print(f"tarjama-cli: {exc}", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
