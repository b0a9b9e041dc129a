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
    # "lifted the blockade", "freed him from house arrest", "halted attacks": the coercion or
    # fighting ended is no new one
    "RETREAT": frozenset({"COERCE", "ASSAULT"}),
    # "cancelled her trip to Baku": the visit called off does not take place
    "REJECT": frozenset({"CONSULT"}),
    # "banned all opposition rallies", "banned their meetings": the gatherings forbidden are not held
    "PROHIBIT": frozenset({"CONSULT", "PROTEST"}),
}


@dataclass(frozen=True)
class Trigger:
    """A token that signals an event, the rule it matched and, for nouns, the light verb over it."""

    token: Token
    rule: VerbRule | NounRule
    light_verb: Token | None = None
    alternatives: tuple[
        VerbRule | NounRule, ...
    ] = ()  # later rules for the same word, tried when this one's conditions fail

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
            noun_rules = match_noun_rules(token, knowledge)
            if noun_rules:
                noun_rule = noun_rules[0]
                light = _light_verb(token, knowledge)
                if light is not None and not _mediates_another(light, noun_rule, knowledge):
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
                found.append(Trigger(token, noun_rule, light, alternatives=tuple(noun_rules[1:])))
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
    # "set fire to the station": the noun of a verb phrase trigger is part of it, no act of its own
    phrase_words = {
        c.i
        for t in found
        if isinstance(t.rule, VerbRule) and t.rule.extra
        for c in t.token.children
        if c.lemma_.lower() in t.rule.extra
    }
    found = [t for t in found if not (t.is_noun and t.token.i in phrase_words)]
    # "vowed to retaliate": the act a threat promises is not told as done
    threats = {t.token.i for t in found if not t.is_noun and t.rule.event_type == "THREATEN"}
    found = [t for t in found if not (t.token.dep_ == "xcomp" and t.token.head.i in threats)]
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
    noun_kinds = {t.token.i: t.rule.event_type for t in found if t.is_noun}
    found = [
        t
        for t in found
        if not (
            t.is_noun
            and t.light_verb is None
            and not _own_doer(t.token)
            and not _in_return(t)
            and any(
                kind == t.rule.event_type
                and t.token.i in {x.i for x in verb.subtree}
                and t.token.dep_ != "nsubj"
                and not _answered_act(t.token, verb, knowledge)
                and not _inside_other_act(t.token, verb, noun_kinds)
                for verb, kind in verbs_by_type
            )
        )
    ]
    # "lifted sanctions on", "the lifting of a ban", "eased curbs": the measure undone is no new one;
    # "suspended its military cooperation with", "the suspension of accession talks": nor is the tie cut
    undone = {
        g.i: UNDOES[_undoing_kind(t, knowledge)]
        for t in found
        if _undoing_kind(t, knowledge) in UNDOES
        for c in t.token.children
        if c.dep_ in ("dobj", "nsubjpass") or (c.dep_ == "prep" and c.lower_ in ("of", "from"))
        for g in ([c] if c.dep_ != "prep" else [x for x in c.children if x.dep_ == "pobj"])
    }
    # "exempted smartphones from its tariffs": the parser may hang the "from" phrase on the object
    undone.update(
        {
            g.i: UNDOES[_undoing_kind(t, knowledge)]
            for t in found
            if _undoing_kind(t, knowledge) in UNDOES
            for o in t.token.children
            if o.dep_ == "dobj"
            for p in o.children
            if p.dep_ == "prep" and p.lower_ == "from"
            for g in p.children
            if g.dep_ == "pobj"
        }
    )
    found = [t for t in found if not (t.is_noun and t.rule.event_type in undone.get(t.token.i, ()))]
    found = [t for t in found if not (t.is_noun and _ended(t.token, knowledge))]
    # "left Niger on Friday, completing a withdrawal": a participle clause goes on telling the act
    verb_kinds = {t.token.i: t.rule.event_type for t in found if not t.is_noun}
    found = [
        t
        for t in found
        if not (
            t.light_verb is not None
            and t.light_verb.dep_ == "advcl"
            and t.light_verb.tag_ == "VBG"
            and verb_kinds.get(t.light_verb.head.i) == t.rule.event_type
        )
    ]
    # "dispersed the rally, using rubber bullets": a participle of the same kind tells the means
    found = [
        t
        for t in found
        if not (
            not t.is_noun
            and t.token.dep_ == "advcl"
            and t.token.tag_ == "VBG"
            and t.token.lemma_.lower() in knowledge.instrument_verbs
            and verb_kinds.get(t.token.head.i) == t.rule.event_type
        )
    ]
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
    # "such a truce", "such talks": an act of a kind already told or only spoken of
    # (not "attacks such as the strike on Odesa", where the word introduces examples); also a
    # relative clause on such a noun ("the tenth such exchange it has brokered")
    found = [
        t
        for t in found
        if not (
            _refers_with_such(t.token, knowledge)
            if t.is_noun
            else t.token.dep_ == "relcl" and _refers_with_such(t.token.head, knowledge)
        )
    ]
    # "discussed reopening the border", "considered sanctions": a topic, not an act done
    found = [
        t
        for t in found
        if not (
            t.token.dep_ in ("dobj", "xcomp", "ccomp")
            and t.token.head.lemma_.lower() in knowledge.topic_verbs
            and (t.light_verb is None or t.light_verb.i == t.token.head.i)
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
    # (also one told as a noun on its light verb: "agreed to resume talks", "to set up a joint body")
    acts = {t.token.i for t in found} | {t.light_verb.i for t in found if t.light_verb is not None}
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
    # (not a second infinitive in a list: "agreed to pull back their guns and to allow observers in")
    by_index = {t.token.i: t.rule.event_type for t in found}
    found = [
        t
        for t in found
        if not (
            t.token.dep_ in ("advcl", "xcomp", "conj")
            and by_index.get(t.token.head.i) == t.rule.event_type
            and any(c.lower_ == "to" and c.dep_ == "aux" for c in t.token.children)
            and not (t.token.dep_ == "conj" and _to_infinitive(t.token.head))
        )
    ]
    found = [t for t in found if not _tells_the_outcome(t, found) and not _suffered_in(t, found, knowledge)]
    # "deployed soldiers to support the rebels", "extradited him to face charges": what an act is
    # done for is not told as done
    # (or on the light verb of one: "began a strike to press the government")
    light_verbs = {t.light_verb.i for t in found if t.light_verb is not None}
    acting = {t.token.i for t in found} | light_verbs
    found = [t for t in found if not _purpose_of_an_act(t, acting, light_verbs)]
    # "retaliated by expelling ten diplomats": the means is the act; "soldiers were injured in the
    # attack": the act is the one named
    # (a swap's other side framing a release is another act: "freed ten detainees in exchange for ...")
    kinds = {t.token.i: t.rule.event_type for t in found if not _in_return(t)}
    found = [
        t
        for t in found
        if t.is_noun
        or not (_told_by_another(t, kinds) or _happened_within(t, kinds) or _running_toll(t, knowledge))
    ]
    return sorted(found, key=lambda t: t.token.i)


def _answered_act(noun: Token, verb: Token, knowledge: Knowledge) -> bool:
    """``noun`` is what the act of ``verb`` answers ("expelled diplomats in response to similar
    expulsions"): a word of response stands between them."""
    for ancestor in noun.ancestors:
        if ancestor.i == verb.i:
            return False
        if ancestor.lemma_.lower() in knowledge.response_nouns:
            return True
    return False


def _inside_other_act(noun: Token, verb: Token, noun_kinds: dict[int, str]) -> bool:
    """``noun`` hangs off an event noun of another kind below ``verb``, so it is an act of its own
    ("detained students at rallies against the detention of the mayor": the detention is what the
    rallies were about, not the detention of the students)."""
    kind = noun_kinds.get(noun.i)
    for ancestor in noun.ancestors:
        if ancestor.i == verb.i:
            return False
        if ancestor.i in noun_kinds and noun_kinds[ancestor.i] != kind:
            return True
    return False


def _in_return(trigger: Trigger) -> bool:
    """A noun that tells the other side's part of a deal framing a verb ("in exchange for")."""
    return isinstance(trigger.rule, NounRule) and trigger.rule.in_return


def _ended(noun: Token, knowledge: Knowledge) -> bool:
    """An act or state that a verb tells over ("ending a suspension of its membership", "the talks
    were ended"); not one an infinitive only wants ended or a negation keeps ("refused to end their
    sit-in", "did not end the blockade")."""
    verb = noun.head
    return (
        noun.dep_ in ("dobj", "nsubjpass")
        and verb.pos_ == "VERB"
        and verb.lemma_.lower() in knowledge.ending_verbs
        and not any(c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ == "to") for c in verb.children)
    )


def _purpose_of_an_act(trigger: Trigger, acting: set[int], light: set[int]) -> bool:
    """A "to" infinitive on a verb that tells an act (a trigger or a light verb): its purpose. (The
    parser may read the purpose as the complement of a light verb.)"""
    anchor = trigger.light_verb or trigger.token
    return (
        (anchor.dep_ == "advcl" and anchor.head.i in acting)
        or (anchor.dep_ == "xcomp" and anchor.head.i in light)
    ) and any(c.lower_ == "to" and c.dep_ == "aux" for c in anchor.children)


def _running_toll(trigger: Trigger, knowledge: Knowledge) -> bool:
    """A count of people acted on by no one named, summed up to now: "more than 2,000 civilians have
    been killed since January" is a statistic, not an act. (Acts that only a state's organs do, such
    as "107 people had been detained since Thursday", have a doer the text implies.)"""
    if knowledge.types[trigger.rule.event_type].implicit_agent is not None:
        return False
    verb = trigger.token
    children = list(verb.children)
    patients = [c for c in children if c.dep_ == "nsubjpass"]
    return (
        bool(patients)
        and not any(c.dep_ == "agent" for c in children)
        and any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in children)
        and any(c.dep_ == "prep" and c.lower_ == "since" for c in children)
        and any(g.dep_ == "nummod" for g in patients[0].children)
    )


def _happened_within(trigger: Trigger, kinds: dict[int, str]) -> bool:
    """A verb in a relative clause on an act of its kind tells part of that act: "an air strike that
    killed nine", "the ambush on a convoy, in which 12 soldiers were killed" (the parser may hang an
    "in which" clause on the act's own complement)."""
    verb = trigger.token
    if verb.dep_ != "relcl":
        return False
    antecedent = verb.head
    if kinds.get(antecedent.i) == trigger.rule.event_type:
        return True
    within = any(
        c.dep_ == "prep"
        and c.lower_ in ("in", "during")
        and any(g.dep_ == "pobj" and g.lower_ in ("which", "whom") for g in c.children)
        for c in verb.children
    )
    return (
        within
        and antecedent.dep_ == "pobj"
        and antecedent.head.dep_ == "prep"
        and kinds.get(antecedent.head.head.i) == trigger.rule.event_type
    )


def _own_doer(noun: Token) -> bool:
    """An event noun whose doer follows "by" or "from" ("similar expulsions by Tallinn", "warnings
    from Russian officials") tells an act of its own, even inside another of its kind."""
    return any(c.dep_ in ("prep", "agent") and c.lower_ in ("by", "from") for c in noun.children)


def _told_by_another(trigger: Trigger, kinds: dict[int, str]) -> bool:
    """A verb whose act another trigger tells: its means ("retaliated by expelling"), or a noun of
    its kind it happened in ("were injured in the attack", "died during the shelling")."""
    for prep in trigger.token.children:
        if prep.dep_ != "prep":
            continue
        for g in prep.children:
            if prep.lower_ == "by" and g.dep_ == "pcomp" and g.i in kinds:
                return True
            if (
                prep.lower_ in ("in", "during")
                and g.dep_ == "pobj"
                and kinds.get(g.i) == trigger.rule.event_type
            ):
                return True
    return False


def _undoing_kind(trigger: Trigger, knowledge: Knowledge) -> str:
    """The type of act ``trigger`` undoes others by: a concession, a retreat, a cut (SANCTION
    discontinue or withdraw), a meeting called off (REJECT meet) or a gathering forbidden (a
    prohibiting COERCE verb: "PROHIBIT"); "" for any other."""
    rule = trigger.rule
    if (
        rule.event_type == "COERCE"
        and not trigger.is_noun
        and trigger.token.lemma_.lower() in knowledge.prohibiting_verbs
    ):
        return "PROHIBIT"
    if rule.event_type == "SANCTION" and rule.mode in ("discontinue", "withdraw"):
        return "SANCTION"
    if rule.event_type == "REJECT" and rule.mode == "meet":
        return "REJECT"
    return rule.event_type if rule.event_type in ("CONCEDE", "RETREAT") else ""


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
    objects += _raised_object(token)
    # "handed over tanks, artillery and thousands of rifles": every object in a list counts
    objects += [c for o in objects for c in o.conjuncts if c.i > o.i]
    # "allowed a Red Cross convoy to enter Karabakh": the one let do something is the object
    objects += [
        g for c in token.children if c.dep_ in ("ccomp", "xcomp") for g in c.children if g.dep_ == "nsubj"
    ]
    # "supplied the rebels with drones": a giving verb's "with" phrase names what is given
    if token.lemma_.lower() in knowledge.giving_verbs:
        objects += [
            g
            for c in token.children
            if c.dep_ == "prep" and c.lower_ == "with"
            for g in c.children
            if g.dep_ == "pobj"
        ]
    # "millions of artillery shells", "50 tonnes of medical supplies": the kind is in the "of" phrase
    objects += [
        g
        for o in objects
        for p in o.children
        if p.dep_ == "prep" and p.lower_ in ("of", "in")
        for g in p.children
        if g.dep_ == "pobj"
    ]
    # "sent two navy ships carrying food and fuel": what the object carries is sent too
    objects += [
        g
        for o in objects
        for c in o.children
        if c.dep_ == "acl" and c.lemma_.lower() in knowledge.cargo_verbs
        for g in c.children
        if g.dep_ == "dobj"
    ]
    # "withdrew from the treaty", "pulled out of the deal": what is left is named after "from"
    # (the parser may hang the phrase on the direct object: "exempted chips from its tariffs")
    objects += [
        g
        for h in [token, *(c for c in token.children if c.dep_ == "dobj")]
        for p in h.children
        if p.dep_ == "prep" and p.lower_ == "from"
        for g in p.children
        if g.dep_ == "pobj"
    ]
    objects += out_of_objects(token)
    # "handed over tanks, artillery and thousands of rifles": every coordinated object counts
    objects += [g for o in objects if o.dep_ == "dobj" for g in o.conjuncts]
    objects += [
        g
        for o in objects
        if o.dep_ == "conj"
        for p in o.children
        if p.dep_ == "prep" and p.lower_ == "of"
        for g in p.children
        if g.dep_ == "pobj"
    ]
    object_lemmas = {o.lemma_.lower() for o in objects} | {
        c.lemma_.lower() for o in objects for c in o.children if c.dep_ == "compound"
    }
    if any(_named_org(o) for o in objects):
        object_lemmas.add("ORG")  # "quit ECOWAS", "would leave UNESCO"
    subject_lemmas = {c.lemma_.lower() for c in token.children if c.dep_ == "nsubj"} | {
        g.lemma_.lower()
        for c in token.children
        if c.dep_ == "nsubj"
        for g in c.children
        if g.dep_ == "compound"
    }
    fitting: list[VerbRule] = []
    for rule in rules:
        if any(word not in near for word in rule.extra):
            continue
        if rule.objects is not None and not (object_lemmas & rule.objects):
            continue
        if object_lemmas & rule.not_objects:
            continue
        if (
            rule.no_clause
            and any(c.dep_ == "ccomp" for c in token.children)
            and not summing_up(token, knowledge.cues.disputed_content_nouns)
        ):
            continue
        if rule.no_clause and _denied_content(token, knowledge.cues.disputed_content_nouns):
            continue
        if rule.complements is not None and not (complement_lemmas(token) & rule.complements):
            continue
        if rule.subjects is not None and not (subject_lemmas & rule.subjects):
            continue
        if rule.transitive and not _acts_on_something(token):
            continue
        if any(c.dep_ == "prep" and c.lower_ in rule.not_preps for c in token.children):
            continue
        fitting.append(rule)
    return fitting


def _raised_object(verb: Token) -> list[Token]:
    """The patient of a passive complement raised to the verb above: "weapons are believed to have
    been transferred", "two Americans are said to be held"."""
    if verb.dep_ != "xcomp" or not any(c.dep_ == "auxpass" for c in verb.children):
        return []
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return []
    return [c for c in verb.head.children if c.dep_ == "nsubjpass"]


def _acts_on_something(verb: Token) -> bool:
    """A verb with a direct object or a passive subject, or a participle on the noun it acts on
    ("closed the border", "the border was closed", "a route closed for years"), not one whose
    subject only changes state ("the airport closed", "forced the airport to close")."""
    return verb.dep_ in ("acl", "amod") or any(
        c.dep_ in ("dobj", "nsubjpass", "auxpass") for c in verb.children
    )


def _denied_content(verb: Token, content_nouns: frozenset[str]) -> bool:
    """Whether the verb's object is a report that tells its own clause ("denied reports that Putin
    had spoken to Trump"): like "denied that ...", a claim of the opposite polarity, not a refusal."""
    return any(
        c.dep_ == "dobj"
        and c.lemma_.lower() in content_nouns
        and any(
            g.dep_ in ("acl", "ccomp", "relcl")
            and g.pos_ in ("VERB", "AUX")
            and any(m.lower_ == "that" and m.dep_ == "mark" for m in g.children)
            for g in c.children
        )
        for c in verb.children
    )


def summing_up(verb: Token, content_nouns: frozenset[str]) -> bool:
    """Whether ``verb`` ends a sentence with a summing-up the parser took for its main clause: "New
    Delhi accused Islamabad of X, a charge Pakistan has denied" parsed as "a charge Pakistan" (or
    "Pakistan") denying the clause "New Delhi accused ...". The verb's subject holds a noun of a
    claim and the clause comes before it: the verb answers the claim, it does not deny the clause."""
    if not any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children):
        return False
    return any(
        t.lemma_.lower() in content_nouns for s in verb.children if s.dep_ == "nsubj" for t in s.subtree
    )


def out_of_objects(verb: Token) -> list[Token]:
    """What an "out of" phrase on ``verb`` names: the place or body left ("pulled out of the deal")."""
    return [
        g
        for o in verb.children
        if o.dep_ in ("prep", "prt", "advmod") and o.lower_ == "out"
        for p in o.children
        if p.dep_ == "prep" and p.lower_ == "of"
        for g in p.children
        if g.dep_ == "pobj"
    ]


def complement_lemmas(verb: Token) -> set[str]:
    """What a verb of naming says its object is: "called the move illegal", "described the vote as a
    farce", "branded the flights a hybrid attack" (a second object), "labelled the verdict unjust"."""
    heads = [
        c for c in verb.children if c.dep_ in ("oprd", "acomp") or (c.dep_ == "ccomp" and c.pos_ == "ADJ")
    ]
    heads += [
        g
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ == "as"
        for g in c.children
        if g.dep_ in ("pobj", "amod", "acomp")
    ]
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    heads += objects[1:]
    heads += [g for o in objects[:1] for g in o.children if g.dep_ in ("acl", "amod") and g.i > o.i]
    words = heads + [c for h in heads for c in h.children if c.dep_ in ("conj", "amod", "compound")]
    return {w.lemma_.lower() for w in words}


def _done_jointly(verb: Token, knowledge: Knowledge) -> bool:
    """An act two parties do together: "jointly reopened", "A and B broke ground on"."""
    if any(c.dep_ == "advmod" and c.lower_ in knowledge.joint_adverbs for c in verb.children):
        return True
    forms = set(verb_forms(verb))
    near = {c.lemma_.lower() for c in verb.children if c.dep_ in ("prt", "dobj")}
    named = forms | {f"{f} {w}" for f in forms for w in near}
    coordinated = any(c.dep_ == "nsubj" and any(g.dep_ == "conj" for g in c.children) for c in verb.children)
    return coordinated and bool(named & knowledge.joint_acts)


def _to_infinitive(verb: Token) -> bool:
    """A verb with "to" before it ("to pull back")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _tells_the_outcome(trigger: Trigger, found: list[Trigger]) -> bool:
    """A participle with no subject of its own and no more specific kind than the act it hangs on
    tells what that act did ("missiles slammed into a block, killing 40 people", "rammed the vessel,
    damaging its hull and injuring a sailor"); "raided the camp, arresting 15" is a second act."""
    token = trigger.token
    while token.dep_ == "conj" and token.head.tag_ == "VBG":
        token = token.head
    if token.dep_ != "advcl" or token.tag_ != "VBG" or trigger.rule.mode is not None:
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children):
        return False
    kind = trigger.rule.event_type
    # the act may be told by the verb, by an event noun that is its subject ("an air strike
    # destroyed the consulate, killing two generals") or by the object of a light verb ("exchanged
    # gunfire, killing a guard")
    acts = {token.head.i} | {c.i for c in token.head.children if c.dep_ == "nsubj"}
    return any(
        (t.token.i in acts or (t.light_verb is not None and t.light_verb.i in acts))
        and kind in {t.rule.event_type, *(a.event_type for a in t.alternatives)}
        for t in found
    )


def _suffered_in(trigger: Trigger, found: list[Trigger], knowledge: Knowledge) -> bool:
    """A passive act of no specific kind that a clause of the same kind says was done "when" or
    "as" ("12 soldiers were killed when jihadists ambushed a patrol"): the clause tells the act."""
    token = trigger.token
    if trigger.rule.mode is not None or trigger.is_noun:
        return False
    deps = {c.dep_ for c in token.children}
    if "nsubjpass" not in deps or "agent" in deps:
        return False
    clauses = {
        c.i
        for c in token.children
        if c.dep_ == "advcl"
        and any(m.dep_ in ("advmod", "mark") and m.lower_ in knowledge.outcome_marks for m in c.children)
    }
    kind = trigger.rule.event_type
    return any(t.token.i in clauses and t.rule.event_type == kind for t in found)


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
            named_org = _named_org(obj)
            named_state = obj.ent_type_ == "GPE"  # "protests from Vilnius"
            if (
                obj.lemma_.lower() in allowed
                or ("ORG" in allowed and named_org)
                or ("GPE" in allowed and named_state)
            ):
                return True
    return False


def _named_org(token: Token) -> bool:
    """A named organisation: an ORG entity or an acronym ("ECOWAS", "UNESCO")."""
    return token.ent_type_ == "ORG" or (len(token.text) > 1 and token.text.isupper())


def dates_only(prep: Token) -> bool:
    """A preposition whose objects are all dates or times ("on Monday", "in March")."""
    objects = [g for g in prep.children if g.dep_ == "pobj"]
    return prep.dep_ == "prep" and bool(objects) and all(g.ent_type_ in ("DATE", "TIME") for g in objects)


def match_noun(token: Token, knowledge: Knowledge) -> NounRule | None:
    """The first noun rule whose lemma, modifier and governing-verb conditions fit ``token``."""
    return next(iter(match_noun_rules(token, knowledge)), None)


def match_noun_rules(token: Token, knowledge: Knowledge) -> list[NounRule]:
    """Every noun rule whose lemma, modifier and governing-verb conditions fit ``token``, in order."""
    forms = [*_hyphenated(token), token.lemma_.lower(), token.lower_]
    rules = next((knowledge.nouns[f] for f in forms if f in knowledge.nouns), None)
    if not rules:
        return []
    modifiers = _modifier_lemmas(token)
    governing = _governing_verbs(token)
    fitting: list[NounRule] = []
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
        if rule.alone and _several_doers(token, knowledge):
            continue
        if rule.in_return and framed_act(token, rule, knowledge) is None:
            continue
        fitting.append(rule)
    return fitting


def framed_act(noun: Token, rule: NounRule, knowledge: Knowledge) -> Token | None:
    """The verb of ``rule``'s type that ``noun`` is the frame of ("freed ten detainees in exchange
    for ...", "were released in a prisoner swap"), if any."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "in" or prep.head.pos_ not in ("VERB", "AUX"):
        return None
    verb = prep.head
    if _both_sides(verb):
        return None  # "Russia and Ukraine each released 90 prisoners in a swap": one act told twice
    if any(r.event_type == rule.event_type for r in match_verb_rules(verb, knowledge)):
        return verb
    return None


def _both_sides(verb: Token) -> bool:
    """The verb's doers are coordinated ("Russia and Ukraine released") or it names a partner ("swapped
    prisoners with Kyiv"): both sides of the deal are in the verb."""
    doers = [c for c in verb.children if c.dep_ == "nsubj"]
    doers += [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    if any(g.dep_ == "conj" for d in doers for g in d.children):
        return True
    return any(c.dep_ == "prep" and c.lower_ in PARTNER_PREPS for c in verb.children)


def _governing_verbs(noun: Token) -> set[str]:
    """The verb forms that govern ``noun``: the verb of which it is the object ("signed a deal"), a
    participle on it ("the deal signed in Ankara"), a verb with its preposition ("went on strike",
    "fired at demonstrators"), also through a part of a group ("detained dozens of protesters")."""
    head = noun
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.dep_ in ("dobj", "nsubjpass"):
        head = noun.head.head  # "blocked thousands of demonstrators"
    governing: set[str] = set()
    if head.dep_ in ("dobj", "nsubjpass") and head.head.pos_ in ("VERB", "AUX"):
        governing |= _with_particles(head.head)
    governing |= {f for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN" for f in verb_forms(c)}
    governing |= {f for c in _object_relatives(noun) for f in verb_forms(c)}
    if head.dep_ == "pobj" and head.head.dep_ == "prep" and head.head.head.pos_ in ("VERB", "AUX"):
        governing |= {f"{f} {head.head.lower_}" for f in verb_forms(head.head.head)}
    return governing


def _with_particles(verb: Token) -> set[str]:
    """The forms of ``verb``, also with its particle ("set up a joint committee" → "set up")."""
    forms = verb_forms(verb)
    particles = [c.lower_ for c in verb.children if c.dep_ == "prt"]
    return set(forms) | {f"{f} {p}" for f in forms for p in particles}


def _object_relatives(noun: Token) -> list[Token]:
    """The relative clauses whose verb has ``noun`` as its object: "the agreement they signed", "the
    tariffs that it imposed" (a subject of their own, and no other object)."""
    return [
        c
        for c in noun.children
        if c.dep_ == "relcl"
        and c.pos_ == "VERB"
        and any(g.dep_ == "nsubj" for g in c.children)
        and all(g.dep_ != "dobj" or g.tag_ == "WDT" for g in c.children)
    ]


def _hyphenated(token: Token) -> list[str]:
    """The whole of a hyphenated noun the tokenizer split ("build-up", "sit-in", "cease-fire"), told by
    its last part; empty for other nouns."""
    if token.i < 2 or token.nbor(-1).text != "-" or token.nbor(-1).whitespace_ or token.nbor(-2).whitespace_:
        return []
    first = token.nbor(-2)
    if first.head.i != token.i:
        return []
    whole = [f"{first.lemma_.lower()}-{token.lemma_.lower()}", f"{first.lower_}-{token.lower_}"]
    return list(dict.fromkeys(whole))


# Prepositions that name a partner in an act ("drills with the US navy", "talks between A and B").
PARTNER_PREPS = {"with", "between", "alongside"}


def _several_doers(noun: Token, knowledge: Knowledge) -> bool:
    """The act a noun names is done by coordinated parties: "Chinese and Russian drills", "the
    Russian-Belarusian exercises", "Iran and Russia held drills", "Russian and Belarusian forces
    launched exercises", "German troops joined Lithuanian units for drills"."""
    owners = [c for c in noun.children if c.dep_ in MODIFIER_DEPS or c.dep_ == "poss"]
    governor = noun.head if noun.dep_ in ("dobj", "nsubjpass") else None
    if noun.dep_ == "pobj" and noun.head.head.pos_ == "VERB":
        governor = noun.head.head  # "launched exercises, with drills held across Belarus"
    if governor is not None:
        owners += [c for c in governor.children if c.dep_ == "nsubj"]
    if any(_coordinated(o) for o in owners):
        return True
    joined = noun.head.head if noun.dep_ == "pobj" and noun.head.dep_ == "prep" else None
    if (
        joined is not None
        and joined.lemma_.lower() in knowledge.partner_verbs
        and any(c.dep_ == "dobj" for c in joined.children)
    ):
        return True
    # "held drills with the Philippine navy"
    if governor is not None and any(
        c.dep_ == "prep" and c.lower_ in PARTNER_PREPS for c in governor.children
    ):
        return True
    # "Russian-Belarusian": two named peoples or states joined by a hyphen
    named = [c for c in noun.children if c.dep_ in MODIFIER_DEPS and c.ent_type_ in ("NORP", "GPE")]
    return any(c.i + 1 < len(c.doc) and c.nbor(1).text == "-" for c in named)


def _coordinated(token: Token) -> bool:
    """``token`` or a modifier of it has a conjunct ("Iran and Russia", "Russian and Belarusian forces")."""
    parts = [token] + [c for c in token.children if c.dep_ in MODIFIER_DEPS or c.dep_ == "poss"]
    return any(c.dep_ == "conj" for p in parts for c in p.children)


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
        elif child.dep_ == "prep" and child.lower_ in ("of", "in", "on"):
            # "a note of protest", "a cessation of hostilities", "a pause in fighting"; what a limit
            # is on ("curbs on sales of chips")
            lemmas.update(g.lemma_.lower() for g in child.children if g.dep_ == "pobj")
    if token.dep_ == "dobj":
        # the parser may hang the "on" phrase on the verb ("tightened curbs on sales")
        lemmas.update(
            g.lemma_.lower()
            for p in token.head.children
            if p.dep_ == "prep" and p.lower_ == "on"
            for g in p.children
            if g.dep_ == "pobj"
        )
    if token.i > 0 and token.nbor(-1).dep_ in MODIFIER_DEPS:
        lemmas.add(token.nbor(-1).lemma_.lower())
    return lemmas


def _refers_with_such(noun: Token, knowledge: Knowledge) -> bool:
    """Whether a noun is determined by a word pointing back at a kind of act ("such a truce")."""
    return any(
        c.dep_ in ("det", "predet", "amod")
        and c.lower_ in knowledge.referring_determiners
        and c.i < noun.i
        and not any(g.dep_ == "prep" for g in c.children)
        for c in noun.children
    )


def _mediates_another(verb: Token, rule: NounRule, knowledge: Knowledge) -> bool:
    """Whether a light verb is a third party's mediation of another's act ("the UAE mediated a swap
    of prisoners between Russia and Ukraine", "Oman mediated talks between Iran and the US"): the
    mediation is an event of its own, the mediator's with each party."""
    rules = knowledge.verbs.get(verb.lemma_.lower(), [])
    return any(r.event_type == "CONSULT" and r.mode == "third-party" for r in rules)


def _is_light(verb: Token, knowledge: Knowledge) -> bool:
    """Whether ``verb`` is a light verb, alone or with its particle ("wrapped up a visit")."""
    forms = verb_forms(verb)
    particles = [c.lower_ for c in verb.children if c.dep_ == "prt"]
    return any(f in knowledge.light_verbs for f in forms) or any(
        f"{f} {p}" in knowledge.light_verbs for f in forms for p in particles
    )


def _answers(verb: Token, noun: Token, knowledge: Knowledge) -> bool:
    """A verb, light over most event nouns, whose own rule of another type names ``noun`` as its object:
    "accepted the miners' demands", "granted Kyiv's request" answer the demand (a concession) and do
    not restate it. A verb the noun's own rule names as its light verb still restates it ("exchanged
    letters of intent" is the agreement, not correspondence)."""
    kind = match_noun(noun, knowledge)
    if kind is not None and kind.verbs is not None and verb.lemma_.lower() in kind.verbs:
        return False
    return any(
        rule.objects is not None
        and noun.lemma_.lower() in rule.objects
        and (kind is None or rule.event_type != kind.event_type)
        for rule in match_verb_rules(verb, knowledge)
    )


def _plain_first_object(first: Token, noun: Token, knowledge: Knowledge) -> bool:
    """``first``, coordinated before the event noun ``noun``, is a light verb's object and no event
    itself, so the light verb carries the event noun (and does not answer it)."""
    verb = first.head
    return (
        first.dep_ == "dobj"
        and verb.pos_ == "VERB"
        and _is_light(verb, knowledge)
        and match_noun(first, knowledge) is None
        and not _answers(verb, noun, knowledge)
    )


def _light_verb(noun: Token, knowledge: Knowledge) -> Token | None:
    """The light verb of which ``noun`` is the object ("held talks", "a note was handed", "the
    agreement they signed")."""
    head = noun.head
    relative = next((c for c in _object_relatives(noun) if _is_light(c, knowledge)), None)
    if relative is not None:
        return relative
    if noun.dep_ in ("dobj", "nsubjpass") and head.pos_ in ("VERB", "AUX") and _is_light(head, knowledge):
        return None if _answers(head, noun, knowledge) else head
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ == "VERB":
        # "put on alert", "entered into talks"
        verb = head.head
        if _is_light(verb, knowledge) and head.lower_ in ("into", "in", "on"):
            return verb
    if noun.dep_ == "conj" and noun.head.pos_ in ("NOUN", "PROPN"):
        if _plain_first_object(noun.head, noun, knowledge):
            # "launched a missile and drone attack": the parser coordinates the attack's modifier with it
            return noun.head.head
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
