"""Response models of the REST API (pydantic): what each ``/api`` endpoint returns."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, Field

from detente.models import Event


class ErrorBody(BaseModel):
    """Every error: one message naming the bad parameter or input (more in ``errors`` if several)."""

    error: str
    errors: list[str] | None = None


class Page(BaseModel):
    """Paging fields shared by every list."""

    total: int = Field(description="Rows matching the filters, all pages together.")
    limit: int
    offset: int


class ArticleSummary(BaseModel):
    """An article without its text."""

    doc_id: str
    title: str | None
    published: dt.date | None
    source: str | None = Field(description="The outlet.")
    url: str | None
    language: str | None
    n_events: int


class ArticlePage(Page):
    """A page of articles, newest first."""

    items: list[ArticleSummary]


class ArticleDetail(ArticleSummary):
    """An article with its text and events."""

    text: str
    code_version: str
    events: list[Event]


class EventPage(Page):
    """A page of coded events (the spec's event records), in date order."""

    items: list[Event]


class ReportingSource(BaseModel):
    """One mention merged into an event: which article reported it, where and when."""

    event_id: str
    doc_id: str
    outlet: str | None
    title: str | None
    published: dt.date | None
    url: str | None
    sentence: str


class EventDetail(BaseModel):
    """One event with its merged event's other reports."""

    event: Event
    cluster_id: str | None
    track: str | None
    article_title: str | None
    outlet: str | None
    published: dt.date | None
    url: str | None
    sources: list[ReportingSource]


class DyadRank(BaseModel):
    """A pair in the ranking: merged events, recent activity and facade gap."""

    a: str
    b: str
    events: int = Field(description="Merged events (negated and not-yet-happened acts left out).")
    reports: int = Field(description="Article reports behind those events.")
    last_date: dt.date | None
    recent: int = Field(description="Merged events in the 90 days up to the store's latest event.")
    facade_max: float = Field(description="Largest monthly facade score (min of words and deeds).")
    facade_months: int = Field(description="Months whose facade score reaches the threshold.")


class DyadPage(Page):
    """The ranking of pairs, most active recently first, then by facade gap."""

    items: list[DyadRank]


class SeriesResponse(BaseModel):
    """A dyad's series per period, facade gap and turning points (``detente dyad --format json``)."""

    dyad: list[str]
    directed: bool
    freq: str
    modalities: list[str]
    tracks: list[str]
    series: list[dict[str, Any]]
    facade: list[dict[str, Any]]
    turning_points: list[dict[str, Any]]


class TimelineItem(BaseModel):
    """One merged event of a dyad, with the mention that represents it."""

    cluster_id: str
    event_id: str = Field(description="The representative mention: open /api/events/{event_id}.")
    date: str | None
    date_start: dt.date | None
    date_end: dt.date | None
    event_type: str
    mode: str | None
    track: str
    quad_class: str
    intensity: float
    source: str | None
    target: str | None
    source_name: str | None
    target_name: str | None
    claimant: str | None
    modality: str
    place: str | None
    sentence: str
    n_sources: int
    sources: list[str]


class TimelinePage(Page):
    """A page of a dyad's merged events in date order."""

    items: list[TimelineItem]


class ContestedClaim(BaseModel):
    """One side's claim in a contested incident."""

    claimant: str
    polarity: str
    perpetrator: str
    doc_id: str
    event_id: str
    sentence: str
    in_events: bool = Field(description="Whether event_id is a stored event (cause claims are not).")


class ContestedIncidentOut(BaseModel):
    """An incident whose claimants disagree on who did it, or whether it happened."""

    date: str | None
    place: str | None
    target: str | None
    description: str
    claims: list[ContestedClaim]


class ContestedPage(Page):
    """Contested incidents."""

    items: list[ContestedIncidentOut]
    claims_built: bool = Field(description="False when the store has no claims table yet.")


class ActorOut(BaseModel):
    """A stored actor."""

    actor_key: str
    entity_id: str | None
    name: str | None
    country: str | None
    sector: str | None
    example: str


class ActorPage(Page):
    """A page of actors."""

    items: list[ActorOut]


class IngestResult(BaseModel):
    """What a POST added: idempotent, so posting the same text again adds nothing."""

    articles_added: int
    duplicates: int
    events_added: int
    conflicts: list[str]
    doc_ids: list[str]
