"""Bringing a translation memory saved by an earlier version up to date before the window uses it.

Opening such a memory updates its schema first, which takes about a minute for a million units: done on the UI
thread, the window would stop drawing and the system would call it not responding. So the window has a worker
thread open it behind a progress dialog, and waits for it in a local event loop, which keeps drawing.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop
from PySide6.QtWidgets import QWidget

from tarjama.memory.store import TranslationMemory
from tarjama.ui.common.bidi import isolated
from tarjama.ui.common.progress import run_with_progress


def bring_up_to_date(parent: QWidget, memory: Path | None) -> None:
    """Update the memory at `memory` if it needs it, and return when that is done. A failure is left for the
    caller's opening of the memory to report, as it would without this step."""
    if memory is None or not TranslationMemory.needs_update(memory):
        return
    finished = QEventLoop()
    label = QCoreApplication.translate("MemoryUpdate", "Updating the translation memory {name} for this version of "
                                                       "Tarjama…").format(name=isolated(memory.name))
    run_with_progress(
        parent,
        label,
        lambda _cancel, _progress: TranslationMemory.open(memory).close(),
        lambda _result: finished.quit(),
        lambda _error: finished.quit(),
        finished.quit,
        cancellable=False,
    )
    finished.exec()
