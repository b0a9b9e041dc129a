"""Claimant helpers for the coder's modality step: statements carried across sentences, and
unnamed sources typed by what the text says about them.

Everything here is a pure function of the parsed document (no state is kept between documents):

* :func:`quoted_speaker` — a quoted sentence with no reporting verb of its own belongs to the
  speaker who introduced the quotation ("The ministry said in a statement: ...", then quoted
  sentences), up to :data:`MAX_CARRY` sentences back.
* :func:`refine_claimant` — "a source" with no nationality is typed by the outlet it spoke to ("a
  source told the Russian state news agency" → the agency's country) or by the institution it sits
  in ("a source at the Foreign Ministry"); "the source" refers back to the last qualified mention
  of a source in the document.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Span, Token

from detente.coding.knowledge import ModalityCues
from detente.data_files import load_yaml

MAX_CARRY = 4
QUOTES = "\"“”«»„'‘’"
NAMED_ENTS = ("NORP", "GPE", "ORG")


@lru_cache(maxsize=1)
def _extra_cues() -> dict[str, frozenset[str]]:
    data = load_yaml("coding", "modality.yaml")
    return {
        key: frozenset(str(w) for w in data.get(key) or [])
        for key in (
            "statement_nouns",
            "anonymous_claimants",
            "claimant_preps",
            "disputed_content_nouns",
            "dismissal_verbs",
        )
    }


def statement_nouns() -> frozenset[str]:
    """Nouns a report is made in ("said in a statement that ...")."""
    return _extra_cues()["statement_nouns"]


def disputes_content(noun: Token, verb: Token) -> bool:
    """Whether ``verb`` dismisses what ``noun`` (its object) says: "rejected claims that ...",
    "dismissed reports that ...". The content clause is then a denied claim of the verb's subject."""
    cues = _extra_cues()
    return (
        noun.dep_ == "dobj"
        and noun.head.i == verb.i
        and noun.lemma_.lower() in cues["disputed_content_nouns"]
        and verb.lemma_.lower() in cues["dismissal_verbs"]
    )


def _speaker(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "nsubj":
            return child
        if child.dep_ == "agent":
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    return None


def _named(token: Token) -> bool:
    """Whether a phrase names a nationality or an institution (a NORP/GPE/ORG entity in it)."""
    return any(t.ent_type_ in NAMED_ENTS for t in token.subtree)


def _qualified(token: Token) -> bool:
    """Whether an unnamed claimant's own words say whose it is ("a Russian military source")."""
    return (
        any(c.dep_ in ("amod", "compound", "poss", "nmod") and _named(c) for c in token.children)
        or token.ent_type_ in NAMED_ENTS
    )


def _institution(token: Token) -> Token | None:
    """ "a source at the Foreign Ministry", "officials in Kyiv": the place or body it belongs to."""
    preps = _extra_cues()["claimant_preps"]
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            for grand in child.subtree:
                if grand.dep_ == "pobj" and grand.head.i == child.i and _named(grand):
                    return grand
    return None


def _outlet(verb: Token) -> Token | None:
    """The named outlet or audience a source spoke to: "told the Russian state news agency"."""
    for child in verb.children:
        if child.dep_ in ("dobj", "dative") and _named(child):
            return child
        if child.dep_ == "prep" and child.lower_ == "to":
            pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if pobj is not None and _named(pobj):
                return pobj
    return None


def refine_claimant(token: Token) -> Token:
    """The token that best says who an unnamed claimant is (the claimant itself when it is named)."""
    if token.lemma_.lower() not in _extra_cues()["anonymous_claimants"] or _qualified(token):
        return token
    place = _institution(token)
    if place is not None:
        return place
    definite = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in token.children)
    if definite:
        earlier = _earlier_mention(token)
        if earlier is not None:
            return earlier
    if token.dep_ in ("nsubj", "pobj"):
        verb = token.head if token.dep_ == "nsubj" else token.head.head
        outlet = _outlet(verb)
        if outlet is not None:
            return outlet
    return token


def _earlier_mention(token: Token) -> Token | None:
    """The last earlier mention of the same kind of claimant that says whose it is."""
    lemma = token.lemma_.lower()
    for previous in reversed(token.doc[: token.i]):
        if previous.lemma_.lower() != lemma or previous.pos_ != "NOUN":
            continue
        refined = refine_claimant(previous)
        if refined.i != previous.i or _qualified(previous):
            return refined
    return None


def _is_quoted(sent: Span) -> bool:
    text = sent.text.strip()
    return bool(text) and text[0] in QUOTES


def _reported_speaker(sent: Span, cues: ModalityCues) -> Token | None:
    """The speaker of a reporting verb in ``sent`` ("the ministry said"), or of a verb whose object
    is a statement ("the ministry issued a statement")."""
    for token in sent:
        if token.pos_ != "VERB":
            continue
        reports = token.lemma_.lower() in cues.reporting_verbs or any(
            c.dep_ == "dobj" and c.lemma_.lower() in statement_nouns() for c in token.children
        )
        if reports:
            speaker = _speaker(token)
            if speaker is not None:
                return speaker
    return None


def quoted_speaker(sent: Span, cues: ModalityCues) -> Token | None:
    """The speaker a sentence is quoted from when it carries no attribution of its own: the
    introducer of a statement ending in a colon or opening a quotation, within a run of quoted
    sentences."""
    if _reported_speaker(sent, cues) is not None:
        return None
    follows_colon = False
    previous = [s for s in sent.doc.sents if s.end <= sent.start][-MAX_CARRY:]
    if not _is_quoted(sent):
        if not previous or not previous[-1].text.rstrip().endswith(":"):
            return None
        follows_colon = True
    for earlier in reversed(previous):
        speaker = _reported_speaker(earlier, cues)
        stripped = earlier.text.rstrip()
        introduces = (
            stripped.endswith(":")
            or any(q in stripped for q in QUOTES)
            or follows_colon
            or any(t.lemma_.lower() in statement_nouns() for t in earlier)
        )
        if speaker is not None and introduces:
            return speaker
        if speaker is not None or not _is_quoted(earlier):
            return None
    return None
