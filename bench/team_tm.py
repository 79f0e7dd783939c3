"""Benchmark: the team memory on a local PostgreSQL server, against pg_trgm designs and the memory file.

Run with `.venv/bin/python bench/team_tm.py` (a few minutes: 20,000 units); `--units 1000000` for the full
figure (the pg_trgm designs take seconds a query there: `--trgm-queries 20` runs them on the first 20 queries only).
A throw-away cluster is started in a scratch folder (tests/pg_server.py's, stopped and removed at the end);
the units and queries are `bench/tm_scale.py`'s (the shared corpus's news chain: half near-duplicates, half fresh).
It prints:

* import: `TeamMemory.import_units` of every unit (COPY + merge in SQL, postings and search indexes built after
  the load), units per second;
* lookup p50/p95 of `TeamMemory.lookup` (the memory file's feature search over the server's postings:
  `tarjama.memory.team_lookup`) with 1 client and with 8 clients at once (8 processes over loopback), of the
  pg_trgm design (trigram candidates `%` within a length window, scored in
  Python, the design measured against it), of the peer baseline (a plain pg_trgm `similarity()` top-5, as
  Weblate-style servers do), and of the memory file (`TranslationMemory.lookup`);
* agreement with the full scan (`tm_scale.FullScan`, every unit scored): of the queries whose best is >= 75 %, the
  share whose top match has that best score, for each design.
"""

from __future__ import annotations

import argparse
import atexit
import multiprocessing
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO / "desktop"), str(REPO / "tests"), str(REPO / "bench")]

import psycopg  # noqa: E402 - needs the path above

from pg_server import start_cluster  # noqa: E402
from scratch import scratch_folder  # noqa: E402
from tarjama.arabic import normalise_for_matching  # noqa: E402
from tarjama.memory.scoring import score  # noqa: E402
from tarjama.memory.store import TranslationMemory  # noqa: E402
from tarjama.memory.team_store import TeamMemory, init_schema  # noqa: E402
from tm_scale import MATCH, FullScan, build_queries, generate_pairs, load_chain, percentile, tm_unit  # noqa: E402

#: pg_trgm candidates: trigram similarity at least this (pg_trgm's default), the 100 most similar scored.
_TRGM_SQL = """
SELECT id, norm_source FROM tarjama_units
WHERE approved AND norm_source %% %(q)s AND char_length(norm_source) BETWEEN %(lo)s AND %(hi)s
ORDER BY norm_source <-> %(q)s LIMIT 100
"""
_PEER_SQL = """
SELECT norm_source, similarity(norm_source, %(q)s) AS s FROM tarjama_units
WHERE approved AND norm_source %% %(q)s ORDER BY s DESC LIMIT 5
"""


def ours(team: TeamMemory, query: str) -> int:
    matches = team.lookup(query, threshold=MATCH, limit=1, highlight=False)
    return matches[0].score if matches else 0


def trigram_design(conn: psycopg.Connection, query: str) -> int:
    """The best score among pg_trgm's candidates in the length window a 75 % match can be in (so a long query
    reads only long units, away from pg_trgm's slow path over every long value)."""
    norm = normalise_for_matching(query)
    n = len(norm)
    rows = conn.execute(_TRGM_SQL, {"q": norm, "lo": int(n * MATCH / 100), "hi": int(n * 100 / MATCH) + 1})
    return max((score(norm, candidate) for _, candidate in rows), default=0)


def peer(conn: psycopg.Connection, query: str) -> int:
    norm = normalise_for_matching(query)
    rows = conn.execute(_PEER_SQL, {"q": norm}).fetchall()
    return score(norm, rows[0][0]) if rows else 0


def timed(search, queries: list[str]) -> tuple[list[float], list[int]]:  # type: ignore[no-untyped-def]
    times, best = [], []
    for query in queries:
        start = time.perf_counter()
        best.append(search(query))
        times.append(time.perf_counter() - start)
    return times, best


def _client(url: str, queries: list[str]) -> list[float]:
    with TeamMemory.connect(url) as team:
        team.lookup(queries[0])
        return timed(lambda q: ours(team, q), queries)[0]


def report(label: str, times: list[float], best: list[int] | None, scan_best: list[int]) -> None:
    line = f"{label:<44} p50 {percentile(times, 0.5) * 1000:7.1f} ms   p95 {percentile(times, 0.95) * 1000:7.1f} ms"
    if best is not None:
        considered = [i for i, b in enumerate(scan_best) if b >= MATCH]
        agreed = sum(best[i] == scan_best[i] for i in considered)
        line += f"   top-1 agreement {agreed}/{len(considered)} ({100 * agreed / max(1, len(considered)):.1f} %)"
    print(line, flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=20_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--trgm-queries", type=int, default=None, help="queries for the pg_trgm designs (all)")
    args = parser.parse_args()
    work = scratch_folder("tarjama-team-bench-")
    cluster, pg_ctl = start_cluster(work)
    atexit.register(subprocess.run, [*pg_ctl, "-m", "immediate", "stop"], capture_output=True)  # before the rmtree
    url = cluster.create_database("bench")
    init_schema(url)
    chain = load_chain()
    pairs = generate_pairs(chain, args.units)
    queries = [query for _, query in build_queries(chain, pairs, args.queries)]
    units = [tm_unit(number, source, target) for number, (source, target) in enumerate(pairs)]
    print(f"{args.units:,} units, {len(queries)} queries; PostgreSQL on 127.0.0.1:{cluster.port}", flush=True)

    with TeamMemory.connect(url) as team:
        start = time.perf_counter()
        team.import_units(units)
        seconds = time.perf_counter() - start
        print(f"{'import into the server':<44} {seconds:.1f} s, {args.units / seconds:,.0f} units/s", flush=True)
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("VACUUM ANALYZE tarjama_units")

    scan = FullScan([source for source, _ in pairs])
    scan_best = [scan.best(norm, row)[0] for norm, row in
                 zip(map(normalise_for_matching, queries), scan.similarities(
                     [normalise_for_matching(q) for q in queries]), strict=True)]
    del scan

    with TeamMemory.connect(url) as team:
        team.lookup(queries[0])
        times, best = timed(lambda q: ours(team, q), queries)
        report("team memory, feature postings, 1 client", times, best, scan_best)
    with multiprocessing.get_context("spawn").Pool(8) as pool:
        per_client = pool.starmap(_client, [(url, queries)] * 8)
    report("team memory, feature postings, 8 clients", [t for ts in per_client for t in ts], None, scan_best)
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("SET pg_trgm.similarity_threshold = 0.3")
        few = queries[: args.trgm_queries]
        times, best = timed(lambda q: trigram_design(conn, q), few)
        report(f"pg_trgm candidates in a length window ({len(few)})", times, best, scan_best[: len(few)])
        times, best = timed(lambda q: peer(conn, q), few)
        report(f"peer baseline: pg_trgm similarity() top-5 ({len(few)})", times, best, scan_best[: len(few)])

    local_path = work / "local.tarjama-tm"
    with TranslationMemory.create(local_path) as local:
        local.import_units(units)
    with TranslationMemory.open(local_path) as local:
        local.lookup(queries[0])
        times, best = timed(lambda q: (m[0].score if (m := local.lookup(q, threshold=MATCH, limit=1,
                                                                         highlight=False)) else 0), queries)
        report("memory file (SQLite), for comparison", times, best, scan_best)
    return 0


if __name__ == "__main__":
    sys.exit(main())
