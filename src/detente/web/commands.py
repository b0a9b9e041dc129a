"""``detente serve``: the web UI and REST API over a store (registered by the CLI)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

DbOption = Annotated[
    Path | None, typer.Option("--db", help="DuckDB file (default: $DETENTE_DB or the user data dir).")
]


def serve_app(
    db: Path | None,
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    token: str | None = None,
    pipeline: Any = None,
) -> None:
    """Build the app over ``db``, print its URL and serve until interrupted."""
    import uvicorn

    from detente.web.app import create_app

    app = create_app(db, token=token, pipeline=pipeline)
    shown = f"[{host}]" if ":" in host else host
    Console(highlight=False).print(f"Serving Detente at http://{shown}:{port}/", markup=False)
    uvicorn.run(app, host=host, port=port, log_level="warning")


def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option("--host", help="Address to bind (default: this machine only).")] = (
        "127.0.0.1"
    ),
    port: Annotated[int, typer.Option("--port", min=0, max=65535, help="Port to listen on.")] = 8000,
    token: Annotated[
        str | None,
        typer.Option(
            "--token",
            help="Allow POST /api/articles for clients sending 'Authorization: Bearer TOKEN' "
            "(opens the database for writing). Without it the server is read-only.",
        ),
    ] = None,
) -> None:
    """Serve the web UI and REST API (pages, /api, /docs) over a database."""
    from detente.store import default_db_path

    path = db or default_db_path()
    if not path.exists():
        Console(stderr=True).print(
            f"detente: no database at {path}; run 'detente ingest' or 'detente demo' first", markup=False
        )
        raise typer.Exit(1)
    _warn_if_outdated(path)
    serve_app(path, host=host, port=port, token=token)


def _warn_if_outdated(path: Path) -> None:
    """Say so when an older coder made some of the stored events (``detente recode`` redoes them)."""
    from detente.data_files import code_version
    from detente.store import Store

    with Store(path, read_only=True) as store:
        stale = store.outdated_count(code_version())
    if stale:
        Console(stderr=True).print(
            f"detente: {stale} articles in {path} were coded by another version of Detente; "
            "run 'detente recode' to code them again",
            markup=False,
        )


def register(app: typer.Typer) -> None:
    """Add ``serve`` to the ``detente`` app."""
    app.command("serve")(serve)
