"""Step 2 of coding: find the tokens that fill the source and target roles of a trigger."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from detente.coding.knowledge import Knowledge, NounRule
from detente.coding.triggers import Trigger

SUBJECT_DEPS = ("nsubj", "csubj")
PASSIVE_SUBJECT_DEPS = ("nsubjpass", "csubjpass")
INHERIT_DEPS = ("xcomp", "conj", "advcl", "pcomp", "ccomp")


@dataclass
class Roles:
    """Candidate tokens for each role; each list holds coordinated heads ("Russia and Iran")."""

    sources: list[Token] = field(default_factory=list)
    targets: list[Token] = field(default_factory=list)
    object_token: Token | None = None


def find_roles(trigger: Trigger, knowledge: Knowledge) -> Roles:
    """Source and target candidates of ``trigger`` from the dependency parse."""
    if trigger.is_noun:
        return _noun_roles(trigger, knowledge)
    return _verb_roles(trigger.token, knowledge)


def _verb_roles(verb: Token, knowledge: Knowledge) -> Roles:
    roles = Roles()
    subject, passive_subject, agent = _subjects(verb)
    if subject is not None:
        roles.sources = _with_conjuncts(subject)
    if agent is not None:
        roles.sources = _with_conjuncts(agent)
    if passive_subject is not None:
        roles.targets = _with_conjuncts(passive_subject)
        roles.object_token = passive_subject
    for child in verb.children:
        if child.dep_ in ("dobj", "dative") and not roles.targets:
            roles.targets = _with_conjuncts(child)
            roles.object_token = roles.object_token or child
    if not roles.targets:
        roles.targets = _prep_objects(verb, knowledge.target_preps)
    if not roles.sources and verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN"):
        # "the police, who detained ..." / "nationals detained by police" (the head is the target)
        if agent is None and (verb.dep_ == "relcl" and passive_subject is None and verb.tag_ != "VBN"):
            roles.sources = _with_conjuncts(verb.head)
        elif not roles.targets:
            roles.targets = _with_conjuncts(verb.head)
    if not roles.sources and not _is_passive(verb):
        roles.sources = _inherited_subject(verb)
    if not roles.sources and len(roles.targets) >= 2 and roles.object_token is None:
        # "talks with X and Y" keep; but "X and Y met" is handled by coordination below
        pass
    if roles.sources and not roles.targets and len(roles.sources) >= 2:
        # Coordinated subjects of a reciprocal act: "Armenia and Azerbaijan agreed" → A with B.
        roles.targets = roles.sources[1:]
        roles.sources = roles.sources[:1]
    return roles


def _noun_roles(trigger: Trigger, knowledge: Knowledge) -> Roles:
    noun = trigger.token
    rule = trigger.rule
    assert isinstance(rule, NounRule)
    roles = Roles()
    for child in noun.children:
        if child.dep_ == "poss":
            roles.sources = _with_conjuncts(child)
        elif child.dep_ in ("amod", "compound") and child.pos_ in ("ADJ", "PROPN") and not roles.sources:
            roles.sources = [child]
        elif child.dep_ == "prep":
            word = child.lower_
            objects = [g for g in child.children if g.dep_ == "pobj"]
            if not objects:
                continue
            pobj = objects[0]
            if word in knowledge.source_preps:
                roles.sources = _with_conjuncts(pobj)
            elif word == "between":
                both = _with_conjuncts(pobj)
                roles.sources, roles.targets = both[:1], both[1:]
            elif word == "of":
                if rule.modifiers is not None and pobj.lemma_.lower() in rule.modifiers:
                    continue  # "a note of protest": the "of" phrase is what kind of note, not an actor
                if rule.of_role == "source":
                    roles.sources = roles.sources or _with_conjuncts(pobj)
                else:
                    roles.targets = roles.targets or _with_conjuncts(pobj)
            elif word in knowledge.target_preps:
                roles.targets = roles.targets or _with_conjuncts(pobj)
    if trigger.light_verb is not None:
        verb = trigger.light_verb
        subject, _passive, agent = _subjects(verb)
        holder = agent or subject
        if holder is not None:
            roles.sources = _with_conjuncts(holder)
        else:
            roles.sources = _inherited_subject(verb) or roles.sources
        if not roles.targets:
            for child in verb.children:
                if child.dep_ == "dative" or (child.dep_ == "dobj" and child.i != noun.i):
                    roles.targets = _with_conjuncts(child)
            if not roles.targets:
                roles.targets = _prep_objects(verb, knowledge.target_preps)
    elif noun.dep_ in ("nsubj", "nsubjpass") and not roles.sources and not roles.targets:
        pass
    if roles.sources and not roles.targets and len(roles.sources) >= 2:
        roles.targets = roles.sources[1:]
        roles.sources = roles.sources[:1]
    return roles


def _subjects(verb: Token) -> tuple[Token | None, Token | None, Token | None]:
    subject = passive = agent = None
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS:
            subject = child
        elif child.dep_ in PASSIVE_SUBJECT_DEPS:
            passive = child
        elif child.dep_ == "agent":
            pobjs = [g for g in child.children if g.dep_ == "pobj"]
            agent = pobjs[0] if pobjs else None
    return subject, passive, agent


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def _inherited_subject(verb: Token) -> list[Token]:
    """The subject a verb shares with the verb it hangs off ("agreed to release", "... and freed")."""
    current = verb
    for _ in range(4):
        if current.dep_ not in INHERIT_DEPS or current.head.i == current.i:
            return []
        head = current.head
        if current.dep_ == "pcomp" and head.dep_ == "prep":
            # "accused Russia of detaining": the object of "accused" did the detaining
            governor = head.head
            objects = [c for c in governor.children if c.dep_ == "dobj"]
            if objects:
                return _with_conjuncts(objects[0])
            current = governor
            continue
        subject, _passive, agent = _subjects(head)
        if current.dep_ == "xcomp":
            objects = [c for c in head.children if c.dep_ == "dobj"]
            if objects and head.lemma_.lower() in ("ask", "urge", "order", "force", "allow", "tell", "call"):
                return _with_conjuncts(objects[0])
        if subject is not None:
            return _with_conjuncts(subject)
        if agent is not None:
            return _with_conjuncts(agent)
        current = head
    return []


def _prep_objects(verb: Token, preps: frozenset[str]) -> list[Token]:
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            pobjs = [g for g in child.children if g.dep_ == "pobj"]
            if pobjs:
                return _with_conjuncts(pobjs[0])
    return []


def _with_conjuncts(token: Token) -> list[Token]:
    return [token, *[c for c in token.conjuncts if c.i > token.i]]
