"""Only Arabic→English translation packages are installed (regional variants such as ar-SA → en-GB included): from
a file with `tarjama-cli models install`, from the window's "Install from file…", and from the offline edition's
bundle. A package for another pair is refused naming the file and its pair, and one already in a shared packages
folder is listed by its codes, never as "Arabic → English"."""

from __future__ import annotations

import json
import shutil
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import tiny_models
from tarjama import mt
from tarjama.cli import EXIT_BAD_INPUT, EXIT_OK
from tarjama.mt.bundled import install_bundled_models
from tarjama.mt.packages import is_arabic_english_pair, pair_label, primary_language
from test_cli import run

WAIT_MS = 10_000

#: (from_code, to_code, extra metadata): packages Tarjama must refuse. The last one's metadata names its languages
#: "Arabic" and "English", which is how a French→German package came to be listed as "Arabic → English".
OTHER_PAIRS = [
    ("en", "ar", {"from_name": "English", "to_name": "Arabic"}),
    ("fr", "de", {"from_name": "French", "to_name": "German"}),
    ("fr", "de", {"from_name": "Arabic", "to_name": "English"}),
    ("ar", "fr", {"from_name": "Arabic", "to_name": "French"}),
    ("arz", "en", {"from_name": "Egyptian Arabic", "to_name": "English"}),  # another language, not a region of ar
]


@pytest.fixture(scope="module")
def package_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tiny_models.build_glossary_package(tmp_path_factory.mktemp("pairs") / "base", with_stanza=False)


@pytest.fixture(scope="module")
def make_package(package_folder: Path, tmp_path_factory: pytest.TempPathFactory) -> Callable[..., Path]:
    """A valid .argosmodel of the tiny model, its metadata saying `from_code` → `to_code`."""
    build = tmp_path_factory.mktemp("pair-packages")

    def make(from_code: str, to_code: str, **extra: object) -> Path:
        name = f"translate-{from_code}_{to_code}-1_0"
        folder = build / f"{name}-{len(list(build.iterdir()))}" / name
        shutil.copytree(package_folder, folder)
        metadata = tiny_models.package_metadata(
            "1.0", from_code=from_code, to_code=to_code, code=f"translate-{from_code}_{to_code}", **extra
        )
        (folder / "metadata.json").write_text(json.dumps(metadata), encoding="utf-8")
        return tiny_models.zip_folder(folder, folder.parent / f"{name}.argosmodel")

    return make


@pytest.fixture(autouse=True)
def own_packages_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ARGOS_PACKAGES_DIR", raising=False)


def folder_state() -> list[str]:
    folder = mt.packages_dir()
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*")) if folder.exists() else []


def refusal(path: Path, from_code: str, to_code: str) -> str:
    return (f"{path}: it translates {from_code}→{to_code}, but Tarjama uses only Arabic→English packages "
            "(from_code ar, to_code en); nothing was installed. Choose an Arabic→English package.")


# -- the rule ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("from_code", "to_code", "accepted"),
    [("ar", "en", True), ("ar-SA", "en-GB", True), ("AR_eg", "EN_us", True), ("ar", "en-US", True),
     ("en", "ar", False), ("fr", "de", False), ("ar", "fr", False), ("arz", "en", False), ("ara", "eng", False)],
)
def test_which_pairs_are_arabic_to_english(from_code: str, to_code: str, accepted: bool) -> None:
    assert is_arabic_english_pair(from_code, to_code) is accepted


def test_labels_come_from_the_codes_not_the_names() -> None:
    assert pair_label("ar", "en") == "Arabic → English"
    assert pair_label("ar-SA", "en-GB") == "Arabic (ar-SA) → English (en-GB)"
    assert pair_label("fr", "de") == "fr → de"
    assert primary_language(" ar_SA ") == "ar"


# -- installing ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("from_code", "to_code", "extra"), OTHER_PAIRS, ids=[f"{f}-{t}" for f, t, _ in OTHER_PAIRS])
def test_the_cli_refuses_a_package_for_another_pair(
    capsys: pytest.CaptureFixture[str], make_package: Callable[..., Path], from_code: str, to_code: str,
    extra: dict[str, object],
) -> None:
    package = make_package(from_code, to_code, **extra)
    before = folder_state()

    code, out, err = run(capsys, "models", "install", package)

    assert code == EXIT_BAD_INPUT, out
    assert err == f"tarjama-cli: {refusal(package, from_code, to_code)}\n"
    assert folder_state() == before
    assert mt.list_packages() == []


def test_the_core_refuses_it_before_unpacking_anything(make_package: Callable[..., Path]) -> None:
    package = make_package("fr", "de")
    with pytest.raises(mt.PackageError, match="it translates fr→de, but Tarjama uses only Arabic→English"):
        mt.install_package(package)
    assert not mt.packages_dir().parent.exists(), "not even a staging folder was made beside the packages"


def test_a_regional_arabic_english_package_is_installed_and_used(
    capsys: pytest.CaptureFixture[str], make_package: Callable[..., Path]
) -> None:
    package = make_package("ar-SA", "en-GB", from_name="Arabic (Saudi Arabia)", to_name="English (UK)")

    code, out, err = run(capsys, "models", "install", package)

    assert code == EXIT_OK, err
    assert "(Arabic (ar-SA) → English (en-GB))" in out
    assert mt.find_package().from_code == "ar-SA"
    assert mt.load_translator().translate(["بيت كبير"])[0].text == "house big"
    mt.release_translators()


def test_the_window_refuses_a_package_for_another_pair(qtbot, make_package: Callable[..., Path]) -> None:
    from tarjama.ui.mt.models_dialog import ModelsDialog

    dialog = ModelsDialog()
    qtbot.addWidget(dialog)
    package = make_package("fr", "de", from_name="Arabic", to_name="English")
    changed: list[bool] = []
    dialog.packagesChanged.connect(lambda: changed.append(True))

    dialog.install_file(package)
    qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=WAIT_MS)

    shown = dialog.message.text().replace("\u2068", "").replace("\u2069", "")
    assert package.name in shown and "it translates fr→de" in shown and "only Arabic→English" in shown
    assert changed == [] and dialog.table.package_names() == []
    assert folder_state() == []


def test_the_bundled_installer_refuses_it_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, make_package: Callable[..., Path]
) -> None:
    bundle = tmp_path / "bundle"
    bundle.mkdir()
    monkeypatch.setenv("TARJAMA_BUNDLED_MODELS_DIR", str(bundle))
    foreign = shutil.copy(make_package("en", "ar"), bundle / "translate-en_ar-1_0.argosmodel")
    shutil.copy(make_package("ar", "en"), bundle / "translate-ar_en-1_0.argosmodel")

    first = {o.archive.name: o for o in install_bundled_models()}

    assert first["translate-en_ar-1_0.argosmodel"].error == refusal(Path(foreign), "en", "ar")
    assert first["translate-en_ar-1_0.argosmodel"].package is None
    assert first["translate-ar_en-1_0.argosmodel"].package is not None
    assert [p.languages for p in mt.list_packages()] == ["Arabic → English"]
    assert install_bundled_models() == [], "a package that can never be installed is said once, not at every start"


def test_only_a_bundle_with_nothing_but_a_foreign_package_is_remembered_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, make_package: Callable[..., Path]
) -> None:
    bundle = tmp_path / "bundle"
    bundle.mkdir()
    monkeypatch.setenv("TARJAMA_BUNDLED_MODELS_DIR", str(bundle))
    shutil.copy(make_package("fr", "de"), bundle / "fr_de.argosmodel")
    assert [bool(o.error) for o in install_bundled_models()] == [True]
    assert install_bundled_models() == []
    assert mt.list_packages() == []


# -- listing what another program installed --------------------------------------------------------------------


@pytest.fixture
def shared_foreign_package(make_package: Callable[..., Path]) -> Iterator[Path]:
    """A fr→de package whose metadata calls its languages Arabic and English, unpacked into the packages folder as
    Argos Translate (sharing it through ARGOS_PACKAGES_DIR) would, next to a real Arabic→English one."""
    mt.install_package(make_package("ar", "en"))
    with zipfile.ZipFile(make_package("fr", "de", from_name="Arabic", to_name="English")) as archive:
        archive.extractall(mt.packages_dir())
    yield mt.packages_dir() / "translate-fr_de-1_0"


def test_a_foreign_package_is_never_listed_as_arabic_to_english(
    capsys: pytest.CaptureFixture[str], shared_foreign_package: Path
) -> None:
    listed = {p.name: p.languages for p in mt.list_packages()}
    assert listed == {"translate-ar_en-1_0": "Arabic → English", "translate-fr_de-1_0": "fr → de"}

    code, out, err = run(capsys, "models", "list")

    assert code == EXIT_OK
    assert "translate-fr_de-1_0\t1.0\tfr → de\t" in out
    assert out.count("Arabic → English") == 1
    assert "Not used by Tarjama, which translates only Arabic → English: translate-fr_de-1_0." in err
    assert mt.find_package().name == "translate-ar_en-1_0"


def test_the_window_lists_a_foreign_package_by_its_codes(qtbot, shared_foreign_package: Path) -> None:
    from tarjama.ui.mt.models_dialog import ModelsDialog

    dialog = ModelsDialog()
    qtbot.addWidget(dialog)
    rows = {
        dialog.table.item(row, 0).text(): (dialog.table.item(row, 2).text(), dialog.table.item(row, 4).text())
        for row in range(dialog.table.rowCount())
    }
    assert rows["translate-fr_de-1_0"] == ("fr → de", "Not used (other languages)")
    assert rows["translate-ar_en-1_0"] == ("Arabic → English", "Used for machine translation")
