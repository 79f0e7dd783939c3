"""What drawing inline tags as chips costs the grid (issue 16): the same 2,000 sentences, once plain and once with
three tags in each source and target (a bold word, a link, a footnote reference), sized row by row as the grid
sizes the rows it shows (`sizeHint`) and painted screenful by screenful. Prints seconds and the tagged/plain ratio:
chips mean a second format range per mark and one polygon each, so the ratio should stay near 1.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/tag_chips.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ROWS = 2000
SOURCE = "وصل {b}الوزير{eb} إلى {l}العاصمة{el} صباح اليوم لعقد اجتماع مع نظيره.{n}"
TARGET = "The {b}minister{eb} arrived in the {l}capital{el} this morning to meet his counterpart.{n}"


def segments(tagged: bool) -> list[object]:
    from tarjama.domain import Segment
    from tarjama.inline_tags import close_mark, open_mark, standalone_mark

    marks = (
        {"b": open_mark(1), "eb": close_mark(1), "l": open_mark(2), "el": close_mark(2), "n": standalone_mark(3)}
        if tagged
        else dict.fromkeys(("b", "eb", "l", "el", "n"), "")
    )
    return [
        Segment(id=row + 1, paragraph_id=row + 1, paragraph_index=row, position=0, source=SOURCE.format(**marks),
                target=TARGET.format(**marks), first_in_paragraph=True)
        for row in range(ROWS)
    ]  # fmt: skip


def measure(tagged: bool) -> tuple[float, float]:
    """Seconds to size every row, and to paint the grid screenful by screenful from top to bottom."""
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QApplication

    from tarjama.ui.editor.delegate import SegmentDelegate
    from tarjama.ui.editor.grid import SegmentGrid
    from tarjama.ui.editor.segment_model import SegmentModel
    from tarjama.ui.shell.fonts import load_arabic_font

    grid = SegmentGrid()
    grid.setItemDelegate(SegmentDelegate(grid, load_arabic_font(), QFont(grid.font())))
    grid.setModel(SegmentModel(segments(tagged)))  # type: ignore[arg-type]
    grid.resize(1200, 800)
    grid.show()
    QApplication.processEvents()
    started = time.perf_counter()
    for row in range(ROWS):
        grid.resizeRowToContents(row)
    sized = time.perf_counter() - started
    started = time.perf_counter()
    bar = grid.verticalScrollBar()
    position = 0
    while position <= bar.maximum():
        bar.setValue(position)
        grid.viewport().grab()
        position += grid.viewport().height()
    painted = time.perf_counter() - started
    grid.close()
    return sized, painted


def main() -> None:
    sys.path.insert(0, str(REPO / "desktop"))
    from PySide6.QtWidgets import QApplication

    QApplication.instance() or QApplication([])
    measure(False)  # warm the font caches
    plain_size, plain_paint = measure(False)
    tagged_size, tagged_paint = measure(True)
    print(f"{ROWS} rows sized: plain {plain_size:.3f} s, tagged {tagged_size:.3f} s, "
          f"ratio {tagged_size / plain_size:.2f}")
    print(f"painted screen by screen: plain {plain_paint:.3f} s, tagged {tagged_paint:.3f} s, "
          f"ratio {tagged_paint / plain_paint:.2f}")  # fmt: skip


if __name__ == "__main__":
    main()
