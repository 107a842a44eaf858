"""Analyse: networkx projections of the event graph, metrics, and metrics written back as RDF.

Everything here is a pure function of the graph it is given. The projections are:

- `event_graph`: actor → target MultiDiGraph, one edge per (actor, target, quad class)
  holding the event count, the Goldstein sum and the evidence events;
- `comention_graph`: entities mentioned in the same article;
- `membership_graph`: person → post → country/organisation, and org:memberOf.

Metrics are `f(G) -> dict[node, value]`. `metrics_graph` writes them, with the dyad
relations, as triples whose IRIs and literals depend only on the input, so the same
graph always gives the same triples.
"""

from __future__ import annotations

import hashlib
import logging
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise

import networkx as nx
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, SKOS, XSD

from kgraph import __version__
from kgraph.errors import QueryError
from kgraph.namespaces import DEFAULT_BASE, KG, NIF, ORG, SCHEMA
from kgraph.rdfmap import cameo_info, cameo_table

log = logging.getLogger(__name__)

QUAD_OF = {KG.VerbalCooperation: 1, KG.MaterialCooperation: 2, KG.VerbalConflict: 3, KG.MaterialConflict: 4}
QUAD_NAME = {1: "VerbalCooperation", 2: "MaterialCooperation", 3: "VerbalConflict", 4: "MaterialConflict"}
ENTITY_CLASSES = {KG.Person: "Person", KG.Country: "Country", KG.Organization: "Organization",
                  KG.Place: "Place"}
BETWEENNESS_EXACT_LIMIT = 2000  # above this, sample k pivots (exact betweenness is O(n·m))
BETWEENNESS_SAMPLE = 500
SEED = 42  # fixed seed: Louvain and sampled betweenness give the same answer every run


@dataclass(frozen=True, slots=True)
class EventRecord:
    iri: str
    cameo: str
    goldstein: float | None
    quad: int | None
    date: str | None  # ISO date
    actors: tuple[str, ...]
    targets: tuple[str, ...]
    article: str | None
    sentence: str  # the evidence sentence ("" when the graph has none)
    highlight: tuple[int, int] | None  # the trigger, as offsets into `sentence`


@dataclass(frozen=True, slots=True)
class EntityRecord:
    iri: str
    type: str  # Person | Country | Organization | Place
    labels: tuple[tuple[str, str], ...]  # (language, label), sorted
    articles: tuple[str, ...]  # articles that mention it

    def label(self, lang: str = "id") -> str:
        by_lang = dict(self.labels)
        found = by_lang.get(lang) or by_lang.get("id") or by_lang.get("en") or by_lang.get("")
        return found or _local(self.iri)


@dataclass(frozen=True, slots=True)
class ArticleRecord:
    iri: str
    headline: str
    date: str | None


@dataclass(frozen=True, slots=True)
class Dyad:
    source: str
    target: str
    events: tuple[str, ...]
    cooperative: int
    conflictual: int
    mean_goldstein: float | None
    first_date: str | None
    last_date: str | None


def _local(iri: str) -> str:
    return iri.rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def _str(node: object) -> str | None:
    return None if node is None else str(node)


# ---------------------------------------------------------------- reading


def read_events(g: Graph) -> list[EventRecord]:
    """Asserted events (kg:Event; negated actions are left out), sorted by IRI."""
    return [_event(g, e) for e in sorted(set(g.subjects(RDF.type, KG.Event)))]


def _event(g: Graph, node: URIRef) -> EventRecord:
    cameo = str(g.value(node, KG.cameoCode) or "")
    goldstein_lit, quad_iri = g.value(node, KG.goldstein), g.value(node, KG.quadClass)
    fallback_goldstein, fallback_quad, _ = cameo_info(cameo) if cameo else (None, None, None)
    goldstein = float(goldstein_lit) if goldstein_lit is not None else fallback_goldstein
    quad = QUAD_OF.get(quad_iri, fallback_quad) if quad_iri is not None else fallback_quad
    sentence, highlight = _evidence(g, node)
    return EventRecord(
        iri=str(node), cameo=cameo, goldstein=goldstein, quad=quad, date=_str(g.value(node, KG.date)),
        actors=tuple(sorted(str(a) for a in g.objects(node, KG.actor))),
        targets=tuple(sorted(str(t) for t in g.objects(node, KG.target))),
        article=_str(g.value(node, KG.article)), sentence=sentence, highlight=highlight,
    )


def _evidence(g: Graph, node: URIRef) -> tuple[str, tuple[int, int] | None]:
    mentions = sorted(g.objects(node, KG.mention))
    if not mentions:
        return "", None
    sentence = mentions[0]
    text = str(g.value(sentence, NIF.anchorOf) or "")
    trigger = g.value(node, KG.trigger)
    try:
        start = int(g.value(sentence, NIF.beginIndex))
        begin = int(g.value(trigger, NIF.beginIndex)) - start
        end = int(g.value(trigger, NIF.endIndex)) - start
    except (TypeError, ValueError):
        return text, None
    return text, ((begin, end) if 0 <= begin <= end <= len(text) else None)


def read_entities(g: Graph) -> dict[str, EntityRecord]:
    """Typed entities with their labels and the articles that mention them."""
    article_of = {str(ctx): str(a) for a, ctx in g.subject_objects(KG.context)}
    out: dict[str, EntityRecord] = {}
    for cls, name in ENTITY_CLASSES.items():
        for node in set(g.subjects(RDF.type, cls)):
            if str(node) in out:
                continue
            labels = {(lit.language or "", str(lit)) for lit in g.objects(node, RDFS.label)}
            labels |= {(lit.language or "", str(lit)) for lit in g.objects(node, SKOS.prefLabel)
                       if (lit.language or "") not in {lang for lang, _ in labels}}
            contexts = {g.value(m, NIF.referenceContext) for m in g.objects(node, KG.mention)}
            arts = sorted({article_of[str(c)] for c in contexts if str(c) in article_of})
            out[str(node)] = EntityRecord(str(node), name, tuple(sorted(labels)), tuple(arts))
    return dict(sorted(out.items()))


def read_articles(g: Graph) -> dict[str, ArticleRecord]:
    out = {}
    for node in sorted(set(g.subjects(RDF.type, SCHEMA.NewsArticle))):
        published = g.value(node, SCHEMA.datePublished)
        out[str(node)] = ArticleRecord(str(node), str(g.value(node, SCHEMA.headline) or ""),
                                       str(published)[:10] if published is not None else None)
    return out


def cameo_label(code: str, lang: str = "en") -> str:
    table = cameo_table()
    row = table.get(code) or table.get(code[:3]) or table.get(code[:2]) or {}
    return row.get(f"label_{lang}") or row.get("label_en") or code


# ---------------------------------------------------------------- projections


def event_graph(events: Iterable[EventRecord]) -> nx.MultiDiGraph:
    """actor → target, one edge per quad class (key), with count, Goldstein sum and event IRIs."""
    G = nx.MultiDiGraph()
    for ev in events:
        key = QUAD_NAME.get(ev.quad or 0, "Unknown")
        for a in ev.actors:
            for t in ev.targets:
                if a == t:
                    continue
                if not G.has_edge(a, t, key):
                    G.add_edge(a, t, key, count=0, goldstein=0.0, events=[])
                data = G[a][t][key]
                data["count"] += 1
                data["goldstein"] += ev.goldstein or 0.0
                data["events"].append(ev.iri)
    return G


def comention_graph(entities: dict[str, EntityRecord]) -> nx.Graph:
    """Entities mentioned in the same article; weight = number of shared articles."""
    by_article: dict[str, list[str]] = defaultdict(list)
    for e in entities.values():
        for a in e.articles:
            by_article[a].append(e.iri)
    G = nx.Graph()
    G.add_nodes_from(sorted(entities))
    for article in sorted(by_article):
        members = sorted(by_article[article])
        for i, u in enumerate(members):
            for v in members[i + 1:]:
                if G.has_edge(u, v):
                    G[u][v]["weight"] += 1
                    G[u][v]["articles"].append(article)
                else:
                    G.add_edge(u, v, weight=1, articles=[article])
    return G


def membership_graph(g: Graph) -> nx.DiGraph:
    """person -holds-> post -postIn-> country/org; org -memberOf-> org."""
    G = nx.DiGraph()
    for predicate, name in ((ORG.holds, "holds"), (ORG.postIn, "postIn"), (ORG.memberOf, "memberOf")):
        for s, o in sorted(set(g.subject_objects(predicate))):
            G.add_edge(str(s), str(o), relation=name)
    return G


def _undirected(G: nx.Graph) -> nx.Graph:
    """Simple undirected graph, weight = summed event count (or edge weight), nodes sorted."""
    return _summed(G, nx.Graph())


def _directed(G: nx.Graph) -> nx.DiGraph:
    return _summed(G, nx.DiGraph())


def _summed(G: nx.Graph, out: nx.Graph) -> nx.Graph:
    """`out` filled with G's nodes and one edge per pair, its weight the summed counts."""
    out.add_nodes_from(sorted(G.nodes))
    for u, v, data in sorted(G.edges(data=True), key=lambda e: (e[0], e[1])):
        w = data.get("count", data.get("weight", 1))
        out.add_edge(u, v, weight=out[u][v]["weight"] + w if out.has_edge(u, v) else w)
    return out


# ---------------------------------------------------------------- metrics


def degree(G: nx.Graph) -> dict[str, int]:
    """Number of distinct counterparts, whatever the direction or number of events."""
    U = _undirected(G)
    return {n: U.degree(n) for n in U.nodes}


def pagerank(G: nx.Graph, alpha: float = 0.85, tol: float = 1e-12, max_iter: int = 500) -> dict[str, float]:
    """PageRank weighted by event count; dangling nodes spread evenly (as networkx does).

    Power iteration in pure Python: networkx's own pagerank needs scipy, which kgraph
    does not depend on.
    """
    D = _directed(G)
    n = len(D)
    if n == 0:
        return {}
    out_w = {u: sum(d["weight"] for _, _, d in D.out_edges(u, data=True)) for u in D}
    x = dict.fromkeys(D, 1.0 / n)
    for _ in range(max_iter):
        dangling = alpha * sum(x[u] for u in D if out_w[u] == 0) / n
        new = dict.fromkeys(D, (1.0 - alpha) / n + dangling)
        for u, v, d in D.edges(data=True):
            new[v] += alpha * x[u] * d["weight"] / out_w[u]
        err = sum(abs(new[u] - x[u]) for u in D)
        x = new
        if err < n * tol:
            break
    return x


def betweenness(G: nx.Graph) -> dict[str, float]:
    """Normalised betweenness on the undirected graph; sampled (fixed seed) above the limit."""
    U = _undirected(G)
    k = BETWEENNESS_SAMPLE if len(U) > BETWEENNESS_EXACT_LIMIT else None
    if k:
        log.info("betweenness sampled with k=%d pivots over %d nodes", k, len(U))
    return nx.betweenness_centrality(U, k=k, seed=SEED, normalized=True)


def communities(G: nx.Graph) -> dict[str, int]:
    """Louvain communities (fixed seed), numbered by size, then by their first member."""
    U = _undirected(G)
    if len(U) == 0:
        return {}
    found = nx.community.louvain_communities(U, weight="weight", seed=SEED)
    ordered = sorted((sorted(c) for c in found), key=lambda c: (-len(c), c[0]))
    return {node: i for i, members in enumerate(ordered) for node in members}


def dyads(events: Iterable[EventRecord]) -> list[Dyad]:
    """Directed actor → target relations with cooperative/conflictual counts and dates."""
    grouped: dict[tuple[str, str], list[EventRecord]] = defaultdict(list)
    for ev in events:
        for a in ev.actors:
            for t in ev.targets:
                if a != t:
                    grouped[(a, t)].append(ev)
    return [_dyad(a, t, evs) for (a, t), evs in sorted(grouped.items())]


def _dyad(source: str, target: str, evs: list[EventRecord]) -> Dyad:
    values = [e.goldstein for e in evs if e.goldstein is not None]
    dates = sorted(e.date for e in evs if e.date)
    return Dyad(
        source=source, target=target, events=tuple(sorted(e.iri for e in evs)),
        cooperative=sum(1 for e in evs if e.quad in (1, 2)),
        conflictual=sum(1 for e in evs if e.quad in (3, 4)),
        mean_goldstein=round(sum(values) / len(values), 3) if values else None,
        first_date=dates[0] if dates else None, last_date=dates[-1] if dates else None,
    )


# ---------------------------------------------------------------- written back as RDF


def _decimal(value: float, places: int = 6) -> Literal:
    return Literal(f"{value:.{places}f}", datatype=XSD.decimal)


def analysis_graph_iri(base: str = DEFAULT_BASE) -> URIRef:
    return URIRef(f"{base}graph/analysis")


def analysis_run_iri(events: Iterable[EventRecord], base: str = DEFAULT_BASE) -> URIRef:
    """The run's IRI is a digest of the software version and the input events, never a clock."""
    h = hashlib.sha256(f"kgraph {__version__}\n".encode())
    for ev in sorted(events, key=lambda e: e.iri):
        h.update(repr((ev.iri, ev.cameo, ev.quad, ev.date, ev.actors, ev.targets)).encode())
    return URIRef(f"{base}run/analysis-{h.hexdigest()[:16]}")


def dyad_iri(dyad: Dyad, base: str = DEFAULT_BASE) -> URIRef:
    digest = hashlib.sha256(f"{dyad.source}\n{dyad.target}".encode()).hexdigest()[:16]
    return URIRef(f"{base}dyad/{digest}")


def actor_metrics(G: nx.Graph) -> dict[str, dict[str, float | int]]:
    """degree, pageRank, betweenness and community per node of the event graph."""
    measures = {"degree": degree(G), "pageRank": pagerank(G), "betweenness": betweenness(G),
                "community": communities(G)}
    return {n: {name: values[n] for name, values in measures.items()} for n in sorted(G.nodes)}


def metrics_graph(g: Graph, run_iri: URIRef, base: str = DEFAULT_BASE,
                  graph_iri: URIRef | None = None) -> Graph:
    """Dyad relations and per-actor metrics as triples, with the run that made them."""
    events = read_events(g)
    out = Graph()
    out.add((run_iri, RDF.type, PROV.Activity))
    out.add((run_iri, RDF.type, KG.Run))
    out.add((run_iri, KG.softwareVersion, Literal(f"kgraph {__version__}")))
    out.add((run_iri, RDFS.comment, Literal(f"kgraph analyse over {len(events)} event(s)", lang="en")))
    if graph_iri is not None:
        out.add((graph_iri, PROV.wasGeneratedBy, run_iri))
    for d in dyads(events):
        _add_dyad(out, d, dyad_iri(d, base), run_iri)
    for node, values in actor_metrics(event_graph(events)).items():
        s = URIRef(node)
        out.add((s, KG.degree, Literal(values["degree"], datatype=XSD.integer)))
        out.add((s, KG.pageRank, _decimal(values["pageRank"])))
        out.add((s, KG.betweenness, _decimal(values["betweenness"])))
        out.add((s, KG.community, Literal(values["community"], datatype=XSD.integer)))
    return out


def _add_dyad(out: Graph, d: Dyad, node: URIRef, run_iri: URIRef) -> None:
    out.add((node, RDF.type, KG.DyadRelation))
    out.add((node, KG.source, URIRef(d.source)))
    out.add((node, KG.target, URIRef(d.target)))
    out.add((node, KG.eventCount, Literal(len(d.events), datatype=XSD.integer)))
    out.add((node, KG.cooperativeEvents, Literal(d.cooperative, datatype=XSD.integer)))
    out.add((node, KG.conflictualEvents, Literal(d.conflictual, datatype=XSD.integer)))
    if d.mean_goldstein is not None:
        out.add((node, KG.meanGoldstein, _decimal(d.mean_goldstein, 3)))
    if d.first_date:
        out.add((node, KG.firstDate, Literal(d.first_date, datatype=XSD.date)))
        out.add((node, KG.lastDate, Literal(d.last_date, datatype=XSD.date)))
    for ev in d.events:
        out.add((node, KG.evidenceEvent, URIRef(ev)))
    out.add((node, PROV.wasGeneratedBy, run_iri))


# ---------------------------------------------------------------- kgraph path


@dataclass(frozen=True, slots=True)
class PathStep:
    source: str
    target: str
    events: tuple[EventRecord, ...]  # either direction, by date
    articles: tuple[str, ...]  # shared articles, when the hop is a co-mention only


@dataclass(frozen=True, slots=True)
class PathExplanation:
    steps: tuple[PathStep, ...]
    via: str  # "events" or "co-mentions"


def resolve_entity(entities: dict[str, EntityRecord], g: Graph, name: str) -> str:
    """An entity IRI from an IRI, a label or an alternative label (case-insensitive)."""
    if name in entities:
        return name
    wanted = name.casefold()
    hits = sorted({e.iri for e in entities.values() if any(lbl.casefold() == wanted for _, lbl in e.labels)})
    if not hits:
        hits = sorted({str(s) for s, lit in g.subject_objects(SKOS.altLabel)
                       if str(lit).casefold() == wanted and str(s) in entities})
    if not hits:
        raise QueryError(f"no entity called {name!r} (give a label or an IRI)")
    if len(hits) > 1:
        raise QueryError(f"{name!r} is ambiguous: {', '.join(hits)}")
    return hits[0]


def shortest_path_explained(g: Graph, a: str, b: str) -> PathExplanation | None:
    """How two actors are connected: through events if possible, else through shared articles."""
    entities = read_entities(g)
    source, target = resolve_entity(entities, g, a), resolve_entity(entities, g, b)
    events = read_events(g)
    by_iri = {e.iri: e for e in events}
    E = event_graph(events)
    U = _undirected(E)
    if source in U and target in U and nx.has_path(U, source, target):
        nodes = nx.shortest_path(U, source, target)
        steps = [PathStep(u, v, _hop_events(E, u, v, by_iri), ()) for u, v in pairwise(nodes)]
        return PathExplanation(tuple(steps), "events")
    C = comention_graph(entities)
    if source in C and target in C and nx.has_path(C, source, target):
        nodes = nx.shortest_path(C, source, target)
        steps = [PathStep(u, v, (), tuple(C[u][v]["articles"])) for u, v in pairwise(nodes)]
        return PathExplanation(tuple(steps), "co-mentions")
    return None


def _hop_events(E: nx.MultiDiGraph, u: str, v: str,
                by_iri: dict[str, EventRecord]) -> tuple[EventRecord, ...]:
    pairs = [(x, y) for x, y in ((u, v), (v, u)) if E.has_edge(x, y)]
    iris = {ev for x, y in pairs for d in E[x][y].values() for ev in d["events"]}
    return tuple(sorted((by_iri[i] for i in iris), key=lambda e: (e.date or "", e.iri)))


def format_path(g: Graph, path: PathExplanation | None, lang: str = "en") -> str:
    """Plain text: one hop per block, one event per line with its evidence sentence."""
    if path is None:
        return "not connected"
    entities, articles = read_entities(g), read_articles(g)

    def name(iri: str) -> str:
        return entities[iri].label(lang) if iri in entities else _local(iri)

    lines = [f"{name(path.steps[0].source)} → {name(path.steps[-1].target)}: "
             f"{len(path.steps)} hop(s) via {path.via}"]
    for i, step in enumerate(path.steps, 1):
        lines.append(f"{i}. {name(step.source)} — {name(step.target)}")
        for ev in step.events:
            who = f"{', '.join(map(name, ev.actors))} → {', '.join(map(name, ev.targets))}"
            lines.append(f"   [{ev.date or '?'}] {ev.cameo} {cameo_label(ev.cameo, lang)}: {who}")
            lines.append(f"      “{_marked(ev)}”{_source(articles.get(ev.article or ''))}")
        for art in step.articles:
            lines.append(f"   mentioned together in{_source(articles.get(art)) or ' ' + art}")
    return "\n".join(lines)


def _marked(ev: EventRecord) -> str:
    if ev.highlight is None:
        return ev.sentence
    b, e = ev.highlight
    return f"{ev.sentence[:b]}[{ev.sentence[b:e]}]{ev.sentence[e:]}"


def _source(article: ArticleRecord | None) -> str:
    return f" — {article.headline} ({article.date or '?'})" if article else ""
