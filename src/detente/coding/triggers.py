"""Step 1 of coding: find event triggers (verbs and event nouns) in a sentence."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from detente.coding.knowledge import Knowledge, NounRule, VerbRule

# Named-entity labels a noun trigger cannot carry ("March" is a month, not a protest march).
NOT_EVENT_ENTITIES = {
    "DATE",
    "TIME",
    "PERSON",
    "GPE",
    "LOC",
    "MONEY",
    "PERCENT",
    "CARDINAL",
    "ORDINAL",
    "QUANTITY",
    "NORP",
    "WORK_OF_ART",
    "FAC",
}
# A noun in apposition or as a predicate restates an event already told: "..., his first foreign trip".
RESTATING_DEPS = {"appos", "attr"}
MODIFIER_DEPS = {"compound", "amod", "nmod", "npadvmod", "nummod"}
TOPIC_PREPS = {"on", "over", "about", "regarding", "concerning"}
# What an act undoes is no new event: a concession lifts measures, a cut ends ties
UNDOES = {
    "CONCEDE": frozenset({"SANCTION", "COERCE"}),
    "SANCTION": frozenset({"CONSULT", "COOPERATE", "AGREE", "AID"}),
}


@dataclass(frozen=True)
class Trigger:
    """A token that signals an event, the rule it matched and, for nouns, the light verb over it."""

    token: Token
    rule: VerbRule | NounRule
    light_verb: Token | None = None
    alternatives: tuple[
        VerbRule, ...
    ] = ()  # later rules for the same verb, tried when this one's conditions fail

    @property
    def is_noun(self) -> bool:
        """Whether the trigger is an event noun ("the arrest of")."""
        return isinstance(self.rule, NounRule)


def find_triggers(sent: Span, knowledge: Knowledge) -> list[Trigger]:
    """All triggers in ``sent``, in text order. Light verbs over event nouns are not triggers."""
    found: list[Trigger] = []
    covered_by_noun: set[int] = set()
    for token in sent:
        if (
            (token.pos_ in ("NOUN", "PROPN") or _nominal_verb(token))
            and (token.ent_type_ not in NOT_EVENT_ENTITIES or _mislabelled_noun(token))
            and token.dep_ not in RESTATING_DEPS
            and not _second_object(token)
            and not _inside_name(token)
        ):
            noun_rule = match_noun(token, knowledge)
            if noun_rule is not None:
                light = _light_verb(token, knowledge)
                if light is not None:
                    covered_by_noun.add(light.i)
                # "the drills held near Orzysz": a light verb's participle on the noun tells the same
                # event (with an agent it may tell another: "a declaration brokered by Erdogan")
                covered_by_noun.update(
                    c.i
                    for c in token.children
                    if c.dep_ == "acl"
                    and c.tag_ == "VBN"
                    and _is_light(c, knowledge)
                    and not any(g.dep_ == "agent" for g in c.children)
                )
                found.append(Trigger(token, noun_rule, light))
    # "a note of protest": "protest" only says what kind of note; it is not an event of its own
    defining = {
        m.i
        for t in found
        if isinstance(t.rule, NounRule) and t.rule.modifiers
        for m in t.token.subtree
        if m.i != t.token.i and m.lemma_.lower() in t.rule.modifiers
    }
    found = [t for t in found if t.token.i not in defining]
    as_noun = {t.token.i for t in found}
    for token in sent:
        if token.pos_ in ("VERB", "AUX") or (token.pos_ == "NOUN" and token.tag_ == "VBG"):
            if token.i in covered_by_noun or token.i in as_noun:
                continue
            verb_rules = match_verb_rules(token, knowledge)
            if _done_jointly(token, knowledge):
                verb_rules = [VerbRule(event_type="COOPERATE", mode=None, lemma=token.lemma_.lower())]
            if verb_rules:
                found.append(Trigger(token, verb_rules[0], alternatives=tuple(verb_rules[1:])))
    # "pledged 30 million euros in aid": the noun inside a verb trigger's object of the same kind is
    # that same event
    verbs_by_type = [(t.token, t.rule.event_type) for t in found if not t.is_noun]
    # ... and so is one of the same kind in a "with" phrase on a light verb ("launched joint exercises,
    # with drills held across Belarus")
    verbs_by_type += [
        (c, t.rule.event_type)
        for t in found
        if t.light_verb is not None
        for c in t.light_verb.children
        if c.dep_ == "prep" and c.lower_ == "with" and c.i > t.token.i
    ]
    found = [
        t
        for t in found
        if not (
            t.is_noun
            and t.light_verb is None
            and any(
                kind == t.rule.event_type
                and t.token.i in {x.i for x in verb.subtree}
                and t.token.dep_ != "nsubj"
                for verb, kind in verbs_by_type
            )
        )
    ]
    # "lifted sanctions on", "the lifting of a ban", "eased curbs": the measure undone is no new one;
    # "suspended its military cooperation with", "the suspension of accession talks": nor is the tie cut
    undone = {
        g.i: UNDOES[_undoing_kind(t)]
        for t in found
        if _undoing_kind(t) in UNDOES
        for c in t.token.children
        if c.dep_ in ("dobj", "nsubjpass") or (c.dep_ == "prep" and c.lower_ in ("of", "from"))
        for g in ([c] if c.dep_ != "prep" else [x for x in c.children if x.dep_ == "pobj"])
    }
    found = [t for t in found if not (t.is_noun and t.rule.event_type in undone.get(t.token.i, ()))]
    # "the most serious breach of the truce", "the outcome of the talks": an event only referred to
    found = [
        t
        for t in found
        if not (
            t.is_noun
            and t.token.dep_ == "pobj"
            and t.token.head.lower_ == "of"
            and t.token.head.head.lemma_.lower() in knowledge.referring_nouns
        )
    ]
    # "an agreement on tariffs", "talks about prisoner exchanges": what talks or accords are about
    nouns = {t.token.i for t in found if t.is_noun and t.rule.event_type in ("CONSULT", "AGREE")}
    found = [
        t
        for t in found
        if not (
            t.is_noun
            and t.token.dep_ == "pobj"
            and t.token.head.lower_ in TOPIC_PREPS
            and t.token.head.head.i in nouns
        )
    ]
    # "agreed to a ceasefire", "agreed to hand back four villages": the act agreed to is the event
    acts = {t.token.i for t in found}
    found = [
        t
        for t in found
        if not (
            not t.is_noun
            and t.rule.event_type == "AGREE"
            and any(
                (c.dep_ == "xcomp" and c.i in acts)
                or (c.dep_ == "prep" and c.lower_ == "to" and any(g.i in acts for g in c.children))
                for c in t.token.children
            )
        )
    ]
    # "met in Khiva to discuss water sharing": a purpose clause of the same kind restates the event
    by_index = {t.token.i: t.rule.event_type for t in found}
    found = [
        t
        for t in found
        if not (
            t.token.dep_ in ("advcl", "xcomp", "conj")
            and by_index.get(t.token.head.i) == t.rule.event_type
            and any(c.lower_ == "to" and c.dep_ == "aux" for c in t.token.children)
        )
    ]
    return sorted(found, key=lambda t: t.token.i)


def _undoing_kind(trigger: Trigger) -> str:
    """The type of act ``trigger`` undoes others by: a concession, or a cut (SANCTION discontinue or
    withdraw); "" for any other."""
    rule = trigger.rule
    if rule.event_type == "SANCTION" and rule.mode in ("discontinue", "withdraw"):
        return "SANCTION"
    return rule.event_type if rule.event_type == "CONCEDE" else ""


def verb_forms(token: Token) -> list[str]:
    """Lemma candidates of a verb: spaCy's lemma, then de-inflected forms of the word itself, for
    the small model's slips ("staged" → "stag")."""
    word = token.lower_
    forms = [token.lemma_.lower(), word]
    for suffix in ("ed", "es", "s", "ing"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[: -len(suffix)]
            forms += [stem, stem + "e"]
            if len(stem) > 2 and stem[-1] == stem[-2]:
                forms.append(stem[:-1])  # "banned" → "ban"
            if stem.endswith("i"):
                forms.append(stem[:-1] + "y")  # "denied" → "deny"
    return list(dict.fromkeys(forms))


def match_verb_rules(token: Token, knowledge: Knowledge) -> list[VerbRule]:
    """Every verb rule whose lemma, attached words and object conditions fit ``token``, in order."""
    rules = next((knowledge.verbs[f] for f in verb_forms(token) if f in knowledge.verbs), None)
    if not rules:
        return []
    if any(c.dep_ == "nsubj" and c.lemma_.lower() in knowledge.not_agents for c in token.children):
        return []  # "an earthquake struck southern Turkey"
    # words attached to the verb; a preposition that only introduces a date is no particle
    # ("called Erdogan on Monday" is no "call on")
    attached = [c for c in token.children if not dates_only(c)]
    # grandchildren count under a particle or preposition ("spoke by phone") or as parts of a fixed
    # phrase ("declared persona non grata"), not as the prepositions of an object ("called the stance
    # on Karabakh biased" is no "call on")
    near = {c.lemma_.lower() for c in attached} | {
        g.lemma_.lower()
        for c in attached
        for g in c.children
        if c.dep_ in ("prep", "agent", "prt") or g.dep_ != "prep"
    }
    objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass", "attr")]
    # "millions of artillery shells", "50 tonnes of medical supplies": the kind is in the "of" phrase
    objects += [
        g
        for o in objects
        for p in o.children
        if p.dep_ == "prep" and p.lower_ in ("of", "in")
        for g in p.children
        if g.dep_ == "pobj"
    ]
    # "withdrew from the treaty": what is left is named after "from"
    objects += [
        g
        for p in token.children
        if p.dep_ == "prep" and p.lower_ == "from"
        for g in p.children
        if g.dep_ == "pobj"
    ]
    object_lemmas = {o.lemma_.lower() for o in objects} | {
        c.lemma_.lower() for o in objects for c in o.children if c.dep_ == "compound"
    }
    fitting: list[VerbRule] = []
    for rule in rules:
        if any(word not in near for word in rule.extra):
            continue
        if rule.objects is not None and not (object_lemmas & rule.objects):
            continue
        if object_lemmas & rule.not_objects:
            continue
        if rule.no_clause and any(c.dep_ == "ccomp" for c in token.children):
            continue
        fitting.append(rule)
    return fitting


def _done_jointly(verb: Token, knowledge: Knowledge) -> bool:
    """An act two parties do together: "jointly reopened", "A and B broke ground on"."""
    if any(c.dep_ == "advmod" and c.lower_ in knowledge.joint_adverbs for c in verb.children):
        return True
    forms = set(verb_forms(verb))
    near = {c.lemma_.lower() for c in verb.children if c.dep_ in ("prt", "dobj")}
    named = forms | {f"{f} {w}" for f in forms for w in near}
    coordinated = any(c.dep_ == "nsubj" and any(g.dep_ == "conj" for g in c.children) for c in verb.children)
    return coordinated and bool(named & knowledge.joint_acts)


def _nominal_verb(token: Token) -> bool:
    """A word the tagger called a verb where only a noun fits: "signed a minerals deal" (the object
    of a verb, with a determiner or a compound of its own)."""
    return (
        token.pos_ == "VERB"
        and token.dep_ in ("dobj", "pobj", "nsubjpass")
        and any(c.dep_ in ("det", "compound", "poss") for c in token.children)
    )


def _from_object_fits(token: Token, allowed: frozenset[str]) -> bool:
    """The noun's "from" phrase names one of ``allowed`` (``ORG``: a named organisation)."""
    for prep in token.children:
        if prep.dep_ != "prep" or prep.lower_ != "from":
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj":
                continue
            named_org = obj.ent_type_ == "ORG" or (len(obj.text) > 1 and obj.text.isupper())  # ECOWAS
            named_state = obj.ent_type_ == "GPE"  # "protests from Vilnius"
            if (
                obj.lemma_.lower() in allowed
                or ("ORG" in allowed and named_org)
                or ("GPE" in allowed and named_state)
            ):
                return True
    return False


def dates_only(prep: Token) -> bool:
    """A preposition whose objects are all dates or times ("on Monday", "in March")."""
    objects = [g for g in prep.children if g.dep_ == "pobj"]
    return prep.dep_ == "prep" and bool(objects) and all(g.ent_type_ in ("DATE", "TIME") for g in objects)


def match_noun(token: Token, knowledge: Knowledge) -> NounRule | None:
    """The first noun rule whose lemma, modifier and governing-verb conditions fit ``token``."""
    rules = knowledge.nouns.get(token.lemma_.lower()) or knowledge.nouns.get(token.lower_)
    if not rules:
        return None
    modifiers = _modifier_lemmas(token)
    governor = (
        token.head if token.dep_ in ("dobj", "nsubjpass") and token.head.pos_ in ("VERB", "AUX") else None
    )
    governing = set(verb_forms(governor)) if governor is not None else set()
    # "the deal signed in Ankara": a participle on the noun governs it too
    governing |= {f for c in token.children if c.dep_ == "acl" and c.tag_ == "VBN" for f in verb_forms(c)}
    for rule in rules:
        if rule.modifiers is not None and not (modifiers & rule.modifiers):
            continue
        if modifiers & rule.not_modifiers:
            continue
        if rule.verbs is not None and not (governing & rule.verbs):
            continue
        if token.dep_ == "pobj" and token.head.lower_ in rule.not_after:
            continue
        if rule.from_objects is not None and not _from_object_fits(token, rule.from_objects):
            continue
        if rule.with_preps is not None and not any(
            c.dep_ == "prep" and c.lower_ in rule.with_preps for c in token.children
        ):
            continue
        return rule
    return None


def _mislabelled_noun(token: Token) -> bool:
    """A common noun the entity tagger took for a group of people ("Protests were also reported"):
    group names (NORP) are proper nouns or adjectives, never plain common nouns."""
    return token.ent_type_ == "NORP" and token.pos_ == "NOUN" and token.tag_ in ("NN", "NNS")


def _second_object(token: Token) -> bool:
    """A noun the parser made a second direct object of a verb, after a comma: an apposition that
    restates the first ("held talks in Muscat, their first contact in months")."""
    if token.dep_ != "dobj":
        return False
    earlier = [c for c in token.head.children if c.dep_ == "dobj" and c.i < token.i]
    return any(t.text == "," for e in earlier for t in token.doc[e.i : token.i])


def _inside_name(token: Token) -> bool:
    """Part of a longer name ("the Collective Security Treaty Organisation", "the Minsk Agreements
    Act"): a name, not an event."""
    if token.ent_type_ not in ("ORG", "LAW", "EVENT", "PRODUCT"):
        return False
    ent = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
    return ent is not None and len(ent) > 1 and token.i != ent.start


def _modifier_lemmas(token: Token) -> set[str]:
    lemmas = set()
    for child in token.children:
        if child.dep_ in MODIFIER_DEPS:
            lemmas.add(child.lemma_.lower())
            lemmas.update(c.lemma_.lower() for c in child.children if c.dep_ in MODIFIER_DEPS)
        elif child.dep_ == "prep" and child.lower_ == "of":
            lemmas.update(g.lemma_.lower() for g in child.children if g.dep_ == "pobj")
    if token.i > 0 and token.nbor(-1).dep_ in MODIFIER_DEPS:
        lemmas.add(token.nbor(-1).lemma_.lower())
    return lemmas


def _is_light(verb: Token, knowledge: Knowledge) -> bool:
    """Whether ``verb`` is a light verb, alone or with its particle ("wrapped up a visit")."""
    forms = verb_forms(verb)
    particles = [c.lower_ for c in verb.children if c.dep_ == "prt"]
    return any(f in knowledge.light_verbs for f in forms) or any(
        f"{f} {p}" in knowledge.light_verbs for f in forms for p in particles
    )


def _light_verb(noun: Token, knowledge: Knowledge) -> Token | None:
    """The light verb of which ``noun`` is the object ("held talks", "a note was handed")."""
    head = noun.head
    if noun.dep_ in ("dobj", "nsubjpass") and head.pos_ in ("VERB", "AUX") and _is_light(head, knowledge):
        return head
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ == "VERB":
        # "put on alert", "entered into talks"
        verb = head.head
        if _is_light(verb, knowledge) and head.lower_ in ("into", "in", "on"):
            return verb
    if noun.dep_ == "conj" and noun.head.pos_ in ("NOUN", "PROPN"):
        return _light_verb(noun.head, knowledge)
    if (
        noun.dep_ == "pobj"
        and head.lower_ == "of"
        and head.head.pos_ == "NOUN"
        and match_noun(head.head, knowledge) is None
    ):
        # "held four hours of talks", "launched a wave of strikes" (but "a note of protest" is one event)
        return _light_verb(head.head, knowledge)
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ == "NOUN" and head.head.dep_ == "dobj":
        # "took part in the drills", "played a role in the talks"
        verb = head.head.head
        if _is_light(verb, knowledge) and head.lower_ in ("in", "into"):
            return verb
    return None
