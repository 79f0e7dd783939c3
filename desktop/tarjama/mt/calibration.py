"""From a translation's raw features to the probability that a post-editor will leave it as it is.

A logistic model (numpy only): P(no edit) = sigmoid(w · x), where x is made from `ConfidenceFeatures` by `design`.
Its default weights make sense before any data (a translation whose every word the model is sure of, which its
n-best list agrees on and the QA checks pass, is about 0.97; a lost number or Arabic left in the English, which a
post-editor always fixes, takes off 4 in logit, down to about 0.4), and `fit` moves them towards what a
translator's own approvals say.

`fit` is maximum a posteriori with a Gaussian prior centred on the default weights (L2 regularisation towards the
defaults rather than towards 0): with few examples the model stays near the defaults, with many it follows the
data. It runs Newton's method (iteratively reweighted least squares), which for nine weights converges in a
handful of steps.

A calibration belongs to one model and language pair (`CalibrationKey`): it is kept as JSON in the user's data
folder (`calibration/<pair>/<model>.json`), replaced atomically, and read by the engine through `current`, which
re-reads the file only when it changed (a re-fit in the background takes effect at the next translation).
"""

from __future__ import annotations

import json
import math
import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from tarjama.atomic_file import replacing
from tarjama.errors import QT_TRANSLATE_NOOP
from tarjama.mt.confidence_features import ConfidenceFeatures, features_of
from tarjama.paths import data_dir
from tarjama.qa.context import TermSource

#: English has about 1.3 words per Arabic word (Arabic writes articles, prepositions and pronouns into the word);
#: a ratio within a factor exp(LENGTH_TOLERANCE) (about 1.5) of it is no sign of a lost or repeated clause.
EXPECTED_LENGTH_RATIO = 1.3
LENGTH_TOLERANCE = 0.4

#: What each weight multiplies, in the order of `design`'s columns.
FEATURE_NAMES = (
    "intercept", "mean_log_prob", "disagreement", "length_deviation", "numbers", "arabic_left", "glossary_missed",
)
DEFAULT_WEIGHTS: tuple[float, ...] = (3.5, 5.0, -1.5, -3.0, -4.0, -4.0, -1.5)
#: Prior precision of each weight in `fit`: the intercept is free to move (how often a translator edits varies
#: most), the others are held near their defaults until the data insist.
PRIOR_STRENGTH = 1.0
_INTERCEPT_STRENGTH = 0.01


def _row(f: ConfidenceFeatures) -> list[float]:
    deviation = abs(math.log(max(f.length_ratio, 1e-6) / EXPECTED_LENGTH_RATIO))
    return [
        1.0, f.mean_log_prob, 1.0 - f.agreement,
        max(0.0, deviation - LENGTH_TOLERANCE), float(f.number_issues > 0), float(f.arabic_left > 0),
        float(f.glossary_missed > 0),
    ]


def design(features: Sequence[ConfidenceFeatures]) -> np.ndarray:
    """The model's inputs, one row per translation, columns as in FEATURE_NAMES."""
    return np.array([_row(f) for f in features], dtype=np.float64).reshape(len(features), len(FEATURE_NAMES))


def _sigmoid(z: float) -> float:
    return 1 / (1 + math.exp(-z)) if z >= 0 else math.exp(z) / (1 + math.exp(z))


@dataclass(frozen=True)
class Calibration:
    """Weights of the logistic model and how many approved segments they were fitted on (0: the defaults)."""

    weights: tuple[float, ...] = DEFAULT_WEIGHTS
    examples: int = 0

    def probability(self, features: ConfidenceFeatures) -> float:
        """P(the translation needs no edit); plain Python, as the engine calls it once per hypothesis."""
        return _sigmoid(sum(w * x for w, x in zip(self.weights, _row(features), strict=True)))


def fit(
    features: Sequence[ConfidenceFeatures],
    labels: Sequence[bool],
    *,
    prior: Calibration | None = None,
    strength: float = PRIOR_STRENGTH,
) -> Calibration:
    """The weights that best explain `labels` (True: approved without an edit), regularised towards `prior`'s."""
    if len(features) != len(labels):
        raise ValueError("one label per example")
    x = design(features)
    y = np.asarray(labels, dtype=np.float64)
    centre = np.asarray((prior or Calibration()).weights, dtype=np.float64)
    precision = np.full(len(centre), strength)
    precision[0] = strength * _INTERCEPT_STRENGTH
    def loss(weights: np.ndarray) -> float:
        z = x @ weights
        return float(np.sum(np.logaddexp(0.0, z) - y * z) + 0.5 * np.sum(precision * (weights - centre) ** 2))

    w = centre.copy()
    for _ in range(50):
        p = 1 / (1 + np.exp(-np.clip(x @ w, -30, 30)))
        gradient = x.T @ (p - y) + precision * (w - centre)
        hessian = (x.T * (p * (1 - p))) @ x + np.diag(precision)
        step = np.linalg.solve(hessian, gradient)
        # Damped: a full Newton step from saturated probabilities (a weak prior on the intercept, a nearly
        # separable set) can overshoot without end; halve it until the penalised loss goes down.
        scale, before = 1.0, loss(w)
        while scale > 1e-6 and loss(w - scale * step) > before:
            scale /= 2
        w -= scale * step
        if float(np.abs(scale * step).max()) < 1e-8:
            break
    return Calibration(tuple(float(v) for v in w), examples=len(labels))


@dataclass(frozen=True)
class CalibrationKey:
    """Which calibration: a language pair and a model (the package's name, which changes with its version)."""

    source: str
    target: str
    model: str

    @property
    def path(self) -> Path:
        safe = re.sub(r"[^\w.-]", "_", self.model) or "model"
        return data_dir() / "calibration" / f"{self.source}-{self.target}" / f"{safe}.json"


def load(key: CalibrationKey) -> Calibration:
    """The stored calibration, or the defaults when there is none or it cannot be read (never an error: a lost
    calibration costs only its refinement, which the next re-fit brings back)."""
    try:
        stored = json.loads(key.path.read_text(encoding="utf-8"))
        weights = tuple(float(v) for v in stored["weights"])
        if stored.get("features") != list(FEATURE_NAMES) or len(weights) != len(FEATURE_NAMES):
            return Calibration()
        return Calibration(weights, int(stored.get("examples", 0)))
    except (OSError, ValueError, KeyError, TypeError):
        return Calibration()


def save(key: CalibrationKey, calibration: Calibration) -> None:
    """Stores the calibration for `key`, replacing the earlier one atomically."""
    key.path.parent.mkdir(parents=True, exist_ok=True)
    content = {"features": list(FEATURE_NAMES), "weights": list(calibration.weights),
               "examples": calibration.examples, "model": key.model}
    with replacing(key.path, "w", QT_TRANSLATE_NOOP("Errors", "confidence calibration"), encoding="utf-8") as out:
        json.dump(content, out, indent=1)


_current: dict[Path, tuple[float | None, Calibration]] = {}
_current_lock = threading.Lock()


def current(key: CalibrationKey) -> Calibration:
    """The calibration for `key` as stored now, read again only when its file changed (one stat per call)."""
    try:
        stamp: float | None = key.path.stat().st_mtime_ns
    except OSError:
        stamp = None
    with _current_lock:
        known = _current.get(key.path)
        if known is None or known[0] != stamp:
            known = (stamp, load(key) if stamp is not None else Calibration())
            _current[key.path] = known
        return known[1]


@dataclass(frozen=True)
class Judged:
    """A hypothesis as the engine reports it: calibrated confidence, the raw one (exp of the mean token
    log-probability, the engine's confidence before calibration) and the features between the two."""

    confidence: float
    raw_confidence: float
    features: ConfidenceFeatures


def judge(
    source: str,
    hypotheses: Sequence[tuple[str, float, float]],
    key: CalibrationKey,
    terms: TermSource | None = None,
) -> list[Judged]:
    """Each hypothesis (text, mean and summed token log-probability) of one segment calibrated by `key`'s model.

    Every hypothesis gets the same features computed the same way (its agreement with the others among them), so
    an alternative's confidence compares with the translation's."""
    calibration = current(key)
    texts = [(text, total) for text, _, total in hypotheses]
    judged = []
    for rank, (text, mean_log_prob, total) in enumerate(hypotheses):
        others = texts[:rank] + texts[rank + 1 :]
        features = features_of(key.model, source, text, mean_log_prob, others, terms, total)
        judged.append(Judged(calibration.probability(features), min(1.0, math.exp(mean_log_prob)), features))
    return judged
