"""Peak memory (ru_maxrss) of streaming coding for growing corpora: it should stay flat.

    python benchmarks/memory.py [--sizes 1000 10000 50000] [--prefilter]

Each size runs in a fresh subprocess that streams N articles (cycled from the demo corpus, written
to a JSONL file first, read back with ``read_articles``) through ``code_documents`` and reports its
own peak RSS. The ratio largest/smallest is printed (1.0 = flat).
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def child(path: str, prefilter: bool) -> None:
    """Code every article of ``path``, streamed; print count, seconds and peak RSS in MB."""
    from detente.api import code_paths
    from detente.core import load_pipeline

    pipeline = load_pipeline()
    start = time.perf_counter()
    if prefilter:
        from detente.api import good_articles
        from detente.core import code_documents

        events = sum(len(c.events) for c in code_documents(good_articles([path]), pipeline, prefilter=True))
    else:
        events = sum(1 for _ in code_paths([path], pipeline))
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{events} {seconds:.1f} {peak:.0f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 50000])
    parser.add_argument("--prefilter", action="store_true")
    parser.add_argument("--child", default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.prefilter)
        return

    from detente.scale.corpus import write_jsonl

    peaks: dict[int, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            path = write_jsonl(Path(tmp) / f"articles-{size}.jsonl", size, prefix=f"mem{size}")
            command = [sys.executable, __file__, "--child", str(path)] + (
                ["--prefilter"] if args.prefilter else []
            )
            out = subprocess.run(command, check=True, capture_output=True, text=True).stdout.split()
            events, seconds, peak = int(out[-3]), float(out[-2]), float(out[-1])
            peaks[size] = peak
            print(
                f"{size:>7} articles: {events:>8} events in {seconds:8.1f} s, peak RSS {peak:6.0f} MB",
                flush=True,
            )
    smallest, largest = min(peaks), max(peaks)
    print(
        f"peak RSS ratio {largest}/{smallest} articles: {peaks[largest] / peaks[smallest]:.2f} (1.0 = flat)"
    )


if __name__ == "__main__":
    main()
