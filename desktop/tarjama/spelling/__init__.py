"""Spelling of the English target: which words no dictionary knows, what it would put instead, and the translator's
own dictionary. The QA check `spelling`, the window's underline and its right-click suggestions use only these."""

from tarjama.spelling.checker import AllowedWords, Misspelling, SpellChecker, allowed_words, default_checker
from tarjama.spelling.user_dictionary import UserDictionary

__all__ = ["AllowedWords", "Misspelling", "SpellChecker", "UserDictionary", "allowed_words", "default_checker"]
