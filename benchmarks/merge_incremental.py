"""Benchmark: incremental merge of a new batch of events against a full rebuild, in the same run.

Builds a synthetic store (default 200,000 mentions; two mentions report each event, with wording
that differs a little; dates spread over ten years) with SQL ``range()``, merges all but the newest
``--batch`` mentions, then adds the batch and times ``merge_store`` (incremental: only the stretches the
batch touches are clustered again) against ``merge_store(full=True)`` over the same events, and
checks that both give the same ``event_clusters`` and ``merged_events``.

    .venv/bin/python benchmarks/merge_incremental.py                      # 200k mentions, batch 1,000
    .venv/bin/python benchmarks/merge_incremental.py --events 20000 --batch 200
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from detente.relations.clusters import merge_store
from detente.store import Store

COUNTRIES = [
    "RUS", "AZE", "ARM", "GEO", "TUR", "IRN", "KAZ", "UKR", "BLR", "USA", "CHN", "FRA", "DEU", "GBR",
    "POL", "ISR", "UZB", "TKM", "KGZ", "TJK", "EU", "UN", "NATO", "OSCE",
]  # fmt: skip
TYPES = [
    ("AGREE", "verbal_cooperation", 4.0),
    ("CONSULT", "verbal_cooperation", 2.5),
    ("SUPPORT", "verbal_cooperation", 5.0),
    ("COOPERATE", "material_cooperation", 9.5),
    ("AID", "material_cooperation", 10.0),
    ("REQUEST", "verbal_conflict", -1.0),
    ("ACCUSE", "verbal_conflict", -2.0),
    ("REJECT", "verbal_conflict", -4.0),
    ("SANCTION", "material_conflict", -6.0),
    ("COERCE", "material_conflict", -7.0),
    ("ASSAULT", "material_conflict", -9.0),
]
VERBS = ["met", "detained", "accused", "signed with", "warned", "praised", "raided", "called", "sanctioned"]
OBJECTS = ["ministers", "traders", "journalists", "students", "diplomats", "officials", "workers", "envoys"]
PLACES = ["the capital", "the border", "the port", "the north", "the south", "the airport", "the coast"]


def _sql_list(values: list[str] | list[float]) -> str:
    return "[" + ", ".join(repr(v) if isinstance(v, str) else str(v) for v in values) + "]"


def build(store: Store, n: int) -> None:
    """Fill ``events`` with ``n`` synthetic mentions: ``e{i}`` reports event ``i // 2``."""
    nc, nt = len(COUNTRIES), len(TYPES)
    store.con.execute(
        f"""
        INSERT INTO events
        WITH gen AS (
            SELECT i, i // 2 AS j,
                   (hash(i // 2) % {nc})::INT + 1 AS s,
                   ((hash(i // 2) // {nc}) % {nc - 1})::INT + 1 AS t_off,
                   (hash((i // 2) * 7 + 1) % {nt})::INT + 1 AS k,
                   DATE '2016-01-01' + ((i // 2) * 3650 // {max(1, n // 2)})::INT AS day,
                   hash((i // 2) * 13 + 5) % 10 AS r
            FROM range({n}) r(i)
        )
        SELECT 'e' || lpad(i::VARCHAR, 9, '0'), 'd' || (i // 4), 0,
               list_element({_sql_list(VERBS)}, (hash(j * 3) % {len(VERBS)})::INT + 1) || ' '
                 || list_element({_sql_list(OBJECTS)}, (hash(j * 5) % {len(OBJECTS)})::INT + 1) || ' near '
                 || list_element({_sql_list(PLACES)}, (hash(j * 11) % {len(PLACES)})::INT + 1)
                 || CASE WHEN i % 2 = 1 THEN ', officials said' ELSE '' END,
               0, 5, 'trigger',
               list_element({_sql_list([t[0] for t in TYPES])}, k), NULL,
               list_element({_sql_list([t[1] for t in TYPES])}, k),
               list_element({_sql_list([t[2] for t in TYPES])}, k),
               'src', NULL, list_element({_sql_list(COUNTRIES)}, s), 'GOV', NULL,
               'tgt', NULL, list_element({_sql_list(COUNTRIES)}, ((s - 1 + t_off) % {nc}) + 1), 'GOV', NULL,
               CASE WHEN r = 0 THEN strftime(day, '%Y-%m') ELSE strftime(day, '%Y-%m-%d') END,
               CASE WHEN r = 0 THEN date_trunc('month', day)::DATE ELSE day END,
               CASE WHEN r = 0 THEN (date_trunc('month', day) + INTERVAL 1 MONTH - INTERVAL 1 DAY)::DATE
                    ELSE day END,
               CASE WHEN r = 0 THEN 'month' ELSE 'day' END, NULL,
               NULL, NULL, NULL, NULL, NULL,
               r = 9, CASE WHEN r = 8 THEN 'claimed' ELSE 'asserted' END,
               NULL, NULL, NULL, NULL, NULL, 0.8, ['d' || (i // 4)], 'bench'
        FROM gen
        """
    )


def snapshot(store: Store) -> tuple[int, int]:
    """A checksum of ``event_clusters`` and ``merged_events`` (order-independent)."""
    a = store.con.execute("SELECT sum(hash(event_id, cluster_id, track)) FROM event_clusters").fetchall()[0][
        0
    ]
    b = store.con.execute(
        "SELECT sum(hash(cluster_id, a, b, event_type, date, track, sentence, n_sources, "
        "event_ids::VARCHAR)) FROM merged_events"
    ).fetchall()[0][0]
    return int(a or 0), int(b or 0)


def main() -> None:
    """Build, merge, add a batch, time incremental against full, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=200_000, help="synthetic mentions in all")
    parser.add_argument(
        "--batch", type=int, default=1_000, help="newest mentions added after the first merge"
    )
    args = parser.parse_args()
    if not 0 < args.batch < args.events:
        parser.error("--batch must be between 1 and --events - 1")
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "bench.duckdb") as store:
        start = time.perf_counter()
        build(store, args.events)
        built = time.perf_counter() - start
        # the batch: the newest mentions (by date), as a new day's ingest would bring
        store.con.execute(
            "CREATE TABLE later AS SELECT * FROM events ORDER BY date_start DESC, event_id LIMIT ?",
            [args.batch],
        )
        store.con.execute("DELETE FROM events WHERE event_id IN (SELECT event_id FROM later)")
        start = time.perf_counter()
        first = merge_store(store)
        first_s = time.perf_counter() - start
        store.con.execute("INSERT INTO events SELECT * FROM later")
        start = time.perf_counter()
        incremental = merge_store(store)
        incremental_s = time.perf_counter() - start
        after_incremental = snapshot(store)
        start = time.perf_counter()
        full = merge_store(store, full=True)
        full_s = time.perf_counter() - start
        same = snapshot(store) == after_incremental
    print(f"events (mentions): {args.events:,}  batch: {args.batch:,}  build: {built:.1f} s")
    print(f"first merge ({first.mentions:,} mentions, full): {first_s:.2f} s")
    print(
        f"incremental merge of the batch: {incremental_s:.3f} s "
        f"({incremental.reclustered:,} mentions of the touched stretches clustered again)"
    )
    print(
        f"full rebuild over all {full.mentions:,} mentions: {full_s:.2f} s  ({full.clusters:,} merged events)"
    )
    print(f"speed-up full / incremental: {full_s / incremental_s:.1f}x")
    print(f"incremental tables equal full rebuild: {'yes' if same else 'NO'}")
    if not same:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
