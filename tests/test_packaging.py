"""The installers' files agree with the project: the commands they start exist, the icon renders.

The installers themselves are built and installed by packaging/verify.sh (run by CI); these checks catch drift
between the packaging files and pyproject.toml in a second, without building anything.
"""

from __future__ import annotations

import configparser
import importlib.util
import subprocess
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


def test_verify_removes_only_the_packages_apt_installed_for_the_deb_by_name(tmp_path: Path) -> None:
    """packaging/verify.sh's clean-up purges the libraries apt's plan listed for the .deb, and nothing that appeared
    meanwhile: another program's install, or the build tools build.sh installed and keeps. apt-get and dpkg are
    stand-ins here that answer as Debian's do and write down what they are asked."""
    stubs = tmp_path / "bin"
    stubs.mkdir()
    installed = tmp_path / "installed"  # what the stand-in dpkg says is installed, a name a line
    installed.write_text("libc6\n", encoding="utf-8")
    calls = tmp_path / "calls"
    (stubs / "apt-get").write_text(
        "#!/bin/bash\n"
        f'echo "$*" >>{calls}\n'
        'if [ "$2" = "-s" ]; then printf "NOTE: simulation\\nInst libxcb-cursor0 (0.1.4-1 Debian:12)\\n'
        'Inst tarjama (0.1.0 local-deb)\\nConf libxcb-cursor0\\n"; exit 0; fi\n'
        # The real install: the library and the app arrive, and meanwhile another program installs desktop-file-utils.
        f'if [ "$1" = install ]; then printf "libxcb-cursor0\\ntarjama\\ndesktop-file-utils\\n" >>{installed}; fi\n',
        encoding="utf-8",
    )
    (stubs / "dpkg").write_text(f'#!/bin/bash\ngrep -qx "$2" {installed}\n', encoding="utf-8")
    for stub in stubs.iterdir():
        stub.chmod(0o755)
    script = (
        f"set -euo pipefail; BROUGHT_IN={tmp_path / 'noted'}; : >$BROUGHT_IN; "
        f". {PACKAGING / 'linux' / 'apt_bookkeeping.sh'}; "
        "install_deb_noting packaging/build/tarjama_0.1.0_amd64.deb; purge_noted"
    )
    env = {"PATH": f"{stubs}:/usr/bin:/bin"}
    subprocess.run(["bash", "-c", script], check=True, env=env, capture_output=True, text=True)

    asked = calls.read_text(encoding="utf-8").splitlines()
    assert asked[-1] == "purge -y -qq libxcb-cursor0"
    assert not any("desktop-file-utils" in call or call.startswith("purge") and "tarjama" in call for call in asked)
