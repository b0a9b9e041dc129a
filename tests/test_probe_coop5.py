"""Coder: agreements, meetings, support, aid and cooperation as news on unseen text tells them (the
classes of error found on the probe set eval/probe/coop5.jsonl). The sentences are written for these
tests, not taken from the probe set."""

from __future__ import annotations

from collections.abc import Callable

from event_helpers import pairs

from detente.models import Event

Code = Callable[..., list[Event]]


def test_data_shared_is_cooperation(code: Code) -> None:
    """spaCy lemmatises "data" as "datum": both name what is shared."""
    events = code("Laos shared flood data with Thailand on Monday.")
    assert pairs(events, "COOPERATE", negated=False) == {("LAO", "THA")}


def test_body_set_up_jointly_is_cooperation_not_an_agreement(code: Code) -> None:
    """A joint body founded with a phrasal verb ("set up") is cooperation; agreeing to found it is
    that act, not AGREE."""
    events = code("Ghana and Togo agreed to set up a joint committee on border security.")
    assert pairs(events, "COOPERATE", negated=False) == {("GHA", "TGO"), ("TGO", "GHA")}
    assert not pairs(events, "AGREE", negated=False)


def test_a_joint_body_that_only_exists_is_no_act(code: Code) -> None:
    events = code("Engineers attended a session of the joint water commission of Ghana and Togo.")
    assert not pairs(events, "COOPERATE", negated=False)


def test_agreeing_to_resume_talks_is_the_talks(code: Code) -> None:
    """The act agreed to may be a noun on its light verb ("resume talks")."""
    events = code("Chile and Peru agreed on Monday to resume talks on fishing rights.")
    assert pairs(events, "CONSULT", negated=False) == {("CHL", "PER"), ("PER", "CHL")}
    assert not pairs(events, "AGREE", negated=False)


def test_initialled_text_is_an_agreement(code: Code) -> None:
    events = code("Moldova and Ukraine initialled the text of a border treaty in Kyiv.")
    assert pairs(events, "AGREE", negated=False) == {("MDA", "UKR"), ("UKR", "MDA")}


def test_rains_are_no_attackers(code: Code) -> None:
    events = code("Torrential rains destroyed dozens of bridges in southern Malawi on Sunday.")
    assert not pairs(events, "ASSAULT", negated=False)


def test_relief_kits_distributed_are_aid(code: Code) -> None:
    events = code("The Red Cross distributed hygiene kits to refugees in Chad.")
    assert [e.event_type for e in events] == ["AID"]


def test_aid_received_from_a_donor_named_after_the_goods(code: Code) -> None:
    """ "received a donation of 20 ambulances from Japan": the parser hangs "from" on the goods; the
    donor is still the source and the receiver the target."""
    events = code("Bolivia received a donation of 20 ambulances from Japan on Friday.")
    assert pairs(events, "AID", negated=False) == {("JPN", "BOL")}


def test_its_in_what_a_party_is_thanked_for_is_that_party(code: Code) -> None:
    """ "thanked Uganda for its donation": the possessive names the party thanked, not the thanker."""
    events = code("Kenya thanked Uganda for its donation of maize.")
    assert pairs(events, "SUPPORT", negated=False) == {("KEN", "UGA")}
    assert pairs(events, "AID", negated=False) == {("UGA", "KEN")}


def test_credit_line_extended_is_aid(code: Code) -> None:
    events = code("Sri Lanka drew on a credit line extended by India in March.")
    assert pairs(events, "AID", negated=False) == {("IND", "LKA")}
