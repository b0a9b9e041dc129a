"""A self-contained HTML brief of a dyad: headline figures, the chart (inline SVG), the timeline."""

from __future__ import annotations

import datetime as dt
from html import escape

from detente.relations.contested import incident_lines
from detente.relations.series import DyadView
from detente.relations.tracks import load_tracks

_STYLE = """
body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:2rem auto;max-width:1100px;
color:#222}
h1{margin-bottom:.2rem} .sub{color:#666;margin-top:0}
.cards{display:flex;flex-wrap:wrap;gap:.8rem;margin:1rem 0}
.card{border:1px solid #ddd;border-radius:6px;padding:.6rem .9rem;min-width:9rem}
.card b{display:block;font-size:1.5rem}
table{border-collapse:collapse;width:100%;font-size:.88rem}
th,td{border-bottom:1px solid #eee;padding:.3rem .4rem;text-align:left;vertical-align:top}
th{background:#f6f6f6} .num{text-align:right}
.flag{background:#fdf0c4} .chart svg{max-width:100%;height:auto}
.incident{margin:1rem 0} .incident h3{font-size:1rem;margin:.2rem 0} .deny{color:#b3261e}
"""


_DENY = ' class="deny"'


def _card(label: str, value: str) -> str:
    return f'<div class="card"><b>{escape(value)}</b>{escape(label)}</div>'


def render_report(view: DyadView, chart_svg: str, *, title: str | None = None) -> str:
    """The HTML brief as one string (no external files, scripts or fonts)."""
    tracks = load_tracks()
    s = view.series
    arrow = "→" if s.directed else "–"
    heading = title or f"{s.a} {arrow} {s.b}: relations by track"
    merged = len(view.timeline)
    reports = sum(e.n_sources for e in view.timeline)
    flagged = [f for f in view.facade if f.flagged]
    cards = [
        _card("merged events", str(merged)),
        _card("article reports behind them", str(reports)),
        _card("facade-gap periods", str(len(flagged))),
        _card("turning points", str(len(view.turning_points))),
    ]
    for track in s.tracks:
        cells = [p.track(track) for p in s.points]
        count = sum(c.count for c in cells)
        net = sum(c.intensity_sum for c in cells)
        cards.append(_card(f"{tracks.labels[track]} (net {net:+.1f})", str(count)))
    facade_rows = "".join(
        f"<tr><td>{f.period:%Y-%m-%d}</td><td class=num>{f.words:.1f}</td><td class=num>{f.deeds:.1f}</td>"
        f"<td class=num>{f.score:.1f}</td></tr>"
        for f in flagged
    )
    turn_rows = "".join(
        f"<tr><td>{t.period:%Y-%m-%d}</td><td>{escape(tracks.labels.get(t.track, t.track))}</td>"
        f"<td>{t.kind}</td><td class=num>{t.before:+.1f}</td><td class=num>{t.after:+.1f}</td></tr>"
        for t in view.turning_points
    )
    flagged_periods = {f.period for f in flagged}
    timeline_rows = []
    for e in view.timeline:
        period = _period_of(e.date_start, s.freq) if e.date_start else None
        cls = ' class="flag"' if period in flagged_periods else ""
        who = (
            f"{e.source_name or e.source or '?'} ({e.source or '?'}) → "
            f"{e.target_name or e.target or '?'} ({e.target or '?'})"
        )
        kind = e.event_type + (f" / {e.mode}" if e.mode else "")
        timeline_rows.append(
            f"<tr{cls}><td>{escape(e.date or 'undated')}</td><td>{escape(kind)}</td>"
            f"<td>{escape(tracks.labels.get(e.track, e.track))}</td>"
            f"<td>{escape(who)}</td><td>{escape(e.claimant or '')}</td><td>{escape(e.modality)}</td>"
            f"<td class=num>{e.n_sources}</td><td>{escape(e.sentence)}</td></tr>"
        )
    if view.contested is not None:
        cards.insert(2, _card("contested incidents", str(len(view.contested))))
    generated = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{escape(heading)}</title><style>{_STYLE}</style></head>
<body>
<h1>{escape(heading)}</h1>
<p class="sub">Per {s.freq}; each event counted once however many articles report it; negated events and
modalities other than {", ".join(s.modalities)} left out. Generated {generated} by Detente.</p>
<div class="cards">{"".join(cards)}</div>
<h2>Tracks over time</h2>
<div class="chart">{chart_svg}</div>
<p class="sub">Shaded: facade-gap periods, where warm words (diplomatic verbal cooperation) stand beside
hard deeds (material conflict on the legal-coercive, economic and military tracks):
score = min(words, deeds).</p>
<h2>Facade-gap periods</h2>
<table><tr><th>period</th><th>words</th><th>deeds</th><th>score</th></tr>{
        facade_rows or "<tr><td colspan=4>none</td></tr>"
    }</table>
<h2>Turning points</h2>
<table><tr><th>period</th><th>track</th><th>kind</th><th>before</th><th>after</th></tr>{
        turn_rows or "<tr><td colspan=5>none</td></tr>"
    }</table>
{_contested_section(view)}
<h2 id="timeline">Timeline</h2>
<table><tr><th>date</th><th>type</th><th>track</th><th>actors</th><th>claimant</th><th>modality</th>
<th>sources</th><th>evidence</th></tr>{"".join(timeline_rows)}</table>
</body></html>
"""


def _contested_section(view: DyadView) -> str:
    """Contested incidents touching the pair: when, where, to whom, and what each side claims."""
    if view.contested is None:
        return ""
    if not view.contested:
        return '<h2 id="contested">Contested incidents</h2><p>None found.</p>'
    parts = [
        '<h2 id="contested">Contested incidents</h2>',
        '<p class="sub">Incidents whose claimants, on different sides, blame different perpetrators or '
        "deny what the other side affirms. A cause put forward in place of a perpetrator (a death of "
        "natural causes against a beating) is shown as the cause.</p>",
    ]
    for number, incident in enumerate(view.contested, start=1):
        rows = "".join(
            f"<tr><td>{escape(line.side)}</td><td>{escape(line.claimant)}</td>"
            f"<td{_DENY if line.says == 'denies' else ''}>{escape(line.says)}</td>"
            f"<td>{'cause: ' if line.cause else ''}{escape(line.perpetrator)}</td>"
            f"<td>{escape(line.sentence)}</td></tr>"
            for line in incident_lines(incident)
        )
        parts.append(
            f'<div class="incident"><h3>{number}. {escape(incident.description)}</h3>'
            f'<p class="sub">date {escape(incident.date or "?")} · place {escape(incident.place or "?")} · '
            f"target {escape(incident.target or '?')}</p>"
            "<table><tr><th>side</th><th>claimant</th><th>says</th><th>perpetrator / cause</th>"
            f"<th>evidence</th></tr>{rows}</table></div>"
        )
    return "\n".join(parts)


def _period_of(day: dt.date, freq: str) -> dt.date:
    if freq == "month":
        return day.replace(day=1)
    if freq == "week":
        return day - dt.timedelta(days=day.weekday())
    return day
