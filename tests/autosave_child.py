"""Run the real window on a project, make one confirmed edit and then keep typing; the parent kills this process.

Prints CONFIRMED after a Ctrl+Enter approval and TYPED after typing into the next segment, then idles in the event
loop like an app the translator has stopped typing in.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from qt_keys import press, type_text  # noqa: E402
from tarjama.ui.shell.app import create_window, open_settings  # noqa: E402


def main(project: str) -> None:
    app = QApplication([])
    window = create_window(open_settings())
    window.modal_errors = False
    window.open_project(project)
    window.show()

    def act() -> None:
        press(window.grid, Qt.Key.Key_F2)
        type_text(window.open_editor(), "Confirmed text")
        press(window.open_editor(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        print("CONFIRMED", flush=True)
        type_text(window.open_editor(), "Idle typing")
        print("TYPED", flush=True)

    QTimer.singleShot(100, act)
    app.exec()


if __name__ == "__main__":
    main(sys.argv[1])
