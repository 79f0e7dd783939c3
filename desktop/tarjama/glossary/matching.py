"""Finding glossary terms in an Arabic sentence, although Arabic glues little words onto the front of the next one.

«والنصرة» is «و» (and) + «النصرة»; «للنصرة» is «ل» (for) + «ال» (the) + «نصرة» with the article's alef dropped;
«بالجيش الحر» is «ب» (with) + «الجيش الحر». A glossary lists the bare term, so a word matches a term when it is
the term with these proclitics in front, in this order, each optional:

* a conjunction: و or ف;
* then a preposition: ب، ك or ل;
* then the article ال (after ل written لل: «للنصرة», «ولليل»).

A term written without the article also matches with it (the term «جيش» is found in «الجيش» and «وبالجيش»), since
glossaries usually list the bare noun; a term written with it («النصرة», a name) needs it in the text. When both
«جيش» and «الجيش» are in the glossary, the one written as the text has it wins.

Words are compared in the TM's matching form (`tarjama.arabic.normalise_for_matching`), so harakat, tatweel and
hamza spellings do not matter, and only whole words match: nothing is stripped from the end of a word (a term
followed by a pronoun or plural suffix is not found), and nothing but the proclitics above from its start, so
«مدرسة» does not contain «درس». A proclitic is stripped only when at least two letters remain, which keeps
one-letter "stems" from matching. Later words of a multi-word term must follow exactly (after normalisation),
with the same spacing or punctuation between them as in the term.

Hits cover whole words in the raw text, clitics included (highlighting part of a joined Arabic word would break
its letter shapes). Where hits overlap the one covering more text wins, then the longer term.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from tarjama.arabic import normalise_for_matching, normalise_with_offsets
from tarjama.domain import GlossaryEntry, TermHit

_WORD = re.compile(r"[^\W_]+")
_CHUNK = re.compile(r"\S+")
_CONJUNCTIONS = ("", "و", "ف")
_PREPOSITIONS = ("", "ب", "ك", "ل")
_ARTICLE = "ال"
#: Letters a word must keep after its proclitics are stripped for that reading to count.
MIN_STEM_LETTERS = 2


@dataclass(frozen=True)
class _Term:
    """An entry as the finder compares it (its first words are where it is filed): the normalised words after the
    first, what separates each from the one before, and the length of the whole normalised term."""

    entry: GlossaryEntry
    later_words: tuple[str, ...]
    separators: tuple[str, ...]
    length: int
    order: int


@dataclass(frozen=True)
class _Candidate:
    term: _Term
    first_word: int
    last_word: int
    covered: int


def _word_readings(word: str) -> set[tuple[str, bool]]:
    """Every (stem, had the article) the normalised `word` can be read as once proclitics are taken off."""
    readings: set[tuple[str, bool]] = set()
    for conjunction in _CONJUNCTIONS:
        if not word.startswith(conjunction):
            continue
        after_conjunction = word[len(conjunction):]
        for preposition in _PREPOSITIONS:
            if not after_conjunction.startswith(preposition):
                continue
            stem = after_conjunction[len(preposition):]
            if (conjunction or preposition) and len(stem) < MIN_STEM_LETTERS:
                continue
            readings.add((stem, False))
            if stem.startswith(_ARTICLE) and len(stem) - len(_ARTICLE) >= MIN_STEM_LETTERS:
                readings.add((stem[len(_ARTICLE):], True))
            if preposition == "ل" and stem.startswith("ل"):
                readings.add((stem, True))  # before a noun starting with ل only one more lam: «لليل» is ل + الليل
                if len(stem) > MIN_STEM_LETTERS:
                    readings.add((stem[1:], True))  # لل = ل + ال: «للنصرة» is ل + النصرة
    return readings


@functools.lru_cache(maxsize=1 << 16)  # a project repeats its words: most are looked up once per run
def _lookup_keys(word: str) -> frozenset[str]:
    """The first words of terms `word` can stand for: each stem, and the stem with its article when it had one."""
    keys = set()
    for stem, had_article in _word_readings(word):
        keys.add(stem)
        if had_article:
            keys.add(_ARTICLE + stem)
    return frozenset(keys)


def _index_key(first: str, second: str | None = None) -> str:
    """Where a term is filed: under its first word alone, or with its second when it has more than one."""
    return first if second is None else f"{first} {second}"


# A project repeats its words (chunks) endlessly, so what is worked out for one is kept for the next sentence.
_normalised_chunk = functools.lru_cache(maxsize=1 << 16)(normalise_for_matching)


@functools.lru_cache(maxsize=1 << 14)
def _traced_chunk(chunk: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """`normalise_with_offsets` of a chunk, immutable so that it can be cached and shared."""
    normalised, offsets = normalise_with_offsets(chunk)
    return normalised, tuple(offsets)


class _Sentence:
    """A text in matching form, whose words can be traced back to the raw text.

    `normalise_with_offsets` traces every character but is a Python loop, the bulk of the time of a whole-project
    check; so each whitespace-separated chunk of the raw text is normalised alone with `normalise_for_matching`
    (chunks joined by one space, as that function would), and only the chunks a hit touches are traced, each
    chunk once per run.
    """

    def __init__(self, text: str) -> None:
        self._text = text
        self._chunks: list[tuple[int, int]] = []  # raw (start, end) of each chunk that leaves something
        self._parts: list[str] = []  # its normalised form
        self._bases: list[int] = []  # where that starts in `normalised`
        position = 0
        for chunk in _CHUNK.finditer(text):
            part = _normalised_chunk(chunk.group())
            if part:
                self._chunks.append(chunk.span())
                self._parts.append(part)
                self._bases.append(position)
                position += len(part) + 1
        self.normalised = " ".join(self._parts)
        self.words = list(_WORD.finditer(self.normalised))

    def raw_span(self, first_word: int, last_word: int) -> tuple[int, int]:
        """The raw (start, end) of words `first_word` to `last_word`, with the harakat that follow the last letter."""
        return (
            self._raw(self.words[first_word].start(), at_end=False),
            self._raw(self.words[last_word].end() - 1, at_end=True),
        )

    def _raw(self, position: int, *, at_end: bool) -> int:
        index = bisect.bisect_right(self._bases, position) - 1
        start, end = self._chunks[index]
        traced, offsets = _traced_chunk(self._text[start:end])
        if traced != self._parts[index]:  # never seen in practice; then the whole chunk is the best answer
            return end if at_end else start
        return start + offsets[position - self._bases[index]][1 if at_end else 0]


class TermFinder:
    """Finds a glossary's terms in source sentences; built once per glossary, then asked for each segment.

    Terms are indexed by their first normalised word (and their second, for terms of several words), so a
    sentence costs a few dictionary look-ups per word whatever the size of the glossary, even when hundreds of
    terms begin with the same word («وزارة ...»). Immutable once built: one finder may serve several threads.
    """

    def __init__(self, entries: Iterable[GlossaryEntry]) -> None:
        self._by_first_words: dict[str, list[_Term]] = {}
        english: list[str] = []
        for order, entry in enumerate(entries):
            english.extend(entry.targets)
            term = _Sentence(entry.source)  # normalised exactly as the sentences it is looked for in
            words, normalised = term.words, term.normalised
            if not words:
                continue
            self._by_first_words.setdefault(_index_key(*(m.group() for m in words[:2])), []).append(
                _Term(
                    entry=entry,
                    later_words=tuple(m.group() for m in words[1:]),
                    separators=tuple(normalised[a.end():b.start()] for a, b in zip(words, words[1:], strict=False)),
                    length=words[-1].end() - words[0].start(),
                    order=order,
                )
            )

        self._english = tuple(english)

    def __bool__(self) -> bool:
        return bool(self._by_first_words)

    def english_terms(self) -> tuple[str, ...]:
        """The English of every term, whatever sentence it is found in (the spellcheck takes its words as known)."""
        return self._english

    def find_terms(self, source: str) -> list[TermHit]:
        """The glossary terms in `source`, in text order, with their spans in the raw `source` (see module doc)."""
        if not self._by_first_words:
            return []
        sentence = _Sentence(source)
        words = sentence.words
        candidates = []
        for index, word in enumerate(words):
            following = words[index + 1].group() if index + 1 < len(words) else None
            for first in _lookup_keys(word.group()):
                for key in (first,) if following is None else (first, _index_key(first, following)):
                    for term in self._by_first_words.get(key, ()):
                        last = self._last_word(term, words, index, sentence.normalised)
                        if last is not None:
                            covered = words[last].end() - word.start()
                            candidates.append(_Candidate(term, index, last, covered))
        taken: set[int] = set()
        hits = []
        for candidate in sorted(candidates, key=lambda c: (-c.covered, -c.term.length, c.first_word, c.term.order)):
            span = range(candidate.first_word, candidate.last_word + 1)
            if taken.isdisjoint(span):
                taken.update(span)
                start, end = sentence.raw_span(candidate.first_word, candidate.last_word)
                hits.append(TermHit(candidate.term.entry, start, end))
        return sorted(hits, key=lambda hit: hit.start)

    @staticmethod
    def _last_word(term: _Term, words: list[re.Match[str]], first: int, normalised: str) -> int | None:
        """The index of the last word of `term` if its later words follow word `first` in the text, else None."""
        last = first + len(term.later_words)
        if last >= len(words):
            return None
        for offset, (expected, separator) in enumerate(zip(term.later_words, term.separators, strict=True)):
            previous, word = words[first + offset], words[first + offset + 1]
            if word.group() != expected or normalised[previous.end():word.start()] != separator:
                return None
        return last
