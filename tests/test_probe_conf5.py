"""Coder: classes of errors found on a probe set of new assault, coercion, protest, threat and
mobilisation sentences. The sentences here were written for these tests (none is in the probe set or
in the gold data)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from detente.models import Event

Code = Callable[..., list[Event]]


def _typed(events: list[Event]) -> list[tuple[str, str | None, str | None]]:
    return [(e.event_type, e.source.country, e.target.country if e.target else None) for e in events]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Guinea's junta banned all opposition rallies.", ("COERCE", "GIN", "GIN")),
        ("Tunisia's president dissolved the main opposition party.", ("COERCE", "TUN", "TUN")),
    ],
)
def test_parties_and_gatherings_banned_are_restrictions(
    code: Code, sentence: str, expected: tuple[str, str, str]
) -> None:
    events = code(sentence)
    assert expected in _typed(events)
    assert not any(e.event_type == "SANCTION" for e in events)


def test_phone_services_cut_are_censorship(code: Code) -> None:
    events = code("Uganda cut mobile phone services in Kampala.")
    assert [(e.event_type, e.mode, e.source.country) for e in events] == [("COERCE", "censor", "UGA")]


def test_worshippers_are_civilians(code: Code) -> None:
    events = code("Gunmen opened fire on worshippers at a mosque in Kenya.")
    assert [(e.event_type, e.target.country if e.target else None) for e in events] == [("ASSAULT", "KEN")]
    assert events[0].target is not None and events[0].target.sector == "CVL"


def test_coordinated_weapon_before_attack_noun(code: Code) -> None:
    """'launched a missile and drone attack': the parser may make 'missile' the object and the attack
    its conjunct; the launch is the attack's light verb, not a weapons launch of its own."""
    events = code("Russia launched a massive missile and drone attack on Odesa on Tuesday.")
    assert [(e.event_type, e.source.country) for e in events] == [("ASSAULT", "RUS")]


def test_parties_dissolved_are_the_states_own(code: Code) -> None:
    events = code("Chad's junta dissolved all political parties.")
    assert _typed(events) == [("COERCE", "TCD", "TCD")]


def test_gatherings_banned_are_not_held(code: Code) -> None:
    events = code("Chad's junta dissolved all political parties and banned their meetings.")
    assert [e.event_type for e in events] == ["COERCE", "COERCE"]
    events = code("Guinea's junta banned all opposition rallies.")
    assert not any(e.event_type == "PROTEST" for e in events)


def test_means_told_in_a_participle_are_no_second_act(code: Code) -> None:
    events = code("Police in Lagos dispersed the protesters, using tear gas and batons.")
    assert [e.event_type for e in events].count("ASSAULT") == 1


def test_forces_readied_are_mobilised(code: Code) -> None:
    events = code("Kenya readied a standby force for Haiti.")
    assert [(e.event_type, e.source.country) for e in events] == [("MOBILIZE", "KEN")]
