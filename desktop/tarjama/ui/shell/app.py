"""`tarjama`: start the review window, optionally on a document or project, or as a smoke test."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from tarjama import __version__
from tarjama.mt.bundled import install_bundled_models, report_bundled_installs
from tarjama.paths import app_icon, config_dir, projects_dir, sample_document
from tarjama.project.store import PROJECT_SUFFIX
from tarjama.ui.shell.fonts import load_arabic_font
from tarjama.ui.shell.i18n import MissingCatalogue, install_language
from tarjama.ui.shell.main_window import MainWindow


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="tarjama", description="Review Arabic→English translation.")
    parser.add_argument("path", nargs="?", type=Path, help="a document (.txt, .docx) or a project (.tarjama)")
    parser.add_argument("--smoke", action="store_true", help="start, show the window, render it and exit")
    parser.add_argument("--screenshot", type=Path, help="with --smoke: save the rendered window as PNG")
    return parser.parse_args(argv)


def open_settings() -> QSettings:
    directory = config_dir()
    directory.mkdir(parents=True, exist_ok=True)
    return QSettings(str(directory / "tarjama.ini"), QSettings.Format.IniFormat)


def project_for_document(document: Path) -> Path:
    """A document opened directly gets its project in the user's data folder, found again on the next start."""
    return projects_dir() / (document.stem + PROJECT_SUFFIX)


#: Seconds a busy Python thread may keep the interpreter before another that waits gets it (Python's default is
#: 0.005). The window makes hundreds of short SQLite calls as pre-translation's batches arrive, each letting go of
#: the interpreter and waiting to have it back while a worker thread computes (the engine's confidence, the
#: spelling dictionaries being read): at 5 ms a wait, that froze the grid for seconds (bench/pretranslate_stall.py).
SWITCH_INTERVAL = 0.0005


def create_window(settings: QSettings) -> MainWindow:
    sys.setswitchinterval(SWITCH_INTERVAL)
    return MainWindow(settings, load_arabic_font())


def report_missing_catalogue(window: MainWindow, missing: MissingCatalogue) -> None:
    """The language asked for could not be loaded: say so in the window, which is in English, rather than only on a
    terminal the translator never sees."""
    window.show_error(
        QCoreApplication.translate("App", "Language"),
        QCoreApplication.translate(
            "App",
            "The window stays in English: its translation could not be loaded ({reason}). Reinstalling Tarjama puts "
            "it back; View → Language → English stops this message.",
        ).format(reason=missing.reason),
    )


def start(window: MainWindow, path: Path | None, when_ready) -> None:  # noqa: ANN001
    """Open what was asked for (a project, a document, else the last project or the sample), then call back."""
    if path is None:
        recent = [p for p in window._recent() if Path(p).is_file()]
        path = Path(recent[0]) if recent else sample_document()
    if path.suffix == PROJECT_SUFFIX:
        when_ready(window.open_project(path))
        return
    project = project_for_document(path)
    if project.exists():
        when_ready(window.open_project(project))
        return
    project.parent.mkdir(parents=True, exist_ok=True)
    window.open_document(path, project, on_done=when_ready)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    report_bundled_installs(install_bundled_models())  # the offline edition's packages, before the window looks
    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setApplicationName("Tarjama")
    app.setApplicationVersion(__version__)
    app.setWindowIcon(QIcon(str(app_icon())))
    settings = open_settings()
    try:
        install_language(app, settings)  # before any widget is built, so every text and the layout follow it
        missing = None
    except MissingCatalogue as exc:
        missing = exc
    window = create_window(settings)
    window.modal_errors = not args.smoke
    window.show()
    if missing is not None:
        report_missing_catalogue(window, missing)
    outcome = {"ok": True}

    def ready(ok: bool) -> None:
        outcome["ok"] = ok
        if args.smoke:
            QTimer.singleShot(200, finish_smoke)

    def finish_smoke() -> None:
        window.grid.fit_visible_rows()
        app.processEvents()
        if args.screenshot:
            args.screenshot.parent.mkdir(parents=True, exist_ok=True)
            window.grab().save(str(args.screenshot))
        window.close()
        app.exit(0 if outcome["ok"] else 1)

    start(window, args.path, ready)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
