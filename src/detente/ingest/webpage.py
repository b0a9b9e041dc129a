"""HTML pages: main text and metadata extracted with trafilatura; HTML fragments to plain text."""

from __future__ import annotations

import re
from typing import Any

from detente.errors import ArticleError
from detente.ingest.checks import build_article, parse_date
from detente.models import Article

# Only dates the page states in its metadata (meta tags, <time>, JSON-LD, URL): the extensive
# search would also pick up dates from the running text, which are often event dates.
_DATE_PARAMS = {"original_date": True, "extensive_search": False}

_BLOCK_TAGS = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "td",
        "th",
        "tr",
        "ul",
    }
)
_SPACES = re.compile(r"[ \t\u00a0]+")
_BLANK_LINES = re.compile(r"\n{3,}")


def parse_html_page(markup: str, where: str) -> Article | ArticleError:
    """One article from an HTML page: trafilatura's main text, title, date, site name and URL."""
    import trafilatura

    try:
        doc: Any = trafilatura.bare_extraction(
            markup,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            date_extraction_params=dict(_DATE_PARAMS),
        )
    except Exception as err:  # trafilatura/lxml may fail on pathological markup: report, go on
        return ArticleError(where, f"could not parse HTML ({type(err).__name__}: {err})")
    text = _field(doc, "text")
    if not text or not text.strip():
        return ArticleError(where, "no article text found in HTML")
    date_text = _field(doc, "date")
    return build_article(
        where,
        text,
        title=_field(doc, "title"),
        published=parse_date(date_text) if date_text else None,
        source=_field(doc, "sitename") or _field(doc, "hostname"),
        url=_field(doc, "url"),
    )


def _field(doc: Any, name: str) -> str | None:
    """A string field of trafilatura's result (a ``Document``, or a dict in older versions)."""
    if doc is None:
        return None
    value = doc.get(name) if isinstance(doc, dict) else getattr(doc, name, None)
    return value if isinstance(value, str) else None


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment (e.g. a feed entry's summary): tags stripped, scripts and
    styles dropped, one line per paragraph or other block element."""
    if "<" not in fragment:
        return fragment.strip()
    import trafilatura

    # trafilatura's loader (lxml underneath) wants a whole document, not a bare fragment.
    root: Any = trafilatura.load_html(f"<html><body>{fragment}</body></html>")
    if root is None:
        return ""
    for element in root.xpath("//script|//style"):
        element.drop_tree()
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.lower() in _BLOCK_TAGS:
            element.tail = "\n" + (element.tail or "")
    lines = (_SPACES.sub(" ", line).strip() for line in root.text_content().split("\n"))
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()
