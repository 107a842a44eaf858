"""kgraph.query and `kgraph query`: saved questions answer exactly on the fixture graph."""

from __future__ import annotations

import json
import threading
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import XSD

from kgraph import query as q
from kgraph.cli import cli
from kgraph.errors import QueryError
from kgraph.namespaces import DEFAULT_BASE, KG
from kgraph.store import load_dataset

DATA = Path(__file__).parent / "data"
FIXTURE = DATA / "fixture_graph.trig"
NS = q.namespaces()
KGD = DEFAULT_BASE

A, B = "kgd:article/aaaaaaaaaaaaaaaa", "kgd:article/bbbbbbbbbbbbbbbb"
PUTIN, ALIYEV = "kgd:person/vladimir-putin", "kgd:person/ilham-aliyev"
PASHINYAN = "kgd:person/nikol-pashinyan"
RU, AZ, AM, CSTO = "kgd:country/RU", "kgd:country/AZ", "kgd:country/AM", "kgd:org/csto"
CSTO_LABEL = "Organisasi Perjanjian Keamanan Kolektif"
E_CALL, E_SORRY = "kgd:event/aaaaaaaaaaaaaaaa-66-91-041", "kgd:event/aaaaaaaaaaaaaaaa-171-186-055"
E_FIRE, E_DENY = "kgd:event/aaaaaaaaaaaaaaaa-236-245-190", "kgd:event/aaaaaaaaaaaaaaaa-373-382-190"
E_AID, E_ACCUSE = "kgd:event/bbbbbbbbbbbbbbbb-69-84-023", "kgd:event/bbbbbbbbbbbbbbbb-179-186-112"
E_APPEAL, E_MEET = "kgd:event/bbbbbbbbbbbbbbbb-240-249-020", "kgd:event/bbbbbbbbbbbbbbbb-309-323-036"
S_CALL = ("Presiden Rusia Vladimir Putin berbicara melalui telepon dengan Presiden Azerbaijan "
          "Ilham Aliyev pada Kamis (21/9).")
S_SORRY = "Aliyev menyampaikan permintaan maaf kepada Putin."
S_FIRE = ("Kendaraan penjaga perdamaian Rusia ditembaki oleh pasukan Azerbaijan pada Rabu (20/9) "
          "di Nagorno-Karabakh.")
S_DENY = "Azerbaijan membantah sengaja menyerang pasukan Rusia."
S_AID = "Perdana Menteri Armenia Nikol Pashinyan meminta bantuan kepada CSTO pada Senin (26/9/2023)."
S_ACCUSE = "Pashinyan menuduh Azerbaijan melakukan pembersihan etnis."
S_APPEAL = "Armenia juga mengimbau Rusia untuk bertindak pada Minggu (24/9)."
S_MEET = "Rusia menyatakan siap berunding dengan Armenia."
H_A, H_B = "Putin dan Aliyev Bicara via Telepon", "Pashinyan Minta Bantuan CSTO"
C_A, C_B = "kgd:count/aaaaaaaaaaaaaaaa-323-342", "kgd:count/bbbbbbbbbbbbbbbb-351-366"


@pytest.fixture(scope="module")
def ds():
    return load_dataset([str(FIXTURE)])


def rows(answer: q.Answer) -> list[tuple[str, ...]]:
    return [tuple(q.short(t, NS) for t in row) for row in answer.rows]


def saved(ds, name: str, **params: str) -> list[tuple[str, ...]]:
    item = q.get_saved(name)
    bindings = q.parse_params([f"{k}={v}" for k, v in params.items()], item.text)
    return rows(q.run(ds, item.text, bindings, timeout=20))


# ---------------------------------------------------------------- the saved questions, row by row

EXPECTED: dict[str, list[tuple[str, ...]]] = {
    "help-requests": [
        ("2023-09-25", PASHINYAN, "Nikol Pashinyan", "023", CSTO, CSTO_LABEL, S_AID, E_AID),
        ("2023-09-24", AM, "Armenia", "020", RU, "Rusia", S_APPEAL, E_APPEAL),
    ],
    "dyad-events": [
        ("2023-09-20", AZ, "190", RU, S_FIRE, A, E_FIRE),
        ("2023-09-21", ALIYEV, "055", PUTIN, S_SORRY, A, E_SORRY),
        ("2023-09-21", PUTIN, "041", ALIYEV, S_CALL, A, E_CALL),
        ("2023-09-24", AM, "020", RU, S_APPEAL, B, E_APPEAL),
        ("2023-09-25", PASHINYAN, "112", AZ, S_ACCUSE, B, E_ACCUSE),
        ("2023-09-25", PASHINYAN, "023", CSTO, S_AID, B, E_AID),
        ("", RU, "036", AM, S_MEET, B, E_MEET),
    ],
    "posts": [
        (PASHINYAN, "Nikol Pashinyan", "Perdana Menteri", AM, "Armenia"),
        (ALIYEV, "Ilham Aliyev", "Presiden", AZ, "Azerbaijan"),
        (PUTIN, "Vladimir Putin", "Presiden", RU, "Rusia"),
    ],
    "members": [(CSTO, CSTO_LABEL, AM, "Armenia"), (CSTO, CSTO_LABEL, RU, "Rusia")],
    "quotes": [
        (PUTIN, "Vladimir Putin", "Keamanan warga Karabakh harus dijamin,", "2023-09-22", H_A, A),
        (PASHINYAN, "Nikol Pashinyan", "Kami tidak akan menyerah,", "2023-09-25", H_B, B),
        ("", "", "Situasi sangat genting,", "2023-09-25", H_B, B),
    ],
    "casualties": [
        (A, "2023-09-22", RU, "Rusia", "killed", "5", "5 personelnya tewas", "", C_A),
        (B, "2023-09-25", "", "", "killed", "200", "200 orang tewas", "", C_B),
    ],
    "on-day": [
        ("2023-09-20", AZ, "190", "Use conventional military force (ditembaki)", RU, S_FIRE, E_FIRE),
        ("2023-09-21", ALIYEV, "055", "Apologize (permintaan maaf)", PUTIN, S_SORRY, E_SORRY),
        ("2023-09-21", PUTIN, "041", "Discuss by telephone (berbicara melalui telepon)", ALIYEV, S_CALL,
         E_CALL),
        ("2023-09-24", AM, "020", "Appeal (mengimbau)", RU, S_APPEAL, E_APPEAL),
        ("2023-09-25", PASHINYAN, "112", "Accuse (menuduh)", AZ, S_ACCUSE, E_ACCUSE),
        ("2023-09-25", PASHINYAN, "023", "Appeal for aid (meminta bantuan)", CSTO, S_AID, E_AID),
    ],
    "articles-mentioning": [
        (AM, B, "2023-09-25", H_B, "1"),
        (AZ, A, "2023-09-22", H_A, "1"),
        (AZ, B, "2023-09-25", H_B, "1"),
        (RU, A, "2023-09-22", H_A, "1"),
        (RU, B, "2023-09-25", H_B, "1"),
        (CSTO, B, "2023-09-25", H_B, "1"),
        (ALIYEV, A, "2023-09-22", H_A, "2"),
        (PASHINYAN, B, "2023-09-25", H_B, "1"),
        (PUTIN, A, "2023-09-22", H_A, "1"),
        ("kgd:place/nagorno-karabakh", A, "2023-09-22", H_A, "1"),
    ],
    "central-actors": [
        (RU, "Rusia", "", "3"),
        (AM, "Armenia", "", "2"),
        (AZ, "Azerbaijan", "", "2"),
        (ALIYEV, "Ilham Aliyev", "", "2"),
        (PASHINYAN, "Nikol Pashinyan", "", "2"),
        (PUTIN, "Vladimir Putin", "", "2"),
        (CSTO, CSTO_LABEL, "", "1"),
    ],
    "dyad-cooperation": [
        (AM, RU, "2", "2", "0", "0", "0", "3.5"),
        (ALIYEV, PUTIN, "2", "2", "0", "0", "0", "4"),
        (AZ, RU, "1", "0", "0", "0", "1", "-10"),
        (AZ, PASHINYAN, "1", "0", "0", "1", "0", "-2"),
        (CSTO, PASHINYAN, "1", "1", "0", "0", "0", "3.4"),
    ],
    "date-corrections": [
        (B, "Senin (26/9/2023)", "2023-09-26", "2023-09-25",
         "26 September 2023 is a Tuesday, not a Monday; the weekday fits the publication date", E_AID),
    ],
    "entities-without-events": [("kgd:place/nagorno-karabakh", "kg:Place", "Nagorno-Karabakh")],
    "negated-actions": [(AZ, "190", RU, S_DENY, A, E_DENY)],
}


def test_at_least_twelve_saved_questions_each_stating_its_question():
    known = q.saved_queries()
    assert len(known) >= 12
    for item in known.values():
        assert item.text.startswith("# Question: "), item.name
        assert item.question.endswith(("?", ")")) or "?" in item.question, item.name
        for param in item.parameters:
            assert f"?{param}" in item.text.split("SELECT", 1)[1], (item.name, param)


def test_every_saved_question_has_expected_rows():
    assert set(EXPECTED) == set(q.saved_queries())


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_saved_question_rows(ds, name):
    assert saved(ds, name) == EXPECTED[name]


PARAMETERISED = [
    ("dyad-events", {"a": RU, "b": AZ}, [("2023-09-20", AZ, "190", RU, S_FIRE, A, E_FIRE)]),
    ("dyad-events", {"b": RU, "a": AZ}, [("2023-09-20", AZ, "190", RU, S_FIRE, A, E_FIRE)]),
    ("dyad-events", {"a": RU}, [
        ("2023-09-20", AZ, "190", RU, S_FIRE, A, E_FIRE),
        ("2023-09-24", AM, "020", RU, S_APPEAL, B, E_APPEAL),
        ("", RU, "036", AM, S_MEET, B, E_MEET),
    ]),
    ("help-requests", {"actor": AM}, [("2023-09-24", AM, "Armenia", "020", RU, "Rusia", S_APPEAL, E_APPEAL)]),
    ("help-requests", {"target": PUTIN}, []),
    ("on-day", {"day": "2023-09-21"}, EXPECTED["on-day"][1:3]),
    ("posts", {"in": RU}, [(PUTIN, "Vladimir Putin", "Presiden", RU, "Rusia")]),
    ("posts", {"person": ALIYEV}, [(ALIYEV, "Ilham Aliyev", "Presiden", AZ, "Azerbaijan")]),
    ("members", {"org": CSTO}, EXPECTED["members"]),
    ("members", {"org": RU}, []),
    ("quotes", {"person": PUTIN}, EXPECTED["quotes"][:1]),
    ("casualties", {"of": RU}, EXPECTED["casualties"][:1]),
    ("casualties", {"countType": "injured"}, []),
    ("articles-mentioning", {"entity": RU},
     [(RU, A, "2023-09-22", H_A, "1"), (RU, B, "2023-09-25", H_B, "1")]),
    ("dyad-cooperation", {"a": RU, "b": AZ}, [(AZ, RU, "1", "0", "0", "0", "1", "-10")]),
    ("dyad-cooperation", {"a": RU}, EXPECTED["dyad-cooperation"][0:1] + EXPECTED["dyad-cooperation"][2:3]),
    ("negated-actions", {"who": AZ}, EXPECTED["negated-actions"]),
    ("negated-actions", {"who": RU}, []),
]


@pytest.mark.parametrize(("name", "params", "expected"), PARAMETERISED)
def test_saved_question_with_parameters(ds, name, params, expected):
    assert saved(ds, name, **params) == expected


def test_central_actors_prefers_page_rank_when_present():
    graph = load_dataset([str(FIXTURE)])
    graph.add((URIRef(KGD + "org/csto"), KG.pageRank, Literal("0.4", datatype=XSD.decimal)))
    graph.add((URIRef(KGD + "country/AZ"), KG.pageRank, Literal("0.2", datatype=XSD.decimal)))
    top = saved(graph, "central-actors")[:3]
    assert top == [(CSTO, CSTO_LABEL, "0.4", "1"), (AZ, "Azerbaijan", "0.2", "2"), (RU, "Rusia", "", "3")]


# ---------------------------------------------------------------- parsing, parameters, limits


def test_syntax_error_gives_line_and_column():
    with pytest.raises(QueryError, match=r"line 3, column \d+"):
        q.parse("SELECT ?e\nWHERE {\n  ?e kg:actor }")


def test_unknown_prefix_is_an_error():
    with pytest.raises(QueryError, match="nope"):
        q.parse("SELECT * WHERE { ?s nope:p ?o }")


@pytest.mark.parametrize("text", [
    "INSERT DATA { kg:a kg:b kg:c }",
    "DELETE WHERE { ?s ?p ?o }",
    "PREFIX ex: <http://example.net/>\nDELETE { ?s ?p ?o } INSERT { ?s ex:q ?o } WHERE { ?s ?p ?o }",
    "LOAD <http://example.net/data.ttl>",
    "CLEAR ALL",
    "DROP GRAPH <http://example.net/g>",
])
def test_updates_are_refused(text):
    assert q.is_update(text)
    with pytest.raises(QueryError, match="read-only"):
        q.parse(text)


def test_a_query_is_not_an_update():
    assert not q.is_update("SELECT * WHERE { ?s ?p ?o }")


@pytest.mark.parametrize(("value", "expected"), [
    ("<https://w3id.org/kgraph/data/country/RU>", URIRef(KGD + "country/RU")),
    ("kgd:person/vladimir-putin", URIRef(KGD + "person/vladimir-putin")),
    ("kg:Event", KG.Event),
    ("2023-09-21", Literal("2023-09-21", datatype=XSD.date)),
    ("42", Literal("42", datatype=XSD.integer)),
    ("-3.5", Literal("-3.5", datatype=XSD.decimal)),
    ('"Rusia"@id', Literal("Rusia", lang="id")),
    ("killed", Literal("killed")),
    ("http://example.net/x", Literal("http://example.net/x")),
    ("nope:thing", Literal("nope:thing")),
    ("} ; DROP ALL", Literal("} ; DROP ALL")),
    ("<not an iri>", QueryError),
])
def test_parse_value(value, expected):
    if expected is QueryError:
        with pytest.raises(QueryError):
            q.parse_value(value)
    else:
        assert q.parse_value(value) == expected


def test_parameters_are_bound_not_pasted(ds):
    text = "SELECT ?code WHERE { ?e kg:cameoCode ?code ; kg:actor ?who } ORDER BY ?code"
    with pytest.raises(QueryError, match="not a valid IRI"):
        q.parse_params(['who=kgd:country/AZ } UNION { ?e kg:cameoCode ?code'], text)
    hostile = q.parse_params(['who=AZ" } UNION { ?e kg:cameoCode ?code } #'], text)
    assert rows(q.run(ds, text, hostile)) == []
    assert rows(q.run(ds, text, q.parse_params(["who=kgd:country/AZ"], text))) == [("190",), ("190",)]


@pytest.mark.parametrize("pair", ["noequals", "bad name=x", "=x"])
def test_malformed_param(pair):
    with pytest.raises(QueryError, match="bad --param"):
        q.parse_params([pair], "SELECT * WHERE { ?s ?p ?o }")


def test_param_not_in_query():
    with pytest.raises(QueryError, match=r"\?actor is not used"):
        q.parse_params(["actor=kgd:x"], "SELECT * WHERE { ?s ?p ?o }")


def test_unknown_saved_name_lists_known_ones():
    with pytest.raises(QueryError) as info:
        q.get_saved("who-is-who")
    assert "who-is-who" in str(info.value)
    assert "dyad-events" in str(info.value) and "help-requests" in str(info.value)


def test_timeout_stops_the_query_and_its_thread(ds):
    before = threading.active_count()
    start = time.monotonic()
    with pytest.raises(q.QueryTimeout, match=r"time limit of 0\.5 s"):
        q.run(ds, "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }", timeout=0.5)
    assert time.monotonic() - start < 2
    deadline = time.monotonic() + 5
    while threading.active_count() > before and time.monotonic() < deadline:
        time.sleep(0.05)
    assert threading.active_count() == before, "the worker thread kept running"


def test_errors_in_the_worker_reach_the_caller():
    with pytest.raises(ZeroDivisionError):
        q.run_with_timeout(lambda: 1 / 0, 5)


def test_evaluation_failures_become_query_errors(ds, monkeypatch):
    def broken(*args):
        raise RuntimeError("inner trouble")

    monkeypatch.setattr(q, "evaluate", broken)
    with pytest.raises(QueryError, match="RuntimeError: inner trouble"):
        q.run(ds, "ASK {}")


def test_row_limit_refuses_rather_than_truncates(ds):
    text = "SELECT ?e WHERE { ?e kg:cameoCode ?c }"
    assert len(q.run(ds, text, max_rows=8).rows) == 8
    with pytest.raises(q.TooManyRows, match="more than 7 rows"):
        q.run(ds, text, max_rows=7)


def test_row_limit_applies_to_graphs(ds):
    with pytest.raises(q.TooManyRows, match="triples"):
        q.run(ds, "CONSTRUCT { ?e kg:actor ?a } WHERE { ?e kg:actor ?a }", max_rows=3)


# ---------------------------------------------------------------- formats


@pytest.fixture(scope="module")
def select(ds):
    text = "SELECT ?e ?code ?date WHERE { ?e kg:cameoCode ?code . OPTIONAL { ?e kg:date ?date } } ORDER BY ?e"
    return q.run(ds, text)


def test_json_results(select):
    doc = json.loads(q.to_json(select))
    assert doc["head"]["vars"] == ["e", "code", "date"]
    first = doc["results"]["bindings"][0]
    assert first["e"] == {"type": "uri", "value": KGD + "event/aaaaaaaaaaaaaaaa-171-186-055"}
    assert first["date"] == {"type": "literal", "value": "2023-09-21", "datatype": str(XSD.date)}
    undated = next(b for b in doc["results"]["bindings"] if b["code"]["value"] == "036")
    assert "date" not in undated


def test_csv_and_tsv(select):
    csv_text = q.to_csv(select)
    first = KGD + "event/aaaaaaaaaaaaaaaa-171-186-055,055,2023-09-21"
    assert csv_text.startswith("e,code,date\r\n" + first + "\r\n")
    tsv = q.to_tsv(select).splitlines()
    assert tsv[0] == "?e\t?code\t?date"
    assert tsv[1] == f'<{KGD}event/aaaaaaaaaaaaaaaa-171-186-055>\t"055"\t"2023-09-21"^^<{XSD.date}>'


def test_xml_results(select):
    root = ET.fromstring(q.to_xml(select))
    ns = {"r": "http://www.w3.org/2005/sparql-results#"}
    assert [v.get("name") for v in root.findall("r:head/r:variable", ns)] == ["e", "code", "date"]
    assert len(root.findall("r:results/r:result", ns)) == 8


def test_xml_escapes_text():
    answer = q.Answer("SELECT", ("x",), ((Literal("<a & 'b'>"),),))
    assert ET.fromstring(q.to_xml(answer)).find(".//{*}literal").text == "<a & 'b'>"


def test_table_is_aligned_and_shortened(select):
    lines = q.to_table(select).splitlines()
    assert lines[0].split() == ["e", "code", "date"]
    assert lines[2].startswith("kgd:event/aaaaaaaaaaaaaaaa-171-186-055  055   2023-09-21")


def test_ask_in_every_format(ds):
    yes = q.run(ds, "ASK { ?e a kg:NegatedAction }")
    assert json.loads(q.to_json(yes)) == {"head": {}, "boolean": True}
    assert q.to_csv(yes) == "true\r\n"
    assert q.to_table(q.run(ds, "ASK { ?e a kg:Run }")) == "no\n"
    assert ET.fromstring(q.to_xml(yes)).find("{*}boolean").text == "true"


def test_construct_as_turtle(ds):
    answer = q.run(ds, "CONSTRUCT { ?e kg:actor ?a } WHERE { ?e a kg:NegatedAction ; kg:actor ?a }")
    graph = Graph().parse(data=q.render(answer, "turtle"), format="turtle")
    event = URIRef(KGD + "event/aaaaaaaaaaaaaaaa-373-382-190")
    assert set(graph) == {(event, KG.actor, URIRef(KGD + "country/AZ"))}
    with pytest.raises(QueryError, match="graph"):
        q.render(answer, "csv")


def test_turtle_refused_for_select(select):
    with pytest.raises(QueryError, match="CONSTRUCT"):
        q.render(select, "turtle")


# ---------------------------------------------------------------- the command line


def invoke(*args: str):
    return CliRunner().invoke(cli, ["query", *args])


def test_cli_saved_question_table():
    result = invoke(str(FIXTURE), "--saved", "members")
    assert result.exit_code == 0, result.output
    assert "kgd:org/csto" in result.stdout and "Armenia" in result.stdout
    assert "2 row(s)" in result.stderr


def test_cli_param_and_csv():
    result = invoke(str(FIXTURE), "--saved", "on-day", "--param", "day=2023-09-24", "-f", "csv")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[1].startswith("2023-09-24," + KGD + "country/AM,020,")


def test_cli_query_from_file_and_folder(tmp_path):
    (tmp_path / "q.rq").write_text("SELECT (COUNT(*) AS ?n) WHERE { ?q a kg:Quote }", encoding="utf-8")
    folder = tmp_path / "graphs"
    folder.mkdir()
    (folder / "g.trig").write_bytes(FIXTURE.read_bytes())
    result = invoke(str(folder), f"@{tmp_path / 'q.rq'}", "-f", "tsv")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[1].startswith('"3"')


def test_cli_list():
    result = invoke("--list")
    assert result.exit_code == 0
    assert "help-requests\n    Who asked whom for help, and when?" in result.stdout
    assert "parameters: ?a ?b" in result.stdout


def test_cli_syntax_error_exit_1():
    result = invoke(str(FIXTURE), "SELECT ?x WHERE {\n  ?x kg:actor\n}")
    assert result.exit_code == 1
    assert "line 3, column" in result.stderr or "line 2, column" in result.stderr
    assert "Traceback" not in result.output


def test_cli_unknown_saved_exit_1():
    result = invoke(str(FIXTURE), "--saved", "nope")
    assert result.exit_code == 1
    assert "known: articles-mentioning" in result.stderr


def test_cli_update_refused():
    result = invoke(str(FIXTURE), "DELETE WHERE { ?s ?p ?o }")
    assert result.exit_code == 1
    assert "read-only" in result.stderr


def test_cli_timeout_says_so():
    result = invoke(str(FIXTURE), "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }", "--timeout", "0.5")
    assert result.exit_code == 1
    assert "time limit" in result.stderr


def test_cli_usage_errors_exit_2():
    assert invoke().exit_code == 2
    assert invoke(str(FIXTURE)).exit_code == 2
    assert invoke("--saved", "members").exit_code == 2


def test_cli_missing_graph_exit_1(tmp_path):
    result = invoke(str(tmp_path / "missing.ttl"), "ASK {}")
    assert result.exit_code == 1


# ---------------------------------------------------------------- smoke: a graph from `kgraph build`

ARTICLE = """Menlu Retno Bertemu Menlu Australia di Jakarta

Jakarta, CNN Indonesia -- Menteri Luar Negeri Indonesia Retno Marsudi bertemu Menteri Luar Negeri \
Australia Penny Wong di Jakarta pada Senin (4/9/2023) untuk membahas kerja sama kawasan.

Retno meminta Australia membantu pengungsi Rohingya di Aceh. Indonesia dan Australia adalah \
anggota ASEAN Regional Forum.

"Kita harus bekerja sama menjaga perdamaian kawasan," kata Retno kepada wartawan.

Wong menyatakan Australia siap memberikan bantuan kemanusiaan senilai 5 juta dolar.
"""


def test_every_saved_question_runs_on_a_built_graph(tmp_path, ds):
    article = tmp_path / "artikel.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "built.trig"
    result = CliRunner().invoke(cli, ["build", str(article), "-o", str(out)])
    assert result.exit_code == 0, result.output
    built = load_dataset([str(out)])
    assert len(built) > 0
    for name, item in q.saved_queries().items():
        answer = q.run(built, item.text, timeout=20)
        assert answer.variables == q.run(ds, item.text).variables, name
        assert answer.variables, name


@pytest.mark.parametrize("base", ["not an iri", "", "kgd"])
def test_cli_bad_base_is_a_usage_error(base):
    result = invoke(str(FIXTURE), "--base", base, "ASK {}")
    assert result.exit_code == 2, result.output
    assert "not an absolute IRI" in result.output
