"""Small helpers the coder tests share for reading coded events."""

from __future__ import annotations

from detente.models import Event

Pair = tuple[str | None, str | None]


def only(events: list[Event], event_type: str) -> Event:
    """The one event of ``event_type`` (the test fails if there are none or several)."""
    found = [e for e in events if e.event_type == event_type]
    assert len(found) == 1, events
    return found[0]


def pair(event: Event) -> Pair:
    """(source country, target country) of an event."""
    return event.source.country, event.target.country if event.target else None


def pairs(events: list[Event], event_type: str, *, negated: bool | None = None) -> set[Pair]:
    """The (source, target) country pairs of the events of ``event_type``; with ``negated``, only
    those events whose ``negated`` flag has that value."""
    return {
        pair(e) for e in events if e.event_type == event_type and (negated is None or e.negated == negated)
    }
