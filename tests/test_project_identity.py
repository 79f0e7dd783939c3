"""A project's identity: the memory knows a project's units by the project's id, so a copy of the file (a backup
opened by mistake, a colleague's copy, "Save as" in the file manager) gets an id of its own the first time it is
opened, and never withdraws or overwrites the units the original approved. A moved or renamed project keeps its id.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tarjama.domain import ImportedDocument, Status
from tarjama.memory.store import TranslationMemory
from tarjama.project.store import ProjectStore

PARAGRAPHS = ["وصل الوفد إلى العاصمة صباح اليوم. وبدأت المحادثات بعد ساعة."]
ARRIVED = "The delegation arrived in the capital this morning."


@pytest.fixture
def memory(tmp_path: Path) -> Path:
    return tmp_path / "memory.tarjama-tm"


@pytest.fixture
def original(tmp_path: Path, memory: Path) -> Path:
    path = tmp_path / "خبر.tarjama"
    with ProjectStore.create(path, [ImportedDocument(name="خبر.txt", format="txt", paragraphs=PARAGRAPHS)]) as store:
        store.link_tm(memory)
        first = store.segments()[0]
        store.update_segment(first.id, target=ARRIVED, status=Status.APPROVED)
    return path


def approved_targets(memory: Path) -> list[str]:
    with TranslationMemory.open(memory) as opened:
        return sorted(u.target for u in opened.units(approved_only=True))


def uid(path: Path) -> str | None:
    with ProjectStore.open(path) as store:
        return store.get_meta("uid")


def test_a_copy_never_withdraws_the_originals_units(original: Path, memory: Path, tmp_path: Path) -> None:
    copy = tmp_path / "نسخة.tarjama"
    shutil.copy2(original, copy)
    with ProjectStore.open(copy) as store:
        first = store.segments()[0]
        store.update_segment(first.id, target="An edit in the copy, not approved.")  # a draft now
    assert approved_targets(memory) == [ARRIVED]


def test_a_copy_never_overwrites_the_originals_units(original: Path, memory: Path, tmp_path: Path) -> None:
    copy = tmp_path / "نسخة.tarjama"
    shutil.copy2(original, copy)
    with ProjectStore.open(copy) as store:
        first = store.segments()[0]
        store.update_segment(first.id, target="The copy's own wording.", status=Status.APPROVED)
    assert approved_targets(memory) == sorted([ARRIVED, "The copy's own wording."])
    # And the original's own changes still go to its own unit.
    with ProjectStore.open(original) as store:
        store.update_segment(store.segments()[1].id, target="Talks began an hour later.", status=Status.APPROVED)
    assert approved_targets(memory) == sorted([ARRIVED, "Talks began an hour later.", "The copy's own wording."])


def test_the_copy_gets_a_new_id_and_keeps_it_the_original_keeps_its_own(original: Path, tmp_path: Path) -> None:
    before = uid(original)
    copy = tmp_path / "نسخة.tarjama"
    shutil.copy2(original, copy)
    assert before is not None
    copy_uid = uid(copy)
    assert copy_uid not in (None, before)
    assert uid(copy) == copy_uid  # once is enough: it is now the copy's own
    assert uid(original) == before


def test_a_moved_project_keeps_its_id_and_its_units(original: Path, memory: Path, tmp_path: Path) -> None:
    before = uid(original)
    moved = tmp_path / "elsewhere" / "خبر.tarjama"
    moved.parent.mkdir()
    original.rename(moved)
    assert uid(moved) == before
    with ProjectStore.open(moved) as store:
        first = store.segments()[0]
        store.update_segment(first.id, target="The delegation reached the capital.", status=Status.APPROVED)
    assert approved_targets(memory) == ["The delegation reached the capital."]  # the same unit, updated
