"""Claims: attribution in the coder, claim records, the claims table, contested incidents, and the
claims evaluation figures on ``eval/claims`` (thresholds of issue 4)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from event_helpers import only
from typer.testing import CliRunner

from detente import cli
from detente.claims.contested import find_contested, is_contested, salient_words
from detente.claims.evaluation import evaluate_claims, read_claims_gold
from detente.claims.records import claims_of, side_of
from detente.claims.storage import (
    claimed_events,
    claims_by_claimant,
    claims_for_event,
    load_claims,
    rebuild_claims,
)
from detente.core import CodedDocument, Pipeline, code_documents
from detente.models import Actor, Article, Event
from detente.store import Store

EVAL = Path(__file__).parents[1] / "eval" / "claims"
Code = Callable[..., list[Event]]



# -- attribution in the coder ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Russian forces shelled the village, a Ukrainian military source said.", "UKR"),
        ("According to Iranian state media, Israeli jets struck a military base near Isfahan.", "IRN"),
        ("The Indian Army said in a statement that Pakistani troops had fired on its posts.", "IND"),
        ("A source told the Russian state news agency that Ukrainian drones attacked the refinery.", "RUS"),
        ("Ukrainian drones attacked the depot, a source told the Russian state news agency.", "RUS"),
        ("A source at the Kenyan interior ministry said Somali militants attacked a police post.", "KEN"),
        ("The Ethiopian government insisted that Eritrean troops had attacked the town.", "ETH"),
    ],
)
def test_claimant_of_reported_event(code: Code, text: str, country: str) -> None:
    event = only(code(text), "ASSAULT")
    assert event.claimant is not None and event.claimant.country == country
    assert event.modality == "claimed"


def test_claimant_carries_to_the_source_and_to_quotes(code: Code) -> None:
    events = code(
        "A Russian military source told RIA Novosti that Ukrainian troops shelled the plant. "
        "According to the source, Ukrainian troops also fired drones at the plant."
    )
    assert {e.claimant.country for e in events if e.claimant} == {"RUS"}
    assert len({e.sentence_index for e in events if e.claimant}) == 2
    quoted = code(
        'The Kenyan Foreign Ministry said in a statement: "We condemn the attack." '
        '"Al-Shabaab militants attacked our border post in Mandera."'
    )
    attack = only(quoted, "ASSAULT")
    assert attack.sentence_index == 1 and attack.claimant is not None and attack.claimant.country == "KEN"


def test_unattributed_quote_gets_no_claimant(code: Code) -> None:
    attack = only(code('Residents were shocked. "Rebels attacked the town of Bunia on Monday."'), "ASSAULT")
    assert attack.claimant is None


def test_denial_is_a_negated_claim(code: Code) -> None:
    event = only(
        code("Armenia's Defence Ministry denied that its units had shelled Azerbaijani positions."), "ASSAULT"
    )
    assert event.negated and event.claimant is not None and event.claimant.country == "ARM"
    (claim,) = claims_of([event])
    assert claim.polarity == "deny" and claim.perpetrator == "ARM"


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("The Houthis denied attacking the tanker in the Gulf of Aden.", "YEM"),
        ("Pakistan rejected claims that its troops had fired on Indian posts.", "PAK"),
    ],
)
def test_denial_forms(code: Code, text: str, country: str) -> None:
    event = only(code(text), "ASSAULT")
    assert event.negated and event.claimant is not None and event.claimant.country == country


def test_a_dismissed_allegation_stays_an_accusation(code: Code) -> None:
    accusation = only(code("Belarus dismissed Vilnius's allegations as absurd."), "ACCUSE")
    assert not accusation.negated


# -- claim records, pure -------------------------------------------------------------------------------
def _event(
    event_id: str,
    source: str | None,
    claimant: str | None,
    *,
    negated: bool = False,
    sentence: str = "The embassy in Kyiv was damaged by a missile.",
    date: str = "2025-11-14",
    doc_id: str = "d1",
    entity: str | None = None,
) -> Event:
    return Event(
        event_id=event_id,
        doc_id=doc_id,
        sentence_index=0,
        sentence=sentence,
        span=(0, 1),
        trigger="damaged",
        event_type="ASSAULT",
        quad_class="material_conflict",
        intensity=-9.0,
        source=Actor(text=f"{source} forces", country=source, sector="MIL", entity_id=entity),
        date=date,
        date_precision="day",
        date_text="Friday",
        negated=negated,
        modality="claimed" if claimant else "asserted",
        claimant=Actor(text=f"{claimant} ministry", country=claimant, sector="GOV") if claimant else None,
    )


def test_claims_of_is_pure_and_keeps_attributed_events_only() -> None:
    events = [_event("e1", "RUS", "AZE"), _event("e2", "UKR", None), _event("e3", "RUS", "RUS", negated=True)]
    claims = claims_of(events)
    assert [(c.event_id, c.polarity, c.claimant.country, c.perpetrator) for c in claims] == [
        ("e1", "affirm", "AZE", "RUS"),
        ("e3", "deny", "RUS", "RUS"),
    ]
    assert claims_of(events) == claims  # same input, same ids
    assert side_of(Actor(text="the RSF", country="SDN", sector="REB", entity_id="group:rsf")) == "group:rsf"


# -- contested incidents, pure ---------------------------------------------------------------------
def _contested(events: list[Event]) -> list[dict[str, object]]:
    return [i.to_record() for i in find_contested(claims_of(events), {e.event_id: e for e in events})]


def test_different_perpetrators_are_contested_with_the_spec_record() -> None:
    events = [
        _event("e1", "RUS", "AZE", sentence="A Russian missile damaged the embassy in Kyiv, Baku said."),
        _event(
            "e2",
            "UKR",
            "RUS",
            sentence="A Ukrainian interceptor damaged the embassy building in Kyiv.",
            doc_id="d2",
        ),
    ]
    (record,) = _contested(events)
    assert record["record"] == "contested"
    assert set(record["incident"]) == {"date", "place", "target", "description"}  # type: ignore[arg-type]
    sides = {(c["claimant"]["country"], c["perpetrator"]["country"]) for c in record["claims"]}  # type: ignore[index, union-attr]
    assert sides == {("AZE", "RUS"), ("RUS", "UKR")}
    assert all({"claimant", "perpetrator", "doc_id", "sentence"} <= set(c) for c in record["claims"])  # type: ignore[union-attr]


def test_affirm_against_deny_is_contested() -> None:
    events = [
        _event("e1", "ARM", "AZE", sentence="Armenian units shelled positions in Kalbajar, Baku said."),
        _event(
            "e2",
            "ARM",
            "ARM",
            negated=True,
            sentence="Yerevan denied its units shelled positions in Kalbajar.",
        ),
    ]
    assert len(_contested(events)) == 1


@pytest.mark.parametrize(
    "events",
    [
        # two sources agree
        [_event("e1", "RUS", "UKR"), _event("e2", "RUS", "POL", doc_id="d2")],
        # one source corrects itself
        [_event("e1", "RUS", "AZE"), _event("e2", "UKR", "AZE", doc_id="d2")],
        # same words, weeks apart: two incidents
        [_event("e1", "RUS", "AZE"), _event("e2", "UKR", "RUS", date="2025-12-20", doc_id="d2")],
        # nothing in common in the evidence: two incidents
        [_event("e1", "RUS", "AZE"), _event("e2", "UKR", "RUS", sentence="Drones hit a depot in Belgorod.")],
        # a country reporting its own strike does not blame anyone
        [_event("e1", "RUS", "AZE"), _event("e2", "RUS", "RUS", doc_id="d2")],
    ],
)
def test_not_contested(events: list[Event]) -> None:
    assert _contested(events) == []


def test_exchange_told_by_both_sides_is_not_contested() -> None:
    def exchange(claimant: str) -> list[Event]:
        out = []
        for a, b in (("THA", "KHM"), ("KHM", "THA")):
            event = _event(f"{claimant}{a}", a, claimant, sentence="Troops exchanged fire at the temple.")
            target = Actor(text=f"{b} troops", country=b, sector="MIL")
            out.append(event.model_copy(update={"target": target, "doc_id": claimant}))
        return out

    events = exchange("THA") + exchange("KHM")
    assert all(c.mutual for c in claims_of(events))
    assert _contested(events) == []
    blame = [_event("e1", "KHM", "THA"), _event("e2", "THA", "KHM", doc_id="d2")]
    assert is_contested(claims_of(blame))


def test_salient_words_leave_out_nations_and_reporting_words() -> None:
    words = salient_words("Russian officials said the Azerbaijani embassy in Kyiv was damaged.")
    assert "embassy" in words and "kyiv" in words
    assert not words & {"russian", "azerbaijani", "officials", "said"}


# -- causes of a death ------------------------------------------------------------------------------------
def test_cause_claims_dispute_a_death(pipeline: Pipeline, store: Store) -> None:
    text = (
        "Georgian officials said Russian border guards beat a Georgian man to death near Tskhinvali. "
        "Russian officials said the man died of a heart attack near Tskhinvali. "
        "The family rejected the Russian version that he had died of a heart attack."
    )
    store.add(code_documents([Article(text=text, doc_id="d1", published=dt.date(2025, 8, 11))], pipeline))
    rebuild_claims(store, pipeline)
    causes = {(c.claimant.country, c.polarity) for c in load_claims(store) if c.event_id.startswith("cause-")}
    assert causes == {("GEO", "affirm"), ("RUS", "deny")}  # the family's quotation of the version is no claim
    (incident,) = find_contested(load_claims(store), claimed_events(store))
    assert {c.claimant.country for c in incident.claims} >= {"GEO", "RUS"}


# -- the claims table --------------------------------------------------------------------------------
def test_claims_table_is_idempotent_and_queryable(store: Store) -> None:
    events = [_event("e1", "RUS", "AZE"), _event("e2", "UKR", "RUS", doc_id="d2"), _event("e3", "UKR", None)]
    store.add(
        CodedDocument(Article(text=f"text {doc}", doc_id=doc), [], [e for e in events if e.doc_id == doc])
        for doc in ("d1", "d2")
    )
    assert rebuild_claims(store) == 2
    first = load_claims(store)
    assert rebuild_claims(store) == 2 and load_claims(store) == first
    assert [c.claimant.country for c in claims_for_event(store, "e1")] == ["AZE"]
    assert [c.event_id for c in claims_by_claimant(store, "rus")] == ["e2"]
    assert claims_for_event(store, "e3") == []


def test_contested_command(tmp_path: Path) -> None:
    db = tmp_path / "claims.duckdb"
    events = [
        _event("e1", "RUS", "AZE", sentence="A Russian missile damaged the embassy in Kyiv, Baku said."),
        _event(
            "e2", "UKR", "RUS", sentence="A Ukrainian interceptor damaged the embassy in Kyiv.", doc_id="d2"
        ),
    ]
    with Store(db) as store:
        store.add(
            CodedDocument(Article(text=f"text {d}", doc_id=d), [], [e for e in events if e.doc_id == d])
            for d in ("d1", "d2")
        )
    runner = CliRunner()
    result = runner.invoke(cli.app, ["contested", "--db", str(db), "--format", "jsonl", "--no-causes"])
    assert result.exit_code == 0, result.output
    (line,) = result.stdout.strip().splitlines()
    assert json.loads(line)["record"] == "contested"
    table = runner.invoke(cli.app, ["contested", "--db", str(db), "--no-causes"])
    assert table.exit_code == 0 and "Kyiv" in table.stdout
    missing = runner.invoke(cli.app, ["contested", "--db", str(tmp_path / "none.duckdb")])
    assert missing.exit_code == 1


# -- figures on the annotated data -------------------------------------------------------------------
def test_claims_evaluation_meets_the_thresholds(pipeline: Pipeline) -> None:
    docs = read_claims_gold(EVAL / "attribution.jsonl") + read_claims_gold(EVAL / "contested.jsonl")
    attributed = [d for d in docs if "claims" in d]
    incidents = [d for d in docs if "articles" in d]
    assert len(attributed) >= 40 and sum(len(d["claims"]) for d in attributed) >= 40
    assert sum(1 for d in incidents if d["contested"]) >= 8 and any(not d["contested"] for d in incidents)
    report = evaluate_claims(docs, pipeline)
    assert report.claimant_accuracy >= 0.85, report.errors
    assert report.claimant_accuracy_all >= 0.85, report.errors
    assert report.contested.precision >= 0.8, report.errors
    assert report.contested.recall >= 0.8, report.errors
