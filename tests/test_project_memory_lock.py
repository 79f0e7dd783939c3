"""An approval never waits on the translation memory: it is saved in the project at once, and its unit is written
when the memory is free, however long another program holds it (a TMX import keeps its write lock for as long as it
runs). The CLI says when the memory did not get a unit, as the window's banner does: busy, missing or newer.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tarjama.cli import EXIT_FAILED, EXIT_OK, main, project_commands
from tarjama.domain import ImportedDocument, Status
from tarjama.memory.store import TranslationMemory
from tarjama.paths import default_tm_path
from tarjama.project.store import ProjectStore

PARAGRAPHS = ["وصل الوفد إلى العاصمة صباح اليوم. وبدأت المحادثات بعد ساعة.", "قال المتحدث إن الاجتماع كان مثمرا."]
ARRIVED = "The delegation arrived in the capital this morning."


@pytest.fixture
def project(tmp_path: Path) -> Path:
    path = tmp_path / "خبر.tarjama"
    with ProjectStore.create(path, [ImportedDocument(name="خبر.txt", format="txt", paragraphs=PARAGRAPHS)]) as store:
        store.link_tm(tmp_path / "memory.tarjama-tm")
    return path


@pytest.fixture
def locked_memory(tmp_path: Path, project: Path) -> Iterator[sqlite3.Connection]:
    """Another program's write transaction on the memory, held until the test lets it go (`rollback`)."""
    holder = sqlite3.connect(tmp_path / "memory.tarjama-tm", isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    yield holder
    if holder.in_transaction:
        holder.rollback()
    holder.close()


def units(memory: Path) -> list[tuple[str, str, bool]]:
    with TranslationMemory.open(memory) as opened:
        return [(u.source, u.target, True) for u in opened.units(approved_only=True)]


def checksum(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run(capsys: pytest.CaptureFixture[str], *argv: object) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_an_approval_is_saved_at_once_while_another_program_holds_the_memory(
    project: Path, tmp_path: Path, locked_memory: sqlite3.Connection
) -> None:
    memory = tmp_path / "memory.tarjama-tm"
    with ProjectStore.open(project, memory_wait=0) as store:
        segment = store.segments()[0]
        approved = store.update_segment(segment.id, target=ARRIVED, status=Status.APPROVED)
        assert approved.status == Status.APPROVED
        assert store.memory_behind
        assert store.tm_problem is not None and str(memory) in store.tm_problem and "busy" in store.tm_problem
        assert not store.catch_up_memory(wait=0)  # still held

        locked_memory.rollback()
        assert store.catch_up_memory(wait=1)
        assert (store.memory_behind, store.tm_problem) == (False, None)
    assert units(memory) == [(segment.source, ARRIVED, True)]
    with ProjectStore.open(project) as reopened:
        assert reopened.segment(segment.id).status == Status.APPROVED


def test_the_project_holds_the_approval_even_if_the_program_stops_before_the_memory_is_free(
    project: Path, tmp_path: Path, locked_memory: sqlite3.Connection
) -> None:
    """Closing with a unit still waiting loses nothing: the next open writes it."""
    memory = tmp_path / "memory.tarjama-tm"
    with ProjectStore.open(project, memory_wait=0) as store:
        segment = store.segments()[1]
        store.update_segment(segment.id, target="Talks began an hour later.", status=Status.APPROVED)
        assert store.memory_behind
    locked_memory.rollback()
    with ProjectStore.open(project) as reopened:
        assert not reopened.memory_behind
    assert units(memory) == [(segment.source, "Talks began an hour later.", True)]


def test_cli_approval_with_the_memory_held_elsewhere_says_so_and_exits_1(
    project: Path, tmp_path: Path, locked_memory: sqlite3.Connection, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(project_commands, "MEMORY_WAIT", 0.2)
    memory = tmp_path / "memory.tarjama-tm"
    before = checksum(memory)
    code, out, err = run(capsys, "edit", project, 1, "--target", ARRIVED, "--approve")
    assert code == EXIT_FAILED
    assert out == "Segment 1: approved\n"
    assert f"{memory}: is busy: another program is writing to it" in err
    assert "Segment 1 is saved in" in err and "Traceback" not in err
    locked_memory.rollback()
    assert checksum(memory) == before
    code, _, err = run(capsys, "segments", project)  # any command that opens the project writes the unit
    assert code == EXIT_OK, err
    assert [target for _, target, _ in units(memory)] == [ARRIVED]


@pytest.mark.slow
def test_cli_approval_waits_out_a_hold_longer_than_sqlite_s_busy_timeout(
    project: Path, tmp_path: Path, locked_memory: sqlite3.Connection, capsys: pytest.CaptureFixture[str]
) -> None:
    """Six seconds: longer than the five every store's connection waits for a lock (where the CLI's approvals
    used to end in a `database is locked` traceback), well within the CLI's wait for the memory."""
    import threading

    release = threading.Timer(6, locked_memory.rollback)
    release.start()
    try:
        code, out, err = run(capsys, "edit", project, 1, "--target", ARRIVED, "--approve")
    finally:
        release.join()
    assert (code, out, err) == (EXIT_OK, "Segment 1: approved\n", "")
    assert [target for _, target, _ in units(tmp_path / "memory.tarjama-tm")] == [ARRIVED]


def test_cli_approval_with_the_memory_missing_says_so(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "memory.tarjama-tm").unlink()
    code, out, err = run(capsys, "edit", project, 1, "--target", ARRIVED, "--approve")
    assert code == EXIT_FAILED
    assert out == "Segment 1: approved\n"
    assert f"{tmp_path / 'memory.tarjama-tm'}: is missing, so approved segments are not being saved" in err
    assert not (tmp_path / "memory.tarjama-tm").exists()  # never silently made anew
    assert not default_tm_path().exists()  # nor switched to another memory


def test_cli_approval_with_a_newer_memory_says_so(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    memory = tmp_path / "memory.tarjama-tm"
    conn = sqlite3.connect(memory)
    conn.execute("PRAGMA user_version=99")
    conn.close()
    before = checksum(memory)
    code, out, err = run(capsys, "edit", project, 1, "--target", ARRIVED, "--approve")
    assert code == EXIT_FAILED
    assert out == "Segment 1: approved\n"
    assert f"{memory}: was saved by a newer version of Tarjama" in err
    assert checksum(memory) == before


def test_cli_drafts_do_not_complain_about_the_memory(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "memory.tarjama-tm").unlink()
    assert run(capsys, "edit", project, 1, "--target", ARRIVED) == (EXIT_OK, "Segment 1: draft\n", "")


def _tmx(path: Path, count: int) -> None:
    body = "".join(
        f'<tu><tuv xml:lang="ar"><seg>جملة رقم {i} عن الاجتماع في العاصمة</seg></tuv>'
        f'<tuv xml:lang="en"><seg>Sentence number {i} about the meeting in the capital</seg></tuv></tu>'
        for i in range(count)
    )
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?><tmx version="1.4"><header srclang="ar" datatype="plaintext" '
        f'segtype="sentence" adminlang="en" creationtool="test" creationtoolversion="1" o-tmf="test"/><body>{body}'
        "</body></tmx>",
        encoding="utf-8",
    )


def _cli(*argv: object) -> list[str]:
    return [sys.executable, "-c", "import sys; from tarjama.cli import main; sys.exit(main())", *map(str, argv)]


@pytest.mark.slow
def test_cli_approvals_during_a_real_tmx_import_never_end_in_a_traceback(project: Path, tmp_path: Path) -> None:
    """As found: approvals in the CLI while another process imports a TMX into the same memory."""
    memory = tmp_path / "memory.tarjama-tm"
    tmx = tmp_path / "agency.tmx"
    _tmx(tmx, 15000)
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    importer = subprocess.Popen(_cli("tm", "import", tmx, "--tm", memory), env=env, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)
    results = []
    try:
        deadline = time.monotonic() + 120
        while importer.poll() is None and time.monotonic() < deadline or len(results) < 3:
            segment_id = 1 + len(results) % 3
            done = subprocess.run(
                _cli("edit", project, segment_id, "--target", f"Take {len(results)}", "--approve"),
                env=env, capture_output=True, text=True, timeout=120,
            )
            results.append(done)
    finally:
        _, import_err = importer.communicate(timeout=120)
    assert importer.returncode == 0, import_err
    for done in results:
        assert "Traceback" not in done.stderr, done.stderr
        assert done.returncode in (EXIT_OK, EXIT_FAILED), done.stderr
        assert done.stdout.endswith(": approved\n"), done.stdout
    with ProjectStore.open(project) as store:
        approved = {s.id: s.target for s in store.segments() if s.status == Status.APPROVED}
        assert not store.memory_behind
    with TranslationMemory.open(memory) as opened:
        assert opened.count() == 15000 + len(approved)
        for segment_id, target in approved.items():
            assert opened.lookup(store_source(project, segment_id))[0].unit.target == target


def store_source(project: Path, segment_id: int) -> str:
    with ProjectStore.open(project) as store:
        return store.segment(segment_id).source
