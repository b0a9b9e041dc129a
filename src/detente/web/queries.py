"""The web layer's database layer: plain functions over a DuckDB connection that return data.

Lists of articles, events, actors, search hits and pairs are paged in SQL (``LIMIT``/``OFFSET`` with a
separate ``count(*)``); a dyad's timeline is read for that pair only (what its chart needs) and paged
after; contested incidents come from the claims table. Every value goes in as a parameter, and nothing
here knows about HTTP. A bad parameter raises :class:`BadParameter`
naming it; a missing row raises :class:`NotFound`. The app turns both into 400/404.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, fields
from functools import lru_cache
from pathlib import Path
from typing import Any, cast, get_args

import duckdb

from detente.errors import DetenteError
from detente.models import Event, EventType
from detente.relations.series import (
    FACTUAL,
    FREQS,
    MAX_SPAN_DAYS,
    SERIES_SQL,
    Cell,
    DyadSeries,
    FacadePeriod,
    Freq,
    SeriesPoint,
    TimelineEvent,
    TurningPoint,
    facade_gap,
    series_params,
    turning_points,
)
from detente.store import EventFilter, Store
from detente.store.database import event_clauses
from detente.store.records import row_to_event

MAX_LIMIT = 500
RECENT_DAYS = 90
FACADE_THRESHOLD = 5.0
CODE = re.compile(r"^[A-Z][A-Z0-9_-]{1,11}$")
EVENT_TYPES: tuple[str, ...] = get_args(EventType)


class BadParameter(DetenteError):
    """A query parameter or path segment is invalid; ``name`` is the parameter."""

    def __init__(self, name: str, problem: str) -> None:
        super().__init__(f"{name}: {problem}")
        self.name = name


class NotFound(DetenteError):
    """No such article, event or dyad."""


class CursorStore(Store):
    """A :class:`Store` over an existing connection (one cursor per request), so the relations and
    claims functions that take a store can run on it. ``events()`` can be narrowed to the events
    some claim is about, so ``claimed_events`` does not read the whole table."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: str, *, only_claimed: bool = False) -> None:
        self.con = con
        self.path = path
        self.only_claimed = only_claimed

    def close(self) -> None:
        """Close the cursor."""
        self.con.close()

    def events(self, flt: EventFilter | None = None) -> Iterator[Event]:
        """Events as records; only those named by the claims table when ``only_claimed``."""
        if not self.only_claimed:
            yield from super().events(flt or EventFilter())
            return
        rows = self.con.sql(
            "SELECT * FROM events WHERE event_id IN (SELECT event_id FROM claims) ORDER BY event_id"
        ).to_arrow_table()
        for row in rows.to_pylist():
            yield row_to_event(row)


# -- preparing a store --------------------------------------------------------------------------
def table_names(con: duckdb.DuckDBPyConnection) -> set[str]:
    """Tables of the main database."""
    return {r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}


def prepare_store(path: str | Path) -> None:
    """Create the schema, merge events (``merged_events``) and build the claims table if they are
    missing or stale, so the web app can then open the file read-only."""
    with Store(path) as store:
        prepare(store)


def prepare(store: Store) -> None:
    """Merge the store's events if needed and build its claims table if it has none."""
    from detente.claims.storage import rebuild_claims
    from detente.relations.clusters import ensure_merged

    ensure_merged(store)
    if "claims" not in table_names(store.con):
        rebuild_claims(store, None)


def refresh_derived(store: Store, pipeline: Any = None) -> None:
    """After an ingest: re-merge the events and rebuild the claims table."""
    from detente.claims.storage import rebuild_claims
    from detente.relations.clusters import ensure_merged

    ensure_merged(store)
    rebuild_claims(store, pipeline)


# -- parameter checks ---------------------------------------------------------------------------
def check_code(value: str, name: str) -> str:
    """A country or organisation code ("RUS", "EU"), upper-cased."""
    code = value.strip().upper()
    if not CODE.match(code):
        raise BadParameter(name, f"{value!r} is not a country or organisation code (e.g. RUS, AZE, EU)")
    return code


def check_date(value: str | None, name: str) -> dt.date | None:
    """An ISO date or None."""
    if value is None or value == "":
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise BadParameter(name, f"{value!r} is not an ISO date (YYYY-MM-DD)") from None


def check_freq(value: str) -> Freq:
    """day, week or month."""
    for freq in FREQS:
        if value == freq:
            return freq
    raise BadParameter("freq", f"{value!r} is not one of {', '.join(FREQS)}")


def check_type(value: str | None) -> str | None:
    """A PLOVER event type (case-insensitive) or None."""
    if value is None or value == "":
        return None
    upper = value.strip().upper()
    if upper not in EVENT_TYPES:
        raise BadParameter("type", f"{value!r} is not a PLOVER event type ({', '.join(EVENT_TYPES)})")
    return upper


def check_track(value: str | None) -> str | None:
    """A track name (diplomatic, legal_coercive, economic, military) or None."""
    from detente.relations.tracks import load_tracks

    if value is None or value == "":
        return None
    tracks = load_tracks().tracks
    if value not in tracks:
        raise BadParameter("track", f"{value!r} is not a track ({', '.join(tracks)})")
    return value


def check_window(since: dt.date | None, until: dt.date | None) -> None:
    """``since`` must not come after ``until``."""
    if since is not None and until is not None and since > until:
        raise BadParameter("since", f"{since} is after until={until}")


def like_pattern(text: str) -> str:
    """An ILIKE pattern matching ``text`` anywhere (``%``, ``_`` and ``\\`` taken literally)."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


# -- articles -----------------------------------------------------------------------------------
ARTICLE_FIELDS = "doc_id, title, published, source, url, language"


def _dicts(cur: duckdb.DuckDBPyConnection, query: str, params: Any = None) -> list[dict[str, Any]]:
    rel = cur.execute(query, params or [])
    names = [d[0] for d in rel.description or []]
    return [dict(zip(names, row, strict=True)) for row in rel.fetchall()]


def count_rows(cur: duckdb.DuckDBPyConnection, table: str) -> int:
    """Rows of one of the store's own tables (articles, events, ...)."""
    if table not in ("articles", "events", "sentences", "actors"):
        raise ValueError(table)
    return _count(cur, f"SELECT count(*) FROM {table}")


def _count(cur: duckdb.DuckDBPyConnection, query: str, params: Any = None) -> int:
    rows = cur.execute(query, params or []).fetchall()
    return int(rows[0][0]) if rows else 0


def list_articles(
    cur: duckdb.DuckDBPyConnection, limit: int, offset: int
) -> tuple[int, list[dict[str, Any]]]:
    """A page of articles (newest first) with their number of events."""
    total = _count(cur, "SELECT count(*) FROM articles")
    rows = _dicts(
        cur,
        f"""
        WITH page AS (
            SELECT {ARTICLE_FIELDS} FROM articles
            ORDER BY published DESC NULLS LAST, doc_id LIMIT ? OFFSET ?
        ), n AS (
            SELECT doc_id, count(*) AS n_events FROM events
            WHERE doc_id IN (SELECT doc_id FROM page) GROUP BY doc_id
        )
        SELECT page.*, coalesce(n.n_events, 0) AS n_events FROM page LEFT JOIN n USING (doc_id)
        ORDER BY published DESC NULLS LAST, doc_id
        """,
        [limit, offset],
    )
    return total, rows


def get_article(cur: duckdb.DuckDBPyConnection, doc_id: str) -> dict[str, Any]:
    """One article with its text, sentences and events (in text order)."""
    rows = _dicts(
        cur, f"SELECT {ARTICLE_FIELDS}, text, code_version FROM articles WHERE doc_id = ?", [doc_id]
    )
    if not rows:
        raise NotFound(f"no article {doc_id!r}")
    article = rows[0]
    events = _dicts(cur, "SELECT * FROM events WHERE doc_id = ? ORDER BY span_start, event_id", [doc_id])
    article["events"] = [row_to_event(r) for r in events]
    article["event_rows"] = events
    article["n_events"] = len(events)
    article["sentences"] = _dicts(
        cur,
        "SELECT sentence_index, start_char, end_char FROM sentences WHERE doc_id = ? ORDER BY sentence_index",
        [doc_id],
    )
    return article


# -- events -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class EventQuery:
    """Filters of ``GET /api/events`` (already checked)."""

    a: str | None = None
    b: str | None = None
    directed: bool = False
    event_type: str | None = None
    track: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    claimant: str | None = None
    q: str | None = None

    def where(self) -> tuple[str, list[Any]]:
        """The WHERE clause and its parameters."""
        clauses, params = event_clauses(
            a=self.a,
            b=self.b,
            directed=self.directed,
            event_type=self.event_type,
            since=self.since,
            until=self.until,
        )
        if self.track is not None:
            clauses.append("event_id IN (SELECT event_id FROM event_clusters WHERE track = ?)")
            params.append(self.track)
        if self.claimant is not None:
            clauses.append(
                "(claimant_country = ? OR claimant_name ILIKE ? ESCAPE '\\'"
                " OR claimant_text ILIKE ? ESCAPE '\\')"
            )
            pattern = like_pattern(self.claimant)
            params += [self.claimant.upper(), pattern, pattern]
        if self.q is not None:
            clauses.append("sentence ILIKE ? ESCAPE '\\'")
            params.append(like_pattern(self.q))
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def list_events(
    cur: duckdb.DuckDBPyConnection, query: EventQuery, limit: int, offset: int
) -> tuple[int, list[dict[str, Any]]]:
    """A page of event rows matching ``query``, in date order, and how many match in all."""
    where, params = query.where()
    total = _count(cur, f"SELECT count(*) FROM events{where}", params)
    rows = _dicts(
        cur,
        f"SELECT * FROM events{where} ORDER BY date_start NULLS LAST, event_id LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    return total, rows


def search_events(
    cur: duckdb.DuckDBPyConnection, text: str, limit: int, offset: int
) -> tuple[int, list[dict[str, Any]]]:
    """Events whose sentence contains ``text`` (case-insensitive), newest first, with their article."""
    pattern = like_pattern(text)
    total = _count(cur, "SELECT count(*) FROM events WHERE sentence ILIKE ? ESCAPE '\\'", [pattern])
    rows = _dicts(
        cur,
        """
        WITH hits AS (
            SELECT event_id, doc_id, event_type, mode, date, date_start, sentence, source_country,
                   target_country, coalesce(source_name, source_text) AS source_label,
                   coalesce(target_name, target_text) AS target_label
            FROM events WHERE sentence ILIKE ? ESCAPE '\\'
            ORDER BY date_start DESC NULLS LAST, event_id LIMIT ? OFFSET ?
        )
        SELECT hits.*, a.title, a.source AS outlet FROM hits JOIN articles a USING (doc_id)
        ORDER BY date_start DESC NULLS LAST, event_id
        """,
        [pattern, limit, offset],
    )
    return total, rows


def get_event(cur: duckdb.DuckDBPyConnection, event_id: str) -> dict[str, Any]:
    """One event row with its article, its sentence's offsets, and every report merged with it."""
    rows = _dicts(
        cur,
        """
        SELECT e.*, a.title AS article_title, a.source AS outlet, a.published, a.url, a.text AS article_text,
               s.start_char AS sentence_start, s.end_char AS sentence_end
        FROM events e JOIN articles a USING (doc_id)
        LEFT JOIN sentences s ON s.doc_id = e.doc_id AND s.sentence_index = e.sentence_index
        WHERE e.event_id = ?
        """,
        [event_id],
    )
    if not rows:
        raise NotFound(f"no event {event_id!r}")
    row = rows[0]
    row["cluster_id"] = None
    row["track"] = None
    ids = [event_id]
    if "event_clusters" in table_names(cur):
        found = cur.execute(
            "SELECT cluster_id, track FROM event_clusters WHERE event_id = ?", [event_id]
        ).fetchall()
        if found:
            row["cluster_id"], row["track"] = found[0]
            members = cur.execute(
                "SELECT event_ids FROM merged_events WHERE cluster_id = ?", [row["cluster_id"]]
            ).fetchall()
            if members:
                ids = list(members[0][0])
    row["reports"] = _dicts(
        cur,
        """
        SELECT e.event_id, e.doc_id, a.source AS outlet, a.title, a.published, a.url, e.sentence
        FROM events e JOIN articles a USING (doc_id)
        WHERE e.event_id IN (SELECT unnest(?))
        ORDER BY a.published NULLS LAST, a.source, e.event_id
        """,
        [ids],
    )
    return row


# -- dyads --------------------------------------------------------------------------------------
RANKING_SQL = f"""
WITH ev AS (
    SELECT a, b, date_start, date_end, track, quad_class, intensity, n_sources,
           date_start IS NOT NULL AND date_end - date_start < {MAX_SPAN_DAYS} AS in_period
    FROM merged_events
    WHERE source_country IS NOT NULL AND target_country IS NOT NULL AND a <> b
      AND NOT negated AND list_contains($modalities, modality)
),
latest AS (SELECT max(date_start) AS last_day FROM ev),
monthly AS (
    SELECT a, b, count(*) AS events, sum(n_sources) AS reports, max(date_start) AS last_date,
           count(*) FILTER (WHERE date_start > (SELECT last_day FROM latest) - INTERVAL {RECENT_DAYS} DAY)
               AS recent,
           least(greatest(coalesce(sum(intensity) FILTER (WHERE in_period AND track = 'diplomatic'
                                                              AND quad_class = 'verbal_cooperation'), 0), 0),
                 coalesce(sum(abs(intensity)) FILTER (WHERE in_period AND track <> 'diplomatic'
                                                          AND quad_class = 'material_conflict'), 0)) AS score
    FROM ev
    GROUP BY a, b, date_trunc('month', date_start)
)
SELECT a, b, sum(events)::BIGINT AS events, sum(reports)::BIGINT AS reports, max(last_date) AS last_date,
       sum(recent)::BIGINT AS recent, round(max(score), 2) AS facade_max,
       count(*) FILTER (WHERE score >= $threshold) AS facade_months, count(*) OVER () AS total
FROM monthly
GROUP BY a, b
ORDER BY recent DESC, facade_max DESC, events DESC, a, b
LIMIT $limit OFFSET $offset
"""
"""The ranking of pairs in one pass over ``merged_events``: per pair and month the events, reports and
recent ones, and the month's facade score (as :func:`~detente.relations.series.facade_gap` computes it
for a monthly series), then per pair the sums and the largest score."""


def dyad_ranking(cur: duckdb.DuckDBPyConnection, limit: int, offset: int) -> tuple[int, list[dict[str, Any]]]:
    """Pairs ranked by recent activity, then facade gap, then size (one SQL query)."""
    if "merged_events" not in table_names(cur):
        return 0, []
    rows = _dicts(
        cur,
        RANKING_SQL,
        {"modalities": list(FACTUAL), "threshold": FACADE_THRESHOLD, "limit": limit, "offset": offset},
    )
    total = (
        int(rows[0]["total"])
        if rows
        else _count(
            cur,
            "SELECT count(DISTINCT (a, b)) FROM merged_events WHERE source_country IS NOT NULL "
            "AND target_country IS NOT NULL AND a <> b AND NOT negated AND list_contains(?, modality)",
            [list(FACTUAL)],
        )
    )
    for row in rows:
        del row["total"]
    return total, rows


@dataclass(frozen=True)
class DyadData:
    """What the dyad page and its API show."""

    series: DyadSeries
    facade: list[FacadePeriod]
    turning_points: list[TurningPoint]
    timeline: list[TimelineEvent]
    members: dict[str, tuple[str, ...]]  # cluster id -> the mentions (event ids) merged into it


def _within(event: TimelineEvent, since: dt.date | None, until: dt.date | None) -> bool:
    if since is None and until is None:
        return True
    if event.date_start is None or event.date_end is None:
        return False
    return (since is None or event.date_end >= since) and (until is None or event.date_start <= until)


def dyad_data(
    store: Store,
    a: str,
    b: str,
    *,
    freq: Freq = "month",
    since: dt.date | None = None,
    until: dt.date | None = None,
    directed: bool = False,
) -> DyadData:
    """A dyad's series, facade gap, turning points and timeline, cut to ``since``..``until``."""
    if "merged_events" not in table_names(store.con):
        raise NotFound("no merged events in this store yet")
    series = _series(store.con, a, b, freq, directed)
    events, members = _timeline(store.con, a, b, directed)
    if not series.points and not events:
        raise NotFound(f"no events between {a} and {b}")
    if since is not None or until is not None:
        points = [
            p
            for p in series.points
            if (since is None or p.period >= _period_start(since, freq))
            and (until is None or p.period <= until)
        ]
        series = DyadSeries(
            series.a, series.b, series.directed, series.freq, series.modalities, series.tracks, points
        )
        events = [e for e in events if _within(e, since, until)]
    return DyadData(
        series, facade_gap(series, threshold=FACADE_THRESHOLD), turning_points(series), events, members
    )


def _series(cur: duckdb.DuckDBPyConnection, a: str, b: str, freq: Freq, directed: bool) -> DyadSeries:
    """:func:`~detente.relations.series.dyad_series` without its freshness check: the app merges the
    store when it opens it (and after its own ingest), not on every request."""
    from detente.relations.tracks import load_tracks

    rows = cur.execute(
        SERIES_SQL, series_params(a, b, freq, directed=directed, modalities=FACTUAL)
    ).fetchall()
    cells: dict[dt.date, dict[tuple[str, str], Cell]] = {}
    for period, track, quad, n, total, ids in rows:
        cells.setdefault(period, {})[(track, quad)] = Cell(int(n), float(total), tuple(ids))
    points = [SeriesPoint(p, c) for p, c in sorted(cells.items())]
    return DyadSeries(a, b, directed, freq, FACTUAL, load_tracks().tracks, points)


TIMELINE_SQL_WITH_MEMBERS = """
SELECT cluster_id, date, date_start, date_end, date_precision, event_type, mode, track, quad_class, intensity,
       source_country, target_country, source_name, target_name, claimant, modality, place,
       sentence, n_sources, sources, event_ids
FROM merged_events
WHERE a = $lo AND b = $hi
  AND ($directed = false OR (source_country = $x AND target_country = $y))
  AND NOT negated AND list_contains($modalities, modality)
ORDER BY date_start NULLS LAST, date_end, cluster_id
"""
"""The relations package's ``TIMELINE_SQL`` plus each merged event's mentions (``event_ids``)."""


def _timeline(
    cur: duckdb.DuckDBPyConnection, a: str, b: str, directed: bool
) -> tuple[list[TimelineEvent], dict[str, tuple[str, ...]]]:
    """:func:`~detente.relations.series.timeline` without its freshness check (see :func:`_series`),
    with the mentions of each merged event."""
    params = {
        "x": a,
        "y": b,
        "lo": min(a, b),
        "hi": max(a, b),
        "directed": directed,
        "modalities": list(FACTUAL),
    }
    names = [f.name for f in fields(TimelineEvent)]
    events: list[TimelineEvent] = []
    members: dict[str, tuple[str, ...]] = {}
    for *row, event_ids in cur.execute(TIMELINE_SQL_WITH_MEMBERS, params).fetchall():
        record = dict(zip(names, row, strict=True))
        events.append(
            TimelineEvent(
                **{**record, "n_sources": int(record["n_sources"]), "sources": list(record["sources"])}
            )
        )
        members[record["cluster_id"]] = tuple(event_ids)
    return events, members


def _period_start(day: dt.date, freq: Freq) -> dt.date:
    if freq == "month":
        return day.replace(day=1)
    if freq == "week":
        return day - dt.timedelta(days=day.weekday())
    return day


PRECISION_RANK = {"day": 3, "range": 2, "month": 1, "year": 0}


def representatives(
    cur: duckdb.DuckDBPyConnection, data: DyadData, events: list[TimelineEvent]
) -> dict[str, str]:
    """For each merged event, the mention whose sentence it shows (ranked as ``merged_events`` ranks
    its mentions), so a timeline entry or chart mark links to the sentence it displays. Mentions are
    read by primary key in chunks (an IN list of constants uses the index)."""
    wanted = [i for e in events for i in data.members.get(e.cluster_id, (e.cluster_id,))]
    rows: dict[str, tuple[str, str | None, str, float]] = {}
    for at in range(0, len(wanted), 1000):
        chunk = wanted[at : at + 1000]
        marks = ", ".join("?" for _ in chunk)
        for event_id, sentence, precision, modality, confidence in cur.execute(
            "SELECT event_id, sentence, date_precision, modality, confidence FROM events "
            f"WHERE event_id IN ({marks})",
            chunk,
        ).fetchall():
            rows[event_id] = (sentence, precision, modality, confidence)
    out: dict[str, str] = {}
    for event in events:
        best: tuple[float, str] | None = None
        for event_id in data.members.get(event.cluster_id, (event.cluster_id,)):
            if event_id not in rows:
                continue
            sentence, precision, modality, confidence = rows[event_id]
            rank = (
                (sentence == event.sentence) * 100
                + PRECISION_RANK.get(precision or "", -1) * 10
                + (modality == "asserted") * 2
                + confidence
            )
            if best is None or (rank, event_id) > best:
                best = (rank, event_id)
        out[event.cluster_id] = best[1] if best else event.cluster_id
    return out


class _ClaimsReader:
    """A connection that skips the claims package's ``CREATE TABLE IF NOT EXISTS claims`` (the table
    exists, and a read-only store refuses any CREATE) and passes everything else through."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self._con = con

    def execute(self, query: str, *args: Any) -> duckdb.DuckDBPyConnection:
        from detente.claims.storage import CLAIMS_SCHEMA

        if query == CLAIMS_SCHEMA:
            return self._con
        return self._con.execute(query, *args)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._con, name)


# -- contested incidents and actors -------------------------------------------------------------
def contested(store: CursorStore) -> tuple[bool, list[dict[str, Any]]]:
    """Contested incidents from the stored claims table (False when there is none yet)."""
    from detente.claims.contested import find_contested
    from detente.claims.records import actor_label
    from detente.claims.storage import claimed_events, load_claims

    if "claims" not in table_names(store.con):
        return False, []
    reader = CursorStore(
        cast(duckdb.DuckDBPyConnection, _ClaimsReader(store.con)), store.path, only_claimed=True
    )
    incidents = find_contested(load_claims(reader), claimed_events(reader))
    stored = {
        r[0]
        for r in store.con.execute(
            "SELECT event_id FROM events WHERE event_id IN (SELECT event_id FROM claims)"
        ).fetchall()
    }
    out = []
    for incident in incidents:
        out.append(
            {
                "date": incident.date,
                "place": incident.place,
                "target": incident.target,
                "description": incident.description,
                "claims": [
                    {
                        "claimant": actor_label(c.claimant),
                        "polarity": c.polarity,
                        "perpetrator": actor_label(incident.events[c.event_id].source),
                        "doc_id": c.doc_id,
                        "event_id": c.event_id,
                        "sentence": c.sentence,
                        "in_events": c.event_id in stored,
                    }
                    for c in incident.claims
                ],
            }
        )
    return True, out


def list_actors(
    cur: duckdb.DuckDBPyConnection, q: str | None, limit: int, offset: int
) -> tuple[int, list[dict[str, Any]]]:
    """Stored actors whose name, mention, entity id or code matches ``q`` (all when None)."""
    where = ""
    params: list[Any] = []
    if q:
        pattern = like_pattern(q)
        where = (
            " WHERE country = ? OR name ILIKE ? ESCAPE '\\' OR example ILIKE ? ESCAPE '\\'"
            " OR entity_id ILIKE ? ESCAPE '\\'"
        )
        params = [q.strip().upper(), pattern, pattern, pattern]
    total = _count(cur, f"SELECT count(*) FROM actors{where}", params)
    rows = _dicts(
        cur,
        f"SELECT actor_key, entity_id, name, country, sector, example FROM actors{where} "
        "ORDER BY name NULLS LAST, actor_key LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    return total, rows


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """Code → name of the countries and organisations in the packaged actor dictionaries."""
    import csv

    from detente.data_files import data_path

    names: dict[str, str] = {}
    for file, code_field in (("countries.csv", "iso3"), ("organisations.csv", "code")):
        path = data_path("actors", file)
        if not path.is_file():
            continue
        with path.open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                code = row.get(code_field) or row.get("code") or row.get("iso3")
                name = row.get("name")
                if code and name:
                    names.setdefault(code, name)
    return names
