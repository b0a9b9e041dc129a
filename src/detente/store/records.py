"""Conversions between :class:`~detente.models.Event` and flat database rows."""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Any

from detente.models import Actor, Event, Place

ACTOR_ROLES = ("source", "target", "claimant")
ACTOR_FIELDS = ("text", "name", "country", "sector", "entity")

EVENT_COLUMNS = (
    "event_id",
    "doc_id",
    "sentence_index",
    "sentence",
    "span_start",
    "span_end",
    "trigger",
    "event_type",
    "mode",
    "quad_class",
    "intensity",
    *[f"{role}_{f}" for role in ("source", "target") for f in ACTOR_FIELDS],
    "date",
    "date_start",
    "date_end",
    "date_precision",
    "date_text",
    "place_text",
    "place_name",
    "place_country",
    "place_lat",
    "place_lon",
    "negated",
    "modality",
    *[f"claimant_{f}" for f in ACTOR_FIELDS],
    "confidence",
    "sources",
    "code_version",
)


def date_bounds(date: str | None) -> tuple[dt.date | None, dt.date | None]:
    """First and last day an event date covers ("2025-10" → Oct 1 .. Oct 31)."""
    if not date:
        return None, None
    if "/" in date:
        first, last = date.split("/", 1)
        return date_bounds(first)[0], date_bounds(last)[1]
    parts = [int(p) for p in date.split("-")]
    if len(parts) == 3:
        day = dt.date(*parts)
        return day, day
    if len(parts) == 2:
        year, month = parts
        return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
    return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)


def event_to_row(event: Event) -> dict[str, Any]:
    """Flatten an event into the ``events`` table's columns."""
    start, end = date_bounds(event.date)
    row: dict[str, Any] = {
        "event_id": event.event_id,
        "doc_id": event.doc_id,
        "sentence_index": event.sentence_index,
        "sentence": event.sentence,
        "span_start": event.span[0],
        "span_end": event.span[1],
        "trigger": event.trigger,
        "event_type": event.event_type,
        "mode": event.mode,
        "quad_class": event.quad_class,
        "intensity": event.intensity,
        "date": event.date,
        "date_start": start,
        "date_end": end,
        "date_precision": event.date_precision,
        "date_text": event.date_text,
        "negated": event.negated,
        "modality": event.modality,
        "confidence": event.confidence,
        "sources": list(event.sources),
        "code_version": event.code_version,
    }
    for role in ACTOR_ROLES:
        actor: Actor | None = getattr(event, role)
        for name in ACTOR_FIELDS:
            attr = "entity_id" if name == "entity" else name
            row[f"{role}_{name}"] = getattr(actor, attr) if actor is not None else None
    place = event.place
    row.update(
        place_text=place.text if place else None,
        place_name=place.name if place else None,
        place_country=place.country if place else None,
        place_lat=place.lat if place else None,
        place_lon=place.lon if place else None,
    )
    return row


def actor_from_row(row: dict[str, Any], role: str) -> Actor | None:
    """The actor stored in a row's ``<role>_text``, ``<role>_name`` ... columns, or None."""
    if row.get(f"{role}_text") is None:
        return None
    return Actor(
        text=row[f"{role}_text"],
        name=row[f"{role}_name"],
        country=row[f"{role}_country"],
        sector=row[f"{role}_sector"],
        entity_id=row[f"{role}_entity"],
    )


def row_to_event(row: dict[str, Any]) -> Event:
    """Rebuild an :class:`Event` from a row of the ``events`` table."""

    place = None
    if row.get("place_text") is not None:
        place = Place(
            text=row["place_text"],
            name=row["place_name"],
            country=row["place_country"],
            lat=row["place_lat"],
            lon=row["place_lon"],
        )
    source = actor_from_row(row, "source")
    assert source is not None
    return Event(
        event_id=row["event_id"],
        doc_id=row["doc_id"],
        sentence_index=row["sentence_index"],
        sentence=row["sentence"],
        span=(row["span_start"], row["span_end"]),
        trigger=row["trigger"],
        event_type=row["event_type"],
        mode=row["mode"],
        quad_class=row["quad_class"],
        intensity=row["intensity"],
        source=source,
        target=actor_from_row(row, "target"),
        date=row["date"],
        date_precision=row["date_precision"],
        date_text=row["date_text"],
        place=place,
        negated=row["negated"],
        modality=row["modality"],
        claimant=actor_from_row(row, "claimant"),
        confidence=row["confidence"],
        sources=list(row["sources"] or []),
        code_version=row["code_version"],
    )
