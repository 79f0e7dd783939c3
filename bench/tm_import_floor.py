"""Benchmark: the least time a TMX import could take on two cores, from what each part of it costs per unit.

Run with `.venv/bin/python bench/tm_import_floor.py` (about two minutes; `--units 50000` takes half a minute).
It builds `--units` units as `bench/tm_scale.py` does (the same chain over the shared corpus, the same metadata),
writes them as a TMX file in a temporary folder it removes, and measures the CPU time per unit, in this process, of
each part of `import_tmx`:

* parse: lxml's iterparse of the file and nothing else (the floor under any reader built on lxml);
* read: `read_tmx`, the units made from the parsed elements (dates, props, languages, inline tags);
* prepare: `store.prepared_row` of each unit (normalising both sides, the scoring words, features, codes, key);
* hand-over: pickling the rows a chunk at a time and unpickling them, as the reader process sends them to the
  importing one (`tarjama.memory.tmx_loading`);
* write: `TranslationMemory.import_rows` of the rows, prepared beforehand, into a new memory: the tables, the
  features index and codes, the final merge and counts (the concordance indexes are left in the backlog);
* concordance: `index_concordance_backlog`, the build after the import that fills the two trigram indexes.

Work can overlap on two cores but not shrink, so half the sum per unit is the least wall time per unit any split
of this work between processes or threads can reach; it prints that floor for a million units until the memory is
ready for lookups and until concordance is indexed too, beside the targets of issue 20 (60 s for a million units,
5x the bare parse, 20,000 units/s into a million). The costs per unit grow with the memory's size (the features
index's writes cost a fifth more per unit at a million units than at 200,000), so at a million units each floor is
higher than it prints: it is a lower bound.
"""

from __future__ import annotations

import argparse
import pickle
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "desktop"))
sys.path.insert(0, str(REPO / "bench"))

import tm_scale  # noqa: E402 - needs the path above
from tarjama.formats.tmx import read_tmx, write_tmx  # noqa: E402
from tarjama.memory.store import TranslationMemory, prepared_row  # noqa: E402

#: Rows per hand-over message, as the reader process sends them.
CHUNK = 2000
MILLION = 1_000_000
CORES = 2
#: Issue 20's targets.
TARGET_SECONDS = 60.0
TARGET_PARSE_RATIO = 5.0
TARGET_MORE_UNITS_PER_SECOND = 20_000.0


def cpu_per_unit(units: int, step: Callable[[], Any]) -> tuple[float, Any]:
    """CPU microseconds per unit of `step`, and what it returned."""
    start = time.process_time()
    result = step()
    return (time.process_time() - start) / units * 1e6, result


def hand_over(rows: list[dict[str, Any]]) -> int:
    """Pickle and unpickle the rows a chunk at a time, each row a tuple under the chunk's field names."""
    fields = tuple(rows[0])
    count = 0
    for start in range(0, len(rows), CHUNK):
        message = ("rows", (fields, [tuple(row.values()) for row in rows[start : start + CHUNK]]))
        _kind, (_fields, values) = pickle.loads(pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL))
        count += len(values)
    return count


def index_backlog(memory: Path) -> int:
    with TranslationMemory.open(memory) as memory_file:
        return memory_file.index_concordance_backlog(wait=0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=200_000)
    count = parser.parse_args().units
    with tempfile.TemporaryDirectory(prefix="tarjama-floor-") as folder:
        work = Path(folder)
        pairs = tm_scale.generate_pairs(tm_scale.load_chain(), count)
        tmx = work / tm_scale.OURS_TMX
        write_tmx(tmx, [tm_scale.tm_unit(number, source, target) for number, (source, target) in enumerate(pairs)])
        del pairs
        parse, parsed = cpu_per_unit(count, tm_scale.STEPS["parse-only"](work))
        read, units = cpu_per_unit(count, lambda: list(read_tmx(tmx)))
        prepare, rows = cpu_per_unit(count, lambda: [prepared_row(unit) for unit in units])
        units.clear()  # only the rows are needed from here on
        handover, _ = cpu_per_unit(count, lambda: hand_over(rows))
        memory = work / "floor.tarjama-tm"
        write, result = cpu_per_unit(count, lambda: TranslationMemory.build(memory, lambda tm: tm.import_rows(rows)))
        rows.clear()
        concordance, covered = cpu_per_unit(count, lambda: index_backlog(memory))
    if not parsed == result.added == covered == count:
        sys.exit(f"tm_import_floor: {count} units made, {parsed} parsed, {result.added} imported, {covered} "
                 "indexed for concordance (fewer than concordance_index.INLINE_UNITS leave no backlog)")

    print(f"{count:,} units, CPU per unit in one process")
    parts = {"parse (lxml alone)": parse, "read (read_tmx, parse included)": read, "prepare (prepared_row)": prepare,
             "hand-over (pickle both ways)": handover, "write (import_rows, new memory)": write,
             "concordance (the build after it)": concordance}
    for label, micro in parts.items():
        print(f"  {label:<40} {micro:7.1f} us")
    ready = read + prepare + handover + write
    print(f"  {'sum until ready for lookups':<40} {ready:7.1f} us")
    print(f"  {'sum with concordance indexed':<40} {ready + concordance:7.1f} us")

    print(f"\nLeast wall time on {CORES} cores (half the sum), against issue 20's targets")
    floor, floor_all = ready / CORES, (ready + concordance) / CORES
    print(f"  {'1,000,000 units, ready for lookups':<52} {floor * MILLION / 1e6:7.1f} s   "
          f"target <= {TARGET_SECONDS:g} s")
    print(f"  {'the same over the bare parse':<52} {floor / parse:7.2f} x   target <= {TARGET_PARSE_RATIO:g} x")
    print(f"  {'units/s at most, ready for lookups':<52} {1e6 / floor:7,.0f}     "
          f"target >= {TARGET_MORE_UNITS_PER_SECOND:,.0f} (into a million, where each costs more)")
    print(f"  {'1,000,000 units, concordance indexed too':<52} {floor_all * MILLION / 1e6:7.1f} s")
    print(f"  {'Python alone (read + prepare), one core':<52} {(read + prepare) * MILLION / 1e6:7.1f} s   "
          "(the part that holds the interpreter)")


if __name__ == "__main__":
    main()
