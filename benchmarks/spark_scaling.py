"""Spark local[2] vs local[1] on the same input, in one run (goal: local[2] ≥ 1.6× faster).

    SPARK_LOCAL_IP=127.0.0.1 python benchmarks/spark_scaling.py [--articles N] [--partitions P]

Writes N articles cycled from the demo corpus to a JSONL file, then runs the Spark job
(:func:`detente.scale.spark_job.run_job`) on ``local[1]`` and on ``local[2]``, each in a fresh
Spark session, and prints the wall time of each job (session start excluded; the spaCy pipeline
loads inside the job, once per Python worker) and the speed-up.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

from detente.scale.corpus import write_jsonl
from detente.scale.spark_job import JobOptions, run_job, spark_session


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--partitions", type=int, default=4)
    parser.add_argument("--masters", nargs="+", default=["local[1]", "local[2]"])
    parser.add_argument("--prefilter", action="store_true")
    args = parser.parse_args()
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")

    seconds: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        source = write_jsonl(Path(tmp) / "articles.jsonl", args.articles, prefix="spark")
        for master in args.masters:
            spark = spark_session(master)
            spark.sparkContext.setLogLevel("ERROR")
            try:
                start = time.perf_counter()
                result = run_job(
                    spark,
                    str(source),
                    str(Path(tmp) / f"out-{master}"),
                    partitions=args.partitions,
                    options=JobOptions(prefilter=args.prefilter),
                )
                seconds[master] = time.perf_counter() - start
            finally:
                spark.stop()
            print(
                f"{master}: {result.articles} articles, {result.events} events, {result.claims} claims in "
                f"{seconds[master]:.1f} s ({result.articles / seconds[master]:.1f} articles/s; load average "
                f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs)",
                flush=True,
            )
    first, last = args.masters[0], args.masters[-1]
    print(f"speed-up {last} / {first}: {seconds[first] / seconds[last]:.2f} (goal >= 1.6)")


if __name__ == "__main__":
    main()
