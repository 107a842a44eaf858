"""The evaluation gate: extraction on the project's annotated corpus never falls below its floors.

`kgraph.evaluate.evaluate` builds every article in tests/data/articles in-process and scores
it against tests/data/gold. Each score must stay at or above the floor pinned in
tests/data/eval_floor.json and each error count at or below its ceiling; contamination
(page furniture taken for an entity) and build failures must stay at zero.

Floors only go up. When a change improves a score, raise its floor in the same commit to
the new score rounded DOWN to 0.05 (`kgraph eval --format json` prints the scores; this
test warns when a floor can be raised). Never lower a floor to make the gate pass.
"""

from __future__ import annotations

import json
import math
import warnings
from pathlib import Path

import pytest

from kgraph.evaluate import Report, evaluate

DATA = Path(__file__).parent / "data"
FLOOR_FILE = DATA / "eval_floor.json"
PINNED = json.loads(FLOOR_FILE.read_text(encoding="utf-8"))
FLOORS: dict[str, float] = PINNED["floors"]
CEILINGS: dict[str, int] = PINNED["ceilings"]
# The notes that explain each error count, quoted when a ceiling breaks.
NOTE_WORD = {"contamination": "contamination", "build_failures": "build failed", "duplicates": "duplicate",
             "negation_errors": "negated"}
STEP = 0.05  # floors are pinned in steps of 0.05 so one article's noise does not fail the gate
HOW_TO = ("Run `kgraph eval -v` from the repo root to see what was lost and fix the regression. "
          f"Floors live in {FLOOR_FILE.relative_to(DATA.parent.parent)}; they only go up "
          "(raise one to the new score rounded down to 0.05 when a score improves), never down.")


def rounded_down(value: float) -> float:
    return round(math.floor(value / STEP + 1e-9) * STEP, 2)


def below_floors(metrics: dict[str, float], floors: dict[str, float], ceilings: dict[str, int]) -> list[str]:
    """One line per category that broke its floor or ceiling."""
    problems = [f"{key} is {metrics[key]:.3f}, below its floor {floor:.2f}"
                for key, floor in floors.items() if metrics[key] < floor - 1e-9]
    problems += [f"{key} is {metrics[key]:.0f}, above its ceiling {ceiling}"
                 for key, ceiling in ceilings.items() if metrics[key] > ceiling]
    return problems


@pytest.fixture(scope="module")
def report() -> Report:
    return evaluate(DATA / "gold", DATA / "articles")


@pytest.mark.parametrize("key", sorted(FLOORS))
def test_score_is_not_below_its_floor(report: Report, key: str) -> None:
    value, floor = report.total.metrics()[key], FLOORS[key]
    problems = below_floors({key: value}, {key: floor}, {})
    assert not problems, f"{key} fell to {value:.3f} (floor {floor:.2f}). {HOW_TO}"
    if rounded_down(value) > floor:
        warnings.warn(f"{key} is {value:.3f}: raise its floor in {FLOOR_FILE.name} from {floor:.2f} "
                      f"to {rounded_down(value):.2f}", stacklevel=1)


@pytest.mark.parametrize("key", sorted(CEILINGS))
def test_error_count_is_not_above_its_ceiling(report: Report, key: str) -> None:
    value, ceiling = report.total.metrics()[key], CEILINGS[key]
    notes = [f"{a.article}: {n.text}" for a in report.articles for n in a.notes
             if NOTE_WORD[key] in n.text]
    assert value <= ceiling, f"{key} rose to {value:.0f} (ceiling {ceiling}): {notes[:10]}. {HOW_TO}"


def test_no_contamination_and_no_build_failures(report: Report) -> None:
    total = report.total
    errors = [f"{a.article}: {n.text}" for a in report.articles for n in a.notes
              if n.kind == "error" or n.text.startswith("contamination")]
    assert (total.contamination, total.build_failures) == (0, 0), errors


def test_every_category_has_a_floor_and_floors_are_steps_of_0_05(report: Report) -> None:
    metrics = report.total.metrics()
    assert set(FLOORS) | set(CEILINGS) == set(metrics), "a category without a floor is not guarded"
    for key, floor in FLOORS.items():
        assert 0 <= floor <= 1 and rounded_down(floor) == floor, f"{key}: floor {floor} is not a step of 0.05"


def test_the_gate_catches_a_drop_and_a_rise_in_errors() -> None:
    assert rounded_down(0.5076) == 0.5 and rounded_down(0.85) == 0.85 and rounded_down(0.8999) == 0.85
    metrics = {"entity_f1": 0.89, "roles": 0.86, "contamination": 1}
    assert below_floors(metrics, {"entity_f1": 0.90, "roles": 0.85}, {"contamination": 0}) == [
        "entity_f1 is 0.890, below its floor 0.90", "contamination is 1, above its ceiling 0"]
    assert below_floors(metrics, {"entity_f1": 0.85}, {"contamination": 1}) == []
