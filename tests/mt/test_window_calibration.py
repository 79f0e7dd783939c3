"""The window re-fits the confidence calibration on the translator's approvals, in the background
(`tarjama.ui.mt.calibration_refit`): enough approved machine translations, and the next approval stores a fit."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from tarjama import mt
from tarjama.domain import ImportedDocument, MachineSuggestion, Status
from tarjama.mt.calibration import CalibrationKey, load
from tarjama.mt.confidence_features import ConfidenceFeatures
from tarjama.project.calibration_data import MIN_EXAMPLES
from tarjama.project.store import ProjectStore
from window_fixtures import open_window


def test_an_approval_after_enough_examples_refits_the_calibration(qtbot, tmp_path: Path,  # noqa: ANN001
                                                                  glossary_archive: Path) -> None:
    package = mt.install_package(glossary_archive)
    key = CalibrationKey(package.from_code, package.to_code, package.name)
    sure = ConfidenceFeatures(package.name, mean_log_prob=-0.05, agreement=1.0, length_ratio=1.2)
    count = MIN_EXAMPLES + 5
    project = tmp_path / "p.tarjama"
    with ProjectStore.create(project, [ImportedDocument("a.txt", "txt", [f"جملة رقم {n}" for n in range(count)])]) \
            as store:
        segments = store.segments()
        store.apply_machine_translations([
            (segment.id, MachineSuggestion(f"sentence number {n}", 0.5, (),
                                           dataclasses.replace(sure, mean_log_prob=-0.05 - (n % 5) / 10).to_json()),
             ()) for n, segment in enumerate(segments)])
        for n, segment in enumerate(segments[:-1]):  # all but the last approved; every fourth after an edit
            target = f"Sentence {n}, edited." if n % 4 == 0 else None
            store.update_segment(segment.id, target=target, status=Status.APPROVED)
    assert not key.path.exists()
    window = open_window(qtbot, project)
    try:
        window.go_to(segments[-1].id)
        window.approve_and_next()  # Ctrl+Enter
        qtbot.waitUntil(lambda: key.path.exists() and not window.calibration_refit.running, timeout=20000)
        assert window.calibration_refit.last is not None and window.calibration_refit.last.examples == count
        assert load(key) == window.calibration_refit.last
    finally:
        window.close()
        mt.release_translators()
