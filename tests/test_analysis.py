"""The analysis by match band: a project built so that a segment falls into each band, counted exactly.

Every sentence is WORDS made-up Arabic words of three letters (no word shared between two sentences, so nothing
matches by accident) ending in a full stop: WORDS words and 3 * WORDS + 1 characters. A fuzzy unit differs from
its segment in k words, which `tarjama.memory.scoring.score` scores (WORDS - k) / WORDS: 95, 90, 80 and 70 %.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest

from tarjama.domain import ImportedDocument, MachineSuggestion, TmUnit
from tarjama.inline_tags import close_mark, open_mark
from tarjama.memory.link import segment_context
from tarjama.memory.store import TranslationMemory
from tarjama.project.analysis import AnalysisCancelled, Counts, analyse_project, default_weights
from tarjama.project.match_bands import ConfidenceBand, MatchBand
from tarjama.project.store import ProjectStore
from tarjama.project.word_count import count_text
from tarjama.settings import ANALYSIS_WEIGHTS

WORDS = 20
CHARACTERS = 3 * WORDS + 1
_LETTERS = "بتثجحخدذرزسشصضطظعغفقكلمنهوي"
_WORD_SUPPLY = ("".join(letters) for letters in itertools.permutations(_LETTERS, 3))


def sentence_words() -> list[str]:
    return [next(_WORD_SUPPLY) for _ in range(WORDS)]


def sentence(words: list[str]) -> str:
    return " ".join(words) + "."


def changed(words: list[str], count: int) -> list[str]:
    """`words` with the first `count` replaced by words no other sentence has."""
    return [next(_WORD_SUPPLY) for _ in range(count)] + words[count:]


CONTEXT_WORDS, EXACT_WORDS, NEW_WORDS, NEW2_WORDS = (sentence_words() for _ in range(4))
FUZZY_WORDS = {edits: sentence_words() for edits in (1, 2, 4, 6)}  # 95, 90, 80 and 70 %
CONTEXT, EXACT, NEW, NEW2 = map(sentence, (CONTEXT_WORDS, EXACT_WORDS, NEW_WORDS, NEW2_WORDS))
FUZZY = {edits: sentence(changed(words, edits)) for edits, words in FUZZY_WORDS.items()}
#: NEW with harakat on its first word: the same normalised source, so a repetition.
NEW_VOWELLED = sentence([NEW_WORDS[0][0] + "\u064e" + NEW_WORDS[0][1:], *NEW_WORDS[1:]])

# Each sentence is a paragraph of its own: its context is "no neighbours" (segment_context(None, None)).
FILE_A = [CONTEXT, EXACT, FUZZY[1], FUZZY[2], FUZZY[4], FUZZY[6], NEW, NEW2]
FILE_B = [EXACT, FUZZY[1], NEW_VOWELLED]


def build_memory(path: Path) -> Path:
    """The memory: CONTEXT stored with the context it has in the project, EXACT and the fuzzy units without one."""
    with TranslationMemory.create(path) as memory:
        memory.add(TmUnit(CONTEXT, "In context.", context=segment_context(None, None)))
        memory.import_units([TmUnit(EXACT, "Exact."), *(TmUnit(sentence(w), "Fuzzy.") for w in FUZZY_WORDS.values())])
    return path


def build_project(folder: Path) -> Path:
    """The project (a.txt, b.txt) linked to its memory, NEW and NEW2 machine-translated at 0.95 and 0.3."""
    memory = build_memory(folder / "m.tarjama-tm")
    documents = [ImportedDocument("a.txt", "txt", FILE_A), ImportedDocument("b.txt", "txt", FILE_B)]
    with ProjectStore.create(folder / "p.tarjama", documents) as store:
        store.link_tm(memory)
        by_source = {s.source: s.id for s in store.segments()}
        store.apply_machine_translations([
            (by_source[NEW], MachineSuggestion("New.", 0.95), ()),
            (by_source[NEW2], MachineSuggestion("New too.", 0.3), ()),
        ])
        return store.path


@pytest.fixture
def store(tmp_path: Path) -> Iterator[ProjectStore]:
    with ProjectStore.open(build_project(tmp_path)) as opened:
        yield opened


def one(segments: int) -> Counts:
    return Counts(segments, segments * WORDS, segments * CHARACTERS)


def test_each_band_counted_with_matches_before_repetitions(store: ProjectStore) -> None:
    analysis = analyse_project(store)  # the linked memory
    assert analysis.memory == store.tm_path
    expected = {
        MatchBand.CONTEXT: one(1),
        MatchBand.EXACT: one(2),  # the second EXACT, in b.txt, is a repetition too, but a 100 % match first
        MatchBand.REPETITION: one(2),  # FUZZY[1] again, and NEW with harakat
        MatchBand.FUZZY_95: one(1),
        MatchBand.FUZZY_85: one(1),
        MatchBand.FUZZY_75: one(1),
        MatchBand.FUZZY_50: one(1),
        MatchBand.NO_MATCH: one(2),
    }
    assert dict(analysis.total.bands) == expected
    assert analysis.total.total == one(len(FILE_A) + len(FILE_B))
    a, b = analysis.files
    assert (a.name, b.name) == ("a.txt", "b.txt")
    assert a.bands[MatchBand.REPETITION] == Counts() and a.bands[MatchBand.NO_MATCH] == one(2)
    assert (b.bands[MatchBand.EXACT], b.bands[MatchBand.REPETITION]) == (one(1), one(2))
    assert dict(analysis.total.machine) == {
        ConfidenceBand.LIKELY_FINE: one(1), ConfidenceBand.CHECK: Counts(), ConfidenceBand.UNSURE: one(1)
    }
    weights = default_weights()
    assert analysis.total.weighted_words(weights) == sum(
        counts.words * ANALYSIS_WEIGHTS[band.value] for band, counts in expected.items()
    ) / 100


def test_repetitions_first_counts_a_repeated_exact_match_as_a_repetition(store: ProjectStore) -> None:
    before = analyse_project(store)
    first = analyse_project(store, repetitions_first=True)
    assert first.repetitions_first
    assert first.total.bands[MatchBand.EXACT] == one(1)
    assert first.total.bands[MatchBand.REPETITION] == one(3)
    assert first.total.bands[MatchBand.CONTEXT] == one(1)
    weights = default_weights()
    moved = WORDS * (weights[MatchBand.EXACT] - weights[MatchBand.REPETITION]) / 100
    assert first.total.weighted_words(weights) == before.total.weighted_words(weights) - moved


def test_edited_weights_change_the_weighted_words(store: ProjectStore) -> None:
    analysis = analyse_project(store)
    free_fuzzy = default_weights() | {MatchBand.FUZZY_50: 0}
    assert analysis.total.weighted_words(free_fuzzy) == (
        analysis.total.weighted_words(default_weights()) - WORDS * ANALYSIS_WEIGHTS["50-74"] / 100
    )


def test_without_a_memory_only_repetitions_and_no_match(tmp_path: Path) -> None:
    documents = [ImportedDocument("a.txt", "txt", FILE_A), ImportedDocument("b.txt", "txt", FILE_B)]
    with ProjectStore.create(tmp_path / "plain.tarjama", documents) as store:
        analysis = analyse_project(store)
    assert analysis.memory is None
    assert analysis.total.bands[MatchBand.REPETITION] == one(3)
    assert analysis.total.bands[MatchBand.NO_MATCH] == one(len(FILE_A))


def test_a_missing_linked_memory_is_an_error_not_an_analysis_without_matches(store: ProjectStore) -> None:
    assert store.tm_path is not None
    store.tm_path.unlink()
    with pytest.raises(Exception, match="is missing"):
        analyse_project(store)


def test_progress_is_reported_and_cancel_stops(store: ProjectStore) -> None:
    seen: list[tuple[int, int]] = []
    analyse_project(store, on_progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (len(FILE_A) + len(FILE_B),) * 2
    with pytest.raises(AnalysisCancelled):
        analyse_project(store, cancel=lambda: True)


@pytest.mark.parametrize(
    ("text", "words", "characters"),
    [
        ("وبالمدينة والكتاب", 2, 16),  # clitics attached: one word each
        ("عام 2024 و١٢ شخصا", 4, 14),  # numbers are words (Western and Arabic-Indic digits)
        ("قال – «نعم» ، ...", 2, 13),  # a dash, a comma and dots alone are no words, but are characters
        ("كَتَبَ الـــولد", 2, 8),  # harakat and tatweel are not characters
        (f"{open_mark(1)}مهم{close_mark(1)} جدا {open_mark(2)}", 2, 6),  # tag marks are neither
    ],
)
def test_words_and_characters_as_cat_tools_count_arabic(text: str, words: int, characters: int) -> None:
    assert (count_text(text).words, count_text(text).characters) == (words, characters)
