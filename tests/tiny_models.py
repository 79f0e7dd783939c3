"""Builds small but real Argos-style translation packages for tests and the benchmark, offline and deterministic.

No real Arabic→English model can be downloaded here, so the tests make their own: a real sentencepiece model and a
real CTranslate2 Transformer whose weights are set by hand so that it works as a word glossary. Outputs are then
known in advance and a test can assert them.

How the glossary model works (all in the residual stream of width ``d_model``):

* dims [0, Kp) carry a *position code*, dims [Kp, Kp + Kt) a *token code*; codes are unit vectors with zero mean,
  so every LayerNorm in the network only rescales them by a known constant;
* the encoder's embedding of source token s is its token code, its position table holds position codes, and its
  layers add nothing (or, in the benchmark's padded model, a tiny perturbation), so encoder output j is
  code(token_j) + code(j);
* the decoder ignores the tokens it has produced: its input at step t is the position code of step t;
* in decoder layer 0, cross-attention compares the step's position code with each source position code (query
  and key weights are scaled identities, sharp enough that attention falls on exactly one position) and copies
  that position's token code into the residual stream;
* the output projection's row for target word w is a multiple of the token code of each source word glossed as w,
  so the logit of w is (beta + offset) for the right source word and ~0 for the others.

So step t outputs the gloss of source token t, then end-of-sentence (the source carries a final ``</s>``): the
output has exactly as many tokens as the input. An entry with several glosses gives the second one a lower logit,
which makes beam search return it as an alternative with a lower confidence.

With ``attends_to``, step t reads source position ``attends_to(t)`` instead: `swapped_neighbours` makes a model that
reorders words and whose attention (which CTranslate2 returns for placing inline tags) is known in advance.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import zipfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

#: Arabic word -> English glosses (word, logit offset); the first gloss is the translation, others alternatives.
GLOSSARY: dict[str, list[tuple[str, float]]] = {
    "سلام": [("peace", 0.0)],
    "بيت": [("house", 0.0), ("home", -1.0)],
    "كبير": [("big", 0.0), ("large", -0.4)],
    "صغير": [("small", 0.0)],
    "ولد": [("boy", 0.0)],
    "بنت": [("girl", 0.0)],
    "ذهب": [("went", 0.0)],
    "إلى": [("to", 0.0)],
    "مدرسة": [("school", 0.0)],
    "كتاب": [("book", 0.0)],
    "قرأ": [("read", 0.0)],
    "في": [("in", 0.0)],
    "مدينة": [("city", 0.0)],
    "جميل": [("beautiful", 0.0)],
    "يوم": [("day", 0.0)],
    "اتفاق": [("agreement", 0.0)],
    "وقف": [("cessation", 0.0), ("halt", -2.0)],
    "النار": [("fire", 0.0)],
    "موسكو": [("Moscow", 0.0)],
    "واشنطن": [("Washington", 0.0)],
    "سوريا": [("Syria", 0.0)],
    "و": [("and", 0.0)],
    "،": [(",", 0.0)],
    ".": [(".", 0.0)],
    "؟": [("?", 0.0)],
}
SPECIALS = ("<unk>", "<s>", "</s>")
SPACE = "\u2581"


def swapped_neighbours(step: int) -> int:
    """Decoder step -> the source position it translates, for a model that swaps positions 1 and 2, 5 and 6, …
    (4k+1 with 4k+2). Every other position stays, so a source of 3, 4, 7, 8, 11, 12… tokens keeps its final
    ``</s>`` where the decoder expects it and is translated whole, two of its words in each four swapped."""
    return {1: step + 1, 2: step - 1}.get(step % 4, step)


#: Source lengths (in tokens) that a `swapped_neighbours` model translates whole.
SWAPPABLE_LENGTHS = (3, 4, 7, 8, 11, 12)


def gloss_words(arabic: str) -> list[str]:
    """The expected best translation of a space-separated Arabic text, word by word (unknown words copied)."""
    return [GLOSSARY[word][0][0] if word in GLOSSARY else word for word in arabic.split()]


# -- sentencepiece ------------------------------------------------------------------------------------------


def train_sentencepiece(lines: Iterable[str], *, model_type: str, vocab_size: int) -> bytes:
    """Trains a sentencepiece model in memory, single-threaded so the result does not depend on the machine."""
    import sentencepiece

    buffer = io.BytesIO()
    sentencepiece.SentencePieceTrainer.train(
        sentence_iterator=iter(list(lines)),
        model_writer=buffer,
        vocab_size=vocab_size,
        model_type=model_type,
        hard_vocab_limit=False,
        num_threads=1,
        minloglevel=2,
        character_coverage=1.0,
        split_digits=model_type != "word",
    )
    return buffer.getvalue()


def glossary_sentencepiece() -> bytes:
    """A word-level model whose pieces are exactly the glossary's Arabic and English words."""
    rng = np.random.default_rng(7)
    arabic = sorted(GLOSSARY)
    english = sorted({word for glosses in GLOSSARY.values() for word, _ in glosses})
    lines = [" ".join(rng.choice(arabic, 6)) for _ in range(300)]
    lines += [" ".join(rng.choice(english, 6)) for _ in range(300)]
    lines += [" ".join(arabic), " ".join(english)]
    return train_sentencepiece(lines, model_type="word", vocab_size=len(arabic) + len(english) + len(SPECIALS))


def pieces_of(sp_model: bytes) -> list[str]:
    import sentencepiece

    processor = sentencepiece.SentencePieceProcessor(model_proto=sp_model)
    return [processor.id_to_piece(i) for i in range(processor.get_piece_size())]


# -- CTranslate2 glossary model -----------------------------------------------------------------------------


def _codes(count: int, dims: int, rng: np.random.Generator) -> np.ndarray:
    """``count`` unit vectors of zero mean in ``dims`` dimensions: centred one-hots when they fit, else random."""
    codes = np.eye(count, dims, dtype=np.float64) if count <= dims else rng.standard_normal((count, dims))
    codes -= codes.mean(axis=1, keepdims=True)
    codes /= np.linalg.norm(codes, axis=1, keepdims=True)
    return codes.astype(np.float32)


@dataclass(frozen=True)
class ModelShape:
    """Architecture of the generated model; the defaults give a one-layer model that builds in a blink."""

    layers: tuple[int, int] = (1, 1)
    d_model: int = 0  # 0: just wide enough for the codes
    heads: int = 1
    ffn: int = 8
    vocab_size: int = 0  # 0: the pieces plus the extra tokens, no padding
    max_positions: int = 64
    position_dims: int = 0  # 0: one (centred one-hot) dimension per position
    token_dims: int = 0  # 0: one dimension per piece
    quantization: str = "float32"
    noise: float = 0.0  # weight scale of the computations that must not disturb the glossary (padding layers)


def build_glossary_model(
    output_dir: Path,
    pieces: Sequence[str],
    gloss: Mapping[str, Sequence[tuple[str, float]]],
    *,
    shape: ModelShape = ModelShape(),
    **options: object,
) -> None:
    """Writes the CTranslate2 model of :func:`glossary_spec` to ``output_dir``."""
    spec, _vocab = glossary_spec(pieces, gloss, shape=shape, **options)  # type: ignore[arg-type]
    output_dir.mkdir(parents=True, exist_ok=True)
    spec.validate()
    spec.optimize(quantization=shape.quantization)
    spec.save(str(output_dir))


def glossary_spec(
    pieces: Sequence[str],
    gloss: Mapping[str, Sequence[tuple[str, float]]],
    *,
    shape: ModelShape = ModelShape(),
    extra_tokens: Sequence[str] = (),
    target_shift: int = 0,
    eos_bias: float = 0.0,
    beta: float = 12.0,
    seed: int = 0,
    attends_to: Callable[[int], int] | None = None,
):  # -> (ctranslate2 TransformerSpec, its vocabulary), ctranslate2 imported lazily
    """A CTranslate2 model translating piece by piece according to ``gloss`` (piece -> glosses), not yet saved
    (tests/tiny_marian.py writes it in Marian's format instead), and its vocabulary (source and target alike).

    ``target_shift`` delays the output by that many steps, for models used with a target prefix of that length.
    ``beta`` is the logit of a right gloss (wrong ones are near 0): a large vocabulary needs a larger one.
    A negative ``eos_bias`` keeps end-of-sentence far from every step but the last (where the source's ``</s>``
    still gives it ``beta``): with a large vocabulary it otherwise ranks among the runners-up at every step, and beam
    search collects a few such truncated hypotheses and stops before the full one, which a trained model never
    does.
    """
    from ctranslate2.specs import transformer_spec

    rng = np.random.default_rng(seed)
    vocab = list(pieces) + [t for t in extra_tokens if t not in pieces]
    filler = max(0, shape.vocab_size - len(vocab))
    vocab += [f"<extra_{i}>" for i in range(filler)]
    index = {piece: i for i, piece in enumerate(vocab)}
    positions = shape.max_positions
    kp = shape.position_dims or positions + 1
    kt = shape.token_dims or len(pieces)
    width = shape.d_model or kp + kt
    width += (-width) % (8 * shape.heads)
    heads, head_dim = shape.heads, width // shape.heads
    assert kp + kt <= width and kp <= head_dim and -(-kt // head_dim) <= heads, "codes do not fit the model"

    position_code = _codes(positions + 1, kp, rng)  # the last code marks decoder steps with no source position
    token_code = _codes(len(pieces), kt, rng)
    f32 = np.float32

    def small(rows: int, cols: int, scale: float) -> np.ndarray:
        if shape.noise == 0:
            return np.zeros((rows, cols), f32)
        return (rng.standard_normal((rows, cols)) * scale).astype(f32)

    def norm(layer: object) -> None:
        layer.gamma = np.ones(width, f32)  # type: ignore[attr-defined]
        layer.beta = np.zeros(width, f32)  # type: ignore[attr-defined]

    def quiet_attention(attention: object, outputs: int) -> None:
        norm(attention.layer_norm)  # type: ignore[attr-defined]
        attention.linear[0].weight = small(outputs * width, width, 1 / np.sqrt(width))  # type: ignore[attr-defined]
        for linear in attention.linear[1:-1]:  # type: ignore[attr-defined]
            linear.weight = small(2 * width, width, 1 / np.sqrt(width))
        attention.linear[-1].weight = small(width, width, shape.noise / np.sqrt(width))  # type: ignore[attr-defined]

    def quiet_ffn(ffn: object) -> None:
        norm(ffn.layer_norm)  # type: ignore[attr-defined]
        ffn.linear_0.weight = small(shape.ffn, width, 1 / np.sqrt(width))  # type: ignore[attr-defined]
        ffn.linear_1.weight = small(width, shape.ffn, shape.noise / np.sqrt(shape.ffn))  # type: ignore[attr-defined]

    spec = transformer_spec.TransformerSpec.from_config(shape.layers, heads)
    encoder, decoder = spec.encoder, spec.decoder

    embeddings = np.zeros((len(vocab), width), f32)
    embeddings[: len(pieces), kp : kp + kt] = token_code
    encoder.embeddings[0].weight = embeddings
    encoder.scale_embeddings = False
    encoder_positions = np.zeros((positions, width), f32)
    encoder_positions[:, :kp] = position_code[:positions]
    encoder.position_encodings.encodings = encoder_positions
    norm(encoder.layer_norm)
    for layer in encoder.layer:
        quiet_attention(layer.self_attention, 3)
        quiet_ffn(layer.ffn)

    decoder.embeddings.weight = np.zeros((len(vocab), width), f32)
    decoder.scale_embeddings = False
    decoder_rows = 2 * positions + target_shift
    decoder_positions = np.zeros((decoder_rows, width), f32)
    for step in range(decoder_rows):
        source = step - target_shift
        source = attends_to(source) if attends_to is not None and source >= 0 else source
        decoder_positions[step, :kp] = position_code[source if 0 <= source < positions else positions]
    decoder.position_encodings.encodings = decoder_positions
    norm(decoder.layer_norm)
    for layer in decoder.layer:
        quiet_attention(layer.self_attention, 3)
        quiet_attention(layer.attention, 1)
        quiet_ffn(layer.ffn)

    # Decoder layer 0's cross-attention does the glossary look-up (see the module docstring).
    sharpness = 30.0 if positions + 1 <= kp else 40.0
    alpha = np.sqrt(sharpness * np.sqrt(head_dim))
    query_scale = alpha / np.sqrt(width)  # LayerNorm multiplies a unit position code by sqrt(width)
    memory_scale = 1 / np.sqrt(width / 2)  # encoder output = two unit codes, times sqrt(width / 2)
    attention = decoder.layer[0].attention
    query = np.zeros((width, width), f32)
    key_value = np.zeros((2 * width, width), f32)
    out = np.zeros((width, width), f32)
    for head in range(heads):
        base = head * head_dim
        query[base : base + kp, :kp] = np.eye(kp) * query_scale
        key_value[base : base + kp, :kp] = np.eye(kp) * alpha * memory_scale
    for chunk in range(-(-kt // head_dim)):
        size = min(head_dim, kt - chunk * head_dim)
        rows = slice(width + chunk * head_dim, width + chunk * head_dim + size)
        key_value[rows, kp + chunk * head_dim : kp + chunk * head_dim + size] = np.eye(size) * memory_scale
        out[kp + chunk * head_dim : kp + chunk * head_dim + size, chunk * head_dim : chunk * head_dim + size] = np.eye(
            size
        )
    attention.linear[0].weight = query
    attention.linear[1].weight = key_value
    attention.linear[2].weight = out

    projection = np.zeros((len(vocab), width), f32)
    decoder_scale = 1 / np.sqrt(width / 2)
    for source, glosses in gloss.items():
        for target, offset in glosses:
            projection[index[target], kp : kp + kt] += (beta + offset) * decoder_scale * token_code[index[source]]
    projection[index["</s>"], kp : kp + kt] += (beta - eos_bias) * decoder_scale * token_code[index["</s>"]]
    decoder.projection.weight = projection
    if eos_bias:
        bias = np.zeros(len(vocab), f32)
        bias[index["</s>"]] = eos_bias
        decoder.projection.bias = bias

    spec.register_source_vocabulary(vocab)
    spec.register_target_vocabulary(vocab)
    spec.config.add_source_eos = True
    return spec, vocab


# -- packages -----------------------------------------------------------------------------------------------


def package_metadata(version: str = "1.0", **extra: object) -> dict[str, object]:
    metadata: dict[str, object] = {
        "package_version": version,
        "argos_version": "1.9.0",
        "from_code": "ar",
        "from_name": "Arabic",
        "to_code": "en",
        "to_name": "English",
        "code": "translate-ar_en",
        "type": "translate",
    }
    metadata.update(extra)
    return metadata


def write_stanza_folder(package_dir: Path) -> None:
    """A stand-in for the Stanza sentence-splitter data real packages carry, which Tarjama must never read."""
    stanza = package_dir / "stanza" / "ar" / "tokenize"
    stanza.mkdir(parents=True, exist_ok=True)
    (package_dir / "stanza" / "resources.json").write_text('{"ar": {"default_processors": {}}}', encoding="utf-8")
    (stanza / "padt.pt").write_bytes(b"not a real stanza model; reading it is a bug")


def build_glossary_package(
    package_dir: Path,
    *,
    version: str = "1.0",
    target_prefix: str = "",
    max_positions: int = 64,
    with_stanza: bool = True,
    attends_to: Callable[[int], int] | None = None,
) -> Path:
    """A complete Arabic→English package folder laid out like a real ``translate-ar_en`` one."""
    if package_dir.exists():
        shutil.rmtree(package_dir)
    package_dir.mkdir(parents=True)
    sp_model = glossary_sentencepiece()
    pieces = pieces_of(sp_model)
    gloss = {SPACE + ar: [(SPACE + en, offset) for en, offset in glosses] for ar, glosses in GLOSSARY.items()}
    gloss["<unk>"] = [("<unk>", 0.0)]
    shift = 1 if target_prefix else 0
    if target_prefix:
        gloss[target_prefix] = []
    build_glossary_model(
        package_dir / "model",
        pieces,
        gloss,
        shape=ModelShape(max_positions=max_positions),
        extra_tokens=[target_prefix] if target_prefix else [],
        target_shift=shift,
        attends_to=attends_to,
    )
    (package_dir / "sentencepiece.model").write_bytes(sp_model)
    extra = {"target_prefix": target_prefix} if target_prefix else {}
    (package_dir / "metadata.json").write_text(json.dumps(package_metadata(version, **extra), indent=2), "utf-8")
    (package_dir / "README.md").write_text("Test glossary package built by tests/tiny_models.py\n", encoding="utf-8")
    if with_stanza:
        write_stanza_folder(package_dir)
    return package_dir


def zip_folder(folder: Path, archive: Path, *, top: str | None = None) -> Path:
    """Zips ``folder`` as a .argosmodel whose single top-level folder is ``top`` (default: the folder's name)."""
    top = top or folder.name
    archive.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for root, dirs, files in os.walk(folder):
            dirs.sort()
            for name in sorted(files):
                path = Path(root) / name
                zf.write(path, f"{top}/{path.relative_to(folder).as_posix()}")
    return archive
