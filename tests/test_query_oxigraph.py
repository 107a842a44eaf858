"""The saved questions give the same rows on rdflib and on pyoxigraph.

Oxigraph's union default graph is a union of quads: a triple written in k article graphs
(an entity's label, in every article naming it) matches k times, where rdflib's union is
a set of triples. The saved questions must not let that multiply their rows, so that they
answer the same on a persistent Oxigraph store as on `kgraph query`.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from rdflib import BNode, Dataset, Literal, URIRef
from rdflib.namespace import RDF, XSD

from kgraph import query as q
from kgraph.namespaces import sparql_prologue
from kgraph.pipeline import build
from kgraph.store import load_dataset

ox = pytest.importorskip("pyoxigraph")

DATA = Path(__file__).parent / "data"
# Eight articles on one conflict: the same actors appear in many article graphs.
ARTICLES = sorted(str(p) for p in (DATA / "articles").glob("a0*.txt"))
EMPTY_ON: dict[str, set[str]] = {"fixture_graph": set(), "built_graph": {"members", "date-corrections"}}


def oxigraph_store(ds: Dataset):
    store = ox.Store()
    store.load(ds.serialize(format="nquads").encode("utf-8"), format=ox.RdfFormat.N_QUADS)
    return store


def from_ox(term) -> object:
    """An oxigraph term as a comparable value: literals by value (4.0 == 4 as xsd:decimal)."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode()
    datatype = None if term.language or term.datatype.value == str(XSD.string) else URIRef(term.datatype.value)
    if term.language:
        return (Literal(term.value, lang=term.language).toPython(), term.language, None)
    return _literal(Literal(term.value, datatype=datatype))


def _literal(lit: Literal) -> tuple[object, str | None, str | None]:
    datatype = None if lit.datatype in (None, XSD.string, RDF.langString) else str(lit.datatype)
    return (lit.toPython(), lit.language, datatype)


def from_rdflib(term) -> object:
    if isinstance(term, Literal):
        return _literal(term)
    if isinstance(term, BNode):
        return BNode()
    return term


def rdflib_rows(ds: Dataset, text: str) -> Counter:
    answer = q.run(ds, text, timeout=120)
    return Counter(tuple(from_rdflib(t) for t in row) for row in answer.rows)


def oxigraph_rows(store, text: str) -> Counter:
    result = store.query(sparql_prologue() + text, use_default_graph_as_union=True)
    names = [v.value for v in result.variables]
    return Counter(tuple(from_ox(solution[name]) for name in names) for solution in result)


@pytest.fixture(scope="module")
def fixture_graph():
    ds = load_dataset([str(DATA / "fixture_graph.trig")])
    return ds, oxigraph_store(ds)


@pytest.fixture(scope="module")
def built_graph():
    assert len(ARTICLES) >= 6
    ds = build(ARTICLES).dataset
    return ds, oxigraph_store(ds)


@pytest.mark.parametrize("name", sorted(q.saved_queries()))
@pytest.mark.parametrize("graph", ["fixture_graph", "built_graph"])
def test_saved_question_gives_the_same_rows_on_both_engines(name, graph, request):
    ds, store = request.getfixturevalue(graph)
    text = q.get_saved(name).text
    expected = rdflib_rows(ds, text)
    assert sum(expected.values()) > 0 or name in EMPTY_ON[graph]
    assert oxigraph_rows(store, text) == expected


def test_the_built_graph_repeats_entities_across_article_graphs(built_graph):
    """Otherwise the comparison above could not catch rows multiplied by the union of quads."""
    answer = q.run(built_graph[0], "SELECT ?e (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?e a kg:Country } } "
                                "GROUP BY ?e HAVING (COUNT(DISTINCT ?g) > 2)")
    assert len(answer.rows) >= 2
