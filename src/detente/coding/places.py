"""Step 5 of coding: where an event happened, from "in/at/near X" attached to the trigger or to its
arguments ("police in Dushanbe detained ...", "raided the Jenin camp", "his visit to Ulaanbaatar")."""

from __future__ import annotations

from spacy.tokens import Span, Token

from detente.geo import Gazetteer
from detente.models import Place

PLACE_PREPS = {
    "in",
    "at",
    "near",
    "outside",
    "inside",
    "across",
    "around",
    "off",
    "into",
    "on",
    "along",
    "over",
    "through",
}
ARGUMENT_DEPS = {"dobj", "pobj", "nsubj", "nsubjpass", "npadvmod", "agent", "dative", "prep"}
NOT_PLACES = {"DATE", "TIME", "PERSON", "NORP", "CARDINAL", "ORDINAL", "MONEY", "PERCENT"}


def find_place(
    anchors: list[Token],
    excluded: set[int],
    gazetteer: Gazetteer,
    *,
    destination: bool = False,
    not_places: frozenset[int] = frozenset(),
) -> Place | None:
    """The place of an event (see :func:`_find_place`); failing that, the place of the clause it is
    coordinated with ("met in Geneva but failed to reach an agreement")."""
    place = _find_place(anchors, excluded, gazetteer, destination=destination, not_places=not_places)
    if place is None:
        verb = anchors[-1]
        while place is None and verb.dep_ in ("conj", "xcomp") and verb.head.i != verb.i:
            verb = verb.head
            place = _find_place([verb], excluded, gazetteer, destination=destination, not_places=not_places)
    return place


def _find_place(
    anchors: list[Token],
    excluded: set[int],
    gazetteer: Gazetteer,
    *,
    destination: bool = False,
    not_places: frozenset[int] = frozenset(),
) -> Place | None:
    """The place of an event whose trigger (and light verb) are ``anchors``.

    Locative phrases on the trigger come first, then those on its arguments, then proper-noun
    modifiers of its arguments ("a Caracas court"). ``excluded`` holds the actors' own name tokens:
    an actor is never its place. ``destination`` lets "to X" count (the place of a visit).
    """
    preps = PLACE_PREPS | ({"to"} if destination else set())
    for depth in (0, 1, 2):
        for anchor in anchors:
            for holder in _at_depth(anchor, depth):
                for prep in holder.children:
                    if prep.dep_ != "prep" or prep.lower_ not in preps:
                        continue
                    for pobj in prep.children:
                        if pobj.dep_ == "pobj" and pobj.i not in excluded and pobj.i not in not_places:
                            place = _place_of(pobj, gazetteer)
                            if place is not None:
                                return place
    for anchor in anchors:
        for holder in _at_depth(anchor, 1):
            for child in holder.children:
                # "a Caracas court", "Kosovo police" (not "NATO allies": ``not_places`` are names of
                # organisations and people, which the gazetteer may know as towns)
                if child.dep_ == "compound" and child.pos_ == "PROPN" and child.i not in not_places:
                    place = _place_of(child, gazetteer)
                    if place is not None:
                        return place
    return None


def _at_depth(anchor: Token, depth: int) -> list[Token]:
    """Tokens ``depth`` argument steps below ``anchor`` (through prepositions to their objects)."""
    level = [anchor]
    for _ in range(depth):
        nxt: list[Token] = []
        for token in level:
            for child in token.children:
                if child.dep_ == "prep":
                    nxt.extend(g for g in child.children if g.dep_ == "pobj")
                elif child.dep_ in ARGUMENT_DEPS:
                    nxt.append(child)
        level = nxt
    return level


def _place_of(token: Token, gazetteer: Gazetteer) -> Place | None:
    if token.ent_type_ in NOT_PLACES:
        return None
    if token.pos_ != "PROPN" and token.ent_type_ not in ("GPE", "LOC", "FAC"):
        # "in the city of Ganja", "near the Nakhchivan border", "the Jenin refugee camp"; a town
        # beats a sea or region of no country ("the Black Sea port of Batumi")
        names = [c for c in token.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
        names += [
            g
            for c in token.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for g in c.children
            if g.dep_ == "pobj"
        ]
        places = [p for p in (_place_of(n, gazetteer) for n in names) if p is not None]
        return next((p for p in places if p.country), places[0] if places else None)
    span = _name_span(token)
    for candidate in (span.text, token.text):
        place = gazetteer.lookup(candidate)
        if place is not None:
            return place
    return None


def _name_span(token: Token) -> Span:
    if token.ent_type_:
        for ent in token.doc.ents:
            if ent.start <= token.i < ent.end:
                return ent
    start = token.i
    while start > 0 and token.doc[start - 1].dep_ == "compound" and token.doc[start - 1].pos_ == "PROPN":
        start -= 1
    return token.doc[start : token.i + 1]
