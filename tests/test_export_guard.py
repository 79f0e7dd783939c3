"""An export never lands on a Tarjama store (known by its SQLite application id, whatever its name) or on a document
imported into the project, not even with --force; and `tarjama-cli` replaces no other existing file without
--force. Every refusal exits 2, names the file, and leaves it byte for byte as it was."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest

from tarjama.atomic_file import replacing
from tarjama.cli import EXIT_BAD_INPUT, EXIT_OK
from tarjama.domain import GlossaryEntry, Status
from tarjama.errors import BadInputError
from tarjama.export_guard import refuse_store, store_kind
from tarjama.glossary.store import Glossary
from tarjama.memory.exchange import export_tm
from tarjama.memory.schema import TM_FILE
from tarjama.memory.store import TranslationMemory
from tarjama.paths import default_tm_path
from tarjama.project.files import import_document
from tarjama.project.schema import PROJECT_FILE
from tarjama.project.store import ProjectStore
from tarjama.sqlite_file import create_new
from test_cli import SOURCE_TEXT, run

STORE_MESSAGES = {
    "project": "is a Tarjama project; an export never replaces it, so nothing was written",
    "memory": "is a Tarjama translation memory; an export never replaces it, so nothing was written",
    "glossary": "is a Tarjama glossary; an export never replaces it, so nothing was written",
}


@dataclass(frozen=True)
class Workspace:
    folder: Path
    source: Path
    project: Path
    memory: Path
    glossary: Path

    def store(self, kind: str) -> Path:
        return {"project": self.project, "memory": self.memory, "glossary": self.glossary}[kind]


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    """A project imported from article.txt with one approved segment (so its memory holds a unit), and a glossary."""
    source = tmp_path / "article.txt"
    source.write_text(SOURCE_TEXT, encoding="utf-8")
    project = tmp_path / "article.tarjama"
    with import_document(source, project) as store:
        store.update_segment(store.segments()[0].id, target="The government announced a plan.",
                             status=Status.APPROVED)
    glossary = tmp_path / "terms.tarjama-glossary"
    with Glossary.create(glossary) as terms:
        terms.add(GlossaryEntry(source="الحكومة", targets=("government",)))
    return Workspace(tmp_path, source, project, default_tm_path(), glossary)


def checksum(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def leftovers(folder: Path) -> list[str]:
    """Temporary files an export would have left (they all start with a dot)."""
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


#: Each command of `tarjama-cli` that writes a file the translator names, as argv around the output path.
EXPORTS = {
    "export-target": lambda ws, out: ["export-target", ws.project, out],
    "export-tmx": lambda ws, out: ["export-tmx", ws.project, out],
    "tm export": lambda ws, out: ["tm", "export", out],
    "glossary export": lambda ws, out: ["glossary", "export", out, "--glossary", ws.glossary],
    "report --csv": lambda ws, out: ["report", ws.project, "--csv", out],
}
#: The commands that export from a project, which must also spare the project's source documents.
PROJECT_EXPORTS = ["export-target", "export-tmx", "report --csv"]


# -- onto a store ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("force", [False, True], ids=["plain", "force"])
@pytest.mark.parametrize("kind", list(STORE_MESSAGES))
@pytest.mark.parametrize("command", list(EXPORTS))
def test_no_export_replaces_a_store_whatever_its_name(
    capsys: pytest.CaptureFixture[str], ws: Workspace, command: str, kind: str, force: bool
) -> None:
    """A store copied to a name every export accepts (.txt): recognised by its application id, not its name."""
    disguised = ws.folder / f"disguised-{kind}.txt"
    shutil.copyfile(ws.store(kind), disguised)
    before = checksum(disguised)

    code, out, err = run(capsys, *EXPORTS[command](ws, disguised), *(["--force"] if force else []))

    assert code == EXIT_BAD_INPUT, out
    assert err.startswith(f"tarjama-cli: {disguised}: {STORE_MESSAGES[kind]}. Choose another file name.")
    assert checksum(disguised) == before
    assert leftovers(ws.folder) == []


@pytest.mark.parametrize("kind", list(STORE_MESSAGES))
def test_tm_export_onto_the_project_memory_or_glossary_itself_is_refused(
    capsys: pytest.CaptureFixture[str], ws: Workspace, kind: str
) -> None:
    """The issue's case: `tarjama-cli tm export article.tarjama` replaced the project with TMX and exited 0."""
    target = ws.store(kind)
    before = {path: checksum(path) for path in (ws.project, ws.memory, ws.glossary)}

    code, _, err = run(capsys, "tm", "export", target, "--force")

    assert code == EXIT_BAD_INPUT
    assert STORE_MESSAGES[kind] in err
    assert {path: checksum(path) for path in before} == before
    with ProjectStore.open(ws.project) as store:
        assert store.segments()[0].status == Status.APPROVED


def test_export_tmx_onto_its_own_project_is_refused(capsys: pytest.CaptureFixture[str], ws: Workspace) -> None:
    before = checksum(ws.project)
    code, _, err = run(capsys, "export-tmx", ws.project, ws.project, "--force")
    assert code == EXIT_BAD_INPUT and STORE_MESSAGES["project"] in err
    assert checksum(ws.project) == before


def test_the_core_export_the_window_calls_refuses_a_store(ws: Workspace) -> None:
    """The window asks before replacing a file, then calls the core, which refuses a store on its own."""
    before = checksum(ws.project)
    with pytest.raises(BadInputError, match="is a Tarjama project; an export never replaces it"):
        export_tm(ws.memory, ws.project)
    assert checksum(ws.project) == before
    assert leftovers(ws.folder) == []


def test_a_new_store_still_open_elsewhere_is_recognised(tmp_path: Path) -> None:
    """Just created and open in another program, a memory's application id may be only in its -wal file yet."""
    fresh = tmp_path / "fresh.tarjama-tm"
    db = create_new(fresh, TM_FILE)
    try:
        header = fresh.read_bytes()[:100]
        assert int.from_bytes(header[68:72], "big") == 0, "precondition: the id is not on disk yet"
        assert store_kind(fresh) == TM_FILE
        with pytest.raises(BadInputError, match="is a Tarjama translation memory"), replacing(fresh) as out:
            out.write(b"<tmx/>")
        assert Path(f"{fresh}-wal").is_file()
    finally:
        db.conn.close()
    assert store_kind(fresh) == TM_FILE


def test_recognising_a_closed_store_leaves_nothing_beside_it(ws: Workspace) -> None:
    """A read-only SQLite connection would leave empty -wal and -shm files beside a closed store: none is opened."""
    before = sorted(p.name for p in ws.folder.iterdir())
    assert store_kind(ws.project) == PROJECT_FILE
    with pytest.raises(BadInputError):
        refuse_store(ws.glossary)
    assert sorted(p.name for p in ws.folder.iterdir()) == before


def test_the_working_files_of_an_open_store_are_refused(ws: Workspace) -> None:
    with ProjectStore.open(ws.project) as store:
        store.set_meta("note", "pending")  # in the -wal file until a checkpoint
        wal = Path(f"{ws.project}-wal")
        assert wal.is_file()
        before = checksum(wal)
        with pytest.raises(BadInputError, match=r"is a working file of the Tarjama project article\.tarjama"):
            refuse_store(wal)
        assert checksum(wal) == before
    with ProjectStore.open(ws.project) as store:
        assert store.get_meta("note") == "pending"


def test_a_fifo_is_not_read_to_find_out(tmp_path: Path) -> None:
    """Reading a FIFO (or a terminal) to look for an SQLite header would wait for input for ever."""
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    found: list[object] = []
    worker = threading.Thread(target=lambda: found.append(store_kind(fifo)), daemon=True)
    worker.start()
    worker.join(timeout=30)
    assert not worker.is_alive(), "store_kind blocked on a FIFO"
    assert found == [None]


def test_another_programs_sqlite_file_is_not_a_store(capsys: pytest.CaptureFixture[str], ws: Workspace) -> None:
    other = ws.folder / "other.txt"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.close()
    assert store_kind(other) is None
    assert run(capsys, "export-target", ws.project, other, "--force")[0] == EXIT_OK


# -- onto the project's source document ------------------------------------------------------------------------


@pytest.mark.parametrize("force", [False, True], ids=["plain", "force"])
@pytest.mark.parametrize("command", PROJECT_EXPORTS)
def test_no_project_export_replaces_its_source_document(
    capsys: pytest.CaptureFixture[str], ws: Workspace, command: str, force: bool
) -> None:
    before = checksum(ws.source)

    code, _, err = run(capsys, *EXPORTS[command](ws, ws.source), *(["--force"] if force else []))

    assert code == EXIT_BAD_INPUT
    assert err.startswith(
        f"tarjama-cli: {ws.source}: is the source document of article.tarjama; an export never replaces it, so "
        "nothing was written. Choose another file name."
    ), "refused for what --force cannot change, not for existing"
    assert checksum(ws.source) == before
    assert leftovers(ws.folder) == []


def test_the_source_document_is_known_by_any_path_to_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Imported by a relative path from one folder, named through a symbolic link from another."""
    (tmp_path / "in").mkdir()
    (tmp_path / "work").mkdir()
    source = tmp_path / "in" / "article.txt"
    source.write_text(SOURCE_TEXT, encoding="utf-8")
    monkeypatch.chdir(tmp_path / "in")
    import_document("article.txt", tmp_path / "work" / "article.tarjama").close()
    monkeypatch.chdir(tmp_path / "work")
    (tmp_path / "work" / "link.txt").symlink_to(source)
    before = checksum(source)

    for named in ("link.txt", "../in/./article.txt", str(source)):
        code, _, err = run(capsys, "export-target", "article.tarjama", named, "--force")
        assert code == EXIT_BAD_INPUT and "is the source document of article.tarjama" in err, named
    assert checksum(source) == before


def test_a_project_from_before_sources_were_remembered_spares_the_document_beside_it(
    capsys: pytest.CaptureFixture[str], ws: Workspace
) -> None:
    with ProjectStore.open(ws.project) as store:
        store._db.execute("DELETE FROM meta WHERE key LIKE 'document_path:%'")
    before = checksum(ws.source)
    code, _, err = run(capsys, "export-target", ws.project, ws.source, "--force")
    assert code == EXIT_BAD_INPUT and "is the source document" in err
    assert checksum(ws.source) == before


# -- onto any other existing file ------------------------------------------------------------------------------


@pytest.mark.parametrize("command", list(EXPORTS))
def test_an_existing_file_is_replaced_only_with_force(
    capsys: pytest.CaptureFixture[str], ws: Workspace, command: str
) -> None:
    existing = ws.folder / "existing.txt"
    existing.write_text("an earlier file", encoding="utf-8")

    code, out, err = run(capsys, *EXPORTS[command](ws, existing))

    assert code == EXIT_BAD_INPUT, out
    assert err == (f"tarjama-cli: {existing}: already exists, so nothing was written. Add --force to replace it, or "
                   "choose another file name.\n")
    assert existing.read_text(encoding="utf-8") == "an earlier file"

    code, out, err = run(capsys, *EXPORTS[command](ws, existing), "--force")

    assert code == EXIT_OK, err
    assert existing.read_text(encoding="utf-8-sig") != "an earlier file"
    assert leftovers(ws.folder) == []


@pytest.mark.parametrize("command", list(EXPORTS))
def test_a_new_file_needs_no_force(capsys: pytest.CaptureFixture[str], ws: Workspace, command: str) -> None:
    new = ws.folder / "new.txt"
    code, _, err = run(capsys, *EXPORTS[command](ws, new))
    assert code == EXIT_OK, err
    assert new.is_file()


@pytest.mark.parametrize("command", list(EXPORTS))
def test_help_says_what_force_never_replaces(capsys: pytest.CaptureFixture[str], ws: Workspace, command: str) -> None:
    argv = [str(a) for a in EXPORTS[command](ws, "x")][:2] if " " in command else [command]
    code, out, _ = run(capsys, *argv, "--help")
    assert code == EXIT_OK
    assert "--force" in out and "never a Tarjama project, memory or glossary" in " ".join(out.split())


# -- the window ----------------------------------------------------------------------------------------------------


def test_the_window_refuses_a_tmx_export_chosen_onto_the_project_file(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A project whose file is named like a TMX export, chosen as the export in the file chooser (which asked to
    replace it): the window says why nothing was written, and the open project is untouched."""
    from PySide6.QtWidgets import QFileDialog

    from tarjama.ui.shell.app import create_window, open_settings

    source = tmp_path / "visit.txt"
    source.write_text(SOURCE_TEXT, encoding="utf-8")
    project = tmp_path / "visit.tmx"
    with import_document(source, project) as store:
        store.update_segment(store.segments()[0].id, target="The government announced a plan.",
                             status=Status.APPROVED)
    window = create_window(open_settings())
    qtbot.addWidget(window)
    window.modal_errors = False
    assert window.open_project(project)
    before = checksum(project)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(project), ""))

    window.tm_menu.export_project_action.trigger()
    qtbot.waitUntil(lambda: window.tm_menu.progress is None, timeout=10000)

    assert "is a Tarjama project; an export never replaces it" in window.statusBar().currentMessage()
    assert checksum(project) == before
    assert leftovers(tmp_path) == []
    window.close()
    with ProjectStore.open(project) as store:
        assert store.segments()[0].status == Status.APPROVED


def test_the_export_dialog_refuses_the_source_document(qtbot, ws: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QMessageBox, QWidget

    from tarjama.ui.shell.dialogs import ExportDialog

    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *rest: warnings.append(text))
    parent = QWidget()
    qtbot.addWidget(parent)
    before = checksum(ws.source)
    with ProjectStore.open(ws.project) as store:
        dialog = ExportDialog(parent, store)
        dialog.path_edit.setText(str(ws.source))
        dialog.export()
        assert dialog.report is None and dialog.result() != dialog.DialogCode.Accepted
    assert len(warnings) == 1
    assert "is the source document of article.tarjama" in warnings[0].replace("\u2068", "").replace("\u2069", "")
    assert checksum(ws.source) == before


def test_a_memory_in_use_is_not_replaced_by_the_window_export_either(ws: Workspace) -> None:
    """The memory open for look-ups (as the window keeps it) while an export is pointed at it."""
    with TranslationMemory.open(ws.memory):
        before = checksum(ws.memory)
        with pytest.raises(BadInputError, match="is a Tarjama translation memory"):
            export_tm(ws.memory, ws.memory)
        assert checksum(ws.memory) == before
