"""The held-out gate: the blind batches in tests/data/heldout never fall below their floors.

The held-out articles were written and annotated by colleagues who had not read the rules;
their first-run scores (README) are the honest estimate for unseen text. Once rules have been
fixed against them they are pinned here too, with floors of their own
(tests/data/heldout/eval_floor.json), so that a rule fitted to the gated corpus cannot quietly
undo what generalised to them. Same policy as the main gate: floors only go up.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kgraph.evaluate import Report, evaluate
from tests.test_extraction_gate import below_floors, rounded_down

HELDOUT = Path(__file__).parent / "data" / "heldout"
PINNED = json.loads((HELDOUT / "eval_floor.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def report() -> Report:
    return evaluate(HELDOUT / "gold", HELDOUT / "articles")


def test_heldout_scores_are_not_below_their_floors(report: Report) -> None:
    metrics = report.total.metrics()
    assert set(PINNED["floors"]) | set(PINNED["ceilings"]) == set(metrics), "a category without a floor"
    problems = below_floors(metrics, PINNED["floors"], PINNED["ceilings"])
    assert not problems, f"{problems}: run `kgraph eval --gold tests/data/heldout/gold --corpus tests/data/heldout/articles -v`"


def test_heldout_floors_are_steps_of_0_05() -> None:
    assert all(rounded_down(f) == f for f in PINNED["floors"].values())
