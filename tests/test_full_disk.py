"""A full disk during an import or an approval: a message naming the file, saying how much room is needed, exit 1;
nothing half-made (no temporary .part file, no new project) and everything saved before kept as it was.

On a small real tmpfs filled nearly to the brim where mounting is possible, and at the SQLite level everywhere:
`PRAGMA max_page_count` makes SQLite itself answer SQLITE_FULL, as it does on a full disk.
"""

from __future__ import annotations

import errno
import os
import re
import sqlite3
from pathlib import Path

import pytest

from disk_conditions import checksums, fill, open_folder, run_cli, tmpfs
from tarjama import sqlite_file
from tarjama.domain import Status
from tarjama.errors import DiskFullError
from tarjama.memory.store import TranslationMemory
from tarjama.project.files import import_document
from tarjama.project.store import ProjectStore
from tarjama.store_failures import SHM_BYTES, build_room

SENTENCE = "أعلنت الحكومة خطة جديدة للنقل العام في المدينة. "
DOCUMENT = "أعلنت الحكومة خطة جديدة للنقل العام. وتشمل الخطة خطوط حافلات إضافية.\n\nرحب السكان بالقرار.\n"


def big_document(path: Path, paragraphs: int = 400) -> Path:
    path.write_text("".join(f"{SENTENCE * 8}{n}\n\n" for n in range(paragraphs)), encoding="utf-8")
    return path


def big_tmx(path: Path, units: int = 3000) -> Path:
    body = "".join(
        f'<tu><tuv xml:lang="ar"><seg>جملة رقم {i} عن الحكومة والنقل العام في المدينة</seg></tuv>'
        f'<tuv xml:lang="en"><seg>Sentence number {i} about the government and public transport</seg></tuv></tu>'
        for i in range(units)
    )
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?><tmx version="1.4"><header srclang="ar" datatype="plaintext" '
        'segtype="sentence" adminlang="en" o-tmf="x" creationtool="x" creationtoolversion="1"/><body>'
        f"{body}</body></tmx>",
        encoding="utf-8",
    )
    return path


def needed_bytes(message: str) -> int:
    """The room a message says is needed ("about 1.2 MB is needed"), in bytes."""
    found = re.search(r"about ([\d.]+) (bytes|KB|MB|GB)", message)
    assert found, message
    return int(float(found[1]) * {"bytes": 1, "KB": 1024, "MB": 1024**2, "GB": 1024**3}[found[2]])


@pytest.fixture
def home():  # noqa: ANN201 - a Path
    with open_folder("tarjama-home-") as folder:
        yield folder


def project_on(folder: Path, home: Path) -> Path:
    """A small project in `folder` linked to a memory there, opened and closed once (as after a day's work)."""
    document = home / "doc.txt"
    document.write_text(DOCUMENT, encoding="utf-8")
    project = folder / "p.tarjama"
    with import_document(document, project) as store:
        store.link_tm(folder / "m.tarjama-tm")
    ProjectStore.open(project).close()
    return project


# -- a real full disk ---------------------------------------------------------------------------------------------


def test_an_import_onto_a_full_disk_makes_no_project_and_says_how_much_room_it_needs(home: Path) -> None:
    with tmpfs("2m") as disk:
        document = big_document(home / "big.txt")
        filler = fill(disk, leave=300 * 1024)
        project = disk / "new.tarjama"
        done = run_cli(["import", document, "--project", project], home)
        assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
        assert f"tarjama-cli: {project}: could not be created: the disk is full (" in done.stderr
        assert "Nothing was made" in done.stderr
        assert sorted(p.name for p in disk.iterdir()) == ["filler"]  # no .part, no project, no -wal
        needed = needed_bytes(done.stderr)
        filler.unlink()
        assert needed <= 2 * 1024 * 1024  # what the message asked for is there now, and it is enough
        done = run_cli(["import", document, "--project", project], home)
        assert done.returncode == 0, done.stderr
        assert project.stat().st_size < needed


def test_an_approval_on_a_full_disk_leaves_the_project_as_it_was(home: Path) -> None:
    with tmpfs("1m") as disk:
        project = project_on(disk, home)
        stores = (project, disk / "m.tarjama-tm")
        filler = fill(disk, leave=SHM_BYTES + 8 * 1024)  # room to open the project, none to save a change
        before = checksums(*stores)
        done = run_cli(["edit", project, "1", "--target", "The government announced a plan.", "--approve"], home)
        assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
        assert f"tarjama-cli: {project}: could not be saved: the disk is full (" in done.stderr
        assert "SQLite needs about" in done.stderr and "Nothing was changed" in done.stderr
        assert checksums(*stores) == before
        filler.unlink()
        with ProjectStore.open(project) as store:
            assert store.segment(1).status == Status.NEW and store.history(1) == []


def test_adding_a_document_to_a_project_on_a_full_disk_changes_nothing(home: Path) -> None:
    with tmpfs("1m") as disk:
        project = project_on(disk, home)
        fill(disk, leave=SHM_BYTES + 8 * 1024)
        before = checksums(project)
        done = run_cli(["import", big_document(home / "big.txt", 100), "--project", project], home)
        assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
        assert f"tarjama-cli: {project}: could not be saved: the disk is full (" in done.stderr
        assert checksums(project) == before


def test_a_tmx_import_into_a_memory_on_a_full_disk_changes_nothing(home: Path) -> None:
    with tmpfs("1m") as disk:
        memory = disk / "m.tarjama-tm"
        TranslationMemory.create(memory).close()
        fill(disk, leave=SHM_BYTES + 8 * 1024)
        before = checksums(memory)
        done = run_cli(["tm", "import", big_tmx(home / "units.tmx"), "--tm", memory], home)
        assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
        assert f"tarjama-cli: {memory}: could not be saved: the disk is full (" in done.stderr
        assert checksums(memory) == before


def test_a_glossary_import_on_a_full_disk_changes_nothing(home: Path) -> None:
    with tmpfs("1m") as disk:
        glossary = disk / "g.tarjama-glossary"
        terms = home / "terms.csv"
        terms.write_text("".join(f"مصطلح{i} طويل عن النقل العام,long term {i} about public transport\n"
                                 for i in range(6000)), encoding="utf-8")
        (home / "one.csv").write_text("الحكومة,government\n", encoding="utf-8")
        assert run_cli(["glossary", "import", home / "one.csv", "--glossary", glossary], home).returncode == 0
        fill(disk, leave=SHM_BYTES + 8 * 1024)
        before = checksums(glossary)
        done = run_cli(["glossary", "import", terms, "--glossary", glossary], home)
        assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
        assert f"tarjama-cli: {glossary}: could not be saved: the disk is full (" in done.stderr
        assert checksums(glossary) == before


def test_an_approval_whose_memory_is_on_a_full_disk_is_saved_and_the_memory_named(home: Path) -> None:
    """The project is fine; only its memory's disk is full: the approval stays, and the message says where the
    unit could not go (exit 1: the work was not all done)."""
    with tmpfs("1m") as disk:
        document = home / "doc.txt"
        document.write_text(DOCUMENT, encoding="utf-8")
        project = home / "p.tarjama"
        memory = disk / "m.tarjama-tm"
        with import_document(document, project) as store:
            store.link_tm(memory)
        fill(disk, leave=SHM_BYTES + 8 * 1024)
        before = checksums(memory)
        done = run_cli(["edit", project, "1", "--target", "The government announced a plan.", "--approve"], home)
        assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
        assert f"tarjama-cli: {memory}: could not be saved: the disk is full (" in done.stderr
        assert "Segment 1 is saved in" in done.stderr
        assert checksums(memory) == before
        with sqlite3.connect(project) as conn:
            assert conn.execute("SELECT status FROM segments WHERE id = 1").fetchone() == ("approved",)


# -- SQLite's own "full" at the SQLite level (runs everywhere) ----------------------------------------------------


def test_a_change_the_file_has_no_room_for_is_refused_whole(tmp_path: Path) -> None:
    """SQLite answers SQLITE_FULL when the file may grow no more (max_page_count here; a 4 GB FAT32 file, a full
    disk): the change rolls back whole, and the message, seeing room on the disk, says the file cannot grow."""
    document = tmp_path / "doc.txt"
    document.write_text(DOCUMENT, encoding="utf-8")
    project = tmp_path / "p.tarjama"
    import_document(document, project).close()
    ProjectStore.open(project).close()
    before = checksums(project)
    with ProjectStore.open(project) as store:
        pages = store._db.execute("PRAGMA page_count").fetchone()[0]
        store._db.execute(f"PRAGMA max_page_count={pages}")
        with pytest.raises(DiskFullError) as raised:
            store.update_segment(1, target="x" * 100_000, status=Status.APPROVED)
        assert str(raised.value).startswith(f"{project}: could not be saved: it cannot grow any larger (")
        assert raised.value.work_failed
        assert store.segment(1).status == Status.NEW and store.history(1) == []
        store.update_segment(2, target="A short one fits.")  # the store goes on working
    with ProjectStore.open(project) as store:
        assert store.segment(2).target == "A short one fits." and store.segment(1).target == ""
    assert checksums(project) != before  # the second change was saved, the first never was


def test_a_new_project_too_big_for_its_file_leaves_nothing_and_names_the_project(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Built under a temporary name: the failure is said of the project, with the room the document needs, and
    neither the temporary file nor the project is left."""
    real_create_new = sqlite_file.create_new
    monkeypatch.setattr(sqlite_file, "create_new",
                        lambda path, kind: _limited(real_create_new(path, kind), pages=40))
    document = big_document(tmp_path / "big.txt")
    project = tmp_path / "new.tarjama"
    with pytest.raises(DiskFullError) as raised:
        import_document(document, project)
    message = str(raised.value)
    assert message.startswith(f"{project}: could not be created: it cannot grow as large as it must (")
    text = len(document.read_text(encoding="utf-8").encode())
    assert needed_bytes(message) == pytest.approx(build_room(text), rel=0.05)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["big.txt"]


def test_the_cli_says_a_full_disk_is_the_work_failing(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """Exit 1 and the message, not a traceback, whichever command meets it (here an import, at the SQLite level)."""
    from tarjama.cli import EXIT_FAILED, main

    real_create_new = sqlite_file.create_new
    monkeypatch.setattr(sqlite_file, "create_new",
                        lambda path, kind: _limited(real_create_new(path, kind), pages=40))
    project = tmp_path / "new.tarjama"
    assert main(["import", str(big_document(tmp_path / "big.txt")), "--project", str(project)]) == EXIT_FAILED
    err = capsys.readouterr().err
    assert err.startswith(f"tarjama-cli: {project}: could not be created: ") and "Traceback" not in err
    assert not project.exists() and not list(tmp_path.glob("*.part"))


def _limited(db, *, pages: int):  # noqa: ANN001, ANN202 - a sqlite_utils Database
    """A new store's file that may grow to `pages` pages only: SQLite answers SQLITE_FULL past that."""
    db.execute(f"PRAGMA max_page_count={pages}")
    return db


@pytest.mark.parametrize(("number", "code"), [(errno.ENOSPC, 1), (errno.EIO, 1), (errno.EACCES, 2), (errno.EROFS, 2)])
def test_what_the_system_says_reaches_the_translator_naming_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, number: int, code: int
) -> None:
    """The CLI's last net for an OSError no service turned into a message: "{path}: {reason}", as every other
    message reads, exit 1 for a disk that failed or filled, 2 for a file the system refuses."""
    from tarjama.cli import main, project_commands

    where = tmp_path / "ملف.tarjama"

    def failing(args, out) -> None:  # noqa: ANN001
        raise OSError(number, os.strerror(number), str(where))

    monkeypatch.setattr(project_commands, "cmd_stats", failing)
    assert main(["stats", str(where)]) == code
    assert capsys.readouterr().err == f"tarjama-cli: {where}: {os.strerror(number)}\n"


def test_an_update_on_a_full_disk_leaves_no_half_copied_backup(home: Path) -> None:
    """A store of an older version is copied aside before it is migrated: with no room for the copy, the part
    written is removed, the store is as it was, and the message says about how much room is needed."""
    with tmpfs("1m") as disk:
        project = project_on(disk, home)
        with sqlite3.connect(project) as conn:
            conn.execute("PRAGMA user_version=3")  # as a file saved by the version before review data came
        conn.close()
        fill(disk, leave=SHM_BYTES + 16 * 1024)  # room to read it, not to copy it
        before = checksums(project)
        done = run_cli(["stats", project], home)
        assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
        assert f"tarjama-cli: {project}: could not be saved: the disk is full (" in done.stderr
        assert needed_bytes(done.stderr) > project.stat().st_size
        assert checksums(project) == before
        assert not list(disk.glob("*.bak"))
