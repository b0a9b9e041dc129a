"""Dyad series, facade gap, turning points and timeline, in SQL over the merged events.

Series
    For a pair (A, B) — undirected by default, or directed A → B — and a frequency (day, week,
    month), each period gets counts, summed and mean intensity, split by PLOVER quad class and by
    track. Each merged event (cluster, see :mod:`detente.relations.clusters`) counts once however
    many articles report it, and every cell lists its cluster ids. Left out by default: negated
    events; modalities other than ``asserted``, ``claimed`` and ``alleged`` (planned, promised,
    requested and hypothetical acts did not happen yet); undated events; and dates coarser than a
    month (a year, or a range over 31 days) which no period can hold. A month-precision date falls
    in the period of its first day.

Facade gap
    Per period, ``words`` is the summed positive intensity of verbal cooperation on the diplomatic
    track (meetings, praise, apologies, agreements) and ``deeds`` the summed absolute intensity of
    material conflict on the other tracks (legal-coercive, economic, military: detentions, raids,
    sanctions, strikes). The facade score is ``min(words, deeds)``: it is large only when both are
    large, and measures how much warm talk stands beside hard acts. A period is flagged when the
    score reaches ``threshold`` (default 5.0, about one embrace beside one detention).

Turning points
    For each track, the net score of a period is its summed signed intensity (empty periods count
    0 over the span of the series). A period is a turning point when its net score has the opposite
    sign of the last non-zero period before it ("sign"), or when its change from the previous period
    exceeds ``k`` (default 2) standard deviations of all period-to-period changes of that track
    ("jump"; needs at least three changes and a non-zero deviation).
"""

from __future__ import annotations

import datetime as dt
import statistics
from dataclasses import asdict, dataclass, field, fields
from typing import TYPE_CHECKING, Any, Literal

from detente.relations.clusters import ensure_merged
from detente.store import Store

if TYPE_CHECKING:
    from detente.claims.contested import ContestedIncident

Freq = Literal["day", "week", "month"]
FREQS: tuple[Freq, ...] = ("day", "week", "month")
QUADS = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")
FACTUAL = ("asserted", "claimed", "alleged")
MAX_SPAN_DAYS = 31


@dataclass(frozen=True)
class Cell:
    """Events of one period in one track or quad class."""

    count: int = 0
    intensity_sum: float = 0.0
    cluster_ids: tuple[str, ...] = ()

    @property
    def intensity_mean(self) -> float:
        """Mean intensity (0 when empty)."""
        return self.intensity_sum / self.count if self.count else 0.0


def _merge_cells(cells: list[Cell]) -> Cell:
    return Cell(
        sum(c.count for c in cells),
        sum(c.intensity_sum for c in cells),
        tuple(sorted(i for c in cells for i in c.cluster_ids)),
    )


@dataclass(frozen=True)
class SeriesPoint:
    """One period of a dyad series: a cell per (track, quad class) that has events."""

    period: dt.date
    cells: dict[tuple[str, str], Cell]

    def track(self, track: str, quad: str | None = None) -> Cell:
        """Events of one track (optionally of one quad class only)."""
        return _merge_cells([c for (t, q), c in self.cells.items() if t == track and quad in (None, q)])

    def quad(self, quad: str) -> Cell:
        """Events of one quad class."""
        return _merge_cells([c for (_, q), c in self.cells.items() if q == quad])

    @property
    def total(self) -> Cell:
        """All events of the period."""
        return _merge_cells(list(self.cells.values()))


@dataclass(frozen=True)
class DyadSeries:
    """A dyad's series: the pair, how it was read, and its points in period order."""

    a: str
    b: str
    directed: bool
    freq: Freq
    modalities: tuple[str, ...]
    tracks: tuple[str, ...]
    points: list[SeriesPoint]


@dataclass(frozen=True)
class FacadePeriod:
    """Words and deeds of one period (see the module docstring)."""

    period: dt.date
    words: float
    deeds: float
    score: float
    flagged: bool


@dataclass(frozen=True)
class TurningPoint:
    """A period where a track's net score changed sign or jumped."""

    period: dt.date
    track: str
    kind: Literal["sign", "jump"]
    before: float
    after: float


@dataclass(frozen=True)
class TimelineEvent:
    """One merged event of a dyad."""

    cluster_id: str
    date: str | None
    date_start: dt.date | None
    date_end: dt.date | None
    date_precision: str | None
    event_type: str
    mode: str | None
    track: str
    quad_class: str
    intensity: float
    source: str | None
    target: str | None
    source_name: str | None
    target_name: str | None
    claimant: str | None
    modality: str
    place: str | None
    sentence: str
    n_sources: int
    sources: list[str] = field(default_factory=list)


SERIES_SQL = """
SELECT date_trunc($freq, date_start)::DATE AS period, track, quad_class,
       count(*) AS n, sum(intensity) AS total, list(cluster_id ORDER BY cluster_id) AS ids
FROM merged_events
WHERE a = $lo AND b = $hi
  AND ($directed = false OR (source_country = $x AND target_country = $y))
  AND NOT negated AND list_contains($modalities, modality)
  AND date_start IS NOT NULL AND date_end - date_start < $max_span
GROUP BY ALL
ORDER BY period, track, quad_class
"""


def series_params(
    a: str, b: str, freq: Freq, *, directed: bool, modalities: tuple[str, ...]
) -> dict[str, Any]:
    """Parameters of :data:`SERIES_SQL` (shared with the benchmark)."""
    return {
        "freq": freq,
        "x": a,
        "y": b,
        "lo": min(a, b),
        "hi": max(a, b),
        "directed": directed,
        "modalities": list(modalities),
        "max_span": MAX_SPAN_DAYS,
    }


def dyad_series(
    store: Store,
    a: str,
    b: str,
    *,
    freq: Freq = "month",
    directed: bool = False,
    modalities: tuple[str, ...] = FACTUAL,
) -> DyadSeries:
    """The series of a dyad (merging the store's events first if they are not all merged)."""
    from detente.relations.tracks import load_tracks

    if freq not in FREQS:
        raise ValueError(f"freq must be one of {', '.join(FREQS)}, not {freq!r}")
    ensure_merged(store)
    rows = store.con.execute(
        SERIES_SQL, series_params(a, b, freq, directed=directed, modalities=modalities)
    ).fetchall()
    tracks = load_tracks().tracks
    cells: dict[dt.date, dict[tuple[str, str], Cell]] = {}
    for period, track, quad, n, total, ids in rows:
        cells.setdefault(period, {})[(track, quad)] = Cell(int(n), float(total), tuple(ids))
    points = [SeriesPoint(p, c) for p, c in sorted(cells.items())]
    return DyadSeries(a, b, directed, freq, modalities, tracks, points)


def _step(period: dt.date, freq: Freq) -> dt.date:
    if freq == "day":
        return period + dt.timedelta(days=1)
    if freq == "week":
        return period + dt.timedelta(days=7)
    return (period.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


def filled_periods(series: DyadSeries) -> list[dt.date]:
    """Every period from the first to the last point of the series, empty ones included."""
    if not series.points:
        return []
    out = [series.points[0].period]
    while out[-1] < series.points[-1].period:
        out.append(_step(out[-1], series.freq))
    return out


def facade_gap(series: DyadSeries, *, threshold: float = 5.0) -> list[FacadePeriod]:
    """Words (diplomatic verbal cooperation) against deeds (material conflict on the other tracks)."""
    out: list[FacadePeriod] = []
    for point in series.points:
        words = max(0.0, point.track("diplomatic", "verbal_cooperation").intensity_sum)
        deeds = sum(
            abs(point.track(t, "material_conflict").intensity_sum) for t in series.tracks if t != "diplomatic"
        )
        score = min(words, deeds)
        out.append(
            FacadePeriod(point.period, round(words, 2), round(deeds, 2), round(score, 2), score >= threshold)
        )
    return out


def track_net(series: DyadSeries) -> dict[str, list[tuple[dt.date, float]]]:
    """Per track, the net (summed signed) intensity of every period, empty periods as 0."""
    by_period = {p.period: p for p in series.points}
    periods = filled_periods(series)
    return {
        track: [(d, by_period[d].track(track).intensity_sum if d in by_period else 0.0) for d in periods]
        for track in series.tracks
    }


def turning_points(series: DyadSeries, *, k: float = 2.0) -> list[TurningPoint]:
    """Periods where a track's net score changes sign or jumps by more than ``k`` deviations."""
    out: list[TurningPoint] = []
    for track, values in track_net(series).items():
        changes = [values[i][1] - values[i - 1][1] for i in range(1, len(values))]
        spread = statistics.pstdev(changes) if len(changes) >= 3 else 0.0
        last_nonzero: float | None = None
        for i, (period, value) in enumerate(values):
            previous = values[i - 1][1] if i else 0.0
            if value != 0 and last_nonzero is not None and (value > 0) != (last_nonzero > 0):
                out.append(TurningPoint(period, track, "sign", last_nonzero, value))
            elif i and spread > 0 and abs(value - previous) > k * spread:
                out.append(TurningPoint(period, track, "jump", previous, value))
            if value != 0:
                last_nonzero = value
    out.sort(key=lambda t: (t.period, t.track))
    return out


TIMELINE_SQL = """
SELECT cluster_id, date, date_start, date_end, date_precision, event_type, mode, track, quad_class, intensity,
       source_country, target_country, source_name, target_name, claimant, modality, place,
       sentence, n_sources, sources
FROM merged_events
WHERE a = $lo AND b = $hi
  AND ($directed = false OR (source_country = $x AND target_country = $y))
  AND NOT negated AND list_contains($modalities, modality)
ORDER BY date_start NULLS LAST, date_end, cluster_id
"""


def timeline(
    store: Store,
    a: str,
    b: str,
    *,
    directed: bool = False,
    modalities: tuple[str, ...] = FACTUAL,
) -> list[TimelineEvent]:
    """The merged events of a dyad in date order (undated ones last), same filters as the series."""
    ensure_merged(store)
    rows = store.con.execute(
        TIMELINE_SQL,
        {
            "x": a,
            "y": b,
            "lo": min(a, b),
            "hi": max(a, b),
            "directed": directed,
            "modalities": list(modalities),
        },
    ).fetchall()
    names = [f.name for f in fields(TimelineEvent)]
    return [
        TimelineEvent(**{**dict(zip(names, r, strict=True)), "n_sources": int(r[-2]), "sources": list(r[-1])})
        for r in rows
    ]


def series_records(series: DyadSeries) -> list[dict[str, Any]]:
    """The series as flat JSON-ready records: one per period, with per-track and per-quad figures."""
    records: list[dict[str, Any]] = []
    for point in series.points:
        total = point.total
        record: dict[str, Any] = {
            "period": point.period.isoformat(),
            "events": total.count,
            "intensity_sum": round(total.intensity_sum, 2),
            "intensity_mean": round(total.intensity_mean, 2),
        }
        for name, cell in [
            *((t, point.track(t)) for t in series.tracks),
            *((q, point.quad(q)) for q in QUADS),
        ]:
            record[f"{name}_events"] = cell.count
            record[f"{name}_intensity"] = round(cell.intensity_sum, 2)
        record["cluster_ids"] = list(total.cluster_ids)
        records.append(record)
    return records


def timeline_records(events: list[TimelineEvent]) -> list[dict[str, Any]]:
    """Timeline events as JSON-ready dicts."""
    out = []
    for event in events:
        record = asdict(event)
        record["date_start"] = event.date_start.isoformat() if event.date_start else None
        record["date_end"] = event.date_end.isoformat() if event.date_end else None
        out.append(record)
    return out


@dataclass(frozen=True)
class DyadView:
    """Everything the dyad command, the chart and the report show: series, facade, turns, timeline."""

    series: DyadSeries
    facade: list[FacadePeriod]
    turning_points: list[TurningPoint]
    timeline: list[TimelineEvent]
    # contested incidents touching the pair (detente.relations.contested); None: not looked up
    contested: list[ContestedIncident] | None = None

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form (with ``contested``, the spec's contested records, when looked up)."""
        s = self.series
        out: dict[str, Any] = {
            "dyad": [s.a, s.b],
            "directed": s.directed,
            "freq": s.freq,
            "modalities": list(s.modalities),
            "tracks": list(s.tracks),
            "series": series_records(s),
            "facade": [{**asdict(f), "period": f.period.isoformat()} for f in self.facade],
            "turning_points": [{**asdict(t), "period": t.period.isoformat()} for t in self.turning_points],
            "timeline": timeline_records(self.timeline),
        }
        if self.contested is not None:
            out["contested"] = [incident.to_record() for incident in self.contested]
        return out


def dyad_view(
    store: Store,
    a: str,
    b: str,
    *,
    freq: Freq = "month",
    directed: bool = False,
    modalities: tuple[str, ...] = FACTUAL,
    threshold: float = 5.0,
    k: float = 2.0,
) -> DyadView:
    """Series, facade gap, turning points and timeline of one dyad."""
    series = dyad_series(store, a, b, freq=freq, directed=directed, modalities=modalities)
    return DyadView(
        series,
        facade_gap(series, threshold=threshold),
        turning_points(series, k=k),
        timeline(store, a, b, directed=directed, modalities=modalities),
    )
