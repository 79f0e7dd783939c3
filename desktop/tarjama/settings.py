"""The defaults of what a translator can set, each written once, with why it is what it is.

The CLI's options, the window's settings and the core's keyword arguments all take their defaults from here, so
`tarjama-cli pretranslate`, the window's Pre-translate and `pretranslate()` called from a script fill the same
segments unless someone chose otherwise. Where a setting is kept (QSettings in the window, an option on the command
line) stays with the shell that keeps it.

TM scores are percentages of similarity between normalised sources (`tarjama.memory`): 100 is the same sentence,
CONTEXT_MATCH_SCORE the same sentence between the same neighbours, and below 100 a fuzzy match.
"""

from __future__ import annotations

#: The best score a TM match can have: the same sentence with the same neighbouring sentences ("101 %"), the one
#: kind of match that can be trusted without reading the surrounding text again.
CONTEXT_MATCH_SCORE = 101

#: The lowest score a TM match needs to fill a segment when pre-translating (the window's Translation memory → TM
#: match threshold…, `tarjama-cli pretranslate --tm-threshold`, `pretranslate(tm_threshold=...)`). Pre-translation
#: writes the match into the target without the translator choosing it, so it asks for more than the TM pane shows;
#: segments below it go to machine translation instead.
PRETRANSLATE_THRESHOLD = 75

#: The lowest score the TM pane shows (memoQ's default lookup threshold): a weaker match costs more to fix than it
#: saves. It is also the lowest pre-translation threshold the window accepts: filling a segment from a match the
#: pane would not even offer makes no sense.
PANE_LOOKUP_THRESHOLD = 50

#: The lowest score of a look-up that does not say (`TranslationMemory.lookup`, `tarjama-cli tm match
#: --threshold`): between the pane's offer and pre-translation's bar, the matches worth printing for a script or a
#: reader of the terminal.
LOOKUP_THRESHOLD = 70
