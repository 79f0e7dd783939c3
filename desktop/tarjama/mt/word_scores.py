"""How sure the model was of each word of its translation: token log-probabilities turned into words of the text.

CTranslate2 4.8.5's beam search returns one score per hypothesis and no per-token scores (`return_logits_vocab`
gives nothing under beam search, and a whole vocabulary per step would be too dear anyway). So the engine asks
`score_batch` for the chosen hypotheses after the search: one forced-decoding pass over tokens already known, which
runs every target position at once and costs a fraction of the search (measured in `bench/confidence_quality.py
--cost`). Its log-probabilities are those the search used: their mean is the hypothesis's score, end token included.

A word is a run of non-space characters of the detokenised text; its probability is the lowest of its tokens'
(a word is as doubtful as its most doubtful piece). Tokens are assigned to words by sentencepiece's word mark
(a piece starting with "▁" starts a word) when that gives as many groups as the text has words, which is the rule;
otherwise (BPE with Moses detokenisation, which glues punctuation to words) by decoding token prefixes and seeing
which characters each token added.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence

from tarjama.domain import WordScore
from tarjama.inline_tags import plain_positions

_WORD = re.compile(r"\S+")
_WORD_MARK = "\u2581"


def submit_scoring(
    model: object, sources: Sequence[list[str]], targets: Sequence[list[str]], prefix: Sequence[str] = ()
) -> list[object]:
    """Start scoring each target given its source (asynchronous: `scored_log_probs` waits for the results); the
    forced `prefix`, put before each target here, is left out, as the search leaves it out of its score."""
    if not targets:
        return []
    return model.score_batch(  # type: ignore[attr-defined]
        list(sources), [list(prefix) + list(target) for target in targets], offset=len(prefix), max_input_length=0,
        asynchronous=True,
    )


def scored_log_probs(handles: Sequence[object]) -> list[list[float]]:
    """Each scored target's token log-probabilities, the end token's last, once its scoring is done."""
    return [list(handle.result().log_probs) for handle in handles]  # type: ignore[attr-defined]


def _groups_by_mark(tokens: Sequence[str]) -> list[list[int]]:
    groups: list[list[int]] = []
    for index, token in enumerate(tokens):
        if not groups or token.startswith(_WORD_MARK):
            groups.append([])
        groups[-1].append(index)
    return [group for group in groups if any(tokens[i].strip(_WORD_MARK) for i in group)]


def _groups_by_decoding(tokens: Sequence[str], text: str, decode: Callable[[list[str]], str],
                        spans: Sequence[tuple[int, int]]) -> list[list[int]]:
    """Per word span, the tokens whose decoding added characters inside it."""
    groups: list[list[int]] = [[] for _ in spans]
    before = 0
    for index in range(len(tokens)):
        after = min(len(decode(list(tokens[: index + 1]))), len(text))
        for word, (start, end) in enumerate(spans):
            if start < max(after, before + 1) and before < end:
                groups[word].append(index)
        before = max(before, after)
    return groups


def word_scores(
    tokens: Sequence[str], log_probs: Sequence[float], text: str, decode: Callable[[list[str]], str]
) -> tuple[WordScore, ...]:
    """The words of `text` (the decoding of `tokens`) with the probability of each (see the module)."""
    spans = [found.span() for found in _WORD.finditer(text)]
    groups = _groups_by_mark(tokens)
    if len(groups) != len(spans):
        groups = _groups_by_decoding(tokens, text, decode, spans)
    words = []
    for (start, end), group in zip(spans, groups, strict=True):
        lowest = min((log_probs[i] for i in group if i < len(log_probs)), default=0.0)
        words.append(WordScore(start, end, math.exp(lowest)))
    return tuple(words)


def joined(parts: Sequence[tuple[str, tuple[WordScore, ...]]], separator: str = " ") -> tuple[WordScore, ...]:
    """The words of the pieces of a split segment, moved onto their texts joined by `separator` (empty pieces
    left out, as the engine leaves them out of the joined text)."""
    words: list[WordScore] = []
    offset = 0
    for text, part in (piece for piece in parts if piece[0]):
        words.extend(WordScore(w.start + offset, w.end + offset, w.probability) for w in part)
        offset += len(text) + len(separator)
    return tuple(words)


def onto_tagged(words: Sequence[WordScore], text: str, tagged: str) -> tuple[WordScore, ...]:
    """The words of `text` moved onto `tagged`, the same text with inline-tag marks put in (a tag placed inside a
    word stays inside its span). Empty when `tagged` is not `text` with marks: then the spans would lie."""
    if tagged == text:
        return tuple(words)
    bare, positions = plain_positions(tagged)
    if bare != text:
        return ()
    return tuple(WordScore(positions[w.start], positions[w.end - 1] + 1, w.probability) for w in words)
