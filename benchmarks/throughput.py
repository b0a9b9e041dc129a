"""Throughput of Detente's coder against a bare spaCy parse of the same texts, in the same run.

    python benchmarks/throughput.py [--articles N] [--batch-size B]

Builds N articles from the bundled demo corpus (cycled), then times (1) ``nlp.pipe`` alone and
(2) ``code_documents`` (parse + coding) over the same texts. Prints articles/s, words/s, the ratio
coder/bare (1.0 = coding costs nothing beyond the parse) and the peak resident memory.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time

from detente.api import good_articles
from detente.core import code_documents, load_pipeline
from detente.data_files import data_path
from detente.models import Article


def corpus(n: int) -> list[Article]:
    """``n`` articles cycled from the demo corpus; each copy gets a distinct id."""
    base = list(good_articles([str(data_path("demo"))]))
    return [base[i % len(base)].model_copy(update={"doc_id": f"bench-{i}"}) for i in range(n)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--batch-size", type=int, default=32)
    args = parser.parse_args()

    pipeline = load_pipeline()
    articles = corpus(args.articles)
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)
    for _ in pipeline.nlp.pipe(texts[:8]):  # warm up
        pass

    start = time.perf_counter()
    for _ in pipeline.nlp.pipe(texts, batch_size=args.batch_size):
        pass
    bare = time.perf_counter() - start

    start = time.perf_counter()
    events = sum(len(c.events) for c in code_documents(articles, pipeline, batch_size=args.batch_size))
    coded = time.perf_counter() - start

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"articles: {len(articles)}  words: {words}  events: {events}")
    print(f"bare spaCy parse : {len(articles) / bare:8.1f} articles/s {words / bare:9.0f} words/s")
    print(f"detente coder    : {len(articles) / coded:8.1f} articles/s {words / coded:9.0f} words/s")
    print(f"ratio coder/bare throughput: {bare / coded:.2f}")
    print(f"peak RSS: {peak_mb:.0f} MB")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
