"""What the coding steps share: the coder's context (knowledge, resolvers, version) and the scene of
one trigger (its sentence, roles, place and the document's memory)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from spacy.tokens import Span

from detente.actors.resolver import ActorResolver, DocMemory, Mention
from detente.coding.dates import DateResolver
from detente.coding.knowledge import Knowledge, TypeInfo
from detente.coding.roles import Roles
from detente.coding.triggers import Trigger
from detente.geo import Gazetteer
from detente.models import Place


@dataclass
class CodingContext:
    """What the coder needs besides the document: knowledge, resolvers, version."""

    knowledge: Knowledge
    actors: ActorResolver
    dates: DateResolver
    gazetteer: Gazetteer
    code_version: str


@dataclass
class Scene:
    """What the coding steps of one trigger share: its sentence, roles, place and context."""

    trigger: Trigger
    sent: Span
    roles: Roles
    info: TypeInfo
    place: Place | None
    local: str | None  # the country the sentence points to (see parties.local_country)
    agentless: bool  # a passive, or an event noun without a light verb
    mentions: dict[int, Mention]
    day: dt.date | None
    memory: DocMemory
    ctx: CodingContext

    @property
    def located(self) -> bool:
        """Whether the act has a place in a known country."""
        return self.place is not None and self.place.country is not None
