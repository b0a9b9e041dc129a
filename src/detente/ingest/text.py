"""Plain-text articles: optional ``Key: value`` header lines, a blank line, then the body."""

from __future__ import annotations

import re

from detente.errors import ArticleError
from detente.ingest.checks import build_article, date_problem, parse_date
from detente.models import Article

_HEADER = re.compile(r"^(title|date|published|source|url|language|id)[ \t]*:[ \t]*(.*?)\s*$", re.IGNORECASE)


def split_headers(text: str) -> tuple[dict[str, str], str]:
    """The header fields (lower-case keys) at the top of ``text`` and the body after them.

    Headers count only as a block of known ``Key: value`` lines followed by a blank line (or the
    end of the text); anything else means the whole text is the body.
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff").split("\n")
    start = 0
    while start < len(lines) and not lines[start].strip():
        start += 1
    headers: dict[str, str] = {}
    end = start
    while end < len(lines):
        match = _HEADER.match(lines[end])
        if match is None:
            break
        headers[match.group(1).lower()] = match.group(2)
        end += 1
    if not headers or (end < len(lines) and lines[end].strip()):
        return {}, text
    return headers, "\n".join(lines[end:])


def parse_text_article(text: str, where: str) -> Article | ArticleError:
    """One article from the content of a ``.txt`` file (or text on standard input)."""
    headers, body = split_headers(text)
    date_text = headers.get("date") or headers.get("published") or ""
    published = None
    if date_text.strip():
        published = parse_date(date_text)
        if published is None:
            field = "Date header" if headers.get("date") else "Published header"
            return ArticleError(where, date_problem(field, date_text))
    return build_article(
        where,
        body,
        doc_id=headers.get("id"),
        title=headers.get("title"),
        published=published,
        source=headers.get("source"),
        url=headers.get("url"),
        language=headers.get("language"),
    )
