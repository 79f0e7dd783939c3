"""What a QA check reports: an issue on one segment, how serious it is, and which check found it.

Checks never raise: a finding is data the window lists, highlights and lets a translator set aside (by segment and
check name, see `ProjectStore.ignore_qa`), and the CLI prints.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from tarjama.domain import Span


class Severity(StrEnum):
    """How much a finding matters. By default only errors ask for confirmation before approval (`QaSettings`)."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class CheckName(StrEnum):
    """The stable name of each kind of finding; stored with ignored findings and printed by the CLI.

    Findings of different severity have different names, so setting a warning aside never hides an error.
    """

    EMPTY_TARGET = "empty_target"
    UNTRANSLATED = "untranslated"
    ARABIC_LETTERS = "arabic_letters"
    ARABIC_PUNCTUATION = "arabic_punctuation"
    NUMBER_MISSING = "number_missing"
    NUMBER_EXTRA = "number_extra"
    NUMBER_PERCENT = "number_percent"
    GLOSSARY_TERM = "glossary_term"
    FORBIDDEN_TERM = "forbidden_term"
    INVISIBLE_CHARACTER = "invisible_character"
    BRACKETS = "brackets"
    QUOTES = "quotes"
    DOUBLE_SPACE = "double_space"
    EDGE_SPACES = "edge_spaces"
    FINAL_PUNCTUATION = "final_punctuation"
    LENGTH = "length"
    INCONSISTENT = "inconsistent"
    TAG_MISSING = "tag_missing"
    TAG_EXTRA = "tag_extra"
    TAG_CLOSED_FIRST = "tag_closed_first"
    TAG_OVERLAP = "tag_overlap"
    SPELLING = "spelling"


@dataclass(frozen=True)
class QaIssue:
    """One finding on one segment; `spans` are (start, end) ranges of the target to highlight, when there are any.

    `message` is English (the CLI prints it); `message_key` and `message_values` are the `messages.MESSAGES`
    template and the values it was filled with, which a translated interface fills in its own language. A message
    from `messages.message()` sets them itself."""

    segment_id: int
    check: CheckName
    severity: Severity
    message: str
    spans: tuple[Span, ...] = ()
    message_key: str = field(default="", compare=False)
    message_values: tuple[tuple[str, object], ...] = field(default=(), compare=False)

    def __post_init__(self) -> None:
        key = getattr(self.message, "key", None)
        if key is not None and not self.message_key:
            object.__setattr__(self, "message_key", key)
            object.__setattr__(self, "message_values", getattr(self.message, "values", ()))
            object.__setattr__(self, "message", str.__str__(self.message))
