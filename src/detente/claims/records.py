"""Claim records: a pure function from a document's events to who claims (or denies) what.

An event yields a claim when the text attributes it to someone (``claimant`` is set): "the ministry
said that ...", "according to a military source ...". A denial ("X denied that its forces shelled
Y") is coded by the coder as the inner event, negated and claimed by X: here it becomes a claim of
polarity ``deny``. Events told as plain fact by the article have no claim: nobody but the outlet
asserts them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import Literal

from pydantic import BaseModel

from detente.models import Actor, Event

Polarity = Literal["affirm", "deny"]


class Claim(BaseModel):
    """One actor's claim that an event happened (``affirm``) or did not (``deny``)."""

    record: Literal["claim"] = "claim"
    claim_id: str
    doc_id: str
    event_id: str
    claimant: Actor
    polarity: Polarity
    modality: str
    proposition: str
    perpetrator: str | None
    perpetrator_sector: str | None = None
    claimant_side: str | None = None
    perpetrator_side: str | None = None
    mutual: bool = False  # the event is one direction of a mutual act ("A and B exchanged fire")
    sentence_index: int
    sentence: str

    def to_record(self) -> dict[str, object]:
        """The claim as a plain, JSON-ready dict."""
        return self.model_dump(mode="json")


def actor_label(actor: Actor | None) -> str:
    """A short human label: ``name (COUNTRY/SECTOR)`` or the mention text."""
    if actor is None:
        return "?"
    name = actor.name or actor.text
    code = "/".join(p for p in (actor.country, actor.sector) if p)
    return f"{name} ({code})" if code else name


def side_of(actor: Actor) -> str | None:
    """The side an actor speaks or acts for: an armed group or opposition is its own side ("the
    RSF" is not the Sudanese state); everyone else stands for their country."""
    if actor.entity_id and actor.entity_id.startswith("group:"):
        return actor.entity_id
    if actor.sector in ("REB", "OPP") and actor.country:
        return f"{actor.country}/{actor.sector}"
    return actor.country


def proposition_of(event: Event) -> str:
    """What the claim says happened, in words: ``Russia ASSAULT/aerial → Azerbaijan at Kyiv``."""
    kind = event.event_type + (f"/{event.mode}" if event.mode else "")
    text = f"{actor_label(event.source)} {kind}"
    if event.target is not None:
        text += f" → {actor_label(event.target)}"
    if event.place is not None:
        text += f" at {event.place.name or event.place.text}"
    if event.date:
        text += f" on {event.date}"
    return ("NOT " if event.negated else "") + text


def claim_id_of(event: Event, claimant: Actor, polarity: str) -> str:
    """Stable id: the event, the claimant and the polarity."""
    key = f"{event.event_id}|{claimant.country}|{claimant.sector}|{claimant.text.lower()}|{polarity}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def claims_of(events: Iterable[Event]) -> list[Claim]:
    """The claims made in a document (or any set of events), one per attributed event, in order."""
    events = list(events)
    directions = {
        (e.doc_id, e.span, e.source.country, e.target.country if e.target else None) for e in events
    }
    out: list[Claim] = []
    seen: set[str] = set()
    for event in events:
        if event.claimant is None:
            continue
        polarity: Polarity = "deny" if event.negated else "affirm"
        claim_id = claim_id_of(event, event.claimant, polarity)
        if claim_id in seen:
            continue
        seen.add(claim_id)
        out.append(
            Claim(
                claim_id=claim_id,
                doc_id=event.doc_id,
                event_id=event.event_id,
                claimant=event.claimant,
                polarity=polarity,
                modality=event.modality,
                proposition=proposition_of(event),
                perpetrator=event.source.country,
                perpetrator_sector=event.source.sector,
                claimant_side=side_of(event.claimant),
                perpetrator_side=side_of(event.source),
                mutual=event.target is not None
                and event.target.country != event.source.country
                and (event.doc_id, event.span, event.target.country, event.source.country) in directions,
                sentence_index=event.sentence_index,
                sentence=event.sentence,
            )
        )
    return out
