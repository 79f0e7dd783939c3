"""The published quality figures of the Arabic→English models Tarjama can run, so a translator knows which to prefer.

Only figures someone published are given, each with its source: Mozilla's side-by-side evaluation of offline
engines on FLORES-200 devtest (mozilla/firefox-translations-models, `evaluation/ar-en`) and the model card of
`opus-mt-tc-big-ar-en` (CC-BY-4.0), which reports FLORES-101. A package is matched to its figures by its code (or
folder name) and, for Argos, the version that was measured; any other model gets none, never a guess: a retrained
package under an old name would otherwise borrow scores it never earned.
"""

from __future__ import annotations

from dataclasses import dataclass

from tarjama.errors import QT_TRANSLATE_NOOP, Message
from tarjama.mt.packages import InstalledPackage

FLORES_200 = "FLORES-200 devtest"
FLORES_101 = "FLORES-101"


@dataclass(frozen=True)
class PublishedScore:
    """What a model scored on a public test set, as published (BLEU 0–100; COMET 0–1 where it was measured)."""

    code: str
    bleu: float
    comet: float | None
    benchmark: str
    #: The only package version the figures hold for ("" for any: OPUS-MT names change with each release).
    version: str = ""


ARGOS = PublishedScore("translate-ar-en", 29.5, 0.812, FLORES_200, version="1.0")
OPUS_MT = PublishedScore("opus-mt-ar-en", 33.9, 0.844, FLORES_200)
OPUS_MT_TC_BIG = PublishedScore("opus-mt-tc-big-ar-en", 42.6, None, FLORES_101)
#: Not a model Tarjama runs: the online engine the offline ones are measured against.
GOOGLE = PublishedScore("google-translate", 45.1, None, FLORES_200)
PUBLISHED = (ARGOS, OPUS_MT, OPUS_MT_TC_BIG)


def _normalised(name: str) -> str:
    """"translate-ar_en" and "Translate-ar-en" alike: Argos writes the pair with an underscore, OPUS-MT a dash."""
    return name.strip().lower().replace("_", "-")


def _names(package: InstalledPackage) -> set[str]:
    return {_normalised(name) for name in (package.code, package.name) if name}


def published_score(package: InstalledPackage) -> PublishedScore | None:
    """The published figures for `package`, or None when nobody published any for it.

    Its code or folder name must be the measured model's, or that name followed by a dash and more (a release
    date, an Argos version: "opus-mt-ar-en-2020-01-01", "translate-ar_en-1_0")."""
    names = _names(package)
    for score in PUBLISHED:
        if score.version and package.version != score.version:
            continue
        if any(name == score.code or name.startswith(score.code + "-") for name in names):
            return score
    return None


def score_message(score: PublishedScore) -> Message:
    """One model's figures, as a list shows them ("29.5 BLEU, 0.812 COMET (FLORES-200 devtest)")."""
    if score.comet is None:
        return Message(QT_TRANSLATE_NOOP("Errors", "{bleu} BLEU ({benchmark})"),
                       {"bleu": score.bleu, "benchmark": score.benchmark})
    return Message(QT_TRANSLATE_NOOP("Errors", "{bleu} BLEU, {comet} COMET ({benchmark})"),
                   {"bleu": score.bleu, "comet": score.comet, "benchmark": score.benchmark})


def flores_note() -> Message:
    """The short note beside the list of models: every published figure, with its source."""
    return Message(
        QT_TRANSLATE_NOOP(
            "Errors",
            "Published Arabic→English scores (higher is better). On {flores_200}, in Mozilla's evaluation "
            "(mozilla/firefox-translations-models, evaluation/ar-en): Argos translate-ar_en 1.0 {argos_bleu} BLEU "
            "/ {argos_comet} COMET, OPUS-MT opus-mt-ar-en {opus_bleu} BLEU / {opus_comet} COMET, and Google "
            "Translate {google_bleu} BLEU for reference. opus-mt-tc-big-ar-en reports {big_bleu} BLEU on "
            "{flores_101} (its model card, CC-BY-4.0).",
        ),
        {
            "flores_200": FLORES_200,
            "flores_101": FLORES_101,
            "argos_bleu": ARGOS.bleu,
            "argos_comet": ARGOS.comet,
            "opus_bleu": OPUS_MT.bleu,
            "opus_comet": OPUS_MT.comet,
            "google_bleu": GOOGLE.bleu,
            "big_bleu": OPUS_MT_TC_BIG.bleu,
        },
    )
