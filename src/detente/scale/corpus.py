"""Synthetic corpora of any size built from the bundled demo corpus (for tests and benchmarks).

Copy ``i`` of a demo article gets the id ``{prefix}-{i}`` and one extra closing sentence naming the
copy, so every copy has a distinct text (and text hash) while the events stay those of the demo.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from detente.api import good_articles
from detente.data_files import data_path
from detente.models import Article


def demo_articles() -> list[Article]:
    """The 48 bundled demo articles, read as ``detente code`` reads them."""
    return list(good_articles([str(data_path("demo"))]))


def cycled_articles(n: int, *, prefix: str = "copy", distinct: bool = True) -> Iterator[Article]:
    """``n`` articles cycled from the demo corpus, streamed. With ``distinct`` each copy's text ends
    with a sentence of its own ("This is copy 17 of the corpus."), so no two texts are equal."""
    base = demo_articles()
    for i in range(n):
        article = base[i % len(base)]
        update: dict[str, object] = {"doc_id": f"{prefix}-{i}"}
        if distinct:
            update["text"] = f"{article.text}\n\nThis is copy {i} of the corpus."
        yield article.model_copy(update=update)


def article_record(article: Article) -> dict[str, object]:
    """A JSONL input record (``{"id", "text", ...}``) for ``article``."""
    record: dict[str, object] = {"id": article.doc_id, "text": article.text}
    for name in ("title", "source", "url", "language"):
        value = getattr(article, name)
        if value is not None:
            record[name] = value
    if article.published is not None:
        record["published"] = article.published.isoformat()
    return record


def write_jsonl(path: Path, n: int, *, prefix: str = "copy") -> Path:
    """Write ``n`` cycled demo articles to ``path`` as JSONL (streamed: memory stays flat)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as handle:
        for article in cycled_articles(n, prefix=prefix):
            handle.write(json.dumps(article_record(article), ensure_ascii=False) + "\n")
    return path
