"""``detente dyad`` and ``detente report``: thin shells over :func:`detente.relations.series.dyad_view`.

Exit codes: 0 success; 1 no database; 2 bad usage (an unknown country or organisation, a bad option).
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

FREQ_CHOICES = ("day", "week", "month")
FORMAT_CHOICES = ("table", "json", "csv")

DbOption = Annotated[
    Path | None, typer.Option("--db", help="DuckDB file (default: $DETENTE_DB or the user data dir).")
]
FreqOption = Annotated[str, typer.Option("--freq", help="day, week or month.")]
DirectedOption = Annotated[
    bool, typer.Option("--directed", help="Only A's acts towards B (default: both directions).")
]
NoCausesOption = Annotated[
    bool,
    typer.Option(
        "--no-causes",
        help="Contested incidents without reading causes of death/damage (no language model).",
    ),
]


def _choice(value: str, choices: tuple[str, ...], option: str) -> str:
    if value not in choices:
        raise typer.BadParameter(f"{value!r} is not one of {', '.join(choices)}", param_hint=option)
    return value


def _pair(a: str, b: str) -> tuple[str, str]:
    from detente.cli import _code

    return _code(a, "A"), _code(b, "B")


def _view(
    db: Path | None,
    a: str,
    b: str,
    freq: str,
    directed: bool,
    *,
    contested: bool = False,
    causes: bool = True,
) -> Any:
    """The dyad view; with ``contested``, the pair's contested incidents too (reading causes of
    death or damage with the language model unless ``causes`` is off)."""
    from dataclasses import replace

    from detente.cli import _pipeline, _require_db
    from detente.relations.contested import dyad_contested
    from detente.relations.series import dyad_view
    from detente.store import Store

    code_a, code_b = _pair(a, b)
    _require_db(db)
    with Store(db) as store:
        view = dyad_view(store, code_a, code_b, freq=freq, directed=directed)  # type: ignore[arg-type]
        if contested:
            pipeline = _pipeline() if causes else None
            view = replace(view, contested=dyad_contested(store, code_a, code_b, pipeline=pipeline))
        return view


def _charts() -> Any:
    """The plotting module, or a clear error when its optional dependencies are missing."""
    try:
        from detente.relations import plot
    except ModuleNotFoundError as exc:
        typer.echo(
            f"detente: charts need altair and vl-convert-python ({exc.name} is not installed)", err=True
        )
        raise typer.Exit(1) from None
    return plot


def dyad(
    a: Annotated[str, typer.Argument(help="Country or organisation: ISO3 code, acronym or name.")],
    b: Annotated[str, typer.Argument(help="The other country or organisation.")],
    db: DbOption = None,
    freq: FreqOption = "month",
    fmt: Annotated[str, typer.Option("--format", help="table, json or csv.")] = "table",
    plot: Annotated[
        Path | None, typer.Option("--plot", help="Write a chart: FILE.png plus FILE.svg and FILE.html.")
    ] = None,
    directed: DirectedOption = False,
    no_causes: NoCausesOption = False,
) -> None:
    """Series of a pair per track and quad class, each merged event counted once; facade gap.

    ``--format json`` adds the pair's contested incidents (key ``contested``)."""
    _choice(freq, FREQ_CHOICES, "--freq")
    _choice(fmt, FORMAT_CHOICES, "--format")
    view = _view(db, a, b, freq, directed, contested=fmt == "json", causes=not no_causes)
    if fmt == "json":
        sys.stdout.write(json.dumps(view.as_dict(), ensure_ascii=False, indent=2) + "\n")
    elif fmt == "csv":
        _write_csv(view)
    else:
        _print_table(view)
    if plot is not None:
        charts = _charts()
        written = charts.write_chart(charts.dyad_chart(view.series, view.timeline, view.facade), plot)
        typer.echo("chart written: " + ", ".join(str(p) for p in written), err=True)


def report(
    a: Annotated[str, typer.Argument(help="Country or organisation: ISO3 code, acronym or name.")],
    b: Annotated[str, typer.Argument(help="The other country or organisation.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="HTML file to write.")] = Path("report.html"),
    db: DbOption = None,
    freq: FreqOption = "month",
    directed: DirectedOption = False,
    no_causes: NoCausesOption = False,
) -> None:
    """Write a self-contained HTML brief of a pair: figures, chart, contested incidents, timeline."""
    from detente.relations.report import render_report

    _choice(freq, FREQ_CHOICES, "--freq")
    charts = _charts()
    view = _view(db, a, b, freq, directed, contested=True, causes=not no_causes)
    html = render_report(view, charts.chart_svg(charts.dyad_chart(view.series, view.timeline, view.facade)))
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(html, encoding="utf-8")
    typer.echo(f"report written: {output}", err=True)


def _write_csv(view: Any) -> None:
    from detente.relations.series import series_records

    records = series_records(view.series)
    facade = {f.period.isoformat(): f for f in view.facade}
    if not records:
        return
    for record in records:
        f = facade.get(record["period"])
        record["cluster_ids"] = ";".join(record["cluster_ids"])
        record["facade_words"] = f.words if f else 0.0
        record["facade_deeds"] = f.deeds if f else 0.0
        record["facade_score"] = f.score if f else 0.0
        record["facade_flag"] = bool(f and f.flagged)
    writer = csv.DictWriter(sys.stdout, fieldnames=list(records[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(records)


def _print_table(view: Any) -> None:
    from rich.console import Console
    from rich.table import Table

    from detente.relations.tracks import load_tracks

    tracks = load_tracks()
    s = view.series
    arrow = "→" if s.directed else "–"
    table = Table(
        title=f"{s.a} {arrow} {s.b} per {s.freq}: merged events (net intensity) by track; "
        "facade = min(words, deeds)"
    )
    table.add_column("period")
    table.add_column("events", justify="right")
    for track in s.tracks:
        table.add_column(tracks.labels[track], justify="right")
    for column in ("words", "deeds", "facade"):
        table.add_column(column, justify="right")
    facade = {f.period: f for f in view.facade}
    for point in s.points:
        f = facade[point.period]
        cells = []
        for track in s.tracks:
            cell = point.track(track)
            cells.append(f"{cell.count} ({cell.intensity_sum:+.1f})" if cell.count else "")
        table.add_row(
            point.period.isoformat(),
            str(point.total.count),
            *cells,
            f"{f.words:.1f}",
            f"{f.deeds:.1f}",
            f"{f.score:.1f}{' !' if f.flagged else ''}",
        )
    probe = Console()
    console = Console(highlight=False, width=None if probe.is_terminal else 160)
    console.print(table)
    if view.turning_points:
        turns = "; ".join(
            f"{t.period.isoformat()} {t.track} {t.kind} {t.before:+.1f}→{t.after:+.1f}"
            for t in view.turning_points
        )
        console.print(f"Turning points: {turns}", markup=False)
    console.print(
        f"{len(view.timeline)} merged events, {sum(e.n_sources for e in view.timeline)} article reports; "
        "'!' marks facade-gap periods.",
        markup=False,
    )


def register(app: typer.Typer) -> None:
    """Add ``dyad`` and ``report`` to the ``detente`` command line."""
    app.command("dyad")(dyad)
    app.command("report")(report)
