"""Every English word the QA checks show a translator, in one place so the interface can be translated later.

`CHECK_TITLES` names each check (a settings page lists them); `MESSAGES` holds the finding texts as
`str.format` templates, looked up by `message(key, **values)`. The text `message` returns remembers its key and
values, which the finding keeps (`QaIssue.message_key`, `message_values`) so that a translated interface can fill
its own translation of the template instead of showing the English.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from tarjama.inline_tags import type_name
from tarjama.qa.issues import CheckName

CHECK_TITLES: dict[CheckName, str] = {
    CheckName.EMPTY_TARGET: "Approved without a translation",
    CheckName.UNTRANSLATED: "Translation identical to the source",
    CheckName.ARABIC_LETTERS: "Arabic letters in the translation",
    CheckName.ARABIC_PUNCTUATION: "Arabic punctuation or digits in the translation",
    CheckName.NUMBER_MISSING: "A number of the source missing from the translation",
    CheckName.NUMBER_EXTRA: "A number in the translation that the source does not have",
    CheckName.NUMBER_PERCENT: "A number that is a percentage on one side only",
    CheckName.GLOSSARY_TERM: "Glossary term not translated as the glossary says",
    CheckName.FORBIDDEN_TERM: "Forbidden translation of a glossary term",
    CheckName.INVISIBLE_CHARACTER: "Invisible or direction-control characters",
    CheckName.BRACKETS: "Unbalanced brackets",
    CheckName.QUOTES: "Unbalanced quotation marks",
    CheckName.DOUBLE_SPACE: "Double spaces",
    CheckName.EDGE_SPACES: "Spaces at the start or end that the source does not have",
    CheckName.FINAL_PUNCTUATION: "Different punctuation at the end",
    CheckName.LENGTH: "Unusually long or short translation",
    CheckName.INCONSISTENT: "Same source approved with different translations",
    CheckName.TAG_MISSING: "A tag of the source missing from the translation",
    CheckName.TAG_EXTRA: "A tag in the translation that the source does not have, or has once",
    CheckName.TAG_CLOSED_FIRST: "A tag closed before it is opened",
    CheckName.TAG_OVERLAP: "Tags that overlap instead of one holding the other",
    CheckName.SPELLING: "Spelling",
}

MESSAGES: dict[str, str] = {
    "empty_target": "This segment is approved but has no translation.",
    "untranslated": "The translation is the same as the Arabic source: it has not been translated.",
    "arabic_letters": "Arabic text is left in the translation: {text}",
    "arabic_punctuation": "The Arabic “{mark}” should be “{english}” in English.",
    "arabic_digit": "The Arabic-Indic digits “{text}” should be written “{english}” in English.",
    "number_missing": "The number {number} in the source is not in the translation.",
    "number_missing_converted": "The number {number} ({plain}) in the source is not in the translation.",
    "number_extra": "The number {number} in the translation is not in the source.",
    "number_percent_in_source": "{number} is a percentage in the source, but not in the translation.",
    "number_percent_in_target": "{number} is a percentage in the translation, but not in the source.",
    "glossary_term": "The glossary says to translate “{term}” as {targets}.",
    "glossary_alternatives_separator": " or ",
    "forbidden_term": "“{found}” must not be used for “{term}”; the glossary says {targets}.",
    "forbidden_term_no_targets": "“{found}” must not be used for “{term}” (glossary).",
    "invisible_character": "The translation contains an invisible character, {name} (U+{code:04X}).",
    "brackets": "The brackets “{opening}{closing}” do not pair up in the translation, though they do in the source.",
    "quotes": "The quotation marks do not pair up in the translation, though they do in the source.",
    "double_space": "The translation has two spaces in a row.",
    "leading_space_target": "The translation starts with a space; the source does not.",
    "leading_space_source": "The source starts with a space; the translation does not.",
    "trailing_space_target": "The translation ends with a space; the source does not.",
    "trailing_space_source": "The source ends with a space; the translation does not.",
    "final_punctuation": "The source ends with “{source_end}” but the translation ends with “{target_end}”.",
    "final_punctuation_missing": "The source ends with “{source_end}”; the translation has no punctuation at the end.",
    "final_punctuation_added": "The translation ends with “{target_end}” but the source has no punctuation at the end.",
    "length_long": (
        "This translation is {ratio:.1f} times as long as its source; in this project translations are usually "
        "{low:.1f} to {high:.1f} times as long. Is something repeated or added?"
    ),
    "length_short": (
        "This translation is {ratio:.1f} times as long as its source; in this project translations are usually "
        "{low:.1f} to {high:.1f} times as long. Is something left out?"
    ),
    "inconsistent_one": "The same source was approved with a different translation in segment {ids}.",
    "inconsistent_many": "The same source was approved with different translations in segments {ids}.",
    "spelling": "“{word}” is not in the dictionary: is it misspelt?",
    "tag_missing": "Tag {tag} is missing from the translation.",
    "tag_start_missing": "The start of tag {tag} is missing from the translation.",
    "tag_end_missing": "The end of tag {tag} is missing from the translation.",
    "tag_extra": "Tag {tag} is in the translation but not in the source.",
    "tag_repeated": "Tag {tag} is in the translation more than once.",
    "tag_closed_first": "Tag {tag} is closed before it is opened.",
    "tag_overlap": "Tags {tag} and {inner} overlap: tag {number} ends while tag {inner_number}, which starts inside "
    "it, is still open. End tag {inner_number} first, or start it outside tag {number}.",
}

class Alternatives(tuple):
    """Glossary translations named in a message: "“a” or “b”" in English; a translated interface joins them with
    its own word for "or" (`glossary_alternatives_separator`)."""

    __slots__ = ()

    def join(self, separator: str) -> str:
        return separator.join(f"“{target}”" for target in self)

    def __str__(self) -> str:
        return self.join(MESSAGES["glossary_alternatives_separator"])

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)


@dataclass(frozen=True)
class TagName:
    """A tag named in a message by its number and what it is: "2 (bold)" in English ("Tag 2 (bold) is missing"); a
    translated interface names the type in its own words (`named`). A tag the paragraph does not define is named by
    its number alone."""

    number: int
    type: str = ""

    def named(self, type_name: Callable[[str], str]) -> str:
        return f"{self.number} ({type_name(self.type)})" if self.type else str(self.number)

    def __str__(self) -> str:
        return self.named(type_name)

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)


class Message(str):
    """A finding's English text that remembers the template key and the values it was made from."""

    key: str
    values: tuple[tuple[str, object], ...]

    def __new__(cls, key: str, values: dict[str, object]) -> Message:
        text = super().__new__(cls, MESSAGES[key].format(**values))
        text.key = key
        text.values = tuple(values.items())
        return text


def message(key: str, **values: object) -> Message:
    return Message(key, values)
