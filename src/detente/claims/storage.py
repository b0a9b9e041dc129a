"""The ``claims`` table of a Detente store: created by this package's own SQL, rebuilt from events.

The table is derived data: :func:`rebuild_claims` recomputes it from the stored events in one
transaction, so running it twice leaves the same rows.
"""

from __future__ import annotations

from typing import Any

from detente.claims.causes import cause_claims
from detente.claims.records import Claim, claims_of
from detente.core import Pipeline
from detente.models import Actor, Event
from detente.store import Store
from detente.store.records import actor_from_row

CLAIMS_SCHEMA = """
-- One row per (event, claimant, polarity); derived from the events table by rebuild_claims.
CREATE TABLE IF NOT EXISTS claims (
    claim_id          VARCHAR PRIMARY KEY,
    doc_id            VARCHAR NOT NULL,
    event_id          VARCHAR NOT NULL,   -- the event (or proposition) claimed: events.event_id
    sentence_index    INTEGER NOT NULL,
    sentence          VARCHAR NOT NULL,   -- the evidence
    claimant_text     VARCHAR NOT NULL,
    claimant_name     VARCHAR,
    claimant_country  VARCHAR,
    claimant_sector   VARCHAR,
    claimant_entity   VARCHAR,
    polarity          VARCHAR NOT NULL,   -- affirm or deny
    modality          VARCHAR NOT NULL,
    proposition       VARCHAR NOT NULL,   -- the event in words
    perpetrator       VARCHAR,            -- the event's source country, as the claimant has it
    perpetrator_sector VARCHAR,
    claimant_side     VARCHAR,            -- country, or armed group / opposition (records.side_of)
    perpetrator_side  VARCHAR,
    mutual            BOOLEAN,            -- one direction of a mutual act
    cause             VARCHAR,            -- cause claims (detente.claims.causes): natural or violent
    cause_date        VARCHAR             -- their date: the article's publication date
);
CREATE INDEX IF NOT EXISTS claims_event ON claims (event_id);
CREATE INDEX IF NOT EXISTS claims_claimant ON claims (claimant_country);
"""
COLUMNS = (
    "claim_id",
    "doc_id",
    "event_id",
    "sentence_index",
    "sentence",
    "claimant_text",
    "claimant_name",
    "claimant_country",
    "claimant_sector",
    "claimant_entity",
    "polarity",
    "modality",
    "proposition",
    "perpetrator",
    "perpetrator_sector",
    "claimant_side",
    "perpetrator_side",
    "mutual",
    "cause",
    "cause_date",
)


def ensure_claims_table(store: Store) -> None:
    """Create the ``claims`` table and its indexes if they are missing."""
    store.con.execute(CLAIMS_SCHEMA)


def claim_row(claim: Claim, cause: Event | None = None) -> list[Any]:
    """The ``claims`` table's row of one claim (the Spark job writes the same rows)."""
    c = claim.claimant
    return [
        claim.claim_id,
        claim.doc_id,
        claim.event_id,
        claim.sentence_index,
        claim.sentence,
        c.text,
        c.name,
        c.country,
        c.sector,
        c.entity_id,
        claim.polarity,
        claim.modality,
        claim.proposition,
        claim.perpetrator,
        claim.perpetrator_sector,
        claim.claimant_side,
        claim.perpetrator_side,
        claim.mutual,
        ("natural" if cause.negated else "violent") if cause is not None else None,
        cause.date if cause is not None else None,
    ]


def rebuild_claims(store: Store, pipeline: Pipeline | None = None) -> int:
    """Recompute the ``claims`` table from the stored events; returns the number of claims.

    With a ``pipeline``, the stored sentences that name a cause of death or damage are parsed too
    and their attributed causes added (:mod:`detente.claims.causes`).
    """
    ensure_claims_table(store)
    claims = claims_of(store.events())
    causes: dict[str, Event] = {}
    if pipeline is not None:
        rows = store.con.execute(
            "SELECT s.doc_id, s.sentence_index, s.text, a.published FROM sentences s "
            "JOIN articles a USING (doc_id) ORDER BY s.doc_id, s.sentence_index"
        ).fetchall()
        extra, causes = cause_claims([(r[0], r[1], r[2], r[3]) for r in rows], pipeline)
        claims += extra
    placeholders = ", ".join("?" for _ in COLUMNS)
    store.con.execute("BEGIN TRANSACTION")
    try:
        # derived data: dropped and recreated, so a table of an older layout is replaced too
        store.con.execute("DROP TABLE IF EXISTS claims")
        store.con.execute(CLAIMS_SCHEMA)
        if claims:
            store.con.executemany(
                f"INSERT INTO claims ({', '.join(COLUMNS)}) VALUES ({placeholders})",
                [claim_row(c, causes.get(c.event_id)) for c in claims],
            )
        store.con.execute("COMMIT")
    except BaseException:
        store.con.execute("ROLLBACK")
        raise
    return len(claims)


def _claim(row: tuple[Any, ...]) -> Claim:
    data = dict(zip(COLUMNS, row, strict=True))
    claimant = actor_from_row(data, "claimant")
    assert claimant is not None  # claimant_text is NOT NULL
    return Claim(
        claim_id=data["claim_id"],
        doc_id=data["doc_id"],
        event_id=data["event_id"],
        sentence_index=data["sentence_index"],
        sentence=data["sentence"],
        claimant=claimant,
        polarity=data["polarity"],
        modality=data["modality"],
        proposition=data["proposition"],
        perpetrator=data["perpetrator"],
        perpetrator_sector=data["perpetrator_sector"],
        claimant_side=data["claimant_side"],
        perpetrator_side=data["perpetrator_side"],
        mutual=bool(data["mutual"]),
    )


def _select(store: Store, where: str = "", params: list[Any] | None = None) -> list[Claim]:
    ensure_claims_table(store)
    query = f"SELECT {', '.join(COLUMNS)} FROM claims{where} ORDER BY doc_id, sentence_index, claim_id"
    return [_claim(r) for r in store.con.execute(query, params or []).fetchall()]


def load_claims(store: Store) -> list[Claim]:
    """Every stored claim."""
    return _select(store)


def claims_for_event(store: Store, event_id: str) -> list[Claim]:
    """The claims about one event (who asserts it, who denies it)."""
    return _select(store, " WHERE event_id = ?", [event_id])


def claims_by_claimant(store: Store, claimant: str) -> list[Claim]:
    """The claims of one claimant: a country/organisation code ("RUS") or words of its name/mention."""
    return _select(
        store,
        " WHERE claimant_country = ? OR lower(claimant_name) LIKE ? OR lower(claimant_text) LIKE ?",
        [claimant.upper(), f"%{claimant.lower()}%", f"%{claimant.lower()}%"],
    )


def claimed_events(store: Store) -> dict[str, Event]:
    """The events that stored claims are about, by event id: stored events, and the synthetic
    events of cause claims (rebuilt from their claim rows)."""
    ensure_claims_table(store)
    wanted = {r[0] for r in store.con.execute("SELECT DISTINCT event_id FROM claims").fetchall()}
    out = {e.event_id: e for e in store.events() if e.event_id in wanted}
    rows = store.con.execute(
        "SELECT event_id, doc_id, sentence_index, sentence, cause, cause_date, proposition, "
        "claimant_text, claimant_name, claimant_country, claimant_sector, claimant_entity "
        "FROM claims WHERE cause IS NOT NULL"
    ).fetchall()
    for r in rows:
        out[r[0]] = Event(
            event_id=r[0],
            doc_id=r[1],
            sentence_index=r[2],
            sentence=r[3],
            span=(0, 0),
            trigger=r[4],
            event_type="ASSAULT",
            quad_class="material_conflict",
            intensity=-9.0,
            source=Actor(text=f"({r[6]})"),
            date=r[5],
            date_precision="day" if r[5] else None,
            negated=r[4] == "natural",
            modality="claimed",
            claimant=Actor(text=r[7], name=r[8], country=r[9], sector=r[10], entity_id=r[11]),
        )
    return out
