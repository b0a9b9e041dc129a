"""Coder vs bare spaCy full parse on the same texts, with and without the prefilter, in one run.

    python benchmarks/coder_vs_parse.py [--articles N] [--batch-size B] [--profile FILE.html]

Times (1) ``nlp.pipe`` alone (the full parse), (2) ``code_documents`` (parse + coding) and
(3) ``code_documents(prefilter=True)`` over the same N articles cycled from the demo corpus, and
prints throughput ratios against (1): goals ≥ 0.8 without the prefilter, ≥ 2.0 with it.
``--profile`` writes a pyinstrument profile of the prefiltered run.

It also prints where the prefiltered run spends its time (first pass, parse of the kept text,
coding), the share of tokens the prefilter leaves to the parser, the share of tokens in sentences
that hold an event (no sentence filter that keeps every event can parse less: its inverse bounds
the ratio), and how the prefiltered events compare with the unfiltered ones on the demo corpus.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from typing import TypeVar

from detente.coding.coder import code_parsed
from detente.core import Pipeline, code_documents, load_pipeline
from detente.models import Article
from detente.scale.corpus import cycled_articles, demo_articles
from detente.scale.prefilter import agreement, prefilter_for

T = TypeVar("T")


def stages(articles: list[Article], pipeline: Pipeline, batch_size: int) -> None:
    """CPU seconds of each stage, with and without the prefilter, and the token shares."""
    nlp, context = pipeline.nlp, pipeline.context
    prefilter = prefilter_for(pipeline)
    texts = [a.text for a in articles]

    def clock(run: Callable[[], list[T]]) -> tuple[list[T], float]:
        start = time.process_time()
        out = run()
        return out, time.process_time() - start

    selections, t_select = clock(lambda: [prefilter.select(t) for t in texts])
    full, t_parse = clock(lambda: list(nlp.pipe(texts, batch_size=batch_size)))
    kept, t_parse_kept = clock(lambda: list(nlp.pipe([s.text for s in selections], batch_size=batch_size)))
    coded, t_code = clock(lambda: [code_parsed(a, d, context) for a, d in zip(articles, full, strict=True)])
    _, t_code_kept = clock(lambda: [code_parsed(a, d, context) for a, d in zip(articles, kept, strict=True)])
    tokens = sum(len(d) for d in full)
    kept_tokens = sum(u.end - u.start for s in selections for u in s.units if u.keep)
    event_tokens = 0
    for doc, events in zip(full, coded, strict=True):
        held = {e.sentence_index for e in events}
        event_tokens += sum(len(sent) for i, sent in enumerate(doc.sents) if i in held)
    sentences = sum(len(s.units) for s in selections)
    print("CPU seconds by stage (one pass each):")
    print(f"  without prefilter: parse {t_parse:.2f}  coding {t_code:.2f}")
    print(
        f"  with prefilter:    first pass {t_select:.2f}  parse of kept text {t_parse_kept:.2f}  "
        f"coding {t_code_kept:.2f}"
    )
    print(
        f"sentences kept {sum(s.kept for s in selections)}/{sentences}; "
        f"tokens kept {kept_tokens / tokens:.2f}; "
        f"tokens in sentences holding an event {event_tokens / tokens:.2f} "
        f"(bound on the parse speed-up of any sentence filter: {tokens / event_tokens:.2f})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--repeat", type=int, default=3, help="alternating runs; the best of each counts")
    parser.add_argument("--profile", default=None, help="write a pyinstrument HTML profile here")
    args = parser.parse_args()

    pipeline = load_pipeline()
    articles = list(cycled_articles(args.articles, prefix="bench"))
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)
    list(pipeline.nlp.pipe(texts[:8]))  # warm up
    list(code_documents(articles[:8], pipeline, prefilter=True))  # builds the prefilter

    def bare() -> int:
        return sum(1 for _ in pipeline.nlp.pipe(texts, batch_size=args.batch_size))

    def coder() -> int:
        return sum(len(c.events) for c in code_documents(articles, pipeline, batch_size=args.batch_size))

    def filtered() -> int:
        coded = code_documents(articles, pipeline, batch_size=args.batch_size, prefilter=True)
        return sum(len(c.events) for c in coded)

    # the variants alternate, each best of --repeat runs: a machine shared with other jobs slows
    # every variant alike instead of the one that happened to run during a busy spell
    best: dict[str, float] = {}
    counts: dict[str, int] = {}
    for _ in range(args.repeat):
        for name, run in (("bare", bare), ("coder", coder), ("prefilter", filtered)):
            start = time.perf_counter()
            counts[name] = run()
            best[name] = min(best.get(name, float("inf")), time.perf_counter() - start)
    events, kept = counts["coder"], counts["prefilter"]

    profiler = None
    if args.profile:
        from pyinstrument import Profiler

        profiler = Profiler()
        profiler.start()
        filtered()
        coder()
        profiler.stop()
        with open(args.profile, "w", encoding="utf-8") as handle:
            handle.write(profiler.output_html())
        print(profiler.output_text(unicode=False, color=False)[:8000])

    print(f"articles: {len(articles)}  words: {words}  events: {events}  events with prefilter: {kept}")
    labels = {"bare": "bare spaCy parse", "coder": "coder", "prefilter": "coder + prefilter"}
    for name, seconds in best.items():
        print(f"{labels[name]:18}: {len(articles) / seconds:8.1f} articles/s {words / seconds:9.0f} words/s")
    print(f"ratio coder/bare throughput: {best['bare'] / best['coder']:.2f}  (goal >= 0.8)")
    print(f"ratio coder+prefilter/bare throughput: {best['bare'] / best['prefilter']:.2f}  (goal >= 2.0)")
    stages(articles, pipeline, args.batch_size)
    print("demo corpus, prefiltered vs unfiltered events:", agreement(demo_articles(), pipeline).as_text())


if __name__ == "__main__":
    main()
