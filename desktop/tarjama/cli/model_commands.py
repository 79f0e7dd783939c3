"""`tarjama-cli models`: the Arabic→English translation packages on this machine."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from tarjama.cli.output import JSON_HELP, command
from tarjama.cli.terminal import Out
from tarjama.mt.index import DEFAULT_INDEX_URL
from tarjama.mt.packages import InstalledPackage

if TYPE_CHECKING:
    from tarjama.project.store import ProjectStore

#: The `--model` option of every command that machine-translates.
MODEL_HELP = ("the installed Arabic→English model to translate with this time, by the name `models list` shows "
              "(default: the project's, see `models use`)")

#: Packages are unpacked (or set aside, when removed) in a staging folder and renamed into (or out of) place.
PACKAGES_WHOLE = "packages are moved into and out of place whole, so the packages folder is as it was or as asked."


def _published(package: InstalledPackage) -> str | None:
    from tarjama.mt.model_notes import published_score, score_message

    score = published_score(package)
    return None if score is None else str(score_message(score))


def cmd_models_list(args: argparse.Namespace, out: Out) -> None:
    from tarjama import mt
    from tarjama.mt.model_choice import package_licence, package_origin

    packages = mt.list_packages()
    if args.json:
        out.json(
            [
                {"name": p.name, "version": p.version, "from": p.from_code, "to": p.to_code, "size": p.size_bytes,
                 "origin": package_origin(p), "licence": package_licence(p) or None, "published": _published(p)}
                for p in packages
            ]
        )
        return
    if not packages:
        out.line("No translation package is installed. Install one with: tarjama-cli models install FILE.argosmodel")
    for p in packages:
        published = _published(p) or "no published scores"
        out.line(f"{p.name}\t{p.version}\t{p.languages}\t{p.size_bytes / 1e6:.1f} MB\t{package_origin(p)}\t"
                 f"licence: {package_licence(p) or 'not stated'}\t{published}")
    if sum(p.is_arabic_english for p in packages) > 1:
        from tarjama.mt.model_notes import flores_note

        out.note(str(flores_note()))
        out.note("A project uses the first Arabic→English model listed unless it chose another: tarjama-cli models "
                 "use PROJECT NAME.")
    unused = [p.name for p in packages if not p.is_arabic_english]
    if unused:
        # Only another program (Argos Translate, sharing ARGOS_PACKAGES_DIR) puts such packages here.
        out.note(f"Not used by Tarjama, which translates only Arabic → English: {', '.join(unused)}.")


def project_model(store: ProjectStore, name: str | None, out: Out) -> InstalledPackage | None:
    """The package a command translates `store` with: `name` (from --model) if given, else the project's choice,
    saying once that a chosen model was removed; None when no Arabic→English package is installed."""
    from tarjama.mt.model_choice import find_model, resolve_choice

    if name:
        return find_model(name)
    choice = resolve_choice(store)
    notice = choice.notice()
    if notice is not None:
        out.note(f"tarjama-cli: {store.path}: {notice}")
    return choice.package


def cmd_models_use(args: argparse.Namespace, out: Out) -> None:
    from tarjama.mt.model_choice import choose
    from tarjama.project.store import ProjectStore

    with ProjectStore.open(args.project) as store:
        if args.name is None:
            package = project_model(store, None, out)
            out.line(package.name if package is not None else "No Arabic→English model is installed.")
            return
        package = choose(store, args.name)
    out.line(f"{args.project} now translates with {package.name} {package.version}.")


def cmd_models_install(args: argparse.Namespace, out: Out) -> None:
    from tarjama import mt
    from tarjama.errors import QT_TRANSLATE_NOOP, BadInputError

    if (args.from_code is None) != (args.to_code is None):
        raise BadInputError(args.file, QT_TRANSLATE_NOOP("Errors", "give both --from and --to, or neither"))
    pair = (args.from_code, args.to_code) if args.from_code else None
    with out.activity(f"Installing {args.file.name}"):
        package = mt.install_package(args.file, expect_pair=pair)
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
        "Install a package from a .argosmodel file, an OPUS-MT release or a CTranslate2 model folder, replacing "
        "an older version of the same model.",
        interrupted=PACKAGES_WHOLE,
    )
    p.add_argument("file", type=Path, help="the .argosmodel file, OPUS-MT release (zip or folder; converted to "
                   "CTranslate2 int8) or CTranslate2 model folder")
    p.add_argument("--from", dest="from_code", metavar="CODE", help="the language the model translates from (ar), "
                   "for a model folder whose files do not say; checked against them when they do")
    p.add_argument("--to", dest="to_code", metavar="CODE", help="the language it translates into (en)")
    p = command(models_sub, "remove", cmd_models_remove, "Remove an installed package.", interrupted=PACKAGES_WHOLE)
    p.add_argument("name", help="the package's name, as `models list` shows it")
    p = command(
        models_sub,
        "use",
        cmd_models_use,
        "Choose the Arabic→English model a project translates with (remembered in the project), or show it.",
        details="Without a choice, a project uses the first Arabic→English model `models list` shows; if its chosen "
        "model is removed, it uses that one again.",
    )
    p.add_argument("project", type=Path, help="the project file (*.tarjama)")
    p.add_argument("name", nargs="?", help="the model's name, as `models list` shows it (omit it to show the "
                   "project's model)")
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
