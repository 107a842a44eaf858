"""ontology/kgraph.ttl: in step with kgraph.namespaces.KG, labelled in English and Indonesian,
well-typed for OWL 2 DL, and covering every term the builder writes."""

from __future__ import annotations

from functools import cache

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, SKOS, XSD

from kgraph.namespaces import CAMEO, CAMEO_SCHEME, KG, ONTOLOGY_IRI
from kgraph.rdfmap import IRIs, run_node, to_graph
from kgraph.validate import ontology_file

from .test_validate import full_extraction

KG_NS = str(KG._NS)
KG_TERMS = {URIRef(KG_NS + name) for name in (*KG.__annotations__, *KG._extras)}
DECLARING_TYPES = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty, SKOS.Concept}
QUAD_CONCEPTS = {KG.VerbalCooperation, KG.MaterialCooperation, KG.VerbalConflict, KG.MaterialConflict}
QUAD_SCHEME = URIRef(ONTOLOGY_IRI + "/quad-classes")


@cache
def ontology() -> Graph:
    return Graph().parse(ontology_file("kgraph.ttl"), format="turtle")


@cache
def shapes() -> Graph:
    return Graph().parse(ontology_file("shapes.ttl"), format="turtle")


def declared(g: Graph) -> set[URIRef]:
    return {s for t in DECLARING_TYPES for s in g.subjects(RDF.type, t) if isinstance(s, URIRef)}


def declared_kg_terms() -> set[URIRef]:
    return {t for t in declared(ontology()) if t.startswith(KG_NS)}


def kg_iris_in(g: Graph) -> set[URIRef]:
    return {n for triple in g for n in triple if isinstance(n, URIRef) and n.startswith(KG_NS)}


# --------------------------------------------------------------------------------------
# (1) KG and the ontology list the same terms
# --------------------------------------------------------------------------------------


def test_every_kg_term_is_declared_in_the_ontology():
    missing = sorted(KG_TERMS - declared_kg_terms())
    assert not missing, f"in KG but not declared in kgraph.ttl: {missing}"


def test_every_declared_kg_term_is_in_kg():
    extra = sorted(declared_kg_terms() - KG_TERMS)
    assert not extra, f"declared in kgraph.ttl but missing from KG: {extra}"


def test_every_kg_iri_the_ontology_uses_is_a_kg_term():
    """A misspelt kg: IRI in a domain, range or subclass axiom would mint a stray term."""
    stray = sorted(kg_iris_in(ontology()) - KG_TERMS)
    assert not stray, stray


def test_every_kg_iri_the_shapes_use_is_a_kg_term():
    """A shape on a misspelt property (kg:cameocode) would silently check nothing."""
    stray = sorted(kg_iris_in(shapes()) - KG_TERMS)
    assert not stray, stray


# --------------------------------------------------------------------------------------
# (2) labels and comments in English and Indonesian
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize("term", sorted(KG_TERMS), ids=lambda t: t.removeprefix(KG_NS))
@pytest.mark.parametrize("prop", [RDFS.label, RDFS.comment], ids=["label", "comment"])
def test_term_has_label_and_comment_in_english_and_indonesian(term, prop):
    values = [v for v in ontology().objects(term, prop) if isinstance(v, Literal)]
    languages = sorted(v.language or "" for v in values)
    assert languages == ["en", "id"], f"{term} {prop}: one @en and one @id wanted, got {languages}"
    assert all(str(v).strip() for v in values)


def test_ontology_header():
    g, onto = ontology(), URIRef(ONTOLOGY_IRI)
    assert (onto, RDF.type, OWL.Ontology) in g
    assert g.value(onto, OWL.versionInfo) is not None
    dcterms = "http://purl.org/dc/terms/"
    for name in ("title", "description", "license", "creator"):
        assert g.value(onto, URIRef(dcterms + name)) is not None, name
    assert str(g.value(onto, URIRef(dcterms + "creator"))) == "kgraph contributors"
    assert (onto, OWL.imports, None) not in g, "the ontology must load offline"


# --------------------------------------------------------------------------------------
# (3) parses, and is well-typed OWL
# --------------------------------------------------------------------------------------


def test_no_term_is_both_object_and_datatype_property():
    g = ontology()
    both = set(g.subjects(RDF.type, OWL.ObjectProperty)) & set(g.subjects(RDF.type, OWL.DatatypeProperty))
    assert not both, sorted(both)


def test_every_kg_term_has_exactly_one_kind():
    g = ontology()
    kinds = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, SKOS.Concept}
    for term in sorted(KG_TERMS):
        found = kinds & set(g.objects(term, RDF.type))
        assert len(found) == 1, (term, found)


def test_ranges_and_superproperties_keep_each_property_kind():
    """An object property ranges over classes, a datatype property over datatypes (OWL 2 DL)."""
    g = ontology()
    object_props = set(g.subjects(RDF.type, OWL.ObjectProperty))
    data_props = set(g.subjects(RDF.type, OWL.DatatypeProperty))
    classes = set(g.subjects(RDF.type, OWL.Class))
    datatypes = set(g.subjects(RDF.type, RDFS.Datatype)) | {RDFS.Literal, XSD.string, XSD.decimal, XSD.integer}
    wrong = []
    for props, ranges in ((object_props, classes), (data_props, datatypes)):
        for p in props:
            wrong += [(p, r) for r in g.objects(p, RDFS.range) if isinstance(r, URIRef) and r not in ranges]
            wrong += [(p, q) for q in g.objects(p, RDFS.subPropertyOf) if q not in props]
    assert not wrong, sorted(wrong)


def test_every_term_used_in_an_axiom_is_declared():
    """Domains, ranges, super-classes and super-properties resolve within the file (no owl:imports)."""
    g = ontology()
    known = declared(g) | set(g.subjects(RDF.type, RDFS.Datatype)) | {RDFS.Literal, XSD.string, XSD.decimal,
                                                                       XSD.integer}
    undeclared = set()
    for prop in (RDFS.subClassOf, RDFS.subPropertyOf, RDFS.domain, RDFS.range, OWL.disjointWith):
        for s, o in g.subject_objects(prop):
            undeclared |= {n for n in (s, o) if isinstance(n, URIRef) and n not in known}
    for union in g.objects(None, OWL.unionOf):
        undeclared |= {n for n in Collection(g, union) if n not in known}
    assert not undeclared, sorted(undeclared)


def test_properties_link_what_they_should():
    g = ontology()
    assert (KG.date, RDFS.range, XSD.date) in g
    assert (KG.date, RDFS.subPropertyOf, URIRef("http://semanticweb.cs.vu.nl/2009/11/sem/hasTimeStamp")) in g
    assert (KG.actor, RDFS.subPropertyOf, URIRef("http://semanticweb.cs.vu.nl/2009/11/sem/hasActor")) in g
    assert (KG.mention, RDFS.range, KG.Mention) in g
    assert (KG.quadClass, RDFS.range, KG.QuadClass) in g


def test_negated_action_is_disjoint_from_event_and_never_an_event():
    g = ontology()
    assert (KG.NegatedAction, OWL.disjointWith, KG.Event) in g
    supers = set(g.transitive_objects(KG.NegatedAction, RDFS.subClassOf))
    assert KG.Event not in supers
    assert URIRef("http://semanticweb.cs.vu.nl/2009/11/sem/Event") not in supers


def test_quad_classes_form_a_concept_scheme():
    g = ontology()
    schemes = set(g.subjects(RDF.type, SKOS.ConceptScheme))
    assert schemes == {QUAD_SCHEME, CAMEO_SCHEME}
    scheme = QUAD_SCHEME
    assert set(g.subjects(SKOS.inScheme, scheme)) == QUAD_CONCEPTS
    assert set(g.subjects(RDF.type, KG.QuadClass)) == QUAD_CONCEPTS
    assert sorted(str(g.value(c, SKOS.notation)) for c in QUAD_CONCEPTS) == ["1", "2", "3", "4"]


def test_cameo_scheme_is_declared_and_labelled():
    g = ontology()
    assert (CAMEO_SCHEME, RDF.type, SKOS.ConceptScheme) in g
    labels = sorted(v.language for v in g.objects(CAMEO_SCHEME, SKOS.prefLabel))
    assert labels == ["en", "id"]
    assert str(CAMEO).startswith(str(CAMEO_SCHEME) + "/"), "concepts live under the scheme's IRI"


def test_goldstein_may_sit_on_a_cameo_concept():
    """The builder writes kg:goldstein on cameo: concepts: the domain must allow it, or a
    reasoner would infer every CAMEO concept to be an event."""
    g = ontology()
    (domain,) = g.objects(KG.goldstein, RDFS.domain)
    assert set(Collection(g, g.value(domain, OWL.unionOf))) == {KG.Event, KG.NegatedAction, KG.CameoCode}


# --------------------------------------------------------------------------------------
# The builder writes only declared terms
# --------------------------------------------------------------------------------------


def test_every_class_and_predicate_the_builder_writes_is_declared():
    data = to_graph(full_extraction())
    run_node(data, IRIs(), "0" * 16, 1)
    builtin = {RDF.type, RDFS.label, RDFS.comment}
    used = set(data.predicates()) | set(data.objects(None, RDF.type))
    undeclared = sorted(used - declared(ontology()) - builtin)
    assert not undeclared, f"the builder writes terms kgraph.ttl does not declare: {undeclared}"
