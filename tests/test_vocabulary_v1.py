"""Trigger families of SANCTION and RETREAT found missing on new text: envoys called home, states put
out of bodies, visas revoked, relations broken, blockades lifted, crossings opened, fighting halted,
arms handed in by armed groups, forces cut back, treaties and places left "out of".
Every sentence here was written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from detente.models import Event

Code = Callable[..., list[Event]]


def _triples(events: list[Event]) -> set[tuple[str, str | None, str | None, str | None]]:
    return {(e.event_type, e.mode, e.source.country, e.target.country if e.target else None) for e in events}


@pytest.mark.parametrize(
    ("sentence", "triple"),
    [
        # an envoy withdrawn or called home is a cut in relations, not a troop withdrawal
        (
            "Sweden withdrew its envoy from Tehran after the execution.",
            ("SANCTION", "withdraw", "SWE", "IRN"),
        ),
        ("Italy called back its ambassador from Cairo on Friday.", ("SANCTION", "withdraw", "ITA", "EGY")),
        # a blockade or siege ended gives access
        (
            "Azerbaijan lifted the blockade of the Lachin road on Thursday.",
            ("RETREAT", "access", "AZE", None),
        ),
        ("Ethiopian troops ended their siege of Mekelle.", ("RETREAT", "access", "ETH", None)),
        # arms handed in by an armed group are a disarmament
        (
            "Separatist fighters in Mindanao turned over their rifles to Philippine troops.",
            ("RETREAT", "disarm", None, "PHL"),
        ),
        # forces cut back are a withdrawal
        ("Washington cut its troop presence in Syria by half.", ("RETREAT", "withdraw", "USA", "SYR")),
        # a state put out of a body, visas revoked, relations broken: sanctions
        ("Zimbabwe was expelled from the regional bloc in 2003.", ("SANCTION", "expel", None, "ZWE")),
        ("Britain revoked the visas of two Georgian ministers.", ("SANCTION", "discontinue", "GBR", "GEO")),
        ("Bolivia broke relations with Israel on Tuesday.", ("SANCTION", "discontinue", "BOL", "ISR")),
        # diplomats kicked out are expelled; a guilty verdict is a conviction
        ("Burkina Faso kicked out two French diplomats on Monday.", ("SANCTION", "expel", "BFA", "FRA")),
        (
            "A Belgian court found the Congolese warlord guilty of war crimes.",
            ("SANCTION", "convict", "BEL", "COD"),
        ),
        # an embassy's work suspended is a cut in relations
        (
            "Lithuania suspended the operations of its consulate in Kaliningrad.",
            ("SANCTION", "discontinue", "LTU", None),
        ),
        # captured guards or sailors handed back are released
        ("Iran handed back the detained British sailors on Friday.", ("RETREAT", "release", "IRN", "GBR")),
        # fighting halted is a ceasefire
        ("The Sudanese army suspended its offensive on Omdurman.", ("RETREAT", "ceasefire", "SDN", None)),
        # a crossing opened gives access
        ("Jordan opened the Karameh crossing for stranded travellers.", ("RETREAT", "access", "JOR", None)),
        # "out of" names what is left: a body or treaty (SANCTION), a place (RETREAT)
        (
            "Nicaragua pulled out of the Organization of American States.",
            ("SANCTION", "withdraw", "NIC", None),
        ),
        ("Turkey pulled its soldiers out of northern Iraq.", ("RETREAT", "withdraw", "TUR", "IRQ")),
    ],
)
def test_families(code: Code, sentence: str, triple: tuple[str, str | None, str | None, str | None]) -> None:
    """The expected type and mode, with the countries where the test names them."""
    triples = _triples(code(sentence))
    assert any(
        all(want is None or want == got for want, got in zip(triple, found, strict=True)) for found in triples
    ), triples


@pytest.mark.parametrize(
    ("sentence", "absent"),
    [
        # the blockade lifted is not a new seizure
        ("Azerbaijan lifted the blockade of the Lachin road on Thursday.", "COERCE"),
        # arms handed to an ally are aid, not disarmament
        ("The United States handed over rifles to the Ukrainian army.", "RETREAT"),
        # the fighting halted is no new attack
        ("Somali militants agreed to stop attacks on Ethiopian troops.", "ASSAULT"),
        # fire opened is no crossing opened
        ("Indian troops opened fire across the Line of Control.", "RETREAT"),
        # a truce that holds detains nobody
        ("The truce in Tigray has held for a month.", "COERCE"),
        # an embassy's work suspended is no ceasefire
        ("Lithuania suspended the operations of its consulate in Kaliningrad.", "RETREAT"),
        # a budget cut is no withdrawal
        ("The Dutch government cut its defence budget by ten percent.", "RETREAT"),
        # an ambassador withdrawn is not a troop withdrawal
        ("Sweden withdrew its envoy from Tehran after the execution.", "RETREAT"),
    ],
)
def test_not_coded(code: Code, sentence: str, absent: str) -> None:
    """Near-synonyms of another type stay apart."""
    assert absent not in {e.event_type for e in code(sentence)}
