"""kgraph.render and `kgraph viz`: an offline page, escaped data, layout and --max-nodes.

The graphs are built from hand-made model objects through kgraph.rdfmap.to_graph, not
from the extractor, so these tests do not move when extraction improves.
`sample_graph` and `xss_graph` are shared with tests/test_viewer_browser.py.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re

import pytest
from click.testing import CliRunner
from rdflib import Graph

from kgraph.cli import cli
from kgraph.model import (
    ArticleMeta,
    Body,
    Document,
    Entity,
    EntityType,
    Event,
    EventDate,
    Extraction,
    Mention,
    Segmented,
    Sentence,
    Span,
)
from kgraph.rdfmap import to_graph
from kgraph.render import ViewerOptions, render, script_json

P, C, ORG = EntityType.PERSON, EntityType.COUNTRY, EntityType.ORGANIZATION
PUTIN, PASHINYAN, SHOIGU = "person/vladimir-putin", "person/nikol-pashinyan", "person/sergei-shoigu"


def article(text: str, headline: str, published: dt.date, entities: list[tuple],
            events: list[tuple]) -> Graph:
    """entities: (key, type, label, english); events: (cameo, actor, target, trigger, date).

    Spans are found in `text`: an entity at each occurrence of its label, an event's
    trigger at its first occurrence, the evidence being the sentence around it.
    """
    doc = Document("test.txt", text, hashlib.sha256(text.encode()).hexdigest(), "text/plain")
    sentences = [Span.of(text, m.start(), m.end()) for m in re.finditer(r"\S.*?\.(?=\s|$)", text)]
    body = Body(doc, text, tuple(sentences),
                ArticleMeta(headline=Span(0, len(headline), headline) if text.startswith(headline) else None,
                            published=published))
    ents = tuple(
        Entity(key, kind, label, english=english,
               mentions=tuple(Mention(Span.of(text, m.start(), m.end()), key, "test")
                              for m in re.finditer(re.escape(label), text)))
        for key, kind, label, english in entities)
    evs = []
    for cameo, actor, target, trigger, date in events:
        at = text.index(trigger)
        sentence = next(s for s in sentences if s.begin <= at < s.end)
        evs.append(Event(cameo, (actor,), (target,), Span.of(text, at, at + len(trigger)), sentence,
                         EventDate(date, "explicit")))
    return to_graph(Extraction(Segmented(body, tuple(Sentence(s, i) for i, s in enumerate(sentences))),
                               entities=ents, events=tuple(evs)))


def sample_graph() -> Graph:
    """Two articles: Putin consults Pashinyan, Pashinyan criticises CSTO, Shoigu hosts Putin."""
    one = article(
        "Armenia minta bantuan Rusia. Vladimir Putin menelepon Nikol Pashinyan pada Senin. "
        "Nikol Pashinyan mengkritik CSTO karena diam.",
        "Armenia minta bantuan Rusia.", dt.date(2022, 9, 13),
        [(PUTIN, P, "Vladimir Putin", None), (PASHINYAN, P, "Nikol Pashinyan", None),
         ("org/csto", ORG, "CSTO", "Collective Security Treaty Organization"),
         ("country/AM", C, "Armenia", None), ("country/RU", C, "Rusia", "Russia")],
        [("040", PUTIN, PASHINYAN, "menelepon", dt.date(2022, 9, 12)),
         ("111", PASHINYAN, "org/csto", "mengkritik", dt.date(2022, 9, 13))])
    two = article(
        "Shoigu bertemu Putin. Sergei Shoigu menerima Vladimir Putin di Moskwa.",
        "Shoigu bertemu Putin.", dt.date(2023, 3, 1),
        [(SHOIGU, P, "Sergei Shoigu", None), (PUTIN, P, "Vladimir Putin", None)],
        [("043", SHOIGU, PUTIN, "menerima", dt.date(2023, 2, 28))])
    return one + two


XSS_LABEL = "<script>window.__xss=1</script>"
XSS_IMG = '<img src=x onerror="window.__xss=1">'


def xss_graph() -> Graph:
    """Labels, headline and evidence sentence carrying script and markup."""
    text = (f'Judul {XSS_IMG}. Tokoh {XSS_LABEL} mengkritik Negara {XSS_IMG} lagi '
            '"</script><script>window.__xss=1</script>" katanya.')
    headline = f"Judul {XSS_IMG}."
    return article(text, headline, dt.date(2024, 1, 2),
                   [("person/x", P, f"Tokoh {XSS_LABEL}", None),
                    ("country/XX", C, f"Negara {XSS_IMG}", None)],
                   [("111", "person/x", "country/XX", "mengkritik", dt.date(2024, 1, 2))])


def block(page: str, name: str) -> dict:
    raw = re.search(rf'<script type="application/json" id="kgraph-{name}">(.*?)</script>', page, re.S)
    assert raw is not None
    return json.loads(raw.group(1))


def payload(page: str) -> dict:
    """Both JSON blocks: `data`, parsed at load, and `evidence`, parsed on first use."""
    return {**block(page, "data"), **block(page, "evidence")}


def test_page_is_offline_no_external_resources() -> None:
    page, report = render(sample_graph())
    assert report.nodes == 6 and report.edges == 3
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", page, re.I)
    assert not re.search(r"<link|cdnjs|jsdelivr|unpkg|bootstrap", page, re.I)
    assert not re.search(r"url\(\s*['\"]?(https?:)?//", page, re.I)
    assert page.count("</script>") == 4  # two JSON blocks, vis-network, the viewer
    assert not re.search(r"<script[^>]*\bsrc=", page)
    assert "Content-Security-Policy" in page


def test_nodes_edges_styles_and_evidence() -> None:
    data = payload(render(sample_graph(), ViewerOptions(lang="en"))[0])
    nodes = {n["id"].rsplit("/", 1)[-1]: n for n in data["nodes"]}
    assert nodes["csto"]["label"] == "Collective Security Treaty Organization"  # English label
    assert nodes["csto"]["shape"] == "diamond" and nodes["vladimir-putin"]["shape"] == "dot"
    assert nodes["vladimir-putin"]["size"] > nodes["AM"]["size"]  # more central, bigger
    ids = [n["id"].rsplit("/", 1)[-1] for n in data["nodes"]]
    edges = {(ids[e["from"]], ids[e["to"]]): e for e in data["edges"]}  # ends are indices into nodes
    criticise = edges[("nikol-pashinyan", "csto")]
    assert criticise["color"] == "#fd8d3c" and criticise["quad"] == 3 and criticise["root"] == "11"
    assert dict(data["roots"])["11"] == "DISAPPROVE" and data["cameo"]["111"] == "Criticize or denounce"
    assert edges[("vladimir-putin", "nikol-pashinyan")]["color"] == "#74c476"
    event = data["events"][criticise["ev"][0]]
    sentence = data["sentences"][event["s"]]
    assert sentence == "Nikol Pashinyan mengkritik CSTO karena diam."
    assert sentence[event["h"][0]:event["h"][1]] == "mengkritik"
    assert data["articles"][event["a"]] == {"h": "Armenia minta bantuan Rusia.", "d": "2022-09-13"}
    assert event["who"] == "Nikol Pashinyan" and event["whom"] == "Collective Security Treaty Organization"
    assert [r[0] for r in data["roots"]] == ["04", "11"]
    assert data["dates"] == ["2022-09-12", "2023-03-01"]  # events and articles: the date filter's range


def test_indonesian_page_text_and_labels() -> None:
    data = payload(render(sample_graph(), ViewerOptions(lang="id"))[0])
    assert data["ui"]["Person"] == "Orang"
    assert "CSTO" in {n["label"] for n in data["nodes"]}


def test_script_json_cannot_break_out_of_script() -> None:
    value = {"x": "</script><script>alert(1)</script> & \u2028\u2029 <!--"}
    text = script_json(value)
    assert not set("<>&\u2028\u2029") & set(text)
    assert json.loads(text) == value


def test_hostile_labels_are_only_json_escaped_data() -> None:
    page, _ = render(xss_graph())
    assert XSS_LABEL not in page and "<img src=x" not in page
    assert page.count("</script>") == 4  # the page's own four script elements, nothing from the data
    data = payload(page)
    assert {n["label"] for n in data["nodes"]} == {f"Tokoh {XSS_LABEL}", f"Negara {XSS_IMG}"}
    assert "innerHTML" not in page.split("<script>")[-1]  # the viewer's own script


def test_big_graph_gets_python_layout_and_physics_off() -> None:
    page, report = render(sample_graph(), ViewerOptions(layout_threshold=3))
    data = payload(page)
    assert report.physics is False and data["options"]["physics"]["enabled"] is False
    positions = {(n["x"], n["y"]) for n in data["nodes"]}
    assert len(positions) == len(data["nodes"])  # every node placed, none on top of another
    assert render(sample_graph(), ViewerOptions(layout_threshold=3))[0] == page  # deterministic
    assert data["big"] is True and data["options"]["edges"]["smooth"] is False
    assert data["options"]["interaction"]["hideEdgesOnDrag"] is True
    small = payload(render(sample_graph())[0])
    assert small["big"] is False and small["options"]["edges"]["smooth"] == {"type": "continuous"}


def test_load_block_holds_no_evidence_and_records_no_derivable_text() -> None:
    """What the page parses before its first draw stays small: evidence and text it can derive stay out."""
    page, _ = render(sample_graph(), ViewerOptions(lang="en"))
    data, evidence = block(page, "data"), block(page, "evidence")
    assert set(evidence) == {"events", "sentences"} and not {"events", "sentences"} & set(data)
    assert len(evidence["events"]) == 3
    assert "Nikol Pashinyan mengkritik CSTO karena diam." in evidence["sentences"]
    assert {k for n in data["nodes"] for k in n} == {
        "id", "label", "color", "shape", "size", "x", "y", "kind", "pr", "deg", "arts", "names"}
    assert "names" not in next(n for n in data["nodes"] if n["label"] == "Vladimir Putin")  # only its label
    assert next(n for n in data["nodes"] if n["label"] == "Russia")["names"] == ["Rusia", "Russia"]  # search
    assert not {"title", "label", "iri", "arrows"} & {k for e in data["edges"] for k in e}  # arrows: options
    assert data["options"]["edges"]["arrows"]["to"]["enabled"] is True
    with_co = payload(render(sample_graph(), ViewerOptions(comentions=True))[0])
    co = [e for e in with_co["edges"] if e["kind"] == "co"]
    assert co and all(e["arrows"] == "" and e["dashes"] is True for e in co)  # undirected: no arrowhead
    assert not {"iri", "t"} & {k for e in evidence["events"] for k in e}


def test_max_nodes_keeps_the_most_central_and_reports_the_rest() -> None:
    page, report = render(sample_graph(), ViewerOptions(max_nodes=3))
    kept = {n["label"] for n in payload(page)["nodes"]}
    assert len(kept) == 3 and "Vladimir Putin" in kept and "Nikol Pashinyan" in kept
    assert len(report.dropped) == 3 and "Armenia" in report.dropped
    assert all(0 <= e[end] < 3 for e in payload(page)["edges"] for end in ("from", "to"))


def test_cli_viz_writes_the_page_and_reports_dropped(tmp_path) -> None:
    src = tmp_path / "g.ttl"
    sample_graph().serialize(src, format="turtle")
    out = tmp_path / "g.html"
    result = CliRunner().invoke(cli, ["viz", str(src), "-o", str(out), "--max-nodes", "4", "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert "dropped 2 less central node(s)" in result.stderr and "4 nodes" in result.stderr
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    bad = CliRunner().invoke(cli, ["viz", str(tmp_path / "missing.ttl"), "-o", str(out)])
    assert bad.exit_code == 1 and "Traceback" not in bad.output


def test_cli_path_prints_events_with_evidence(tmp_path) -> None:
    src = tmp_path / "g.ttl"
    sample_graph().serialize(src, format="turtle")
    result = CliRunner().invoke(cli, ["path", str(src), "Sergei Shoigu", "CSTO"])
    assert result.exit_code == 0, result.output
    assert "3 hop(s) via events" in result.stdout
    assert "“Nikol Pashinyan [mengkritik] CSTO karena diam.” — Armenia minta bantuan Rusia. (2022-09-13)" \
        in result.stdout
    missing = CliRunner().invoke(cli, ["path", str(src), "Sergei Shoigu", "Nobody"])
    assert missing.exit_code == 1 and "no entity called 'Nobody'" in missing.stderr


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_ui_string_used_by_the_page_exists(lang: str) -> None:
    page, _ = render(sample_graph(), ViewerOptions(lang=lang))
    viewer_js = page.split("<script>")[-1]
    used = set(re.findall(r'data-ui="(\w+)"', page)) | set(re.findall(r"\bT\.(\w+)", viewer_js))
    assert used <= set(payload(page)["ui"])
