"""Coder: classes of errors found on a probe set of new multi-paragraph articles. The sentences here
were written for these tests (none is in the probe set or in the gold data)."""

from __future__ import annotations

from collections.abc import Callable

from detente.models import Event

Code = Callable[..., list[Event]]


def _typed(events: list[Event]) -> list[tuple[str, str | None, str | None]]:
    return [(e.event_type, e.source.country, e.target.country if e.target else None) for e in events]


def test_toll_after_an_exchange_of_fire_is_no_new_attack(code: Code) -> None:
    # "exchanged fire" is told by a noun with a light verb; ", killing ..." tells its outcome
    events = code(
        "Armenian and Azerbaijani troops exchanged fire near Sotk on Monday, killing an Armenian "
        "soldier and injuring three Azerbaijani servicemen."
    )
    assert sorted(_typed(events)) == [("ASSAULT", "ARM", "AZE"), ("ASSAULT", "AZE", "ARM")]


def test_those_dispersed_are_the_target_of_crowd_control(code: Code) -> None:
    # "used tear gas to disperse the crowd": the gas is the means; the crowd is acted on
    events = code(
        "Hundreds of Peruvians marched to the Chilean consulate in Tacna on Friday, accusing Santiago "
        "of expelling migrants. Peruvian riot police used tear gas to disperse the crowd."
    )
    assert ("ASSAULT", "PER", "PER") in _typed(events)


def test_the_ministry_is_the_ministry_named_before(code: Code) -> None:
    # a definite noun names again the body named before, not the one country its sentence names
    events = code(
        "Estonia's interior ministry expelled a Russian diplomat on Tuesday. "
        "The ministry accused Moscow of sending agents to sabotage a power line."
    )
    accusations = [e for e in events if e.event_type == "ACCUSE"]
    assert accusations and all(e.source.country == "EST" for e in accusations)


def test_place_of_a_purpose_clause_is_the_acts(code: Code) -> None:
    # "used water cannon to break up a march in Kampala": the march was broken up where the cannon was used
    events = code("Police used water cannon to break up a march by students in Kampala on Monday.")
    attacks = [e for e in events if e.event_type == "ASSAULT"]
    assert attacks and attacks[0].place is not None and attacks[0].place.country == "UGA"
