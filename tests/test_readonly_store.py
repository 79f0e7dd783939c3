"""Stores that may be read but not written: a 0444 file (to a user who is not root), a read-only folder, a read-only
mount. Reading works; every change ends in a message naming the file, exit 2, and every store byte for byte as it
was — for the project, its translation memory and its glossary — and the window opens such a project read-only."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from disk_conditions import checksums, open_folder, remount_read_only, run_cli, tmpfs
from tarjama import sqlite_file, store_failures
from tarjama.domain import GlossaryEntry, Status, TmUnit
from tarjama.errors import Message, ReadOnlyError
from tarjama.formats import read_document
from tarjama.glossary.store import Glossary, set_project_glossary
from tarjama.memory.store import TranslationMemory
from tarjama.project.files import import_document
from tarjama.project.store import ProjectStore
from window_fixtures import open_window

DOCUMENT = "أعلنت الحكومة خطة جديدة للنقل العام. وتشمل الخطة خطوط حافلات إضافية.\n\nرحب السكان بالقرار.\n"
TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="ar" datatype="plaintext" segtype="sentence" adminlang="en" o-tmf="x"
creationtool="x" creationtoolversion="1"/><body><tu><tuv xml:lang="ar"><seg>رحب السكان بالقرار.</seg></tuv>
<tuv xml:lang="en"><seg>Residents welcomed the decision.</seg></tuv></tu></body></tmx>
"""
FILE_READ_ONLY = "is read-only (you may not change this file), so nothing was changed. To change it, copy it to a " \
                 "folder you may write in and open the copy."
DISK_READ_ONLY = "is read-only (it is on a disk or share that is read-only), so nothing was changed."


@dataclass
class Stores:
    """A project linked to a memory and a glossary in one folder, and the files the commands are given."""

    folder: Path
    home: Path

    @property
    def project(self) -> Path:
        return self.folder / "p.tarjama"

    @property
    def memory(self) -> Path:
        return self.folder / "m.tarjama-tm"

    @property
    def glossary(self) -> Path:
        return self.folder / "g.tarjama-glossary"

    def all(self) -> tuple[Path, Path, Path]:
        return self.project, self.memory, self.glossary


def make_stores(folder: Path, home: Path) -> Stores:
    """Build the three stores in `folder` (the inputs the commands read go to `home`, which anyone may write)."""
    stores = Stores(folder, home)
    for name, text in (("doc.txt", DOCUMENT), ("doc2.txt", "جملة أخرى في وثيقة ثانية.\n"), ("units.tmx", TMX),
                       ("terms.csv", "الحكومة,government\n")):
        (home / name).write_text(text, encoding="utf-8")
    with import_document(home / "doc.txt", stores.project) as store:
        store.link_tm(stores.memory)
        store.update_segment(3, target="Residents welcomed the decision.", status=Status.APPROVED)
        set_project_glossary(store, stores.glossary)
    with Glossary.open(stores.glossary) as glossary:
        glossary.add(GlossaryEntry(source="الحكومة", targets=("government",)))
    with TranslationMemory.open(stores.memory) as memory:
        memory.add(TmUnit("أعلنت الحكومة خطة جديدة للنقل العام.", "The government announced a new plan."))
    return stores


@pytest.fixture
def home() -> Iterator[Path]:
    """User folders and command inputs in a folder that the CLI's child may write."""
    with open_folder("tarjama-home-") as folder:
        folder.chmod(0o777)
        yield folder


def read_only_files(folder_mode: int, home: Path) -> Iterator[Stores]:
    with open_folder("tarjama-ro-") as folder:
        stores = make_stores(folder, home)
        for path in stores.all():
            path.chmod(0o444)
        folder.chmod(folder_mode)
        yield stores


@pytest.fixture
def locked(home: Path) -> Iterator[Stores]:
    """0444 stores in a folder their user may read but not write (SQLite cannot make its -shm beside them)."""
    yield from read_only_files(0o555, home)


@pytest.fixture
def locked_in_open_folder(home: Path) -> Iterator[Stores]:
    """0444 stores in a folder anyone may write (SQLite makes its -shm and -wal beside them)."""
    yield from read_only_files(0o777, home)


@pytest.fixture
def on_read_only_disk(home: Path) -> Iterator[Stores]:
    """Writable stores on a tmpfs remounted read-only (what a CD, a locked USB stick or a read-only share is)."""
    with tmpfs("8m") as point:
        with open_folder("tarjama-src-") as source:
            made = make_stores(source, home)
            for path in made.all():
                shutil.copy2(path, point / path.name)
        remount_read_only(point)
        yield Stores(point, home)


def writing_commands(s: Stores) -> list[tuple[str, list[str | Path], Path]]:
    """(name, arguments, the store named in the refusal) for every command that changes a store."""
    p, m, g = s.project, s.memory, s.glossary
    return [
        ("edit", ["edit", p, "1", "--target", "The government"], p),
        ("approve", ["edit", p, "1", "--target", "The government", "--approve"], p),
        ("split", ["split", p, "1", "5"], p),
        ("merge", ["merge", p, "1"], p),
        ("pretranslate", ["pretranslate", p, "--no-mt", "--tm", m], p),
        ("import into the project", ["import", s.home / "doc2.txt", "--project", p], p),
        ("tm import", ["tm", "import", s.home / "units.tmx", "--tm", m], m),
        ("glossary import", ["glossary", "import", s.home / "terms.csv", "--glossary", g], g),
    ]


def reading_commands(s: Stores) -> list[tuple[list[str | Path], str]]:
    """(arguments, something the output must hold) for the commands that only read."""
    return [
        (["segments", s.project], "Residents welcomed the decision."),
        (["stats", s.project], "Segments approved: 1 / 3"),
        (["qa", s.project], ""),
        (["export-target", s.project, s.home / "out.txt"], "1 of 3 segments approved"),
        (["tm", "search", "السكان", "--tm", s.memory], "Residents welcomed the decision."),
        (["glossary", "list", "--glossary", s.glossary], "government"),
    ]


def check_refusals(stores: Stores, problem: str, *, unprivileged: bool) -> None:
    before = checksums(*stores.all())
    for name, argv, store in writing_commands(stores):
        done = run_cli(argv, stores.home, unprivileged=unprivileged)
        assert done.returncode == 2, (name, done.stderr)
        assert "Traceback" not in done.stderr, (name, done.stderr)
        assert f"tarjama-cli: {store}: {problem}" in done.stderr, (name, done.stderr)
    assert checksums(*stores.all()) == before


def check_reading(stores: Stores, *, unprivileged: bool) -> None:
    before = checksums(*stores.all())
    for argv, expected in reading_commands(stores):
        done = run_cli(argv, stores.home, unprivileged=unprivileged)
        assert done.returncode in (0, 1) and "Traceback" not in done.stderr, (argv, done.stderr)  # qa: 1 = errors
        assert expected in done.stdout, (argv, done.stdout, done.stderr)
    assert (stores.home / "out.txt").read_text(encoding="utf-8").startswith("أعلنت")
    assert checksums(*stores.all()) == before


# -- 0444 files, as a user who is not root (runs everywhere) ------------------------------------------------------


@pytest.mark.slow
def test_every_change_to_a_read_only_file_is_refused_naming_it(locked: Stores) -> None:
    check_refusals(locked, FILE_READ_ONLY, unprivileged=True)


@pytest.mark.slow
def test_a_read_only_file_is_still_read_segments_stats_qa_export(locked: Stores) -> None:
    """Its folder is read-only too, so SQLite cannot make its -shm: the file is read as it is (immutable)."""
    check_reading(locked, unprivileged=True)
    assert sorted(p.name for p in locked.folder.iterdir()) == ["g.tarjama-glossary", "m.tarjama-tm", "p.tarjama"]


@pytest.mark.slow
def test_read_only_files_in_a_writable_folder_are_read_and_refused_alike(locked_in_open_folder: Stores) -> None:
    check_reading(locked_in_open_folder, unprivileged=True)
    check_refusals(locked_in_open_folder, FILE_READ_ONLY, unprivileged=True)


def test_a_read_only_project_of_an_older_version_is_refused_not_migrated(home: Path) -> None:
    """Migrating writes (and first backs the file up beside it): neither is possible, and the message says so."""
    with open_folder("tarjama-old-") as folder:
        stores = make_stores(folder, home)
        conn = sqlite3.connect(stores.project)
        conn.execute("PRAGMA user_version=3")
        conn.close()
        stores.project.chmod(0o444)
        before = checksums(stores.project)
        done = run_cli(["segments", stores.project], home, unprivileged=True)
        assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
        assert f"{stores.project}: is read-only (you may not change this file) and was saved by an older version " \
               "of Tarjama" in done.stderr
        assert checksums(stores.project) == before
        assert not list(folder.glob("*.bak"))


def test_a_read_only_project_with_no_memory_yet_is_refused_before_one_is_made(home: Path) -> None:
    """Editing links a project that never had a memory to the default one: not a read-only project, which could
    not remember the link (the default memory would be made for nothing)."""
    with open_folder("tarjama-unlinked-") as folder:
        (home / "doc.txt").write_text(DOCUMENT, encoding="utf-8")
        project = folder / "p.tarjama"
        with ProjectStore.create(project, [read_document(home / "doc.txt")]) as store:
            assert store.tm_path is None
        project.chmod(0o444)
        folder.chmod(0o555)
        done = run_cli(["edit", project, "1", "--target", "The government"], home, unprivileged=True)
        assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
        assert f"tarjama-cli: {project}: {FILE_READ_ONLY}" in done.stderr
        assert not (home / "data" / "tm" / "default.tarjama-tm").exists()


def test_a_new_project_in_a_read_only_folder_is_refused_naming_it(home: Path) -> None:
    with open_folder("tarjama-nowrite-") as folder:
        folder.chmod(0o555)
        (home / "doc.txt").write_text(DOCUMENT, encoding="utf-8")
        done = run_cli(["import", home / "doc.txt", "--project", folder / "new.tarjama"], home, unprivileged=True)
        assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
        assert f"{folder / 'new.tarjama'}: cannot be created: you may not write in the folder {folder}" in done.stderr
        assert list(folder.iterdir()) == []


def test_a_new_memory_in_a_read_only_folder_is_refused_and_leaves_nothing(home: Path) -> None:
    with open_folder("tarjama-nowrite-") as folder:
        folder.chmod(0o555)
        (home / "units.tmx").write_text(TMX, encoding="utf-8")
        memory = folder / "new.tarjama-tm"
        done = run_cli(["tm", "import", home / "units.tmx", "--tm", memory], home, unprivileged=True)
        assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
        assert f"{memory}: cannot be created: you may not write in the folder {folder}" in done.stderr
        assert list(folder.iterdir()) == []


# -- a read-only mount (where mounting is possible) ---------------------------------------------------------------


@pytest.mark.slow
def test_stores_on_a_read_only_disk_are_read_and_every_change_refused(on_read_only_disk: Stores) -> None:
    check_reading(on_read_only_disk, unprivileged=False)
    check_refusals(on_read_only_disk, DISK_READ_ONLY, unprivileged=False)


def test_the_core_opens_a_read_only_project_and_refuses_its_changes(on_read_only_disk: Stores) -> None:
    """The same domain error for the window as for the CLI, before anything is written; nothing is attached."""
    with ProjectStore.open(on_read_only_disk.project) as store:
        assert isinstance(store.read_only, ReadOnlyError)
        assert store.stats().approved_segments == 1
        assert store.linked_tm is None  # a read-only copy writes no units to the memory it names
        for change in (lambda: store.update_segment(1, target="x"), lambda: store.set_meta("k", "v"),
                       lambda: store.split_segment(1, 5), lambda: store.merge_with_next(1)):
            with pytest.raises(ReadOnlyError, match="read-only"):
                change()
        with pytest.raises(ReadOnlyError):  # refused before the glossary it would link is made
            set_project_glossary(store, on_read_only_disk.home / "new.tarjama-glossary")
        assert not (on_read_only_disk.home / "new.tarjama-glossary").exists()
    with TranslationMemory.open(on_read_only_disk.memory) as memory:
        assert memory.read_only is not None and memory.lookup("رحب السكان بالقرار.")
        with pytest.raises(ReadOnlyError):
            memory.add(TmUnit("نص", "text"))
    with Glossary.open(on_read_only_disk.glossary) as glossary:
        assert glossary.read_only is not None and glossary.count() == 1
        with pytest.raises(ReadOnlyError):
            glossary.add(GlossaryEntry(source="النقل", targets=("transport",)))


# -- the window ----------------------------------------------------------------------------------------------------


def check_window_is_read_only(qtbot, project: Path) -> None:  # noqa: ANN001
    from tarjama.ui.editor.segment_model import Column

    before = checksums(project)
    win = open_window(qtbot, project)
    try:
        assert win.read_only.banner.isVisible()
        assert "read-only" in win.read_only.banner.label.text()
        for action in (win.approve_action, win.reject_action, win.edit_action, win.split_action, win.merge_action,
                       win.pretranslate_action, win.copy_source_action, win.replace_action, win.undo_action):
            assert not action.isEnabled(), action.text()
        assert win.export_action.isEnabled() and win.qa.run_action.isEnabled()
        segment = win.session.model.segment_at(0)
        win.go_to(segment.id, edit=True)  # what F2 and a double click do: no editor on a read-only project
        assert win.open_editor() is None
        index = win.session.model.index(0, Column.TARGET)
        assert not win.session.model.flags(index) & win.session.model.flags(index).ItemIsEditable
        win.go_to(win.session.model.segment_at(1).id)  # moving does not try to remember where it was
        win.find_bar.open_bar("الحكومة", replace=True)
        win.find_replace.replace_all("x")
        assert "read-only" in win.statusBar().currentMessage()
    finally:
        win.close()
    assert checksums(project) == before


def test_the_window_opens_a_project_on_a_read_only_disk_read_only(qtbot, on_read_only_disk: Stores) -> None:
    check_window_is_read_only(qtbot, on_read_only_disk.project)


def test_the_window_opens_a_project_it_may_not_write_read_only(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Everywhere (no mount, no other user): the system's answer that the file may not be written is given by
    hand, and the store opens it through SQLite's read-only connection as it would a 0444 file."""
    document = tmp_path / "doc.txt"
    document.write_text(DOCUMENT, encoding="utf-8")
    project = tmp_path / "p.tarjama"
    import_document(document, project).close()
    real = sqlite_file.read_only_reason
    monkeypatch.setattr(sqlite_file, "read_only_reason",
                        lambda path: Message(store_failures._FILE_READ_ONLY) if path == project else real(path))
    check_window_is_read_only(qtbot, project)


def test_a_writable_project_opened_after_a_read_only_one_can_be_edited_again(
    qtbot, tmp_path: Path, on_read_only_disk: Stores
) -> None:
    document = tmp_path / "doc.txt"
    document.write_text(DOCUMENT, encoding="utf-8")
    writable = tmp_path / "w.tarjama"
    import_document(document, writable).close()
    win = open_window(qtbot, on_read_only_disk.project)
    try:
        assert win.open_project(writable)
        assert not win.read_only.banner.isVisible()
        assert win.approve_action.isEnabled() and win.edit_action.isEnabled() and win.split_action.isEnabled()
        win.edit_current()
        assert win.open_editor() is not None
    finally:
        win.close()
