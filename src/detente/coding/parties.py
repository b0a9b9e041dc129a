"""Who acts on whom: the source and target actors of one trigger, from its roles, the document's
other parties and what the sentence says around it (a step of the coder; no I/O)."""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Span, Token

from detente.actors.resolver import (
    FOREIGN_POSTS,
    NON_STATE_SECTORS,
    PRONOUNS_GROUP,
    PRONOUNS_PERSON,
    DocMemory,
    Mention,
    agent_of_modifier,
    name_tokens,
)
from detente.claims.attribution import statement_nouns
from detente.coding.knowledge import TypeInfo, VerbRule
from detente.coding.places import find_place, gazetteer_place, is_place_name, places_under
from detente.coding.roles import (
    CITIZEN_SECTORS,
    OBJECT_DOES,
    STATE_SECTORS,
    clause_roles,
    clause_subject,
    find_roles,
    headline_verb,
    inherited_subject,
    is_passive,
    parties_between,
    subjects_of,
)
from detente.coding.scene import CodingContext, Scene
from detente.coding.triggers import Trigger, match_noun
from detente.geo import Gazetteer
from detente.models import Actor, Event, Place

# mentions that can stand for the other party of an act: states, organisations and named people
COUNTERPART_KINDS = {"country", "demonym", "people", "metonym", "org", "person"}
STATE_NAMES = frozenset({"country", "metonym", "demonym", "people"})
# sectors of a state's own organs (not its media, people or armed groups)
STATE_ORGANS = frozenset({"GOV", "JUD", "MIL", "COP", "LEG", "SPY"})
# where a protest at a foreign mission is held ("outside the Russian embassy")
MISSION_PREPS = {"at", "outside", "near", "to", "toward", "towards", "before"}
# entity labels of a place the parser recognises as one
GEO_ENTITIES = frozenset({"GPE", "LOC", "FAC"})
# what a subject's own thing concerns: "its participation in the CSTO", "their claims against Baku"
OWN_THING_PREPS = {"in", "of", "with", "to", "against", "on", "toward", "towards"}


def find_sources(scene: Scene, claimant: Token | None) -> list[Actor]:
    """Who acts: the roles' source phrases, else the doer named through the act's instrument, else
    the implicit agent of the place's (or the sentence's) country."""
    ctx, memory, day = scene.ctx, scene.memory, scene.day
    speaker = None
    if claimant is not None:
        # "the military said its aircraft had hit ...": pronouns in reported speech refer to the speaker
        speaker = ctx.actors.resolve_token(claimant, scene.mentions, day, memory)
        if speaker is not None and speaker.country:
            memory.remember_subject(speaker)
    source_tokens = [_speaker_for_pronoun(t, claimant) for t in scene.roles.sources]
    resolved = [
        (t, ctx.actors.resolve_many(t, scene.mentions, day, memory, scene.local)) for t in source_tokens
    ]
    sources = [_located(a, t, ctx) for t, actors in resolved for a in _accused_pronoun(t, actors, scene)]
    if speaker is not None and speaker.country and speaker.sector in STATE_ORGANS:
        # "Iran's judiciary said a Revolutionary Court had sentenced ...": a state body of no named
        # state in a report by a state's organ is that state's
        sources = [
            a.model_copy(update={"country": speaker.country})
            if not a.country and a.sector and a.sector not in NON_STATE_SECTORS
            else a
            for a in sources
        ]
    if not sources and scene.agentless and not scene.trigger.is_noun:
        sources = _doer_of_instrument(scene.trigger, scene.mentions, day, memory, ctx)
    info, place = scene.info, scene.place
    where = place.country if place is not None and place.country else None
    if where is None and info.default_target == "source":
        where = scene.local  # "mass protests outside parliament" in a sentence about one country
    if not sources and info.implicit_agent and where and scene.agentless:
        # done by that sector of the country where it happened
        sources = [Actor(text="authorities", country=where, sector=info.implicit_agent)]
    return sources


def not_its_own_target(scene: Scene, sources: list[Actor], targets: list[Actor]) -> list[Actor]:
    """The subject pronoun of an accusation is not the party it accuses ("a cyberattack it blamed on
    Russian military intelligence": "it" is not Russia): the latest other salient subject."""
    tokens = scene.roles.sources
    named = {t.country for t in targets if t.country and t.name}  # a state the text names
    verb = scene.trigger.token.lemma_.lower()
    if verb not in OBJECT_DOES and verb not in scene.ctx.knowledge.attribution_verbs:
        return sources  # only acts no one does to itself: accusing, blaming
    if len(tokens) != 1 or tokens[0].pos_ != "PRON" or len(named) != 1 or len(sources) != 1:
        return sources
    if sources[0].country not in named:
        return sources
    other = next((a for a in reversed(scene.memory.subjects) if a.country and a.country not in named), None)
    return [other.model_copy(update={"text": tokens[0].text})] if other is not None else sources


def _accused_pronoun(token: Token, actors: list[Actor], scene: Scene) -> list[Actor]:
    """ "Erdogan ... accusing them of shelling Turkish towns": the object pronoun of an accusation
    is not the accuser's own side; it stands for the latest other country of the document."""
    if token.pos_ != "PRON" or token.dep_ != "dobj" or token.lower_ in PRONOUNS_PERSON:
        return actors
    governor = token.head
    if governor.lemma_.lower() not in OBJECT_DOES:
        return actors
    accuser = _subject_of(governor, scene)
    if accuser is None or not accuser.country or any(a.country != accuser.country for a in actors):
        return actors
    memory = scene.memory
    other = next((a for a in reversed(memory.recent) if a.country and a.country != accuser.country), None)
    return [other.model_copy(update={"text": token.text})] if other is not None else actors


def _subject_of(verb: Token, scene: Scene) -> Actor | None:
    """The actor of a verb's subject, or of the subject it shares ("rejected ... and accused",
    "threatened ..., accusing")."""
    current = verb
    for _ in range(3):
        subject = next((c for c in current.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            return scene.ctx.actors.resolve_token(subject, scene.mentions, scene.day, scene.memory)
        if current.dep_ not in ("conj", "advcl", "xcomp") or current.head.i == current.i:
            return None
        current = current.head
    return None


def direct_targets(scene: Scene, sources: list[Actor]) -> tuple[list[Actor], bool]:
    """The targets the roles name, and whether coordinated sources act on each other instead."""
    ctx, memory, day, options = scene.ctx, scene.memory, scene.day, scene.roles.target_options
    home_country = sources[0].country if sources else None
    source = sources[0] if sources else None
    # "In Brussels, the EU condemned the violence against protesters": a statement's place is where
    # it was made, not whose people it is about
    local = None if scene.info.quad_class.startswith("verbal") and scene.located else scene.local
    reacting = _reacting_party(scene)
    local = reacting or local
    targets = _first_target(
        options, scene.mentions, day, memory, local, ctx, avoid=home_country, source=source
    )
    answering = _answering(scene, home_country) or _defied(scene, home_country)
    targets = answering or targets
    if targets and all(t.sector == "IGO" for t in targets) and scene.info.quad_class == "verbal_conflict":
        targets = _grievance_target(scene, home_country) or targets
    parties: list[Actor] = []
    if scene.trigger.rule.mode == "third-party" and sources:
        # "a swap brokered by the UAE": the mediator deals with the parties of the act it brokered
        parties = _brokered_parties(scene.trigger, scene.mentions, day, memory, ctx, avoid=home_country)
        targets = parties or targets
    # coordinated subjects of a mutual act act on each other ("Russia and Ukraine each released
    # prisoners", "Armenia and Azerbaijan agreed"): no target is guessed for them; coordinated
    # mediators ("a truce brokered by Washington and Riyadh") deal with the parties, not each other
    reciprocal = (
        not parties
        and _distinct_parties(sources)
        and scene.info.reciprocal
        # "exchanged prisoners (in Abu Dhabi)": a state the sentence merely places it in is no third
        # party; nor is one of the parties themselves ("failed to agree on the Ethiopian dam")
        and not any(
            t.country and t.country not in {s.country for s in sources}
            for t in _first_target(options, scene.mentions, day, memory, None, ctx, avoid=home_country)
        )
    )
    if reciprocal:
        return [], True
    if not targets and options and sources:
        targets = _patient_fallback(options, sources[0], ctx)
    if sources and sources[0].country:
        # people or bodies of no stated nationality are the source's own ("detained an opposition leader"),
        # or, for an attack or seizure somewhere, the place's ("missiles hit Dnipro, killing 40 people")
        home = reacting or sources[0].country
        place = scene.place
        if scene.info.default_target == "place" and place is not None and place.country:
            home = place.country
        # "freed US journalist Evan Gershkovich and former marine Paul Whelan": listed with a
        # national of a stated country, they share it
        home = next((t.country for t in targets if t.country), home)
        # "arming rebel militias", "clashed with gunmen": armed groups of no stated country have none
        targets = [
            t if t.country or t.sector in NON_STATE_SECTORS else t.model_copy(update={"country": home})
            for t in targets
        ]
    return targets, False


def _defied(scene: Scene, home: str | None) -> list[Actor]:
    """A refusal or statement made "despite" another's appeal or protest answers it: "Israel refused to
    halt its campaign, despite a French appeal for a truce" is aimed at France."""
    if not scene.info.quad_class.startswith("verbal"):
        return []
    head = scene.trigger.light_verb or scene.trigger.token
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ not in scene.ctx.knowledge.defiance_preps:
            continue
        for noun in (g for g in prep.children if g.dep_ == "pobj"):
            rule = match_noun(noun, scene.ctx.knowledge)
            if rule is None or not scene.ctx.knowledge.types[rule.event_type].quad_class.startswith("verbal"):
                continue
            roles = find_roles(Trigger(token=noun, rule=rule), scene.ctx.knowledge)
            actors = [
                a
                for t in roles.sources
                for a in scene.ctx.actors.resolve_many(t, scene.mentions, scene.day, scene.memory)
                if a.country and a.country != home
            ]
            if actors:
                return actors
    return []


def _grievance_target(scene: Scene, home: str | None) -> list[Actor]:
    """The state a complaint lodged with an organisation is about: "lodged a complaint with the UN
    Security Council over Ethiopia's inauguration of the dam" (the Council is the forum)."""
    trigger = scene.trigger
    holders = [trigger.token] + ([trigger.light_verb] if trigger.light_verb is not None else [])
    # the parser may hang "over ..." on the organisation itself
    holders += [g for h in list(holders) for p in h.children if p.dep_ == "prep" for g in p.children]
    for holder in holders:
        for prep in holder.children:
            if prep.dep_ != "prep" or prep.lower_ not in scene.ctx.knowledge.grievance_preps:
                continue
            for topic in (g for g in prep.children if g.dep_ == "pobj"):
                actor = scene.ctx.actors.resolve_token(topic, scene.mentions, scene.day, scene.memory)
                if actor is not None and actor.country and actor.country != home and actor.sector != "IGO":
                    return [actor]
    return []


def _answering(scene: Scene, home: str | None) -> list[Actor]:
    """Who answers an addressed act told as a noun: the subject of "Poland rejected Germany's
    request", the agent of "Germany's request was rejected by a court in Warsaw"."""
    noun = scene.trigger.token
    if not scene.info.addressed or not scene.trigger.is_noun or scene.trigger.light_verb is not None:
        return []
    verb = noun.head
    if verb.pos_ != "VERB" or verb.lemma_.lower() in scene.ctx.knowledge.cues.reporting_verbs:
        return []
    subject, _passive, agent = subjects_of(verb)
    answerer = agent if noun.dep_ == "nsubjpass" else subject if noun.dep_ == "dobj" else None
    if answerer is None:
        return []
    actors = scene.ctx.actors.resolve_many(answerer, scene.mentions, scene.day, scene.memory, scene.local)
    actors = [_located(a, answerer, scene.ctx) for a in actors]
    return [a for a in actors if a.country and a.country != home]


def _reacting_party(scene: Scene) -> str | None:
    """The country of who accuses (or thanks) another of an act: "Pakistan accused Indian forces
    of shelling civilian homes" — the homes, of no stated country, are the accuser's."""
    token = scene.trigger.light_verb or scene.trigger.token
    if token.dep_ != "pcomp" or token.head.dep_ != "prep" or token.head.lower_ not in ("of", "for"):
        return None
    governor = token.head.head
    if governor.lemma_.lower() not in OBJECT_DOES:
        return None
    actor = _subject_of(governor, scene)
    return actor.country if actor is not None else None


def result_place(trigger: Trigger, gazetteer: Gazetteer) -> Place | None:
    """The place of the clause whose result a participle tells: "missiles hit a block in Dnipro,
    killing 40 people" (the 40 are of Dnipro's country); not "after meeting ..."."""
    verb = trigger.token
    if verb.dep_ != "advcl" or verb.tag_ != "VBG" or any(c.dep_ == "mark" for c in verb.children):
        return None
    return find_place([verb.head], set(), gazetteer)


def conditions_fail(scene: Scene, sources: list[Actor], targets: list[Actor]) -> bool:
    """A verb rule's conditions on its object or its subject's sector do not hold; or a noun rule's
    doer is of a sector that does not do such acts ("Israel launched strikes" is no labour strike)."""
    rule = scene.trigger.rule
    if not isinstance(rule, VerbRule):
        return any(s.sector in rule.not_subject_sectors for s in sources)
    named = bool(targets) and (not rule.object_people or _names_people(scene))
    no_object = rule.object_actor and not named and (not scene.located or scene.trigger.token.dep_ == "acl")
    wrong_subject = rule.subject_sectors is not None and not any(
        s.sector in rule.subject_sectors for s in sources
    )
    wrong_object = rule.object_sectors is not None and not any(
        t.sector in rule.object_sectors for t in targets
    )
    return no_object or wrong_subject or wrong_object


def _names_people(scene: Scene) -> bool:
    """Whether a target phrase is headed by people or a body ("hosted Putin", "received the
    delegation", "arming rebel groups"), not by a thing of some nationality ("received no American
    artillery shells")."""
    actors = scene.ctx.actors
    heads = [option[0] for option in scene.roles.target_options]
    return any(
        head.i in scene.mentions
        or head.pos_ == "PRON"
        or any(
            actors.sector_of(t) is not None
            for t in [head, *(c for c in head.children if c.dep_ in ("compound", "amod"))]
        )
        for head in heads
    )


def unnamed_doer(scene: Scene, sources: list[Actor], targets: list[Actor]) -> tuple[list[Actor], list[Actor]]:
    """Sources and targets of acts whose doer the text does not name."""
    info, place = scene.info, scene.place
    patient = next((t.country for t in targets if t.country), None)
    if (
        not sources
        and scene.agentless
        and scene.trigger.rule.mode in info.domestic_modes
        and info.implicit_agent
        and patient is not None
        and place is None
        and _named_states(scene.sent, scene.mentions) <= {patient}
    ):
        # "Imran Khan was sentenced", "107 people had been detained": a state's courts and police act
        # on its own people when the text names no other state
        sources = [Actor(text="authorities", country=patient, sector=info.implicit_agent)]
    material_conflict = info.quad_class == "material_conflict"
    if not sources and material_conflict and (scene.located or any(t.country for t in targets)):
        # "the killing of three aid workers in South Darfur": an act whose doer the text does not name
        sources = [Actor(text="", name=None, country=None, sector="UNK")]
        if not targets and scene.located and info.default_target == "place":
            # "armed men stormed a television studio in Guayaquil": aimed at where it happened
            targets = _default_target(
                scene.trigger, info, place, sources[0], scene.mentions, scene.day, scene.memory, scene.ctx
            )
    unplaced = not any(a.country for a in sources + targets)
    if material_conflict and place is not None and place.country and unplaced:
        # "gunmen abducted 30 passengers in Zamfara state": the victims are of the place's country
        targets = [t.model_copy(update={"country": place.country}) for t in targets]
    return sources, targets


def each_other(scene: Scene, sources: list[Actor], targets: list[Actor]) -> bool:
    """Whether the two coordinated subjects of an act whose text names no target act on each other:
    "Washington and Beijing slashed tariffs", "A and B withdrew their claims against each other"
    (the only other party found is the fellow subject). Not the agents of a passive or of a bare noun
    ("welcomed by Washington and Moscow", "a joint request from A and B")."""
    subjects = {s.country for s in sources if s.country}
    if scene.agentless or len(subjects) != 2 or not targets:
        return False
    return all(t.country in subjects for t in targets)


def fallback_targets(scene: Scene, source: Actor, history: list[Event]) -> list[Actor]:
    """The target when the roles name none: what a speech act is about, the doer of the act it
    reacts to, the type's default, the document's other party, or the source's own state."""
    trigger, info, ctx, memory, day = scene.trigger, scene.info, scene.ctx, scene.memory, scene.day
    mentions = scene.mentions
    targets: list[Actor] = []
    domestic: list[Actor] = []
    if trigger.rule.mode in info.public_modes:
        return []  # "imposed a curfew in Imphal": on the public at large
    if info.quad_class.startswith("verbal"):
        targets, domestic = _complement_target(trigger, source, mentions, day, memory, scene.local, ctx)
        targets = targets or _doer_of_act(trigger, source, history, ctx)
        targets = targets or _answered(source, history)
    if not targets and info.default_target == "source":
        targets = _mission_target(trigger, source, mentions, day, memory, ctx)
    if not targets:
        targets = _default_target(trigger, info, scene.place, source, mentions, day, memory, ctx)
    targets = targets or domestic
    mode = trigger.rule.mode
    own = info.default_target == "own" or mode in info.own_modes
    if not targets and info.counterpart and mode not in info.lone_modes and mode not in info.own_modes:
        targets = _counterpart(trigger, scene.sent, source, mentions, day, memory, ctx, _co_doers(scene))
    if not targets and own and source.country:
        # "Netanyahu paused his judicial overhaul", "opened an investigation into ...": domestic
        targets = [Actor(text=source.country, name=source.name, country=source.country, sector="GOV")]
    return targets


def _mission_target(
    trigger: Trigger,
    source: Actor,
    mentions: dict[int, Mention],
    day: dt.date | None,
    memory: DocMemory,
    ctx: CodingContext,
) -> list[Actor]:
    """A protest held at a foreign state's mission is aimed at that state ("a rally outside the
    Azerbaijani embassy", "hurled paint at the Russian embassy"), not at the protesters' government."""
    holders = [trigger.token] + ([trigger.light_verb] if trigger.light_verb is not None else [])
    for holder in holders:
        for prep in holder.children:
            if prep.dep_ != "prep" or prep.lower_ not in MISSION_PREPS:
                continue
            for post in prep.children:
                if post.dep_ != "pobj" or post.lemma_.lower() not in FOREIGN_POSTS:
                    continue
                actor = ctx.actors.resolve_token(post, mentions, day, memory)
                if actor is not None and actor.country and actor.country != source.country:
                    return [actor]
    return []


def _distinct_parties(sources: list[Actor]) -> bool:
    """Two or more parties: of different states, or of one state and different sectors ("Sudan's army
    and the RSF clashed", "the government and ELN rebels began a ceasefire")."""
    return len({(s.country, s.sector) for s in sources if s.country}) >= 2


def pairs(sources: list[Actor], targets: list[Actor], reciprocal: bool) -> list[tuple[Actor, Actor | None]]:
    """(source, target) of each event: one per pair of countries ("freed a US journalist and a
    former US marine" is one release); an actor does not act on itself."""
    pairs: list[tuple[Actor, Actor | None]]
    if reciprocal:
        # "Armenia and Azerbaijan agreed": each acts towards the other
        pairs = [(a, b) for a in sources for b in sources if not _same_actor(a, b)]
    else:
        pairs = []
        for s in sources:
            others: list[Actor | None] = [t for t in targets if not _same_actor(s, t)]
            pairs += [(s, t) for t in (others or [None])]
    seen: set[tuple[str | None, ...]] = set()
    unique: list[tuple[Actor, Actor | None]] = []
    for source, target in pairs:
        key: tuple[str | None, ...] = (source.country, target.country if target else None)
        if reciprocal and target is not None:
            key += (source.sector, target.sector)  # "the army and the RSF clashed": each on the other
        if key not in seen:
            seen.add(key)
            unique.append((source, target))
    return unique


def _brokered_parties(
    trigger: Trigger,
    mentions: dict[int, Mention],
    day: dt.date | None,
    memory: DocMemory,
    ctx: CodingContext,
    avoid: str | None,
) -> list[Actor]:
    """The parties of a brokered act ("A and B exchanged prisoners in a swap brokered by C",
    "A and B sat down for talks mediated by C"): the subjects of the clause the brokered noun is in."""
    token = trigger.token
    mediated = [c for c in token.children if c.dep_ == "dobj"] if token.pos_ == "VERB" else []
    if mediated and parties_between(mediated[0]):
        # "the UAE mediated a swap of prisoners between Russia and Ukraine"
        found = [
            a for t in parties_between(mediated[0]) for a in ctx.actors.resolve_many(t, mentions, day, memory)
        ]
        return [a for a in found if a.country and a.country != avoid]
    if token.dep_ not in ("acl", "amod", "compound") or token.head.pos_ not in ("NOUN", "PROPN"):
        return []
    # "EU-mediated talks between A and B": the parties are named on the brokered noun
    for subjects in (
        parties_between(token.head),
        clause_subject(token.head),
        _governing_subjects(token.head),
    ):
        parties = [
            a
            for t in subjects
            for a in ctx.actors.resolve_many(t, mentions, day, memory)
            if a.country and a.country != avoid
        ]
        # two sides may be of one country ("the army and the RSF agreed to a truce brokered by ...")
        if len({(a.country, a.sector) for a in parties}) >= 2:
            return parties
    return []


def _governing_subjects(noun: Token) -> list[Token]:
    """The coordinated subjects of the verb a noun phrase hangs under, through its prepositions
    ("A and B signed off on the first phase of a plan brokered by C")."""
    current = noun
    while current.dep_ in ("pobj", "prep") and current.head.i != current.i:
        current = current.head
    if current.pos_ not in ("VERB", "AUX"):
        return []
    subject, _passive, _agent = subjects_of(current)
    return [subject, *subject.conjuncts] if subject is not None else []


def _located(actor: Actor, token: Token, ctx: CodingContext) -> Actor:
    """A body of no named state placed in a town ("a military court in Rostov-on-Don", "workers at
    a mine in Zambia's Copperbelt") is that town's country's. Only proper names are places: "at a
    mine" is no town "Mine"."""
    if actor.country or actor.sector is None:
        return actor
    for town in places_under(token, depth=2):
        for word in [w for w in name_tokens(town) if is_place_name(w)]:
            place = gazetteer_place(word, ctx.gazetteer)
            if place is not None and place.country:
                return actor.model_copy(update={"country": place.country})
    return actor


def _doer_of_instrument(
    trigger: Trigger, mentions: dict[int, Mention], day: dt.date | None, memory: DocMemory, ctx: CodingContext
) -> list[Actor]:
    """The doer of a passive act told through the act that did it: "killed in an Israeli drone
    strike", "destroyed by a Russian missile attack"."""
    for prep in trigger.token.children:
        if prep.dep_ not in ("prep", "agent") or prep.lower_ not in ("in", "by"):
            continue
        for noun in prep.children:
            if noun.dep_ != "pobj" or match_noun(noun, ctx.knowledge) is None:
                continue
            actor = ctx.actors.resolve_token(noun, mentions, day, memory)
            if actor is not None and actor.country:
                return [actor]
    return []


def _speaker_for_pronoun(token: Token, claimant: Token | None) -> Token:
    """ "The ministry said it would ...": a pronoun inside a reported clause is the speaker; but the
    subject pronoun of a relative clause is first the subject of the clause its noun is in ("Serbia
    pulled back the troops it massed near the boundary, the White House said": Serbia massed them)."""
    host = _host_subject(token)
    if host is not None:
        return host
    if token.pos_ == "PRON" and claimant is not None and claimant.pos_ != "PRON":
        return claimant
    return token


def _host_subject(pronoun: Token) -> Token | None:
    """The named subject of the clause a relative clause with ``pronoun`` as its subject hangs in."""
    if pronoun.pos_ != "PRON" or pronoun.dep_ != "nsubj" or pronoun.head.dep_ != "relcl":
        return None
    verb = pronoun.head.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subject if subject is not None and subject.pos_ != "PRON" else None


def trigger_is_passive(trigger: Trigger) -> bool:
    """A passive trigger, or a participle modifying its patient ("nationals detained in ...")."""
    verb = trigger.light_verb or trigger.token
    return is_passive(verb) or (verb.dep_ == "acl" and not headline_verb(verb))


def local_country(place: Place | None, sent: Span, mentions: dict[int, Mention]) -> str | None:
    """The country a sentence points to: where the event happened, else the one country it names.
    Sector-only actors ("police", "the court") take it before the document's context."""
    if place is not None and place.country:
        return place.country
    # "Lukashenko freed 14 political prisoners hours after meeting a US envoy": a leader's country counts
    named = _named_states(sent, mentions, kinds=STATE_NAMES | {"person"})
    return named.pop() if len(named) == 1 else None


def _named_states(sent: Span, mentions: dict[int, Mention], kinds: frozenset[str] = STATE_NAMES) -> set[str]:
    """The countries a sentence names (by name, capital or demonym; or of the given kinds)."""
    return {
        e.country
        for m in {id(m): m for m in (mentions.get(t.i) for t in sent) if m}.values()
        for e in m.entries
        if e.kind in kinds and e.country
    }


def _first_target(
    options: list[list[Token]],
    mentions: dict[int, Mention],
    day: dt.date | None,
    memory: DocMemory,
    local: str | None,
    ctx: CodingContext,
    avoid: str | None = None,
    source: Actor | None = None,
) -> list[Actor]:
    """The actors of the first target option that names a country or organisation other than
    ``avoid`` (the source's: "refused to withdraw its complaint against Armenia"); else of the first
    option naming any country; else of the first naming any actor (a sector without a country)."""
    same: list[Actor] = []
    fallback: list[Actor] = []
    for option in options:
        own = _own_thing(option[0], source, mentions, day, memory, ctx)
        if own is not None:
            # "froze its participation in the CSTO", "laid down its arms": the subject's own thing is
            # no party; what it concerns may be
            option = own
            if not option:
                continue
        actors = [a for t in option for a in ctx.actors.resolve_many(t, mentions, day, memory, local)]
        if not any(a.country for a in actors) and match_noun(option[0], ctx.knowledge) is not None:
            # "eased sanctions on Venezuela's oil sector": a measure's own target
            actors = [
                a
                for p in option[0].children
                if p.dep_ == "prep" and p.lower_ in ("on", "against")
                for g in p.children
                if g.dep_ == "pobj"
                for a in ctx.actors.resolve_many(g, mentions, day, memory, local)
            ] or actors
        unowned = option[0].lemma_.lower() not in FOREIGN_POSTS and not any(
            c.dep_ == "poss" and c.pos_ == "PRON" for c in option[0].children
        )  # not "its embassy in Kyiv"
        if (
            unowned
            and actors
            and all(a.country == avoid and a.name is None and a.entity_id is None for a in actors)
        ):
            # "Washington condemned the conviction of 14 Hong Kong activists": people of no stated
            # nationality are of the place the phrase names, before the source's own country
            placed = _phrase_place(option[0], ctx, kinds=GEO_ENTITIES)
            if placed is not None and placed.country:
                actors = [
                    a.model_copy(update={"country": placed.country, "name": placed.name}) for a in actors
                ]
        if not unowned and avoid and all(a.country in (None, avoid) for a in actors):
            actors = _post_host(option[0], ctx) or actors
        pronoun = option[0].pos_ == "PRON"
        if avoid and pronoun and all(a.country == avoid for a in actors) and _self(option[0], actors, source):
            # "Pakistan ... accusing it of sheltering militants": an object pronoun is someone else
            other = next((a for a in reversed(memory.recent) if a.country and a.country != avoid), None)
            actors = [other.model_copy(update={"text": option[0].text})] if other is not None else actors
        if any(a.country and a.country != avoid for a in actors):
            return actors
        if any(a.country for a in actors):
            same = same or actors
        fallback = fallback or actors
    return same or fallback


def _own_thing(
    head: Token,
    source: Actor | None,
    mentions: dict[int, Mention],
    day: dt.date | None,
    memory: DocMemory,
    ctx: CodingContext,
) -> list[Token] | None:
    """For a thing the act's source owns ("Armenia froze its participation in the CSTO", "laid down
    their arms": the pronoun stands for the subject of its clause), the objects of its prepositions
    (what it concerns); None for any other phrase ("accused Pyongyang of the attack on its plant")."""
    owner = next((c for c in head.children if c.dep_ == "poss"), None)
    if owner is None or owner.lower_ not in PRONOUNS_GROUP or not ctx.actors.names_a_thing(head, mentions):
        return None
    verb = head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    subject = subjects_of(verb)[0]
    subjects = [subject] if subject is not None else inherited_subject(verb)
    owners = [ctx.actors.resolve_token(t, mentions, day, memory) for t in subjects[:1]]
    if source is None or not source.country or not any(a and a.country == source.country for a in owners):
        return None
    return [
        g
        for p in head.children
        if p.dep_ == "prep" and p.lower_ in OWN_THING_PREPS
        for g in p.children
        if g.dep_ == "pobj"
    ]


def _self(pronoun: Token, actors: list[Actor], source: Actor | None) -> bool:
    """Whether an object pronoun resolved to the act's own source, which it cannot be: "it" or "them"
    of the source's country ("Pakistan ... accusing it"), "him" as the source's own person ("Lula
    praised him"). "Police beat him" may be a compatriot: another person of the same country."""
    if pronoun.lower_ not in PRONOUNS_PERSON:
        return True
    own = source.entity_id if source is not None else None
    return own is not None and any(a.entity_id == own for a in actors)


def _complement_target(
    trigger: Trigger,
    source: Actor,
    mentions: dict[int, Mention],
    day: dt.date | None,
    memory: DocMemory,
    local: str | None,
    ctx: CodingContext,
) -> tuple[list[Actor], list[Actor]]:
    """The target of a speech act found in what it is about: "refused to extradite a Tajik
    activist" (TJK), "threatened a tariff on Brazilian imports" (BRA), "warned that Israel would
    face ..." (ISR). The complement's own target comes first, then its subject. People of no stated
    nationality ("threatened to arrest journalists") come apart, as the source's own: the act may
    still be aimed at another party ("rejected Bangkok's demand to pull troops back")."""
    head = trigger.token
    complements = [c for c in head.children if c.dep_ in ("xcomp", "ccomp", "acl", "relcl", "advcl")]
    # "warned in a statement that ...": the parser may hang what is said on the statement
    complements += [
        c
        for p in head.children
        if p.dep_ == "prep"
        for g in p.children
        if g.dep_ == "pobj" and g.lemma_.lower() in statement_nouns()
        for c in g.children
        if c.dep_ in ("acl", "ccomp") and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
    ]
    # "warned that Pyongyang would respond if Washington and Seoul went ahead": whom the condition names
    marks = ctx.knowledge.cues.conditional_marks
    complements += [
        g
        for c in complements
        for g in c.children
        if g.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in marks for m in g.children)
    ]
    domestic: list[Actor] = []
    for verb in complements:
        if verb.pos_ not in ("VERB", "AUX"):
            continue
        inner = clause_roles(verb, ctx.knowledge)
        options = [o for o in inner.target_options if all(t.i != head.i for t in o)]  # not the trigger itself
        found = _first_target(options, mentions, day, memory, local, ctx, avoid=source.country, source=source)
        actors = [a for a in found if a.country and a.country != source.country]
        if actors:
            return actors, []
        # "refused to withdraw the troops", "urged partners to send air defence systems": the
        # source's own forces or arms are no one acted upon
        patients = [a for a in found if a.sector != "MIL"]
        if patients and source.country and not domestic:
            home = {"country": source.country}
            domestic = [a if a.country else a.model_copy(update=home) for a in patients]
        subjects = [
            a
            for t in inner.sources
            if t.pos_ != "PRON"
            for a in ctx.actors.resolve_many(t, mentions, day, memory, local)
            if a.country and a.country != source.country
        ]
        if subjects:
            return subjects, []
        if not domestic and source.sector in CITIZEN_SECTORS and verb.dep_ in ("ccomp", "xcomp"):
            domestic = _own_rulers(inner.sources, source, mentions, day, memory, local, ctx)
    return [], domestic


def _own_rulers(
    subjects: list[Token],
    source: Actor,
    mentions: dict[int, Mention],
    day: dt.date | None,
    memory: DocMemory,
    local: str | None,
    ctx: CodingContext,
) -> list[Actor]:
    """The source's own state organs among the subjects of what a citizen or an opposition party
    asks or says: "students demanded that the government resign" (a government of no named
    country is the students' own)."""
    if not source.country:
        return []
    home = {"country": source.country}
    return [
        a if a.country else a.model_copy(update=home)
        for t in subjects
        if t.pos_ != "PRON"
        for a in ctx.actors.resolve_many(t, mentions, day, memory, local)
        if a.sector in STATE_SECTORS and a.country in (None, source.country)
    ]


def _doer_of_act(trigger: Trigger, source: Actor, history: list[Event], ctx: CodingContext) -> list[Actor]:
    """Who a reaction is aimed at when it names an act, not an actor: "Seoul condemned the test",
    "the EU criticised the expulsion" target whoever did that act, found among the document's
    events by the act's word (or by the kind of event the word names)."""
    head = trigger.light_verb or trigger.token
    # the act reacted to, not the trigger noun itself ("lodged a protest")
    acts = [c for c in head.children if c.dep_ == "dobj" and c.pos_ == "NOUN" and c.i != trigger.token.i]
    acts += [
        g
        for c in head.children
        if c.dep_ == "prep" and c.lower_ in ("about", "over", "for")
        for g in c.children
        if g.dep_ == "pobj" and g.pos_ == "NOUN"
    ]
    for act in acts:
        lemma = act.lemma_.lower()
        rule = match_noun(act, ctx.knowledge)
        for event in reversed(history[-40:]):
            same_word = event.trigger.lower() in (act.lower_, lemma) or event.trigger.lower().startswith(
                lemma
            )
            same_kind = rule is not None and event.event_type == rule.event_type
            doer = event.source
            if (same_word or same_kind) and doer.country and doer.country != source.country:
                return [doer.model_copy()]
    return []


def _answered(source: Actor, history: list[Event]) -> list[Actor]:
    """A rejection or reply with no named target ("Ankara rejected the accusations") answers the
    latest earlier event in the document that was aimed at the same country."""
    if not source.country:
        return []
    for event in reversed(history[-30:]):
        if (
            event.target is not None
            and event.target.country == source.country
            and event.source.country not in (None, source.country)
            and event.quad_class.startswith("verbal")
        ):
            return [event.source.model_copy()]
    return []


def _default_target(
    trigger: Trigger,
    info: TypeInfo,
    place: Place | None,
    source: Actor,
    mentions: dict[int, Mention],
    day: dt.date | None,
    memory: DocMemory,
    ctx: CodingContext,
) -> list[Actor]:
    """The target when the text names none: for a speech act told as a noun ("despite demands from
    Tokyo, Beijing kept ..."), the subject of the clause it sits in; for attacks and seizures the
    country where they happened; for protests the protesters' own government (per plover.yaml)."""
    if trigger.is_noun and info.quad_class.startswith("verbal") and trigger.light_verb is None:
        verb = trigger.token.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        if verb.lemma_.lower() not in ctx.knowledge.cues.reporting_verbs:
            # "..., brushing off criticism from Washington": a participle's subject is its clause's
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            subject = subject if subject is not None else next(iter(inherited_subject(verb)), None)
            if subject is not None and trigger.token in list(subject.subtree):
                subject = None  # "official visits have become rarer": the noun's own phrase
            actor = ctx.actors.resolve_token(subject, mentions, day, memory) if subject is not None else None
            if actor is not None and actor.country and not _same_party(actor, source):
                # "Iranian authorities suspended the law after criticism from the president": a
                # compatriot may be the one criticised
                return [actor]
    if info.default_target == "place" and place is not None and place.country:
        name = ctx.actors.lexicon.country_names.get(place.country)
        return [Actor(text=place.text, name=name, country=place.country)]
    if info.default_target == "source" and source.country:
        return [Actor(text=source.country, name=source.name, country=source.country, sector="GOV")]
    return []


def _counterpart(
    trigger: Trigger,
    sent: Span,
    source: Actor,
    mentions: dict[int, Mention],
    day: dt.date | None,
    memory: DocMemory,
    ctx: CodingContext,
    co_doers: frozenset[int] = frozenset(),
) -> list[Actor]:
    """The other party of an act whose target the text leaves implicit ("Beijing rejected the
    account", "Hameed warned that ..."): the other country named nearest the trigger in its sentence,
    else the latest other country of the document. Those doing the act with the source are none."""
    if not source.country:
        return []
    seen: set[int] = set()
    nearest: tuple[int, Actor] | None = None
    others = _fellow_subjects(trigger) | co_doers
    for token in sent:
        mention = mentions.get(token.i)
        if mention is None or mention.start in seen:
            continue
        seen.add(mention.start)
        if not any(e.kind in COUNTERPART_KINDS for e in mention.entries):
            continue
        if token.i in others or _where_a_post_is(sent.doc[mention.end - 1]):
            continue
        actor = ctx.actors.resolve_token(sent.doc[mention.end - 1], mentions, day, memory)
        if actor is None or not actor.country or actor.country == source.country:
            continue
        distance = abs(token.i - trigger.token.i)
        if nearest is None or distance < nearest[0]:
            nearest = (distance, actor)
    if nearest is not None:
        return [nearest[1]]
    latest = next((a for a in reversed(memory.recent) if a.country and a.country != source.country), None)
    return [latest.model_copy()] if latest is not None else []


def _co_doers(scene: Scene) -> frozenset[int]:
    """Tokens of the actors coordinated in the source ("Spain and Qatar", "Spanish and Qatari
    aircraft"): they do the act together, none of them is its target."""
    heads = [c for s in scene.roles.sources for c in (s, *s.conjuncts)]
    named = [m for h in heads for m in h.children if m.dep_ in ("amod", "compound")]
    return frozenset(t.i for t in (*heads, *named, *(c for m in named for c in m.conjuncts)))


def _fellow_subjects(trigger: Trigger) -> set[int]:
    """Tokens of the subjects of the clauses coordinated with the trigger's ("Seoul condemned the
    test, and Tokyo lodged a protest"): another actor doing the same, not the one acted upon."""
    verb = trigger.light_verb or trigger.token
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    clauses = [verb, *(c for c in verb.subtree if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX"))]
    return {
        t.i
        for clause in clauses
        if clause.i != (trigger.light_verb or trigger.token).i
        for s in clause.children
        if s.dep_ in ("nsubj", "nsubjpass")
        for t in s.subtree
    }


def _post_host(head: Token, ctx: CodingContext) -> list[Actor]:
    """The country a source's own post abroad stands in, which the act on the post concerns:
    "closed its embassy in Minsk", "reopened its consulate in Aleppo" (Belarus, Syria)."""
    if head.lemma_.lower() not in FOREIGN_POSTS:
        return []
    host = _phrase_place(head, ctx, kinds=GEO_ENTITIES)
    return [host] if host is not None and host.country else []


def _where_a_post_is(token: Token) -> bool:
    """ "its embassy in Beijing": Beijing says where the post stands, it is no party; nor does the
    "Chinese" of "the Chinese city of Kunming" (a place named by its country)."""
    head = token.head
    if token.dep_ in ("amod", "compound") and any(
        p.dep_ == "prep" and p.lower_ == "of" and any(g.ent_type_ in ("GPE", "LOC") for g in p.children)
        for p in head.children
    ):
        return True
    return token.dep_ == "pobj" and head.lower_ in ("in", "at") and head.head.lemma_.lower() in FOREIGN_POSTS


def _patient_fallback(options: list[list[Token]], source: Actor, ctx: CodingContext) -> list[Actor]:
    """A target that names no actor directly: a place ("raided the Jenin refugee camp") stands for
    its country; people of no stated nationality ("detained hundreds of people", a person the
    lexicon does not know) are the source's."""
    for option in options:
        head = option[0]
        if head.ent_type_ in ("DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY"):
            continue
        placed = _phrase_place(head, ctx)
        if placed is not None:
            return [placed]
        sector = ctx.actors.sector_of(head)
        if sector is not None and source.country:
            return [Actor(text=_span_text(head), name=None, country=source.country, sector=sector)]
        if head.ent_type_ == "PERSON" and head.pos_ == "PROPN" and source.country:
            # "Tsiklauri was released by a Tbilisi court": a person of no stated nationality, too
            return [Actor(text=_span_text(head), name=None, country=source.country, sector="CVL")]
    return []


def _phrase_place(head: Token, ctx: CodingContext, kinds: frozenset[str] | None = None) -> Actor | None:
    """The country of a place a phrase names or is located in ("the Jenin refugee camp", "14 Hong
    Kong activists", "people in Kharkiv"), as the actor the phrase stands for."""
    located = [
        g
        for c in head.children
        if c.dep_ == "prep" and c.lower_ in ("in", "near", "outside")
        for g in c.children
        if g.dep_ == "pobj"
    ]
    for token in [*name_tokens(head), *located]:
        if kinds is not None and token.ent_type_ not in kinds:
            continue
        if is_place_name(token) and not agent_of_modifier(token, head):  # "a NATO-run scheme"
            place = gazetteer_place(token, ctx.gazetteer)
            if place is not None and place.country:
                name = ctx.actors.lexicon.country_names.get(place.country)
                return Actor(text=_span_text(head), name=name, country=place.country)
    return None


def _span_text(head: Token) -> str:
    tokens = name_tokens(head)
    return head.doc[tokens[0].i : tokens[-1].i + 1].text


def _same_party(a: Actor, b: Actor) -> bool:
    """Whether two actors are one party: of one country, unless they are two bodies of it (the
    president and the authorities); a state named as a whole ("Moscow") includes its officials."""
    if a.country != b.country:
        return False
    whole = any(x.entity_id is not None and x.entity_id.startswith("country:") for x in (a, b))
    same_entity = a.entity_id is not None and a.entity_id == b.entity_id
    return whole or same_entity or a.text.lower() == b.text.lower()


def _same_actor(a: Actor, b: Actor) -> bool:
    if a.entity_id is not None and a.entity_id == b.entity_id:
        return True
    return a.country == b.country and a.sector == b.sector and a.text.lower() == b.text.lower()
