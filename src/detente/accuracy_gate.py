"""The accuracy gate: recorded floors for the coder's scores on the gold data.

``eval/floors.json`` holds the SHA-256 of every gold file and a floor per metric. The test suite
(``tests/test_accuracy_gate.py``) re-scores the coder and fails when a score falls below its floor,
or when the gold data changed without the floors being recorded again. Raising a floor is a commit;
lowering one must add an entry with a reason to the file's ``changes``.

    python -m detente.accuracy_gate --record   # write the current scores (rounded down) as floors
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import math
from pathlib import Path
from typing import Any

GATED = {
    "event_type_f1": ("event_type", "f1"),
    "event_type_precision": ("event_type", "precision"),
    "triple_f1": ("type_source_target", "f1"),
    "triple_precision": ("type_source_target", "precision"),
    "date_accuracy": ("date_accuracy", None),
    "place_accuracy": ("place_accuracy", None),
}
CEILINGS = {"negated_emitted_as_positive": "negated_emitted_as_positive"}


def gold_hashes(files: list[Path]) -> dict[str, str]:
    """SHA-256 of each gold file, keyed by its name."""
    return {f.name: hashlib.sha256(f.read_bytes()).hexdigest() for f in sorted(files)}


def scores_of(report: dict[str, Any]) -> dict[str, float]:
    """The gated figures out of an evaluation report (:meth:`Report.as_dict`)."""
    out = {}
    for name, (key, sub) in GATED.items():
        value = report[key] if sub is None else report[key][sub]
        out[name] = float(value or 0.0)
    for name, key in CEILINGS.items():
        out[name] = float(report[key])
    return out


def check(scores: dict[str, float], floors: dict[str, Any]) -> list[str]:
    """Problems: scores under their floor, counts over their ceiling, lowered floors with no reason."""
    problems = []
    for name, floor in floors["floors"].items():
        if name in CEILINGS:
            if scores[name] > floor:
                problems.append(f"{name} = {scores[name]:g}, over the recorded ceiling {floor:g}")
        elif scores[name] + 1e-9 < floor:
            problems.append(f"{name} = {scores[name]:.4f}, under the recorded floor {floor:.4f}")
    for change in floors.get("changes", []):
        lowered = change.get("to", 0) < change.get("from", 0)
        if lowered and change.get("metric") not in CEILINGS and not str(change.get("reason", "")).strip():
            problems.append(f"floor of {change.get('metric')} lowered on {change.get('date')} with no reason")
    return problems


def record(floors_path: Path, gold: list[Path], scores: dict[str, float], reason: str) -> None:
    """Write the current scores as the floors (rounded down to 3 decimals), logging every change."""
    old: dict[str, Any] = json.loads(floors_path.read_text()) if floors_path.exists() else {}
    new_floors = {
        name: (value if name in CEILINGS else math.floor(value * 1000) / 1000)
        for name, value in scores.items()
    }
    changes = list(old.get("changes", []))
    today = dt.date.today().isoformat()
    for name, value in new_floors.items():
        before = old.get("floors", {}).get(name)
        if before != value:
            changes.append(
                {
                    "date": today,
                    "metric": name,
                    "from": before if before is not None else 0.0,
                    "to": value,
                    "reason": reason,
                }
            )
    data = {"gold": gold_hashes(gold), "floors": new_floors, "changes": changes}
    floors_path.write_text(json.dumps(data, indent=2) + "\n")


def main() -> None:
    """Re-score the coder on the gold files and record the floors."""
    from detente.core import load_pipeline
    from detente.evaluation import evaluate, read_gold

    parser = argparse.ArgumentParser(description="Record the coder's accuracy floors.")
    parser.add_argument("--record", action="store_true", help="write the current scores as floors")
    parser.add_argument("--reason", default="", help="why the floors change (required to lower one)")
    parser.add_argument("--eval-dir", type=Path, default=Path("eval"))
    args = parser.parse_args()
    gold = sorted((args.eval_dir / "gold").glob("*.jsonl"))
    docs = [d for f in gold for d in read_gold(f)]
    scores = scores_of(evaluate(docs, load_pipeline()).as_dict())
    print(json.dumps(scores, indent=2))
    if args.record:
        record(args.eval_dir / "floors.json", gold, scores, args.reason)


if __name__ == "__main__":
    main()
