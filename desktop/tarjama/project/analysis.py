"""The analysis a job is quoted from: per file and in total, the segments, words and characters in each match band
(`tarjama.project.match_bands`), the machine translations by confidence, and the words weighted for a price.

Shared by `tarjama-cli analyse` and the window's File → Analysis…. Every segment of the project is analysed,
approved ones too, as memoQ does: an analysis says what the source costs against this memory, not what is left to
do (the Files pane and Statistics say that), and nothing is left out of the totals unsaid.

* TM bands: each segment is looked up in the memory as pre-translation and the TM pane look it up
  (`TranslationMemory.lookup` with the "same neighbours" context of `tarjama.memory.link.context_in_paragraph`),
  and counted in the band of its best match's score; below 50 % (`LOWEST_MATCH`) it is no match.
* Repetitions: a segment whose normalised source (`tarjama.arabic.normalise_for_matching` of its text without tag
  marks) already occurred earlier in the project, across files in project order, is a repetition; the first
  occurrence gets its TM band. A segment that is both a repetition and a 100 % or 101 % match is counted as the
  match by default, and as a repetition with `repetitions_first` (memoQ's "repetitions take precedence over 100 %
  matches"); a repetition with only a fuzzy match (or none) is always a repetition.
* Machine translation: among the no-match segments, those whose target is still machine output with the engine's
  confidence (`Segment.confidence`) are counted again by `ConfidenceBand`; a breakdown beside the TM rows, not a
  replacement of them.
* Words and characters: `tarjama.project.word_count`.

Speed: every distinct normalised source is looked up once (a repetition reuses its first occurrence's match, and
asks the memory again only whether its own context makes it 101 %), in batches between which `cancel` is asked
and `on_progress` told.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tarjama.arabic import normalise_for_matching
from tarjama.domain import Segment
from tarjama.errors import QT_TRANSLATE_NOOP, ProjectError, TarjamaError
from tarjama.memory.link import context_in_paragraph
from tarjama.memory.store import TranslationMemory
from tarjama.mt.cancellation import CancelToken, is_cancelled
from tarjama.project.match_bands import LOWEST_MATCH, ConfidenceBand, MatchBand, confidence_band, tm_band
from tarjama.project.store import ProjectStore
from tarjama.project.word_count import count_text
from tarjama.settings import ANALYSIS_WEIGHTS

#: Segments looked up between two questions to `cancel` and two reports to `on_progress`.
ANALYSIS_BATCH = 200

#: A weight per band, in percent of a word with no match (0: no work at all, 100: translated from scratch).
Weights = Mapping[MatchBand, int]


class AnalysisCancelled(TarjamaError):
    """The translator cancelled the analysis; nothing was changed, and there is no partial result to show."""


def default_weights() -> dict[MatchBand, int]:
    """The weights of `tarjama.settings.ANALYSIS_WEIGHTS`, by band."""
    return {band: ANALYSIS_WEIGHTS[band.value] for band in MatchBand}


@dataclass(frozen=True)
class Counts:
    segments: int = 0
    words: int = 0
    characters: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.segments + other.segments, self.words + other.words, self.characters + other.characters)


def _empty_bands() -> dict[MatchBand, Counts]:
    return dict.fromkeys(MatchBand, Counts())


def _empty_machine() -> dict[ConfidenceBand, Counts]:
    return dict.fromkeys(ConfidenceBand, Counts())


@dataclass(frozen=True)
class FileAnalysis:
    """One file's rows (or the project's, `document_id` None): every band, in `MatchBand` order, even when empty."""

    document_id: int | None
    name: str
    bands: Mapping[MatchBand, Counts] = field(default_factory=_empty_bands)
    machine: Mapping[ConfidenceBand, Counts] = field(default_factory=_empty_machine)

    @property
    def total(self) -> Counts:
        return sum(self.bands.values(), Counts())

    def weighted_words(self, weights: Weights) -> float:
        """The words of each band times its weight (percent), summed: what a job is priced by."""
        return sum(counts.words * weights[band] for band, counts in self.bands.items()) / 100


@dataclass(frozen=True)
class Analysis:
    files: tuple[FileAnalysis, ...]
    total: FileAnalysis
    #: How a segment that is both a repetition and a 100/101 % match was counted (see the module docstring).
    repetitions_first: bool
    #: The memory the segments were looked up in; None: none, so every segment is a repetition or no match.
    memory: Path | None


def _best_scores(
    memory: TranslationMemory,
    segments: Sequence[Segment],
    contexts: Sequence[str],
    needs: Sequence[bool],
    first: Sequence[int],
    cancel: CancelToken,
    on_progress: Callable[[int, int], None] | None,
) -> list[int | None]:
    """Each segment's best TM score, for the segments that `needs` one (None for the others, and for no match).

    A first occurrence (`first[i] == i`) gets a full lookup; a repetition takes its first occurrence's score, and
    when that is an exact match, asks the memory only whether its own neighbours make it 101 %."""
    scores: list[int | None] = [None] * len(segments)
    total = len(segments)
    for start in range(0, total, ANALYSIS_BATCH):
        if is_cancelled(cancel):
            raise AnalysisCancelled(QT_TRANSLATE_NOOP("Errors", "The analysis was cancelled."))
        for index in range(start, min(start + ANALYSIS_BATCH, total)):
            earlier = first[index]
            if not needs[index] and earlier != index:
                continue
            if earlier == index:
                found = memory.lookup(segments[index].source, contexts[index], threshold=LOWEST_MATCH, limit=1,
                                      highlight=False)
                scores[index] = found[0].score if found else None
            elif (scores[earlier] or 0) >= 100:
                found = memory.lookup(segments[index].source, contexts[index], threshold=100, limit=1,
                                      highlight=False)
                scores[index] = found[0].score if found else None
        if on_progress is not None:
            on_progress(min(start + ANALYSIS_BATCH, total), total)
    return scores


def analyse_segments(
    segments: Sequence[Segment],
    names: Mapping[int, str],
    memory: TranslationMemory | None,
    *,
    repetitions_first: bool = False,
    cancel: CancelToken = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> Analysis:
    """Analyse `segments` (all of a project's, in project order) against `memory`; `names` are the files' names by
    document id, in the order the files are reported."""
    normalised = [normalise_for_matching(segment.plain_source) for segment in segments]
    seen: dict[str, int] = {}
    first = [seen.setdefault(text, index) for index, text in enumerate(normalised)]
    repeated = [earlier != index and bool(normalised[index]) for index, earlier in enumerate(first)]
    # A repetition needs its own score only when an exact match may outrank it.
    needs = [not repeated[index] or not repetitions_first for index in range(len(segments))]
    scores: list[int | None] = [None] * len(segments)
    if memory is not None:
        contexts = [context_in_paragraph(segments, index) for index in range(len(segments))]
        scores = _best_scores(memory, segments, contexts, needs, first, cancel, on_progress)
    elif on_progress is not None:
        on_progress(len(segments), len(segments))
    rows: dict[int, dict[MatchBand, Counts]] = {document: _empty_bands() for document in names}
    machine: dict[int, dict[ConfidenceBand, Counts]] = {document: _empty_machine() for document in names}
    for index, segment in enumerate(segments):
        band = tm_band(scores[index])
        if repeated[index] and (repetitions_first or band not in (MatchBand.CONTEXT, MatchBand.EXACT)):
            band = MatchBand.REPETITION
        text = count_text(segment.source)
        counts = Counts(1, text.words, text.characters)
        document = rows.setdefault(segment.document_id, _empty_bands())
        document[band] += counts
        if band == MatchBand.NO_MATCH and segment.confidence is not None:
            confidence = machine.setdefault(segment.document_id, _empty_machine())
            confidence[confidence_band(segment.confidence)] += counts
    files = tuple(
        FileAnalysis(document, names.get(document, ""), rows[document], machine.get(document, _empty_machine()))
        for document in rows
    )
    total = FileAnalysis(
        None,
        "",
        {band: sum((f.bands[band] for f in files), Counts()) for band in MatchBand},
        {band: sum((f.machine[band] for f in files), Counts()) for band in ConfidenceBand},
    )
    return Analysis(files, total, repetitions_first, None if memory is None else memory.path)


def analyse_project(
    store: ProjectStore,
    memory_path: Path | None = None,
    *,
    repetitions_first: bool = False,
    cancel: CancelToken = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> Analysis:
    """Analyse an open project against the memory at `memory_path`, or the one it is linked to (none when it has
    none)."""
    names = {document.id: document.name for document in store.documents()}
    return analyse_against(store.segments(), names, memory_path if memory_path is not None else store.tm_path,
                           repetitions_first=repetitions_first, cancel=cancel, on_progress=on_progress)


def analyse_against(
    segments: Sequence[Segment],
    names: Mapping[int, str],
    memory_path: Path | None,
    *,
    repetitions_first: bool = False,
    cancel: CancelToken = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> Analysis:
    """`analyse_segments` against the memory at `memory_path` (None: none), opened here, so that a worker thread
    has a connection of its own. A memory that is missing or cannot be opened is an error, not an analysis without
    matches that would price every segment as new."""
    if memory_path is None:
        return analyse_segments(segments, names, None, repetitions_first=repetitions_first, cancel=cancel,
                                on_progress=on_progress)
    if not Path(memory_path).is_file():
        raise ProjectError(memory_path, QT_TRANSLATE_NOOP(
            "Errors", "is missing, so the project cannot be analysed against it. Link the project to its "
                      "translation memory again, or name another one."))
    with TranslationMemory.open(memory_path) as memory:
        return analyse_segments(segments, names, memory, repetitions_first=repetitions_first, cancel=cancel,
                                on_progress=on_progress)
