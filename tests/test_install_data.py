"""The Arabic UI, the sample and the icon come with every install: a wheel (`pip install .`), the editable checkout
with no set-up step having built anything, and (tests/test_packaging.py, packaging/verify.sh) the bundle.

The UI catalogue is built from its `.ts` by PySide6's own lrelease on first use, into the user's cache; when it can be
neither found nor built, the window says so instead of staying English with a line on stderr."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTranslator
from PySide6.QtWidgets import QApplication

from tarjama.ui.shell import i18n
from tarjama.ui.shell.app import create_window, open_settings, report_missing_catalogue

REPO = Path(__file__).resolve().parent.parent
TS = REPO / "translations" / "tarjama_ar.ts"
#: What a wheel is built from: what build.sh copies for the installer's own `pip install`.
SOURCES = ("pyproject.toml", "README.md", "desktop", "resources", "translations", "packaging/build_backend.py")


def arabic_of(context: str, source: str) -> str:
    for element in ET.parse(TS).getroot().iter("context"):
        if element.findtext("name") == context:
            for message in element.iter("message"):
                if message.findtext("source") == source:
                    return message.findtext("translation") or ""
    raise KeyError((context, source))


@pytest.fixture
def uninstall_translators(qapp: QApplication):
    yield
    for translator in qapp.findChildren(QTranslator):
        qapp.removeTranslator(translator)
        translator.setParent(None)
    qapp.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


def arabic_settings(tmp_path: Path) -> QSettings:
    settings = QSettings(str(tmp_path / "tarjama.ini"), QSettings.Format.IniFormat)
    i18n.set_language_choice(settings, i18n.ARABIC)
    return settings


# -- the editable checkout, with no .qm built by anyone -------------------------------------------------------------


def test_a_checkout_with_only_the_ts_gets_the_arabic_ui(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, uninstall_translators: None
) -> None:
    sources = tmp_path / "translations"
    sources.mkdir()
    shutil.copy2(TS, sources)
    monkeypatch.setattr(i18n, "translations_dir", lambda: sources)

    assert i18n.install_language(qapp, arabic_settings(tmp_path)) == i18n.ARABIC
    assert qapp.translate("MainWindow", "&File") == arabic_of("MainWindow", "&File")
    assert qapp.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert not list(sources.glob("*.qm"))  # built into the user's cache, never beside the sources


def test_the_catalogue_is_built_once_per_version_of_its_source(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sources = tmp_path / "translations"
    sources.mkdir()
    ts = sources / "tarjama_ar.ts"
    shutil.copy2(TS, ts)
    monkeypatch.setattr(i18n, "translations_dir", lambda: sources)
    first = i18n.catalogue(i18n.ARABIC)
    assert first.is_file() and first.parent == Path(os.environ["TARJAMA_CACHE_DIR"]) / "translations"

    monkeypatch.setattr(i18n, "_lrelease", lambda: tmp_path / "no-lrelease-here")
    assert i18n.catalogue(i18n.ARABIC) == first  # the second start builds nothing

    monkeypatch.undo()
    monkeypatch.setattr(i18n, "translations_dir", lambda: sources)
    ts.write_text(ts.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    edited = i18n.catalogue(i18n.ARABIC)
    assert edited != first and edited.is_file()  # an edited .ts is never shadowed by the old build


def test_a_bundle_loads_the_catalogue_it_ships_built(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shipped = tmp_path / "translations"
    shipped.mkdir()
    subprocess.run([str(i18n._lrelease()), "-silent", str(TS), "-qm", str(shipped / "tarjama_ar.qm")], check=True)
    monkeypatch.setattr(i18n, "translations_dir", lambda: shipped)
    assert i18n.catalogue(i18n.ARABIC) == shipped / "tarjama_ar.qm"


def test_a_missing_catalogue_is_said_in_the_window(
    qapp: QApplication, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(i18n, "translations_dir", lambda: tmp_path)
    with pytest.raises(i18n.MissingCatalogue) as raised:
        i18n.install_language(qapp, arabic_settings(tmp_path))
    assert not qapp.findChildren(QTranslator)
    assert qapp.layoutDirection() == Qt.LayoutDirection.LeftToRight

    window = create_window(open_settings())
    qtbot.addWidget(window)
    window.modal_errors = False
    report_missing_catalogue(window, raised.value)
    shown = window.statusBar().currentMessage()
    assert "The window stays in English" in shown and str(tmp_path / "tarjama_ar.ts") in shown


# -- a wheel ----------------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel `pip install .` builds, made from a copy of the sources (no build/ folder left in the checkout) with
    the build backend already installed for the tests, so that nothing is fetched."""
    source = tmp_path_factory.mktemp("source")
    for name in SOURCES:
        if (REPO / name).is_dir():
            shutil.copytree(REPO / name, source / name, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        else:
            (source / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO / name, source / name)
    out = tmp_path_factory.mktemp("wheel")
    build = [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", "-w", out, source]
    subprocess.run(build, check=True, capture_output=True, timeout=300)
    (built,) = out.glob("tarjama-*.whl")
    return built


def test_a_wheel_carries_the_sample_the_icon_and_the_catalogue_sources(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {
        "tarjama/resources/sample/sample-ar.txt",
        "tarjama/resources/icons/tarjama.svg",
        "tarjama/resources/dictionaries/en_US.dic",
        "tarjama/resources/dictionaries/en_AU.aff",
        "tarjama/resources/dictionaries/COPYING",
        "tarjama/translations/tarjama_ar.ts",
    } <= names
    assert not any(name.endswith(".png") for name in names)  # the README's screenshot is not the app's


@pytest.mark.slow
def test_a_wheel_install_opens_the_window_in_arabic(wheel: Path, tmp_path: Path) -> None:
    """`pip install .` into a new environment, then the window in Arabic. The new environment reaches the
    dependencies of this one by a path entry (not by its .pth files, so not this checkout's editable install)."""
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    site = Path(subprocess.run([python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                               check=True, capture_output=True, text=True).stdout.strip())
    (site / "dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n", encoding="utf-8")
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--no-deps", str(wheel)],
                   check=True, capture_output=True, timeout=300)

    home = tmp_path / "home"
    config = home / "config"
    config.mkdir(parents=True)
    (config / "tarjama.ini").write_text("[ui]\nlanguage=ar\n", encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TARJAMA_CONFIG_DIR": str(config),
           "TARJAMA_DATA_DIR": str(home / "data"), "TARJAMA_CACHE_DIR": str(home / "cache")}
    probe = (
        "import tarjama, sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from tarjama.paths import app_icon, sample_document\n"
        "from tarjama.ui.shell import i18n\n"
        "from tarjama.ui.shell.app import open_settings\n"
        "app = QApplication([])\n"
        "print(tarjama.__file__, sample_document().is_file(), app_icon().is_file())\n"
        "print(i18n.install_language(app, open_settings()), app.translate('MainWindow', '&File'))\n"
    )
    said = subprocess.run([python, "-c", probe], env=env, check=True, capture_output=True, text=True, timeout=120)
    location, language = said.stdout.splitlines()
    assert location.startswith(str(site)) and location.endswith(" True True")
    assert language == f"ar {arabic_of('MainWindow', '&File')}"

    shot = tmp_path / "arabic-window.png"
    smoke = subprocess.run([venv / "bin" / "tarjama", "--smoke", "--screenshot", shot], env=env,
                           capture_output=True, text=True, timeout=120)
    assert smoke.returncode == 0, smoke.stderr
    assert "stays in English" not in smoke.stderr and shot.stat().st_size > 10_000
