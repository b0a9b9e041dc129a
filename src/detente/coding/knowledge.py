"""Load and validate the coding knowledge: PLOVER table, trigger patterns, modality cues."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from detente.data_files import load_yaml
from detente.errors import KnowledgeError


@dataclass(frozen=True)
class TypeInfo:
    """A PLOVER type's quad class, intensity and allowed modes."""

    quad_class: str
    intensity: float
    modes: frozenset[str]
    object_is_target: bool = True
    implicit_agent: str | None = None
    default_target: str | None = None
    reciprocal: bool = False
    counterpart: bool = True
    own_modes: frozenset[str] = frozenset()
    lone_modes: frozenset[str] = frozenset()
    domestic_modes: frozenset[str] = frozenset()
    public_modes: frozenset[str] = frozenset()  # on the public at large: no default target ("a curfew")
    addressed: bool = False  # told as a noun, aimed at whoever answers it ("rejected by a court in Warsaw")
    destination: bool = False  # a "to X" phrase is where it happened ("sent troops to the border")
    visit: bool = False  # a town visited is its place, though the town names the other party


@dataclass(frozen=True)
class VerbRule:
    """A verb pattern: lemma (plus words that must hang off it), type, mode and conditions."""

    event_type: str
    mode: str | None
    lemma: str
    extra: tuple[str, ...] = ()
    objects: frozenset[str] | None = None
    object_actor: bool = False
    object_people: bool = False  # the object is people or a body, not a thing of some nationality
    subject_sectors: frozenset[str] | None = None
    object_sectors: frozenset[str] | None = None  # a target must be of these sectors ("left UNESCO")
    not_objects: frozenset[str] = frozenset()
    preps: frozenset[str] = frozenset()
    no_clause: bool = False
    complements: frozenset[str] | None = None  # "called the move illegal": what the object is said to be
    subjects: frozenset[str] | None = None  # "drones flew over Kos": the subject must be one of these
    object_target: bool | None = None  # overrides the type's object_is_target for this rule
    transitive: bool = False  # only with an object: "closed the border", not "the airport closed"
    not_preps: frozenset[str] = frozenset()  # not with these prepositions ("left hospitals without staff")
    from_source: bool = False  # in the passive, "from X" names the doer ("were deported from the US")


@dataclass(frozen=True)
class NounRule:
    """A noun pattern: lemma, type, mode, required/forbidden modifiers and the role of "of"."""

    event_type: str
    mode: str | None
    lemma: str
    modifiers: frozenset[str] | None = None
    not_modifiers: frozenset[str] = frozenset()
    of_role: str = "target"
    from_role: str = "source"
    verbs: frozenset[str] | None = None
    not_after: frozenset[str] = frozenset()
    with_preps: frozenset[str] | None = None
    from_objects: frozenset[str] | None = None
    alone: bool = False  # only when one party does it ("Iran held drills", not "Iran and Russia held drills")
    preps: frozenset[str] = frozenset()  # extra prepositions whose object is the target
    # only as the frame of a verb of its type ("freed ten detainees in exchange for X"), where it
    # tells the other side's part: done by the verb's patient to the verb's doer
    in_return: bool = False
    # not when the doer is of one of these sectors ("Israel launched strikes" is no labour strike)
    not_subject_sectors: frozenset[str] = frozenset()


@dataclass(frozen=True)
class ModalityCues:
    """Word lists that decide negation, modality and attribution."""

    negation: frozenset[str]
    planned_aux: frozenset[str]
    planned_governors: frozenset[str]
    promised_governors: frozenset[str]
    requested_governors: frozenset[str]
    refusal_governors: frozenset[str]
    hedge_words: frozenset[str]
    hedge_governors: frozenset[str]
    conditional_marks: frozenset[str]
    hypothetical_aux: frozenset[str]
    reporting_verbs: frozenset[str]
    denial_verbs: frozenset[str]
    disputed_content_nouns: frozenset[str]
    past_marks: frozenset[str] = frozenset()
    opinion_verbs: frozenset[str] = frozenset()
    convening_verbs: frozenset[str] = frozenset()
    plot_governors: frozenset[str] = frozenset()


@dataclass
class Knowledge:
    """Everything the coder knows, with the versions of the files it came from."""

    types: dict[str, TypeInfo]
    verbs: dict[str, list[VerbRule]]
    nouns: dict[str, list[NounRule]]
    light_verbs: frozenset[str]
    not_agents: frozenset[str]
    reaction_verbs: frozenset[str]
    joint_adverbs: frozenset[str]
    joint_acts: frozenset[str]
    cargo_verbs: frozenset[str]
    referring_nouns: frozenset[str]
    referring_determiners: frozenset[str]
    partner_verbs: frozenset[str]
    ending_verbs: frozenset[str]
    topic_verbs: frozenset[str]
    prohibiting_verbs: frozenset[str]
    instrument_verbs: frozenset[str]
    definite_determiners: frozenset[str]
    target_preps: frozenset[str]
    source_preps: frozenset[str]
    cues: ModalityCues
    attribution_verbs: dict[str, str] = field(default_factory=dict)  # verb -> preposition naming the doer
    grievance_preps: frozenset[str] = frozenset()
    agent_modifiers: frozenset[str] = frozenset()
    credit_preps: frozenset[str] = frozenset()
    defiance_preps: frozenset[str] = frozenset()
    attributive_acts: frozenset[str] = frozenset()
    response_nouns: frozenset[str] = frozenset()
    # "supplied the rebels with drones": the "with" phrase names what is given
    giving_verbs: frozenset[str] = frozenset()
    outcome_marks: frozenset[str] = frozenset()  # "were killed when militants attacked"
    versions: dict[str, str] = field(default_factory=dict)


def load_knowledge() -> Knowledge:
    """Read ``plover.yaml``, ``triggers.yaml`` and ``modality.yaml``; report every problem at once."""
    plover = load_yaml("coding", "plover.yaml")
    triggers = load_yaml("coding", "triggers.yaml")
    modality = load_yaml("coding", "modality.yaml")
    problems: list[str] = []
    types = {
        name: TypeInfo(
            info["quad_class"],
            float(info["intensity"]),
            frozenset(info.get("modes") or []),
            bool(info.get("object_is_target", True)),
            info.get("implicit_agent"),
            info.get("default_target"),
            bool(info.get("reciprocal", False)),
            bool(info.get("counterpart", True)),
            frozenset(info.get("own_modes") or []),
            frozenset(info.get("lone_modes") or []),
            frozenset(info.get("domestic_modes") or []),
            frozenset(info.get("public_modes") or []),
            bool(info.get("addressed", False)),
            bool(info.get("destination", False)),
            bool(info.get("visit", False)),
        )
        for name, info in plover["types"].items()
    }
    _check_word_lists(triggers, "triggers.yaml", problems)
    _check_word_lists(modality, "modality.yaml", problems)
    verbs: dict[str, list[VerbRule]] = {}
    for number, raw in enumerate(triggers.get("verbs") or [], start=1):
        if not _check_rule(raw, types, f"triggers.yaml verbs #{number}", problems):
            continue
        for phrase in raw.get("lemmas", []):
            words = str(phrase).split()
            rule = VerbRule(
                event_type=raw["type"],
                mode=raw.get("mode"),
                lemma=words[0],
                extra=tuple(words[1:]),
                objects=_set(raw.get("objects")),
                object_actor=bool(raw.get("object_actor", False)),
                object_people=bool(raw.get("object_people", False)),
                subject_sectors=_set(raw.get("subject_sectors")),
                object_sectors=_set(raw.get("object_sectors")),
                not_objects=_set(raw.get("not_objects")) or frozenset(),
                preps=_set(raw.get("preps")) or frozenset(),
                no_clause=bool(raw.get("no_clause", False)),
                complements=_set(raw.get("complements")),
                subjects=_set(raw.get("subjects")),
                object_target=raw.get("object_is_target"),
                transitive=bool(raw.get("transitive", False)),
                not_preps=_set(raw.get("not_preps")) or frozenset(),
                from_source=bool(raw.get("from_source", False)),
            )
            verbs.setdefault(rule.lemma, []).append(rule)
    nouns: dict[str, list[NounRule]] = {}
    for number, raw in enumerate(triggers.get("nouns") or [], start=1):
        if not _check_rule(raw, types, f"triggers.yaml nouns #{number}", problems):
            continue
        for key in ("of_role", "from_role"):
            if raw.get(key, "target") not in ("source", "target"):
                problems.append(f"triggers.yaml nouns #{number}: {key} must be source or target")
        for lemma in raw.get("lemmas", []):
            nouns.setdefault(str(lemma), []).append(
                NounRule(
                    event_type=raw["type"],
                    mode=raw.get("mode"),
                    lemma=str(lemma),
                    modifiers=_set(raw.get("modifiers")) or None,
                    not_modifiers=_set(raw.get("not_modifiers")) or frozenset(),
                    of_role=raw.get("of_role", "target"),
                    from_role=raw.get("from_role", "source"),
                    verbs=_set(raw.get("verbs")) or None,
                    not_after=_set(raw.get("not_after")) or frozenset(),
                    with_preps=_set(raw.get("with_preps")) or None,
                    from_objects=_set(raw.get("from_objects")) or None,
                    alone=bool(raw.get("alone", False)),
                    preps=_set(raw.get("preps")) or frozenset(),
                    in_return=bool(raw.get("in_return", False)),
                    not_subject_sectors=_set(raw.get("not_subject_sectors")) or frozenset(),
                )
            )
    if problems:
        raise KnowledgeError("coding patterns have problems:\n" + "\n".join(problems))
    cue_fields = ModalityCues.__dataclass_fields__
    cues = ModalityCues(**{name: frozenset(modality.get(name) or []) for name in cue_fields})
    return Knowledge(
        types=types,
        verbs=verbs,
        nouns=nouns,
        light_verbs=frozenset(triggers.get("light_verbs") or []),
        not_agents=frozenset(triggers.get("not_agents") or []),
        reaction_verbs=frozenset(triggers.get("reaction_verbs") or []),
        joint_adverbs=frozenset(triggers.get("joint_adverbs") or []),
        joint_acts=frozenset(triggers.get("joint_acts") or []),
        cargo_verbs=frozenset(triggers.get("cargo_verbs") or []),
        referring_nouns=frozenset(triggers.get("referring_nouns") or []),
        referring_determiners=frozenset(triggers.get("referring_determiners") or []),
        partner_verbs=frozenset(triggers.get("partner_verbs") or []),
        ending_verbs=frozenset(triggers.get("ending_verbs") or []),
        topic_verbs=frozenset(triggers.get("topic_verbs") or []),
        prohibiting_verbs=frozenset(triggers.get("prohibiting_verbs") or []),
        instrument_verbs=frozenset(triggers.get("instrument_verbs") or []),
        definite_determiners=frozenset(triggers.get("definite_determiners") or []),
        target_preps=frozenset(triggers.get("target_preps") or []),
        source_preps=frozenset(triggers.get("source_preps") or []),
        cues=cues,
        attribution_verbs=dict(str(p).split(maxsplit=1) for p in triggers.get("attribution_verbs") or []),
        grievance_preps=frozenset(triggers.get("grievance_preps") or []),
        agent_modifiers=frozenset(triggers.get("agent_modifiers") or []),
        credit_preps=frozenset(triggers.get("credit_preps") or []),
        defiance_preps=frozenset(triggers.get("defiance_preps") or []),
        giving_verbs=frozenset(triggers.get("giving_verbs") or []),
        attributive_acts=frozenset(triggers.get("attributive_acts") or []),
        response_nouns=frozenset(triggers.get("response_nouns") or []),
        outcome_marks=frozenset(triggers.get("outcome_marks") or []),
        versions={d["id"]: str(d["version"]) for d in (plover, triggers, modality)},
    )


def _set(values: Any) -> frozenset[str] | None:
    if values is None:
        return None
    return frozenset(str(v) for v in values)


def _check_word_lists(data: Any, where: str, problems: list[str], path: str = "") -> None:
    """Every list of words must hold strings: YAML reads a bare on/no/yes/off as a boolean."""
    if isinstance(data, dict):
        for key, value in data.items():
            _check_word_lists(value, where, problems, f"{path}.{key}" if path else str(key))
    elif isinstance(data, list):
        for index, item in enumerate(data):
            if isinstance(item, (dict, list)):
                _check_word_lists(item, where, problems, f"{path}[{index}]")
            elif not isinstance(item, str):
                problems.append(f"{where}: {path}[{index}] is {item!r}, not a word (quote it in the YAML)")


def _check_rule(raw: Any, types: dict[str, TypeInfo], where: str, problems: list[str]) -> bool:
    """Report what is wrong with one rule; True when it can be used."""
    if not isinstance(raw, dict):
        problems.append(f"{where}: expected a mapping")
        return False
    event_type = raw.get("type")
    if event_type not in types:
        problems.append(f"{where}: unknown PLOVER type {event_type!r}")
        return False
    mode = raw.get("mode")
    if mode is not None and mode not in types[event_type].modes:
        problems.append(f"{where}: mode {mode!r} is not a mode of {event_type}")
    if not raw.get("lemmas"):
        problems.append(f"{where}: no lemmas")
        return False
    return True
