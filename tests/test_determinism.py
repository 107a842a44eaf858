"""Same input, byte-identical output: across processes, hash seeds and argument order."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from .conftest import GOOD_ARTICLE, KGRAPH_EXE, SECOND_ARTICLE

SAMPLES = Path(__file__).parent / "data" / "articles"
FORMATS = {"turtle": ".ttl", "trig": ".trig", "nquads": ".nq", "json-ld": ".jsonld"}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """My two test articles, one in a sub-folder, plus an HTML copy of the sample corpus when present."""
    root = tmp_path_factory.mktemp("corpus")
    (root / "a.txt").write_text(GOOD_ARTICLE, encoding="utf-8")
    (root / "sub").mkdir()
    (root / "sub" / "b.txt").write_text(SECOND_ARTICLE, encoding="utf-8")
    for sample in sorted(SAMPLES.glob("*"))[:4]:
        (root / "sub" / sample.name).write_bytes(sample.read_bytes())
    return root


def _build(args: list[str], out: Path, seed: str, cwd: Path) -> bytes:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    proc = subprocess.run(
        [KGRAPH_EXE, "build", *args, "-o", str(out)], capture_output=True, env=env, cwd=cwd, timeout=600
    )
    assert proc.returncode == 0, proc.stderr.decode()
    return out.read_bytes()


@pytest.mark.parametrize("fmt", FORMATS)
def test_two_processes_with_different_hash_seeds_write_identical_bytes(corpus, tmp_path, fmt):
    suffix = FORMATS[fmt]
    first = _build(["."], tmp_path / f"one{suffix}", "1", corpus)
    second = _build(["."], tmp_path / f"two{suffix}", "4242", corpus)
    assert first, "empty output"
    assert first == second


@pytest.mark.parametrize("fmt", ["turtle", "trig", "nquads"])
def test_argument_order_does_not_change_the_output(corpus, tmp_path, fmt):
    suffix = FORMATS[fmt]
    forward = _build(["a.txt", "sub"], tmp_path / f"f{suffix}", "7", corpus)
    backward = _build(["sub", "a.txt"], tmp_path / f"b{suffix}", "8", corpus)
    assert forward == backward


def test_rebuilding_over_the_previous_output_is_stable(corpus, tmp_path):
    out = tmp_path / "out.ttl"
    first = _build(["."], out, "3", corpus)
    again = _build(["."], out, "5", corpus)
    assert first == again
