"""`tarjama-cli models`: the Arabic→English translation packages on this machine."""

from __future__ import annotations

import argparse
from pathlib import Path

from tarjama.cli.output import JSON_HELP, command
from tarjama.cli.terminal import Out
from tarjama.mt.index import DEFAULT_INDEX_URL

#: Packages are unpacked (or set aside, when removed) in a staging folder and renamed into (or out of) place.
PACKAGES_WHOLE = "packages are moved into and out of place whole, so the packages folder is as it was or as asked."


def cmd_models_list(args: argparse.Namespace, out: Out) -> None:
    from tarjama import mt

    packages = mt.list_packages()
    if args.json:
        out.json(
            [
                {"name": p.name, "version": p.version, "from": p.from_code, "to": p.to_code, "size": p.size_bytes}
                for p in packages
            ]
        )
        return
    if not packages:
        out.line("No translation package is installed. Install one with: tarjama-cli models install FILE.argosmodel")
    for p in packages:
        out.line(f"{p.name}\t{p.version}\t{p.languages}\t{p.size_bytes / 1e6:.1f} MB")
    unused = [p.name for p in packages if not p.is_arabic_english]
    if unused:
        # Only another program (Argos Translate, sharing ARGOS_PACKAGES_DIR) puts such packages here.
        out.note(f"Not used by Tarjama, which translates only Arabic → English: {', '.join(unused)}.")


def cmd_models_install(args: argparse.Namespace, out: Out) -> None:
    from tarjama import mt

    with out.activity(f"Installing {args.file.name}"):
        package = mt.install_package(args.file)
    out.line(f"Installed {package.name} {package.version} ({package.languages}).")


def cmd_models_remove(args: argparse.Namespace, out: Out) -> None:
    from tarjama import mt

    package = mt.remove_package(args.name)
    out.line(f"Removed {package.name} {package.version}.")


def cmd_models_download(args: argparse.Namespace, out: Out) -> None:
    from tarjama import mt
    from tarjama.errors import QT_TRANSLATE_NOOP
    from tarjama.mt.packages import version_key

    candidates = mt.available_packages(url=args.index)
    if not candidates:
        raise mt.DownloadError(args.index or mt.index_url(),
                               QT_TRANSLATE_NOOP("Errors", "the index lists no Arabic→English package"))

    newest = max(candidates, key=lambda p: version_key(p.version))
    with out.progress(f"Downloading {newest.languages} {newest.version}", unit="B") as done:
        package = mt.download_and_install(newest, progress=done)
    out.line(f"Installed {package.name} {package.version} ({package.languages}).")


def register(sub: argparse._SubParsersAction) -> None:
    models = sub.add_parser(
        "models",
        help="Manage Arabic→English translation packages.",
        description="Manage the Arabic→English machine translation packages (Argos .argosmodel files) that "
        "pretranslate uses.",
    )
    models_sub = models.add_subparsers(dest="models_command", required=True, metavar="ACTION")
    p = command(models_sub, "list", cmd_models_list, "List installed packages: name, version, languages, size.")
    p.add_argument("--json", action="store_true", help=JSON_HELP)
    p = command(
        models_sub,
        "install",
        cmd_models_install,
        "Install a package from a .argosmodel file, replacing an older version of the same language pair.",
        interrupted=PACKAGES_WHOLE,
    )
    p.add_argument("file", type=Path, help="the .argosmodel file")
    p = command(models_sub, "remove", cmd_models_remove, "Remove an installed package.", interrupted=PACKAGES_WHOLE)
    p.add_argument("name", help="the package's name, as `models list` shows it")
    p = command(
        models_sub,
        "download",
        cmd_models_download,
        "Download and install the newest Arabic→English package (the only command that uses the network).",
        interrupted="a download is written under a temporary name, deleted when stopped, and " + PACKAGES_WHOLE,
    )
    p.add_argument(
        "--index", help=f"package index URL (default: ARGOS_PACKAGE_INDEX if set, else Argos's {DEFAULT_INDEX_URL})"
    )
