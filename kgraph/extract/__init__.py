"""Stage 4, extract: sentences to entities, events, quotes, counts and relations.

The cascade, in order: entities (everything else points at them), events,
quotes, counts, standing relations.
"""

from __future__ import annotations

from kgraph.clean import published_date
from kgraph.extract.entities import find_entities
from kgraph.extract.events import EventFinder
from kgraph.extract.facts import find_counts, find_relations
from kgraph.extract.lexicon_index import org_kinds
from kgraph.extract.quotes import find_quotes
from kgraph.model import Extraction, Segmented


def extract(seg: Segmented) -> Extraction:
    refs, entities, _main = find_entities(seg)
    events, corrections = EventFinder(seg, refs, published_date(seg.body.meta)).run()
    return Extraction(
        seg,
        entities=tuple(entities),
        events=tuple(events),
        quotes=tuple(find_quotes(seg, refs)),
        counts=tuple(find_counts(seg, refs)),
        relations=tuple(find_relations(seg, refs, org_kinds())),
        date_corrections=tuple(corrections),
    )
