"""A cheap first pass so the full parse runs only on sentences that can hold an event.

1. **Sentence split**: the model's own trained sentence recogniser (``senter``, shipped disabled in
   the English models; ~50× faster than the parse), plus a break after every line break. Its
   boundaries are those of the parser for the great majority of sentences.
2. **Lexical filter** on lower-cased word forms: a sentence is kept when it has an actor candidate
   (a lexicon mention found by the resolver's PhraseMatchers, a pronoun the resolver reads, or a
   sector noun by its singular) **and** an event trigger candidate (a word form, a de-inflected
   form, or an irregular form from the lemmatizer's exception table, of a verb or noun in the
   trigger tables).
3. **Parse of the kept text at its article offsets**: the text of every dropped sentence is
   blanked (non-space characters replaced by spaces), so one parse of the article covers just the
   kept sentences and every token keeps its article offset. Spans and event ids are therefore
   those of the unfiltered run; ``sentence_index`` and ``sentence`` are mapped back onto the
   fast split, which equals the parser's split for most sentences (see :func:`identity_rate`).

What it costs in recall is measured on the gold set by :func:`gold_loss` (a test keeps it ≤ 1%).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from spacy.tokens import Doc

from detente.actors.resolver import PRONOUNS_GROUP, PRONOUNS_PERSON
from detente.coding.coder import code_parsed
from detente.coding.triggers import verb_forms
from detente.models import Article, Event, Sentence

if TYPE_CHECKING:
    from detente.core import CodedDocument, Pipeline

_NON_SPACE = re.compile(r"\S")
_PREFILTERS: dict[int, tuple[Pipeline, Prefilter]] = {}


@dataclass(frozen=True)
class Unit:
    """A sentence of the fast split: token range, character offsets, and whether it is kept."""

    start: int
    end: int
    start_char: int
    end_char: int
    text: str
    keep: bool


@dataclass
class Selection:
    """An article's fast split and the text to parse (dropped sentences blanked)."""

    units: list[Unit]
    text: str

    @property
    def kept(self) -> int:
        """How many sentences are kept."""
        return sum(u.keep for u in self.units)


@dataclass
class Prefilter:
    """The sentence splitter and the word lists of the lexical filter, built from a pipeline."""

    pipeline: Pipeline
    senter: Any
    trigger_words: frozenset[str]
    irregular: dict[str, set[str]] = field(default_factory=dict)

    @classmethod
    def build(cls, pipeline: Pipeline) -> Prefilter:
        """Word lists from the pipeline's trigger tables and lemmatizer; the model's ``senter``."""
        nlp = pipeline.nlp
        senter = nlp.get_pipe("senter") if "senter" in nlp.component_names else None
        knowledge = pipeline.context.knowledge
        words = frozenset(knowledge.verbs) | frozenset(knowledge.nouns)
        irregular: dict[str, set[str]] = {}
        if "lemmatizer" in nlp.component_names:
            lookups = nlp.get_pipe("lemmatizer").lookups
            if lookups.has_table("lemma_exc"):
                for table in lookups.get_table("lemma_exc").values():
                    for form, lemmas in table.items():
                        for lemma in lemmas:
                            if lemma in words:
                                irregular.setdefault(form.lower(), set()).add(lemma)
        return cls(pipeline=pipeline, senter=senter, trigger_words=words, irregular=irregular)

    # -- the first pass ----------------------------------------------------------------------------
    def split(self, text: str) -> Doc:
        """Tokenise ``text`` and set sentence starts (senter, plus a start after each line break)."""
        doc = self.pipeline.nlp.make_doc(text)
        if self.senter is not None and len(doc):
            doc = self.senter(doc)
        else:
            for token in doc:
                token.is_sent_start = token.i == 0 or doc[token.i - 1].text in ".!?"
        for token in doc[1:]:
            previous = doc[token.i - 1]
            if "\n" in previous.whitespace_ or ("\n" in previous.text and not previous.text.strip()):
                token.is_sent_start = True
        return doc  # type: ignore[no-any-return]

    def has_trigger(self, words: Iterable[Any]) -> bool:
        """Whether any token's word form (or a de-inflected or irregular form) is in the tables."""
        for token in words:
            lower = token.lower_
            if lower in self.trigger_words or lower in self.irregular:
                return True
            if any(form in self.trigger_words for form in verb_forms(token) if form):
                return True
            if lower.endswith("ies") and lower[:-3] + "y" in self.trigger_words:
                return True
        return False

    def has_actor(self, words: Iterable[Any], mentions: dict[int, Any]) -> bool:
        """Whether a token is in a lexicon mention, is a pronoun the resolver reads, or a sector noun."""
        lexicon = self.pipeline.context.actors.lexicon
        for token in words:
            if token.i in mentions:
                return True
            lower = token.lower_
            if lower in PRONOUNS_PERSON or lower in PRONOUNS_GROUP:
                return True
            for form in (
                lower,
                lower[:-1] if lower.endswith("s") else None,
                lower[:-2] if lower.endswith("es") else None,
            ):
                if form and any(e.kind == "sector" for e in lexicon.lookup(form)):
                    return True
        return False

    def select(self, text: str) -> Selection:
        """The fast split of ``text``, which sentences to keep, and the text to parse."""
        doc = self.split(text)
        mentions = self.pipeline.context.actors.mentions(doc)
        units: list[Unit] = []
        pieces: list[str] = []
        cursor = 0
        for sent in doc.sents:
            keep = self.has_actor(sent, mentions) and self.has_trigger(sent)
            units.append(Unit(sent.start, sent.end, sent.start_char, sent.end_char, sent.text, keep))
        for i, unit in enumerate(units):
            end = units[i + 1].start_char if i + 1 < len(units) else len(text)
            piece = text[cursor:end]
            pieces.append(piece if unit.keep else _NON_SPACE.sub(" ", piece))
            cursor = end
        return Selection(units=units, text="".join(pieces) if units else text)

    # -- coding ------------------------------------------------------------------------------------
    def code(
        self, articles: Iterable[Article], *, batch_size: int = 32, n_process: int = 1
    ) -> Iterator[CodedDocument]:
        """Code ``articles`` parsing only their kept sentences; streams like ``code_documents``."""
        from detente.core import CodedDocument

        pairs = ((selection.text, (article, selection)) for article, selection in self._selected(articles))
        nlp = self.pipeline.nlp
        for doc, (article, selection) in nlp.pipe(
            pairs, as_tuples=True, batch_size=batch_size, n_process=n_process
        ):
            sentences = [
                Sentence(index=i, start=u.start_char, end=u.end_char, text=u.text)
                for i, u in enumerate(selection.units)
            ]
            events = code_parsed(article, doc, self.pipeline.context) if selection.kept else []
            yield CodedDocument(article, sentences, remap(events, selection.units))

    def _selected(self, articles: Iterable[Article]) -> Iterator[tuple[Article, Selection]]:
        for article in articles:
            yield article, self.select(article.text)


def remap(events: list[Event], units: Sequence[Unit]) -> list[Event]:
    """Give each event the index and text of the fast-split sentence that holds its trigger."""
    if not events:
        return events
    starts = [u.start_char for u in units]
    out = []
    for event in events:
        index = _unit_index(starts, event.span[0])
        unit = units[index]
        out.append(event.model_copy(update={"sentence_index": index, "sentence": unit.text}))
    return out


def _unit_index(starts: list[int], offset: int) -> int:
    import bisect

    return max(bisect.bisect_right(starts, offset) - 1, 0)


def prefilter_for(pipeline: Pipeline) -> Prefilter:
    """The :class:`Prefilter` of ``pipeline``, built once per pipeline object."""
    cached = _PREFILTERS.get(id(pipeline))
    if cached is None or cached[0] is not pipeline:
        cached = (pipeline, Prefilter.build(pipeline))
        _PREFILTERS[id(pipeline)] = cached
    return cached[1]


# -- measuring what it costs -----------------------------------------------------------------------
@dataclass
class GoldLoss:
    """Gold events matched by the unfiltered coder, and how many of them the prefilter loses."""

    gold_events: int
    matched_type: int
    lost_type: int
    matched_triple: int
    lost_triple: int
    events_full: int
    events_kept_identical: int
    sentences: int
    sentences_kept: int

    @property
    def loss(self) -> float:
        """Share of gold events lost (type level: matched without the prefilter, not with it)."""
        return self.lost_type / self.gold_events if self.gold_events else 0.0

    @property
    def loss_triple(self) -> float:
        """The same at the level of type + source + target countries."""
        return self.lost_triple / self.gold_events if self.gold_events else 0.0

    @property
    def identical(self) -> float:
        """Share of the unfiltered run's events that come out identical (every field)."""
        return self.events_kept_identical / self.events_full if self.events_full else 1.0


def gold_loss(paths: Sequence[Path], pipeline: Pipeline) -> GoldLoss:
    """Code every gold document with and without the prefilter and compare what each matches."""
    from detente.core import code_documents
    from detente.evaluation import Report, _score, read_gold

    docs = [doc for path in paths for doc in read_gold(path)]
    articles = [
        Article(
            text=d["text"],
            doc_id=str(d.get("id") or ""),
            published=dt.date.fromisoformat(d["published"]) if d.get("published") else None,
        )
        for d in docs
    ]
    full = [c.events for c in code_documents(articles, pipeline)]
    pre = list(prefilter_for(pipeline).code(articles))
    result = GoldLoss(0, 0, 0, 0, 0, 0, 0, 0, 0)
    for doc, mine, coded in zip(docs, full, pre, strict=True):
        plain, filtered = Report(), Report()
        _score(doc["events"], mine, doc["text"], plain)
        _score(doc["events"], coded.events, doc["text"], filtered)
        result.gold_events += len(doc["events"])
        result.matched_type += plain.type_level.tp
        result.lost_type += max(plain.type_level.tp - filtered.type_level.tp, 0)
        result.matched_triple += plain.triple_level.tp
        result.lost_triple += max(plain.triple_level.tp - filtered.triple_level.tp, 0)
        theirs = {json.dumps(e.to_record(), sort_keys=True) for e in coded.events}
        result.events_full += len(mine)
        result.events_kept_identical += sum(json.dumps(e.to_record(), sort_keys=True) in theirs for e in mine)
        selection = prefilter_for(pipeline).select(doc["text"])
        result.sentences += len(selection.units)
        result.sentences_kept += selection.kept
    return result
