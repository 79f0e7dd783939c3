"""Largest event-loop stall while the window pre-translates the shared article (20 copies) in the background.

A 5 ms timer ticks on the UI thread during the whole run; the largest gap between two ticks, minus the interval, is
the longest time the window could not react to the translator. Target: under 100 ms. Uses the tiny glossary package
from tests/tiny_models.py (built offline), so it measures the window's plumbing, not a real model's speed.

    .venv/bin/python bench/pretranslate_stall.py
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from scratch import scratch_folder

REPO = Path(__file__).resolve().parent.parent
ARTICLE = REPO.parent / "shared" / "corpus" / "ar-news-syria-truce.txt"


def main() -> int:
    if not ARTICLE.is_file():
        print(f"skipped: the shared corpus is absent ({ARTICLE})")
        return 0
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    home = scratch_folder("tarjama-stall-")
    os.environ["TARJAMA_DATA_DIR"] = str(home / "data")
    os.environ["TARJAMA_CONFIG_DIR"] = str(home / "config")
    sys.path.insert(0, str(REPO / "tests"))
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    import tiny_models
    from tarjama import mt
    from tarjama.project.files import import_document
    from tarjama.ui.shell.app import create_window, open_settings

    app = QApplication([])
    package = tiny_models.build_glossary_package(home / "build" / "translate-ar_en-1_0")
    mt.install_package(tiny_models.zip_folder(package, home / "build" / "translate-ar_en-1_0.argosmodel"))
    project = home / "article.tarjama"
    document = home / "article-x20.txt"  # twenty copies, so the run lasts long enough to see stalls
    document.write_text("\n\n".join([ARTICLE.read_text(encoding="utf-8").strip()] * 20) + "\n", encoding="utf-8")
    import_document(document, project).close()
    window = create_window(open_settings())
    window.modal_errors = False
    window.open_project(project)
    window.show()
    app.processEvents()

    clock = QElapsedTimer()
    gaps: list[int] = []
    last = [0]

    first_batch = [None]

    def tick() -> None:
        now = clock.elapsed()
        gaps.append(now - last[0])
        last[0] = now
        if first_batch[0] is None and any(s.mt_text for s in window.session.model.segments()[:1000]):
            first_batch[0] = len(gaps)

    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(tick)
    started = time.perf_counter()
    clock.start()
    timer.start()
    window.pretranslation.start()
    while window.pretranslation.running:
        app.processEvents()
        time.sleep(0.001)
    elapsed = time.perf_counter() - started
    timer.stop()
    segments = window.session.model.segments()
    done = sum(1 for s in segments if s.mt_text)
    worst = max(gaps[1:], default=0) - timer.interval()
    split = first_batch[0] or len(gaps)
    loading = max(gaps[1:split], default=0) - timer.interval()
    translating = max(gaps[split:], default=0) - timer.interval()
    print(f"segments pre-translated            {done} of {len(segments)}")
    print(f"pre-translation wall time          {elapsed * 1000:.0f} ms")
    print(f"timer ticks observed               {len(gaps)}")
    print(f"largest event-loop stall           {max(worst, 0)} ms (target < 100 ms)")
    print(f"  while the model loads            {max(loading, 0)} ms")
    print(f"  once batches are arriving        {max(translating, 0)} ms")
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
