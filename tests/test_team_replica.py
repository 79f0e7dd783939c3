"""The offline replica's logic against a small in-memory team memory (`FakeTeam`, to the contract of
`tarjama.memory.team_store.TeamMemory`): the outbox its triggers fill, push then pull, interrupted pushes and pulls,
two translators' approvals of one source, a read-only role. The same behaviour against a real PostgreSQL server,
network failures and killed processes included, is `test_team_offline.py`'s."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest

from tarjama.domain import ImportedDocument, Status, TmUnit
from tarjama.errors import TarjamaError
from tarjama.memory.replica import replica_path
from tarjama.memory.replica_tables import create_replica_tables, queued, sync_state
from tarjama.memory.store import TranslationMemory
from tarjama.memory.team_store import ReadOnlyTeamMemoryError, TeamChange, TeamMemoryError
from tarjama.memory.team_sync import sync
from tarjama.paths import data_dir
from tarjama.project.store import ProjectStore

SOURCE = "قال المتحدث إن الاجتماع كان مثمرا."


class FakeTeam:
    """A team memory in a dict: project units keyed by (project id, segment) as the server keys them, a change
    sequence bumped on every write, and hooks to fail after a write has committed (the network dropping then)."""

    def __init__(self, *, read_only: bool = False) -> None:
        self.read_only = read_only
        self.units: dict[int, tuple[TmUnit, str | None, int | None, int]] = {}  # id: (unit, uid, segment, seq)
        self._by_key: dict[tuple[str, int], int] = {}
        self._seq = 0
        self.fail_after_writes: int | None = None
        self.writes = 0

    def _bump(self, server_id: int, unit: TmUnit, uid: str | None, segment: int | None) -> None:
        self._seq += 1
        self.units[server_id] = (unit, uid, segment, self._seq)

    def write_project_unit(self, unit: TmUnit, *, project_uid: str, segment_id: int) -> int:
        if self.read_only:
            raise ReadOnlyTeamMemoryError("fake/team", "read-only")
        server_id = self._by_key.setdefault((project_uid, segment_id), len(self.units) + 1)
        self._bump(server_id, dataclasses.replace(unit, approved=True, id=server_id), project_uid, segment_id)
        self._committed()
        return server_id

    def withdraw_project_unit(self, *, project_uid: str, segment_id: int) -> None:
        if self.read_only:
            raise ReadOnlyTeamMemoryError("fake/team", "read-only")
        server_id = self._by_key.get((project_uid, segment_id))
        if server_id is not None and self.units[server_id][0].approved:
            unit, uid, segment, _ = self.units[server_id]
            self._bump(server_id, dataclasses.replace(unit, approved=False), uid, segment)
        self._committed()

    def _committed(self) -> None:
        self.writes += 1
        if self.fail_after_writes is not None and self.writes >= self.fail_after_writes:
            self.fail_after_writes = None
            raise TeamMemoryError("fake/team", "the connection was lost")

    def changes_since(self, cursor: int, limit: int = 5000) -> tuple[list[TeamChange], int]:
        newer = sorted((seq, server_id) for server_id, (*_, seq) in self.units.items() if seq > cursor)[:limit]
        changes = []
        for _, server_id in newer:
            unit, uid, segment, _seq = self.units[server_id]
            changes.append(TeamChange(server_id=server_id, unit=unit, project_uid=uid, segment_id=segment))
        return changes, newer[-1][0] if newer else cursor

    def approved(self) -> list[TmUnit]:
        return [unit for unit, *_ in self.units.values() if unit.approved]


def make_replica(path: Path) -> Path:
    with TranslationMemory.create(path) as memory, memory.writing(wait=1) as db:
        create_replica_tables(db)
    return path


@pytest.fixture
def replica(tmp_path: Path) -> Iterator[TranslationMemory]:
    with TranslationMemory.open(make_replica(tmp_path / "replica.tarjama-tm")) as memory:
        yield memory


def approve(memory: TranslationMemory, segment_id: int, target: str, *, source: str = SOURCE,
            project_uid: str = "project-a", author: str = "layla") -> None:
    unit = TmUnit(source=source, target=target, author=author, changed_at=f"2025-01-01T00:00:{segment_id % 60:02d}")
    with memory.writing(wait=1):
        memory.write_project_unit(unit, project_uid=project_uid, segment_id=segment_id)


def outbox(memory: TranslationMemory) -> list[tuple[str, int]]:
    with memory.reading() as db:
        return [(entry.project_uid, entry.segment_id) for entry in queued(db)]


def test_a_project_approving_into_the_replica_queues_its_approvals_and_withdrawals(tmp_path: Path) -> None:
    path = make_replica(tmp_path / "replica.tarjama-tm")
    document = ImportedDocument(name="خبر.txt", format="txt", paragraphs=["وصل الوفد. وبدأت المحادثات.", SOURCE])
    with ProjectStore.create(tmp_path / "p.tarjama", [document]) as project:
        project.link_tm(path)
        first, second, third = project.segments()
        project.update_segment(first.id, target="The delegation arrived.", status=Status.APPROVED)
        project.update_segment(third.id, target="The spokesman spoke.", status=Status.APPROVED)
        project.update_segment(first.id, target="The delegation came.", status=Status.DRAFT)
        uid = project.get_meta("uid")

    with TranslationMemory.open(path) as memory:
        assert outbox(memory) == [(uid, third.id), (uid, first.id)], "one row a segment, in order of last change"
        server = FakeTeam()
        report = sync(memory, server)
        assert (report.pushed, report.queued, report.read_only) == (2, 0, False)
        assert outbox(memory) == []
        assert [unit.target for unit in server.approved()] == ["The spokesman spoke."]
        assert len(server.units) == 1, "approved and withdrawn offline: sent as a withdrawal of nothing"

    with ProjectStore.open(tmp_path / "p.tarjama") as project:
        project.update_segment(third.id, target="The spokesman talked.", status=Status.DRAFT)
    with TranslationMemory.open(path) as memory:
        assert sync(memory, server).pushed == 1
        assert server.approved() == [] and len(server.units) == 1


def test_what_the_pull_writes_and_a_counted_use_are_never_queued(replica: TranslationMemory) -> None:
    server = FakeTeam()
    server.write_project_unit(TmUnit(source=SOURCE, target="From Omar.", author="omar"),
                              project_uid="omar-project", segment_id=1)
    assert sync(replica, server).pulled == 1
    assert outbox(replica) == []
    approve(replica, 7, "Mine.")
    sync(replica, server)
    own = [unit.id for unit in replica.units() if unit.target == "Mine."]
    replica.record_use(*own, *(unit.id for unit in replica.units() if unit.target == "From Omar."))
    assert outbox(replica) == []


def test_two_translators_approving_different_targets_for_one_source_both_survive(tmp_path: Path) -> None:
    server = FakeTeam()
    with TranslationMemory.open(make_replica(tmp_path / "layla.tarjama-tm")) as layla, \
            TranslationMemory.open(make_replica(tmp_path / "omar.tarjama-tm")) as omar:
        approve(layla, 3, "The spokesman said the meeting was fruitful.", project_uid="layla-p", author="layla")
        approve(omar, 9, "The spokesperson called the meeting productive.", project_uid="omar-p", author="omar")
        sync(layla, server)
        sync(omar, server)
        sync(layla, server)
        for memory in (layla, omar):
            matches = memory.lookup(SOURCE)
            assert {(m.unit.target, m.unit.author, m.score) for m in matches} == {
                ("The spokesman said the meeting was fruitful.", "layla", 100),
                ("The spokesperson called the meeting productive.", "omar", 100),
            }
            assert all(m.unit.changed_at for m in matches)
            assert memory.count() == 2, "one's own pushed approval is not pulled back as a second unit"


def test_a_push_cut_off_after_the_server_committed_is_repeated_without_a_duplicate(
    replica: TranslationMemory,
) -> None:
    for segment in range(1, 11):
        approve(replica, segment, f"Target {segment}.")
    server = FakeTeam()
    server.fail_after_writes = 4  # the fourth write commits, then the connection drops before the answer
    with pytest.raises(TeamMemoryError):
        sync(replica, server)
    assert len(outbox(replica)) == 7, "the three confirmed are off the outbox; the fourth is still in it"
    report = sync(replica, server)
    assert (report.pushed, report.queued) == (7, 0)
    assert sorted(unit.target for unit in server.approved()) == sorted(f"Target {s}." for s in range(1, 11))
    assert len(server.units) == 10
    assert replica.count() == 10


def test_a_change_made_during_a_push_stays_queued(replica: TranslationMemory) -> None:
    approve(replica, 1, "First try.")

    class ChangingMidPush(FakeTeam):
        def write_project_unit(self, unit: TmUnit, *, project_uid: str, segment_id: int) -> int:
            server_id = super().write_project_unit(unit, project_uid=project_uid, segment_id=segment_id)
            if unit.target == "First try.":  # the translator approves again while the first is on its way
                approve(replica, 1, "Second thought.")
            return server_id

    server = ChangingMidPush()
    assert sync(replica, server).queued == 1
    sync(replica, server)
    assert [unit.target for unit in server.approved()] == ["Second thought."]


def test_the_pull_goes_in_chunks_and_resumes_after_the_last_chunk_it_kept(
    replica: TranslationMemory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("tarjama.memory.team_sync.PULL_CHUNK", 3)
    server = FakeTeam()
    for segment in range(8):
        server.write_project_unit(TmUnit(source=f"{SOURCE} {segment}", target=f"T{segment}", author="omar"),
                                  project_uid="omar-p", segment_id=segment)
    real_changes = server.changes_since
    calls: list[int] = []

    def dropping(cursor: int, limit: int = 5000) -> tuple[list[TeamChange], int]:
        calls.append(cursor)
        if len(calls) == 3:
            raise TeamMemoryError("fake/team", "the connection was lost")
        return real_changes(cursor, limit)

    monkeypatch.setattr(server, "changes_since", dropping)
    with pytest.raises(TeamMemoryError):
        sync(replica, server)
    with replica.reading() as db:
        assert sync_state(db).cursor == 6
    assert replica.count() == 6
    monkeypatch.setattr(server, "changes_since", real_changes)
    assert sync(replica, server).pulled == 2
    assert sorted(unit.target for unit in replica.units()) == [f"T{s}" for s in range(8)]


def test_a_server_side_change_and_withdrawal_reach_the_replica_in_place(replica: TranslationMemory) -> None:
    server = FakeTeam()
    server.write_project_unit(TmUnit(source=SOURCE, target="Old.", author="omar"), project_uid="o", segment_id=1)
    sync(replica, server)
    server.write_project_unit(TmUnit(source=SOURCE, target="New.", author="omar"), project_uid="o", segment_id=1)
    assert sync(replica, server).pulled == 1
    assert [unit.target for unit in replica.units(approved_only=False)] == ["New."]
    server.withdraw_project_unit(project_uid="o", segment_id=1)
    sync(replica, server)
    assert replica.lookup(SOURCE) == []
    assert replica.count(approved_only=False) == 1
    assert sync(replica, server).pulled == 0


def test_a_read_only_role_keeps_its_approvals_queued_and_still_pulls(replica: TranslationMemory) -> None:
    writer = FakeTeam()
    writer.write_project_unit(TmUnit(source=SOURCE, target="From Omar.", author="omar"), project_uid="o", segment_id=1)
    approve(replica, 5, "Mine, approved locally.")
    writer.read_only = True
    report = sync(replica, writer)
    assert (report.read_only, report.pushed, report.queued, report.pulled) == (True, 0, 1, 1)
    assert {m.unit.target for m in replica.lookup(SOURCE)} == {"From Omar.", "Mine, approved locally."}
    with replica.reading() as db:
        assert sync_state(db).read_only
    writer.read_only = False  # the role may write now: the queued approval goes without anything redone
    assert sync(replica, writer).pushed == 1
    assert outbox(replica) == []
    assert {unit.target for unit in writer.approved()} == {"From Omar.", "Mine, approved locally."}


def test_a_role_refused_in_the_middle_of_a_push_is_reported_read_only(replica: TranslationMemory) -> None:
    approve(replica, 1, "One.")
    approve(replica, 2, "Two.")

    class RefusedAfterOne(FakeTeam):
        def write_project_unit(self, unit: TmUnit, *, project_uid: str, segment_id: int) -> int:
            self.read_only = bool(self.units)
            return super().write_project_unit(unit, project_uid=project_uid, segment_id=segment_id)

    server = RefusedAfterOne()
    report = sync(replica, server)
    assert (report.read_only, report.pushed, report.queued) == (True, 1, 1)
    assert outbox(replica) == [("project-a", 2)]


def test_the_replica_file_is_one_per_server_and_database_and_names_no_password() -> None:
    one = replica_path("postgresql://layla:s3cret@tm.agency.lan:5433/news?sslmode=require")
    assert one == replica_path("postgresql://omar@tm.agency.lan:5433/news")
    assert one != replica_path("postgresql://tm.agency.lan:5433/sport")
    assert one != replica_path("postgresql://tm2.agency.lan:5433/news")
    assert "s3cret" not in str(one) and "news" in one.name
    assert replica_path("service=agency") != replica_path("service=other")
    assert one.parent == data_dir() / "team"
    with pytest.raises(TarjamaError, match="postgresql://host/database") as raised:
        replica_path("postgresql://layla:s3cret@tm.agency.lan/news?colour=blue")
    assert "s3cret" not in str(raised.value)
