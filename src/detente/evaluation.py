"""Score the coder against annotated gold documents (format: ``eval/GUIDELINES.md``).

Matching is one-to-one inside a sentence. An event *matches at type level* when its type and its
negation flag equal a gold event's; it *matches at triple level* when, in addition, the source and
target countries are equal (None equals None). Date and place accuracy are computed over the
triple-level matches whose gold event has a date (place).
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from detente.core import Pipeline, code_document
from detente.errors import ArticleError
from detente.models import Article, Event


@dataclass
class Counts:
    """True positives, false positives and false negatives, with P/R/F1."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    """Scores of one evaluation run."""

    documents: int = 0
    gold_events: int = 0
    predicted_events: int = 0
    type_level: Counts = field(default_factory=Counts)
    triple_level: Counts = field(default_factory=Counts)
    per_type: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    per_type_triple: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    # (type, source, target) counts of the one-sentence documents carrying each phenomenon tag (an
    # article's tags describe the whole article, so articles are left out here)
    per_phenomenon: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    dates_correct: int = 0
    dates_scored: int = 0
    places_correct: int = 0
    places_scored: int = 0
    negated_as_positive: int = 0

    def as_dict(self) -> dict[str, Any]:
        """The report as plain data (for ``--format json`` and the accuracy gate)."""

        def scores(c: Counts) -> dict[str, float | int]:
            return {
                "precision": round(c.precision, 4),
                "recall": round(c.recall, 4),
                "f1": round(c.f1, 4),
                "tp": c.tp,
                "fp": c.fp,
                "fn": c.fn,
            }

        return {
            "documents": self.documents,
            "gold_events": self.gold_events,
            "predicted_events": self.predicted_events,
            "event_type": scores(self.type_level),
            "type_source_target": scores(self.triple_level),
            "date_accuracy": round(self.dates_correct / self.dates_scored, 4) if self.dates_scored else None,
            "dates_scored": self.dates_scored,
            "place_accuracy": round(self.places_correct / self.places_scored, 4)
            if self.places_scored
            else None,
            "places_scored": self.places_scored,
            "negated_emitted_as_positive": self.negated_as_positive,
            "per_type": {t: scores(c) for t, c in sorted(self.per_type.items())},
            "per_type_triple": {t: scores(c) for t, c in sorted(self.per_type_triple.items())},
            "per_phenomenon": {t: scores(c) for t, c in sorted(self.per_phenomenon.items())},
        }


def read_jsonl_gold(path: Path, problem: Callable[[Any], str | None]) -> list[dict[str, Any]]:
    """The lines of a gold JSONL file; a line that is not JSON, or for which ``problem`` returns a
    message, raises :class:`ArticleError` naming the file and line."""
    docs = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                doc = json.loads(line)
            except ValueError as exc:
                raise ArticleError(f"{path}:{number}", f"bad gold document: {exc}") from exc
            message = problem(doc)
            if message is not None:
                raise ArticleError(f"{path}:{number}", f"bad gold document: {message}")
            docs.append(doc)
    return docs


def read_gold(path: Path) -> list[dict[str, Any]]:
    """Event gold documents from a JSONL file (format: eval/GUIDELINES.md)."""

    def problem(doc: Any) -> str | None:
        if (
            not isinstance(doc, dict)
            or not isinstance(doc.get("text"), str)
            or not isinstance(doc.get("events"), list)
        ):
            return "needs 'text' (string) and 'events' (list)"
        return None

    return read_jsonl_gold(path, problem)


def evaluate(gold_docs: Iterable[dict[str, Any]], pipeline: Pipeline) -> Report:
    """Code every gold document and compare with its annotation."""
    report = Report()
    for doc in gold_docs:
        published = dt.date.fromisoformat(doc["published"]) if doc.get("published") else None
        article = Article(text=doc["text"], doc_id=str(doc.get("id") or ""), published=published)
        predicted = code_document(article, pipeline)
        gold = doc["events"]
        report.documents += 1
        report.gold_events += len(gold)
        report.predicted_events += len(predicted)
        before = (report.triple_level.tp, report.triple_level.fp, report.triple_level.fn)
        _score(gold, predicted, doc["text"], report)
        if not doc.get("title"):
            tp, fp, fn = (
                now - then
                for now, then in zip(
                    (report.triple_level.tp, report.triple_level.fp, report.triple_level.fn),
                    before,
                    strict=True,
                )
            )
            for tag in doc.get("phenomena") or []:
                counts = report.per_phenomenon[str(tag)]
                counts.tp, counts.fp, counts.fn = counts.tp + tp, counts.fp + fp, counts.fn + fn
    return report


def _sentence_of(gold_event: dict[str, Any], text: str) -> str:
    return " ".join(str(gold_event.get("sentence") or text).split())


def _score(gold: list[dict[str, Any]], predicted: list[Event], text: str, report: Report) -> None:
    for level, counts, per_type in (
        ("type", report.type_level, report.per_type),
        ("triple", report.triple_level, report.per_type_triple),
    ):
        unmatched = list(predicted)
        for g in gold:
            match = _find(g, unmatched, text, triple=level == "triple")
            if match is None:
                counts.fn += 1
                per_type[g["event_type"]].fn += 1
                continue
            unmatched.remove(match)
            counts.tp += 1
            per_type[g["event_type"]].tp += 1
            if level == "triple":
                _score_details(g, match, report)
        for p in unmatched:
            counts.fp += 1
            per_type[p.event_type].fp += 1
    for g in gold:
        if g.get("negated"):
            sentence = _sentence_of(g, text)
            words = set(str(g.get("trigger") or "").lower().split())
            if any(
                p.event_type == g["event_type"]
                and not p.negated
                and _same_sentence(p, sentence)
                and p.trigger.lower() in words
                for p in predicted
            ):
                report.negated_as_positive += 1


def _same_sentence(event: Event, sentence: str) -> bool:
    mine = " ".join(event.sentence.split())
    return mine in sentence or sentence in mine


def _find(g: dict[str, Any], candidates: list[Event], text: str, *, triple: bool) -> Event | None:
    sentence = _sentence_of(g, text)
    fitting = [
        p
        for p in candidates
        if p.event_type == g["event_type"]
        and p.negated == bool(g.get("negated"))
        and _same_sentence(p, sentence)
        and (
            not triple
            or (
                p.source.country == g.get("source")
                and (p.target.country if p.target else None) == g.get("target")
            )
        )
    ]
    if not fitting:
        return None
    trigger = str(g.get("trigger") or "").lower()
    fitting.sort(key=lambda p: 0 if p.trigger.lower() in trigger or trigger in p.trigger.lower() else 1)
    return fitting[0]


def place_matches(event: Event, gold_place: str) -> bool:
    """A predicted place matches when its resolved name or its text equals the gold name, or one
    contains the other ("Karabakh" / "Nagorno-Karabakh", "Gaza" / "Gaza Strip")."""
    if event.place is None:
        return False
    gold = gold_place.lower()
    for name in (event.place.name, event.place.text):
        if name and (name.lower() == gold or gold in name.lower() or name.lower() in gold):
            return True
    return False


def _score_details(g: dict[str, Any], p: Event, report: Report) -> None:
    if g.get("date"):
        report.dates_scored += 1
        report.dates_correct += int(p.date == g["date"])
    if g.get("place"):
        report.places_scored += 1
        report.places_correct += int(place_matches(p, str(g["place"])))
