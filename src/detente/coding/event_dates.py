"""Which of a sentence's date expressions is an event's date: the span attached to the trigger's
clause (or to the clause it happened during), else the sentence's only date, never one of a clause
that happened at another time ("... after a missile damaged the embassy")."""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Span, Token

from detente.coding.dates import DateResolver, ResolvedDate
from detente.coding.triggers import Trigger

TEMPORAL_MARKS = {"after", "before", "since", "until", "till", "once"}
# an event noun after these happened when the clause it hangs on did ("agreed ... during talks")
SAME_TIME_PREPS = {"during", "at", "for", "amid", "on", "in"}


def sentence_dates(sent: Span, dates: DateResolver) -> list[Span]:
    """The sentence's date expressions: DATE/TIME spans and holidays tagged as events."""
    return [e for e in sent.ents if e.label_ in ("DATE", "TIME") or _holiday_date(e, dates)]


def _holiday_date(span: Span, dates: DateResolver) -> bool:
    """A holiday the model tagged as an EVENT is a date ("on New Year's Day"), unless it only names
    another thing ("the Victory Day parade")."""
    return span.label_ == "EVENT" and span[-1].dep_ != "compound" and dates.is_holiday(span.text)


def event_date(
    trigger: Trigger,
    spans: list[Span],
    published: dt.date | None,
    dates: DateResolver,
    *,
    future: bool,
    response_nouns: frozenset[str] = frozenset(),
) -> ResolvedDate | None:
    """The date span attached to the trigger's clause, else the sentence's only date."""
    if not spans:
        return None
    chain = _clause_chain(trigger) + _answering_noun(trigger, response_nouns)
    attached: list[Span] = []
    for span in spans:
        ancestors = {a.i for a in span.root.ancestors}
        if any(i in ancestors for i in chain):
            attached.append(span)
    if attached:
        # nearest attachment: the span whose root hangs closest to the trigger
        attached.sort(key=lambda s: min(abs(s.root.i - i) for i in chain[:1]))
        candidates = attached
    elif len(spans) == 1 and not _in_temporal_clause(trigger):
        candidates = spans
    else:
        return None
    # a day beats a time of day ("shortly after 7am on Friday": Friday)
    candidates = sorted(candidates, key=lambda s: s.label_ != "DATE")
    for span in candidates:
        resolved = dates.resolve(span.text, published, future=future)
        if resolved is not None:
            return resolved
    return None


def _answering_noun(trigger: Trigger, response_nouns: frozenset[str]) -> list[int]:
    """ "in response to similar expulsions by Tallinn last month": the parser hangs the answered act's
    date on the word of response; an event noun under one takes the dates attached to it."""
    token = trigger.token
    if not trigger.is_noun or token.dep_ != "pobj":
        return []
    word = token.head.head
    return [word.i] if word.lemma_.lower() in response_nouns else []


def _in_temporal_clause(trigger: Trigger) -> bool:
    """Whether the trigger sits in an "after/before/since ..." clause or phrase ("after the arrest")."""
    token = trigger.light_verb or trigger.token
    for ancestor in [token, *token.ancestors]:
        if _at_another_time(ancestor):
            return True
        if ancestor.dep_ == "prep" and ancestor.lower_ in TEMPORAL_MARKS:
            return True
    return False


def _clause_chain(trigger: Trigger) -> list[int]:
    """The trigger and the clauses whose date is its date: those it is coordinated with or
    subordinate to, and for an event noun the clause it happened during ("agreed on Wednesday during
    talks", "flew to Warsaw the next day for talks", "sat down for US-brokered negotiations")."""
    token = trigger.light_verb or trigger.token
    chain = [trigger.token.i, token.i]
    current = token
    while current.head.i != current.i:
        if current.dep_ in ("conj", "xcomp", "advcl"):
            if _at_another_time(current):
                break  # "... after a missile damaged the embassy": that happened at another time
            current = current.head
        elif current.dep_ == "pcomp":
            # "signed a ceasefire in November without consulting Eritrea": the clause's time; "hours
            # after meeting an envoy" is the same day, "weeks after meeting" is not
            prep = current.head
            if prep.dep_ != "prep" or (prep.lower_ in TEMPORAL_MARKS and not _hours_apart(prep)):
                break
            current = prep.head
        elif current.dep_ == "amod" and current.head.pos_ == "NOUN":
            current = current.head  # "US-brokered negotiations"
        elif (
            current.dep_ == "pobj"
            and current.head.lower_ in SAME_TIME_PREPS
            and current.head.head.pos_ == "VERB"
        ):
            current = current.head.head
        else:
            break
        chain.append(current.i)
    return chain


def _at_another_time(clause: Token) -> bool:
    """An "after/before/since ..." clause: it happened at another time than the one it hangs on."""
    return clause.dep_ == "advcl" and any(c.lower_ in TEMPORAL_MARKS for c in clause.children)


def _hours_apart(prep: Token) -> bool:
    """ "hours after", "minutes before": two acts on the same day."""
    return any(c.dep_ == "npadvmod" and c.lemma_.lower() in ("hour", "minute") for c in prep.children)


def day_of(resolved: ResolvedDate | None, published: dt.date | None) -> dt.date | None:
    """The day an event is counted on: its date's first day (mid-month, mid-year for coarser ones),
    or the publication day."""
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
