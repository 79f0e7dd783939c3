"""The UI language: English or Arabic, as the settings say or as the system prefers, installed once at start.

Tarjama's own texts come from `tarjama_<language>.qm`. Where the install has the catalogue's source (a checkout, a
wheel: `translations/tarjama_<language>.ts`), the `.qm` is built from it with the `lrelease` that PySide6 ships, once
per version of the source, into the user's cache: so no install depends on a set-up step having built it, and none
loads a catalogue older than its source. The bundle ships the `.qm` built by the packaging step. Qt's own texts
(standard buttons, context menus, file dialogs) come from Qt's `qtbase_<language>.qm` where QLibraryInfo says Qt
keeps it. In Arabic the whole window is laid out right to left; the grid still shows the Arabic source right
to left and the English target left to right (`tarjama.ui.editor.delegate`), whatever the UI language.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

import PySide6
from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, Qt, QTranslator
from PySide6.QtWidgets import QApplication

from tarjama.paths import cache_dir, resources_dir

LANGUAGE_KEY = "ui/language"
SYSTEM, ENGLISH, ARABIC = "system", "en", "ar"
CHOICES = (SYSTEM, ENGLISH, ARABIC)
#: Each language by its own name, so that someone who cannot read the UI's current language still finds theirs.
AUTONYMS = {ENGLISH: "English", ARABIC: "العربية"}


def language_choice(settings: QSettings) -> str:
    """What the translator chose in View → Language (the system's language unless they chose one)."""
    value = str(settings.value(LANGUAGE_KEY, SYSTEM))
    return value if value in CHOICES else SYSTEM


def set_language_choice(settings: QSettings, choice: str) -> None:
    settings.setValue(LANGUAGE_KEY, choice)


def resolve(choice: str, ui_languages: Sequence[str] | None = None) -> str:
    """The language to show: the one chosen, else the first of the system's preferred UI languages that Tarjama
    has (LANGUAGE=fr:ar:en gives Arabic), else English."""
    if choice != SYSTEM:
        return choice
    for name in QLocale.system().uiLanguages() if ui_languages is None else ui_languages:
        language = name.split("-")[0].split("_")[0].lower()
        if language in (ENGLISH, ARABIC):
            return language
    return ENGLISH


class MissingCatalogue(Exception):  # noqa: N818 - a state to report, not a failure of the caller's
    """Tarjama's catalogue for a language can be neither found nor built; `reason` says which file and why."""

    def __init__(self, language: str, reason: str) -> None:
        self.language = language
        self.reason = reason
        super().__init__(reason)


def translations_dir() -> Path:
    """Where the catalogues are: `translations/` beside `resources/`, in a checkout as in a wheel or the bundle."""
    return resources_dir().parent / "translations"


def _lrelease() -> Path:
    """PySide6's own `lrelease`, which every install of PySide6-Essentials has beside the package."""
    folder = Path(PySide6.__file__).resolve().parent
    return folder / ("lrelease.exe" if sys.platform == "win32" else "lrelease")


def _built_from(ts: Path) -> Path:
    """The `.qm` of this version of `ts`, built into the cache unless an earlier start already built it."""
    source = ts.read_bytes()
    built = cache_dir() / "translations" / f"{ts.stem}-{hashlib.sha256(source).hexdigest()[:16]}.qm"
    if built.is_file():
        return built
    built.parent.mkdir(parents=True, exist_ok=True)
    # Built under a temporary name and renamed: two windows starting at once never load a half-written file.
    handle, partial = tempfile.mkstemp(suffix=".qm", dir=built.parent)
    os.close(handle)
    try:
        subprocess.run(
            [str(_lrelease()), "-silent", str(ts), "-qm", partial], check=True, capture_output=True, timeout=60
        )
        os.replace(partial, built)
    finally:
        Path(partial).unlink(missing_ok=True)
    return built


def catalogue(language: str) -> Path:
    """The `.qm` to load for `language`: built from its `.ts` where the install has one, else the one shipped
    built; raises :class:`MissingCatalogue` saying why neither can be had."""
    folder = translations_dir()
    ts, shipped = folder / f"tarjama_{language}.ts", folder / f"tarjama_{language}.qm"
    problem = f"neither {ts} nor {shipped} is there"
    if ts.is_file():
        try:
            return _built_from(ts)
        except (OSError, subprocess.SubprocessError) as exc:
            problem = f"{ts} could not be built with {_lrelease()} ({exc})"
    if shipped.is_file():
        return shipped
    raise MissingCatalogue(language, problem)


def _install(app: QApplication, translator: QTranslator) -> None:
    translator.setParent(app)  # installed translators must live as long as the application
    app.installTranslator(translator)


def install_language(app: QApplication, settings: QSettings) -> str:
    """Install the catalogues of the language the settings ask for, before any window is built; returns the
    language the UI will be in. Raises :class:`MissingCatalogue`, with the UI left in English, when Tarjama's
    catalogue for the language asked for cannot be had: the window then says so."""
    language = resolve(language_choice(settings))
    if language == ENGLISH:
        return ENGLISH  # the texts in the code are the English ones
    path = catalogue(language)
    translator = QTranslator()
    if not translator.load(str(path)):
        raise MissingCatalogue(language, f"{path} is not a catalogue Qt can read")
    _install(app, translator)
    qt_own = QTranslator()
    if qt_own.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        _install(app, qt_own)
    # Qt would switch on its own once the posted LanguageChange arrives (qtbase_ar says RTL); set now, the window
    # is built mirrored rather than laid out twice.
    app.setLayoutDirection(Qt.LayoutDirection.RightToLeft if language == ARABIC else Qt.LayoutDirection.LeftToRight)
    return language
