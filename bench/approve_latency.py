"""Benchmark: how long Ctrl+Enter takes on a 10,000-segment project, with and without the QA check on approval.

Run with `.venv/bin/python bench/approve_latency.py` (about a minute). It builds the document of `open_large.py`,
gives a glossary of 300 of its words, opens the project in the window (linked to the default TM, as a translator's
would be), waits for the QA context (approved translations, length bounds) to be gathered, runs QA on the document
(F8) so the QA pane holds its findings, and then, for each of many segments, opens the editor, puts a translation in
it and presses Ctrl+Enter, timing the key press until the window is idle again (QA check, editing time, the edit
and the approval written to the project and the TM, the next segment opened). A quarter of the segments are
approved beforehand, so the consistency check has something to compare. The same is measured with the QA check
switched off, and while a QA context is being gathered on a worker thread (the worst case: the worker holds the GIL
part of the time).

Everything happens in a temporary folder, offscreen; it touches no user settings.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from collections.abc import Callable

os.environ["QT_QPA_PLATFORM"] = "offscreen"

from open_large import generate_document, line, none_refs_lost_per_qt_call, pad_none_refcount  # noqa: E402
from scratch import scratch_folder

APPROVALS = 60
TERMS = 300
TARGET = "The government said on Monday that 12 people were killed in the attack on the town."


def main() -> int:
    work = scratch_folder("tarjama-bench-")
    os.environ["TARJAMA_DATA_DIR"] = str(work / "data")
    os.environ["TARJAMA_CONFIG_DIR"] = str(work / "config")

    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from tarjama.domain import GlossaryEntry, Status
    from tarjama.glossary.store import Glossary
    from tarjama.paths import default_glossary_path
    from tarjama.project.files import import_document
    from tarjama.ui.shell.app import create_window, open_settings

    document = work / "large-ar.txt"
    generate_document(document)
    project = work / "large.tarjama"
    with import_document(document, project) as store:
        segments = store.segments()
        for segment in segments[: len(segments) // 2 : 2]:
            store.update_segment(segment.id, target=TARGET, status=Status.APPROVED)
    words = list(dict.fromkeys(w.strip(".؟!،") for s in segments[:400] for w in s.source.split()))
    with Glossary.open_or_create(default_glossary_path()) as glossary:
        glossary.import_entries(GlossaryEntry(word, (f"term {n}",)) for n, word in enumerate(words[:TERMS]))
    line("segments", f"{len(segments)}, {len(segments) // 4} approved beforehand, glossary of {TERMS} terms")

    app = QApplication.instance() or QApplication([sys.argv[0]])
    if none_refs_lost_per_qt_call():
        pad_none_refcount(1 << 40)
    window = create_window(open_settings())
    window.modal_errors = False
    window.resize(1200, 800)
    window.open_project(project)
    window.show()
    window.qa.confirm = lambda findings: True  # "Approve anyway" at once, so no dialog waits

    def settle(condition: Callable[[], bool], limit: float = 30.0) -> float:
        start = time.perf_counter()
        while not condition():
            app.processEvents()
            if time.perf_counter() - start > limit:
                raise RuntimeError("timed out")
            time.sleep(0.005)
        return time.perf_counter() - start

    line("glossary read after opening", f"{settle(lambda: window.glossary.finder is not None) * 1000:.0f} ms")
    window.qa._context = None
    window.qa._gather_context()
    started = time.perf_counter()
    settle(lambda: window.qa._context is not None)
    line("QA context gathered (worker thread)", f"{(time.perf_counter() - started) * 1000:.0f} ms")
    started = time.perf_counter()
    window.qa.run()
    settle(lambda: bool(window.qa.pane.rows()), limit=120)
    line("F8 on the document (worker thread)", f"{(time.perf_counter() - started) * 1000:.0f} ms")
    line("findings listed in the QA pane", str(len(window.qa.pane.rows())))
    todo = iter([s.id for s in segments[len(segments) // 2 :]])

    def approvals(count: int, before: Callable[[], None] = lambda: None) -> list[float]:
        times = []
        for _ in range(count):
            target = next(todo)
            if window.open_editor() is None or window.current_segment().id != target:
                window.go_to(target, edit=True)
            window.open_editor().setPlainText(TARGET)
            app.processEvents()
            before()
            start = time.perf_counter()
            QTest.keyClick(window.open_editor(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
            app.processEvents()
            times.append(time.perf_counter() - start)
        return times

    def report(label: str, times: list[float]) -> None:
        ms = [t * 1000 for t in times]
        line(label, f"median {statistics.median(ms):.1f} ms, mean {statistics.fmean(ms):.1f}, max {max(ms):.1f}")

    approvals(5)  # warm up: first TER, first paint of the rows around
    if os.environ.get("PROFILE"):
        import cProfile
        import pstats

        profiler = cProfile.Profile()
        profiler.enable()
        approvals(20)
        profiler.disable()
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(45)
    report("Ctrl+Enter with QA on approval", approvals(APPROVALS))
    checked = window.qa.approval_confirmed
    window.qa.approval_confirmed = lambda segment, text: True
    report("Ctrl+Enter without the QA check", approvals(APPROVALS))
    window.qa.approval_confirmed = checked
    report("Ctrl+Enter while a context is gathered", approvals(10, before=window.qa._gather_context))
    timed = []
    for segment in segments[:APPROVALS]:
        candidate = window.session.model.segment_at(window.session.model.row_of(segment.id))
        start = time.perf_counter()
        window.qa.approval_confirmed(candidate, TARGET)
        timed.append(time.perf_counter() - start)
    report("the QA check alone (approval_confirmed)", timed)
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
