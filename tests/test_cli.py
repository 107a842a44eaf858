"""The `kgraph` command line end to end: help, good builds, every bad input, usage errors.

Most cases run in-process through click's CliRunner; a few run the installed
console script in a real subprocess, as a user would.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import RDF

from kgraph import read
from kgraph.cli import cli
from kgraph.cli.progress import MIN_ITEMS_FOR_BAR, progress_bar

from .conftest import GOOD_ARTICLE, KGRAPH_EXE, PNG_BYTES, SECOND_ARTICLE

SCHEMA_NEWS = URIRef("https://schema.org/NewsArticle")
OLD = b"# previous output, must survive a failed run\n"


def _articles(graph: Graph) -> int:
    return len(set(graph.subjects(RDF.type, SCHEMA_NEWS)))


def _assert_clean_failure(result, code: int = 1, prefix: str = "kgraph: error[") -> str:
    """Exit `code`, one line on stderr starting `prefix`, nothing on stdout, no traceback."""
    assert result.exit_code == code, (result.exit_code, result.output)
    assert isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith(prefix), lines[0]
    assert result.stdout == ""
    return lines[0]


# --- help ---------------------------------------------------------------------


def test_top_level_help(runner):
    result = runner.invoke(cli, ["--help"])
    assert result.exit_code == 0
    for name in cli.commands:
        assert name in result.output


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_every_command_has_help(runner, name):
    command = cli.commands[name]
    assert (command.help or "").strip(), f"{name} has no help text"
    assert command.get_short_help_str().strip()
    result = runner.invoke(cli, [name, "--help"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"Usage: cli {name}") or result.output.startswith("Usage:")


def test_version(runner):
    result = runner.invoke(cli, ["--version"])
    assert result.exit_code == 0
    assert result.output.startswith("kgraph")


# --- good builds --------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "suffix", "parse_as"),
    [
        ([], ".ttl", "turtle"),
        ([], ".trig", "trig"),
        ([], ".nq", "nquads"),
        ([], ".jsonld", "json-ld"),
        (["-f", "trig"], ".out", "trig"),
        (["--format", "nquads"], ".ttl", "nquads"),
        (["--format", "turtle", "--base", "https://data.kgraph.test/"], ".rdf", "turtle"),
    ],
)
def test_build_writes_parsable_rdf(runner, good_article, tmp_path, args, suffix, parse_as):
    out = tmp_path / f"out{suffix}"
    result = runner.invoke(cli, ["build", str(good_article), "-o", str(out), *args])
    assert result.exit_code == 0, result.output
    assert "wrote" in result.stderr
    graph = Dataset(default_union=True) if parse_as in ("trig", "nquads") else Graph()
    graph.parse(out, format=parse_as)
    assert _articles(graph) == 1


def test_build_uses_the_base_iri(runner, good_article, tmp_path):
    out = tmp_path / "out.ttl"
    runner.invoke(cli, ["build", str(good_article), "-o", str(out), "--base", "https://data.kgraph.test/"])
    article = next(Graph().parse(out).subjects(RDF.type, SCHEMA_NEWS))
    assert str(article).startswith("https://data.kgraph.test/")


def test_build_to_stdout(runner, good_article):
    result = runner.invoke(cli, ["build", str(good_article), "-o", "-"])
    assert result.exit_code == 0, result.output
    assert _articles(Graph().parse(data=result.stdout, format="turtle")) == 1
    assert "Traceback" not in result.output


def test_build_from_stdin(runner, tmp_path):
    out = tmp_path / "out.ttl"
    result = runner.invoke(cli, ["build", "-", "-o", str(out)], input=GOOD_ARTICLE.encode("utf-8"))
    assert result.exit_code == 0, result.output
    assert _articles(Graph().parse(out)) == 1


def test_build_folder_and_several_paths(runner, write, tmp_path):
    write("corpus/a.txt", GOOD_ARTICLE)
    write("corpus/sub/b.txt", SECOND_ARTICLE)
    extra = write("extra.txt", GOOD_ARTICLE.replace("Sari Wulandari", "Penulis Lain"))
    out = tmp_path / "out.trig"
    result = runner.invoke(cli, ["build", str(tmp_path / "corpus"), str(extra), "-o", str(out)])
    assert result.exit_code == 0, result.output
    ds = Dataset(default_union=True)
    ds.parse(out, format="trig")
    assert _articles(ds) == 3


def test_build_html_article(runner, write, tmp_path):
    from .test_html import PAGE

    out = tmp_path / "out.ttl"
    result = runner.invoke(cli, ["build", str(write("page.html", PAGE)), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert _articles(Graph().parse(out)) == 1


# --- bad input: exit 1, one line, previous output untouched ------------------

BAD_INPUTS = {
    "missing": None,
    "empty": b"",
    "whitespace": b" \n\t \r\n",
    "bom-only": b"\xef\xbb\xbf\n",
    "binary-png": PNG_BYTES,
    "binary-nul": b"teks dengan NUL\x00" * 10,
    "undecodable": bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D, 0xFF]) * 40,
    "bad-utf16": b"\xff\xfeA",
}


@pytest.mark.parametrize("kind", BAD_INPUTS)
def test_bad_input_fails_cleanly_and_keeps_previous_output(runner, write, tmp_path, kind):
    content = BAD_INPUTS[kind]
    source = tmp_path / "bad.txt" if content is None else write("bad.txt", content)
    out = write("out.ttl", OLD)
    result = runner.invoke(cli, ["build", str(source), "-o", str(out)])
    line = _assert_clean_failure(result)
    assert "bad.txt" in line
    assert out.read_bytes() == OLD
    assert sorted(os.listdir(tmp_path)) == sorted(["out.ttl", *(["bad.txt"] if content is not None else [])])


def test_one_bad_input_among_good_ones_stops_the_build(runner, write, good_article, tmp_path):
    bad = write("bad.txt", PNG_BYTES)
    out = write("out.ttl", OLD)
    result = runner.invoke(cli, ["build", str(good_article), str(bad), "-o", str(out)])
    assert "E103" in _assert_clean_failure(result)
    assert out.read_bytes() == OLD


def test_input_over_the_size_limit(runner, good_article, write, monkeypatch):
    monkeypatch.setattr(read, "MAX_BYTES", 64)
    out = write("out.ttl", OLD)
    assert "E105" in _assert_clean_failure(runner.invoke(cli, ["build", str(good_article), "-o", str(out)]))
    assert out.read_bytes() == OLD


@pytest.mark.parametrize("paths", [[""], ["   "]], ids=["empty-string", "blank"])
def test_empty_path_argument(runner, write, paths, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write("here.txt", GOOD_ARTICLE)  # would be built if "" meant "."
    out = write("out.ttl", OLD)
    assert "E101" in _assert_clean_failure(runner.invoke(cli, ["build", *paths, "-o", str(out)]))
    assert out.read_bytes() == OLD


def test_folder_without_articles(runner, write, tmp_path):
    write("folder/notes.md", "bukan artikel")
    out = write("out.ttl", OLD)
    result = runner.invoke(cli, ["build", str(tmp_path / "folder"), "-o", str(out)])
    assert "E101" in _assert_clean_failure(result)


@pytest.mark.parametrize("fmt", ["xml", "TTL", "rdfxml", "n3"])
def test_unknown_format(runner, good_article, write, fmt):
    out = write("out.ttl", OLD)
    line = _assert_clean_failure(runner.invoke(cli, ["build", str(good_article), "-o", str(out), "-f", fmt]))
    assert "E201" in line and fmt in line
    assert out.read_bytes() == OLD


@pytest.mark.parametrize(
    "target",
    ["missing/folder/out.ttl", ".", "is-a-file.txt/out.ttl", "/proc/kgraph-out.ttl"],
    ids=["folder-missing", "target-is-folder", "parent-is-file", "under-proc"],
)
def test_unwritable_output(runner, good_article, write, tmp_path, target):
    write("is-a-file.txt", "x")
    path = target if target.startswith("/") else str(tmp_path / target)
    assert "E301" in _assert_clean_failure(runner.invoke(cli, ["build", str(good_article), "-o", path]))


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root ignores folder permissions")
def test_read_only_output_folder(runner, good_article, tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    (folder / "out.ttl").write_bytes(OLD)
    folder.chmod(0o555)
    try:
        result = runner.invoke(cli, ["build", str(good_article), "-o", str(folder / "out.ttl")])
        assert "E301" in _assert_clean_failure(result)
        assert (folder / "out.ttl").read_bytes() == OLD
    finally:
        folder.chmod(0o755)


# --- usage errors: exit 2 ------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["build"],
        ["build", "x.txt"],
        ["build", "-o", "out.ttl"],
        ["--bogus"],
        ["build", "x.txt", "-o", "out.ttl", "--bogus"],
        ["no-such-command"],
        ["build", "x.txt", "-o", "out.ttl", "--base", "not an iri"],
        ["build", "x.txt", "-o", "out.ttl", "--base", ""],
        ["build", "x.txt", "-o"],
    ],
    ids=lambda a: " ".join(a) or "no-args",
)
def test_usage_errors_exit_2(runner, args):
    result = runner.invoke(cli, args)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert "Error" in result.output or "Usage:" in result.output


# --- --skip-bad ----------------------------------------------------------------


def test_skip_bad_builds_the_good_and_reports_the_bad(runner, write, tmp_path):
    write("corpus/a_good.txt", GOOD_ARTICLE)
    write("corpus/b_empty.txt", b"")
    write("corpus/c_binary.txt", PNG_BYTES)
    write("corpus/d_good.txt", SECOND_ARTICLE)
    out = tmp_path / "out.ttl"
    result = runner.invoke(cli, ["build", str(tmp_path / "corpus"), "-o", str(out), "--skip-bad"])
    assert result.exit_code == 0, result.output
    skipped = [line for line in result.stderr.splitlines() if line.startswith("kgraph: skipped:")]
    assert len(skipped) == 2
    assert "b_empty.txt" in skipped[0] and "E102" in skipped[0]
    assert "c_binary.txt" in skipped[1] and "E103" in skipped[1]
    assert _articles(Graph().parse(out)) == 2
    assert "Traceback" not in result.output


def test_skip_bad_with_nothing_good_fails_and_keeps_previous_output(runner, write, tmp_path):
    bad = write("bad.txt", b"")
    out = write("out.ttl", OLD)
    result = runner.invoke(cli, ["build", str(bad), "-o", str(out), "--skip-bad"])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1].startswith("kgraph: error[")
    assert out.read_bytes() == OLD


# --- real subprocesses --------------------------------------------------------


def _run(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([KGRAPH_EXE, *args], input=stdin, capture_output=True, cwd=cwd, timeout=300)


def test_console_script_help():
    proc = _run("--help")
    assert proc.returncode == 0
    assert b"build" in proc.stdout


def test_console_script_build_and_validate(good_article, tmp_path):
    out = tmp_path / "out.ttl"
    proc = _run("build", str(good_article), "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    assert _articles(Graph().parse(out)) == 1
    proc = _run("validate", str(out))
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_console_script_stdin_to_stdout():
    proc = _run("build", "-", "-o", "-", stdin=GOOD_ARTICLE.encode("utf-8"))
    assert proc.returncode == 0, proc.stderr
    assert _articles(Graph().parse(data=proc.stdout.decode(), format="turtle")) == 1


@pytest.mark.parametrize(
    ("name", "content"), [("empty.txt", b""), ("image.txt", PNG_BYTES), ("gone.txt", None)]
)
def test_console_script_bad_input(write, tmp_path, name, content):
    source = tmp_path / name if content is None else write(name, content)
    out = write("out.ttl", OLD)
    proc = _run("build", str(source), "-o", str(out))
    assert proc.returncode == 1
    lines = proc.stderr.decode().splitlines()
    assert len(lines) == 1 and lines[0].startswith("kgraph: error["), lines
    assert b"Traceback" not in proc.stderr
    assert proc.stdout == b""
    assert out.read_bytes() == OLD


def test_console_script_usage_error():
    proc = _run("build")
    assert proc.returncode == 2
    assert b"Traceback" not in proc.stderr


# --- progress bar ---------------------------------------------------------------


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("items", [1, 19, 20, 50])
def test_progress_bar_never_writes_to_stdout(monkeypatch, capsys, items):
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    with progress_bar(items, "extracting") as advance:
        for i in range(items):
            advance(str(i))
    assert capsys.readouterr().out == ""
    if items < MIN_ITEMS_FOR_BAR:
        assert terminal.getvalue() == ""


# --- the seed articles, when the shared folder is beside the repository -------

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


@pytest.mark.skipif(not SEEDS.is_dir(), reason="no ../shared/seeds beside the repository")
@pytest.mark.parametrize("seed", sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else [], ids=lambda p: p.stem)
def test_seed_builds_and_validates(seed, tmp_path):
    out = tmp_path / "seed.ttl"
    proc = _run("build", str(seed), "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    assert _articles(Graph().parse(out)) == 1
    proc = _run("validate", str(out))
    assert proc.returncode == 0, proc.stdout + proc.stderr
