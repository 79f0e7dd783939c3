"""The list of common features a memory keeps (schema v3), so that a lookup probes only the others.

The list may lag behind the index (a feature that became common since, or one that became rare again): a lookup
must find the same matches either way, and never probe a feature the list gives as common.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from pathlib import Path

import pytest

from tarjama.arabic import normalise_for_matching
from tarjama.domain import TmUnit
from tarjama.memory import schema, scoring
from tarjama.memory.fuzzy import FuzzySearch
from tarjama.memory.store import TranslationMemory
from tarjama.sqlite_file import connect, transaction

PLACES = ["حلب", "حمص", "حماة", "درعا", "إدلب", "دمشق", "الرقة", "دير الزور", "اللاذقية", "طرطوس"]
TIMES = ["صباح", "مساء", "ظهر", "ليل", "فجر", "عصر", "يوم", "أمس"]


def _reports(count: int) -> list[TmUnit]:
    """`count` distinct sentences sharing the phrase "قال مصدر عسكري إن" (its words and pairs become common) and
    ending in rarer words."""
    return [
        TmUnit(source=f"قال مصدر عسكري إن الاشتباكات تجددت في {PLACES[i % 10]} {TIMES[i // 10 % 8]} رقم {i // 80}.",
               target=f"A military source said clashes resumed ({i}).")
        for i in range(count)
    ]


def _listed(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(path)
    try:
        return dict(conn.execute("SELECT feature, units FROM common_features"))
    finally:
        conn.close()


def _truly_common(path: Path) -> set[str]:
    """The features in more units than a probe reads, counted here from the units' text."""
    conn = sqlite3.connect(path)
    try:
        counts = Counter(
            feature
            for (norm,) in conn.execute("SELECT norm_source FROM units")
            for feature in set(scoring.match_features(norm).split())
        )
    finally:
        conn.close()
    return {feature for feature, units in counts.items() if units > schema.RARE_FEATURE_UNITS}


def test_an_import_lists_the_common_features_with_their_counts(tmp_path: Path) -> None:
    path = tmp_path / "m.tarjama-tm"
    with TranslationMemory.create(path) as memory:
        memory.import_units(_reports(200))
    listed = _listed(path)
    assert set(listed) == _truly_common(path) != set()
    band = f"{scoring.BAND_MARK}{scoring.length_band(11)}"  # every report has 11 scoring words
    assert listed[f"مصدر{scoring.PAIR_JOINER}عسكري{band}"] == 200


def test_a_bulk_import_lists_the_features_again_and_a_small_one_leaves_the_list(tmp_path: Path) -> None:
    """Re-reading every count costs seconds in a large memory: only an import of a tenth of it or more does."""
    path = tmp_path / "m.tarjama-tm"
    reports = _reports(400)
    with TranslationMemory.create(path) as memory:
        memory.import_units(reports[:200])
        listed = _listed(path)
        _change(path, "DELETE FROM common_features")  # as if these had become common since the last refresh
        memory.import_units(reports[200:210])  # 10 more: not a tenth
        assert _listed(path) == {}
        memory.import_units(reports[210:])  # 190 more
    assert set(_listed(path)) == _truly_common(path) >= set(listed)
    most = max(listed, key=listed.__getitem__)  # in every report
    assert (listed[most], _listed(path)[most]) == (200, 400)


def test_approvals_list_features_as_they_become_common(tmp_path: Path) -> None:
    """Through `add` and through a project's writes: the insert trigger lists what crosses the probe's size."""
    path = tmp_path / "m.tarjama-tm"
    reports = _reports(schema.RARE_FEATURE_UNITS + 2)
    with TranslationMemory.create(path) as memory:
        memory.import_units(reports[: schema.RARE_FEATURE_UNITS - 1])
        assert _listed(path) == {}
        memory.add(reports[schema.RARE_FEATURE_UNITS - 1])  # the 64th: still not more than a probe reads
        assert _listed(path) == {}
    with TranslationMemory.open(path) as memory, memory.writing(wait=0):
        memory.write_project_unit(reports[schema.RARE_FEATURE_UNITS], project_uid="p", segment_id=1)
    assert set(_listed(path)) == _truly_common(path) != set()


def _change(path: Path, statement: str) -> None:
    db = connect(path)
    schema.register_functions(db)  # for the triggers
    try:
        with transaction(db):
            db.execute(statement)
    finally:
        db.conn.close()


def _probed_expressions(memory: TranslationMemory, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    probed: list[str] = []
    original = FuzzySearch._rare_postings

    def spy(self: FuzzySearch, matches: list[str]) -> list[list[int] | None]:
        probed.extend(matches)
        return original(self, matches)

    monkeypatch.setattr(FuzzySearch, "_rare_postings", spy)
    return probed


def test_a_lookup_probes_no_listed_feature_and_finds_what_it_would_without_the_list(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "m.tarjama-tm"
    queries = ["قال مصدر عسكري إن الاشتباكات تجددت في حلب مساء رقم 7.",
               "قال مصدر عسكري إن الاشتباكات توقفت في درعا صباح اليوم.",
               "قال مصدر عسكري إن الاشتباكات تجددت في حمص"]
    with TranslationMemory.create(path) as memory:
        memory.import_units(_reports(400))
        probed = _probed_expressions(memory, monkeypatch)
        with_list = [[(m.unit.id, m.score) for m in memory.lookup(q)] for q in queries]
        listed = _listed(path)
        assert listed and not [e for e in probed for token in listed if f'"{token}"' in e]
        probed.clear()
        _change(path, "DELETE FROM common_features")  # by another connection, as another process would
        without_list = [[(m.unit.id, m.score) for m in memory.lookup(q)] for q in queries]
    assert any(f'"{token}"' in e for e in probed for token in listed)  # the same features, probed this time
    assert with_list == without_list and all(with_list)


def test_a_feature_listed_after_it_became_rare_again_hides_no_near_duplicate(tmp_path: Path) -> None:
    """Removing units does not unlist their features; the near-duplicate search still finds what is near."""
    path = tmp_path / "m.tarjama-tm"
    with TranslationMemory.create(path) as memory:
        memory.import_units(_reports(200))
        _change(path, "DELETE FROM units WHERE id > 3")
        listed = _listed(path)
        assert listed and not set(listed) & _truly_common(path)
        query = _reports(3)[2].source.replace("تجددت", "توقفت")
        match = memory.lookup(query)[0]
    assert match.unit.source == _reports(3)[2].source
    assert match.score == scoring.score(normalise_for_matching(query), normalise_for_matching(match.unit.source))
