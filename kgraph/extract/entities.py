"""Actors and places: gazetteer names, state bodies, people by title, speech verb or apposition.

The result is a list of `Ref`s (every place in the text an entity is named,
sorted by position) and the `Entity` records they resolve to. Later mentions —
surnames, "Menlu AS", "sang presiden" — resolve to the entity first named in full,
and a person's key is their fullest name ("person/vladimir-putin"), or the name
names.yaml knows them by, so the same person is one node across articles.

The cascade, in order: gazetteer (countries, organisations, places, well-known
people) and the dateline; organisations named by grammar (bodies.py: companies,
ministries, state bodies, "Long Name (ACRONYM)", organisation nouns); places named
by grammar (places.py); people by title or apposition (people.py) and without one
(personal_names.py); later mentions; each person's key settled last. finder.py
holds the working state (`Ref`, `EntityFinder`) the modules share.
"""

from __future__ import annotations

from collections import Counter

from kgraph.extract import bodies, people, personal_names, places
from kgraph.extract.finder import EntityFinder, Ref
from kgraph.extract.lexicon_index import gazetteer_hits
from kgraph.model import Entity, EntityType, Segmented, Span


def find_entities(seg: Segmented) -> tuple[list[Ref], list[Entity], str | None]:
    """Refs in text order, entities by key, and the article's main country key."""
    f = EntityFinder(seg)
    body = [s.span for s in seg.sentences if s.paragraph > 0 or seg.body.meta.headline is None]
    heads = [s.span for s in seg.sentences if s.paragraph == 0 and seg.body.meta.headline is not None]
    for span in body + heads:
        _gazetteer(f, span)
    _dateline(f, seg)
    main = _main_country(f, seg)
    bodies.find_organisations(f, body, main)
    places.find_places(f, body)
    people.find_people(f, body, main)
    from kgraph.extract.facts import find_place_lists

    find_place_lists(f, seg)
    people.later_mentions(f, body + heads)
    bodies.later_mentions(f, body + heads)
    personal_names.settle_keys(f)
    refs = sorted(f.refs, key=lambda r: (r.begin, -r.end))
    return refs, f.frozen(), main


def _gazetteer(f: EntityFinder, span: Span) -> None:
    """Every gazetteer name in the sentence, except a place that begins a person's
    name ("Riyad al-Maliki")."""
    for hit in gazetteer_hits(span.text):
        if hit.entry.type in (EntityType.PLACE, EntityType.COUNTRY) and personal_names.name_goes_on(span.text, hit.end):
            continue
        f.add_entry(span.begin + hit.begin, span.begin + hit.end, hit.entry)


def _dateline(f: EntityFinder, seg: Segmented) -> None:
    """The dateline names where the story happened ('YEREVAN, KOMPAS.com', 'Bogor -') when
    the story is about that place's country; 'Jakarta, CNN Indonesia' over a story about
    Armenia only names the newsroom."""
    dl = seg.body.meta.dateline
    if dl is None or f.text[dl.begin:dl.end] != dl.text or f.taken(dl.begin, dl.end):
        return
    named = {r.key for r in f.refs} | {f.entities[r.key].part_of for r in f.refs}
    text = dl.text.title() if dl.text.isupper() else dl.text
    for hit in gazetteer_hits(text):
        if hit.entry.type in (EntityType.PLACE, EntityType.COUNTRY) and (hit.entry.part_of or hit.entry.key) in named:
            f.add_entry(dl.begin + hit.begin, dl.begin + hit.end, hit.entry, rule="dateline")


# The portals' home country, and what a foreign dateline weighs against mentions.
HOME_COUNTRY = "country/ID"
DATELINE_WEIGHT = 2


def _main_country(f: EntityFinder, seg: Segmented) -> str | None:
    """The country an unqualified title ("Menteri Perdagangan X") is held in. An Indonesian
    dateline is the portal's home desk: Indonesia, unless the body never names Indonesia but
    names another country at least twice (a foreign story filed in Jakarta). A foreign dateline is where the news
    happened; it counts as two mentions, and the country named most often wins ("BRUSSELS" in
    a story of Indonesian ministers lobbying the EU is Indonesia's story)."""
    counts = Counter(r.key for r in f.refs if r.type is EntityType.COUNTRY)
    dl = seg.body.meta.dateline
    if dl is not None:
        for hit in gazetteer_hits(dl.text.title() if dl.text.isupper() else dl.text):
            country = hit.entry.stands_for or hit.entry.part_of
            if country == HOME_COUNTRY and (counts[country] or max(counts.values(), default=0) < 2):
                return country  # a home-desk story, unless it never names Indonesia and names another country often
            if country:
                counts[country] += DATELINE_WEIGHT
                break
    if not counts:
        return None
    best = max(counts.values())
    return sorted(k for k, n in counts.items() if n == best)[0] if best else None
