"""Where Tarjama keeps the user's files; environment variables override the platform defaults (tests use them)."""

from __future__ import annotations

import getpass
import os
from pathlib import Path

import platformdirs

APP_NAME = "tarjama"


def user_name() -> str:
    """Who is working, as written into the units a project adds to its memory and the TM editor's log: the login
    name, or "" where there is none (a container without a passwd entry)."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""


def data_dir() -> Path:
    override = os.environ.get("TARJAMA_DATA_DIR")
    return Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def config_dir() -> Path:
    override = os.environ.get("TARJAMA_CONFIG_DIR")
    return Path(override) if override else Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def projects_dir() -> Path:
    """Where projects made for a document opened directly (e.g. `tarjama article.txt`) are kept."""
    return data_dir() / "projects"


def resources_dir() -> Path:
    """The `resources/` folder: inside the package in a wheel and in the bundle (copied there when they are built),
    beside the source tree in a checkout."""
    bundled = Path(__file__).resolve().parent / "resources"
    if bundled.is_dir():
        return bundled
    return Path(__file__).resolve().parents[2] / "resources"


def sample_document() -> Path:
    return resources_dir() / "sample" / "sample-ar.txt"


def app_icon() -> Path:
    """The app's icon (SVG), the one the installers render their bitmaps from."""
    return resources_dir() / "icons" / "tarjama.svg"


def cache_dir() -> Path:
    """Files Tarjama can make again at will (the UI catalogues built from their sources)."""
    override = os.environ.get("TARJAMA_CACHE_DIR")
    return Path(override) if override else Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def default_tm_path() -> Path:
    """The translation memory a project writes to unless the translator picks another; its folder is made here."""
    folder = data_dir() / "tm"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / "default.tarjama-tm"


def user_dictionary_path() -> Path:
    """The words the translator added to their dictionary (spellcheck), one a line; the window and the CLI share it.
    Its folder is made when the first word is added."""
    return data_dir() / "spelling" / "my-dictionary.txt"


def default_glossary_path() -> Path:
    """The glossary a project uses unless the translator names another; its folder is made here."""
    folder = data_dir() / "glossary"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / "default.tarjama-glossary"
