"""Typed records shared by every layer: articles in, events out.

The field names of :class:`Event`, :class:`Actor` and :class:`Place` follow the record format in
``shared/spec`` (``event.schema.json``); the project may add fields but never renames them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

EventType = Literal[
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
]
QuadClass = Literal["verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict"]
Modality = Literal["asserted", "claimed", "alleged", "planned", "promised", "requested", "hypothetical"]
DatePrecision = Literal["day", "month", "year", "range"]


def text_hash(text: str) -> str:
    """Stable id of an article's text: the first 16 hex digits of its SHA-256."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


class Article(BaseModel):
    """One input article. ``origin`` says where it came from (file, line) for error messages."""

    model_config = ConfigDict(frozen=True)

    text: str
    doc_id: str = ""
    title: str | None = None
    published: dt.date | None = None
    source: str | None = None
    url: str | None = None
    language: str | None = None
    origin: str | None = Field(default=None, exclude=True)

    def model_post_init(self, __context: object) -> None:
        if not self.doc_id:
            object.__setattr__(self, "doc_id", text_hash(self.text))


class Sentence(BaseModel):
    """A sentence of an article, with its character offsets in the article text."""

    index: int
    start: int
    end: int
    text: str


class Actor(BaseModel):
    """An actor as the spec defines it: mention text, canonical name, country or organisation, sector."""

    text: str
    name: str | None = None
    country: str | None = None
    sector: str | None = None
    entity_id: str | None = None


class Place(BaseModel):
    """Where an event happened, resolved against the gazetteer."""

    text: str
    name: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None


class Event(BaseModel):
    """One coded event, with its evidence. Serialises to the spec's event record."""

    record: Literal["event"] = "event"
    event_id: str
    doc_id: str
    sentence_index: int
    sentence: str
    span: tuple[int, int]
    trigger: str
    event_type: EventType
    mode: str | None = None
    quad_class: QuadClass
    intensity: float
    source: Actor
    target: Actor | None = None
    date: str | None = None
    date_precision: DatePrecision | None = None
    date_text: str | None = None
    place: Place | None = None
    negated: bool = False
    modality: Modality = "asserted"
    claimant: Actor | None = None
    confidence: float = Field(default=0.5, ge=0.0, le=1.0)
    sources: list[str] = Field(default_factory=list)
    code_version: str = ""

    def to_record(self) -> dict[str, object]:
        """The event as a plain dict in the spec's record format (JSON-ready)."""
        return self.model_dump(mode="json")
