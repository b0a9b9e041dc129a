"""Coder: classes of errors found on a probe set of new sanction, retreat, rejection, concession,
request and accusation sentences. The sentences here were written for these tests (none is in the
probe set or in the gold data)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from detente.models import Event

Code = Callable[..., list[Event]]


def _typed(events: list[Event]) -> list[tuple[str, str | None, str | None]]:
    return [(e.event_type, e.source.country, e.target.country if e.target else None) for e in events]


@pytest.mark.parametrize(
    "sentence",
    [
        "Coffee prices climbed to a record as strong demand from Europe outstripped supply.",
        "Brazil's soybean exports slowed on weaker demand from China, traders said.",
        "Falling consumer demand in Germany hit Polish manufacturers.",
    ],
)
def test_market_demand_is_no_request(code: Code, sentence: str) -> None:
    assert not any(kind == "REQUEST" for kind, _, _ in _typed(code(sentence)))


def test_political_demand_stays_a_request(code: Code) -> None:
    typed = _typed(code("Ankara rejected a Greek demand for the return of the migrants."))
    assert ("REQUEST", "GRC", "TUR") in typed


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Tajikistan handed over two disputed villages to Kyrgyzstan in March.", ("CONCEDE", "TJK", "KGZ")),
        ("Ethiopia transferred the disputed district to Sudan under the accord.", ("CONCEDE", "ETH", "SDN")),
    ],
)
def test_land_handed_over_is_conceded(code: Code, sentence: str, expected: tuple[str, str, str]) -> None:
    typed = _typed(code(sentence))
    assert expected in typed
    assert not any(kind == "RETREAT" for kind, _, _ in typed)


def test_armed_group_handing_its_weapons_disarms(code: Code) -> None:
    events = code("The Polisario Front began handing its rifles to Algerian troops on Monday.")
    assert [(e.event_type, e.mode) for e in events] == [("RETREAT", "disarm")]


def test_state_handing_weapons_stays_aid(code: Code) -> None:
    events = code("Germany handed weapons to Ukraine's army last week.")
    assert [e.event_type for e in events] == ["AID"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Jordan exempted Syrian refugees from work permit fees on Sunday.", ("CONCEDE", "JOR", "SYR")),
        ("Turkey agreed to exempt Iraqi truck drivers from the new road toll.", ("CONCEDE", "TUR", "IRQ")),
    ],
)
def test_exempting_people_is_a_concession(code: Code, sentence: str, expected: tuple[str, str, str]) -> None:
    typed = _typed(code(sentence))
    assert expected in typed
    assert not any(kind == "AGREE" for kind, _, _ in typed)


def test_restrictions_placed_on_a_target_have_the_placer_as_source(code: Code) -> None:
    typed = _typed(code("India placed trade restrictions on four Chinese firms on Monday."))
    assert ("SANCTION", "IND", "CHN") in typed


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Latvia will shut its consulate in Pskov next month.", ("SANCTION", "LVA", "RUS")),
        ("Bahrain closed its embassy in Beirut on Friday.", ("SANCTION", "BHR", "LBN")),
    ],
)
def test_own_post_abroad_stands_for_its_host(
    code: Code, sentence: str, expected: tuple[str, str, str]
) -> None:
    assert expected in _typed(code(sentence))


def test_foreign_post_keeps_its_owner(code: Code) -> None:
    typed = _typed(code("Poland closed the Russian consulate in Gdansk on Wednesday."))
    assert ("SANCTION", "POL", "RUS") in typed


@pytest.mark.parametrize(
    "sentence",
    [
        "A court in Tbilisi jailed a businessman for plotting to assassinate the interior minister.",
        "Prosecutors say the cell had conspired to bomb the Turkish consulate in Erbil.",
        "The officers were accused of scheming to overthrow the government of Burkina Faso.",
    ],
)
def test_plotted_acts_are_no_acts(code: Code, sentence: str) -> None:
    assert not any(e.event_type == "ASSAULT" for e in code(sentence))


def test_armed_group_modifier_names_the_doer(code: Code) -> None:
    typed = _typed(code("Burkina Faso's army chief denounced the jihadist blockade of Djibo."))
    assert ("COERCE", None, "BFA") in typed
    assert not any(kind == "COERCE" and source == "BFA" for kind, source, _ in typed)
