"""Which words of an English text no dictionary knows, and what the dictionaries would put instead.

Hunspell's en_US and en_AU dictionaries (`resources/dictionaries`, SCOWL) are read by spylls, a pure-Python
Hunspell, so the spellcheck installs with the app and needs nothing from the system. A word either dictionary
accepts is right: a translation may follow American or British spelling. Reading both takes about a second, so it
happens once per process, on the first word checked, and each word's answer is kept.

Never judged, because a dictionary cannot know them and a translator should not have to add them: words with a
digit (1,500, 3rd, UN-2254, COVID-19), all-capital acronyms (UN, ISIS), single letters, URLs and e-mail addresses,
abbreviations with a full stop inside (U.S., e.g.), words in another script (Arabic left in the target is QA's
`arabic_letters`), and the `allowed` words of the segment: those of its source (a name or code written in Latin
letters inside the Arabic) and of its glossary terms' English. A hyphenated word is judged part by part
(Syrian-led), and a possessive by its stem (Erdogan's is "Erdogan"), so "add to my dictionary" adds the name.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Container, Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import islice
from typing import Protocol

from tarjama.paths import resources_dir, user_dictionary_path
from tarjama.spelling.user_dictionary import UserDictionary

#: The dictionaries, by file stem in `resources/dictionaries`: American first, as suggestions come in this order.
DICTIONARY_NAMES = ("en_US", "en_AU")
SUGGESTION_LIMIT = 5

_TOKEN = re.compile(r"\w+(?:['’.\-/@]\w+)*['’]?")
_LATIN_WORD = re.compile(r"[A-Za-z\u00c0-\u024f]+(?:['’][A-Za-z\u00c0-\u024f]+)*['’]?")
_ADDRESS = re.compile(r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(?:['’]s|(?<=s)['’])$", re.IGNORECASE)


class _Dictionary(Protocol):
    def lookup(self, word: str) -> bool: ...
    def suggest(self, word: str) -> Iterator[str]: ...


@dataclass(frozen=True)
class Misspelling:
    """A word no dictionary knows, at [start, end) of the text checked."""

    start: int
    end: int
    word: str


class _Dictionaries:
    """The Hunspell dictionaries, read on first use (by whichever thread asks first), with every answer kept."""

    def __init__(self, names: Iterable[str]) -> None:
        self._names = tuple(names)
        self._loaded: tuple[_Dictionary, ...] | None = None
        self._loading = threading.Lock()
        self.knows = lru_cache(maxsize=200_000)(self._knows)

    def loaded(self) -> tuple[_Dictionary, ...]:
        with self._loading:
            if self._loaded is None:
                from spylls.hunspell import Dictionary

                folder = resources_dir() / "dictionaries"
                self._loaded = tuple(Dictionary.from_files(str(folder / name)) for name in self._names)
            return self._loaded

    @property
    def ready(self) -> bool:
        return self._loaded is not None

    def _knows(self, word: str) -> bool:
        word = word.replace("’", "'")
        return any(dictionary.lookup(word) for dictionary in self.loaded())

    def suggest(self, word: str, limit: int) -> list[str]:
        found: dict[str, None] = {}
        for dictionary in self.loaded():
            found.update(dict.fromkeys(islice(dictionary.suggest(word.replace("’", "'")), limit)))
            if found:  # the next dictionary would take as long again, for a British spelling of the same words
                break
        return list(found)[:limit]


@cache
def _shared_dictionaries() -> _Dictionaries:
    return _Dictionaries(DICTIONARY_NAMES)


def _latin_parts(text: str) -> Iterator[tuple[int, str]]:
    """(offset, word) of each word of `text` that a dictionary should judge: see the module's doc for what is not."""
    addresses = [found.span() for found in _ADDRESS.finditer(text)]
    for token in _TOKEN.finditer(text):
        start, word = token.start(), token[0]
        if any(a <= start < b for a, b in addresses) or any(char.isdigit() for char in word):
            continue
        if re.search(r"[./@]", word.rstrip("'’")):
            continue
        for part in re.finditer(r"[^-]+", word):
            text_of = part[0]
            if len(text_of.strip("'’")) > 1 and not text_of.isupper() and _LATIN_WORD.fullmatch(text_of):
                yield start + part.start(), text_of


def allowed_words(source: str, terms: Iterable[str] = ()) -> frozenset[str]:
    """The words a segment's target may use without a dictionary knowing them, in lower case: the Latin-letter words
    of its source and of the glossary's English (`terms`)."""
    texts = [source, *terms]
    return frozenset(found[0].lower() for text in texts for found in _LATIN_WORD.finditer(text))


@dataclass(frozen=True)
class AllowedWords:
    """The words a target may use unjudged, in lower case: its own segment's (`allowed_words` of its source) and the
    glossary's, kept apart so that a glossary of thousands of terms is gathered once, not once per segment."""

    segment: frozenset[str] = frozenset()
    glossary: frozenset[str] = frozenset()

    def __contains__(self, word: object) -> bool:
        return word in self.segment or word in self.glossary


class SpellChecker:
    """Judges words against the shared dictionaries and one translator's `user` dictionary."""

    def __init__(self, user: UserDictionary, dictionaries: _Dictionaries | None = None) -> None:
        self.user = user
        self._dictionaries = dictionaries or _shared_dictionaries()

    @property
    def ready(self) -> bool:
        """Whether the dictionaries are read (a second or three, the first time in a process: see `load`)."""
        return self._dictionaries.ready

    def load(self) -> None:
        """Read the dictionaries now, so that the first word judged does not wait for them (the window calls this
        on a worker thread: read on the UI thread, they froze it for three seconds at the first paint)."""
        self._dictionaries.loaded()

    def knows(self, word: str, allowed: Container[str] = frozenset()) -> bool:
        """Whether `word` is spelt right: allowed here, in the user's dictionary or in a dictionary."""
        return word.lower() in allowed or word in self.user or self._dictionaries.knows(word)

    def misspellings(self, text: str, allowed: Container[str] = frozenset()) -> list[Misspelling]:
        """The words of `text` (plain, without tag marks) that are not spelt right, in text order."""
        found = []
        for start, word in _latin_parts(text):
            if self.knows(word, allowed):
                continue
            stem = _POSSESSIVE.sub("", word).rstrip("'’")
            if stem != word and self.knows(stem, allowed):
                continue
            found.append(Misspelling(start, start + len(stem), stem))
        return found

    def suggestions(self, word: str, limit: int = SUGGESTION_LIMIT) -> list[str]:
        """What the dictionaries would write instead of `word`, best first (a few tenths of a second: ask only when
        they are to be shown)."""
        return self._dictionaries.suggest(word, limit)


def default_checker() -> SpellChecker:
    """The checker of the translator's own dictionary (`paths.user_dictionary_path`), on the shared dictionaries."""
    return SpellChecker(UserDictionary(user_dictionary_path()))
