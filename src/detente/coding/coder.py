"""Code one parsed document: triggers → roles → actors → modality → dates → places → events.

Every step is a plain function of the parsed sentence and the knowledge; nothing here does I/O.
The steps live in their modules (triggers.py, roles.py, modality.py, event_dates.py, places.py,
parties.py); this one runs them per trigger and builds the event records.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from detente.actors.resolver import (
    NON_STATE_SECTORS,
    DocMemory,
    Mention,
    name_tokens,
)
from detente.claims.attribution import statement_nouns
from detente.coding.dates import Anchor, ResolvedDate, find_anchor
from detente.coding.event_dates import TEMPORAL_MARKS, day_of, event_date, sentence_dates
from detente.coding.modality import read_modality
from detente.coding.parties import (
    conditions_fail,
    direct_targets,
    each_other,
    fallback_targets,
    find_sources,
    local_country,
    not_its_own_target,
    pairs,
    result_place,
    trigger_is_passive,
    unnamed_doer,
)
from detente.coding.places import find_place
from detente.coding.roles import (
    find_roles,
)
from detente.coding.scene import CodingContext, Scene
from detente.coding.triggers import Trigger, find_triggers, match_noun
from detente.models import Actor, Article, Event

FUTURE_MODALITIES = {"planned", "promised", "hypothetical"}


def code_parsed(article: Article, doc: Doc, ctx: CodingContext) -> list[Event]:
    """Events of ``article`` whose text has already been parsed into ``doc``."""
    mentions = ctx.actors.mentions(doc)
    memory = DocMemory()
    published = article.published
    text_id = hashlib.sha256(article.text.encode("utf-8")).hexdigest()[:16]
    events: list[Event] = []
    lemmas: dict[str, str] = {}  # event id -> trigger lemma, to find the events dates hang on
    pending: list[tuple[list[Event], Anchor]] = []
    for index, sent in enumerate(doc.sents):
        memory.sentence = index
        ctx.actors.learn_appositions(sent, mentions, published, memory)
        date_spans = sentence_dates(sent, ctx.dates)
        for trigger in find_triggers(sent, ctx.knowledge):
            coded = _code_trigger(
                trigger, sent, index, article, text_id, mentions, memory, date_spans, ctx, events
            )
            events.extend(coded)
            lemmas.update({e.event_id: trigger.token.lemma_.lower() for e in coded})
            anchor = find_anchor(trigger.light_verb or trigger.token)
            if coded and anchor is not None:
                pending.append((coded, anchor))
        _remember_sentence(sent, mentions, published, memory, ctx)
    return _resolve_anchors(events, lemmas, pending, ctx)


def _resolve_anchors(
    events: list[Event], lemmas: dict[str, str], pending: list[tuple[list[Event], Anchor]], ctx: CodingContext
) -> list[Event]:
    """Date events told relative to another ("the day before the summit") from that event's date:
    an event of the document whose trigger is the anchor's noun (or of the noun's type) and whose
    own date is a day the text gives."""
    if not pending:
        return events
    updated: dict[str, Event] = {}
    for coded, anchor in pending:
        noun_lemma = anchor.noun.lemma_.lower()
        noun_rule = match_noun(anchor.noun, ctx.knowledge)
        own = {e.event_id for e in coded}
        candidates = [
            e
            for e in events
            if e.event_id not in own
            and e.date_precision == "day"
            and e.date_text is not None
            and e.date
            and (
                lemmas.get(e.event_id) == noun_lemma
                or (noun_rule is not None and e.event_type == noun_rule.event_type)
            )
        ]
        if not candidates:
            continue
        sentence = coded[0].sentence_index
        base = min(candidates, key=lambda e: (abs(e.sentence_index - sentence), e.sentence_index > sentence))
        day = dt.date.fromisoformat(base.date) + dt.timedelta(days=anchor.days)  # type: ignore[arg-type]
        for event in coded:
            updated[event.event_id] = event.model_copy(
                update={"date": day.isoformat(), "date_precision": "day", "date_text": anchor.text}
            )
    return [updated.get(e.event_id, e) for e in events]


def _code_trigger(
    trigger: Trigger,
    sent: Span,
    index: int,
    article: Article,
    text_id: str,
    mentions: dict[int, Mention],
    memory: DocMemory,
    date_spans: list[Span],
    ctx: CodingContext,
    history: list[Event],
) -> list[Event]:
    """The events of one trigger: modality, date, place, then sources and targets, step by step."""
    rule = trigger.rule
    modality = read_modality(trigger, ctx.knowledge.cues)
    if modality.suppressed:
        return []
    published = article.published
    resolved_date = event_date(
        trigger,
        date_spans,
        published,
        ctx.dates,
        future=modality.modality in FUTURE_MODALITIES,
        response_nouns=ctx.knowledge.response_nouns,
    )
    if _repeat_mention(trigger, index, mentions, history, date_spans, ctx):
        return []
    resolved_date = resolved_date or _occasion_date(trigger, index, history)
    day = day_of(resolved_date, published)
    roles = find_roles(trigger, ctx.knowledge)
    named = {
        t.i for option in roles.target_options for tok in option for t in name_tokens(tok) if t.i in mentions
    }
    excluded = {t.i for tok in roles.sources for t in name_tokens(tok)} | named
    anchors = [trigger.token] + ([trigger.light_verb] if trigger.light_verb is not None else [])
    anchors += _occurrence_verb(trigger)
    if trigger.token.dep_ == "amod":
        anchors.append(trigger.token.head)  # "a visiting delegation in Baghdad"
    # organisations and people are actors, never places ("Hamas" is no "Hamm", "NATO" no "Nato")
    not_places = frozenset(
        t.i
        for t in sent
        if t.i in mentions and all(e.kind in ("org", "person") for e in mentions[t.i].entries)
    )
    place = find_place(
        anchors,
        excluded,
        ctx.gazetteer,
        destination=ctx.knowledge.types[rule.event_type].destination,
        visit=ctx.knowledge.types[rule.event_type].visit,
        not_places=not_places,
    )
    scene = Scene(
        trigger=trigger,
        sent=sent,
        roles=roles,
        info=ctx.knowledge.types[rule.event_type],
        place=place,
        local=local_country(place or result_place(trigger, ctx.gazetteer), sent, mentions),
        agentless=trigger_is_passive(trigger) or (trigger.is_noun and trigger.light_verb is None),
        mentions=mentions,
        day=day,
        memory=memory,
        ctx=ctx,
    )
    sources = find_sources(scene, modality.claimant)
    targets, reciprocal = direct_targets(scene, sources)
    if conditions_fail(scene, sources, targets):
        # this reading's conditions fail ("Moscow protested" is no street protest): try the next one
        if trigger.alternatives:
            alternative = replace(
                trigger, rule=trigger.alternatives[0], alternatives=trigger.alternatives[1:]
            )
            return _code_trigger(
                alternative, sent, index, article, text_id, mentions, memory, date_spans, ctx, history
            )
        return []
    sources, targets = unnamed_doer(scene, sources, targets)
    sources = not_its_own_target(scene, sources, targets)
    if not sources or not (any(s.country for s in sources) or any(t.country for t in targets)):
        return []
    if not targets and not reciprocal:
        targets = fallback_targets(scene, sources[0], history)
        reciprocal = each_other(scene, sources, targets)
    elif all(t.sector in NON_STATE_SECTORS and not t.country for t in targets) and not reciprocal:
        # "accused Eritrea of arming rebel groups": the party the act is aimed at, if the text names one
        targets = fallback_targets(scene, sources[0], history) or targets
    for actor in sources + targets:
        memory.remember(actor)
    if len(sources) == 1:  # "it", "its" do not take up one of several doers ("they signed")
        memory.remember_subject(sources[0])
    claimant = (
        ctx.actors.resolve_token(modality.claimant, mentions, day, memory)
        if modality.claimant is not None
        else None
    )
    token = trigger.token
    span = (token.idx, token.idx + len(token.text))
    out: list[Event] = []
    for source, target in pairs(sources, targets, reciprocal):
        memory.remember_pair(source, target)
        key = f"{text_id}|{ctx.code_version}|{span[0]}|{rule.event_type}|{source.country}|" + (
            f"{target.country if target else ''}"
        )
        out.append(
            Event(
                event_id=hashlib.sha256(key.encode()).hexdigest()[:16],
                doc_id=article.doc_id,
                sentence_index=index,
                sentence=sent.text,
                span=span,
                trigger=token.text,
                event_type=rule.event_type,
                mode=rule.mode,
                quad_class=scene.info.quad_class,
                intensity=scene.info.intensity,
                source=source,
                target=target,
                date=resolved_date.date if resolved_date else (published.isoformat() if published else None),
                date_precision=(resolved_date.precision if resolved_date else ("day" if published else None)),
                date_text=resolved_date.text if resolved_date else None,
                place=place,
                negated=modality.negated,
                modality=modality.modality,
                claimant=claimant,
                confidence=_confidence(trigger, source, target),
                sources=[article.doc_id],
                code_version=ctx.code_version,
            )
        )
    return out


def _repeat_mention(
    trigger: Trigger,
    index: int,
    mentions: dict[int, Mention],
    history: list[Event],
    date_spans: list[Span],
    ctx: CodingContext,
) -> bool:
    """Whether ``trigger`` is a definite event noun naming no actor of its own ("protests at the
    arrest", "the closures would remain in place") after an event of its type in an earlier sentence:
    the article tells that event again, it is no new one. A noun whose verb dates it ("the
    demonstrations began on Thursday evening") tells when the event happened: it is coded ("the
    closure will last until May" only says how long)."""
    token = trigger.token
    if not trigger.is_noun or trigger.light_verb is not None:
        return False
    if not any(c.dep_ == "det" and c.lower_ in ctx.knowledge.definite_determiners for c in token.children):
        return False
    if any(t.i in mentions for t in token.subtree if t.i != token.i):
        return False
    if token.dep_ in ("nsubj", "nsubjpass") and any(_dates(span, token.head) for span in date_spans):
        return False
    return any(e.event_type == trigger.rule.event_type and e.sentence_index < index for e in history)


def _occasion_date(trigger: Trigger, index: int, history: list[Event]) -> ResolvedDate | None:
    """The date of an act told as said on the occasion of the previous sentence ("... summoned the
    envoy on Monday. In the same statement, New Delhi accused Islamabad ..."): that occasion's."""
    same_occasion = any(
        t.lower_ == "same" and t.head.lemma_.lower() in statement_nouns() and t.head.dep_ == "pobj"
        for t in trigger.token.sent
    )
    if not same_occasion:
        return None
    before = [
        e for e in history if e.sentence_index == index - 1 and e.date and e.date_text and e.date_precision
    ]
    if not before:
        return None
    last = before[-1]
    return ResolvedDate(last.date, last.date_precision, last.date_text)  # type: ignore[arg-type]


def _dates(span: Span, verb: Token) -> bool:
    """Whether the date ``span`` tells when ``verb`` happened: it hangs on the verb, directly ("began
    Thursday") or by a preposition that is no "until/since" ("began on Thursday")."""
    root = span.root
    if root.head == verb:
        return True
    return root.head.dep_ == "prep" and root.head.head == verb and root.head.lower_ not in TEMPORAL_MARKS


def _occurrence_verb(trigger: Trigger) -> list[Token]:
    """The verb an event noun is the subject of, when it only says the event happened ("protests
    erupted in Batumi", "protests were reported in Batumi"): its place is the event's."""
    token, head = trigger.token, trigger.token.head
    if (
        trigger.is_noun
        and trigger.light_verb is None
        and token.dep_ in ("nsubj", "nsubjpass")
        and head.pos_ == "VERB"
        and not any(c.dep_ in ("dobj", "dative", "attr") for c in head.children)
    ):
        return [head]
    return []


def _confidence(trigger: Trigger, source: Actor, target: Actor | None) -> float:
    """A simple, documented score: verbs with both actors resolved by name score highest."""
    score = 0.9 if not trigger.is_noun else (0.8 if trigger.light_verb is not None else 0.65)
    if target is None:
        score -= 0.15
    if source.entity_id is None:
        score -= 0.1
    return round(max(score, 0.05), 2)


def _remember_sentence(
    sent: Span, mentions: dict[int, Mention], day: dt.date | None, memory: DocMemory, ctx: CodingContext
) -> None:
    """Add the sentence's named actors (persons, countries, organisations) to the document memory."""
    seen: set[int] = set()
    for token in sent:
        mention = mentions.get(token.i)
        if mention is None or id(mention) in seen:
            continue
        seen.add(id(mention))
        if all(e.kind == "sector" for e in mention.entries):
            continue
        actor = ctx.actors.combine([mention], sent.doc[mention.start : mention.end].text, day, None)
        if actor is not None:
            memory.remember(actor)
