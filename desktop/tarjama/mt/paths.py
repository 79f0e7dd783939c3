"""Where machine-translation packages and the cached package index live.

Packages go in the app's data folder (``TARJAMA_DATA_DIR`` or the platform default, see :mod:`tarjama.paths`)
unless ``ARGOS_PACKAGES_DIR`` is set, in which case Tarjama shares that folder with Argos Translate. Everything is
read from the environment at call time, never at import time, so tests and the window can change it.
"""

from __future__ import annotations

import os
from pathlib import Path

from tarjama import paths as app_paths


def packages_dir() -> Path:
    """The folder holding one sub-folder per installed package (it may not exist yet)."""
    override = os.environ.get("ARGOS_PACKAGES_DIR")
    if override:
        return Path(override).expanduser()
    return app_paths.data_dir() / "packages"


def mt_state_dir() -> Path:
    """Tarjama's own machine-translation state (cached index, partial downloads), never inside packages_dir."""
    return app_paths.data_dir() / "mt"


def index_cache_path() -> Path:
    """The last package index fetched, so the list of downloadable packages survives going offline."""
    return mt_state_dir() / "index.json"


def downloads_dir() -> Path:
    """Partial and finished downloads waiting to be installed; deleted once installed or cancelled."""
    return mt_state_dir() / "downloads"
