"""Benchmark: a bounded load test of the REST API on loopback.

Starts ``detente serve`` in a subprocess over a store (the bundled demo corpus ingested into a temporary
file by default; ``--db`` serves another), then makes ``--requests`` GETs (default 2,000) with
``--concurrency`` in flight (default 20) across the API: events with dyad, type and date filters and
paging, the dyad ranking, series, timelines, single events, contested incidents and actors. It prints
the number of errors (any non-2xx answer or exception), p50/p95/p99 latency, requests per second, and
the ratio against a baseline measured in the same run: the first ``--baseline`` requests of the same
mix made one at a time over one connection, half before the load and half after it (so a drift in what
else the machine runs weighs on both). Exits 1 when any request failed.

Client and server share the machine's cores, so the figures are a floor for the server alone.

    .venv/bin/python benchmarks/web_load.py
    .venv/bin/python benchmarks/web_load.py --db big.duckdb --requests 5000 --concurrency 50
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

HOST = "127.0.0.1"


@dataclass(frozen=True)
class Result:
    """One request: which kind, how long it took (seconds), and the error if it failed."""

    kind: str
    seconds: float
    error: str | None


def ingest_demo(path: Path) -> None:
    """Ingest the bundled demo corpus into a new store at ``path`` (loads spaCy)."""
    from detente.api import good_articles, ingest_articles
    from detente.core import load_pipeline
    from detente.data_files import data_path
    from detente.store import Store

    problems: list[str] = []
    articles = list(good_articles([str(data_path("demo"))], on_error=lambda exc: problems.append(str(exc))))
    if problems:
        raise SystemExit(f"web_load: the demo corpus has bad articles: {problems}")
    with Store(path) as store:
        stats = ingest_articles(articles, store, load_pipeline())
    print(f"demo corpus: {stats.articles_added} articles, {stats.events_added} events -> {path}")


def free_port() -> int:
    """A port that was free on loopback a moment ago."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        port: int = sock.getsockname()[1]
        return port


@contextmanager
def serve(db: Path, log: Path, startup_timeout: float = 90.0) -> Iterator[str]:
    """Run ``detente serve`` over ``db`` on a free port; yield its base URL; stop it at the end."""
    port = free_port()
    command = [sys.executable, "-m", "detente", "serve", "--db", str(db), "--host", HOST, "--port", str(port)]
    url = f"http://{HOST}:{port}"
    with log.open("wb") as sink:
        proc = subprocess.Popen(command, stdout=sink, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + startup_timeout
        while True:
            if proc.poll() is not None:
                raise SystemExit(f"web_load: the server exited ({proc.returncode}):\n{log.read_text()}")
            try:
                if httpx.get(f"{url}/api/dyads", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise SystemExit(f"web_load: the server did not answer in {startup_timeout:.0f} s")
            time.sleep(0.2)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def request_mix(url: str, n: int, seed: int) -> list[tuple[str, str]]:
    """``n`` (kind, path) pairs drawn over the API, with dyads and event ids read from the server."""
    dyads = [(d["a"], d["b"]) for d in _get(url, "/api/dyads?limit=100")["items"]]
    events = _get(url, "/api/events?limit=500")["items"]
    if not dyads or not events:
        raise SystemExit("web_load: the store has no dyads or no events to query")
    ids = [e["event_id"] for e in events]
    types = sorted({e["event_type"] for e in events})
    months = sorted({e["date"][:7] for e in events if re.match(r"\d{4}-\d\d", e.get("date") or "")}) or [
        "2025-01"
    ]
    rng = random.Random(seed)

    def dyad() -> tuple[str, str]:
        return rng.choice(dyads[:10])

    def one() -> tuple[str, str]:
        kind = rng.choice(KINDS)
        if kind == "events_dyad":
            a, b = dyad()
            return kind, f"/api/events?a={a}&b={b}&limit=20&offset={rng.choice((0, 20, 40))}"
        if kind == "events_page":
            return kind, f"/api/events?limit=50&offset={rng.randrange(0, max(1, len(ids)), 25)}"
        if kind == "events_type":
            return kind, f"/api/events?type={rng.choice(types)}&limit=20"
        if kind == "events_since":
            month = rng.choice(months)
            return kind, f"/api/events?since={month}-01&limit=50"
        if kind == "dyads":
            return kind, "/api/dyads"
        if kind == "series":
            a, b = dyad()
            return kind, f"/api/dyads/{a}/{b}/series?freq={rng.choice(('month', 'week'))}"
        if kind == "timeline":
            a, b = dyad()
            return kind, f"/api/dyads/{a}/{b}/timeline"
        if kind == "event":
            return kind, f"/api/events/{rng.choice(ids)}"
        if kind == "contested":
            return kind, "/api/contested"
        return kind, f"/api/actors?q={rng.choice(('rus', 'aze', 'minist', 'arm'))}"

    return [one() for _ in range(n)]


KINDS = (
    "events_dyad",
    "events_dyad",
    "events_page",
    "events_type",
    "events_since",
    "dyads",
    "series",
    "series",
    "timeline",
    "timeline",
    "event",
    "event",
    "contested",
    "actors",
)
"""Request kinds, repeated by weight (the dyad views and single events are what the pages ask most)."""


def _get(url: str, path: str) -> Any:
    response = httpx.get(url + path, timeout=30)
    response.raise_for_status()
    return response.json()


async def _one(client: httpx.AsyncClient, kind: str, path: str) -> Result:
    start = time.perf_counter()
    try:
        response = await client.get(path)
        await response.aread()
        error = None if 200 <= response.status_code < 300 else f"{path}: HTTP {response.status_code}"
    except httpx.HTTPError as exc:
        error = f"{path}: {type(exc).__name__}: {exc}"
    return Result(kind, time.perf_counter() - start, error)


async def run(url: str, mix: list[tuple[str, str]], concurrency: int) -> tuple[list[Result], float]:
    """Make every request of ``mix`` with ``concurrency`` in flight; return the results and wall seconds."""
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    queue = iter(mix)
    results: list[Result] = []

    async with httpx.AsyncClient(base_url=url, limits=limits, timeout=60) as client:

        async def worker() -> None:
            for kind, path in queue:  # one shared iterator: each request is taken once
                results.append(await _one(client, kind, path))

        start = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        return results, time.perf_counter() - start


def percentile(values: list[float], q: float) -> float:
    """The ``q``-th percentile (0-100), nearest rank."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * len(ordered)) - 1))]


def describe(label: str, results: list[Result], seconds: float) -> dict[str, float]:
    """Print one summary line and return its figures."""
    ms = [r.seconds * 1000 for r in results]
    figures = {
        "n": len(results),
        "errors": sum(r.error is not None for r in results),
        "p50": percentile(ms, 50),
        "p95": percentile(ms, 95),
        "p99": percentile(ms, 99),
        "rps": len(results) / seconds,
    }
    print(
        f"{label:<34} {figures['n']:>6.0f} req  {figures['errors']:>4.0f} errors  "
        f"p50 {figures['p50']:7.1f} ms  p95 {figures['p95']:7.1f} ms  p99 {figures['p99']:7.1f} ms  "
        f"{figures['rps']:7.1f} req/s  ({seconds:.1f} s)"
    )
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description="A bounded load test of the REST API on loopback.")
    parser.add_argument("--db", type=Path, help="serve this store instead of a fresh demo-corpus store")
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=20)
    parser.add_argument("--baseline", type=int, default=300, help="sequential requests for the baseline")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    if args.requests < 1 or args.concurrency < 1 or args.baseline < 1:
        parser.error("--requests, --concurrency and --baseline must be positive")

    with tempfile.TemporaryDirectory(prefix="detente-web-load-") as tmp:
        db = args.db
        if db is None:
            db = Path(tmp) / "demo.duckdb"
            ingest_demo(db)
        elif not db.exists():
            parser.error(f"--db {db}: no such file")
        with serve(db, Path(tmp) / "server.log") as url:
            mix = request_mix(url, args.requests, args.seed)
            warm = dict(mix)  # one request of each kind first
            asyncio.run(run(url, list(warm.items()), 1))
            half = args.baseline // 2
            before, before_seconds = asyncio.run(run(url, mix[:half], 1))
            results, seconds = asyncio.run(run(url, mix, args.concurrency))
            after, after_seconds = asyncio.run(run(url, mix[half : args.baseline], 1))
            base_results, base_seconds = before + after, before_seconds + after_seconds

    print(f"server: detente serve on loopback; cpu count {os.cpu_count()}; client in the same machine")
    base = describe("baseline: sequential, 1 connection", base_results, base_seconds)
    load = describe(f"load: {args.concurrency} concurrent", results, seconds)
    print(
        f"ratio load/baseline: throughput x{load['rps'] / base['rps']:.2f}, "
        f"p50 latency x{load['p50'] / base['p50']:.2f}"
    )
    print("per kind under load:")
    by_kind: dict[str, list[Result]] = defaultdict(list)
    for result in results:
        by_kind[result.kind].append(result)
    for kind in sorted(by_kind):
        ms = [r.seconds * 1000 for r in by_kind[kind]]
        failed = sum(r.error is not None for r in by_kind[kind])
        print(
            f"  {kind:<13} {len(ms):>5} req  {failed:>3} errors  median {statistics.median(ms):7.1f} ms  "
            f"p95 {percentile(ms, 95):7.1f} ms"
        )
    errors = [r.error for r in [*base_results, *results] if r.error]
    for error in errors[:10]:
        print(f"error: {error}")
    print(f"errors: {len(errors)}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
