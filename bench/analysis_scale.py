"""Benchmark: the analysis by match band (`tarjama.project.analysis`) of a 10,000-segment project against a memory.

Run with `.venv/bin/python bench/analysis_scale.py` (a memory of 100,000 units, built in a few minutes on a 2-core
machine; `--units 1000000` builds a million, some 20 minutes). `--memory FILE` keeps the memory it built in FILE
and reuses it at the next run with the same FILE, so a large memory is built once.

The memory's units are `bench/tm_scale.py`'s (Arabic sentences drawn from the shared news corpus, built the same
way, imported with `TranslationMemory.import_units`). The project, in FILES files of three-sentence paragraphs,
mixes what a real job holds: stored sources word for word (100 % and, where the neighbours agree, never 101 %:
imported units have no context), near-duplicates of stored ones (`tm_scale.near_duplicate`: one word changed and
respelt, the fuzzy bands), repeated sentences of the project itself, and fresh sentences (mostly no match).

It prints the time of `analyse_project` (the memory opened, every segment looked up, counted), the segments per
second, the distinct sources that needed a full lookup, and the bands found; nothing is asserted.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent / "desktop"))
sys.path.insert(0, str(BENCH))

import tm_scale  # noqa: E402 - the memory's units, built as the TM benchmark builds them
from tarjama.domain import ImportedDocument  # noqa: E402
from tarjama.memory.store import TranslationMemory  # noqa: E402
from tarjama.project.analysis import analyse_project, default_weights  # noqa: E402
from tarjama.project.store import ProjectStore  # noqa: E402

#: Shares of the project's sentences: stored sources, near-duplicates of stored ones, repetitions, fresh ones.
SHARES = {"exact": 0.15, "near": 0.35, "repeat": 0.10}
SENTENCES_PER_PARAGRAPH = 3


def build_memory(path: Path, units: int) -> list[tuple[str, str]]:
    """The memory of `units` units at `path` (reused if it is there already); returns its pairs."""
    chain = tm_scale.load_chain()
    pairs = tm_scale.generate_pairs(chain, units)
    if path.is_file():
        print(f"memory reused: {path}", flush=True)
        return pairs
    start = time.perf_counter()
    with TranslationMemory.create(path) as memory:
        memory.import_units(tm_scale.tm_unit(number, source, target) for number, (source, target) in enumerate(pairs))
    print(f"memory built: {units:,} units in {time.perf_counter() - start:.0f} s", flush=True)
    return pairs


def project_sentences(pairs: list[tuple[str, str]], count: int) -> list[str]:
    chain = tm_scale.load_chain()
    rng = random.Random(tm_scale.SEED + 7)
    sentences: list[str] = []
    for _ in range(count):
        draw = rng.random()
        if draw < SHARES["exact"]:
            sentences.append(pairs[rng.randrange(len(pairs))][0])
        elif draw < SHARES["exact"] + SHARES["near"]:
            source = pairs[rng.randrange(len(pairs))][0]
            sentences.append(tm_scale.near_duplicate(chain, source, change_word=True, rng=rng))
        elif draw < SHARES["exact"] + SHARES["near"] + SHARES["repeat"] and sentences:
            sentences.append(sentences[rng.randrange(len(sentences))])
        else:
            sentences.append(chain.source(chain.sentence(rng)))
    return sentences


def build_project(path: Path, sentences: list[str], files: int) -> None:
    per_file = -(-len(sentences) // files)
    documents = []
    for number in range(files):
        chunk = sentences[number * per_file : (number + 1) * per_file]
        paragraphs = [" ".join(chunk[i : i + SENTENCES_PER_PARAGRAPH])
                      for i in range(0, len(chunk), SENTENCES_PER_PARAGRAPH)]
        documents.append(ImportedDocument(f"file-{number + 1}.txt", "txt", paragraphs))
    ProjectStore.create(path, documents).close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=100_000, help="units in the memory (default 100,000)")
    parser.add_argument("--segments", type=int, default=10_000, help="sentences in the project (default 10,000)")
    parser.add_argument("--files", type=int, default=5, help="files the project's sentences are split into (5)")
    parser.add_argument("--memory", type=Path, help="keep the memory in this file and reuse it when it is there")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="tarjama-analysis-bench-") as folder:
        work = Path(folder)
        memory = args.memory or work / "bench.tarjama-tm"
        pairs = build_memory(memory, args.units)
        project = work / "bench.tarjama"
        build_project(project, project_sentences(pairs, args.segments), args.files)
        with ProjectStore.open(project) as store:
            segments = len(store.segments())
            start = time.perf_counter()
            analysis = analyse_project(store, memory)
            seconds = time.perf_counter() - start
        total = analysis.total
        print(f"analyse_project: {segments:,} segments against {args.units:,} units in {seconds:.1f} s "
              f"({segments / seconds:,.0f} segments/s)", flush=True)
        weights = default_weights()
        for band, counts in total.bands.items():
            print(f"  {band.value:<11} {counts.segments:>7,} segments {counts.words:>9,} words "
                  f"{counts.characters:>10,} characters", flush=True)
        print(f"  weighted words {total.weighted_words(weights):,.1f} of {total.total.words:,}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
