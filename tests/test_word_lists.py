"""The word lists the role finder and the actor resolver read from data files, and one behaviour each
list is for (sentences written for these tests)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from event_helpers import pairs

from detente.data_files import load_yaml
from detente.models import Event

Code = Callable[..., list[Event]]


@pytest.mark.parametrize(
    ("parts", "keys"),
    [
        (("coding", "roles.yaml"), ["object_does", "control_by_object", "quantity_nouns", "bundle_nouns"]),
        (("actors", "reference_nouns.yaml"), ["pair_nouns", "foreign_posts"]),
    ],
)
def test_word_lists_are_versioned_lists_of_lower_case_words(parts: tuple[str, str], keys: list[str]) -> None:
    data = load_yaml(*parts)
    assert data["id"] and data["version"]
    for key in keys:
        words = data[key]
        assert words and all(isinstance(w, str) and w == w.lower() for w in words), key
        assert len(set(words)) == len(words), key


def test_the_object_of_an_accusation_does_the_act(code: Code) -> None:  # object_does
    events = code("Tbilisi accused Moscow of detaining two Georgian shepherds near the boundary.")
    assert ("RUS", "GEO") in pairs(events, "COERCE")


def test_the_object_of_a_request_would_do_the_requested_act(code: Code) -> None:  # control_by_object
    events = code("Paris urged Kigali to withdraw its troops from eastern Congo.")
    assert ("FRA", "RWA") in pairs(events, "REQUEST")
    assert not [e for e in events if e.event_type == "RETREAT" and e.modality == "asserted"]


def test_the_two_leaders_are_the_countries_just_named(code: Code) -> None:  # pair_nouns
    events = code("Aliyev flew to Ankara on Monday. The two leaders signed a defence pact.")
    assert {("AZE", "TUR"), ("TUR", "AZE")} <= pairs(events, "AGREE")
