"""The translation memory store through its public API: files, lookup, concordance, import, export, ATTACH.

The Arabic sentences are written for these tests (news style, like the app's documents).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlite_utils

from tarjama import paths
from tarjama.arabic import normalise_for_matching
from tarjama.domain import TmUnit, UnitOrigin
from tarjama.errors import ProjectError
from tarjama.memory import schema
from tarjama.memory.errors import ImportCancelled
from tarjama.memory.exchange import export_tm, import_tmx
from tarjama.memory.highlight import source_differences
from tarjama.memory.link import segment_context
from tarjama.memory.schema import TM_FILE
from tarjama.memory.scoring import score
from tarjama.memory.store import ImportResult, TranslationMemory
from tarjama.sqlite_file import connect

ARRIVED = "وصل الوفد الروسي إلى العاصمة صباح اليوم لإجراء محادثات مع الحكومة."
ARRIVED_EN = "The Russian delegation arrived in the capital this morning for talks with the government."
SENTENCES = [
    (ARRIVED, ARRIVED_EN),
    ("قال المتحدث باسم الوزارة إن الاجتماع كان مثمرا.", "The ministry spokesman said the meeting was fruitful."),
    ("ارتفعت أسعار الخبز في المدينة بنسبة عشرين في المئة.", "Bread prices in the city rose by twenty percent."),
    ("أكد الطرفان التزامهما بوقف إطلاق النار في المنطقة.", "Both sides confirmed their commitment to the ceasefire."),
    ("قتل 5 أشخاص في انفجار وقع في وسط المدينة عام 2016.", "Five people were killed in a blast downtown in 2016."),
]


def unit(source: str, target: str, **fields: object) -> TmUnit:
    return TmUnit(source=source, target=target, **fields)


@pytest.fixture
def tm_path(tmp_path: Path) -> Path:
    return tmp_path / "ذاكرة.tarjama-tm"


@pytest.fixture
def memory(tm_path: Path) -> Iterator[TranslationMemory]:
    with TranslationMemory.create(tm_path) as opened:
        opened.import_units(unit(s, t) for s, t in SENTENCES)
        yield opened


def header(path: Path) -> tuple[str, int, int]:
    conn = sqlite3.connect(path)
    try:
        return (
            conn.execute("PRAGMA journal_mode").fetchone()[0],
            conn.execute("PRAGMA application_id").fetchone()[0],
            conn.execute("PRAGMA user_version").fetchone()[0],
        )
    finally:
        conn.close()


def indexes_are_consistent(path: Path) -> None:
    """FTS5's own integrity check of both indexes (raises on a mismatch with the units)."""
    db = connect(path)
    schema.register_functions(db)
    try:
        db.execute("INSERT INTO units_source_text (units_source_text) VALUES ('integrity-check')")
        db.execute("INSERT INTO units_target_text (units_target_text) VALUES ('integrity-check')")
        db.execute("INSERT INTO units_features (units_features) VALUES ('integrity-check')")
    finally:
        db.conn.close()


# -- files ------------------------------------------------------------------------------------------------------


def test_a_new_memory_is_a_stamped_wal_file(tm_path: Path) -> None:
    TranslationMemory.create(tm_path).close()
    assert header(tm_path) == ("wal", 0x544A544D, TM_FILE.version)
    with TranslationMemory.open(tm_path) as reopened:
        assert reopened.count() == 0 and reopened.path == tm_path


def test_create_refuses_an_existing_file_and_open_or_create_opens_it(memory: TranslationMemory, tm_path: Path) -> None:
    with pytest.raises(ProjectError, match="already exists"):
        TranslationMemory.create(tm_path)
    with TranslationMemory.open_or_create(tm_path) as again:
        assert again.count() == len(SENTENCES)


def test_open_or_create_makes_a_missing_memory(tmp_path: Path) -> None:
    with TranslationMemory.open_or_create(tmp_path / "new.tarjama-tm") as created:
        assert created.count() == 0
    with pytest.raises(ProjectError, match="does not exist"):
        TranslationMemory.create(tmp_path / "no-such-folder" / "x.tarjama-tm")


@pytest.mark.parametrize("kind", ["text", "other-database", "project"])
def test_a_foreign_file_is_refused_untouched(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "foreign.tarjama-tm"
    if kind == "text":
        path.write_text("ليست ذاكرة ترجمة\n" * 50, encoding="utf-8")
    else:
        conn = sqlite3.connect(path)
        conn.execute(f"PRAGMA application_id={0x544A5250 if kind == 'project' else 0}")
        conn.execute("CREATE TABLE units (source TEXT)")
        conn.commit()
        conn.close()
    content = path.read_bytes()
    with pytest.raises(ProjectError, match="not a Tarjama translation memory"):
        TranslationMemory.open(path)
    assert path.read_bytes() == content
    assert [p.name for p in tmp_path.iterdir()] == [path.name]


def test_a_memory_from_a_newer_version_is_refused_untouched(memory: TranslationMemory, tm_path: Path) -> None:
    memory.close()
    conn = sqlite3.connect(tm_path)
    conn.execute(f"PRAGMA user_version={TM_FILE.version + 1}")
    conn.commit()
    conn.close()
    content = tm_path.read_bytes()
    with pytest.raises(ProjectError, match="newer"):
        TranslationMemory.open(tm_path)
    assert tm_path.read_bytes() == content


def test_default_tm_path_is_in_the_data_folder_which_it_creates(isolated_user_dirs: Path) -> None:
    path = paths.default_tm_path()
    assert path == isolated_user_dirs / "data" / "tm" / "default.tarjama-tm"
    assert path.parent.is_dir() and not path.exists()


# -- exact and fuzzy lookup ------------------------------------------------------------------------------------


def test_an_identical_source_is_a_100_percent_match(memory: TranslationMemory) -> None:
    [match] = memory.lookup(ARRIVED)
    assert (match.score, match.unit.source, match.unit.target, match.flags) == (100, ARRIVED, ARRIVED_EN, frozenset())
    assert match.unit.id is not None and match.differences == ()


def test_harakat_hamza_tatweel_and_digit_variants_match_100_percent(memory: TranslationMemory) -> None:
    variants = [
        "وَصَلَ الوَفْدُ الرُّوسِيُّ إِلَى العَاصِمَةِ صَبَاحَ اليَوْمِ لِإِجْرَاءِ مُحَادَثَاتٍ مَعَ الحُكُومَةِ.",
        "وصل الوفد الروسي الى العاصمة صباح اليوم لاجراء محادثات مع الحكومه.",
        "وصـــل الوفد الروسي إلى العاصمة صباح اليوم لإجراء محادثات مع الحكومة.\u200f",
    ]
    for variant in variants:
        [match] = memory.lookup(variant)
        assert (match.score, match.unit.source) == (100, ARRIVED)
    [numbers] = memory.lookup("قتل ٥ أشخاص في انفجار وقع في وسط المدينة عام ٢٠١٦.")
    assert (numbers.score, numbers.flags) == (100, frozenset())


def test_context_makes_101_percent(tm_path: Path) -> None:
    context = segment_context("سبقت الزيارة اتصالات مكثفة.", None)
    with TranslationMemory.create(tm_path) as memory:
        memory.add(unit(ARRIVED, ARRIVED_EN, context=context))
        assert memory.lookup(ARRIVED, segment_context("سَبَقَت الزيارة اتصالات مكثفة.", None))[0].score == 101
        assert memory.lookup(ARRIVED, segment_context("جملة أخرى.", None))[0].score == 100
        assert memory.lookup(ARRIVED)[0].score == 100
        assert memory.lookup(ARRIVED, context, threshold=101)[0].score == 101
        assert memory.lookup(ARRIVED, threshold=101) == []


def test_an_imported_unit_without_context_never_makes_101(memory: TranslationMemory) -> None:
    alone = segment_context(None, None)
    assert alone  # a segment alone in its paragraph has a context, unlike an imported unit
    assert memory.lookup(ARRIVED, alone)[0].score == 100


def test_fuzzy_matches_come_best_first_above_the_threshold(tm_path: Path) -> None:
    base = "أعلنت الحكومة اليوم عن خطة جديدة لدعم المزارعين في المناطق الريفية"
    words = base.split()
    variants = []
    for changed in range(1, 5):  # change the last `changed` words
        variant = " ".join(words[: len(words) - changed] + ["كلمة"] * changed)
        variants.append((variant, f"variant with {changed} words changed"))
    with TranslationMemory.create(tm_path) as memory:
        memory.import_units(unit(s, t) for s, t in [*SENTENCES, *variants])
        matches = memory.lookup(base, threshold=65)
        assert [m.unit.target for m in matches] == [t for _, t in variants[:3]]
        assert [m.score for m in matches] == [score(normalise_for_matching(base), normalise_for_matching(s))
                                              for s, _ in variants[:3]]
        assert [m.score for m in matches] == [90, 81, 72]  # 10, 9 and 8 of 11 words, rounded down
        assert [m.score for m in memory.lookup(base, threshold=75)] == [90, 81]
        assert len(memory.lookup(base, threshold=0, limit=2)) == 2


def test_lookup_returns_at_most_limit_matches(tm_path: Path) -> None:
    base = "ناقش المجلس البلدي ميزانية العام المقبل في جلسة مطولة مساء أمس"
    units = [unit(base.replace("مطولة", f"مطولة {extra}"), f"t{i}") for i, extra in enumerate(
        ["جدا", "للغاية", "وصاخبة", "وهادئة", "ومفتوحة", "ومغلقة", "وعلنية"])]
    with TranslationMemory.create(tm_path) as memory:
        memory.import_units(units)
        assert len(memory.lookup(base)) == 5
        assert len(memory.lookup(base, limit=7)) == 7
        assert all(m.score == 91 for m in memory.lookup(base, limit=7))  # 11 of 12 words


def test_a_digits_only_difference_is_flagged_and_scores_99(memory: TranslationMemory) -> None:
    query = "قتل 7 أشخاص في انفجار وقع في وسط المدينة عام 2017."
    [match] = memory.lookup(query)
    assert (match.score, match.flags) == (99, frozenset({"digits"}))
    assert [match.unit.source[a:b] for a, b in match.differences] == ["5", "2016"]


def test_a_punctuation_only_difference_is_flagged_and_scores_99(memory: TranslationMemory) -> None:
    [match] = memory.lookup("قال المتحدث باسم الوزارة: إن الاجتماع كان مثمرا!")
    assert (match.score, match.flags) == (99, frozenset({"punctuation"}))


def test_differences_mark_the_changed_words_in_the_raw_match(memory: TranslationMemory) -> None:
    [match] = memory.lookup("وصل الوفد الروسي إلى العاصمة مساء اليوم لإجراء محادثات مع الحكومة.")
    assert match.flags == frozenset()
    assert [match.unit.source[a:b] for a, b in match.differences] == ["صباح"]
    query = "وَصَلَ الوفد الروسي الى العاصمة صباح امس لاجراء مفاوضات مع الحكومه"
    assert [ARRIVED[a:b] for a, b in source_differences(query, ARRIVED)] == ["اليوم", "محادثات", "."]


def test_identical_pairs_appear_once_as_the_newest(tm_path: Path) -> None:
    with TranslationMemory.create(tm_path) as memory:
        for segment_id, changed in ((1, "2024-01-01T00:00:00+00:00"), (2, "2025-01-01T00:00:00+00:00")):
            with memory.writing(wait=0):
                memory.write_project_unit(
                    unit(ARRIVED, ARRIVED_EN, changed_at=changed), project_uid="p", segment_id=segment_id
                )
        assert memory.count() == 2
        [match] = memory.lookup(ARRIVED)
        assert match.unit.changed_at.startswith("2025")


def test_an_empty_query_or_memory_finds_nothing(memory: TranslationMemory, tmp_path: Path) -> None:
    assert memory.lookup("") == memory.lookup(" ،. ") == []
    with TranslationMemory.create(tmp_path / "empty.tarjama-tm") as empty:
        assert empty.lookup(ARRIVED) == [] and empty.concordance("الوفد") == []
        assert empty.lookup(ARRIVED, threshold=50) == []  # low enough to read the (absent) common words too


def test_score_is_the_word_level_rule() -> None:
    a = normalise_for_matching("وصل الوفد إلى العاصمة صباح اليوم")
    assert score(a, a) == 100
    assert score(a, normalise_for_matching("وصل الوفد إلى العاصمة مساء اليوم")) == 83
    assert score(a, normalise_for_matching("وصل الوفد إلى العاصمة صباح اليوم.")) == 99
    assert score(a, "") == 0
    assert score("15", "2017") == 0


# -- concordance -----------------------------------------------------------------------------------------------


def test_concordance_finds_normalised_text_and_marks_it_in_the_raw_text(tm_path: Path) -> None:
    voweled = "وَصَلَ الوَفْدُ إِلَى العَاصِمَةِ."
    with TranslationMemory.create(tm_path) as memory:
        memory.import_units([unit(voweled, "The delegation arrived."), *(unit(s, t) for s, t in SENTENCES)])
        hits = memory.concordance("الى العاصمه")
        assert {h.unit.source for h in hits} == {voweled, ARRIVED}
        for hit in hits:
            [(start, end)] = hit.source_spans
            assert normalise_for_matching(hit.unit.source[start:end]) == "الي العاصمه"
        voweled_hit = next(h for h in hits if h.unit.source == voweled)
        [(start, end)] = voweled_hit.source_spans
        assert voweled[start:end] == "إِلَى العَاصِمَةِ"
        assert voweled_hit.target_spans == ()


def test_concordance_matches_inside_words_and_on_the_target_side(memory: TranslationMemory) -> None:
    [hit] = memory.concordance("محادث")  # inside محادثات
    assert [ARRIVED[a:b] for a, b in hit.source_spans] == ["محادث"]
    [hit] = memory.concordance("CEASEFIRE", side="target")
    assert [hit.unit.target[a:b] for a, b in hit.target_spans] == ["ceasefire"]
    assert memory.concordance("ceasefire", side="source") == []
    assert memory.concordance("الوزارة", side="target") == []
    several = memory.concordance("the", side="target")
    assert len(several) == 4 and all(h.target_spans for h in several)
    assert len(memory.concordance("the", side="target", limit=2)) == 2


def test_concordance_with_short_and_special_queries(tm_path: Path) -> None:
    with TranslationMemory.create(tm_path) as memory:
        memory.import_units([unit("سعر [السهم] ارتفع*", "Price * rose?"), unit("بل", "but")])
        assert [h.unit.target for h in memory.concordance("[السهم]")] == ["Price * rose?"]
        assert [h.unit.target for h in memory.concordance("*")] == ["Price * rose?"]
        assert [h.unit.target for h in memory.concordance("e?", side="target")] == ["Price * rose?"]
        assert [h.unit.target for h in memory.concordance("بل")] == ["but"]  # too short for trigrams
        assert memory.concordance("؟؟؟") == []


# -- adding, importing, exporting ------------------------------------------------------------------------------


def test_duplicates_merge(tm_path: Path) -> None:
    with TranslationMemory.create(tm_path) as memory:
        first = memory.add(unit(ARRIVED, ARRIVED_EN, created_at="2023-05-01T10:00:00+00:00",
                                changed_at="2023-05-01T10:00:00+00:00", usage_count=4,
                                props=(("x-client", "وكالة"),), notes=("checked",)))
        second = memory.add(unit(ARRIVED, ARRIVED_EN, created_at="2024-02-01T10:00:00+00:00",
                                 changed_at="2024-02-01T10:00:00+00:00", usage_count=1,
                                 props=(("x-client", "وكالة"), ("x-domain", "news")), notes=("reviewed",)))
        assert first == second and memory.count() == 1
        [stored] = memory.units()
        assert (stored.created_at, stored.changed_at, stored.usage_count) == (
            "2023-05-01T10:00:00+00:00", "2024-02-01T10:00:00+00:00", 4)
        assert stored.props == (("x-client", "وكالة"), ("x-domain", "news"))
        assert stored.notes == ("checked", "reviewed")
        # Same source, different target: a second unit.
        assert memory.add(unit(ARRIVED, "Another translation.")) != first
        result = memory.import_units([unit(ARRIVED, ARRIVED_EN), unit("جملة جديدة.", "A new sentence."),
                                      unit("جملة جديدة.", "A new sentence.", usage_count=9)])
        assert result == ImportResult(added=1, merged=2)
        assert memory.count() == 3
        assert max(u.usage_count for u in memory.units() if u.source == "جملة جديدة.") == 9


def test_reimporting_the_memorys_own_tmx_export_adds_no_unit(tm_path: Path, tmp_path: Path) -> None:
    """An approved target typed with direction marks (RLM/LRM around a Latin name) is exported without them, as
    it should be; read back, it is the same unit once normalised, not a second 100 % match."""
    with TranslationMemory.create(tm_path) as memory:
        memory.add(unit(ARRIVED, "The \u200fUN\u200e envoy arrived."))
        memory.add(unit("جملة جديدة.", "A new sentence."))
    out = tmp_path / "memory.tmx"
    export_tm(tm_path, out)
    assert "\u200f" not in out.read_text(encoding="utf-8")
    result = import_tmx(tm_path, out)
    with TranslationMemory.open(tm_path) as memory:
        assert memory.count() == 2
    assert (result.added, result.merged) == (0, 2)


def test_a_unit_round_trips_every_field(tm_path: Path) -> None:
    original = TmUnit(source=ARRIVED, target=ARRIVED_EN, source_lang="ar-SY", target_lang="en-GB",
                      created_at="2023-01-02T03:04:05+00:00", changed_at="2023-02-03T04:05:06+00:00",
                      author="layla", origin=UnitOrigin.MT_POSTEDITED, usage_count=3, document="news.docx",
                      approved=True, mt_original="The Russian delegation came to the capital.",
                      props=(("x-client", "A"),), notes=("ملاحظة",), context="\x1f")
    with TranslationMemory.create(tm_path) as memory:
        unit_id = memory.add(original)
        [stored] = memory.units()
    assert stored == TmUnit(**{**original.__dict__, "id": unit_id})


def test_import_of_many_units_is_searchable(tm_path: Path) -> None:
    count = 5_000  # more than one chunk: each chunk is indexed after the triggers are dropped
    progress: list[int] = []
    with TranslationMemory.create(tm_path) as memory:
        result = memory.import_units(
            (unit(f"{ARRIVED} رقم {n}", f"{ARRIVED_EN} No. {n}") for n in range(count)), on_progress=progress.append
        )
        assert result == ImportResult(count, 0) and memory.count() == count
        assert progress[-1] == count and progress == sorted(progress)
        assert memory.lookup(f"{ARRIVED} رقم 4321")[0].unit.target == f"{ARRIVED_EN} No. 4321"
        assert len(memory.concordance("No. 4321", side="target")) == 1
        # The triggers are back after the import: a single add is indexed too.
        memory.add(unit("سجلت محطة الرصد هزة أرضية خفيفة فجر اليوم.", "A light tremor was recorded."))
        assert memory.lookup("سجلت محطة الرصد هزة أرضية قوية فجر اليوم.")[0].unit.target.startswith("A light")
    indexes_are_consistent(tm_path)


def test_an_import_whose_source_fails_midway_changes_nothing(memory: TranslationMemory, tm_path: Path) -> None:
    before = list(memory.units())

    def broken() -> Iterator[TmUnit]:
        for n in range(4_500):
            yield unit(f"جملة مستوردة رقم {n}.", f"Imported sentence {n}.")
        raise ValueError("malformed TMX at line 90001")

    with pytest.raises(ValueError, match="malformed"):
        memory.import_units(broken())
    assert list(memory.units()) == before
    assert memory.concordance("مستوردة") == []
    memory.add(unit("سجلت محطة الرصد هزة أرضية خفيفة فجر اليوم.", "A light tremor was recorded."))
    assert memory.lookup("سجلت محطة الرصد هزة أرضية خفيفة فجر اليوم.")[0].score == 100
    indexes_are_consistent(tm_path)


def test_a_cancelled_import_changes_nothing(memory: TranslationMemory) -> None:
    before = list(memory.units())
    calls = []

    def cancel() -> bool:
        calls.append(1)
        return len(calls) >= 2

    with pytest.raises(ImportCancelled, match="not changed"):
        memory.import_units((unit(f"جملة {n}.", f"Sentence {n}.") for n in range(10_000)), cancel=cancel)
    assert list(memory.units()) == before


def test_cancel_is_honoured_within_a_hundred_units(memory: TranslationMemory) -> None:
    read = []
    cancelled = []

    def units():
        for n in range(10_000):
            read.append(n)
            if n == 150:
                cancelled.append(True)  # the translator presses Cancel while unit 150 is being read
            yield unit(f"جملة {n}.", f"Sentence {n}.")

    with pytest.raises(ImportCancelled):
        memory.import_units(units(), cancel=lambda: bool(cancelled))
    assert len(read) <= 251


def test_units_stream_approved_units_in_id_order(tm_path: Path) -> None:
    with TranslationMemory.create(tm_path) as memory:
        memory.import_units([unit(s, t, approved=(i != 1)) for i, (s, t) in enumerate(SENTENCES)])
        streamed = memory.units()
        assert next(streamed).source == SENTENCES[0][0]  # a generator: nothing else needed to be read
        rest = list(streamed)
        assert [u.source for u in rest] == [s for s, _ in SENTENCES[2:]]
        everything = list(memory.units(approved_only=False))
        assert [u.id for u in everything] == sorted(u.id for u in everything)
        assert [u.approved for u in everything] == [True, False, True, True, True]
        assert (memory.count(), memory.count(approved_only=False)) == (4, 5)
        # An unapproved unit is neither looked up nor found by concordance.
        assert memory.lookup(SENTENCES[1][0]) == []
        assert memory.concordance("المتحدث") == []


def test_record_use_counts(memory: TranslationMemory) -> None:
    [match] = memory.lookup(ARRIVED)
    memory.record_use(match.unit.id)
    memory.record_use(match.unit.id, match.unit.id)
    assert memory.lookup(ARRIVED)[0].unit.usage_count == 3


# -- what a project writes --------------------------------------------------------------------------------------


def test_project_writes_keep_the_indexes_in_sync(memory: TranslationMemory, tm_path: Path) -> None:
    memory.close()
    other = TranslationMemory.open(tm_path)
    written = unit("أعلنت البلدية إغلاق الطريق الساحلي للصيانة.", "The council closed the coast road for repairs.",
                   origin=UnitOrigin.HUMAN, document="خبر.txt", context=segment_context(None, "جملة تالية."))
    with other.writing(wait=0):
        other.write_project_unit(written, project_uid="abc", segment_id=7)
    with TranslationMemory.open(tm_path) as reopened:
        assert reopened.lookup(written.source)[0].unit.target == written.target
        assert reopened.lookup("أعلنت البلدية إغلاق الطريق الساحلي للصيانة غدا.")[0].score == 85  # 6 of 7 words
        assert len(reopened.concordance("الساحلي")) == 1

    # Re-approving with an edited source replaces the unit and its index entries.
    edited = unit("أعلنت البلدية فتح الطريق الساحلي بعد الصيانة.", "The council reopened the coast road.")
    with other.writing(wait=0):
        other.write_project_unit(edited, project_uid="abc", segment_id=7)
    with TranslationMemory.open(tm_path) as reopened:
        assert reopened.count() == len(SENTENCES) + 1
        assert reopened.concordance("إغلاق") == []
        assert reopened.lookup(edited.source)[0].unit.target == edited.target

    with other.writing(wait=0):
        other.withdraw_project_unit(project_uid="abc", segment_id=7)
    other.close()
    with TranslationMemory.open(tm_path) as reopened:
        assert reopened.lookup(edited.source) == []
        assert reopened.count(approved_only=False) == len(SENTENCES) + 1
    indexes_are_consistent(tm_path)


def test_a_plain_connection_cannot_write_units_behind_the_index(memory: TranslationMemory, tm_path: Path) -> None:
    memory.close()
    db = sqlite_utils.Database(sqlite3.connect(tm_path))
    with pytest.raises(sqlite3.OperationalError, match="tarjama_match_features"):
        db.execute("UPDATE units SET norm_source = 'x' WHERE id = 1")
    db.conn.close()


def test_an_import_tunes_the_fts_indexes_for_its_load_and_leaves_them_as_they_were(tm_path: Path) -> None:
    """While it loads, an import stops the FTS5 indexes merging as they grow and lets them gather more in memory
    (`tarjama.memory.bulk_index`); those settings are kept in the file, so afterwards the defaults are back and a
    later approval's unit is merged into the index as usual. A cancelled import changes nothing of them either."""
    def settings(memory: TranslationMemory) -> set[tuple[str, str, int]]:
        return {(table, key, value) for table in ("units_features", "units_source_text", "units_target_text")
                for key, value in memory._db.execute(f"SELECT k, v FROM {table}_config WHERE k != 'version'")}

    with TranslationMemory.create(tm_path) as memory:
        memory.import_units([unit(f"جملة رقم {n}.", f"Sentence {n}.") for n in range(300)])
        after = settings(memory)
        assert {(key, value) for _table, key, value in after} <= {("automerge", 4), ("hashsize", 1 << 20)}
        with pytest.raises(ImportCancelled):
            memory.import_units((unit(f"أخرى {n}.", f"Other {n}.") for n in range(500)), cancel=lambda: True)
        assert settings(memory) == after
        assert [match.unit.target for match in memory.lookup("جملة رقم 7.")][:1] == ["Sentence 7."]
