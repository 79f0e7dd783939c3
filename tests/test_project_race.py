"""Two imports creating the same new project at once: both succeed and the project ends with both documents.

A new project is built under a temporary name and published with `atomic_file.publish_new`, which never replaces a
file that appeared meanwhile; the import that finds itself second adds its document to the project the first one
published. Before, both renamed over the same name and the first document was silently lost.
"""

from __future__ import annotations

import multiprocessing
import os
import sqlite3
from pathlib import Path

import pytest

from tarjama import atomic_file
from tarjama.errors import AlreadyExistsError
from tarjama.formats import read_document
from tarjama.memory.store import TranslationMemory
from tarjama.paths import default_tm_path
from tarjama.project.files import import_document
from tarjama.project.store import ProjectStore

FIRST = "وصل الوزير إلى العاصمة صباح اليوم.\n\nوعقد اجتماعاً مع نظيره.\n"
SECOND = "رحب السكان بالقرار الجديد.\n"
ROUNDS = 8


def _documents(folder: Path) -> tuple[Path, Path]:
    first, second = folder / "first.txt", folder / "second.txt"
    first.write_text(FIRST, encoding="utf-8")
    second.write_text(SECOND, encoding="utf-8")
    return first, second


def _names(project: Path) -> list[str]:
    with ProjectStore.open(project) as store:
        return sorted(document.name for document in store.documents())


def _importer(document: str, projects: list[str], barrier, results) -> None:  # noqa: ANN001 - multiprocessing
    """Run in a child process: for each project, wait for the other importer, then both import at once."""
    for project in projects:
        barrier.wait(timeout=60)
        try:
            import_document(document, project).close()
        except BaseException as exc:  # reported, not raised: the parent says which round failed and why
            results.put((project, document, f"{type(exc).__name__}: {exc}"))
        else:
            results.put((project, document, "ok"))


def test_two_processes_importing_into_the_same_new_project_both_keep_their_document(tmp_path: Path) -> None:
    """Started together at a barrier, round after round. Every import links its project to the default memory, made
    here first: two imports creating the memory itself at once is another race (`StoreFile.create`), not this one."""
    first, second = _documents(tmp_path)
    TranslationMemory.open_or_create(default_tm_path()).close()
    projects = [str(tmp_path / f"round-{n}.tarjama") for n in range(ROUNDS)]
    context = multiprocessing.get_context("spawn")  # no fork of a process that runs Qt and pytest's threads
    barrier = context.Barrier(2)
    results = context.Queue()
    workers = [
        context.Process(target=_importer, args=(str(document), projects, barrier, results))
        for document in (first, second)
    ]
    for worker in workers:
        worker.start()
    outcomes = [results.get(timeout=120) for _ in range(2 * ROUNDS)]
    for worker in workers:
        worker.join(timeout=60)
        assert worker.exitcode == 0

    assert [outcome for outcome in outcomes if outcome[2] != "ok"] == [], "both imports report success"
    held = {project: _names(Path(project)) for project in projects}
    assert held == dict.fromkeys(projects, ["first.txt", "second.txt"]), "every project holds both documents"
    leftovers = sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("."))
    assert leftovers == [], "the second import's own build is removed"


def _first_importer(document: str, rounds: list[tuple[str, str]], barrier, results) -> None:  # noqa: ANN001
    """Run in a child process: each round, in a data folder of its own where no memory exists yet, import into a
    project of this process's own at the same moment as the other process."""
    for data_dir, project in rounds:
        os.environ["TARJAMA_DATA_DIR"] = data_dir
        barrier.wait(timeout=60)
        try:
            import_document(document, project).close()
        except BaseException as exc:  # reported, not raised: the parent says which round failed and why
            results.put((project, f"{type(exc).__name__}: {exc}"))
        else:
            results.put((project, "ok"))


def test_two_first_imports_creating_the_default_memory_at_once_both_succeed(tmp_path: Path) -> None:
    """The memory is built under a temporary name and published whole like a project: the second to finish opens
    the first's. Built in place, one import failed ("table units already exists", "not a Tarjama translation
    memory") and could remove the memory the other was writing."""
    first, second = _documents(tmp_path)
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(2)
    results = context.Queue()
    workers = []
    for document in (first, second):
        rounds = [(str(tmp_path / f"data-{n}"), str(tmp_path / f"{document.stem}-{n}.tarjama")) for n in range(ROUNDS)]
        workers.append(context.Process(target=_first_importer, args=(str(document), rounds, barrier, results)))
    for worker in workers:
        worker.start()
    outcomes = [results.get(timeout=120) for _ in range(2 * ROUNDS)]
    for worker in workers:
        worker.join(timeout=60)
        assert worker.exitcode == 0
    assert [outcome for outcome in outcomes if outcome[1] != "ok"] == []
    for n in range(ROUNDS):
        # One memory and no build left behind; its -wal/-shm may stay when both processes closed it at once
        # (SQLite removes them only when the last connection closes alone), and the next open uses them.
        memories = sorted(p.name for p in (tmp_path / f"data-{n}" / "tm").iterdir()
                          if not p.name.endswith(("-wal", "-shm")))
        assert memories == ["default.tarjama-tm"], memories
        TranslationMemory.open(tmp_path / f"data-{n}" / "tm" / "default.tarjama-tm").close()
        for document in (first, second):
            with ProjectStore.open(tmp_path / f"{document.stem}-{n}.tarjama") as store:
                assert store.linked_tm == tmp_path / f"data-{n}" / "tm" / "default.tarjama-tm"


def test_an_import_overtaken_while_building_adds_its_document_to_the_published_project(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same race made certain: the other import publishes the project just before this one would."""
    first, second = _documents(tmp_path)
    project = tmp_path / "p.tarjama"
    real_publish = atomic_file.publish_new
    overtaken: list[bool] = []

    def publish_after_the_other(tmp: Path, path: Path) -> None:
        if not overtaken:
            overtaken.append(True)
            import_document(second, project).close()  # the other import, finishing first
        real_publish(tmp, path)

    monkeypatch.setattr(atomic_file, "publish_new", publish_after_the_other)

    with import_document(first, project) as store:
        assert sorted(d.name for d in store.documents()) == ["first.txt", "second.txt"]
        assert [s.source for s in store.segments()][-2:] == ["وصل الوزير إلى العاصمة صباح اليوم.",
                                                               "وعقد اجتماعاً مع نظيره."]
    assert overtaken == [True]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["first.txt", "p.tarjama", "second.txt"]


def test_creating_a_project_that_appeared_meanwhile_says_it_exists(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ProjectStore.create itself: the name taken between its check and its rename is AlreadyExistsError, its own
    build is removed, and the project already there is left exactly as it was."""
    first, second = _documents(tmp_path)
    project = tmp_path / "p.tarjama"
    real_publish = atomic_file.publish_new
    overtaken: list[bytes] = []

    def publish_after_another(tmp: Path, path: Path) -> None:
        if not overtaken:
            overtaken.append(b"")
            import_document(second, project).close()
            overtaken[0] = project.read_bytes()
        real_publish(tmp, path)

    monkeypatch.setattr(atomic_file, "publish_new", publish_after_another)

    with pytest.raises(AlreadyExistsError, match=r"p\.tarjama: already exists; open it, or choose another name"):
        ProjectStore.create(project, [read_document(first)])

    assert project.read_bytes() == overtaken[0]
    assert _names(project) == ["second.txt"]
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_a_just_published_project_opens_while_another_program_is_reading_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The moment a project is published, the import that published it starts reading it while the other import
    opens it to add its document. Published in rollback-journal mode, it had to be switched to WAL by the first to
    open it, which needs the file to itself: the other was refused with "database is locked" (2 rounds in about
    300 of the two-process test). Published in WAL mode, opening it needs no such lock."""
    first, second = _documents(tmp_path)
    project = tmp_path / "p.tarjama"
    real_publish = atomic_file.publish_new
    opened_meanwhile: list[list[str]] = []

    def publish_then_open_while_read(tmp: Path, path: Path) -> None:
        real_publish(tmp, path)
        if opened_meanwhile or path != project:  # the memory is published the same way
            return
        reader = sqlite3.connect(path)
        try:
            reader.execute("BEGIN")
            reader.execute("SELECT count(*) FROM segments").fetchone()  # a read lock, as any reader holds
            with import_document(second, project) as store:
                opened_meanwhile.append([d.name for d in store.documents()])
        finally:
            reader.close()

    monkeypatch.setattr(atomic_file, "publish_new", publish_then_open_while_read)

    with import_document(first, project) as store:
        assert [d.name for d in store.documents()] == ["first.txt", "second.txt"]
    assert opened_meanwhile == [["first.txt", "second.txt"]]


def test_importing_into_an_existing_project_still_adds_the_document(tmp_path: Path) -> None:
    first, second = _documents(tmp_path)
    project = tmp_path / "p.tarjama"
    import_document(first, project).close()
    with import_document(second, project) as store:
        assert [d.name for d in store.documents()] == ["first.txt", "second.txt"]
    with import_document(first, project) as store:  # the same document again is a third document, as before
        assert [d.name for d in store.documents()] == ["first.txt", "second.txt", "first.txt"]


# -- atomic_file.publish_new ----------------------------------------------------------------------------------------


def test_publish_new_puts_the_file_in_place_when_the_name_is_free(tmp_path: Path) -> None:
    tmp = tmp_path / ".new.part"
    tmp.write_bytes(b"complete")
    atomic_file.publish_new(tmp, tmp_path / "new")
    assert (tmp_path / "new").read_bytes() == b"complete"
    assert not tmp.exists()


@pytest.mark.parametrize("what", ["file", "dangling link", "folder"])
def test_publish_new_never_replaces_what_appeared_and_leaves_both(tmp_path: Path, what: str) -> None:
    tmp = tmp_path / ".new.part"
    tmp.write_bytes(b"mine")
    path = tmp_path / "new"
    if what == "file":
        path.write_bytes(b"theirs")
    elif what == "dangling link":
        path.symlink_to(tmp_path / "nowhere")
    else:
        path.mkdir()

    with pytest.raises(FileExistsError):
        atomic_file.publish_new(tmp, path)

    assert tmp.read_bytes() == b"mine"
    if what == "file":
        assert path.read_bytes() == b"theirs"
    elif what == "dangling link":
        assert path.is_symlink() and os.readlink(path) == str(tmp_path / "nowhere")
    else:
        assert path.is_dir()


@pytest.mark.parametrize("taken", [False, True], ids=["free", "taken"])
def test_publish_new_without_hard_links_uses_a_lock_and_still_never_replaces(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, taken: bool
) -> None:
    """A file system without hard links (FAT, some shares): checked and renamed under a lock file."""
    def no_links(src: object, dst: object, **kwargs: object) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    tmp = tmp_path / ".new.part"
    tmp.write_bytes(b"mine")
    path = tmp_path / "new"
    if taken:
        path.write_bytes(b"theirs")
        with pytest.raises(FileExistsError):
            atomic_file.publish_new(tmp, path)
        assert (path.read_bytes(), tmp.read_bytes()) == (b"theirs", b"mine")
    else:
        atomic_file.publish_new(tmp, path)
        assert path.read_bytes() == b"mine" and not tmp.exists()
    assert not (tmp_path / ".new.publishing").exists(), "the lock is released"


def test_a_lock_left_by_a_program_that_died_is_taken_over(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "link", lambda *args, **kwargs: (_ for _ in ()).throw(OSError(95, "not supported")))
    monkeypatch.setattr(atomic_file, "_LOCK_PATIENCE", 0.05)
    (tmp_path / ".new.publishing").write_bytes(b"")
    tmp = tmp_path / ".new.part"
    tmp.write_bytes(b"mine")
    atomic_file.publish_new(tmp, tmp_path / "new")
    assert (tmp_path / "new").read_bytes() == b"mine"
    assert not (tmp_path / ".new.publishing").exists()
