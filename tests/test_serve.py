"""`kgraph serve` as a real SPARQL 1.1 endpoint, with SPARQLWrapper as the client."""

from __future__ import annotations

import html
import re
import socket
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph, Literal, URIRef
from SPARQLWrapper import CSV, JSON, POST, TSV, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

from kgraph import query as q
from kgraph.cli import cli
from kgraph.errors import ServeError
from kgraph.namespaces import DEFAULT_BASE, KG
from kgraph.serve import SparqlServer, choose_type, make_server, negotiate, render_page
from kgraph.store import load_dataset

FIXTURE = Path(__file__).parent / "data" / "fixture_graph.trig"
KGD = DEFAULT_BASE


def start(ds: Dataset, **limits) -> Iterator[str]:
    server = make_server(ds, "127.0.0.1", 0, **limits)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.url + "sparql"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def endpoint() -> Iterator[str]:
    yield from start(load_dataset([str(FIXTURE)]), timeout=10, max_rows=12)


def client(url: str, text: str, fmt: str = JSON, method: str = "GET") -> SPARQLWrapper:
    sparql = SPARQLWrapper(url)
    sparql.setQuery(text)
    sparql.setReturnFormat(fmt)
    sparql.setMethod(method)
    sparql.setTimeout(30)
    return sparql


def http(url: str, data: bytes | None = None, headers: dict[str, str] | None = None) -> tuple[int, str, str]:
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers.get("Content-Type", ""), response.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers.get("Content-Type", ""), exc.read().decode()


ASK_SELECT = "SELECT ?event ?code WHERE { ?event a kg:Event ; kg:cameoCode ?code . FILTER(?code < \"050\") }"


def test_select_json_over_get_and_post(endpoint):
    for method in ("GET", POST):
        result = client(endpoint, ASK_SELECT + " ORDER BY ?code", JSON, method).queryAndConvert()
        assert result["head"]["vars"] == ["event", "code"]
        codes = [b["code"]["value"] for b in result["results"]["bindings"]]
        assert codes == ["020", "023", "036", "041"], method
        assert result["results"]["bindings"][0]["event"]["type"] == "uri"


def test_every_saved_question_through_the_endpoint(endpoint):
    ds = load_dataset([str(FIXTURE)])
    for name, item in q.saved_queries().items():
        result = client(endpoint, item.text, JSON, POST).queryAndConvert()
        local = q.run(ds, item.text)
        names = result["head"]["vars"]
        got = [[b.get(v, {}).get("value", "") for v in names] for b in result["results"]["bindings"]]
        want = [["" if t is None else str(t) for t in row] for row in local.rows]
        assert result["head"]["vars"] == list(local.variables), name
        assert got == want, name


def test_select_xml(endpoint):
    doc = client(endpoint, ASK_SELECT, XML).queryAndConvert()
    literals = sorted(node.firstChild.data for node in doc.getElementsByTagName("literal"))
    assert literals == ["020", "023", "036", "041"]


def test_select_csv_and_tsv(endpoint):
    text = client(endpoint, ASK_SELECT + " ORDER BY ?code", CSV).queryAndConvert().decode()
    lines = text.splitlines()
    assert lines[0] == "event,code"
    assert lines[1] == f"{KGD}event/bbbbbbbbbbbbbbbb-240-249-020,020"
    tsv = client(endpoint, ASK_SELECT + " ORDER BY ?code", TSV).queryAndConvert().decode().splitlines()
    assert tsv[0] == "?event\t?code"
    assert tsv[1] == f'<{KGD}event/bbbbbbbbbbbbbbbb-240-249-020>\t"020"'


def test_ask(endpoint):
    assert client(endpoint, "ASK { ?x a kg:NegatedAction }").queryAndConvert()["boolean"] is True
    assert client(endpoint, "ASK { ?x a kg:Run }", XML).queryAndConvert().getElementsByTagName(
        "boolean")[0].firstChild.data == "false"


def test_construct_as_turtle(endpoint):
    text = "CONSTRUCT { ?e kg:actor ?a } WHERE { ?e a kg:NegatedAction ; kg:actor ?a }"
    body = client(endpoint, text, TURTLE).queryAndConvert()
    graph = Graph().parse(data=body, format="turtle")
    event = URIRef(KGD + "event/aaaaaaaaaaaaaaaa-373-382-190")
    assert set(graph) == {(event, KG.actor, URIRef(KGD + "country/AZ"))}


def test_describe_negotiates_turtle(endpoint):
    url = endpoint + "?" + urllib.parse.urlencode({"query": f"DESCRIBE <{KGD}org/csto>"})
    status, media, body = http(url, headers={"Accept": "text/turtle"})
    assert (status, media) == (200, "text/turtle; charset=utf-8")
    assert (URIRef(KGD + "org/csto"), None, None) in Graph().parse(data=body, format="turtle")


def test_insert_is_refused(endpoint):
    sparql = client(endpoint, "INSERT DATA { <urn:x> <urn:y> <urn:z> }", JSON, POST)
    with pytest.raises(urllib.error.HTTPError) as info:
        sparql.query()
    assert info.value.code == 403
    assert client(endpoint, "ASK { <urn:x> ?p ?o }").queryAndConvert()["boolean"] is False


@pytest.mark.parametrize(("data", "media"), [
    (b"INSERT DATA { <urn:x> <urn:y> <urn:z> }", "application/sparql-update"),
    (b"DELETE WHERE { ?s ?p ?o }", "application/sparql-query"),
    (urllib.parse.urlencode({"query": "CLEAR ALL"}).encode(), "application/x-www-form-urlencoded"),
    (urllib.parse.urlencode({"update": "DROP ALL"}).encode(), "application/x-www-form-urlencoded"),
])
def test_every_kind_of_update_is_refused(endpoint, data, media):
    status, _, body = http(endpoint, data, {"Content-Type": media})
    assert status == 403
    assert "read-only" in body
    assert client(endpoint, "ASK { ?s ?p ?o }").queryAndConvert()["boolean"] is True


def test_over_the_row_limit_is_an_error_not_a_cut(endpoint):
    mentions = "SELECT ?m ?text WHERE { ?m nif:anchorOf ?text }"
    with pytest.raises(QueryBadFormed, match="more than 12 rows"):
        client(endpoint, mentions).query()
    with pytest.raises(QueryBadFormed, match="more than 12 triples"):
        client(endpoint, "CONSTRUCT { ?m nif:anchorOf ?t } WHERE { ?m nif:anchorOf ?t }", TURTLE).query()
    assert len(client(endpoint, mentions + " LIMIT 12").queryAndConvert()["results"]["bindings"]) == 12


def test_syntax_error_is_400_with_position(endpoint):
    bad = urllib.parse.urlencode({"query": "SELECT ?x WHERE {\n ?x kg:actor }"})
    status, _, body = http(endpoint + "?" + bad)
    assert status == 400
    assert "line 2, column" in body


def test_unacceptable_type_is_406(endpoint):
    url = endpoint + "?" + urllib.parse.urlencode({"query": "ASK {}"})
    assert http(url, headers={"Accept": "image/png"})[0] == 406


def test_query_page_is_offline_and_escaped(endpoint):
    status, media, body = http(endpoint.removesuffix("sparql"))
    assert (status, media) == (200, "text/html; charset=utf-8")
    for item in q.saved_queries().values():
        assert html.escape(item.question) in body
        assert f'data-query="{html.escape(item.text)}"' in body
    outside_queries = re.sub(r'data-query="[^"]*"', "", body)
    assert "://" not in outside_queries, "the page must load nothing from elsewhere"
    assert "src=" not in body and "@import" not in body


def test_page_escapes_hostile_saved_queries(tmp_path):
    (tmp_path / "x.rq").write_text('# Question: <script>alert(1)</script> "q"\nASK { ?s ?p "</textarea>" }\n')
    page = render_page(q.saved_queries(tmp_path), 10, 100)
    assert "<script>alert" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert '"</textarea>"' not in page and "&quot;&lt;/textarea&gt;&quot;" in page


def test_foreign_host_header_refused(endpoint):
    assert http(endpoint.removesuffix("sparql"), headers={"Host": "attacker.example"})[0] == 403


def test_slow_query_is_stopped_by_the_timeout():
    ds = Dataset(default_union=True)
    g = ds.graph(URIRef("urn:g"))
    for i in range(3000):
        g.add((URIRef(f"urn:s{i}"), URIRef("urn:p"), Literal(i)))
    for url in start(ds, timeout=1, max_rows=100):
        slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
        with pytest.raises(urllib.error.HTTPError) as info:
            client(url, slow).query()
        assert info.value.code == 503
        assert "time limit" in info.value.read().decode()
        # the server is still answering afterwards
        assert client(url, "ASK { ?s ?p 7 }").queryAndConvert()["boolean"] is True


@pytest.mark.parametrize(("accept", "offered", "expected"), [
    (None, ["a/json", "b/xml"], "a/json"),
    ("b/xml", ["a/json", "b/xml"], "b/xml"),
    ("b/xml;q=0.5, a/json", ["a/json", "b/xml"], "a/json"),
    ("b/*, */*;q=0.1", ["a/json", "b/xml"], "b/xml"),
    ("c/csv, a/json", ["a/json", "c/csv"], "c/csv"),
    ("image/png", ["a/json"], None),
    ("a/json;q=0", ["a/json"], None),
])
def test_negotiate(accept, offered, expected):
    assert negotiate(accept, offered) == expected


def test_format_parameter_overrides_accept():
    assert choose_type("SELECT", "text/csv", "json") == "application/sparql-results+json"
    assert choose_type("CONSTRUCT", "*/*", "xml") == "application/rdf+xml"
    assert choose_type("CONSTRUCT", "text/turtle", "csv") == "text/turtle"
    assert choose_type("SELECT", "application/sparql-results+json,application/json", None) == (
        "application/sparql-results+json")


# ---------------------------------------------------------------- failing to start: coded, one line


@pytest.fixture
def busy_port() -> Iterator[int]:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    sock.listen(1)
    try:
        yield sock.getsockname()[1]
    finally:
        sock.close()


@pytest.fixture
def never_serve(monkeypatch):
    """Should a bind wrongly succeed, fail the test rather than serve forever."""

    def refuse(self, *args, **kwargs):
        raise AssertionError("the server started")

    monkeypatch.setattr(SparqlServer, "serve_forever", refuse)


def test_port_in_use_is_a_serve_error(busy_port):
    with pytest.raises(ServeError) as info:
        make_server(load_dataset([str(FIXTURE)]), "127.0.0.1", busy_port)
    assert info.value.code == "E601"
    assert f"cannot listen on 127.0.0.1:{busy_port}: the port is already in use" in str(info.value)


def test_an_address_of_another_machine_is_a_serve_error():
    with pytest.raises(ServeError, match="no such address on this machine"):
        make_server(Dataset(), "192.0.2.1", 0)  # TEST-NET-1: never a local address


def test_a_store_that_is_not_a_graph_is_a_serve_error():
    with pytest.raises(ServeError, match=r"cannot serve a str: give an rdflib Dataset"):
        make_server(str(FIXTURE), "127.0.0.1", 0)  # type: ignore[arg-type]


def test_cli_port_in_use_is_one_coded_line(busy_port, never_serve):
    result = CliRunner().invoke(cli, ["serve", str(FIXTURE), "--port", str(busy_port)])
    assert result.exit_code == 1, result.output
    lines = result.stderr.strip().splitlines()
    assert lines == [f"kgraph: error[E601]: cannot listen on 127.0.0.1:{busy_port}: the port is already in use "
                     "(another kgraph serve?); choose another --port, or --port 0 for any free one"]


@pytest.mark.parametrize("content", [b"this is not turtle <<<", b"\x89PNG\r\n\x1a\n\x00\x00"])
def test_cli_bad_store_is_one_coded_line(tmp_path, content, never_serve):
    bad = tmp_path / "bad.ttl"
    bad.write_bytes(content)
    for args in ([str(bad)], [str(tmp_path / "missing.trig")], [str(tmp_path / "empty-folder")]):
        (tmp_path / "empty-folder").mkdir(exist_ok=True)
        result = CliRunner().invoke(cli, ["serve", *args, "--port", "0"])
        assert result.exit_code == 1, result.output
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("kgraph: error[E302]: "), lines
        assert "Traceback" not in result.output


def test_cli_bad_base_is_a_usage_error(never_serve):
    result = CliRunner().invoke(cli, ["serve", str(FIXTURE), "--port", "0", "--base", "not an iri"])
    assert result.exit_code == 2, result.output
    assert "not an absolute IRI" in result.output
