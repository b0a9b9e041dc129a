"""The pure core: ``code_document(article, pipeline) -> list[Event]``. No I/O happens here."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from detente.actors.lexicon import load_lexicon
from detente.actors.resolver import ActorResolver
from detente.coding.coder import code_parsed
from detente.coding.dates import DateResolver
from detente.coding.knowledge import load_knowledge
from detente.coding.scene import CodingContext
from detente.data_files import code_version
from detente.geo import load_gazetteer
from detente.models import Actor, Article, Event, Sentence
from detente.nlp import load_nlp


@dataclass
class CodedDocument:
    """An article with its sentences and events, as the storage layer keeps them."""

    article: Article
    sentences: list[Sentence]
    events: list[Event]
    code_version: str = ""  # the coder that made them (events carry it too; an article may have none)


@dataclass
class Pipeline:
    """A loaded spaCy model plus Detente's coding knowledge. Build once, reuse for every article."""

    nlp: Any
    context: CodingContext

    @property
    def code_version(self) -> str:
        """Detente's version plus a fingerprint of the knowledge files that coded the events."""
        return self.context.code_version

    def resolve(self, mention: str, date: Any = None, context: str | None = None) -> Actor | None:
        """Resolve one actor mention (see ``detente resolve``)."""
        return self.context.actors.resolve_text(mention, self.nlp, date, context)


def load_pipeline(model: str | None = None) -> Pipeline:
    """Load the spaCy model and all packaged knowledge (a few seconds)."""
    nlp = load_nlp(model)
    knowledge = load_knowledge()
    lexicon = load_lexicon()
    context = CodingContext(
        knowledge=knowledge,
        actors=ActorResolver(lexicon, nlp),
        dates=DateResolver(),
        gazetteer=load_gazetteer(),
        code_version=code_version(),
    )
    return Pipeline(nlp=nlp, context=context)


def code_document(article: Article, pipeline: Pipeline) -> list[Event]:
    """The events of one article. Pure: parses and codes, reads and writes nothing."""
    return code_parsed(article, pipeline.nlp(article.text), pipeline.context)


def code_documents(
    articles: Iterable[Article],
    pipeline: Pipeline,
    *,
    batch_size: int = 32,
    n_process: int = 1,
    prefilter: bool = False,
) -> Iterator[CodedDocument]:
    """Code many articles with ``nlp.pipe`` (streaming; the events equal :func:`code_document`'s).

    With ``prefilter`` (off by default), a cheap first pass keeps only the sentences that can hold
    an event and the parse runs on those alone (:mod:`detente.scale.prefilter`): faster, at the
    cost of a few events (measured on the gold set by ``detente.scale.prefilter.gold_loss``).
    """
    if prefilter:
        from detente.scale.prefilter import prefilter_for

        yield from prefilter_for(pipeline).code(articles, batch_size=batch_size, n_process=n_process)
        return
    pairs = ((a.text, a) for a in articles)
    for doc, article in pipeline.nlp.pipe(pairs, as_tuples=True, batch_size=batch_size, n_process=n_process):
        sentences = [
            Sentence(index=i, start=s.start_char, end=s.end_char, text=s.text)
            for i, s in enumerate(doc.sents)
        ]
        events = code_parsed(article, doc, pipeline.context)
        yield CodedDocument(article, sentences, events, pipeline.code_version)
