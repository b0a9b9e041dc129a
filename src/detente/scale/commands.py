"""``detente spark-code``: the Spark batch job (:mod:`detente.scale.spark_job`) as a command."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer


def register(app: typer.Typer) -> None:
    """Add the scale commands to the ``detente`` app."""
    app.command(name="spark-code")(spark_code)


def spark_code(
    input_path: Annotated[
        str, typer.Argument(metavar="INPUT", help="JSONL or Parquet articles (path or URI).")
    ],
    output: Annotated[str, typer.Argument(metavar="OUTPUT", help="Output folder (path or URI).")],
    master: Annotated[str, typer.Option(help="Spark master, e.g. local[4] or yarn.")] = "local[2]",
    partitions: Annotated[
        int | None, typer.Option(help="Repartition the input into N partitions.", min=1, show_default=False)
    ] = None,
    processes: Annotated[
        int, typer.Option(help="spaCy processes per partition (nlp.pipe n_process).", min=1)
    ] = 1,
    fmt: Annotated[str, typer.Option("--format", help="auto, jsonl or parquet.")] = "auto",
    published: Annotated[
        str | None, typer.Option(help="ISO date for articles that carry none.", show_default=False)
    ] = None,
    prefilter: Annotated[
        bool, typer.Option("--prefilter", help="Parse only sentences that may hold an event.")
    ] = False,
    import_db: Annotated[
        Path | None, typer.Option("--import-db", help="Then load the output into this DuckDB store.")
    ] = None,
) -> None:
    """Code articles with Spark; write events and claims (Parquet, by month), articles, sentences, errors."""
    from detente.scale.spark_job import JobOptions, import_output, input_format, run_job, spark_session

    try:
        import pyspark  # noqa: F401
    except ImportError:
        typer.echo("detente: spark-code needs PySpark: pip install pyspark==4.3.0 (and Java 17)", err=True)
        raise typer.Exit(2) from None
    if fmt not in ("auto", "jsonl", "parquet"):
        raise typer.BadParameter(f"{fmt!r} is not auto, jsonl or parquet", param_hint="--format")
    try:
        fallback = dt.date.fromisoformat(published) if published else None
    except ValueError:
        raise typer.BadParameter(f"{published!r} is not an ISO date", param_hint="--published") from None
    input_format(input_path, fmt)
    options = JobOptions(published=fallback, n_process=processes, prefilter=prefilter)
    spark = spark_session(master)
    try:
        result = run_job(spark, input_path, output, fmt=fmt, partitions=partitions, options=options)
    finally:
        spark.stop()
    for where, problem in result.errors:
        typer.echo(f"detente: skipped {where}: {problem}", err=True)
    typer.echo(
        f"{result.articles} articles coded: {result.events} events, {result.claims} claims, "
        f"{result.sentences} sentences written to {output}",
        err=True,
    )
    if import_db is not None:
        from detente.store import Store

        with Store(import_db) as store:
            imported = import_output(output, store)
            counts = store.counts()
        stats = imported.stats
        typer.echo(
            f"{stats.articles_added} articles added ({stats.events_added} events, {imported.claims_added} "
            f"claims), {stats.duplicates} already stored. Database {import_db}: {counts['articles']} "
            f"articles, {counts['events']} events.",
            err=True,
        )
    if result.errors:
        raise typer.Exit(1)
