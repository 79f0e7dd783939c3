"""The coded scoring words a memory keeps beside its units (schema v3) and the near-duplicate search of short
queries.

A lookup scores candidates from `units_codes` before their text, so that table must hold exactly the approved
units' codes whatever changes them (import, approval, withdrawal, edits through ATTACH), and a memory saved by a
version before it existed must gain it when opened. Codes may make a score too high, never too low, and a lookup
still gives every match its true score.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest
import sqlite_utils

from tarjama.arabic import normalise_for_matching, scoring_words
from tarjama.domain import TmUnit
from tarjama.memory import fuzzy, schema, scoring
from tarjama.memory.schema import TM_FILE
from tarjama.memory.scoring import score, scoring_codes
from tarjama.memory.store import TranslationMemory
from tarjama.sqlite_file import connect, transaction

SENTENCES = [
    ("وصل الوفد الروسي إلى العاصمة صباح اليوم لإجراء محادثات مع الحكومة.", "The delegation arrived this morning."),
    ("قال المتحدث باسم الوزارة إن الاجتماع كان مثمرا.", "The ministry spokesman said the meeting was fruitful."),
    ("قتل 5 أشخاص في انفجار وقع في وسط المدينة عام 2016.", "Five people were killed in a blast in 2016."),
    ("أكد الطرفان التزامهما بوقف إطلاق النار في المنطقة.", "Both sides confirmed their commitment to the truce."),
]


def _codes_table(path: Path) -> dict[int, str]:
    conn = sqlite3.connect(path)
    try:
        return dict(conn.execute("SELECT id, codes FROM units_codes"))
    finally:
        conn.close()


def _expected_codes(path: Path) -> dict[int, str]:
    """What `units_codes` must hold: the approved units' codes, computed here from their text."""
    conn = sqlite3.connect(path)
    try:
        return {
            unit_id: scoring_codes(norm)
            for unit_id, norm in conn.execute("SELECT id, norm_source FROM units WHERE approved = 1")
        }
    finally:
        conn.close()


def test_the_codes_table_follows_every_change_to_the_units(tmp_path: Path) -> None:
    path = tmp_path / "m.tarjama-tm"
    with TranslationMemory.create(path) as memory:
        memory.import_units(TmUnit(source=s, target=t) for s, t in SENTENCES)
        memory.add(TmUnit(source="وصل الوفد إلى العاصمة.", target="The delegation arrived."))
    assert _codes_table(path) == _expected_codes(path) and len(_codes_table(path)) == len(SENTENCES) + 1

    # Withdrawn, edited and re-approved as a project does; then approved again by an import merge.
    db = TranslationMemory.open(path)
    unit = TmUnit(source="أعلن الجيش السيطرة على البلدة.", target="The army took the town.")
    with db.writing(wait=0):
        db.write_project_unit(unit, project_uid="p", segment_id=1)
    with db.writing(wait=0):
        db.withdraw_project_unit(project_uid="p", segment_id=1)
    assert _codes_table(path) == _expected_codes(path)
    with db.writing(wait=0):
        db.write_project_unit(
            TmUnit(source="أعلن الجيش السيطرة على المدينة.", target="The army took the city."),
            project_uid="p", segment_id=1,
        )
    with db.writing(wait=0):
        db.withdraw_project_unit(project_uid="p", segment_id=1)
    db.close()
    with TranslationMemory.open(path) as memory:
        memory.import_units([TmUnit(source="أعلن الجيش السيطرة على المدينة.", target="The army took the city.")])
    assert _codes_table(path) == _expected_codes(path)
    assert len(_codes_table(path)) == len(SENTENCES) + 2


def _drop_version_3_tables(db: sqlite_utils.Database) -> None:
    """And version 4's column, which comes after them."""
    db.execute("ALTER TABLE units DROP COLUMN tags")
    db.execute("DROP TABLE units_codes")
    db.execute("DROP TABLE common_features")
    db.execute("DROP TRIGGER units_codes_update")


def _make_v1(path: Path) -> None:
    """Turn a current memory back into what version 1 of this module wrote: no `units_codes` nor
    `common_features`, and the triggers as they were then (today's without their statements on those)."""
    db = connect(path)
    try:
        with transaction(db):
            _drop_version_3_tables(db)
            for name, trigger in schema.INDEX_TRIGGERS.items():
                db.execute(f"DROP TRIGGER {name}")
                db.execute(re.sub(r"\s*(INSERT INTO|DELETE FROM|INSERT OR IGNORE INTO) (units_codes|common_features)"
                                  r"[^;]*;", "", trigger))
            db.execute("PRAGMA user_version=1")
    finally:
        db.conn.close()


def test_a_memory_of_version_1_gains_the_codes_table_when_opened(tmp_path: Path) -> None:
    path = tmp_path / "old.tarjama-tm"
    with TranslationMemory.create(path) as memory:
        memory.import_units(TmUnit(source=s, target=t) for s, t in SENTENCES)
        memory.import_units([TmUnit(source="خبر لم يعتمد بعد.", target="Not approved yet.", approved=False)])
    _make_v1(path)
    query = "قال المتحدث باسم الوزارة إن اللقاء كان مثمرا."

    with TranslationMemory.open(path) as memory:
        [match] = memory.lookup(query)
        memory.add(TmUnit(source="قال المتحدث باسم الوزارة إن اللقاء كان مثمرا جدا.", target="Very fruitful."))
        assert len(memory.lookup(query)) == 2
    assert (tmp_path / "old.tarjama-tm.v1.bak").is_file()
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == TM_FILE.version
    assert match.unit.source == SENTENCES[1][0]
    assert match.score == score(normalise_for_matching(query), normalise_for_matching(SENTENCES[1][0]))
    assert _codes_table(path) == _expected_codes(path) and len(_codes_table(path)) == len(SENTENCES) + 1


def _make_v2(path: Path) -> None:
    """Turn a current memory back into what version 2 of this module wrote: each approved unit's scoring words
    in `units_words` instead of `units_codes`, no `common_features`, and the triggers to match."""
    db = connect(path)
    try:
        with transaction(db):
            _drop_version_3_tables(db)
            db.execute("CREATE TABLE units_words (id INTEGER PRIMARY KEY, words TEXT NOT NULL)")
            rows = db.execute("SELECT id, norm_source FROM units WHERE approved = 1").fetchall()
            db.conn.executemany("INSERT INTO units_words VALUES (?, ?)",
                                [(unit_id, " ".join(scoring_words(norm))) for unit_id, norm in rows])
            for name, trigger in [("units_words_update", schema._CODES_TRIGGER), *schema.INDEX_TRIGGERS.items()]:
                db.execute(f"DROP TRIGGER IF EXISTS {name.replace('words', 'codes')}")
                db.execute(trigger.replace(schema._COMMON_AFTER_INSERT, "").replace("codes", "words"))
            db.execute("PRAGMA user_version=2")
    finally:
        db.conn.close()


def test_a_memory_of_version_2_trades_its_words_for_codes_and_lists_its_common_features(tmp_path: Path) -> None:
    path = tmp_path / "old.tarjama-tm"
    reports = [TmUnit(source=f"قال مصدر عسكري إن الاشتباكات تجددت في المدينة رقم {i} صباح اليوم {'ا' * (i % 9 + 1)}.",
                      target=f"Report {i}.") for i in range(schema.RARE_FEATURE_UNITS + 6)]
    with TranslationMemory.create(path) as memory:
        memory.import_units([*(TmUnit(source=s, target=t) for s, t in SENTENCES), *reports])
    _make_v2(path)
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT count(*) FROM units_words").fetchone()[0] == len(SENTENCES) + len(reports)
    conn.close()

    with TranslationMemory.open(path) as memory:
        [match] = memory.lookup("قال المتحدث باسم الوزارة إن اللقاء كان مثمرا.")
        memory.add(TmUnit(source="قال المتحدث باسم الوزارة إن اللقاء كان مثمرا جدا.", target="Very fruitful."))
    assert match.unit.source == SENTENCES[1][0]
    assert (tmp_path / "old.tarjama-tm.v2.bak").is_file()
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == TM_FILE.version
        assert not conn.execute("SELECT name FROM sqlite_master WHERE name LIKE '%words%'").fetchall()
        listed = {feature for (feature,) in conn.execute("SELECT feature FROM common_features")}
    finally:
        conn.close()
    assert f"مصدر{scoring.PAIR_JOINER}عسكري{scoring.BAND_MARK}{scoring.length_band(13)}" in listed
    assert _codes_table(path) == _expected_codes(path) and len(_codes_table(path)) == len(SENTENCES) + len(reports) + 1


def test_a_lookup_gives_true_scores_when_words_share_a_code(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every word given one code, as if all their CRCs met: every candidate then looks identical by its codes, and
    the lookup must still rank and score them from their words, as with distinct codes."""
    units = [TmUnit(source=s, target=t) for s, t in SENTENCES]
    queries = ["قال المتحدث باسم الوزارة إن اللقاء كان مثمرا.", "أكد الطرفان التزامهما بوقف إطلاق النار.",
               "قتل 7 أشخاص في انفجار وقع في وسط البلدة عام 2015."]
    with TranslationMemory.create(tmp_path / "distinct.tarjama-tm") as memory:
        memory.import_units(units)
        expected = [[(m.unit.source, m.score) for m in memory.lookup(q, threshold=30)] for q in queries]
    monkeypatch.setattr(scoring, "_word_code", lambda word: "\u0100")
    with TranslationMemory.create(tmp_path / "colliding.tarjama-tm") as memory:
        memory.import_units(units)
        assert set(_codes_table(memory.path).values()) <= {"\u0100" * n for n in range(20)}
        found = [[(m.unit.source, m.score) for m in memory.lookup(q, threshold=30)] for q in queries]
    assert found == expected and all(expected)


def test_a_short_near_duplicate_sharing_only_a_common_pair_is_found(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A four-word query whose first pair is in many units and whose other pairs are in none: its near duplicate
    (the third word changed) shares only the common pair, so neither rare pairs nor groups of pairs find it;
    groups of three of its four words do."""
    monkeypatch.setattr(schema, "RARE_FEATURE_UNITS", 2)
    monkeypatch.setattr(fuzzy, "_NEAR_CAP", 5)
    fillers = ["بعيد", "اخر", "ثالث", "رابع", "خامس", "سادس", "سابع", "ثامن"]
    units = [TmUnit(source=f"وأشار الجانبان {a} {b}.", target=f"T {a} {b}") for a in fillers for b in fillers[:2]]
    near = "وأشار الجانبان لتنظيمي هذان."
    units.append(TmUnit(source=near, target="The two sides pointed out."))
    query = "وأشار الجانبان استخدامِ هذان."
    with TranslationMemory.create(tmp_path / "m.tarjama-tm") as memory:
        memory.import_units(units)
        [match] = memory.lookup(query)
    assert match.unit.source == near
    assert match.score == score(normalise_for_matching(query), normalise_for_matching(near)) == 75


def _features_sql(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT sql FROM sqlite_master WHERE name = 'units_features'").fetchone()[0]
    finally:
        conn.close()


def test_a_memory_of_version_5_gets_its_features_index_on_the_ascii_tokenizer_and_finds_the_same(
    tmp_path: Path,
) -> None:
    path = tmp_path / "old.tarjama-tm"
    with TranslationMemory.create(path) as memory:
        memory.import_units(TmUnit(source=s, target=t) for s, t in SENTENCES)
    query = "قال المتحدث باسم الوزارة إن اللقاء كان مثمرا."
    with TranslationMemory.open(path) as memory:
        before = [(m.unit.source, m.score) for m in memory.lookup(query, threshold=50)]
    db = connect(path)
    try:
        schema.register_functions(db)
        with transaction(db):
            db.execute("DROP TABLE units_features")
            db.execute("CREATE VIRTUAL TABLE units_features USING fts5(features, content='', "
                       "tokenize='unicode61 remove_diacritics 0', detail='none')")
            db.execute("INSERT INTO units_features (rowid, features) "
                       "SELECT id, tarjama_match_features(norm_source) FROM units")
            db.execute("PRAGMA user_version=5")
    finally:
        db.conn.close()
    assert "unicode61" in _features_sql(path)

    with TranslationMemory.open(path) as memory:
        assert [(m.unit.source, m.score) for m in memory.lookup(query, threshold=50)] == before
        memory.add(TmUnit(source="قال المتحدث باسم الوزارة إن اللقاء كان مثمرا جدا.", target="Very fruitful."))
        assert len(memory.lookup(query, threshold=50)) == len(before) + 1
    assert "tokenize='ascii'" in _features_sql(path) and before
    assert (tmp_path / "old.tarjama-tm.v5.bak").is_file()
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == TM_FILE.version == 8
