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
MAX_CLIMB = 3
CLAUSE_LINKS = {"conj", "xcomp", "advcl"}
NOUN_ARGUMENTS = {"dobj", "pobj", "nsubj", "nsubjpass"}
ARGUMENT_DEPS = {"dobj", "pobj", "nsubj", "nsubjpass", "npadvmod", "agent", "dative", "prep"}
NOT_PLACES = {"DATE", "TIME", "PERSON", "NORP", "CARDINAL", "ORDINAL", "MONEY", "PERCENT"}
# after these a gazetteer name is a place even when the small model's NER calls it a person ("over
# Shiraz", "a court in Rostov-on-Don"); people the text knows are kept out by ``not_places``
LOCATIVE_PREPS = {"in", "near", "outside", "inside", "over", "around", "across"}


def find_place(
    anchors: list[Token],
    excluded: set[int],
    gazetteer: Gazetteer,
    *,
    destination: bool = False,
    visit: bool = False,
    not_places: frozenset[int] = frozenset(),
) -> Place | None:
    """The place of an event (see :func:`_find_place`); failing that, the place of the clause it is
    coordinated with ("met in Geneva but failed to reach an agreement")."""
    place = _find_place(
        anchors, excluded, gazetteer, destination=destination, visit=visit, not_places=not_places
    )
    holder: Token | None = anchors[-1]
    for _ in range(MAX_CLIMB):
        holder = _governor(holder) if holder is not None else None
        if place is not None or holder is None:
            break
        place = _find_place(
            [holder], excluded, gazetteer, destination=destination, not_places=not_places, compounds=False
        )
    # "used tear gas to disperse the crowd in Maputo": what an act was done for was done there
    for clause in _purpose_clauses(anchors[-1]) if place is None else []:
        place = place or _find_place([clause], excluded, gazetteer, not_places=not_places, compounds=False)
    return place


def _purpose_clauses(token: Token) -> list[Token]:
    """The "to" clauses hanging on a verb ("used tear gas to disperse the crowd")."""
    return [
        c
        for c in token.children
        if c.dep_ in ("xcomp", "advcl") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
    ]


def _governor(token: Token) -> Token | None:
    """The clause a trigger without a place of its own takes its place from: the verb it is coordinated
    with or subordinate to ("met in Geneva but failed to agree", "urged ... during talks in Abuja",
    "beaten by police in Tbilisi as he was being detained"), or the verb a nominal trigger is an
    argument of ("police deployed in Tbilisi to contain the protests")."""
    if token.dep_ in CLAUSE_LINKS and token.head.i != token.i:
        return token.head
    if token.pos_ in ("NOUN", "PROPN") and token.dep_ in NOUN_ARGUMENTS and token.head.i != token.i:
        head = token.head
        if token.dep_ == "pobj" and head.dep_ == "prep" and head.head.i != head.i:
            head = head.head
        return head if head.pos_ in ("VERB", "AUX") else None
    return None


def _find_place(
    anchors: list[Token],
    excluded: set[int],
    gazetteer: Gazetteer,
    *,
    destination: bool = False,
    visit: bool = False,
    not_places: frozenset[int] = frozenset(),
    compounds: bool = True,
) -> Place | None:
    """The place of an event whose trigger (and light verb) are ``anchors``.

    Locative phrases on the trigger come first, then those on its arguments, then proper-noun
    modifiers of its arguments ("a Caracas court"). ``excluded`` holds the actors' own name tokens:
    an actor is never its place. ``destination`` lets "to X" count (where aid or troops were sent);
    ``visit`` also lets a town that names the other party count ("visited Ankara", "a visit to Kyiv").
    """
    preps = PLACE_PREPS | ({"to"} if destination else set())
    if visit:
        # "visited Ankara", "will visit Moscow": the town visited is the place, though it names a state
        for anchor in anchors:
            for obj in anchor.children:
                if obj.dep_ in ("dobj", "npadvmod") and obj.pos_ == "PROPN" and obj.i not in not_places:
                    place = _place_of(obj, gazetteer)
                    if place is not None and place.lat is not None:
                        return place
    for depth in (0, 1, 2):
        for anchor in anchors:
            for holder in _at_depth(anchor, depth):
                for prep in holder.children:
                    if prep.dep_ != "prep" or prep.lower_ not in preps:
                        continue
                    for pobj in prep.children:
                        if pobj.dep_ != "pobj" or pobj.i in not_places:
                            continue
                        place = _place_of(pobj, gazetteer)
                        if place is None:
                            continue
                        if pobj.i not in excluded or _town_named_as_actor(prep, place, visit):
                            return place
    if not compounds:
        return None
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


def _town_named_as_actor(prep: Token, place: Place, visit: bool) -> bool:
    """A capital standing for its state is still the place after "in"/"at"/(a visit's) "to" ("talks
    at the Kremlin", "a visit to Kyiv"); a country never is ("fired at Armenia")."""
    where = LOCATIVE_PREPS | {"at"} | ({"to"} if visit else set())
    return prep.lower_ in where and place.lat is not None


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
    if token.ent_type_ in NOT_PLACES and not _locative_name(token):
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
        outer = _container_place(token, gazetteer)
        if outer is not None:
            # "Balochistan's Kech district" lies in Pakistan, whatever a German town is also called
            places = [p for p in places if p.country == outer.country] or [outer]
        return next((p for p in places if p.country), places[0] if places else None)
    span = _name_span(token)
    while len(span) > 1 and span[-1].pos_ in ("ADP", "DET", "PUNCT"):
        span = span[:-1]  # the model's entity may run on ("the Great Hall of the People on")
    joined = _hyphenated(token)
    candidates = ([joined] if "-" in joined and joined != token.text else []) + [span.text]
    others = [t.text for t in span if t.i != token.i and t.pos_ == "PROPN"]
    if not others:
        # "northern Gaza" is Gaza, but "the Great Hall" is no town called Hall and "the Neelum
        # Valley" no Valley, Alabama
        candidates.append(token.text)
    elif getattr(span, "label_", "") in ("GPE", "LOC"):
        candidates += others  # "Donetsk Oblast": Donetsk
    for candidate in candidates:
        place = gazetteer.lookup(candidate)
        if place is not None:
            return place
    return None


def _container_place(token: Token, gazetteer: Gazetteer) -> Place | None:
    """The region or country a place phrase says it lies in ("Zambia's Copperbelt province")."""
    for child in token.children:
        if child.dep_ == "poss":
            place = _place_of(child, gazetteer)
            if place is not None and place.country:
                return place
    return None


def _locative_name(token: Token) -> bool:
    """A proper name right after a locative preposition ("over Shiraz")."""
    return (
        token.ent_type_ == "PERSON"
        and token.pos_ == "PROPN"
        and token.dep_ == "pobj"
        and token.head.lower_ in LOCATIVE_PREPS
    )


def _hyphenated(token: Token) -> str:
    """The hyphen-joined name a token is part of ("Rostov" in "Rostov-on-Don")."""
    doc = token.doc
    start = token.i
    while (
        start > 0
        and not doc[start - 1].whitespace_
        and (doc[start - 1].text == "-" or doc[start].text == "-")
    ):
        start -= 1
    end = token.i
    while (
        end + 1 < len(doc) and not doc[end].whitespace_ and (doc[end + 1].text == "-" or doc[end].text == "-")
    ):
        end += 1
    return doc[start : end + 1].text


def _name_span(token: Token) -> Span:
    if token.ent_type_:
        for ent in token.doc.ents:
            if ent.start <= token.i < ent.end:
                return ent
    start = token.i
    while start > 0 and token.doc[start - 1].dep_ == "compound" and token.doc[start - 1].pos_ == "PROPN":
        start -= 1
    return token.doc[start : token.i + 1]


def is_place_name(token: Token) -> bool:
    """Whether a word may name a place: a proper noun, or a noun the parser tags as a place. An
    adjective is none ("Gulf Arab states": Arab, Alabama, is not meant)."""
    return token.pos_ == "PROPN" or (token.pos_ != "ADJ" and token.ent_type_ in ("GPE", "LOC", "FAC"))


def gazetteer_place(token: Token, gazetteer: Gazetteer) -> Place | None:
    """The place a proper name stands for: the whole name first ("Neelum Valley"), then its
    modifiers ("Kharkiv Oblast": Kharkiv), never its generic head alone ("Valley", a US town). A
    word inside a longer name is looked up with that name."""
    if token.dep_ == "compound" and is_place_name(token.head):
        return None
    parts = [c for c in token.children if c.dep_ == "compound" and c.i < token.i and is_place_name(c)]
    if not parts:
        return gazetteer.lookup(token.text)
    whole = token.doc[parts[0].i : token.i + 1].text
    for name in [whole, *(c.text for c in parts)]:
        place = gazetteer.lookup(name)
        if place is not None:
            return place
    return None


def places_under(token: Token, depth: int) -> list[Token]:
    """The objects of "in/at" phrases under ``token``, then under those ("at a mine in Zambia")."""
    found = [
        g
        for prep in token.children
        if prep.dep_ == "prep" and prep.lower_ in ("in", "at")
        for g in prep.children
        if g.dep_ == "pobj"
    ]
    if depth > 1:
        found += [deeper for g in list(found) for deeper in places_under(g, depth - 1)]
    return found
