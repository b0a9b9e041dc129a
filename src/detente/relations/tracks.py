"""Tracks of a relationship (diplomatic, legal-coercive, economic, military) from a versioned data file.

``data/relations/tracks.yaml`` maps a PLOVER type, mode and trigger/sentence words to a track; the
first matching rule wins (see the comments in that file for the rulings).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from detente.data_files import load_yaml
from detente.errors import KnowledgeError

TRACK_FILE = ("relations", "tracks.yaml")


@dataclass(frozen=True)
class TrackRule:
    """One row of the track table."""

    event_type: str
    modes: frozenset[str | None] | None
    words: re.Pattern[str] | None
    track: str

    def matches(self, event_type: str, mode: str | None, text: str) -> bool:
        """Whether an event with this type, mode and trigger+sentence text falls under the rule."""
        if event_type != self.event_type:
            return False
        if self.modes is not None and mode not in self.modes:
            return False
        return self.words is None or self.words.search(text) is not None


@dataclass(frozen=True)
class TrackTable:
    """The loaded track table: track names with labels and colours, rules, a fallback."""

    version: str
    labels: dict[str, str]
    colors: dict[str, str]
    rules: tuple[TrackRule, ...]
    fallback: str

    @property
    def tracks(self) -> tuple[str, ...]:
        """Track names in the data file's order."""
        return tuple(self.labels)

    def track(self, event_type: str, mode: str | None = None, text: str = "") -> str:
        """The track of an event given its type, mode and trigger/sentence text."""
        lowered = text.lower()
        for rule in self.rules:
            if rule.matches(event_type, mode, lowered):
                return rule.track
        return self.fallback


def _pattern(words: list[str]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(w.lower()) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"\b(?:{alternatives})")


@lru_cache(maxsize=1)
def load_tracks() -> TrackTable:
    """Load and check ``data/relations/tracks.yaml`` (once)."""
    raw = load_yaml(*TRACK_FILE)
    tracks = raw.get("tracks") or {}
    labels = {name: str(spec.get("label", name)) for name, spec in tracks.items()}
    colors = {name: str(spec.get("color", "#888888")) for name, spec in tracks.items()}
    problems: list[str] = []
    rules: list[TrackRule] = []
    for number, item in enumerate(raw.get("rules") or [], start=1):
        track = item.get("track")
        if track not in labels:
            problems.append(f"rule {number}: unknown track {track!r}")
            continue
        modes = item.get("modes")
        words = item.get("words")
        rules.append(
            TrackRule(
                event_type=str(item.get("type")),
                modes=frozenset(None if m in (None, "null") else str(m) for m in modes)
                if modes is not None
                else None,
                words=_pattern([str(w) for w in words]) if words else None,
                track=str(track),
            )
        )
    fallback = str(raw.get("fallback", ""))
    if fallback not in labels:
        problems.append(f"fallback {fallback!r} is not a track")
    if problems:
        raise KnowledgeError(f"data/{'/'.join(TRACK_FILE)}: " + "; ".join(problems))
    return TrackTable(str(raw.get("version", "")), labels, colors, tuple(rules), fallback)


def track_of(event_type: str, mode: str | None = None, text: str = "") -> str:
    """The track of one event (type, mode, and its trigger plus sentence as ``text``)."""
    return load_tracks().track(event_type, mode, text)
