"""Stage 4, extract: sentences to entities, events, quotes, counts and relations.

The cascade, in order: entities (everything else points at them), events,
quotes, counts, standing relations.
"""

from __future__ import annotations

from kgraph.clean import published_date
from kgraph.extract.entities import Ref, find_entities
from kgraph.extract.events import EventFinder
from kgraph.extract.facts import find_counts, find_quantities, find_relations
from kgraph.extract.lexicon_index import countries_by_key, org_kinds
from kgraph.extract.quotes import find_quotes
from kgraph.model import Entity, EntityType, Extraction, Mention, Segmented, Span


def extract(seg: Segmented) -> Extraction:
    refs, entities, _main = find_entities(seg)
    events, corrections = EventFinder(seg, refs, published_date(seg.body.meta), entities).run()
    quotes = find_quotes(seg, refs, entities)
    counts = find_counts(seg, refs)
    relations = find_relations(seg, refs, org_kinds(), _post_countries(entities))
    used = {k for e in events for k in (*e.actors, *e.targets, e.claimed_by) if k}
    used |= {q.speaker for q in quotes if q.speaker} | {c.of for c in counts if c.of}
    used |= {k for r in relations for k in (r.subject, r.object)}
    return Extraction(
        seg,
        entities=tuple(sorted([*entities, *_standing_in(seg, refs, used, entities)], key=lambda e: e.key)),
        events=tuple(events),
        quotes=tuple(quotes),
        counts=tuple(counts),
        quantities=tuple(find_quantities(seg, counts)),
        relations=tuple(relations),
        date_corrections=tuple(corrections),
    )


def _post_countries(entities: list[Entity]) -> dict[str, str]:
    """Each person's country of office, from the first post held in a country."""
    countries = {e.key for e in entities if e.type is EntityType.COUNTRY}
    return {e.key: p.of for e in entities for p in reversed(e.posts) if p.of in countries}


def _standing_in(seg: Segmented, refs: list[Ref], used: set[str], entities: list[Entity]) -> list[Entity]:
    """Countries that act only through a capital or a body standing for them ("Riyad", "Kremlin"):
    the graph gets the country node, evidenced by the names that stood for it."""
    known = {e.key for e in entities}
    out = []
    for key in sorted(used - known):
        entry = countries_by_key().get(key)
        spans = sorted({Span(r.begin, r.end, seg.body.text[r.begin:r.end]) for r in refs if r.acts_as == key})
        if entry is None or not spans:
            continue
        mentions = tuple(Mention(s, key, "stands-for") for s in spans)
        out.append(Entity(key, EntityType.COUNTRY, entry.label, (), mentions, (), entry.iso, entry.english))
    return out
