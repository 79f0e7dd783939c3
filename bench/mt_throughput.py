"""Benchmark: machine-translation throughput of Tarjama's engine against Argos Translate and raw CTranslate2.

Run with `.venv/bin/python bench/mt_throughput.py` (about ten minutes on a 2-core machine; `--sentences 400` for
a quick look). Everything is built offline and deterministically in a temporary folder:

* sentences: at least 2,000, cut from the shared corpus (../shared/corpus/ar-news-syria-truce.txt) as windows of
  8 to 40 words, each ending with a full stop, grouped five to a paragraph;
* a model of realistic size: Transformer 6 encoder + 6 decoder layers, d_model 512, 8 heads, FFN 2048, 32,000
  vocabulary, int8. Its weights make it a glossary (see tests/tiny_models.py) that copies each source piece, so
  the output is as long as the input, as with a real model; the layers that the glossary does not need carry small
  random weights, so every layer costs what it costs in a real model;
* a sentencepiece model trained on the corpus, and a small MiniSBD sentence-splitter model (ONNX, written here
  byte by byte) in the package's minisbd/ folder, so Argos Translate's translate() runs without a download;
* then an OPUS-MT-shaped model: the same glossary and shape written as a Marian release (tests/tiny_marian.py:
  ``.npz``, ``decoder.yml``, separate source and target vocabularies of 32,000 each, ``source.spm`` and
  ``target.spm``), installed with ``tarjama.mt.install_package`` (so converted to int8 by ``OpusMTConverter``)
  into a packages folder of its own. It is pre-norm where published OPUS-MT models are post-norm: the same
  weights and cost in another order. Argos Translate cannot read ``source.spm``/``target.spm``, so for (a) only,
  the installed package gets a ``sentencepiece.model`` copy of ``source.spm`` and the MiniSBD folder.

For each model it translates the same text three ways and prints sentences per second:

(a) `argostranslate.translate.translate(paragraph, "ar", "en")` once per paragraph, all settings default: what
    a user of Argos Translate would write (it splits sentences itself and batches 32 tokens at a time);
(b) Tarjama's engine, `Translator(package).translate(sentences)` with default settings;
(c) CTranslate2's `translate_batch` on pre-tokenised input with the same decoding as (b) (the engine's default
    beam size and number of hypotheses, with scores), in the fastest thread/batch configuration a sweep finds
    on this machine: the limit for that decoding. (Tokenising and detokenising, which (b) also does, are left
    out of (c).)

(b) and (c) run alternately, twice each, and each keeps its faster run; (a) runs once (it takes most of the time).
Targets: (b) >= 5 x (a) and (b) >= 0.9 x (c).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))
sys.path.insert(0, str(REPO / "desktop"))

CORPUS = REPO.parent / "shared" / "corpus" / "ar-news-syria-truce.txt"
SENTENCES_PER_PARAGRAPH = 5


# -- the text ----------------------------------------------------------------------------------------------


def build_sentences(count: int) -> list[str]:
    """``count`` distinct sentences of 8-40 corpus words, each ending with one full stop (no other stops)."""
    text = CORPUS.read_text(encoding="utf-8")
    words = [w for w in re.sub(r"[.!?\u061F\u06D4«»]", " ", text).split() if w]
    sentences: list[str] = []
    seen: set[str] = set()
    i = 0
    while len(sentences) < count:
        length = 8 + (i * 7) % 33
        start = (i * 37) % (len(words) - length)
        sentence = " ".join(words[start : start + length]) + " ."
        i += 1
        if sentence not in seen:
            seen.add(sentence)
            sentences.append(sentence)
    return sentences


def paragraphs_of(sentences: list[str]) -> list[str]:
    step = SENTENCES_PER_PARAGRAPH
    return [" ".join(sentences[i : i + step]) for i in range(0, len(sentences), step)]


# -- a MiniSBD sentence splitter, as an ONNX file written without the onnx package -------------------------


def _varint(value: int) -> bytes:
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def _field(number: int, payload: bytes | int | str) -> bytes:
    if isinstance(payload, int):
        return _varint(number << 3) + _varint(payload)
    data = payload.encode() if isinstance(payload, str) else payload
    return _varint(number << 3 | 2) + _varint(len(data)) + data


def _tensor_type(elem_type: int, dims: list[int | str]) -> bytes:
    shape = b"".join(_field(1, _field(1, d) if isinstance(d, int) else _field(2, d)) for d in dims)
    return _field(1, _field(1, elem_type) + _field(2, shape))


def build_minisbd_model(path: Path) -> None:
    """A character classifier that ends a sentence after . ! ? ؟ and a token after every other character.

    MiniSBD feeds character ids (``units``, int64 [batch, time]) and features (float [batch, time, 1]) and takes
    per-character logits over 5 classes (0 inside a token, 1 token end, 2 sentence end, 3-4 multi-word tokens).
    """
    import numpy as np

    units = ["<PAD>", "<UNK>", ".", "!", "?", "\u061f"]
    table = np.zeros((len(units), 5), np.float32)
    table[:, 1] = 5.0  # every character ends a token (spaces are dropped by MiniSBD)
    table[2:, 2] = 10.0  # sentence-final punctuation ends a sentence
    float_type, int64_type = 1, 7
    initializers = _field(1, len(units)) + _field(1, 5) + _field(2, float_type) + _field(8, "table")
    initializers += _field(9, table.tobytes())
    zero = _field(2, float_type) + _field(8, "zero") + _field(9, struct.pack("<f", 0.0))
    nodes = [
        _field(1, "table") + _field(1, "units") + _field(2, "logits0") + _field(4, "Gather"),
        _field(1, "features") + _field(1, "zero") + _field(2, "unused") + _field(4, "Mul"),
        _field(1, "logits0") + _field(1, "unused") + _field(2, "logits") + _field(4, "Add"),
    ]
    graph = b"".join(_field(1, node) for node in nodes) + _field(2, "minisbd_bench")
    graph += _field(5, initializers) + _field(5, zero)
    graph += _field(11, _field(1, "units") + _field(2, _tensor_type(int64_type, ["batch", "time"])))
    graph += _field(11, _field(1, "features") + _field(2, _tensor_type(float_type, ["batch", "time", 1])))
    graph += _field(12, _field(1, "logits") + _field(2, _tensor_type(float_type, ["batch", "time", 5])))
    vocab = {"lang": "ar", "idx": 0, "cutoff": 0, "lower": False}
    vocab.update({"_id2unit": units, "_unit2id": {u: i for i, u in enumerate(units)}})
    config = {"feat_funcs": ["space_before"], "batch_size": 32, "max_seqlen": 1000}
    metadata = {"lang_code": "ar", "config": json.dumps(config), "vocab": json.dumps(vocab)}
    model = _field(1, 8) + _field(2, "tarjama-bench") + _field(7, graph) + _field(8, _field(2, 13))
    model += b"".join(_field(14, _field(1, k) + _field(2, v)) for k, v in metadata.items())
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(model)


# -- the package -------------------------------------------------------------------------------------------


def build_package(folder: Path, sentences: list[str]) -> Path:
    """A translate-ar_en package with a realistic-size glossary model, built once per work folder."""
    import tiny_models

    stamp = folder / ".built"
    if stamp.is_file():
        return folder
    if folder.exists():
        shutil.rmtree(folder)
    started = time.perf_counter()
    corpus_lines = [line for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    sp_model = tiny_models.train_sentencepiece(corpus_lines + sentences[:500], model_type="bpe", vocab_size=1000)
    pieces = tiny_models.pieces_of(sp_model)
    gloss = {piece: [(piece, 0.0)] for piece in pieces if piece not in tiny_models.SPECIALS}
    gloss["<unk>"] = [("<unk>", 0.0)]
    shape = tiny_models.ModelShape(
        layers=(6, 6),
        d_model=512,
        heads=8,
        ffn=2048,
        vocab_size=32_000,
        max_positions=512,
        position_dims=64,
        token_dims=448,
        quantization="int8",
        noise=1e-3,
    )
    tiny_models.build_glossary_model(folder / "model", pieces, gloss, shape=shape, eos_bias=-30.0, beta=20.0, seed=1)
    (folder / "sentencepiece.model").write_bytes(sp_model)
    metadata = tiny_models.package_metadata("1.0")
    (folder / "metadata.json").write_text(json.dumps(metadata, indent=2), encoding="utf-8")
    build_minisbd_model(folder / "minisbd" / "ar.onnx")
    stamp.write_text(f"built in {time.perf_counter() - started:.1f} s\n", encoding="utf-8")
    return folder


def build_opus_package(folder: Path, packages: Path, sentences: list[str]) -> Path:
    """The OPUS-MT-shaped package: a Marian release of the benchmark's glossary, installed (converted) by Tarjama."""
    import tiny_marian
    import tiny_models
    from tarjama import mt

    stamp = packages / ".built"
    if stamp.is_file():
        return next(child for child in packages.iterdir() if child.is_dir())
    started = time.perf_counter()
    corpus_lines = [line for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    sp_model = tiny_models.train_sentencepiece(corpus_lines + sentences[:500], model_type="bpe", vocab_size=1000)
    gloss = {piece: [(piece, 0.0)] for piece in tiny_models.pieces_of(sp_model) if piece not in tiny_models.SPECIALS}
    gloss["<unk>"] = [("<unk>", 0.0)]
    shape = tiny_models.ModelShape(
        layers=(6, 6), d_model=512, heads=8, ffn=2048, max_positions=512, position_dims=64, token_dims=448, noise=1e-3
    )
    release = tiny_marian.write_release(
        folder, sp_model, sp_model, gloss, readme=None, vocab_size=32_000, shape=shape, eos_bias=-30.0, beta=20.0,
        seed=1,
    )
    built = time.perf_counter() - started
    package = mt.install_package(release, directory=packages, expect_pair=("ar", "en"))
    shutil.copyfile(package.path / "source.spm", package.path / "sentencepiece.model")  # for Argos (a) only
    build_minisbd_model(package.path / "minisbd" / "ar.onnx")
    stamp.write_text(f"Marian release built in {built:.1f} s, converted and installed in "
                     f"{time.perf_counter() - started - built:.1f} s\n", encoding="utf-8")
    return package.path


# -- the three ways ----------------------------------------------------------------------------------------


def run_argos(packages: Path, work: Path, paragraphs: list[str]) -> tuple[float, list[str]]:
    """(a): argostranslate.translate.translate per paragraph, default settings (package folder set by env)."""
    os.environ["ARGOS_PACKAGES_DIR"] = str(packages)
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        os.environ[name] = str(work / "argos-home" / name.lower())
    import argostranslate.settings
    import argostranslate.translate

    # Argos reads its folder once and caches models and translations by pair: start afresh for each package.
    argostranslate.settings.package_dirs[:] = [packages]
    argostranslate.translate.installed_translates.clear()
    argostranslate.translate.get_installed_languages.cache_clear()
    argostranslate.translate.translate(paragraphs[0], "ar", "en")  # loads the model and the splitter
    started = time.perf_counter()
    outputs = [argostranslate.translate.translate(paragraph, "ar", "en") for paragraph in paragraphs]
    return time.perf_counter() - started, outputs


def load_engine(package: Path):  # -> tarjama.mt.Translator, imported lazily
    """(b): Tarjama's engine with its default settings, loaded and warmed up."""
    from tarjama.mt import Translator

    translator = Translator(package)
    translator.translate(["سلام ."] * 8)
    return translator


def time_engine(translator, sentences: list[str]) -> tuple[float, list[str]]:
    started = time.perf_counter()
    results = translator.translate(sentences)
    return time.perf_counter() - started, [r.text for r in results]


def sweep_ctranslate2(package: Path, sentences: list[str], sweep_size: int):
    """(c): finds the fastest translate_batch configuration; returns a timing function and its description."""
    import ctranslate2
    import sentencepiece

    from tarjama.mt import EngineSettings

    defaults = EngineSettings()
    source_model = package / "source.spm"  # an OPUS-MT package's; an Argos one has one model for both sides
    source_model = source_model if source_model.is_file() else package / "sentencepiece.model"
    processor = sentencepiece.SentencePieceProcessor(model_file=str(source_model))
    tokens = processor.encode(sentences, out_type=str)
    cores = len(os.sched_getaffinity(0))
    layouts = sorted({(1, cores), (cores, 1)})
    batchings = [("examples", 8), ("examples", 16), ("examples", 32), ("tokens", 1024), ("tokens", 2048)]
    options = {
        "beam_size": defaults.beam_size,
        "num_hypotheses": min(defaults.beam_size, defaults.alternatives + 1),
        "return_scores": True,
        "max_input_length": 0,
        "max_decoding_length": 2 * max(len(t) for t in tokens) + 10,
    }
    sample = sorted(tokens[:sweep_size], key=len) if sweep_size else tokens
    best: tuple[float, tuple[int, int], tuple[str, int]] | None = None
    for inter, intra in layouts:
        model = ctranslate2.Translator(str(package / "model"), inter_threads=inter, intra_threads=intra)
        model.translate_batch(sample[:8], **options)
        for batch_type, size in batchings:
            started = time.perf_counter()
            model.translate_batch(sample, max_batch_size=size, batch_type=batch_type, **options)
            rate = len(sample) / (time.perf_counter() - started)
            print(f"    sweep: inter {inter} x intra {intra}, {size} {batch_type}: {rate:7.1f} sentences/s", flush=True)
            if best is None or rate > best[0]:
                best = (rate, (inter, intra), (batch_type, size))
        del model
    assert best is not None
    _, (inter, intra), (batch_type, size) = best
    model = ctranslate2.Translator(str(package / "model"), inter_threads=inter, intra_threads=intra)
    model.translate_batch(sample[:8], **options)

    def run() -> float:
        started = time.perf_counter()
        model.translate_batch(tokens, max_batch_size=size, batch_type=batch_type, **options)
        return time.perf_counter() - started

    return run, f"inter_threads {inter}, intra_threads {intra}, max_batch_size {size} {batch_type}"


def compare(
    title: str, package: Path, packages: Path, work: Path, sentences: list[str], paragraphs: list[str], sweep: int
) -> None:
    """Runs (c), (b) and (a) on one package and prints their rates and ratios."""
    print(f"== {title}", flush=True)
    print("(c) CTranslate2 translate_batch, sweeping configurations ...", flush=True)
    run_raw, raw_config = sweep_ctranslate2(package, sentences, sweep)
    translator = load_engine(package)
    # (b) and (c) run alternately, twice each, and the faster run of each counts: a background process slowing
    # one of them down for a while then cannot decide the ratio.
    raw_runs: list[float] = []
    engine_runs: list[float] = []
    for round_ in (1, 2):
        print(f"(c) round {round_}: {raw_config} ...", flush=True)
        raw_runs.append(run_raw())
        print(f"(b) round {round_}: Tarjama engine ...", flush=True)
        seconds, engine_out = time_engine(translator, sentences)
        engine_runs.append(seconds)
        rates = f"(c) {len(sentences) / raw_runs[-1]:.1f}, (b) {len(sentences) / seconds:.1f}"
        print(f"    {rates} sentences/s", flush=True)
    copied = sum(out.split() == src.split() for out, src in zip(engine_out, sentences, strict=True))
    print(f"    {copied}/{len(sentences)} engine outputs equal their input (the glossary copies pieces)")
    raw_seconds, engine_seconds = min(raw_runs), min(engine_runs)
    del translator, run_raw
    print("(a) argostranslate.translate.translate per paragraph ...", flush=True)
    argos_seconds, argos_out = run_argos(packages, work, paragraphs)
    argos_sentences = sum(len(p.split(" . ")) for p in argos_out)
    print(f"    argos produced {argos_sentences} sentence(s) of output for {len(sentences)}")

    rate_a = len(sentences) / argos_seconds
    rate_b = len(sentences) / engine_seconds
    rate_c = len(sentences) / raw_seconds
    print()
    print(f"{'':4}{'way':58}{'seconds':>9}{'sentences/s':>13}")
    print(f"(a) {'argostranslate translate() per paragraph, defaults':58}{argos_seconds:9.1f}{rate_a:13.1f}")
    print(f"(b) {'Tarjama engine, defaults':58}{engine_seconds:9.1f}{rate_b:13.1f}")
    print(f"(c) {'ctranslate2 translate_batch, best: ' + raw_config:58}{raw_seconds:9.1f}{rate_c:13.1f}")
    print()
    print(f"(b)/(a) = {rate_b / rate_a:5.2f}   target >= 5")
    print(f"(b)/(c) = {rate_b / rate_c:5.2f}   target >= 0.9")


# -- main --------------------------------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sentences", type=int, default=2000, help="sentences to translate (default 2000)")
    parser.add_argument("--sweep", type=int, default=300, help="sentences per configuration in the (c) sweep")
    parser.add_argument("--work", type=Path, help="folder for the built package (kept, reused); default: temp")
    args = parser.parse_args()
    if not CORPUS.is_file():
        print(f"The shared corpus is missing: {CORPUS}", file=sys.stderr)
        return 2

    work = args.work or Path(tempfile.mkdtemp(prefix="tarjama-mt-bench-"))
    os.environ["TARJAMA_DATA_DIR"] = str(work / "tarjama-data")
    sentences = build_sentences(args.sentences)
    paragraphs = paragraphs_of(sentences)
    packages = work / "packages"
    print(f"Building the benchmark package in {packages} ...", flush=True)
    package = build_package(packages / "translate-ar_en-1_0", sentences)
    print(f"  {(package / '.built').read_text().strip()}; {len(sentences)} sentences, {len(paragraphs)} paragraphs")
    words = sum(len(s.split()) for s in sentences)
    print(f"  {words} words, {words / len(sentences):.1f} per sentence; {os.cpu_count()} CPU cores")

    compare("Argos-shaped package (one sentencepiece model, shared vocabulary)", package, packages, work,
            sentences, paragraphs, args.sweep)
    opus_packages = work / "opus-packages"
    print(f"Building the OPUS-MT-shaped release and installing it in {opus_packages} ...", flush=True)
    opus = build_opus_package(work / "opus-release", opus_packages, sentences)
    print(f"  {(opus_packages / '.built').read_text().strip()}")
    compare("OPUS-MT-shaped package (Marian release converted to int8, separate vocabularies)", opus,
            opus_packages, work, sentences, paragraphs, args.sweep)
    print()
    print("Event-loop stall during a window pre-translation of the shared article (bench/pretranslate_stall.py):")
    # Its own process: the window needs a QApplication and a fresh data folder of its own.
    subprocess.run([sys.executable, str(Path(__file__).with_name("pretranslate_stall.py"))], check=False)
    if args.work is None:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
