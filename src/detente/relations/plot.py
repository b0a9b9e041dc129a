"""Charts of a dyad (Altair / Vega-Lite, rendered offline by vl-convert): PNG, SVG and HTML.

The chart has two panels on one time axis: the net intensity of each track per period (one line per
track), and below it every merged event as a mark in its track's row (size: number of reporting
sources); an event dated by a range longer than a period ("this summer") is a bar over its days
instead, since no period counts it. Periods flagged by the facade gap are shaded in both panels.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import altair as alt

from detente.relations.series import MAX_SPAN_DAYS, DyadSeries, FacadePeriod, TimelineEvent, _step, track_net
from detente.relations.tracks import load_tracks


def _shading(series: DyadSeries, facade: list[FacadePeriod]) -> list[dict[str, Any]]:
    return [
        {"start": f.period.isoformat(), "end": _step(f.period, series.freq).isoformat(), "score": f.score}
        for f in facade
        if f.flagged
    ]


def dyad_chart(
    series: DyadSeries, events: list[TimelineEvent], facade: list[FacadePeriod], *, title: str | None = None
) -> alt.VConcatChart:
    """The dyad chart: track lines, event marks, facade-gap periods shaded."""
    tracks = load_tracks()
    names = list(series.tracks)
    color = alt.Color(
        "track_label:N",
        title="track",
        scale=alt.Scale(domain=[tracks.labels[t] for t in names], range=[tracks.colors[t] for t in names]),
    )
    lines = [
        {"period": d.isoformat(), "track": t, "track_label": tracks.labels[t], "net": round(v, 2)}
        for t, values in track_net(series).items()
        for d, v in values
    ]
    marks = [
        {
            "date": e.date_start.isoformat(),
            "track": e.track,
            "track_label": tracks.labels.get(e.track, e.track),
            "type": e.event_type,
            "mode": e.mode or "",
            "who": f"{e.source or '?'} → {e.target or '?'}",
            "sources": e.n_sources,
            "intensity": e.intensity,
            "quad": e.quad_class.replace("_", " "),
            "sentence": e.sentence[:200],
        }
        for e in events
        if e.date_start is not None
        and e.date_end is not None
        and (e.date_end - e.date_start).days < MAX_SPAN_DAYS
    ]
    # events dated by a range longer than a period can hold ("this summer", "over the year"): no period
    # counts them, so they are drawn as bars over the days they cover
    spans = [
        {
            "start": e.date_start.isoformat(),
            "end": e.date_end.isoformat(),
            "track_label": tracks.labels.get(e.track, e.track),
            "type": e.event_type,
            "who": f"{e.source or '?'} → {e.target or '?'}",
            "date": e.date or "",
            "sentence": e.sentence[:200],
        }
        for e in events
        if e.date_start is not None
        and e.date_end is not None
        and (e.date_end - e.date_start).days >= MAX_SPAN_DAYS
    ]
    shade = _shading(series, facade)
    # the axis covers the periods and dated marks; a long span (a year-precision date) is clipped to it
    # rather than stretching the axis over months with no event
    stamps: list[str] = [str(r["period"]) for r in lines] + [str(m["date"]) for m in marks]
    if not stamps:
        stamps = [str(b[key]) for b in spans for key in ("start", "end")]
    if series.points:
        stamps.append(_step(series.points[-1].period, series.freq).isoformat())
    first, last = (min(stamps), max(stamps)) if stamps else (dt.date.today().isoformat(),) * 2
    x_scale = alt.Scale(domain=[first, last])
    x = alt.X("period:T", title=None, scale=x_scale)
    rect = (
        alt.Chart(alt.InlineData(values=shade or [{"start": first, "end": first, "score": 0}]))
        .mark_rect(color="#f2b701", opacity=0.22 if shade else 0.0)
        .encode(
            x=alt.X("start:T", scale=x_scale, title=None),
            x2="end:T",
            tooltip=[alt.Tooltip("score:Q", title="facade score")],
        )
    )
    line = (
        alt.Chart(alt.InlineData(values=lines))
        .mark_line(point=True, interpolate="linear")
        .encode(
            x=x,
            y=alt.Y("net:Q", title=f"net intensity per {series.freq}"),
            color=color,
            tooltip=["period:T", "track_label:N", "net:Q"],
        )
    )
    zero = alt.Chart(alt.InlineData(values=[{"y": 0}])).mark_rule(color="#999999").encode(y="y:Q")
    top = alt.layer(rect, zero, line).properties(width=760, height=260)
    dots = (
        alt.Chart(alt.InlineData(values=marks))
        .mark_point(filled=True, opacity=0.8)
        .encode(
            x=alt.X("date:T", title=None, scale=x_scale),
            y=alt.Y("track_label:N", title=None, sort=[tracks.labels[t] for t in names]),
            color=color,
            shape=alt.Shape("quad:N", title="quad class"),
            size=alt.Size(
                "sources:Q",
                title="sources",
                scale=alt.Scale(domain=[1, max([4, *(e.n_sources for e in events)])], range=[50, 450]),
                legend=alt.Legend(values=[1, 2, 3, 5]),
            ),
            tooltip=["date:T", "type:N", "mode:N", "who:N", "sources:Q", "intensity:Q", "sentence:N"],
        )
    )
    bars = (
        alt.Chart(alt.InlineData(values=spans))
        .mark_rule(strokeWidth=5, opacity=0.45, clip=True)
        .encode(
            x=alt.X("start:T", title=None, scale=x_scale),
            x2="end:T",
            y=alt.Y("track_label:N", title=None, sort=[tracks.labels[t] for t in names]),
            color=color,
            tooltip=["date:N", "type:N", "who:N", "sentence:N"],
        )
    )
    panel = [rect.encode(x=alt.X("start:T", scale=x_scale, title=None)), *([bars] if spans else []), dots]
    bottom = alt.layer(*panel).properties(width=760, height=130)
    heading = (
        title or f"{series.a}–{series.b}{' (directed)' if series.directed else ''}: tracks per {series.freq}"
    )
    chart: alt.VConcatChart = alt.vconcat(top, bottom, title=heading).resolve_scale(x="shared")
    return chart


def write_chart(chart: alt.VConcatChart, path: Path) -> list[Path]:
    """Write ``path`` as PNG plus ``.svg`` and ``.html`` (Vega-Lite, self-contained) beside it."""
    import vl_convert as vlc

    spec = chart.to_dict()
    png = path if path.suffix.lower() == ".png" else path.with_suffix(".png")
    svg, html = png.with_suffix(".svg"), png.with_suffix(".html")
    png.parent.mkdir(parents=True, exist_ok=True)
    png.write_bytes(vlc.vegalite_to_png(spec, scale=2))
    svg.write_text(vlc.vegalite_to_svg(spec), encoding="utf-8")
    html.write_text(vlc.vegalite_to_html(spec, bundle=True), encoding="utf-8")
    return [png, svg, html]


def chart_svg(chart: alt.VConcatChart) -> str:
    """The chart as an SVG string (for embedding in the HTML report)."""
    import vl_convert as vlc

    return str(vlc.vegalite_to_svg(chart.to_dict()))
