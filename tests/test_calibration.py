"""The confidence calibration: sane defaults, a fit that follows the data, storage per pair and model, re-fitting
on a project's approvals, and the project schema (v8) that keeps what re-fitting needs."""

from __future__ import annotations

import dataclasses
import sqlite3
from pathlib import Path

import numpy as np
import pytest

from old_projects import project_of_version
from tarjama.domain import ImportedDocument, MachineSuggestion, Status, WordScore
from tarjama.mt.calibration import Calibration, CalibrationKey, current, fit, load, save
from tarjama.mt.confidence_features import ConfidenceFeatures
from tarjama.project.calibration_data import MIN_EXAMPLES, examples, refit, should_refit
from tarjama.project.store import ProjectStore

SURE = ConfidenceFeatures("m", mean_log_prob=-0.01, agreement=1.0, length_ratio=1.2)
KEY = CalibrationKey("ar", "en", "translate-ar_en-1_0")


def test_the_defaults_make_sense_without_data() -> None:
    default = Calibration()
    assert default.probability(SURE) > 0.9
    doubtful = dataclasses.replace(SURE, mean_log_prob=-0.6, agreement=0.7)
    assert 0.1 < default.probability(doubtful) < default.probability(SURE)
    for qa in ({"number_issues": 1}, {"arabic_left": 1}):
        assert default.probability(dataclasses.replace(SURE, **qa)) < 0.5
    assert default.probability(dataclasses.replace(SURE, glossary_missed=1)) < default.probability(SURE)
    assert default.probability(dataclasses.replace(SURE, length_ratio=0.4)) < default.probability(SURE)
    means = [default.probability(dataclasses.replace(SURE, mean_log_prob=m))
             for m in (-0.01, -0.2, -0.5, -1.0)]
    assert means == sorted(means, reverse=True)


def _separable(count: int, seed: int) -> tuple[list[ConfidenceFeatures], list[bool]]:
    """Translations a translator edits exactly when the model's mean log-probability is below -0.3, whatever the
    rest says (a model whose defaults trust it too much)."""
    rng = np.random.default_rng(seed)
    features, labels = [], []
    for _ in range(count):
        mean = float(rng.uniform(-0.75, 0.0))
        features.append(dataclasses.replace(SURE, mean_log_prob=mean))
        labels.append(mean > -0.3)
    return features, labels


def test_fit_moves_probabilities_towards_the_labels() -> None:
    features, labels = _separable(200, seed=1)
    fitted = fit(features, labels)
    default = Calibration()
    assert fitted.examples == 200
    edited = dataclasses.replace(SURE, mean_log_prob=-0.45)
    kept = dataclasses.replace(SURE, mean_log_prob=-0.15)
    assert fitted.probability(edited) < default.probability(edited)
    assert fitted.probability(edited) < 0.3 < 0.7 < fitted.probability(kept)
    accuracy = np.mean([(fitted.probability(f) > 0.5) == label for f, label in zip(*_separable(200, 2), strict=True)])
    assert accuracy > 0.9


def test_few_examples_keep_the_fit_near_the_defaults() -> None:
    features, labels = _separable(4, seed=3)
    fitted = fit(features, labels)
    assert fitted.weights[1:] == pytest.approx(Calibration().weights[1:], abs=1.0)


def test_stored_and_read_back_per_pair_and_model() -> None:
    other_model = CalibrationKey("ar", "en", "opus-mt-ar-en")
    assert load(KEY) == Calibration() and current(KEY) == Calibration()
    fitted = fit(*_separable(60, seed=4))
    save(KEY, fitted)
    assert load(KEY) == fitted
    assert current(KEY) == fitted  # the file changed: read again
    assert load(other_model) == Calibration()
    assert KEY.path.parent.name == "ar-en" and KEY.path.name == "translate-ar_en-1_0.json"
    KEY.path.write_text("{not json", encoding="utf-8")
    assert load(KEY) == Calibration()  # an unreadable file costs the refinement, never an error


def _translated_project(path: Path, count: int, model: str = KEY.model) -> ProjectStore:
    """A project of `count` one-sentence paragraphs, each machine-translated with stored features."""
    document = ImportedDocument("a.txt", "txt", [f"جملة رقم {number}" for number in range(count)])
    store = ProjectStore.create(path, [document])
    results = []
    for index, segment in enumerate(store.segments()):
        features = dataclasses.replace(SURE, model=model, mean_log_prob=-0.1 - (index % 3) / 10)
        best = MachineSuggestion(f"sentence number {index}", 0.5, (WordScore(0, 8, 0.9),), features.to_json())
        results.append((segment.id, best, ()))
    store.apply_machine_translations(results)
    return store


def test_refit_gathers_approved_machine_translations_edited_or_not(tmp_path: Path) -> None:
    with _translated_project(tmp_path / "p.tarjama", 40) as store:
        segments = store.segments()
        assert segments[0].mt_words == (WordScore(0, 8, 0.9),)
        store.update_segment(segments[0].id, status=Status.APPROVED)  # unchanged
        store.update_segment(segments[1].id, target="  sentence   number 1 ", status=Status.APPROVED)  # spacing only
        store.update_segment(segments[2].id, target="The second sentence.", status=Status.APPROVED)  # edited
        store.update_segment(segments[3].id, target="sentence number three")  # a draft: not yet an example
        found = {example.segment_id: example.no_edit for example in examples(store.segments(), KEY.model)}
        assert found == {segments[0].id: True, segments[1].id: True, segments[2].id: False}
        assert list(examples(store.segments(), "another model")) == []

        assert not should_refit(store, KEY)
        assert refit(store, KEY) is None  # too few examples: nothing stored
        assert not KEY.path.exists()
        for index, segment in enumerate(store.segments()[4:], start=4):
            target = segment.target if index % 3 else f"Sentence {index}, edited."
            store.update_segment(segment.id, target=target, status=Status.APPROVED)
        assert should_refit(store, KEY)
        fitted = refit(store, KEY)
        assert fitted is not None and fitted.examples >= MIN_EXAMPLES
        assert load(KEY) == fitted
        assert not should_refit(store, KEY)  # until enough new approvals


def test_a_version_7_project_is_backed_up_and_migrated_to_keep_word_scores(tmp_path: Path) -> None:
    path = tmp_path / "old.tarjama"
    project_of_version(path, 7, source="بيت كبير", target="house big", status="machine", origin="mt",
                       confidence=0.76, mt_text="house big")
    with ProjectStore.open(path) as migrated:
        (segment,) = migrated.segments()
        assert (segment.mt_text, segment.confidence, segment.mt_words, segment.mt_features) == (
            "house big", 0.76, (), None)
        best = MachineSuggestion("home big", 0.4, (WordScore(0, 4, 0.3), WordScore(5, 8, 0.6)),
                                 SURE.to_json())
        migrated.apply_machine_translations([(segment.id, best, ())], overwrite=True)
        again = migrated.segment(segment.id)
        assert (again.mt_words, again.mt_features) == (best.words, best.features)
    assert (tmp_path / "old.tarjama.v7.bak").is_file()
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone() == (8,)


def test_split_and_undo_drop_and_restore_word_scores(tmp_path: Path) -> None:
    with _translated_project(tmp_path / "p.tarjama", 1) as store:
        (before,) = store.segments()
        head, _ = store.split_segment(before.id, before.source.index(" ") + 1)
        assert (head.mt_words, head.mt_features) == ((), None)
        store.merge_with_next(head.id)
        restored = store.restore_segment(before)
        assert (restored.mt_words, restored.mt_features) == (before.mt_words, before.mt_features)
