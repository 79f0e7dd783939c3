"""Translation packages shipped inside the offline edition, installed into the user's packages on first start.

The offline edition's installer carries one or more ``.argosmodel`` files (in ``resources/models`` of the bundle),
so that machine translation works on a machine that never goes online. They are installed like any package the
user picks (:func:`tarjama.mt.install_package` validates each one and changes nothing if it is broken), from the
local file only: nothing here touches the network.

Each bundled file is offered once per user: it is installed unless the same or a newer version of its language pair
is already there, and either way it is remembered (in Tarjama's machine-translation state folder), so a package the
translator removes on purpose is not put back at the next start. A file that fails to install is not remembered and
is tried again next time, except a package for another language pair than Arabic→English: it is refused like any
the translator picks, said once, and remembered, since no later start could install it either.
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from tarjama.atomic_file import replacing
from tarjama.errors import TarjamaError
from tarjama.mt.archive import inspect_archive
from tarjama.mt.errors import PackageError
from tarjama.mt.packages import (
    InstalledPackage,
    OtherLanguagePairError,
    install_package,
    list_packages,
    refuse_other_pair,
    version_key,
)
from tarjama.mt.paths import mt_state_dir
from tarjama.paths import resources_dir


@dataclass(frozen=True)
class BundledOutcome:
    """What happened to one bundled file: installed (``package`` set), skipped, or failed (``error`` set)."""

    archive: Path
    package: InstalledPackage | None = None
    skipped_for: str = ""
    error: str = ""


def bundled_models_dir() -> Path:
    """Where the bundle keeps its packages; ``TARJAMA_BUNDLED_MODELS_DIR`` overrides it (tests use it)."""
    override = os.environ.get("TARJAMA_BUNDLED_MODELS_DIR")
    return Path(override) if override else resources_dir() / "models"


def _record_path() -> Path:
    return mt_state_dir() / "bundled-installed.json"


def _archive_key(archive: Path) -> str:
    """Identifies one bundled file without opening it: a new release carrying another package file is offered."""
    return f"{archive.name}|{archive.stat().st_size}"


def _read_record(path: Path) -> set[str]:
    try:
        keys = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return set()
    return {key for key in keys if isinstance(key, str)} if isinstance(keys, list) else set()


def install_bundled_models(folder: Path | None = None, *, directory: Path | None = None) -> list[BundledOutcome]:
    """Installs each bundled ``.argosmodel`` not offered to this user before; never raises for a bad package.

    Called at every start of the window and the command line, so it must be cheap when there is nothing to do:
    without a bundled folder it only checks that the folder is absent, and a file already offered is skipped
    before it is opened.
    """
    folder = folder or bundled_models_dir()
    archives = sorted(folder.glob("*.argosmodel")) if folder.is_dir() else []
    if not archives:
        return []
    record = _record_path()
    offered = _read_record(record)
    remembered = set(offered)
    outcomes: list[BundledOutcome] = []
    for archive in archives:
        try:
            key = _archive_key(archive)
            if key in offered:
                continue
            info = inspect_archive(archive)
            refuse_other_pair(info)
            newer = [
                p
                for p in list_packages(directory, measure=False)
                if (p.from_code, p.to_code) == (info.from_code, info.to_code)
                and version_key(p.version) >= version_key(info.version)
            ]
            if newer:
                outcome = BundledOutcome(archive, skipped_for=f"{newer[0].name} {newer[0].version}")
            else:
                outcome = BundledOutcome(archive, package=install_package(archive, directory=directory))
        except OtherLanguagePairError as exc:
            offered.add(key)
            outcomes.append(BundledOutcome(archive, error=str(exc)))
            continue
        except (PackageError, OSError) as exc:
            outcomes.append(BundledOutcome(archive, error=str(exc)))
            continue
        offered.add(key)
        outcomes.append(outcome)
    if offered != remembered:
        try:
            record.parent.mkdir(parents=True, exist_ok=True)
            with replacing(record, "w", "list of bundled packages", encoding="utf-8") as out:
                json.dump(sorted(offered), out, indent=1)
        except (OSError, TarjamaError):
            pass  # not remembered: the same files are checked (and found installed) at the next start
    return outcomes


def report_bundled_installs(outcomes: list[BundledOutcome]) -> None:
    """One line on stderr per package installed or failed, so the --json output of the CLI stays clean."""
    for outcome in outcomes:
        if outcome.package is not None:
            print(f"tarjama: installed the bundled {outcome.package.name} {outcome.package.version}", file=sys.stderr)
        elif outcome.error:
            print(f"tarjama: the bundled {outcome.archive.name} was not installed: {outcome.error}", file=sys.stderr)
