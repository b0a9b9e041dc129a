"""RSS and Atom feeds, parsed with feedparser: one article per entry."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator
from typing import Any

from detente.errors import ArticleError
from detente.ingest.checks import build_article, parse_date
from detente.ingest.webpage import html_to_text
from detente.models import Article


def parse_feed(data: bytes, where: str) -> Iterator[Article | ArticleError]:
    """The entries of an RSS/Atom feed (raw bytes, so the feed's own encoding declaration holds).

    Entry ``n`` (1-based) is named ``where#n``. The entry's text is its content, else its summary,
    with HTML stripped; its ``id``/``guid`` becomes ``doc_id``; the feed's title is the source. A
    feed that is malformed (feedparser's ``bozo``) and has no usable entry gives one error.
    """
    import feedparser

    # A file object, never a str/bytes: feedparser treats strings as URLs or file names first.
    parsed: Any = feedparser.parse(io.BytesIO(data))
    feed = parsed.get("feed", {})
    source = _string(feed.get("title"))
    entries = list(parsed.get("entries", []))
    articles = [_entry_article(entry, f"{where}#{n}", source) for n, entry in enumerate(entries, 1)]
    usable = any(article.text for article in articles)
    if parsed.get("bozo") and not usable:
        problem = parsed.get("bozo_exception")
        detail = f"{type(problem).__name__}: {problem}" if problem is not None else "unknown problem"
        yield ArticleError(where, f"malformed feed, no entries could be read ({detail})")
        return
    if not entries:
        yield ArticleError(where, "feed has no entries")
        return
    yield from articles


def _entry_article(entry: Any, where: str, source: str | None) -> Article:
    text = _entry_text(entry)
    return build_article(
        where,
        text,
        doc_id=_string(entry.get("id")),
        title=_string(entry.get("title")),
        published=_entry_date(entry),
        source=source,
        url=_string(entry.get("link")),
    )


def _entry_text(entry: Any) -> str:
    """The longest of the entry's content blocks and summary, as plain text."""
    candidates: list[tuple[str, str]] = []
    for content in entry.get("content") or []:
        candidates.append((_string(content.get("value")) or "", _string(content.get("type")) or ""))
    detail = entry.get("summary_detail") or {}
    candidates.append((_string(entry.get("summary")) or "", _string(detail.get("type")) or "text/html"))
    texts = [value.strip() if kind == "text/plain" else html_to_text(value) for value, kind in candidates]
    return max(texts, key=len, default="")


def _entry_date(entry: Any) -> dt.date | None:
    """The entry's publication (else update) date as written in the feed; feedparser's parsed
    time (converted to UTC) only where the raw value is not understood."""
    for raw_key, parsed_key in (("published", "published_parsed"), ("updated", "updated_parsed")):
        raw = _string(entry.get(raw_key))
        date = parse_date(raw) if raw else None
        if date is None and entry.get(parsed_key):
            moment = entry.get(parsed_key)
            try:
                date = dt.date(moment.tm_year, moment.tm_mon, moment.tm_mday)
            except (AttributeError, ValueError):
                date = None
        if date is not None:
            return date
    return None


def _string(value: object) -> str | None:
    return value if isinstance(value, str) and value.strip() else None
