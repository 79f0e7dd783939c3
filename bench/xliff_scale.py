"""Benchmark: a 50,000-unit XLIFF 1.2 job (Trados-style: seg-source, one inline code per unit, sdl:seg-defs) read
and rebuilt with every segment approved.

Run with `.venv/bin/python bench/xliff_scale.py` (`--units N` for another size). Prints the file's size, the wall
time of `Xliff12Format.read` and of `Xliff12Format.rebuild`, and the process's peak resident memory (ru_maxrss)
after each, with the ratio of each time to the 10x smaller job (linear is about 10x).
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "desktop"))

from tarjama.domain import Segment, Status  # noqa: E402
from tarjama.formats.interface import TranslatedParagraph  # noqa: E402
from tarjama.formats.xliff12 import Xliff12Format  # noqa: E402


def job(units: int) -> bytes:
    head = ('<?xml version="1.0" encoding="utf-8"?>\n<xliff xmlns:sdl="http://sdl.com/FileTypes/SdlXliff/1.0" '
            'xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"><file original="big.docx" '
            'source-language="ar-SA" target-language="en-US" datatype="x-sdlfilterframework2"><body>\n')
    unit = ('<trans-unit id="u{n}"><source>افتتح الوزير <g id="1">معرض</g> الكتاب الدولي رقم {n} اليوم.</source>'
            '<seg-source><mrk mtype="seg" mid="{n}">افتتح الوزير <g id="1">معرض</g> الكتاب الدولي رقم {n} اليوم.'
            '</mrk></seg-source><sdl:seg-defs><sdl:seg id="{n}"/></sdl:seg-defs></trans-unit>\n')
    return (head + "".join(unit.format(n=n) for n in range(units)) + "</body></file></xliff>\n").encode()


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(units: int, folder: Path) -> tuple[float, float]:
    path = folder / f"job-{units}.sdlxliff"
    path.write_bytes(job(units))
    start = time.perf_counter()
    document = Xliff12Format().read(path)
    read_seconds = time.perf_counter() - start
    read_peak = peak_mb()
    paragraphs = [
        TranslatedParagraph(locator, "", tags, True, tuple(
            Segment(0, 0, index, 0, own.source, target=own.source.replace("افتتح الوزير", "The minister opened"),
                    status=Status.APPROVED, locator=own.locator) for own in segments or ()))
        for index, (locator, tags, segments) in enumerate(zip(document.locators, document.tags, document.segments,
                                                              strict=True))
    ]
    start = time.perf_counter()
    Xliff12Format().rebuild(folder / f"out-{units}.sdlxliff", path.read_bytes(), paragraphs)
    rebuild_seconds = time.perf_counter() - start
    print(f"{units:>7} units, {path.stat().st_size / 1e6:6.1f} MB: read {read_seconds:6.2f} s (peak RSS "
          f"{read_peak:6.0f} MB), rebuild {rebuild_seconds:6.2f} s (peak RSS {peak_mb():6.0f} MB)")
    return read_seconds, rebuild_seconds


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--units", type=int, default=50_000)
    units = parser.parse_args().units
    with tempfile.TemporaryDirectory() as folder:
        small = run(units // 10, Path(folder))
        large = run(units, Path(folder))
    print(f"time for 10x the units: read {large[0] / small[0]:.1f}x, rebuild {large[1] / small[1]:.1f}x")


if __name__ == "__main__":
    main()
