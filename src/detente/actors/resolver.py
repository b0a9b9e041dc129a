"""Resolve actor mentions in a parsed document to :class:`~detente.models.Actor` records.

Mentions are found with spaCy's PhraseMatcher over the lexicon; an argument of an event (a token
and the part of its subtree that names it: compounds, adjectives, possessives, "of"-phrases,
appositions) is resolved by combining the mentions it contains: a person or organisation gives the
entity, a country/demonym/metonym the country, a sector noun the sector ("Russian police" → RUS/COP).
Sector-only mentions ("the Foreign Ministry") and pronouns take the country of the nearest fitting
actor earlier in the document, kept in a :class:`DocMemory`.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from detente.actors.lexicon import ROLE_TITLES, Entry, Lexicon, normalise
from detente.data_files import load_yaml
from detente.models import Actor

# Dependency labels that stay inside the phrase naming an actor.
NAME_DEPS = {
    "npadvmod",  # "a Marshall Islands-flagged tanker"
    "compound",
    "amod",
    "poss",
    "det",
    "nmod",
    "flat",
    "nummod",
    "case",
    "appos",
    "punct",
    "quantmod",
}
NAME_PREPS = {"of", "from", "for"}
# a leader elected but not yet sworn in is already named by the surname ("congratulated Pezeshkian")
ELECT_DAYS = 150  # Mexico: election in June, inauguration in October
PRONOUNS_PERSON = {"he", "she", "him", "her", "his"}
PRONOUNS_GROUP = {"it", "they", "them", "its", "their"}
PLURAL_PRONOUNS = {"they", "them"}
_NOUNS = load_yaml("actors", "reference_nouns.yaml")  # data/actors/reference_nouns.yaml
# Sectors of actors that belong to no state by default ("gunmen", "smugglers"): no context country.
NON_STATE_SECTORS = {"REB", "CRM", "UNK"}
# "the two leaders", "both sides": a pair of the countries just mentioned
PAIR_NOUNS = frozenset(_NOUNS["pair_nouns"])
STATE_KINDS = {"metonym", "country", "org", "group"}
# Posts that stand in a foreign capital: "the embassy in Kyiv" is not Ukraine's.
FOREIGN_POSTS = frozenset(_NOUNS["foreign_posts"])
# "a US-brokered plan": who brokered a thing, not whose it is
AGENT_PARTICIPLES = frozenset(_NOUNS["agent_participles"])
# "the bloc's members": the organisation last named
ORGANISATION_NOUNS = frozenset(_NOUNS["organisation_nouns"])
# bodies that act though they name no sector: "the Saudi-led coalition" is Saudi Arabia's
ACTING_BODIES = frozenset(_NOUNS["acting_bodies"])
# "South American", "West African": a region, whose last word alone would read as a nationality
REGION_ADJECTIVES = tuple(_NOUNS["region_adjectives"])
# "pro-Palestinian demonstrators", "anti-Russian protests": an attitude, not a nationality
ATTITUDE_PREFIXES = {"pro", "anti"}
KIND_RANK = {
    "person": 0,
    "group": 1,
    "org": 2,
    "country": 3,
    "metonym": 3,
    "people": 4,
    "demonym": 4,
    "sector": 5,
}


@dataclass
class Mention:
    """A dictionary match in a document: token span and the senses it may have."""

    start: int
    end: int
    entries: list[Entry]


@dataclass
class DocMemory:
    """What the coder learned earlier in the same document: people by surname, recent actors."""

    people: dict[str, Actor] = field(default_factory=dict)
    recent: list[Actor] = field(default_factory=list)
    subjects: list[Actor] = field(default_factory=list)
    # the two sides of each event coded between two countries, and the sentence it was told in
    pairs: list[tuple[Actor, Actor, int]] = field(default_factory=list)
    sentence: int = 0  # the sentence being coded
    named_pairs: dict[int, list[Actor]] = field(default_factory=dict)  # "both sides" (token) -> the two

    def remember_pair(self, source: Actor, target: Actor | None) -> None:
        """Note the two countries an event was between (none when it had one side or one country)."""
        if target is not None and source.country and target.country and source.country != target.country:
            self.pairs.append((source, target, self.sentence))

    def main_pair(self) -> tuple[Actor, Actor] | None:
        """The two countries "both sides", "the two governments" stand for: those of the sentence's
        last event between two ("A called B, and the two leaders agreed ..."), else those most of the
        events so far were between (on a tie, the pair told first: the article's lead)."""
        here = [(a, b) for a, b, sentence in self.pairs if sentence == self.sentence]
        if here:
            return here[-1]
        counts = Counter(frozenset((a.country, b.country)) for a, b, _ in self.pairs)
        if not counts:
            return None
        top = max(counts.values())
        return next((a, b) for a, b, _ in self.pairs if counts[frozenset((a.country, b.country))] == top)

    def remember_subject(self, actor: Actor) -> None:
        """Note ``actor`` as the source of an event: pronouns prefer the salient subject."""
        if actor.country:
            self.subjects.append(actor)
            del self.subjects[:-10]

    def named_by(self, noun: str) -> Actor | None:
        """The last actor of a country whose phrase had ``noun`` as its last word: the body a
        definite noun names again ("Latvia's foreign ministry ... The ministry")."""
        for actor in reversed(self.recent):
            words = actor.text.lower().split()
            if actor.country and words and words[-1] == noun:
                return actor
        return None

    def remember(self, actor: Actor) -> None:
        """Note ``actor`` as the most recent one mentioned."""
        self.recent.append(actor)
        if len(self.recent) > 30:
            del self.recent[:10]

    def last_human(self) -> Actor | None:
        """The most recent person, else the most recent actor that is not a whole country."""
        return self.last(person=True) or next(
            (
                a
                for a in reversed(self.recent)
                if a.entity_id is None or not a.entity_id.startswith(("country:", "org:"))
            ),
            None,
        )

    def last(
        self, *, person: bool | None = None, country_only: bool = False, state_only: bool = False
    ) -> Actor | None:
        """The most recent actor that fits (a person, or a country/organisation; ``state_only``: a
        state, not an international organisation)."""
        for actor in reversed(self.recent):
            if state_only and (actor.sector == "IGO" or (actor.entity_id or "").startswith("org:")):
                continue
            is_person = bool(actor.entity_id and actor.entity_id.startswith("person:"))
            if person is True and not is_person:
                continue
            if person is False and is_person:
                continue
            if country_only and not actor.country:
                continue
            return actor
        return None


class ActorResolver:
    """Finds actor mentions in a Doc and turns argument tokens into actors."""

    def __init__(self, lexicon: Lexicon, nlp: Any) -> None:
        self.lexicon = lexicon
        self.cased = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.uncased = PhraseMatcher(nlp.vocab, attr="LOWER")
        cased = sorted(s for s in lexicon.surfaces if is_acronym(s))
        uncased = sorted({s.lower() for s in lexicon.surfaces if not is_acronym(s)})
        self.cased.add("ACTOR", list(nlp.tokenizer.pipe(cased)))
        self.uncased.add("ACTOR", list(nlp.tokenizer.pipe(uncased)))
        self.uncased.add("REGION", list(nlp.tokenizer.pipe([r.lower() for r in REGION_ADJECTIVES])))
        self.region = nlp.vocab.strings["REGION"]

    # -- finding mentions ---------------------------------------------------------------------
    def mentions(self, doc: Doc) -> dict[int, Mention]:
        """Dictionary matches in ``doc``, indexed by every token they cover."""
        matches = list(self.cased(doc)) + list(self.uncased(doc))
        spans = [doc[s:e] for _, s, e in matches]
        regions = {(s, e) for label, s, e in matches if label == self.region}
        found: dict[int, Mention] = {}
        for span in filter_spans(spans):
            if _attitude(span) or (span.start, span.end) in regions:
                continue
            entries = self._senses(span)
            if not entries:
                continue
            mention = Mention(span.start, span.end, entries)
            for i in range(span.start, span.end):
                found[i] = mention
        return found

    def sector_of(self, token: Token) -> str | None:
        """The sector a common noun names ("journalists" → MED, "people" → CVL), if it names one."""
        for surface in (token.lower_, token.lemma_.lower()):
            for entry in self.lexicon.lookup(surface):
                if entry.kind == "sector":
                    return entry.sector
        return None

    def names_a_thing(self, token: Token, mentions: dict[int, Mention]) -> bool:
        """Whether a noun names a thing rather than an actor or a body ("plan", not "coalition")."""
        if token.i in mentions or token.lemma_.lower() in ACTING_BODIES:
            return False
        return self._lemma_mention(token) is None

    def _lemma_mention(self, token: Token) -> Mention | None:
        """A sector noun matched by its lemma ("prisoners" → "prisoner") when no form matched."""
        entries = [e for e in self.lexicon.lookup(token.lemma_) if e.kind == "sector"]
        return Mention(token.i, token.i + 1, entries) if entries else None

    def _senses(self, span: Span) -> list[Entry]:
        entries = self.lexicon.lookup(span.text)
        if not entries:
            return []
        first = span[0]
        proper = first.is_title or first.is_upper or first.text[:1].isupper()
        kept = [e for e in entries if e.kind == "sector" or proper]
        if first.ent_type_ != "PERSON" and any(e.kind in ("country", "metonym") for e in kept):
            # "Montenegro" is the country unless the tagger reads a person (Luís Montenegro)
            kept = [e for e in kept if e.kind != "person"]
        return kept

    # -- resolving arguments --------------------------------------------------------------------
    def resolve_many(
        self,
        token: Token,
        mentions: dict[int, Mention],
        day: dt.date | None,
        memory: DocMemory,
        local: str | None = None,
    ) -> list[Actor]:
        """Like :meth:`resolve_token`, but a phrase with coordinated nationalities names several
        actors: "Ukrainian and Russian delegations", "the presidents of Uzbekistan and Kazakhstan";
        and "the two leaders", "both sides" name the two countries the article's events were between
        (else the two last mentioned)."""
        asked = [a for c in _controllers(token) for a in self.resolve_many(c, mentions, day, memory, local)]
        if asked:
            return [a.model_copy(update={"text": token.text}) for a in asked]
        pair = self._the_two(token, memory)
        if pair:
            return pair
        shared = self._shared_owners(token, mentions, day, memory)
        if shared:
            return shared
        base = self.resolve_token(token, mentions, day, memory, local)
        if base is None:
            return []
        others: list[Entry] = []
        for child in token.children:
            heads = [child] if child.dep_ in ("amod", "compound", "nmod", "poss") else []
            if child.dep_ == "prep" and child.lower_ in ("of", "from"):
                # "the presidents of Uzbekistan and Kazakhstan", "negotiators from Guyana and Suriname"
                heads = [g for g in child.children if g.dep_ == "pobj"]
            for head in heads:
                for conj in head.conjuncts:
                    mention = mentions.get(conj.i)
                    entry = (
                        next(
                            (e for e in mention.entries if e.kind in STATE_KINDS | {"demonym", "people"}),
                            None,
                        )
                        if mention
                        else None
                    )
                    if (
                        entry is not None
                        and entry.country
                        and entry.country != base.country
                        and entry not in others
                    ):
                        others.append(entry)
        extra = [
            base.model_copy(
                update={
                    "country": e.country,
                    "name": self.lexicon.country_names.get(e.country or "", e.name),
                    "entity_id": None,
                }
            )
            for e in others
        ]
        return [base, *extra]

    def _shared_owners(
        self, token: Token, mentions: dict[int, Mention], day: dt.date | None, memory: DocMemory
    ) -> list[Actor]:
        """The coordinated parties "their" stands for when the clause's subject names several ("Mexico
        and Guatemala agreed ... when their foreign ministers met", "the GCC and ASEAN signed a deal
        at their joint summit"): each of them, not the last one named."""
        owner = token if token.lower_ == "their" else None
        owner = owner or next((c for c in token.children if c.dep_ == "poss" and c.lower_ == "their"), None)
        if owner is None:
            return []
        subjects = [
            t
            for t in token.sent[: owner.i - token.sent.start]
            if t.dep_ in ("nsubj", "nsubjpass") and any(c.dep_ == "conj" for c in t.children)
        ]
        if not subjects:
            return []
        parties = [subjects[-1], *subjects[-1].conjuncts]
        actors = [a for p in parties if (a := self.resolve_token(p, mentions, day, memory)) is not None]
        if len({a.country for a in actors if a.country}) < 2:
            return []
        sector = self.sector_of(token) if token is not owner else None
        return [
            a.model_copy(update={"text": token.text, **({"sector": sector} if sector else {})})
            for a in actors
        ]

    def _the_two(self, token: Token, memory: DocMemory) -> list[Actor]:
        """The two countries "both sides", "the two leaders" (or "they" after such a phrase in the
        sentence: "called on both governments to respect the agreement they signed") stand for."""
        said = token
        if token.lower_ in PLURAL_PRONOUNS:
            token = next((t for t in reversed(token.sent[: token.i - token.sent.start]) if _a_pair(t)), token)
        if not _a_pair(token):
            return []
        if token.i not in memory.named_pairs:
            memory.named_pairs[token.i] = self._pair_countries(token, memory)
        return [a.model_copy(update={"text": said.text}) for a in memory.named_pairs[token.i]]

    def _pair_countries(self, token: Token, memory: DocMemory) -> list[Actor]:
        main = memory.main_pair()
        countries: list[Actor] = [main[1], main[0]] if main else []
        for actor in [] if main else reversed(memory.recent):
            if actor.country and all(actor.country != a.country for a in countries):
                countries.append(actor)
            if len(countries) == 2:
                break
        if len(countries) < 2:
            return []
        sector = self.sector_of(token) or "GOV"
        return [
            Actor(
                text=token.text,
                name=a.name
                if a.entity_id and a.entity_id.startswith("country:")
                else self.lexicon.country_names.get(a.country or ""),
                country=a.country,
                sector=sector,
            )
            for a in reversed(countries)
        ]

    def resolve_token(
        self,
        token: Token,
        mentions: dict[int, Mention],
        day: dt.date | None,
        memory: DocMemory,
        local: str | None = None,
    ) -> Actor | None:
        """The actor named by the phrase headed by ``token``, or None when it names no actor."""
        lower = token.lower_
        if token.pos_ == "PRON" or lower in PRONOUNS_PERSON | PRONOUNS_GROUP:
            if lower in PRONOUNS_PERSON:
                speaker = next((a for a in reversed(memory.subjects) if _is_person(a)), None)
                return _as_pronoun(speaker or memory.last_human(), token.text)
            if lower in PRONOUNS_GROUP:
                # "it", "their" stand for a state, a body or a group, not for one person ("Zelensky will
                # ask G7 leaders ... at their summit", "called on Washington to reconsider its decision")
                asked = _controllers(token)
                if asked:
                    return _as_pronoun(self.resolve_token(asked[0], mentions, day, memory), token.text)
                salient = memory.subjects[-1] if memory.subjects else None
                if salient is not None and _is_person(salient):
                    salient = None
                return _as_pronoun(salient or memory.last(person=False, country_only=True), token.text)
            return None
        phrase = name_tokens(token)
        if (token.pos_ == "PROPN" or token.text[:1].isupper()) and normalise(token.text) in memory.people:
            # a person learned earlier in the text (the tagger may call a bare surname a place, or a
            # common noun: "Woldu accused ...")
            learned_person = memory.people[normalise(token.text)]
            return learned_person.model_copy(update={"text": _phrase_text(token, phrase)})
        found: list[Mention] = []
        portfolio: list[Mention] = []  # "the government's office for Kosovo": what it deals with
        thing = self.names_a_thing(token, mentions)
        for tok in phrase:
            mention = mentions.get(tok.i)
            if thing and agent_of_modifier(tok, token):
                continue  # "a US-brokered plan", "a NATO-run scheme": no actor's own thing
            if (
                tok.dep_ == "compound"
                and tok.head.lemma_.lower() in FOREIGN_POSTS
                and tok.head.i != token.i
                and not (mention is not None and any(e.kind in ("org", "group") for e in mention.entries))
            ):
                # "the Russian agency's Baku bureau": Baku is where it is ("the UN mission" is the UN's)
                continue
            if mention is None and tok.i == token.i:
                mention = self._lemma_mention(token)
            if mention is None or mention in found or mention in portfolio:
                continue
            (portfolio if _under_for(tok, token) else found).append(mention)
        if thing:
            found = _owners_first(token, found, mentions)
        if not any(e.kind != "sector" for m in found for e in m.entries):
            found.extend(portfolio)
        text = _phrase_text(token, phrase)
        if found and not any(e.kind != "sector" for m in found for e in m.entries):
            # "the Foreign Ministry in Baku", "a commander in Iran's Revolutionary Guards" (a body or
            # post located in a state; "four hours of talks in Riyadh" names no actor)
            found.extend(_located_in(token, mentions))
        if _regional(text):
            return None  # "South American leaders": people of a region, of no one state
        if not any(e.kind != "sector" for m in found for e in m.entries):
            named_before = _named_before(phrase, memory)
            if named_before is not None:
                return named_before.model_copy(update={"text": text})
        indefinite = any(c.dep_ == "det" and c.lower_ in ("a", "an", "some", "any") for c in token.children)
        owner = next((c for c in token.children if c.dep_ == "poss" and c.pos_ == "PRON"), None)
        # the sentence's country (where it happened) is no clue for a post abroad ("the embassy in Kyiv")
        # nor for something whose owner is named ("its embassy")
        use_local = not indefinite and owner is None and token.lemma_.lower() not in FOREIGN_POSTS
        actor = self.combine(
            found, text, day, None if indefinite else memory, head=token, local=local if use_local else None
        )
        state_named = any(e.kind != "sector" for m in found for e in m.entries)
        named_before = _organisation_anaphor(phrase, memory) if not state_named else None
        if named_before is not None:
            # "tariff threats against the bloc's members" after "a BRICS summit": the bloc is BRICS
            return named_before.model_copy(update={"text": text})
        if owner is not None and (actor is None or actor.country is None or not state_named):
            # "its editor", "their embassy": the owner's country, the head noun's sector
            resolved_owner = self.resolve_token(owner, mentions, day, memory)
            if resolved_owner is not None:
                sector = (actor.sector if actor is not None and found else None) or resolved_owner.sector
                actor = Actor(
                    text=text,
                    name=resolved_owner.name,
                    country=resolved_owner.country,
                    sector=sector,
                    entity_id=None,
                )
        if actor is None and token.ent_type_ == "PERSON":
            learned = memory.people.get(normalise(token.text))
            if learned is not None:
                actor = learned.model_copy(update={"text": text})
        return actor

    def combine(
        self,
        found: list[Mention],
        text: str,
        day: dt.date | None,
        memory: DocMemory | None,
        *,
        head: Token | None = None,
        local: str | None = None,
    ) -> Actor | None:
        """Merge the senses of the mentions of one phrase into an actor. A phrase that names no
        country takes ``local`` (the country the sentence points to), else the one in ``memory``."""
        country: str | None = None
        sector: str | None = None
        name: str | None = None
        entity: str | None = None
        head_sector: str | None = None
        title_role: str | None = None
        ranked = sorted(
            ((m, _best_entry(m.entries, day, self.lexicon)) for m in found),
            key=lambda pair: KIND_RANK[pair[1].kind],
        )
        for mention, entry in ranked:
            if entry.kind == "person":
                term = self._term_for(entry.key, day)
                if term is None and day is not None:
                    # out of office on that day: a full name ("former prime minister Imran Khan")
                    # still names that person; a bare surname may be someone else
                    term = self._nearest_term(entry.key, day)
                    elect = term is not None and 0 < (term.start - day).days <= ELECT_DAYS
                    if mention.end - mention.start < 2 and not elect:
                        continue  # a bare surname out of office may be someone else (not a leader-elect)
                    stated = _stated_country(found)
                    if stated is not None and stated != entry.country:
                        # "Portuguese Prime Minister Antonio Costa" before his EU post: the text says PRT
                        country = country or stated
                        name = name or entry.name
                        sector = sector or "GOV"
                        continue
                country = country or entry.country
                name = name or (term.name if term else entry.name)
                entity = entity or entry.key
                sector = sector or "GOV"
            elif entry.kind == "group":
                if entity is None:
                    country, name, entity = entry.country, entry.name, entry.key
                    head_sector = head_sector or entry.sector
            elif entry.kind == "org":
                if country is None:
                    country, name, entity = entry.key, entry.name, f"org:{entry.key}"
                sector = sector or entry.sector
            elif entry.kind in ("country", "metonym"):
                if country is None:
                    country = entry.key
                    name = name or entry.name
            elif entry.kind in ("people", "demonym"):
                if country is None:
                    country = entry.key
                    name = name or entry.name
                if entry.kind == "people":
                    head_sector = head_sector or "CVL"
            elif entry.kind == "sector":
                is_head = head is not None and mention.start <= head.i < mention.end
                if is_head or head_sector is None:
                    head_sector = entry.sector if is_head else (head_sector or entry.sector)
                if entry.country and country is None:
                    country = entry.country
                title_role = title_role or _title_role(entry.name)
        if country is None and head_sector is None and entity is None:
            return None
        final_sector: str | None
        if entity and entity.startswith("person:"):
            final_sector = "GOV"
        else:
            final_sector = head_sector or sector or ("GOV" if country else None)
        if country is None:
            # a sector-only mention ("the ministry") belongs to the country in context;
            # without context (or for "a source", "a missile") the country stays unknown
            anaphoric = final_sector not in NON_STATE_SECTORS
            context = (
                # people, police and ministries belong to a state, not to the EU or the UN
                memory.last(person=None, country_only=True, state_only=True)
                if memory is not None and anaphoric
                else None
            )
            if local is not None and anaphoric:
                context = Actor(text=text, country=local)
            # "the ministry" names again the ministry named before, whatever else the sentence names
            again = _named_again(head, memory) if anaphoric else None
            context = again or context
            if context is None:
                # no country yet: the coder may still place it (the country where the event happened)
                return Actor(text=text, name=None, country=None, sector=final_sector, entity_id=None)
            country = context.country
        if entity is None and title_role and country and day is not None:
            holder = self.holder_of(country, title_role, day)
            if holder is not None:
                name, entity = holder
        if entity is None and country is not None and head_sector is None:
            entity = f"country:{country}"  # the country itself ("Russia", "Baku", "the Kremlin")
        return Actor(text=text, name=name, country=country, sector=final_sector, entity_id=entity)

    def _term_for(self, person_id: str, day: dt.date | None) -> Any:
        terms = self.lexicon.terms_of(person_id)
        if day is None:
            return terms[-1] if terms else None
        for term in terms:
            if term.covers(day):
                return term
        return None

    def _nearest_term(self, person_id: str, day: dt.date) -> Any:
        terms = self.lexicon.terms_of(person_id)
        return min(terms, key=lambda t: abs((t.start - day).days)) if terms else None

    def holder_of(self, country: str, role: str, day: dt.date) -> tuple[str, str] | None:
        """(name, entity id) of who held ``role`` in ``country`` on ``day``."""
        for pid, terms in self.lexicon.terms.items():
            for term in terms:
                if term.country == country and term.role == role and term.covers(day):
                    return term.name, pid
        return None

    def learn_appositions(
        self, sent: Span, mentions: dict[int, Mention], day: dt.date | None, memory: DocMemory
    ) -> None:
        """Learn people introduced by apposition: "Anna Petrova, editor of the state agency's Baku bureau"."""
        for token in sent:
            if token.dep_ != "appos":
                continue
            pairs = [(token.head, token), (token, token.head)]
            for person, description in pairs:
                if not _may_be_person(person) or any(person.i == m for m in mentions):
                    continue
                described = self.resolve_token(description, mentions, day, DocMemory())
                if described is None or described.country is None:
                    continue
                full = " ".join(
                    t.text
                    for t in person.subtree
                    if (t.ent_type_ == person.ent_type_ and t.dep_ in ("compound", "flat")) or t.i == person.i
                )
                actor = Actor(
                    text=full,
                    name=full,
                    country=described.country,
                    sector=described.sector,
                    entity_id=f"learned:{normalise(full)}",
                )
                memory.people[normalise(full)] = actor
                # later mentions use one part of the name: "Petrova", or "Zhao" for "Zhao Ming"
                for part in full.split():
                    if len(part) > 2 and part[:1].isupper():
                        memory.people.setdefault(normalise(part), actor)
                memory.people[normalise(person.text)] = actor
                memory.remember(actor)

    def resolve_text(
        self, text: str, nlp: Any, day: dt.date | None = None, context: str | None = None
    ) -> Actor | None:
        """Resolve a free-standing mention ("the Azerbaijani president", "Baku") for ``detente resolve``."""
        memory = DocMemory()
        if context:
            ctx = nlp.make_doc(context)
            for mention in {id(m): m for m in self.mentions(ctx).values()}.values():
                actor = self.combine([mention], ctx[mention.start : mention.end].text, day, None)
                if actor is not None and actor.country:
                    memory.remember(actor)
        doc = nlp.make_doc(text)
        found = list({id(m): m for m in self.mentions(doc).values()}.values())
        found.sort(key=lambda m: m.start)
        head = doc[len(doc) - 1] if len(doc) else None
        return self.combine(found, text, day, memory, head=head)


def name_tokens(token: Token) -> list[Token]:
    """The tokens of the phrase headed by ``token`` that name it (no relative clauses, no places)."""
    out = [token]
    stack = [token]
    while stack:
        current = stack.pop()
        for child in current.children:
            keep = child.dep_ in NAME_DEPS or (child.dep_ == "prep" and child.lower_ in NAME_PREPS)
            if current.dep_ == "prep":
                keep = child.dep_ == "pobj"
            if keep:
                out.append(child)
                stack.append(child)
    return sorted(out, key=lambda t: t.i)


def agent_of_modifier(tok: Token, head: Token) -> bool:
    """``tok`` names who did what a hyphenated participle modifying ``head`` says: "US" in "a
    US-brokered plan", "NATO" in "a NATO-run scheme"."""
    current = tok
    while current.i != head.i and current.head.i != current.i:
        parent = current.head
        hyphenated = parent.i > 0 and parent.doc[parent.i - 1].text == "-"
        if parent.i != head.i and parent.lower_ in AGENT_PARTICIPLES and hyphenated and current.i < parent.i:
            return True
        current = parent
    return False


def _owners_first(head: Token, found: list[Mention], mentions: dict[int, Mention]) -> list[Mention]:
    """A thing's possessor names whose it is, before what it concerns: "Sweden's NATO membership"
    is Sweden's, "Ukraine's EU bid" Ukraine's."""
    owners = [c for c in head.children if c.dep_ == "poss" and c.pos_ != "PRON"]
    owned = [
        m
        for owner in owners
        for t in owner.subtree
        if (m := mentions.get(t.i)) is not None and m in found and any(e.kind != "sector" for e in m.entries)
    ]
    return owned or found


def _organisation_anaphor(phrase: list[Token], memory: DocMemory) -> Actor | None:
    """The organisation the text last named, for "the bloc", "the alliance" in a phrase."""
    anaphor = any(
        t.lemma_.lower() in ORGANISATION_NOUNS
        and any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in t.children)
        for t in phrase
    )
    if not anaphor:
        return None
    return next((a for a in reversed(memory.recent) if (a.entity_id or "").startswith("org:")), None)


def _regional(text: str) -> bool:
    """Whether a phrase names people by their region ("South American leaders", "West African troops")."""
    words = f" {text.lower()} "
    return any(f" {region.lower()} " in words for region in REGION_ADJECTIVES)


def _attitude(span: Span) -> bool:
    """A name after "pro-" or "anti-" ("pro-Palestinian") tells a stance, not whose people they are."""
    if span.start < 2:
        return False
    doc = span.doc
    return doc[span.start - 1].text == "-" and doc[span.start - 2].lower_ in ATTITUDE_PREFIXES


def _under_for(tok: Token, head: Token) -> bool:
    """``tok`` sits in a "for" phrase of the phrase headed by ``head`` ("envoy for Syria")."""
    current = tok
    while current.i != head.i and current.head.i != current.i:
        if current.dep_ == "pobj" and current.head.lower_ == "for":
            return True
        current = current.head
    return False


def _located_in(token: Token, mentions: dict[int, Mention]) -> list[Mention]:
    """The country or organisation in an "in/at X" phrase under the phrase's nouns: "the Foreign
    Ministry in Baku", "a commander in Iran's Revolutionary Guards". Posts abroad are left out:
    "the embassy in Kyiv" is not Ukraine's."""
    for noun in name_tokens(token):
        if noun.lemma_.lower() in FOREIGN_POSTS or noun.pos_ not in ("NOUN", "PROPN"):
            continue
        for child in noun.children:
            if child.dep_ != "prep" or child.lower_ not in ("in", "at", "across", "throughout"):
                continue
            for pobj in child.children:
                for tok in name_tokens(pobj):
                    mention = mentions.get(tok.i)
                    if mention is not None and any(e.kind in STATE_KINDS for e in mention.entries):
                        return [mention]
    return []


def _phrase_text(head: Token, phrase: list[Token]) -> str:
    kept = [t for t in phrase if t.dep_ != "punct" or head.i > t.i > phrase[0].i]
    if not kept:
        return head.text
    doc = head.doc
    start, end = kept[0].i, kept[-1].i + 1
    if doc[start].dep_ == "det" and doc[start].lower_ in ("the", "a", "an"):
        start += 1
    return doc[start:end].text if start < end else head.text


def _best_entry(entries: list[Entry], day: dt.date | None, lexicon: Lexicon) -> Entry:
    ranked = sorted(entries, key=lambda e: KIND_RANK[e.kind])
    if day is not None:
        for entry in ranked:
            if entry.kind == "person" and any(t.covers(day) for t in lexicon.terms_of(entry.key)):
                return entry
    return ranked[0]


def _may_be_person(token: Token) -> bool:
    """A name the tagger calls a person, or a proper name it mislabels as an organisation
    ("Tesfay Woldu, Eritrea's information minister"): a name that is no known actor and is
    described by an apposition."""
    return token.ent_type_ == "PERSON" or (token.pos_ == "PROPN" and token.ent_type_ == "ORG")


def _title_role(term: str) -> str | None:
    for role, titles in ROLE_TITLES.items():
        if term in titles:
            return role
    return None


def _stated_country(found: list[Mention]) -> str | None:
    """The country a phrase names outright (a demonym or country name), if any."""
    for mention in found:
        for entry in mention.entries:
            if entry.kind in ("country", "demonym", "people", "metonym") and entry.country:
                return entry.country
    return None


def _controllers(pronoun: Token) -> list[Token]:
    """Who the subject pronoun of a relative clause stands for when the clause hangs on what a party
    is asked to do: that party ("urged Pyongyang to free the fishermen it detained", "called on both
    governments to respect the agreement they signed"), also as the owner of that subject ("asked
    Minsk to release the activists its courts jailed")."""
    subject = pronoun.head if pronoun.dep_ == "poss" and pronoun.lower_ in ("its", "their") else pronoun
    if (
        (subject.lower_ not in PLURAL_PRONOUNS | {"it"} and subject is pronoun)
        or subject.dep_ != "nsubj"
        or subject.head.dep_ != "relcl"
    ):
        return []
    node = subject.head.head
    while node.dep_ in ("dobj", "pobj", "prep") and node.head.i != node.i:
        node = node.head
    if node.dep_ != "xcomp":
        return []
    asked = [c for c in node.head.children if c.dep_ == "dobj"] + [
        g
        for c in node.head.children
        if c.dep_ == "prep" and c.lower_ in ("on", "upon")
        for g in c.children
        if g.dep_ == "pobj"
    ]
    return [asked[0], *asked[0].conjuncts] if asked else []


def _a_pair(token: Token) -> bool:
    """Whether ``token`` heads a phrase naming two countries: "both sides", "the two leaders"."""
    both = any(
        (c.dep_ == "nummod" and c.lower_ == "two")
        or (c.dep_ in ("det", "predet", "preconj") and c.lower_ == "both")
        for c in token.children
    )
    return both and token.lemma_.lower() in PAIR_NOUNS


def _named_before(phrase: list[Token], memory: DocMemory) -> Actor | None:
    """The organisation a bare definite noun names again: "the court" after "the International
    Court of Justice", "the fund's board" after "the International Monetary Fund" (the latest one
    whose name holds the noun)."""
    for token in phrase:
        if token.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
            continue
        if any(c.dep_ in ("compound", "amod", "nmod") for c in token.children):
            continue
        for actor in reversed(memory.recent):
            if (actor.entity_id or "").startswith("org:") and token.lower_ in (
                actor.name or ""
            ).lower().split():
                return actor
    return None


def _is_person(actor: Actor) -> bool:
    return bool(actor.entity_id and actor.entity_id.startswith(("person:", "learned:")))


def _as_pronoun(actor: Actor | None, text: str) -> Actor | None:
    return actor.model_copy(update={"text": text}) if actor is not None else None


def is_acronym(surface: str) -> bool:
    """Short all-capital forms ("US", "UN", "FSB") are matched case-sensitively ("us" is a pronoun)."""
    letters = surface.replace(".", "")
    return letters.isupper() and len(letters) <= 5


def _named_again(head: Token | None, memory: DocMemory | None) -> Actor | None:
    """The earlier actor a definite noun with no owner names again ("the ministry")."""
    if head is None or memory is None:
        return None
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
        return None
    return memory.named_by(head.lower_)
