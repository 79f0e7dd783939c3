"""Benchmark: syncing the offline replica of a team memory (`tarjama.memory.replica`) with a PostgreSQL server.

Run with `.venv/bin/python bench/team_sync.py` (half a minute; `--units N` changes the batch size). It starts a
throw-away PostgreSQL cluster on a free loopback port (as the tests do, `tests/pg_server.py`; or give `--url` of an
empty database), creates the team memory's schema, and prints, each in one run:

* pull, first: `Replica.sync` of a new replica after N units were imported into the server (target: 10,000 in
  under 5 s, issue 21);
* pull, incremental: N more units imported, then the same replica synced again (it already holds N);
* nothing new: a sync that pushes and pulls nothing (what the window pays each time it syncs in the background);
* push: N / 10 approvals written into the replica by a project (through its outbox), then synced to the server;
* lookup: the median of 200 lookups in the replica afterwards (it is an ordinary memory file).

Units are built as `bench/tm_scale.py` builds them, from the shared corpus.
"""

from __future__ import annotations

import argparse
import atexit
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent / "desktop"))
sys.path.insert(0, str(BENCH.parent / "tests"))
sys.path.insert(0, str(BENCH))

import tm_scale  # noqa: E402 - the units, built as the TM benchmark builds them
from pg_server import start_cluster  # noqa: E402 - the tests' throw-away cluster, started the same way
from scratch import scratch_folder  # noqa: E402
from tarjama.domain import TmUnit  # noqa: E402
from tarjama.memory.replica import open_replica  # noqa: E402
from tarjama.memory.store import TranslationMemory  # noqa: E402
from tarjama.memory.team_store import TeamMemory, init_schema  # noqa: E402

TARGET_SECONDS = 5.0  # a first pull of 10,000 units


def throw_away_database() -> str:
    """An empty database in a cluster started for this run and stopped when it ends (in a scratch folder of its
    own, which the server's user is given)."""
    cluster, pg_ctl = start_cluster(scratch_folder("tarjama-team-sync-pg-"))
    atexit.register(subprocess.run, [*pg_ctl, "-m", "immediate", "stop"], capture_output=True)
    return cluster.create_database("bench")


def timed_sync(label: str, replica_sync, expected: int) -> float:  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    report = replica_sync()
    seconds = time.perf_counter() - started
    print(f"{label:<34} {seconds:7.2f} s   pulled {report.pulled:>6,}  pushed {report.pushed:>5,}  "
          f"queued {report.queued}  (expected {expected:,})")
    return seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--units", type=int, default=10_000)
    parser.add_argument("--url", help="an empty database to use instead of a throw-away cluster")
    args = parser.parse_args()
    work = scratch_folder("tarjama-team-sync-")
    os.environ["TARJAMA_DATA_DIR"] = str(work / "data")
    url = args.url or throw_away_database()
    init_schema(url)

    pairs = tm_scale.generate_pairs(tm_scale.load_chain(), 2 * args.units)
    units = [tm_scale.tm_unit(number, source, target) for number, (source, target) in enumerate(pairs)]
    server = TeamMemory.connect(url)
    server.import_units(units[: args.units])
    replica = open_replica(url)
    first = timed_sync(f"pull, first ({args.units:,} new)", replica.sync, args.units)
    server.import_units(units[args.units:])
    timed_sync(f"pull, incremental ({args.units:,} new)", replica.sync, args.units)
    timed_sync("nothing new", replica.sync, 0)

    approvals = args.units // 10
    with TranslationMemory.open(replica.path) as memory, memory.writing(wait=5):
        for segment_id, (source, target) in enumerate(pairs[:approvals], start=1):
            unit = TmUnit(source=source, target=target + " (revised)", author="layla")
            memory.write_project_unit(unit, project_uid="bench-project", segment_id=segment_id)
    timed_sync(f"push ({approvals:,} approvals)", replica.sync, approvals)

    with TranslationMemory.open(replica.path) as memory:
        times = []
        for source, _ in pairs[: 2 * args.units: max(1, args.units // 100)]:
            started = time.perf_counter()
            memory.lookup(source)
            times.append(time.perf_counter() - started)
        count = memory.count()
    server.close()
    print(f"{'lookup in the replica, p50':<34} {statistics.median(times) * 1000:7.2f} ms  ({count:,} units)")
    verdict = "PASS" if first < TARGET_SECONDS * args.units / 10_000 else "MISS"
    print(f"first pull of {args.units:,} units: {first:.2f} s, target < {TARGET_SECONDS * args.units / 10_000:.1f} s: "
          f"{verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
