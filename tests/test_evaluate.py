"""kgraph.evaluate: each matching rule on tiny gold + graph pairs, answers worked out by hand."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, RDFS

from kgraph.cli import cli
from kgraph.evaluate import PRF, Gold, Ratio, Scores, evaluate, norm, score_article

EX = Namespace("http://example.org/x#")  # any namespace works: matching is by local name
SCHEMA = Namespace("https://schema.org/")
XSD_DATE = URIRef("http://www.w3.org/2001/XMLSchema#date")
XSD_DATETIME = URIRef("http://www.w3.org/2001/XMLSchema#dateTime")

ENTITIES = {
    "armenia": {"type": "Country", "names": ["Armenia"]},
    "csto": {"type": "Organization", "names": ["CSTO", "Organisasi Perjanjian Keamanan Kolektif"]},
    "tokayev": {"type": "Person", "names": ["Kassym-Jomart Tokayev", "Tokayev"]},
    "pashinyan": {"type": "Person", "names": ["Nikol Pashinyan"], "role": "Perdana Menteri", "of": "armenia"},
}


def gold(**extra) -> Gold:
    return Gold.from_dict({"article": "a.txt", "entities": ENTITIES,
                           "optional": {"reuters": {"type": "Organization", "names": ["Reuters"]}},
                           "forbidden": ["Zelensky", "Baca"], **extra})


def node(g: Graph, key: str, cls: str, *labels: str) -> URIRef:
    g.add((EX[key], RDF.type, EX[cls]))
    for label in labels:
        g.add((EX[key], RDFS.label, Literal(label)))
    return EX[key]


def people(g: Graph) -> Graph:
    """All four gold entities, one node each."""
    node(g, "am", "Country", "Armenia")
    node(g, "csto", "Organization", "CSTO")
    node(g, "tok", "Person", "Tokayev")
    node(g, "pm", "Person", "Nikol Pashinyan")
    return g


def event(g: Graph, key: str, code: str, actors=(), targets=(), date: str = "", text: str = "") -> None:
    g.add((EX[key], RDF.type, EX.Event))
    g.add((EX[key], EX.cameoCode, Literal(code)))
    for a in actors:
        g.add((EX[key], EX.actor, EX[a]))
    for t in targets:
        g.add((EX[key], EX.target, EX[t]))
    if date:
        g.add((EX[key], EX.date, Literal(date, datatype=XSD_DATE)))
    if text:
        g.add((EX[key], EX.mention, EX[key + "_m"]))
        g.add((EX[key + "_m"], EX.anchorOf, Literal(text)))


# --- names ---------------------------------------------------------------------


@pytest.mark.parametrize(("a", "b"), [
    ("Kassym-Jomart Tokayev", "kassym jomart TOKAYEV"),
    ("Recep Tayyip Erdoğan", "Recep Tayyip Erdogan"),
    ("Kompas.com", "kompas com"),
    ("“Pashinyan”", "Pashinyan"),
])
def test_norm_ignores_case_accents_hyphens_punctuation(a: str, b: str) -> None:
    assert norm(a) == norm(b)


def test_norm_keeps_different_names_apart() -> None:
    assert norm("Armenia") != norm("Albania")


# --- entities ------------------------------------------------------------------


def test_entity_names_match_by_normal_form_and_alias_classes_count() -> None:
    g = Graph()
    node(g, "a", "Country", "ARMENIA")
    node(g, "b", "GovernmentOrganization", "csto")  # a subclass of Organization
    node(g, "c", "Person", "Kassym Jomart Tokayev")  # hyphen dropped
    s = score_article(gold(), g).scores
    assert s.entities == PRF(right=3, wrong=0, found=3, missed=1)  # Pashinyan missing
    assert (s.entities.precision, s.entities.recall) == (1.0, 0.75)
    assert s.typed_right == Ratio(3, 3)


def test_a_second_node_for_one_entity_is_a_duplicate_and_a_false_positive() -> None:
    g = people(Graph())
    node(g, "tok2", "Person", "Kassym-Jomart Tokayev")
    s = score_article(gold(), g).scores
    assert s.duplicates == 1
    # 4 gold found; 5 nodes of which 1 duplicate: P = 4/5, R = 4/4, F1 = 2*0.8*1/1.8
    assert s.entities.precision == pytest.approx(0.8)
    assert s.entities.recall == 1.0
    assert s.entities.f1 == pytest.approx(8 / 9)


def test_forbidden_names_are_contamination_and_optional_ones_are_neutral() -> None:
    g = people(Graph())
    node(g, "z", "Person", "Zelensky")  # forbidden: wrong and contamination
    node(g, "x", "Person", "Budi")  # unknown: wrong only
    node(g, "r", "Organization", "Reuters")  # optional: neither
    result = score_article(gold(), g)
    assert result.scores.contamination == 1
    assert result.scores.entities == PRF(right=4, wrong=2, found=4, missed=0)
    assert any("contamination" in n.text and "Zelensky" in n.text for n in result.notes)


def test_a_name_shared_with_an_optional_entity_goes_to_the_required_one() -> None:
    g = Graph()
    node(g, "t", "Person", "Tokayev")
    shared = gold(optional={"kz_office": {"type": "Organization", "names": ["Tokayev"]}})
    assert score_article(shared, g).scores.entities == PRF(right=1, wrong=0, found=1, missed=3)


def test_wrong_type_is_counted_and_noted() -> None:
    g = Graph()
    node(g, "a", "Place", "Armenia")
    result = score_article(gold(), g)
    assert result.scores.typed_right == Ratio(0, 1)
    assert any("type of armenia" in n.text for n in result.notes)


# --- events --------------------------------------------------------------------


def summit(**kw) -> dict:
    return {"id": "meet", "actor": ["tokayev"], "target": ["pashinyan"], "roots": ["04"], **kw}


def test_symmetric_event_fits_either_way_round() -> None:
    g = people(Graph())
    event(g, "e", "042", actors=["pm"], targets=["tok"])  # reversed
    assert score_article(gold(events=[summit(symmetric=True)]), g).scores.events == PRF(1, 0, 1, 0)
    assert score_article(gold(events=[summit()]), g).scores.events == PRF(0, 1, 0, 1)


def test_wrong_cameo_root_does_not_fit() -> None:
    g = people(Graph())
    event(g, "e", "190", actors=["tok"], targets=["pm"])
    assert score_article(gold(events=[summit()]), g).scores.events == PRF(0, 1, 0, 1)


def test_empty_target_list_accepts_any_target_or_none() -> None:
    g = people(Graph())
    event(g, "e1", "051", actors=["tok"])
    event(g, "e2", "051", actors=["tok"], targets=["am"])
    s = score_article(gold(events=[summit(target=[], roots=["05"])]), g).scores
    assert s.events == PRF(right=2, wrong=0, found=1, missed=0)


def test_allow_no_target_accepts_none_but_not_a_wrong_one() -> None:
    g = people(Graph())
    event(g, "e1", "043", actors=["tok"])
    event(g, "e2", "043", actors=["tok"], targets=["am"])
    s = score_article(gold(events=[summit(allow_no_target=True)]), g).scores
    assert s.events == PRF(right=1, wrong=1, found=1, missed=0)


def test_precision_counts_optional_events_recall_only_required_ones() -> None:
    g = people(Graph())
    event(g, "e1", "010", actors=["am"])  # fits the optional event
    event(g, "e2", "190", actors=["am"])  # fits nothing
    optional = [{"id": "say", "actor": ["armenia"], "target": [], "roots": ["01"]}]
    s = score_article(gold(events=[summit()], optional_events=optional), g).scores
    # P = 1/2, R = 0/1 (the required summit is missing), F1 = 0
    assert (s.events.precision, s.events.recall, s.events.f1) == (0.5, 0.0, 0.0)


def test_asserting_a_negated_event_is_an_error_whatever_its_target() -> None:
    g = people(Graph())
    event(g, "e", "042", actors=["pm"], targets=["csto"])
    negative = [{"id": "absent", "actor": ["pashinyan", "armenia"], "target": ["armenia"], "roots": ["04"]}]
    result = score_article(gold(negative_events=negative), g)
    assert result.scores.negation_errors == 1
    assert result.scores.events == PRF(right=0, wrong=1, found=0, missed=0)
    assert any("negated event" in n.text for n in result.notes)


def test_events_on_neutral_lines_are_neither_rewarded_nor_penalised() -> None:
    g = people(Graph())
    event(g, "e", "190", actors=["am"], text="Baca juga: Armenia diserang lagi")
    s = score_article(gold(neutral_lines=["Baca juga: Armenia diserang lagi"]), g).scores
    assert s.events == PRF()


def test_event_date_must_be_on_a_fitting_prediction() -> None:
    g = people(Graph())
    event(g, "e1", "040", actors=["tok"], targets=["pm"], date="2023-11-22")
    one = score_article(gold(events=[summit(date=dt.date(2023, 11, 23))]), g)
    assert one.scores.event_dates == Ratio(0, 1)
    assert any("2023-11-23 not found" in n.text for n in one.notes)
    event(g, "e2", "040", actors=["tok"], targets=["pm"], date="2023-11-23")
    assert score_article(gold(events=[summit(date="2023-11-23")]), g).scores.event_dates == Ratio(1, 1)


def test_weekday_fix_needs_the_resolved_date_anywhere_in_the_graph() -> None:
    checks = [{"written": "Kamis (14/8/2023)", "resolved": dt.date(2023, 9, 14)}]
    g = people(Graph())
    g.add((EX.x, EX.when, Literal("2023-08-14", datatype=XSD_DATE)))
    assert score_article(gold(date_checks=checks), g).scores.weekday_fixes == Ratio(0, 1)
    g.add((EX.y, EX.when, Literal("2023-09-14T10:00:00", datatype=XSD_DATETIME)))
    assert score_article(gold(date_checks=checks), g).scores.weekday_fixes == Ratio(1, 1)


# --- roles, quotes, counts, relations, metadata ----------------------------------


def test_role_needs_title_and_country_within_two_hops() -> None:
    g = people(Graph())
    g.add((EX.pm, EX.holds, EX.post))
    g.add((EX.post, RDFS.label, Literal("Perdana Menteri Armenia")))
    assert score_article(gold(), g).scores.roles == Ratio(0, 1)  # title, but no country
    g.add((EX.post, EX.postIn, EX.am))
    assert score_article(gold(), g).scores.roles == Ratio(1, 1)


def test_quote_needs_opening_words_and_a_gold_speaker() -> None:
    quotes = [{"starts": "Kami tidak akan", "speaker": ["pashinyan"]}]
    g = people(Graph())
    g.add((EX.q, RDF.type, EX.Quote))
    g.add((EX.q, EX.text, Literal("“Kami tidak akan hadir,” katanya.")))
    g.add((EX.q, EX.speaker, EX.tok))
    assert score_article(gold(quotes=quotes), g).scores.quotes == Ratio(0, 1)
    g.add((EX.q, EX.speaker, EX.pm))
    assert score_article(gold(quotes=quotes), g).scores.quotes == Ratio(1, 1)


def test_count_is_any_integer_literal_among_the_accepted_values() -> None:
    counts = [{"what": "troops", "value": 2000, "accept": [2000, 2001]},
              {"what": "dead", "value": 7, "accept": [7]}]
    g = people(Graph())
    g.add((EX.c, EX.quantity, Literal(2001)))
    g.add((EX.c, EX.note, Literal("7")))  # a string is not a count
    g.add((EX.c, EX.flag, Literal(True)))  # nor is a boolean, though Python's True == 1
    counts.append({"what": "one", "value": 1, "accept": [1]})
    assert score_article(gold(counts=counts), g).scores.counts == Ratio(1, 3)


def test_relation_by_local_name_between_gold_entities_optional_ones_skipped() -> None:
    relations = [{"subject": "armenia", "relation": "memberOf", "object": "csto"},
                 {"subject": "tokayev", "relation": "memberOf", "object": "csto", "optional": True}]
    g = people(Graph())
    g.add((EX.am, SCHEMA.memberOf, EX.csto))
    assert score_article(gold(relations=relations), g).scores.relations == Ratio(1, 1)


def test_article_metadata_headline_date_and_author_node() -> None:
    meta = {"headline": "KTT CSTO di Minsk", "published": dt.date(2023, 11, 23), "author": "Rizky Putri"}
    g = Graph()
    g.add((EX.art, RDF.type, SCHEMA.NewsArticle))
    g.add((EX.art, SCHEMA.headline, Literal("KTT CSTO di Minsk.")))
    g.add((EX.art, SCHEMA.datePublished, Literal("2023-11-23T09:00:00", datatype=XSD_DATETIME)))
    g.add((EX.art, SCHEMA.author, EX.writer))
    g.add((EX.writer, RDFS.label, Literal("Rizky Putri")))
    assert score_article(gold(meta=meta), g).scores.metadata == Ratio(3, 3)
    result = score_article(gold(meta={**meta, "author": "Someone Else"}), g)
    assert result.scores.metadata == Ratio(2, 3)


# --- sums, the corpus, the command ------------------------------------------------


def test_empty_checks_pass_and_empty_prf_is_zero() -> None:
    assert Ratio().value == 1.0
    assert (PRF().precision, PRF().recall, PRF().f1) == (0.0, 0.0, 0.0)
    one = Scores(roles=Ratio(1, 2), events=PRF(1, 1, 1, 0))
    total = one + Scores(roles=Ratio(1, 1), events=PRF(0, 1, 0, 1))
    assert total.roles == Ratio(2, 3) and total.events == PRF(1, 2, 1, 1)


def write_gold(folder: Path, article: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "g.yaml").write_text(json.dumps({"article": article, "entities": ENTITIES,
                                               "events": [summit()]}), encoding="utf-8")
    return folder


def test_an_article_that_cannot_be_built_is_a_build_failure_with_everything_missed(tmp_path: Path) -> None:
    report = evaluate(write_gold(tmp_path / "gold", "absent.txt"), tmp_path)
    s = report.total
    assert s.build_failures == 1
    assert s.entities == PRF(missed=4) and s.events == PRF(missed=1)
    assert report.articles[0].notes[0].kind == "error"


def test_eval_command_prints_the_table_and_exits_0(runner, tmp_path: Path) -> None:
    gold_dir = write_gold(tmp_path / "gold", "absent.txt")
    result = runner.invoke(cli, ["eval", "--gold", str(gold_dir), "--corpus", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "entities" in result.output and "build failures" in result.output
    data = json.loads(runner.invoke(cli, ["eval", "--gold", str(gold_dir), "--corpus", str(tmp_path),
                                          "--format", "json"]).output)
    assert data["metrics"]["build_failures"] == 1


def test_eval_command_has_help_and_fails_cleanly_without_gold(runner, tmp_path: Path) -> None:
    assert "precision/recall" in runner.invoke(cli, ["eval", "--help"]).output
    result = runner.invoke(cli, ["eval", "--gold", str(tmp_path / "none")])
    assert result.exit_code == 1


def test_an_integer_count_is_found_beside_an_equal_float() -> None:
    """3.0 == 3 and they hash alike: the float must not hide the count, whatever the order."""
    from kgraph.evaluate import GraphView, score_counts

    gold = Gold.from_dict({"article": "x.txt", "counts": [{"what": "injured", "value": 3, "accept": [3]}]})
    for first, second in [(Literal(3.0), Literal(3)), (Literal(3), Literal(3.0))]:
        g = Graph()
        g.add((URIRef("urn:a"), URIRef("urn:p"), first))
        g.add((URIRef("urn:b"), URIRef("urn:p"), second))
        scores, _ = score_counts(gold, GraphView(g))
        assert scores.counts.ok == 1
