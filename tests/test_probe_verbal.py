"""Coder: verbal conflict and cooperation met on new text (the "verbal" probe): envoys of every title,
crowd violence, revenge vowed, crowds gathering, facts acknowledged. The sentences are written for
these tests and are not in eval/."""

from __future__ import annotations

from collections.abc import Callable

from event_helpers import only, pair

from detente.models import Event

Code = Callable[..., list[Event]]


def _types(events: list[Event]) -> list[str]:
    return sorted(e.event_type for e in events)


def test_high_commissioner_summoned_is_a_protest(code: Code) -> None:
    """Commonwealth states exchange high commissioners, not ambassadors."""
    events = code("Pakistan summoned India's deputy high commissioner in Islamabad on Tuesday.")
    assert pair(only(events, "ACCUSE")) == ("PAK", "IND")


def test_high_commissioner_recalled_is_a_downgrade(code: Code) -> None:
    events = code("New Zealand recalled its high commissioner from Fiji on Friday.")
    assert pair(only(events, "SANCTION")) == ("NZL", "FJI")


def test_protesters_attacking_a_building_riot(code: Code) -> None:
    """Violence by a crowd of protesters is a riot (PROTEST), not an armed attack."""
    events = code("Protesters attacked the Turkish embassy in Stockholm on Saturday.")
    assert _types(events) == ["PROTEST"]
    assert only(events, "PROTEST").mode == "riot"


def test_supporters_setting_fire_riot(code: Code) -> None:
    events = code("Angry supporters of the Bolivian opposition set fire to a police station in Santa Cruz.")
    assert _types(events) == ["PROTEST"]


def test_troops_setting_fire_attack(code: Code) -> None:
    """Arson by soldiers is a destructive attack; "set fire" is one act, not a shooting."""
    events = code("Myanmar soldiers set fire to a village in Magway region on Sunday.")
    assert _types(events) == ["ASSAULT"]
    assert only(events, "ASSAULT").mode == "destroy"


def test_setting_off_a_fire_is_no_arson(code: Code) -> None:
    events = code("Russian missiles hit a depot in Lviv on Monday, setting off a fire, the mayor said.")
    assert _types(events) == ["ASSAULT"]


def test_revenge_vowed_is_a_threat(code: Code) -> None:
    """ "vowed to retaliate": a threat; the retaliation is not told as done."""
    events = code("Pakistan vowed on Thursday to retaliate against India.")
    assert _types(events) == ["THREATEN"]
    assert pair(events[0]) == ("PAK", "IND")


def test_crowds_gathering_demonstrate(code: Code) -> None:
    events = code("Crowds gathered outside the presidential palace in Dhaka on Monday.")
    assert _types(events) == ["PROTEST"]


def test_officials_gathering_do_not_demonstrate(code: Code) -> None:
    events = code("Ministers gathered in Brussels on Monday.")
    assert "PROTEST" not in _types(events)


def test_fact_acknowledged_is_no_concession(code: Code) -> None:
    """ "acknowledged that they disagreed" reports a fact; "conceded the point" gives way."""
    events = code("Serbia's president and Kosovo's prime minister acknowledged that they still disagreed.")
    assert "CONCEDE" not in _types(events)


def test_meeting_called_off_is_refused(code: Code) -> None:
    """A visit or talks called off are a meeting refused (REJECT), not a cut in relations, and the
    visit called off is not told as held."""
    events = code("Japan's foreign minister cancelled her visit to Seoul on Friday.")
    assert _types(events) == ["REJECT"]
    assert pair(events[0]) == ("JPN", "KOR")


def test_other_things_cancelled_are_still_cuts(code: Code) -> None:
    events = code("Russia cancelled all flights to Georgia on Monday.")
    assert "REJECT" not in _types(events)


def test_close_cooperation_is_no_closure(code: Code) -> None:
    events = code("Ruto said Kenya looked forward to close cooperation with Ethiopia.")
    assert "COERCE" not in _types(events)


def test_funds_released_are_no_release(code: Code) -> None:
    events = code("The IMF released frozen funds to Sri Lanka on Tuesday.")
    assert "RETREAT" not in _types(events)


def test_act_named_as_a_killing_is_no_new_killing(code: Code) -> None:
    """ "condemned the raids as extrajudicial killings": the killings are the raids, named."""
    events = code("Brazil condemned the Venezuelan raids as extrajudicial killings.")
    assert "ASSAULT" not in [e.event_type for e in events if e.trigger == "killings"]


def test_ramming_is_an_attack(code: Code) -> None:
    events = code(
        "Vietnam protested the ramming of a Vietnamese fishing boat by Chinese coast guard vessels."
    )
    assert "ASSAULT" in _types(events)


def test_finite_verb_beside_an_infinitive_goes_with_the_governor(code: Code) -> None:
    """ "urged Manila to remove its ship and threatened to ...": the parser may hang "threatened" on
    the infinitive; Beijing threatens, and it threatens Manila."""
    events = code(
        "Beijing urged Manila on Monday to remove its ship from the shoal "
        "and threatened to impose countermeasures."
    )
    assert pair(only(events, "REQUEST")) == ("CHN", "PHL")
    assert pair(only(events, "THREATEN")) == ("CHN", "PHL")


def test_citizens_ask_their_own_government(code: Code) -> None:
    """ "students demanded that the government ...": a government of no named country is theirs."""
    events = code(
        "Chilean students marched on Thursday, demanding that the government scrap the tuition law."
    )
    assert pair(only(events, "REQUEST")) == ("CHL", "CHL")


def test_ruling_party_is_the_government(code: Code) -> None:
    events = code("Thailand's opposition accused the ruling party of buying votes.")
    assert pair(only(events, "ACCUSE")) == ("THA", "THA")


def test_strike_called_is_a_strike_not_a_request(code: Code) -> None:
    """ "called a general strike" convenes it; "called for a strike" asks for one."""
    called = code("Nigeria's labour unions called a nationwide strike over fuel prices on Monday.")
    assert "PROTEST" in _types(called)
    asked = code("Nigeria's labour unions called for a nationwide strike over fuel prices on Monday.")
    assert "PROTEST" not in _types(asked)
