"""Tokenizers: the package's own sentencepiece model, or Moses + BPE codes for older packages."""

from __future__ import annotations

from pathlib import Path

import pytest

from tarjama.mt.tokenizers import BPETokenizer, SentencePieceTokenizer, load_tokenizer


def test_sentencepiece_is_preferred(glossary_dir: Path) -> None:
    tokenizer = load_tokenizer(glossary_dir, "ar", "en")
    assert isinstance(tokenizer, SentencePieceTokenizer)
    assert tokenizer.encode("بيت كبير") == ["\u2581بيت", "\u2581كبير"]
    assert tokenizer.encode_many(["بيت", "كبير"]) == [["\u2581بيت"], ["\u2581كبير"]]
    assert tokenizer.decode(["\u2581house", "\u2581copied\u2581word"]) == "house copied word"


def test_bpe_package_round_trips(tmp_path: Path) -> None:
    (tmp_path / "bpe.model").write_text("#version: 0.2\nس ل\nسل ا\nسلا م</w>\n", encoding="utf-8")
    tokenizer = load_tokenizer(tmp_path, "ar", "en")
    assert isinstance(tokenizer, BPETokenizer)
    pieces = tokenizer.encode("سلام عليكم.")
    assert pieces[0] == "سلام" and pieces[1].endswith("@@")
    assert tokenizer.decode(pieces) == "سلام عليكم."


def test_package_without_tokenizer_is_reported(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="neither sentencepiece.model nor bpe.model"):
        load_tokenizer(tmp_path, "ar", "en")
