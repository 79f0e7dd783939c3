"""The scoring words a memory keeps beside its units (schema v2) and the near-duplicate search of short queries.

A lookup scores candidates from `units_words` instead of their text, so that table must hold exactly the
approved units' scoring words whatever changes them (import, approval, withdrawal, edits through ATTACH), and a
memory saved by the version before it existed must gain it when opened.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest
import sqlite_utils

from tarjama.arabic import normalise_for_matching
from tarjama.domain import TmUnit
from tarjama.stores import tm as tm_module
from tarjama.stores.sqlite_file import connect, transaction
from tarjama.stores.tm import TM_FILE, TranslationMemory, score, stored_words

SENTENCES = [
    ("وصل الوفد الروسي إلى العاصمة صباح اليوم لإجراء محادثات مع الحكومة.", "The delegation arrived this morning."),
    ("قال المتحدث باسم الوزارة إن الاجتماع كان مثمرا.", "The ministry spokesman said the meeting was fruitful."),
    ("قتل 5 أشخاص في انفجار وقع في وسط المدينة عام 2016.", "Five people were killed in a blast in 2016."),
    ("أكد الطرفان التزامهما بوقف إطلاق النار في المنطقة.", "Both sides confirmed their commitment to the truce."),
]


def _words_table(path: Path) -> dict[int, str]:
    conn = sqlite3.connect(path)
    try:
        return dict(conn.execute("SELECT id, words FROM units_words"))
    finally:
        conn.close()


def _expected_words(path: Path) -> dict[int, str]:
    """What `units_words` must hold: the approved units' scoring words, computed here from their text."""
    conn = sqlite3.connect(path)
    try:
        return {
            unit_id: stored_words(norm)
            for unit_id, norm in conn.execute("SELECT id, norm_source FROM units WHERE approved = 1")
        }
    finally:
        conn.close()


def test_the_words_table_follows_every_change_to_the_units(tmp_path: Path) -> None:
    path = tmp_path / "m.tarjama-tm"
    with TranslationMemory.create(path) as memory:
        memory.import_units(TmUnit(source=s, target=t) for s, t in SENTENCES)
        memory.add(TmUnit(source="وصل الوفد إلى العاصمة.", target="The delegation arrived."))
    assert _words_table(path) == _expected_words(path) and len(_words_table(path)) == len(SENTENCES) + 1

    # Withdrawn, edited and re-approved as a project does through ATTACH; then approved again by an import merge.
    db = sqlite_utils.Database(sqlite3.connect(":memory:", isolation_level=None))
    tm_module.attach(db, path, "tm")
    unit = TmUnit(source="أعلن الجيش السيطرة على البلدة.", target="The army took the town.")
    with transaction(db):
        tm_module.write_project_unit(db, "tm", unit, project_uid="p", segment_id=1)
    with transaction(db):
        tm_module.withdraw_project_unit(db, "tm", project_uid="p", segment_id=1)
    assert _words_table(path) == _expected_words(path)
    with transaction(db):
        tm_module.write_project_unit(
            db, "tm", TmUnit(source="أعلن الجيش السيطرة على المدينة.", target="The army took the city."),
            project_uid="p", segment_id=1,
        )
    with transaction(db):
        tm_module.withdraw_project_unit(db, "tm", project_uid="p", segment_id=1)
    db.conn.close()
    with TranslationMemory.open(path) as memory:
        memory.import_units([TmUnit(source="أعلن الجيش السيطرة على المدينة.", target="The army took the city.")])
    assert _words_table(path) == _expected_words(path)
    assert len(_words_table(path)) == len(SENTENCES) + 2


def _make_v1(path: Path) -> None:
    """Turn a current memory back into what version 1 of this module wrote: no `units_words` nor
    `common_features`, and the triggers as they were then (today's without their statements on those)."""
    db = connect(path)
    try:
        with transaction(db):
            db.execute("DROP TABLE units_words")
            db.execute("DROP TABLE common_features")
            db.execute("DROP TRIGGER units_words_update")
            for name, trigger in tm_module._INDEX_TRIGGERS.items():
                db.execute(f"DROP TRIGGER {name}")
                db.execute(re.sub(r"\s*(INSERT INTO|DELETE FROM|INSERT OR IGNORE INTO) (units_words|common_features)"
                                  r"[^;]*;", "", trigger))
            db.execute("PRAGMA user_version=1")
    finally:
        db.conn.close()


def test_a_memory_of_version_1_gains_the_words_table_when_opened(tmp_path: Path) -> None:
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
    assert _words_table(path) == _expected_words(path) and len(_words_table(path)) == len(SENTENCES) + 1


def test_a_short_near_duplicate_sharing_only_a_common_pair_is_found(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A four-word query whose first pair is in many units and whose other pairs are in none: its near duplicate
    (the third word changed) shares only the common pair, so neither rare pairs nor groups of pairs find it;
    groups of three of its four words do."""
    monkeypatch.setattr(tm_module, "_PROBE", 2)
    monkeypatch.setattr(tm_module, "_NEAR_CAP", 5)
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
