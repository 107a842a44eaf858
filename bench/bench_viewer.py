"""Benchmark the viewer against plain pyvis: page write time, file size, time until interactive.

Run by hand (not in the test suite); needs /usr/bin/chromium:

    .venv/bin/python bench/bench_viewer.py            # 200, 2,000, 5,000, 10,000 nodes
    .venv/bin/python bench/bench_viewer.py 200 2000   # chosen sizes

Graphs are synthetic but in the kgraph RDF shape (entities typed kg:Person/Country/...,
kg:Event with actor, target, CAMEO code, Goldstein, quad class, date, article and an
evidence sentence with a trigger span), two events per node, random pairs (fixed seed).

The baseline is plain pyvis defaults (Network(), add_node/add_edge, write_html) except for
cdn_resources="in_line" (the default "local" needs files beside the page) and directed=True
(undirected add_edge scans every edge per call: O(E²) in Python). Both pages are opened from
disk with every http(s) request aborted. "Interactive" is the wall time from navigation
until the page answers a script call with the network drawn (kgraph: window.kgraphReady;
pyvis: `network` exists and its loading bar is gone), capped at CAP seconds.
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, XSD

from kgraph.namespaces import KG, NIF, SCHEMA
from kgraph.render import ViewerOptions, write_viewer

BASE = "https://w3id.org/kgraph/data/"
TYPES = [KG.Person, KG.Country, KG.Organization, KG.Place]
CAMEO = [("040", 1.0, KG.VerbalCooperation), ("057", 8.0, KG.VerbalCooperation),
         ("070", 7.0, KG.MaterialCooperation), ("111", -2.0, KG.VerbalConflict),
         ("190", -10.0, KG.MaterialConflict)]
CAP = 60.0  # seconds: a page not interactive by then is reported as "> CAP"
READY_RUNS = 3  # kgraph pages are opened three times and the median run reported; pyvis pages once
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]
OUT = Path(__file__).parent / "README-viewer.md"
NOTES = (
    "What the kgraph page does before its first frame, and what it leaves for later: it parses only the "
    "graph block (nodes, edges, filter choices) and gives vis-network items holding only the fields it "
    "draws; the evidence (events and sentences) is a second JSON block parsed on the first click or "
    "filter, and search suggestions and lookup tables are built on first use. Records carry no text the "
    "page can derive (tooltips, edge labels, CAMEO names come from small tables) and edges name their "
    "ends by node index. Above 1,000 nodes edges are straight and unlabelled (the selected node's edge "
    "labels are written over the drawing) and arrowheads are drawn from zoom 0.25 up, where they are "
    "over 2 px long: at the fitted zoom they are sub-pixel yet took about two thirds of each frame. Python "
    "lays out Louvain's first-level communities above 1,000 nodes (half the cost of the full run).\n\n"
    "Before this (commit c5c9ac4) the page also re-sent every node and edge to vis-network as \"not "
    "hidden\" right after building it, which drew the whole graph a second time, and parsed all evidence "
    "up front. Both pages opened alternately in one session, median of 5: before 1.52 / 2.56 / 4.29 / "
    "8.00 s, now 1.32 / 1.29 / 2.02 / 3.06 s at 200 / 2,000 / 5,000 / 10,000 nodes. The machine is "
    "shared (2 cores), so absolute times move between runs (the table this one replaces had the old page "
    "at 8.87 s for 5,000 nodes); compare within a run."
)


def synthetic(n: int, seed: int = 7) -> Graph:
    rnd = random.Random(seed)
    g = Graph()
    articles = max(1, n // 20)
    for a in range(articles):
        art = URIRef(f"{BASE}article/{a:06d}")
        g.add((art, RDF.type, SCHEMA.NewsArticle))
        g.add((art, SCHEMA.headline, Literal(f"Berita sintetis nomor {a}", lang="id")))
        date = Literal(f"2023-{1 + a % 12:02d}-{1 + a % 28:02d}", datatype=XSD.date)
        g.add((art, SCHEMA.datePublished, date))
    for i in range(n):
        node = URIRef(f"{BASE}entity/{i:06d}")
        g.add((node, RDF.type, TYPES[i % 4]))
        g.add((node, RDFS.label, Literal(f"Aktor {i}", lang="id")))
    for e in range(2 * n):
        a, t = rnd.randrange(n), rnd.randrange(n)
        while t == a:
            t = rnd.randrange(n)
        code, gold, quad = CAMEO[rnd.randrange(len(CAMEO))]
        ev, sent, trig = (URIRef(f"{BASE}{k}/{e:07d}") for k in ("event", "sentence", "trigger"))
        for p, o in ((RDF.type, KG.Event), (KG.cameoCode, Literal(code)), (KG.quadClass, quad),
                     (KG.goldstein, Literal(f"{gold:.1f}", datatype=XSD.decimal)),
                     (KG.actor, URIRef(f"{BASE}entity/{a:06d}")),
                     (KG.target, URIRef(f"{BASE}entity/{t:06d}")),
                     (KG.date, Literal(f"2023-{1 + e % 12:02d}-{1 + e % 28:02d}", datatype=XSD.date)),
                     (KG.article, URIRef(f"{BASE}article/{rnd.randrange(articles):06d}")),
                     (KG.mention, sent), (KG.trigger, trig)):
            g.add((ev, p, o))
        g.add((sent, NIF.anchorOf, Literal(f"Aktor {a} bertemu Aktor {t} di ibu kota pada hari Senin.")))
        g.add((sent, NIF.beginIndex, Literal(0)))
        g.add((trig, NIF.beginIndex, Literal(len(f"Aktor {a} "))))
        g.add((trig, NIF.endIndex, Literal(len(f"Aktor {a} bertemu"))))
    return g


def write_baseline(g: Graph, path: Path) -> None:
    from pyvis.network import Network

    from kgraph import analyse as A

    net = Network(cdn_resources="in_line", directed=True)
    entities = A.read_entities(g)
    for iri, e in entities.items():
        net.add_node(iri, label=e.label())
    for ev in A.read_events(g):
        for a in ev.actors:
            for t in ev.targets:
                net.add_edge(a, t, title=ev.cameo)
    net.write_html(str(path))


# Functions, not expressions: playwright evaluates a bare expression with eval(), which the
# kgraph page's Content-Security-Policy (no 'unsafe-eval') refuses.
KGRAPH_READY = "() => window.kgraphReady === true"
PYVIS_READY = """() => typeof network !== 'undefined' && (() => {
    const bar = document.getElementById('loadingBar');
    return !bar || bar.style.display === 'none' || getComputedStyle(bar).opacity === '0'; })()"""
# One frame at the fitted zoom, then one at scale 1.5, each after the page has settled (kgraph turns
# the arrowheads of big graphs on at 1.5, so that frame is timed with them).
REDRAW = """async () => { const net = window.kgraph ? window.kgraph.network : network;
    const settle = () => new Promise(r => setTimeout(r, 100));
    const frame = () => { const t = performance.now(); net.redraw(); return performance.now() - t; };
    net.fit({animation: false}); await settle(); const fitted = frame();
    net.moveTo({scale: 1.5}); net.redraw(); await settle(); return [fitted, frame()]; }"""


# kgraph only: open one node's evidence panel, the first time (its evidence block is parsed then).
FIRST_PANEL = """() => { const t = performance.now();
    window.kgraph.showNode(window.kgraph.data.nodes[0].id); return performance.now() - t; }"""


def interactive(browser, path: Path, ready: str) -> dict:
    """took: seconds until interactive (None past CAP); redraw: [fitted, zoomed] frame in ms;
    panel: first evidence panel in ms (kgraph pages); requests: the ones that were aborted."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    context = browser.new_context(viewport={"width": 1400, "height": 900})
    out: dict = {"took": None, "redraw": None, "panel": None, "requests": []}

    def refuse(route) -> None:
        if route.request.url.startswith(("file:", "data:")):
            route.continue_()
            return
        out["requests"].append(route.request.url)
        route.abort()

    context.route("**/*", refuse)
    page = context.new_page()
    start = time.perf_counter()
    try:
        page.goto(path.as_uri(), timeout=CAP * 1000)
        left = max(1.0, CAP - (time.perf_counter() - start))
        page.wait_for_function(ready, timeout=left * 1000, polling=100)
        out["took"] = time.perf_counter() - start
        out["redraw"] = page.evaluate(REDRAW)
        if ready == KGRAPH_READY:
            out["panel"] = page.evaluate(FIRST_PANEL)
    except PlaywrightTimeout:  # not interactive within CAP
        pass
    context.close()
    return out


def timed(fn, *args) -> float:
    start = time.perf_counter()
    fn(*args)
    return time.perf_counter() - start


def measure(browser, n: int, folder: Path) -> dict:
    g = synthetic(n)
    ours, base = folder / f"kgraph-{n}.html", folder / f"pyvis-{n}.html"
    row: dict = {"n": n, "edges": 2 * n}
    runs = 2 if n < 5000 else 1
    row["write"] = statistics.median(timed(write_viewer, g, str(ours), ViewerOptions()) for _ in range(runs))
    row["base_write"] = timed(write_baseline, g, base)
    row["size"], row["base_size"] = ours.stat().st_size, base.stat().st_size
    runs = sorted((interactive(browser, ours, KGRAPH_READY) for _ in range(READY_RUNS)),
                  key=lambda r: CAP if r["took"] is None else r["took"])
    mid, baseline = runs[len(runs) // 2], interactive(browser, base, PYVIS_READY)
    row.update(ready=mid["took"], redraw=mid["redraw"], panel=mid["panel"], requests=mid["requests"])
    row.update(base_ready=baseline["took"], base_redraw=baseline["redraw"],
               base_requests=baseline["requests"])
    print(row, file=sys.stderr, flush=True)
    return row


def fmt_s(x: float | None) -> str:
    return f"> {CAP:.0f} s" if x is None else f"{x:.2f} s"


def fmt_frames(frames: list[float] | None) -> str:
    return "—" if frames is None else " / ".join(f"{ms:.0f}" for ms in frames) + " ms"


def ratio(a: float | None, b: float | None) -> str:
    if a is None:
        return "—"
    if b is None:
        return f"< {a / CAP:.2f}×"
    return f"{a / b:.2f}×"


def report(rows: list[dict]) -> str:
    lines = [
        "# Viewer benchmark (`bench/bench_viewer.py`)", "",
        "Synthetic graphs in the kgraph RDF shape, two events per node. Baseline: plain pyvis defaults "
        "(`cdn_resources=\"in_line\"`, `directed=True`, physics on) measured in the same run. "
        "kgraph: physics up to 1,000 nodes, above that a layout computed in Python with physics off. "
        "Headless Debian chromium, software rendering; ratio = kgraph / pyvis (lower is better). "
        f"Pages not interactive within {CAP:.0f} s are reported as \"> {CAP:.0f} s\". Interactive: "
        f"kgraph the median of {READY_RUNS} openings, pyvis one. Redraw: one frame at the fitted zoom, one "
        "at scale 1.5. First panel: opening one node's evidence panel the first time (the page parses its "
        "evidence block then).", "",
        "| nodes / edges | write kgraph | write pyvis | ratio | size kgraph | size pyvis | ratio "
        "| interactive kgraph | interactive pyvis | ratio | redraw kgraph (fitted / ×1.5) | redraw pyvis "
        "| first panel kgraph | requests kgraph / pyvis |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        redraw, base_redraw = fmt_frames(r["redraw"]), fmt_frames(r["base_redraw"])
        panel = "—" if r["panel"] is None else f"{r['panel']:.0f} ms"
        lines.append(
            f"| {r['n']:,} / {r['edges']:,} | {r['write']:.2f} s | {r['base_write']:.2f} s "
            f"| {r['write'] / r['base_write']:.2f}× "
            f"| {r['size'] / 1e6:.2f} MB | {r['base_size'] / 1e6:.2f} MB "
            f"| {r['size'] / r['base_size']:.2f}× | {fmt_s(r['ready'])} | {fmt_s(r['base_ready'])} "
            f"| {ratio(r['ready'], r['base_ready'])} | {redraw} | {base_redraw} "
            f"| {panel} "
            f"| {len(r['requests'])} / {len(r['base_requests'])} |")
    lines += ["", "The kgraph page carries the evidence (events, sentences, articles) the pyvis page lacks, "
              "hence its size; the pyvis page also tries to fetch Bootstrap from a CDN (the requests column, "
              "aborted here).", "", NOTES, ""]
    return "\n".join(lines)


def main(sizes: list[int]) -> None:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        rows = [measure(browser, n, Path(tmp)) for n in sizes]
        browser.close()
    OUT.write_text(report(rows), encoding="utf-8")
    print(report(rows))


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [200, 2000, 5000, 10000])
