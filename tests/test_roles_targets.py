"""Coder: who the source and target of an event are (object pronouns, unknown people, one-sided
acts, agents of event nouns, coordinated subjects). The sentences are written for these tests."""

from __future__ import annotations

from collections.abc import Callable

from event_helpers import only, pair

from detente.models import Event

Code = Callable[..., list[Event]]


def test_object_pronoun_of_a_compatriot_is_kept(code: Code) -> None:
    """ "Police beat him": a person of the police's own country, not the document's other party."""
    events = code(
        "Georgian Prime Minister Irakli Kobakhidze rejected criticism from the European Union on Monday. "
        "Giorgi Kapanadze, a student, said Georgian police had beaten him in a van."
    )
    assert pair(only(events, "ASSAULT")) == ("GEO", "GEO")


def test_object_pronoun_is_not_the_source_itself(code: Code) -> None:
    """ "Lula praised him": him is someone other than Lula."""
    events = code("Lula welcomed Maduro to Brasilia on Monday and praised him as a partner.")
    assert pair(only(events, "SUPPORT")) == ("BRA", "VEN")


def test_unknown_person_released_by_a_court_is_its_countrys(code: Code) -> None:
    events = code(
        "Kyrgyzstan and Russia held talks in Moscow on Monday. "
        "Ruslan Kadyrbekov was released by a Kyrgyz court on Tuesday."
    )
    assert pair(only(events, "RETREAT")) == ("KGZ", "KGZ")


def test_resignation_has_no_counterpart(code: Code) -> None:
    events = code(
        "Kyrgyzstan and Russia held talks in Moscow on Monday. The Kyrgyz prime minister resigned on Tuesday."
    )
    assert pair(only(events, "RETREAT")) == ("KGZ", None)


def test_a_common_noun_is_no_town(code: Code) -> None:
    """ "Workers at a mine": "mine" is a common noun, not the Japanese town Mine."""
    events = code("Hundreds of workers at a mine staged a protest on Monday over unpaid wages.")
    assert all(e.source.country != "JPN" for e in events)


def test_people_at_a_site_in_a_country_are_its(code: Code) -> None:
    events = code("Hundreds of workers at a copper mine in Zambia's Copperbelt province staged a protest.")
    assert only(events, "PROTEST").source.country == "ZMB"


def test_a_statements_place_does_not_give_its_target_a_country(code: Code) -> None:
    events = code(
        "Georgian police fired tear gas at demonstrators in Tbilisi on Monday. "
        "In Berlin, Germany condemned the violence against protesters."
    )
    assert pair(only(events, "ACCUSE")) == ("DEU", "GEO")


def test_victims_of_a_result_participle_are_of_the_place_hit(code: Code) -> None:
    """ "stormed a station in Kramatorsk, killing 50 civilians": Ukrainians, not the attacker's own.
    (After an attack verb the participle is no second event: "hit a station, killing 50" is one attack.)"""
    events = code("Russian troops stormed a railway station in Kramatorsk on Friday, killing 50 civilians.")
    killing = next(e for e in events if e.trigger == "killing")
    assert pair(killing) == ("RUS", "UKR")
    one = code("Russian missiles hit a railway station in Kramatorsk on Friday, killing 50 civilians.")
    assert [e.trigger for e in one if e.event_type == "ASSAULT"] == ["hit"]


def test_a_request_about_the_sources_own_people_targets_who_must_act(code: Code) -> None:
    events = code("Tehran on Monday rejected a French request to release two detained French teachers.")
    assert pair(only(events, "REQUEST")) == ("FRA", "IRN")


def test_a_threat_about_the_sources_own_troops_targets_the_other_party(code: Code) -> None:
    events = code(
        "Kenya threatened to withdraw its police officers from Haiti "
        "unless the United Nations pays their salaries."
    )
    assert pair(only(events, "THREATEN")) == ("KEN", "UN")


def test_a_threat_against_people_of_no_stated_nationality_stays_domestic(code: Code) -> None:
    events = code("The Malian junta threatened to arrest journalists who criticise the army.")
    assert pair(only(events, "THREATEN")) == ("MLI", "MLI")


def test_agent_hung_on_the_object_of_a_passive(code: Code) -> None:
    events = code("Two Estonian diplomats were declared persona non grata by Russia on Friday.")
    assert pair(only(events, "SANCTION")) == ("RUS", "EST")


def test_agent_hung_on_the_of_object_of_an_event_noun(code: Code) -> None:
    events = code("The release of four Thai farm workers by Hamas was welcomed in Bangkok.")
    assert pair(only(events, "RETREAT")) == ("PSE", "THA")


def test_expelled_from_a_capital_by_its_state(code: Code) -> None:
    events = code("The expulsion of Lithuania's ambassador from Minsk marked a new low.")
    assert pair(only(events, "SANCTION")) == ("BLR", "LTU")


def test_support_for_names_the_target(code: Code) -> None:
    """ "voiced support for X": X is the target, not the co-subject."""
    events = code("Serbia and Hungary expressed support on Friday for Bosnia's Serb leadership.")
    assert {pair(e) for e in events if e.event_type == "SUPPORT"} == {("SRB", "BIH"), ("HUN", "BIH")}


def test_a_pro_or_anti_stance_is_no_nationality(code: Code) -> None:
    events = code("Egyptian police detained dozens of pro-Palestinian protesters in Cairo on Friday.")
    assert pair(only(events, "COERCE")) == ("EGY", "EGY")


def test_a_leader_named_in_the_sentence_counts_among_its_states(code: Code) -> None:
    """The prisoners are not French because the only country word of the sentence is "French"."""
    events = code("Aliyev freed 20 political prisoners on Monday, a day after meeting a senior French envoy.")
    assert pair(only(events, "RETREAT")) == ("AZE", "AZE")


def test_the_object_of_prompting_acts(code: Code) -> None:
    events = code("Russia withdrew from the grain deal, prompting Turkey to suspend talks with Moscow.")
    suspend = next(e for e in events if e.trigger == "suspend")
    assert pair(suspend) == ("TUR", "RUS")


def test_armed_groups_of_no_stated_country_are_not_the_sources(code: Code) -> None:
    events = code("Rwanda accused Burundi on Friday of arming rebel groups in the hills near the border.")
    assert pair(only(events, "AID")) == ("BDI", "RWA")


def test_an_adjective_is_no_place(code: Code) -> None:
    """ "Gulf Arab states": "Arab" is no town (there is an Arab in Alabama)."""
    events = code("Oman threatened to close the strait during contacts with Gulf Arab states last month.")
    assert all(e.target is None or e.target.country != "USA" for e in events)


def test_the_raised_subject_of_a_passive_complement_is_the_patient(code: Code) -> None:
    events = code("Three Canadian citizens are thought to be detained in China.")
    assert pair(only(events, "COERCE")) == ("CHN", "CAN")


def test_a_protest_at_a_foreign_embassy_targets_its_state(code: Code) -> None:
    events = code("Serbian students held a protest outside the Croatian embassy in Belgrade on Sunday.")
    assert pair(only(events, "PROTEST")) == ("SRB", "HRV")
    events = code("Hundreds of Serbian students held a protest outside parliament in Belgrade on Sunday.")
    assert pair(only(events, "PROTEST")) == ("SRB", "SRB")


def test_victims_of_an_act_someone_is_accused_of_are_the_accusers(code: Code) -> None:
    events = code("Armenia accused Azerbaijani troops on Monday of shelling civilian homes near the border.")
    assert pair(only(events, "ASSAULT")) == ("AZE", "ARM")


def test_a_generic_head_of_a_place_name_is_no_town(code: Code) -> None:
    """ "the Neelum Valley" is not Valley, Alabama."""
    events = code("Indian forces shelled civilian homes in the Neelum Valley on Sunday.")
    assert all(e.target is None or e.target.country != "USA" for e in events)
    assert all(e.place is None or e.place.country != "USA" for e in events)


def test_a_reaction_to_an_act_targets_its_doer_not_its_victims(code: Code) -> None:
    events = code("The detention of two journalists by Iranian police drew sharp criticism from Paris.")
    assert pair(only(events, "ACCUSE")) == ("FRA", "IRN")


def test_the_accused_pronoun_is_not_the_accusers_side(code: Code) -> None:
    events = code(
        "Israel struck targets in southern Lebanon on Sunday, "
        "accusing them of firing rockets at Israeli towns."
    )
    firing = next(e for e in events if e.trigger == "firing")
    assert pair(firing) == ("LBN", "ISR")


def test_an_act_noun_that_names_its_doer_keeps_it_under_a_passive_verb(code: Code) -> None:
    events = code(
        "The lifting of a ban on Thai rice imports by Jakarta on Monday "
        "was welcomed by Thailand's trade ministry."
    )
    assert only(events, "CONCEDE").source.country == "IDN"


def test_a_request_is_aimed_at_who_answers_it(code: Code) -> None:
    events = code("Austria's request to extradite a Georgian businessman was rejected by a court in Prague.")
    assert pair(only(events, "REQUEST")) == ("AUT", "CZE")


def test_an_organisations_mission_is_the_organisations(code: Code) -> None:
    events = code("Bamako ordered the expulsion of the head of the UN mission's human rights office.")
    assert pair(only(events, "SANCTION")) == ("MLI", "UN")


def test_an_act_blamed_on_someone_was_done_by_them(code: Code) -> None:
    events = code("The bombing of the pipeline in the Baltic Sea was widely blamed on Russia.")
    assert only(events, "ASSAULT").source.country == "RUS"


def test_a_gerund_after_a_preposition_shares_the_clauses_subject(code: Code) -> None:
    events = code("Iran freed the French teacher on Monday, two years after detaining her in Tehran.")
    assert pair(only(events, "COERCE")) == ("IRN", "FRA")


def test_the_named_modifier_of_an_event_noun_is_the_other_party(code: Code) -> None:
    events = code("Erdogan hosted an OSCE summit in Ankara.")
    assert pair(only(events, "CONSULT")) == ("TUR", "OSCE")


def test_a_complaint_lodged_with_an_organisation_targets_whom_it_is_about(code: Code) -> None:
    events = code("Ukraine complained to the UN about Russian strikes on its power grid.")
    assert pair(only(events, "ACCUSE")) == ("UKR", "RUS")
    events = code("Ukraine complained to the UN on Monday.")
    assert pair(only(events, "ACCUSE")) == ("UKR", "UN")


def test_its_decision_to_act_is_done_by_its_holder_not_by_a_person(code: Code) -> None:
    """ "its" is Washington's (a state), not Ramaphosa's; the decision's holder expels."""
    events = code("Ramaphosa called on Washington to reconsider its decision to expel South Africa's envoy.")
    assert pair(only(events, "SANCTION")) == ("USA", "ZAF")


def test_a_fellow_reactor_is_no_counterpart(code: Code) -> None:
    """Two states reacting side by side react to the act, not to each other; the city an embassy
    stands in is no party; "lodged a protest" does not react to the protest itself."""
    events = code(
        "Iran tested a new missile on Friday. "
        "Riyadh condemned the launch, and Abu Dhabi lodged a protest through its embassy in Muscat."
    )
    assert {pair(e) for e in events if e.event_type == "ACCUSE"} == {("SAU", "IRN"), ("ARE", "IRN")}


def test_a_warning_targets_who_its_condition_names(code: Code) -> None:
    events = code(
        "A senior Iranian official warned in a statement on Saturday that Tehran would respond "
        "if Israel and the United States went ahead with the drills."
    )
    assert {pair(e) for e in events if e.event_type == "THREATEN"} == {("IRN", "ISR"), ("IRN", "USA")}


def test_a_refusal_despite_an_appeal_answers_the_appeal(code: Code) -> None:
    events = code(
        "Turkey refused on Monday to halt its strikes on Kurdish fighters in Syria, "
        "despite a German appeal for restraint."
    )
    assert pair(only(events, "REJECT")) == ("TUR", "DEU")


def test_a_state_body_reported_by_a_states_organ_is_that_states(code: Code) -> None:
    events = code(
        "Egypt's interior ministry said a military court had sentenced a dual French-Egyptian activist "
        "to ten years in prison."
    )
    assert pair(only(events, "SANCTION")) == ("EGY", "FRA")


def test_an_act_a_relative_clause_blames_on_someone_was_theirs(code: Code) -> None:
    events = code(
        "Poland closed two Belarusian consulates on Monday "
        "over a sabotage attack it blamed on Belarusian intelligence."
    )
    assert pair(only(events, "ASSAULT")) == ("BLR", "POL")
    assert pair(only(events, "ACCUSE")) == ("POL", "BLR")


def test_parties_acting_on_each_other_over_a_thing_named_after_one_of_them(code: Code) -> None:
    events = code("Sudan and South Sudan failed to agree on the status of the Sudanese town of Abyei.")
    assert {pair(e) for e in events if e.event_type == "AGREE"} == {("SDN", "SSD"), ("SSD", "SDN")}


def test_a_country_naming_a_city_is_no_counterpart(code: Code) -> None:
    """ "the Saudi city of Jeddah" says where, not who the other party is."""
    events = code("Sudan's army agreed to a truce following talks in the Saudi city of Jeddah.")
    assert pair(only(events, "RETREAT")) == ("SDN", None)


def test_criticism_from_a_compatriot_targets_the_clause_subject(code: Code) -> None:
    """ "The ministry dropped the plan after criticism from the president": criticism within one state."""
    events = code(
        "Turkey's education ministry withdrew a new curriculum on Friday after criticism from President "
        "Recep Tayyip Erdogan."
    )
    assert pair(only(events, "ACCUSE")) == ("TUR", "TUR")


def test_criticism_a_participle_brushes_off_targets_its_clause_subject(code: Code) -> None:
    """ "..., shrugging off criticism from Paris": the one who shrugs it off is criticised."""
    events = code(
        "Algeria's government sent two ships carrying fuel to Libya on Monday, "
        "shrugging off criticism from Paris."
    )
    assert pair(only(events, "ACCUSE")) == ("FRA", "DZA")


def test_warnings_from_a_states_officials_do_not_target_the_state_itself(code: Code) -> None:
    events = code(
        "Lavrov said Moscow had never threatened Kazakhstan, "
        "despite repeated warnings from Russian lawmakers."
    )
    assert all(pair(e) != ("RUS", "RUS") for e in events if e.event_type == "THREATEN")


def test_a_plan_brokered_by_a_third_party_is_not_its_target(code: Code) -> None:
    """ "an EU-mediated deal": the EU mediated it; the parties act on each other, and the EU deals
    with both."""
    events = code("Serbia and Kosovo signed off on the final text of an EU-mediated deal on Monday.")
    assert {pair(e) for e in events if e.event_type == "AGREE"} == {("SRB", "XKX"), ("XKX", "SRB")}
    assert {pair(e) for e in events if e.event_type == "CONSULT"} == {("EU", "SRB"), ("EU", "XKX")}


def test_a_body_led_by_a_state_is_still_that_states(code: Code) -> None:
    events = code("A US-led force shot down Iranian drones over Iraq on Sunday.")
    assert pair(only(events, "ASSAULT")) == ("USA", "IRN")


def test_a_things_possessor_comes_before_what_it_concerns(code: Code) -> None:
    """ "Finland's NATO membership" is Finland's: the concession is made to Finland."""
    events = code("Hungary finally lifted its objection to Finland's NATO membership on Monday.")
    assert pair(only(events, "CONCEDE")) == ("HUN", "FIN")


def test_coordinated_subjects_whose_only_other_party_is_each_other(code: Code) -> None:
    """ "Seoul and Tokyo eased export curbs": each eases them for the other, not only the first."""
    events = code("Seoul and Tokyo eased export curbs on Wednesday after a summit in Osaka.")
    assert {pair(e) for e in events if e.event_type == "CONCEDE"} == {("KOR", "JPN"), ("JPN", "KOR")}
    events = code("Serbia and Croatia dropped their lawsuits against each other on Friday.")
    assert {pair(e) for e in events if e.event_type == "CONCEDE"} == {("SRB", "HRV"), ("HRV", "SRB")}


def test_the_subjects_own_thing_is_no_party_but_what_it_concerns_may_be(code: Code) -> None:
    """ "Moldova froze its membership in the CIS": "its" is Moldova, the CIS is the other party."""
    events = code(
        "Kazakhstan's president met Putin in Astana on Monday. "
        "On Tuesday, Moldova froze its membership in the CIS."
    )
    assert pair(only(events, "SANCTION")) == ("MDA", "CIS")


def test_a_possessive_bound_to_another_subject_still_names_the_target(code: Code) -> None:
    events = code("Tokyo accused Beijing on Friday of a cyberattack on its space agency.")
    assert only(events, "COERCE").target is not None
    assert pair(only(events, "COERCE"))[1] == "JPN"


def test_vehicles_sent_carrying_a_load_go_where_the_load_goes(code: Code) -> None:
    """ "sent three navy vessels carrying tents to Libya": Libya receives, not the navy's own state."""
    events = code("Algeria sent three navy vessels carrying tents and blankets to Libya on Sunday.")
    assert pair(only(events, "AID")) == ("DZA", "LBY")


def test_people_of_a_named_place_are_not_the_condemning_states(code: Code) -> None:
    """ "Stockholm condemned the detention of three Istanbul students": the students are Turkey's."""
    events = code("Stockholm condemned the detention of three Istanbul students on Tuesday.")
    assert pair(only(events, "ACCUSE")) == ("SWE", "TUR")


def test_a_curfew_on_a_town_has_no_target(code: Code) -> None:
    """A measure on the public at large is one-sided: not aimed at the country of the town."""
    events = code("Police imposed a curfew in the Kenyan port city of Mombasa on Sunday after riots.")
    assert pair(only(events, "COERCE")) == ("KEN", None)


def test_refusing_to_move_ones_own_forces_is_not_aimed_at_oneself(code: Code) -> None:
    events = code("Minsk refused on Monday to pull back the troops it keeps near the border.")
    assert pair(only(events, "REJECT")) == ("BLR", None)


def test_the_bloc_is_the_organisation_last_named(code: Code) -> None:
    events = code(
        "Ramaphosa opened a BRICS summit in Johannesburg on Tuesday, overshadowed by sanctions threats "
        "from Washington against the bloc's members."
    )
    assert pair(only(events, "THREATEN")) == ("USA", "BRICS")


def test_an_act_responded_to_is_not_the_responders(code: Code) -> None:
    events = code("Lithuania's parliament is responding to the jailing of journalists in Belarus.")
    assert pair(only(events, "COERCE")) == ("BLR", "BLR")


def test_leaders_of_states_outside_the_un_are_known(code: Code) -> None:
    events = code("Beijing warned on Friday that Lai Ching-te would pay a heavy price for his transit stop.")
    assert pair(only(events, "THREATEN")) == ("CHN", "TWN")


def test_a_list_of_states_welcoming_something_do_not_act_on_each_other(code: Code) -> None:
    events = code("The announcement was welcomed by Washington, Brussels and Moscow.")
    assert not any(pair(e) in {("RUS", "USA"), ("EU", "USA")} for e in events)


def test_an_embassy_in_a_capital_is_not_that_capitals(code: Code) -> None:
    events = code("Baku said a Russian missile had damaged its embassy in Kyiv.")
    assert all(pair(e)[1] != "UKR" for e in events if e.event_type == "ASSAULT")
