"""The Arabic UI translation is complete: every text lupdate finds in the window's code has a finished Arabic
translation in `translations/tarjama_ar.ts` that keeps its placeholders, and no text shown to the translator is
passed to Qt without going through translation (which would leave it out of the `.ts` altogether)."""

from __future__ import annotations

import ast
import re
import string
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from tarjama.errors import CONTEXT, TarjamaError
from tarjama.mt.modelfile import ModelFileError
from tarjama.qa import CHECK_TITLES
from tarjama.qa.messages import MESSAGES
from tarjama.ui.qa.pane import CHECK_TITLES_MARKED, QA_MESSAGES_MARKED
from tarjama.ui.shell import i18n

REPO = Path(__file__).resolve().parent.parent
PACKAGE = REPO / "desktop" / "tarjama"
UI = PACKAGE / "ui"
TS = REPO / "translations" / "tarjama_ar.ts"
LUPDATE = Path(sys.executable).with_name("pyside6-lupdate")

Key = tuple[str, str]  # (context, English source)
SHORTCUT = re.compile(r"\b(?:Ctrl|Alt|Shift)\+[\w{}+]*|\bF\d+\b|\bEsc\b")
FILE_PATTERN = re.compile(r"\*[\w.{}]*")


def messages(ts: Path) -> dict[Key, ET.Element]:
    """Each message of a .ts by (context, source), with its <translation> element."""
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found[(name, message.findtext("source") or "")] = message.find("translation")
    return found


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> set[Key]:
    """The messages lupdate finds in the code now (the UI's, and the core's marked error templates), as the set-up of
    a new language would list them."""
    out = tmp_path_factory.mktemp("lupdate") / "current.ts"
    command = [str(LUPDATE), "-silent", "-locations", "none", "-extensions", "py", str(PACKAGE), "-ts", str(out)]
    subprocess.run(command, check=True)
    return set(messages(out))


@pytest.fixture(scope="module")
def arabic() -> dict[Key, ET.Element]:
    return messages(TS)


def test_every_text_in_the_code_is_in_the_arabic_ts(extracted: set[Key], arabic: dict[Key, ET.Element]) -> None:
    missing = sorted(extracted - set(arabic))
    assert not missing, f"run pyside6-lupdate (translations/README.md) and translate: {missing}"


def test_the_arabic_ts_holds_no_text_the_code_no_longer_has(extracted: set[Key], arabic: dict[Key, ET.Element]) -> None:
    stale = sorted(set(arabic) - extracted)
    assert not stale, f"lupdate -no-obsolete drops these: {stale}"


def test_every_translation_is_finished_and_not_empty(arabic: dict[Key, ET.Element]) -> None:
    for key, translation in arabic.items():
        assert translation is not None and (translation.text or "").strip(), key
        assert translation.get("type") is None, (key, translation.get("type"))
        if _words(key[1]):
            assert re.search("[\u0600-\u06ff]", translation.text), f"{key} is not in Arabic: {translation.text!r}"


def _words(text: str) -> list[str]:
    """The English words of a text, leaving out key names, placeholders and acronyms (HTER, TMX) kept as they are."""
    text = re.sub(r"\{[^}]*\}", "", SHORTCUT.sub("", text))
    return [word for word in re.findall("[A-Za-z]+", text) if not word.isupper()]


def _fields(text: str) -> Counter:
    """The {placeholders} with their format specs: `.format()` fails or shows a wrong value if one is lost."""
    return Counter((name, spec) for _, name, spec, _ in string.Formatter().parse(text) if name is not None)


def test_translations_keep_placeholders_shortcuts_and_file_patterns(arabic: dict[Key, ET.Element]) -> None:
    for (context, source), translation in arabic.items():
        text = translation.text or ""
        assert _fields(text) == _fields(source), (context, source, text)
        assert Counter(SHORTCUT.findall(text)) == Counter(SHORTCUT.findall(source)), (context, source, text)
        assert Counter(FILE_PATTERN.findall(text)) == Counter(FILE_PATTERN.findall(source)), (context, source)
        assert text.count(";;") == source.count(";;"), (context, source)
        accelerators = text.replace("&&", "").count("&")
        assert accelerators <= source.replace("&&", "").count("&"), (context, source, text)


def test_the_core_check_titles_are_translated(arabic: dict[Key, ET.Element]) -> None:
    """The QA pane shows the core's English check titles through translation, marked for lupdate in the pane."""
    assert CHECK_TITLES_MARKED == CHECK_TITLES
    for title in CHECK_TITLES.values():
        assert ("QaChecks", title) in arabic, title


def test_the_core_finding_messages_are_translated(arabic: dict[Key, ET.Element]) -> None:
    """The QA pane fills the Arabic of each finding's template, marked for lupdate in the pane."""
    assert QA_MESSAGES_MARKED == MESSAGES
    for template in MESSAGES.values():
        assert ("QaMessages", template) in arabic, template


def _core_error_names() -> set[str]:
    """Every exception the core reports with a message of its own, by class name."""
    import tarjama.formats.tmx  # noqa: F401 - defines some of them
    import tarjama.memory.store  # noqa: F401
    import tarjama.mt  # noqa: F401

    def subclasses(cls: type) -> set[type]:
        return {cls} | {sub for child in cls.__subclasses__() for sub in subclasses(child)}

    return {cls.__name__ for cls in subclasses(TarjamaError) | {ModelFileError}} | {"Message"}


def test_the_core_gives_every_error_message_as_a_marked_template() -> None:
    """An f-string or a bare literal given to an error would reach the window in English: lupdate never sees it."""
    names = _core_error_names()
    bare = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE).as_posix()
        if relative.startswith("ui/"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and _name(node) in names:
                bare += [
                    f"{relative}:{node.lineno} {ast.unparse(argument)[:60]}"
                    for argument in node.args
                    if isinstance(argument, ast.JoinedStr)
                    or (isinstance(argument, ast.Constant) and isinstance(argument.value, str))
                ]
    assert not bare, "write these as QT_TRANSLATE_NOOP(\"Errors\", template), values as keywords:\n" + "\n".join(bare)


def test_every_core_error_template_is_translated(arabic: dict[Key, ET.Element]) -> None:
    """Each template the core marks is in the .ts under the context the window looks it up in ("Errors")."""
    marked = {
        (call.args[0].value, call.args[1].value)
        for path in PACKAGE.rglob("*.py")
        if "ui" not in path.relative_to(PACKAGE).parts
        for call in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(call, ast.Call) and _name(call) == "QT_TRANSLATE_NOOP"
    }
    assert len(marked) > 100
    for context, template in marked:
        assert context == CONTEXT and (context, template) in arabic, (context, template)


# -- texts given to Qt without translation --------------------------------------------------------------------

#: Qt calls and helpers that show text, with the positions of their text arguments (None: every argument).
TEXT_ARGUMENTS: dict[str, tuple[int, ...] | None] = {
    "setWindowTitle": (0,),
    "setText": (0,),
    "setToolTip": (0,),
    "setStatusTip": (0,),
    "setWhatsThis": (0,),
    "setPlaceholderText": (0,),
    "showMessage": (0,),
    "setIconText": (0,),
    "setTitle": (0,),
    "setLabelText": (0,),
    "setFormat": (0,),
    "setInformativeText": (0,),
    "setDetailedText": (0,),
    "setTabText": (1,),
    "addMenu": (0,),
    "addToolBar": (0,),
    "addAction": (0,),
    "addItem": (0,),
    "addButton": (0,),
    "addRow": (0,),
    "addTab": (1,),
    "setHorizontalHeaderLabels": None,
    "QLabel": (0,),
    "QPushButton": (0,),
    "QToolButton": (0,),
    "QCheckBox": (0,),
    "QRadioButton": (0,),
    "QGroupBox": (0,),
    "QDockWidget": (0,),
    "QListWidgetItem": (0,),
    "QAction": (0,),
    "QProgressDialog": (0, 1),
    "QMessageBox": (1, 2),
    "warning": (1, 2),
    "information": (1, 2),
    "question": (1, 2),
    "critical": (1, 2),
    "getOpenFileName": (1, 3),
    "getSaveFileName": (1, 3),
    "getExistingDirectory": (1,),
    "getText": (1, 2),
    "getInt": (1, 2),
    "getItem": (1, 2),
    "make_action": (1,),
    "_action": (0,),
    "show_error": (0,),
}
#: Text that is not language: symbols (✕, –) and key names shown as they are on the keyboard.
NOT_LANGUAGE = re.compile(r"[^A-Za-z]*|(?:(?:Ctrl|Alt|Shift)\+)*(?:[A-Z0-9]|F\d+|Esc)")
TRANSLATE = {"tr", "translate"}
#: Translations of texts that lupdate finds elsewhere, marked with QT_TRANSLATE_NOOP: (file, context).
#: Texts given to translation as variables, each marked for lupdate with QT_TRANSLATE_NOOP where it is defined:
#: (file, the text argument).
TRANSLATED_ELSEWHERE = {
    ("main_window.py", "name"),
    ("qa_pane.py", "CHECK_TITLES_MARKED.get(check, CHECK_TITLES[check])"),
    ("qa_pane.py", "QA_MESSAGES_MARKED[key]"),
    ("error_text.py", "message.template"),
}


def _name(call: ast.Call) -> str:
    return call.func.attr if isinstance(call.func, ast.Attribute) else getattr(call.func, "id", "")


def _literals(node: ast.expr) -> list[str]:
    """String literals that reach Qt as they are: plain, f-strings, and `"…".format()` or `+` of them."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.JoinedStr):
        return ["".join(str(part.value) for part in node.values if isinstance(part, ast.Constant))]
    if isinstance(node, ast.BinOp):
        return _literals(node.left) + _literals(node.right)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format":
        return _literals(node.func.value)
    if isinstance(node, ast.List | ast.Tuple):
        return [text for element in node.elts for text in _literals(element)]
    return []


def _ui_calls() -> list[tuple[str, ast.Call]]:
    return [
        (path.name, node)
        for path in sorted(UI.glob("*.py"))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call)
    ]


def test_no_untranslated_text_is_given_to_qt() -> None:
    bare = []
    for file, call in _ui_calls():
        positions = TEXT_ARGUMENTS.get(_name(call), ())
        arguments = call.args if positions is None else [call.args[i] for i in positions if i < len(call.args)]
        for argument in arguments:
            bare += [
                f"{file}:{call.lineno} {_name(call)}({text!r})"
                for text in _literals(argument)
                if not NOT_LANGUAGE.fullmatch(text)
            ]
    assert not bare, "wrap these in self.tr() or QCoreApplication.translate():\n" + "\n".join(bare)


def test_every_translated_text_is_a_literal_lupdate_can_read() -> None:
    """tr(f"…{x}") or tr(variable) is looked up at run time under a text lupdate never saw: it stays English."""
    unreadable = []
    for file, call in _ui_calls():
        if _name(call) not in TRANSLATE or not call.args:
            continue
        context = call.args[0] if _name(call) == "translate" else None
        text = call.args[1] if context is not None and len(call.args) > 1 else call.args[0]
        if context is not None and not isinstance(context, ast.Constant):
            unreadable.append(f"{file}:{call.lineno} context {ast.unparse(context)}")
        elif not isinstance(text, ast.Constant) and (file, ast.unparse(text)) not in TRANSLATED_ELSEWHERE:
            unreadable.append(f"{file}:{call.lineno} {ast.unparse(call)}")
    assert not unreadable, "\n".join(unreadable)


# -- choosing and installing the language ----------------------------------------------------------------------


def test_the_language_follows_the_system_unless_one_is_chosen() -> None:
    assert i18n.resolve(i18n.SYSTEM, ["ar-SY", "en-US"]) == i18n.ARABIC
    assert i18n.resolve(i18n.SYSTEM, ["fr-FR", "ar", "en"]) == i18n.ARABIC
    assert i18n.resolve(i18n.SYSTEM, ["en-GB", "ar"]) == i18n.ENGLISH
    assert i18n.resolve(i18n.SYSTEM, ["de-DE"]) == i18n.ENGLISH
    assert i18n.resolve(i18n.ENGLISH, ["ar-EG"]) == i18n.ENGLISH
    assert i18n.resolve(i18n.ARABIC, ["en-US"]) == i18n.ARABIC


def test_the_choice_is_kept_in_the_settings(tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "tarjama.ini"), QSettings.Format.IniFormat)
    assert i18n.language_choice(settings) == i18n.SYSTEM
    i18n.set_language_choice(settings, i18n.ARABIC)
    assert i18n.language_choice(settings) == i18n.ARABIC
    settings.setValue(i18n.LANGUAGE_KEY, "klingon")
    assert i18n.language_choice(settings) == i18n.SYSTEM


def test_the_built_catalogues_are_looked_for_beside_the_ts() -> None:
    assert i18n.translations_dir() == TS.parent
