"""The accuracy gate: the coder's scores on eval/gold must not fall below eval/floors.json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from detente.accuracy_gate import check, gold_hashes, scores_of
from detente.evaluation import evaluate, read_gold

EVAL = Path(__file__).resolve().parents[1] / "eval"
GOLD = sorted((EVAL / "gold").glob("*.jsonl"))
FLOORS = json.loads((EVAL / "floors.json").read_text())


def test_floors_belong_to_this_gold_data():
    assert gold_hashes(GOLD) == FLOORS["gold"], (
        "the gold data changed: re-score and record the floors "
        "(python -m detente.accuracy_gate --record --reason '...')"
    )


@pytest.fixture(scope="module")
def scores(pipeline):
    docs = [doc for path in GOLD for doc in read_gold(path)]
    return scores_of(evaluate(docs, pipeline).as_dict())


def test_scores_stay_above_their_floors(scores):
    assert check(scores, FLOORS) == []


def test_the_gate_catches_a_drop():
    floors = {"floors": {"triple_f1": 0.5}, "changes": []}
    assert check({"triple_f1": 0.4}, floors) == ["triple_f1 = 0.4000, under the recorded floor 0.5000"]


def test_lowering_a_floor_needs_a_reason():
    floors = {
        "floors": {"triple_f1": 0.3},
        "changes": [{"date": "2026-01-01", "metric": "triple_f1", "from": 0.5, "to": 0.3, "reason": ""}],
    }
    assert check({"triple_f1": 0.35}, floors) == ["floor of triple_f1 lowered on 2026-01-01 with no reason"]
