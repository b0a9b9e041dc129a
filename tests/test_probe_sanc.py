"""Coder: classes of errors found on a probe set of new sanction, coercion and assault sentences. The
sentences here were written for these tests (none is in the probe set or in the gold data)."""

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
        # strikes launched by a state or an armed group are attacks, not walkouts
        (
            "The United States launched strikes against Houthi targets in Yemen on Friday.",
            ("ASSAULT", "USA", "YEM"),
        ),
        ("Turkey began a wave of strikes on PKK hideouts in northern Iraq.", ("ASSAULT", "TUR", "TUR")),
    ],
)
def test_military_strikes_are_attacks(code: Code, sentence: str, expected: tuple[str, str, str]) -> None:
    typed = _typed(code(sentence))
    assert expected in typed
    assert not any(kind == "PROTEST" for kind, _, _ in typed)


def test_workers_strike_stays_a_protest(code: Code) -> None:
    events = code("Dock workers in Durban began a strike on Monday over unpaid wages.")
    assert [e.event_type for e in events] == ["PROTEST"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Kenyan police arrested 30 people at rallies against the arrest of an opposition senator.",
        "Bolivian police detained dozens of miners during protests over the jailing of their union leader.",
    ],
)
def test_act_a_protest_is_about_is_its_own_event(code: Code, sentence: str) -> None:
    """An arrest inside the noun of a protest is not the arrest the main verb tells."""
    events = code(sentence)
    assert [e.event_type for e in events].count("COERCE") == 2


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Armenia could quit the CSTO, its prime minister said.", ("SANCTION", "ARM", "CSTO")),
        ("Venezuela announced on Friday that it would leave the OAS.", ("SANCTION", "VEN", "OAS")),
        ("French troops left Niger in December.", ("RETREAT", "FRA", "NER")),
    ],
)
def test_leaving_an_organisation_is_a_break(
    code: Code, sentence: str, expected: tuple[str, str, str]
) -> None:
    """Leaving an international organisation is a SANCTION (withdraw); troops leaving a country retreat."""
    assert expected in _typed(code(sentence))


@pytest.mark.parametrize(
    "sentence",
    [
        "Nine Nigerien soldiers were killed when gunmen ambushed a convoy near Tillaberi on Sunday.",
        "A Russian missile strike hit a hospital in Dnipro, killing four Ukrainian doctors.",
    ],
)
def test_deaths_an_attack_caused_are_not_a_second_attack(code: Code, sentence: str) -> None:
    """Killings told as what an attack did ("killing", "were killed when ...") are that attack."""
    assert [e.event_type for e in code(sentence)].count("ASSAULT") == 1


def test_target_of_an_attack_noun_is_what_it_hit(code: Code) -> None:
    """ "A drone attack damaged a Kazakh oil terminal in Novorossiysk": the terminal's owner is hit."""
    events = code("A Ukrainian drone attack damaged a Kazakh-owned oil terminal in Novorossiysk on Friday.")
    assert ("ASSAULT", "UKR", "KAZ") in _typed(events)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The recall of Chad's ambassador to Khartoum was announced on Friday.", ("SANCTION", "TCD", "SDN")),
        ("The withdrawal of the Dutch ambassador from Caracas angered Maduro.", ("SANCTION", "NLD", "VEN")),
    ],
)
def test_recall_of_an_envoy_as_a_noun(code: Code, sentence: str, expected: tuple[str, str, str]) -> None:
    """An envoy's recall told as a noun is done by the envoy's state, from the host state."""
    assert expected in _typed(code(sentence))


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Japan imposed restrictions on exports of chip-making equipment to China.",
            ("SANCTION", "JPN", "CHN"),
        ),
        ("Russia tightened curbs on shipments of grain to Kazakhstan.", ("SANCTION", "RUS", "KAZ")),
    ],
)
def test_limits_on_trade_are_sanctions(code: Code, sentence: str, expected: tuple[str, str, str]) -> None:
    """Limits put on trade ("curbs on sales", "restrictions on exports") are sanctions."""
    typed = _typed(code(sentence))
    assert expected in typed
    assert not any(kind == "COERCE" for kind, _, _ in typed)


def test_each_side_accusing_the_other(code: Code) -> None:
    """ "A and B exchanged fire, each side blaming the other": both accuse each other."""
    events = code(
        "India and Pakistan exchanged artillery fire on Sunday, each side blaming the other for the clash."
    )
    accusations = {(s, t) for kind, s, t in _typed(events) if kind == "ACCUSE"}
    assert accusations == {("IND", "PAK"), ("PAK", "IND")}


@pytest.mark.parametrize(
    "sentence",
    [
        "Colombia suspended arms purchases from Israel over its bombardment of Gaza.",
        "Belize severed ties with Israel on Friday over its offensive in Gaza.",
    ],
)
def test_its_act_in_a_grievance_is_the_punished_party(code: Code, sentence: str) -> None:
    """ "cut ties with Israel over its offensive": its is Israel, the party the measure is aimed at."""
    assault = [e for e in code(sentence) if e.event_type == "ASSAULT"]
    assert [e.source.country for e in assault] == ["ISR"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Forty Nigerian migrants were deported from Libya on Tuesday.", ("COERCE", "LBY", "NGA")),
        ("Turkey sent back 500 Syrian refugees last month.", ("COERCE", "TUR", "SYR")),
        (
            "Hundreds of Afghan refugees were forcibly returned from Pakistan on Monday.",
            ("COERCE", "PAK", "AFG"),
        ),
    ],
)
def test_refugees_sent_back_are_deported(code: Code, sentence: str, expected: tuple[str, str, str]) -> None:
    """Refugees or migrants sent back are deported; in the passive, "from X" names the deporting state."""
    assert expected in _typed(code(sentence))


def test_computer_systems_broken_into_are_a_cyberattack(code: Code) -> None:
    events = code("Russian military hackers infiltrated the email servers of the German Social Democrats.")
    assert [(e.event_type, e.mode) for e in events] == [("COERCE", "cyber")]
