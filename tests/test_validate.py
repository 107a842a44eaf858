"""SHACL validation (kgraph.validate and `kgraph validate`) against ontology/shapes.ttl.

A valid graph is built from an article written for this test: the pipeline extracts its
entities and posts, and the test adds one event, one negated action, one quote, one
casualty count, one date correction and one relation as model objects, so every shape
has a focus node. Each broken case copies that graph, breaks one thing with rdflib and
checks that validation fails with a message naming the problem.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SH, SKOS, XSD

from kgraph.cli import cli
from kgraph.errors import ValidationFailed
from kgraph.model import Count, DateCorrection, Event, EventDate, Quote, Relation, Span
from kgraph.namespaces import KG, NIF, ORG, SCHEMA
from kgraph.pipeline import extract_document
from kgraph.rdfmap import to_graph
from kgraph.read import document_from_bytes
from kgraph.validate import ontology_file, validate

# Invented for this test; the layout copies an Indonesian portal page.
ARTICLE = """\
Menhan Indonesia dan Australia Bertemu di Canberra

Kamis, 29 Agustus 2024 19:20 WIB

CANBERRA, KOMPAS.com - Menteri Pertahanan Indonesia Prabowo Subianto bertemu Menteri Pertahanan \
Australia Richard Marles di Canberra pada Kamis (29/8/2024).

"Kami sepakat memperkuat kerja sama pertahanan kedua negara," kata Prabowo kepada wartawan.

Prabowo membantah bahwa Indonesia akan bergabung dengan aliansi militer mana pun.

Dalam bentrokan di perbatasan pada Senin (26/8/2024), sedikitnya 12 orang tewas.

Penulis: Ahmad Sutanto
Editor: Budi Santoso
"""

PRABOWO, MARLES, INDONESIA = "person/prabowo-subianto", "person/richard-marles", "country/ID"


def _span(text: str, needle: str, start: int = 0) -> Span:
    begin = text.index(needle, start)
    return Span.of(text, begin, begin + len(needle))


def _sentence(text: str, needle: str) -> Span:
    """The sentence (here: the paragraph) holding `needle`."""
    at = text.index(needle)
    begin = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    return Span.of(text, begin, end if end != -1 else len(text))


def full_extraction():
    ex = extract_document(document_from_bytes(ARTICLE.encode("utf-8"), "menhan.txt"))
    text = ex.body.text
    meeting = _sentence(text, "bertemu")
    denial = _sentence(text, "membantah")
    clash = _sentence(text, "bentrokan")
    quote = _sentence(text, "Kami sepakat")
    event = Event(
        cameo="040", actors=(PRABOWO,), targets=(MARLES,), trigger=_span(text, "bertemu"), evidence=meeting,
        date=EventDate(dt.date(2024, 8, 29), "explicit", _span(text, "Kamis (29/8/2024)")),
    )
    negated = Event(
        cameo="057", actors=(INDONESIA,), targets=(), trigger=_span(text, "bergabung"), evidence=denial,
        negated=True,
    )
    # A fight whose sentence states a count (-> kg:casualties) and whose date was corrected
    # (-> kg:dateCorrection), so the shapes on both links have something to check.
    fight = Event(
        cameo="190", actors=(INDONESIA,), targets=(), trigger=_span(text, "bentrokan"), evidence=clash,
        date=EventDate(dt.date(2024, 8, 26), "corrected", _span(text, "Senin (26/8/2024)")),
    )
    return dataclasses.replace(
        ex,
        events=(*ex.events, event, negated, fight),
        quotes=(*ex.quotes, Quote(_span(text, "Kami sepakat memperkuat kerja sama pertahanan kedua negara,"),
                                  PRABOWO, quote)),
        counts=(*ex.counts, Count("killed", 12, None, _span(text, "sedikitnya 12 orang tewas"), clash)),
        date_corrections=(*ex.date_corrections, DateCorrection(
            _span(text, "Senin (26/8/2024)"), dt.date(2024, 8, 26), dt.date(2024, 8, 26), "weekday fits")),
        relations=(*ex.relations, Relation(MARLES, "memberOf", "org/kementerian-pertahanan-au", meeting)),
    )


@pytest.fixture(scope="module")
def valid_graph() -> Graph:
    return to_graph(full_extraction())


@pytest.fixture
def graph(valid_graph: Graph) -> Graph:
    """A fresh copy of the valid graph, to break."""
    copy = Graph()
    copy += valid_graph
    return copy


def _one(g: Graph, cls: URIRef) -> URIRef:
    nodes = sorted(g.subjects(RDF.type, cls))
    assert nodes, f"the test graph has no {cls}"
    return nodes[0]


def _event(g: Graph) -> URIRef:
    return _one(g, KG.Event)


def _mention(g: Graph) -> URIRef:
    return _one(g, KG.Mention)


def _write(g: Graph, tmp_path: Path) -> Path:
    path = tmp_path / "graph.ttl"
    g.serialize(path, format="turtle")
    return path


# --------------------------------------------------------------------------------------
# A valid graph passes
# --------------------------------------------------------------------------------------


def test_valid_graph_has_a_node_for_every_shape(valid_graph):
    for cls in (SCHEMA.NewsArticle, NIF.Context, KG.Mention, KG.Person, KG.Country, KG.Place, ORG.Post,
                KG.Event, KG.NegatedAction, KG.Quote, KG.CasualtyCount, KG.DateCorrection, KG.CameoCode):
        assert (None, RDF.type, cls) in valid_graph, cls
    for link in (KG.casualties, KG.dateCorrection):
        assert (None, link, None) in valid_graph, link


def test_valid_graph_conforms(valid_graph):
    result = validate(valid_graph)
    assert result.conforms, "\n".join(result.violations)
    assert result.violations == ()
    assert result.focus_nodes > 20


def test_cli_validate_passes_a_valid_graph(valid_graph, tmp_path):
    result = CliRunner().invoke(cli, ["validate", str(_write(valid_graph, tmp_path))])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("conforms:")
    assert "0 violations" in result.stdout


def test_cli_validate_passes_a_built_graph(tmp_path):
    article = tmp_path / "menhan.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "built.trig"
    runner = CliRunner()
    built = runner.invoke(cli, ["build", str(article), "-o", str(out)])
    assert built.exit_code == 0, built.output
    result = runner.invoke(cli, ["validate", str(out)])
    assert result.exit_code == 0, result.output


def test_missing_headline_is_only_a_warning(graph):
    graph.remove((None, SCHEMA.headline, None))
    result = validate(graph)
    assert result.conforms, result.violations
    assert "has no schema:headline" in result.report_text


# --------------------------------------------------------------------------------------
# The four breakages named in the brief, through the command line: exit 1, message on stderr
# --------------------------------------------------------------------------------------


def _no_actor(g: Graph) -> None:
    g.remove((_event(g), KG.actor, None))


def _anchor_too_long(g: Graph) -> None:
    m = _mention(g)
    g.set((m, NIF.anchorOf, Literal(str(g.value(m, NIF.anchorOf)) + " tambahan")))


def _negative_count(g: Graph) -> None:
    g.set((_one(g, KG.CasualtyCount), KG.countValue, Literal(-3, datatype=XSD.integer)))


def _two_dates(g: Graph) -> None:
    g.add((_event(g), KG.date, Literal("2024-08-30", datatype=XSD.date)))


CLI_CASES = {
    "event without actor": (_no_actor, "needs at least one kg:actor"),
    "anchorOf length does not match offsets": (
        _anchor_too_long, "length of nif:anchorOf is not endIndex - beginIndex"),
    "count with negative value": (_negative_count, "kg:countValue, an xsd:integer of 0 or more"),
    "two dates on one event": (_two_dates, "at most one kg:date"),
}


@pytest.mark.parametrize("case", sorted(CLI_CASES))
def test_cli_validate_fails_a_broken_graph(case, graph, tmp_path):
    breaker, message = CLI_CASES[case]
    breaker(graph)
    result = CliRunner().invoke(cli, ["validate", str(_write(graph, tmp_path))])
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith("does not conform: 1 violation(s)"), result.stderr
    assert message in result.stderr
    assert "Traceback" not in result.output


# --------------------------------------------------------------------------------------
# Every other constraint, through the library
# --------------------------------------------------------------------------------------


def _set(cls: URIRef, prop: URIRef, value) -> Callable[[Graph], None]:
    def breaker(g: Graph) -> None:
        g.set((_one(g, cls), prop, value))

    return breaker


def _add(cls: URIRef, prop: URIRef, value) -> Callable[[Graph], None]:
    def breaker(g: Graph) -> None:
        g.add((_one(g, cls), prop, value))

    return breaker


def _drop(cls: URIRef, prop: URIRef) -> Callable[[Graph], None]:
    def breaker(g: Graph) -> None:
        g.remove((_one(g, cls), prop, None))

    return breaker


def _anchor_not_in_text(g: Graph) -> None:
    m = _mention(g)
    anchor = str(g.value(m, NIF.anchorOf))
    g.set((m, NIF.anchorOf, Literal("Q" + anchor[1:])))


def _begin_after_end(g: Graph) -> None:
    m = _mention(g)
    g.set((m, NIF.beginIndex, Literal(int(g.value(m, NIF.endIndex)) + 5, datatype=XSD.nonNegativeInteger)))


def _event_mention_not_a_mention(g: Graph) -> None:
    event = _event(g)
    g.remove((event, KG.mention, None))
    g.add((event, KG.mention, BNode()))


def _second_post_in(g: Graph) -> None:
    g.add((_one(g, ORG.Post), ORG.postIn, URIRef("https://w3id.org/kgraph/data/org/nato")))


def _casualties_not_a_count(g: Graph) -> None:
    event = next(g.subjects(KG.casualties, None))
    g.set((event, KG.casualties, _one(g, KG.Quote)))


def _second_date_correction(g: Graph) -> None:
    event = next(g.subjects(KG.dateCorrection, None))
    g.add((event, KG.dateCorrection, URIRef("https://w3id.org/kgraph/data/datefix/other")))


def _one_concept(g: Graph) -> URIRef:
    return sorted(g.subjects(RDF.type, KG.CameoCode))[0]


def _concept_set(prop: URIRef, value) -> Callable[[Graph], None]:
    def breaker(g: Graph) -> None:
        g.set((_one_concept(g), prop, value))

    return breaker


def _concept_drop(prop: URIRef) -> Callable[[Graph], None]:
    def breaker(g: Graph) -> None:
        g.remove((_one_concept(g), prop, None))

    return breaker


BROKEN = {
    "casualties not a count": (_casualties_not_a_count, "kg:casualties must be kg:CasualtyCount"),
    "two date corrections on one event": (_second_date_correction, "at most one kg:dateCorrection"),
    "cameo concept not a CameoCode": (
        _set(KG.Event, KG.cameoConcept, URIRef("https://w3id.org/kgraph/cameo/999")), "kg:cameoConcept"),
    "cameo concept without notation": (_concept_drop(SKOS.notation), "skos:notation"),
    "cameo concept notation not a code": (_concept_set(SKOS.notation, Literal("4a")), "skos:notation"),
    "cameo concept in another scheme": (
        _concept_set(SKOS.inScheme, URIRef("https://w3id.org/kgraph/ontology/quad-classes")), "skos:inScheme"),
    "cameo concept goldstein above 10": (
        _concept_set(KG.goldstein, Literal("11.0", datatype=XSD.decimal)), "kg:goldstein"),
    "cameo code not digits": (_set(KG.Event, KG.cameoCode, Literal("04a")), "kg:cameoCode"),
    "cameo code root above 20": (_set(KG.Event, KG.cameoCode, Literal("342")), "kg:cameoCode"),
    "two cameo codes": (_add(KG.Event, KG.cameoCode, Literal("043")), "kg:cameoCode"),
    "goldstein above 10": (
        _set(KG.Event, KG.goldstein, Literal("12.0", datatype=XSD.decimal)), "kg:goldstein"),
    "goldstein not decimal": (_set(KG.Event, KG.goldstein, Literal("1.0")), "kg:goldstein"),
    "quad class not a quad concept": (_set(KG.Event, KG.quadClass, KG.Event), "kg:quadClass"),
    "date as dateTime": (_set(KG.Event, KG.date, Literal("2024-08-29T10:00:00", datatype=XSD.dateTime)),
                         "kg:date, typed xsd:date"),
    "event mention not a kg:Mention": (_event_mention_not_a_mention, "kg:mention, a kg:Mention"),
    "negated action without actor": (_drop(KG.NegatedAction, KG.actor), "kg:actor"),
    "actor the graph says nothing about": (
        _set(KG.Event, KG.actor, URIRef("https://w3id.org/kgraph/data/country/XX")), "kg:actor must be a kg:Actor"),
    "place as target": (_set(KG.Event, KG.target, URIRef("https://w3id.org/kgraph/data/place/canberra")),
                        "kg:target must be a kg:Actor"),
    "speaker not an actor": (_set(KG.Quote, KG.speaker, URIRef("https://w3id.org/kgraph/data/place/canberra")),
                             "kg:speaker must be a kg:Actor"),
    "negated action without cameo code": (_drop(KG.NegatedAction, KG.cameoCode), "kg:cameoCode"),
    "quote with two speakers": (_add(KG.Quote, KG.speaker, URIRef("https://w3id.org/kgraph/data/x")),
                                "at most one kg:speaker"),
    "quote without text": (_drop(KG.Quote, KG.quoteText), "kg:quoteText"),
    "quote without mention": (_drop(KG.Quote, KG.mention), "kg:mention"),
    "count type unknown": (_set(KG.CasualtyCount, KG.countType, Literal("wounded")), "kg:countType"),
    "count value a string": (_set(KG.CasualtyCount, KG.countValue, Literal("12")), "kg:countValue"),
    "date correction without corrected date": (
        _drop(KG.DateCorrection, KG.correctedDate), "kg:correctedDate"),
    "anchorOf not the context text": (_anchor_not_in_text, "not the context text"),
    "beginIndex after endIndex": (_begin_after_end, "beginIndex is greater than endIndex"),
    "mention without beginIndex": (_drop(KG.Mention, NIF.beginIndex), "nif:beginIndex"),
    "mention index not typed": (_set(KG.Mention, NIF.endIndex, Literal(5)), "nif:endIndex"),
    "mention without context": (_drop(KG.Mention, NIF.referenceContext), "nif:referenceContext"),
    "person without label": (_drop(KG.Person, RDFS.label), "rdfs:label"),
    "person without mention": (_drop(KG.Person, KG.mention), "kg:mention"),
    "post without label": (_drop(ORG.Post, RDFS.label), "org:Post needs at least one rdfs:label"),
    "post in two bodies": (_second_post_in, "org:postIn"),
    "article with two publication dates": (
        _add(SCHEMA.NewsArticle, SCHEMA.datePublished, Literal("2024-08-30", datatype=XSD.date)),
        "schema:datePublished"),
    "publication date a plain string": (
        _set(SCHEMA.NewsArticle, SCHEMA.datePublished, Literal("29 Agustus 2024")), "schema:datePublished"),
    "sha256 not hex": (_set(SCHEMA.NewsArticle, KG.sha256, Literal("not-a-digest")), "kg:sha256"),
    "article without context": (_drop(SCHEMA.NewsArticle, KG.context), "kg:context"),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_broken_graph_fails_with_a_message_naming_the_problem(case, graph):
    breaker, message = BROKEN[case]
    breaker(graph)
    result = validate(graph)
    assert not result.conforms
    assert any(message in line for line in result.violations), result.violations


def test_every_shape_has_a_message():
    shapes = Graph().parse(ontology_file("shapes.ttl"), format="turtle")
    nodes = set(shapes.subjects(RDF.type, SH.NodeShape)) | set(shapes.objects(None, SH.property))
    nodes |= set(shapes.objects(None, SH.sparql))
    assert len(nodes) > 40
    silent = [n for n in nodes if shapes.value(n, SH.message) is None]
    assert not silent, silent


def test_missing_shapes_file_is_a_coded_error_not_a_traceback(valid_graph, monkeypatch, tmp_path):
    import kgraph.validate as v

    def missing(name: str) -> Path:
        raise FileNotFoundError(f"ontology file {name} not found in {tmp_path}")

    monkeypatch.setattr(v, "ontology_file", missing)
    with pytest.raises(ValidationFailed, match=r"shapes\.ttl not found"):
        validate(valid_graph)
    result = CliRunner().invoke(cli, ["validate", str(_write(valid_graph, tmp_path))])
    assert result.exit_code == 1
    assert result.stderr.startswith("kgraph: error[E501]: ontology file shapes.ttl not found")
