"""What the decoder and the QA checks say about one machine translation, as numbers a calibration can weigh.

Glass-box features, per hypothesis, all available at translation time for free:

* ``mean_log_prob``: the hypothesis's length-normalised log-probability (the engine's old confidence was its exp);
* ``agreement``: how much the n-best list agrees with this hypothesis: the word-level Levenshtein similarity of
  each hypothesis (itself included) to it, averaged with each weighted by its probability (exp of its summed
  log-probability), so that beam search's improbable slips, which vary with the arithmetic of a batch, weigh
  nothing; 1 when there is only one.
  A model that is sure says the same thing every way it decodes;
* ``length_ratio``: target words per source word (a dropped clause or a repeated one shows here);
* QA signals, from the checks in `tarjama.qa.checks` run on the translation as they would run on approval:
  numbers missing or added, Arabic left in the English (unknown words copied), glossary terms not rendered.

The features are stored with the segment as JSON, tagged with the model that produced them: the calibration is
fitted per model, since one model's log-probabilities mean nothing for another's.

The probability of each word (`tarjama.mt.word_scores`) is not among them: it takes a scoring pass, made for the
translation only (the words the window marks), and a confidence must mean the same for every hypothesis and
whether or not its words were scored. On `bench/confidence_quality.py` the ranking is as good without it (Spearman
with HTER -0.80 either way), though a calibration fitted with it was sharper (Brier 0.08 against 0.12): worth
having once scoring every hypothesis costs little enough.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import asdict, dataclass

from rapidfuzz.distance import Levenshtein

from tarjama.domain import Segment
from tarjama.qa.checks import arabic_letters, glossary, numbers, untranslated
from tarjama.qa.context import QaContext, TermSource


@dataclass(frozen=True)
class ConfidenceFeatures:
    """The raw features of one translation (see the module)."""

    model: str
    mean_log_prob: float
    agreement: float
    length_ratio: float
    number_issues: int = 0
    arabic_left: int = 0
    glossary_missed: int = 0

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False)

    @classmethod
    def from_json(cls, value: str) -> ConfidenceFeatures | None:
        """The features stored as JSON, or None for a value this version cannot read (hand-edited, other fields)."""
        try:
            return cls(**json.loads(value))
        except (TypeError, ValueError):
            return None


def agreement(words: Sequence[str], others: Sequence[tuple[Sequence[str], float]], log_prob: float) -> float:
    """The expected word-level similarity of a hypothesis (summed log-probability `log_prob`) to the n-best list,
    itself included, each hypothesis weighted by its probability; the others are (words, summed log-probability).
    1 when the list agrees or holds only improbable others."""
    top = max(log_prob, *(other for _, other in others)) if others else log_prob
    weights = [math.exp(other - top) for _, other in others]
    similar = sum(w * Levenshtein.normalized_similarity(words, o) for w, (o, _) in zip(weights, others, strict=True))
    own = math.exp(log_prob - top)
    return (own + similar) / (own + sum(weights))


def qa_signals(source: str, target: str, terms: TermSource | None = None) -> tuple[int, int, int]:
    """(numbers missing or extra, Arabic runs left in the target, glossary terms missed), by the QA checks."""
    segment = Segment(id=0, paragraph_id=0, paragraph_index=0, position=0, source=source, target=target)
    context = QaContext(glossary=terms)
    number_issues = sum(1 for _ in numbers(segment, context))
    arabic = sum(1 for _ in untranslated(segment, context)) + sum(1 for _ in arabic_letters(segment, context))
    missed = sum(1 for _ in glossary(segment, context))
    return number_issues, arabic, missed


def features_of(
    model: str,
    source: str,
    text: str,
    mean_log_prob: float,
    others: Sequence[tuple[str, float]] = (),
    terms: TermSource | None = None,
    log_prob: float = 0.0,
) -> ConfidenceFeatures:
    """The features of translation `text` of `source`, whose score is `mean_log_prob` (`log_prob` summed), given
    the other hypotheses as (text, summed log-probability)."""
    target_words = text.split()
    number_issues, arabic, missed = qa_signals(source, text, terms)
    return ConfidenceFeatures(
        model=model,
        mean_log_prob=mean_log_prob,
        agreement=agreement(target_words, [(other.split(), other_log_prob) for other, other_log_prob in others],
                            log_prob),
        length_ratio=len(target_words) / max(1, len(source.split())),
        number_issues=number_issues,
        arabic_left=arabic,
        glossary_missed=missed,
    )
