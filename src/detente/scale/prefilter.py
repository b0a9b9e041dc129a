"""A cheap first pass so the full parse runs only on sentences that can hold an event.

1. **Sentence split**: the model's own trained sentence recogniser (``senter``, shipped disabled in
   the English models; ~50× faster than the parse), plus a break after every line break. Its
   boundaries are those of the parser for the great majority of sentences.
2. **Lexical filter** on lower-cased word forms: a sentence is kept when it has an actor candidate
   (a lexicon mention found by the resolver's PhraseMatchers, a pronoun the resolver reads, or a
   sector noun by its singular) **and** an event trigger candidate: a word whose form, de-inflected
   form or irregular form (the lemmatizer's exception tables) is a verb or noun of the trigger
   tables, with some rule of that lemma whose word conditions the sentence meets (its particles,
   object lemmas, modifiers, governing verbs: "lifted the sanctions" passes, "lifted its forecast"
   does not). The tables are compiled once (:class:`TriggerLexicon`).
3. **Parse of the kept text at its article offsets**: the text of every dropped sentence is
   blanked (non-space characters replaced by spaces), so one parse of the article covers just the
   kept sentences and every token keeps its article offset. Spans and event ids are therefore
   those of the unfiltered run; ``sentence_index`` and ``sentence`` are mapped back onto the
   fast split, which equals the parser's split for most sentences (:func:`agreement` counts the
   events that differ, by field).

What it costs in recall is measured on the gold set by :func:`gold_loss` (a test keeps it ≤ 1%).
"""

from __future__ import annotations

import bisect
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
_LINE_BREAK = re.compile(r"\n\s*")
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


Conditions = tuple[frozenset[str], ...]
"""Word sets of one trigger rule: the rule can fit a sentence only if each set meets its word forms."""


@dataclass(frozen=True)
class TriggerLexicon:
    """The coder's trigger tables compiled for the first pass: for each verb and noun lemma, the
    conditions of each of its rules that name words of the same sentence (a verb's attached
    particles and object lemmas; a noun's modifiers, governing verbs and prepositions). These are
    necessary conditions of the coder's rules, so a sentence that meets none cannot hold a trigger.
    """

    verbs: dict[str, list[Conditions]]
    nouns: dict[str, list[Conditions]]
    exceptions: dict[str, frozenset[str]]  # irregular forms of the lemmatizer: "met" -> {"meet"}
    _forms: dict[str, tuple[frozenset[str], frozenset[str]]] = field(default_factory=dict, compare=False)

    @classmethod
    def build(cls, knowledge: Any, exceptions: dict[str, frozenset[str]]) -> TriggerLexicon:
        """Compile ``knowledge.verbs`` and ``knowledge.nouns`` (see ``coding/triggers.yaml``)."""
        verbs: dict[str, list[Conditions]] = {}
        for lemma, verb_rules in knowledge.verbs.items():
            for rule in verb_rules:
                sets = [frozenset({word}) for word in rule.extra]
                if rule.objects is not None:
                    sets.append(frozenset(rule.objects))
                verbs.setdefault(lemma, []).append(tuple(sets))
        nouns: dict[str, list[Conditions]] = {}
        for lemma, noun_rules in knowledge.nouns.items():
            for rule in noun_rules:
                named = (rule.modifiers, rule.verbs, getattr(rule, "with_preps", None))
                nouns.setdefault(lemma, []).append(tuple(frozenset(w) for w in named if w is not None))
        return cls(verbs=verbs, nouns=nouns, exceptions=exceptions)

    def forms(self, token: Any) -> tuple[frozenset[str], frozenset[str]]:
        """Lemma candidates of a first-pass token (no tagger, no lemmatizer): as a verb, as a noun.
        They depend on the word form alone, so they are computed once per form."""
        lower: str = token.lower_
        known = self._forms.get(lower)
        if known is None:
            if len(self._forms) > 500_000:  # a stream of many articles: keep memory bounded
                self._forms.clear()
            known = self._forms[lower] = self._candidates(token)
        return known

    def _candidates(self, token: Any) -> tuple[frozenset[str], frozenset[str]]:
        lower: str = token.lower_
        irregular = self.exceptions.get(lower, frozenset())
        as_verb = {f for f in verb_forms(token) if f} | irregular
        as_noun = {lower, *irregular}
        if lower.endswith("s"):
            as_noun.add(lower[:-1])
        if lower.endswith("es"):
            as_noun.add(lower[:-2])
        if lower.endswith("ies"):
            as_noun.add(lower[:-3] + "y")
        if not lower.endswith("ing"):
            as_noun |= as_verb  # a verb the tagger may call a noun: "the strikes"
        return frozenset(as_verb), frozenset(as_noun)

    def sentence_has_trigger(self, tokens: Sequence[Any]) -> bool:
        """Whether a trigger rule of some token's lemma candidates can fit the sentence."""
        candidates = [self.forms(t) for t in tokens]
        rules = [
            conditions
            for as_verb, as_noun in candidates
            for table, lemmas in ((self.verbs, as_verb), (self.nouns, as_noun))
            for lemma in lemmas
            for conditions in table.get(lemma, ())
        ]
        if any(not conditions for conditions in rules):
            return True
        if not rules:
            return False
        words: set[str] = set()
        for as_verb, as_noun in candidates:
            words |= as_verb | as_noun
        return any(all(c & words for c in conditions) for conditions in rules)


@dataclass
class Prefilter:
    """The sentence splitter and the compiled trigger lexicon of the lexical filter."""

    pipeline: Pipeline
    senter: Any
    triggers: TriggerLexicon

    @classmethod
    def build(cls, pipeline: Pipeline) -> Prefilter:
        """The trigger lexicon from the pipeline's tables and lemmatizer; the model's ``senter``."""
        nlp = pipeline.nlp
        senter = nlp.get_pipe("senter") if "senter" in nlp.component_names else None
        exceptions: dict[str, set[str]] = {}
        if "lemmatizer" in nlp.component_names:
            lookups = nlp.get_pipe("lemmatizer").lookups
            if lookups.has_table("lemma_exc"):
                for table in lookups.get_table("lemma_exc").values():
                    for form, lemmas in table.items():
                        exceptions.setdefault(form.lower(), set()).update(str(x).lower() for x in lemmas)
        frozen = {form: frozenset(lemmas) for form, lemmas in exceptions.items()}
        return cls(pipeline, senter, TriggerLexicon.build(pipeline.context.knowledge, frozen))

    # -- the first pass ----------------------------------------------------------------------------
    def split(self, text: str) -> Doc:
        """Tokenise ``text`` and set sentence starts (senter, plus a start after each line break)."""
        doc = self.pipeline.nlp.make_doc(text)
        if self.senter is not None and len(doc):
            doc = self.senter(doc)
        else:
            for token in doc:
                token.is_sent_start = token.i == 0 or doc[token.i - 1].text in ".!?"
        if "\n" in text and len(doc) > 1:
            starts = doc.to_array("IDX").tolist()
            for line_break in _LINE_BREAK.finditer(text):
                i = bisect.bisect_left(starts, line_break.end())
                if 0 < i < len(doc):
                    doc[i].is_sent_start = True  # the first word after a line break
        return doc  # type: ignore[no-any-return]

    def has_trigger(self, words: Iterable[Any]) -> bool:
        """Whether a rule of the trigger tables can fit these words (see :class:`TriggerLexicon`)."""
        return self.triggers.sentence_has_trigger(list(words))

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
            yield CodedDocument(
                article, sentences, remap(events, selection.units), self.pipeline.code_version
            )

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


@dataclass
class Agreement:
    """How the prefiltered run's events compare with the unfiltered run's on the same articles."""

    events_full: int = 0
    events_filtered: int = 0
    identical: int = 0  # the same record, every field
    changed: int = 0  # same trigger and type, some field differs (context of a dropped sentence)
    lost: int = 0  # no prefiltered event at that trigger with that type
    extra: int = 0  # prefiltered events with no unfiltered event at that trigger and type
    fields: dict[str, int] = field(default_factory=dict)  # which fields differ in the changed ones

    def as_text(self) -> str:
        """One line for a report."""
        fields = ", ".join(f"{k} {v}" for k, v in sorted(self.fields.items(), key=lambda kv: -kv[1]))
        return (
            f"{self.events_full} events without prefilter, {self.events_filtered} with: {self.identical} "
            f"identical, {self.changed} changed ({fields or 'none'}), {self.lost} lost, {self.extra} extra"
        )


def agreement(articles: Sequence[Article], pipeline: Pipeline) -> Agreement:
    """Code ``articles`` with and without the prefilter and compare the events field by field."""
    from collections import Counter

    from detente.core import code_documents

    result = Agreement()
    fields: Counter[str] = Counter()
    full = code_documents(articles, pipeline)
    filtered = prefilter_for(pipeline).code(articles)
    for mine, theirs in zip(full, filtered, strict=True):
        plain = [e.to_record() for e in mine.events]
        other = [e.to_record() for e in theirs.events]
        result.events_full += len(plain)
        result.events_filtered += len(other)
        left = Counter(json.dumps(r, sort_keys=True) for r in other)
        unmatched = []
        for record in plain:
            key = json.dumps(record, sort_keys=True)
            if left[key] > 0:
                left[key] -= 1
                result.identical += 1
            else:
                unmatched.append(record)
        rest = [json.loads(k) for k, n in left.items() for _ in range(n)]
        for record in unmatched:
            twin = next(
                (r for r in rest if r["span"] == record["span"] and r["event_type"] == record["event_type"]),
                None,
            )
            if twin is None:
                result.lost += 1
                continue
            rest.remove(twin)
            result.changed += 1
            fields.update(k for k in record.keys() | twin.keys() if record.get(k) != twin.get(k))
        result.extra += len(rest)
    result.fields = dict(fields)
    return result
