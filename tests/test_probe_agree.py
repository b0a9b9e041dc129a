"""Coder: agreements, meetings and cooperation as news on unseen text tells them (the classes of error
found on the probe set eval/probe/agree.jsonl). The sentences are written for these tests, not taken
from the probe set."""

from __future__ import annotations

from collections.abc import Callable

from event_helpers import pairs

from detente.models import Event

Code = Callable[..., list[Event]]


def test_accord_signed_between_two_parties_named_on_the_verb(code: Code) -> None:
    """ "A pact was signed between A and B": the parties are the objects of "between"."""
    events = code("A security pact was signed between Kenya and Haiti in Nairobi on Friday.")
    assert pairs(events, "AGREE", negated=False) == {("KEN", "HTI"), ("HTI", "KEN")}


def test_memorandum_of_understanding_is_a_kind_of_text(code: Code) -> None:
    """The "of" phrase of "memorandum of understanding" says what the text is, not who made it."""
    events = code("A memorandum of understanding on fisheries was signed by Peru and Ecuador on Monday.")
    assert pairs(events, "AGREE", negated=False) == {("PER", "ECU"), ("ECU", "PER")}


def test_letters_of_intent_exchanged_are_an_agreement(code: Code) -> None:
    events = code("Oman and Iran exchanged letters of intent on a gas pipeline.")
    assert pairs(events, "AGREE", negated=False) == {("OMN", "IRN"), ("IRN", "OMN")}


def test_a_letter_of_protest_is_no_agreement(code: Code) -> None:
    events = code("Kenya sent a letter of protest to Uganda.")
    assert not pairs(events, "AGREE", negated=False)


def test_an_arrangement_signed_is_an_agreement(code: Code) -> None:
    events = code("Hungary and Serbia signed an arrangement on joint border checks last month.")
    assert ("HUN", "SRB") in pairs(events, "AGREE", negated=False)


def test_a_joint_statement_signed_or_adopted_is_an_agreement(code: Code) -> None:
    events = code("Chile and Argentina adopted a joint statement on Antarctic research.")
    assert pairs(events, "AGREE", negated=False) == {("CHL", "ARG"), ("ARG", "CHL")}


def test_a_region_adjective_names_no_state(code: Code) -> None:
    """ "South American", "West African": not the United States, not South Africa."""
    events = code("Petro hosted Central American leaders in Bogota on Tuesday.")
    assert all(e.target is None or e.target.country != "USA" for e in events)
    events = code("Senegal sent West African troops to Gambia on Tuesday.")
    assert all(e.source.country != "USA" for e in events)


def test_a_nationality_with_a_compass_word_is_still_a_state(code: Code) -> None:
    events = code("South African police arrested two Mozambicans on Monday.")
    assert {(e.source.country, e.target.country if e.target else None) for e in events} == {("ZAF", "MOZ")}


def test_passive_agent_after_a_place_phrase(code: Code) -> None:
    """ "X was received in Y by Z": the parser leaves "by Z" as a plain phrase; Z is still the agent."""
    events = code("Wang Yi was received in Islamabad by Shehbaz Sharif on Thursday.")
    assert pairs(events, "CONSULT", negated=False) == {("PAK", "CHN")}


def test_passive_by_a_date_is_no_agent(code: Code) -> None:
    events = code("Two activists were detained in Minsk by Friday, rights groups said.")
    assert all(e.source.text != "Friday" for e in events)


def test_denying_reports_that_an_act_happened_is_no_refusal(code: Code) -> None:
    """ "X denied reports that Y met Z" is the meeting negated, claimed by X (like "denied that")."""
    events = code("Baku denied reports that Aliyev had met Pashinyan in Abu Dhabi.")
    assert not [e for e in events if e.event_type == "REJECT"]
    meetings = [e for e in events if e.event_type == "CONSULT"]
    assert meetings and all(e.negated for e in meetings)


def test_denying_the_charges_is_still_a_refusal(code: Code) -> None:
    events = code("Tehran denied the charges on Monday.")
    assert [e for e in events if e.event_type == "REJECT"]


def test_a_meeting_where_no_agreement_came_is_still_held(code: Code) -> None:
    """ "failed to agree ... at a meeting": the agreement is negated, the meeting took place."""
    events = code("Peru and Chile failed to agree on fishing quotas at a meeting of their ministers in Lima.")
    meetings = [e for e in events if e.event_type == "CONSULT"]
    assert meetings and not any(e.negated for e in meetings)


def test_talks_on_a_deal_between_two_parties_are_theirs(code: Code) -> None:
    events = code("Negotiations over a gas deal between Moldova and Romania stalled in May.")
    assert pairs(events, "CONSULT", negated=False) == {("MDA", "ROU"), ("ROU", "MDA")}


def test_bare_congo_is_the_democratic_republic(code: Code) -> None:
    """Wire style: "Congo" is the DRC; the other Congo is named "Republic of Congo" or "Congo-Brazzaville"."""
    events = code("Congo and Uganda launched joint operations against ADF rebels on Monday.")
    assert ("COD", "UGA") in pairs(events, "COOPERATE", negated=False)
    events = code("The Republic of Congo expelled a French diplomat on Monday.")
    assert {e.source.country for e in events} == {"COG"}


def test_their_after_coordinated_subjects_stands_for_each(code: Code) -> None:
    """ "A and B agreed ... when their ministers met": the meeting is A's and B's, both ways."""
    events = code(
        "Kenya and Ethiopia agreed a power deal when their energy ministers met in Nairobi on Monday."
    )
    assert pairs(events, "CONSULT", negated=False) == {("KEN", "ETH"), ("ETH", "KEN")}


def test_their_after_a_single_subject_is_that_subject(code: Code) -> None:
    events = code("Peru recalled their ambassador from Mexico on Monday.")
    assert all(e.source.country == "PER" for e in events)


def test_a_list_of_names_read_as_an_apposition_is_coordinated(code: Code) -> None:
    """ "A, B and C held joint drills": each with each (the parser may read "A, B" as an apposition)."""
    events = code("Mali, Burkina Faso and Niger held joint military drills near Gao on Monday.")
    assert {("MLI", "NER"), ("BFA", "NER"), ("NER", "MLI")} <= pairs(events, "COOPERATE", negated=False)


def test_suspects_handed_over_by_police_is_cooperation(code: Code) -> None:
    events = code(
        "Three alleged drug dealers were handed over to Spanish police by Moroccan authorities on Friday."
    )
    assert ("MAR", "ESP") in pairs(events, "COOPERATE", negated=False)
    assert not [e for e in events if e.event_type == "RETREAT"]


def test_coordinated_patrols_are_cooperation(code: Code) -> None:
    """The participle "coordinated" has the lemma "coordinate"."""
    events = code("Greek and Turkish coast guards began coordinated patrolling in the Aegean.")
    assert pairs(events, "COOPERATE", negated=False) == {("GRC", "TUR"), ("TUR", "GRC")}


def test_an_attack_as_a_category_is_no_attack(code: Code) -> None:
    """ "would be treated as an attack on both": what an act would count as, not an act."""
    events = code(
        "Egypt and Sudan signed a defence pact, under which aggression against one "
        "will be treated as an attack on the other."
    )
    assert not [e for e in events if e.event_type == "ASSAULT"]


def test_a_truce_brokered_by_a_third_party_is_the_sides_own(code: Code) -> None:
    """ "A and B agreed to a truce brokered by C and D": the truce is A's and B's, the mediators deal
    with each side, not with each other."""
    events = code("Israel and Hezbollah agreed to a truce brokered by France and the United States.")
    assert pairs(events, "RETREAT", negated=False) == {("ISR", "LBN"), ("LBN", "ISR")}
    assert pairs(events, "CONSULT", negated=False) == {
        ("FRA", "ISR"),
        ("FRA", "LBN"),
        ("USA", "ISR"),
        ("USA", "LBN"),
    }


def test_a_brokered_truce_between_sides_of_one_country(code: Code) -> None:
    events = code("Congolese troops and M23 rebels agreed to a truce brokered by Qatar and Angola.")
    assert pairs(events, "RETREAT", negated=False) == {("COD", "COD")}
    assert ("QAT", "AGO") not in pairs(events, "CONSULT", negated=False)


def test_a_swap_mediated_between_two_states(code: Code) -> None:
    """ "C mediated a swap of prisoners between A and B": the swap is A's and B's, and C mediated
    with each of them."""
    events = code("Turkey mediated an exchange of prisoners between Armenia and Azerbaijan on Friday.")
    assert pairs(events, "RETREAT", negated=False) == {("ARM", "AZE"), ("AZE", "ARM")}
    assert pairs(events, "CONSULT", negated=False) == {("TUR", "ARM"), ("TUR", "AZE")}


def test_a_deal_brokered_between_two_parties(code: Code) -> None:
    events = code("Egypt brokered a deal between Israel and Hamas on Sunday.")
    assert {("EGY", "ISR"), ("EGY", "PSE")} <= pairs(events, "CONSULT", negated=False)


def test_a_relative_clause_on_such_a_noun_is_a_repeat_mention(code: Code) -> None:
    events = code(
        "Qatar mediated a prisoner swap between Russia and Ukraine, the fifth such swap it has brokered."
    )
    assert len([e for e in events if e.event_type == "CONSULT"]) == 2


def test_an_act_discussed_is_a_topic(code: Code) -> None:
    """ "discussed reopening the border", "considered sanctions": talked about, not done."""
    events = code("Serbian and Hungarian officials discussed reopening a rail link at a meeting in Szeged.")
    assert not [e for e in events if e.event_type == "RETREAT"]
    events = code("EU foreign ministers considered new sanctions on Belarus on Monday.")
    assert not [e for e in events if e.event_type == "SANCTION"]


def test_people_from_coordinated_states(code: Code) -> None:
    """ "Officials from A and B met": each side, both ways."""
    events = code("Officials from Zambia and Malawi met in Lilongwe on Thursday.")
    assert pairs(events, "CONSULT", negated=False) == {("ZMB", "MWI"), ("MWI", "ZMB")}


def test_an_accord_signed_during_one_leaders_talks_with_another(code: Code) -> None:
    """ "A deal was signed during X's talks with Y / X's visit to Y": X's and Y's states."""
    events = code("An energy deal was signed during Orban's visit to Baku on Tuesday.")
    assert pairs(events, "AGREE", negated=False) == {("HUN", "AZE"), ("AZE", "HUN")}
    events = code("No agreement was signed during Modi's talks with Putin in Moscow.")
    agreements = [e for e in events if e.event_type == "AGREE"]
    assert agreements and all(e.negated for e in agreements)
    assert {(e.source.country, e.target.country if e.target else None) for e in agreements} == {
        ("IND", "RUS"),
        ("RUS", "IND"),
    }


def test_hyphenated_mediator_of_talks_between_two_parties(code: Code) -> None:
    events = code("AU-mediated talks between Somalia's president and Ethiopia's leader ended in Ankara.")
    assert {("AU", "SOM"), ("AU", "ETH")} <= pairs(events, "CONSULT", negated=False)
