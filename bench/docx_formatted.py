"""Benchmark: import and export of a 200-page formatted Arabic .docx (generated), time and memory.

Run with `.venv/bin/python bench/docx_formatted.py [pages]` (about half a minute). It builds, with python-docx and the
helpers of `tests/formatted_docx.py`, a document of `pages` pages (200 by default): per page a heading every tenth
page, six right-to-left paragraphs of three sentences with bold, italic and coloured words, a hyperlink, runs that
differ only in revision ids (noise, merged), and a 2×2 table every fifth page, plus a footnote, header and footer.
A fresh process then imports it into a project, gives every segment an English target carrying its tags
(`inline_tags.place_at_ends`, as machine translations), and exports it, rebuilt from the original. Printed: the time
of each
step, the peak resident memory of that process (`ru_maxrss`, which sees lxml's C allocations too) and the peak of
Python's own allocations (`tracemalloc`), and the rebuild's time against writing the same paragraphs as a fresh plain
.docx (the export for a project that was not a Word document).
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from scratch import scratch_folder

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

T = TypeVar("T")
PARAGRAPHS_PER_PAGE = 6
ARTICLE = "أعلنت الحكومة اليوم عن خطة جديدة لدعم الأسر في المدن والقرى بعد ارتفاع الأسعار خلال العام الماضي"
WORDS = ARTICLE.split()


def sentence(page: int, number: int) -> str:
    start = (page * 7 + number * 3) % len(WORDS)
    return " ".join((WORDS * 2)[start:start + 12]) + "."


def build(path: Path, pages: int) -> None:
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    import formatted_docx as built

    document = docx.Document()
    built.add_footnotes(document, built.FOOTNOTE)
    for page in range(pages):
        if page % 10 == 0:
            built.right_to_left(document.add_heading(f"الفصل {page // 10 + 1}", level=1))
        for number in range(PARAGRAPHS_PER_PAGE):
            paragraph = built.right_to_left(document.add_paragraph())
            for rsid in range(3):  # the same properties, other revision ids: one run to the reader
                paragraph._p.append(parse_xml(
                    f'<w:r {nsdecls("w")} w:rsidR="00{page:04X}{rsid:02X}"><w:rPr><w:rtl/></w:rPr>'
                    f'<w:t xml:space="preserve">{sentence(page, number + rsid)} </w:t></w:r>'))
            built.add_run(paragraph, "الوزير", "<w:b/><w:bCs/>")
            built.add_run(paragraph, " قال إن ")
            built.add_run(paragraph, "الخطة", "<w:i/><w:iCs/>")
            built.add_run(paragraph, " ستبدأ في ")
            built.add_run(paragraph, "دمشق", '<w:color w:val="1F4E79"/><w:szCs w:val="32"/>')
            built.add_run(paragraph, f" {sentence(page, number + 5)}")
            if number == 0:
                built.add_run(paragraph, " انظر ")
                built.add_hyperlink(paragraph, built.LINK_TEXT, built.LINK_ADDRESS)
            if page == 0 and number == 0:
                paragraph._p.append(parse_xml(built.footnote_reference()))
        if page % 5 == 4:
            table = document.add_table(rows=2, cols=2)
            for row, texts in zip(table.rows, built.CELLS, strict=True):
                for cell, text in zip(row.cells, texts, strict=True):
                    built.add_run(built.right_to_left(cell.paragraphs[0]), text)
    section = document.sections[0]
    built.add_run(built.right_to_left(section.header.paragraphs[0]), built.HEADER)
    built.add_run(built.right_to_left(section.footer.paragraphs[0]), built.FOOTER)
    document.save(str(path))


def measure(path: Path) -> dict[str, float]:
    """Import, translate and export in this (fresh) process; its peak memory is theirs alone."""
    from tarjama.domain import MachineSuggestion
    from tarjama.formats import DocxFormat
    from tarjama.inline_tags import as_text, place_at_ends, plain
    from tarjama.project.files import export_target, import_document

    tracemalloc.start()
    folder = path.parent
    store, imported = _timed(lambda: import_document(path, folder / "book.tarjama"))
    segments = store.segments()
    tags = sum(len(segment.tags) for segment in segments if segment.first_in_paragraph)
    store.apply_machine_translations(
        (segment.id, MachineSuggestion(place_at_ends(segment.source, f"English of {len(plain(segment.source))} "
                                                                     "characters."), 0.9), ())
        for segment in segments)
    _, exported = _timed(lambda: export_target(store, folder / "book-en.docx"))
    texts = ["".join(as_text(s.target, s.tags) + s.space_after for s in paragraph).strip()
             for paragraph in store.paragraphs(store.documents()[0].id)]
    _, fresh = _timed(lambda: DocxFormat().write(folder / "plain-en.docx", texts))
    _, python_peak = tracemalloc.get_traced_memory()
    store.close()
    return {"segments": len(segments), "paragraphs": len(texts), "tags": tags, "import": imported,
            "export": exported, "fresh": fresh, "python_peak_mb": python_peak / 2**20,
            "rss_peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "docx_mb": path.stat().st_size / 2**20}


def _timed(work: Callable[[], T]) -> tuple[T, tuple[float, float]]:
    """The work's result and its (wall, processor) seconds: the second is what a busy machine does not inflate."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = work()
    return result, (time.perf_counter() - wall, time.process_time() - cpu)


def main() -> int:
    if sys.argv[1:2] == ["--measure"]:
        print(json.dumps(measure(Path(sys.argv[2]))))
        return 0
    pages = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    folder = scratch_folder("tarjama-bench-")
    path = folder / "book.docx"
    started = time.perf_counter()
    build(path, pages)
    print(f"built {pages} pages in {time.perf_counter() - started:.1f} s: {path.stat().st_size / 2**20:.1f} MB")
    child = subprocess.run([sys.executable, __file__, "--measure", str(path)], check=True, capture_output=True,
                           text=True, env={**os.environ, "TARJAMA_DATA_DIR": str(folder / "data"),
                                           "TARJAMA_CONFIG_DIR": str(folder / "config")})
    result = json.loads(child.stdout.strip().splitlines()[-1])
    print(f"{result['paragraphs']} paragraphs, {result['segments']} segments, {result['tags']} tags")
    (import_wall, import_cpu), (export_wall, export_cpu), (_, fresh_cpu) = (result[step] for step in
                                                                          ("import", "export", "fresh"))
    print(f"import:  {import_wall:.2f} s ({import_cpu:.2f} s of processor)")
    print(f"export:  {export_wall:.2f} s ({export_cpu:.2f} s of processor), rebuilt from the original; a fresh "
          f"plain .docx of the same paragraphs takes {fresh_cpu:.2f} s of processor (rebuild / fresh = "
          f"{export_cpu / max(fresh_cpu, 1e-6):.0f})")
    print(f"memory:  peak resident {result['rss_peak_mb']:.0f} MB, peak Python allocations "
          f"{result['python_peak_mb']:.0f} MB, for a {result['docx_mb']:.1f} MB document")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
