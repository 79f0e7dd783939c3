"""The installers' files agree with the project: the commands they start exist, the icon renders.

The installers themselves are built and installed by packaging/verify.sh (run by CI); these checks catch drift
between the packaging files and pyproject.toml in a second, without building anything.
"""

from __future__ import annotations

import configparser
import importlib.util
import tomllib
from pathlib import Path
from xml.etree import ElementTree

import pytest
from PySide6.QtGui import QImage

REPO = Path(__file__).resolve().parent.parent
PACKAGING = REPO / "packaging"
APP_ID = "org.tarjama.Tarjama"


@pytest.fixture(scope="module")
def project() -> dict:
    return tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def test_each_launcher_runs_the_entry_point_of_its_command(project: dict) -> None:
    entry_points = {**project["scripts"], **project["gui-scripts"]}
    for command, launcher in (("tarjama", "launch_gui.py"), ("tarjama-cli", "launch_cli.py")):
        module, function = entry_points[command].split(":")
        assert f"from {module} import {function}" in (PACKAGING / launcher).read_text(encoding="utf-8")


def test_the_desktop_entry_starts_the_window(project: dict) -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # keys are case-sensitive
    entry.read(PACKAGING / "linux" / f"{APP_ID}.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Exec"].split()[0] in project["gui-scripts"]
    assert desktop["Icon"] == "tarjama"


def test_the_appstream_file_names_the_desktop_entry_and_both_commands(project: dict) -> None:
    component = ElementTree.parse(PACKAGING / "linux" / f"{APP_ID}.metainfo.xml").getroot()
    assert component.findtext("id") == APP_ID
    assert component.findtext("launchable") == f"{APP_ID}.desktop"
    commands = {*project["scripts"], *project["gui-scripts"]}
    assert {binary.text for binary in component.iter("binary")} == commands
    assert component.findtext("project_license") == project["license"]


def test_the_windows_installer_and_the_deb_share_the_bundle_layout() -> None:
    """Both install what tarjama.spec collects under the name `tarjama` (plus the -offline edition)."""
    spec = (PACKAGING / "tarjama.spec").read_text(encoding="utf-8")
    assert 'bundle("tarjama", [])' in spec and 'bundle("tarjama-offline"' in spec
    iss = (PACKAGING / "windows" / "tarjama.iss").read_text(encoding="utf-8")
    assert '"..\\build\\dist\\tarjama"' in iss and '"..\\build\\dist\\tarjama-" + Edition' in iss


def test_the_icon_renders_at_every_size(tmp_path: Path, qapp: object) -> None:
    loader = importlib.util.spec_from_file_location("render_icons", PACKAGING / "render_icons.py")
    render_icons = importlib.util.module_from_spec(loader)
    loader.loader.exec_module(render_icons)

    render_icons.main(tmp_path)

    for size in render_icons.HICOLOR_SIZES:
        image = QImage(str(tmp_path / "hicolor" / f"{size}x{size}" / "apps" / "tarjama.png"))
        assert (image.width(), image.height()) == (size, size)
        assert image.pixelColor(size // 2, size // 2).alpha() == 255, "the tile fills the middle"
        assert image.pixelColor(0, 0).alpha() == 0, "the corners are rounded off"
    assert QImage(str(tmp_path / "tarjama.ico")).width() == 256
    assert len(list((tmp_path / "tarjama.iconset").glob("*.png"))) == 2 * len(render_icons.ICONSET_SIZES)
