"""Benchmark: exporting a translation to .docx, streamed, against python-docx's own `add_paragraph` writer.

Run with `.venv/bin/python bench/docx_export.py` (about two minutes; `--quick` takes a few seconds). Each case runs
in a fresh process and prints its wall time, its CPU time and how far its peak resident memory (VmHWM, reset just
before the work where Linux allows it) rose above what the process held before the work:

* writer: `DocxFormat.write` of N paragraphs of news-length English (about 110 characters), given as a generator,
  for N = 20,000 and 200,000;
* python-docx: the writer before it streamed (`docx.Document()`, `add_paragraph` per paragraph, `save`), for N =
  5,000, 10,000 and 20,000 only: it is quadratic (200,000 took 752 s), because every `add_paragraph` searches the
  body for its section properties;
* export: `project_files.export_target` of a project of N one-sentence paragraphs to .docx (the project is built
  first, untimed), for N = 20,000 and 200,000: what `tarjama-cli export-target` does, store reads included.

It ends with the ratios measured in this run: time for 10x the paragraphs (linear is about 10x, quadratic 100x)
and the memory growth of each size. Everything happens in a temporary folder, with TARJAMA_DATA_DIR and
TARJAMA_CONFIG_DIR pointed there.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

SENTENCE = "Paragraph {n}: the ministry said on Tuesday that the talks in Geneva would resume early next week."
ARABIC = "قالت الوزارة يوم الثلاثاء إن المحادثات في جنيف ستستأنف مطلع الأسبوع المقبل رقم {n}."


def _status_kib(field: str) -> int | None:
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


def _reset_peak() -> int:
    """Reset this process's peak resident memory to what it holds now (Linux), and return that, in KiB."""
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")
    return _status_kib("VmRSS") or _peak_kib()


def _peak_kib() -> int:
    """VmHWM where it exists: after exec, ru_maxrss still holds the peak of the process exec replaced."""
    peak = _status_kib("VmHWM")
    if peak is not None:
        return peak
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak // 1024 if sys.platform == "darwin" else peak


def _paragraphs(count: int) -> Iterator[str]:
    return (SENTENCE.format(n=n) for n in range(count))


def _build_project(path: Path, count: int) -> None:
    from tarjama.domain import ImportedDocument
    from tarjama.project.store import ProjectStore

    document = ImportedDocument("long.txt", "txt", [ARABIC.format(n=n) for n in range(count)], "\n\n")
    ProjectStore.create(path, [document]).close()


def run_case(case: str, count: int, folder: Path) -> dict[str, float]:
    """One case in this process: returns wall and CPU seconds and the memory growth in MB."""
    out = folder / f"{case}-{count}.docx"
    if case == "writer":
        from tarjama.formats.docx_file import DocxFormat

        DocxFormat().write(folder / "warm-up.docx", ["warm-up"])  # imports and the cached template, not timed
        work = lambda: DocxFormat().write(out, _paragraphs(count))  # noqa: E731
    elif case == "python-docx":
        import docx

        docx.Document()

        def work() -> None:
            document = docx.Document()
            for text in _paragraphs(count):
                document.add_paragraph(text)
            document.save(str(out))
    else:
        from tarjama.formats.docx_file import DocxFormat
        from tarjama.project.files import export_target
        from tarjama.project.store import ProjectStore

        project = folder / f"p{count}.tarjama"
        if not project.exists():
            _build_project(project, count)
        DocxFormat().write(folder / "warm-up.docx", ["warm-up"])
        store = ProjectStore.open(project)
        work = lambda: export_target(store, out)  # noqa: E731
    before = _reset_peak()
    wall, cpu = time.perf_counter(), time.process_time()
    work()
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    return {"wall": wall, "cpu": cpu, "growth_mb": (_peak_kib() - before) / 1024, "size_mb": out.stat().st_size / 2**20}


def _in_child(case: str, count: int, folder: Path) -> dict[str, float]:
    done = subprocess.run([sys.executable, __file__, "--case", case, str(count), str(folder)], capture_output=True,
                          text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--quick", action="store_true", help="2,000 and 20,000 paragraphs; python-docx at 2,000")
    parser.add_argument("--case", nargs=3, metavar=("CASE", "N", "FOLDER"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.case:
        case, count, folder = args.case
        print(json.dumps(run_case(case, int(count), Path(folder))))
        return
    small, large = (2_000, 20_000) if args.quick else (20_000, 200_000)
    plan = [("writer", small), ("writer", large), ("export", small), ("export", large)]
    plan += [("python-docx", n) for n in ((1_000, 2_000) if args.quick else (5_000, 10_000, 20_000))]
    with tempfile.TemporaryDirectory(prefix="tarjama-docx-bench-") as tmp:
        os.environ["TARJAMA_DATA_DIR"] = os.environ["TARJAMA_CONFIG_DIR"] = tmp
        results: dict[tuple[str, int], dict[str, float]] = {}
        for case, count in plan:
            results[case, count] = result = _in_child(case, count, Path(tmp))
            print(f"{case:<12} {count:>8,} paragraphs: {result['wall']:7.2f} s wall, {result['cpu']:7.2f} s CPU, "
                  f"peak memory +{result['growth_mb']:6.1f} MB, file {result['size_mb']:5.1f} MB", flush=True)
    print()
    for case in ("writer", "export"):
        a, b = results[case, small], results[case, large]
        print(f"{case}: {large // small}x the paragraphs took {b['wall'] / a['wall']:.1f}x the wall time "
              f"({b['cpu'] / a['cpu']:.1f}x CPU); memory growth {a['growth_mb']:.1f} MB -> {b['growth_mb']:.1f} MB")
    docx_sizes = sorted(n for case, n in results if case == "python-docx")
    first, last = results["python-docx", docx_sizes[0]], results["python-docx", docx_sizes[-1]]
    print(f"python-docx: {docx_sizes[-1] // docx_sizes[0]}x the paragraphs took {last['wall'] / first['wall']:.1f}x "
          f"the wall time; memory growth {first['growth_mb']:.1f} MB -> {last['growth_mb']:.1f} MB")
    same = results.get(("writer", docx_sizes[-1]))
    if same:
        print(f"at {docx_sizes[-1]:,} paragraphs the streamed writer is {last['wall'] / same['wall']:.0f}x faster")


if __name__ == "__main__":
    main()
