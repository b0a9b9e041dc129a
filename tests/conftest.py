"""Shared fixtures: the spaCy pipeline (loaded once per session), stores, articles, the event schema."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from web_server import LiveServer, WebCorpus, build_web_corpus

from detente.core import Pipeline, code_document, load_pipeline
from detente.models import Article, Event
from detente.store import Store

PUBLISHED = dt.date(2025, 11, 21)  # a Friday: weekdays in test sentences resolve against it
"""Publication date given to test articles unless a test says otherwise."""

_SPEC_SCHEMA = Path(__file__).parents[2] / "shared" / "spec" / "event.schema.json"
_COPIED_SCHEMA = Path(__file__).parent / "data" / "event.schema.json"  # byte-for-byte copy of the spec


def schema_path() -> Path:
    """The spec's event schema: the shared spec folder if present, else the copy under tests/data."""
    return _SPEC_SCHEMA if _SPEC_SCHEMA.exists() else _COPIED_SCHEMA


@pytest.fixture(scope="session")
def event_schema() -> dict[str, Any]:
    """The event record schema (JSON Schema 2020-12) of the spec."""
    schema: dict[str, Any] = json.loads(schema_path().read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return schema


@pytest.fixture(scope="session")
def validator(event_schema: dict[str, Any]) -> Draft202012Validator:
    """A validator for event records."""
    return Draft202012Validator(event_schema)


@pytest.fixture(scope="session")
def validate(validator: Draft202012Validator) -> Callable[[dict[str, Any]], None]:
    """Assert that a record is a valid event record, listing every violation when it is not."""

    def check(record: dict[str, Any]) -> None:
        problems = [
            f"{'/'.join(map(str, e.absolute_path)) or '<root>'}: {e.message}"
            for e in validator.iter_errors(record)
        ]
        assert not problems, f"record violates event.schema.json: {problems}\n{record}"

    return check


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    """spaCy model plus Detente's knowledge, loaded once for the whole test session (~2 s)."""
    return load_pipeline()


def make_article(text: str, *, published: dt.date | None = PUBLISHED, **fields: Any) -> Article:
    """An :class:`Article` with the test publication date unless another (or None) is given."""
    return Article(text=text, published=published, **fields)


@pytest.fixture(scope="session")
def article() -> Callable[..., Article]:
    """Factory fixture: ``article(text, published=..., doc_id=..., title=...)``."""
    return make_article


@pytest.fixture(scope="session")
def code(pipeline: Pipeline) -> Callable[..., list[Event]]:
    """Factory fixture: ``code(text, published=..., **article_fields)`` → the events of that text."""

    def run(text: str, *, published: dt.date | None = PUBLISHED, **fields: Any) -> list[Event]:
        return code_document(make_article(text, published=published, **fields), pipeline)

    return run


@pytest.fixture
def store() -> Iterator[Store]:
    """An empty in-memory store, closed after the test."""
    db = Store(":memory:")
    try:
        yield db
    finally:
        db.close()


@pytest.fixture
def db_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """``DETENTE_DB`` pointed at a (not yet existing) database file in the test's tmp_path."""
    path = tmp_path / "db" / "detente.duckdb"
    monkeypatch.setenv("DETENTE_DB", str(path))
    return path


# --- Web: a store with the demo corpus and a live server over it (browser tests) ---


def pytest_configure(config: pytest.Config) -> None:
    """Register the ``browser`` marker (tests that drive Chromium through Playwright)."""
    config.addinivalue_line("markers", "browser: drives Debian's Chromium through Playwright")


@pytest.fixture(scope="session")
def web_corpus(pipeline: Pipeline, tmp_path_factory: pytest.TempPathFactory) -> WebCorpus:
    """A DuckDB file with the demo corpus and an article whose text holds markup (ingested once)."""
    return build_web_corpus(tmp_path_factory.mktemp("web") / "detente.duckdb", pipeline)


@pytest.fixture(scope="session")
def live_server(web_corpus: WebCorpus) -> Iterator[LiveServer]:
    """The real app served by uvicorn on a free loopback port over :func:`web_corpus`, stopped at the end."""
    web_app = pytest.importorskip("detente.web.app", reason="the web UI (detente.web) is not installed")
    with LiveServer(web_app.create_app(web_corpus.path)) as server:
        yield server
