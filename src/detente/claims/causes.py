"""Claims about the *cause* of a death or of damage: "investigators said he died of heart failure"
against "Baku said the men were beaten to death".

Such a dispute may have no perpetrator on one side, so the coder emits no event for it. This module
reads the stored sentences that name a cause (cue lists ``natural_causes`` and ``violent_causes`` in
``coding/modality.yaml``), keeps the causes a reporting verb attributes to a speaker, and turns them
into claims: a natural cause is a claim that the harm was no attack (polarity ``deny``, no
perpetrator); a violent cause is an affirmation (perpetrator unknown unless an event says it). The
claims carry a synthetic event (type ASSAULT, never stored in ``events``) so that
:mod:`detente.claims.contested` can group them with the coder's events by date and evidence.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

from spacy.tokens import Token

from detente.claims.records import Claim, side_of
from detente.data_files import load_yaml
from detente.models import Actor, Event

Cause = Literal["natural", "violent"]
# clause dependents that attach a content clause to a noun ("the Russian version that he died of ...":
# the version is someone else's, whoever reports it)
NOUN_CLAUSE_DEPS = frozenset({"acl", "ccomp", "relcl"})


@lru_cache(maxsize=1)
def _cues() -> dict[Cause, tuple[str, ...]]:
    data = load_yaml("coding", "modality.yaml")
    return {
        "natural": tuple(str(c).lower() for c in data.get("natural_causes") or []),
        "violent": tuple(str(c).lower() for c in data.get("violent_causes") or []),
    }


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    cues = _cues()
    words = sorted((re.escape(c) for c in cues["natural"] + cues["violent"]), key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(words) + r")\b", re.IGNORECASE)


def mentions_cause(sentence: str) -> bool:
    """Cheap first pass: whether a sentence names a cause at all."""
    return _pattern().search(sentence) is not None


@dataclass(frozen=True)
class CauseClaim:
    """A speaker's cause of a harm, found in one sentence."""

    speaker: Token
    cause: Cause
    words: str


def _kind(token: Token) -> tuple[Cause, str] | None:
    """The cause a cue starting at ``token`` names (multi-word cues must match in full)."""
    following = token.doc[token.i : min(token.i + 4, len(token.doc))].text.lower()
    cues = _cues()
    for kind in ("natural", "violent"):
        cause: Cause = "natural" if kind == "natural" else "violent"
        for cue in cues[cause]:
            first = cue.split()[0]
            starts = token.lower_ == first or token.lemma_.lower() == first
            if starts and (" " not in cue or following.startswith(cue)):
                return cause, cue
    return None


def _speaker(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "nsubj":
            return child
    return None


def _attributed(token: Token, reporting: frozenset[str]) -> Token | None:
    """The speaker of the reporting verb whose report holds the cue, unless the cue sits in a
    content clause of a noun on the way up."""
    child = token
    for head in token.ancestors:
        if head.pos_ == "VERB" and head.lemma_.lower() in reporting:
            return _speaker(head) if child.dep_ not in ("nsubj", "nsubjpass") else None
        if child.dep_ in NOUN_CLAUSE_DEPS and head.pos_ in ("NOUN", "PROPN"):
            return None
        child = head
    return None


def find_causes(sent: Any, reporting: frozenset[str]) -> list[CauseClaim]:
    """The attributed causes of one parsed sentence, one per speaker and kind."""
    out: list[CauseClaim] = []
    seen: set[tuple[int, str]] = set()
    for token in sent:
        found = _kind(token)
        if found is None:
            continue
        speaker = _attributed(token, reporting)
        if speaker is None or speaker.pos_ == "PRON":
            continue
        kind, words = found
        if (speaker.i, kind) not in seen:
            seen.add((speaker.i, kind))
            out.append(CauseClaim(speaker, kind, words))
    return out


def cause_claims(
    rows: list[tuple[str, int, str, dt.date | None]], pipeline: Any
) -> tuple[list[Claim], dict[str, Event]]:
    """Cause claims of stored sentences ``(doc_id, sentence_index, text, published)``, with the
    synthetic events that carry their date and evidence for grouping."""
    reporting = pipeline.context.knowledge.cues.reporting_verbs | {"cite", "find", "indicate"}
    claims: list[Claim] = []
    events: dict[str, Event] = {}
    todo = [r for r in rows if mentions_cause(r[2])]
    for (doc_id, index, text, published), doc in zip(
        todo, pipeline.nlp.pipe(r[2] for r in todo), strict=True
    ):
        for found in find_causes(doc[:], reporting):
            phrase = doc[found.speaker.left_edge.i : found.speaker.i + 1].text
            claimant = pipeline.resolve(phrase, published)
            if claimant is None or not claimant.country:
                continue
            key = f"{doc_id}|{index}|{found.speaker.i}|{found.cause}"
            event_id = "cause-" + hashlib.sha256(key.encode()).hexdigest()[:12]
            event = Event(
                event_id=event_id,
                doc_id=doc_id,
                sentence_index=index,
                sentence=text,
                span=(0, 0),
                trigger=found.words,
                event_type="ASSAULT",
                quad_class="material_conflict",
                intensity=-9.0,
                source=Actor(text=f"({found.cause} cause: {found.words})"),
                date=published.isoformat() if published else None,
                date_precision="day" if published else None,
                negated=found.cause == "natural",
                modality="claimed",
                claimant=claimant,
            )
            events[event_id] = event
            claims.append(
                Claim(
                    claim_id=hashlib.sha256(f"{event_id}|claim".encode()).hexdigest()[:16],
                    doc_id=doc_id,
                    event_id=event_id,
                    claimant=claimant,
                    polarity="deny" if found.cause == "natural" else "affirm",
                    modality="claimed",
                    proposition=f"cause of the harm: {found.words} ({found.cause})",
                    perpetrator=None,
                    claimant_side=side_of(claimant),
                    perpetrator_side=None,
                    sentence_index=index,
                    sentence=text,
                )
            )
    return claims, events
