"""Where to highlight: the raw spans of a match's source that differ from the query, and of a concordance hit.

Matching compares normalised text (`tarjama.arabic.normalise_for_matching`), but the translator sees the raw text,
so every span here is mapped back through `normalise_with_offsets`: harakat or hamza spellings alone are never
marked, and a mark covers the raw characters the normalised ones came from.
"""

from __future__ import annotations

import difflib
import re

from tarjama.arabic import normalise_with_offsets
from tarjama.domain import Span

_TOKEN = re.compile(r"[^\W_]+|[^\w\s]|_")


def _raw_tokens(text: str) -> list[tuple[str, Span]]:
    """Normalised words and punctuation marks of `text`, each with its span in the raw text."""
    normalised, offsets = normalise_with_offsets(text)
    return [
        (m.group(), (offsets[m.start()][0], offsets[m.end() - 1][1])) for m in _TOKEN.finditer(normalised)
    ]


def source_differences(query_source: str, match_source: str) -> list[Span]:
    """Spans of the raw `match_source` whose words or punctuation differ from `query_source`, for highlighting.

    Compared after normalisation, so harakat or hamza spellings alone are not marked; a run of differing tokens
    is one span.
    """
    query_tokens = [token for token, _ in _raw_tokens(query_source)]
    match_tokens = _raw_tokens(match_source)
    matcher = difflib.SequenceMatcher(None, query_tokens, [token for token, _ in match_tokens], autojunk=False)
    return [
        (match_tokens[j1][1][0], match_tokens[j2 - 1][1][1])
        for tag, _, _, j1, j2 in matcher.get_opcodes()
        if tag in ("replace", "insert")
    ]


def occurrences(raw: str, needle: str) -> tuple[Span, ...]:
    """Raw spans of every non-overlapping occurrence of normalised `needle` in raw text."""
    normalised, offsets = normalise_with_offsets(raw)
    spans = []
    start = normalised.find(needle)
    while start >= 0 and needle:
        end = start + len(needle)
        spans.append((offsets[start][0], offsets[end - 1][1]))
        start = normalised.find(needle, end)
    return tuple(spans)
