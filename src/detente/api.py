"""The Python API behind the CLI (and, later, the web and Spark layers): read, code, store.

Each function takes callbacks instead of printing, so every shell around it decides how to report.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TextIO

from detente.core import CodedDocument, Pipeline, code_documents
from detente.errors import ArticleError
from detente.ingest import read_articles
from detente.models import Article, Event
from detente.store import IngestStats, Store

ErrorHandler = Callable[[ArticleError], None]
ProgressHandler = Callable[[int], None]


def good_articles(
    paths: Sequence[str | Path],
    *,
    published: dt.date | None = None,
    stdin: TextIO | None = None,
    on_error: ErrorHandler | None = None,
) -> Iterator[Article]:
    """The readable articles under ``paths``; every bad input goes to ``on_error``."""
    for item in read_articles(paths, published=published, stdin=stdin):
        if isinstance(item, ArticleError):
            if on_error is not None:
                on_error(item)
        else:
            yield item


def code_paths(
    paths: Sequence[str | Path],
    pipeline: Pipeline,
    *,
    published: dt.date | None = None,
    stdin: TextIO | None = None,
    on_error: ErrorHandler | None = None,
    on_progress: ProgressHandler | None = None,
    n_process: int = 1,
) -> Iterator[Event]:
    """Events of every article under ``paths`` (nothing is stored)."""
    articles = good_articles(paths, published=published, stdin=stdin, on_error=on_error)
    for coded in code_documents(articles, pipeline, n_process=n_process):
        if on_progress is not None:
            on_progress(1)
        yield from coded.events


def ingest_articles(
    articles: Iterable[Article],
    store: Store,
    pipeline: Pipeline,
    *,
    on_progress: ProgressHandler | None = None,
    batch_size: int = 64,
    n_process: int = 1,
) -> IngestStats:
    """Code and store ``articles``; articles already stored (same text) are skipped before coding."""
    stats = IngestStats()

    def fresh() -> Iterator[Article]:
        chunk: list[Article] = []
        for article in articles:
            chunk.append(article)
            if len(chunk) >= batch_size:
                yield from _unseen(chunk)
                chunk = []
        yield from _unseen(chunk)

    def _unseen(chunk: list[Article]) -> Iterator[Article]:
        known = store.known(chunk)
        seen_here: set[str] = set()
        for article in chunk:
            digest = _digest(article)
            if digest in known or digest in seen_here:
                stats.duplicates += 1
                if on_progress is not None:
                    on_progress(1)
                continue
            seen_here.add(digest)
            yield article

    def coded() -> Iterator[CodedDocument]:
        for item in code_documents(fresh(), pipeline, n_process=n_process):
            if on_progress is not None:
                on_progress(1)
            yield item

    added = store.add(coded(), batch_size=batch_size)
    stats.articles_added = added.articles_added
    stats.events_added = added.events_added
    stats.duplicates += added.duplicates
    stats.conflicts = added.conflicts
    return stats


def recode_articles(
    store: Store,
    pipeline: Pipeline,
    *,
    doc_ids: Iterable[str] | None = None,
    everything: bool = False,
    on_progress: ProgressHandler | None = None,
    n_process: int = 1,
) -> tuple[int, int]:
    """Code again the stored articles that an older coder coded (all of them with ``everything``)
    and replace their sentences and events. Returns (articles, events) written."""
    stale = store.outdated(None if everything else pipeline.code_version, doc_ids)

    def coded() -> Iterator[CodedDocument]:
        for item in code_documents(stale, pipeline, n_process=n_process):
            if on_progress is not None:
                on_progress(1)
            yield item

    events = store.replace(coded())
    return len(stale), events


def _digest(article: Article) -> str:
    from detente.models import text_hash

    return text_hash(article.text)
