"""Telling a damaged store from one that cannot be opened where it is.

Only SQLite's SQLITE_NOTADB and SQLITE_CORRUPT say the file itself is wrong ("not an SQLite database", "damaged").
A file whose -shm SQLite cannot create or use (a folder or disk it may not write, a full disk) is fine: "cannot be
opened: …" with the reason. Before, both read "is not a Tarjama project (it is not an SQLite database)".
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from disk_conditions import NOBODY, checksums, fill, open_folder, remount_read_only, run_cli, tmpfs
from tarjama.errors import DiskFullError, ProjectError
from tarjama.glossary.store import Glossary
from tarjama.memory.store import TranslationMemory
from tarjama.project.files import import_document
from tarjama.project.schema import PROJECT_FILE
from tarjama.project.store import ProjectStore
from tarjama.sqlite_file import needs_migration, open_existing
from tarjama.store_failures import SHM_BYTES

DOCUMENT = "أعلنت الحكومة خطة جديدة للنقل العام. وتشمل الخطة خطوط حافلات إضافية.\n\nرحب السكان بالقرار.\n"
#: (suffix, the command that reads such a store, what the store is called in messages)
KINDS = [
    (".tarjama", lambda p: ["stats", p], "Tarjama project"),
    (".tarjama-tm", lambda p: ["tm", "search", "السكان", "--tm", p], "Tarjama translation memory"),
    (".tarjama-glossary", lambda p: ["glossary", "list", "--glossary", p], "Tarjama glossary"),
]


@pytest.fixture
def home():  # noqa: ANN201 - a Path
    with open_folder("tarjama-home-") as folder:
        folder.chmod(0o777)
        yield folder


def make_store(path: Path, home: Path) -> Path:
    """A store of the kind `path`'s suffix names, with something in it (a project of three segments)."""
    if path.suffix == ".tarjama":
        document = home / "doc.txt"
        document.write_text(DOCUMENT, encoding="utf-8")
        import_document(document, path).close()
    elif path.suffix == ".tarjama-tm":
        TranslationMemory.create(path).close()
    else:
        Glossary.create(path).close()
    return path


@pytest.mark.parametrize(("suffix", "command", "kind"), KINDS)
def test_a_file_that_is_no_database_at_all_is_said_to_be_none(home: Path, suffix: str, command, kind: str) -> None:  # noqa: ANN001
    path = home / f"noise{suffix}"
    path.write_bytes(os.urandom(4096))
    before = checksums(path)
    done = run_cli(command(path), home)
    assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
    assert f"tarjama-cli: {path}: is not a {kind} (it is not an SQLite database)." in done.stderr
    assert checksums(path) == before


@pytest.mark.parametrize(("suffix", "command", "kind"), KINDS)
def test_a_store_cut_short_is_said_to_be_damaged(home: Path, suffix: str, command, kind: str) -> None:  # noqa: ANN001
    """Its header is fine, its pages are not: damaged, and a backup is what to open — not "not a database"."""
    whole = make_store(home / f"whole{suffix}", home)
    cut = home / f"cut{suffix}"
    size = whole.stat().st_size
    cut.write_bytes(whole.read_bytes()[: size // 2 + 100])
    before = checksums(cut)
    done = run_cli(command(cut), home)
    assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
    assert f"tarjama-cli: {cut}: is damaged (database disk image is malformed), so Tarjama cannot read it" \
           in done.stderr
    assert checksums(cut) == before


def test_a_project_with_pages_zeroed_is_damaged_not_a_traceback(home: Path) -> None:
    """Its header and schema read fine; the damage shows when segments are read — the same message then."""
    project = make_store(home / "p.tarjama", home)
    data = bytearray(project.read_bytes())
    page = 4096
    data[page:4 * page] = bytes(3 * page)
    project.write_bytes(bytes(data))
    done = run_cli(["stats", project], home)
    assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
    assert f"tarjama-cli: {project}: is damaged (database disk image is malformed)" in done.stderr


def test_working_files_it_may_not_use_make_a_project_unopenable_not_damaged(home: Path) -> None:
    """Runs everywhere: beside a -shm and -wal of another user's that the CLI's child may not open."""
    with open_folder("tarjama-shm-") as folder:
        project = make_store(folder / "p.tarjama", home)
        for leftover in ("p.tarjama-shm", "p.tarjama-wal"):
            (folder / leftover).touch(mode=0o600)
            os.chown(folder / leftover, NOBODY, NOBODY)
        project.chmod(0o666)
        folder.chmod(0o777)
        before = checksums(project)
        done = run_cli(["segments", project], home, unprivileged=True)
        assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
        assert f"tarjama-cli: {project}: cannot be opened: SQLite cannot create or use its working files (-shm, " \
               "-wal) beside it (unable to open database file)." in done.stderr
        assert "not an SQLite database" not in done.stderr
        assert checksums(project) == before


def test_a_project_on_a_read_only_disk_without_its_shm_opens(home: Path) -> None:
    """SQLite cannot make a -shm there: the file is read as it is (immutable) rather than called no database."""
    with tmpfs("4m") as disk:
        project = make_store(disk / "p.tarjama", home)
        assert not Path(f"{project}-shm").exists()
        remount_read_only(disk)
        done = run_cli(["segments", project], home)
        assert done.returncode == 0, done.stderr
        assert done.stdout.count("\n") == 3
        assert not needs_migration(project, PROJECT_FILE)


@pytest.mark.parametrize(("suffix", "command", "kind"), KINDS)
def test_a_store_on_a_disk_without_room_for_its_shm_cannot_be_opened(
    home: Path, suffix: str, command, kind: str  # noqa: ANN001
) -> None:
    """Under 32 KB free: SQLite cannot grow the -shm (an I/O error): a full disk, exit 1, with what it needs."""
    with tmpfs("1m") as disk:
        path = make_store(disk / f"s{suffix}", home)
        fill(disk, leave=0)
        before = checksums(path)
        done = run_cli(command(path), home)
        assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
        assert f"tarjama-cli: {path}: cannot be opened: the disk is full (" in done.stderr
        assert "SQLite needs about 32 KB beside the file" in done.stderr
        assert "not an SQLite database" not in done.stderr
        assert checksums(path) == before


def test_the_core_raises_the_same_errors_for_the_window(tmp_path: Path) -> None:
    project = make_store(tmp_path / "p.tarjama", tmp_path)
    cut = tmp_path / "cut.tarjama"
    cut.write_bytes(project.read_bytes()[:20_000])
    with pytest.raises(ProjectError, match="is damaged"):
        ProjectStore.open(cut)
    noise = tmp_path / "noise.tarjama"
    noise.write_bytes(b"not sqlite" * 500)
    with pytest.raises(ProjectError, match="it is not an SQLite database"):
        open_existing(noise, PROJECT_FILE)
    assert not needs_migration(cut, PROJECT_FILE) and not needs_migration(noise, PROJECT_FILE)


def test_a_full_disk_at_opening_is_a_disk_full_error_in_the_core(home: Path) -> None:
    with tmpfs("1m") as disk:
        project = make_store(disk / "p.tarjama", home)
        fill(disk, leave=0)
        with pytest.raises(DiskFullError) as raised:
            ProjectStore.open(project)
        assert raised.value.work_failed and str(raised.value).startswith(f"{project}: cannot be opened: ")
        assert shutil.disk_usage(disk).free < SHM_BYTES
