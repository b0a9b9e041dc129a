"""Benchmark: a dyad's monthly series over a synthetic store of N events (default 10 million).

Builds a DuckDB file with Detente's ``events`` schema filled by SQL ``range()`` (mentions come in
pairs that report one event, so every merged event has two mentions), clusters them in SQL, builds
``merged_events`` with the same SQL as ``merge_store``, and times ``SERIES_SQL`` — the query behind
``detente dyad`` — for one pair. Baselines measured in the same run: a full scan of ``events``
(``count(*)``, ``sum(intensity)``) and the same series computed straight from ``events JOIN
event_clusters`` without the merged table.

    .venv/bin/python benchmarks/dyad_query.py                 # 10M events (a few minutes)
    .venv/bin/python benchmarks/dyad_query.py --events 20000  # quick check
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import duckdb

from detente.relations.clusters import ensure_tables, rebuild_merged
from detente.relations.series import FACTUAL, SERIES_SQL, series_params
from detente.store.database import SCHEMA

COUNTRIES = [
    "RUS", "AZE", "ARM", "GEO", "TUR", "IRN", "KAZ", "UKR", "BLR", "USA", "CHN", "FRA", "DEU", "GBR",
    "ITA", "ESP", "POL", "ISR", "SAU", "ARE", "EGY", "IND", "PAK", "AFG", "JPN", "KOR", "PRK", "TKM",
    "UZB", "KGZ", "TJK", "MDA", "ROU", "BGR", "GRC", "SRB", "HUN", "FIN", "SWE", "NOR", "EST", "LVA",
    "LTU", "SYR", "IRQ", "JOR", "LBN", "QAT", "BRA", "MEX", "CAN", "AUS", "NGA", "ZAF", "ETH", "SDN",
    "EU", "UN", "NATO", "OSCE",
]  # fmt: skip
TYPES = [
    ("AGREE", "verbal_cooperation", 4.0, "diplomatic"),
    ("CONSULT", "verbal_cooperation", 2.5, "diplomatic"),
    ("SUPPORT", "verbal_cooperation", 5.0, "diplomatic"),
    ("CONCEDE", "verbal_cooperation", 5.0, "diplomatic"),
    ("COOPERATE", "material_cooperation", 9.5, "economic"),
    ("AID", "material_cooperation", 10.0, "economic"),
    ("RETREAT", "material_cooperation", 5.0, "legal_coercive"),
    ("REQUEST", "verbal_conflict", -1.0, "diplomatic"),
    ("ACCUSE", "verbal_conflict", -2.0, "diplomatic"),
    ("REJECT", "verbal_conflict", -4.0, "diplomatic"),
    ("THREATEN", "verbal_conflict", -6.0, "military"),
    ("PROTEST", "material_conflict", -6.5, "diplomatic"),
    ("SANCTION", "material_conflict", -6.0, "economic"),
    ("MOBILIZE", "material_conflict", -7.2, "military"),
    ("COERCE", "material_conflict", -7.0, "legal_coercive"),
    ("ASSAULT", "material_conflict", -9.0, "military"),
]


def _sql_list(values: list[str] | list[float]) -> str:
    return "[" + ", ".join(repr(v) if isinstance(v, str) else str(v) for v in values) + "]"


def build(con: duckdb.DuckDBPyConnection, n: int) -> None:
    """Fill ``events`` and ``event_clusters`` with ``n`` synthetic mentions (pairs report one event)."""
    con.execute(SCHEMA)
    ensure_tables(con)
    countries = _sql_list(COUNTRIES)
    types = _sql_list([t[0] for t in TYPES])
    quads = _sql_list([t[1] for t in TYPES])
    intensities = _sql_list([t[2] for t in TYPES])
    tracks = _sql_list([t[3] for t in TYPES])
    nc, nt = len(COUNTRIES), len(TYPES)
    # j: the event a mention reports; its attributes hash on j so both mentions of it agree.
    con.execute(
        f"""
        CREATE TEMP TABLE gen AS
        SELECT i, i // 2 AS j,
               (hash(i // 2) % {nc})::INT + 1 AS s,
               ((hash(i // 2) // {nc}) % {nc - 1})::INT + 1 AS t_off,
               (hash((i // 2) * 7 + 1) % {nt})::INT + 1 AS k,
               DATE '2015-01-01' + (i * 3650 // {n})::INT AS day,
               hash((i // 2) * 13 + 5) % 10 AS r
        FROM range({n}) r(i)
        """
    )
    con.execute(
        f"""
        INSERT INTO events
        SELECT 'e' || i, 'd' || (i // 4), 0, 'Synthetic sentence ' || j, 0, 5, 'trigger',
               list_element({types}, k), NULL, list_element({quads}, k), list_element({intensities}, k),
               'src', NULL, list_element({countries}, s), 'GOV', NULL,
               'tgt', NULL, list_element({countries}, ((s - 1 + t_off) % {nc}) + 1), 'GOV', NULL,
               CASE WHEN r = 0 THEN strftime(day, '%Y-%m') ELSE strftime(day, '%Y-%m-%d') END,
               CASE WHEN r = 0 THEN date_trunc('month', day)::DATE ELSE day END,
               CASE WHEN r = 0 THEN (date_trunc('month', day) + INTERVAL 1 MONTH - INTERVAL 1 DAY)::DATE
                    ELSE day END,
               CASE WHEN r = 0 THEN 'month' ELSE 'day' END, NULL,
               NULL, NULL, NULL, NULL, NULL,
               r = 9, CASE WHEN r = 8 THEN 'claimed' WHEN r = 7 THEN 'planned' ELSE 'asserted' END,
               NULL, NULL, NULL, NULL, NULL, 0.8, ['d' || (i // 4)], 'bench'
        FROM gen
        """
    )
    con.execute(
        f"""
        INSERT INTO event_clusters
        SELECT 'e' || i, 'e' || (j * 2), list_element({tracks}, k) FROM gen
        """
    )
    con.execute("DROP TABLE gen")


def median_ms(fn: Callable[[], object], runs: int) -> float:
    """Median wall time of ``fn`` over ``runs`` runs after one warm-up, in milliseconds."""
    fn()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


UNMERGED_SQL = """
WITH m AS (
    SELECT c.cluster_id, arg_max(e.date_start, e.confidence) AS date_start, arg_max(c.track, e.confidence) AS track,
           arg_max(e.quad_class, e.confidence) AS quad_class, arg_max(e.intensity, e.confidence) AS intensity
    FROM events e JOIN event_clusters c USING (event_id)
    WHERE least(e.source_country, e.target_country) = $lo AND greatest(e.source_country, e.target_country) = $hi
      AND NOT e.negated AND list_contains($modalities, e.modality) AND e.date_start IS NOT NULL
    GROUP BY c.cluster_id
)
SELECT date_trunc('month', date_start)::DATE AS period, track, quad_class, count(*), sum(intensity),
       list(cluster_id ORDER BY cluster_id)
FROM m GROUP BY ALL ORDER BY ALL
"""  # noqa: E501


def main() -> None:
    """Build the synthetic store, time the queries, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000_000, help="synthetic mentions to generate")
    parser.add_argument("--runs", type=int, default=15, help="timed runs per query (median reported)")
    parser.add_argument("--db", type=Path, help="DuckDB file to build (default: a temporary file)")
    parser.add_argument("--pair", nargs=2, default=["RUS", "AZE"], metavar=("A", "B"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = args.db or Path(tmp) / "bench.duckdb"
        if path.exists():
            path.unlink()
        con = duckdb.connect(str(path))
        start = time.perf_counter()
        build(con, args.events)
        built = time.perf_counter() - start
        start = time.perf_counter()
        rebuild_merged(con)
        merged_s = time.perf_counter() - start
        counts = con.execute(
            "SELECT (SELECT count(*) FROM events), (SELECT count(*) FROM merged_events)"
        ).fetchall()
        a, b = args.pair
        params = series_params(a, b, "month", directed=False, modalities=FACTUAL)
        rows = con.execute(SERIES_SQL, params).fetchall()
        series_ms = median_ms(lambda: con.execute(SERIES_SQL, params).fetchall(), args.runs)
        scan_ms = median_ms(
            lambda: con.execute("SELECT count(*), sum(intensity) FROM events").fetchall(), args.runs
        )
        unmerged_params = {"lo": min(a, b), "hi": max(a, b), "modalities": list(FACTUAL)}
        unmerged_ms = median_ms(
            lambda: con.execute(UNMERGED_SQL, unmerged_params).fetchall(), max(3, args.runs // 5)
        )
        in_pair = sum(int(r[3]) for r in rows)
        con.close()
    print(f"events (mentions): {counts[0][0]:,}  merged events: {counts[0][1]:,}")
    print(f"build: {built:.1f} s   merged_events rebuild (SQL, events JOIN event_clusters): {merged_s:.1f} s")
    print(f"dyad {a}-{b} monthly series: {len(rows)} cells, {in_pair} merged events")
    print(f"dyad series query (merged_events)   : {series_ms:8.1f} ms  (median of {args.runs})")
    print(f"baseline full scan count+sum(events): {scan_ms:8.1f} ms  (median of {args.runs})")
    print(f"baseline series from events JOIN clusters, no merged table: {unmerged_ms:8.1f} ms")
    print(f"ratio series / full scan: {series_ms / scan_ms:.2f}")
    print(f"ratio series / unmerged join: {series_ms / unmerged_ms:.3f}")
    print(f"target < 200 ms: {'met' if series_ms < 200 else 'NOT met'}")


if __name__ == "__main__":
    main()
