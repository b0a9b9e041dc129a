"""Every coded event serialises to a valid spec record; ids are stable; batch coding equals one-by-one."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from detente import __version__
from detente.core import code_document, code_documents
from detente.data_files import code_version, knowledge_fingerprint

# News-style paragraphs written for these tests; between them they trigger many PLOVER types, with
# dates, places, claimants, negation and planned events, so that most record fields are filled.
ARTICLES = [
    (
        "Russian police arrested six Azerbaijani nationals in Yekaterinburg on 9 October, according "
        "to the Azerbaijani Foreign Ministry. Two of the detainees were beaten by officers, the "
        "ministry said. Baku urged Moscow to release the detained men. Azerbaijan expelled two Russian "
        "diplomats on Monday and suspended flights to Russia."
    ),
    (
        "Armenian Prime Minister Nikol Pashinyan met Azerbaijani President Ilham Aliyev in Abu Dhabi "
        "on Thursday. Armenia and Azerbaijan agreed on the text of a peace treaty. Putin will visit "
        "Baku next month. Russia did not withdraw its troops from Armenia."
    ),
    (
        "Thousands of Georgian protesters demonstrated in Tbilisi against the government. Georgia "
        "refused to extradite the journalist to Russia. Turkey sent humanitarian aid to Syria in "
        "December 2024. Russian missiles struck Kyiv on Sunday, and Ukraine blamed Russia for the attack."
    ),
    # an act with no target: troops moved, no adversary named
    "Belarus deployed additional troops on Friday.",
]


@pytest.fixture(scope="module")
def coded(pipeline, article):
    """The events of each test article (published on the suite's default date)."""
    return [code_document(article(text, doc_id=f"schema-{i}"), pipeline) for i, text in enumerate(ARTICLES)]


def test_every_record_validates_against_the_spec_schema(coded, validate):
    events = [e for doc in coded for e in doc]
    assert len(events) >= 12, [(e.event_type, e.trigger) for e in events]
    for event in events:
        record = event.to_record()
        validate(record)
        # the record is plain JSON (what the JSONL exports write) and survives a JSON round trip
        assert json.loads(json.dumps(record)) == record
        validate(json.loads(json.dumps(record)))


def test_the_articles_exercise_many_types_and_optional_fields(coded):
    events = [e for doc in coded for e in doc]
    types = {e.event_type for e in events}
    assert {
        "COERCE",
        "REQUEST",
        "SANCTION",
        "CONSULT",
        "AGREE",
        "PROTEST",
        "REJECT",
        "AID",
        "ASSAULT",
        "ACCUSE",
        "RETREAT",
    } <= types
    assert any(e.place is not None for e in events)
    assert any(e.claimant is not None for e in events)
    assert any(e.negated for e in events)
    assert any(e.modality == "planned" for e in events)
    assert any(e.target is None for e in events)
    assert {e.date_precision for e in events} >= {"day", "month"}


def test_record_carries_evidence_that_points_into_the_article(coded):
    for text, events in zip(ARTICLES, coded, strict=True):
        for event in events:
            start, end = event.span
            assert text[start:end] == event.trigger
            assert event.sentence in text
            first = text.index(event.sentence)
            assert first <= start < end <= first + len(event.sentence)
            assert event.record == "event"
            assert event.sources == [event.doc_id]


def test_record_validation_rejects_a_broken_record(coded, validator):
    """The schema check is not vacuous: a record with a bad type or a missing field fails it."""
    record = coded[0][0].to_record()
    assert validator.is_valid(record)
    assert not validator.is_valid({**record, "event_type": "INVADE"})
    assert not validator.is_valid({**record, "intensity": 11})
    assert not validator.is_valid({k: v for k, v in record.items() if k != "source"})
    assert not validator.is_valid({**record, "modality": "rumoured"})


def test_event_ids_are_stable(pipeline, article):
    text = ARTICLES[0]
    first = [e.event_id for e in code_document(article(text), pipeline)]
    second = [e.event_id for e in code_document(article(text), pipeline)]
    assert first and first == second
    assert len(set(first)) == len(first), "event ids are unique within an article"
    # the id depends on the text (and code version), not on the id an input gives the article
    renamed = [e.event_id for e in code_document(article(text, doc_id="another-id"), pipeline)]
    assert renamed == first
    # ... and a different text gives different ids
    changed = [
        e.event_id for e in code_document(article(text + " Russia condemned the expulsions."), pipeline)
    ]
    assert not set(changed) & set(first)


def test_code_documents_equals_code_document(pipeline, article):
    articles = [article(text, doc_id=f"batch-{i}") for i, text in enumerate(ARTICLES)]
    articles.append(article("Armenia and Azerbaijan agreed on the text of a peace treaty.", published=None))
    batched = list(code_documents(iter(articles), pipeline, batch_size=2))
    assert [c.article for c in batched] == articles
    for coded_doc, single in zip(batched, articles, strict=True):
        one_by_one = code_document(single, pipeline)
        assert [e.model_dump() for e in coded_doc.events] == [e.model_dump() for e in one_by_one]
        assert coded_doc.sentences, "sentences are kept for storage"
        for sentence in coded_doc.sentences:
            assert single.text[sentence.start : sentence.end] == sentence.text


def test_code_version_is_on_every_event(coded, pipeline):
    version = pipeline.code_version
    assert version == code_version() and version.startswith(f"{__version__}+")
    assert version != f"{__version__}+{knowledge_fingerprint()}"  # the coder's modules count too
    assert all(e.code_version == version for doc in coded for e in doc)


def test_published_date_fills_undated_events(pipeline, article):
    text = "Azerbaijan rejected the Russian proposal."
    events = code_document(article(text, published=dt.date(2025, 3, 4)), pipeline)
    assert [(e.date, e.date_precision, e.date_text) for e in events] == [("2025-03-04", "day", None)]
    undated = code_document(article(text, published=None), pipeline)
    assert [(e.date, e.date_precision) for e in undated] == [(None, None)]
