"""Articles: what a sentence means depends on the sentences before it (an event told again, the pair
of countries an article is about). Every text here was written for these tests."""

from __future__ import annotations

import datetime as dt
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


def _pairs(events: list[Event], event_type: str, sentence: int) -> set[tuple[str | None, str | None]]:
    return {
        (e.source.country, e.target.country if e.target else None)
        for e in _typed(events, event_type, sentence)
    }


def test_both_sides_are_the_pair_the_article_is_about(code: Code) -> None:
    # the third country named last (Germany) is no side of the dispute the article tells
    text = (
        "Serbian police detained two Kosovo customs officers near the boundary on Monday. "
        "Kosovo accused Belgrade of kidnapping them. "
        "Germany's chancellor spoke with Serbia's president on Tuesday. "
        "The United States urged both governments to avoid escalation."
    )
    assert _pairs(code(text), "REQUEST", 3) == {("USA", "SRB"), ("USA", "XKX")}


def test_the_two_leaders_of_the_sentence_come_first(code: Code) -> None:
    # the pair that has just met in the same sentence, not the article's earlier pair
    text = (
        "Thai troops fired on Cambodian positions overnight, and Cambodia accused Bangkok of violating the "
        "truce. China's foreign minister phoned his Vietnamese counterpart on Friday, and the two ministers "
        "agreed to expand rail links."
    )
    assert _pairs(code(text), "AGREE", 1) == {("CHN", "VNM"), ("VNM", "CHN")}


@pytest.mark.parametrize(
    ("sentence", "accuser", "accused"),
    [
        ("Baku accused Yerevan of planting mines, a charge Armenia denies.", "AZE", "ARM"),
        (
            "In the same statement, Nairobi accused Kampala of trying to provoke a wider conflict, a charge "
            "Uganda has repeatedly denied.",
            "KEN",
            "UGA",
        ),
    ],
)
def test_a_charge_denied_is_a_rejection_not_a_denied_accusation(
    code: Code, sentence: str, accuser: str, accused: str
) -> None:
    # "..., a charge X denies" sums up the accusation: it took place, and X rejects it
    events = code(sentence)
    accusations = _typed(events, "ACCUSE")
    assert accusations and not any(e.negated for e in accusations)
    assert _pairs(events, "REJECT", 0) == {(accused, accuser)}


@pytest.mark.parametrize(
    ("text", "event_type", "target"),
    [
        (
            "The International Criminal Court issued an arrest warrant for a Mongolian minister on Monday. "
            "Mongolia's government said it rejected the court's authority.",
            "REJECT",
            "ICC",
        ),
        (
            "The International Court of Justice ruled against Colombia in March. "
            "Bogota has refused to accept the court's decision.",
            "REJECT",
            "ICJ",
        ),
    ],
)
def test_the_court_is_the_court_named_before(code: Code, text: str, event_type: str, target: str) -> None:
    # "the court" names again the international court the article has named, not a national one
    found = _typed(code(text), event_type, 1)
    assert found and all(e.target and e.target.country == target for e in found)


def test_they_after_both_sides_are_the_two(code: Code) -> None:
    # "they" takes up "both sides" of the same sentence: the two parties, not the mediator
    text = (
        "Thai and Cambodian troops clashed on the border. Malaysia's foreign minister met both sides in "
        "Kuala Lumpur on Friday, and they signed a truce."
    )
    assert _pairs(code(text), "AGREE", 1) == {("THA", "KHM"), ("KHM", "THA")}


def test_an_act_told_in_a_relative_clause_of_a_request_took_place(code: Code) -> None:
    # what is asked is respecting the agreement; signing it is an act of its own, by those asked
    events = code(
        "The UN urged Armenia and Azerbaijan to honour the peace agreement they signed in Washington."
    )
    assert _pairs(events, "AGREE", 0) == {("ARM", "AZE"), ("AZE", "ARM")}


def test_a_detention_told_in_a_relative_clause_of_a_request(code: Code) -> None:
    # "it" is the party urged to act, and the detention took place
    events = code("Seoul urged Pyongyang to free the fishermen it detained in May.")
    assert [e.source.country for e in _typed(events, "COERCE")] == ["PRK"]


def test_its_does_not_take_up_one_of_a_pair(code: Code) -> None:
    # "its envoy" is the African Union's, not one of the pair that signed
    text = (
        "Ethiopia accused Eritrea of massing troops on the border. The African Union called on both "
        "governments to respect the peace agreement they signed in 2018, and said its envoy would visit "
        "Asmara next week."
    )
    visits = _typed(code(text), "CONSULT", 1)
    assert visits and all(e.source.country == "AU" for e in visits)


def test_an_act_of_the_same_statement_has_its_date(code: Code) -> None:
    # "in the same statement" ties the accusation to Monday's summons
    text = (
        "Kenya's foreign ministry summoned Uganda's ambassador on Monday to protest the shooting. "
        "In the same statement, Nairobi accused Kampala of arming rebels."
    )
    events = code(text, published=dt.date(2025, 3, 14))
    accusations = _typed(events, "ACCUSE", 1)
    assert accusations and all(e.date == "2025-03-10" for e in accusations)


def test_its_in_a_relative_clause_of_a_request_is_the_party_asked(code: Code) -> None:
    # "its courts" are the courts of Minsk, the party asked to release the activists
    events = code("The EU asked Minsk to release the activists its courts have jailed.")
    jailings = [e for e in events if e.trigger == "jailed"]
    assert jailings and all(e.source.country == "BLR" for e in jailings)
