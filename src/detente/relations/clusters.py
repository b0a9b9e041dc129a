"""Merged events in the store: ``event_clusters`` (one row per mention) and ``merged_events``.

``merge_store(store)`` clusters the stored events with
:func:`detente.relations.merge.cluster_mentions`, assigns each mention its track from
``data/relations/tracks.yaml``, and builds ``merged_events`` (one row per cluster) in SQL from
``events JOIN event_clusters``. Running it twice gives the same tables. The representative of a
cluster — whose type, actors, date and sentence the merged event shows — is its most precisely
dated mention, asserted before claimed, then the most confident.

Incremental merge. ``cluster_mentions`` clusters each block (unordered country pair and type
family, :func:`~detente.relations.merge.block_key`) on its own, and within a block two mentions whose
dates cannot overlap never match, so each stretch of linked dates
(:func:`~detente.relations.merge.date_components`) clusters alone as it does in the whole; the result
of a stretch depends only on the set of its mentions, not on their order. So when events were added
since the last run, only the stretches that received a new mention are clustered again — all their
mentions, old and new, since a new, more precisely dated mention may change how the old ones group —
and only their rows of ``event_clusters`` and ``merged_events`` are replaced. This gives exactly the
tables a full rebuild gives (``tests/test_relations.py`` checks it on the demo corpus split in two
batches and in shuffled orders). Other clusters keep their rows and ids. A full rebuild runs instead
on the first run, when the merge or track tables changed (the versions recorded in ``merge_runs``
differ), when clustered events are no longer stored, or on ``merge_store(store, full=True)``. Stored
events are taken as immutable (the store only appends); after editing events in place, run a full
rebuild.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

import duckdb
import pyarrow as pa

from detente.relations.merge import (
    Mention,
    block_family,
    block_key,
    cluster_mentions,
    date_components,
    load_merge_rules,
)
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

MERGED_SELECT = """
WITH m AS (
    SELECT e.*, c.cluster_id, c.track,
           coalesce(CASE e.date_precision WHEN 'day' THEN 3 WHEN 'range' THEN 2
                                          WHEN 'month' THEN 1 WHEN 'year' THEN 0 END, -1) * 10
           + (e.modality = 'asserted')::INT * 2 + e.confidence AS rank
    FROM events e JOIN event_clusters c USING (event_id)
    {where}
),
-- the highest rank, ties to the smallest event id: the representative does not depend on row order
r AS (SELECT *, (-rank, event_id) AS pick FROM m)
SELECT cluster_id,
       least(arg_min(source_country, pick), arg_min(target_country, pick)) AS a,
       greatest(arg_min(source_country, pick), arg_min(target_country, pick)) AS b,
       arg_min(source_country, pick) AS source_country,
       arg_min(target_country, pick) AS target_country,
       arg_min(coalesce(source_name, source_text), pick) AS source_name,
       arg_min(coalesce(target_name, target_text), pick) AS target_name,
       arg_min(event_type, pick) AS event_type,
       arg_min(mode, pick) AS mode,
       arg_min(quad_class, pick) AS quad_class,
       arg_min(intensity, pick) AS intensity,
       arg_min(track, pick) AS track,
       arg_min(date, pick) AS date,
       arg_min(date_start, pick) AS date_start,
       arg_min(date_end, pick) AS date_end,
       arg_min(date_precision, pick) AS date_precision,
       arg_min(coalesce(place_name, place_text), pick) AS place,
       bool_or(negated) AS negated,
       arg_min(modality, pick) AS modality,
       arg_min(coalesce(claimant_name, claimant_text), pick) AS claimant,
       arg_min(sentence, pick) AS sentence,
       count(*) AS mentions,
       count(DISTINCT doc_id) AS n_sources,
       list(DISTINCT doc_id ORDER BY doc_id) AS sources,
       list(event_id ORDER BY event_id) AS event_ids
FROM r
GROUP BY cluster_id
"""
MERGED_SQL = (
    "CREATE OR REPLACE TABLE merged_events AS " + MERGED_SELECT.format(where="") + "ORDER BY a, b, date_start"
)
"""Rebuild ``merged_events`` from all clustered mentions."""

_MENTION_COLUMNS = (
    "event_id, doc_id, event_type, mode, source_country, target_country, source_entity, "
    "target_entity, sentence, trigger, date_start, date_end, date_precision, place_name, place_text, "
    "place_country, negated, modality, confidence"
)


@dataclass(frozen=True)
class MergeStats:
    """What one merge run found: all mentions and clusters after it, and how much it re-clustered."""

    mentions: int
    clusters: int
    reclustered: int = field(default=0, compare=False)  # mentions clustered by this run
    full: bool = field(default=True, compare=False)  # a full rebuild, or only the touched blocks

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


_SCHEMA = pa.schema([("event_id", pa.string()), ("cluster_id", pa.string()), ("track", pa.string())])


def _assign(rows: list[dict[str, Any]]) -> pa.Table:
    """Cluster and track mentions (rows of ``events``): an ``event_clusters`` table."""
    clusters = cluster_mentions(Mention.from_row(r) for r in rows)
    tracks = load_tracks()
    return pa.table(
        {
            "event_id": [r["event_id"] for r in rows],
            "cluster_id": [clusters[r["event_id"]] for r in rows],
            "track": [
                tracks.track(r["event_type"], r["mode"], f"{r['trigger']} {r['sentence']}") for r in rows
            ],
        },
        schema=_SCHEMA,
    )


def _needs_full(con: duckdb.DuckDBPyConnection, versions: str) -> bool:
    """Whether the last run's tables cannot be extended: other knowledge, or clustered events gone."""
    if not _has_merged_table(con):
        return True
    last = con.execute("SELECT versions FROM merge_runs ORDER BY run_at DESC LIMIT 1").fetchall()
    if not last or last[0][0] != versions:
        return True
    gone = con.execute(
        "SELECT count(*) FROM event_clusters c WHERE NOT EXISTS "
        "(SELECT 1 FROM events e WHERE e.event_id = c.event_id)"
    ).fetchall()[0][0]
    return bool(gone)


def _has_merged_table(con: duckdb.DuckDBPyConnection) -> bool:
    found = con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'merged_events'")
    return bool(found.fetchall()[0][0])


def _touched_rows(con: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    """The stored mentions whose clusters a new (not yet clustered) mention may change: those of its
    block (:func:`~detente.relations.merge.block_key`) within its stretch of linked dates
    (:func:`~detente.relations.merge.date_components`)."""
    new = con.sql(
        f"SELECT {_MENTION_COLUMNS} FROM events e WHERE NOT EXISTS "
        "(SELECT 1 FROM event_clusters c WHERE c.event_id = e.event_id)"
    ).to_arrow_table()
    if new.num_rows == 0:
        return []
    rules = load_merge_rules()
    blocks = {block_key(Mention.from_row(r), rules) for r in new.to_pylist()}
    types = [r[0] for r in con.execute("SELECT DISTINCT event_type FROM events").fetchall()]
    families = pa.table(
        {"event_type": types, "family": [block_family(t, rules) for t in types]},
        schema=pa.schema([("event_type", pa.string()), ("family", pa.string())]),
    )
    wanted = pa.table(
        {"lo": [b[0] for b in blocks], "hi": [b[1] for b in blocks], "family": [b[2] for b in blocks]},
        schema=pa.schema([("lo", pa.string()), ("hi", pa.string()), ("family", pa.string())]),
    )
    con.register("_merge_families", families)
    con.register("_merge_blocks", wanted)
    try:
        # the blocking key of merge.block_key in SQL: unordered pair ('' for no country), type family
        rows: list[dict[str, Any]] = (
            con.sql(
                f"""
                SELECT {", ".join("e." + c.strip() for c in _MENTION_COLUMNS.split(","))}
                FROM events e JOIN _merge_families f USING (event_type)
                JOIN _merge_blocks b
                  ON b.lo = least(coalesce(e.source_country, ''), coalesce(e.target_country, ''))
                 AND b.hi = greatest(coalesce(e.source_country, ''), coalesce(e.target_country, ''))
                 AND b.family = f.family
                """
            )
            .to_arrow_table()
            .to_pylist()
        )
    finally:
        con.unregister("_merge_families")
        con.unregister("_merge_blocks")
    # within a block, only the stretches of linked dates that hold a new mention can change
    fresh = set(new.column("event_id").to_pylist())
    by_block: dict[tuple[str, str, str], list[Mention]] = {}
    for row in rows:
        mention = Mention.from_row(row)
        by_block.setdefault(block_key(mention, rules), []).append(mention)
    wanted_ids = {
        m.event_id
        for members in by_block.values()
        for part in date_components(members, rules)
        if any(m.event_id in fresh for m in part)
        for m in part
    }
    return [r for r in rows if r["event_id"] in wanted_ids]


def merge_store(store: Store, *, full: bool = False) -> MergeStats:
    """Cluster the stored events and build ``merged_events``: incrementally when that is safe.

    Only the stretches of blocks that received new events since the last run are clustered again
    (see the module docstring); everything is recomputed with ``full=True``, on the first run, when
    the merge or track tables changed, or when clustered events are no longer stored.
    """
    con = store.con
    ensure_tables(con)
    versions = knowledge_versions()
    full = full or _needs_full(con, versions)
    if full:
        rows: list[dict[str, Any]] = (
            con.sql(f"SELECT {_MENTION_COLUMNS} FROM events").to_arrow_table().to_pylist()
        )
    else:
        rows = _touched_rows(con)
    table = _assign(rows)
    try:
        con.execute("BEGIN TRANSACTION")
        con.register("_new_clusters", table)
        if full:
            con.execute("DELETE FROM event_clusters")
            con.execute("INSERT INTO event_clusters SELECT event_id, cluster_id, track FROM _new_clusters")
            rebuild_merged(con)
        elif rows:
            # merged events of the touched stretches, before and after: replaced by the new ones
            con.execute(
                "CREATE OR REPLACE TEMP TABLE _stale AS SELECT cluster_id FROM event_clusters "
                "WHERE event_id IN (SELECT event_id FROM _new_clusters) "
                "UNION SELECT cluster_id FROM _new_clusters"
            )
            con.execute("DELETE FROM event_clusters WHERE event_id IN (SELECT event_id FROM _new_clusters)")
            con.execute("INSERT INTO event_clusters SELECT event_id, cluster_id, track FROM _new_clusters")
            con.execute("DELETE FROM merged_events WHERE cluster_id IN (SELECT cluster_id FROM _stale)")
            con.execute(
                "INSERT INTO merged_events "
                + MERGED_SELECT.format(where="WHERE c.cluster_id IN (SELECT cluster_id FROM _stale)")
            )
            con.execute("DROP TABLE _stale")
        con.unregister("_new_clusters")
        mentions, clusters = con.execute(
            "SELECT count(*), count(DISTINCT cluster_id) FROM event_clusters"
        ).fetchall()[0]
        con.execute(
            "INSERT INTO merge_runs VALUES (now()::TIMESTAMP, ?, ?, ?)", [mentions, clusters, versions]
        )
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return MergeStats(int(mentions), int(clusters), len(rows), full)


def knowledge_versions() -> str:
    """Versions and a content hash of ``merge.yaml`` and ``tracks.yaml``: a merge run records them."""
    from detente.data_files import data_path
    from detente.relations.merge import load_merge_rules

    digest = hashlib.sha256()
    for name in ("merge.yaml", "tracks.yaml"):
        digest.update(data_path("relations", name).read_bytes())
    return f"merge {load_merge_rules().version}, tracks {load_tracks().version}, {digest.hexdigest()[:10]}"


def is_current(store: Store) -> bool:
    """Whether ``merged_events`` covers exactly the stored events, made with today's tables."""
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
    if events != clustered:
        return False
    new = con.execute(
        "SELECT count(*) FROM events e WHERE NOT EXISTS "
        "(SELECT 1 FROM event_clusters c WHERE c.event_id = e.event_id)"
    ).fetchall()[0][0]
    return not new


def ensure_merged(store: Store) -> MergeStats | None:
    """Run :func:`merge_store` (incremental where it can be) when stored events are not all clustered."""
    if not is_current(store):
        return merge_store(store)
    return None
