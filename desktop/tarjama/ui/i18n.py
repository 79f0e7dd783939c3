"""The UI language: English or Arabic, as the settings say or as the system prefers, installed once at start.

Tarjama's own texts come from `translations/tarjama_<language>.qm`, built from the `.ts` by the set-up and packaging
steps; Qt's own (standard buttons, context menus, file dialogs) from Qt's `qtbase_<language>.qm` where QLibraryInfo
says Qt keeps it. In Arabic the whole window is laid out right to left; the grid still shows the Arabic source right
to left and the English target left to right (`tarjama.ui.delegate`), whatever the UI language.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, Qt, QTranslator
from PySide6.QtWidgets import QApplication

from tarjama.paths import resources_dir

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


def translations_dir() -> Path:
    """Where the built `.qm` files are: `translations/` beside `resources/`, in a checkout as in the bundle."""
    return resources_dir().parent / "translations"


def _install(app: QApplication, name: str, folder: str) -> bool:
    translator = QTranslator()
    if not translator.load(name, folder):
        return False
    translator.setParent(app)  # installed translators must live as long as the application
    app.installTranslator(translator)
    return True


def install_language(app: QApplication, settings: QSettings) -> str:
    """Install the catalogues of the language the settings ask for, before any window is built; returns the
    language the UI will be in (English when Tarjama's catalogue for the other one has not been built)."""
    language = resolve(language_choice(settings))
    if language == ENGLISH:
        return ENGLISH  # the texts in the code are the English ones
    if not _install(app, f"tarjama_{language}", str(translations_dir())):
        print(
            f"tarjama: {translations_dir() / f'tarjama_{language}.qm'} is missing (.ci/setup builds it from the .ts);"
            " the window stays in English",
            file=sys.stderr,
        )
        return ENGLISH
    _install(app, f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    # Qt would switch on its own once the posted LanguageChange arrives (qtbase_ar says RTL); set now, the window
    # is built mirrored rather than laid out twice.
    app.setLayoutDirection(Qt.LayoutDirection.RightToLeft if language == ARABIC else Qt.LayoutDirection.LeftToRight)
    return language
