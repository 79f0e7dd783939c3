"""Numbers in a source and its translation, read across numeral systems and compared as multisets.

A numeral is a run of digits of any of the three systems (Arabic-Indic ٠-٩, Extended ۰-۹, 0-9; a mixed "1٣" is
13), with the Arabic decimal separator ٫ or "." and the thousands separator ٬ or "," (before exactly three digits):
"٣٫٥" is 3.5 and "١٬٢٠٠" is 1200, as are "1,200" and "1200". Numerals and words are read through
`normalise_for_matching`, so digits, hamza spellings and harakat do not matter; spans stay in the raw text. A percent
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

from tarjama.arabic import normalise_for_matching
from tarjama.domain import Span
from tarjama.qa import language

_DIGIT = "[0-9" + "".join(f"{digits[0]}-{digits[9]}" for digits in language.ARABIC_DIGIT_SYSTEMS) + "]"
_NUMERAL = rf"(?<!{_DIGIT}){_DIGIT}+(?:[,٬]{_DIGIT}{{3}}(?!{_DIGIT}))*(?:[.٫]{_DIGIT}+)?"
#: A word as written: letters, with the harakat (U+064B-U+065F, U+0670) that may sit on Arabic ones.
_LETTERS = r"(?:[^\W\d_]|[\u064b-\u065f\u0670])+"
_TOKEN = re.compile(rf"(?P<numeral>{_NUMERAL})|(?P<word>{_LETTERS}(?:-{_LETTERS})*)")
_PERCENT_SIGN_AFTER = re.compile(rf"\s*[{language.PERCENT_SIGNS}]")
_PERCENT_SIGN_BEFORE = re.compile(rf"[{language.PERCENT_SIGNS}]\s?$")
_SEPARATORS_TO_ASCII = str.maketrans({"٫": ".", "٬": "", ",": ""})


def _normalised_table(table: dict[str, int]) -> dict[str, int]:
    return {normalise_for_matching(word): value for word, value in table.items()}


_ARABIC_NUMBER_WORDS = _normalised_table(language.ARABIC_NUMBER_WORDS)
#: Every number word in its matching form, Arabic ones also with each clitic in front ("وثلاثة", "بالألف").
_NUMBER_WORDS = (
    {
        normalise_for_matching(prefix) + word: value
        for prefix in language.ARABIC_WORD_PREFIXES
        for word, value in _ARABIC_NUMBER_WORDS.items()
    }
    | _ARABIC_NUMBER_WORDS
    | _normalised_table(language.ENGLISH_NUMBER_WORDS)
)
_SCALES = _normalised_table(language.SCALE_WORDS)
_PERCENT_PHRASES = {tuple(normalise_for_matching(phrase).split()) for phrase in language.PERCENT_WORDS}
_LONGEST_PERCENT_PHRASE = max(map(len, _PERCENT_PHRASES))


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
    """The value of a number word in matching form: from the tables, a hyphenated "twenty-five", or the number
    that starts a compound ("a ten-year plan", "the two-state solution")."""
    if word in _NUMBER_WORDS:
        return _NUMBER_WORDS[word]
    first, _, rest = word.partition("-")
    if rest and _NUMBER_WORDS.get(first, 0) in range(20, 100, 10) and _NUMBER_WORDS.get(rest, 0) in range(1, 10):
        return _NUMBER_WORDS[first] + _NUMBER_WORDS[rest]
    return _NUMBER_WORDS.get(first) if rest else None


class _Tokens:
    """The numerals and words of a text in order, each word in matching form, with a look at what follows one."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.found = list(_TOKEN.finditer(text))
        self.words = [normalise_for_matching(t["word"]) if t["word"] else "" for t in self.found]

    def words_after(self, index: int, count: int) -> tuple[str, ...]:
        """Up to `count` words that follow token `index`, separated from it and each other by nothing but spaces
        ("3 million", "3million", "٣ ملايين")."""
        words: list[str] = []
        end = self.found[index].end()
        following = slice(index + 1, index + 1 + count)
        for token, word in zip(self.found[following], self.words[following], strict=True):
            gap = self.text[end : token.start()]
            if not word or (gap and not gap.isspace()):
                break
            words.append(word)
            end = token.end()
        return tuple(words)


def find_numbers(text: str) -> list[NumberMention]:
    """Every numeral and number word of `text`, in order, with its span."""
    tokens = _Tokens(text)
    mentions: list[NumberMention] = []
    index = 0
    while index < len(tokens.found):
        token, word = tokens.found[index], tokens.words[index]
        if token["numeral"]:
            value = Decimal(normalise_for_matching(token[0]).translate(_SEPARATORS_TO_ASCII))
        elif (word_value := _word_value(word)) is not None:
            value = Decimal(word_value)
        else:
            index += 1
            continue
        values = {value}
        following = tokens.words_after(index, _LONGEST_PERCENT_PHRASE + 1)
        if following and following[0] in _SCALES:  # the scale word is part of this number, not one of its own
            values.add(value * _SCALES[following[0]])
            following = following[1:]
            index += 1
        end = tokens.found[index].end()
        percent = bool(
            _PERCENT_SIGN_AFTER.match(text, end)
            or _PERCENT_SIGN_BEFORE.search(text, 0, token.start())
            or any(following[: len(phrase)] == phrase for phrase in _PERCENT_PHRASES)
        )
        mentions.append(NumberMention(token[0], token.span(), frozenset(values), percent, spelled=not token["numeral"]))
        index += 1
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
