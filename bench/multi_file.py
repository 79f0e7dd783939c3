"""Benchmark: projects of several files, what `tarjama-cli import A B C --project P`, `remove-document` and
`stats` cost.

Run with `.venv/bin/python bench/multi_file.py` (about a minute; `--quick` a few seconds). In a temporary folder
(TARJAMA_DATA_DIR and TARJAMA_CONFIG_DIR pointed there) it writes FILES text documents of SENTENCES sentences each,
then measures, in this one run:

* importing them all in one call (`import_documents`, one transaction) against importing them one call each;
* removing one document (`ProjectStore.remove_document`: its segments, QA findings, source path and the memory's
  units of its approved segments, a tenth of them approved) against importing that one document;
* one document's counts (`stats(document_id)`, what the Files pane and `documents` read) against the project's.

It prints each time and the ratios; nothing is asserted.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

ARABIC = "قالت الوزارة يوم الثلاثاء إن المحادثات في جنيف ستستأنف مطلع الأسبوع المقبل رقم {n}."


def _timed(work):  # noqa: ANN001, ANN202 - any callable, its result
    start = time.perf_counter()
    result = work()
    return time.perf_counter() - start, result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="small documents, a few seconds")
    args = parser.parse_args()
    files, sentences = (3, 2_000) if args.quick else (5, 20_000)
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        os.environ["TARJAMA_DATA_DIR"] = str(root / "data")
        os.environ["TARJAMA_CONFIG_DIR"] = str(root / "config")
        from tarjama.domain import Status
        from tarjama.project.files import import_document, import_documents

        documents = []
        for number in range(files):
            path = root / f"doc{number}.txt"
            path.write_text("\n\n".join(ARABIC.format(n=n) for n in range(sentences)), encoding="utf-8")
            documents.append(path)

        warm = root / "warm.txt"  # imports, the default memory and the first project cost once, outside the times
        warm.write_text(ARABIC.format(n=0), encoding="utf-8")
        import_document(warm, root / "warm.tarjama").close()
        together, store = _timed(lambda: import_documents(documents, root / "together.tarjama"))
        store.close()

        def one_by_one() -> None:
            for path in documents:
                import_document(path, root / "apart.tarjama").close()

        apart, _ = _timed(one_by_one)
        one_import, store = _timed(lambda: import_document(documents[0], root / "together.tarjama"))
        with store:
            last = store.documents()[-1]
            for segment in store.segments(last.id)[::10]:
                store.update_segment(segment.id, target="An approved sentence.", status=Status.APPROVED)
            one_stats, _ = _timed(lambda: store.stats(last.id))
            all_stats, _ = _timed(store.stats)
            removal, _ = _timed(lambda: store.remove_document(last.id))

    print(f"{files} files of {sentences} sentences: one call {together:.2f} s, one call each {apart:.2f} s "
          f"(ratio {apart / together:.2f})")
    print(f"remove one document {removal:.3f} s against importing it {one_import:.2f} s "
          f"(ratio {removal / one_import:.3f})")
    print(f"stats of one document {1000 * one_stats:.1f} ms, of the project ({files + 1} documents) "
          f"{1000 * all_stats:.1f} ms (ratio {one_stats / all_stats:.2f})")


if __name__ == "__main__":
    main()
