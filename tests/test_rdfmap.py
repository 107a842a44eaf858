"""kgraph.rdfmap: base IRIs, the links it derives (kg:casualties, kg:dateCorrection), typed
CAMEO concepts and post labels, on hand-made model objects."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS, XSD

from kgraph import query as q
from kgraph.errors import BadBaseIRI, KgraphError
from kgraph.model import (
    ArticleMeta,
    Body,
    Count,
    DateCorrection,
    Document,
    Entity,
    EntityType,
    Event,
    EventDate,
    Extraction,
    Mention,
    Post,
    Quantity,
    Segmented,
    Sentence,
    Span,
)
from kgraph.namespaces import CAMEO, CAMEO_SCHEME, DEFAULT_BASE, KG, ONTOLOGY_IRI, ORG
from kgraph.pipeline import to_dataset
from kgraph.rdfmap import (
    IRIs,
    cameo_concept,
    casualty_links,
    check_base,
    date_correction_links,
    post_labels,
    to_graph,
)

# Invented for this test.
TEXT = (
    "Pasukan Israel menyerang kamp di Gaza pada Senin (9/10/2023) dan menewaskan 12 orang. "
    "Presiden Rusia Vladimir Putin menyerukan gencatan senjata. "
    "Israel membantah menyerang rumah sakit yang menewaskan 500 orang. "
    "Sekjen PBB Antonio Guterres mengecam serangan itu."
)
KGD = DEFAULT_BASE


def span(needle: str, start: int = 0) -> Span:
    begin = TEXT.index(needle, start)
    return Span.of(TEXT, begin, begin + len(needle))


def sentence(needle: str) -> Span:
    at = TEXT.index(needle)
    begin = TEXT.rfind(". ", 0, at)
    begin = 0 if begin == -1 else begin + 2
    return Span.of(TEXT, begin, TEXT.index(".", at) + 1)


S_ATTACK, S_CALL = sentence("menyerang kamp"), sentence("menyerukan")
S_DENY, S_UN = sentence("membantah"), sentence("mengecam")
WRITTEN = span("Senin (9/10/2023)")
ATTACK = Event("190", ("country/IL",), ("place/gaza",), span("menyerang"), S_ATTACK,
               date=EventDate(dt.date(2023, 10, 9), "corrected", WRITTEN))
KILLED = Event("200", ("country/IL",), (), span("menewaskan"), S_ATTACK)  # mass violence, the nearer trigger
CALL = Event("020", ("person/vladimir-putin",), (), span("menyerukan"), S_CALL,
             date=EventDate(dt.date(2023, 10, 9), "context", WRITTEN))
DENIED = Event("190", ("country/IL",), (), span("menyerang", S_DENY.begin), S_DENY, negated=True)
CONDEMN = Event("112", ("person/antonio-guterres",), ("country/IL",), span("mengecam"), S_UN)
COUNT = Count("killed", 12, None, span("12 orang"), S_ATTACK)
DENIED_COUNT = Count("killed", 500, None, span("500 orang"), S_DENY)
FIX = DateCorrection(WRITTEN, dt.date(2023, 10, 9), dt.date(2023, 10, 9), "test")


def entity(key: str, kind: EntityType, label: str, mention: str, english: str | None = None,
           posts: tuple[Post, ...] = ()) -> Entity:
    return Entity(key, kind, label, mentions=(Mention(span(mention), key, "test"),), english=english, posts=posts)


ENTITIES = (
    entity("country/IL", EntityType.COUNTRY, "Israel", "Israel"),
    entity("country/RU", EntityType.COUNTRY, "Rusia", "Rusia", "Russia"),
    entity("place/gaza", EntityType.PLACE, "Gaza", "Gaza"),
    entity("org/pbb", EntityType.ORGANIZATION, "Perserikatan Bangsa-Bangsa", "PBB", "United Nations"),
    entity("person/vladimir-putin", EntityType.PERSON, "Vladimir Putin", "Vladimir Putin",
           posts=(Post("Presiden", "country/RU", span("Presiden Rusia")),)),
    entity("person/antonio-guterres", EntityType.PERSON, "Antonio Guterres", "Antonio Guterres",
           posts=(Post("Sekretaris Jenderal", "org/pbb", span("Sekjen PBB")),)),
)


def extraction(**fields) -> Extraction:
    doc = Document("test.txt", TEXT, hashlib.sha256(TEXT.encode()).hexdigest(), "text/plain")
    body = Body(doc, TEXT, (Span.of(TEXT, 0, len(TEXT)),), ArticleMeta())
    sentences = tuple(Sentence(s, 0) for s in (S_ATTACK, S_CALL, S_DENY, S_UN))
    defaults = {"entities": ENTITIES, "events": (ATTACK, KILLED, CALL, DENIED, CONDEMN),
                "counts": (COUNT, DENIED_COUNT), "date_corrections": (FIX,)}
    return Extraction(Segmented(body, sentences), **{**defaults, **fields})


def aid() -> str:
    return hashlib.sha256(TEXT.encode()).hexdigest()[:16]


def node(kind: str, s: Span, extra: str = "") -> URIRef:
    return URIRef(f"{KGD}{kind}/{aid()}-{s.begin}-{s.end}{extra}")


# ---------------------------------------------------------------- the base IRI


@pytest.mark.parametrize("base", ["not an iri", "", "data/", "https://data.example.id/a b/", "HTTPS://x/",
                                  "https://x/<y>", "https:"])
def test_a_bad_base_is_a_coded_error_not_a_value_error(base):
    with pytest.raises(BadBaseIRI) as info:
        IRIs(base)
    assert info.value.code == "E202"
    assert str(info.value).startswith("error[E202]: base IRI")
    assert "\n" not in str(info.value)


def test_a_bad_base_fails_cleanly_through_the_library_entry_points():
    with pytest.raises(KgraphError, match="E202"):
        to_graph(extraction(), base="no scheme/")
    with pytest.raises(KgraphError, match="E202"):
        to_dataset([extraction()], base="no scheme/")


@pytest.mark.parametrize(("base", "prefix"), [
    ("https://data.example.id/", "https://data.example.id/"),
    ("https://data.example.id/kg", "https://data.example.id/kg/"),
    ("https://data.example.id/kg#", "https://data.example.id/kg#"),
])
def test_good_bases_prefix_every_instance_iri(base, prefix):
    assert check_base(base) == base
    g = to_graph(extraction(), base=base)
    vocabularies = ("http://", "https://schema.org/", ONTOLOGY_IRI, str(CAMEO_SCHEME))
    minted = {str(n) for t in g for n in t if isinstance(n, URIRef) and not str(n).startswith(vocabularies)}
    assert minted and all(n.startswith(prefix) for n in minted), sorted(minted)[:5]


# ---------------------------------------------------------------- kg:casualties


def test_a_count_in_a_violent_events_sentence_goes_to_the_nearest_such_event():
    # "menewaskan" (200) is nearer "12 orang" than "menyerang" (190)
    assert casualty_links([ATTACK, KILLED, CALL], [COUNT]) == [(COUNT, KILLED)]
    assert casualty_links([ATTACK, CALL], [COUNT]) == [(COUNT, ATTACK)]


@pytest.mark.parametrize("code", ["145", "14", "180", "1823", "195", "202"])
def test_protest_assault_fight_and_mass_violence_take_counts(code):
    assert casualty_links([dataclasses.replace(ATTACK, cameo=code)], [COUNT]) == [
        (COUNT, dataclasses.replace(ATTACK, cameo=code))]


@pytest.mark.parametrize("code", ["020", "112", "173", "150"])
def test_other_events_take_no_counts(code):
    assert casualty_links([dataclasses.replace(ATTACK, cameo=code)], [COUNT]) == []


def test_a_denied_attack_takes_no_count_and_other_sentences_do_not_count():
    assert casualty_links([DENIED], [DENIED_COUNT]) == []
    assert casualty_links([ATTACK], [DENIED_COUNT]) == []
    assert casualty_links([], [COUNT]) == []


def test_casualty_links_in_the_graph():
    g = to_graph(extraction())
    links = set(g.subject_objects(KG.casualties))
    assert links == {(node("event", KILLED.trigger, "-200"), node("count", COUNT.span))}
    for event, count in links:
        assert (event, RDF.type, KG.Event) in g
        assert (count, RDF.type, KG.CasualtyCount) in g


def test_the_casualties_question_names_the_event():
    ds = Dataset(default_union=True)
    ds.graph(URIRef(KGD + "graph/test")).__iadd__(to_graph(extraction()))
    answer = q.run(ds, q.get_saved("casualties").text)
    by_value = {int(row[answer.variables.index("value")]): row[answer.variables.index("event")]
                for row in answer.rows}
    assert by_value == {12: node("event", KILLED.trigger, "-200"), 500: None}


# ---------------------------------------------------------------- kg:dateCorrection


def test_an_event_dated_by_a_corrected_date_points_at_the_correction():
    assert date_correction_links([ATTACK, KILLED, CALL], [FIX]) == [(ATTACK, FIX)]


def test_no_link_without_the_corrected_rule_or_without_overlap():
    inherited = CALL  # rule "context": the date came from another sentence
    elsewhere = dataclasses.replace(ATTACK, date=EventDate(dt.date(2023, 10, 9), "corrected", span("Gaza")))
    no_span = dataclasses.replace(ATTACK, date=EventDate(dt.date(2023, 10, 9), "corrected"))
    assert date_correction_links([inherited, elsewhere, no_span], [FIX]) == []


def test_overlap_not_equality_decides():
    partly = dataclasses.replace(ATTACK, date=EventDate(dt.date(2023, 10, 9), "corrected", span("(9/10/2023)")))
    assert date_correction_links([partly], [FIX]) == [(partly, FIX)]


def test_date_correction_link_in_the_graph():
    g = to_graph(extraction())
    assert set(g.subject_objects(KG.dateCorrection)) == {
        (node("event", ATTACK.trigger, "-190"), node("datefix", FIX.written))}
    assert (node("datefix", FIX.written), RDF.type, KG.DateCorrection) in g


# ---------------------------------------------------------------- cameo: concepts


def test_every_cameo_concept_is_a_labelled_concept_of_the_scheme():
    g = to_graph(extraction())
    concepts = set(g.objects(None, KG.cameoConcept))
    assert concepts == {CAMEO["190"], CAMEO["200"], CAMEO["020"], CAMEO["112"]}
    for concept in concepts:
        assert set(g.objects(concept, RDF.type)) == {SKOS.Concept, KG.CameoCode}
        assert (concept, SKOS.inScheme, CAMEO_SCHEME) in g
        assert sorted(lit.language for lit in g.objects(concept, SKOS.prefLabel)) == ["en", "id"]
        assert g.value(concept, SKOS.notation) == Literal(concept.removeprefix(str(CAMEO)))
    assert (CAMEO_SCHEME, RDF.type, SKOS.ConceptScheme) in g


def test_cameo_concept_values_follow_the_code_book():
    g = to_graph(extraction())
    assert g.value(CAMEO["190"], KG.goldstein) == Literal("-10.0", datatype=XSD.decimal)
    assert g.value(CAMEO["020"], KG.goldstein) == Literal("3.0", datatype=XSD.decimal)
    assert Literal("Use conventional military force", lang="en") in set(g.objects(CAMEO["190"], SKOS.prefLabel))
    # every event's own Goldstein value is its concept's
    for event, concept in g.subject_objects(KG.cameoConcept):
        assert g.value(event, KG.goldstein) == g.value(concept, KG.goldstein)


def test_root_codes_are_labelled_in_sentence_case():
    g = to_graph(extraction(events=(dataclasses.replace(ATTACK, cameo="19"),)))
    assert Literal("Fight", lang="en") in set(g.objects(CAMEO["19"], SKOS.prefLabel))
    (label,) = (lit for lit in g.objects(None, RDFS.label) if lit.language == "en" and "menyerang" in lit)
    assert str(label) == "Fight (menyerang)"


def test_a_code_outside_the_code_book_is_typed_but_not_labelled():
    g = Graph()
    concept = cameo_concept(g, "0999")
    assert (concept, RDF.type, KG.CameoCode) in g
    assert g.value(concept, SKOS.prefLabel) is None


# ---------------------------------------------------------------- post labels


def test_post_labels_name_the_country_as_the_lexicon_does():
    g = to_graph(extraction())
    post = URIRef(KGD + "post/presiden--country-RU")
    assert set(g.objects(post, RDFS.label)) == {Literal("Presiden Rusia", lang="id"),
                                                 Literal("President of Russia", lang="en")}
    assert g.value(post, SKOS.prefLabel) == Literal("Presiden", lang="id")
    assert (post, ORG.postIn, URIRef(KGD + "country/RU")) in g
    assert not any("(RU)" in str(lit) for lit in g.objects(None, RDFS.label))


def test_post_labels_of_an_organisation_use_its_entity():
    post = Post("Sekretaris Jenderal", "org/pbb", span("Sekjen PBB"))
    entities = {e.key: e for e in ENTITIES}
    assert post_labels(post, entities) == ("Sekretaris Jenderal Perserikatan Bangsa-Bangsa",
                                           "Secretary-General of United Nations")


def test_post_labels_without_the_holder_in_the_article_use_the_gazetteer():
    post = Post("Perdana Menteri", "country/AM", span("Presiden"))
    assert post_labels(post, {}) == ("Perdana Menteri Armenia", "Prime Minister of Armenia")
    assert post_labels(Post("Menteri Luar Negeri", "country/ID", span("Presiden")), {}) == (
        "Menteri Luar Negeri Indonesia", "Minister of Foreign Affairs of Indonesia")


def test_post_labels_when_the_holder_or_the_title_is_unknown():
    assert post_labels(Post("Presiden", "org/unknown", span("Presiden")), {}) == ("Presiden", None)
    assert post_labels(Post("Presiden", None, span("Presiden")), {}) == ("Presiden", "President")
    assert post_labels(Post("Tetua Adat", "country/RU", span("Presiden")), {}) == ("Tetua Adat Rusia", None)


def test_a_quantity_is_a_schema_quantitative_value_with_its_unit_and_evidence():
    from kgraph.namespaces import NIF, SCHEMA
    quantity = Quantity(500, "orang", span("500 orang"), S_DENY)
    g = to_graph(extraction(quantities=(quantity,)))
    (q_node,) = set(g.subjects(RDF.type, KG.Quantity))
    assert q_node == node("quantity", quantity.span)
    assert g.value(q_node, SCHEMA.value) == Literal(500, datatype=XSD.integer)
    assert g.value(q_node, SCHEMA.unitText) == Literal("orang")
    assert str(g.value(g.value(q_node, KG.mention), NIF.anchorOf)) == "500 orang"
