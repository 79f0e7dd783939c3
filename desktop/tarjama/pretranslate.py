"""Pre-translation: fill every untouched segment of a project with machine translation, batch by batch.

Shared by `tarjama-cli pretranslate` and the window's background worker. Each batch the engine finishes is written
at once in its own transaction, so a cancelled or killed run keeps what it finished and the next run resumes.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from tarjama.domain import MachineSuggestion, Segment
from tarjama.mt.cancellation import CancelToken
from tarjama.mt.engine import Progress, SegmentTranslation, Translator
from tarjama.mt.errors import TranslationCancelled
from tarjama.stores.project import ProjectStore


@dataclass(frozen=True)
class PretranslateProgress:
    done: int
    total: int
    segments_per_second: float
    changed: tuple[Segment, ...]


@dataclass(frozen=True)
class PretranslateReport:
    total: int
    translated: int
    cancelled: bool


def suggestions(result: SegmentTranslation) -> tuple[MachineSuggestion, tuple[MachineSuggestion, ...]]:
    return MachineSuggestion(result.text, result.confidence), tuple(result.alternatives)


def pretranslate(
    store: ProjectStore,
    translator: Translator,
    *,
    cancel: CancelToken = None,
    on_progress: Callable[[PretranslateProgress], None] | None = None,
) -> PretranslateReport:
    pending = store.segments_to_translate()
    ids = [segment.id for segment in pending]
    started = time.monotonic()
    translated = 0

    def store_batch(progress: Progress) -> None:
        nonlocal translated
        changed = store.apply_machine_translations(
            (ids[index], *suggestions(result)) for index, result in progress.finished
        )
        translated += len(changed)
        if on_progress:
            elapsed = max(time.monotonic() - started, 1e-6)
            on_progress(PretranslateProgress(progress.done, progress.total, progress.done / elapsed, tuple(changed)))

    try:
        translator.translate([segment.source for segment in pending], progress=store_batch, cancel=cancel)
    except TranslationCancelled:
        return PretranslateReport(len(pending), translated, cancelled=True)
    return PretranslateReport(len(pending), translated, cancelled=False)
