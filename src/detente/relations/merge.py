"""Cross-document merge: mentions of one event in several articles (or sentences) become one cluster.

Two coded mentions are the same event only when all of these hold (rules and thresholds in
``data/relations/merge.yaml``):

* same polarity (negated or not) and the same modality group (facts: asserted/claimed/alleged;
  future: planned/promised; requested; hypothetical);
* the same actor pair by country: directed, or unordered for symmetric acts (CONSULT, AGREE,
  COOPERATE); named persons or entities, where both sides name them, must not differ;
* the same PLOVER type, or a compatible pair of types, and no clash of modes;
* dates that overlap given their precision: a day-precision date stands for ``[d - 1, d + 1]``
  (``day_tolerance``), a month, year or range for the days it covers. Two detentions a week apart
  do not overlap and stay two events;
* places that agree when both are given (a country-wide place agrees with any place in it);
* counts that agree when both sentences give one ("nine nationals" is not "two nationals");
* similar evidence text (rapidfuzz ``token_set_ratio`` of the two sentences): the coarser the date
  match, the more similar the words must be;
* within one article, two different sentences are not one event when either announces a further act
  ("police also detained", "separately", "another raid": ``distinct_cues``).

Clustering is conservative: mentions are taken most precise first, and a mention joins a cluster
only when it matches *every* mention already in it (complete linkage), so a vague "in June" mention
cannot chain two distinct day-dated events together.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz
from rapidfuzz.utils import default_process

from detente.data_files import load_yaml
from detente.models import Event
from detente.store.records import date_bounds

MODALITY_GROUP = {
    "asserted": "fact",
    "claimed": "fact",
    "alleged": "fact",
    "planned": "future",
    "promised": "future",
    "requested": "requested",
    "hypothetical": "hypothetical",
}
PRECISION_RANK = {"day": 3, "range": 2, "month": 1, "year": 0}

_NUMBER_WORDS = {
    w: i
    for i, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
        ]
    )
}
_MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
]
_TOKEN = re.compile(r"[A-Za-z]+|\d+")


@dataclass(frozen=True)
class MergeRules:
    """The merge knowledge of ``data/relations/merge.yaml``."""

    version: str
    symmetric: frozenset[str]
    compatible_types: frozenset[frozenset[str]]
    compatible_modes: frozenset[frozenset[str]]
    day_tolerance: int
    thresholds: Mapping[str, float]
    distinct_cues: frozenset[str] = frozenset()

    def types_compatible(self, a: str, b: str) -> bool:
        """Same type, or a pair listed as compatible."""
        return a == b or frozenset((a, b)) in self.compatible_types

    def modes_compatible(self, a: str | None, b: str | None) -> bool:
        """Modes agree when either is unknown, they are equal, or the pair is listed."""
        return a is None or b is None or a == b or frozenset((a, b)) in self.compatible_modes


@lru_cache(maxsize=1)
def load_merge_rules() -> MergeRules:
    """Load ``data/relations/merge.yaml`` (once)."""
    raw = load_yaml("relations", "merge.yaml")
    return MergeRules(
        version=str(raw.get("version", "")),
        symmetric=frozenset(raw.get("symmetric") or []),
        compatible_types=frozenset(frozenset(p) for p in raw.get("compatible_types") or []),
        compatible_modes=frozenset(frozenset(p) for p in raw.get("compatible_modes") or []),
        day_tolerance=int(raw.get("day_tolerance", 1)),
        thresholds={str(k): float(v) for k, v in (raw.get("thresholds") or {}).items()},
        distinct_cues=frozenset(str(w).lower() for w in raw.get("distinct_cues") or []),
    )


@lru_cache(maxsize=1)
def _country_names() -> frozenset[str]:
    from detente.actors.lexicon import load_lexicon

    return frozenset(name.lower() for name in load_lexicon().country_names.values())


@dataclass(frozen=True)
class Mention:
    """What the merge looks at in one coded event (from an :class:`Event`, a row or a JSON record)."""

    event_id: str
    doc_id: str
    event_type: str
    source: str | None
    target: str | None
    sentence: str
    mode: str | None = None
    source_entity: str | None = None
    target_entity: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    precision: str | None = None
    place: str | None = None
    place_country: str | None = None
    negated: bool = False
    modality: str = "asserted"
    confidence: float = 0.5

    @property
    def place_is_country(self) -> bool:
        """Whether the place is a whole country (it then agrees with any place inside it)."""
        return self.place is not None and self.place.lower() in _country_names()

    @classmethod
    def from_event(cls, event: Event) -> Mention:
        """The mention of a coded :class:`Event`."""
        start, end = date_bounds(event.date)
        return cls(
            event_id=event.event_id,
            doc_id=event.doc_id,
            event_type=event.event_type,
            mode=event.mode,
            source=event.source.country,
            target=event.target.country if event.target else None,
            source_entity=event.source.entity_id,
            target_entity=event.target.entity_id if event.target else None,
            sentence=event.sentence,
            start=start,
            end=end,
            precision=event.date_precision,
            place=(event.place.name or event.place.text) if event.place else None,
            place_country=event.place.country if event.place else None,
            negated=event.negated,
            modality=event.modality,
            confidence=event.confidence,
        )

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> Mention:
        """The mention of a row of the ``events`` table."""
        return cls(
            event_id=str(row["event_id"]),
            doc_id=str(row["doc_id"]),
            event_type=str(row["event_type"]),
            mode=row.get("mode"),
            source=row.get("source_country"),
            target=row.get("target_country"),
            source_entity=row.get("source_entity"),
            target_entity=row.get("target_entity"),
            sentence=str(row.get("sentence") or ""),
            start=row.get("date_start"),
            end=row.get("date_end"),
            precision=row.get("date_precision"),
            place=row.get("place_name") or row.get("place_text"),
            place_country=row.get("place_country"),
            negated=bool(row.get("negated", False)),
            modality=str(row.get("modality") or "asserted"),
            confidence=float(row.get("confidence") or 0.5),
        )

    @classmethod
    def from_record(cls, record: Mapping[str, Any], event_id: str) -> Mention:
        """A mention from a small annotation record (``eval/merge/pairs.jsonl``)."""
        start, end = date_bounds(record.get("date"))
        return cls(
            event_id=event_id,
            doc_id=str(record.get("doc_id", event_id)),
            event_type=str(record["event_type"]),
            mode=record.get("mode"),
            source=record.get("source"),
            target=record.get("target"),
            source_entity=record.get("source_entity"),
            target_entity=record.get("target_entity"),
            sentence=str(record.get("sentence", "")),
            start=start,
            end=end,
            precision=record.get("date_precision"),
            place=record.get("place"),
            negated=bool(record.get("negated", False)),
            modality=str(record.get("modality", "asserted")),
        )


def _numbers(sentence: str) -> frozenset[int]:
    """Counts in a sentence ("nine nationals", "12 people"), leaving out years and days of months."""
    tokens = _TOKEN.findall(sentence.lower())
    found: set[int] = set()
    for i, tok in enumerate(tokens):
        near = tokens[max(0, i - 1) : i + 2]
        if tok.isdigit():
            value = int(tok)
            if len(tok) == 4 or any(t in _MONTHS for t in near):
                continue
            found.add(value)
        elif tok in _NUMBER_WORDS and tok != "one" and not any(t in _MONTHS for t in near):
            found.add(_NUMBER_WORDS[tok])
    return frozenset(found)


def _actors_agree(a: Mention, b: Mention, rules: MergeRules) -> bool:
    if (a.source, a.target) == (b.source, b.target):
        directed = True
    elif a.event_type in rules.symmetric and b.event_type in rules.symmetric:
        directed = False
        if (a.source, a.target) != (b.target, b.source):
            return False
    else:
        return False
    if directed:
        for x, y in ((a.source_entity, b.source_entity), (a.target_entity, b.target_entity)):
            if x is not None and y is not None and x != y:
                return False
        return True
    ea = {e for e in (a.source_entity, a.target_entity) if e}
    eb = {e for e in (b.source_entity, b.target_entity) if e}
    return not (ea and eb and not ea & eb)


def _places_agree(a: Mention, b: Mention) -> bool:
    if a.place is None or b.place is None or a.place.lower() == b.place.lower():
        return True
    if a.place_is_country or b.place_is_country:
        wide, narrow = (a, b) if a.place_is_country else (b, a)
        return narrow.place_country is None or wide.place_country in (None, narrow.place_country)
    return False


def _dates(a: Mention, b: Mention, tolerance: int) -> str | None:
    """'day' (both day-precise, within tolerance), 'coarse' (intervals overlap), 'undated', or None."""
    if a.start is None or b.start is None or a.end is None or b.end is None:
        return "undated"
    # the tolerance is applied once (to one side), so two days d and d + 2 do not meet at d + 1
    pad = dt.timedelta(days=tolerance if "day" in (a.precision, b.precision) else 0)
    if a.start - pad > b.end or b.start > a.end + pad:
        return None
    return "day" if a.precision == "day" and b.precision == "day" else "coarse"


def similarity(a: str, b: str) -> float:
    """Evidence similarity, 0–100: rapidfuzz ``token_set_ratio`` of the normalised sentences."""
    return float(fuzz.token_set_ratio(a, b, processor=default_process))


def match_score(a: Mention, b: Mention, rules: MergeRules | None = None) -> float | None:
    """How well two mentions match as one event (the text similarity), or None when they cannot."""
    rules = rules or load_merge_rules()
    if a.negated != b.negated or MODALITY_GROUP.get(a.modality) != MODALITY_GROUP.get(b.modality):
        return None
    if not rules.types_compatible(a.event_type, b.event_type):
        return None
    if not rules.modes_compatible(a.mode, b.mode):
        return None
    if not _actors_agree(a, b, rules) or not _places_agree(a, b):
        return None
    if a.doc_id == b.doc_id and a.sentence != b.sentence and rules.distinct_cues:
        words = set(_TOKEN.findall(a.sentence.lower())) | set(_TOKEN.findall(b.sentence.lower()))
        if words & rules.distinct_cues:
            return None
    when = _dates(a, b, rules.day_tolerance)
    if when is None:
        return None
    na, nb = _numbers(a.sentence), _numbers(b.sentence)
    if na and nb and not na & nb:
        return None
    score = similarity(a.sentence, b.sentence)
    th = rules.thresholds
    if when == "undated":
        needed = th["undated"]
    elif a.event_type != b.event_type:
        needed = th["other_type"]
    elif when == "day":
        needed = th["same_day"]
    elif a.place is not None and b.place is not None:
        needed = th["coarse_same_place"]
    else:
        needed = th["coarse"]
    return score if score >= needed else None


def same_event(a: Mention, b: Mention, rules: MergeRules | None = None) -> bool:
    """Whether two mentions are judged to report the same event."""
    return match_score(a, b, rules) is not None


def block_family(event_type: str, rules: MergeRules) -> str:
    """The type family of a block: compatible types share one (the smallest type name they reach)."""
    reach = {event_type}
    while True:  # every type linked to this one by a chain of compatible pairs
        wider = reach.union(*(g for g in rules.compatible_types if g & reach))
        if wider == reach:
            return min(reach)
        reach = wider


def block_key(m: Mention, rules: MergeRules) -> tuple[str, str, str]:
    """The block a mention is clustered in: its unordered country pair and type family.

    Only mentions of one block are compared; a mention never matches one of another block.
    """
    lo, hi = sorted(x or "" for x in (m.source, m.target))
    return (lo, hi, block_family(m.event_type, rules))


def date_components(mentions: Iterable[Mention], rules: MergeRules) -> list[list[Mention]]:
    """Mentions of one block split where no date can link them: two mentions of different parts can
    never be one event, so :func:`cluster_mentions` gives each part the clusters it gives the whole.

    Each mention stands for its days widened by ``day_tolerance`` on both sides (wider than any
    match allows); parts are the runs of overlapping stretches. An undated mention can match any
    date, so a block with one is a single part.
    """
    members = list(mentions)
    if any(m.start is None or m.end is None for m in members):
        return [members] if members else []
    pad = dt.timedelta(days=rules.day_tolerance)
    parts: list[list[Mention]] = []
    reach = dt.date.min
    for m in sorted(members, key=lambda m: (m.start or dt.date.min, m.event_id)):
        assert m.start is not None and m.end is not None
        if not parts or m.start - pad > reach:
            parts.append([m])
            reach = m.end + pad
        else:
            parts[-1].append(m)
            reach = max(reach, m.end + pad)
    return parts


def cluster_mentions(mentions: Iterable[Mention], rules: MergeRules | None = None) -> dict[str, str]:
    """Cluster mentions into events: ``event_id -> cluster_id`` (the smallest event id of the cluster).

    Pure and deterministic: the same mentions give the same clusters in any input order, and each
    block (:func:`block_key`) is clustered on its own, from the set of its mentions only.
    """
    rules = rules or load_merge_rules()
    blocks: dict[tuple[str, str, str], list[Mention]] = defaultdict(list)
    for m in {m.event_id: m for m in mentions}.values():
        blocks[block_key(m, rules)].append(m)
    out: dict[str, str] = {}
    for members in blocks.values():
        members.sort(
            key=lambda m: (
                -PRECISION_RANK.get(m.precision or "", -1),
                m.start or dt.date.max,
                m.event_id,
            )
        )
        clusters: list[list[Mention]] = []
        spans: list[tuple[dt.date, dt.date]] = []  # days a cluster's members cover, widened by the tolerance
        pad = dt.timedelta(days=rules.day_tolerance)
        for m in members:
            best: tuple[float, int] | None = None
            lo, hi = (m.start - pad, m.end + pad) if m.start and m.end else (dt.date.min, dt.date.max)
            for index, cluster in enumerate(clusters):
                if spans[index][0] > hi or spans[index][1] < lo:
                    continue  # no date overlap with some member: cannot match all of them
                scores = [match_score(m, other, rules) for other in cluster]
                if all(s is not None for s in scores):
                    mean = sum(s for s in scores if s is not None) / len(scores)
                    if best is None or mean > best[0]:
                        best = (mean, index)
            if best is None:
                clusters.append([m])
                spans.append((lo, hi))
            else:
                clusters[best[1]].append(m)
                spans[best[1]] = (max(spans[best[1]][0], lo), min(spans[best[1]][1], hi))
        for cluster in clusters:
            cid = min(m.event_id for m in cluster)
            for m in cluster:
                out[m.event_id] = cid
    return out


def cluster_events(events: Iterable[Event], rules: MergeRules | None = None) -> dict[str, str]:
    """:func:`cluster_mentions` over coded :class:`Event` objects."""
    return cluster_mentions((Mention.from_event(e) for e in events), rules)


# -- evaluation on annotated pairs -------------------------------------------------------------------


@dataclass(frozen=True)
class MergeScores:
    """Pairwise merge accuracy: a pair predicted "same" when both mentions end in one cluster."""

    pairs: int
    tp: int
    fp: int
    fn: int
    tn: int

    @property
    def precision(self) -> float:
        """Of the pairs merged, the share annotated as the same event."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        """Of the pairs annotated as the same event, the share merged."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def read_pairs(path: Path) -> list[dict[str, Any]]:
    """Annotated pairs: JSONL of ``{"id", "a", "b", "same", "reason"}``."""
    pairs: list[dict[str, Any]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            pairs.append(json.loads(line))
    return pairs


def evaluate_pairs(pairs: Sequence[Mapping[str, Any]], rules: MergeRules | None = None) -> MergeScores:
    """Merge precision and recall over annotated pairs (each pair clustered on its own)."""
    tp = fp = fn = tn = 0
    for number, pair in enumerate(pairs):
        a = Mention.from_record(pair["a"], f"{pair.get('id', number)}-a")
        b = Mention.from_record(pair["b"], f"{pair.get('id', number)}-b")
        clusters = cluster_mentions([a, b], rules)
        predicted = clusters[a.event_id] == clusters[b.event_id]
        gold = bool(pair["same"])
        tp += predicted and gold
        fp += predicted and not gold
        fn += gold and not predicted
        tn += not gold and not predicted
    return MergeScores(len(pairs), tp, fp, fn, tn)
