"""``detente contested``, ``detente claims`` and ``detente evaluate-claims`` (registered by the CLI)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

DbOption = Annotated[
    Path | None, typer.Option("--db", help="DuckDB file (default: $DETENTE_DB or the user data dir).")
]


def _open_store(db: Path | None) -> object:
    from detente.store import Store, default_db_path

    path = db or default_db_path()
    if not path.exists():
        Console(stderr=True).print(
            f"detente: no database at {path}; run 'detente ingest' or 'detente demo' first", markup=False
        )
        raise typer.Exit(1)
    return Store(path)


def _load_pipeline() -> Any:
    from detente.core import load_pipeline

    return load_pipeline()


def contested(
    db: DbOption = None,
    fmt: Annotated[str, typer.Option("--format", help="table or jsonl.")] = "table",
    no_causes: Annotated[
        bool, typer.Option("--no-causes", help="Skip reading causes of death/damage (no language model).")
    ] = False,
) -> None:
    """List contested incidents: claimants who blame different perpetrators, or affirm and deny."""
    from detente.claims.contested import find_contested
    from detente.claims.storage import claimed_events, load_claims, rebuild_claims
    from detente.store import Store

    if fmt not in ("table", "jsonl"):
        raise typer.BadParameter(f"{fmt!r} is not table or jsonl", param_hint="--format")
    store = _open_store(db)
    assert isinstance(store, Store)
    with store:
        rebuild_claims(store, None if no_causes else _load_pipeline())
        incidents = find_contested(load_claims(store), claimed_events(store))
    if fmt == "jsonl":
        for incident in incidents:
            sys.stdout.write(json.dumps(incident.to_record(), ensure_ascii=False) + "\n")
        return
    from detente.claims.records import actor_label

    out = Console(highlight=False)
    if not incidents:
        out.print("No contested incidents.")
    for number, incident in enumerate(incidents, start=1):
        table = Table(
            title=f"{number}. {incident.description}\n"
            f"date {incident.date or '?'} · place {incident.place or '?'} · target {incident.target or '?'}",
            show_lines=True,
        )
        for column in ("claimant", "says", "perpetrator", "doc", "evidence"):
            table.add_column(column, overflow="fold")
        for claim in incident.claims:
            event = incident.events[claim.event_id]
            table.add_row(
                actor_label(claim.claimant),
                "denies" if claim.polarity == "deny" else "affirms",
                actor_label(event.source),
                claim.doc_id,
                claim.sentence,
            )
        out.print(table)


def claims(
    db: DbOption = None,
    event: Annotated[str | None, typer.Option("--event", help="Claims about this event id.")] = None,
    claimant: Annotated[
        str | None, typer.Option("--claimant", help="Claims of this claimant (code or name).")
    ] = None,
    no_causes: Annotated[
        bool, typer.Option("--no-causes", help="Skip reading causes of death/damage (no language model).")
    ] = False,
) -> None:
    """Rebuild the claims table from the stored events and print claims as JSONL."""
    from detente.claims.storage import claims_by_claimant, claims_for_event, load_claims, rebuild_claims
    from detente.store import Store

    store = _open_store(db)
    assert isinstance(store, Store)
    with store:
        rebuild_claims(store, None if no_causes else _load_pipeline())
        if event is not None:
            found = claims_for_event(store, event)
        elif claimant is not None:
            found = claims_by_claimant(store, claimant)
        else:
            found = load_claims(store)
    for claim in found:
        sys.stdout.write(json.dumps(claim.to_record(), ensure_ascii=False) + "\n")


def evaluate_claims_command(
    gold: Annotated[list[Path], typer.Argument(help="Claims gold JSONL (eval/CLAIMS_GUIDELINES.md).")],
    fmt: Annotated[str, typer.Option("--format", help="table or json.")] = "table",
) -> None:
    """Claimant accuracy for attributed events and contested-incident precision/recall."""
    from detente.claims.evaluation import evaluate_claims, read_claims_gold
    from detente.core import load_pipeline

    if fmt not in ("table", "json"):
        raise typer.BadParameter(f"{fmt!r} is not table or json", param_hint="--format")
    docs = []
    for path in gold:
        if not path.is_file():
            raise typer.BadParameter(f"{path}: no such file", param_hint="GOLD")
        docs.extend(read_claims_gold(path))
    report = evaluate_claims(docs, load_pipeline()).as_dict()
    if fmt == "json":
        sys.stdout.write(json.dumps(report, indent=2) + "\n")
        return
    table = Table(title="Claims evaluation")
    table.add_column("figure")
    table.add_column("value", justify="right")
    for key, value in report.items():
        if key != "errors":
            table.add_row(key, "—" if value is None else str(value))
    Console(highlight=False).print(table)


def register(app: typer.Typer) -> None:
    """Add the claims commands to the ``detente`` app."""
    app.command("contested")(contested)
    app.command("claims")(claims)
    app.command("evaluate-claims")(evaluate_claims_command)
