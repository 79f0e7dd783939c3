"""A large TMX file read in a second process while the importing one writes (`memory/tmx_loading.py`): the same
memory and the same report as reading it in one process, its errors the same, cancelling and failing leave the
memory as it was and the reader ended; and a power cut (SIGKILL) at a random point of an import into a memory that
held units loses none of them."""

from __future__ import annotations

import multiprocessing
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tarjama.domain import TmUnit, UnitOrigin
from tarjama.errors import BadInputError
from tarjama.formats.tmx import TmxReport, write_tmx
from tarjama.memory import tmx_loading
from tarjama.memory.errors import ImportCancelled
from tarjama.memory.exchange import import_tmx
from tarjama.memory.store import TranslationMemory

REPO = Path(__file__).resolve().parents[1]
WORDS = ["مدينة", "الحكومة", "وقف", "إطلاق", "النار", "اتفاق", "الجيش", "مصدر", "قال", "أعلن", "دمشق", "حلب"]


def _units(count: int, seed: int = 7) -> list[TmUnit]:
    rng = random.Random(seed)
    units = []
    for number in range(count):
        words = [rng.choice(WORDS) for _ in range(rng.randint(3, 12))]
        units.append(TmUnit(source=" ".join(words) + f" {number}.", target=f"Sentence {number} of the news.",
                            author="Layla", origin=UnitOrigin.IMPORTED, props=(("x-n", str(number)),)))
    return units


def _tmx(path: Path, units: list[TmUnit]) -> Path:
    write_tmx(path, units)
    return path


def _memory_contents(path: Path) -> list[tuple]:
    with TranslationMemory.open(path) as memory:
        return [(u.source, u.target, u.author, u.props) for u in memory.units(approved_only=False)]


@pytest.fixture
def big(tmp_path: Path) -> Path:
    units = _units(3000)
    units.append(units[5])  # a duplicate, merged
    return _tmx(tmp_path / "big.tmx", units)


def test_read_in_a_second_process_gives_the_same_memory_and_report(tmp_path: Path, big: Path) -> None:
    reports = {}
    for parallel in (False, True):
        report = TmxReport()
        with TranslationMemory.create(tmp_path / f"{parallel}.tarjama-tm") as memory:
            result = memory.import_rows(tmx_loading.prepared_rows(big, report, parallel=parallel))
        reports[parallel] = (result, report)
    assert reports[True] == reports[False]
    assert reports[True][0].added == 3000 and reports[True][0].merged == 1 and reports[True][1].units == 3001
    assert _memory_contents(tmp_path / "True.tarjama-tm") == _memory_contents(tmp_path / "False.tarjama-tm")
    with TranslationMemory.open(tmp_path / "True.tarjama-tm") as memory:
        probe = _units(3000)[42]
        assert memory.lookup(probe.source)[0].unit.target == probe.target
    assert not multiprocessing.active_children()


def test_a_large_file_is_read_in_a_second_process_by_the_import(tmp_path: Path, big: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    started = []
    real = tmx_loading._from_child
    monkeypatch.setattr(tmx_loading, "PARALLEL_FROM_BYTES", big.stat().st_size)
    monkeypatch.setattr(tmx_loading, "_from_child", lambda *args: started.append(1) or real(*args))
    report = import_tmx(tmp_path / "m.tarjama-tm", big)
    assert started and (report.added, report.merged) == (3000, 1)


def test_a_malformed_file_read_in_a_second_process_says_the_same_and_changes_nothing(tmp_path: Path) -> None:
    good = _tmx(tmp_path / "good.tmx", _units(2500)).read_text(encoding="utf-8")
    broken = tmp_path / "broken.tmx"
    broken.write_text(good.replace("</tu>", "</tuv>", 1500 - 1).replace("</tuv>", "</tu>", 1498)[:-200],
                      encoding="utf-8")
    errors = []
    memory_path = tmp_path / "m.tarjama-tm"
    with TranslationMemory.create(memory_path) as memory:
        memory.import_units(_units(5, seed=1))
    before = _memory_contents(memory_path)
    for parallel in (False, True):
        with TranslationMemory.open(memory_path) as memory, pytest.raises(BadInputError) as raised:
            memory.import_rows(tmx_loading.prepared_rows(broken, TmxReport(), parallel=parallel))
        errors.append(str(raised.value))
    assert errors[0] == errors[1] and str(broken) in errors[0] and "line" in errors[0]
    assert _memory_contents(memory_path) == before
    assert not multiprocessing.active_children()


def test_cancelling_ends_the_reader_and_keeps_the_memory(tmp_path: Path, big: Path) -> None:
    memory_path = tmp_path / "m.tarjama-tm"
    with TranslationMemory.create(memory_path) as memory:
        memory.import_units(_units(5, seed=1))
    before = _memory_contents(memory_path)
    asked = 0

    def cancel() -> bool:
        nonlocal asked
        asked += 1
        return asked > 12

    with TranslationMemory.open(memory_path) as memory, pytest.raises(ImportCancelled):
        memory.import_rows(tmx_loading.prepared_rows(big, TmxReport(), parallel=True), cancel=cancel)
    assert _memory_contents(memory_path) == before
    assert not multiprocessing.active_children()


def test_a_reader_that_dies_is_said_and_changes_nothing(tmp_path: Path, big: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tmx_loading, "_POLL", 0.2)
    memory_path = tmp_path / "m.tarjama-tm"
    rows = tmx_loading.prepared_rows(big, TmxReport(), parallel=True)
    first = next(rows)
    for child in multiprocessing.active_children():
        os.kill(child.pid, signal.SIGKILL)
    with TranslationMemory.create(memory_path) as memory, pytest.raises(BadInputError, match="stopped"):
        memory.import_rows(rows)
    assert first["source"] and _memory_contents(memory_path) == []


_IMPORTER = """
import sys
from pathlib import Path
from tarjama.memory import tmx_loading
from tarjama.memory.exchange import import_tmx

if __name__ == "__main__":
    tmx_loading.PARALLEL_FROM_BYTES = int(sys.argv[3])
    print("started", flush=True)
    import_tmx(Path(sys.argv[1]), Path(sys.argv[2]))
    print("done", flush=True)
"""


def _fresh_memory(path: Path) -> list[tuple]:
    for stale in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        stale.unlink(missing_ok=True)
    with TranslationMemory.create(path) as memory:
        memory.import_units(_units(40, seed=3))
    return _memory_contents(path)


@pytest.mark.parametrize("parallel", [False, True], ids=["one process", "two processes"])
def test_a_power_cut_at_random_points_of_an_import_loses_nothing_that_was_there(tmp_path: Path, big: Path,
                                                                                parallel: bool) -> None:
    """SIGKILL of the importing process (and so of its reader) at random moments of its run, timed from one whole
    run: every time, the memory opens with exactly the units it had, or, killed once the import had committed,
    with those and all the file's."""
    memory_path = tmp_path / "m.tarjama-tm"
    before = _fresh_memory(memory_path)
    script = tmp_path / "importer.py"
    script.write_text(_IMPORTER, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(REPO / "desktop")}
    command = [sys.executable, str(script), str(memory_path), str(big), "0" if parallel else str(10**12)]

    def start() -> tuple[subprocess.Popen, float]:
        child = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, text=True, start_new_session=True)
        assert child.stdout is not None and child.stdout.readline().strip() == "started"
        return child, time.monotonic()

    child, started = start()
    assert child.wait(120) == 0
    whole = time.monotonic() - started
    assert len(_memory_contents(memory_path)) == len(before) + 3000
    rng = random.Random(20)
    outcomes = []
    for _ in range(4):
        before = _fresh_memory(memory_path)
        child, started = start()
        time.sleep(rng.uniform(0.05, 0.7) * whole)
        os.killpg(child.pid, signal.SIGKILL)  # the importer and its reader, as a power cut would
        child.wait()
        after = _memory_contents(memory_path)
        assert after == before or (after[: len(before)] == before and len(after) == len(before) + 3000)
        outcomes.append(len(after) == len(before))
    assert any(outcomes), "no kill landed before the import committed"
