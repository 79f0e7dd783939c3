"""Which installed Arabic→English model a project translates with, and what each model is (origin, licence).

Several Arabic→English models may be installed side by side (an Argos package, OPUS-MT ones). The choice belongs
to the project, kept in its meta table under :data:`MODEL_KEY`, not to the user: a project's machine text, its
confidences and the calibration fitted on its edits all come from one model, and another project may want another.
A project that chose none uses the default, the model `find_package` picks (the first Arabic→English one listed,
newest version first). A chosen model that was removed since is not an error: the project falls back to the
default, and the stale choice is forgotten so that it is reported once (:attr:`ModelChoice.replaced`).

The chosen name is the package's folder name; a later lookup also accepts its code, so a package upgraded into a
new folder ("translate-ar_en-1_0" -> "translate-ar_en-1_1") stays chosen.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from tarjama.errors import QT_TRANSLATE_NOOP, Message, TarjamaError, marked_none
from tarjama.mt.errors import PackageNotFoundError
from tarjama.mt.packages import InstalledPackage, list_packages

#: The project meta key holding the chosen package's name ("" or absent: the default).
MODEL_KEY = "mt_model"
#: Where a package came from when its metadata does not say: only Argos packages were installed before it did.
ARGOS_ORIGIN = "Argos Translate"
#: Files of a package that may state its licence, read in this order (top level only, never ``stanza/``).
LICENCE_FILES = ("LICENSE", "LICENSE.txt", "LICENSE.md", "LICENCE", "COPYING", "README.md", "README.txt", "README")
#: Licence files are short; a README that is not is read only this far.
_LICENCE_READ_LIMIT = 64_000
_LICENCE_LINE = re.compile(r"^[\s#*>_-]*licen[cs]e[*_]*\s*:\s*[*_]*\s*(\S.*?)[\s*_]*$", re.IGNORECASE)
#: Licence names recognised in free text, as the short identifiers a list shows.
_KNOWN_LICENCES = (
    (re.compile(r"\bCC[- ]BY[- ]SA[- ]?4\.0\b|Creative Commons Attribution[- ]ShareAlike 4\.0", re.I), "CC-BY-SA-4.0"),
    (re.compile(r"\bCC[- ]BY[- ]?4\.0\b|Creative Commons Attribution 4\.0", re.I), "CC-BY-4.0"),
    (re.compile(r"\bCC0\b", re.I), "CC0-1.0"),
    (re.compile(r"\bApache(?: License)?,? (?:Version )?2\.0\b", re.I), "Apache-2.0"),
    (re.compile(r"\bMIT License\b", re.I), "MIT"),
    (re.compile(r"\bGNU (?:Affero )?General Public License\b|\bGPL-?3", re.I), "GPL"),
)


class ModelProject(Protocol):
    """What the choice uses of a project (a `ProjectStore`), named here so that the engine's package does not
    import the project's."""

    @property
    def read_only(self) -> TarjamaError | None: ...

    def get_meta(self, key: str, default: str | None = None) -> str | None: ...

    def set_meta(self, key: str, value: str) -> None: ...


@dataclass(frozen=True)
class ModelChoice:
    """The model a project translates with now: `package` (None when no Arabic→English model is installed), and
    `replaced`, the name of the model it had chosen when that one is no longer installed ("" otherwise)."""

    package: InstalledPackage | None
    replaced: str = ""

    def notice(self) -> Message | None:
        """What to tell the translator once when the chosen model was removed and the default is used instead."""
        if not self.replaced or self.package is None:
            return None
        return Message(
            QT_TRANSLATE_NOOP("Errors", "The machine translation model {chosen} chosen for this project is no "
                                        "longer installed; {model} is used instead."),
            {"chosen": self.replaced, "model": self.package.name},
        )


def candidates(directory: Path | None = None, *, measure: bool = False) -> list[InstalledPackage]:
    """The installed Arabic→English packages, the default first (`measure`: add up their sizes, for a list)."""
    return [package for package in list_packages(directory, measure=measure) if package.is_arabic_english]


def _named(name: str, packages: list[InstalledPackage]) -> InstalledPackage | None:
    """The package whose folder name is `name`, else the newest whose code is."""
    return next((p for p in packages if p.name == name), None) or next((p for p in packages if p.code == name), None)


def find_model(name: str, directory: Path | None = None) -> InstalledPackage:
    """The installed Arabic→English package called `name` (folder name or code); raises PackageNotFoundError
    listing the installed ones otherwise."""
    installed = candidates(directory)
    package = _named(name, installed)
    if package is None:
        raise PackageNotFoundError(
            QT_TRANSLATE_NOOP("Errors", "No installed Arabic→English model is called {name}. Installed models: "
                                        "{installed}."),
            name=repr(name),
            installed=", ".join(p.name for p in installed) or marked_none(),
        )
    return package


def resolve_choice(project: ModelProject, directory: Path | None = None) -> ModelChoice:
    """The model `project` translates with: its chosen one, else the default.

    A chosen model no longer installed is forgotten here (when the project may be written) and named in
    `replaced`, so that the caller says so once; it is kept while no Arabic→English model is installed at all,
    since the translator is then likely to install it again."""
    installed = candidates(directory)
    default = installed[0] if installed else None
    chosen = project.get_meta(MODEL_KEY) or ""
    if not chosen:
        return ModelChoice(default)
    package = _named(chosen, installed)
    if package is not None:
        return ModelChoice(package)
    if default is not None and project.read_only is None:
        project.set_meta(MODEL_KEY, "")
    return ModelChoice(default, replaced=chosen)


def chosen_package(project: ModelProject, directory: Path | None = None) -> InstalledPackage | None:
    """The package `project` translates with (see :func:`resolve_choice`), None when none is installed."""
    return resolve_choice(project, directory).package


def choose(project: ModelProject, name: str, directory: Path | None = None) -> InstalledPackage:
    """Make `project` translate with the installed Arabic→English package `name` (folder name or code).

    A read-only project is refused first, as any change to it; an unknown name raises PackageNotFoundError."""
    if project.read_only is not None:
        raise project.read_only
    package = find_model(name, directory)
    project.set_meta(MODEL_KEY, package.name)
    return package


# -- what a package is ------------------------------------------------------------------------------------------


def package_origin(package: InstalledPackage) -> str:
    """Who made the package: as its metadata says, else Argos Translate (whose packages do not say)."""
    return package.origin or ARGOS_ORIGIN


def package_licence(package: InstalledPackage) -> str:
    """The package's licence: as its metadata says, else as its licence file or README states it; "" when none
    of them does (a list shows "not stated", never a guess)."""
    if package.licence:
        return package.licence
    for name in LICENCE_FILES:
        path = package.path / name
        try:
            with path.open(encoding="utf-8", errors="replace") as file:
                text = file.read(_LICENCE_READ_LIMIT)
        except OSError:
            continue
        licence = licence_in(text)
        if licence:
            return licence
    return ""


def licence_in(text: str) -> str:
    """The licence a licence file or README states: a known licence's name anywhere, else a "License: …" line."""
    for pattern, licence in _KNOWN_LICENCES:
        if pattern.search(text):
            return licence
    for line in text.splitlines():
        match = _LICENCE_LINE.match(line)
        if match:
            return match.group(1)
    return ""
