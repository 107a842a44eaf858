"""kgraph.analyse on tiny hand-made graphs whose answers were worked out by hand."""

from __future__ import annotations

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import PROV, RDF, RDFS, SKOS, XSD

from kgraph import analyse as A
from kgraph.errors import QueryError
from kgraph.namespaces import KG, NIF, ORG, SCHEMA, sparql_prologue

B = "https://w3id.org/kgraph/data/"
ART = URIRef(B + "article/a1")
CTX = URIRef(B + "text/a1#char=0,500")
QUAD = {1: KG.VerbalCooperation, 2: KG.MaterialCooperation, 3: KG.VerbalConflict, 4: KG.MaterialConflict}


def ent(g: Graph, key: str, label: str, cls=KG.Person, alt: str | None = None) -> URIRef:
    node = URIRef(B + key)
    g.add((node, RDF.type, cls))
    g.add((node, RDFS.label, Literal(label, lang="id")))
    if alt:
        g.add((node, SKOS.altLabel, Literal(alt, lang="id")))
    mention = URIRef(f"{B}text/a1#char={len(key)},{len(key) + 1}-{key}")
    g.add((node, KG.mention, mention))
    g.add((mention, NIF.referenceContext, CTX))
    return node


def event(g: Graph, name: str, actor: str, target: str, gold: float, quad: int, date: str,
          sentence: str = "Putin mengunjungi Yerevan.", trigger: tuple[int, int] = (6, 17),
          negated: bool = False) -> URIRef:
    node, sent, trig = URIRef(B + "event/" + name), URIRef(B + "s/" + name), URIRef(B + "t/" + name)
    g.add((node, RDF.type, KG.NegatedAction if negated else KG.Event))
    g.add((node, KG.cameoCode, Literal("042")))
    g.add((node, KG.goldstein, Literal(f"{gold:.1f}", datatype=XSD.decimal)))
    g.add((node, KG.quadClass, QUAD[quad]))
    g.add((node, KG.actor, URIRef(B + actor)))
    g.add((node, KG.target, URIRef(B + target)))
    g.add((node, KG.date, Literal(date, datatype=XSD.date)))
    g.add((node, KG.article, ART))
    g.add((node, KG.mention, sent))
    g.add((sent, NIF.anchorOf, Literal(sentence)))
    g.add((sent, NIF.beginIndex, Literal(100)))
    g.add((node, KG.trigger, trig))
    g.add((trig, NIF.beginIndex, Literal(100 + trigger[0])))
    g.add((trig, NIF.endIndex, Literal(100 + trigger[1])))
    return node


@pytest.fixture
def g() -> Graph:
    """A→B: two cooperative events (+3.0, +1.0) and one conflictual (-10.0); B→C one (+2.0)."""
    g = Graph()
    g.add((ART, RDF.type, SCHEMA.NewsArticle))
    g.add((ART, SCHEMA.headline, Literal("Judul berita", lang="id")))
    g.add((ART, SCHEMA.datePublished, Literal("2023-01-05", datatype=XSD.date)))
    g.add((ART, KG.context, CTX))
    ent(g, "person/a", "Alpha", alt="Al")
    ent(g, "person/b", "Beta")
    ent(g, "country/C", "Gamma", KG.Country)
    event(g, "e1", "person/a", "person/b", 3.0, 1, "2023-01-03")
    event(g, "e2", "person/a", "person/b", 1.0, 2, "2023-01-01")
    event(g, "e3", "person/a", "person/b", -10.0, 4, "2023-01-04")
    event(g, "e4", "person/b", "country/C", 2.0, 1, "2023-01-02", "Beta memuji Gamma.", (5, 11))
    event(g, "neg", "person/a", "country/C", -10.0, 4, "2023-01-02", negated=True)
    return g


def test_event_graph_splits_by_quad_class_and_skips_negated(g: Graph) -> None:
    E = A.event_graph(A.read_events(g))
    a, b, c = B + "person/a", B + "person/b", B + "country/C"
    assert sorted(E[a][b]) == ["MaterialConflict", "MaterialCooperation", "VerbalCooperation"]
    assert E[a][b]["VerbalCooperation"]["count"] == 1
    assert E[a][b]["MaterialConflict"]["goldstein"] == -10.0
    assert not E.has_edge(a, c)  # the negated action is not an event
    assert E.number_of_edges() == 4


def test_dyads_count_cooperation_conflict_mean_and_dates(g: Graph) -> None:
    ab, bc = A.dyads(A.read_events(g))
    assert (ab.source, ab.target) == (B + "person/a", B + "person/b")
    assert (ab.cooperative, ab.conflictual) == (2, 1)
    assert ab.mean_goldstein == -2.0  # (3 + 1 - 10) / 3
    assert (ab.first_date, ab.last_date) == ("2023-01-01", "2023-01-04")
    assert len(ab.events) == 3
    assert (bc.cooperative, bc.conflictual, bc.mean_goldstein) == (1, 0, 2.0)


def test_degree_counts_distinct_counterparts(g: Graph) -> None:
    d = A.degree(A.event_graph(A.read_events(g)))
    assert d == {B + "person/a": 1, B + "person/b": 2, B + "country/C": 1}


def test_pagerank_two_nodes_by_hand() -> None:
    import networkx as nx

    # x_a = 0.15/2 + 0.85·x_b/2 (b dangles), x_a + x_b = 1  →  x_a = 0.5 / 1.425
    pr = A.pagerank(nx.DiGraph([("a", "b")]))
    assert pr["a"] == pytest.approx(0.5 / 1.425, abs=1e-9)
    assert pr["b"] == pytest.approx(1 - 0.5 / 1.425, abs=1e-9)
    assert A.pagerank(nx.DiGraph()) == {}


def test_betweenness_of_a_path() -> None:
    import networkx as nx

    assert A.betweenness(nx.path_graph(["a", "b", "c"])) == {"a": 0.0, "b": 1.0, "c": 0.0}


def test_communities_two_triangles_numbered_by_size_then_name() -> None:
    import networkx as nx

    G = nx.Graph([("a", "b"), ("b", "c"), ("a", "c"), ("x", "y"), ("y", "z"), ("x", "z"), ("w", "x"),
                  ("c", "x")])
    found = A.communities(G)
    assert found["w"] == found["x"] == found["y"] == found["z"] == 0  # four members come first
    assert found["a"] == found["b"] == found["c"] == 1


def test_metrics_graph_is_deterministic_queryable_and_has_provenance(g: Graph) -> None:
    run = A.analysis_run_iri(A.read_events(g))
    one, two = A.metrics_graph(g, run, graph_iri=A.analysis_graph_iri()), A.metrics_graph(g, run)
    nt = sorted(A.metrics_graph(g, run).serialize(format="nt").splitlines())
    assert nt == sorted(two.serialize(format="nt").splitlines()) and len(nt) > 20
    assert isomorphic(A.metrics_graph(g, run), two)
    assert A.analysis_run_iri(A.read_events(g)) == run
    assert (A.analysis_graph_iri(), PROV.wasGeneratedBy, run) in one
    assert str(one.value(run, KG.softwareVersion)).startswith("kgraph ")
    rows = list((g + one).query(sparql_prologue() + """
        SELECT ?s ?t ?n ?coop ?conf ?mean ?first ?last (COUNT(?ev) AS ?evidence) WHERE {
          ?d a kg:DyadRelation ; kg:source ?s ; kg:target ?t ; kg:eventCount ?n ;
             kg:cooperativeEvents ?coop ; kg:conflictualEvents ?conf ; kg:meanGoldstein ?mean ;
             kg:firstDate ?first ; kg:lastDate ?last ; kg:evidenceEvent ?ev ; prov:wasGeneratedBy ?run .
          ?ev a kg:Event .
        } GROUP BY ?s ?t ?n ?coop ?conf ?mean ?first ?last ORDER BY ?s"""))
    assert len(rows) == 2
    assert tuple(rows[0])[2:] == (
        Literal(3), Literal(2), Literal(1), Literal("-2.000", datatype=XSD.decimal),
        Literal("2023-01-01", datatype=XSD.date), Literal("2023-01-04", datatype=XSD.date), Literal(3))
    b = URIRef(B + "person/b")
    assert one.value(b, KG.degree) == Literal(2)
    assert one.value(b, KG.betweenness) == Literal("1.000000", datatype=XSD.decimal)
    assert one.value(b, KG.community) is not None and one.value(b, KG.pageRank) is not None


def test_comention_and_membership_graphs(g: Graph) -> None:
    C = A.comention_graph(A.read_entities(g))
    assert C.number_of_edges() == 3 and C[B + "person/a"][B + "person/b"]["articles"] == [str(ART)]
    post = URIRef(B + "post/presiden--country-C")
    g.add((URIRef(B + "person/a"), ORG.holds, post))
    g.add((post, ORG.postIn, URIRef(B + "country/C")))
    M = A.membership_graph(g)
    assert list(M.successors(B + "person/a")) == [str(post)]
    assert M[str(post)][B + "country/C"]["relation"] == "postIn"


def test_path_explained_event_by_event_with_evidence(g: Graph) -> None:
    path = A.shortest_path_explained(g, "al", "Gamma")  # alt label, case-insensitive
    assert path is not None and path.via == "events"
    assert [(s.source, s.target) for s in path.steps] == [
        (B + "person/a", B + "person/b"), (B + "person/b", B + "country/C")]
    assert [e.date for e in path.steps[0].events] == ["2023-01-01", "2023-01-03", "2023-01-04"]
    text = A.format_path(g, path)
    assert "Alpha → Gamma: 2 hop(s) via events" in text
    assert "“Beta [memuji] Gamma.” — Judul berita (2023-01-05)" in text


def test_path_falls_back_to_comention_and_rejects_unknown_names(g: Graph) -> None:
    ent(g, "place/d", "Delta", KG.Place)
    path = A.shortest_path_explained(g, "Alpha", B + "place/d")
    assert path is not None and path.via == "co-mentions" and path.steps[0].articles == (str(ART),)
    with pytest.raises(QueryError):
        A.shortest_path_explained(g, "Nobody", "Alpha")


def test_cli_export_gexf_and_graphml_open_with_plain_attributes(tmp_path) -> None:
    import networkx as nx
    from click.testing import CliRunner

    from kgraph.cli import cli
    from tests.test_render import sample_graph

    src = tmp_path / "g.ttl"
    sample_graph().serialize(src, format="turtle")
    runner = CliRunner()
    assert runner.invoke(cli, ["export", str(src), "-o", str(tmp_path / "g.gexf")]).exit_code == 0
    G = nx.read_gexf(tmp_path / "g.gexf")
    assert (G.number_of_nodes(), G.number_of_edges()) == (6, 3)
    putin = G.nodes[B + "person/vladimir-putin"]
    assert putin["label"] == "Vladimir Putin" and putin["type"] == "Person" and putin["degree"] == 2
    edge = G.get_edge_data(B + "person/nikol-pashinyan", B + "org/csto")
    edge = next(iter(edge.values())) if G.is_multigraph() else edge
    assert edge["quadClass"] == "VerbalConflict" and edge["count"] == 1 and isinstance(edge["events"], str)
    result = runner.invoke(cli, ["export", str(src), "-o", str(tmp_path / "c.graphml"),
                                 "--projection", "comention"])
    assert result.exit_code == 0, result.output
    assert nx.read_graphml(tmp_path / "c.graphml").number_of_edges() == 11  # K5 (10) + Shoigu–Putin
    bad = runner.invoke(cli, ["export", str(src), "-o", str(tmp_path / "g.csv")])
    assert bad.exit_code == 1 and "gexf or .graphml" in bad.stderr


def test_cli_analyse_writes_a_named_metrics_graph_deterministically(tmp_path) -> None:
    from click.testing import CliRunner
    from rdflib import Dataset

    from kgraph.cli import cli
    from tests.test_render import sample_graph

    src = tmp_path / "g.ttl"
    sample_graph().serialize(src, format="turtle")
    outs = [tmp_path / "a.trig", tmp_path / "b.trig"]
    for out in outs:
        result = CliRunner().invoke(cli, ["analyse", str(src), "-o", str(out)])
        assert result.exit_code == 0, result.output
    assert outs[0].read_bytes() == outs[1].read_bytes()
    ds = Dataset()
    ds.parse(outs[0], format="trig")
    rows = ds.query(sparql_prologue() + f"""
        SELECT ?n WHERE {{ GRAPH <{B}graph/analysis> {{
          ?d a kg:DyadRelation ; kg:source <{B}person/nikol-pashinyan> ; kg:target <{B}org/csto> ;
             kg:conflictualEvents ?n }} }}""")
    assert [int(r.n) for r in rows] == [1]
