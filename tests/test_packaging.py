"""The wheel carries everything kgraph reads at run time, the ontology folder included.

ontology/ (kgraph.ttl, shapes.ttl, queries/*.rq) lives once, at the top of the source tree;
pyproject.toml maps it into the wheel as kgraph/ontology. These tests build the wheel from a
copy of the sources (so no build/ or egg-info lands in the checkout), unpack it, and run the
commands that need those files from the unpacked copy, away from any checkout.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "data" / "fixture_graph.trig"
# pip could not fetch the build backend: no index reachable, nothing wrong with the project.
OFFLINE = ("Could not find a version that satisfies", "No matching distribution found",
           "Failed to establish a new connection", "Temporary failure in name resolution")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    src = tmp_path_factory.mktemp("src")
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, src / name)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for folder in ("kgraph", "ontology"):
        shutil.copytree(ROOT / folder, src / folder, ignore=ignore)
    out = tmp_path_factory.mktemp("wheel")
    cmd = [sys.executable, "-m", "pip", "wheel", ".", "--no-deps", "-w", str(out), "-q"]
    done = subprocess.run(cmd, cwd=src, capture_output=True, text=True, timeout=600)
    if done.returncode != 0 and any(sign in done.stderr for sign in OFFLINE):
        pytest.skip("pip could not fetch the build backend (offline)")
    assert done.returncode == 0, done.stderr[-2000:]
    (built,) = out.glob("kgraph-*.whl")
    return built


@pytest.fixture(scope="module")
def names(wheel: Path) -> set[str]:
    with zipfile.ZipFile(wheel) as zf:
        return set(zf.namelist())


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel unpacked into a folder, as pip would install it into site-packages."""
    target = tmp_path_factory.mktemp("site") / "site-packages"
    with zipfile.ZipFile(wheel) as zf:
        zf.extractall(target)
    return target


def run_installed(installed: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`kgraph ARGS` with the unpacked wheel first on the path, from a folder outside the checkout."""
    env = {**os.environ, "PYTHONPATH": str(installed), "PYTHONHASHSEED": "1"}
    code = "import sys; from kgraph.cli import main; sys.argv[0] = 'kgraph'; main()"
    return subprocess.run([sys.executable, "-c", code, *args], cwd=installed.parent, env=env,
                          capture_output=True, text=True, timeout=300)


def test_the_ontology_folder_has_one_copy_in_the_source_tree():
    assert (ROOT / "ontology" / "kgraph.ttl").is_file()
    assert not (ROOT / "kgraph" / "ontology").exists(), "ontology/ must not be copied into kgraph/"


def test_wheel_holds_the_ontology_and_the_saved_questions(names):
    ontology = ROOT / "ontology"
    expected = {f"kgraph/ontology/{p.relative_to(ontology).as_posix()}"
                for p in ontology.rglob("*") if p.suffix in (".ttl", ".rq")}
    assert {"kgraph/ontology/kgraph.ttl", "kgraph/ontology/shapes.ttl"} <= expected
    assert len([n for n in expected if n.endswith(".rq")]) >= 12
    assert expected <= names, sorted(expected - names)
    assert not [n for n in names if n.startswith("ontology/")], "ontology must ship inside kgraph/"


def test_wheel_holds_every_module_lexicon_and_asset(names):
    package = ROOT / "kgraph"
    wanted = {f"kgraph/{p.relative_to(package).as_posix()}" for p in package.rglob("*")
              if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"}
    missing = sorted(wanted - names)
    assert not missing, f"not in the wheel (a new sub-package missing from pyproject.toml?): {missing}"


def test_saved_questions_run_from_the_installed_wheel(installed):
    where = run_installed(installed, "--version")
    assert where.returncode == 0, where.stderr
    found = subprocess.run(
        [sys.executable, "-c", "import kgraph.query as q; print(q.__file__); print(q.QUERIES_DIR)"],
        cwd=installed.parent, env={**os.environ, "PYTHONPATH": str(installed)}, capture_output=True, text=True)
    module, queries = found.stdout.split()
    assert Path(module).is_relative_to(installed) and Path(queries) == installed / "kgraph" / "ontology" / "queries"

    listed = run_installed(installed, "query", "--list")
    assert listed.returncode == 0, listed.stderr
    assert "help-requests\n    Who asked whom for help, and when?" in listed.stdout
    answer = run_installed(installed, "query", str(FIXTURE), "--saved", "members", "-f", "csv")
    assert answer.returncode == 0, answer.stderr
    assert answer.stdout.splitlines()[0] == "org,orgLabel,member,memberLabel"
    assert len(answer.stdout.splitlines()) == 3


def test_validate_runs_from_the_installed_wheel(installed):
    result = run_installed(installed, "validate", str(FIXTURE))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("conforms:")


def test_the_installed_ontology_folder_wins_over_a_checkout(tmp_path, monkeypatch):
    from kgraph import namespaces

    installed, checkout = tmp_path / "site" / "kgraph" / "ontology", tmp_path / "ontology"
    for folder in (installed, checkout):
        (folder / "queries").mkdir(parents=True)
        (folder / "kgraph.ttl").write_text("", encoding="utf-8")
    monkeypatch.setattr(namespaces, "ONTOLOGY_DIRS", (installed, checkout))
    assert namespaces.ontology_dir() == installed
    (installed / "kgraph.ttl").unlink()
    assert namespaces.ontology_dir() == checkout
    assert namespaces.ontology_file("kgraph.ttl") == checkout / "kgraph.ttl"
    with pytest.raises(FileNotFoundError, match=r"shapes\.ttl"):
        namespaces.ontology_file("shapes.ttl")
