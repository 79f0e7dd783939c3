"""The review window as the tests open it, written once: `tests/conftest.py` loads this module as a plugin, so its
fixtures (`project`, `window`, `arabic_ui`) reach every test, and a test module that needs another project or window
overrides the fixture of that name with its own.

Qt and the window are imported inside the functions, so that a run of the core's tests alone never imports the
window's modules.
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication
    from pytestqt.qtbot import QtBot

    from tarjama.domain import Segment
    from tarjama.ui.shell.main_window import MainWindow

REPO = Path(__file__).resolve().parent.parent
#: The Arabic catalogue of the UI, and the tool that compiles it as the installer does.
TS = REPO / "translations" / "tarjama_ar.ts"
LRELEASE = Path(sys.executable).with_name("pyside6-lrelease")

#: Three paragraphs of wire copy: five sentences, an abbreviation ("د."), a number and a quotation.
DOCUMENT = (
    "وصل الوزير إلى العاصمة صباح اليوم. وعقد اجتماعاً مع نظيره.\n\n"
    "قال د. أحمد إن المحادثات كانت «مثمرة». وأضاف أن الجولة المقبلة ستكون في 12 أيار.\n\n"
    "وفي ختام الزيارة، أكد الجانبان التزامهما بالاتفاق.\n"
)


def project_of(tmp_path: Path, text: str = DOCUMENT, name: str = "visit") -> Path:
    """A project imported, as the translator imports one, from a text document `name`.txt holding `text`."""
    from tarjama.project.files import import_document

    document = tmp_path / f"{name}.txt"
    document.write_text(text, encoding="utf-8")
    path = tmp_path / f"{name}.tarjama"
    import_document(document, path).close()
    return path


def open_window(qtbot: QtBot, project: Path, settings: QSettings | None = None, *,
                modal_errors: bool = False) -> MainWindow:
    """A window as `tarjama PROJECT` opens it, shown and exposed; `settings` are the user's (open_settings()).

    Errors go to the status bar unless `modal_errors`: a message box would wait for a click no test gives. The
    caller closes the window (the `window` fixture does), which stops its workers."""
    from tarjama.ui.shell.app import create_window, open_settings

    win = create_window(settings if settings is not None else open_settings())
    # The window reads the spelling dictionaries on a worker thread at its first paint; a test reads them first
    # (once a process), so what it asserts of the underline does not depend on how fast that thread was.
    win.delegate.spelling.checker.load()
    qtbot.addWidget(win)
    win.modal_errors = modal_errors
    assert win.open_project(project)
    win.show()
    qtbot.waitExposed(win)
    return win


def editor_of(win: MainWindow):  # noqa: ANN201 - the grid's QPlainTextEdit
    """The editor open on the current segment (the test fails if none is)."""
    editor = win.open_editor()
    assert editor is not None, "no editor is open on the current segment"
    return editor


def stored(project: Path) -> list[Segment]:
    """The project's segments as saved."""
    from tarjama.project.store import ProjectStore

    with ProjectStore.open(project) as store:
        return store.segments()


def arabic(context: str, source: str) -> str:
    """The translation the .ts gives a text."""
    for element in ET.parse(TS).getroot().iter("context"):
        if element.findtext("name") == context:
            for message in element.iter("message"):
                if message.findtext("source") == source:
                    return message.findtext("translation") or ""
    raise KeyError((context, source))


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """The three paragraphs of `DOCUMENT`, imported into a new project."""
    return project_of(tmp_path)


@pytest.fixture
def window(qtbot: QtBot, project: Path) -> Iterator[MainWindow]:
    """A window on `project`, closed at the end of the test."""
    win = open_window(qtbot, project)
    yield win
    win.close()


@pytest.fixture
def arabic_ui(qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[QSettings]:
    """The application as `tarjama` starts it with View → Language → العربية chosen; English again afterwards."""
    from PySide6.QtCore import Qt, QTranslator

    from tarjama.ui.shell import i18n
    from tarjama.ui.shell.app import open_settings

    built = tmp_path / "qm"
    built.mkdir()
    subprocess.run([str(LRELEASE), "-silent", str(TS), "-qm", str(built / "tarjama_ar.qm")], check=True)
    monkeypatch.setattr(i18n, "translations_dir", lambda: built)
    settings = open_settings()
    i18n.set_language_choice(settings, i18n.ARABIC)
    assert i18n.install_language(qapp, settings) == i18n.ARABIC
    yield settings
    for translator in qapp.findChildren(QTranslator):
        qapp.removeTranslator(translator)
        translator.setParent(None)
    qapp.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
