"""The stages in order: read → clean → segment → extract → map to RDF → store."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from rdflib import Dataset

from kgraph.clean import clean
from kgraph.errors import KgraphError
from kgraph.extract import extract
from kgraph.model import Document, Extraction
from kgraph.namespaces import DEFAULT_BASE
from kgraph.rdfmap import IRIs, article_id, run_node, to_graph
from kgraph.read import expand_paths, read_document
from kgraph.segment import segment
from kgraph.store import add_graph, new_dataset


@dataclass(frozen=True, slots=True)
class BuildResult:
    dataset: Dataset
    extractions: tuple[Extraction, ...]
    skipped: tuple[str, ...]  # one-line errors for inputs left out (with skip_bad)


def extract_document(document: Document) -> Extraction:
    return extract(segment(clean(document)))


def build(
    paths: Iterable[str],
    base: str = DEFAULT_BASE,
    skip_bad: bool = False,
    progress: Callable[[str], None] | None = None,
) -> BuildResult:
    """Every article in `paths` into one Dataset, a named graph each.

    A bad input raises `KgraphError` unless `skip_bad`, in which case it is
    reported in `BuildResult.skipped` and the rest are built.
    """
    sources = expand_paths(paths)
    extractions: list[Extraction] = []
    skipped: list[str] = []
    for source in sources:
        try:
            extractions.append(extract_document(read_document(source)))
        except KgraphError as exc:
            if not skip_bad:
                raise
            skipped.append(str(exc))
        if progress:
            progress(source)
    return BuildResult(to_dataset(extractions, base), tuple(extractions), tuple(skipped))


def to_dataset(extractions: Iterable[Extraction], base: str = DEFAULT_BASE) -> Dataset:
    extractions = sorted(extractions, key=article_id)
    ds = new_dataset(base)
    iris = IRIs(base)
    digest = hashlib.sha256("".join(article_id(x) for x in extractions).encode()).hexdigest()[:16]
    run_graph = ds.graph(iris.graph("run-" + digest))
    run = run_node(run_graph, iris, digest, len(extractions))
    for extraction in extractions:
        add_graph(ds, iris.graph(article_id(extraction)), to_graph(extraction, base, run))
    return ds
