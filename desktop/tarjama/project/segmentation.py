"""Split an Arabic (or English) paragraph into sentences, losing nothing.

Segments are what the translator reviews and what the translation memory stores, so two promises matter more than
clever linguistics:

* Nothing is lost: the pieces concatenate back to the paragraph byte for byte, because export rebuilds the
  document from them. Each piece is one sentence plus the whitespace that follows it.
* When in doubt, do not split. A segment holding two sentences still translates correctly; a sentence cut in two
  (after ``د.`` or ``Dr.``) gives two broken translations and two useless memory entries.

A sentence ends after a run of terminators (``.`` ``!`` ``?`` ``؟`` ``…``), plus any closing quotes or brackets
glued to it, when white space or the end of the paragraph follows. Requiring the white space is what keeps
numbers (``3.5``, ``1.000.000``), URLs and e-mail addresses whole: their dots are never followed by a space. The
Arabic decimal separator ``٫``, comma ``،`` and semicolon ``؛`` are not terminators at all.

A lone ``.`` after an initial or an abbreviation is not a boundary; which abbreviations count is data, in the
tables below, so adding one never means touching the logic.
"""

from __future__ import annotations

import itertools
import re
import unicodedata

from tarjama.inline_tags import has_marks, plain_positions

# --- Data tables -------------------------------------------------------------------------------------------------

TERMINATORS = ".!?؟…"

# Closing quotes and brackets stay with the sentence they close. Both ornate parentheses are listed: Unicode now
# makes U+FD3E ﴾ the closing one in Arabic text, but older fonts and keyboards used the pair the other way round,
# and an opening bracket glued to a full stop never happens, so accepting both costs nothing. The invisible
# direction marks (LRM, RLM, ALM) that editors drop after punctuation ride along the same way.
CLOSERS = "»\"”’')]}﴾﴿\u200e\u200f\u061c"

# Opening quotes and brackets that may stand before an abbreviation, as in "(د. أحمد" or «Dr. Smith».
OPENERS = "«\"“‘'([{﴿﴾"

# Arabic abbreviations, without their final dot: doctor, engineer / AD year, page, part, AH year, BC, professor.
# A single letter is already covered by the initials rule; they are listed so the table says what it means.
# An era marker that really ends a sentence ("ولد عام 1950 م. وتوفي") is therefore not split: the safe direction.
ARABIC_ABBREVIATIONS = frozenset({"د", "م", "ص", "ج", "هـ", "ق.م", "أ.د"})

# English abbreviations, case-sensitive on purpose: "Dr." is a title, while "dr." is more likely a typo.
ENGLISH_ABBREVIATIONS = frozenset({"Dr", "Mr", "Mrs", "Ms", "Prof", "St", "vs", "e.g", "i.e"})

# Abbreviations that only hold when a number follows: "No. 5" is "number 5", but "He said No. Then…" ends.
NUMBER_ABBREVIATIONS = frozenset({"No", "Nos"})

# Abbreviations that end a sentence as often as not. "etc." ends the sentence only when the next word starts with
# an upper-case letter ("…, etc. The next"); before a lower-case word, a digit, Arabic or anything else it is
# read as mid-sentence, following "when in doubt, do not split". The end of the paragraph always ends it.
SENTENCE_FINAL_ABBREVIATIONS = frozenset({"etc"})

# The conjunction و ("and") is written attached to the next word, so "ود." is "and Dr.". Stripping it is only
# tried for Arabic abbreviations; the one clash, the word ود ("affection") ending a sentence, is rare enough.
ARABIC_AND = "و"

# --- Scanning ----------------------------------------------------------------------------------------------------

_T = re.escape(TERMINATORS)
_C = re.escape(CLOSERS)

# A terminator, then more terminators or closers in any mix ("?!", "...", ".»", "؟!»)"), then the white space that
# follows. The look-ahead is what makes "3.5" and "x.com/a.b" safe. Only a whole run of terminators and closers can
# be followed by white space, so starting at the run's first character (the look-behind, with any closers before the
# first terminator) and never backtracking ("*+") lose no match; they keep pathological runs like ".».».»" with no
# space after them linear instead of quadratic.
_CANDIDATE = re.compile(rf"(?<![{_T}{_C}])[{_C}]*+(?P<mark>[{_T}][{_T}{_C}]*+)(?=\s|\Z)(?P<space>\s*)")


def split_sentences(paragraph: str) -> list[str]:
    """Pieces whose concatenation == paragraph exactly; each piece = one sentence plus the whitespace that follows it.

    Leading white space of the paragraph stays at the front of the first piece. An empty paragraph gives no
    pieces, and a blank one gives itself, so callers never see a piece that is only white space otherwise.
    """
    if not paragraph.strip():
        return [paragraph] if paragraph else []
    if has_marks(paragraph):
        return _split_tagged(paragraph)
    pieces: list[str] = []
    start = 0
    for match in _CANDIDATE.finditer(paragraph):
        if _is_boundary(paragraph, start, match):
            pieces.append(paragraph[start : match.end()])
            start = match.end()
    if start < len(paragraph):
        pieces.append(paragraph[start:])
    return _merge_trailing_debris(pieces)


def _split_tagged(paragraph: str) -> list[str]:
    """Split a paragraph with inline tags where its text alone splits, so a mark never hides a boundary (".</b> "):
    a cut falls right after the white space that ends a sentence, so a tag closing after the full stop stays with
    its sentence and one opening before the next sentence goes with that."""
    text, positions = plain_positions(paragraph)
    cuts = list(itertools.accumulate(len(piece) for piece in split_sentences(text)))[:-1]
    bounds = [0, *(positions[cut - 1] + 1 for cut in cuts), len(paragraph)]
    return [paragraph[start:end] for start, end in itertools.pairwise(bounds)]


def split_piece(piece: str) -> tuple[str, str]:
    """(sentence, trailing whitespace): the sentence is what gets translated, the white space is put back as is."""
    sentence = piece.rstrip()
    return sentence, piece[len(sentence) :]


def split_source_at(source: str, offset: int) -> tuple[str, str, str] | None:
    """A segment's source cut at `offset` by hand, as (first part, the white space after it, second part): the
    white space around the cut stays between the parts. None when either part would have no text, or `offset` is
    not inside the source (a negative one would count from the end)."""
    if not 0 < offset < len(source):
        return None
    head, head_space = split_piece(source[:offset])
    rest = source[offset:]
    tail = rest.lstrip()
    head_space += rest[: len(rest) - len(tail)]
    if not head.strip() or not tail.strip():
        return None
    return head, head_space, tail


# --- Decisions ---------------------------------------------------------------------------------------------------


def _is_boundary(text: str, start: int, match: re.Match[str]) -> bool:
    """Whether the candidate ``match`` really ends the sentence that began at ``start``."""
    if not _has_words(text[start : match.start("mark")]):
        return False  # leading "... " or a stray "." is not a sentence of its own
    if match.group("mark") != ".":
        return True  # "!", "?", "…", runs, and closers are never abbreviation dots
    token = _token_before(text, match.start("mark"))
    next_word = _word_after(text, match.end())
    return not _abbreviation_holds(token, next_word)


def _abbreviation_holds(token: str, next_word: str) -> bool:
    """Whether ``token.`` is an initial or abbreviation, so the dot does not end the sentence."""
    bare = _strip_diacritics(token)
    if len(bare) == 1 and bare.isalpha():
        return True  # an initial: "أ. محمد", "J. Smith"
    if bare in ARABIC_ABBREVIATIONS or bare in ENGLISH_ABBREVIATIONS:
        return True
    if bare.startswith(ARABIC_AND) and bare[len(ARABIC_AND) :] in ARABIC_ABBREVIATIONS:
        return True
    if bare in NUMBER_ABBREVIATIONS:
        return next_word[:1].isdigit()
    if bare in SENTENCE_FINAL_ABBREVIATIONS:
        return not next_word[:1].isupper()
    return False


def _merge_trailing_debris(pieces: list[str]) -> list[str]:
    """Glue a last piece with no letters or digits (a stray "." or "!!") onto the sentence before it.

    Earlier pieces cannot be debris, because ``_is_boundary`` refuses to close a sentence without words.
    """
    if len(pieces) > 1 and not _has_words(pieces[-1]):
        tail = pieces.pop()
        pieces[-1] += tail
    return pieces


# --- Small helpers -----------------------------------------------------------------------------------------------


def _has_words(text: str) -> bool:
    return any(ch.isalnum() for ch in text)


def _token_before(text: str, end: int) -> str:
    """The whole word before a dot, without the opening quotes or brackets that may precede it.

    Only a whole word can be an abbreviation: "Mdr." must not match "Dr.", and "don't." must not look like the
    initial "t", which is why apostrophes inside the word are kept. Walking back by hand keeps long paragraphs
    with many dots linear instead of re-splitting the whole prefix at every candidate.
    """
    begin = end
    while begin > 0 and not text[begin - 1].isspace():
        begin -= 1
    return text[begin:end].lstrip(OPENERS)


def _word_after(text: str, start: int) -> str:
    """The next word after a candidate boundary, without its opening quotes or brackets; "" at the end."""
    end = start
    while end < len(text) and not text[end].isspace():
        end += 1
    return text[start:end].lstrip(OPENERS)


def _strip_diacritics(token: str) -> str:
    """Drop Arabic short vowels and other combining marks, so "دَ" matches "د"."""
    return "".join(ch for ch in token if unicodedata.category(ch) != "Mn")
