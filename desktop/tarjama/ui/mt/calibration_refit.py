"""Re-fitting the confidence calibration on the translator's own approvals, in the background.

Each approval of a machine-translated segment is an example of what the engine's confidence should have said
(`tarjama.project.calibration_data`). After an approval the window asks whether enough new examples have come in
since the last fit (a count, from the segments it holds); when they have, the fit runs on a worker thread, on a
connection of its own to the project, and the next translation is judged by it (`tarjama.mt.calibration.current`).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject

from tarjama.mt.calibration import Calibration, CalibrationKey
from tarjama.project.calibration_data import refit, should_refit
from tarjama.project.store import ProjectStore
from tarjama.ui.common.host import WindowHost
from tarjama.ui.common.tasks import run_in_background
from tarjama.ui.mt.model_menu import project_package


class CalibrationRefit(QObject):
    def __init__(self, window: WindowHost) -> None:
        super().__init__()
        self._window = window
        self.running = False
        #: What the last fit gave (None: too few examples, or none yet); tests look.
        self.last: Calibration | None = None

    def after_approval(self) -> None:
        session = self._window.session
        if session is None or session.store.read_only is not None or self.running:
            return
        package = project_package(self._window)
        if package is None:
            return
        key = CalibrationKey(package.from_code, package.to_code, package.name)
        if not should_refit(session.store, key, session.model.segments()):
            return
        self.running = True
        project: Path = session.path

        def work() -> Calibration | None:
            with ProjectStore.open(project, memory_wait=0) as store:
                return refit(store, key)

        def done(calibration: Calibration | None) -> None:
            self.running = False
            self.last = calibration

        def failed(_error: Exception) -> None:
            self.running = False  # a calibration that cannot be refined keeps the one in use: nothing to tell

        run_in_background(work, done, failed)
