"""The ``detente`` command line: thin commands over :mod:`detente.api` and :mod:`detente.store`.

Exit codes: 0 success, 1 bad input (an article or file could not be read or coded), 2 bad usage.
Errors go to standard error and name the input at fault.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from detente import __version__
from detente.errors import ArticleError, DetenteError

if TYPE_CHECKING:
    from detente.actors.lexicon import Lexicon
    from detente.core import Pipeline

app = typer.Typer(
    name="detente",
    help="Source-attributed political event data (PLOVER) from news articles.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True, highlight=False)
out = Console(highlight=False)

DbOption = Annotated[
    Path | None, typer.Option("--db", help="DuckDB file (default: $DETENTE_DB or the user data dir).")
]
PublishedOption = Annotated[
    str | None, typer.Option("--published", help="ISO date for articles that carry none.", show_default=False)
]


class Problems:
    """Collects input errors: prints each to stderr at once and remembers that one happened."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, error: ArticleError) -> None:
        self.count += 1
        err.print(f"detente: skipped {error}", markup=False)


def _date(value: str | None, option: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not an ISO date (YYYY-MM-DD)", param_hint=option) from None


@functools.cache
def _lexicon() -> Lexicon:
    """The actor lexicon, read once per process (commands parse two codes)."""
    from detente.actors.lexicon import load_lexicon

    return load_lexicon()


def _code(value: str, option: str) -> str:
    """A country or organisation code from a code or a name ("RUS", "Russia", "EU")."""
    code = _lexicon().code_for(value)
    if code is not None:
        return code
    raise typer.BadParameter(f"{value!r} is not a known country or organisation", param_hint=option)


@contextmanager
def _progress(label: str, total: int | None = None) -> Iterator[typer.CallbackParam | object]:
    """A rich progress bar on a terminal (stderr); nothing when output is piped."""
    if not err.is_terminal:
        yield lambda n: None
        return
    with Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
    ) as bar:
        task = bar.add_task(label, total=total)
        yield lambda n: bar.advance(task, n)


def _pipeline() -> Pipeline:
    from detente.core import load_pipeline

    with err.status("loading the language model and dictionaries") if err.is_terminal else _nullcontext():
        return load_pipeline()


@contextmanager
def _nullcontext() -> Iterator[None]:
    yield


@app.command()
def code(
    paths: Annotated[list[str], typer.Argument(help="Files, folders, or - for standard input.")],
    published: PublishedOption = None,
) -> None:
    """Code articles and print their events as JSONL on stdout (stateless: no database)."""
    from detente.api import code_paths

    fallback = _date(published, "--published")
    problems = Problems()
    pipeline = _pipeline()
    with _progress("coding") as advance:
        for event in code_paths(paths, pipeline, published=fallback, on_error=problems, on_progress=advance):  # type: ignore[arg-type]
            sys.stdout.write(json.dumps(event.to_record(), ensure_ascii=False) + "\n")
    if problems.count:
        raise typer.Exit(1)


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, folders, or - for standard input.")],
    db: DbOption = None,
    published: PublishedOption = None,
) -> None:
    """Code articles and store them with their events. Re-running over the same input adds nothing."""
    from detente.api import good_articles, ingest_articles
    from detente.store import Store

    fallback = _date(published, "--published")
    problems = Problems()
    pipeline = _pipeline()
    with Store(db) as store:
        articles = list(good_articles(paths, published=fallback, on_error=problems))
        with _progress("ingesting", total=len(articles)) as advance:
            stats = ingest_articles(articles, store, pipeline, on_progress=advance)  # type: ignore[arg-type]
        for conflict in stats.conflicts:
            problems.count += 1
            err.print(f"detente: skipped {conflict}", markup=False)
        counts = store.counts()
    err.print(
        f"{stats.articles_added} articles added ({stats.events_added} events), "
        f"{stats.duplicates} already stored, {problems.count} skipped with errors. "
        f"Database {store.path}: {counts['articles']} articles, {counts['events']} events.",
        markup=False,
    )
    if problems.count:
        raise typer.Exit(1)


@app.command()
def recode(
    db: DbOption = None,
    everything: Annotated[
        bool, typer.Option("--all", help="Code every stored article again, not only outdated ones.")
    ] = False,
) -> None:
    """Code stored articles again with this version's coder and replace their events.

    Only articles coded by another version (their ``code_version``) are redone unless ``--all``;
    merged events and claims are rebuilt after. Running it twice redoes nothing the second time.
    """
    from detente.api import recode_articles
    from detente.store import Store
    from detente.web.queries import refresh_derived

    _require_db(db)
    pipeline = _pipeline()
    with Store(db) as store:
        total = store.outdated_count(None if everything else pipeline.code_version)
        with _progress("re-coding", total=total) as advance:
            done, written = recode_articles(
                store,
                pipeline,
                everything=everything,
                on_progress=advance,  # type: ignore[arg-type]
            )
        if done:
            refresh_derived(store, pipeline)
        counts = store.counts()
    err.print(
        f"{done} articles coded again ({written} events). "
        f"Database {store.path}: {counts['articles']} articles, {counts['events']} events.",
        markup=False,
    )


@app.command()
def events(
    db: DbOption = None,
    dyad: Annotated[
        tuple[str, str] | None,
        typer.Option(help="Two countries/organisations (either order).", show_default=False),
    ] = None,
    since: Annotated[str | None, typer.Option(help="Events on or after this ISO date.")] = None,
    until: Annotated[str | None, typer.Option(help="Events on or before this ISO date.")] = None,
    event_type: Annotated[str | None, typer.Option("--type", help="One PLOVER type, e.g. COERCE.")] = None,
    fmt: Annotated[str, typer.Option("--format", help="jsonl, csv or parquet.")] = "jsonl",
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write to this file.")] = None,
    limit: Annotated[int | None, typer.Option(help="At most this many events.", min=1)] = None,
) -> None:
    """Export stored events (JSONL records, or flat CSV/Parquet)."""
    from detente.models import EventType
    from detente.store import EventFilter, Store, export_events
    from detente.store.export import FORMATS

    if fmt not in FORMATS:
        raise typer.BadParameter(f"{fmt!r} is not one of {', '.join(FORMATS)}", param_hint="--format")
    if fmt != "jsonl" and output is None:
        raise typer.BadParameter(f"--format {fmt} writes a file: add -o FILE", param_hint="--output")
    kinds = EventType.__args__  # type: ignore[attr-defined]
    if event_type is not None and event_type.upper() not in kinds:
        raise typer.BadParameter(
            f"{event_type!r} is not a PLOVER type ({', '.join(kinds)})", param_hint="--type"
        )
    flt = EventFilter(
        dyad=(_code(dyad[0], "--dyad"), _code(dyad[1], "--dyad")) if dyad else None,
        since=_date(since, "--since"),
        until=_date(until, "--until"),
        event_type=event_type.upper() if event_type else None,
        limit=limit,
    )
    _require_db(db)
    with Store(db) as store:
        written = export_events(store, fmt, output if output is not None else sys.stdout, flt)
    if output is not None:
        err.print(f"{written} events written to {output}", markup=False)


@app.command()
def resolve(
    text: Annotated[str, typer.Argument(help="An actor mention, or - to read JSONL requests from stdin.")],
    date: Annotated[str | None, typer.Option(help="ISO date the mention refers to (office holders).")] = None,
    context: Annotated[
        str | None, typer.Option(help="Text around the mention, for sector-only mentions.")
    ] = None,
) -> None:
    """Resolve actor mentions to actor records (JSON): "Aliyev", "the Kremlin", "Azerbaijani police"."""
    pipeline = _pipeline()
    if text != "-":
        actor = pipeline.resolve(text, _date(date, "--date") or dt.date.today(), context)
        sys.stdout.write(json.dumps(actor.model_dump() if actor else None, ensure_ascii=False) + "\n")
        return
    bad = 0
    for number, line in enumerate(sys.stdin, start=1):
        if not line.strip():
            continue
        try:
            request = json.loads(line)
            mention = request["text"]
            day = dt.date.fromisoformat(request["date"]) if request.get("date") else dt.date.today()
            if not isinstance(mention, str):
                raise TypeError("'text' must be a string")
        except (ValueError, KeyError, TypeError) as exc:
            bad += 1
            err.print(
                f'detente: <stdin>:{number}: bad request ({exc}); expected {{"text", "date"?, "context"?}}',
                markup=False,
            )
            sys.stdout.write("null\n")
            continue
        actor = pipeline.resolve(mention, day, request.get("context"))
        sys.stdout.write(json.dumps(actor.model_dump() if actor else None, ensure_ascii=False) + "\n")
    if bad:
        raise typer.Exit(1)


@app.command()
def demo(
    db: DbOption = None,
    no_serve: Annotated[
        bool, typer.Option("--no-serve", help="Only ingest and print; do not start the web UI.")
    ] = False,
    port: Annotated[int, typer.Option("--port", min=0, max=65535, help="Port of the web UI.")] = 8000,
) -> None:
    """Ingest the bundled demo corpus, print events per dyad and month, then serve the web UI."""
    from detente.api import good_articles, ingest_articles, recode_articles
    from detente.data_files import data_path
    from detente.store import Store

    corpus = data_path("demo")
    problems = Problems()
    pipeline = _pipeline()
    with Store(db) as store:
        articles = list(good_articles([str(corpus)], on_error=problems))
        with _progress("ingesting the demo corpus", total=len(articles)) as advance:
            stats = ingest_articles(articles, store, pipeline, on_progress=advance)  # type: ignore[arg-type]
        # a database made by an older Detente keeps the demo's old events unless they are redone
        redone, _ = recode_articles(store, pipeline, doc_ids=[a.doc_id for a in articles])
        err.print(
            f"{stats.articles_added} demo articles added ({stats.events_added} events), "
            f"{stats.duplicates} already stored"
            + (f", {redone} of them coded again with this version" if redone else "")
            + f". Database: {store.path}",
            markup=False,
        )
        _print_summary(store)
        if not no_serve:
            from detente.web.queries import refresh_derived

            refresh_derived(store, pipeline)  # merged events and claims (with causes) for the pages
    if problems.count:
        raise typer.Exit(1)
    if not no_serve:
        from detente.web.commands import serve_app

        serve_app(Path(store.path), port=port, pipeline=pipeline)


@app.command()
def summary(db: DbOption = None) -> None:
    """Print stored events per dyad and month, by quad class."""
    from detente.store import Store

    _require_db(db)
    with Store(db) as store:
        _print_summary(store)


def _print_summary(store: object) -> None:
    from detente.relations import dyad_month_summary
    from detente.store import Store

    assert isinstance(store, Store)
    table = Table(
        title="Merged events per dyad and month: each event once, however many articles report it "
        "(mentions: the reports; negated events left out)"
    )
    for column in (
        "dyad",
        "month",
        "merged events",
        "mentions",
        "verbal coop",
        "material coop",
        "verbal conflict",
        "material conflict",
        "mean intensity",
    ):
        table.add_column(column, justify="left" if column in ("dyad", "month") else "right")
    for row in dyad_month_summary(store):
        table.add_row(
            f"{row.a}–{row.b}",
            row.month,
            str(row.events),
            str(row.mentions),
            str(row.verbal_cooperation),
            str(row.material_cooperation),
            str(row.verbal_conflict),
            str(row.material_conflict),
            f"{row.mean_intensity:+.1f}",
        )
    wide = Console(highlight=False, width=None if out.is_terminal else 160)  # all columns when piped
    wide.print(table)


def _require_db(db: Path | None) -> None:
    from detente.store import default_db_path

    path = db or default_db_path()
    if not path.exists():
        err.print(
            f"detente: no database at {path}; run 'detente ingest' or 'detente demo' first", markup=False
        )
        raise typer.Exit(1)


def version_callback(value: bool) -> None:
    """Print the version and exit."""
    if value:
        out.print(f"detente {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=version_callback, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """Source-attributed political event data (PLOVER) from news articles."""


def _register_subcommands() -> None:
    """Commands that live with their subsystem (``<package>/commands.py`` with ``register(app)``)."""
    import importlib

    for package in ("relations", "claims", "scale", "web"):
        try:
            module = importlib.import_module(f"detente.{package}.commands")
        except ModuleNotFoundError as exc:
            if exc.name not in (f"detente.{package}", f"detente.{package}.commands"):
                raise  # a real missing dependency inside the subsystem
            continue
        module.register(app)


_register_subcommands()


def main() -> None:
    """Entry point: run the app, turning Detente's own errors into a message and exit code 1."""
    try:
        app()
    except DetenteError as exc:
        err.print(f"detente: error: {exc}", markup=False)
        sys.exit(1)


@app.command()
def evaluate(
    gold: Annotated[list[Path], typer.Argument(help="Gold JSONL files (format: eval/GUIDELINES.md).")],
    fmt: Annotated[str, typer.Option("--format", help="table or json.")] = "table",
) -> None:
    """Precision, recall and F1 of the coder on annotated data: types, actors, dates, places."""
    from detente.evaluation import evaluate as run_evaluation
    from detente.evaluation import read_gold

    if fmt not in ("table", "json"):
        raise typer.BadParameter(f"{fmt!r} is not table or json", param_hint="--format")
    docs: list[dict[str, object]] = []
    claim_files: list[Path] = []
    for path in gold:
        if not path.is_file():
            raise typer.BadParameter(f"{path}: no such file", param_hint="GOLD")
        if _is_claims_gold(path):
            claim_files.append(path)  # attribution / contested-incident gold (eval/CLAIMS_GUIDELINES.md)
        else:
            docs.extend(read_gold(path))
    pipeline = _pipeline()
    claims_report = None
    if claim_files:
        from detente.claims.evaluation import evaluate_claims, read_claims_gold

        claim_docs = [d for path in claim_files for d in read_claims_gold(path)]
        claims_report = evaluate_claims(claim_docs, pipeline).as_dict()
        claims_report.pop("errors", None)
    if not docs:
        if fmt == "json":
            sys.stdout.write(json.dumps(claims_report, indent=2) + "\n")
        else:
            _print_figures("Claims and contested incidents", claims_report or {})
        return
    report = run_evaluation(docs, pipeline).as_dict()
    if fmt == "json":
        if claims_report is not None:
            report["claims"] = claims_report
        sys.stdout.write(json.dumps(report, indent=2) + "\n")
        return
    out.print(
        f"{report['documents']} documents, {report['gold_events']} gold events, "
        f"{report['predicted_events']} predicted"
    )
    rows = [("event type", report["event_type"]), ("type+source+target", report["type_source_target"])]
    rows += [(f"  {t}", s) for t, s in report["per_type_triple"].items()]
    out.print(_score_table("Coder accuracy", "level", rows))
    if report["per_phenomenon"]:
        by_tag = sorted(report["per_phenomenon"].items(), key=lambda item: item[1]["f1"])
        out.print(
            _score_table("(type, source, target) by phenomenon, one-sentence documents", "phenomenon", by_tag)
        )
    out.print(
        f"date accuracy {report['date_accuracy']} over {report['dates_scored']} matched dated events; "
        f"place accuracy {report['place_accuracy']} over {report['places_scored']}; "
        f"negated events emitted as positive: {report['negated_emitted_as_positive']}"
    )
    if claims_report is not None:
        _print_figures("Claims and contested incidents", claims_report)


def _score_table(title: str, label: str, rows: list[tuple[str, dict[str, Any]]]) -> Table:
    """A table of precision, recall, F1 and counts, one row per level, type or phenomenon."""
    table = Table(title=title)
    for column in (label, "precision", "recall", "F1", "tp", "fp", "fn"):
        table.add_column(column, justify="left" if column == label else "right")
    for name, s in rows:
        table.add_row(
            name,
            f"{s['precision']:.3f}",
            f"{s['recall']:.3f}",
            f"{s['f1']:.3f}",
            str(s["tp"]),
            str(s["fp"]),
            str(s["fn"]),
        )
    return table


def _is_claims_gold(path: Path) -> bool:
    """Whether a gold file holds claims/contested annotations rather than events."""
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                try:
                    first = json.loads(line)
                except ValueError:
                    return False
                return (
                    isinstance(first, dict)
                    and "events" not in first
                    and ("claims" in first or "articles" in first)
                )
    return False


def _print_figures(title: str, figures: dict[str, object]) -> None:
    table = Table(title=title)
    table.add_column("figure")
    table.add_column("value", justify="right")
    for key, value in figures.items():
        table.add_row(key, "—" if value is None else str(value))
    out.print(table)
