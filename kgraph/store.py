"""Stage 6, store: named graphs into a Dataset, serialised deterministically and written atomically.

Writes go to a temporary file beside the target and are renamed over it only
once complete, so a failed or interrupted run leaves the previous output intact.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

from rdflib import Dataset, Graph, URIRef

from kgraph.errors import GraphReadError, OutputError, UnknownFormat
from kgraph.namespaces import DEFAULT_BASE, bind_prefixes

FORMATS = {"turtle": ".ttl", "trig": ".trig", "nquads": ".nq", "json-ld": ".jsonld"}
_BY_SUFFIX = {
    ".ttl": "turtle", ".turtle": "turtle", ".trig": "trig", ".nq": "nquads", ".nquads": "nquads",
    ".jsonld": "json-ld", ".json": "json-ld", ".nt": "nt",
}
READ_SUFFIXES = tuple(_BY_SUFFIX)


def format_for(path: str | None, fmt: str | None) -> str:
    if fmt:
        if fmt not in FORMATS:
            raise UnknownFormat(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
        return fmt
    if path and path != "-":
        found = _BY_SUFFIX.get(Path(path).suffix.lower())
        if found and found in FORMATS:
            return found
    return "turtle"


def new_dataset(base: str = DEFAULT_BASE) -> Dataset:
    ds = Dataset(default_union=True)
    bind_prefixes(ds, base)
    return ds


def add_graph(ds: Dataset, name: URIRef, graph: Graph) -> None:
    """Replace the named graph `name` with `graph`: re-ingesting an article is idempotent."""
    ds.remove_graph(ds.graph(name))
    target = ds.graph(name)
    target += graph


def serialize(ds: Dataset, fmt: str, base: str = DEFAULT_BASE) -> bytes:
    """Byte-identical for the same triples: quad formats are sorted line by line."""
    if fmt == "nquads":
        lines = ds.serialize(format="nquads").splitlines()
        return ("\n".join(sorted(set(filter(None, lines)))) + "\n").encode("utf-8")
    if fmt == "trig":
        return _trig(ds)
    union = Graph()
    bind_prefixes(union, base)
    for triple in sorted(ds.triples((None, None, None))):
        union.add(triple)
    if fmt == "json-ld":
        return _json_ld(union)
    return union.serialize(format="turtle").encode("utf-8")


def _trig(ds: Dataset) -> bytes:
    """TriG with the named graphs in IRI order. rdflib's writer takes them from
    the store's set of contexts, whose order changes with PYTHONHASHSEED."""
    from rdflib.plugins.serializers.trig import TrigSerializer

    class SortedTrig(TrigSerializer):
        def preprocess(self) -> None:
            self.contexts.sort(key=lambda g: str(g.identifier))
            super().preprocess()

    buf = io.BytesIO()
    SortedTrig(ds).serialize(buf, encoding="utf-8")
    return buf.getvalue()


def _json_ld(graph: Graph) -> bytes:
    """JSON-LD with nodes and values in a fixed order: rdflib emits them in
    set order. Arrays in JSON-LD are unordered except `@list`, left as is."""

    def canonical(value, in_list: bool = False):
        if isinstance(value, dict):
            return {k: canonical(v, in_list=k == "@list") for k, v in value.items()}
        if isinstance(value, list):
            items = [canonical(v) for v in value]
            return items if in_list else sorted(items, key=lambda v: json.dumps(v, sort_keys=True))
        return value

    data = canonical(json.loads(graph.serialize(format="json-ld")))
    return (json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8")


def write_atomic(path: str, data: bytes) -> None:
    if path == "-":
        _write_stdout(data)
        return
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(f"{path}: folder {folder} does not exist")
    if target.is_dir():
        raise OutputError(f"{path}: is a folder")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write ({exc.strerror})") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException as exc:  # also Ctrl-C: never leave the temporary file behind
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise OutputError(f"{path}: cannot write ({exc.strerror or exc})") from None
        raise


def _write_stdout(data: bytes) -> None:
    out = getattr(sys.stdout, "buffer", None)
    try:
        if out is None:  # a text-only stream, as some test runners install
            sys.stdout.write(data.decode("utf-8"))
        else:
            out.write(data)
        sys.stdout.flush()
    except OSError as exc:  # closed pipe ("| head"), full disk
        raise OutputError(f"cannot write to standard output ({exc.strerror or exc})") from None


def graph_files(paths: Iterable[str]) -> list[Path]:
    out: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            out.extend(sorted(f for f in p.rglob("*") if f.suffix.lower() in READ_SUFFIXES))
        elif p.is_file():
            out.append(p)
        else:
            raise GraphReadError(f"{raw}: no such file or folder")
    if not out:
        raise GraphReadError("no graph files found (.ttl, .trig, .nq, .jsonld)")
    return out


def load_dataset(paths: Iterable[str], base: str = DEFAULT_BASE) -> Dataset:
    """Turtle goes to the default graph; TriG/N-Quads keep their named graphs."""
    ds = new_dataset(base)
    for path in graph_files(paths):
        fmt = _BY_SUFFIX.get(path.suffix.lower(), "turtle")
        try:
            if fmt in ("trig", "nquads"):
                ds.parse(path, format=fmt)
            else:
                ds.graph(URIRef(path.resolve().as_uri())).parse(path, format=fmt)
        except Exception as exc:  # rdflib raises many parser-specific types
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise GraphReadError(f"{path}: not valid {fmt}: {first[:200]}") from None
    return ds
