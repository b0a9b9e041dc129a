"""Articles from a POST body: the same readers and checks as ``detente ingest`` (text with headers,
HTML, JSON objects as in JSONL), naming each bad article ``<body>`` or ``<body>[i]``."""

from __future__ import annotations

import json

from detente.errors import ArticleError
from detente.ingest.checks import vet
from detente.ingest.jsonl import parse_jsonl_line
from detente.ingest.text import parse_text_article
from detente.ingest.webpage import parse_html_page
from detente.models import Article

BODY = "<body>"
CONTENT_TYPES = ("text/plain", "text/html", "application/json")


def media_type(header: str | None) -> str:
    """The bare media type of a Content-Type header ("text/plain; charset=utf-8" → "text/plain")."""
    return (header or "").split(";", 1)[0].strip().lower()


def parse_body(body: bytes, content_type: str) -> list[Article | ArticleError]:
    """Every article of the body, or the error of each bad one (in order)."""
    try:
        text = body.decode("utf-8-sig")
    except UnicodeDecodeError:
        return [ArticleError(BODY, "not valid UTF-8 text")]
    if not text.strip():
        return [ArticleError(BODY, "empty article")]
    if content_type == "application/json":
        return _json_articles(text)
    item = parse_html_page(text, BODY) if content_type == "text/html" else parse_text_article(text, BODY)
    return [_vetted(item)]


def _json_articles(text: str) -> list[Article | ArticleError]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        return [ArticleError(BODY, f"not valid JSON ({err.msg} at line {err.lineno} column {err.colno})")]
    except (ValueError, RecursionError) as err:
        return [ArticleError(BODY, f"not valid JSON ({type(err).__name__})")]
    if isinstance(data, dict):
        return [_vetted(parse_jsonl_line(json.dumps(data), BODY))]
    if isinstance(data, list):
        if not data:
            return [ArticleError(BODY, "empty list: no article")]
        return [_vetted(parse_jsonl_line(json.dumps(item), f"{BODY}[{i}]")) for i, item in enumerate(data)]
    return [ArticleError(BODY, "expected an article object or a list of them")]


def _vetted(item: Article | ArticleError) -> Article | ArticleError:
    return vet(item) if isinstance(item, Article) else item
