"""Articles: what a sentence means depends on the sentences before it (an event told again, the pair
of countries an article is about). Every text here was written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from detente.models import Event

Code = Callable[..., list[Event]]


def _typed(events: list[Event], event_type: str, sentence: int | None = None) -> list[Event]:
    return [
        e for e in events if e.event_type == event_type and (sentence is None or e.sentence_index == sentence)
    ]


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        (
            "Police in Almaty detained two Kyrgyz journalists on Monday. "
            "Their colleagues gathered outside the court in protest at the detention.",
            "COERCE",
        ),
        (
            "Latvia shut its last crossing point on the Russian border on Friday. "
            "Officials in Riga said the closure would last until the end of the year.",
            "COERCE",
        ),
        (
            "Ukrainian drones struck an oil depot in the Russian city of Tuapse overnight. "
            "Moscow's foreign ministry blamed Kyiv's Western backers for the attack.",
            "ASSAULT",
        ),
    ],
)
def test_the_same_event_told_again_is_no_new_one(code: Code, text: str, event_type: str) -> None:
    # "the detention", "the closure", "the attack" point back to the event of the first sentence
    events = code(text)
    assert _typed(events, event_type, 0)
    assert not _typed(events, event_type, 1)


def test_an_event_noun_with_its_own_date_is_told(code: Code) -> None:
    # "the demonstrations began on Thursday" says when the protests started: an event of its own
    text = (
        "Moldovan police fired tear gas at protesters in Chisinau on Sunday, the third night of protests "
        "against the government. The demonstrations began on Thursday evening, hours after the prime "
        "minister announced that Moldova would leave the alliance."
    )
    assert _typed(code(text), "PROTEST", 1)


def test_a_first_mention_is_an_event(code: Code) -> None:
    # no earlier event of the type: "the arrest of" is the first telling
    events = code("Georgian police announced the arrest of three Russian citizens in Batumi.")
    assert _typed(events, "COERCE")
