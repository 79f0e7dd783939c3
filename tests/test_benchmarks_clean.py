"""Every benchmark removes what it writes: a round of them once left 16 folders (88 MB) in /tmp. A benchmark that
makes a temporary folder takes it from `bench/scratch.py` (removed when its process ends) or removes it itself."""

from __future__ import annotations

from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent / "bench"


def test_every_benchmark_that_makes_a_temporary_folder_removes_it() -> None:
    scripts = sorted(BENCH.glob("*.py"))
    assert len(scripts) > 10
    leaving = [script.name for script in scripts
               if "mkdtemp(" in (text := script.read_text(encoding="utf-8")) and "rmtree" not in text]
    assert leaving == []
