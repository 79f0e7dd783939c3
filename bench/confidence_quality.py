"""Benchmark (evidence, not a test): does the confidence say how much a post-editor will change, down to the word?

Run with `.venv/bin/python bench/confidence_quality.py` (a few seconds); `--cost` also measures what confidence
features and word scores cost on `bench/mt_throughput.py`'s base-size model (6+6 layers, d512, 32k vocabulary,
int8; a minute or two to build, once per work folder).

The synthetic set is made with a tiny glossary model (tests/tiny_models.py), translating word by word, so the
reference translation, and so HTER and which words a post-editor changes, are known exactly:

* sure words (one gloss, right);
* doubtful words the model gets right (two glosses, the first the reference's) and doubtful words it gets wrong
  (two or three close glosses, the reference being a later one): the model picks the first with a probability of
  0.4-0.6;
* unknown words (not in the model's vocabulary): copied into the English in Arabic, reference an English word;
* numbers mistranslated with full confidence ("١٠" → "100", reference "10");
* forced wrong alternatives: for one segment in eight the stored MT is the engine's first alternative, as if a
  translator had taken it.

The reference of each segment is each source word's right English; HTER is `tarjama.project.effort.hter` of the MT
against it; a word is "edited" when the MT's word at its position is not the reference's (the model is monotone).
Printed: Spearman's rank correlation between confidence and HTER (negative is right: higher confidence, less
editing) for the raw confidence (exp of the mean log-probability), the default calibration, and a calibration
fitted on one half of the set (labels as `tarjama.project.calibration_data` makes them) and evaluated on the other;
and the precision and recall of word highlights (probability below 0.5) against the edited words.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))
sys.path.insert(0, str(REPO / "desktop"))
sys.path.insert(0, str(REPO / "bench"))

import tiny_models  # noqa: E402

#: Arabic word -> (glosses with logit offsets, the reference's English).
SURE = {ar: (glosses[:1], glosses[0][0]) for ar, glosses in tiny_models.GLOSSARY.items()
        if len(glosses) == 1 and ar not in "،.؟"}
DOUBT_RIGHT = {
    "كبير": ([("big", 0.0), ("large", -0.4)], "big"),
    "بيت": ([("house", 0.0), ("home", -1.0)], "house"),
    "سريع": ([("fast", 0.0), ("quick", -0.3)], "fast"),
}
DOUBT_WRONG = {
    "حرب": ([("fight", 0.0), ("war", -0.3)], "war"),
    "قرار": ([("resolution", 0.0), ("decision", -0.1), ("ruling", -0.2)], "decision"),
    "شعب": ([("nation", 0.0), ("people", -0.2)], "people"),
    "مال": ([("wealth", 0.0), ("money", -0.3)], "money"),
}
NUMBERS = {"١٠": ([("100", 0.0)], "10"), "٥": ([("5", 0.0)], "5")}
#: Not in the model's vocabulary: copied in Arabic.
UNKNOWN = {"زيتون": "olives", "قمح": "wheat", "نهر": "river"}
FORCED_EVERY = 8
LOW_WORD = 0.5


def build_package(folder: Path) -> Path:
    known = {**SURE, **DOUBT_RIGHT, **DOUBT_WRONG, **NUMBERS}
    english = sorted({en for glosses, _ in known.values() for en, _ in glosses} | set(UNKNOWN.values()))
    rng = np.random.default_rng(5)
    arabic = sorted(known)
    lines = [" ".join(rng.choice(words, 6)) for words in (arabic, english) for _ in range(300)]
    lines += [" ".join(arabic), " ".join(english)]
    vocab = len(arabic) + len(english) + len(tiny_models.SPECIALS)
    sp_model = tiny_models.train_sentencepiece(lines, model_type="word", vocab_size=vocab)
    pieces = tiny_models.pieces_of(sp_model)
    space = tiny_models.SPACE
    gloss = {space + ar: [(space + en, offset) for en, offset in glosses] for ar, (glosses, _) in known.items()}
    gloss["<unk>"] = [("<unk>", 0.0)]
    tiny_models.build_glossary_model(folder / "model", pieces, gloss)
    (folder / "sentencepiece.model").write_bytes(sp_model)
    (folder / "metadata.json").write_text(json.dumps(tiny_models.package_metadata("1.0")), encoding="utf-8")
    return folder


def make_set(count: int, seed: int) -> list[tuple[str, list[str]]]:
    """(source, reference words) per segment: mostly sure words, each kind of trouble in some."""
    rng = np.random.default_rng(seed)
    sure, right, wrong = list(SURE), list(DOUBT_RIGHT), list(DOUBT_WRONG)
    segments = []
    for _ in range(count):
        words = list(rng.choice(sure, int(rng.integers(4, 12))))
        for pool, chance in ((right, 0.4), (wrong, 0.3), (list(UNKNOWN), 0.15), (list(NUMBERS), 0.2)):
            if rng.random() < chance:
                words.insert(int(rng.integers(0, len(words) + 1)), str(rng.choice(pool)))
        reference = [UNKNOWN[w] if w in UNKNOWN else {**SURE, **DOUBT_RIGHT, **DOUBT_WRONG, **NUMBERS}[w][1]
                     for w in words]
        segments.append((" ".join(words), reference))
    return segments


def spearman(a: list[float], b: list[float]) -> float:
    def ranks(values: list[float]) -> np.ndarray:
        order = np.argsort(values, kind="stable")
        result = np.empty(len(values))
        sorted_values = np.asarray(values)[order]
        start = 0
        while start < len(values):
            end = start
            while end + 1 < len(values) and sorted_values[end + 1] == sorted_values[start]:
                end += 1
            result[order[start : end + 1]] = (start + end) / 2
            start = end + 1
        return result

    return float(np.corrcoef(ranks(a), ranks(b))[0, 1])


def quality(work: Path, count: int) -> None:
    from tarjama.mt.calibration import Calibration, fit
    from tarjama.mt.confidence_features import ConfidenceFeatures
    from tarjama.mt.engine import EngineSettings, Translator
    from tarjama.project.calibration_data import NO_EDIT_HTER
    from tarjama.project.effort import hter

    translator = Translator(build_package(work / "quality"), EngineSettings(word_scores=True))
    data = make_set(count, seed=11)
    results = translator.translate([source for source, _ in data])
    rows = []  # (features, hter, no_edit, words, edited flags)
    for index, ((_, reference), result) in enumerate(zip(data, results, strict=True)):
        text, words, features = result.text, result.words, result.features
        if index % FORCED_EVERY == 0 and result.alternatives:
            alternative = result.alternatives[0]  # only the translation's words are scored: none to highlight
            text, words = alternative.text, ()
            features = ConfidenceFeatures.from_json(alternative.features or "")
        assert features is not None
        mt_words, ref = text.split(), " ".join(reference)
        edited = [i >= len(reference) or word != reference[i] for i, word in enumerate(mt_words)]
        score = hter(text, ref)
        rows.append((features, score, mt_words == reference or score < NO_EDIT_HTER, words, edited))

    half = len(rows) // 2
    train, test = rows[:half], rows[half:]
    fitted = fit([r[0] for r in train], [r[2] for r in train])
    hters = [r[1] for r in test]
    raw = [math.exp(r[0].mean_log_prob) for r in test]
    default = [Calibration().probability(r[0]) for r in test]
    calibrated = [fitted.probability(r[0]) for r in test]
    edited_share = sum(1 for r in test if not r[2]) / len(test)
    print(f"segments: {len(rows)} ({half} to fit, {len(test)} to evaluate); {edited_share:.0%} of the evaluated "
          f"need an edit; mean HTER {np.mean(hters):.3f}")
    print("Spearman(confidence, HTER) on the evaluation half (negative is right; -1 a perfect ranking):")
    print(f"  raw exp(mean log-prob)            {spearman(raw, hters):+.3f}")
    print(f"  calibrated, default weights       {spearman(default, hters):+.3f}")
    print(f"  calibrated, fitted on first half  {spearman(calibrated, hters):+.3f}")
    for name, values in (("raw", raw), ("default", default), ("fitted", calibrated)):
        brier = np.mean([(p - float(r[2])) ** 2 for p, r in zip(values, test, strict=True)])
        likely = [r[2] for p, r in zip(values, test, strict=True) if p >= 0.9]
        fine = f"{np.mean(likely):.0%} of {len(likely)}" if likely else "none"
        print(f"  {name:8} Brier score {brier:.3f}; 'likely fine' (>= 0.9) segments needing no edit: {fine}")
    flagged = hits = edits = 0
    for r in rows:
        for word, was_edited in zip(r[3], r[4], strict=bool(r[3])):
            flagged += word.probability < LOW_WORD
            hits += word.probability < LOW_WORD and was_edited
            edits += was_edited
    print(f"word highlights (probability < {LOW_WORD}): {flagged} words; precision {hits / max(flagged, 1):.2f}, "
          f"recall {hits / max(edits, 1):.2f} of the {edits} edited words")


def cost(work: Path, count: int) -> None:
    """Sentences per second of the engine without word scores (as pre-translation runs: the window scores the
    segments it shows afterwards) and with them scored in the search, on the base-size model; and what scoring the
    words of one screen of segments afterwards takes."""
    import mt_throughput
    from tarjama.mt.engine import EngineSettings, Translator

    sentences = mt_throughput.build_sentences(count)
    package = mt_throughput.build_package(work / "base" / "translate-ar_en-1_0", sentences)
    engines = {on: Translator(package, EngineSettings(word_scores=on)) for on in (False, True)}
    best = {False: math.inf, True: math.inf}
    for engine in engines.values():
        engine.translate(sentences[:16])
    for _ in range(2):
        for on, engine in engines.items():
            started = time.perf_counter()
            engine.translate(sentences)
            best[on] = min(best[on], time.perf_counter() - started)
    off, on = count / best[False], count / best[True]
    print(f"base model, {count} sentences: without word scores (pre-translation) {off:.1f} sentences/s, with them "
          f"scored in the search {on:.1f} sentences/s: {on / off:.2f} x")
    translated = engines[False].translate(sentences[:32])
    started = time.perf_counter()
    engines[False].score_words([(result.source, result.text) for result in translated])
    print(f"scoring the words of one screen (32 segments) afterwards, as the window does: "
          f"{(time.perf_counter() - started) * 1000:.0f} ms on a worker thread")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--segments", type=int, default=600)
    parser.add_argument("--cost", action="store_true", help="also measure the throughput cost on the base model")
    parser.add_argument("--sentences", type=int, default=400, help="sentences for --cost")
    parser.add_argument("--work", type=Path, help="keep the built models here (default: a temporary folder)")
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="tarjama-confidence-"))
    os.environ.setdefault("TARJAMA_DATA_DIR", str(work / "data"))  # the default calibration, never the user's
    try:
        quality(work, args.segments)
        if args.cost:
            cost(work, args.sentences)
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
