"""Merged events in the store: ``event_clusters`` (one row per mention) and ``merged_events``.

``merge_store(store)`` (re)computes the clusters of every stored event with
:func:`detente.relations.merge.cluster_mentions`, assigns each mention its track from
``data/relations/tracks.yaml``, and rebuilds ``merged_events`` (one row per cluster) in SQL from
``events JOIN event_clusters``. It replaces what it wrote before, so running it twice gives the same
tables. The representative of a cluster — whose type, actors, date and sentence the merged event
shows — is its most precisely dated mention, asserted before claimed, then the most confident.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

import duckdb
import pyarrow as pa

from detente.relations.merge import Mention, cluster_mentions
from detente.relations.tracks import load_tracks
from detente.store import Store

CLUSTERS_SQL = """
CREATE TABLE IF NOT EXISTS event_clusters (
    event_id    VARCHAR PRIMARY KEY,  -- a coded mention (events.event_id)
    cluster_id  VARCHAR NOT NULL,     -- the merged event it belongs to (its smallest event_id)
    track       VARCHAR NOT NULL      -- diplomatic, legal_coercive, economic, military
);
CREATE TABLE IF NOT EXISTS merge_runs (
    run_at      TIMESTAMP NOT NULL,
    mentions    BIGINT NOT NULL,
    clusters    BIGINT NOT NULL,
    versions    VARCHAR NOT NULL      -- versions of the merge and track tables used
);
"""

MERGED_SQL = """
CREATE OR REPLACE TABLE merged_events AS
WITH m AS (
    SELECT e.*, c.cluster_id, c.track,
           coalesce(CASE e.date_precision WHEN 'day' THEN 3 WHEN 'range' THEN 2
                                          WHEN 'month' THEN 1 WHEN 'year' THEN 0 END, -1) * 10
           + (e.modality = 'asserted')::INT * 2 + e.confidence AS rank
    FROM events e JOIN event_clusters c USING (event_id)
)
SELECT cluster_id,
       least(arg_max(source_country, rank), arg_max(target_country, rank)) AS a,
       greatest(arg_max(source_country, rank), arg_max(target_country, rank)) AS b,
       arg_max(source_country, rank) AS source_country,
       arg_max(target_country, rank) AS target_country,
       arg_max(coalesce(source_name, source_text), rank) AS source_name,
       arg_max(coalesce(target_name, target_text), rank) AS target_name,
       arg_max(event_type, rank) AS event_type,
       arg_max(mode, rank) AS mode,
       arg_max(quad_class, rank) AS quad_class,
       arg_max(intensity, rank) AS intensity,
       arg_max(track, rank) AS track,
       arg_max(date, rank) AS date,
       arg_max(date_start, rank) AS date_start,
       arg_max(date_end, rank) AS date_end,
       arg_max(date_precision, rank) AS date_precision,
       arg_max(coalesce(place_name, place_text), rank) AS place,
       bool_or(negated) AS negated,
       arg_max(modality, rank) AS modality,
       arg_max(coalesce(claimant_name, claimant_text), rank) AS claimant,
       arg_max(sentence, rank) AS sentence,
       count(*) AS mentions,
       count(DISTINCT doc_id) AS n_sources,
       list(DISTINCT doc_id ORDER BY doc_id) AS sources,
       list(event_id ORDER BY event_id) AS event_ids
FROM m
GROUP BY cluster_id
ORDER BY a, b, date_start;
"""

_MENTION_COLUMNS = (
    "event_id, doc_id, event_type, mode, source_country, target_country, source_entity, "
    "target_entity, sentence, trigger, date_start, date_end, date_precision, place_name, place_text, "
    "place_country, negated, modality, confidence"
)


@dataclass(frozen=True)
class MergeStats:
    """What one merge run found."""

    mentions: int
    clusters: int

    @property
    def merged_away(self) -> int:
        """Mentions folded into another mention's event."""
        return self.mentions - self.clusters


def ensure_tables(con: duckdb.DuckDBPyConnection) -> None:
    """Create ``event_clusters`` and ``merge_runs`` if missing."""
    con.execute(CLUSTERS_SQL)


def rebuild_merged(con: duckdb.DuckDBPyConnection) -> None:
    """Rebuild ``merged_events`` from ``events JOIN event_clusters`` (pure SQL)."""
    con.execute(MERGED_SQL)


def merge_store(store: Store) -> MergeStats:
    """(Re)compute the clusters and tracks of all stored events and rebuild ``merged_events``."""
    con = store.con
    ensure_tables(con)
    rows: list[dict[str, Any]] = (
        con.sql(f"SELECT {_MENTION_COLUMNS} FROM events").to_arrow_table().to_pylist()
    )
    clusters = cluster_mentions(Mention.from_row(r) for r in rows)
    tracks = load_tracks()
    table = pa.table(
        {
            "event_id": [r["event_id"] for r in rows],
            "cluster_id": [clusters[r["event_id"]] for r in rows],
            "track": [
                tracks.track(r["event_type"], r["mode"], f"{r['trigger']} {r['sentence']}") for r in rows
            ],
        },
        schema=pa.schema([("event_id", pa.string()), ("cluster_id", pa.string()), ("track", pa.string())]),
    )
    versions = knowledge_versions()
    try:
        con.execute("BEGIN TRANSACTION")
        con.execute("DELETE FROM event_clusters")
        con.register("_new_clusters", table)
        con.execute("INSERT INTO event_clusters SELECT event_id, cluster_id, track FROM _new_clusters")
        con.unregister("_new_clusters")
        rebuild_merged(con)
        con.execute(
            "INSERT INTO merge_runs VALUES (now()::TIMESTAMP, ?, ?, ?)",
            [len(rows), len(set(clusters.values())), versions],
        )
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return MergeStats(len(rows), len(set(clusters.values())))


def knowledge_versions() -> str:
    """Versions and a content hash of ``merge.yaml`` and ``tracks.yaml``: a merge run records them."""
    from detente.data_files import data_path
    from detente.relations.merge import load_merge_rules

    digest = hashlib.sha256()
    for name in ("merge.yaml", "tracks.yaml"):
        digest.update(data_path("relations", name).read_bytes())
    return f"merge {load_merge_rules().version}, tracks {load_tracks().version}, {digest.hexdigest()[:10]}"


def is_current(store: Store) -> bool:
    """Whether ``merged_events`` covers exactly the stored events (by count), made with today's tables."""
    con = store.con
    present = con.execute(
        "SELECT count(*) FROM duckdb_tables() "
        "WHERE table_name IN ('event_clusters', 'merged_events', 'merge_runs')"
    ).fetchall()[0][0]
    if present < 3:
        return False
    last = con.execute("SELECT versions FROM merge_runs ORDER BY run_at DESC LIMIT 1").fetchall()
    if not last or last[0][0] != knowledge_versions():
        return False
    events = con.execute("SELECT count(*) FROM events").fetchall()[0][0]
    clustered = con.execute("SELECT count(*) FROM event_clusters").fetchall()[0][0]
    return bool(events == clustered)


def ensure_merged(store: Store) -> None:
    """Run :func:`merge_store` when the stored events are not all clustered yet."""
    if not is_current(store):
        merge_store(store)
