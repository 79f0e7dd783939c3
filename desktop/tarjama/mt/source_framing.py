"""The tokens a model wants around every source it is given, as NLLB wants its language token and ``</s>``.

Hugging Face's NllbTokenizer frames a source as ``["arb_Arab", ...pieces..., "</s>"]`` and the decoder starts
from ``["eng_Latn"]``; a model converted by ``ct2-transformers-converter`` keeps no trace of that in its
``config.json`` (``add_source_bos`` and ``add_source_eos`` are off), so the engine must add them itself, or the
model translates poorly or into another language. A package names its framing in ``metadata.json``
(``source_prefix``, ``source_suffix``, ``target_prefix``: one token each, "" for none); a CTranslate2 folder whose
vocabulary holds both language tokens is NLLB-style (:func:`detected_framing`).

Everything sent to CTranslate2 is framed (the search, its alternatives, the word scoring), every length limit
counts the framing tokens (:attr:`SourceFraming.extra`), and their attention columns are dropped before attention
is read as links to the source's own pieces (:meth:`SourceFraming.source_columns`).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

#: NLLB's codes for (Modern Standard) Arabic and English, and the end token its tokenizer puts after a source.
NLLB_ARABIC = "arb_Arab"
NLLB_ENGLISH = "eng_Latn"
NLLB_END = "</s>"


@dataclass(frozen=True)
class SourceFraming:
    """The tokens put before and after each source's pieces."""

    prefix: tuple[str, ...] = ()
    suffix: tuple[str, ...] = ()

    @classmethod
    def of(cls, prefix: str, suffix: str) -> SourceFraming:
        """The framing a package's metadata names ("" for none)."""
        return cls((prefix,) if prefix else (), (suffix,) if suffix else ())

    @property
    def extra(self) -> int:
        """How many of the model's input positions the framing takes."""
        return len(self.prefix) + len(self.suffix)

    def framed(self, sources: Sequence[Sequence[str]]) -> list[list[str]]:
        """Each source's pieces with the framing around them, as the model must receive them."""
        return [[*self.prefix, *tokens, *self.suffix] for tokens in sources]

    def source_columns(self, rows: Sequence[Sequence[float]]) -> list[Sequence[float]]:
        """Attention rows over a framed source cut to the source's own pieces, so column i is piece i."""
        end = len(self.suffix)
        return [row[len(self.prefix) : len(row) - end] for row in rows]


def detected_framing(source_vocabulary: Collection[str], target_vocabulary: Collection[str]) -> dict[str, str]:
    """The framing metadata of an NLLB-style model (its source vocabulary holding ``arb_Arab``, its target one
    ``eng_Latn``), {} for any other model."""
    if NLLB_ARABIC in source_vocabulary and NLLB_ENGLISH in target_vocabulary:
        return {"source_prefix": NLLB_ARABIC, "source_suffix": NLLB_END, "target_prefix": NLLB_ENGLISH}
    return {}
