"""graphs/ holds the graph and viewer built from the sample corpus; they must be current."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
REBUILD = "kgraph build tests/data/articles -o graphs/sample.ttl && kgraph viz graphs/sample.ttl -o graphs/sample.html"


def _kgraph(*args: str) -> None:
    cmd = [sys.executable, "-c", "from kgraph.cli import main; main()", *args]
    subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True, env={**os.environ, "PYTHONHASHSEED": "1"})


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("graphs")
    _kgraph("build", "tests/data/articles", "-o", str(out / "sample.ttl"))
    _kgraph("viz", str(out / "sample.ttl"), "-o", str(out / "sample.html"))
    return out


@pytest.mark.parametrize("name", ["sample.ttl", "sample.html"])
def test_graphs_folder_is_up_to_date(rebuilt: Path, name: str) -> None:
    committed = (ROOT / "graphs" / name).read_bytes()
    fresh = (rebuilt / name).read_bytes().replace(str(rebuilt).encode(), b"graphs")
    assert fresh == committed, f"graphs/{name} is out of date; rebuild with: {REBUILD}"


def test_the_sample_graph_conforms_to_the_shapes() -> None:
    """Every article of the corpus, built together, passes ontology/shapes.ttl."""
    from kgraph.store import load_dataset
    from kgraph.validate import validate

    result = validate(load_dataset([str(ROOT / "graphs" / "sample.ttl")]))
    assert result.conforms, result.violations[:5]
