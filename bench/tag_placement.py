"""How often machine translation gets the source's inline tags on the right words (issue 16).

Random tagged Arabic segments (a bold span of one to three words, sometimes an italic word nested in it or beside
it, and a footnote mark after a word) are translated by the tiny real models of tests/tiny_models.py, with the
attention CTranslate2 returns, and their tags placed by `tarjama.mt.tag_placement`. The models are word glossaries
whose attention is known, so the right place of every tag is known without the placer: a pair belongs around the
target words aligned to its source words (the whole stretch from the first to the last), a footnote after the
target word aligned to the source word before it. Each tag is counted as placed exactly there, fallen back to the
ends (the placer found no usable link), or elsewhere; and each segment's tags checked for nesting
(`inline_tags.tag_issues`). Four runs:

* in order: the glossary model, which translates word by word in order;
* reordered: a model that swaps neighbouring words (`tiny_models.swapped_neighbours`), where a tag placed by
  position alone would be on the wrong word;
* in pieces: the in-order model allowed 4 tokens an input, so every segment is cut into pieces;
* flat attention: the in-order run with every attention row made uniform, which must all fall back.

It also prints the cost of asking for attention: translation time with and without ``align``.

    .venv/bin/python bench/tag_placement.py [SEGMENTS]
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))
sys.path.insert(0, str(REPO / "desktop"))

import tiny_models  # noqa: E402
from tarjama.inline_tags import Role, close_mark, marks, open_mark, plain, standalone_mark, tag_issues  # noqa: E402
from tarjama.mt.engine import EngineSettings, Translator  # noqa: E402
from tarjama.mt.tag_placement import Alignment, placement  # noqa: E402

WORDS = [word for word in tiny_models.GLOSSARY if word not in {"،", ".", "؟"}]
BOLD, ITALIC, NOTE = 1, 2, 3


def tagged_segment(rng: random.Random, length: int) -> tuple[str, dict[int, tuple[int, int]], int]:
    """A segment of `length` words with its tags, the source words each pair covers and the word the note follows."""
    words = [rng.choice(WORDS) for _ in range(length)]
    start = rng.randrange(length)
    end = min(length - 1, start + rng.randrange(3))
    spans = {BOLD: (start, end)}
    choice = rng.random()
    if choice < 0.3 and end > start:  # italic on one word inside the bold
        inner = rng.randint(start, end)
        spans[ITALIC] = (inner, inner)
    elif choice < 0.6:  # italic on a word outside it
        outside = [i for i in range(length) if not start <= i <= end]
        if outside:
            word = rng.choice(outside)
            spans[ITALIC] = (word, word)
    after = rng.randrange(length)
    out: list[str] = []
    for index, word in enumerate(words):
        opening = sorted((tag for tag, (s, _) in spans.items() if s == index), key=lambda t: -spans[t][1])
        closing = sorted((tag for tag, (_, e) in spans.items() if e == index), key=lambda t: spans[t][0], reverse=True)
        piece = "".join(open_mark(t) for t in opening) + word + "".join(close_mark(t) for t in closing)
        out.append(piece + (standalone_mark(NOTE) if index == after else ""))
    return " ".join(out), spans, after


def expected_places(
    spans: dict[int, tuple[int, int]], after: int, order: Callable[[int], int], length: int
) -> dict[int, object]:
    """Target word -> source word is `order`; a pair's right place is the stretch of target words aligned to its
    source words, the note's is after the target word aligned to the word before it."""
    source_of = [order(step) for step in range(length)]
    places: dict[int, object] = {}
    for tag, (start, end) in spans.items():
        aligned = [t for t, s in enumerate(source_of) if start <= s <= end]
        places[tag] = (min(aligned), max(aligned))
    places[NOTE] = source_of.index(after)
    return places


def found_places(text: str) -> dict[int, object]:
    """Where each tag is in a coded target: the first and last word a pair encloses, the word a mark follows."""
    words_before: list[int] = []
    count, in_word = 0, False
    for char in text:
        mark = bool(marks(char))
        if not mark and not char.isspace() and not in_word:
            count += 1
        if not mark:
            in_word = not char.isspace()
        words_before.append(count)
    found: dict[int, object] = {}
    opened: dict[int, int] = {}
    for mark in marks(text):
        seen = words_before[mark.position]
        if mark.role is Role.OPEN:
            opened[mark.id] = seen
        elif mark.role is Role.CLOSE:
            found[mark.id] = (opened.get(mark.id, -1), seen - 1)
        else:
            found[mark.id] = seen - 1
    return found


def flat(alignment: Alignment) -> Alignment:
    return Alignment(alignment.source_pieces, alignment.target_pieces, (None,) * len(alignment.target_pieces))


def measure(
    name: str,
    translator: Translator,
    order: Callable[[int], int],
    lengths: tuple[int, ...],
    count: int,
    spoil: Callable[[Alignment], Alignment] | None = None,
) -> None:
    rng = random.Random(16)
    cases = [tagged_segment(rng, rng.choice(lengths)) for _ in range(count)]
    results = translator.translate([plain(source) for source, _, _ in cases], align=True)
    tally: Counter[str] = Counter()
    nested = 0
    for (source, spans, after), result in zip(cases, results, strict=True):
        alignment = result.alignments[0]
        placed = placement(source, result.text, spoil(alignment) if spoil else alignment)
        expected = expected_places(spans, after, order, len(result.text.split()))
        found = found_places(placed.text)
        for tag, place in expected.items():
            tally["fallback" if tag in placed.fallback else "exact" if found.get(tag) == place else "elsewhere"] += 1
        nested += not tag_issues(source, placed.text)
    total = sum(tally.values())
    print(
        f"{name:<15} {count} segments, {total} tags: exact {tally['exact']} ({100 * tally['exact'] / total:.1f} %), "
        f"fallback {tally['fallback']} ({100 * tally['fallback'] / total:.1f} %), elsewhere {tally['elsewhere']}; "
        f"segments with well-nested, complete tags: {nested}/{count}"
    )


def align_cost(translator: Translator, count: int) -> None:
    rng = random.Random(3)
    sources = [" ".join(rng.choice(WORDS) for _ in range(rng.choice((4, 8, 12)))) for _ in range(count)]
    timings = {}
    for align in (False, True, False, True):
        started = time.perf_counter()
        translator.translate(sources, align=align)
        timings[align] = time.perf_counter() - started
    print(f"cost of alignment: {count} segments in {timings[False]:.3f} s plain, {timings[True]:.3f} s aligned "
          f"(x{timings[True] / timings[False]:.2f})")


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    with tempfile.TemporaryDirectory() as folder:
        ordered = Translator(tiny_models.build_glossary_package(Path(folder) / "ordered" / "translate-ar_en-1_0"))
        swapped = Translator(tiny_models.build_glossary_package(
            Path(folder) / "swapped" / "translate-ar_en-1_0", attends_to=tiny_models.swapped_neighbours
        ))
        pieces = Translator(ordered.package.path, EngineSettings(max_input_tokens=4))
        in_order = tuple(range(3, 13))
        measure("in order", ordered, lambda step: step, in_order, count)
        measure("reordered", swapped, tiny_models.swapped_neighbours, tiny_models.SWAPPABLE_LENGTHS, count)
        measure("in pieces", pieces, lambda step: step, in_order, count)
        measure("flat attention", ordered, lambda step: step, in_order, count, spoil=flat)
        align_cost(ordered, count * 4)


if __name__ == "__main__":
    main()
