"""Numbers in a source and its translation, read across numeral systems and compared as multisets.

A number is read from the text `normalise_for_matching` gives (Arabic-Indic ٠-٩ and Extended ۰-۹ digits become
0-9, digit by digit, so a mixed "1٣" is 13), with the Arabic decimal separator ٫ or "." and the thousands separator
٬ or "," (before exactly three digits): "٣٫٥" is 3.5 and "١٬٢٠٠" is 1200, as are "1,200" and "1200". A percent
sign or word next to it (٪ % "في المئة" "percent") makes it a percentage, and a scale word after it ("٣ ملايين",
"3 million") lets it stand for the multiplied value too.

Number words ("three", "ثلاثة", "March") are read as well, but only to excuse: a numeral on one side may be matched
by a word on the other, and a word that matches nothing is never reported. So "٣" → "three" passes, "three" in a
target whose source spells "ثلاثة" passes, and "one of the…" is not a number anyone asked for.

Order does not matter, counts do: "٥ و٥" needs two 5s in the target.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from tarjama.arabic import normalise_for_matching, normalise_with_offsets
from tarjama.domain import Span
from tarjama.qa import language

_NUMERAL = r"(?<!\d)\d+(?:[,٬]\d{3}(?!\d))*(?:[.٫]\d+)?"
_WORD = r"[^\W\d_]+(?:-[^\W\d_]+)*"
_TOKEN = re.compile(rf"(?P<numeral>{_NUMERAL})|(?P<word>{_WORD})")


def _alternation(words: Sequence[str]) -> str:
    """A regex alternation of normalised phrases, longest first so that "per cent" wins over "per"."""
    forms = sorted({normalise_for_matching(w) for w in words}, key=len, reverse=True)
    return "|".join(re.escape(form).replace(r"\ ", r"\s+") for form in forms)


def _normalised_table(table: dict[str, int]) -> dict[str, int]:
    return {normalise_for_matching(word): value for word, value in table.items()}


_SCALES = _normalised_table(language.SCALE_WORDS)
_SCALE_AFTER = re.compile(rf"\s+({_alternation(list(language.SCALE_WORDS))})(?!\w)")
_PERCENT_AFTER = re.compile(rf"\s*[{language.PERCENT_SIGNS}]|\s+(?:{_alternation(language.PERCENT_WORDS)})(?!\w)")
_PERCENT_BEFORE = re.compile(rf"[{language.PERCENT_SIGNS}]\s?$")
_NUMBER_WORDS = _normalised_table(language.ENGLISH_NUMBER_WORDS) | _normalised_table(language.ARABIC_NUMBER_WORDS)
_PREFIXES = tuple(normalise_for_matching(p) for p in language.ARABIC_WORD_PREFIXES)
_SEPARATORS_TO_ASCII = str.maketrans({"٫": ".", "٬": "", ",": ""})


@dataclass(frozen=True)
class NumberMention:
    """A number as written in a text: `span` in the raw text; `values` what it may stand for (as written, and
    multiplied by a scale word after it); `spelled` for a number word, which excuses but is never required."""

    text: str
    span: Span
    values: frozenset[Decimal]
    percent: bool
    spelled: bool

    @property
    def plain(self) -> str:
        """The numeral in 0-9 with "." for decimals and no grouping (what a translator would type in English)."""
        return normalise_for_matching(self.text).translate(_SEPARATORS_TO_ASCII)


@dataclass(frozen=True)
class NumberComparison:
    """How the numbers of a source and target differ; all empty when every numeral has its counterpart."""

    #: Numerals of the source with no counterpart in the target.
    missing: tuple[NumberMention, ...] = ()
    #: Numerals of the target with no counterpart in the source.
    extra: tuple[NumberMention, ...] = ()
    #: (source, target) pairs of the same number where only one of the two is a percentage.
    percent_differs: tuple[tuple[NumberMention, NumberMention], ...] = ()


def _word_value(word: str) -> int | None:
    """The value of a number word: from the tables, a hyphenated "twenty-five", or an Arabic word with clitics."""
    if word in _NUMBER_WORDS:
        return _NUMBER_WORDS[word]
    tens, _, units = word.partition("-")
    if units and _NUMBER_WORDS.get(tens, 0) in range(20, 100, 10) and _NUMBER_WORDS.get(units, 0) in range(1, 10):
        return _NUMBER_WORDS[tens] + _NUMBER_WORDS[units]
    for prefix in _PREFIXES:
        if word.startswith(prefix) and word[len(prefix) :] in _NUMBER_WORDS:
            return _NUMBER_WORDS[word[len(prefix) :]]
    return None


def find_numbers(text: str) -> list[NumberMention]:
    """Every numeral and number word of `text`, in order, with its raw span."""
    normalised, offsets = normalise_with_offsets(text)
    mentions: list[NumberMention] = []
    consumed = 0  # a scale word read as part of the number before it is not a number of its own
    for token in _TOKEN.finditer(normalised):
        if token.start() < consumed:
            continue
        if token["numeral"]:
            value = Decimal(token["numeral"].translate(_SEPARATORS_TO_ASCII))
        else:
            word_value = _word_value(token["word"])
            if word_value is None:
                continue
            value = Decimal(word_value)
        end = token.end()
        values = {value}
        scale = _SCALE_AFTER.match(normalised, end)
        if scale:
            values.add(value * _SCALES[" ".join(scale[1].split())])
            end = consumed = scale.end()
        percent = bool(_PERCENT_AFTER.match(normalised, end) or _PERCENT_BEFORE.search(normalised, 0, token.start()))
        span = (offsets[token.start()][0], offsets[token.end() - 1][1])
        mentions.append(
            NumberMention(text[span[0] : span[1]], span, frozenset(values), percent, spelled=not token["numeral"])
        )
    return mentions


Fits = Callable[[NumberMention, NumberMention], bool]


def _pair(
    left: Sequence[NumberMention], right: Sequence[NumberMention], fits: Fits
) -> tuple[list[tuple[NumberMention, NumberMention]], list[NumberMention], list[NumberMention]]:
    """A largest pairing of left to right items that fit (Kuhn's augmenting paths), and the items left unpaired.

    Greedy pairing is not enough once a scale word gives a number two values: "3 million" may be needed for the
    3 while "3,000,000" is free for the 3000000.
    """
    owner: dict[int, int] = {}  # right index -> left index

    def place(i: int, seen: set[int]) -> bool:
        for j, candidate in enumerate(right):
            if j not in seen and fits(left[i], candidate):
                seen.add(j)
                if j not in owner or place(owner[j], seen):
                    owner[j] = i
                    return True
        return False

    for i in range(len(left)):
        place(i, set())
    paired_left = set(owner.values())
    pairs = sorted(((left[i], right[j]) for j, i in owner.items()), key=lambda pair: pair[0].span)
    return (
        pairs,
        [m for i, m in enumerate(left) if i not in paired_left],
        [m for j, m in enumerate(right) if j not in owner],
    )


def _same_value(a: NumberMention, b: NumberMention) -> bool:
    return not a.values.isdisjoint(b.values)


def _numerals_alike(a: NumberMention, b: NumberMention) -> bool:
    return not a.spelled and not b.spelled and a.percent == b.percent and _same_value(a, b)


def _alike(a: NumberMention, b: NumberMention) -> bool:
    return a.percent == b.percent and _same_value(a, b)


def _numerals_but_percent(a: NumberMention, b: NumberMention) -> bool:
    return not a.spelled and not b.spelled and _same_value(a, b)


def compare_numbers(source: str, target: str) -> NumberComparison:
    """Pair the source's numbers with the target's: numerals with numerals first (so a word cannot take a numeral's
    counterpart), then with number words, then the same number where only one side is a percentage; what is left
    over is missing or extra."""
    _, left, right = _pair(find_numbers(source), find_numbers(target), _numerals_alike)
    _, left, right = _pair(left, right, _alike)
    percent_differs, left, right = _pair(left, right, _numerals_but_percent)
    return NumberComparison(
        missing=tuple(m for m in left if not m.spelled),
        extra=tuple(m for m in right if not m.spelled),
        percent_differs=tuple(percent_differs),
    )
