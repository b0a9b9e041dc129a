"""A real HTTP server for browser tests: uvicorn serving an ASGI app in a background thread on loopback."""

from __future__ import annotations

import datetime as dt
import socket
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

import uvicorn

from detente.api import good_articles, ingest_articles
from detente.core import Pipeline
from detente.data_files import data_path
from detente.models import Article, Event
from detente.store import Store

HOST = "127.0.0.1"


class LiveServer:
    """Serve ``app`` on a free loopback port until :meth:`stop` (or the end of a ``with`` block).

    The listening socket is bound here, before uvicorn starts, so the port is known and never raced for.
    """

    def __init__(self, app: Any, *, startup_timeout: float = 30.0) -> None:
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._sock.bind((HOST, 0))
        self.port: int = self._sock.getsockname()[1]
        config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="auto")
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(
            target=self._server.run, kwargs={"sockets": [self._sock]}, name="live-server", daemon=True
        )
        self._startup_timeout = startup_timeout

    @property
    def url(self) -> str:
        """Base URL without a trailing slash, e.g. ``http://127.0.0.1:41234``."""
        return f"http://{HOST}:{self.port}"

    def start(self) -> LiveServer:
        """Start serving; return once uvicorn accepts connections (raise if it dies or takes too long)."""
        self._thread.start()
        deadline = time.monotonic() + self._startup_timeout
        while not self._server.started:
            if not self._thread.is_alive():
                self._sock.close()
                raise RuntimeError("the web server thread exited before it started serving")
            if time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"the web server did not start within {self._startup_timeout:.0f} s")
            time.sleep(0.02)
        return self

    def stop(self, timeout: float = 10.0) -> None:
        """Ask uvicorn to exit, wait for its thread and close the socket."""
        self._server.should_exit = True
        if self._thread.is_alive():
            self._thread.join(timeout)
        self._sock.close()
        if self._thread.is_alive():
            raise RuntimeError(f"the web server thread did not stop within {timeout:.0f} s")

    def __enter__(self) -> LiveServer:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()


# --- The store the web tests serve: the demo corpus plus one article whose text holds markup ---

MARKUP_DOC_ID = "markup-in-text"
SCRIPT_SNIPPET = "<script>window.__pwned = 1</script>"
IMG_SNIPPET = "<img src=x onerror=\"window.__pwned = 2; alert('pwned')\">"
MARKUP_ARTICLE = Article(
    doc_id=MARKUP_DOC_ID,
    title="Embassy page showed <script> markup",
    published=dt.date(2025, 10, 23),
    source="Detente tests",
    text=(
        "Norway's Foreign Ministry summoned the Finnish ambassador on Tuesday over a post on the embassy's "
        f"website that showed the raw markup {SCRIPT_SNIPPET} instead of a statement. Officials in Oslo "
        f"said a second page displayed {IMG_SNIPPET} where a photograph of the ambassador should have been. "
        "Finland apologised to Norway on Wednesday."
    ),
)
"""Written for these tests: text that must be shown as text, never run, by every page."""


@dataclass(frozen=True)
class WebCorpus:
    """A DuckDB file holding the demo corpus and :data:`MARKUP_ARTICLE`, and what was stored in it."""

    path: Path
    events: dict[str, Event]
    """Every stored event by ``event_id``, read back from the store after ingest."""


def build_web_corpus(path: Path, pipeline: Pipeline) -> WebCorpus:
    """Ingest the bundled demo corpus and the markup article into a new store at ``path`` and close it."""
    problems: list[str] = []
    articles = list(good_articles([str(data_path("demo"))], on_error=lambda exc: problems.append(str(exc))))
    if problems:
        raise RuntimeError(f"the demo corpus has bad articles: {problems}")
    with Store(path) as store:
        ingest_articles([*articles, MARKUP_ARTICLE], store, pipeline)
        events = {event.event_id: event for event in store.events()}
    return WebCorpus(path=path, events=events)
