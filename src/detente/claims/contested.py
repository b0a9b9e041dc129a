"""Contested incidents: claims about one incident whose claimants disagree on who did it, or on
whether it happened at all.

Two claimed events describe the same incident when their types are compatible (the same type, or
both acts of force), their dates overlap (allowing for the slack of an undated event, which carries
its article's publication date) and they happen to the same thing: the same place, or evidence
sentences that share at least two salient words (content words that are not country names or
demonyms, e.g. "embassy" and "Kyiv"; a shared place counts as two, one article as one). A claim
joins the first incident it links to and contradicts no member of (:func:`group_claims`).

Only acts of material conflict (and the cause claims of :mod:`detente.claims.causes`) are grouped:
they are what a perpetrator can be blamed for. A group is **contested** when claimants of different
sides (countries; armed groups and oppositions count as their own side) blame disjoint sets of
perpetrators, or one side affirms what another denies — a natural cause of death put forward by one
side counts as a denial of the attack another side reports (see :func:`is_contested`). Two sides
that agree, one side correcting itself, and both sides telling a mutual act are not a contest.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from detente.claims.records import Claim, actor_label
from detente.models import Event
from detente.store.records import date_bounds

FORCE_TYPES = frozenset({"ASSAULT", "COERCE"})
# incidents someone can be blamed for: acts of material conflict
INCIDENT_CLASSES = frozenset({"material_conflict"})
# perpetrators of these sectors are not blamed for a state's or an armed group's act: "a passenger jet
# crashed, killing 38" makes the airline the grammatical agent, not the party accused
NON_FORCE_SECTORS = frozenset({"BUS", "MED", "JRN", "CVL", "EDU", "REL", "NGO", "LAB", "REF"})
UNDATED_SLACK = dt.timedelta(days=10)  # an event dated by its article may have happened days before
DATED_SLACK = dt.timedelta(days=1)
MIN_SHARED = 2
WORD = re.compile(r"[A-Za-z][A-Za-z'\-]+")
_STOPWORD_TEXT = """
    about above after again against also among and another any are around because been before being
    below between both but by can could did does doing down during each either every few for from
    further had has have having her here hers him his how however into its itself just last later
    least less like made make many more most much must near neither never nor not now off once only
    other others our out over own same says said saying say should since some such than that the
    their theirs them then there these they this those though through thus too under until upon very
    was were what when where which while who whom whose why will with within without would yet your
    told tells tell stated statement claimed claims claim insisted added according reported reports
    report announced denied denies deny officials official source sources spokesman spokeswoman
    spokesperson ministry minister government news agency media press reporters journalists
    monday tuesday wednesday thursday friday saturday sunday january february march april june july
    august september october november december week weeks month months year years today yesterday
    earlier early late night morning evening overnight first second third several some people
    country countries side sides state states version account accounts comment comments
"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())


@dataclass
class ContestedIncident:
    """One incident that claimants describe incompatibly, with the claims on each side."""

    date: str | None
    place: str | None
    target: str | None
    description: str
    claims: list[Claim]
    events: dict[str, Event] = field(repr=False)

    def to_record(self) -> dict[str, object]:
        """The spec's contested record (plus ``polarity``, ``claim_id`` and ``event_id`` per claim)."""
        return {
            "record": "contested",
            "incident": {
                "date": self.date,
                "place": self.place,
                "target": self.target,
                "description": self.description,
            },
            "claims": [
                {
                    "claimant": c.claimant.model_dump(mode="json"),
                    "perpetrator": self.events[c.event_id].source.model_dump(mode="json"),
                    "doc_id": c.doc_id,
                    "sentence": c.sentence,
                    "polarity": c.polarity,
                    "claim_id": c.claim_id,
                    "event_id": c.event_id,
                }
                for c in self.claims
            ],
        }


@lru_cache(maxsize=1)
def _nation_words() -> frozenset[str]:
    """Country names and demonyms: they name sides, not incidents, so they never link claims."""
    from detente.actors.lexicon import load_lexicon

    lexicon = load_lexicon()
    return frozenset(
        word
        for surface, entries in lexicon.senses.items()
        if any(e.kind in ("country", "demonym") for e in entries)
        for word in surface.lower().split()
    )


def salient_words(sentence: str) -> frozenset[str]:
    """Content words of an evidence sentence that can tie it to another telling of the incident."""
    nations = _nation_words()
    words = set()
    for match in WORD.finditer(sentence):
        word = match.group().lower().removesuffix("'s").strip("'-")
        if len(word) < 4 or word in STOPWORDS or word in nations:
            continue
        words.add(stem(word))
    return frozenset(words)


def stem(word: str) -> str:
    """A crude stem, enough to tie "opened" to "open" and "strikes" to "strike"."""
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def _interval(event: Event) -> tuple[dt.date, dt.date] | None:
    start, end = date_bounds(event.date)
    if start is None or end is None:
        return None
    if event.date_text is None:  # dated by the article, not by the text
        return start - UNDATED_SLACK, end + DATED_SLACK
    return start - DATED_SLACK, end + DATED_SLACK


def _dates_overlap(a: Event, b: Event) -> bool:
    ia, ib = _interval(a), _interval(b)
    if ia is None or ib is None:
        return True
    return ia[0] <= ib[1] and ib[0] <= ia[1]


def _types_compatible(a: Event, b: Event) -> bool:
    return a.event_type == b.event_type or (a.event_type in FORCE_TYPES and b.event_type in FORCE_TYPES)


def _place_key(event: Event) -> str | None:
    if event.place is None:
        return None
    return (event.place.name or event.place.text).lower()


def same_incident(a: Event, b: Event, words_a: frozenset[str], words_b: frozenset[str]) -> bool:
    """Whether two claimed events tell the same incident (see the module docstring)."""
    if not _compatible(a, b):
        return False
    place_a = _place_key(a)
    score = len(words_a & words_b) + (1 if a.doc_id == b.doc_id else 0)
    if place_a is not None and place_a == _place_key(b):
        score += MIN_SHARED
    return score >= MIN_SHARED


def _compatible(a: Event, b: Event) -> bool:
    """Nothing rules out that two events are one incident: types, dates and known places agree."""
    place_a, place_b = _place_key(a), _place_key(b)
    if place_a is not None and place_b is not None and place_a != place_b:
        return False
    return _types_compatible(a, b) and _dates_overlap(a, b)


def is_contested(group: Sequence[Claim]) -> bool:
    """Whether claimants of different sides disagree about the incident.

    Sides are countries, or armed groups and oppositions (:func:`~detente.claims.records.side_of`).
    A side *blames* the other sides it names as perpetrators (a country telling what its own forces
    did reports, it does not blame; a mutual act, "A and B exchanged fire", blames no one). Two
    sides whose blamed sets are disjoint are a contest ("Baku: a Russian missile"; "a Russian
    source: a Ukrainian interceptor"). One side
    denying what another affirms is a contest too. Claims of one side are never compared with each
    other (a source correcting itself), and sides naming the same perpetrator agree.
    """
    affirmed: dict[str, set[str]] = {}
    affirmed_countries: dict[str, set[str | None]] = {}
    denied: dict[str, set[str | None]] = {}
    for claim in group:
        side = claim.claimant_side
        if side is None or claim.mutual or claim.perpetrator_sector in NON_FORCE_SECTORS:
            continue
        if claim.polarity == "deny":
            # a denial matches an affirmation naming the same side or the same country
            denied.setdefault(side, set()).update({claim.perpetrator_side, claim.perpetrator})
        elif claim.perpetrator_side is not None:
            affirmed.setdefault(side, set()).add(claim.perpetrator_side)
            affirmed_countries.setdefault(side, set()).add(claim.perpetrator)
    blamed = {c: named - {c} for c, named in affirmed.items() if named - {c}}
    sides = sorted(blamed)
    for i, a in enumerate(sides):
        for b in sides[i + 1 :]:
            if not blamed[a] & blamed[b]:
                return True
    for side, perpetrators in denied.items():
        for other, named in affirmed.items():
            hits = named & perpetrators or affirmed_countries[other] & perpetrators
            if other != side and (None in perpetrators or hits):
                return True
    return False


def group_claims(claims: Sequence[Claim], events: dict[str, Event]) -> list[list[Claim]]:
    """Claims grouped into incidents: each claim joins the first group it tells the same incident as
    (:func:`same_incident` with one member) and contradicts no member of (:func:`_compatible`), so a
    chain of loose links cannot merge two incidents in different places or weeks."""
    usable = [c for c in claims if c.event_id in events and events[c.event_id].quad_class in INCIDENT_CLASSES]
    groups: list[list[tuple[Claim, Event, frozenset[str]]]] = []
    for claim in usable:
        event = events[claim.event_id]
        words = salient_words(claim.sentence)
        for group in groups:
            if all(_compatible(event, e) for _, e, _ in group) and any(
                same_incident(event, e, words, w) for _, e, w in group
            ):
                group.append((claim, event, words))
                break
        else:
            groups.append([(claim, event, words)])
    return [[c for c, _, _ in group] for group in groups]


def _most_common(values: Iterable[str | None]) -> str | None:
    counted = Counter(v for v in values if v)
    return counted.most_common(1)[0][0] if counted else None


def _describe(group: list[Claim], events: dict[str, Event]) -> str:
    kinds = _most_common(events[c.event_id].event_type for c in group) or "incident"
    sides = []
    for claim in group:
        event = events[claim.event_id]
        if claim.polarity == "affirm" and event.source.country in (None, claim.claimant.country):
            continue  # a report of one's own side's act, or of an unknown hand: no blame
        verb = "denies" if claim.polarity == "deny" else "blames"
        side = f"{actor_label(claim.claimant)} {verb} {event.source.country or event.source.text}"
        if side not in sides:
            sides.append(side)
    return f"{kinds}: " + "; ".join(sides)


def find_contested(claims: Sequence[Claim], events: dict[str, Event]) -> list[ContestedIncident]:
    """The contested incidents among ``claims`` (whose events are in ``events``), by date."""
    out: list[ContestedIncident] = []
    for group in group_claims(claims, events):
        if not is_contested(group):
            continue
        members = sorted(
            (c for c in group if c.claimant.country is not None), key=lambda c: (c.doc_id, c.sentence_index)
        )
        evs = [events[c.event_id] for c in members]
        dated = [e for e in evs if e.date_text is not None] or evs
        out.append(
            ContestedIncident(
                date=_most_common(e.date for e in dated),
                place=_most_common(e.place.name or e.place.text for e in evs if e.place is not None),
                target=_most_common(actor_label(e.target) for e in evs if e.target is not None),
                description=_describe(members, events),
                claims=members,
                events={e.event_id: e for e in evs},
            )
        )
    out.sort(key=lambda i: (i.date or "", i.description))
    return out
