"""Benchmark: what reporting disk errors costs every statement (`store_failures.StoreConnection` wraps `execute`).

Run with `.venv/bin/python bench/store_connection.py` (a few seconds). On one in-memory-cached database it runs the
same statements through a plain `sqlite3.Connection` and through a `StoreConnection`, alternating rounds so both
see the same machine state, and prints the best time of each and their ratio, measured in this run:

* a point query by primary key (the cheapest statement a store runs; lookups run hundreds of these);
* an `executemany` insert of 1,000 rows (what a TMX import's chunks do).
"""

from __future__ import annotations

import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "desktop"))

from tarjama.store_failures import StoreConnection  # noqa: E402

ROUNDS = 7
QUERIES = 50_000


def open_both(path: Path) -> tuple[sqlite3.Connection, sqlite3.Connection]:
    plain = sqlite3.connect(path, isolation_level=None)
    wrapped = sqlite3.connect(path, isolation_level=None, factory=StoreConnection)
    wrapped.path = path
    return plain, wrapped


def point_queries(conn: sqlite3.Connection) -> float:
    start = time.perf_counter()
    for i in range(QUERIES):
        conn.execute("SELECT v FROM t WHERE id = ?", (i % 1000 + 1,)).fetchone()
    return (time.perf_counter() - start) / QUERIES


def bulk_insert(conn: sqlite3.Connection) -> float:
    rows = [(f"value {i}",) for i in range(1000)]
    start = time.perf_counter()
    conn.execute("BEGIN")
    conn.executemany("INSERT INTO u (v) VALUES (?)", rows)
    conn.execute("ROLLBACK")
    return time.perf_counter() - start


def main() -> None:
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "bench.sqlite"
        setup = sqlite3.connect(path)
        setup.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)")
        setup.execute("CREATE TABLE u (id INTEGER PRIMARY KEY, v TEXT)")
        setup.executemany("INSERT INTO t (v) VALUES (?)", [(f"row {i}",) for i in range(1000)])
        setup.commit()
        setup.close()
        plain, wrapped = open_both(path)
        for name, measure, unit, scale in (("point query", point_queries, "µs", 1e6),
                                           ("executemany 1,000 rows", bulk_insert, "ms", 1e3)):
            plain_times: list[float] = []
            wrapped_times: list[float] = []
            for _ in range(ROUNDS):
                plain_times.append(measure(plain))
                wrapped_times.append(measure(wrapped))
            p, w = min(plain_times), min(wrapped_times)
            print(f"{name:<24} plain {p * scale:8.3f} {unit}   StoreConnection {w * scale:8.3f} {unit}   "
                  f"ratio {w / p:.3f}")
        plain.close()
        wrapped.close()


if __name__ == "__main__":
    main()
