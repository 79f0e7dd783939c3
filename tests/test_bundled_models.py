"""The offline edition's first start: bundled .argosmodel files go into the user's packages once, offline."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import tiny_models
from tarjama import mt
from tarjama.cli import main as cli_main
from tarjama.mt.bundled import bundled_models_dir, install_bundled_models


@pytest.fixture(scope="module")
def package_v1(tmp_path_factory: pytest.TempPathFactory) -> Path:
    build = tmp_path_factory.mktemp("bundled-build")
    folder = tiny_models.build_glossary_package(build / "translate-ar_en-1_0")
    return tiny_models.zip_folder(folder, build / "translate-ar_en-1_0.argosmodel")


@pytest.fixture(scope="module")
def package_v2(package_v1: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    build = tmp_path_factory.mktemp("bundled-build-v2")
    folder = build / "translate-ar_en-2_0"
    shutil.copytree(package_v1.parent / "translate-ar_en-1_0", folder)
    (folder / "metadata.json").write_text(json.dumps(tiny_models.package_metadata("2.0")), encoding="utf-8")
    return tiny_models.zip_folder(folder, build / "translate-ar_en-2_0.argosmodel")


@pytest.fixture
def bundle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty bundled-models folder that the module finds through its environment variable."""
    folder = tmp_path / "bundle-models"
    folder.mkdir()
    monkeypatch.setenv("TARJAMA_BUNDLED_MODELS_DIR", str(folder))
    return folder


def test_the_environment_variable_names_the_bundled_folder(bundle: Path) -> None:
    assert bundled_models_dir() == bundle


def test_a_checkout_has_no_bundled_models_and_nothing_happens(tmp_path: Path) -> None:
    assert install_bundled_models(tmp_path / "absent") == []
    assert mt.list_packages() == []


def test_first_start_installs_a_working_package(bundle: Path, package_v1: Path) -> None:
    shutil.copy(package_v1, bundle)

    outcomes = install_bundled_models()

    assert [o.package.version for o in outcomes if o.package] == ["1.0"]
    translator = mt.load_translator()
    assert translator.translate(["بيت كبير"])[0].text == "house big"
    assert (bundle / package_v1.name).is_file(), "the bundled file stays in the bundle"


def test_second_start_does_nothing(bundle: Path, package_v1: Path) -> None:
    shutil.copy(package_v1, bundle)
    install_bundled_models()
    installed = mt.list_packages()[0].path
    stamp = installed.stat().st_mtime_ns

    assert install_bundled_models() == []
    assert installed.stat().st_mtime_ns == stamp


def test_a_package_removed_by_the_translator_is_not_put_back(bundle: Path, package_v1: Path) -> None:
    shutil.copy(package_v1, bundle)
    install_bundled_models()
    mt.remove_package("translate-ar_en")

    assert install_bundled_models() == []
    assert mt.list_packages() == []


def test_the_same_or_a_newer_installed_version_is_kept(bundle: Path, package_v1: Path, package_v2: Path) -> None:
    mt.install_package(package_v2)
    shutil.copy(package_v1, bundle)

    (outcome,) = install_bundled_models()

    assert outcome.package is None and outcome.skipped_for == "translate-ar_en-2_0 2.0"
    assert [p.version for p in mt.list_packages()] == ["2.0"]


def test_a_newer_bundled_version_replaces_an_older_one(bundle: Path, package_v1: Path, package_v2: Path) -> None:
    shutil.copy(package_v1, bundle)
    install_bundled_models()
    (bundle / package_v1.name).unlink()
    shutil.copy(package_v2, bundle)  # the next release of the app carries a newer package

    (outcome,) = install_bundled_models()

    assert outcome.package is not None and outcome.package.version == "2.0"
    assert [p.version for p in mt.list_packages()] == ["2.0"]


def test_a_broken_bundled_file_is_reported_and_tried_again(bundle: Path, package_v1: Path) -> None:
    (bundle / "broken.argosmodel").write_bytes(b"not a zip")
    shutil.copy(package_v1, bundle)

    outcomes = install_bundled_models()

    assert [(o.archive.name, bool(o.error), o.package is not None) for o in outcomes] == [
        ("broken.argosmodel", True, False),
        (package_v1.name, False, True),
    ]
    assert "zip" in outcomes[0].error
    (again,) = install_bundled_models()
    assert again.archive.name == "broken.argosmodel" and again.error


def test_an_unwritable_packages_folder_is_an_error_not_a_crash(bundle: Path, package_v1: Path, tmp_path: Path) -> None:
    shutil.copy(package_v1, bundle)
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the packages folder should be", encoding="utf-8")

    (outcome,) = install_bundled_models(directory=blocker / "packages")

    assert outcome.package is None and outcome.error


def test_the_command_line_installs_them_before_its_first_command(
    bundle: Path, package_v1: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copy(package_v1, bundle)

    assert cli_main(["models", "list", "--json"]) == 0

    captured = capsys.readouterr()
    assert [p["name"] for p in json.loads(captured.out)] == ["translate-ar_en-1_0"]
    assert "installed the bundled translate-ar_en-1_0 1.0" in captured.err


def test_the_window_installs_them_before_it_opens(bundle: Path, package_v1: Path) -> None:
    shutil.copy(package_v1, bundle)

    run = subprocess.run(
        [sys.executable, "-m", "tarjama.ui.shell.app", "--smoke"], capture_output=True, text=True, timeout=120
    )

    assert run.returncode == 0, run.stderr
    assert [p.name for p in mt.list_packages()] == ["translate-ar_en-1_0"]
