"""Installed translation packages: list, install from a ``.argosmodel`` file, remove.

The packages folder is only ever changed by renames: a package is unpacked and checked in a staging folder beside
it, then renamed into place, and a package being replaced or removed is first renamed out of it. So the folder
always holds complete packages, and any failure leaves it exactly as it was.
"""

from __future__ import annotations

import errno
import json
import os
import re
import shutil
import tempfile
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tarjama.errors import QT_TRANSLATE_NOOP, marked_none
from tarjama.mt.archive import (
    DEFAULT_MAX_UNCOMPRESSED_BYTES,
    TOKENIZER_FILES,
    ArchiveInfo,
    extract_archive,
    inspect_archive,
    remove_tree,
)
from tarjama.mt.caches import clear_caches
from tarjama.mt.errors import PackageError, PackageNotFoundError
from tarjama.mt.modelfile import ModelFileError, has_vocabulary, read_model_facts
from tarjama.mt.paths import packages_dir

SOURCE_LANGUAGE = "ar"
TARGET_LANGUAGE = "en"
_lock = threading.RLock()


#: How the pair Tarjama translates is named in lists, whatever a package's metadata calls its languages.
_LANGUAGE_NAMES = {SOURCE_LANGUAGE: "Arabic", TARGET_LANGUAGE: "English"}


def primary_language(code: str) -> str:
    """The language of a code without its region or script ("ar-SA", "AR_sa" -> "ar"), as BCP 47 and POSIX
    locales write them, so a regional Arabic or English package counts as Arabic or English."""
    return code.strip().replace("_", "-").split("-")[0].lower()


def is_arabic_english_pair(from_code: str, to_code: str) -> bool:
    """Whether a package translating `from_code` → `to_code` translates Arabic into English (regions allowed)."""
    return primary_language(from_code) == SOURCE_LANGUAGE and primary_language(to_code) == TARGET_LANGUAGE


def pair_label(from_code: str, to_code: str) -> str:
    """"Arabic → English" for the pair Tarjama uses ("Arabic (ar-SA) → English" for a regional one), the bare
    codes ("fr → de") for any other: the names in a package's metadata are not trusted, since a French→German
    package calling itself Arabic→English would then be listed as one."""
    if not is_arabic_english_pair(from_code, to_code):
        return f"{from_code} → {to_code}"

    def name(code: str) -> str:
        known = _LANGUAGE_NAMES[primary_language(code)]
        return known if code == primary_language(code) else f"{known} ({code})"

    return f"{name(from_code)} → {name(to_code)}"


class LanguagePair:
    """Naming shared by installed packages and packages in the index (both have these four fields)."""

    from_code: str
    to_code: str
    from_name: str
    to_name: str

    @property
    def languages(self) -> str:
        return pair_label(self.from_code, self.to_code)

    @property
    def is_arabic_english(self) -> bool:
        return is_arabic_english_pair(self.from_code, self.to_code)


@dataclass(frozen=True)
class InstalledPackage(LanguagePair):
    """One package folder in the packages folder, as described by its metadata.json."""

    name: str
    path: Path
    from_code: str
    to_code: str
    from_name: str
    to_name: str
    version: str
    size_bytes: int
    code: str = ""
    target_prefix: str = ""
    #: Tokens put before and after every source (NLLB's ``arb_Arab`` and ``</s>``; `tarjama.mt.source_framing`),
    #: metadata keys ``source_prefix``, ``source_suffix``; "" for none.
    source_prefix: str = ""
    source_suffix: str = ""
    #: Who made the package ("Argos Translate", "OPUS-MT", "CTranslate2 folder"), metadata key ``origin``.
    origin: str = ""
    #: Its licence as its files state it (metadata key ``license``), "" when unknown.
    licence: str = ""
    #: The SentencePiece models of its two sides when they differ, as OPUS-MT's ``source.spm`` and ``target.spm``
    #: (metadata keys ``source_tokenizer``, ``target_tokenizer``: file names in the package); "" for an Argos one.
    source_tokenizer: str = ""
    target_tokenizer: str = ""

    @property
    def model_path(self) -> Path:
        return self.path / "model"

    @property
    def tokenizer_path(self) -> Path:
        for name in TOKENIZER_FILES:
            candidate = self.path / name
            if candidate.is_file():
                return candidate
        return self.path / TOKENIZER_FILES[0]

    @property
    def source_tokenizer_path(self) -> Path:
        """The tokenizer that encodes the source text: the one named in metadata.json, else the package's only one."""
        return self.path / self.source_tokenizer if self.source_tokenizer else self.tokenizer_path

    @property
    def target_tokenizer_path(self) -> Path:
        """The tokenizer that decodes the model's output (the source's one for an Argos package)."""
        return self.path / self.target_tokenizer if self.target_tokenizer else self.tokenizer_path


def version_key(version: str) -> tuple[int, ...]:
    """Orders versions like "1.0" < "1.9" < "1.10" without needing the ``packaging`` library."""
    return tuple(int(part) for part in re.findall(r"\d+", version)) or (0,)


def _folder_size(folder: Path) -> int:
    total = 0
    for root, _dirs, files in os.walk(folder):
        for name in files:
            try:
                total += (Path(root) / name).lstat().st_size
            except OSError:
                continue
    return total


def read_package(folder: Path, *, measure: bool = True) -> InstalledPackage:
    """Describes an installed package folder; raises :class:`PackageError` if it is not one.

    ``measure=False`` skips adding up file sizes (size_bytes is then 0): the engine uses it so that loading a
    model never even lists the package's ``stanza/`` folder.
    """
    try:
        metadata = json.loads((folder / "metadata.json").read_text(encoding="utf-8-sig"))
    except FileNotFoundError as exc:
        raise PackageError(folder, QT_TRANSLATE_NOOP("Errors", "not a translation package (metadata.json is "
                                                               "missing)")) from exc
    except (OSError, ValueError) as exc:
        raise PackageError(folder, QT_TRANSLATE_NOOP("Errors", "its metadata.json cannot be read ({reason})"),
                           reason=exc) from exc
    if not isinstance(metadata, dict) or not metadata.get("from_code") or not metadata.get("to_code"):
        raise PackageError(folder, QT_TRANSLATE_NOOP("Errors", "its metadata.json does not name the language pair"))
    return InstalledPackage(
        name=folder.name,
        path=folder,
        from_code=str(metadata["from_code"]),
        to_code=str(metadata["to_code"]),
        from_name=str(metadata.get("from_name") or ""),
        to_name=str(metadata.get("to_name") or ""),
        version=str(metadata.get("package_version") or "0"),
        size_bytes=_folder_size(folder) if measure else 0,
        code=str(metadata.get("code") or ""),
        target_prefix=str(metadata.get("target_prefix") or ""),
        source_prefix=str(metadata.get("source_prefix") or ""),
        source_suffix=str(metadata.get("source_suffix") or ""),
        origin=str(metadata.get("origin") or ""),
        licence=str(metadata.get("license") or ""),
        source_tokenizer=_file_name(metadata.get("source_tokenizer")),
        target_tokenizer=_file_name(metadata.get("target_tokenizer")),
    )


def _file_name(value: object) -> str:
    """A file name that metadata.json gives for a file of the package, "" unless it is a plain name (a path
    there could point the engine at any file on the disk)."""
    name = str(value or "")
    return name if name and name == Path(name).name and name not in {".", ".."} and "\\" not in name else ""


def list_packages(directory: Path | None = None, *, measure: bool = True) -> list[InstalledPackage]:
    """Every readable package in the packages folder, sorted by language pair then newest version first."""
    directory = directory or packages_dir()
    found: list[InstalledPackage] = []
    if not directory.is_dir():
        return found
    for folder in directory.iterdir():
        if folder.name.startswith(".") or not folder.is_dir():
            continue
        try:
            found.append(read_package(folder, measure=measure))
        except PackageError:
            continue
    found.sort(key=lambda p: (p.from_code, p.to_code, tuple(-n for n in version_key(p.version)), p.name))
    return found


def find_package(
    from_code: str = SOURCE_LANGUAGE, to_code: str = TARGET_LANGUAGE, directory: Path | None = None
) -> InstalledPackage:
    """The newest installed package for the pair, a regional variant of either language included (size not
    measured); raises PackageNotFoundError if none."""
    wanted = (primary_language(from_code), primary_language(to_code))
    for package in list_packages(directory, measure=False):
        if (primary_language(package.from_code), primary_language(package.to_code)) == wanted:
            return package
    raise PackageNotFoundError(
        QT_TRANSLATE_NOOP("Errors", "No {source}→{target} translation package is installed in {folder}. Install "
                                    "one from a .argosmodel file or download it from the package index."),
        source=from_code,
        target=to_code,
        folder=directory or packages_dir(),
    )


class OtherLanguagePairError(PackageError):
    """A valid package, but for another language pair than Arabic→English: it can never be installed."""


def refuse_other_pair(info: ArchiveInfo) -> None:
    """Raise an OtherLanguagePairError naming the file and its pair unless it is an Arabic→English package."""
    refuse_other_languages(info.path, info.from_code, info.to_code)


def refuse_other_languages(path: Path, from_code: str, to_code: str) -> None:
    """Raise an OtherLanguagePairError naming ``path`` and its pair unless the pair is Arabic→English."""
    if not is_arabic_english_pair(from_code, to_code):
        raise OtherLanguagePairError(
            path,
            QT_TRANSLATE_NOOP("Errors", "it translates {source}→{target}, but Tarjama uses only Arabic→English "
                                        "packages (from_code ar, to_code en); nothing was installed. Choose an "
                                        "Arabic→English package."),
            source=from_code,
            target=to_code,
        )


def check_expected_pair(path: Path, from_code: str, to_code: str, expect_pair: tuple[str, str] | None) -> None:
    """Refuses a package whose files name another pair than the one the caller expects (a download's index entry,
    or the languages a user gave for a model folder)."""
    if expect_pair and (from_code, to_code) != expect_pair:
        raise PackageError(
            path,
            QT_TRANSLATE_NOOP("Errors", "it translates {source}→{target}, not {expected_source}→{expected_target} "
                                        "as expected"),
            source=from_code,
            target=to_code,
            expected_source=expect_pair[0],
            expected_target=expect_pair[1],
        )


def _check_unpacked(info: ArchiveInfo, folder: Path) -> None:
    """Checks what only the unpacked files can show: a readable model header and a loadable tokenizer."""
    try:
        read_model_facts(folder / "model" / "model.bin")
    except ModelFileError as exc:
        raise PackageError(info.path, QT_TRANSLATE_NOOP("Errors", "model/model.bin: {reason}"),
                           reason=exc.message) from exc
    names = {child.name for child in (folder / "model").iterdir()}
    if not has_vocabulary(names):
        raise PackageError(info.path, QT_TRANSLATE_NOOP("Errors", "its model/ folder has no vocabulary file"))
    sp_model = folder / "sentencepiece.model"
    if sp_model.is_file():
        import sentencepiece

        try:
            sentencepiece.SentencePieceProcessor(model_file=str(sp_model))
        except (OSError, RuntimeError) as exc:
            raise PackageError(info.path, QT_TRANSLATE_NOOP("Errors", "its sentencepiece.model cannot be loaded "
                                                                      "({reason})"),
                               reason=exc) from exc


def _move(source: Path, target: Path) -> None:
    """Renames ``source`` to ``target`` (atomic on one filesystem; copies then renames across filesystems)."""
    try:
        os.rename(source, target)
    except OSError as exc:
        if exc.errno != errno.EXDEV:
            raise
        incoming = target.parent / f".tarjama-incoming-{uuid.uuid4().hex}"
        shutil.copytree(source, incoming, symlinks=True)
        os.rename(incoming, target)
        remove_tree(source)


def staging_for_install(path: Path, directory: Path) -> Path:
    """`staging_dir` for installing `path`, a folder that cannot be made said as the install's failure."""
    try:
        return staging_dir(directory)
    except OSError as exc:
        raise PackageError(path, QT_TRANSLATE_NOOP("Errors", "cannot write beside the packages folder {folder}: "
                                                             "{reason}"),
                           folder=directory, reason=exc) from exc


def staging_dir(directory: Path) -> Path:
    """A private folder beside the packages folder, on the same disk so that moving a package in is a rename.

    Not inside it, where Argos Translate would take it for a broken package, unless the parent folder is not
    writable (a shared ARGOS_PACKAGES_DIR): then a hidden folder inside, which Tarjama's listing skips.
    """
    try:
        directory.parent.mkdir(parents=True, exist_ok=True)
        return Path(tempfile.mkdtemp(prefix=".tarjama-install-", dir=directory.parent))
    except OSError:
        if not directory.is_dir():
            raise
        return Path(tempfile.mkdtemp(prefix=".tarjama-install-", dir=directory))


def install_package(
    path: str | Path,
    *,
    directory: Path | None = None,
    max_uncompressed_bytes: int = DEFAULT_MAX_UNCOMPRESSED_BYTES,
    expect_pair: tuple[str, str] | None = None,
) -> InstalledPackage:
    """Installs a ``.argosmodel`` file, an OPUS-MT release (zip or folder) or a CTranslate2 model folder; replaces
    an older or equal version of the same model (same language pair and package code).

    Only an Arabic→English package is installed: Tarjama translates nothing else, and a package for another pair
    would sit in the list looking usable. ``expect_pair`` is the pair the caller expects (a download's index
    entry, or what a user said of a model folder whose files name no languages). Raises :class:`PackageError`
    naming the file and the defect; the packages folder is then unchanged.
    """
    from tarjama.mt.ct2_folder import install_folder  # they build on this module
    from tarjama.mt.opus_mt import install_release, is_release

    path = Path(path)
    directory = directory or packages_dir()
    if is_release(path):
        return install_release(path, directory=directory, max_uncompressed_bytes=max_uncompressed_bytes,
                               expect_pair=expect_pair)
    if path.is_dir():
        return install_folder(path, directory=directory, max_uncompressed_bytes=max_uncompressed_bytes,
                              expect_pair=expect_pair)
    info = inspect_archive(path, max_uncompressed_bytes=max_uncompressed_bytes)
    check_expected_pair(path, info.from_code, info.to_code, expect_pair)
    refuse_other_pair(info)

    def unpack(staging: Path) -> Path:
        unpacked = extract_archive(info, staging / "unpacked", max_uncompressed_bytes=max_uncompressed_bytes)
        _check_unpacked(info, unpacked)
        return unpacked

    release = Release(info.top, info.from_code, info.to_code, info.version, str(info.metadata.get("code") or ""))
    return publish_package(path, release, unpack, directory=directory)


@dataclass(frozen=True)
class Release:
    """What decides where a package goes and which installed ones it replaces."""

    folder_name: str
    from_code: str
    to_code: str
    version: str
    code: str


def publish_package(
    path: Path, release: Release, build: Callable[[Path], Path], *, directory: Path
) -> InstalledPackage:
    """Builds a package with ``build(staging)`` (which returns the finished package folder, inside the staging
    folder given) and renames it into the packages folder, replacing older versions of the same model.

    Every kind of package is published this way, so the packages folder only ever changes by renames: a failure
    at any point (a defect ``build`` finds, a full disk) leaves it exactly as it was.
    """
    with _lock:
        same_model = [
            p
            for p in list_packages(directory, measure=False)
            if (p.from_code, p.to_code, p.code) == (release.from_code, release.to_code, release.code)
        ]
        for package in same_model:
            if version_key(package.version) > version_key(release.version):
                raise PackageError(
                    path,
                    QT_TRANSLATE_NOOP("Errors", "version {version} is older than the installed {package} (version "
                                                "{installed}); remove that one first to downgrade"),
                    version=release.version,
                    package=package.name,
                    installed=package.version,
                )
        target = directory / release.folder_name
        if target.exists() and target.name not in {p.name for p in same_model}:
            raise PackageError(path, QT_TRANSLATE_NOOP("Errors", "{folder} already exists and is not a "
                                                                 "{source}→{target} package"),
                               folder=target, source=release.from_code, target=release.to_code)

        staging = staging_for_install(path, directory)
        created_directory = not directory.exists()
        try:
            built = build(staging)
            directory.mkdir(parents=True, exist_ok=True)
            _swap_in(built, target, [p.path for p in same_model], staging)
        except OSError as exc:
            if created_directory and directory.is_dir() and not any(directory.iterdir()):
                directory.rmdir()
            raise PackageError(path, QT_TRANSLATE_NOOP("Errors", "could not install it into {folder}: {reason}"),
                               folder=directory, reason=exc) from exc
        finally:
            remove_tree(staging)
        clear_caches()
        return read_package(target)


def _swap_in(unpacked: Path, target: Path, replaced: list[Path], staging: Path) -> None:
    """Puts the new package in place and takes the replaced ones out, undoing everything if a rename fails."""
    retired: list[tuple[Path, Path]] = []
    try:
        if target.exists():
            aside = staging / "replaced-target"
            os.rename(target, aside)
            retired.append((aside, target))
        _move(unpacked, target)
    except OSError:
        for aside, original in reversed(retired):
            os.rename(aside, original)
        raise
    for index, old in enumerate(replaced):
        if old != target and old.exists():
            try:
                os.rename(old, staging / f"replaced-{index}")
            except OSError:
                continue  # the new version is in place; an old one that cannot be moved stays listed


def remove_package(name: str, *, directory: Path | None = None) -> InstalledPackage:
    """Removes the package whose folder name (as listed) or package code is ``name``."""
    directory = directory or packages_dir()
    with _lock:
        matches = [p for p in list_packages(directory) if name in (p.name, p.code)]
        if not matches:
            installed = ", ".join(p.name for p in list_packages(directory)) or marked_none()
            raise PackageNotFoundError(QT_TRANSLATE_NOOP("Errors", "No installed package is called {name} "
                                                                   "(installed: {installed})."),
                                       name=repr(name), installed=installed)
        package = matches[0]
        staging: Path | None = None
        try:
            staging = staging_dir(directory)
            os.rename(package.path, staging / package.name)
        except OSError as exc:
            if staging is not None:
                remove_tree(staging)
            raise PackageError(package.path, QT_TRANSLATE_NOOP("Errors", "could not remove it: {reason}"),
                               reason=exc) from exc

        remove_tree(staging)
        clear_caches()
        return package
