"""The words of a segment's machine translation with the model's probability of each, scored after the fact.

Pre-translation leaves the words out (scoring them costs a fifth of its speed: `mt.engine.EngineSettings`); the
window asks for them for the segments it shows, which is all a translator ever looks at. The machine text carries the
source's tag marks, placed after the translation; the model scored the text without them, so the words are scored
on the plain text and moved onto the marked one (`mt.word_scores.onto_tagged`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from tarjama.domain import Segment, WordScore
from tarjama.inline_tags import plain_positions
from tarjama.mt.word_scores import onto_tagged
from tarjama.project.schema import words_to_json
from tarjama.project.store import ProjectStore


class WordScorer(Protocol):
    def score_words(self, pairs: Sequence[tuple[str, str]]) -> list[tuple[WordScore, ...]]: ...


def score_machine_words(scorer: WordScorer, segments: Sequence[Segment]) -> list[tuple[WordScore, ...]]:
    """Each segment's words of its `mt_text` (offsets in it, tag marks included); none for one without."""
    plain = [plain_positions(segment.mt_text or "")[0] for segment in segments]
    scored = scorer.score_words([(segment.plain_source, text) for segment, text in zip(segments, plain, strict=True)])
    return [onto_tagged(words, text, segment.mt_text or "")
            for segment, text, words in zip(segments, plain, scored, strict=True)]


def keep_machine_words(store: ProjectStore, scored: Sequence[tuple[Segment, tuple[WordScore, ...]]]) -> list[int]:
    """Store the words scored for these segments, in one transaction, where the machine text is still the one
    scored and has no words yet (a new translation may have come in meanwhile); the ids of those stored."""
    kept = []
    with store.batch() as db:
        for segment, words in scored:
            if words and db.execute(
                "UPDATE segments SET mt_words = ? WHERE id = ? AND mt_text = ? AND mt_words IS NULL",
                [words_to_json(words), segment.id, segment.mt_text],
            ).rowcount:
                kept.append(segment.id)
    return kept
