"""`tarjama-cli models`: the Arabic→English translation packages on this machine."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tarjama.cli.output import command, print_json, progress_line


def cmd_models_list(args: argparse.Namespace) -> None:
    from tarjama import mt

    packages = mt.list_packages()
    if args.json:
        print_json(
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
        progress_line(f"{received / 1e6:.1f} MB" + (f" of {total / 1e6:.1f} MB" if total else ""))

    package = mt.download_and_install(newest, progress=show)
    progress_line("\n")
    print(f"Installed {package.name} {package.version} ({package.languages}).")


def register(sub: argparse._SubParsersAction) -> None:
    models = sub.add_parser("models", help="Manage Arabic→English translation packages.")
    models_sub = models.add_subparsers(dest="models_command", required=True, metavar="ACTION")
    p = command(models_sub, "list", cmd_models_list, "List installed packages.")
    p.add_argument("--json", action="store_true")
    p = command(models_sub, "install", cmd_models_install, "Install a package from a .argosmodel file.")
    p.add_argument("file", type=Path)
    p = command(models_sub, "remove", cmd_models_remove, "Remove an installed package.")
    p.add_argument("name")
    p = command(models_sub, "download", cmd_models_download, "Download and install the newest Arabic→English package.")
    p.add_argument("--index", help="package index URL (default: ARGOS_PACKAGE_INDEX or Argos's own)")
