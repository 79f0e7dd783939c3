"""Pre-translation of a project whose document holds one huge paragraph with no sentence breaks (issue 14).

Three projects, each with the same 80 ordinary sentences: without a huge segment, with a 1 MB one, with a 10 MB
one. Each is pre-translated in-process with the tiny glossary package from tests/tiny_models.py (built offline), and
the script prints the seconds, the ratio to the project without the huge segment, the tokens given to the model and
what the report says about the huge segment. The tiny model is a word glossary, thousands of times faster than a
real one: what matters is the ratios, and that the huge segment costs next to nothing once it is refused (before,
it was translated piece by piece: 10 MB took 40 s with this model and would take hours with a real one).

    .venv/bin/python bench/long_segment.py
"""

from __future__ import annotations

import os
import random
import sys
import time
from pathlib import Path

from scratch import scratch_folder

REPO = Path(__file__).resolve().parent.parent
WORDS = ["ولد", "بنت", "ذهب", "إلى", "مدرسة", "كتاب", "قرأ", "في", "مدينة", "جميل", "بيت", "كبير"]
NORMAL = "\n\n".join("ولد ذهب إلى مدرسة. بيت كبير." for _ in range(20))


def huge_paragraph(size: int) -> str:
    """About `size` bytes of UTF-8 glossary words, no punctuation at all."""
    rng = random.Random(1)
    words: list[str] = []
    length = 0
    while length < size:
        word = rng.choice(WORDS)
        words.append(word)
        length += len(word.encode()) + 1
    return " ".join(words)


def run(home: Path, label: str, size: int, translator: object) -> tuple[float, int, str]:
    """Seconds to pre-translate the project, tokens submitted to the model, what the report says of long ones."""
    from tarjama.project.files import import_document
    from tarjama.project.pretranslate import pretranslate

    document = home / f"{label}.txt"
    parts = [NORMAL, huge_paragraph(size), NORMAL] if size else [NORMAL, NORMAL]
    document.write_text("\n\n".join(parts) + "\n", encoding="utf-8")
    submitted = [0]
    submit = translator._submit  # type: ignore[attr-defined]

    def counting(sources: list[list[str]], align: bool) -> list[object]:
        submitted[0] += sum(len(tokens) for tokens in sources)
        return submit(sources, align)

    translator._submit = counting  # type: ignore[attr-defined]
    try:
        with import_document(document, home / f"{label}.tarjama") as store:
            started = time.perf_counter()
            report = pretranslate(store, translator)
            elapsed = time.perf_counter() - started
    finally:
        del translator._submit  # type: ignore[attr-defined]
    too_long = getattr(report, "too_long", ())  # absent before the fix
    said = ", ".join(f"segment {s.segment_id} refused ({s.characters} chars)" for s in too_long) or "none refused"
    return elapsed, submitted[0], f"{report.translated} of {report.total} translated; {said}"


def main() -> int:
    home = scratch_folder("tarjama-long-")
    os.environ["TARJAMA_DATA_DIR"] = str(home / "data")
    os.environ["TARJAMA_CONFIG_DIR"] = str(home / "config")
    sys.path.insert(0, str(REPO / "tests"))
    import tiny_models
    from tarjama.mt.engine import Translator

    translator = Translator(tiny_models.build_glossary_package(home / "build" / "translate-ar_en-1_0"))
    base, tokens, said = run(home, "normal", 0, translator)
    print(f"{'project':<22}{'seconds':>9}{'x normal':>10}{'tokens to model':>17}  report")
    print(f"{'80 sentences':<22}{base:>9.2f}{1:>10.1f}{tokens:>17}  {said}")
    for label, size in (("+ 1 MB segment", 1_000_000), ("+ 10 MB segment", 10_000_000)):
        elapsed, tokens, said = run(home, label.strip("+ ").replace(" ", "-"), size, translator)
        print(f"{label:<22}{elapsed:>9.2f}{elapsed / base:>10.1f}{tokens:>17}  {said}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
