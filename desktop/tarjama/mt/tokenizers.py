"""Turns text into the subword pieces a package's model was trained on, and back.

Each package ships its own tokenizer: ``sentencepiece.model`` (most packages) or ``bpe.model`` with Moses
tokenisation (older ones). The BPE path reuses Argos Translate's tokenizer module, which imports only
sentencepiece, sacremoses and its bundled apply_bpe: never its translate or sentence-splitting code. An OPUS-MT
model has one sentencepiece model per side (``source.spm``, ``target.spm``): :class:`SourceTargetTokenizer`
encodes with the first and decodes with the second.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

import sentencepiece

_SPACE_MARK = "\u2581"  # sentencepiece's word-boundary mark


class Tokenizer(Protocol):
    def encode(self, text: str) -> list[str]: ...

    def decode(self, pieces: list[str]) -> str: ...


class SentencePieceTokenizer:
    """Pieces from the package's sentencepiece model, decoded back with spacing restored."""

    def __init__(self, model_file: Path) -> None:
        self._processor = sentencepiece.SentencePieceProcessor(model_file=str(model_file))

    def encode(self, text: str) -> list[str]:
        return self._processor.encode(text, out_type=str)

    def encode_many(self, texts: list[str]) -> list[list[str]]:
        """Batch encoding in C++: noticeably faster than one call per segment on long documents."""
        return self._processor.encode(texts, out_type=str)

    def encode_target(self, text: str) -> list[str]:
        """A translation's pieces, to score it (one model serves both sides)."""
        return self.encode(text)

    def decode(self, pieces: list[str]) -> str:
        # Pieces the model copied from the source (replace_unknowns) are not in the vocabulary, and sentencepiece
        # leaves their word-boundary mark in place; turn it into the space it stands for.
        return self._processor.decode_pieces(pieces).replace(_SPACE_MARK, " ").strip()


class BPETokenizer:
    """Moses tokenisation + BPE codes, as in older Argos packages."""

    def __init__(self, model_file: Path, from_code: str, to_code: str) -> None:
        from argostranslate.tokenizer import BPETokenizer as ArgosBPE

        self._inner = ArgosBPE(model_file, from_code, to_code)

    def encode(self, text: str) -> list[str]:
        return list(self._inner.encode(text))

    def decode(self, pieces: list[str]) -> str:
        return self._inner.decode(pieces).strip()


class SourceTargetTokenizer:
    """Two sentencepiece models: the source's cuts the text to translate, the target's joins the model's output
    (their vocabularies differ, so neither can do the other's job)."""

    def __init__(self, source: SentencePieceTokenizer, target: SentencePieceTokenizer) -> None:
        self.source = source
        self.target = target

    def encode(self, text: str) -> list[str]:
        return self.source.encode(text)

    def encode_many(self, texts: list[str]) -> list[list[str]]:
        return self.source.encode_many(texts)

    def decode(self, pieces: list[str]) -> str:
        return self.target.decode(pieces)

    def encode_target(self, text: str) -> list[str]:
        return self.target.encode(text)


def load_tokenizer(package_dir: Path, from_code: str, to_code: str) -> SentencePieceTokenizer | BPETokenizer:
    """The tokenizer a package ships; sentencepiece wins when both files are present, as in Argos."""
    sp_model = package_dir / "sentencepiece.model"
    if sp_model.is_file():
        return SentencePieceTokenizer(sp_model)
    bpe_model = package_dir / "bpe.model"
    if bpe_model.is_file():
        return BPETokenizer(bpe_model, from_code, to_code)
    raise FileNotFoundError(f"{package_dir} has neither sentencepiece.model nor bpe.model")


def load_tokenizers(
    source_model: Path, target_model: Path, from_code: str, to_code: str
) -> SentencePieceTokenizer | BPETokenizer | SourceTargetTokenizer:
    """The tokenizer for a package whose sides use ``source_model`` and ``target_model``: a
    :class:`SourceTargetTokenizer` when they differ, else that one file (BPE for an older Argos ``bpe.model``)."""
    if source_model != target_model:
        return SourceTargetTokenizer(SentencePieceTokenizer(source_model), SentencePieceTokenizer(target_model))
    if source_model.name == "bpe.model":
        return BPETokenizer(source_model, from_code, to_code)
    return SentencePieceTokenizer(source_model)
