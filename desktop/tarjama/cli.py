"""`tarjama-cli`: the headless face of Tarjama, calling the same core services as the window."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import asdict
from pathlib import Path

from tarjama.domain import Segment, Status
from tarjama.errors import TarjamaError
from tarjama.project_files import EXPORT_RULE, export_target, import_document
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

    translator = mt.load_translator()
    with ProjectStore.open(args.project) as store:
        report = pretranslate(
            store,
            translator,
            on_progress=lambda p: _progress_line(f"{p.done}/{p.total} segments, {p.segments_per_second:.1f}/s"),
        )
    _progress_line("\n")
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

    p = add("pretranslate", cmd_pretranslate, "Machine-translate every segment nobody has translated yet.")
    p.add_argument("project", type=Path)

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
    return parser


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
