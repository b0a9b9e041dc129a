"""Benchmark: latency of the web app's main endpoints over a synthetic store of N events (default 1M).

Builds the store with ``dyad_query.build`` (events and their clusters, pairs of mentions per event),
adds one synthetic article per four mentions (with its sentence), the actors, ``merged_events`` and an
empty claims table, then calls each endpoint in process through ``TestClient`` (routing, SQL, JSON or
HTML rendering included; no network). Each endpoint's first call is printed apart: the dyad page's
chart spec and the contested incidents are cached until the next ingest, so later calls are cheaper.
Baselines measured in the same run: a full scan of ``events`` (``count(*)``, ``sum(intensity)``) and
the raw SQL of the first events page.

    .venv/bin/python benchmarks/web_queries.py                  # 1M events
    .venv/bin/python benchmarks/web_queries.py --events 20000   # quick check
"""

from __future__ import annotations

import argparse
import tempfile
import time
import warnings
from pathlib import Path

import duckdb
from dyad_query import COUNTRIES, build, median_ms

from detente.claims.storage import CLAIMS_SCHEMA
from detente.relations.clusters import knowledge_versions, rebuild_merged


def add_articles(con: duckdb.DuckDBPyConnection, n: int) -> None:
    """Articles 'd<k>' for the mentions 'e<4k>'..'e<4k+3>' (they report events 2k and 2k+1), their first
    sentence, the actors, a merge run with today's knowledge versions, and an empty claims table."""
    docs = n // 4 + 1
    con.execute(
        f"""
        INSERT INTO articles
        SELECT 'd' || k, 'h' || k, 'Synthetic article ' || k,
               DATE '2015-01-01' + (k * 4 * 3650 // {n})::INT, 'Outlet ' || (k % 50), NULL, 'en', 'bench',
               'Synthetic sentence ' || (2 * k) || '. Synthetic sentence ' || (2 * k + 1) || '.',
               'bench', now()::TIMESTAMP
        FROM range({docs}) r(k)
        """
    )
    con.execute(
        "INSERT INTO sentences "
        "SELECT doc_id, 0, 0, strpos(text, '.'), substr(text, 1, strpos(text, '.') - 1) FROM articles"
    )
    con.execute(
        "INSERT INTO actors SELECT c || '|GOV|src', NULL, c, c, 'GOV', 'src' FROM unnest(?) t(c)", [COUNTRIES]
    )
    rebuild_merged(con)
    con.execute(
        "INSERT INTO merge_runs SELECT now()::TIMESTAMP, (SELECT count(*) FROM events), "
        "(SELECT count(*) FROM merged_events), ?",
        [knowledge_versions()],
    )
    con.execute(CLAIMS_SCHEMA)


def main() -> None:
    """Build the store, time the endpoints, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000, help="synthetic mentions to generate")
    parser.add_argument("--runs", type=int, default=10, help="timed runs per endpoint (median reported)")
    parser.add_argument("--db", type=Path, help="DuckDB file to build (default: a temporary file)")
    args = parser.parse_args()
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

    from detente.web.app import create_app

    with tempfile.TemporaryDirectory() as tmp:
        path = args.db or Path(tmp) / "web-bench.duckdb"
        if path.exists():
            path.unlink()
        con = duckdb.connect(str(path))
        start = time.perf_counter()
        build(con, args.events)
        add_articles(con, args.events)
        built = time.perf_counter() - start
        counts = con.execute(
            "SELECT (SELECT count(*) FROM events), (SELECT count(*) FROM merged_events), "
            "(SELECT count(*) FROM articles)"
        ).fetchall()[0]
        con.close()

        start = time.perf_counter()
        app = create_app(path)
        opened = time.perf_counter() - start
        client = TestClient(app)
        cur = app.state.detente.con.cursor()
        scan_ms = median_ms(
            lambda: cur.execute("SELECT count(*), sum(intensity) FROM events").fetchall(), args.runs
        )
        raw_ms = median_ms(
            lambda: cur.execute(
                "SELECT * FROM events ORDER BY date_start NULLS LAST, event_id LIMIT 50"
            ).fetchall(),
            args.runs,
        )
        event_id = cur.execute("SELECT event_id FROM events ORDER BY event_id LIMIT 1 OFFSET 777").fetchall()[
            0
        ][0]
        deep = max(0, counts[0] - 100)
        endpoints = [
            "/api/events?limit=50",
            "/api/events?a=RUS&b=AZE&limit=50",
            "/api/events?a=RUS&b=AZE&directed=true&type=ASSAULT&since=2020-01-01&until=2020-12-31",
            "/api/events?track=military&limit=50",
            "/api/events?q=sentence%2012345&limit=50",
            f"/api/events?limit=50&offset={deep}",
            f"/api/events/{event_id}",
            "/api/articles?limit=50",
            "/api/articles/d1234",
            "/api/dyads?limit=50",
            "/api/dyads/RUS/AZE/series?freq=month",
            "/api/dyads/RUS/AZE/timeline?limit=50",
            "/api/actors?q=RUS",
            "/api/contested",
            "/",
            "/dyads/RUS/AZE",
            f"/events/{event_id}",
            "/articles/d1234",
            "/search?q=sentence%2012345",
        ]
        results = []
        for url in endpoints:
            start = time.perf_counter()
            response = client.get(url)
            first = (time.perf_counter() - start) * 1000  # cold: before the chart/contested cache fills
            assert response.status_code == 200, (url, response.status_code, response.text[:300])
            median = median_ms(lambda url=url: client.get(url), args.runs)
            results.append((url, first, median, len(response.content)))
        cur.close()
        app.state.detente.con.close()
    print(f"events (mentions): {counts[0]:,}  merged events: {counts[1]:,}  articles: {counts[2]:,}")
    print(f"build: {built:.1f} s   create_app (opens read-only after its freshness check): {opened:.2f} s")
    print(f"baseline full scan count+sum(events): {scan_ms:8.1f} ms")
    print(f"baseline raw SQL of the first events page (ORDER BY date LIMIT 50): {raw_ms:8.1f} ms")
    print(f"{'endpoint':<88} {'first ms':>9} {'median ms':>9} {'/scan':>6} {'bytes':>9}")
    for url, first, ms, size in results:
        print(f"{url:<88} {first:9.1f} {ms:9.1f} {ms / scan_ms:6.2f} {size:9,}")


if __name__ == "__main__":
    main()
