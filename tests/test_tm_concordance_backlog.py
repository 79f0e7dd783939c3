"""The concordance backlog (`tarjama.memory.concordance_index`): a large import leaves the trigrams of its units to
a build after it, concordance finds them all the same, the triggers leave a waiting unit to the build, and a build
cut short at any point (cancelled, killed) leaves a memory the next build completes."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tarjama.domain import TmUnit
from tarjama.formats.tmx import write_tmx
from tarjama.memory import concordance_index
from tarjama.memory.editing import UnitEditor
from tarjama.memory.exchange import import_tmx
from tarjama.memory.schema import TM_FILE
from tarjama.memory.store import TranslationMemory

REPO = Path(__file__).resolve().parents[1]
WORDS = ("الهدنة", "المفاوضات", "الوفد", "العاصمة", "المساعدات")


@pytest.fixture(autouse=True)
def small_backlog(monkeypatch: pytest.MonkeyPatch) -> None:
    """A backlog from 50 units on, built 20 at a time, so that a few hundred units make several chunks, without
    the pause between chunks but where a test asks for it."""
    monkeypatch.setattr(concordance_index, "INLINE_UNITS", 50)
    monkeypatch.setattr(concordance_index, "CHUNK", 20)
    monkeypatch.setattr(concordance_index, "BUILD_PAUSE", 0.0)


def _units(count: int, start: int = 0) -> list[TmUnit]:
    return [TmUnit(source=f"قال {WORDS[n % len(WORDS)]} في البيان رقم {n}.",
                   target=f"Statement {n} on the {['truce', 'talks', 'delegation', 'capital', 'aid'][n % 5]}.")
            for n in range(start, start + count)]


def _search(memory: TranslationMemory) -> dict[tuple[str, str], list[int | None]]:
    """Every concordance a translator might run here, each as the ids it finds."""
    queries = [(word, side) for word in WORDS for side in ("source", "both")]
    queries += [("delegation", "target"), ("Statement 1", "target"), ("رقم 1", "both"), ("البيان", "source")]
    return {(query, side): [hit.unit.id for hit in memory.concordance(query, side=side, limit=500)]  # type: ignore[arg-type]
            for query, side in queries}


def _index_consistent(path: Path) -> None:
    """FTS5's own check of each concordance index against the units (rank 1: against the content table)."""
    conn = sqlite3.connect(path)
    try:
        for table in ("units_source_text", "units_target_text"):
            conn.execute(f"INSERT INTO {table} ({table}, rank) VALUES ('integrity-check', 1)")
    finally:
        conn.close()


def _indexed(path: Path) -> bool:
    try:
        _index_consistent(path)
    except sqlite3.DatabaseError:
        return False
    return True


def test_a_large_import_leaves_its_trigrams_to_a_build_and_concordance_finds_the_same_units_meanwhile(
        tmp_path: Path) -> None:
    path = tmp_path / "m.tarjama-tm"
    with TranslationMemory.create(path) as memory:
        memory.import_units(_units(30))  # few: indexed by the import itself
        assert memory.concordance_waiting() == 0
        memory.import_units(_units(300, start=30))
        assert memory.concordance_waiting() == 300
        assert not _indexed(path), "the import left the new units out of the index"
        waiting = _search(memory)
        counts: list[int] = []
        assert memory.index_concordance_backlog(wait=0, on_progress=counts.append) == 300
        assert counts == list(range(20, 301, 20))
        assert memory.concordance_waiting() == 0
        _index_consistent(path)
        assert _search(memory) == waiting
    assert all(waiting.values()) and len(waiting[("الوفد", "source")]) == 66


def test_concordance_returns_the_newest_hits_across_the_index_and_the_backlog(tmp_path: Path) -> None:
    with TranslationMemory.create(tmp_path / "m.tarjama-tm") as memory:
        memory.import_units(_units(100))
        later = memory.add(TmUnit(source="قال الوفد كلمة أخيرة.", target="A last word from the delegation."))
        assert memory.concordance_waiting() == 100
        hits = [hit.unit.id for hit in memory.concordance("الوفد", limit=5)]
        assert hits == [later, 98, 93, 88, 83]
        assert [hit.unit.id for hit in memory.concordance("delegation", side="target", limit=2)] == [later, 98]


def test_units_changed_while_they_wait_are_indexed_as_they_are_when_the_build_reaches_them(tmp_path: Path) -> None:
    path = tmp_path / "m.tarjama-tm"
    with TranslationMemory.create(path) as memory:
        memory.import_units(_units(200))
        editor = UnitEditor(memory, author="layla", wait=0)
        edited = editor.edit_target(5, "A new target about the ceasefire.")
        deleted = editor.delete(7)
        editor.delete(9)
        editor.revert(deleted)  # unit 7 back under its id, still waiting
        added = memory.add(TmUnit(source="خبر عن الهدنة الجديدة.", target="News of the new ceasefire."))
        assert edited.unit_id == 5 and memory.concordance_waiting() == 200
        before = [hit.unit.id for hit in memory.concordance("ceasefire", side="target")]
        assert before == [added, 5]
        memory.index_concordance_backlog(wait=0)
        _index_consistent(path)
        assert [hit.unit.id for hit in memory.concordance("ceasefire", side="target")] == before
        assert 7 in [hit.unit.id for hit in memory.concordance("رقم 6", limit=500)], "restored under its id"
        assert 9 not in [hit.unit.id for hit in memory.concordance("رقم 8", limit=500)], "deleted"
        # Once indexed, a unit's changes go through the index as before.
        editor.edit_target(5, "Changed again.")
        _index_consistent(path)
        assert [hit.unit.id for hit in memory.concordance("ceasefire", side="target")] == [added]


def test_a_cancelled_build_keeps_what_it_indexed_and_the_next_finishes_every_range(tmp_path: Path) -> None:
    path = tmp_path / "m.tarjama-tm"
    with TranslationMemory.create(path) as memory:
        memory.import_units(_units(100))
        memory.add(TmUnit(source="بين دفعتين.", target="Between two batches."))
        memory.import_units(_units(60, start=100))
        assert memory.concordance_waiting() == 160
        asked: list[int] = []
        assert memory.index_concordance_backlog(wait=0, cancel=lambda: len(asked) == 2, on_progress=asked.append) == 40
        assert memory.concordance_waiting() == 120
        searched = _search(memory)
        assert memory.index_concordance_backlog(wait=0) == 120
        assert memory.concordance_waiting() == 0
        assert _search(memory) == searched
    _index_consistent(path)


def test_the_tmx_import_service_leaves_the_backlog_of_a_large_file(tmp_path: Path) -> None:
    tmx = tmp_path / "agency.tmx"
    write_tmx(tmx, _units(120))
    path = tmp_path / "m.tarjama-tm"
    report = import_tmx(path, tmx)
    with TranslationMemory.open(path) as memory:
        assert report.added == 120 and memory.concordance_waiting() == 120
        assert len(memory.concordance("المساعدات", limit=500)) == 24


# Version 7's: it removes every unit from the concordance indexes, which a unit never indexed would corrupt.
_V7_DELETE_TRIGGER = """
    CREATE TRIGGER units_indexed_delete AFTER DELETE ON units BEGIN
        INSERT INTO units_features (units_features, rowid, features)
            VALUES ('delete', old.id, tarjama_match_features(old.norm_source));
        INSERT INTO units_source_text (units_source_text, rowid, norm_source)
            VALUES ('delete', old.id, old.norm_source);
        INSERT INTO units_target_text (units_target_text, rowid, norm_target)
            VALUES ('delete', old.id, old.norm_target);
        DELETE FROM units_codes WHERE id = old.id;
    END
"""


def test_a_version_7_memory_gains_the_backlog_and_guarded_triggers(tmp_path: Path) -> None:
    path = tmp_path / "old.tarjama-tm"
    with TranslationMemory.create(path) as memory:
        memory.import_units(_units(10))
    conn = sqlite3.connect(path)
    conn.execute("DROP TABLE concordance_backlog")
    conn.execute("DROP TRIGGER units_indexed_delete")
    conn.execute(_V7_DELETE_TRIGGER)
    conn.execute("PRAGMA user_version=7")
    conn.commit()
    conn.close()
    with TranslationMemory.open(path) as memory:
        assert memory.concordance_waiting() == 0
        assert len(memory.concordance("الوفد")) == 2
    conn = sqlite3.connect(path)
    triggers = dict(conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"))
    conn.close()
    assert all("concordance_backlog" in triggers[name]
               for name in ("units_indexed_insert", "units_indexed_update", "units_indexed_delete"))
    with TranslationMemory.open(path) as memory:
        memory.import_units(_units(100, start=10))
        assert memory.concordance_waiting() == 100
        UnitEditor(memory, author="layla", wait=0).delete(50)
        memory.index_concordance_backlog(wait=0)
    _index_consistent(path)
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == TM_FILE.version == 8
    assert (tmp_path / "old.tarjama-tm.v7.bak").is_file()


_BUILDER = """
import sys
import threading
import time
from pathlib import Path
from tarjama.memory import concordance_index
from tarjama.memory.store import TranslationMemory

if __name__ == "__main__":
    concordance_index.CHUNK = 500
    with TranslationMemory.open(Path(sys.argv[1])) as memory:
        memory.index_concordance_backlog(wait=5, on_progress=lambda done: print("progress", flush=True))
"""


@pytest.mark.parametrize("chunks", [1, 3])
def test_a_build_killed_midway_leaves_a_memory_the_next_build_completes(tmp_path: Path, chunks: int) -> None:
    path = tmp_path / "m.tarjama-tm"
    with TranslationMemory.create(path) as memory:
        memory.import_units(_units(20_000))
        searched = _search(memory)
    script = tmp_path / "builder.py"
    script.write_text(_BUILDER, encoding="utf-8")
    child = subprocess.Popen([sys.executable, str(script), str(path)], stdout=subprocess.PIPE, text=True,
                             env={**os.environ, "PYTHONPATH": str(REPO / "desktop")}, start_new_session=True)
    assert child.stdout is not None
    for _ in range(chunks):
        assert child.stdout.readline().strip() == "progress"
    os.killpg(child.pid, signal.SIGKILL)  # as a power cut would
    child.wait()
    with TranslationMemory.open(path) as memory:
        waiting = memory.concordance_waiting()
        assert 0 < waiting <= 20_000 - 500 * chunks
        assert _search(memory) == searched
        memory.index_concordance_backlog(wait=0)
        assert memory.concordance_waiting() == 0 and _search(memory) == searched
    _index_consistent(path)


def test_the_cli_import_indexes_as_it_goes_and_finishes_what_a_window_left(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from test_cli import run

    path = tmp_path / "m.tarjama-tm"
    with TranslationMemory.create(path) as memory:
        memory.import_units(_units(70))  # as the window imports: left for later
    tmx = tmp_path / "agency.tmx"
    write_tmx(tmx, _units(120, start=70))
    code, out, err = run(capsys, "tm", "import", tmx, "--tm", path)
    assert code == 0, err
    assert "120 units added" in out and "Indexed 70 units for concordance." in out
    with TranslationMemory.open(path) as memory:
        assert memory.concordance_waiting() == 0
    _index_consistent(path)


def test_each_chunk_of_a_build_loads_as_an_import_does_and_leaves_the_index_settings_as_they_were(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """FTS5 left to merge only when it must while a chunk loads (a third less time than merging after every
    chunk, `bench/tm_import_floor.py`), its defaults back when the chunk commits."""
    def automerge(conn: sqlite3.Connection) -> set[int]:
        return {value for table in ("units_source_text", "units_target_text")
                for (value,) in conn.execute(f"SELECT v FROM {table}_config WHERE k = 'automerge'")}

    during: list[set[int]] = []
    real = concordance_index.index_next_chunk

    def watched(conn: sqlite3.Connection) -> int:
        during.append(automerge(conn))
        return real(conn)

    monkeypatch.setattr("tarjama.memory.store.index_next_chunk", watched)
    with TranslationMemory.create(tmp_path / "m.tarjama-tm") as memory:
        memory.import_units(_units(100))
        memory.index_concordance_backlog(wait=0)
        assert during == [{0}] * 6 and automerge(memory._conn) == {4}


def test_a_writer_waiting_during_a_build_gets_in_between_two_chunks(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """As an approval's unit does: the build, whose chunks here each hold the memory a tenth of a second, pauses
    after each, and SQLite lets the waiting writer in then (without the pause it would wait for the whole build)."""
    monkeypatch.setattr(concordance_index, "BUILD_PAUSE", 0.05)
    monkeypatch.setattr(concordance_index, "CHUNK", 200)
    real = concordance_index.index_next_chunk

    def slow(conn: sqlite3.Connection) -> int:
        time.sleep(0.1)
        return real(conn)

    monkeypatch.setattr("tarjama.memory.store.index_next_chunk", slow)
    path = tmp_path / "m.tarjama-tm"
    with TranslationMemory.create(path) as memory:
        memory.import_units(_units(2000))
    started = threading.Event()

    def build() -> None:
        with TranslationMemory.open(path) as builder:
            builder.index_concordance_backlog(wait=5, on_progress=lambda done: started.set())

    thread = threading.Thread(target=build)
    thread.start()
    try:
        assert started.wait(10)
        with TranslationMemory.open(path) as other:
            begun = time.monotonic()
            with other.writing(wait=3):
                waited = time.monotonic() - begun
            other.add(TmUnit("وحدة أثناء الفهرسة.", "A unit while indexing."))
            assert other.concordance_waiting() > 0, "the build is still going"
    finally:
        thread.join()
    assert waited < 3
    with TranslationMemory.open(path) as memory:
        assert memory.concordance_waiting() == 0 and memory.concordance("أثناء الفهرسة")
    _index_consistent(path)
