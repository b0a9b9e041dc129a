"""Contested incidents of a dyad: the incidents of :mod:`detente.claims.contested` that touch both sides.

An incident touches the pair (A, B) when both countries take part in it: as a claimant, as a
perpetrator some claimant names, or as the target of a claimed act. The Kyiv embassy strike
(Baku blames a Russian missile, a Russian source a Ukrainian interceptor) touches RUS–AZE, and
RUS–UKR and AZE–UKR too.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from detente.claims.contested import ContestedIncident
from detente.claims.records import actor_label
from detente.models import Actor
from detente.store import Store


def incident_countries(incident: ContestedIncident) -> set[str]:
    """Countries (and organisations) taking part in an incident: claimants, perpetrators, targets."""
    found: set[str] = set()
    for claim in incident.claims:
        event = incident.events.get(claim.event_id)
        actors: list[Actor | None] = [claim.claimant]
        if event is not None:
            actors += [event.source, event.target]
        found.update(a.country for a in actors if a is not None and a.country)
    return found


def touches(incident: ContestedIncident, a: str, b: str) -> bool:
    """Whether both ``a`` and ``b`` take part in the incident."""
    return {a, b} <= incident_countries(incident)


def dyad_contested(store: Store, a: str, b: str, *, pipeline: Any = None) -> list[ContestedIncident]:
    """The contested incidents touching A and B, by date.

    The ``claims`` table is rebuilt from the stored events first; with a ``pipeline`` the stored
    sentences naming a cause of death or damage are read too (the cause claims of
    :mod:`detente.claims.causes`, e.g. "died of heart failure" against "was beaten to death").
    """
    from detente.claims.contested import find_contested
    from detente.claims.storage import claimed_events, load_claims, rebuild_claims

    rebuild_claims(store, pipeline)
    incidents = find_contested(load_claims(store), claimed_events(store))
    return [i for i in incidents if touches(i, a, b)]


@dataclass(frozen=True)
class ContestedLine:
    """One claim of a contested incident as the report shows it."""

    side: str
    claimant: str
    says: str
    perpetrator: str
    cause: bool
    doc_id: str
    sentence: str


def _label(actor: Actor) -> str:
    """``actor_label``, with "unnamed" for an actor the text does not name."""
    if not (actor.name or actor.text).strip():
        return actor_label(actor.model_copy(update={"text": "unnamed"}))
    return actor_label(actor)


def incident_lines(incident: ContestedIncident) -> list[ContestedLine]:
    """The claims of an incident grouped by the claimant's side (country), then by article."""
    lines = []
    for claim in incident.claims:
        event = incident.events[claim.event_id]
        # a cause claim's "perpetrator" is the cause it puts forward: "(cause of the harm: ...)"
        text = event.source.text.strip()
        cause = event.source.country is None and text.startswith("(") and text.endswith(")")
        lines.append(
            ContestedLine(
                side=claim.claimant_side or claim.claimant.country or "?",
                claimant=_label(claim.claimant),
                says="denies" if claim.polarity == "deny" else "affirms",
                perpetrator=text[1:-1] if cause else _label(event.source),
                cause=cause,
                doc_id=claim.doc_id,
                sentence=claim.sentence,
            )
        )
    lines.sort(key=lambda line: (line.side, line.doc_id))
    return lines
