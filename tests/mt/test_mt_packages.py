"""Installing, listing and removing packages: every defect is refused with a clear message and no trace."""

from __future__ import annotations

import json
import os
import stat
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from tarjama import paths as app_paths
from tarjama.errors import TarjamaError
from tarjama.mt import (
    PackageError,
    PackageNotFoundError,
    find_package,
    install_package,
    list_packages,
    packages_dir,
    remove_package,
)
from tarjama.mt.modelfile import read_model_facts

from .mt_helpers import snapshot

TOP = "translate-ar_en-1_0"


def _members(folder: Path, top: str = TOP) -> dict[str, bytes]:
    return {
        f"{top}/{path.relative_to(folder).as_posix()}": path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def _write_zip(path: Path, members: dict[str, bytes], links: dict[str, str] | None = None) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
        for name, target in (links or {}).items():
            info = zipfile.ZipInfo(name)
            info.external_attr = (stat.S_IFLNK | 0o777) << 16
            archive.writestr(info, target)
    return path


def _leftovers() -> list[str]:
    """Staging folders left beside the packages folder (there must never be any)."""
    parent = packages_dir().parent
    return [p.name for p in parent.iterdir() if p.name.startswith(".tarjama")] if parent.exists() else []


def test_install_from_file_lists_the_package(glossary_archive: Path) -> None:
    installed = install_package(glossary_archive)

    assert installed.path == packages_dir() / TOP
    assert packages_dir() == app_paths.data_dir() / "packages"
    [listed] = list_packages()
    assert (listed.name, listed.version, listed.from_code, listed.to_code) == (TOP, "1.0", "ar", "en")
    assert listed.languages == "Arabic → English"
    assert listed.is_arabic_english
    assert listed.size_bytes == sum(p.stat().st_size for p in listed.path.rglob("*") if p.is_file())
    assert read_model_facts(listed.model_path / "model.bin").encoder_positions == 64
    assert find_package().path == listed.path
    assert _leftovers() == []


def test_packages_folder_follows_argos_packages_dir(
    glossary_archive: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shared = tmp_path / "argos" / "packages"
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(shared))
    install_package(glossary_archive)
    assert packages_dir() == shared
    assert [p.name for p in list_packages()] == [TOP]
    assert (shared / TOP / "metadata.json").is_file()
    assert not (app_paths.data_dir() / "packages").exists()


def test_no_package_installed_is_reported() -> None:
    with pytest.raises(PackageNotFoundError, match="No ar→en translation package is installed"):
        find_package()


# Each defect: (description, builder returning the bad file, words the message must contain).
Defect = Callable[[Path, Path], Path]


def _mutated(change: Callable[[dict[str, bytes]], None]) -> Defect:
    def build(good: Path, out: Path) -> Path:
        members = _members(good)
        change(members)
        return _write_zip(out, members)

    return build


def _not_a_zip(good: Path, out: Path) -> Path:
    out.write_bytes(b"this is plain text, not a zip archive")
    return out


def _two_top_folders(good: Path, out: Path) -> Path:
    members = _members(good)
    members["other-folder/readme.txt"] = b"x"
    return _write_zip(out, members)


def _file_at_top(good: Path, out: Path) -> Path:
    members = _members(good)
    members["stray.txt"] = b"x"
    return _write_zip(out, members)


def _absolute_path(good: Path, out: Path) -> Path:
    members = _members(good)
    members["/etc/tarjama-evil"] = b"x"
    return _write_zip(out, members)


def _climbing_path(good: Path, out: Path) -> Path:
    members = _members(good)
    members[f"{TOP}/../../evil.txt"] = b"x"
    return _write_zip(out, members)


def _link(good: Path, out: Path) -> Path:
    return _write_zip(out, _members(good), links={f"{TOP}/model/evil": "/etc/passwd"})


def _zip_bomb(good: Path, out: Path) -> Path:
    members = _members(good)
    members[f"{TOP}/padding.bin"] = bytes(64 * 1024 * 1024)  # compresses to ~64 KB
    return _write_zip(out, members)


def _drop(name: str) -> Callable[[dict[str, bytes]], None]:
    def change(members: dict[str, bytes]) -> None:
        del members[f"{TOP}/{name}"]

    return change


def _set(name: str, data: bytes) -> Callable[[dict[str, bytes]], None]:
    def change(members: dict[str, bytes]) -> None:
        members[f"{TOP}/{name}"] = data

    return change


def _metadata_without_to_code(members: dict[str, bytes]) -> None:
    metadata = json.loads(members[f"{TOP}/metadata.json"])
    del metadata["to_code"]
    members[f"{TOP}/metadata.json"] = json.dumps(metadata).encode()


DEFECTS: list[tuple[str, Defect, str]] = [
    ("not-zip", _not_a_zip, "must be a zip archive"),
    ("two-tops", _two_top_folders, "exactly one top-level folder, found 2"),
    ("file-at-top", _file_at_top, "outside its top-level folder"),
    ("no-metadata", _mutated(_drop("metadata.json")), "no metadata.json"),
    ("bad-json", _mutated(_set("metadata.json", b"{not json")), "not valid JSON"),
    ("no-pair", _mutated(_metadata_without_to_code), "to_code is missing"),
    ("no-model", _mutated(_drop("model/model.bin")), "model/model.bin is missing"),
    ("not-ct2", _mutated(_set("model/model.bin", b"PK\x03\x04 definitely not a model")), "not a CTranslate2 model"),
    ("truncated-model", None, "truncated"),  # built below from the real model.bin
    ("no-vocabulary", _mutated(_drop("model/shared_vocabulary.json")), "no vocabulary"),
    ("no-tokenizer", _mutated(_drop("sentencepiece.model")), "sentencepiece.model or bpe.model is missing"),
    ("bad-tokenizer", _mutated(_set("sentencepiece.model", b"garbage")), "sentencepiece.model cannot be loaded"),
    ("absolute", _absolute_path, "absolute path"),
    ("dotdot", _climbing_path, "climbs out"),
    ("link", _link, "contains a link"),
    ("zip-bomb", _zip_bomb, "possible zip bomb"),
]


def _truncated_model(good: Path, out: Path) -> Path:
    members = _members(good)
    model = members[f"{TOP}/model/model.bin"]
    members[f"{TOP}/model/model.bin"] = model[: len(model) // 2]
    return _write_zip(out, members)


DEFECTS[8] = ("truncated-model", _truncated_model, "truncated")


@pytest.mark.parametrize(("build", "expected"), [d[1:] for d in DEFECTS], ids=[d[0] for d in DEFECTS])
def test_malformed_package_is_refused_and_changes_nothing(
    build: Defect, expected: str, glossary_dir: Path, other_pair_archive: Path, tmp_path: Path
) -> None:
    with zipfile.ZipFile(other_pair_archive) as archive:  # something already there, which must survive untouched:
        archive.extractall(packages_dir())  # an en→ar package Argos Translate put in a shared folder
    before = snapshot(packages_dir())
    bad = build(glossary_dir, tmp_path / "bad.argosmodel")

    with pytest.raises(PackageError) as caught:
        install_package(bad, max_uncompressed_bytes=32 * 1024 * 1024)

    assert isinstance(caught.value, TarjamaError)
    assert str(bad) in str(caught.value)
    assert expected in str(caught.value)
    assert snapshot(packages_dir()) == before
    assert _leftovers() == []
    assert not Path("/etc/tarjama-evil").exists()


def test_failed_first_install_does_not_create_the_packages_folder(glossary_dir: Path, tmp_path: Path) -> None:
    bad = _mutated(_set("sentencepiece.model", b"garbage"))(glossary_dir, tmp_path / "bad.argosmodel")
    with pytest.raises(PackageError):
        install_package(bad)
    assert not packages_dir().exists()
    assert _leftovers() == []


def test_missing_file_is_reported(tmp_path: Path) -> None:
    with pytest.raises(PackageError, match="file not found"):
        install_package(tmp_path / "nowhere.argosmodel")


def test_newer_version_replaces_older(glossary_archive: Path, newer_archive: Path) -> None:
    install_package(glossary_archive)
    installed = install_package(newer_archive)

    assert [(p.name, p.version) for p in list_packages()] == [("translate-ar_en-1_1", "1.1")]
    assert installed.version == "1.1"
    assert not (packages_dir() / TOP).exists()
    assert _leftovers() == []


def test_older_version_is_refused(glossary_archive: Path, newer_archive: Path) -> None:
    install_package(newer_archive)
    before = snapshot(packages_dir())
    with pytest.raises(PackageError, match="older than the installed translate-ar_en-1_1"):
        install_package(glossary_archive)
    assert snapshot(packages_dir()) == before


def test_reinstalling_the_same_version_repairs_it(glossary_archive: Path) -> None:
    installed = install_package(glossary_archive)
    (installed.path / "model" / "model.bin").write_bytes(b"damaged")
    install_package(glossary_archive)
    assert read_model_facts(installed.path / "model" / "model.bin").encoder_positions == 64
    assert len(list_packages()) == 1


def test_remove_by_name(glossary_archive: Path) -> None:
    install_package(glossary_archive)
    removed = remove_package(TOP)
    assert removed.name == TOP
    assert list_packages() == []
    assert os.listdir(packages_dir()) == []
    assert _leftovers() == []


def test_remove_unknown_name_lists_what_is_installed(glossary_archive: Path) -> None:
    install_package(glossary_archive)
    with pytest.raises(PackageNotFoundError, match=f"installed: {TOP}"):
        remove_package("translate-xx_yy")


def test_argos_caches_are_cleared_after_install_and_remove(
    glossary_archive: Path, newer_archive: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Argos reads its folders from the environment when first imported and creates them: keep them in tmp_path.
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(name, str(tmp_path / name.lower()))
    import argostranslate.settings
    import argostranslate.translate

    monkeypatch.setattr(argostranslate.settings, "package_dirs", [packages_dir()])
    packages_dir().mkdir(parents=True)
    argostranslate.translate.get_installed_languages.cache_clear()

    assert argostranslate.translate.get_installed_languages() == []
    install_package(glossary_archive)
    codes = {language.code for language in argostranslate.translate.get_installed_languages()}
    assert codes == {"ar", "en"}
    assert len(argostranslate.translate.installed_translates) == 1
    first = argostranslate.translate.installed_translates[0].cached_translation.underlying.pkg

    install_package(newer_archive)
    argostranslate.translate.get_installed_languages()
    [current] = argostranslate.translate.installed_translates
    assert current.cached_translation.underlying.pkg.package_version == "1.1"
    assert first.package_version == "1.0"

    remove_package("translate-ar_en-1_1")
    assert argostranslate.translate.get_installed_languages() == []
    assert "argostranslate.translate" in sys.modules


def test_read_only_parent_folder_stages_inside_packages_folder(
    glossary_archive: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tempfile

    import tarjama.mt.packages as packages_module

    real_mkdtemp = tempfile.mkdtemp

    def mkdtemp(prefix: str, dir: Path) -> str:  # noqa: A002 - tempfile's own parameter name
        if Path(dir) == packages_dir().parent:
            raise PermissionError(13, "Permission denied", str(dir))
        return real_mkdtemp(prefix=prefix, dir=dir)

    packages_dir().mkdir(parents=True)
    monkeypatch.setattr(packages_module.tempfile, "mkdtemp", mkdtemp)
    install_package(glossary_archive)
    remove_package(TOP)
    install_package(glossary_archive)
    assert os.listdir(packages_dir()) == [TOP]
