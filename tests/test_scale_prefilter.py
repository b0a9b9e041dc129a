"""The lexical prefilter: what it keeps, that kept events keep their offsets and ids, and that it
loses at most 1% of the gold events the unfiltered coder finds."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from detente.core import Pipeline, code_document, code_documents
from detente.models import Article
from detente.scale.prefilter import gold_loss, prefilter_for

PUBLISHED = dt.date(2025, 11, 21)
GOLD = sorted((Path(__file__).parents[1] / "eval" / "gold").glob("*.jsonl"))
TEXT = (
    "The weather in the capital was mild all week. Markets were quiet.\n\n"
    "Azerbaijan's Foreign Ministry summoned the Russian ambassador on Friday. "
    "Officials described the talks as tense. Russian police detained nine Azerbaijani nationals."
)


def test_split_keeps_only_sentences_with_an_actor_and_a_trigger(pipeline: Pipeline) -> None:
    selection = prefilter_for(pipeline).select(TEXT)
    kept = [u.text for u in selection.units if u.keep]
    assert any("summoned" in s for s in kept) and any("detained" in s for s in kept)
    assert not any("weather" in s or "Markets" in s for s in kept)
    assert len(selection.text) == len(TEXT)  # offsets are preserved
    assert "weather" not in selection.text and "summoned the Russian ambassador" in selection.text


def test_prefiltered_events_keep_spans_ids_and_sentences(pipeline: Pipeline) -> None:
    article = Article(text=TEXT, published=PUBLISHED, doc_id="t1")
    plain = code_document(article, pipeline)
    (coded,) = code_documents([article], pipeline, prefilter=True)
    assert plain and [e.to_record() for e in coded.events] == [e.to_record() for e in plain]
    for event in coded.events:
        sentence = coded.sentences[event.sentence_index]
        assert sentence.start <= event.span[0] < sentence.end
        assert TEXT[event.span[0] : event.span[1]] == event.trigger


def test_trigger_words_need_the_words_their_rules_name(pipeline: Pipeline) -> None:
    prefilter = prefilter_for(pipeline)
    pairs = [  # (a sentence a rule can fit, the same trigger word without what its rules need)
        ("Russia lifted the sanctions on Azerbaijani tomatoes.", "Russia lifted its growth forecast."),
        ("The Armenian prime minister stepped down on Friday.", "Armenia stepped up its efforts on Friday."),
        ("Ukraine declared martial law in the region.", "Ukraine passed a law on schools."),
    ]
    for fits, does_not in pairs:
        assert prefilter.select(fits).kept == 1, fits
        assert code_document(Article(text=fits, published=PUBLISHED), pipeline), fits
        assert prefilter.select(does_not).kept == 0, does_not
        assert not code_document(Article(text=does_not, published=PUBLISHED), pipeline), does_not


def test_prefilter_is_off_by_default(pipeline: Pipeline) -> None:
    article = Article(text=TEXT, published=PUBLISHED, doc_id="t2")
    (coded,) = code_documents([article], pipeline)
    assert [e.to_record() for e in coded.events] == [e.to_record() for e in code_document(article, pipeline)]
    assert coded.sentences[0].text.startswith("The weather")


def test_prefilter_loses_at_most_one_percent_of_gold_events(pipeline: Pipeline) -> None:
    loss = gold_loss(GOLD, pipeline)
    assert loss.gold_events > 500
    assert loss.loss <= 0.01, loss
    assert loss.loss_triple <= 0.01, loss
    assert loss.identical >= 0.95, loss
