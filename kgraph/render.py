"""Render: the graph as one self-contained, offline HTML page (pyvis + vis-network).

The only module that imports pyvis. pyvis builds the node and edge records and
ships vis-network; kgraph's own template (kgraph/assets/viewer.*) replaces pyvis's,
which links Bootstrap and vis-network from CDNs even with cdn_resources="in_line".
Every script and style is inlined, so the page makes no network request at all.

Speed (bench/README-viewer.md): the page carries two JSON blocks. `kgraph-data` (nodes,
edges, filters, options) is parsed at load; `kgraph-evidence` (events and sentences) on the
first click or filter. Records hold no text the page can derive (tooltips, edge labels and
CAMEO names come from small tables) and edges name their ends by node index. Above
LAYOUT_THRESHOLD nodes, edges are straight, unlabelled until their node is selected, and
without arrowheads until the zoom makes them visible.

Safety: all data goes into the page as JSON inside `<script type="application/json">`
with `<`, `>`, `&`, U+2028 and U+2029 escaped, and the page's script builds the DOM
with textContent only.
"""

from __future__ import annotations

import html
import json
import logging
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import networkx as nx
from rdflib import Graph

from kgraph import __version__
from kgraph import analyse as A
from kgraph.store import write_atomic

log = logging.getLogger(__name__)

LAYOUT_THRESHOLD = 1000  # above this many nodes vis-network physics stalls (PERF-BASELINES.md)
TYPE_STYLE = {  # class -> (colour, vis-network shape)
    "Person": ("#4e79a7", "dot"), "Country": ("#59a14f", "square"),
    "Organization": ("#f28e2b", "diamond"), "Place": ("#9c755f", "triangle"),
}
QUAD_COLOR = {1: "#74c476", 2: "#238b45", 3: "#fd8d3c", 4: "#d7301f", 0: "#969696"}
COMENTION_COLOR = "#c7c7c7"
GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))

UI = {
    "id": {
        "title": "Graf peristiwa", "search": "Cari aktor…", "legend": "Legenda", "filters": "Saring",
        "types": "Jenis entitas", "cameo": "Akar CAMEO", "all": "Semua", "from": "Dari tanggal",
        "to": "Sampai tanggal", "article": "Artikel", "reset": "Atur ulang", "close": "Tutup",
        "evidence": "Kalimat bukti", "noEvidence": "Tidak ada kalimat bukti.", "comention": "Disebut bersama",
        "mentionedIn": "Disebut dalam artikel", "shown": "ditampilkan", "nodes": "simpul", "edges": "sisi",
        "pageRank": "PageRank", "degree": "Derajat", "events": "peristiwa", "noMatch": "Tidak ditemukan",
        "Person": "Orang", "Country": "Negara", "Organization": "Organisasi", "Place": "Tempat",
        "q1": "Kerja sama verbal", "q2": "Kerja sama material", "q3": "Konflik verbal",
        "q4": "Konflik material", "q0": "Lainnya",
    },
    "en": {
        "title": "Event graph", "search": "Find an actor…", "legend": "Legend", "filters": "Filter",
        "types": "Entity types", "cameo": "CAMEO root", "all": "All", "from": "From date",
        "to": "To date", "article": "Article", "reset": "Reset", "close": "Close",
        "evidence": "Evidence sentences", "noEvidence": "No evidence sentence.",
        "comention": "Mentioned together",
        "mentionedIn": "Mentioned in", "shown": "shown", "nodes": "nodes", "edges": "edges",
        "pageRank": "PageRank", "degree": "Degree", "events": "events", "noMatch": "No match",
        "Person": "Person", "Country": "Country", "Organization": "Organisation", "Place": "Place",
        "q1": "Verbal cooperation", "q2": "Material cooperation", "q3": "Verbal conflict",
        "q4": "Material conflict", "q0": "Other",
    },
}


@dataclass(frozen=True, slots=True)
class ViewerOptions:
    lang: str = "id"
    max_nodes: int | None = None
    physics: bool | None = None  # None: on up to LAYOUT_THRESHOLD nodes, off above
    comentions: bool | None = None  # None: only when the graph has no events
    title: str | None = None
    layout_threshold: int = LAYOUT_THRESHOLD


@dataclass(slots=True)
class RenderReport:
    nodes: int = 0
    edges: int = 0
    physics: bool = True
    dropped: list[str] = field(default_factory=list)  # labels of nodes left out by max_nodes
    dropped_edges: int = 0


# ---------------------------------------------------------------- the view: plain data


@dataclass(slots=True)
class _View:
    entities: dict[str, A.EntityRecord]
    events: list[A.EventRecord]
    articles: dict[str, A.ArticleRecord]
    rank: dict[str, float]
    degree: dict[str, int]
    keep: list[str]  # entity IRIs shown, most central first
    graph: nx.MultiDiGraph  # the event graph (actor -> target), every entity a node
    undirected: nx.Graph  # the same, undirected, weight = event count (analyse._undirected)


def _view(g: Graph, opts: ViewerOptions, report: RenderReport) -> _View:
    entities, events, articles = A.read_entities(g), A.read_events(g), A.read_articles(g)
    E = A.event_graph(events)
    E.add_nodes_from(entities)
    U = A._undirected(E)  # built once: degree here, the layout's communities later
    rank, deg = A.pagerank(E), {n: U.degree(n) for n in U.nodes}  # = A.degree(E)
    order = sorted(entities, key=lambda n: (-rank.get(n, 0.0), -deg.get(n, 0), -len(entities[n].articles), n))
    if opts.max_nodes is not None and len(order) > opts.max_nodes:
        report.dropped = [entities[n].label(opts.lang) for n in order[opts.max_nodes:]]
        order = order[:opts.max_nodes]
    return _View(entities, events, articles, rank, deg, order, E, U)


def layout(nodes: list[str], community: dict[str, int],
           spacing: float = 100.0) -> dict[str, tuple[float, float]]:
    """Deterministic O(n) layout: communities on a sunflower spiral, members spiralling inside.

    `nodes` come most central first, so hubs sit at the centre of their community.
    Pure Python, because networkx's force layouts need numpy and are O(n²) per step.
    """
    groups: dict[int, list[str]] = defaultdict(list)
    for n in nodes:
        groups[community.get(n, -1)].append(n)
    ordered = sorted(groups.values(), key=lambda m: (-len(m), m[0]))
    pos: dict[str, tuple[float, float]] = {}
    area = 0.0
    for k, members in enumerate(ordered):
        radius = spacing * 1.6 * math.sqrt(area + len(members) / 2)
        cx, cy = radius * math.cos(k * GOLDEN_ANGLE), radius * math.sin(k * GOLDEN_ANGLE)
        area += len(members)
        for i, n in enumerate(members):
            r, angle = spacing * math.sqrt(i), i * GOLDEN_ANGLE
            pos[n] = (round(cx + r * math.cos(angle), 1), round(cy + r * math.sin(angle), 1))
    return pos


def _layout_communities(view: _View, big: bool) -> dict[str, int]:
    """Communities of the shown event graph, numbered by size, for the layout only.

    Up to the layout threshold: analyse.communities (full Louvain, as written to kg:community).
    Above it: Louvain's first level only: the same tight groups at about half the cost (on
    5,000 nodes / 10,000 edges 1.0 s instead of 1.9 s); the later levels only merge those
    groups into a few large ones, which the spiral layout does not need.
    """
    if not view.events:
        return {}
    if not big:
        return A.communities(view.graph.subgraph(view.keep))
    U = view.undirected if len(view.keep) == len(view.undirected) else view.undirected.subgraph(view.keep)
    first = next(nx.community.louvain_partitions(U, weight="weight", seed=A.SEED))
    ordered = sorted((sorted(c) for c in first), key=lambda c: (-len(c), c[0]))
    return {node: i for i, members in enumerate(ordered) for node in members}


def _shown_events(view: _View) -> list[A.EventRecord]:
    """Events with an actor or a target among the shown nodes, in IRI order."""
    kept = set(view.keep)
    return [ev for ev in view.events if any(x in kept for x in (*ev.actors, *ev.targets))]


def _data(view: _View, events: list[A.EventRecord], opts: ViewerOptions, comentions: bool) -> dict:
    """What the page parses at load besides the vis records: UI text, legend, filter choices."""
    codes = sorted({ev.cameo for ev in events if ev.cameo})
    dates = sorted({ev.date for ev in events if ev.date} | {a.date for a in view.articles.values() if a.date})
    return {
        "lang": opts.lang, "ui": UI[opts.lang], "version": __version__, "comentions": comentions,
        # above the layout threshold the page draws for speed: no edge labels (the selected node's are
        # written over the drawing) and arrowheads only once zoomed in far enough to see them
        "big": len(view.keep) > opts.layout_threshold,
        "types": {t: {"color": c, "shape": s} for t, (c, s) in TYPE_STYLE.items()},
        "quads": {str(q): c for q, c in QUAD_COLOR.items()},
        "roots": [[r, A.cameo_label(r, opts.lang)] for r in sorted({c[:2] for c in codes})],
        "cameo": {c: A.cameo_label(c, opts.lang) for c in codes},
        "dates": [dates[0], dates[-1]] if dates else None,
        "articles": [{"h": view.articles[a].headline, "d": view.articles[a].date}
                     for a in sorted(view.articles)],
    }


def _evidence(view: _View, events: list[A.EventRecord], opts: ViewerOptions) -> dict:
    """The block parsed on first use: one record per shown event, each sentence stored once."""
    art_index = {a: i for i, a in enumerate(sorted(view.articles))}
    sentences: dict[str, int] = {}

    def names(iris: tuple[str, ...]) -> str:
        return ", ".join(view.entities[x].label(opts.lang) if x in view.entities else A._local(x)
                         for x in iris)

    records = [{"c": ev.cameo, "q": ev.quad or 0, "d": ev.date, "a": art_index.get(ev.article or ""),
                "s": sentences.setdefault(ev.sentence, len(sentences)),
                "h": list(ev.highlight) if ev.highlight else None,
                "who": names(ev.actors), "whom": names(ev.targets)} for ev in events]
    return {"events": records, "sentences": list(sentences)}


def _edges(view: _View, events: list[A.EventRecord], comentions: bool) -> list[dict]:
    """One edge per (actor, target, CAMEO root), `ev` indexing `events`; co-mention edges when asked for."""
    kept = set(view.keep)
    grouped: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    for i, ev in enumerate(events):
        for a in ev.actors:
            for t in ev.targets:
                if a != t and a in kept and t in kept:
                    grouped[(a, t, ev.cameo[:2])].append(i)
    edges = []
    for (a, t, root), idx in sorted(grouped.items()):
        quad = Counter(events[i].quad or 0 for i in idx).most_common(1)[0][0]
        edges.append({"from": a, "to": t, "kind": "event", "root": root, "quad": quad, "n": len(idx),
                      "ev": idx})
    if comentions:
        art_index = {a: i for i, a in enumerate(sorted(view.articles))}
        C = A.comention_graph({n: view.entities[n] for n in view.keep})
        for u, v, d in sorted(C.edges(data=True)):
            edges.append({"from": u, "to": v, "kind": "co", "n": d["weight"],
                          "arts": [art_index[a] for a in d["articles"] if a in art_index]})
    return edges


# ---------------------------------------------------------------- pyvis


class _IdList(list):
    """pyvis checks `id in node_ids` (a list) for every node and edge: O(n) each. Index it."""

    def __init__(self) -> None:
        super().__init__()
        self._ids: set = set()

    def append(self, item) -> None:  # type: ignore[override]
        super().append(item)
        self._ids.add(item)

    def __contains__(self, item) -> bool:
        return item in self._ids


def _network(view: _View, edges: list[dict], opts: ViewerOptions, physics: bool):
    """pyvis records: what vis-network draws plus what the page filters on; no derivable text."""
    from pyvis.network import Network

    net = Network(directed=True, cdn_resources="in_line", height="100%", width="100%")
    net.node_ids = _IdList()
    big = len(view.keep) > opts.layout_threshold
    pos = layout(view.keep, _layout_communities(view, big))
    ranks = [view.rank.get(n, 0.0) for n in view.keep]
    low, spread = min(ranks, default=0.0), (max(ranks, default=0.0) - min(ranks, default=0.0))
    art_index = {a: i for i, a in enumerate(sorted(view.articles))}
    for n in view.keep:
        e = view.entities[n]
        colour, shape = TYPE_STYLE.get(e.type, ("#777777", "dot"))
        x, y = pos[n]
        size = round(8 + 22 * math.sqrt((view.rank.get(n, 0.0) - low) / spread), 1) if spread > 1e-12 else 14
        label = e.label(opts.lang)
        names = sorted({lbl for _, lbl in e.labels})
        extra = {"names": names} if names != [label] else {}
        net.add_node(n, label=label, color=colour, shape=shape, size=size, x=x, y=y, kind=e.type,
                     pr=round(view.rank.get(n, 0.0), 6), deg=view.degree.get(n, 0),
                     arts=[art_index[a] for a in e.articles if a in art_index], **extra)
    for i, e in enumerate(edges):
        extra = {k: v for k, v in e.items() if k not in ("from", "to")}
        net.add_edge(e["from"], e["to"], id=f"e{i}", **_edge_style(e), **extra)
    net.options = _vis_options(physics, big)
    return net


def _edge_style(e: dict) -> dict:
    width = round(1 + 2 * math.log2(e["n"]), 2) if e["n"] > 1 else 1
    if e["kind"] == "co":
        return {"color": COMENTION_COLOR, "width": width, "dashes": True, "arrows": ""}
    return {"color": QUAD_COLOR.get(e["quad"], QUAD_COLOR[0]), "width": width}


def _vis_options(physics: bool, big: bool) -> dict:
    return {
        "physics": {"enabled": physics, "solver": "barnesHut",
                    "stabilization": {"enabled": physics, "iterations": 150, "updateInterval": 25}},
        "layout": {"improvedLayout": False},  # kamada-kawai seeding is O(n³): positions come from Python
        "edges": {"smooth": False if big else {"type": "continuous"}, "font": {"size": 10, "align": "middle"},
                  "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}}},
        "nodes": {"font": {"size": 14}, "borderWidth": 1},
        "interaction": {"hover": not big, "tooltipDelay": 200,
                        "hideEdgesOnDrag": big, "hideEdgesOnZoom": big},
    }


# ---------------------------------------------------------------- the page


def script_json(obj: object) -> str:
    """JSON safe inside <script>: no `<`, `>`, `&` or JS line separators survive literally."""
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    for raw, esc in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                     ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(raw, esc)
    return text


def _asset(name: str) -> str:
    return resources.files("kgraph").joinpath("assets", name).read_text(encoding="utf-8")


def _vis_lib(name: str) -> str:
    import pyvis

    text = (Path(pyvis.__file__).parent / "lib" / "vis-9.1.2" / name).read_text(encoding="utf-8")
    if re.search(r"</(script|style)", text, re.I):
        raise RuntimeError(f"pyvis's {name} cannot be inlined safely")
    return text


def _page_edges(nodes: list[dict], edges: list[dict]) -> list[dict]:
    """pyvis's edge records as the page reads them: ends as indices into `nodes` (an IRI is ~50 bytes,
    twice per edge, and the page's size is mostly edges), arrowheads from the options, not per edge."""
    index = {n["id"]: i for i, n in enumerate(nodes)}
    return [{**{k: v for k, v in e.items() if not (k == "arrows" and v == "to")},
             "from": index[e["from"]], "to": index[e["to"]]} for e in edges]


def page_html(net, data: dict, evidence: dict, title: str) -> str:
    records = {"nodes": net.nodes, "edges": _page_edges(net.nodes, net.edges), "options": net.options}
    parts = {
        "TITLE": html.escape(title), "LANG": html.escape(data["lang"]),
        "VIS_CSS": _vis_lib("vis-network.css"), "VIEWER_CSS": _asset("viewer.css"),
        "VIS_JS": _vis_lib("vis-network.min.js"), "VIEWER_JS": _asset("viewer.js"),
        "DATA": script_json({**data, **records}),
        "EVIDENCE": script_json(evidence),
    }
    return re.sub(r"\{\{([A-Z_]+)\}\}", lambda m: parts[m.group(1)], _asset("viewer.html"))


def render(g: Graph, opts: ViewerOptions = ViewerOptions()) -> tuple[str, RenderReport]:
    """The viewer page for a graph, and what was shown or left out."""
    if opts.lang not in UI:
        raise ValueError(f"unsupported language {opts.lang!r}; choose one of {', '.join(UI)}")
    report = RenderReport()
    view = _view(g, opts, report)
    physics = opts.physics if opts.physics is not None else len(view.keep) <= opts.layout_threshold
    comentions = opts.comentions if opts.comentions is not None else not view.events
    events = _shown_events(view)
    net = _network(view, _edges(view, events, comentions), opts, physics)
    report.nodes, report.edges, report.physics = len(net.nodes), len(net.edges), physics
    title = opts.title or UI[opts.lang]["title"]
    return page_html(net, _data(view, events, opts, comentions), _evidence(view, events, opts), title), report


def write_viewer(g: Graph, path: str, opts: ViewerOptions = ViewerOptions()) -> RenderReport:
    page, report = render(g, opts)
    write_atomic(path, page.encode("utf-8"))
    return report


# ---------------------------------------------------------------- files for graph tools


def _plain(value: object) -> str | int | float | bool:
    """GEXF/GraphML attributes must be plain: lists are joined, None becomes ""."""
    if isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, list | tuple | set):
        return "; ".join(str(v) for v in sorted(value))
    return "" if value is None else str(value)


def export_graph(g: Graph, projection: str = "events", lang: str = "id"):
    """A networkx graph with only plain attributes, for Gephi or Cytoscape.

    projection: "events" (actor → target, one edge per quad class, with metrics on the
    nodes), "comention" or "membership".
    """
    entities = A.read_entities(g)
    if projection == "events":
        G: nx.Graph = A.event_graph(A.read_events(g))
        G.add_nodes_from(sorted(entities))
        for n, values in A.actor_metrics(G).items():
            G.nodes[n].update(values)
    elif projection == "comention":
        G = A.comention_graph(entities)
    elif projection == "membership":
        G = A.membership_graph(g)
    else:
        raise ValueError(f"unknown projection {projection!r}")
    out = G.__class__()
    for n, data in sorted(G.nodes(data=True)):
        e = entities.get(n)
        attrs = {"label": e.label(lang) if e else A._local(n), "type": e.type if e else "", "iri": n}
        out.add_node(n, **attrs, **{k: _plain(v) for k, v in data.items()})
    edges = G.edges(keys=True, data=True) if G.is_multigraph() else G.edges(data=True)
    for u, v, *rest in sorted(edges, key=lambda e: e[:-1]):
        extra = {"quadClass": rest[0]} if G.is_multigraph() else {}  # the key, by name
        out.add_edge(u, v, **extra, **{k: _plain(x) for k, x in rest[-1].items()})
    return out


def write_graph_file(g: Graph, path: str, projection: str = "events", lang: str = "id") -> tuple[int, int]:
    """GEXF or GraphML by the file's extension; returns (nodes, edges)."""
    G = export_graph(g, projection, lang)
    suffix = Path(path).suffix.lower()
    if suffix == ".gexf":
        lines = nx.generate_gexf(G)
    elif suffix in (".graphml", ".xml"):
        lines = nx.generate_graphml(G)
    else:
        raise ValueError(f"{path}: write .gexf or .graphml")
    write_atomic(path, ("\n".join(lines) + "\n").encode("utf-8"))
    return G.number_of_nodes(), G.number_of_edges()
