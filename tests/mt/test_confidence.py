"""Confidence features and word scores on the tiny glossary model, whose probabilities are known in advance.

The glossary model (tests/tiny_models.py) gives a right gloss logit 12, a second gloss 12 + offset, every other
token about 0, and is certain of end-of-sentence: so "بيت" is "house" with p = e^12 / (e^12 + e^11 + rest) and
"كبير" is "big" with p = e^12 / (e^12 + e^11.6 + rest), and every other word is near certain.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from tarjama.domain import GlossaryEntry, ImportedDocument, TermHit, WordScore
from tarjama.inline_tags import close_mark, open_mark
from tarjama.mt.calibration import current
from tarjama.mt.confidence_features import ConfidenceFeatures, qa_signals
from tarjama.mt.engine import EngineSettings, Translator
from tarjama.mt.word_scores import joined, onto_tagged, word_scores
from tarjama.project.pretranslate import pretranslate
from tarjama.project.store import ProjectStore

#: The glossary model's vocabulary beyond the two glosses of an ambiguous word, each at logit ~0.
_REST = 75


@pytest.fixture(scope="module")
def scoring(glossary_dir: Path) -> Translator:
    """A translator with word scores on (they are off by default: see `EngineSettings.word_scores`)."""
    return Translator(glossary_dir, EngineSettings(word_scores=True))


def _gloss_probability(offset: float) -> float:
    return math.exp(12) / (math.exp(12) + math.exp(12 + offset) + _REST)


def _words(text: str, words: tuple[WordScore, ...]) -> list[str]:
    return [text[w.start : w.end] for w in words]


def test_word_spans_line_up_with_the_translation(scoring: Translator) -> None:
    sources = ["بيت كبير في مدينة جميل .", "قرأ بنت كتاب", "سلام Tarjama سلام"]
    for result in scoring.translate(sources):
        assert _words(result.text, result.words) == result.text.split()
        assert all(0 < w.probability <= 1 for w in result.words)


def test_word_probabilities_are_the_models(scoring: Translator) -> None:
    result = scoring.translate_one("بيت كبير في مدينة")
    probabilities = dict(zip(result.text.split(), (w.probability for w in result.words), strict=True))
    assert result.text == "house big in city"
    assert probabilities["house"] == pytest.approx(_gloss_probability(-1.0), abs=0.02)
    assert probabilities["big"] == pytest.approx(_gloss_probability(-0.4), abs=0.02)
    assert probabilities["in"] > 0.99 and probabilities["city"] > 0.99


def test_words_scored_afterwards_are_those_scored_with_the_translation(glossary_dir: Path,
                                                                      scoring: Translator) -> None:
    """What the window asks for the segments it shows (pre-translation leaves the words out by default) gives the
    words and probabilities the search's own scoring gave; a text the model cannot score gives none."""
    sources = ["بيت كبير في مدينة", "قرأ بنت كتاب", ""]
    with_words = scoring.translate(sources)
    plain = Translator(glossary_dir)
    assert plain.settings.word_scores is False and all(not r.words for r in plain.translate(sources))
    afterwards = plain.score_words([(r.source, r.text) for r in with_words])
    for result, words in zip(with_words, afterwards, strict=True):
        assert [(w.start, w.end) for w in words] == [(w.start, w.end) for w in result.words]
        assert [w.probability for w in words] == pytest.approx([w.probability for w in result.words], abs=1e-4)
    assert afterwards[0] and afterwards[2] == ()
    house = plain.score_words([("بيت", "house"), ("بيت", "home")])
    assert house[0][0].probability == pytest.approx(_gloss_probability(-1.0), abs=0.02)
    assert house[1][0].probability < 0.5  # the second gloss, forced


def test_features_from_the_decoder(scoring: Translator) -> None:
    ambiguous, sure = scoring.translate(["بيت كبير", "ذهب ولد إلى مدرسة ."])
    features = ambiguous.features
    assert features is not None and sure.features is not None
    assert features.model == scoring.package.name
    assert math.exp(features.mean_log_prob) == pytest.approx(ambiguous.raw_confidence)
    assert features.length_ratio == 1.0
    # "house large" and "home big" are likely enough to disagree with "house big" on a word in two.
    assert 0.5 < features.agreement < 0.95
    assert sure.features.agreement > 0.99
    assert sure.confidence > ambiguous.confidence
    # Calibrated with the same features, an alternative compares with the translation.
    assert all(a.confidence < ambiguous.confidence for a in ambiguous.alternatives)
    assert ConfidenceFeatures.from_json(ambiguous.alternatives[0].features or "") is not None


def test_qa_signals_lower_the_confidence(scoring: Translator) -> None:
    unknown, known = scoring.translate(["ولد زززز", "ولد صغير"])
    assert unknown.text == "boy زززز"  # the unknown word is copied
    assert unknown.features is not None and unknown.features.arabic_left >= 1
    assert unknown.confidence < 0.5 < known.confidence
    assert qa_signals("ذهب 5 ولد", "went boy") == (1, 0, 0)

    class Terms:
        def find_terms(self, source: str) -> list[TermHit]:
            return [TermHit(GlossaryEntry("ولد", ("child",)), 0, 3)]

        def english_terms(self) -> tuple[str, ...]:
            return ("child",)

    assert qa_signals("ولد", "boy", Terms()) == (0, 0, 1)
    assert qa_signals("ولد", "child", Terms()) == (0, 0, 0)


def test_word_scores_mark_words_and_leave_the_confidence_alone(glossary_dir: Path) -> None:
    """Word scores are for the translator's eyes (the window marks the unsure words): with them or without, a
    translation is as confident, and only the translation is scored, not its alternatives."""
    scored = Translator(glossary_dir, EngineSettings(word_scores=True)).translate_one("بيت كبير")
    bare = Translator(glossary_dir, EngineSettings(word_scores=False)).translate_one("بيت كبير")
    assert scored.words and bare.words == ()
    assert all(not alternative.words for alternative in scored.alternatives)
    assert scored.confidence == pytest.approx(bare.confidence)
    assert [a.confidence for a in scored.alternatives] == pytest.approx([a.confidence for a in bare.alternatives])


def test_words_of_tokens_without_word_marks_are_found_by_decoding() -> None:
    """BPE with Moses detokenisation: "@@" joins pieces, and "." is glued to the word before it."""
    tokens = ["the", "mini@@", "ster", "said", "."]

    def decode(pieces: list[str]) -> str:
        return " ".join(pieces).replace("@@ ", "").replace(" .", ".")

    text = decode(tokens)
    words = word_scores(tokens, [-0.1, -2.0, -0.1, -0.3, -1.0], text, decode)
    assert _words(text, words) == ["the", "minister", "said."]
    assert [w.probability for w in words] == pytest.approx([math.exp(-0.1), math.exp(-2.0), math.exp(-1.0)])


def test_words_move_onto_joined_pieces_and_tagged_text() -> None:
    first = ("house big", (WordScore(0, 5, 0.7), WordScore(6, 9, 0.6)))
    second = ("city", (WordScore(0, 4, 0.9),))
    words = joined([first, ("", ()), second])
    assert _words("house big city", words) == ["house", "big", "city"]
    tagged = f"{open_mark(1)}house{close_mark(1)} big city"
    moved = onto_tagged(words, "house big city", tagged)
    assert [tagged[w.start : w.end] for w in moved] == ["house", "big", "city"]
    assert onto_tagged(words, "house big city", "something else") == ()


def test_pretranslation_stores_word_scores_features_and_calibrated_confidence(
    scoring: Translator, tmp_path: Path
) -> None:
    document = ImportedDocument("a.txt", "txt", ["بيت كبير في مدينة", "ذهب ولد إلى مدرسة"])
    with ProjectStore.create(tmp_path / "p.tarjama", [document]) as store:
        pretranslate(store, scoring)
        ambiguous, sure = store.segments()
    for segment in (ambiguous, sure):
        assert segment.mt_text is not None
        assert _words(segment.mt_text, segment.mt_words) == segment.mt_text.split()
        stored = ConfidenceFeatures.from_json(segment.mt_features or "")
        assert stored is not None and stored.model == scoring.package.name
        expected = current(scoring.calibration_key).probability(stored)
        assert segment.confidence == pytest.approx(expected)
    assert min(w.probability for w in ambiguous.mt_words) < 0.8 < min(w.probability for w in sure.mt_words)
    assert json.loads(ambiguous.mt_features or "")["agreement"] < 1


def test_pretranslation_counts_the_project_glossary_terms_a_translation_missed(
    glossary_dir: Path, tmp_path: Path
) -> None:
    """The glossary signal of the confidence: with the project's glossary saying "ولد" is "child", the engine's
    "boy" misses a term, which the stored features say and the calibrated confidence weighs."""
    from tarjama.glossary.store import Glossary, set_project_glossary

    document = ImportedDocument("a.txt", "txt", ["ولد صغير", "بنت صغير"])
    translator = Translator(glossary_dir)
    with ProjectStore.create(tmp_path / "before.tarjama", [document]) as store:
        pretranslate(store, translator)
        before = [ConfidenceFeatures.from_json(s.mt_features or "") for s in store.segments()]
    with ProjectStore.create(tmp_path / "p.tarjama", [document]) as store:
        set_project_glossary(store, tmp_path / "terms.tarjama-glossary")
        with Glossary.open(tmp_path / "terms.tarjama-glossary") as glossary:
            glossary.add(GlossaryEntry("ولد", ("child",)))
        pretranslate(store, translator)
        boy, girl = store.segments()
    assert [f.glossary_missed for f in before if f] == [0, 0]
    after = ConfidenceFeatures.from_json(boy.mt_features or "")
    assert boy.mt_text == "boy small" and after is not None and after.glossary_missed == 1
    assert boy.confidence < current(translator.calibration_key).probability(before[0])  # type: ignore[arg-type]
    assert ConfidenceFeatures.from_json(girl.mt_features or "").glossary_missed == 0  # type: ignore[union-attr]
