"""Step 3 of coding: negation, modality and who the sentence attributes the event to."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from detente.claims.attribution import disputes_content, quoted_speaker, refine_claimant, statement_nouns
from detente.coding.knowledge import ModalityCues
from detente.coding.roles import is_passive
from detente.coding.triggers import Trigger, dates_only, summing_up

# an act told in one of these phrases took place whatever the governing verbs say ("failed to agree
# after ten days of talks", "failed to agree at a meeting in Brasilia": the talks, the meeting were held)
CIRCUMSTANCE_PREPS = {"after", "before", "during", "following", "since", "despite", "amid", "until", "at"}
CLIMB_DEPS = (
    "xcomp",
    "ccomp",
    "conj",
    "advcl",
    "parataxis",
    "pcomp",
    "acomp",
    "relcl",
    "prep",
    "pobj",
    "dobj",
)


@dataclass(frozen=True)
class Modality:
    """What the context says about a trigger."""

    negated: bool
    modality: str
    claimant: Token | None
    suppressed: bool  # the trigger is the thing refused or requested: the governing verb is the event


def read_modality(trigger: Trigger, cues: ModalityCues) -> Modality:
    """Negation, modality and claimant of ``trigger`` from its dependents and the verbs above it."""
    token = trigger.token
    anchors = [token] + ([trigger.light_verb] if trigger.light_verb is not None else [])
    negated = any(_negated(a, cues) for a in anchors) or _intention_denied(trigger)
    modality = "asserted"
    suppressed = False
    claimant: Token | None = None

    for anchor in anchors:
        for child in anchor.children:
            lemma = child.lemma_.lower()
            if child.dep_ == "aux" and lemma in cues.planned_aux:
                modality = _stronger(modality, "planned")
            elif child.dep_ == "aux" and lemma in cues.hypothetical_aux:
                modality = _stronger(modality, "hypothetical")
            elif child.dep_ in ("advmod", "amod") and lemma in cues.hedge_words:
                modality = _stronger(modality, "alleged")
            elif child.dep_ == "mark" and lemma in cues.conditional_marks:
                modality = _stronger(modality, "hypothetical")

    # Walk up the governing verbs: "refused to release", "plans to visit", "is believed to have".
    child_tok, head = (trigger.light_verb or token), (trigger.light_verb or token).head
    steps = 0
    circumstance = False  # inside "after/during/despite ..." the governing verbs say nothing of the act
    condition = False  # inside "if ...": a condition of what is threatened or asked, not part of it
    while head.i != child_tok.i and steps < 6:
        steps += 1
        lemma = head.lemma_.lower()
        relation = child_tok.dep_
        via_for = relation == "prep" and child_tok.lower_ == "for"  # "called for import restrictions"
        if (
            steps == 1
            and relation == "dobj"
            and trigger.is_noun
            and trigger.light_verb is None
            and lemma in cues.requested_governors
            and lemma not in cues.convening_verbs
        ):
            suppressed = True  # "demanding the resignation of the president": what is demanded
        if relation == "prep" and (child_tok.lower_ in CIRCUMSTANCE_PREPS or _clause_as_phrase(child_tok)):
            circumstance = True  # "failed to agree after ten days of talks": the talks took place
        if relation == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in cues.past_marks for c in child_tok.children
        ):
            circumstance = True  # "threatened to retaliate, a day after warships held drills"
        if relation == "relcl" and any(
            c.dep_ == "nsubj" and c.tag_ not in ("WDT", "WP") for c in child_tok.children
        ):
            # "urged them to respect the agreement they signed", "asked Washington to scrap the tariffs
            # it imposed": a relative clause with its own subject tells an act that took place
            circumstance = True
        if relation == "conj" and _finite_after_infinitive(child_tok, head):
            # "called on Rwanda to withdraw ... and urged M23 to ...": "urged" is no part of what was
            # called for; it goes with "called"
            circumstance = True
        if steps == 1 and relation == "acl" and _refused_proposal(child_tok, head, cues):
            suppressed = True  # "rejected the government's plan to disarm the group"
        if steps == 1 and not suppressed and _possessed_act(trigger, child_tok):
            # "refused to withdraw its complaint", "urged the UN to condemn Israel's strike": an act
            # with a named doer that something else is done to has taken place
            circumstance = True
        if not circumstance and (
            relation in ("xcomp", "ccomp", "pcomp", "advcl", "acl")
            or (relation == "prep" and steps == 1)
            or via_for
        ):
            requested = lemma in cues.requested_governors and not condition
            if relation == "xcomp" and _negated(head, cues) and lemma not in cues.refusal_governors:
                negated = True  # "would not seek to open negotiations"
            if (
                lemma in cues.denial_verbs
                and relation == "ccomp"
                and not summing_up(head, cues.disputed_content_nouns)
            ):
                negated = True  # "denied that its forces had shelled the village"
                claimant = claimant or _speaker(head)
            if lemma in cues.denial_verbs and relation in ("xcomp", "pcomp") and child_tok.tag_ == "VBG":
                negated = True  # "denied supplying missiles": a denial of fact, not a refusal
                claimant = claimant or _speaker(head)
            elif lemma in cues.refusal_governors | cues.plot_governors and (
                relation in ("xcomp", "pcomp") or (relation == "advcl" and _to_infinitive(child_tok))
            ):
                # "refused to release", "rejected calls from ASEAN to halt air strikes" (the parser
                # may hang the infinitive on the verb)
                suppressed = suppressed or lemma != "fail"
                negated = negated or lemma == "fail"
            elif requested and (
                relation in ("xcomp", "pcomp", "ccomp")
                or (
                    # "called on Rwanda on Friday to withdraw" (but "called Erdogan to offer condolences")
                    relation == "advcl"
                    and any(c.dep_ == "aux" and c.lower_ == "to" for c in child_tok.children)
                    and (
                        lemma != "call"
                        or any(c.lower_ in ("on", "upon") and not dates_only(c) for c in head.children)
                    )
                )
                or (relation == "acl" and head.pos_ == "NOUN")
                or via_for
            ):
                suppressed = True  # "urged Baku to release", "Germany's request to extradite
            elif lemma in cues.promised_governors:
                modality = _stronger(modality, "promised")
            elif lemma in cues.planned_governors and relation == "xcomp":
                modality = _stronger(modality, "planned")
            elif lemma in cues.hedge_governors and is_passive(head):
                modality = _stronger(modality, "alleged")
            if relation == "advcl" and any(
                c.dep_ == "mark" and c.lemma_.lower() in cues.conditional_marks for c in child_tok.children
            ):
                modality = _stronger(modality, "hypothetical")
                # "warned that they would be expelled if Warsaw closed a crossing": the closure is
                # the condition the threat names, not the act threatened
                condition = True
        if relation == "ccomp" and _future_opinion(child_tok, head, cues):
            suppressed = True  # "diplomats believe the states will struggle to agree"
        if lemma in cues.reporting_verbs and head.pos_ == "VERB" and claimant is None:
            speaker = _speaker(head)
            if speaker is not None:
                claimant = speaker
                if modality == "hypothetical" and any(
                    c.dep_ == "aux" and c.lower_ == "would" for c in token.children
                ):
                    modality = "planned"  # "said it would ...": future in the past
            if _negated(head, cues) and lemma in ("say", "confirm"):
                negated = negated or False
        for adv in head.children:
            if adv.dep_ == "advmod" and adv.lemma_.lower() in cues.hedge_words:
                modality = _stronger(modality, "alleged")
        if relation == "dobj" and steps > 1 and disputes_content(child_tok, head):
            # "rejected claims that its troops had fired" (reached from the clause, not the noun itself)
            negated = True
            claimant = claimant or _speaker(head)
        if child_tok.dep_ not in CLIMB_DEPS and not (relation == "acl" and disputes_content(head, head.head)):
            break
        child_tok, head = head, head.head

    if claimant is None:
        claimant = _according_to(token)
    if claimant is None:
        claimant = _governing_speaker(trigger.light_verb or token, cues)
    if claimant is None:
        claimant = quoted_speaker(token.sent, cues)
    if claimant is not None:
        claimant = refine_claimant(claimant)
    if modality == "asserted" and claimant is not None:
        modality = "claimed"
    return Modality(negated=negated, modality=modality, claimant=claimant, suppressed=suppressed)


ORDER = ["asserted", "claimed", "alleged", "planned", "promised", "requested", "hypothetical"]


def _stronger(current: str, new: str) -> str:
    return new if ORDER.index(new) > ORDER.index(current) else current


def _negated(token: Token, cues: ModalityCues) -> bool:
    for child in token.children:
        lemma = child.lemma_.lower()
        if child.dep_ == "neg" or (child.dep_ == "advmod" and lemma in ("never",)):
            return True
        if child.dep_ == "det" and lemma == "no":
            return True
        if child.dep_ in ("nsubjpass", "dobj", "nsubj") and any(
            g.dep_ == "det" and g.lemma_.lower() == "no" for g in child.children
        ):
            return True
    head = token.head
    return token.dep_ in ("pobj", "pcomp") and head.lower_ == "without"


def _finite_after_infinitive(verb: Token, head: Token) -> bool:
    """A verb in the past or present tense that the parser coordinated with a "to" infinitive."""
    return (
        verb.tag_ in ("VBD", "VBZ", "VBP")
        and head.tag_ == "VB"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children)
    )


def _future_opinion(clause: Token, verb: Token, cues: ModalityCues) -> bool:
    """ "believe the member states will struggle to agree", "expect Iran could retaliate", "expect
    Pyongyang to conduct a test": an act that someone only believes or expects will come (the verb
    active; "is expected to" tells a plan, and "believe it could have struck" a past act)."""
    return (
        verb.lemma_.lower() in cues.opinion_verbs
        and not is_passive(verb)
        and (
            any(
                c.dep_ == "aux" and c.lemma_.lower() in cues.planned_aux | cues.hypothetical_aux
                for c in clause.children
            )
            or _infinitive_with_subject(clause)
        )
        and not any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in clause.children)
    )


def _infinitive_with_subject(clause: Token) -> bool:
    """ "to conduct" with its own subject ("expect North Korea to conduct a test")."""
    return _to_infinitive(clause) and any(c.dep_ == "nsubj" for c in clause.children)


def _to_infinitive(verb: Token) -> bool:
    """A verb with "to" before it: "to halt", "to disarm"."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _refused_proposal(verb: Token, noun: Token, cues: ModalityCues) -> bool:
    """ "rejected the plan to disarm the group", "turned down an offer to mediate": an act told as
    what a plan, call or offer proposes, where that noun is what a refusal verb refuses (the act
    has not taken place; the refusal is the event)."""
    refuser = noun.head
    return (
        noun.pos_ == "NOUN"
        and _to_infinitive(verb)
        and noun.dep_ in ("dobj", "nsubjpass")
        and refuser.lemma_.lower() in cues.refusal_governors
        and refuser.lemma_.lower() != "fail"
    )


def _clause_as_phrase(prep: Token) -> bool:
    """ "as a final round of talks ended": a clause of time the parser read as a prepositional phrase
    (its object carries a verb)."""
    return prep.lower_ in ("as", "when", "while") and any(
        g.dep_ == "pobj" and any(c.dep_ in ("acl", "relcl") and c.pos_ == "VERB" for c in g.children)
        for g in prep.children
    )


def _possessed_act(trigger: Trigger, child: Token) -> bool:
    """An event noun with a possessor ("its complaint", "Israel's strike") that is the object of a
    verb other than its light verb: it names an act that exists, whatever the verb above does to it."""
    return (
        trigger.is_noun
        and trigger.light_verb is None
        and child.i == trigger.token.i
        and child.dep_ == "dobj"
        and any(c.dep_ == "poss" and c.ent_type_ not in ("DATE", "TIME") for c in child.children)
    )


def _speaker(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in ("nsubj",):
            return child
        if child.dep_ == "agent":
            for g in child.children:
                if g.dep_ == "pobj":
                    return g
    return None


def _governing_speaker(token: Token, cues: ModalityCues) -> Token | None:
    """The speaker of a reporting verb anywhere above the trigger, when the trigger sits in what the
    verb reports (its clause, or a statement it mentions: "said in a statement that ..."), not in
    the speaker's own phrase or in a circumstantial clause."""
    child = token
    for head in token.ancestors:
        relation = child.dep_
        if head.lemma_.lower() in cues.reporting_verbs and head.pos_ == "VERB":
            if relation in ("ccomp", "parataxis", "xcomp", "conj", "dobj") or (
                relation == "prep" and any(g.lemma_.lower() in statement_nouns() for g in child.children)
            ):
                return _speaker(head)
            return None
        child = head
    return None


def _according_to(token: Token) -> Token | None:
    for tok in token.sent:
        if tok.lower_ == "according":
            for child in tok.children:
                if child.lower_ == "to":
                    for g in child.children:
                        if g.dep_ == "pobj":
                            return g
    return None


INTENTION_NOUNS = {
    "plan",
    "intention",
    "intent",
    "desire",
    "wish",
    "aim",
    "need",
    "right",
    "decision",
    "reason",
}


def _intention_denied(trigger: Trigger) -> bool:
    """ "had no plans to expel", "no intention of invading": the act hangs off a negated intention."""
    token = trigger.light_verb or trigger.token
    head = token.head
    if token.dep_ == "pcomp" and head.dep_ == "prep":
        head = head.head
    if token.dep_ not in ("acl", "pcomp", "xcomp") or head.lemma_.lower() not in INTENTION_NOUNS:
        return False
    return any(c.dep_ in ("det", "neg") and c.lower_ in ("no", "not", "never") for c in head.children)
