"""Builds small but real OPUS-MT (Marian) releases for tests and the benchmark, offline, in seconds.

A release as published holds a Marian model (``*.npz``), ``decoder.yml`` naming it and its vocabularies, the
vocabularies (``*.vocab.yml``), two SentencePiece models (``source.spm``, ``target.spm``), a README and a LICENSE.
Tarjama converts such a release with CTranslate2's ``OpusMTConverter``; the tests must exercise that real
conversion, so the weights here are written under the names Marian gives them and the converter reads
(``encoder_l1_self_Wq``, ``decoder_l1_context_Wk``, ``decoder_ff_logit_out_W``, ``special:model.yml``, …).

The weights are those of the glossary model of tests/tiny_models.py (:func:`tiny_models.glossary_spec`), taken
apart into Marian's layout, so a converted release translates word by word and its output can be asserted. Three
things differ from a CTranslate2-built model and are undone here:

* Marian multiplies source embeddings by sqrt(d_model): they are written divided by it;
* Marian has one position table (``Wpos``) for encoder and decoder: the glossary's encoder table, which is the
  start of its decoder's (so no target shift and no reordering here: a prefixed model is built as a CTranslate2
  folder instead);
* the source and target vocabularies are separate, from two SentencePiece models (Arabic words; English words):
  the glossary is built on their union and each side keeps its own rows, so a target vocabulary ordered unlike
  the source's proves that decoding uses ``target.spm``.

The model is pre-norm (``transformer-preprocess n``, ``postprocess da``, ``postprocess-top n``), which the
converter accepts and which keeps the glossary's arithmetic; published OPUS-MT models are mostly post-norm, a
difference of layer order only, with the same weights and cost.
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Mapping, Sequence
from pathlib import Path

import numpy as np

import tiny_models
from tiny_models import GLOSSARY, SPACE, ModelShape

DEFAULT_SHAPE = ModelShape()
NPZ_NAME = "opus.spm32k-spm32k.transformer-align.model1.npz.best-perplexity.npz"
SOURCE_VOCAB = "opus.spm32k-spm32k.src.vocab.yml"
TARGET_VOCAB = "opus.spm32k-spm32k.trg.vocab.yml"
README = """# opus-2020-06-18.zip

* dataset: opus
* model: transformer
* source language(s): {source}
* target language(s): {target}
* pre-processing: normalization + SentencePiece (spm32k,spm32k)
* download: [opus-2020-06-18.zip](https://example.invalid/Tatoeba-MT-models/{source}-{target}/opus-2020-06-18.zip)
"""
LICENSE = "Creative Commons Attribution 4.0 International (CC-BY 4.0)\n\nTest model built by tests/tiny_marian.py.\n"


def word_sentencepiece(words: Sequence[str], *, seed: int) -> bytes:
    """A word-level SentencePiece model whose pieces are exactly ``words`` (plus its special pieces)."""
    rng = np.random.default_rng(seed)
    lines = [" ".join(rng.choice(list(words), 6)) for _ in range(300)] + [" ".join(words)]
    return tiny_models.train_sentencepiece(lines, model_type="word", vocab_size=len(words) + len(tiny_models.SPECIALS))


def _yml_vocabulary(pieces: Sequence[str]) -> str:
    """A Marian vocabulary: one ``"piece": id`` line per piece, quoted as Marian quotes them."""
    return "".join(f"{json.dumps(piece, ensure_ascii=False)}: {i}\n" for i, piece in enumerate(pieces))


def _marian_config(shape: ModelShape, width: int) -> bytes:
    enc, dec = shape.layers
    lines = [
        "type: transformer",
        f"dim-emb: {width}",
        f"enc-depth: {enc}",
        f"dec-depth: {dec}",
        f"transformer-heads: {shape.heads}",
        f"transformer-dim-ffn: {shape.ffn}",
        "transformer-ffn-activation: relu",
        "transformer-preprocess: n",
        "transformer-postprocess: da",
        "transformer-postprocess-top: n",
        "transformer-postprocess-emb: d",
        "transformer-decoder-autoreg: self-attention",
        "transformer-no-projection: false",
        "transformer-guided-alignment-layer: last",
    ]
    return ("\n".join(lines) + "\n").encode() + b"\0"


def _transposed(weight: np.ndarray) -> np.ndarray:
    """Marian stores a linear layer as (inputs, outputs); CTranslate2 as (outputs, inputs)."""
    return np.ascontiguousarray(weight.T)


def _attention(weights: dict[str, np.ndarray], scope: str, attention: object, width: int) -> None:
    fused = [np.asarray(linear.weight) for linear in attention.linear[:-1]]  # type: ignore[attr-defined]
    query_key_value = np.concatenate(fused)  # self-attention: one (3w, w); cross: (w, w) then (2w, w)
    for i, name in enumerate("qkv"):
        weights[f"{scope}_W{name}"] = _transposed(query_key_value[i * width : (i + 1) * width])
    weights[f"{scope}_Wo"] = _transposed(np.asarray(attention.linear[-1].weight))  # type: ignore[attr-defined]
    weights[f"{scope}_Wo_ln_scale_pre"] = np.asarray(attention.layer_norm.gamma)[None]  # type: ignore[attr-defined]
    weights[f"{scope}_Wo_ln_bias_pre"] = np.asarray(attention.layer_norm.beta)[None]  # type: ignore[attr-defined]


def _ffn(weights: dict[str, np.ndarray], scope: str, ffn: object) -> None:
    weights[f"{scope}_W1"] = _transposed(np.asarray(ffn.linear_0.weight))  # type: ignore[attr-defined]
    weights[f"{scope}_W2"] = _transposed(np.asarray(ffn.linear_1.weight))  # type: ignore[attr-defined]
    weights[f"{scope}_ffn_ln_scale_pre"] = np.asarray(ffn.layer_norm.gamma)[None]  # type: ignore[attr-defined]
    weights[f"{scope}_ffn_ln_bias_pre"] = np.asarray(ffn.layer_norm.beta)[None]  # type: ignore[attr-defined]


def marian_weights(
    source_pieces: Sequence[str],
    target_pieces: Sequence[str],
    gloss: Mapping[str, Sequence[tuple[str, float]]],
    *,
    shape: ModelShape = DEFAULT_SHAPE,
    **options: object,
) -> dict[str, np.ndarray]:
    """The glossary model (source piece -> target glosses) as the arrays of a Marian ``.npz``."""
    glossed = set(gloss) | {target for glosses in gloss.values() for target, _ in glosses} | set(tiny_models.SPECIALS)
    union = list(dict.fromkeys([*source_pieces, *target_pieces]))
    fillers = [piece for piece in union if piece not in glossed]  # a padded vocabulary's: no code, no gloss
    spec, vocab = tiny_models.glossary_spec(
        [piece for piece in union if piece in glossed], gloss, shape=shape, extra_tokens=fillers, **options
    )  # type: ignore[arg-type]
    row = {piece: i for i, piece in enumerate(vocab)}
    source_rows = [row[piece] for piece in source_pieces]
    target_rows = [row[piece] for piece in target_pieces]
    encoder, decoder = spec.encoder, spec.decoder
    width = np.asarray(encoder.embeddings[0].weight).shape[1]
    encoder_positions = np.asarray(encoder.position_encodings.encodings)
    positions = np.asarray(decoder.position_encodings.encodings)
    assert np.array_equal(positions[: len(encoder_positions)], encoder_positions), "Marian shares one table"

    weights: dict[str, np.ndarray] = {
        "special:model.yml": np.frombuffer(_marian_config(shape, width), dtype=np.int8).copy(),
        "encoder_Wemb": np.asarray(encoder.embeddings[0].weight)[source_rows] / np.float32(np.sqrt(width)),
        "decoder_Wemb": np.asarray(decoder.embeddings.weight)[target_rows],
        "Wpos": encoder_positions,  # the decoder's extra rows only end the output, which the source's length does
        "decoder_ff_logit_out_W": _transposed(np.asarray(decoder.projection.weight)[target_rows]),
    }
    bias = decoder.projection.bias
    if isinstance(bias, np.ndarray):
        weights["decoder_ff_logit_out_b"] = bias[target_rows][None]
    for side, name in ((encoder, "encoder"), (decoder, "decoder")):
        weights[f"{name}_top_ln_scale"] = np.asarray(side.layer_norm.gamma)[None]
        weights[f"{name}_top_ln_bias"] = np.asarray(side.layer_norm.beta)[None]
    for i, layer in enumerate(encoder.layer, start=1):
        _attention(weights, f"encoder_l{i}_self", layer.self_attention, width)
        _ffn(weights, f"encoder_l{i}_ffn", layer.ffn)
    for i, layer in enumerate(decoder.layer, start=1):
        _attention(weights, f"decoder_l{i}_self", layer.self_attention, width)
        _attention(weights, f"decoder_l{i}_context", layer.attention, width)
        _ffn(weights, f"decoder_l{i}_ffn", layer.ffn)
    return {name: value.astype(np.float32) if value.dtype.kind == "f" else value for name, value in weights.items()}


def write_release(
    folder: Path,
    source_sp: bytes,
    target_sp: bytes,
    gloss: Mapping[str, Sequence[tuple[str, float]]],
    *,
    readme: str | None = None,
    shared_vocabulary: bool = False,
    vocab_size: int = 0,
    shape: ModelShape = DEFAULT_SHAPE,
    **options: object,
) -> Path:
    """Writes a Marian release folder as OPUS-MT publishes one; ``readme`` None writes none. ``vocab_size`` pads
    each vocabulary to that size with tokens of its own (a real model's size, for the benchmark)."""
    folder.mkdir(parents=True, exist_ok=True)
    source_pieces = tiny_models.pieces_of(source_sp)
    target_pieces = tiny_models.pieces_of(target_sp)
    source_pieces += [f"<source_extra_{i}>" for i in range(vocab_size - len(source_pieces))]
    target_pieces += [f"<target_extra_{i}>" for i in range(vocab_size - len(target_pieces))]
    if shared_vocabulary:
        source_pieces = target_pieces = source_pieces + [p for p in target_pieces if p not in source_pieces]
    weights = marian_weights(source_pieces, target_pieces, gloss, shape=shape, **options)
    np.savez(folder / NPZ_NAME, **weights)  # type: ignore[arg-type]
    vocabs = [SOURCE_VOCAB, SOURCE_VOCAB] if shared_vocabulary else [SOURCE_VOCAB, TARGET_VOCAB]
    (folder / SOURCE_VOCAB).write_text(_yml_vocabulary(source_pieces), encoding="utf-8")
    if not shared_vocabulary:
        (folder / TARGET_VOCAB).write_text(_yml_vocabulary(target_pieces), encoding="utf-8")
    decoder_yml = [
        "models:",
        f"  - {NPZ_NAME}",
        "vocabs:",
        *(f"  - {name}" for name in vocabs),
        "beam-size: 6",
        "normalize: 0.6",
        "relative-paths: true",
    ]
    (folder / "decoder.yml").write_text("\n".join(decoder_yml) + "\n", encoding="utf-8")
    (folder / "source.spm").write_bytes(source_sp)
    (folder / "target.spm").write_bytes(target_sp)
    (folder / "preprocess.sh").write_text("#!/bin/sh\n# not used by Tarjama\n", encoding="utf-8")
    if readme is not None:
        (folder / "README.md").write_text(readme, encoding="utf-8")
    (folder / "LICENSE").write_text(LICENSE, encoding="utf-8")
    return folder


def build_glossary_release(folder: Path, *, source: str = "ara", target: str = "eng", **options: object) -> Path:
    """An Arabic→English release translating tests/tiny_models.py's GLOSSARY word by word (README languages
    ``source``/``target``; pass ``readme=None`` for a release that names no languages)."""
    arabic = sorted(GLOSSARY)
    english = sorted({word for glosses in GLOSSARY.values() for word, _ in glosses})
    gloss = {SPACE + ar: [(SPACE + en, offset) for en, offset in glosses] for ar, glosses in GLOSSARY.items()}
    gloss["<unk>"] = [("<unk>", 0.0)]
    options.setdefault("readme", README.format(source=source, target=target))
    return write_release(
        folder, word_sentencepiece(arabic, seed=7), word_sentencepiece(english, seed=8), gloss, **options
    )  # type: ignore[arg-type]


def zip_release(folder: Path, archive: Path, *, top: str = "") -> Path:
    """Zips a release as OPUS-MT does: its files at the top of the zip (or under ``top``/)."""
    prefix = f"{top}/" if top else ""
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(folder.iterdir()):
            zf.write(path, prefix + path.name)
    return archive
