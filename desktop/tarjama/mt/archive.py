"""Checks and unpacks a ``.argosmodel`` file without trusting anything in it.

A package is a zip with exactly one top-level folder holding ``metadata.json``, a CTranslate2 model in ``model/``
and a ``sentencepiece.model`` or ``bpe.model``. Everything is checked from the zip's directory before a single
byte is written: absolute names, ``..``, links and special files are refused (they could write outside the
packages folder), and the declared total size is bounded (a zip bomb would fill the disk). Extraction then
re-counts the bytes really produced, because a forged directory can understate them.
"""

from __future__ import annotations

import json
import re
import shutil
import stat
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TypeVar

from tarjama.errors import QT_TRANSLATE_NOOP, Message
from tarjama.mt.errors import PackageError
from tarjama.mt.modelfile import ModelFileError, has_vocabulary, read_prologue

#: Real Arabic→English packages unpack to 100–400 MB; 4 GiB leaves room for bigger models, not for a zip bomb.
DEFAULT_MAX_UNCOMPRESSED_BYTES = 4 * 1024**3
MAX_MEMBERS = 20_000
MAX_METADATA_BYTES = 1024 * 1024
TOKENIZER_FILES = ("sentencepiece.model", "bpe.model")
_CHUNK = 1024 * 1024
_DRIVE = re.compile(r"^[A-Za-z]:")
_T = TypeVar("_T")


@dataclass(frozen=True)
class ArchiveInfo:
    """What a valid package file contains, read from its zip directory and metadata.json."""

    path: Path
    top: str
    metadata: dict[str, object]
    uncompressed_bytes: int

    @property
    def from_code(self) -> str:
        return str(self.metadata["from_code"])

    @property
    def to_code(self) -> str:
        return str(self.metadata["to_code"])

    @property
    def version(self) -> str:
        return str(self.metadata.get("package_version") or "0")


_DAMAGED = QT_TRANSLATE_NOOP("Errors", "the zip archive is damaged ({reason}); download the package again")


def _member_problem(info: zipfile.ZipInfo) -> Message | None:
    name = {"name": info.filename}
    if info.filename.startswith(("/", "\\")) or _DRIVE.match(info.filename):
        return Message(QT_TRANSLATE_NOOP("Errors", "it contains an absolute path ({name})"), name)
    if "\\" in info.filename:
        return Message(
            QT_TRANSLATE_NOOP("Errors", "it contains a Windows-style path ({name}), which could escape its folder"),
            name,
        )
    if ".." in PurePosixPath(info.filename).parts:
        return Message(QT_TRANSLATE_NOOP("Errors", "it contains a path that climbs out of its folder ({name})"), name)
    mode = info.external_attr >> 16
    kind = stat.S_IFMT(mode)
    if kind == stat.S_IFLNK:
        return Message(QT_TRANSLATE_NOOP("Errors", "it contains a link ({name}); packages must hold plain files only"),
                       name)
    if kind not in (0, stat.S_IFREG, stat.S_IFDIR):
        return Message(
            QT_TRANSLATE_NOOP("Errors", "it contains a special file ({name}); packages must hold plain files only"),
            name,
        )
    if info.flag_bits & 0x1:
        return Message(QT_TRANSLATE_NOOP("Errors", "it contains an encrypted file ({name})"), name)
    return None


def _size_text(size: int) -> str:
    return f"{size / 1024**2:,.0f} MB" if size >= 1024**2 else f"{size:,} bytes"


def inspect_archive(path: str | Path, *, max_uncompressed_bytes: int = DEFAULT_MAX_UNCOMPRESSED_BYTES) -> ArchiveInfo:
    """Validates a package file from its zip directory alone; raises :class:`PackageError` naming the defect."""
    path = Path(path)
    if not path.is_file():
        raise PackageError(path, QT_TRANSLATE_NOOP("Errors", "file not found"))
    if not zipfile.is_zipfile(path):
        raise PackageError(
            path, QT_TRANSLATE_NOOP("Errors", "not a translation package: an .argosmodel file must be a zip archive")
        )
    return read_zip(path, lambda archive: _inspect_open_archive(path, archive, max_uncompressed_bytes))


def read_zip(path: Path, read: Callable[[zipfile.ZipFile], _T]) -> _T:
    """``read`` applied to the open zip ``path``; a damaged archive becomes a :class:`PackageError`."""
    try:
        with zipfile.ZipFile(path) as archive:
            return read(archive)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError) as exc:
        raise PackageError(path, _DAMAGED, reason=exc) from exc


def check_members(path: Path, archive: zipfile.ZipFile, limit: int) -> int:
    """Refuses a zip that is empty, holds too many files or an unsafe one (absolute, climbing out with ``..``, a
    link, special or encrypted), or would unpack to more than ``limit`` bytes; returns its declared size. Every
    package zip passes this before a byte of it is written, whatever kind of package it holds."""
    members = archive.infolist()
    if not members:
        raise PackageError(path, QT_TRANSLATE_NOOP("Errors", "the zip archive is empty"))
    if len(members) > MAX_MEMBERS:
        raise PackageError(
            path, QT_TRANSLATE_NOOP("Errors", "it holds {count:,} files, more than any translation package"),
            count=len(members),
        )
    total = 0
    for info in members:
        problem = _member_problem(info)
        if problem:
            raise PackageError(path, QT_TRANSLATE_NOOP("Errors", "unsafe package: {problem}"), problem=problem)
        total += info.file_size
        if total > limit:
            raise PackageError(
                path,
                QT_TRANSLATE_NOOP("Errors", "it would unpack to more than {size} (possible zip bomb); refusing to "
                                            "install it"),
                size=_size_text(limit),
            )
    return total


def _inspect_open_archive(path: Path, archive: zipfile.ZipFile, limit: int) -> ArchiveInfo:
    total = check_members(path, archive, limit)
    tops: set[str] = set()
    names: set[str] = set()
    for info in archive.infolist():
        parts = PurePosixPath(info.filename).parts
        if not parts:
            continue
        if len(parts) == 1 and not info.is_dir():
            raise PackageError(path, QT_TRANSLATE_NOOP("Errors", "it has a file ({name}) outside its top-level folder"),
                               name=parts[0])
        tops.add(parts[0])
        names.add("/".join(parts))
    if len(tops) != 1:
        listed = ", ".join(sorted(tops)[:5])
        raise PackageError(
            path, QT_TRANSLATE_NOOP("Errors", "it must contain exactly one top-level folder, found {count}: {folders}"),
            count=len(tops), folders=listed,
        )
    top = tops.pop()
    if top.startswith(".") or top in ("packages",):
        raise PackageError(path, QT_TRANSLATE_NOOP("Errors", "its top-level folder has an unusable name ({name})"),
                           name=top)

    metadata = _read_metadata(path, archive, top, names)
    if f"{top}/model/model.bin" not in names:
        raise PackageError(path, QT_TRANSLATE_NOOP("Errors", "it has no CTranslate2 model (model/model.bin is "
                                                             "missing)"))
    model_files = {name.split("/", 2)[2] for name in names if name.startswith(f"{top}/model/")}
    if not has_vocabulary(model_files):
        raise PackageError(path, QT_TRANSLATE_NOOP("Errors", "its model/ folder has no vocabulary file "
                                                             "(shared_vocabulary.json or .txt)"))
    try:
        with archive.open(f"{top}/model/model.bin") as stream:
            read_prologue(stream)
    except ModelFileError as exc:
        raise PackageError(path, QT_TRANSLATE_NOOP("Errors", "model/model.bin: {reason}"), reason=exc.message) from exc
    if not any(f"{top}/{name}" in names for name in TOKENIZER_FILES):
        raise PackageError(path, QT_TRANSLATE_NOOP("Errors", "it has no tokenizer (sentencepiece.model or bpe.model is "
                                                         "missing)"))
    return ArchiveInfo(path=path, top=top, metadata=metadata, uncompressed_bytes=total)


def _read_metadata(path: Path, archive: zipfile.ZipFile, top: str, names: set[str]) -> dict[str, object]:
    name = f"{top}/metadata.json"
    if name not in names:
        raise PackageError(path, QT_TRANSLATE_NOOP("Errors", "it has no metadata.json in its top-level folder"))
    info = archive.getinfo(name)
    if info.file_size > MAX_METADATA_BYTES:
        raise PackageError(path, QT_TRANSLATE_NOOP("Errors", "its metadata.json is implausibly large"))
    try:
        metadata = json.loads(archive.read(name).decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise PackageError(path, QT_TRANSLATE_NOOP("Errors", "its metadata.json is not valid JSON ({reason})"),
                           reason=exc) from exc
    if not isinstance(metadata, dict):
        raise PackageError(path, QT_TRANSLATE_NOOP("Errors", "its metadata.json must hold a JSON object"))
    for key in ("from_code", "to_code"):
        value = metadata.get(key)
        if not isinstance(value, str) or not value.strip():
            raise PackageError(path, QT_TRANSLATE_NOOP("Errors", "its metadata.json does not name the language pair "
                                                                 "({key} is missing)"),
                               key=key)
    kind = metadata.get("type", "translate")
    if kind != "translate":
        raise PackageError(path, QT_TRANSLATE_NOOP("Errors", "it is a {kind} package, not a translation package"),
                           kind=repr(kind))
    return metadata


def extract_archive(
    info: ArchiveInfo, destination: Path, *, max_uncompressed_bytes: int = DEFAULT_MAX_UNCOMPRESSED_BYTES
) -> Path:
    """Unpacks a package already checked by :func:`inspect_archive` into the empty folder ``destination``.

    Returns the unpacked top-level folder. Bytes are counted as they are written, so an archive whose directory
    lies about sizes stops at the limit instead of filling the disk. On any error the caller deletes
    ``destination``; nothing outside it is touched.
    """
    return extract_zip(info.path, destination, max_uncompressed_bytes=max_uncompressed_bytes) / info.top


def extract_zip(path: Path, destination: Path, *, max_uncompressed_bytes: int) -> Path:
    """Unpacks a zip already checked by :func:`check_members` into ``destination`` (see extract_archive)."""
    root = destination.resolve()
    written = 0
    try:
        with zipfile.ZipFile(path) as archive:
            for member in archive.infolist():
                target = (root / member.filename).resolve()
                if target != root and root not in target.parents:
                    raise PackageError(
                        path, QT_TRANSLATE_NOOP("Errors", "unsafe package: {name} points outside its folder"),
                        name=member.filename,
                    )
                if member.is_dir():
                    target.mkdir(parents=True, exist_ok=True)
                    continue
                target.parent.mkdir(parents=True, exist_ok=True)
                with archive.open(member) as source, target.open("wb") as sink:
                    produced = 0
                    while chunk := source.read(_CHUNK):
                        produced += len(chunk)
                        written += len(chunk)
                        if produced > member.file_size or written > max_uncompressed_bytes:
                            raise PackageError(
                                path,
                                QT_TRANSLATE_NOOP("Errors", "{name} expands beyond its declared size (possible "
                                                            "zip bomb); refusing to install it"),
                                name=member.filename,
                            )
                        sink.write(chunk)
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        if isinstance(exc, OSError) and exc.errno is not None:
            raise PackageError(path, QT_TRANSLATE_NOOP("Errors", "could not unpack it: {reason}"),
                               reason=exc) from exc
        raise PackageError(path, _DAMAGED, reason=exc) from exc
    return root


def remove_tree(path: Path) -> None:
    """Deletes a folder we created, ignoring errors: used on cleanup paths that must not mask the real error."""
    shutil.rmtree(path, ignore_errors=True)
