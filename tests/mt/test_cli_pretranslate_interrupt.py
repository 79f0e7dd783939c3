"""Ctrl+C during `tarjama-cli pretranslate`: the batches finished before it are kept whole, the rest untouched,
and the next run goes on from there."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from pty_cli import run_on_pty
from tarjama import mt
from tarjama.cli import EXIT_INTERRUPTED
from tarjama.domain import Origin, Status
from tarjama.project.files import import_document
from tarjama.project.store import ProjectStore
from tiny_models import gloss_words

WORDS = ["ولد", "بنت", "ذهب", "إلى", "مدرسة", "كتاب", "قرأ", "في", "مدينة", "جميل", "بيت", "كبير"]


@pytest.mark.slow
def test_ctrl_c_keeps_whole_batches_and_a_second_run_finishes(tmp_path: Path, glossary_archive: Path) -> None:
    mt.install_package(glossary_archive)
    rng = random.Random(3)
    paragraphs = [" ".join(" ".join(rng.choices(WORDS, k=6)) + "." for _ in range(10)) for _ in range(300)]
    document = tmp_path / "long.txt"
    document.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    project = tmp_path / "long.tarjama"
    with import_document(document, project) as store:
        total = len(store.segments())

    code, drawn = run_on_pty("pretranslate", project, interrupt_when=r"[1-9]\d*/\d+ \[")

    assert code == EXIT_INTERRUPTED, drawn
    assert "Interrupted; nothing was half-written: segments are saved batch by batch" in drawn
    with ProjectStore.open(project) as store:
        segments = store.segments()
    done = [s for s in segments if s.status == Status.MACHINE]
    untouched = [s for s in segments if s.status == Status.NEW]
    assert 0 < len(done) < total and len(done) + len(untouched) == total
    for segment in done:  # each one complete: the model's word-for-word text, kept as the MT original, scored
        assert segment.target == segment.mt_text and len(segment.target.split()) == len(segment.source.split())
        assert segment.target.startswith(gloss_words(segment.source)[0])
        assert segment.origin == Origin.MT and segment.confidence is not None
    assert all(s.target == "" and s.origin == Origin.NONE for s in untouched)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["long.tarjama", "long.txt"]

    code, drawn = run_on_pty("pretranslate", project)
    assert code == 0, drawn
    assert f"Machine-translated {len(untouched)} of {len(untouched)} untranslated segments." in drawn
