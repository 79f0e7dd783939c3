"""Installs an OPUS-MT model as it is published: a Marian release, zipped or unpacked into a folder.

A release holds the Marian weights (``*.npz``), ``decoder.yml`` naming them and the vocabularies (``*.vocab.yml``),
``source.spm`` and ``target.spm``, and usually a README and a LICENSE. Nothing in it is trusted: a zip passes the
checks every package zip passes (:func:`tarjama.mt.archive.check_members`: no absolute or ``..`` names, no links,
bounded size) and is unpacked in a staging folder; every file ``decoder.yml`` names must be a plain file of the
release (it could otherwise name any file on the disk); sizes are bounded and both SentencePiece models must load.
CTranslate2's ``OpusMTConverter`` (numpy only) then writes an int8 model into the staging folder, and the package
is published like an Argos one (:func:`tarjama.mt.packages.publish_package`), README and LICENSE kept so its
licence can be shown.

A release's languages come from its README (``source language(s): ara``, or the download address's
``ara-eng/``), else from its file name (``opus-mt-ar-en``), else from what the caller says (``expect_pair``);
only Arabic→English is installed.
"""

from __future__ import annotations

import json
import re
import shutil
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from tarjama.errors import QT_TRANSLATE_NOOP
from tarjama.mt.archive import check_members, extract_zip, read_zip, remove_tree
from tarjama.mt.errors import PackageError
from tarjama.mt.packages import (
    SOURCE_LANGUAGE,
    TARGET_LANGUAGE,
    InstalledPackage,
    Release,
    check_expected_pair,
    publish_package,
    refuse_other_languages,
    staging_for_install,
)

ORIGIN = "OPUS-MT"
DECODER_CONFIG = "decoder.yml"
TOKENIZERS = ("source.spm", "target.spm")
#: Text kept beside the model so its licence and provenance can be shown.
DOCUMENTS = ("README.md", "README.txt", "README", "LICENSE", "LICENSE.txt", "LICENCE", "LICENCE.txt")
MAX_TEXT_BYTES = 1024 * 1024
MAX_VOCABULARY_BYTES = 64 * 1024**2

#: Codes of Arabic and its varieties as OPUS-MT (ISO 639-3) and NLLB (``arb_Arab``) write them.
ARABIC_CODES = frozenset(
    {"ar", "ara", "arb", "arz", "apc", "afb", "ary", "arq", "acm", "ajp", "aeb", "ars", "acq", "apd", "ayl"}
)
ENGLISH_CODES = frozenset({"en", "eng"})
_README_LANGUAGES = re.compile(r"^\W*(source|target) languages?(?:\(s\))?\s*:\s*(.+)$", re.IGNORECASE | re.MULTILINE)
_ADDRESS_LANGUAGES = re.compile(r"(?:OPUS|Tatoeba)-MT-models/([A-Za-z_]+)-([A-Za-z_]+)/")
_NAME_LANGUAGES = re.compile(r"opus-mt-(?:tc-(?:big-)?)?([a-z]{2,3})-([a-z]{2,3})(?![a-z])|^([a-z]{2,3})-([a-z]{2,3})$")
_LICENCE = re.compile(r"^\W*licen[cs]e\s*:\s*(.+)$", re.IGNORECASE | re.MULTILINE)
_MODEL = re.compile(r"^\W*model\s*:\s*(.+)$", re.IGNORECASE | re.MULTILINE)
_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


@dataclass(frozen=True)
class ReleaseFacts:
    """What a release's README and name say about it; the raw codes as written, "" when they say nothing."""

    from_code: str = ""
    to_code: str = ""
    licence: str = ""
    model: str = ""
    date: str = ""


def _language(codes: list[str], known: frozenset[str], name: str) -> str:
    """``name`` ("ar", "en") when every code is that language or one of its varieties, else the codes as given."""
    if codes and all(code.replace("-", "_").split("_")[0].lower() in known for code in codes):
        return name
    return " ".join(codes)


def pair_of(sources: list[str], targets: list[str]) -> tuple[str, str]:
    """("ar", "en") for Arabic (any variety, ``ara``, ``arb_Arab``) into English; else the codes as written."""
    return _language(sources, ARABIC_CODES, SOURCE_LANGUAGE), _language(targets, ENGLISH_CODES, TARGET_LANGUAGE)


def read_facts(readme: str, file_name: str) -> ReleaseFacts:
    """Languages, licence, model kind and date, from a README's lines (file name for what it lacks)."""
    lines = reversed(list(_README_LANGUAGES.finditer(readme)))  # the first line of each side wins
    sides = {match.group(1).lower(): match.group(2).split() for match in lines}
    sources, targets = sides.get("source", []), sides.get("target", [])
    address = _ADDRESS_LANGUAGES.search(readme)
    named = _NAME_LANGUAGES.search(file_name.lower())
    if not (sources and targets) and address:
        sources, targets = [address.group(1)], [address.group(2)]
    if not (sources and targets) and named:
        sources, targets = [named.group(1) or named.group(3)], [named.group(2) or named.group(4)]
    licence, model = _LICENCE.search(readme), _MODEL.search(readme)
    date = _DATE.search(readme) or _DATE.search(file_name)
    from_code, to_code = pair_of(sources, targets)
    return ReleaseFacts(
        from_code=from_code,
        to_code=to_code,
        licence=licence.group(1).strip() if licence else "",
        model=model.group(1).strip() if model else "",
        date=".".join(date.groups()) if date else "",
    )


def languages(path: Path, facts: ReleaseFacts, expect_pair: tuple[str, str] | None) -> tuple[str, str]:
    """The pair a model translates: what its files say (checked against ``expect_pair``), else ``expect_pair``;
    refused unless Arabic→English."""
    if expect_pair:  # "ara"/"eng" or "arb_Arab" as the user may write them: compared as "ar", "en"
        expect_pair = pair_of([expect_pair[0]], [expect_pair[1]])
    if facts.from_code and facts.to_code:
        pair = (facts.from_code, facts.to_code)
        check_expected_pair(path, *pair, expect_pair)
    elif expect_pair:
        pair = expect_pair
    else:
        raise PackageError(path, QT_TRANSLATE_NOOP(
            "Errors", "its files do not say which languages it translates; nothing was installed. Choose an "
                      "Arabic→English model (its README naming the languages, or a name like opus-mt-ar-en), or "
                      "install it with: tarjama-cli models install --from ar --to en"))
    refuse_other_languages(path, *pair)
    return pair


def read_text(path: Path, file: Path) -> str:
    """A small text file of the model (README, LICENSE, config): "" when absent or a link, refused when implausibly
    large."""
    if file.is_symlink() or not file.is_file():
        return ""
    if file.stat().st_size > MAX_TEXT_BYTES:
        raise PackageError(path, QT_TRANSLATE_NOOP("Errors", "its {name} is implausibly large"), name=file.name)
    return file.read_text(encoding="utf-8", errors="replace")


def licence_of(path: Path, folder: Path, facts: ReleaseFacts) -> str:
    """The licence the README states, else the first line of a LICENSE file, else ""."""
    if facts.licence:
        return facts.licence
    for name in DOCUMENTS:
        if name.upper().startswith("LICEN"):
            first = next((line.strip() for line in read_text(path, folder / name).splitlines() if line.strip()), "")
            if first:
                return first[:200]
    return ""


def readme_of(path: Path, folder: Path) -> str:
    return "\n".join(read_text(path, folder / name) for name in DOCUMENTS if name.upper().startswith("README"))


def plain_file(path: Path, folder: Path, name: object, *, limit: int) -> Path:
    """The file ``name`` of ``folder``, refused unless a plain name of a regular file (no link, no path) within
    ``limit`` bytes: a release's own files name the others, and must not reach outside it."""
    text = str(name) if isinstance(name, str) else ""
    if not text or PurePosixPath(text).name != text or "\\" in text or text in {".", ".."}:
        raise PackageError(path, QT_TRANSLATE_NOOP("Errors", "it names a file outside its folder ({name})"),
                           name=repr(name))
    file = folder / text
    if file.is_symlink() or not file.is_file():
        raise PackageError(path, QT_TRANSLATE_NOOP("Errors", "{name} is missing"), name=text)
    if file.stat().st_size > limit:
        raise PackageError(path, QT_TRANSLATE_NOOP("Errors", "its {name} is implausibly large"), name=text)
    return file


def check_sentencepiece(path: Path, model: Path) -> None:
    import sentencepiece

    try:
        sentencepiece.SentencePieceProcessor(model_file=str(model))
    except (OSError, RuntimeError) as exc:
        raise PackageError(path, QT_TRANSLATE_NOOP("Errors", "its {name} cannot be loaded ({reason})"),
                           name=model.name, reason=exc) from exc


def copy_documents(folder: Path, package: Path) -> None:
    for name in DOCUMENTS:
        source = folder / name
        if source.is_file() and not source.is_symlink():
            shutil.copyfile(source, package / name)


def safe_name(text: str) -> str:
    """A package folder name from words of the model's files: letters, digits, ``.``, ``_``, ``-`` only."""
    return re.sub(r"[^A-Za-z0-9._-]+", "_", text).strip("._-") or "model"


# -- releases -----------------------------------------------------------------------------------------------


def _zip_root(names: list[str]) -> str | None:
    """Where ``decoder.yml`` is inside a zip: "" at its top, "folder/" in its one folder; None if not there."""
    for name in names:
        parts = PurePosixPath(name).parts
        if parts and parts[-1] == DECODER_CONFIG and len(parts) <= 2:
            return "/".join(parts[:-1]) + "/" if len(parts) == 2 else ""
    return None


def is_release(path: Path) -> bool:
    """True for a folder or zip that holds a Marian release (its decoder.yml); nothing else is read."""
    if path.is_dir():
        return (path / DECODER_CONFIG).is_file()
    try:
        with zipfile.ZipFile(path) as archive:
            return _zip_root(archive.namelist()) is not None
    except (zipfile.BadZipFile, OSError, EOFError):
        return False


@dataclass(frozen=True)
class _Checked:
    """A release whose files passed the checks: its folder and what the package will say of it."""

    folder: Path
    release: Release
    licence: str


def _check_release(path: Path, folder: Path, limit: int, expect_pair: tuple[str, str] | None) -> _Checked:
    import yaml

    try:
        config = yaml.safe_load(read_text(path, plain_file(path, folder, DECODER_CONFIG, limit=MAX_TEXT_BYTES)))
    except yaml.YAMLError as exc:
        raise PackageError(path, QT_TRANSLATE_NOOP("Errors", "its decoder.yml cannot be read ({reason})"),
                           reason=exc) from exc
    models = config.get("models") if isinstance(config, dict) else None
    vocabs = config.get("vocabs") if isinstance(config, dict) else None
    if not isinstance(models, list) or not models or not isinstance(vocabs, list) or not vocabs:
        raise PackageError(path, QT_TRANSLATE_NOOP("Errors", "its decoder.yml names no model or no vocabulary"))
    used = [plain_file(path, folder, models[0], limit=limit)]
    used += [plain_file(path, folder, name, limit=MAX_VOCABULARY_BYTES) for name in vocabs]
    used += [plain_file(path, folder, name, limit=MAX_VOCABULARY_BYTES) for name in TOKENIZERS]
    if sum(file.stat().st_size for file in used) > limit:
        raise PackageError(path, QT_TRANSLATE_NOOP("Errors", "it is larger than any translation model; refusing "
                                                             "to install it"))
    for name in TOKENIZERS:
        check_sentencepiece(path, folder / name)
    name = path.name.removesuffix(".zip")
    facts = read_facts(readme_of(path, folder), name)
    from_code, to_code = languages(path, facts, expect_pair)
    code = safe_name(f"opus-mt-{facts.from_code or from_code}-{facts.to_code or to_code}"
                     + (f"-{facts.model}" if facts.model else ""))
    version = facts.date or "0"
    release = Release(f"{code}-{version.replace('.', '_')}", from_code, to_code, version, code)
    return _Checked(folder, release, licence_of(path, folder, facts))


def _convert(path: Path, checked: _Checked, package: Path) -> Path:
    """Converts the release to an int8 CTranslate2 package in ``package`` (a folder that does not exist yet)."""
    from ctranslate2.converters import OpusMTConverter

    package.mkdir(parents=True)
    try:
        OpusMTConverter(str(checked.folder)).convert(str(package / "model"), quantization="int8")
    except (ValueError, KeyError, TypeError, IndexError, AttributeError, RuntimeError, zipfile.BadZipFile) as exc:
        raise PackageError(path, QT_TRANSLATE_NOOP("Errors", "its Marian model cannot be converted ({reason}); "
                                                             "is it a complete OPUS-MT release?"),
                           reason=exc) from exc
    for name in TOKENIZERS:
        shutil.copyfile(checked.folder / name, package / name)
    copy_documents(checked.folder, package)
    release = checked.release
    metadata = {
        "package_version": release.version,
        "from_code": release.from_code,
        "to_code": release.to_code,
        "from_name": "Arabic",
        "to_name": "English",
        "code": release.code,
        "type": "translate",
        "origin": ORIGIN,
        "license": checked.licence,
        "source_tokenizer": TOKENIZERS[0],
        "target_tokenizer": TOKENIZERS[1],
        "converted_from": path.name,
    }
    (package / "metadata.json").write_text(json.dumps(metadata, indent=2, ensure_ascii=False), encoding="utf-8")
    return package


def install_release(
    path: Path, *, directory: Path, max_uncompressed_bytes: int, expect_pair: tuple[str, str] | None = None
) -> InstalledPackage:
    """Checks, converts and installs an OPUS-MT release (a zip or a folder); see the module's docstring."""
    if path.is_dir():
        checked = _check_release(path, path, max_uncompressed_bytes, expect_pair)
        return publish_package(path, checked.release, lambda staging: _convert(path, checked, staging / "package"),
                               directory=directory)
    read_zip(path, lambda archive: check_members(path, archive, max_uncompressed_bytes))
    root = read_zip(path, lambda archive: _zip_root(archive.namelist())) or ""
    unpacked = staging_for_install(path, directory)
    try:
        extract_zip(path, unpacked / "release", max_uncompressed_bytes=max_uncompressed_bytes)
        checked = _check_release(path, unpacked / "release" / root, max_uncompressed_bytes, expect_pair)
        return publish_package(path, checked.release, lambda staging: _convert(path, checked, staging / "package"),
                               directory=directory)
    finally:
        remove_tree(unpacked)
