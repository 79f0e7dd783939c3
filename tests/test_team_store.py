"""The team memory on a real PostgreSQL server (the session's throw-away cluster, tests/pg_server.py): the same
matches as the memory file for the same units, the same import merge, a project's units written and withdrawn
idempotently, the change cursor, roles and passwords, serve-init, and many writers and readers at once.

The Arabic sentences are written for these tests (news style, like the app's documents).
"""

from __future__ import annotations

import multiprocessing
import os
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import psycopg
import pytest

from pg_server import Cluster
from tarjama.arabic import normalise_for_matching
from tarjama.cli import EXIT_OK
from tarjama.domain import TmMatch, TmUnit
from tarjama.errors import TarjamaError
from tarjama.memory import team_lookup, team_store
from tarjama.memory.errors import ImportCancelled
from tarjama.memory.link import segment_context
from tarjama.memory.schema import RARE_FEATURE_UNITS
from tarjama.memory.scoring import match_features
from tarjama.memory.store import TranslationMemory
from tarjama.memory.team_lookup import feature_hash, int_array, int_rows
from tarjama.memory.team_schema import LIST_COMMON_AFTER, SCHEMA_VERSION
from tarjama.memory.team_store import (
    IMPORT_PLANNER,
    ReadOnlyTeamMemoryError,
    TeamMemory,
    TeamMemoryError,
    init_schema,
    is_team_url,
)
from test_cli import run
from test_tm_common_features import PLACES, TIMES, _reports

ARRIVED = "وصل الوفد الروسي إلى العاصمة صباح اليوم لإجراء محادثات مع الحكومة."
SENTENCES = [
    (ARRIVED, "The Russian delegation arrived in the capital this morning for talks with the government."),
    ("وصل الوفد التركي إلى العاصمة مساء اليوم لإجراء محادثات مع الحكومة.",
     "The Turkish delegation arrived in the capital this evening for talks with the government."),
    ("وصل الوفد الروسي إلى العاصمة صباح اليوم.", "The Russian delegation arrived in the capital this morning."),
    ("قال المتحدث باسم الوزارة إن الاجتماع كان مثمرا.", "The ministry spokesman said the meeting was fruitful."),
    ("قال المتحدث باسم الوزارة إن الاجتماع كان مثمرا جدا.",
     "The ministry spokesman said the meeting was very fruitful."),
    ("ارتفعت أسعار الخبز في المدينة بنسبة عشرين في المئة.", "Bread prices in the city rose by twenty percent."),
    ("أكد الطرفان التزامهما بوقف إطلاق النار في المنطقة.", "Both sides confirmed their commitment to the ceasefire."),
    ("قتل 5 أشخاص في انفجار وقع في وسط المدينة عام 2016.", "Five people were killed in a blast downtown in 2016."),
    ("مسألة", "Issue"),
    ("مسألة مهمة", "An important issue"),
    ("الحكومة", "The government"),
]
CONTEXT = segment_context("قبل الجملة", "بعد الجملة")
#: The same source as ARRIVED, approved in a paragraph with neighbours: a 101 % match where they are the same.
IN_CONTEXT = TmUnit(source=ARRIVED, target="The Russian delegation reached the capital this morning for talks.",
                    context=CONTEXT, changed_at="2024-05-01T10:00:00.000+00:00")
LOOKUPS: list[tuple[str, str, int, int]] = [  # (source, context, threshold, limit)
    (ARRIVED, "", 70, 5),  # exact, twice, and fuzzy neighbours
    (ARRIVED, CONTEXT, 70, 5),  # 101 with the same neighbours
    ("وَصَلَ الوفدُ الروسيُّ إلى العاصمةِ صباحَ اليوم لإجراء محادثات مع الحكومة.", "", 70, 5),  # harakat
    ("وصل الوفد الروسي الي العاصمه صباح اليوم لاجراء محادثات مع الحكومه.", "", 70, 5),  # hamza, ta marbuta
    ("وصل الوفد الفرنسي إلى العاصمة صباح اليوم لإجراء محادثات مع الحكومة.", "", 70, 5),  # near: one word
    ("وصل الوفد الفرنسي إلى المدينة ظهر أمس لإجراء مفاوضات مع الرئيس.", "", 50, 5),  # far
    ("قال المتحدث باسم الوزارة إن اللقاء كان مثمرا.", "", 87, 5),  # threshold edge: 87 kept, at 88 not
    ("قال المتحدث باسم الوزارة إن اللقاء كان مثمرا.", "", 88, 5),
    ("قتل 7 أشخاص في انفجار وقع في وسط المدينة عام 2019.", "", 70, 5),  # digits only: 99, flagged
    (ARRIVED, "", 50, 2),  # limit
    ("مسألة", "", 50, 5),  # one word
    ("مسألة كبيرة", "", 50, 5),  # two words, one changed
    ("جملة لا مثيل لها في الذاكرة أبدا", "", 70, 5),  # nothing
]
CONCORDANCE = [("الوفد", "both"), ("وزارة", "source"), ("delegation", "target"), ("capital", "both"),
               ("اجراء", "source"), ("ب", "source"), ("%", "both")]


def units() -> list[TmUnit]:
    return [TmUnit(source=s, target=t, changed_at=f"2024-01-{i + 1:02d}T09:00:00.000+00:00")
            for i, (s, t) in enumerate(SENTENCES)] + [IN_CONTEXT]


@pytest.fixture
def team_url(fresh_pg_url: str) -> str:
    init_schema(fresh_pg_url)
    return fresh_pg_url


@pytest.fixture
def team(team_url: str) -> Iterator[TeamMemory]:
    with TeamMemory.connect(team_url) as memory:
        yield memory


@pytest.fixture
def both(tmp_path: Path, team: TeamMemory) -> Iterator[tuple[TranslationMemory, TeamMemory]]:
    """The memory file and the team memory, holding the same units."""
    with TranslationMemory.create(tmp_path / "local.tarjama-tm") as local:
        local.import_units(units())
        team.import_units(units())
        yield local, team


def shown(matches: list[TmMatch]) -> list[tuple[object, ...]]:
    return [(m.unit.source, m.unit.target, m.score, sorted(m.flags), m.differences, m.unit.changed_at)
            for m in matches]


def test_lookups_give_the_same_matches_as_the_memory_file(both: tuple[TranslationMemory, TeamMemory]) -> None:
    local, team = both
    scores_seen: set[int] = set()
    for source, context, threshold, limit in LOOKUPS:
        expected = local.lookup(source, context, threshold=threshold, limit=limit)
        assert shown(team.lookup(source, context, threshold=threshold, limit=limit)) == shown(expected), source
        assert shown(team.lookup(source, context, threshold=threshold, limit=limit, highlight=False)) == shown(
            local.lookup(source, context, threshold=threshold, limit=limit, highlight=False))
        scores_seen.update(m.score for m in expected)
    # The cases reach every kind of match: 101, 100, a 99 that differs in digits only, fuzzy ones, none.
    assert {101, 100, 99} <= scores_seen and any(70 <= s < 99 for s in scores_seen)
    assert team.lookup(LOOKUPS[-1][0]) == []
    edge = team.lookup(LOOKUPS[6][0], threshold=87)
    assert [m.score for m in edge] == [87] and team.lookup(LOOKUPS[6][0], threshold=88) == []


def test_a_lookup_sends_its_statements_alone_without_begin_or_commit(
    tmp_path: Path, both: tuple[TranslationMemory, TeamMemory]
) -> None:
    """A transaction around a lookup's statements gave them no common view (READ COMMITTED) and cost two round
    trips more: libpq's own trace of the messages sent shows one round trip per statement, and no BEGIN."""
    _, team = both
    trace = tmp_path / "libpq.trace"
    with trace.open("w") as sink:
        team._conn.pgconn.trace(sink.fileno())
        try:
            matches = team.lookup(LOOKUPS[6][0], threshold=70)
        finally:
            team._conn.pgconn.untrace()
    assert matches, "the case must reach the fuzzy search"
    sent = [line.split("\t") for line in trace.read_text().splitlines() if line.split("\t")[1:2] == ["F"]]
    round_trips = [fields for fields in sent if fields[3] in ("Sync", "Query")]
    statements = [fields for fields in sent if fields[3] in ("Parse", "Query")]
    assert not any("BEGIN" in "\t".join(fields) or "COMMIT" in "\t".join(fields) for fields in sent)
    assert len(round_trips) == len(statements) >= 3  # the exact match, the common features, the postings, ...


def test_concordance_gives_the_same_hits_as_the_memory_file(both: tuple[TranslationMemory, TeamMemory]) -> None:
    local, team = both
    for query, side in CONCORDANCE:
        expected = local.concordance(query, side=side)  # type: ignore[arg-type]
        found = team.concordance(query, side=side)  # type: ignore[arg-type]
        assert [(h.unit.source, h.unit.target, h.source_spans, h.target_spans) for h in found] == [
            (h.unit.source, h.unit.target, h.source_spans, h.target_spans) for h in expected], query
    assert len(team.concordance("الوفد")) == 4
    assert len(team.concordance("الوفد", limit=2)) == 2


def test_an_import_merges_duplicates_by_the_memory_files_rule(tmp_path: Path, team: TeamMemory) -> None:
    first = TmUnit(source=ARRIVED, target="Arrived.", created_at="2024-03-01T00:00:00.000+00:00",
                   changed_at="2024-03-02T00:00:00.000+00:00", usage_count=2, props=(("x-client", "A"),),
                   notes=("first",), approved=False)
    again = TmUnit(source="وَصَلَ الوفد الروسي إلى العاصمة صباح اليوم لإجراء محادثات مع الحكومة.", target="Arrived.",
                   created_at="2024-02-01T00:00:00.000+00:00", changed_at="2024-04-01T00:00:00.000+00:00",
                   usage_count=1, props=(("x-client", "A"), ("x-domain", "news")), notes=("second", "first"))
    other = TmUnit(source="الحكومة", target="The government", changed_at="2024-01-05T00:00:00.000+00:00")
    batches = [[first, other], [again], [first, again, other]]
    with TranslationMemory.create(tmp_path / "local.tarjama-tm") as local:
        for batch in batches:
            assert team.import_units(batch) == local.import_units(batch)
        expected = [(u.source, u.target, u.created_at, u.changed_at, u.usage_count, u.approved, u.props, u.notes)
                    for u in local.units(approved_only=False)]
    found = [(u.source, u.target, u.created_at, u.changed_at, u.usage_count, u.approved, u.props, u.notes)
             for u in team.units(approved_only=False)]
    assert found == expected
    assert found[0][2:] == ("2024-02-01T00:00:00.000+00:00", "2024-04-01T00:00:00.000+00:00", 2, True,
                            (("x-client", "A"), ("x-domain", "news")), ("first", "second"))
    assert team.count() == 2


def test_a_cancelled_or_broken_import_keeps_nothing(team: TeamMemory) -> None:
    many = [TmUnit(source=f"جملة رقم {i} في الذاكرة", target=f"Sentence {i}") for i in range(250)]
    with pytest.raises(ImportCancelled):
        team.import_units(many, cancel=lambda: True)

    def broken() -> Iterator[TmUnit]:
        yield from many[:10]
        raise TarjamaError("a malformed file")

    with pytest.raises(TarjamaError):
        team.import_units(broken())
    assert team.count(approved_only=False) == 0
    progress: list[int] = []
    assert team.import_units(many, on_progress=progress.append).added == 250
    assert progress[-1] == 250 and team.count() == 250


def test_a_project_unit_is_written_and_withdrawn_idempotently(team: TeamMemory) -> None:
    unit = TmUnit(source=ARRIVED, target="Arrived.", changed_at="2024-01-01T00:00:00.000+00:00")
    server_id = team.write_project_unit(unit, project_uid="p1", segment_id=7)
    changes, cursor = team.changes_since(0)
    assert team.write_project_unit(unit, project_uid="p1", segment_id=7) == server_id
    assert team.changes_since(cursor) == ([], cursor), "written again unchanged: no change to sync"
    assert team.count() == 1 and [u.target for u in team.units()] == ["Arrived."]
    changed = TmUnit(source=ARRIVED, target="Arrived today.", changed_at="2024-01-02T00:00:00.000+00:00")
    assert team.write_project_unit(changed, project_uid="p1", segment_id=7) == server_id
    assert [u.target for u in team.units()] == ["Arrived today."]
    team.withdraw_project_unit(project_uid="p1", segment_id=7)
    _, after_withdrawal = team.changes_since(0)
    team.withdraw_project_unit(project_uid="p1", segment_id=7)
    team.withdraw_project_unit(project_uid="p1", segment_id=8)  # never written: nothing
    assert team.changes_since(after_withdrawal) == ([], after_withdrawal)
    assert team.count() == 0 and team.count(approved_only=False) == 1 and team.lookup(ARRIVED) == []
    assert team.write_project_unit(changed, project_uid="p1", segment_id=7) == server_id  # approved again
    assert team.lookup(ARRIVED)[0].unit.target == "Arrived today."


def test_changes_since_lists_every_change_oldest_first_from_the_cursor(team: TeamMemory) -> None:
    ids = [team.write_project_unit(TmUnit(source=s, target=t), project_uid="p", segment_id=i)
           for i, (s, t) in enumerate(SENTENCES[:4])]
    team.withdraw_project_unit(project_uid="p", segment_id=1)
    changes, cursor = team.changes_since(0, limit=3)
    assert [c.server_id for c in changes] == ids[:1] + ids[2:4]  # segment 1 changed last: it moved to the end
    rest, end = team.changes_since(cursor)
    assert [(c.server_id, c.unit.approved, c.project_uid, c.segment_id) for c in rest] == [(ids[1], False, "p", 1)]
    assert cursor < end and team.changes_since(end) == ([], end)
    team.import_units([TmUnit(source="الحكومة", target="The government")])
    (imported,), _ = team.changes_since(end)
    assert imported.unit.source == "الحكومة" and imported.project_uid is None and imported.segment_id is None


def test_a_read_only_role_looks_up_but_may_not_write(
    pg_cluster: Cluster, team_url: str, password_role: tuple[str, str]
) -> None:
    name, password = password_role
    with TeamMemory.connect(team_url) as admin:
        admin.import_units(units())
        with psycopg.connect(team_url, autocommit=True) as conn:
            conn.execute(f"GRANT tarjama_reader TO {name}")
    reader_url = team_url.replace("postgres@", f"{name}@")
    with TeamMemory.connect(reader_url) as reader:  # the password from PGPASSFILE
        assert reader.read_only
        assert reader.lookup(ARRIVED)[0].score == 100 and reader.concordance("الوفد")
        for write in (lambda: reader.write_project_unit(TmUnit(source="أ", target="A"), project_uid="p", segment_id=1),
                      lambda: reader.withdraw_project_unit(project_uid="p", segment_id=1),
                      lambda: reader.import_units([TmUnit(source="أ", target="A")])):
            with pytest.raises(ReadOnlyTeamMemoryError) as raised:
                write()
            assert "read-only for you" in str(raised.value) and reader.label in str(raised.value)
    with TeamMemory.connect(team_url) as admin:
        assert not admin.read_only


def test_a_wrong_password_or_a_closed_port_is_reported_naming_the_server(
    pg_cluster: Cluster, team_url: str, password_role: tuple[str, str]
) -> None:
    name, _ = password_role
    database = team_url.rsplit("/", 1)[1]
    wrong = f"postgresql://{name}:not-the-password-42@127.0.0.1:{pg_cluster.port}/{database}"
    with pytest.raises(TeamMemoryError) as raised:
        TeamMemory.connect(wrong)
    message = str(raised.value)
    assert message.startswith(f"127.0.0.1:{pg_cluster.port}/{database}: ") and "password file" in message
    assert "not-the-password-42" not in message
    with psycopg.connect(team_url) as probe:
        probe.close()
    closed = f"postgresql://{name}:secret@127.0.0.1:{_closed_port()}/{database}"
    with pytest.raises(TeamMemoryError) as raised:
        TeamMemory.connect(closed, timeout=2)
    assert "cannot connect" in str(raised.value) and "secret" not in str(raised.value)


def _closed_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_a_database_without_the_schema_says_to_run_serve_init(fresh_pg_url: str) -> None:
    with pytest.raises(TeamMemoryError) as raised:
        TeamMemory.connect(fresh_pg_url)
    assert "tarjama-cli tm serve-init" in str(raised.value)


def set_meta(url: str, **values: int) -> None:
    with psycopg.connect(url, autocommit=True) as conn:
        for key, value in values.items():
            conn.execute("UPDATE tarjama_meta SET value = %s WHERE key = %s", [str(value), key])


def test_a_newer_server_that_this_version_can_still_use_is_used_and_one_it_cannot_is_refused(
    team_url: str,
) -> None:
    """A team upgrades one laptop at a time: a schema one newer than this Tarjama's that keeps its meaning
    (compatible with this one) serves it; one that changed it (compatible with itself only) is refused with a
    message; serve-init refuses both, as it would make this version's objects beside the newer one's."""
    with psycopg.connect(team_url) as conn:
        assert dict(conn.execute("SELECT key, value FROM tarjama_meta").fetchall()) == {
            "schema_version": str(SCHEMA_VERSION), "compatible_version": "1"}
    set_meta(team_url, schema_version=SCHEMA_VERSION + 1, compatible_version=SCHEMA_VERSION)
    with TeamMemory.connect(team_url) as team:
        team.write_project_unit(units()[0], project_uid="p", segment_id=1)
        assert [m.unit.target for m in team.lookup(units()[0].source)] == [units()[0].target]
    with pytest.raises(TeamMemoryError, match=rf"newer Tarjama \(schema {SCHEMA_VERSION + 1}\)"):
        init_schema(team_url)
    set_meta(team_url, compatible_version=SCHEMA_VERSION + 1)
    with pytest.raises(TeamMemoryError, match=rf"newer Tarjama \(schema {SCHEMA_VERSION + 1}\); update Tarjama"):
        TeamMemory.connect(team_url)


def test_serve_init_through_the_cli_creates_the_schema_once(
    fresh_pg_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert is_team_url(fresh_pg_url) and is_team_url("service=agency") and not is_team_url("memory.tarjama-tm")
    for _ in range(2):  # run again, it changes nothing
        code, out, _ = run(capsys, "tm", "serve-init", fresh_pg_url)
        assert code == EXIT_OK and "/tm_" in out and "postgres@" not in out
    with TeamMemory.connect(fresh_pg_url) as team:
        assert team.count() == 0 and not team.read_only
        assert team.import_units(units()).added == len(units())


# -- many writers and readers at once -------------------------------------------------------------------------

_WRITERS = _READERS = 8


def _writer(url: str, number: int, seconds: float, written: multiprocessing.Queue) -> None:
    """Write and rewrite units with known keys (this writer's project, segment 0, 1, …) for `seconds`."""
    count = 0
    with TeamMemory.connect(url) as team:
        until = time.time() + seconds
        while time.time() < until:
            segment = count % 40
            team.write_project_unit(TmUnit(source=f"قال الكاتب {number} الجملة {segment}",
                                           target=f"Writer {number} sentence {segment} v{count}"),
                                    project_uid=f"writer-{number}", segment_id=segment)
            count += 1
    written.put((number, count))


def _reader(url: str, seconds: float, failures: multiprocessing.Queue) -> None:
    cursor = looked = 0
    try:
        with TeamMemory.connect(url) as team:
            until = time.time() + seconds
            while time.time() < until:
                team.lookup("قال الكاتب 3 الجملة 5", threshold=50)
                team.concordance("الكاتب", limit=5)
                changes, new_cursor = team.changes_since(cursor, limit=500)
                assert new_cursor >= cursor and [c for c in changes if c.server_id <= 0] == []
                cursor = new_cursor
                looked += 1
        failures.put(("ok", looked))
    except Exception as exc:  # reported to the test, which fails
        failures.put(("failed", repr(exc)))


@pytest.mark.slow
def test_eight_writers_and_eight_readers_lose_and_duplicate_nothing(team_url: str) -> None:
    seconds = 30 if os.environ.get("CI") == "true" else 5
    context = multiprocessing.get_context("spawn")
    written, reported = context.Queue(), context.Queue()
    processes = [context.Process(target=_writer, args=(team_url, n, seconds, written)) for n in range(_WRITERS)]
    processes += [context.Process(target=_reader, args=(team_url, seconds, reported)) for _ in range(_READERS)]
    for process in processes:
        process.start()
    results = [reported.get(timeout=seconds + 60) for _ in range(_READERS)]
    counts = dict(written.get(timeout=seconds + 60) for _ in range(_WRITERS))
    for process in processes:
        process.join(timeout=30)
    assert [r for r in results if r[0] != "ok"] == [] and all(looked > 0 for _, looked in results)
    with TeamMemory.connect(team_url) as team:
        found = {(c.project_uid, c.segment_id): c.unit.target for c in team.changes_since(0, limit=100_000)[0]}
        assert team.count() == len(found)
    expected = {}
    for number, count in counts.items():
        assert count > 0
        for version in range(count):  # the last version of each segment
            expected[(f"writer-{number}", version % 40)] = f"Writer {number} sentence {version % 40} v{version}"
    assert found == expected


# -- the feature postings and the common features -----------------------------------------------------------------

REPORT_QUERIES = ["قال مصدر عسكري إن الاشتباكات تجددت في حلب مساء رقم 7.",
                  "قال مصدر عسكري إن الاشتباكات توقفت في درعا صباح اليوم.",
                  "قال مصدر عسكري إن الاشتباكات تجددت في حمص",
                  "أعلنت وزارة الصحة اليوم عن حالات جديدة في مدينة حلب"]


def _health(count: int) -> list[TmUnit]:
    """`count` sentences sharing a phrase that none of `_reports` has."""
    return _dated([TmUnit(source=f"أعلنت وزارة الصحة اليوم عن {i} حالات جديدة في مدينة {PLACES[i % 10]} {TIMES[i % 8]}",
                          target=f"The health ministry announced {i} new cases.") for i in range(count)], 2)


def _dated(units: list[TmUnit], day: int) -> list[TmUnit]:
    """The units changed one second apart on one day, so that both stores rank equal scores alike."""
    return [replace(unit, changed_at=f"2024-02-{day:02d}T{i // 3600:02d}:{i // 60 % 60:02d}:{i % 60:02d}.000+00:00")
            for i, unit in enumerate(units)]


def _server(team_url: str, statement: str) -> list[tuple[object, ...]]:
    with psycopg.connect(team_url, autocommit=True) as conn:
        return conn.execute(statement).fetchall()


def _truly_common_hashes(units: list[TmUnit]) -> dict[int, int]:
    counts = Counter(feature_hash(token) for unit in units
                     for token in set(match_features(normalise_for_matching(unit.source)).split()))
    return {feature: n for feature, n in counts.items() if n > RARE_FEATURE_UNITS}


def _same_lookups(local: TranslationMemory, team: TeamMemory) -> None:
    for query in REPORT_QUERIES:
        for threshold in (50, 75):
            assert shown(team.lookup(query, threshold=threshold)) == shown(local.lookup(query, threshold=threshold))


def test_a_large_import_builds_the_search_indexes_again_and_counts_the_common_features(
    tmp_path: Path, team_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(team_store, "_IMPORT_CHUNK", 150)
    monkeypatch.setattr(team_store, "_BULK_AFTER", 200)  # the first chunk indexed as it comes, then in bulk
    reports = _dated(_reports(400), 1)
    with TranslationMemory.create(tmp_path / "local.tarjama-tm") as local, TeamMemory.connect(team_url) as team:
        assert team.import_units(reports) == local.import_units(reports)
        indexes = {name for (name,) in _server(team_url, "SELECT indexname FROM pg_indexes")}
        assert {"tarjama_features_postings", "tarjama_units_source_trgm", "tarjama_units_target_trgm"} <= indexes
        assert dict(_server(team_url, "SELECT feature, units FROM tarjama_common_features")) == (
            _truly_common_hashes(reports))
        postings = _server(team_url, "SELECT count(*), count(DISTINCT (feature, unit_id)) FROM tarjama_features")
        assert postings[0][0] == postings[0][1] == sum(
            len(set(match_features(normalise_for_matching(u.source)).split())) for u in reports)
        _same_lookups(local, team)
        # A small import into the larger memory keeps the indexes and lists the features it made common.
        health = _health(100)
        assert team.import_units(health) == local.import_units(health)
        listed = {feature for (feature,) in _server(team_url, "SELECT feature FROM tarjama_common_features")}
        assert set(_truly_common_hashes(reports + health)) <= listed
        _same_lookups(local, team)


def test_a_small_import_counts_the_postings_of_its_new_features_only(team_url: str) -> None:
    """After a small import, the features it made common are listed by counting the postings of its features not
    listed yet, and of no other. Joined with every posting instead, a 10,000-unit import into a million units ran
    this for more than 15 minutes under the import's planner settings (a nested loop over the postings)."""
    with TeamMemory.connect(team_url) as team:
        team.import_units(_dated(_reports(400), 1))
        after = _server(team_url, "SELECT max(id) FROM tarjama_units")[0][0]
        team.import_units(_dated(_reports(480)[400:], 2) + _health(100))
    new_features = f"SELECT DISTINCT unnest(features) FROM tarjama_units WHERE id > {after}"
    unlisted = "NOT EXISTS (SELECT 1 FROM tarjama_common_features AS c WHERE c.feature = p.feature)"
    [(postings, unlisted_postings)] = _server(
        team_url, f"SELECT count(*), count(*) FILTER (WHERE {unlisted}) FROM tarjama_features AS p "
                  f"WHERE p.feature IN ({new_features})")
    with psycopg.connect(team_url) as conn:
        conn.execute(IMPORT_PLANNER)
        [(plan,)] = conn.execute("EXPLAIN (ANALYZE, FORMAT JSON) " + LIST_COMMON_AFTER, {"after": after}).fetchall()
        conn.rollback()

    def read(node: dict) -> float:  # postings rows read by the plan under `node`
        own = node["Actual Rows"] * node["Actual Loops"] if node.get("Relation Name") == "tarjama_features" else 0
        return own + sum(read(child) for child in node.get("Plans", []))

    assert 0 < unlisted_postings < postings / 2  # the reports' phrase is listed; the health ministry's is not
    # EXPLAIN gives rows per loop rounded, so the product is near, not exact.
    assert read(plan[0]["Plan"]) == pytest.approx(unlisted_postings, rel=0.05)


def _sent(team: TeamMemory, trace: Path, action: Callable[[], None]) -> str:
    """What libpq sent to the server while `action` ran."""
    with trace.open("w") as sink:
        team._conn.pgconn.trace(sink.fileno())
        try:
            action()
        finally:
            team._conn.pgconn.untrace()
    return trace.read_text()


@pytest.mark.parametrize("driven_units", [0, 1 << 40], ids=["contained", "driven"])
def test_groups_of_common_features_find_the_same_units_read_either_way(
    tmp_path: Path, team_url: str, monkeypatch: pytest.MonkeyPatch, driven_units: int
) -> None:
    """The near-duplicate search's groups of common features are read from the GIN index on `features` when their
    rarest feature is in many units, else from the rarest one's postings (`tarjama.memory.team_lookup`): the
    memory file's matches either way."""
    monkeypatch.setattr(team_lookup, "_DRIVEN_UNITS", driven_units)
    units = _dated(_reports(400), 1) + _health(100)
    with TranslationMemory.create(tmp_path / "local.tarjama-tm") as local, TeamMemory.connect(team_url) as team:
        assert team.import_units(units) == local.import_units(units)
        sent = _sent(team, tmp_path / "libpq.trace", lambda: _same_lookups(local, team))
    assert ("features @>" in sent) == (driven_units == 0)
    assert "FROM tarjama_features AS d" in sent  # groups with a single feature are driven either way


def test_the_team_connection_does_not_compile_statements(team: TeamMemory) -> None:
    """The planner's estimates for a million units' postings passed the cost above which the server compiles a
    statement first (JIT): 5 to 10 ms a lookup for statements that run in one or two."""
    assert team._conn.execute("SHOW jit").fetchone() == ("off",)


def test_a_server_without_the_features_index_is_searched_through_postings_until_serve_init_adds_it(
    tmp_path: Path, team_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Schema version 2 had no GIN index on `features`: `@>` would read every unit, so a lookup on such a server
    reads postings only, finding the same matches; serve-init brings the server up to the index."""
    monkeypatch.setattr(team_lookup, "_DRIVEN_UNITS", 0)
    units = _dated(_reports(400), 1) + _health(100)
    with TranslationMemory.create(tmp_path / "local.tarjama-tm") as local:
        with TeamMemory.connect(team_url) as team:
            assert team.import_units(units) == local.import_units(units)
        with psycopg.connect(team_url, autocommit=True) as conn:  # as a version 2 server has it
            conn.execute("DROP INDEX tarjama_units_features")
        set_meta(team_url, schema_version=2)
        with TeamMemory.connect(team_url) as team:
            sent = _sent(team, tmp_path / "libpq.trace", lambda: _same_lookups(local, team))
            assert "features @>" not in sent and "FROM tarjama_features AS d" in sent
        init_schema(team_url)
        assert ("tarjama_units_features",) in _server(team_url, "SELECT indexname FROM pg_indexes")
        with TeamMemory.connect(team_url) as team:
            assert "features @>" in _sent(team, tmp_path / "libpq.trace", lambda: _same_lookups(local, team))


def test_a_project_units_features_are_indexed_as_it_is_written_and_changed(tmp_path: Path, team: TeamMemory,
                                                                         team_url: str) -> None:
    health = _health(70)
    with TranslationMemory.create(tmp_path / "local.tarjama-tm") as local:
        for number, unit in enumerate(health):
            team.write_project_unit(unit, project_uid="p", segment_id=number)
            with local.writing(wait=5):
                local.write_project_unit(unit, project_uid="p", segment_id=number)
        listed = {feature for (feature,) in _server(team_url, "SELECT feature FROM tarjama_common_features")}
        assert set(_truly_common_hashes(health)) <= listed
        changed = TmUnit(source=REPORT_QUERIES[0], target="A military source said clashes resumed.",
                         changed_at="2024-03-01T00:00:00.000+00:00")
        server_id = team.write_project_unit(changed, project_uid="p", segment_id=0)
        with local.writing(wait=5):
            local.write_project_unit(changed, project_uid="p", segment_id=0)
        (held,) = _server(team_url, f"SELECT count(*) FROM tarjama_features WHERE unit_id = {server_id}")
        assert held[0] == len(set(match_features(normalise_for_matching(changed.source)).split()))
        assert team.lookup(REPORT_QUERIES[0])[0].unit.target == changed.target
        _same_lookups(local, team)


def test_lists_of_integers_reach_the_server_as_array_literals_unchanged(team: TeamMemory) -> None:
    """A lookup sends its hashes and ids as array literals (`team_lookup.int_array`), not as lists psycopg adapts
    element by element: the server reads back exactly the values, NULLs and rows of a two-dimensional array."""
    hashes = [feature_hash(word) for word in ("هدنة", "وقف", "إطلاق", "النار")]
    assert min(hashes) < 0 < max(hashes)  # both signs of 64 bits
    rows = [[1, None], [-(1 << 63), (1 << 63) - 1]]
    assert team._conn.execute("SELECT %s::int8[], %s::int8[], %s::int8[]",
                              [int_array(hashes), int_rows(rows), int_array([])]).fetchone() == (hashes, rows, [])
