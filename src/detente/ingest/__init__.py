"""Ingest: articles from text, HTML, RSS/Atom feeds, JSONL, directories and standard input.

:func:`read_articles` is the entry point. It yields an :class:`~detente.models.Article` per good
article and an :class:`~detente.errors.ArticleError` per bad input (missing, unsupported, binary,
not UTF-8, too big, empty, not English ...), so that a batch goes on past a bad input.
"""

from __future__ import annotations

from detente.ingest.checks import (
    DEFAULT_MAX_BYTES,
    MAX_TEXT_CHARS,
    check_article,
    detect_language,
    parse_date,
)
from detente.ingest.feeds import parse_feed
from detente.ingest.jsonl import parse_jsonl_line
from detente.ingest.readers import SUPPORTED_EXTENSIONS, read_articles, read_path, read_stdin
from detente.ingest.text import parse_text_article
from detente.ingest.webpage import html_to_text, parse_html_page

__all__ = [
    "DEFAULT_MAX_BYTES",
    "MAX_TEXT_CHARS",
    "SUPPORTED_EXTENSIONS",
    "check_article",
    "detect_language",
    "html_to_text",
    "parse_date",
    "parse_feed",
    "parse_html_page",
    "parse_jsonl_line",
    "parse_text_article",
    "read_articles",
    "read_path",
    "read_stdin",
]
