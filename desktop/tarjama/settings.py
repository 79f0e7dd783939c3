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

#: Whether approving a segment fills its repetitions (the project's other segments with the same normalised source
#: that are not approved yet) with its translation, as drafts (the window's Edit → Fill repetitions on approval,
#: `tarjama-cli edit --approve --no-propagate`). On, as in memoQ and Trados: a sentence that comes back in a job is
#: translated once, and each repetition is still a draft the translator sees and approves in its own context.
PROPAGATE_REPETITIONS = True

#: The weight of each analysis band (`tarjama.project.match_bands.MatchBand`, by value) in percent of a word with
#: no match, for the weighted words a job is quoted by (`tarjama-cli analyse --weight`, File → Analysis…). memoQ's
#: help gives these as its example weights ("Weighted word counts", docs.memoq.com, 8.2 to 2015: context match 10 %,
#: repetition 20 %, 100 % 30 %, higher fuzzy ranges 40 %, lower fuzzy ranges 70 %, no match 100 %); its server's
#: defaults are shown only in a screenshot. Which fuzzy bands are "higher": 75 % and up, the lowest match that
#: pre-translation fills in (PRETRANSLATE_THRESHOLD).
ANALYSIS_WEIGHTS = {
    "101": 10,
    "100": 30,
    "repetition": 20,
    "95-99": 40,
    "85-94": 40,
    "75-84": 40,
    "50-74": 70,
    "no-match": 100,
}

#: Whether the window underlines the target's misspelt words (in the grid and the editor). The QA check `spelling`
#: is turned off apart, as every QA check is (QaSettings.disabled_checks).
SPELLCHECK_UNDERLINE = True

#: Whether the window marks the words the machine was unsure of (View → Mark words the machine was unsure of), in
#: the Machine translation pane and in the target until the translator edits them.
MARK_UNSURE_WORDS = True

#: The probability below which a word of a machine translation counts as one the model was unsure of (a word's
#: probability is the lowest of its tokens', `tarjama.mt.word_scores`). Below one half the model gave its other
#: candidates together more weight than the word it chose: an even bet at best, worth the translator's look.
UNSURE_WORD_PROBABILITY = 0.5
