"""Stage 4, extract: sentences to entities, events, quotes, counts and relations."""

from __future__ import annotations

from kgraph.extract.entities import find_entities
from kgraph.model import Extraction, Segmented


def extract(seg: Segmented) -> Extraction:
    refs, entities, main = find_entities(seg)
    return Extraction(seg, entities=tuple(entities))
