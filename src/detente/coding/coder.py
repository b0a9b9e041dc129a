"""Code one parsed document: triggers → roles → actors → modality → dates → places → events.

Every step is a plain function of the parsed sentence and the knowledge; nothing here does I/O.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from detente.actors.resolver import ActorResolver, DocMemory, Mention, name_tokens
from detente.coding.dates import DateResolver, ResolvedDate
from detente.coding.knowledge import Knowledge, NounRule, VerbRule
from detente.coding.modality import read_modality
from detente.coding.places import find_place
from detente.coding.roles import find_roles
from detente.coding.triggers import Trigger, find_triggers
from detente.geo import Gazetteer
from detente.models import Actor, Article, Event

FUTURE_MODALITIES = {"planned", "promised", "hypothetical"}


@dataclass
class CodingContext:
    """What the coder needs besides the document: knowledge, resolvers, version."""

    knowledge: Knowledge
    actors: ActorResolver
    dates: DateResolver
    gazetteer: Gazetteer
    code_version: str


def code_parsed(article: Article, doc: Doc, ctx: CodingContext) -> list[Event]:
    """Events of ``article`` whose text has already been parsed into ``doc``."""
    mentions = ctx.actors.mentions(doc)
    memory = DocMemory()
    published = article.published
    text_id = hashlib.sha256(article.text.encode("utf-8")).hexdigest()[:16]
    events: list[Event] = []
    for index, sent in enumerate(doc.sents):
        ctx.actors.learn_appositions(sent, mentions, published, memory)
        date_spans = [e for e in sent.ents if e.label_ in ("DATE", "TIME")]
        for trigger in find_triggers(sent, ctx.knowledge):
            events.extend(
                _code_trigger(trigger, sent, index, article, text_id, mentions, memory, date_spans, ctx)
            )
        _remember_sentence(sent, mentions, published, memory, ctx)
    return events


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
) -> list[Event]:
    rule = trigger.rule
    modality = read_modality(trigger, ctx.knowledge.cues)
    if modality.suppressed:
        return []
    future = modality.modality in FUTURE_MODALITIES
    published = article.published
    resolved_date = _event_date(trigger, date_spans, published, ctx.dates, future=future)
    day = _as_day(resolved_date, published)
    roles = find_roles(trigger, ctx.knowledge)
    sources = [a for a in (ctx.actors.resolve_token(t, mentions, day, memory) for t in roles.sources) if a]
    targets = [a for a in (ctx.actors.resolve_token(t, mentions, day, memory) for t in roles.targets) if a]
    if isinstance(rule, VerbRule):
        if rule.object_actor and not targets:
            return []
        if rule.subject_sectors is not None and not any(s.sector in rule.subject_sectors for s in sources):
            return []
    for actor in sources + targets:
        memory.remember(actor)
    for actor in sources:
        memory.remember_subject(actor)
    if not sources or not any(s.country for s in sources):
        return []
    claimant = (
        ctx.actors.resolve_token(modality.claimant, mentions, day, memory)
        if modality.claimant is not None
        else None
    )
    excluded = {t.i for tok in roles.sources + roles.targets for t in name_tokens(tok)}
    anchors = [trigger.token] + ([trigger.light_verb] if trigger.light_verb is not None else [])
    place = find_place(anchors, excluded, ctx.gazetteer)
    info = ctx.knowledge.types[rule.event_type]
    token = trigger.token
    span = (token.idx, token.idx + len(token.text))
    out: list[Event] = []
    for source in sources:
        candidates: list[Actor | None] = list(targets) or [None]
        for target in candidates:
            if target is not None and _same_actor(source, target):
                continue
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
                    quad_class=info.quad_class,
                    intensity=info.intensity,
                    source=source,
                    target=target,
                    date=resolved_date.date
                    if resolved_date
                    else (published.isoformat() if published else None),
                    date_precision=(
                        resolved_date.precision if resolved_date else ("day" if published else None)
                    ),
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


def _same_actor(a: Actor, b: Actor) -> bool:
    if a.entity_id is not None and a.entity_id == b.entity_id:
        return True
    return a.country == b.country and a.sector == b.sector and a.text.lower() == b.text.lower()


def _confidence(trigger: Trigger, source: Actor, target: Actor | None) -> float:
    """A simple, documented score: verbs with both actors resolved by name score highest."""
    score = 0.9 if not trigger.is_noun else (0.8 if trigger.light_verb is not None else 0.65)
    if target is None:
        score -= 0.15
    if source.entity_id is None:
        score -= 0.1
    return round(max(score, 0.05), 2)


def _event_date(
    trigger: Trigger, spans: list[Span], published: dt.date | None, dates: DateResolver, *, future: bool
) -> ResolvedDate | None:
    """The date span attached to the trigger's clause, else the sentence's only date."""
    if not spans:
        return None
    chain = _clause_chain(trigger)
    attached: list[Span] = []
    for span in spans:
        ancestors = {a.i for a in span.root.ancestors}
        if any(i in ancestors for i in chain):
            attached.append(span)
    if attached:
        # nearest attachment: the span whose root hangs closest to the trigger
        attached.sort(key=lambda s: min(abs(s.root.i - i) for i in chain[:1]))
        candidates = attached
    elif len(spans) == 1:
        candidates = spans
    else:
        return None
    for span in candidates:
        resolved = dates.resolve(span.text, published, future=future)
        if resolved is not None:
            return resolved
    return None


def _clause_chain(trigger: Trigger) -> list[int]:
    token = trigger.light_verb or trigger.token
    chain = [trigger.token.i, token.i]
    current = token
    while current.dep_ in ("conj", "xcomp", "advcl") and current.head.i != current.i:
        current = current.head
        chain.append(current.i)
    return chain


def _as_day(resolved: ResolvedDate | None, published: dt.date | None) -> dt.date | None:
    if resolved is None:
        return published
    text = resolved.date.split("/")[0]
    parts = text.split("-")
    try:
        return dt.date(
            int(parts[0]), int(parts[1]) if len(parts) > 1 else 6, int(parts[2]) if len(parts) > 2 else 15
        )
    except (ValueError, IndexError):
        return published


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


def noun_rule_of(trigger: Trigger) -> NounRule | None:
    """The noun rule of a nominal trigger (None for verbs)."""
    return trigger.rule if isinstance(trigger.rule, NounRule) else None


def token_text(token: Token) -> str:
    """The text of a token (helper for callers that only import this module)."""
    return token.text
