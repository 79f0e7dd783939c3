"""Pre-translation: fill every untouched segment of a project, from the translation memory first, then by MT.

Shared by `tarjama-cli pretranslate` and the window's background worker. A segment with a TM match at or above the
threshold takes the best match (a reviewed human translation beats fresh machine output); only the rest goes to
the engine. Each batch is written at once in its own transaction, so a cancelled or killed run keeps what it
finished and the next run resumes.

Inline tags never reach the engine: it translates `Segment.plain_source` and the source's tags are placed back
into its output by the model's attention (`tarjama.mt.tag_placement`, the same function re-translating one segment
in the window uses). The machine text kept as `mt_text`, and each alternative, carries the tags as the target does:
post-editing effort then compares like with like, and Ctrl+1..3 puts a tagged alternative into the target. A TM
match's tags are renumbered to the segment's (`inline_tags.transfer`).

A segment too long to be a sentence (a document with no sentence breaks, imported as one huge segment) is refused
by the engine before it does any work (see :mod:`tarjama.mt.engine`): it is left untouched and named in the report,
so the translator can split it, and the other segments are translated as usual.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from tarjama.domain import MachineSuggestion, Segment, TmMatch
from tarjama.inline_tags import has_marks, transfer
from tarjama.memory.link import context_in_paragraph
from tarjama.mt.cancellation import CancelToken, is_cancelled
from tarjama.mt.engine import Progress, SegmentTooLongError, SegmentTranslation, TooLong, Translator
from tarjama.mt.errors import TranslationCancelled
from tarjama.mt.tag_placement import place_tags
from tarjama.mt.word_scores import onto_tagged
from tarjama.project.store import ProjectStore
from tarjama.qa.context import TermSource
from tarjama.settings import CONTEXT_MATCH_SCORE, PRETRANSLATE_THRESHOLD

#: Segments looked up in the TM between two writes (and cancellation checks).
TM_BATCH = 100


class MatchSource(Protocol):
    """Where pre-translation finds its TM matches: a memory file (`TranslationMemory`) or a team memory on its
    server (`TeamMemory`), which have the same lookup."""

    def lookup(self, source: str, context: str = "", *, threshold: int = ..., limit: int = ...,
               highlight: bool = ...) -> list[TmMatch]: ...


@runtime_checkable
class CountsUses(Protocol):
    """A memory that counts how often each unit is used (the memory file; a team memory does not)."""

    def record_use(self, *unit_ids: int) -> None: ...


@dataclass(frozen=True)
class PretranslateProgress:
    done: int
    total: int
    segments_per_second: float
    changed: tuple[Segment, ...]


@dataclass(frozen=True)
class TooLongSegment:
    """A segment left untouched because it is too long to machine-translate."""

    segment_id: int
    #: Its place among the project's segments, from 1: the row number the window shows.
    number: int
    characters: int


@dataclass(frozen=True)
class PretranslateReport:
    """`total` segments needed a translation; `translated` of them were machine-translated, `tm_exact` filled
    from 100/101 % TM matches and `tm_fuzzy` from lower ones; `too_long` were left untouched, too long for the
    engine, which translates at most `token_limit` tokens in one segment."""

    total: int
    translated: int
    cancelled: bool
    tm_exact: int = 0
    tm_fuzzy: int = 0
    too_long: tuple[TooLongSegment, ...] = ()
    token_limit: int | None = None

    @property
    def from_tm(self) -> int:
        return self.tm_exact + self.tm_fuzzy


def suggestions(
    result: SegmentTranslation, source: str = ""
) -> tuple[MachineSuggestion, tuple[MachineSuggestion, ...]]:
    """The translation and its alternatives as stored, each with the coded `source`'s tags placed into it (by the
    result's alignments; at the ends when the engine was not asked to align), its word scores moved onto the tagged
    text and its calibrated confidence's raw features kept (for re-fitting, `tarjama.project.calibration_data`)."""
    alignments = result.alignments

    def tagged(rank: int, suggestion: MachineSuggestion) -> MachineSuggestion:
        alignment = alignments[rank] if rank < len(alignments) else None
        text = place_tags(source, suggestion.text, alignment)
        words = onto_tagged(suggestion.words, suggestion.text, text)
        return dataclasses.replace(suggestion, text=text, words=words)

    features = result.features.to_json() if result.features else None
    best = tagged(0, MachineSuggestion(result.text, result.confidence, result.words, features))
    return best, tuple(tagged(rank, alternative) for rank, alternative in enumerate(result.alternatives, start=1))


def with_segment_tags(match: TmMatch, segment: Segment) -> TmMatch:
    """The match with its unit's target carrying the segment's tag numbers, as it is filled in."""
    if not has_marks(match.unit.source) and not has_marks(match.unit.target):
        return match
    unit = dataclasses.replace(match.unit, target=transfer(match.unit.source, match.unit.target, segment.source))
    return dataclasses.replace(match, unit=unit)


def contexts(segments: Sequence[Segment]) -> dict[int, str]:
    """Each segment's TM context (its neighbours in the paragraph), from segments in document order."""
    return {segment.id: context_in_paragraph(segments, index) for index, segment in enumerate(segments)}


def pretranslate(
    store: ProjectStore,
    translator: Translator | None,
    *,
    tm: MatchSource | None = None,
    tm_threshold: int = PRETRANSLATE_THRESHOLD,
    cancel: CancelToken = None,
    on_progress: Callable[[PretranslateProgress], None] | None = None,
    glossary: TermSource | None = None,
) -> PretranslateReport:
    """Fill untranslated segments: TM matches scoring at least `tm_threshold` (0–101) first, then `translator`
    (None: TM only, the rest stays untranslated), whose confidence counts the terms of `glossary` (by default the
    project's own, as QA checks them) that a translation missed."""
    if not 0 <= tm_threshold <= CONTEXT_MATCH_SCORE:
        raise ValueError(f"tm_threshold must be between 0 and {CONTEXT_MATCH_SCORE}, not {tm_threshold}")
    pending = store.segments_to_translate()
    total = len(pending)
    started = time.monotonic()
    done = translated = tm_exact = tm_fuzzy = 0
    refused: tuple[TooLongSegment, ...] = ()
    token_limit: int | None = None

    def report_progress(changed: Sequence[Segment]) -> None:
        if on_progress:
            elapsed = max(time.monotonic() - started, 1e-6)
            on_progress(PretranslateProgress(done, total, done / elapsed, tuple(changed)))

    def report(cancelled: bool) -> PretranslateReport:
        return PretranslateReport(total, translated, cancelled, tm_exact, tm_fuzzy, refused, token_limit)

    if tm is not None and pending:
        neighbours = contexts(store.segments())
        untranslated: list[Segment] = []
        for start in range(0, len(pending), TM_BATCH):
            if is_cancelled(cancel):
                return report(cancelled=True)
            batch = pending[start : start + TM_BATCH]
            found: list[tuple[int, TmMatch]] = []
            for segment in batch:
                matches = tm.lookup(segment.source, neighbours[segment.id], threshold=tm_threshold, limit=1)
                if matches:
                    found.append((segment.id, with_segment_tags(matches[0], segment)))
                else:
                    untranslated.append(segment)
            changed = store.apply_tm_matches(found)
            taken = {segment.id for segment in changed}
            used = [match for segment_id, match in found if segment_id in taken]
            if isinstance(tm, CountsUses):
                tm.record_use(*(match.unit.id for match in used if match.unit.id is not None))
            tm_exact += sum(1 for match in used if match.score >= 100)
            tm_fuzzy += sum(1 for match in used if match.score < 100)
            # A segment without a match is finished here only when no engine comes after.
            done += len(batch) if translator is None else len(found)
            report_progress(changed)
        pending = untranslated
    if translator is None or not pending:
        return report(cancelled=False)
    if glossary is None:
        from tarjama.glossary.store import load_term_finder, project_glossary_path

        glossary = load_term_finder(project_glossary_path(store))

    def machine_translate(segments: Sequence[Segment]) -> PretranslateReport:
        done_before_mt = done

        def store_batch(progress: Progress) -> None:
            nonlocal translated, done
            changed = store.apply_machine_translations(
                (segments[index].id, *suggestions(result, segments[index].source))
                for index, result in progress.finished
            )
            translated += len(changed)
            done = done_before_mt + progress.done
            report_progress(changed)

        sources = [segment.plain_source for segment in segments]
        tagged = any(has_marks(segment.source) for segment in segments)  # attention only when there are tags
        try:
            translator.translate(sources, progress=store_batch, cancel=cancel, align=tagged, terms=glossary)
        except TranslationCancelled:
            return report(cancelled=True)
        return report(cancelled=False)

    try:
        return machine_translate(pending)
    except SegmentTooLongError as error:  # raised before any work: translate the others, name these
        refused, token_limit = _refused(store, pending, error.too_long), error.limit
        left_out = {item.index for item in error.too_long}
        pending = [segment for index, segment in enumerate(pending) if index not in left_out]
        done += len(refused)  # finished: nothing more will be done with them
        report_progress(())
        return machine_translate(pending) if pending else report(cancelled=False)


def _refused(
    store: ProjectStore, pending: Sequence[Segment], too_long: Sequence[TooLong]
) -> tuple[TooLongSegment, ...]:
    """The segments the engine refused, each with the row number the window shows it under."""
    numbers = {segment.id: number for number, segment in enumerate(store.segments(), start=1)}
    refused = (pending[item.index] for item in too_long)
    return tuple(TooLongSegment(s.id, numbers.get(s.id, 0), len(s.source)) for s in refused)
