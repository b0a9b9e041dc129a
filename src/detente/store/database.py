"""The DuckDB store: articles, sentences, events and actors, written in transactions."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from detente.core import CodedDocument
from detente.errors import StoreError
from detente.models import Article, Event, text_hash
from detente.store.records import EVENT_COLUMNS, event_to_row, row_to_event

SCHEMA = resources.files("detente.store").joinpath("schema.sql").read_text(encoding="utf-8")


def default_db_path() -> Path:
    """``$DETENTE_DB`` if set, else ``detente.duckdb`` in the user's data directory."""
    env = os.environ.get("DETENTE_DB")
    if env:
        return Path(env)
    from platformdirs import user_data_dir

    return Path(user_data_dir("detente", appauthor=False)) / "detente.duckdb"


@dataclass
class IngestStats:
    """What one ingest added (and what it skipped) — re-running it adds nothing."""

    articles_added: int = 0
    duplicates: int = 0
    events_added: int = 0
    conflicts: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class EventFilter:
    """Which events to read: a dyad (undirected), a date window, a type, a limit."""

    dyad: tuple[str, str] | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    event_type: str | None = None
    doc_id: str | None = None
    include_negated: bool = True
    limit: int | None = None


def event_clauses(
    *,
    a: str | None = None,
    b: str | None = None,
    directed: bool = False,
    event_type: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> tuple[list[str], list[Any]]:
    """Parameterised conditions on the ``events`` table shared by every reader: a pair of actors
    (either direction unless ``directed``; one actor alone when ``b`` is None), a type, a date window."""
    clauses: list[str] = []
    params: list[Any] = []
    if a is not None and b is not None:
        if directed:
            clauses.append("source_country = ? AND target_country = ?")
            params += [a, b]
        else:
            clauses.append(
                "((source_country = ? AND target_country = ?) OR (source_country = ? AND target_country = ?))"
            )
            params += [a, b, b, a]
    elif a is not None:
        clauses.append("(source_country = ? OR target_country = ?)")
        params += [a, a]
    if event_type is not None:
        clauses.append("event_type = ?")
        params.append(event_type)
    if since is not None:
        clauses.append("date_end >= ?")
        params.append(since)
    if until is not None:
        clauses.append("date_start <= ?")
        params.append(until)
    return clauses, params


class Store:
    """A Detente database. ``Store(":memory:")`` for tests; a path (created if needed) otherwise."""

    def __init__(self, path: str | Path | None = None, *, read_only: bool = False) -> None:
        target = default_db_path() if path is None else path
        self.path = str(target)
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        try:
            self.con = duckdb.connect(self.path, read_only=read_only and Path(self.path).exists())
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: cannot open database: {exc}") from exc
        if not read_only:
            self.con.execute(SCHEMA)

    def close(self) -> None:
        """Close the connection."""
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing ---------------------------------------------------------------------------------
    def known(self, articles: Iterable[Article]) -> set[str]:
        """Text hashes among ``articles`` that are already stored (so they need not be coded again)."""
        hashes = sorted({text_hash(a.text) for a in articles})
        if not hashes:
            return set()
        rows = self.con.execute(
            "SELECT text_hash FROM articles WHERE text_hash IN (SELECT unnest(?))", [hashes]
        ).fetchall()
        return {r[0] for r in rows}

    def add(self, coded: Iterable[CodedDocument], *, batch_size: int = 64) -> IngestStats:
        """Store coded documents, ``batch_size`` articles per transaction; duplicates are skipped."""
        stats = IngestStats()
        batch: list[CodedDocument] = []
        for item in coded:
            batch.append(item)
            if len(batch) >= batch_size:
                self._write_batch(batch, stats)
                batch = []
        if batch:
            self._write_batch(batch, stats)
        return stats

    def _write_batch(self, batch: list[CodedDocument], stats: IngestStats) -> None:
        seen = self.known(c.article for c in batch)
        ids = [c.article.doc_id for c in batch]
        taken = {
            r[0]: r[1]
            for r in self.con.execute(
                "SELECT doc_id, text_hash FROM articles WHERE doc_id IN (SELECT unnest(?))", [ids]
            ).fetchall()
        }
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        rows = _Rows()
        for item in batch:
            art = item.article
            digest = text_hash(art.text)
            if digest in seen:
                stats.duplicates += 1
                continue
            if art.doc_id in taken and taken[art.doc_id] != digest:
                stats.conflicts.append(
                    f"{art.origin or art.doc_id}: id {art.doc_id!r} is already stored "
                    "with a different text; article skipped"
                )
                continue
            seen.add(digest)
            taken[art.doc_id] = digest
            rows.add(item, digest, now)
        articles, events = rows.articles, rows.events
        if not articles:
            return
        try:
            self.con.execute("BEGIN TRANSACTION")
            self._insert("articles", articles)
            self._insert_coding(rows)
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        stats.articles_added += len(articles)
        stats.events_added += len(events)

    def outdated(self, code_version: str | None, doc_ids: Iterable[str] | None = None) -> list[Article]:
        """Stored articles (of ``doc_ids``, if given) that another coder version coded; all of them
        when ``code_version`` is None."""
        sql = (
            "SELECT doc_id, title, published, source, url, language, origin, text FROM articles "
            "WHERE code_version IS DISTINCT FROM ?"
        )
        params: list[Any] = [code_version]
        if doc_ids is not None:
            sql += " AND doc_id IN (SELECT unnest(?))"
            params.append(sorted(set(doc_ids)))
        columns = ("doc_id", "title", "published", "source", "url", "language", "origin", "text")
        rows = self.con.execute(sql + " ORDER BY doc_id", params).fetchall()
        return [Article(**dict(zip(columns, row, strict=True))) for row in rows]

    def outdated_count(self, code_version: str | None) -> int:
        """How many stored articles :meth:`outdated` would return (without reading their texts)."""
        rows = self.con.execute(
            "SELECT count(*) FROM articles WHERE code_version IS DISTINCT FROM ?", [code_version]
        ).fetchall()
        return int(rows[0][0])

    def replace(self, coded: Iterable[CodedDocument], *, batch_size: int = 64) -> int:
        """Store a new coding of articles already stored: their sentences and events are replaced
        and their ``code_version`` updated, ``batch_size`` articles per transaction. Returns the
        number of events written."""
        written = 0
        batch: list[CodedDocument] = []
        for item in coded:
            batch.append(item)
            if len(batch) >= batch_size:
                written += self._replace_batch(batch)
                batch = []
        if batch:
            written += self._replace_batch(batch)
        return written

    def _replace_batch(self, batch: list[CodedDocument]) -> int:
        rows = _Rows()
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        for item in batch:
            rows.add(item, text_hash(item.article.text), now)
        ids = [a["doc_id"] for a in rows.articles]
        versions = pa.Table.from_pylist(  # noqa: F841 - read by DuckDB below
            [{"doc_id": a["doc_id"], "code_version": a["code_version"]} for a in rows.articles]
        )
        try:
            self.con.execute("BEGIN TRANSACTION")
            for table in ("events", "sentences"):
                self.con.execute(f"DELETE FROM {table} WHERE doc_id IN (SELECT unnest(?))", [ids])
            self.con.execute(
                "UPDATE articles SET code_version = v.code_version FROM versions v "
                "WHERE articles.doc_id = v.doc_id"
            )
            self._insert_coding(rows)
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        return len(rows.events)

    def _insert_coding(self, rows: _Rows) -> None:
        self._insert("sentences", rows.sentences)
        self._insert("events", rows.events, columns=EVENT_COLUMNS)
        self._insert("actors", list(rows.actors.values()), on_conflict="DO NOTHING")

    def _insert(
        self,
        table: str,
        rows: list[dict[str, Any]],
        *,
        columns: tuple[str, ...] | None = None,
        on_conflict: str | None = None,
    ) -> None:
        if not rows:
            return
        names = list(columns or rows[0].keys())
        data = pa.Table.from_pylist(rows).select(names)  # noqa: F841 - read by DuckDB below
        conflict = f" ON CONFLICT {on_conflict}" if on_conflict else ""
        cols = ", ".join(names)
        self.con.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM data{conflict}")

    # -- reading ---------------------------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        """Row counts of every table."""
        out = {}
        for table in ("articles", "sentences", "events", "actors"):
            # fetchall, not fetchone: DuckDB 2 refuses the next .sql() while a result is unfinished
            rows = self.con.execute(f"SELECT count(*) FROM {table}").fetchall()
            out[table] = int(rows[0][0]) if rows else 0
        return out

    def _where(self, flt: EventFilter) -> tuple[str, list[Any]]:
        a, b = flt.dyad if flt.dyad is not None else (None, None)
        clauses, params = event_clauses(a=a, b=b, event_type=flt.event_type, since=flt.since, until=flt.until)
        if flt.doc_id is not None:
            clauses.append("doc_id = ?")
            params.append(flt.doc_id)
        if not flt.include_negated:
            clauses.append("NOT negated")
        where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
        return where, params

    def event_rows(self, flt: EventFilter = EventFilter()) -> pa.Table:
        """Events as a flat Arrow table (the ``events`` columns), in date order."""
        where, params = self._where(flt)
        limit = f" LIMIT {int(flt.limit)}" if flt.limit is not None else ""
        query = f"SELECT * FROM events{where} ORDER BY date_start NULLS LAST, doc_id, span_start{limit}"
        table: pa.Table = self.con.sql(query, params=params).to_arrow_table()
        return table

    def events(self, flt: EventFilter = EventFilter()) -> Iterator[Event]:
        """Events as records, in date order."""
        for row in self.event_rows(flt).to_pylist():
            yield row_to_event(row)


@dataclass
class _Rows:
    """The table rows of coded documents, gathered for one transaction."""

    articles: list[dict[str, Any]] = field(default_factory=list)
    sentences: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    actors: dict[str, dict[str, Any]] = field(default_factory=dict)

    def add(self, item: CodedDocument, digest: str, now: dt.datetime) -> None:
        art = item.article
        self.articles.append(
            {
                "doc_id": art.doc_id,
                "text_hash": digest,
                "title": art.title,
                "published": art.published,
                "source": art.source,
                "url": art.url,
                "language": art.language,
                "origin": art.origin,
                "text": art.text,
                "code_version": item.code_version or (item.events[0].code_version if item.events else ""),
                "ingested_at": now,
            }
        )
        self.sentences.extend(
            {
                "doc_id": art.doc_id,
                "sentence_index": s.index,
                "start_char": s.start,
                "end_char": s.end,
                "text": s.text,
            }
            for s in item.sentences
        )
        unique = {e.event_id: e for e in item.events}
        self.events.extend(event_to_row(e) for e in unique.values())
        for event in unique.values():
            for actor in (event.source, event.target, event.claimant):
                if actor is not None:
                    key = actor.entity_id or f"{actor.country}|{actor.sector}|{actor.text.lower()}"
                    self.actors.setdefault(
                        key,
                        {
                            "actor_key": key,
                            "entity_id": actor.entity_id,
                            "name": actor.name,
                            "country": actor.country,
                            "sector": actor.sector,
                            "example": actor.text,
                        },
                    )
