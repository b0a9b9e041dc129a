"""Step 5 of coding: where an event happened, from "in/at/near X" attached to the trigger."""

from __future__ import annotations

from spacy.tokens import Span, Token

from detente.geo import Gazetteer
from detente.models import Place

PLACE_PREPS = {"in", "at", "near", "outside", "inside", "over", "across", "around", "off", "into", "on"}
PLACE_LABELS = {"GPE", "LOC", "FAC", "ORG", "NORP", ""}


def find_place(anchors: list[Token], excluded: set[int], gazetteer: Gazetteer) -> Place | None:
    """The place named in a locative phrase that hangs off one of ``anchors`` (trigger first).

    ``excluded`` holds the token indices of the event's actors: an actor is never its place.
    """
    for anchor in anchors:
        for prep in _locative_preps(anchor):
            for pobj in prep.children:
                if pobj.dep_ != "pobj" or pobj.i in excluded:
                    continue
                place = _place_of(pobj, gazetteer)
                if place is not None:
                    return place
    return None


def _locative_preps(anchor: Token) -> list[Token]:
    preps = [c for c in anchor.children if c.dep_ == "prep" and c.lower_ in PLACE_PREPS]
    # one level down: "detained two men in a raid in Yekaterinburg", "the strike on the embassy in Kyiv"
    for child in anchor.children:
        if child.dep_ in ("dobj", "pobj", "nsubjpass", "npadvmod") or child.dep_ == "prep":
            targets = [child] if child.dep_ != "prep" else [g for g in child.children if g.dep_ == "pobj"]
            for target in targets:
                preps.extend(c for c in target.children if c.dep_ == "prep" and c.lower_ in PLACE_PREPS)
    return preps


def _place_of(token: Token, gazetteer: Gazetteer) -> Place | None:
    if token.ent_type_ in ("DATE", "TIME", "PERSON", "NORP"):
        return None
    if token.pos_ != "PROPN" and token.ent_type_ not in ("GPE", "LOC", "FAC"):
        # "in the city of Ganja", "near the border town of Tovuz"
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for pobj in prep.children:
                    if pobj.dep_ == "pobj":
                        return _place_of(pobj, gazetteer)
        return None
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
    while start > 0 and token.doc[start - 1].dep_ in ("compound",) and token.doc[start - 1].pos_ == "PROPN":
        start -= 1
    return token.doc[start : token.i + 1]
