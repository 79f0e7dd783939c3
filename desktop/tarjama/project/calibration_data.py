"""Re-fitting the confidence calibration on what the translator approved in a project.

An example is an approved segment that began as machine translation (`tarjama.project.effort` says what a target
began from) and whose stored features (`Segment.mt_features`, kept at translation time) came from the model being
calibrated. Its label is "needed no edit": the approved text is the MT text once spacing and tag marks are set
aside, or differs from it by an HTER below `NO_EDIT_HTER` (a comma or a capital fixed in a long sentence is a
touch, not a post-edit).

`refit` fits only with `MIN_EXAMPLES` examples or more, `MIN_PER_LABEL` of each kind: the model has nine weights,
and below about three examples per weight a fit follows chance (the prior towards the defaults keeps it sane, but
would then barely move). `should_refit` is the cheap test the window runs after approvals (every `REFIT_EVERY`
new examples), before doing the work off the UI thread. Each fit starts from the defaults and uses this project's
examples alone, so a fit never counts an example twice; the project remembers how many it was fitted on (meta).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from tarjama.domain import Origin, Segment, Status
from tarjama.inline_tags import plain
from tarjama.mt.calibration import Calibration, CalibrationKey, fit, save
from tarjama.mt.confidence_features import ConfidenceFeatures
from tarjama.project.effort import approved_efforts
from tarjama.project.store import ProjectStore

MIN_EXAMPLES = 30
MIN_PER_LABEL = 3
REFIT_EVERY = 20
#: At most one word in twenty-one changed (see the module).
NO_EDIT_HTER = 0.05


@dataclass(frozen=True)
class Example:
    segment_id: int
    features: ConfidenceFeatures
    #: True when the translator approved the MT without an edit worth the name.
    no_edit: bool


def _same_words(a: str, b: str) -> bool:
    return plain(a).split() == plain(b).split()


def examples(segments: Iterable[Segment], model: str) -> Iterator[Example]:
    """The training examples among `segments` for `model` (see the module), in the order given."""
    for segment, effort in approved_efforts(segments):
        if effort.origin != Origin.MT or segment.mt_features is None or segment.mt_text is None:
            continue
        features = ConfidenceFeatures.from_json(segment.mt_features)
        if features is None or features.model != model:
            continue
        no_edit = _same_words(segment.target, segment.mt_text) or effort.hter < NO_EDIT_HTER
        yield Example(segment.id, features, no_edit)


def _count(segments: Iterable[Segment], model: str) -> int:
    """How many examples `examples` would give, without measuring any HTER (what `should_refit` can afford)."""
    wanted = f'"model": "{model}"'
    return sum(
        1 for s in segments
        if s.status == Status.APPROVED and s.origin != Origin.TM and s.mt_text is not None
        and wanted in (s.mt_features or "")
    )


def _meta_key(key: CalibrationKey) -> str:
    return f"calibration_examples:{key.source}-{key.target}:{key.model}"


def should_refit(store: ProjectStore, key: CalibrationKey, segments: Sequence[Segment] | None = None) -> bool:
    """Whether the project has enough new examples for `key` since its last fit (`segments`: the project's, when
    the caller holds them already, saving a read)."""
    count = _count(store.segments() if segments is None else segments, key.model)
    fitted = int(store.get_meta(_meta_key(key), "0") or 0)
    return count >= MIN_EXAMPLES and count >= fitted + REFIT_EVERY


def refit(store: ProjectStore, key: CalibrationKey) -> Calibration | None:
    """Fits `key`'s calibration on the project's examples and stores it; None (nothing stored) when there are too
    few examples. Slow (an HTER per edited segment): run it off the UI thread, on a store of its own. Either way
    the project remembers the count, so `should_refit` waits for `REFIT_EVERY` more before trying again."""
    found = list(examples(store.segments(), key.model))
    positives = sum(1 for example in found if example.no_edit)
    calibration = None
    if len(found) >= MIN_EXAMPLES and min(positives, len(found) - positives) >= MIN_PER_LABEL:
        calibration = fit([e.features for e in found], [e.no_edit for e in found])
        save(key, calibration)
    store.set_meta(_meta_key(key), str(len(found)))
    return calibration
