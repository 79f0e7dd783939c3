"""The checks on one segment. Each takes the segment and the project context and yields findings; none raises.

All but `empty_target` look at a target that has text (the runner sees to that). Severities are a table here, one
per check name; the words are in `messages.py`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from functools import cache, lru_cache, partial

from tarjama.arabic import normalise_for_matching
from tarjama.domain import Segment, Span, Status
from tarjama.inline_tags import Mark, Role, TagIssue, TagProblem, marks, tag_issues
from tarjama.qa import language
from tarjama.qa.context import QaContext
from tarjama.qa.issues import CheckName, QaIssue, Severity
from tarjama.qa.length import length_ratio
from tarjama.qa.messages import Alternatives, TagName, message
from tarjama.qa.numbers import compare_numbers
from tarjama.spelling import AllowedWords, allowed_words

SEVERITIES: dict[CheckName, Severity] = {
    CheckName.EMPTY_TARGET: Severity.ERROR,
    CheckName.UNTRANSLATED: Severity.ERROR,
    CheckName.ARABIC_LETTERS: Severity.ERROR,
    CheckName.ARABIC_PUNCTUATION: Severity.WARNING,
    CheckName.NUMBER_MISSING: Severity.ERROR,
    CheckName.NUMBER_EXTRA: Severity.WARNING,
    CheckName.NUMBER_PERCENT: Severity.WARNING,
    CheckName.GLOSSARY_TERM: Severity.WARNING,
    CheckName.FORBIDDEN_TERM: Severity.ERROR,
    CheckName.INVISIBLE_CHARACTER: Severity.WARNING,
    CheckName.BRACKETS: Severity.WARNING,
    CheckName.QUOTES: Severity.WARNING,
    CheckName.DOUBLE_SPACE: Severity.INFO,
    CheckName.EDGE_SPACES: Severity.INFO,
    CheckName.FINAL_PUNCTUATION: Severity.WARNING,
    CheckName.LENGTH: Severity.WARNING,
    CheckName.INCONSISTENT: Severity.WARNING,
    # A tag lost, added or closed before it opens breaks the delivered document (a bold that never ends, a footnote
    # gone), so these block approval like every error; an overlap keeps every tag and only nests them wrongly.
    CheckName.TAG_MISSING: Severity.ERROR,
    CheckName.TAG_EXTRA: Severity.ERROR,
    CheckName.TAG_CLOSED_FIRST: Severity.ERROR,
    CheckName.TAG_OVERLAP: Severity.WARNING,
    CheckName.SPELLING: Severity.WARNING,
}

Check = Callable[[Segment, QaContext], Iterable[QaIssue]]

_ARABIC_RUN = re.compile(f"[{language.ARABIC_SCRIPT}]+")
_ARABIC_DIGITS = "".join(language.ARABIC_DIGIT_SYSTEMS)
_ARABIC_DIGIT_RUN = re.compile(f"[{_ARABIC_DIGITS}]+")
_ARABIC_PUNCTUATION = re.compile("[" + "".join(language.ARABIC_TO_ENGLISH_PUNCTUATION) + "]")
_INVISIBLE = re.compile("[" + "".join(sorted(language.INVISIBLE_CHARACTERS)) + "]")
_DOUBLE_SPACE = re.compile(r"(?<=\S)[ \u00a0]{2,}(?=\S)")


def _spans_by_text(pattern: re.Pattern[str], text: str) -> dict[str, list[Span]]:
    """Where each distinct match of `pattern` occurs in `text`, so one finding can cover every occurrence."""
    spans: dict[str, list[Span]] = {}
    for found in pattern.finditer(text):
        spans.setdefault(found[0], []).append(found.span())
    return spans


def _issue(segment: Segment, check: CheckName, text: str, spans: Iterable[Span] = ()) -> QaIssue:
    return QaIssue(segment.id, check, SEVERITIES[check], text, tuple(spans))


def empty_target(segment: Segment, context: QaContext) -> Iterator[QaIssue]:
    """An approved segment must have a translation (pass a segment being approved with its new status)."""
    if segment.status == Status.APPROVED and not segment.target.strip():
        yield _issue(segment, CheckName.EMPTY_TARGET, message("empty_target"))


def untranslated(segment: Segment, context: QaContext) -> Iterator[QaIssue]:
    """The Arabic source copied into the target. A source with no Arabic letters (a number, a name in Latin
    letters) may stay as it is."""
    if _ARABIC_RUN.search(segment.source) and normalise_for_matching(segment.source) == normalise_for_matching(
        segment.target
    ):
        yield _issue(segment, CheckName.UNTRANSLATED, message("untranslated"), [(0, len(segment.target))])


def arabic_letters(segment: Segment, context: QaContext) -> Iterator[QaIssue]:
    """Arabic words left in the English (a run of Arabic script counts when it holds a letter; Arabic punctuation
    and digits alone are `arabic_punctuation`)."""
    runs = [run for run in _ARABIC_RUN.finditer(segment.target) if any(char.isalpha() for char in run[0])]
    if runs:
        text = ", ".join(run[0] for run in runs)
        yield _issue(
            segment, CheckName.ARABIC_LETTERS, message("arabic_letters", text=text), [run.span() for run in runs]
        )


def arabic_punctuation(segment: Segment, context: QaContext) -> Iterator[QaIssue]:
    """Arabic commas, question marks, percent and decimal signs, and Arabic-Indic digits in the English."""
    for mark, spans in _spans_by_text(_ARABIC_PUNCTUATION, segment.target).items():
        english = language.ARABIC_TO_ENGLISH_PUNCTUATION[mark]
        text = message("arabic_punctuation", mark=mark, english=english)
        yield _issue(segment, CheckName.ARABIC_PUNCTUATION, text, spans)
    for run in _ARABIC_DIGIT_RUN.finditer(segment.target):
        text = message("arabic_digit", text=run[0], english=normalise_for_matching(run[0]))
        yield _issue(segment, CheckName.ARABIC_PUNCTUATION, text, [run.span()])


def numbers(segment: Segment, context: QaContext) -> Iterator[QaIssue]:
    """Every numeral of the source in the target and no other (see `numbers.py` for what counts as the same)."""
    comparison = compare_numbers(segment.source, segment.target)
    for mention in comparison.missing:
        if mention.plain == mention.text:
            text = message("number_missing", number=mention.text)
        else:
            text = message("number_missing_converted", number=mention.text, plain=mention.plain)
        yield _issue(segment, CheckName.NUMBER_MISSING, text)
    for mention in comparison.extra:
        yield _issue(segment, CheckName.NUMBER_EXTRA, message("number_extra", number=mention.text), [mention.span])
    for in_source, in_target in comparison.percent_differs:
        key = "number_percent_in_source" if in_source.percent else "number_percent_in_target"
        yield _issue(segment, CheckName.NUMBER_PERCENT, message(key, number=in_target.text), [in_target.span])


@lru_cache(maxsize=4096)
def _phrase(phrase: str) -> re.Pattern[str]:
    """A glossary phrase as a whole-word, case-insensitive pattern that allows any spacing between its words."""
    words = map(re.escape, phrase.split())
    return re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", re.IGNORECASE)


def _phrase_spans(phrases: Iterable[str], text: str) -> list[Span]:
    return [found.span() for phrase in phrases if phrase.strip() for found in _phrase(phrase).finditer(text)]


def glossary(segment: Segment, context: QaContext) -> Iterator[QaIssue]:
    """Each glossary term found in the source needs one of its English translations in the target, and none of its
    forbidden ones. A forbidden phrase inside an allowed one ("Islamic State" in "Islamic State group") is fine."""
    if context.glossary is None:
        return
    target = segment.target
    entries = dict.fromkeys(hit.entry for hit in context.glossary.find_terms(segment.source))
    for entry in entries:
        allowed = _phrase_spans(entry.targets, target)
        quoted = Alternatives(entry.targets)
        if entry.targets and not allowed:
            yield _issue(segment, CheckName.GLOSSARY_TERM, message("glossary_term", term=entry.source, targets=quoted))
        for variant in entry.forbidden:
            spans = [
                (start, end)
                for start, end in _phrase_spans([variant], target)
                if not any(a <= start and end <= b for a, b in allowed)
            ]
            if not spans:
                continue
            found = target[spans[0][0] : spans[0][1]]
            if entry.targets:
                text = message("forbidden_term", found=found, term=entry.source, targets=quoted)
            else:
                text = message("forbidden_term_no_targets", found=found, term=entry.source)
            yield _issue(segment, CheckName.FORBIDDEN_TERM, text, spans)


def invisible_characters(segment: Segment, context: QaContext) -> Iterator[QaIssue]:
    """Bidi controls, zero-width characters, soft hyphens and byte order marks, one finding per kind."""
    for char, spans in _spans_by_text(_INVISIBLE, segment.target).items():
        text = message("invisible_character", name=unicodedata.name(char, "").lower(), code=ord(char))
        yield _issue(segment, CheckName.INVISIBLE_CHARACTER, text, spans)


@cache
def _any_of(chars: str) -> re.Pattern[str]:
    return re.compile(f"[{re.escape(chars)}]")


def _unpaired(text: str, opening: str, closing: str = "", *, either: str = "", apostrophe: str = "") -> list[int]:
    """Positions of the marks that do not pair up. A mark in `either` (the straight ") closes an open mark or opens
    one; an `apostrophe` (’) closes an open mark and is otherwise an apostrophe, never unpaired."""
    open_at: list[int] = []
    unmatched: list[int] = []
    for found in _any_of(opening + closing + either + apostrophe).finditer(text):
        i, char = found.start(), found[0]
        if char in either and open_at:
            open_at.pop()
        elif char in opening or char in either:
            open_at.append(i)
        elif char in closing or char in apostrophe:
            if open_at:
                open_at.pop()
            elif char in closing:
                unmatched.append(i)
    return sorted(unmatched + open_at)


def _single_spans(positions: Iterable[int]) -> list[Span]:
    return [(i, i + 1) for i in positions]


def brackets(segment: Segment, context: QaContext) -> Iterator[QaIssue]:
    """Brackets of each kind that pair up in the source must pair up in the target. When the source's do not (a
    bracket opened in one sentence and closed in the next), the target is not judged."""
    for opening, closing in language.BRACKET_PAIRS.items():
        if _unpaired(segment.source, opening, closing):
            continue
        unpaired = _unpaired(segment.target, opening, closing)
        if unpaired:
            text = message("brackets", opening=opening, closing=closing)
            yield _issue(segment, CheckName.BRACKETS, text, _single_spans(unpaired))


#: Where double and single quotation marks fail to pair up in a text, each kind on its own.
_UNPAIRED_QUOTES = (
    partial(
        _unpaired,
        opening=language.DOUBLE_QUOTES_OPENING,
        closing=language.DOUBLE_QUOTES_CLOSING,
        either=language.STRAIGHT_DOUBLE_QUOTE,
    ),
    partial(_unpaired, opening=language.SINGLE_QUOTE_OPENING, apostrophe=language.SINGLE_QUOTE_CLOSING),
)


def quotes(segment: Segment, context: QaContext) -> Iterator[QaIssue]:
    """Double quotation marks (« » “ ” „ and an even number of ") and opening ‘ single ones, judged like brackets:
    only when the source's pair up. Apostrophes (don't, don’t, Syria’s) are never a quotation mark left open."""
    unpaired = [
        position
        for unpaired_in in _UNPAIRED_QUOTES
        if not unpaired_in(segment.source)
        for position in unpaired_in(segment.target)
    ]
    if unpaired:
        yield _issue(segment, CheckName.QUOTES, message("quotes"), _single_spans(sorted(unpaired)))


def double_space(segment: Segment, context: QaContext) -> Iterator[QaIssue]:
    """Two or more spaces between words of the target (spaces at the ends are `edge_spaces`)."""
    spans = [found.span() for found in _DOUBLE_SPACE.finditer(segment.target)]
    if spans:
        yield _issue(segment, CheckName.DOUBLE_SPACE, message("double_space"), spans)


def edge_spaces(segment: Segment, context: QaContext) -> Iterator[QaIssue]:
    """Whitespace at the start or end of one side only."""
    source, target = segment.source, segment.target
    leading = len(target) - len(target.lstrip())
    trailing = len(target) - len(target.rstrip())
    if source[:1].isspace() != bool(leading):
        key = "leading_space_target" if leading else "leading_space_source"
        yield _issue(segment, CheckName.EDGE_SPACES, message(key), [(0, leading)] if leading else [])
    if source[-1:].isspace() != bool(trailing):
        key = "trailing_space_target" if trailing else "trailing_space_source"
        spans = [(len(target) - trailing, len(target))] if trailing else []
        yield _issue(segment, CheckName.EDGE_SPACES, message(key), spans)


def _final_mark(text: str) -> tuple[str, str, Span] | None:
    """How a text ends: (the mark as written, its English equivalent, its span), looking inside closing quotes and
    brackets («…». and “….” both end in a full stop); None when it ends without punctuation."""
    end = len(text.rstrip())
    while end and text[end - 1] in language.TRAILING_CLOSERS:
        end -= 1
    if text.endswith("...", 0, end):
        return "...", "…", (end - 3, end)
    if end and text[end - 1] in language.FINAL_PUNCTUATION:
        mark = text[end - 1]
        return mark, language.FINAL_PUNCTUATION[mark], (end - 1, end)
    return None


def final_punctuation(segment: Segment, context: QaContext) -> Iterator[QaIssue]:
    """The target ends with the English counterpart of the source's final mark (؟ ↔ ?, ، ↔ ,, ؛ ↔ ;, . ↔ .), or
    without one when the source has none (a headline)."""
    source_end, target_end = _final_mark(segment.source), _final_mark(segment.target)
    if source_end is None and target_end is None:
        return
    if source_end is not None and target_end is not None:
        if source_end[1] == target_end[1]:
            return
        text = message("final_punctuation", source_end=source_end[0], target_end=target_end[0])
    elif source_end is not None:
        text = message("final_punctuation_missing", source_end=source_end[0])
    else:
        assert target_end is not None  # both missing returned above
        text = message("final_punctuation_added", target_end=target_end[0])
    yield _issue(segment, CheckName.FINAL_PUNCTUATION, text, [target_end[2]] if target_end else [])


def length(segment: Segment, context: QaContext) -> Iterator[QaIssue]:
    """A length ratio outside the project's usual range (see `length.py`)."""
    bounds = context.length_bounds
    ratio = length_ratio(segment.source, segment.target)
    if bounds is None or ratio is None or bounds.low <= ratio <= bounds.high:
        return
    key = "length_long" if ratio > bounds.high else "length_short"
    yield _issue(segment, CheckName.LENGTH, message(key, ratio=ratio, low=bounds.low, high=bounds.high))


def consistency(segment: Segment, context: QaContext) -> Iterator[QaIssue]:
    """An approved segment whose source (normalised as the TM compares it) was approved elsewhere in the project
    with a different translation; each of the segments gets a finding naming the others."""
    if segment.status != Status.APPROVED:
        return
    target = normalise_for_matching(segment.target)
    others = sorted(
        {
            other.segment_id
            for other in context.approved.get(normalise_for_matching(segment.source), ())
            if other.segment_id != segment.id and other.normalised_target != target
        }
    )
    if others:
        key = "inconsistent_one" if len(others) == 1 else "inconsistent_many"
        yield _issue(segment, CheckName.INCONSISTENT, message(key, ids=", ".join(map(str, others))))


def spelling(segment: Segment, context: QaContext) -> Iterator[QaIssue]:
    """Words no dictionary knows, one finding per word with each place it is (what is never judged: the words of
    the source and of the glossary's English, numbers, acronyms, addresses; see `spelling/checker.py`)."""
    if context.spelling is None:
        return
    allowed = AllowedWords(allowed_words(segment.source), context.glossary_words)
    spans: dict[str, list[Span]] = {}
    for found in context.spelling.misspellings(segment.target, allowed):
        spans.setdefault(found.word, []).append((found.start, found.end))
    for word, where in spans.items():
        yield _issue(segment, CheckName.SPELLING, message("spelling", word=word), where)


def _tag_name(segment: Segment, tag_id: int) -> TagName:
    tag = segment.tags.get(tag_id)
    return TagName(tag_id, tag.type if tag else "")


def _missing_key(segment: Segment, tag_id: int, missing: list[Mark]) -> str:
    """Whether a tag is missing whole, or only its start or its end."""
    if len(missing) == sum(1 for mark in marks(segment.source) if mark.id == tag_id):
        return "tag_missing"
    return "tag_start_missing" if missing[0].role is Role.OPEN else "tag_end_missing"


def _mark_spans(found: Iterable[Mark]) -> list[Span]:
    return [(mark.position, mark.position + 1) for mark in found]


def tags(segment: Segment, context: QaContext) -> Iterator[QaIssue]:
    """The target holds each of the source's tags once, and no other; each pair opens before it closes and nests
    inside or outside the others, never across (`inline_tags.tag_issues`). One finding per tag and problem, naming
    the tag by the number its chip shows and what it is; spans are the target's marks in question. Run on the
    segment as written (the other checks see its text without marks)."""
    grouped: dict[tuple[TagProblem, int], list[TagIssue]] = {}
    for issue in tag_issues(segment.source, segment.target):
        grouped.setdefault((issue.problem, issue.mark.id), []).append(issue)
    in_source = {mark.char for mark in marks(segment.source)}
    for (problem, tag_id), found in grouped.items():
        tag, found_marks = _tag_name(segment, tag_id), [issue.mark for issue in found]
        if problem is TagProblem.MISSING:
            text = message(_missing_key(segment, tag_id, found_marks), tag=tag)
            yield _issue(segment, CheckName.TAG_MISSING, text)
        elif problem is TagProblem.EXTRA:
            key = "tag_repeated" if all(mark.char in in_source for mark in found_marks) else "tag_extra"
            yield _issue(segment, CheckName.TAG_EXTRA, message(key, tag=tag), _mark_spans(found_marks))
        elif problem is TagProblem.CLOSED_FIRST:
            yield _issue(
                segment, CheckName.TAG_CLOSED_FIRST, message("tag_closed_first", tag=tag), _mark_spans(found_marks)
            )
        else:
            for issue in found:
                assert issue.inner is not None  # an overlap names the tag it crosses
                inner = _tag_name(segment, issue.inner)
                text = message("tag_overlap", tag=tag, inner=inner, number=tag_id, inner_number=inner.number)
                yield _issue(segment, CheckName.TAG_OVERLAP, text, _mark_spans([issue.mark]))


#: The checks on a target that has text, in the order their findings are listed. They see the segment's text
#: without its tag marks (`runner.check_segment` gives them that), so a tagged segment is judged as its plain
#: text would be; `tags` then looks at the marks themselves.
TARGET_CHECKS: tuple[Check, ...] = (
    untranslated,
    arabic_letters,
    numbers,
    glossary,
    consistency,
    final_punctuation,
    brackets,
    quotes,
    arabic_punctuation,
    invisible_characters,
    length,
    double_space,
    edge_spaces,
    spelling,
)
