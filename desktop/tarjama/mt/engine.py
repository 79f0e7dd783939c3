"""The translation engine: a list of segments in, one result per segment out, with confidence and alternatives.

Tarjama segments documents itself, so the engine translates exactly the segments it is given: it never calls Argos
Translate's ``translate()`` (which re-splits text with a sentence model fetched from the internet, translates 32
tokens at a time and reads a package's ``stanza/`` folder), and it opens no socket. It loads the package's
CTranslate2 model and tokenizer once, then for each call:

1. tokenises every segment with the package's own tokenizer (one C++ call for sentencepiece), each input later
   framed as the model wants it (NLLB's ``arb_Arab`` … ``</s>``: :mod:`tarjama.mt.source_framing`);
2. splits segments longer than the model accepts at clause boundaries (:mod:`tarjama.mt.clauses`), and refuses
   those too long to be a sentence at all (see *Over-long segments*);
3. sorts the pieces by length, so each batch holds similar lengths and wastes little on padding;
4. runs the batches through CTranslate2, one batch per core in parallel (each on one thread: on a 2-core machine
   that beats two threads per batch by a third) with one more queued so no core waits for Python, checking for
   cancellation and reporting progress between batches;
5. decodes the hypotheses and rejoins split segments in their original order.

Asked to ``align``, it also has CTranslate2 return each hypothesis's attention and keeps, per target piece, the
source piece it looked at (:func:`tarjama.mt.tag_placement.links_from_attention`), the pieces of a split segment
numbered across the whole segment, so :mod:`tarjama.mt.tag_placement` can put a tagged source's tags into the
translation. Without it no attention is computed or copied: the common, untagged case stays as fast as before.

Confidence
----------
CTranslate2's beam search, with ``length_penalty=1``, returns for each hypothesis

    score = (1/L) * sum_{i=1..L} log p(y_i | y_<i, source)

where y_1..y_L are the generated tokens including the end-of-sentence token (a forced ``target_prefix`` is not
generated, so not counted). The engine reports

    confidence = exp(score)

the geometric mean of the per-token probabilities, which is in (0, 1], does not shrink just because a sentence is
long, and is comparable between a translation and its alternatives. For a segment split into pieces, the scores
are recombined over all generated tokens: confidence = exp(sum_k L_k * score_k / sum_k L_k).

Over-long segments
------------------
A segment is meant to be a sentence. A document without sentence breaks (one 10 MB paragraph) gives a segment of
millions of tokens: translated piece by piece it would take hours with a real model, and CTranslate2 left to
itself would translate its first ``max_input_length`` tokens and drop the rest without a word. So a segment needing
more than ``max_pieces`` of the model's inputs is refused: :meth:`Translator.translate` raises
:class:`SegmentTooLongError`, naming every such segment, before it does any work, so a caller can translate the
others and report these. A segment longer than :data:`CHARS_PER_TOKEN` characters per allowed token is over the
limit without being tokenised, which keeps the check of a 10 MB segment instant whatever the tokenizer.
"""

from __future__ import annotations

import math
import os
import threading
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tarjama.domain import MachineSuggestion, WordScore
from tarjama.errors import QT_TRANSLATE_NOOP
from tarjama.mt.caches import on_packages_changed
from tarjama.mt.calibration import CalibrationKey, judge
from tarjama.mt.cancellation import CancelToken, is_cancelled
from tarjama.mt.clauses import split_to_fit
from tarjama.mt.confidence_features import ConfidenceFeatures
from tarjama.mt.errors import EngineError, MTError, TranslationCancelled
from tarjama.mt.modelfile import ModelFileError, read_model_config, read_model_facts
from tarjama.mt.packages import InstalledPackage, find_package, read_package
from tarjama.mt.source_framing import SourceFraming
from tarjama.mt.tag_placement import Alignment, links_from_attention
from tarjama.mt.tokenizers import load_tokenizers
from tarjama.mt.word_scores import joined, scored_log_probs, submit_scoring, word_scores
from tarjama.qa.context import TermSource

#: Beam search decodes the same sentence several ways; its ranked hypotheses give the alternatives.
MAX_ALTERNATIVES = 3

#: Characters per token that no tokenizer of a sentence-trained model comes near on average (Arabic sentencepiece
#: models make about 3 to 5; the tests' word-level one about 5): a segment longer than this many characters per
#: token allowed is refused before it is tokenised.
CHARS_PER_TOKEN = 16


def _default_threads() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


@dataclass(frozen=True)
class EngineSettings:
    """How the engine runs the model; the defaults suit a 2-core laptop.

    ``beam_size`` 3 yields the translation and two alternatives at about 1.25 times the speed of 4 (three
    alternatives); raise it for more alternatives, lower it for speed. ``batch_size`` counts segments per
    CTranslate2 call: 16 was fastest on 2 cores for a base-size model, and it keeps progress and cancellation
    within a second or two. ``threads`` is how many batches run at once, one core each (0: one per core).
    ``max_input_tokens`` caps the pieces fed to the model below its hard limit: Argos models are trained on
    sentences and lose clauses on much longer inputs. A segment may hold ``max_pieces`` times that many tokens (8 x
    250: a long paragraph, some seconds of work), cut into about as many pieces; a longer one is no sentence but a
    document without sentence breaks, and is refused rather than translated for hours (see the module's docstring).
    """

    beam_size: int = 3
    alternatives: int = MAX_ALTERNATIVES
    batch_size: int = 16
    threads: int = 0
    compute_type: str = "default"
    max_input_tokens: int = 250
    max_output_ratio: float = 2.0
    max_pieces: int = 8
    #: Per-word probabilities of each translation, from one scoring pass over its best hypothesis
    #: (`tarjama.mt.word_scores`), at a fifth of the speed (`bench/confidence_quality.py --cost`). Off, the
    #: confidence is the same (`tarjama.mt.confidence_features`), and the window scores the segments it shows
    #: instead (`Translator.score_words`): the words it marks cost nothing in pre-translation.
    word_scores: bool = False

    def __post_init__(self) -> None:
        if min(self.beam_size, self.batch_size, self.max_input_tokens, self.max_pieces) < 1:
            raise ValueError("beam_size, batch_size, max_input_tokens and max_pieces must be at least 1")
        if not 0 <= self.alternatives <= MAX_ALTERNATIVES:
            raise ValueError(f"alternatives must be between 0 and {MAX_ALTERNATIVES}")


#: An alternative is what the store and the window keep as a machine suggestion: text and its confidence.
Alternative = MachineSuggestion


@dataclass(frozen=True)
class SegmentTranslation:
    """The machine translation of one segment."""

    source: str
    text: str
    confidence: float
    alternatives: tuple[Alternative, ...] = ()
    #: How many pieces the segment was cut into to fit the model (1 = translated whole).
    pieces: int = 1
    #: When asked to align: how `text` (first), then each alternative, aligns to the source; else empty.
    alignments: tuple[Alignment, ...] = ()
    #: Its words with their probabilities (empty with word scores off), the raw features its calibrated
    #: `confidence` came from (`tarjama.mt.calibration`) and exp(mean token log-probability), the uncalibrated one.
    words: tuple[WordScore, ...] = ()
    features: ConfidenceFeatures | None = None
    raw_confidence: float = 1.0


@dataclass(frozen=True)
class Progress:
    """Reported after each batch: how many segments are finished, and which ones this batch finished."""

    done: int
    total: int
    finished: tuple[tuple[int, SegmentTranslation], ...] = field(default=())


ProgressCallback = Callable[[Progress], None]


@dataclass(frozen=True)
class TooLong:
    """A segment refused for its length: where it is in the list given, and how long it is."""

    index: int
    characters: int
    #: Its tokens, or None when its characters alone put it over the limit (it was not tokenised).
    tokens: int | None


class SegmentTooLongError(MTError):
    """Segments too long to be sentences were given to translate; nothing was translated.

    Bad input (exit 2), not a failure of the engine: splitting the segments into sentences fixes it.
    """

    def __init__(self, too_long: Sequence[TooLong], limit: int) -> None:
        self.too_long = tuple(too_long)
        self.limit = limit
        longest = max(self.too_long, key=lambda item: item.characters)
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Errors",
                "A segment of {characters} characters is too long to machine-translate: a segment should be a "
                "sentence, and this model translates at most {limit} tokens in one. Split it into sentences and "
                "translate the parts.",
            ),
            characters=longest.characters,
            limit=limit,
        )


@dataclass
class _Hypotheses:
    tokens: list[list[str]]
    scores: list[float]
    #: Per hypothesis, the source piece each target piece is aligned to; empty when not asked to align.
    links: list[list[int | None]] = field(default_factory=list)
    #: Per hypothesis, its tokens' log-probabilities (end token last); empty with word scores off.
    log_probs: list[list[float]] = field(default_factory=list)


@dataclass
class _Job:
    """One segment being translated: its pieces and, as batches finish, each piece's hypotheses."""

    source: str
    pieces: list[list[str]]
    results: list[_Hypotheses | None]
    remaining: int


@dataclass
class _Decoded:
    """A searched batch: its pieces, their hypotheses, and the word scoring of their best ones under way."""

    batch: list[tuple[int, int]]
    hypotheses: list[_Hypotheses]
    scores: list[object]


class Translator:
    """A loaded package, ready to translate many segments quickly. Create once and reuse (see load_translator)."""

    def __init__(self, package: InstalledPackage | Path, settings: EngineSettings | None = None) -> None:
        if isinstance(package, Path):
            package = read_package(package, measure=False)
        self.package = package
        self.settings = settings or EngineSettings()
        self._lock = threading.Lock()
        self._prefix = [package.target_prefix] if package.target_prefix else []
        self._framing = SourceFraming.of(package.source_prefix, package.source_suffix)  # NLLB's arb_Arab … </s>
        self.calibration_key = CalibrationKey(package.from_code, package.to_code, package.name)
        try:
            self._tokenizer = load_tokenizers(package.source_tokenizer_path, package.target_tokenizer_path,
                                              package.from_code, package.to_code)
        except (OSError, RuntimeError) as exc:
            raise EngineError(package.path, QT_TRANSLATE_NOOP("Errors", "its tokenizer cannot be loaded ({reason}); "
                                                                        "reinstall the package"),
                              reason=exc) from exc
        self.max_input_tokens, self._max_output_tokens = self._limits()
        #: The longest segment translated at all, in tokens and (a bound checked before tokenising) characters.
        self.max_segment_tokens = self.max_input_tokens * self.settings.max_pieces
        self.max_segment_chars = self.max_segment_tokens * CHARS_PER_TOKEN
        import ctranslate2

        self._workers = self.settings.threads or _default_threads()
        try:
            self._model = ctranslate2.Translator(
                str(package.model_path),
                device="cpu",
                compute_type=self.settings.compute_type,
                inter_threads=self._workers,
                intra_threads=1,
            )
        except (RuntimeError, ValueError, OSError) as exc:
            raise EngineError(package.path, QT_TRANSLATE_NOOP("Errors", "the model cannot be loaded ({reason}); "
                                                                        "reinstall the package"),
                              reason=exc) from exc

    def _limits(self) -> tuple[int, int | None]:
        """Longest input piece the model accepts (its source framing left out), and longest output its position
        table allows (None: no limit)."""
        limit = self.settings.max_input_tokens
        try:
            facts = read_model_facts(self.package.model_path / "model.bin")
        except (ModelFileError, OSError) as exc:
            raise EngineError(self.package.path, QT_TRANSLATE_NOOP("Errors", "model/model.bin: {reason}; reinstall "
                                                                             "the package"),
                              reason=exc.message if isinstance(exc, ModelFileError) else exc) from exc
        config = read_model_config(self.package.model_path)
        if facts.encoder_positions is not None:
            specials = int(bool(config.get("add_source_bos"))) + int(bool(config.get("add_source_eos")))
            limit = min(limit, facts.encoder_positions - specials)
        limit -= self._framing.extra  # every piece is sent framed
        if limit < 1:
            raise EngineError(self.package.path, QT_TRANSLATE_NOOP("Errors", "the model accepts no input at all; "
                                                                             "reinstall the package"))
        output = facts.decoder_positions
        if output is not None:
            output -= 1  # the decoder's start token takes the first position
        return limit, output

    # -- public API -----------------------------------------------------------------------------------------

    def translate(
        self,
        segments: Sequence[str],
        *,
        progress: ProgressCallback | None = None,
        cancel: CancelToken = None,
        align: bool = False,
        terms: TermSource | None = None,
    ) -> list[SegmentTranslation]:
        """Translates ``segments`` in order; one result per segment.

        ``progress`` is called after every batch from the calling thread; ``cancel`` (a threading.Event or a
        callable) is checked between batches and stops the run with :class:`TranslationCancelled`, whose
        ``partial`` holds the segments already finished. ``align`` fills each result's ``alignments`` (for
        placing inline tags), at the cost of the model's attention. ``terms`` (the project's glossary) lets the
        confidence count the glossary terms a translation missed.
        """
        with self._lock:
            return self._translate(list(segments), progress, cancel, align, terms)

    def translate_one(self, text: str, *, align: bool = False) -> SegmentTranslation:
        return self.translate([text], align=align)[0]

    # -- implementation -------------------------------------------------------------------------------------

    def _translate(
        self, segments: list[str], progress: ProgressCallback | None, cancel: CancelToken, align: bool,
        terms: TermSource | None,
    ) -> list[SegmentTranslation]:
        total = len(segments)
        results: dict[int, SegmentTranslation] = {}
        jobs: dict[int, _Job] = {}
        for index, (source, pieces) in enumerate(zip(segments, self._tokenize(segments), strict=True)):
            if not pieces:
                results[index] = SegmentTranslation(source=source, text="", confidence=1.0)
            else:
                jobs[index] = _Job(source, pieces, [None] * len(pieces), len(pieces))
        if results and progress:
            progress(Progress(len(results), total, tuple(sorted(results.items()))))

        units = sorted(
            ((index, piece) for index, job in jobs.items() for piece in range(len(job.pieces))),
            key=lambda unit: len(jobs[unit[0]].pieces[unit[1]]),
        )
        size = self.settings.batch_size
        batches = [units[start : start + size] for start in range(0, len(units), size)]
        searching: deque[tuple[list[tuple[int, int]], list[object]]] = deque()
        scoring: deque[_Decoded] = deque()

        def finish_one() -> None:
            self._finish(scoring.popleft(), jobs, results, total, progress, terms)

        def decode_oldest() -> None:
            scoring.append(self._decode(*searching.popleft(), jobs, align))
            if len(scoring) > 1:  # its scoring has had a whole search to run beside: collect it
                finish_one()

        cancelled = False
        for batch in batches:
            if is_cancelled(cancel):
                cancelled = True
                break
            searching.append((batch, self._submit([jobs[i].pieces[p] for i, p in batch], align)))
            if len(searching) > self._workers:  # every core busy and one batch queued: take the oldest
                decode_oldest()
        while searching:
            decode_oldest()
        while scoring:
            finish_one()
        if cancelled:
            raise TranslationCancelled(dict(results))
        return [results[index] for index in range(total)]

    def score_words(self, pairs: Sequence[tuple[str, str]]) -> list[tuple[WordScore, ...]]:
        """The words of each translation (source, text: a plain text this model translated), each with the model's
        probability of it, from one forced-decoding pass over them all: what the window asks for the segments it
        shows, when pre-translation did not score them (`EngineSettings.word_scores`). Empty for a source the model
        translated in pieces, whose text no longer says which words came from which piece."""
        encode_target = getattr(self._tokenizer, "encode_target", None)
        sources = self._encode([_normalised(source) for source, _ in pairs])
        wanted = [index for index, tokens in enumerate(sources)
                  if encode_target is not None and tokens and len(tokens) <= self.max_input_tokens and pairs[index][1]]
        out: list[tuple[WordScore, ...]] = [()] * len(pairs)
        if not wanted:
            return out
        assert encode_target is not None  # wanted is empty otherwise
        targets = [encode_target(pairs[index][1]) for index in wanted]
        try:
            framed = self._framing.framed([sources[index] or [] for index in wanted])
            handles = submit_scoring(self._model, framed, targets, self._prefix)
            scored = scored_log_probs(handles)
        except RuntimeError as exc:
            raise self._failed(exc) from exc
        decode = self._tokenizer.decode
        for index, tokens, log_probs in zip(wanted, targets, scored, strict=True):
            if decode(tokens) == pairs[index][1]:  # else the spans would not be the text's
                out[index] = word_scores(tokens, log_probs, pairs[index][1], decode)
        return out

    def _refused(self, segments: Sequence[str], encoded: list[list[str] | None]) -> list[TooLong]:
        """The segments over the limit, given their tokens (None: over it on characters alone)."""
        return [
            TooLong(index, len(segments[index]), None if tokens is None else len(tokens))
            for index, tokens in enumerate(encoded)
            if tokens is None or len(tokens) > self.max_segment_tokens
        ]

    def _encode(self, texts: list[str]) -> list[list[str] | None]:
        """Each text's tokens, or None for one whose characters alone put it over the segment limit."""
        short = [index for index, text in enumerate(texts) if len(text) <= self.max_segment_chars]
        wanted = [texts[index] for index in short]
        encode_many = getattr(self._tokenizer, "encode_many", None)
        encoded = encode_many(wanted) if encode_many else [self._tokenizer.encode(text) for text in wanted]
        out: list[list[str] | None] = [None] * len(texts)
        for index, tokens in zip(short, encoded, strict=True):
            out[index] = tokens
        return out

    def _tokenize(self, segments: list[str]) -> list[list[list[str]]]:
        """Pieces of tokens per segment: usually one, several when a segment is longer than the model accepts.

        Raises :class:`SegmentTooLongError` before any translation when a segment holds more than
        ``max_segment_tokens``: never a translation of its first part, nor hours of work on a document in one line.
        """
        texts = [_normalised(segment) for segment in segments]
        encoded = self._encode(texts)
        refused = self._refused(segments, encoded)
        if refused:
            raise SegmentTooLongError(refused, self.max_segment_tokens)
        limit = self.max_input_tokens
        out: list[list[list[str]]] = []
        for text, tokens in zip(texts, encoded, strict=True):
            assert tokens is not None  # refused above otherwise
            if not text:
                out.append([])
            elif len(tokens) <= limit:
                out.append([tokens])
            else:
                parts = split_to_fit(text, lambda part: len(self._tokenizer.encode(part)) <= limit)
                out.append([self._tokenizer.encode(part) for part in parts])
        return out

    def _submit(self, sources: list[list[str]], align: bool) -> list[object]:
        settings = self.settings
        hypotheses = min(settings.beam_size, settings.alternatives + 1)
        longest = max(len(tokens) for tokens in sources)
        max_length = math.ceil(settings.max_output_ratio * longest) + 10
        if self._max_output_tokens is not None:
            max_length = min(max_length, self._max_output_tokens - len(self._prefix))
        return self._model.translate_batch(
            self._framing.framed(sources),
            target_prefix=[self._prefix] * len(sources) if self._prefix else None,
            asynchronous=True,
            beam_size=settings.beam_size,
            num_hypotheses=hypotheses,
            length_penalty=1.0,  # makes the returned score the length-normalised log-probability (see above)
            return_scores=True,
            return_attention=align,
            replace_unknowns=True,
            max_input_length=0,  # never truncate: pieces already fit (see _tokenize)
            max_decoding_length=max(1, max_length),
        )

    def _decode(
        self, batch: list[tuple[int, int]], handles: list[object], jobs: dict[int, _Job], align: bool
    ) -> _Decoded:
        """A searched batch's hypotheses, and their word scoring submitted (asynchronous, so that the next search
        is queued before this scoring runs and no core waits for the other)."""
        decoded: list[_Hypotheses] = []
        scores: list[object] = []
        try:
            for handle in handles:
                output = handle.result()  # type: ignore[attr-defined]
                attention = output.attention if align else None
                decoded.append(self._hypotheses(output.hypotheses, output.scores, attention))
            if self.settings.word_scores:
                sources = self._framing.framed([jobs[i].pieces[p] for i, p in batch])
                scores = submit_scoring(self._model, sources, [found.tokens[0] for found in decoded], self._prefix)
        except RuntimeError as exc:
            raise self._failed(exc) from exc
        return _Decoded(batch, decoded, scores)

    def _finish(
        self,
        done: _Decoded,
        jobs: dict[int, _Job],
        results: dict[int, SegmentTranslation],
        total: int,
        progress: ProgressCallback | None,
        terms: TermSource | None,
    ) -> None:
        """Fills each piece's best hypothesis's token log-probabilities (the words a translator sees underlined
        are the translation's; scoring the alternatives too tripled the cost), then assembles the segments whose
        pieces are all in."""
        try:
            if done.scores:
                for found, log_probs in zip(done.hypotheses, scored_log_probs(done.scores), strict=True):
                    found.log_probs = [log_probs]
        except RuntimeError as exc:
            raise self._failed(exc) from exc
        finished: list[tuple[int, SegmentTranslation]] = []
        for (index, piece), hypotheses in zip(done.batch, done.hypotheses, strict=True):
            job = jobs[index]
            job.results[piece] = hypotheses
            job.remaining -= 1
            if job.remaining == 0:
                results[index] = self._assemble(job, terms)
                finished.append((index, results[index]))
                del jobs[index]
        if progress:
            progress(Progress(len(results), total, tuple(finished)))

    def _failed(self, exc: RuntimeError) -> EngineError:
        return EngineError(self.package.path, QT_TRANSLATE_NOOP("Errors", "translation failed ({reason})"),
                           reason=exc)

    def _hypotheses(
        self, hypotheses: list[list[str]], scores: list[float], attention: list[list[list[float]]] | None
    ) -> _Hypotheses:
        """Hypotheses without the target prefix, with scores normalised over the generated tokens only, and each
        one's links when `attention` was returned (its rows for the prefix dropped with the prefix, its columns for
        the source's framing too, so that links point at the source's own pieces).

        CTranslate2 leaves the forced prefix's log-probabilities out of the score but counts the prefix in the
        length it divides by; undo that so a prefix does not inflate the confidence.
        """
        out = _Hypotheses([], [])
        size = len(self._prefix)
        for rank, (tokens, score) in enumerate(zip(hypotheses, scores, strict=True)):
            prefixed = bool(size) and tokens[:size] == self._prefix
            if prefixed:
                score = score * (len(tokens) + 1) / (len(tokens) - size + 1)
                tokens = tokens[size:]
            out.tokens.append(tokens)
            out.scores.append(score)
            if attention is not None:
                rows = attention[rank][size:] if prefixed else attention[rank]
                out.links.append(links_from_attention(self._framing.source_columns(rows[: len(tokens)])))
        return out

    def _assemble(self, job: _Job, terms: TermSource | None) -> SegmentTranslation:
        """Best text, confidence and alternatives for a segment, from the hypotheses of each of its pieces."""
        pieces = [result for result in job.results if result is not None]
        count = max(len(piece.tokens) for piece in pieces)
        aligned = all(piece.links for piece in pieces)
        candidates: list[tuple[str, float, int, Alignment | None, tuple[WordScore, ...]]] = []
        for rank in range(count):
            texts: list[str] = []
            scored: list[tuple[str, tuple[WordScore, ...]]] = []
            target: list[str] = []
            links: list[int | None] = []
            weighted = 0.0
            length = 0
            source_before = 0  # links point into the whole segment's source pieces: this piece's after the earlier
            for source, piece in zip(job.pieces, pieces, strict=True):
                # A piece with fewer hypotheses contributes its best one to the lower-ranked candidates.
                choice = rank if rank < len(piece.tokens) else 0
                tokens = piece.tokens[choice]
                texts.append(self._tokenizer.decode(tokens))
                if piece.log_probs and rank == 0:
                    scored.append((texts[-1], word_scores(tokens, piece.log_probs[0], texts[-1],
                                                          self._tokenizer.decode)))
                generated = len(tokens) + 1  # + the end-of-sentence token, counted in the score
                weighted += piece.scores[choice] * generated
                length += generated
                if aligned:
                    links.extend(None if link is None else link + source_before for link in piece.links[choice])
                    target.extend(tokens)
                    source_before += len(source)
            alignment = None
            if aligned:
                alignment = Alignment(tuple(p for part in job.pieces for p in part), tuple(target), tuple(links))
            text = " ".join(text for text in texts if text)
            candidates.append((text, weighted / length, length, alignment, joined(scored)))
        judged = judge(job.source, [(text, mean, mean * size) for text, mean, size, _, _ in candidates],
                       self.calibration_key, terms)
        best_text, _, _, best_alignment, best_words = candidates[0]
        seen = {best_text}
        alternatives: list[tuple[Alternative, Alignment | None]] = []
        for (text, _, _, alignment, words), verdict in sorted(zip(candidates[1:], judged[1:], strict=True),
                                                           key=lambda item: -item[1].confidence):
            if text in seen or not text:
                continue
            seen.add(text)
            alternatives.append((Alternative(text, verdict.confidence, words, verdict.features.to_json()), alignment))
        kept = alternatives[: self.settings.alternatives]
        return SegmentTranslation(
            source=job.source,
            text=best_text,
            confidence=judged[0].confidence,
            alternatives=tuple(alternative for alternative, _ in kept),
            pieces=len(job.pieces),
            alignments=tuple(a for a in (best_alignment, *(alignment for _, alignment in kept)) if a is not None),
            words=best_words,
            features=judged[0].features,
            raw_confidence=judged[0].raw_confidence,
        )


def _normalised(segment: str) -> str:
    """The text the model is given: white space collapsed, as the pieces of a split segment are rejoined."""
    return " ".join(segment.split())


_loaded: dict[tuple[str, str, EngineSettings], Translator] = {}
_loaded_lock = threading.Lock()


def load_translator(package: InstalledPackage | None = None, settings: EngineSettings | None = None) -> Translator:
    """The shared Translator for ``package`` (default: the newest Arabic→English one), loading it only once.

    Raises :class:`~tarjama.mt.errors.PackageNotFoundError` when no Arabic→English package is installed.
    """
    package = package or find_package()
    settings = settings or EngineSettings()
    key = (str(package.path), package.version, settings)
    with _loaded_lock:
        translator = _loaded.get(key)
        if translator is None:
            translator = Translator(package, settings)
            _loaded[key] = translator
        return translator


def release_translators() -> None:
    """Forgets every loaded model (called after packages change); translators in use keep working."""
    with _loaded_lock:
        _loaded.clear()


on_packages_changed(release_translators)
