"""Counts over a built graph: classes, CAMEO roots, most active actors."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from rdflib import Dataset, Literal
from rdflib.namespace import RDF, RDFS

from kgraph.namespaces import KG, SCHEMA
from kgraph.rdfmap import cameo_table

CLASSES = {
    "Article": SCHEMA.NewsArticle, "Person": KG.Person, "Country": KG.Country,
    "Organization": KG.Organization, "Place": KG.Place, "Event": KG.Event,
    "NegatedAction": KG.NegatedAction, "Quote": KG.Quote, "CasualtyCount": KG.CasualtyCount, "Quantity": KG.Quantity,
    "DateCorrection": KG.DateCorrection, "Mention": KG.Mention,
}


@dataclass(frozen=True, slots=True)
class GraphStats:
    triples: int
    articles: int
    classes: tuple[tuple[str, int], ...]
    roots: tuple[tuple[str, str, int], ...]
    actors: tuple[tuple[str, int], ...]


def graph_stats(ds: Dataset, top: int = 10) -> GraphStats:
    classes = tuple((name, len(set(ds.subjects(RDF.type, cls)))) for name, cls in CLASSES.items())
    events = set(ds.subjects(RDF.type, KG.Event))
    roots: Counter[str] = Counter()
    involvement: Counter = Counter()
    for event in events:
        for code in ds.objects(event, KG.cameoCode):
            roots[str(code)[:2]] += 1
        for node in {*ds.objects(event, KG.actor), *ds.objects(event, KG.target)}:
            involvement[node] += 1
    table = cameo_table()
    root_rows = tuple(
        (root, table.get(root, {}).get("label_en", ""), n) for root, n in sorted(roots.items())
    )
    actor_rows = tuple((_label(ds, node), n) for node, n in sorted(involvement.items(), key=lambda x: (-x[1], str(x[0])))[:top])
    return GraphStats(len(ds), dict(classes)["Article"], classes, root_rows, actor_rows)


def _label(ds: Dataset, node) -> str:
    labels = sorted(str(o) for o in ds.objects(node, RDFS.label) if isinstance(o, Literal))
    return labels[0] if labels else str(node).rsplit("/", 1)[-1]
