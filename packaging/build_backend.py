"""Tarjama's build backend: setuptools' own, with the app's data put into the package when a wheel is built.

The sample document and the icon (`resources/`) and the sources of the UI's translations (`translations/*.ts`) sit
beside the package in the repository, as the project's layout wants. A wheel carries only the package, so without
this a `pip install .` would start with no sample, no icon and an English-only window. Building copies them into the
package as `tarjama/resources/` and `tarjama/translations/`, where `tarjama.paths.resources_dir()` looks first (the
bundle has the same layout); the window builds each `.qm` from its `.ts` on first use (`tarjama.ui.shell.i18n`). An
editable install needs no copy: its package finds them beside it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools.build_meta import *  # noqa: F403 - the PEP 517 hooks themselves are setuptools' own
from setuptools.command.build_py import build_py

REPO = Path(__file__).resolve().parent.parent
#: What the installed app reads from `resources/`: the sample it opens first, the window's icon and the spellcheck's
#: dictionaries. The README's screenshot lives in docs/, not here.
RESOURCES = ("sample", "icons", "dictionaries")


class BuildPy(build_py):
    """`build_py`, then the app's data copied into the built package."""

    def run(self) -> None:
        super().run()
        if self.editable_mode:
            return
        package = Path(self.build_lib) / "tarjama"
        for name in RESOURCES:
            target = package / "resources" / name
            shutil.rmtree(target, ignore_errors=True)
            shutil.copytree(REPO / "resources" / name, target)
        (package / "translations").mkdir(exist_ok=True)
        for catalogue in sorted((REPO / "translations").glob("*.ts")):
            shutil.copy2(catalogue, package / "translations" / catalogue.name)
