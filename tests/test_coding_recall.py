"""Coder: events told in less usual forms (attributive participles, conditions of a threat, swaps
told "in exchange for"). The sentences are written for these tests."""

from __future__ import annotations

from collections.abc import Callable

from event_helpers import pairs

from detente.models import Event

Code = Callable[..., list[Event]]


def test_visiting_officials_are_on_a_visit_to_their_host(code: Code) -> None:
    events = code("Tokayev briefed visiting Chinese officials on Monday on the new railway.")
    assert pairs(events, "CONSULT") == {("CHN", "KAZ")}


def test_a_visiting_delegation_is_on_a_visit_where_it_is(code: Code) -> None:
    events = code("The letter was handed to a visiting Turkish delegation in Baghdad on Sunday.")
    visit = next(e for e in events if e.event_type == "CONSULT")
    assert visit.source.country == "TUR"
    assert visit.place is not None and visit.place.country == "IRQ"


def test_a_participle_that_says_who_someone_is_tells_no_act(code: Code) -> None:
    events = code("Kenya's prosecuting authority charged two police officers on Monday.")
    assert all(e.trigger != "prosecuting" for e in events)


def test_the_condition_of_a_threat_is_a_hypothetical_act(code: Code) -> None:
    """What a threat is made against ("if Baku blocked the road") is coded, as hypothetical; what
    is threatened is not."""
    events = code(
        "Armenian officials were warned by Russia's foreign ministry that they would be expelled "
        "if Yerevan closed the consulate in Gyumri."
    )
    assert {e.event_type for e in events} == {"THREATEN", "SANCTION"}
    closure = next(e for e in events if e.event_type == "SANCTION")
    assert closure.modality == "hypothetical"
    assert closure.source.country == "ARM"


def test_a_release_in_exchange_for_others_has_a_release_in_return(code: Code) -> None:
    events = code("Tehran freed two French teachers on Monday in exchange for an Iranian engineer.")
    assert pairs(events, "RETREAT") == {("IRN", "FRA"), ("FRA", "IRN")}


def test_a_release_in_a_prisoner_swap_has_a_release_in_return(code: Code) -> None:
    events = code("Belarus released a Lithuanian journalist in a prisoner swap on Thursday.")
    assert pairs(events, "RETREAT") == {("BLR", "LTU"), ("LTU", "BLR")}


def test_a_swap_between_coordinated_parties_is_not_told_again(code: Code) -> None:
    events = code("Armenia and Azerbaijan each released five soldiers in a swap on Friday.")
    assert pairs(events, "RETREAT") == {("ARM", "AZE"), ("AZE", "ARM")}
    assert len([e for e in events if e.event_type == "RETREAT"]) == 2


def test_exchange_for_goods_is_no_release(code: Code) -> None:
    events = code("Kyiv offered grain to Ankara in exchange for drones.")
    assert all(e.event_type != "RETREAT" for e in events)


def test_the_act_a_response_answers_is_an_act_of_its_own(code: Code) -> None:
    events = code("Riga expelled three Russian diplomats in response to similar expulsions by Moscow.")
    assert pairs(events, "SANCTION") == {("LVA", "RUS"), ("RUS", "LVA")}


def test_a_deployment_in_response_to_a_build_up_is_two_deployments(code: Code) -> None:
    events = code("Seoul deployed extra fighter jets on Friday in response to the Chinese naval build-up.")
    assert pairs(events, "MOBILIZE") == {("KOR", None), ("CHN", None)}


def test_the_kind_of_a_raised_passive_patient_decides_the_act(code: Code) -> None:
    """ "Drones are believed to have been supplied by X": the drones are what was supplied."""
    events = code("Attack drones are reported to have been sent by Iran to Venezuela's army this spring.")
    assert pairs(events, "AID") == {("IRN", "VEN")}


def test_a_nationality_in_the_kind_phrase_of_a_delivery_is_its_giver(code: Code) -> None:
    events = code("The delivery of forty Turkish aid trucks into Idlib on Friday was delayed by snow.")
    assert pairs(events, "AID") == {("TUR", "SYR")}


def test_a_charge_d_affaires_summoned_is_a_protest(code: Code) -> None:
    events = code("Estonia summoned Russia's chargé d'affaires on Friday over the airspace violation.")
    assert ("EST", "RUS") in pairs(events, "ACCUSE")


def test_what_happened_before_a_threat_is_told_as_it_happened(code: Code) -> None:
    """Under "threatened to ...", a clause "after X did Y" tells Y as done, not as threatened."""
    events = code(
        "Beijing threatened on Sunday to punish any ship that enters its waters, two days after "
        "Philippine coast guard vessels held joint patrols with Japan near Scarborough Shoal."
    )
    assert "COOPERATE" in {e.event_type for e in events}


def test_what_is_to_happen_before_a_demand_is_met_is_not_told(code: Code) -> None:
    events = code("Tbilisi rejected Moscow's demand that Georgia change its laws before a treaty is signed.")
    assert "AGREE" not in {e.event_type for e in events}


def test_a_main_verb_parsed_as_a_participle_on_its_subject_keeps_its_doer(code: Code) -> None:
    """The small parser reads "Mali's military rulers threatened on Tuesday to ..." as a noun phrase
    ("rulers (who were) threatened"); with a "to" infinitive of its own, it is the main verb."""
    events = code(
        "Mali's military rulers threatened on Tuesday to close the Algerian embassy, "
        "accusing Algiers of sheltering rebels."
    )
    assert ("MLI", "DZA") in pairs(events, "THREATEN")
    assert ("MLI", "DZA") in pairs(events, "ACCUSE")


def test_two_parties_of_one_state_acting_on_each_other_are_coded_both_ways(code: Code) -> None:
    events = code("Sudan's army and the RSF clashed near El Fasher on Sunday.")
    clashes = [e for e in events if e.event_type == "ASSAULT"]
    assert len(clashes) == 2
    assert {(e.source.country, e.target.country if e.target else None) for e in clashes} == {("SDN", "SDN")}


def test_every_object_in_a_list_decides_the_act(code: Code) -> None:
    """Rebels who hand over "trucks, mortars and hundreds of guns" are disarming."""
    events = code("Tuareg rebels in Mali handed over trucks, mortars and hundreds of guns to Malian troops.")
    assert {e.event_type for e in events} == {"RETREAT"}


def test_claims_a_state_rejects_are_an_accusation_against_it(code: Code) -> None:
    events = code("Armenia rejected Azerbaijan's claims that its troops had mined roads near Lachin.")
    assert ("AZE", "ARM") in pairs(events, "ACCUSE")


def test_the_act_a_response_answers_keeps_its_own_date(code: Code) -> None:
    """The parser hangs "last month" on "response"; it is the date of the expulsions answered."""
    events = code(
        "Moscow expelled three Finnish diplomats on Thursday in a tit-for-tat response "
        "to similar expulsions by Helsinki last month."
    )
    answered = next(e for e in events if e.event_type == "SANCTION" and e.source.country == "FIN")
    assert answered.date_text == "last month"
