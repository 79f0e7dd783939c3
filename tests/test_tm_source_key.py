"""Exact matches and duplicates found by the key of the normalised source (memory v7), always checked against the
text, and a memory of version 6, which found them by an index of the text itself, brought up to date."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tarjama.domain import TmUnit
from tarjama.memory import store
from tarjama.memory.schema import TM_FILE, source_key
from tarjama.memory.store import TranslationMemory

SOURCE = "قال المتحدث باسم الوزارة إن اللقاء كان مثمرا."
OTHER = "وأكد الجانبان على ضرورة مواصلة الحوار."


def _keys(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(path)
    try:
        return dict(conn.execute("SELECT norm_source, source_key FROM units").fetchall())
    finally:
        conn.close()


def _plan(path: Path, sql: str, values: list[object]) -> str:
    conn = sqlite3.connect(path)
    try:
        return " ".join(row[-1] for row in conn.execute("EXPLAIN QUERY PLAN " + sql, values))
    finally:
        conn.close()


def test_the_key_is_a_stable_signed_64_bit_hash_of_the_text() -> None:
    # Stored in every unit: the same text must give the same key in every process and every release.
    assert source_key(SOURCE) != source_key(OTHER)
    assert -(1 << 63) <= source_key(SOURCE) < 1 << 63
    assert source_key("") == -1970711489451281740


def test_exact_matches_and_duplicates_are_found_through_the_key_index(tmp_path: Path) -> None:
    path = tmp_path / "m.tarjama-tm"
    with TranslationMemory.create(path) as memory:
        memory.import_units([TmUnit(SOURCE, "The spokesman said."), TmUnit(OTHER, "Both sides stressed.")])
    stored = _keys(path)
    assert len(stored) == 2 and all(key == source_key(norm) for norm, key in stored.items())
    plan = _plan(path, "SELECT id FROM units WHERE source_key = ? AND norm_source = ?", [0, SOURCE])
    assert "USING INDEX units_source_key" in plan


def test_units_sharing_a_key_are_told_apart_by_their_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Two sources may share a key: every match by key is checked against the normalised text.
    monkeypatch.setattr(store, "source_key", lambda norm: 7)
    with TranslationMemory.create(tmp_path / "m.tarjama-tm") as memory:
        memory.add(TmUnit(SOURCE, "The spokesman said."))
        memory.add(TmUnit(OTHER, "Both sides stressed."))
        memory.add(TmUnit(OTHER, "Both sides stressed."))  # a duplicate: merged, though every key is the same
        assert memory.count() == 2
        [match] = memory.lookup(OTHER, threshold=100)
    assert (match.unit.target, match.score) == ("Both sides stressed.", 100)


def _make_v6(path: Path) -> None:
    """Turn a current memory back into what version 6 wrote: no key, an index of the normalised source."""
    conn = sqlite3.connect(path)
    conn.execute("DROP INDEX units_source_key")
    conn.execute("ALTER TABLE units DROP COLUMN source_key")
    conn.execute("CREATE INDEX units_norm_source ON units (norm_source)")
    conn.execute("PRAGMA user_version=6")
    conn.commit()
    conn.close()


def _indexes(path: Path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    finally:
        conn.close()


def test_a_memory_of_version_6_gains_its_keys_and_finds_the_same_units(tmp_path: Path) -> None:
    path = tmp_path / "old.tarjama-tm"
    with TranslationMemory.create(path) as memory:
        memory.import_units([TmUnit(SOURCE, "The spokesman said."), TmUnit(OTHER, "Both sides stressed.")])
    _make_v6(path)
    assert "units_norm_source" in _indexes(path)

    with TranslationMemory.open(path) as memory:
        [match] = memory.lookup(SOURCE)
        result = memory.import_units([TmUnit(OTHER, "Both sides stressed."), TmUnit("خبر جديد.", "News.")])
    keys = _keys(path)
    assert (match.unit.target, match.score) == ("The spokesman said.", 100)
    assert (result.added, result.merged) == (1, 1)
    assert len(keys) == 3 and all(key == source_key(norm) for norm, key in keys.items())
    assert "units_source_key" in _indexes(path) and "units_norm_source" not in _indexes(path)
    assert (tmp_path / "old.tarjama-tm.v6.bak").is_file()
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == TM_FILE.version == 8
