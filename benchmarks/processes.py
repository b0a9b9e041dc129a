"""Articles/s and words/s of the coder on 1 and 2 processes (``n_process``), in one run.

python benchmarks/processes.py [--articles N] [--processes 1 2] [--prefilter]
"""

from __future__ import annotations

import argparse
import os
import time

from detente.core import code_documents, load_pipeline
from detente.scale.corpus import cycled_articles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--processes", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--prefilter", action="store_true")
    parser.add_argument("--repeat", type=int, default=2, help="alternating runs; the best of each counts")
    args = parser.parse_args()

    pipeline = load_pipeline()
    articles = list(cycled_articles(args.articles, prefix="bench"))
    words = sum(len(a.text.split()) for a in articles)
    list(code_documents(articles[:4], pipeline, prefilter=args.prefilter))  # warm up
    rates: dict[int, float] = {}
    for _ in range(args.repeat):  # alternating runs, best of each (the machine may be shared)
        for n in args.processes:
            start = time.perf_counter()
            coded = code_documents(
                articles, pipeline, batch_size=args.batch_size, n_process=n, prefilter=args.prefilter
            )
            events = sum(len(c.events) for c in coded)
            rates[n] = max(rates.get(n, 0.0), len(articles) / (time.perf_counter() - start))
    for n in args.processes:
        print(
            f"n_process={n}: {rates[n]:7.1f} articles/s {words * rates[n] / len(articles):9.0f} words/s "
            f"({len(articles)} articles, {events} events)"
        )
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs (other jobs slow the larger n)")
    first = args.processes[0]
    for n in args.processes[1:]:
        print(f"speed-up n_process={n} / n_process={first}: {rates[n] / rates[first]:.2f}")


if __name__ == "__main__":
    main()
