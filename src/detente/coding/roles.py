"""Step 2 of coding: find the tokens that fill the source and target roles of a trigger.

Targets come as ordered *options* (passive subject, direct object, dative, then each prepositional
object): the coder takes the first option that names an actor, so "imposed sanctions on Thursday on
three Chinese companies" skips "Thursday".
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from spacy.tokens import Token

from detente.coding.knowledge import Knowledge, NounRule, VerbRule
from detente.coding.triggers import Trigger, framed_act, match_noun, out_of_objects
from detente.data_files import load_yaml

SUBJECT_DEPS = ("nsubj", "csubj")
PASSIVE_SUBJECT_DEPS = ("nsubjpass", "csubjpass")
INHERIT_DEPS = ("xcomp", "conj", "advcl", "pcomp", "ccomp", "acl", "dobj", "attr", "prep", "acomp")
_WORDS = load_yaml("coding", "roles.yaml")  # word lists (data/coding/roles.yaml)
INSTRUMENT_TARGET_PREPS = frozenset({"against", "toward", "towards"})
# "a day before the summit", "since the raid": the noun names another event, not the clause's own
TEMPORAL_PREPS = {"before", "after", "since", "following", "until", "till", "ahead"}
# "a year after seizing the ship", "by closing the border": the gerund shares the clause's subject
# (not "warned against arming", "barred Russia from taking part")
ADVERBIAL_PREPS = TEMPORAL_PREPS | {"without", "despite", "by", "upon", "through", "while"}
# "during talks", "amid a row": phrases that tell when or amid what something was done
CIRCUMSTANCE_PREPS = {"during", "after", "before", "following", "amid", "despite", "since"}
# "X accused/blamed/thanked Y for/of doing": Y is the doer (elsewhere the subject is)
OBJECT_DOES = frozenset(_WORDS["object_does"])
QUANTITY_NOUNS = frozenset(_WORDS["quantity_nouns"])
# nouns that bundle several acts of one kind: "the EU's sanctions package against Russia", "the EU's
# list of reform demands" (the bundle's owner and target are the acts')
BUNDLE_NOUNS = frozenset(_WORDS["bundle_nouns"])
RELATIVE_PRONOUNS = {"that", "which", "who", "whom", "whose"}
CONTROL_BY_OBJECT = frozenset(_WORDS["control_by_object"])
# "its offensive", "their air campaign": the possessor of these act nouns does the act
POSSESSOR_DOES = frozenset(_WORDS["possessor_does"])
RESPONSE_VERBS = frozenset(_WORDS["response_verbs"])
STATE_SECTORS = frozenset(_WORDS["state_sectors"])
CITIZEN_SECTORS = frozenset(_WORDS["citizen_sectors"])
FRONTIER_NOUNS = frozenset(_WORDS.get("frontier_nouns") or [])
# "each side accusing the other": the subject stands for the parties of the clause it hangs on
DISTRIBUTIVE_SUBJECTS = frozenset(_WORDS["distributive_subjects"])


@dataclass
class Roles:
    """Candidate tokens for each role; each list holds coordinated heads ("Russia and Iran")."""

    sources: list[Token] = field(default_factory=list)
    target_options: list[list[Token]] = field(default_factory=list)
    reciprocal: bool = False  # coordinated subjects acting on each other: "Armenia and Azerbaijan agreed"


def find_roles(trigger: Trigger, knowledge: Knowledge) -> Roles:
    """Source and target candidates of ``trigger`` from the dependency parse."""
    roles = _noun_roles(trigger, knowledge) if trigger.is_noun else _verb_roles(trigger, knowledge)
    if len(roles.sources) >= 2 and not roles.target_options:
        roles.reciprocal = True
    return roles


def _verb_roles(trigger: Trigger, knowledge: Knowledge) -> Roles:
    verb = trigger.token
    rule = trigger.rule
    preps = knowledge.target_preps | (rule.preps if isinstance(rule, VerbRule) else frozenset())
    object_target = knowledge.types[rule.event_type].object_is_target
    if isinstance(rule, VerbRule) and rule.object_target is not None:
        object_target = rule.object_target
    if not object_target:
        return _instrument_roles(verb)
    roles = clause_roles(verb, knowledge, preps)
    if isinstance(rule, VerbRule) and rule.from_source and is_passive(verb) and not roles.sources:
        # "were deported from the United States", "were forcibly returned from Iran"
        doers = _prep_objects(verb, frozenset({"from"}))
        roles.sources = doers[0] if doers else []
        roles.target_options = [o for o in roles.target_options if o not in doers]
    if knowledge.types[rule.event_type].quad_class.startswith("material"):
        roles.target_options.extend(_purpose_objects(verb))
    return roles


def clause_roles(verb: Token, knowledge: Knowledge, preps: frozenset[str] | None = None) -> Roles:
    """Source and target candidates of any verb's clause (also used for the complement of a speech
    act: "refused to extend a transit agreement with Moscow")."""
    preps = knowledge.target_preps if preps is None else preps
    roles = Roles()
    subject, passive_subject, agent = _subjects(verb)
    if subject is None and passive_subject is None:
        passive_subject = _raised_patient(verb)
    subject = _antecedent(subject, verb)
    if passive_subject is not None:
        passive_subject = _antecedent(passive_subject, verb)
    if subject is not None:
        roles.sources = _with_conjuncts(subject)
    if agent is not None:
        roles.sources = _with_conjuncts(agent)
    elif passive_subject is not None and subject is None:
        roles.sources = _stray_agent(verb, knowledge)
    if passive_subject is not None:
        roles.target_options.append(_with_conjuncts(passive_subject))
    for dep in ("dobj", "dative"):
        for child in verb.children:
            if child.dep_ != dep:
                continue
            if child.pos_ == "ADP":  # the parser sometimes labels "to" itself as the dative
                roles.target_options.extend(_with_conjuncts(g) for g in child.children if g.dep_ == "pobj")
                continue
            obj = _antecedent(child, verb) or child
            roles.target_options.append(_with_conjuncts(obj))
            # "severed relations with Israel", "lifted sanctions on five MEPs": the target is in the object
            roles.target_options.extend(_prep_objects(obj, preps))
            # "sent two ships carrying food to Cuba": the parser may hang the destination on the load
            roles.target_options.extend(_cargo_destinations(obj, preps, knowledge))
    roles.target_options.extend(_prep_objects(verb, preps))
    roles.target_options.extend(_let_subjects(verb))
    blamed = attributed_to(verb, knowledge)
    if blamed:
        # "the assassination was blamed on Israel": the act is the object, Israel the one accused
        roles.target_options.insert(0, blamed)
    if not any(c.dep_ in ("dobj", "nsubjpass") for c in verb.children):
        # "detained and later deported a Ukrainian activist": coordinated verbs share the object
        sharers = [c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"]
        if verb.dep_ == "conj":
            # ("urged Manila to remove its ship and threatened ...": the object of "urged")
            beside = _finite_beside_infinitive(verb, verb.head)
            sharers.append(verb.head.head if beside else verb.head)
        for other in sharers:
            roles.target_options.extend(_with_conjuncts(c) for c in other.children if c.dep_ == "dobj")
    if not roles.sources and _modifies_noun(verb, knowledge):
        # "the police, who detained ..." (the head did it);
        # "nationals detained by police" (it was done to the head)
        # "a UN report accusing it of ...", "students demanding reform", "visiting EU officials": an
        # active participle's head acts
        active = verb.dep_ == "relcl" or verb.tag_ == "VBG"
        if agent is None and passive_subject is None and headline_verb(verb):
            roles.sources = _with_conjuncts(verb.head)
        elif agent is None and active and passive_subject is None and verb.tag_ != "VBN":
            roles.sources = _with_conjuncts(verb.head)
            if verb.dep_ == "amod":
                # "Aliyev told visiting EU officials": the one they visit is the clause's subject
                host = clause_subject(verb.head)
                if host:
                    roles.target_options.append(host)
        else:
            roles.target_options.insert(0, _with_conjuncts(verb.head))
    if not roles.sources and not is_passive(verb):
        roles.sources = _inherited_subject(verb)
    return roles


def _let_subjects(verb: Token) -> list[list[Token]]:
    """The one a verb of object control lets or asks to act, when the parser makes it the subject of
    the complement: "allowed observers from ASEAN to monitor the truce" (they, and ASEAN, are let in).
    Not a phrase owned by a pronoun ("to help its power company restart plants"), whose owner may be
    any party of the sentence."""
    if verb.lemma_.lower() not in CONTROL_BY_OBJECT or any(c.dep_ == "dobj" for c in verb.children):
        return []
    options: list[list[Token]] = []
    for clause in (c for c in verb.children if c.dep_ in ("ccomp", "xcomp")):
        for subject in (g for g in clause.children if g.dep_ == "nsubj"):
            if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in subject.children):
                continue
            options.append(_with_conjuncts(subject))
            options.extend(_prep_objects(subject, frozenset({"from", "of"})))
    return options


# entity labels of a named party (not of a product: "Leopard 2 tanks")
NAMED_PARTIES = ("NORP", "GPE", "ORG")


def headline_verb(verb: Token) -> bool:
    """The main verb of a sentence the parser read as a noun phrase ("Niger's rulers threatened on
    Friday to expel ...": "threatened" hung on "rulers" as if they were threatened): a past form on
    the sentence's root noun with a "to" infinitive of its own."""
    return (
        verb.dep_ == "acl"
        and verb.tag_ in ("VBD", "VBN")
        and verb.head.dep_ == "ROOT"
        and verb.head.pos_ in ("NOUN", "PROPN")
        and not any(c.dep_ in ("agent", "auxpass") for c in verb.children)
        and any(
            c.dep_ in ("xcomp", "advcl") and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
            for c in verb.children
        )
    )


def _named_modifier(noun: Token) -> list[Token]:
    """The first name among a noun's modifiers ("Ukrainian drone strikes", "UN aid trucks")."""
    modifiers = [t for t in noun.subtree if t.i < noun.i and t.dep_ in ("amod", "compound", "nmod")]
    named = [t for t in modifiers if t.pos_ in ("ADJ", "PROPN") and t.text[:1].isupper()]
    return named[:1]


def _agent_modifier(noun: Token, knowledge: Knowledge) -> list[Token]:
    """A word for an armed group among a noun's modifiers ("jihadist blockades", "rebel attacks")."""
    return [
        t
        for t in noun.children
        if t.dep_ in ("amod", "compound") and t.lemma_.lower() in knowledge.agent_modifiers
    ][:1]


def _answered_agent(noun: Token, knowledge: Knowledge) -> list[Token]:
    """ "in response to similar expulsions by Tallinn": the parser hangs the noun's "by" phrase on the
    word of response; after the noun, it names the noun's doer."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.head.lemma_.lower() not in knowledge.response_nouns:
        return []
    for by in prep.head.children:
        if by.dep_ in ("prep", "agent") and by.lower_ == "by" and by.i > noun.i:
            return [g for g in by.children if g.dep_ == "pobj"][:1]
    return []


def _return_roles(noun: Token, rule: NounRule, knowledge: Knowledge) -> Roles:
    """The other side's part of a deal framing a verb ("Iran freed a Belgian in a prisoner exchange"):
    done by the verb's patient (Belgium) to the verb's doer (Iran)."""
    roles = Roles()
    verb = framed_act(noun, rule, knowledge)
    if verb is None:
        return roles
    act = clause_roles(verb, knowledge)
    roles.sources = act.target_options[0] if act.target_options else []
    if act.sources:
        roles.target_options.append(act.sources)
    return roles


def _modifies_noun(verb: Token, knowledge: Knowledge) -> bool:
    """A verb in a relative clause or a participle on a noun ("officials who met", "nationals detained
    in"), or an attributive participle of an act going on ("visiting officials")."""
    if verb.head.pos_ not in ("NOUN", "PROPN"):
        return False
    return verb.dep_ in ("relcl", "acl") or (
        verb.dep_ == "amod" and verb.tag_ == "VBG" and verb.lemma_.lower() in knowledge.attributive_acts
    )


def _cargo_destinations(obj: Token, preps: frozenset[str], knowledge: Knowledge) -> list[list[Token]]:
    """Where the load of a sent vehicle goes when the parser hangs it on the load: "sent two ships
    carrying food to Cuba" (the ships are sent to Cuba)."""
    options: list[list[Token]] = []
    for cargo in (c for c in obj.children if c.dep_ == "acl" and c.lemma_.lower() in knowledge.cargo_verbs):
        options.extend(_prep_objects(cargo, preps))
        for dative in (c for c in cargo.children if c.dep_ == "dative" and c.pos_ == "ADP"):
            options.extend(_with_conjuncts(g) for g in dative.children if g.dep_ == "pobj")
    return options


def _raised_patient(verb: Token) -> Token | None:
    """The patient of a passive complement raised to the verb above: "two Americans are believed to
    be held in Russia", "the activist appears to have been detained"."""
    if verb.dep_ != "xcomp" or not is_passive(verb) or verb.head.i == verb.i:
        return None
    subject, passive, _agent = _subjects(verb.head)
    return passive or subject


def _instrument_roles(verb: Token) -> Roles:
    """Roles of acts whose object is their instrument ("deployed troops"): target only "against X"."""
    roles = Roles()
    subject, passive, agent = _subjects(verb)
    holder = agent or subject
    if holder is None and passive is not None:
        holder = passive  # "no Venezuelan troops have been deployed": the troops are the actor
    roles.sources = _with_conjuncts(holder) if holder is not None else _inherited_subject(verb)
    options = _prep_objects(verb, INSTRUMENT_TARGET_PREPS)
    roles.target_options.extend(option for option in options if not _heading_for_a_line(option[0]))
    return roles


def _heading_for_a_line(head: Token) -> bool:
    """ "sent troops toward the Guyanese border": a frontier or coast moved toward is where the force
    goes, not whom it acts against (the country only names whose line it is)."""
    return head.lemma_.lower() in FRONTIER_NOUNS and head.head.lower_ in ("toward", "towards")


def _noun_roles(trigger: Trigger, knowledge: Knowledge) -> Roles:
    noun = trigger.token
    rule = trigger.rule
    assert isinstance(rule, NounRule)
    if rule.in_return:
        return _return_roles(noun, rule, knowledge)
    if not knowledge.types[rule.event_type].object_is_target:
        knowledge = replace(knowledge, target_preps=INSTRUMENT_TARGET_PREPS)
    roles = Roles()
    modifier_source: Token | None = None
    for child in noun.children:
        if child.dep_ == "poss" and child.ent_type_ not in ("DATE", "TIME"):
            if (
                child.pos_ == "PRON"
                and rule.of_role == "target"
                and noun.lemma_.lower() not in POSSESSOR_DOES
            ):
                roles.target_options.append([child])  # "securing his release": he is released
            elif child.pos_ == "PRON" and _grieved_party(noun, knowledge):
                # "cut ties with Israel over its offensive": its is the party punished for it
                roles.sources = _grieved_party(noun, knowledge)
            elif child.pos_ == "PRON" and _credited_party(noun, knowledge):
                # "thanked Chile for its assistance": its is the party thanked for it
                roles.sources = _credited_party(noun, knowledge)
            else:
                roles.sources = _with_conjuncts(child)
    if not roles.sources:
        # "the Russian missile strike", "Ukrainian drone strikes": a nationality among the modifiers
        roles.sources = _named_modifier(noun) or _agent_modifier(noun, knowledge)
        modifier_source = roles.sources[0] if roles.sources else None
    for child in noun.children:
        if child.dep_ == "prep":
            word = child.lower_
            objects = [g for g in child.children if g.dep_ == "pobj"]
            if not objects:
                continue
            pobj = objects[0]
            if rule.modifiers is not None and pobj.lemma_.lower() in rule.modifiers:
                # "a note of protest": the "of" phrase says what kind of note, not who; but a
                # nationality in it does ("the delivery of 600 UN aid trucks", "of US tanks")
                if not roles.sources and word == "of" and rule.of_role == "source":
                    roles.sources = [
                        t for t in _named_modifier(pobj) if t.ent_type_ in NAMED_PARTIES
                    ] or _owners(pobj)  # "the recall of Rwanda's envoy"
                continue
            if (
                word in knowledge.source_preps
                or (word == "from" and rule.from_role == "source")
                or word == "between"
            ):
                roles.sources = _with_conjuncts(pobj)
            elif word == "of":
                if rule.of_role == "source":
                    roles.sources = roles.sources or _with_conjuncts(pobj)
                else:
                    roles.target_options.append(_with_conjuncts(pobj))
            elif word in knowledge.target_preps or word in rule.preps or word == "from":
                roles.target_options.append(_with_conjuncts(pobj))
    if not roles.sources:
        roles.sources = _answered_agent(noun, knowledge)
    if not roles.sources:
        roles.sources = _stray_agent(noun, knowledge, from_is_source=rule.from_role == "source")
    if not roles.sources and noun.dep_ in ("dobj", "nsubjpass"):
        roles.sources = attributed_to(noun.head, knowledge)  # "the killing was blamed on Israel"
    if not roles.sources:
        # "over a cyberattack it blamed on Russian military intelligence"
        clauses = [c for c in noun.children if c.dep_ == "relcl"]
        roles.sources = next((found for c in clauses if (found := attributed_to(c, knowledge))), [])
    # "after the arrest", "before the talks" point back at an event told elsewhere; "after talks
    # with Tusk", "following weekend talks" tell a meeting of the clause's subject
    definite = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these") for c in noun.children)
    material = knowledge.types[rule.event_type].quad_class.startswith("material")
    refers_back = noun.dep_ == "pobj" and noun.head.lower_ in TEMPORAL_PREPS and (definite or material)
    # "responding to the jailing of prisoners": the act responded to is someone else's
    refers_back = refers_back or (noun.dep_ == "pobj" and noun.head.head.lemma_.lower() in RESPONSE_VERBS)
    if not roles.sources:
        # "restrictions (on exporters) imposed by Russian inspectors": the agent of a participle on
        # the noun (the parser may hang it on the noun's own complement)
        hosts = [noun] + [
            g for p in noun.children if p.dep_ == "prep" for g in p.children if g.dep_ == "pobj"
        ]
        roles.sources = next(
            (
                _with_conjuncts(g)
                for h in hosts
                for c in h.children
                if c.dep_ == "acl" and c.tag_ == "VBN" and not _mediating(c, knowledge)
                for a in c.children
                if a.dep_ == "agent"
                for g in a.children
                if g.dep_ == "pobj"
            ),
            [],
        )
    if (
        trigger.light_verb is None
        and not roles.sources
        and noun.dep_ in ("pobj", "nsubj")
        and not refers_back
    ):
        # "threatened countermeasures against US contractors over the arms sale to Taiwan": an act
        # a grievance is about is the other side's
        roles.sources = _grieved_party(noun, knowledge)
    if (
        trigger.light_verb is None
        and not roles.sources
        and noun.dep_ in ("pobj", "nsubj")
        and not refers_back
    ):
        # "praised Poland during talks with Tusk", "agreed after ten days of talks", "as a final
        # round of talks ended": the talks belong to the subject of the clause they sit in
        roles.sources = clause_subject(noun)
    reaction = _reaction(noun, knowledge)
    if reaction is not None:
        return reaction
    if trigger.light_verb is not None:
        verb = trigger.light_verb
        subject, _passive, agent = _subjects(verb)
        holder = agent or subject
        between = any(c.dep_ == "prep" and c.lower_ == "between" for c in noun.children)
        if between and roles.sources:
            pass  # "Oman hosted talks between Iran and the United States": the parties are named
        elif noun.dep_ == "nsubjpass" and roles.sources:
            pass  # "the lifting of the ban by Beijing was welcomed by Brasilia": the noun names its doer
        elif _mediating(verb, knowledge) and _parties_between(noun, None):
            # "the UAE mediated a swap of prisoners between Russia and Ukraine": the swap is theirs
            roles.sources = _parties_between(noun, None)
        elif holder is not None and holder.i != noun.i:
            roles.sources = _with_conjuncts(holder)
            if modifier_source is not None and roles.sources and modifier_source.i != holder.i:
                # "Lula opened a BRICS summit": the named modifier is the other party
                roles.target_options.append([modifier_source])
        else:
            roles.sources = _inherited_subject(verb) or roles.sources
        for child in verb.children if knowledge.target_preps != INSTRUMENT_TARGET_PREPS else []:
            if child.dep_ == "dative" or (
                child.dep_ == "dobj" and child.i != noun.i and child.i not in {t.i for t in noun.subtree}
            ):
                roles.target_options.append(_with_conjuncts(child))
        roles.target_options.extend(_prep_objects(verb, knowledge.target_preps | rule.preps))
    if not roles.target_options and trigger.light_verb is None:
        roles.target_options.extend(_struck_by(noun, knowledge))
    if not roles.sources:
        roles.sources = _parties_between(noun, trigger.light_verb)
    if not roles.sources and noun.dep_ == "conj" and noun.head.pos_ in ("NOUN", "PROPN"):
        # "mass protests and a general strike": coordinated acts of one kind share their doer
        head_rule = match_noun(noun.head, knowledge)
        if head_rule is not None and head_rule.event_type == rule.event_type:
            head = Trigger(noun.head, head_rule, trigger.light_verb)
            roles.sources = _noun_roles(head, knowledge).sources
    bundle = _bundle(noun)
    if bundle is not None and not roles.sources:
        owners = [c for c in bundle.children if c.dep_ == "poss" and c.ent_type_ not in ("DATE", "TIME")]
        roles.sources = owners
        roles.target_options.extend(_prep_objects(bundle, knowledge.target_preps))
    return roles


def _mediating(participle: Token, knowledge: Knowledge) -> bool:
    """Whether a participle on an act tells a third party's part in it ("a truce brokered by Qatar",
    "talks mediated by Oman"): its agent is the mediator, not the act's doer."""
    rules = knowledge.verbs.get(participle.lemma_.lower(), [])
    return any(r.event_type == "CONSULT" and r.mode == "third-party" for r in rules)


def _owners(noun: Token) -> list[Token]:
    """The possessors of a noun ("Rwanda's envoy", "its ambassador")."""
    return [c for c in noun.children if c.dep_ == "poss" and c.ent_type_ not in ("DATE", "TIME")]


def _struck_by(noun: Token, knowledge: Knowledge) -> list[list[Token]]:
    """What an event noun that does not act again hit, as the subject of the verb telling the hit:
    "an Israeli air strike destroyed Iran's consulate" (the consulate's owner is the target)."""
    verb = noun.head
    if noun.dep_ != "nsubj" or verb.pos_ != "VERB" or noun.lemma_.lower() not in knowledge.not_agents:
        return []
    options = [_with_conjuncts(c) for c in verb.children if c.dep_ == "dobj"]
    return options + _prep_objects(verb, knowledge.target_preps)


def _bundle(noun: Token) -> Token | None:
    """The noun that bundles the acts ``noun`` names: "sanctions package", "list of demands"."""
    head = noun.head
    if noun.dep_ == "compound" and head.lemma_.lower() in BUNDLE_NOUNS:
        return head
    if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in BUNDLE_NOUNS:
        return head.head
    return None


def parties_between(noun: Token) -> list[Token]:
    """The parties named with "between" on an act or on what it is of ("a swap of prisoners between
    A and B", "a deal between A and B")."""
    own = [g for p in noun.children if p.dep_ == "prep" and p.lower_ == "between" for g in p.children]
    if own and own[0].dep_ == "pobj":
        return _with_conjuncts(own[0])
    return _parties_between(noun, None)


def _parties_between(noun: Token, light_verb: Token | None) -> list[Token]:
    """The parties of an act told through the meeting or accord it belongs to: "the signing of a deal
    between A and B", "no agreement was reached at talks between A and B", or through the verb that
    tells it: "a memorandum was signed between A and B"."""
    if light_verb is not None:
        on_verb = [
            g for p in light_verb.children if p.dep_ == "prep" and p.lower_ == "between" for g in p.children
        ]
        if on_verb and on_verb[0].dep_ == "pobj":
            return _with_conjuncts(on_verb[0])
    # "the signing of a deal between A and B", "talks on a peace deal between A and B"
    hosts = [
        g for p in noun.children if p.dep_ == "prep" and p.lower_ in ("of", "on", "over") for g in p.children
    ]
    meetings = (
        [
            g
            for p in light_verb.children
            if p.dep_ == "prep" and p.lower_ in ("at", "during", "in")
            for g in p.children
            if g.dep_ == "pobj"
        ]
        if light_verb is not None
        else []
    )
    for host in hosts + meetings:
        for prep in host.children:
            if host.dep_ == "pobj" and prep.dep_ == "prep" and prep.lower_ == "between":
                parties = [g for g in prep.children if g.dep_ == "pobj"]
                if parties:
                    return _with_conjuncts(parties[0])
    for meeting in meetings:
        # "no deal was signed during Erdogan's talks with Putin", "... during Orban's visit to Baku":
        # the meeting's owner and its partner
        owner = [c for c in meeting.children if c.dep_ == "poss" and c.pos_ != "PRON"]
        partner = [
            g for p in meeting.children if p.dep_ == "prep" and p.lower_ in ("with", "to") for g in p.children
        ]
        if owner and partner:
            return [owner[0], partner[0]]
    return []


def attributed_to(verb: Token, knowledge: Knowledge) -> list[Token]:
    """Who an attribution verb lays its object at the door of ("blamed on Israel")."""
    prep = knowledge.attribution_verbs.get(verb.lemma_.lower())
    if prep is None:
        return []
    return next((objects for objects in _prep_objects(verb, frozenset({prep}))), [])


def _stray_agent(head: Token, knowledge: Knowledge, *, from_is_source: bool = False) -> list[Token]:
    """The agent the parser hung on the act's object instead of the act: "the release of hostages
    by Hamas", "the expulsion of Moldova's ambassador from Moscow", "were declared persona non grata
    by Bulgaria". Only the object's own "by" (or, for acts whose "from" names the doer, "from")."""
    preps = knowledge.source_preps | ({"from"} if from_is_source else set())
    objects = [
        g
        for c in head.children
        if c.dep_ in ("prep", "oprd", "dobj")
        for g in ([c] if c.dep_ != "prep" else [g for g in c.children if g.dep_ == "pobj"])
        if c.dep_ != "prep" or c.lower_ == "of"
    ]
    for obj in objects:
        for holder in [obj, *[g for g in obj.children if g.dep_ == "dobj"]]:
            for prep in holder.children:
                if prep.dep_ == "prep" and prep.lower_ in preps:
                    agents = [g for g in prep.children if g.dep_ == "pobj"]
                    if agents:
                        return _with_conjuncts(agents[0])
    return []


def _reaction(noun: Token, knowledge: Knowledge) -> Roles | None:
    """ "The seizure drew condemnation from Washington": Washington reacts (source) to the doer of
    the subject's act ("Iran's seizure": Iran) or to the subject itself ("Baku faced criticism")."""
    verb = noun.head
    if noun.dep_ != "dobj" or verb.lemma_.lower() not in knowledge.reaction_verbs:
        return None
    reacting = [
        g
        for p in verb.children
        if p.dep_ == "prep" and p.lower_ == "from"
        for g in p.children
        if g.dep_ == "pobj"
    ]
    # (also hung by the parser on what the noun is of: "received a donation of 20 ambulances from Japan")
    holders = [noun, *(g for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children)]
    reacting += [
        g
        for h in holders
        for p in h.children
        if p.dep_ == "prep" and p.lower_ == "from"
        for g in p.children
        if g.dep_ == "pobj"
    ]
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if not reacting or subject is None:
        return None
    doer = next((c for c in subject.children if c.dep_ == "poss"), None)
    if doer is None and match_noun(subject, knowledge) is not None:
        # "the killing of three aid workers drew condemnation from the UN": an act reacted to is
        # aimed at its doer ("by X"), not at its victims; with no doer named, at no one named here
        agents = _prep_objects(subject, knowledge.source_preps)[:1] or [_stray_agent(subject, knowledge)]
        agents = [a for a in agents if a]
        return Roles(sources=_with_conjuncts(reacting[0]), target_options=agents)
    return Roles(sources=_with_conjuncts(reacting[0]), target_options=[[doer or subject]])


def clause_subject(noun: Token) -> list[Token]:
    """The subject of the nearest clause above an event noun that is not the noun's own phrase.
    Under "the breach / text / end of the truce" the noun refers to an event, it is not the clause's
    act: only quantity words ("hours of talks", "a round of talks") let the subject through."""
    chain = {noun.i}
    current = noun
    for _ in range(6):
        head = current.head
        if head.i == current.i:
            return []
        if head.lower_ == "of" and head.head.lemma_.lower() not in QUANTITY_NOUNS:
            return []
        blamed = _blamed_for(current, head)
        if blamed is not None:
            return _with_conjuncts(blamed)
        if head.pos_ in ("VERB", "AUX"):
            subject, _passive, agent = _subjects(head)
            holder = agent or subject
            if holder is not None and holder.i not in chain:
                return _with_conjuncts(holder)
            if holder is None and _circumstance_of_request(chain, head):
                # "urged Xi to speed up disengagement during a conversation": the talk went with the
                # urging, not with the act urged
                asker, _passive, asker_agent = _subjects(head.head)
                asking = asker_agent or asker
                if asking is not None:
                    return _with_conjuncts(asking)
            if holder is None and head.dep_ in ("xcomp", "conj", "advcl"):
                inherited = _inherited_subject(head)
                if inherited:
                    return inherited
        chain.add(head.i)
        current = head
    return []


def _grieved_party(noun: Token, knowledge: Knowledge) -> list[Token]:
    """The party whose act a grievance is about: the one a verb of complaint, threat or punishment is
    aimed at ("threatened countermeasures against two US contractors over the arms sale", "sanctioned
    three firms over exports to Russia"); empty when the verb names none."""
    prep = noun.head
    verb = prep.head
    if noun.dep_ != "pobj" or prep.lower_ not in knowledge.grievance_preps or verb.pos_ != "VERB":
        return []
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    aimed = [
        g
        for h in [*objects, verb]
        for p in h.children
        # "cut ties with Israel over ...", "halted imports from Kyiv over ...": the partner of the tie cut
        if p.dep_ == "prep"
        and p.lower_ in INSTRUMENT_TARGET_PREPS | {"on"} | ({"with", "from"} if h in objects else set())
        for g in p.children
        if g.dep_ == "pobj"
    ]
    people = [o for o in objects if o.ent_type_ in ("GPE", "NORP", "ORG", "PERSON") or o.pos_ == "PROPN"]
    found = aimed or people
    return _with_conjuncts(found[0]) if found else []


def _credited_party(noun: Token, knowledge: Knowledge) -> list[Token]:
    """The party a verb thanks, praises or blames for an act of its own, told in a "for" phrase
    ("thanked Chile for its assistance", "praised Qatar for its mediation"): the verb's object."""
    prep = noun.head
    verb = prep.head
    if noun.dep_ != "pobj" or prep.lower_ not in knowledge.credit_preps or verb.pos_ != "VERB":
        return []
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    people = [o for o in objects if o.ent_type_ in ("GPE", "NORP", "ORG", "PERSON") or o.pos_ == "PROPN"]
    return _with_conjuncts(people[0]) if people else []


def _circumstance_of_request(chain: set[int], verb: Token) -> bool:
    """Whether the path from a noun up to ``verb`` ran through a phrase of time or circumstance
    ("during", "after", "amid") on an act that an object-control verb asks for or causes ("urged Xi
    to speed up disengagement during a conversation")."""
    return (
        verb.dep_ == "xcomp"
        and verb.head.lemma_.lower() in CONTROL_BY_OBJECT
        and any(c.dep_ == "prep" and c.i in chain and c.lower_ in CIRCUMSTANCE_PREPS for c in verb.children)
    )


def _blamed_for(current: Token, head: Token) -> Token | None:
    """ "blamed Boko Haram for the ambush", "thanked Qatar for its mediation": the object of a verb
    of blame or credit does the act its "for/of" phrase names (the parser may hang the phrase on the
    object itself)."""
    if current.dep_ == "prep" and current.lower_ in ("for", "of"):
        if head.pos_ == "VERB" and head.lemma_.lower() in OBJECT_DOES:
            return next((c for c in head.children if c.dep_ == "dobj"), None)
        if head.dep_ == "dobj" and head.head.lemma_.lower() in OBJECT_DOES:
            return head
    return None


def _subjects(verb: Token) -> tuple[Token | None, Token | None, Token | None]:
    subject = passive = agent = None
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS and _distributive(child):
            continue
        if child.dep_ in SUBJECT_DEPS:
            subject = child
        elif child.dep_ in PASSIVE_SUBJECT_DEPS:
            passive = child
        elif child.dep_ == "agent":
            pobjs = [g for g in child.children if g.dep_ == "pobj"]
            agent = pobjs[0] if pobjs else None
    if agent is None and passive is not None:
        agent = _stray_by_agent(verb)
    if subject is None and passive is None:
        # the small parser sometimes attaches a sentence-initial name as a modifier ("Lula/advmod phoned")
        for child in verb.lefts:
            if (
                child.dep_ in ("advmod", "npadvmod", "dep", "nmod")
                and child.text[:1].isupper()
                and (
                    child.ent_type_ in ("PERSON", "GPE", "ORG", "NORP")
                    or child.pos_ == "PROPN"
                    or child.i == 0
                )
            ):
                subject = child
                break
    return subject, passive, agent


def _stray_by_agent(verb: Token) -> Token | None:
    """The agent of a passive that the parser read as a plain "by" phrase because something stood
    between ("was received in Brasilia by Lula"): a named party, not a means or a deadline ("by
    Friday", "by ship")."""
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "by":
            pobjs = [g for g in child.children if g.dep_ == "pobj"]
            if (
                pobjs
                and (pobjs[0].pos_ == "PROPN" or pobjs[0].ent_type_ in NAMED_PARTIES)
                and pobjs[0].ent_type_ not in ("DATE", "TIME")
            ):
                return pobjs[0]
    return None


def _distributive(subject: Token) -> bool:
    """ "each", "each side", "either party": a subject that stands for the clause's parties."""
    words = [subject, *(c for c in subject.children if c.dep_ == "det")]
    return any(w.lower_ in DISTRIBUTIVE_SUBJECTS for w in words)


def subjects_of(verb: Token) -> tuple[Token | None, Token | None, Token | None]:
    """(subject, passive subject, agent) of a verb."""
    return _subjects(verb)


def is_passive(verb: Token) -> bool:
    """Whether a verb is in the passive voice ("were detained")."""
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def inherited_subject(verb: Token) -> list[Token]:
    """The subject a verb shares with the verb it hangs off ("..., brushing off criticism")."""
    return _inherited_subject(verb)


def _inherited_subject(verb: Token) -> list[Token]:
    """The subject a verb shares with the verb it hangs off ("agreed to release", "... and freed")."""
    current = verb
    for _ in range(4):
        if current.dep_ not in INHERIT_DEPS or current.head.i == current.i:
            return []
        head = current.head
        if current.dep_ in ("acl", "pcomp") and head.pos_ == "NOUN" and head.dep_ in ("dobj", "attr"):
            owner = next((c for c in head.children if c.dep_ == "poss"), None)
            if owner is not None:
                return _with_conjuncts(owner)  # "to reconsider its decision to expel": its holder does it
            # "the Netherlands had no plans to expel ...": the plan's holder does it
            current = head
            continue
        if current.dep_ == "pcomp" and head.dep_ == "prep":
            governor = head.head
            objects = [c for c in governor.children if c.dep_ == "dobj"]
            if objects and governor.lemma_.lower() in OBJECT_DOES:
                # "accused Russia of detaining": the object of "accused" did the detaining
                return _with_conjuncts(objects[0])
            # "freed the crew (a year) after seizing the ship", "freed the prisoners hours after
            # meeting a US envoy": the gerund of an adverbial phrase shares the clause's subject
            if head.lower_ in ADVERBIAL_PREPS or governor.pos_ in ("VERB", "AUX"):
                found = _adverbial_subject(head)
                if found:
                    return found
            current = governor
            continue
        if headline_verb(head):
            return _with_conjuncts(head.head)  # "Niger's rulers threatened ..., accusing Paris"
        if current.dep_ == "conj" and _finite_beside_infinitive(current, head):
            # "urged Warsaw to restore ... and threatened to withhold funds": the parser hangs the
            # finite verb on the infinitive, but it goes with "urged" and its subject
            governor = head.head
            subject, _passive, _agent = _subjects(governor)
            if subject is not None:
                return _with_conjuncts(subject)
            current = governor
            continue
        subject, passive, agent = _subjects(head)
        if current.dep_ == "xcomp":
            objects = [c for c in head.children if c.dep_ == "dobj"]
            if objects and head.lemma_.lower() in CONTROL_BY_OBJECT:
                return _with_conjuncts(objects[0])
            if subject is None and passive is not None:
                # raising: "Russia is believed to have deployed", "Moscow and Baku are expected to sign"
                return _with_conjuncts(passive)
        if subject is not None:
            return _with_conjuncts(subject)
        if agent is not None:
            return _with_conjuncts(agent)
        current = head
    return []


def _finite_beside_infinitive(verb: Token, head: Token) -> bool:
    """A verb in the past or present tense that the parser coordinated with a "to" infinitive it
    does not belong to."""
    return (
        verb.tag_ in ("VBD", "VBZ", "VBP")
        and head.tag_ == "VB"
        and head.dep_ in ("xcomp", "advcl")
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children)
    )


def _adverbial_subject(token: Token) -> list[Token]:
    """The active subject of the nearest verb above ``token`` ("on Wednesday, a year after ...")."""
    current = token
    for _ in range(3):
        if current.head.i == current.i:
            return []
        current = current.head
        if current.pos_ in ("VERB", "AUX"):
            subject, _passive, _agent = _subjects(current)
            return _with_conjuncts(subject) if subject is not None else []
    return []


def _prep_objects(verb: Token, preps: frozenset[str]) -> list[list[Token]]:
    options: list[list[Token]] = []
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            options.extend(_with_conjuncts(g) for g in child.children if g.dep_ == "pobj")
    if "from" in preps:  # "pulled its troops out of Lebanon" is "withdrew them from Lebanon"
        options.extend(_with_conjuncts(g) for g in out_of_objects(verb))
    return options


def _antecedent(token: Token | None, verb: Token) -> Token | None:
    """A relative pronoun stands for the noun its clause modifies ("the tanker that forces seized")."""
    if token is not None and verb.dep_ == "relcl" and token.lower_ in RELATIVE_PRONOUNS:
        return verb.head
    return token


def _with_conjuncts(token: Token) -> list[Token]:
    """The token and the names coordinated after it; a list of names the parser read as an apposition
    and its conjuncts ("Mali, Burkina Faso and Niger") counts as coordinated."""
    listed = [
        a
        for a in token.children
        if a.dep_ == "appos" and token.pos_ == a.pos_ == "PROPN" and any(c.dep_ == "conj" for c in a.children)
    ]
    if listed:
        return [token, listed[0], *[c for c in listed[0].conjuncts if c.i > listed[0].i]]
    return [token, *[c for c in token.conjuncts if c.i > token.i]]


def _purpose_objects(verb: Token) -> list[list[Token]]:
    """The objects of a "to" clause telling what an act was for, as last target options: the ones
    acted on when the act's own object is its means ("used tear gas to disperse the crowd")."""
    return [
        _with_conjuncts(g)
        for c in verb.children
        if c.dep_ in ("xcomp", "advcl") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        for g in c.children
        if g.dep_ == "dobj"
    ]
