"""Benchmark: what seeing through tag marks costs a whole-project QA run (`tarjama-cli qa`, the window's F8).

Run with `.venv/bin/python bench/qa_tags.py` (a few seconds). It checks 10,000 segments twice, in memory, with a
glossary: once plain, once with every segment tagged as a formatted Word document is (a bold phrase in source and
target, a link, a footnote reference at the end), and prints both times and their ratio. The tagged run also
checks the tags and moves every finding's spans back onto the marked target. Both runs must find the same
non-tag findings (the script says so, or fails).
"""

from __future__ import annotations

import time

from tarjama.domain import GlossaryEntry, Segment, Status
from tarjama.glossary.matching import TermFinder
from tarjama.inline_tags import close_mark, open_mark, standalone_mark
from tarjama.qa import QaContext, check_segment

SEGMENTS = 10_000
PAIRS = [
    ("قالت الحكومة يوم الاثنين إن 12 شخصا قتلوا في الهجوم على البلدة.",
     "The government said on Monday that 12 people were killed in the attack on the town."),
    ("وصل الوزير إلى العاصمة صباح اليوم في زيارة تستمر ثلاثة أيام.",
     "The minister arrived in the capital this morning for a three-day visit."),
    ("ارتفع معدل التضخم إلى ٣٫٥ ٪ في عام ٢٠١٦، وفق البنك المركزي.",
     "The inflation rate rose to 3.5% in 2016, according to the central bank."),
    ("قالت الحكومة إن خمسة أشخاص قتلوا في عام ٢٠١٦ في البلدة.",  # a wrong translation, so there are findings
     "The regime said  five people were killed in 2017 in the town"),
]
TERMS = TermFinder([GlossaryEntry("الحكومة", ("government",), forbidden=("regime",)),
                    GlossaryEntry("البنك المركزي", ("central bank",))])


def tag(text: str) -> str:
    """Bold around the second and third words, a link around the last two, a footnote reference at the end."""
    words = text.split(" ")
    words[1], words[2] = open_mark(1) + words[1], words[2] + close_mark(1)
    words[-2], words[-1] = open_mark(2) + words[-2], words[-1] + close_mark(2)
    return " ".join(words) + standalone_mark(3)


def segments(tagged: bool) -> list[Segment]:
    made = []
    for index in range(SEGMENTS):
        source, target = PAIRS[index % len(PAIRS)]
        if tagged:
            source, target = tag(source), tag(target)
        status = Status.APPROVED if index % 4 == 0 else Status.DRAFT
        made.append(Segment(index + 1, index + 1, index, 0, source, target=target, status=status))
    return made


def run(tagged: bool) -> tuple[float, list[tuple[int, str]]]:
    project = segments(tagged)
    started = time.perf_counter()
    context = QaContext.for_segments(project, TERMS)
    found = [(f.segment_id, f.message) for s in project for f in check_segment(s, context)]
    return time.perf_counter() - started, found


def main() -> None:
    run(False)  # warm the caches both runs share (normalised words, glossary look-ups)
    plain_seconds, plain_found = run(False)
    tagged_seconds, tagged_found = run(True)
    assert tagged_found == plain_found, "the tagged project must have the plain project's findings"
    print(f"{SEGMENTS} segments, {len(plain_found)} findings either way")
    print(f"plain:  {plain_seconds:.2f} s ({plain_seconds / SEGMENTS * 1e6:.0f} µs a segment)")
    print(f"tagged: {tagged_seconds:.2f} s ({tagged_seconds / SEGMENTS * 1e6:.0f} µs a segment)")
    print(f"tagged / plain: {tagged_seconds / plain_seconds:.2f}")


if __name__ == "__main__":
    main()
