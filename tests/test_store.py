"""Stage 6, store: every format round-trips, named graphs survive, writes are atomic."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from rdflib import BNode, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, XSD

from kgraph import store
from kgraph.errors import GraphReadError, OutputError, UnknownFormat
from kgraph.pipeline import build
from kgraph.store import FORMATS, add_graph, format_for, load_dataset, new_dataset, serialize, write_atomic

from .conftest import GOOD_ARTICLE, SECOND_ARTICLE

BASE = "https://data.kgraph.test/"
EX = Namespace(BASE)
QUAD_FORMATS = ("trig", "nquads")
UNION_FORMATS = ("turtle", "json-ld")


def _article_graph(n: int) -> Graph:
    """A small graph with the literal kinds kgraph writes: language tags, datatypes, odd characters."""
    g = Graph()
    article = EX[f"article/{n}"]
    g.add((article, RDF.type, EX.NewsArticle))
    g.add((article, EX.headline, Literal(f"Judul “berita” nomor {n}", lang="id")))
    g.add((article, EX.published, Literal("2022-09-13T19:31:00+07:00", datatype=XSD.dateTime)))
    g.add((article, EX.text, Literal('Baris satu\nbaris "dua"\tdengan \\ garis miring dan é, ü, 中文')))
    g.add((article, EX['count'], Literal(n)))
    node = BNode(f"b{n}")
    g.add((article, EX.mention, node))
    g.add((node, EX.begin, Literal(0)))
    g.add((node, EX.label, Literal("Jakarta")))
    g.add((EX["person/retno"], EX.label, Literal("Retno Marsudi")))  # shared across articles
    return g


@pytest.fixture
def dataset() -> Dataset:
    ds = new_dataset(BASE)
    for n in (1, 2):
        add_graph(ds, EX[f"graph/{n}"], _article_graph(n))
    return ds


@pytest.fixture(scope="module")
def built() -> Dataset:
    """A dataset from the real pipeline, two articles."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        for name, text in (("a.txt", GOOD_ARTICLE), ("b.txt", SECOND_ARTICLE)):
            Path(tmp, name).write_text(text, encoding="utf-8")
        return build([tmp], base=BASE).dataset


def _union(ds: Dataset) -> Graph:
    g = Graph()
    for triple in ds.triples((None, None, None)):
        g.add(triple)
    return g


def _named(ds: Dataset) -> dict[URIRef, Graph]:
    out = {}
    for g in ds.graphs():
        if isinstance(g.identifier, URIRef) and g.identifier != URIRef("urn:x-rdflib:default") and len(g):
            copy = Graph()
            for triple in g:
                copy.add(triple)
            out[g.identifier] = copy
    return out


@pytest.mark.parametrize("which", ["dataset", "built"])
@pytest.mark.parametrize("fmt", UNION_FORMATS)
def test_union_formats_round_trip(request, which, fmt):
    ds = request.getfixturevalue(which)
    back = Graph().parse(data=serialize(ds, fmt, BASE), format=fmt)
    assert len(back) == len(_union(ds))
    assert isomorphic(back, _union(ds))


@pytest.mark.parametrize("which", ["dataset", "built"])
@pytest.mark.parametrize("fmt", QUAD_FORMATS)
def test_quad_formats_keep_one_named_graph_per_article(request, which, fmt):
    ds = request.getfixturevalue(which)
    back = Dataset()
    back.parse(data=serialize(ds, fmt, BASE), format=fmt)
    want, got = _named(ds), _named(back)
    assert sorted(got) == sorted(want)
    for name in want:
        assert isomorphic(got[name], want[name]), name


def test_built_dataset_has_a_graph_per_article_and_a_run_graph(built):
    names = sorted(str(n) for n in _named(built))
    assert len(names) == 3
    assert sum("/run-" in n for n in names) == 1


@pytest.mark.parametrize("fmt", FORMATS)
def test_serialize_is_deterministic_across_insertion_order(fmt):
    a, b = new_dataset(BASE), new_dataset(BASE)
    for n in (1, 2, 3):
        add_graph(a, EX[f"graph/{n}"], _article_graph(n))
    for n in (3, 1, 2):
        add_graph(b, EX[f"graph/{n}"], _article_graph(n))
    assert serialize(a, fmt, BASE) == serialize(b, fmt, BASE)


def test_add_graph_replaces_a_named_graph(dataset):
    add_graph(dataset, EX["graph/1"], _article_graph(7))
    assert (EX["article/1"], RDF.type, EX.NewsArticle) not in dataset.graph(EX["graph/1"])
    assert (EX["article/7"], RDF.type, EX.NewsArticle) in dataset.graph(EX["graph/1"])


@pytest.mark.parametrize(
    ("path", "fmt", "expected"),
    [
        ("out.ttl", None, "turtle"),
        ("out.TTL", None, "turtle"),
        ("out.trig", None, "trig"),
        ("out.nq", None, "nquads"),
        ("out.jsonld", None, "json-ld"),
        ("out.json", None, "json-ld"),
        ("out.nt", None, "turtle"),
        ("out", None, "turtle"),
        ("-", None, "turtle"),
        (None, None, "turtle"),
        ("out.ttl", "trig", "trig"),
        ("-", "nquads", "nquads"),
    ],
)
def test_format_for(path, fmt, expected):
    assert format_for(path, fmt) == expected


@pytest.mark.parametrize("fmt", ["xml", "TURTLE", "", "ttl", "n-quads"])
def test_unknown_format(fmt):
    if fmt == "":
        assert format_for("x.ttl", fmt) == "turtle"  # empty means "not given"
        return
    with pytest.raises(UnknownFormat):
        format_for("x.ttl", fmt)


# --- write_atomic -------------------------------------------------------------


def test_write_atomic_creates_and_replaces(tmp_path):
    target = tmp_path / "out.ttl"
    write_atomic(str(target), b"satu")
    assert target.read_bytes() == b"satu"
    write_atomic(str(target), b"dua")
    assert target.read_bytes() == b"dua"
    assert os.listdir(tmp_path) == ["out.ttl"]


def test_write_atomic_relative_path(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_atomic("relatif.ttl", b"isi")
    assert (tmp_path / "relatif.ttl").read_bytes() == b"isi"


def test_write_atomic_dash_writes_stdout(capfd):
    write_atomic("-", b"ke stdout\n")
    assert capfd.readouterr().out == "ke stdout\n"


def _fail(*_args, **_kwargs):
    raise OSError(28, "No space left on device")


@pytest.mark.parametrize("where", ["fsync", "replace", "write", "chmod"])
def test_failed_write_leaves_the_previous_file_and_no_temp_file(tmp_path, monkeypatch, where):
    target = tmp_path / "out.ttl"
    target.write_bytes(b"versi lama\n")
    if where == "write":
        monkeypatch.setattr(store.os, "fdopen", lambda fd, mode: _FailingFile(fd))
    else:
        monkeypatch.setattr(store.os, where, _fail)
    with pytest.raises(OutputError, match="No space left"):
        write_atomic(str(target), b"versi baru\n")
    monkeypatch.undo()
    assert target.read_bytes() == b"versi lama\n"
    assert os.listdir(tmp_path) == ["out.ttl"]


_REAL_FDOPEN = os.fdopen


class _FailingFile:
    """A file object whose write fails half-way, as on a full disk."""

    def __init__(self, fd: int) -> None:
        self.fh = _REAL_FDOPEN(fd, "wb")

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.fh.close()
        return False

    def write(self, data: bytes) -> int:
        self.fh.write(data[: len(data) // 2])
        _fail()

    def flush(self) -> None:
        self.fh.flush()

    def fileno(self) -> int:
        return self.fh.fileno()


def test_interrupt_mid_write_leaves_the_previous_file(tmp_path, monkeypatch):
    target = tmp_path / "out.ttl"
    target.write_bytes(b"versi lama\n")

    def interrupt(*_args):
        raise KeyboardInterrupt

    monkeypatch.setattr(store.os, "fsync", interrupt)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(str(target), b"versi baru\n")
    monkeypatch.undo()
    assert target.read_bytes() == b"versi lama\n"
    assert os.listdir(tmp_path) == ["out.ttl"]


def test_new_file_gets_ordinary_permissions(tmp_path):
    target = tmp_path / "out.ttl"
    write_atomic(str(target), b"isi")
    assert target.stat().st_mode & 0o777 == 0o644


@pytest.mark.parametrize(
    "make_target",
    [
        lambda tmp: tmp / "no" / "such" / "folder" / "out.ttl",
        lambda tmp: tmp,
        lambda tmp: (tmp / "sub").mkdir() or tmp / "sub",
        lambda tmp: (tmp / "file.txt").write_text("x") and tmp / "file.txt" / "out.ttl",
        lambda tmp: Path("/proc/kgraph-test-out.ttl"),
        lambda tmp: Path("/proc/self/out.ttl"),
    ],
    ids=[
        "folder-missing", "target-is-folder", "target-is-subfolder", "parent-is-a-file", "under-proc",
        "under-proc-self",
    ],
)
def test_unwritable_output(tmp_path, make_target):
    target = make_target(tmp_path)
    if str(target).startswith("/proc") and not Path("/proc/self").is_dir():
        pytest.skip("no /proc here")
    with pytest.raises(OutputError) as info:
        write_atomic(str(target), b"isi")
    assert "\n" not in str(info.value)


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root ignores folder permissions")
def test_read_only_folder(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    (folder / "out.ttl").write_bytes(b"lama")
    folder.chmod(0o555)
    try:
        with pytest.raises(OutputError):
            write_atomic(str(folder / "out.ttl"), b"baru")
        assert (folder / "out.ttl").read_bytes() == b"lama"
    finally:
        folder.chmod(0o755)


# --- load_dataset ------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_load_dataset_reads_what_serialize_wrote(tmp_path, dataset, fmt):
    path = tmp_path / f"graph{FORMATS[fmt]}"
    path.write_bytes(serialize(dataset, fmt, BASE))
    back = load_dataset([str(path)], BASE)
    assert isomorphic(_union(back), _union(dataset))


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("bad.ttl", b"@prefix : <x> . :a :b", "not valid turtle"),
        ("bad.trig", b"<a> { <b> <c> ", "not valid trig"),
        ("bad.jsonld", b"{not json", "not valid json-ld"),
        ("bin.ttl", b"\x89PNG\r\n\x1a\n\x00\x00", "not valid turtle"),
    ],
)
def test_load_dataset_bad_graph_file(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(GraphReadError, match=message) as info:
        load_dataset([str(path)])
    assert "\n" not in str(info.value)


def test_load_dataset_missing(tmp_path):
    with pytest.raises(GraphReadError, match="no such file"):
        load_dataset([str(tmp_path / "nope.ttl")])
    (tmp_path / "empty").mkdir()
    with pytest.raises(GraphReadError, match="no graph files"):
        load_dataset([str(tmp_path / "empty")])
