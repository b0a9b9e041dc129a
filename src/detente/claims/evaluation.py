"""Score attribution and contested-incident detection on annotated data (``eval/CLAIMS_GUIDELINES.md``).

Two kinds of gold lines, told apart by their keys:

* attribution: ``{"id", "published", "text", "claims": [{"trigger", "event_type", "claimant",
  "polarity", "modality"}]}`` — one gold claim per attributed event of the sentence. A gold claim is
  *found* when the coder emits an event of its type whose trigger is one of the gold trigger's words;
  claimant accuracy is the share of found claims whose claimant country equals the gold one (and is
  also reported over all gold claims, counting the missed ones as wrong).
* contested: ``{"id", "contested": bool, "articles": [{"id", "published", "source"?, "text"}]}`` —
  one incident told by several short articles. All incidents' articles are coded together, with the
  cause claims of :mod:`detente.claims.causes` as ``detente contested`` reads them (so claims
  of different incidents may wrongly merge); an incident is predicted contested when a contested
  group's claims all come from its articles; a contested group spanning articles of several incidents
  is a false positive.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from detente.claims.causes import cause_claims
from detente.claims.contested import find_contested
from detente.claims.records import claims_of
from detente.core import Pipeline, code_document
from detente.evaluation import Counts, read_jsonl_gold
from detente.models import Article, Event


@dataclass
class ClaimsReport:
    """Figures of one claims evaluation."""

    gold_claims: int = 0
    found: int = 0
    claimant_correct: int = 0
    polarity_correct: int = 0
    modality_correct: int = 0
    incidents: int = 0
    contested: Counts = field(default_factory=Counts)
    errors: list[str] = field(default_factory=list)

    @property
    def claimant_accuracy(self) -> float:
        """Claimant country right, over the gold claims whose event the coder found."""
        return self.claimant_correct / self.found if self.found else 0.0

    @property
    def claimant_accuracy_all(self) -> float:
        """Claimant country right, over all gold claims (a missed event counts as wrong)."""
        return self.claimant_correct / self.gold_claims if self.gold_claims else 0.0

    def as_dict(self) -> dict[str, Any]:
        """Plain data for ``--format json``."""

        def ratio(n: int, d: int) -> float | None:
            return round(n / d, 4) if d else None

        return {
            "gold_claims": self.gold_claims,
            "found": self.found,
            "claimant_accuracy": ratio(self.claimant_correct, self.found),
            "claimant_accuracy_all": ratio(self.claimant_correct, self.gold_claims),
            "polarity_accuracy": ratio(self.polarity_correct, self.found),
            "modality_accuracy": ratio(self.modality_correct, self.found),
            "incidents": self.incidents,
            "contested_precision": round(self.contested.precision, 4),
            "contested_recall": round(self.contested.recall, 4),
            "contested_f1": round(self.contested.f1, 4),
            "contested_tp": self.contested.tp,
            "contested_fp": self.contested.fp,
            "contested_fn": self.contested.fn,
            "errors": self.errors,
        }


def read_claims_gold(path: Path) -> list[dict[str, Any]]:
    """Gold lines of a claims file; a bad line raises :class:`ArticleError` naming it."""

    def problem(doc: Any) -> str | None:
        if isinstance(doc, dict) and (
            ("text" in doc and isinstance(doc.get("claims"), list))
            or ("contested" in doc and isinstance(doc.get("articles"), list))
        ):
            return None
        return "needs 'text' and 'claims', or 'contested' and 'articles'"

    return read_jsonl_gold(path, problem)


def _article(raw: dict[str, Any]) -> Article:
    published = dt.date.fromisoformat(raw["published"]) if raw.get("published") else None
    return Article(
        text=raw["text"], doc_id=str(raw.get("id") or ""), published=published, source=raw.get("source")
    )


def _matches(gold: dict[str, Any], event: Event) -> bool:
    words = {w.lower() for w in str(gold.get("trigger") or "").split()}
    return event.event_type == gold.get("event_type") and event.trigger.lower() in words


def score_attribution(doc: dict[str, Any], events: list[Event], report: ClaimsReport) -> None:
    """Compare one sentence's gold claims with the coder's events."""
    unmatched = list(events)
    for gold in doc["claims"]:
        report.gold_claims += 1
        match = next((e for e in unmatched if _matches(gold, e)), None)
        if match is None:
            report.errors.append(
                f"{doc.get('id')}: no {gold.get('event_type')} event on {gold.get('trigger')!r}"
            )
            continue
        unmatched.remove(match)
        report.found += 1
        got = match.claimant.country if match.claimant else None
        if got == gold.get("claimant"):
            report.claimant_correct += 1
        else:
            report.errors.append(f"{doc.get('id')}: claimant {got} instead of {gold.get('claimant')}")
        polarity = "deny" if match.negated else "affirm"
        report.polarity_correct += int(polarity == gold.get("polarity", "affirm"))
        report.modality_correct += int(match.modality == gold.get("modality", "claimed"))


def score_contested(incidents: list[dict[str, Any]], pipeline: Pipeline, report: ClaimsReport) -> None:
    """Code every incident's articles together and score the contested groups per incident."""
    owner: dict[str, str] = {}
    events: dict[str, Event] = {}
    sentences: list[tuple[str, int, str, dt.date | None]] = []
    for incident in incidents:
        report.incidents += 1
        for raw in incident["articles"]:
            article = _article(raw)
            owner[article.doc_id] = str(incident["id"])
            for event in code_document(article, pipeline):
                events[event.event_id] = event
            parsed = pipeline.nlp(article.text)
            sentences += [(article.doc_id, i, s.text, article.published) for i, s in enumerate(parsed.sents)]
    claims = claims_of(events.values())
    causes, cause_events = cause_claims(sentences, pipeline)
    events.update(cause_events)
    found = find_contested(claims + causes, events)
    predicted: set[str] = set()
    for group in found:
        owners = {owner.get(c.doc_id, "?") for c in group.claims}
        if len(owners) == 1:
            predicted |= owners
        else:
            report.contested.fp += 1
            report.errors.append(f"contested group spans incidents {sorted(owners)}")
    for incident in incidents:
        name = str(incident["id"])
        gold = bool(incident["contested"])
        if gold and name in predicted:
            report.contested.tp += 1
        elif gold:
            report.contested.fn += 1
            report.errors.append(f"{name}: contested incident not found")
        elif name in predicted:
            report.contested.fp += 1
            report.errors.append(f"{name}: flagged contested, but the sources agree")


def evaluate_claims(docs: Iterable[dict[str, Any]], pipeline: Pipeline) -> ClaimsReport:
    """Claimant accuracy on attribution lines, contested P/R on incident lines."""
    report = ClaimsReport()
    incidents = []
    for doc in docs:
        if "articles" in doc:
            incidents.append(doc)
            continue
        score_attribution(doc, code_document(_article(doc), pipeline), report)
    if incidents:
        score_contested(incidents, pipeline, report)
    return report
