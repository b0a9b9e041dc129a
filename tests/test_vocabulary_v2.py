"""Vocabulary of the cooperative types CONSULT, COOPERATE, AID and SUPPORT on new wording: verb and noun
families and the conditions that keep them apart. Every sentence here was written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from detente.models import Event

Code = Callable[..., list[Event]]


def _typed(events: list[Event], event_type: str) -> list[Event]:
    return [e for e in events if e.event_type == event_type]


@pytest.mark.parametrize(
    ("sentence", "source", "target"),
    [
        # support restated or lent is support given
        ("Turkey reaffirmed its backing for Azerbaijan on Monday.", "TUR", "AZE"),
        ("Spain lent its support to Portugal's candidate for the post.", "ESP", "PRT"),
        ("The Dutch premier gave his backing to Belgium's plan on Friday.", "NLD", "BEL"),
    ],
)
def test_support_restated_or_lent(code: Code, sentence: str, source: str, target: str) -> None:
    found = _typed(code(sentence), "SUPPORT")
    assert any(e.source.country == source and e.target and e.target.country == target for e in found)


@pytest.mark.parametrize(
    ("sentence", "source", "target"),
    [
        # money given as a package is aid
        ("Norway announced a humanitarian aid package for Sudan on Wednesday.", "NOR", "SDN"),
        ("Tokyo unveiled a financial assistance package for Sri Lanka.", "JPN", "LKA"),
        ("The IMF approved a bailout for Ghana on Thursday.", "IMF", "GHA"),
    ],
)
def test_aid_packages(code: Code, sentence: str, source: str, target: str) -> None:
    found = _typed(code(sentence), "AID")
    assert any(e.source.country == source and e.target and e.target.country == target for e in found)


@pytest.mark.parametrize(
    "sentence",
    [
        # a package only spoken of, or one of sanctions, is no aid given
        "A $20 billion aid package for Kenya remains stuck in parliament.",
        "Brussels adopted a new sanctions package against Minsk on Friday.",
    ],
)
def test_packages_not_given_are_no_aid(code: Code, sentence: str) -> None:
    assert not _typed(code(sentence), "AID")


def test_defending_oneself_is_no_support(code: Code) -> None:
    # "defend itself" is self-defence; defending another is support
    found = _typed(code("Japan backed Taiwan's right to defend itself."), "SUPPORT")
    assert [e.trigger for e in found] == ["backed"]
    assert _typed(code("Paris defended Rabat against the criticism."), "SUPPORT")


@pytest.mark.parametrize(
    ("sentence", "event_type", "mode", "source", "target"),
    [
        # video links are calls; a courtesy call is paid in person
        ("Thai and Lao officials held a videoconference on Monday.", "CONSULT", "phone", "THA", "LAO"),
        ("The Rwandan envoy paid a courtesy call on Uganda's president.", "CONSULT", "visit", "RWA", "UGA"),
        # support thrown behind or renewed
        ("Qatar threw its support behind Somalia's government.", "SUPPORT", None, "QAT", "SOM"),
        ("Pakistan renewed its support for Turkey on Tuesday.", "SUPPORT", None, "PAK", "TUR"),
        # aid: goods distributed, doctors sent
        ("Japan distributed food to flood victims in Bangladesh.", "AID", None, "JPN", "BGD"),
        ("Venezuela sent 50 doctors to Bolivia last week.", "AID", None, "VEN", "BOL"),
        # weapons sold, told by the weapon; bodies founded or acts coordinated together
        ("Paris approved the sale of Rafale jets to India.", "COOPERATE", None, "FRA", "IND"),
        ("Chad and Niger formed a joint force to patrol their border.", "COOPERATE", None, "TCD", "NER"),
        ("Senegal and Gambia coordinated their fight against smugglers.", "COOPERATE", None, "SEN", "GMB"),
    ],
)
def test_cooperative_families(
    code: Code, sentence: str, event_type: str, mode: str | None, source: str, target: str
) -> None:
    found = _typed(code(sentence), event_type)
    assert any(
        e.mode == mode and e.source.country == source and e.target and e.target.country == target
        for e in found
    )


@pytest.mark.parametrize(
    ("sentence", "event_type", "source", "target"),
    [
        # ties deepened, know-how shared, operations coordinated
        ("Ankara and Baku vowed to deepen their defence cooperation.", "COOPERATE", "TUR", "AZE"),
        ("Riga and Tallinn resumed intelligence sharing on Monday.", "COOPERATE", "LVA", "EST"),
        (
            "Chilean and Argentine police ran a coordinated operation against smugglers.",
            "COOPERATE",
            "CHL",
            "ARG",
        ),
        # thanks told as a noun
        ("Fiji expressed its appreciation to New Zealand on Friday.", "SUPPORT", "FJI", "NZL"),
    ],
)
def test_cooperation_furthered_and_thanks(
    code: Code, sentence: str, event_type: str, source: str, target: str
) -> None:
    found = _typed(code(sentence), event_type)
    assert any(e.source.country == source and e.target and e.target.country == target for e in found)


@pytest.mark.parametrize(
    ("sentence", "event_type", "mode", "source", "target"),
    [
        # debts written off or forgiven are aid; a stopover on the way is a visit
        ("Germany forgave Ghana's debt on Monday.", "AID", None, "DEU", "GHA"),
        ("Japan wrote off Laos's debt on Wednesday.", "AID", None, "JPN", "LAO"),
        ("The Turkish president stopped over in Baku on Sunday.", "CONSULT", "visit", "TUR", "AZE"),
    ],
)
def test_debt_relief_and_stopovers(
    code: Code, sentence: str, event_type: str, mode: str | None, source: str, target: str
) -> None:
    found = _typed(code(sentence), event_type)
    assert any(
        e.mode == mode and e.source.country == source and e.target and e.target.country == target
        for e in found
    )


def test_cancelled_talks_stay_a_sanction(code: Code) -> None:
    # only debts cancelled are aid: a visit or talks cancelled are ties cut
    assert not _typed(code("Seoul cancelled the talks with Pyongyang on Monday."), "AID")
