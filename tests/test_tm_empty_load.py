"""An import into an empty memory (`store._Load`: duplicates found by hash, the norm_source index built after the
load) and into a new one (`TranslationMemory.build`: built unjournalled under a temporary name, published whole;
what a killed build leaves is removed by the next, `tarjama.build_parts`)."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tarjama import build_parts
from tarjama.domain import TmUnit, UnitOrigin
from tarjama.formats.tmx import write_tmx
from tarjama.memory import pair_hashes
from tarjama.memory.errors import ImportCancelled
from tarjama.memory.exchange import import_tmx
from tarjama.memory.store import TranslationMemory

REPO = Path(__file__).resolve().parents[1]
RLM = "\u200f"


def _units(count: int) -> list[TmUnit]:
    """`count` units and, after every chunk of the import (2,000), the first units again: the same pairs once
    normalised (harakat in the source, a direction mark in the target), with other props, to be merged."""
    units = [
        TmUnit(source=f"أعلن الجيش وقف إطلاق النار في المدينة رقم {number}.",
               target=f"The army declared a truce {number}.",
               author="Layla", origin=UnitOrigin.IMPORTED, created_at=f"2024-01-01T00:00:{number % 60:02d}Z",
               props=(("x-n", str(number)),))
        for number in range(count)
    ]
    again = [
        TmUnit(source=unit.source.replace("الجيش", "الجَيْش"), target=RLM + unit.target, author="Omar",
               origin=UnitOrigin.IMPORTED, created_at="2023-06-01T00:00:00Z", usage_count=3,
               props=(("x-again", "yes"),))
        for unit in units[:300]
    ]
    return units[:2500] + again + units[2500:]


def _contents(memory: TranslationMemory) -> list[tuple]:
    return [(u.source, u.target, u.created_at, u.usage_count, u.props) for u in memory.units(approved_only=False)]


def _indexes(path: Path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {row[1] for row in conn.execute("PRAGMA index_list(units)")}
    finally:
        conn.close()


def _queries(memory: TranslationMemory) -> list[str]:
    statements: list[str] = []
    memory._conn.set_trace_callback(statements.append)
    return statements


def test_an_import_into_an_empty_memory_merges_as_one_into_a_memory_with_units(tmp_path: Path,
                                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    units = _units(4000)
    with TranslationMemory.create(tmp_path / "held.tarjama-tm") as memory:
        memory.add(TmUnit(source="نص آخر لا علاقة له", target="Another text"))
        held = memory.import_units(units)
        expected = _contents(memory)[1:]
    with TranslationMemory.create(tmp_path / "empty.tarjama-tm") as memory:
        statements = _queries(memory)
        empty = memory.import_units(units)
        memory._conn.set_trace_callback(None)
        assert _contents(memory) == expected
        assert memory.lookup(units[7].source)[0].unit.props == (("x-n", "7"), ("x-again", "yes"))
    assert empty == held and (empty.added, empty.merged) == (4000, 300)
    # No duplicate query per unit (the trace shows statements with their values): the hash finds the 300 again,
    # each checked by its id.
    assert not [statement for statement in statements if "FROM units WHERE source_key =" in statement]
    assert sum("FROM units WHERE id =" in statement for statement in statements) == 300
    assert "units_source_key" in _indexes(tmp_path / "empty.tarjama-tm")
    # Every pair under one hash: each unit is then checked against the stored one, and the query finds its own.
    monkeypatch.setattr(pair_hashes, "pair_hash", lambda key: 0)
    with TranslationMemory.create(tmp_path / "colliding.tarjama-tm") as memory:
        assert memory.import_units(units) == held
        assert _contents(memory) == expected


def test_a_cancelled_import_into_an_empty_memory_leaves_it_empty_and_indexed(tmp_path: Path) -> None:
    path = tmp_path / "m.tarjama-tm"
    with TranslationMemory.create(path) as memory:
        with pytest.raises(ImportCancelled):
            memory.import_units(_units(4000), cancel=lambda: memory.count(approved_only=False) > 0)
        assert memory.count(approved_only=False) == 0
        memory.add(TmUnit(source="نص", target="Text"))
        assert memory.lookup("نص")[0].score == 100
    assert "units_source_key" in _indexes(path)


def test_a_new_memory_appears_only_when_its_import_is_complete(tmp_path: Path) -> None:
    tmx = tmp_path / "agency.tmx"
    write_tmx(tmx, _units(4000))
    path = tmp_path / "m.tarjama-tm"
    seen: list[bool] = []
    report = import_tmx(path, tmx, on_progress=lambda done: seen.append(path.exists()))
    assert seen and not any(seen)
    assert (report.added, report.merged) == (4000, 300)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["agency.tmx", "m.tarjama-tm"]
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()
    with TranslationMemory.open(path) as memory:
        assert memory.count() == 4000


_BUILDER = """
import sys
from pathlib import Path
from tarjama.memory.exchange import import_tmx

if __name__ == "__main__":
    import_tmx(Path(sys.argv[1]), Path(sys.argv[2]), on_progress=lambda done: print("progress", flush=True))
"""


def test_a_build_killed_midway_leaves_no_memory_and_the_next_build_removes_its_file(tmp_path: Path) -> None:
    tmx = tmp_path / "agency.tmx"
    write_tmx(tmx, _units(30000))
    path = tmp_path / "m.tarjama-tm"
    script = tmp_path / "builder.py"
    script.write_text(_BUILDER, encoding="utf-8")
    child = subprocess.Popen([sys.executable, str(script), str(path), str(tmx)], stdout=subprocess.PIPE, text=True,
                             env={**os.environ, "PYTHONPATH": str(REPO / "desktop")}, start_new_session=True)
    assert child.stdout is not None and child.stdout.readline().strip() == "progress"
    os.killpg(child.pid, signal.SIGKILL)  # the builder and its reader, as a power cut would
    child.wait()
    left = list(tmp_path.glob(".m.tarjama-tm.*.part"))
    assert not path.exists() and len(left) == 1
    # Another build going on (its file held, as `build_new` holds it) keeps its file, however old.
    other = tmp_path / ".m.tarjama-tm.running.part"
    other.write_bytes(b"")
    old = time.time() - 3600
    for part in (*left, other):
        os.utime(part, (old, old))
    with build_parts.holding(other):
        report = import_tmx(path, tmx)
        assert report.added == 30000
        assert sorted(p.name for p in tmp_path.glob(".m.tarjama-tm.*")) == [other.name]
    # A recent file is not taken for abandoned: it may be a build that has not locked it yet.
    recent = tmp_path / ".n.tarjama-tm.recent.part"
    recent.write_bytes(b"")
    build_parts.remove_abandoned(tmp_path / "n.tarjama-tm")
    assert recent.exists()
