"""Coder: retreats, concessions, aid and mobilisation told in forms a blind probe set showed missing
(goods let in, stances dropped, money deposited, arms smuggled, troops flown in). The sentences are
written for these tests and are not in any gold or probe file."""

from __future__ import annotations

from collections.abc import Callable

from event_helpers import pairs

from detente.models import Event

Code = Callable[..., list[Event]]


def test_lorries_or_tankers_let_through_are_access_granted(code: Code) -> None:
    events = code("Egypt let dozens of fuel lorries through the Rafah crossing on Sunday.")
    assert {e.event_type for e in events} == {"RETREAT"}
    assert events[0].mode == "access"


def test_an_insistence_dropped_is_a_concession(code: Code) -> None:
    events = code("Ankara dropped its insistence on a new referendum in northern Cyprus on Monday.")
    assert [e.event_type for e in events] == ["CONCEDE"]


def test_a_suspension_lifted_is_a_concession_not_a_sanction(code: Code) -> None:
    events = code("The suspension of Swiss arms exports to Qatar was lifted by Bern on Monday.")
    assert [e.event_type for e in events] == ["CONCEDE"]


def test_money_deposited_in_a_central_bank_is_aid(code: Code) -> None:
    events = code("Qatar deposited $1 billion in Egypt's central bank on Wednesday.")
    assert pairs(events, "AID") == {("QAT", "EGY")}


def test_arms_smuggled_to_a_party_by_a_state_are_aid(code: Code) -> None:
    events = code("Rifles and rockets were smuggled to Hamas by Iran, Israeli officials said.")
    assert pairs(events, "AID") == {("IRN", "PSE")}


def test_troops_flown_somewhere_are_mobilised_not_given(code: Code) -> None:
    events = code("Nigeria airlifted 800 soldiers to Borno state on Tuesday.")
    assert [(e.event_type, e.mode) for e in events] == [("MOBILIZE", "troops")]


def test_arms_given_in_a_with_phrase_are_aid_to_the_object(code: Code) -> None:
    """ "supplied X with Y": X gets Y; the goods decide between aid and trade."""
    events = code("Belgrade has been supplying Kyiv with artillery shells, Moscow claimed on Monday.")
    assert pairs(events, "AID") == {("SRB", "UKR")}
    trade = code("Azerbaijan has been supplying Italy with gas since 2020.")
    assert pairs(trade, "AID") == set()


def test_demands_accepted_are_a_concession_and_a_demand(code: Code) -> None:
    """ "accept" is light over most event nouns ("accepted the invitation"), but over a demand it
    answers it: the concession and the demand are both told."""
    events = code("Ecuador's government accepted the demands of striking truck drivers on Friday.")
    assert {e.event_type for e in events} == {"CONCEDE", "REQUEST"}
    demand = next(e for e in events if e.event_type == "REQUEST")
    assert demand.source.sector != "GOV"


def test_pressure_from_a_state_is_a_demand_by_it(code: Code) -> None:
    events = code(
        "Under pressure from Brussels, Belgrade agreed on Monday to scrap the new visa requirements."
    )
    assert ("EU", "SRB") in pairs(events, "REQUEST") or ("BEL", "SRB") in pairs(events, "REQUEST")
    assert "CONCEDE" in {e.event_type for e in events}


def test_an_act_someone_expects_another_to_do_is_no_event(code: Code) -> None:
    events = code("Western diplomats expect Iran to resume uranium enrichment at Fordow within weeks.")
    assert events == []
    past = code("Officials believe Iran to have sent drones to Russia.")
    assert pairs(past, "AID") == {("IRN", "RUS")}


def test_those_acting_together_are_not_each_others_targets(code: Code) -> None:
    """ "Dutch and Belgian aircraft": co-doers of a one-sided act; neither is the other's target."""
    events = code("Blankets and tents were flown to the flooded region by Dutch and Belgian army aircraft.")
    assert {e.source.country for e in events if e.event_type == "AID"} == {"NLD", "BEL"}
    assert all(e.target is None or e.target.country not in ("NLD", "BEL") for e in events)


def test_troops_sent_toward_a_border_have_no_target(code: Code) -> None:
    events = code("Addis Ababa moved tanks and artillery toward the Eritrean frontier on Monday.")
    assert pairs(events, "MOBILIZE") == {("ETH", None)}
    against = code("Addis Ababa moved tanks and artillery against Eritrea on Monday.")
    assert pairs(against, "MOBILIZE") == {("ETH", "ERI")}


def test_a_second_infinitive_agreed_to_is_an_act_of_its_own(code: Code) -> None:
    """ "agreed to pull back ... and to allow ...": a list of acts agreed to, not a purpose clause."""
    events = code(
        "Serbia and Kosovo agreed on Monday to remove their roadblocks and to allow monitors from "
        "the OSCE to patrol the crossings."
    )
    access = [e for e in events if e.mode == "access"]
    assert {(e.source.country, e.target.country if e.target else None) for e in access} == {
        ("SRB", "OSCE"),
        ("XKX", "OSCE"),
    }


def test_a_pause_in_fighting_is_a_ceasefire_of_both_sides(code: Code) -> None:
    events = code("The army and the rebels began a three-day pause in fighting in Goma on Sunday.")
    assert {e.mode for e in events} == {"ceasefire"}
    halt = code("Addis Ababa and the TPLF announced a cessation of hostilities on Wednesday.")
    assert {e.mode for e in halt if e.event_type == "RETREAT"} == {"ceasefire"}


def test_what_a_proposal_is_for_is_not_done(code: Code) -> None:
    events = code("A Turkish proposal for a humanitarian pause in Idlib was rejected by Damascus on Monday.")
    assert "RETREAT" not in {e.event_type for e in events}


def test_the_subject_pronoun_of_a_relative_clause_is_the_host_clause_subject(code: Code) -> None:
    """In reported speech a pronoun is the speaker, unless it heads a relative clause on a noun of
    a clause with a named subject."""
    events = code(
        "Russia has withdrawn most of the warplanes it deployed to Belarus, the Lithuanian defence "
        "ministry said on Monday."
    )
    deployed = next(e for e in events if e.trigger == "deployed")
    assert deployed.source.country == "RUS"


def test_money_pledges_obtained_from_states_are_their_aid(code: Code) -> None:
    """ "secured pledges from A and B": A and B promise money to the one securing them."""
    events = code("Egypt secured funding pledges from Kuwait and Qatar at the Cairo conference on Monday.")
    assert pairs(events, "AID") == {("KWT", "EGY"), ("QAT", "EGY")}


def test_aid_received_from_a_state_is_its_aid(code: Code) -> None:
    events = code("Moldova received emergency aid from Romania on Friday.")
    assert pairs(events, "AID") == {("ROU", "MDA")}


def test_forces_landing_somewhere_are_deployed_there(code: Code) -> None:
    events = code("A first contingent of 200 Rwandan soldiers landed in Maputo on Saturday.")
    assert [(e.event_type, e.source.country) for e in events] == [("MOBILIZE", "RWA")]
    visit = code("A Rwandan delegation landed in Maputo on Saturday.")
    assert "MOBILIZE" not in {e.event_type for e in visit}


def test_an_act_of_a_shelved_plan_is_not_done(code: Code) -> None:
    events = code("Warsaw shelved plans to deploy more troops to the Belarusian border on Monday.")
    assert "MOBILIZE" not in {e.event_type for e in events}


def test_a_pronoun_owned_helped_party_is_not_taken_for_the_helper(code: Code) -> None:
    events = code("Turkey shipped 20 generators to Syria last week to help its power company restore supply.")
    assert all(e.target is None or e.target.country != "TUR" for e in events if e.event_type == "AID")


def test_mediation_told_as_a_noun_is_a_third_party_consultation(code: Code) -> None:
    events = code("Kyrgyzstan freed three Tajik border guards on Monday after mediation by Uzbekistan.")
    mediation = [e for e in events if e.event_type == "CONSULT"]
    assert [e.mode for e in mediation] == ["third-party"] * len(mediation) and mediation
    assert {e.source.country for e in mediation} == {"UZB"}
    assert ("UZB", "KGZ") in pairs(events, "CONSULT")
