"""Benchmark: import a 10,000-segment Arabic document, open it in the review window, scroll through it all.

Run with `.venv/bin/python bench/open_large.py` (about half a minute). It prints one figure per line:

* import: reading the .txt, segmenting it and creating the project file (timed without tracemalloc), then the
  Python heap peak of the same import measured with tracemalloc on a second run;
* window: creating the main window, opening the project in it, and the time from window creation until the
  grid's viewport has received its first paint event;
* scrolling: the grid scrolled from top to bottom one page (the scroll bar's pageStep) at a time, each step timed
  until the viewport has repainted and the pending row fitting has run; average and worst per step;
* the process's peak resident memory (ru_maxrss).

Everything happens in a temporary folder with TARJAMA_DATA_DIR / TARJAMA_CONFIG_DIR pointed there, and Qt uses
the offscreen platform, so the benchmark needs no display and touches no user settings.

PySide6 6.12.0 on CPython 3.11 drops a reference to None every time a Qt call returns None (CPython 3.12+ makes
None immortal, which hides it); a few thousand painted cells later the process aborts with "none_dealloc". When
that leak is detected the benchmark pads None's reference count so it can finish, and reports how many references
the run lost: that many would have crashed the app.
"""

from __future__ import annotations

import ctypes
import os
import random
import re
import resource
import sys
import time
import tracemalloc
from pathlib import Path

from scratch import scratch_folder

os.environ["QT_QPA_PLATFORM"] = "offscreen"

PARAGRAPHS = 2_500
SENTENCES_PER_PARAGRAPH = 4
SEED = 20_240_229
SHARED_ARTICLE = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "ar-news-syria-truce.txt"

# Used when the shared corpus is absent: ordinary news vocabulary, written for this benchmark.
BUILT_IN_TEXT = """
أعلنت الحكومة اليوم عن خطة جديدة لتطوير النقل العام في المدن الكبرى وقال وزير الاقتصاد إن الأسعار ستنخفض
خلال الأشهر المقبلة بعد اتفاق مع الشركات المحلية وأكد المتحدث باسم الوزارة أن المشروع سيوفر آلاف فرص العمل
للشباب في مختلف المناطق وشهدت العاصمة أمطارا غزيرة تسببت في إغلاق عدد من الطرق الرئيسية وافتتح المعرض الدولي
للكتاب أبوابه أمام الزوار بمشاركة دور نشر من عشرين بلدا واجتمع الطرفان لمناقشة تفاصيل الاتفاق وسبل تنفيذه
على أرض الواقع وطالب السكان بتحسين الخدمات الصحية والتعليمية في القرى البعيدة عن المراكز الحضرية
"""

_ARABIC_WORD = re.compile(r"^[\u0621-\u064A\u0660-\u0669]{2,}$")


def vocabulary() -> tuple[list[str], str]:
    """Arabic words from the shared article when it is there, else the built-in list."""
    if SHARED_ARTICLE.is_file():
        words = [w for w in SHARED_ARTICLE.read_text(encoding="utf-8").split() if _ARABIC_WORD.match(w)]
        if len(words) > 200:
            return words, f"words of {SHARED_ARTICLE.name}"
    return BUILT_IN_TEXT.split(), "built-in word list"


def generate_document(path: Path) -> str:
    """Write PARAGRAPHS paragraphs of SENTENCES_PER_PARAGRAPH sentences, deterministically; returns the source."""
    words, origin = vocabulary()
    rng = random.Random(SEED)
    endings = [".", ".", ".", ".", "؟", "!"]
    paragraphs = []
    for _ in range(PARAGRAPHS):
        sentences = [
            " ".join(rng.choices(words, k=rng.randint(6, 22))) + rng.choice(endings)
            for _ in range(SENTENCES_PER_PARAGRAPH)
        ]
        paragraphs.append(" ".join(sentences))
    path.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return origin


def peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 / 1024 if sys.platform == "darwin" else peak / 1024  # bytes on macOS, KiB on Linux


def none_refs_lost_per_qt_call() -> float:
    """How many references to None one None-returning Qt call loses (0 on a sound PySide6 build)."""
    from PySide6.QtCore import QRect

    rect = QRect()
    before = sys.getrefcount(None)
    for _ in range(1000):
        rect.setWidth(1)
    return (before - sys.getrefcount(None)) / 1000


def pad_none_refcount(extra: int) -> None:
    """Keep a leaking PySide6 from freeing None during the benchmark (CPython 3.11 object layout)."""
    ctypes.c_ssize_t.from_address(id(None)).value += extra


def line(label: str, value: str) -> None:
    print(f"{label:<44} {value}", flush=True)


def main() -> int:
    work = scratch_folder("tarjama-bench-")
    os.environ["TARJAMA_DATA_DIR"] = str(work / "data")
    os.environ["TARJAMA_CONFIG_DIR"] = str(work / "config")

    # Imported only now, so the environment above is in place before anything reads it.
    from PySide6.QtCore import QElapsedTimer, QEvent, QObject
    from PySide6.QtWidgets import QApplication

    from tarjama.project.files import import_document
    from tarjama.ui.shell.app import create_window, open_settings

    document = work / "large-ar.txt"
    origin = generate_document(document)
    line("document", f"{document.stat().st_size / 1e6:.2f} MB, {PARAGRAPHS} paragraphs ({origin})")

    # -- import -----------------------------------------------------------------------------------------------
    project = work / "large.tarjama"
    start = time.perf_counter()
    store = import_document(document, project)
    import_s = time.perf_counter() - start
    stats = store.stats()
    store.close()
    line("segments", f"{stats.segments} ({stats.words} words)")
    line("import (read + segment + create project)", f"{import_s * 1000:.0f} ms")
    line("project file size", f"{project.stat().st_size / 1e6:.2f} MB")

    tracemalloc.start()
    import_document(document, work / "traced.tarjama").close()
    _, traced_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    line("import Python heap peak (tracemalloc)", f"{traced_peak / 1e6:.1f} MB")

    # -- window ---------------------------------------------------------------------------------------------
    app = QApplication.instance() or QApplication([sys.argv[0]])
    leak = none_refs_lost_per_qt_call()
    padding = 1 << 40
    if leak:
        line("WARNING PySide6 None refcount leak", f"{leak:g} per None-returning call; padding it to finish")
        pad_none_refcount(padding)
    none_refs_at_start = sys.getrefcount(None)

    class PaintCounter(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.paints = 0

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
            if event.type() == QEvent.Type.Paint:
                self.paints += 1
            return False

    def wait_for_paint(counter: PaintCounter, seen: int, limit_ms: int = 10_000) -> None:
        clock = QElapsedTimer()
        clock.start()
        while counter.paints == seen:
            app.processEvents()
            if clock.elapsed() > limit_ms:
                raise RuntimeError("the grid was never painted")

    start = time.perf_counter()
    window = create_window(open_settings())
    created = time.perf_counter()
    window.modal_errors = False
    counter = PaintCounter()
    window.grid.viewport().installEventFilter(counter)
    if not window.open_project(project):
        raise RuntimeError(f"could not open {project}")
    opened = time.perf_counter()
    window.show()
    wait_for_paint(counter, 0)
    painted = time.perf_counter()
    app.processEvents()  # let the first row fitting and its repaint finish before scrolling
    line("window creation", f"{(created - start) * 1000:.0f} ms")
    line("open_project (load 10k rows into the model)", f"{(opened - created) * 1000:.0f} ms")
    line("window creation -> first grid paint", f"{(painted - start) * 1000:.0f} ms")
    line("rows in grid", str(window.grid.model().rowCount()))

    # -- scrolling ------------------------------------------------------------------------------------------
    bar = window.grid.verticalScrollBar()
    steps: list[float] = []
    scroll_start = time.perf_counter()
    while bar.value() < bar.maximum():
        seen = counter.paints
        step_start = time.perf_counter()
        bar.setValue(bar.value() + bar.pageStep())
        wait_for_paint(counter, seen)
        app.processEvents()  # the row fitting queued by the scroll, and the repaint it causes
        steps.append(time.perf_counter() - step_start)
    scroll_s = time.perf_counter() - scroll_start
    line("viewport height", f"{window.grid.viewport().height()} px, page step {bar.pageStep()} px")
    line("page steps to the end", str(len(steps)))
    line("scroll whole grid", f"{scroll_s * 1000:.0f} ms")
    line("page step average (incl. repaint)", f"{sum(steps) / len(steps) * 1000:.1f} ms")
    line("page step worst (incl. repaint)", f"{max(steps) * 1000:.1f} ms")
    last_visible = window.grid.rowAt(window.grid.viewport().height() - 1)
    line("last row visible at the end", str(last_visible == stats.segments - 1))

    window.close_project()
    window.close()
    lost = none_refs_at_start - sys.getrefcount(None)
    if leak:
        line("None references lost (unpadded would crash)", f"{lost} (None had {none_refs_at_start - padding})")
    line("peak resident memory (ru_maxrss)", f"{peak_rss_mb():.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
