"""Places named by grammar rather than by the gazetteer: names opened by a place noun
("Gurun Negev", "Bandara El Arish"), a part of a known place ("Jakarta Timur"), a name
placed in a known country ("di Granada, Spanyol", "dari Igdir di timur Turki"), and one
capitalised word after "di" that nothing else names ("di Omdurman").
"""

from __future__ import annotations

import re
from functools import cache

from kgraph.extract.bodies import stop_words
from kgraph.extract.finder import EntityFinder
from kgraph.extract.lexicon_index import names_lexicon, title_regex
from kgraph.lexicon import alternation
from kgraph.model import EntityType, Span
from kgraph.rdfmap import slug

_UPPER = "A-ZÀ-ÖØ-ÞĀ-ŽƏА-Я"
_WORD = rf"[{_UPPER}][\w'’\-]*"
_PLACE_LIKE = (EntityType.PLACE, EntityType.COUNTRY)


def find_places(f: EntityFinder, body: list[Span]) -> None:
    for span in body:
        _headed_places(f, span)
    for span in body:
        _place_parts(f, span)
    for span in body:
        _placed_names(f, span)
    for span in body:
        _located_names(f, span)


@cache
def _place_head_regex() -> re.Pattern[str]:
    heads = names_lexicon()["place_heads"]
    return re.compile(
        rf"(?<![\w-])(?<!Angkatan )(?P<head>{alternation(heads['geographic'] + heads['facility'] + heads['water'])})"
        rf"(?P<name>(?:\s+(?:{_WORD}|[A-Z]{{2,}})){{1,4}})(?![\w-])"
    )


def _headed_places(f: EntityFinder, sentence: Span) -> None:
    """'Gurun Negev', 'Wilayah Sagaing' (the place is Negev, Sagaing); 'Bandara El Arish',
    'Istana Maryinsky', 'Pangkalan TNI AU Halim Perdanakusuma' (the whole is the place)."""
    heads = names_lexicon()["place_heads"]
    facility = {*heads["facility"], *heads["water"]}
    for m in _place_head_regex().finditer(sentence.text):
        begin = sentence.begin + m.start()
        if f.taken(begin, sentence.begin + m.end("head")):
            continue
        end = _place_name_end(f, sentence.begin + m.start("name"), sentence.begin + m.end())
        if end is None:
            continue
        span = Span.of(f.text, begin, end)
        name = f.text[sentence.begin + m.start("name"):end].strip()
        f.mark_in_title(f.inside(begin, end))
        if m["head"] in facility:
            key, label = f"place/{slug(span.text)}", span.text
        else:
            key, label = f"place/{slug(name)}", name
        f.add(span, key, EntityType.PLACE, label, "place-noun")
        f.names.setdefault(span.text, key)
        if name not in stop_words():
            f.names.setdefault(name, key)


def _place_name_end(f: EntityFinder, begin: int, end: int) -> int | None:
    """The name after a place noun: capitalised words, across an organisation's name
    ("Pangkalan TNI AU Halim …"), ending in a word of its own."""
    keep = None
    for t in re.finditer(r"\S+", f.text[begin:end]):
        b, e = begin + t.start(), begin + t.end()
        word = t.group(0)
        if word.rstrip(",.;:") in stop_words():
            break
        ref = next((r for r in f.refs if r.begin < e and b < r.end), None)
        if ref is not None and ref.type is not EntityType.ORGANIZATION:
            break
        if ref is None:
            keep = b + len(word.rstrip(",.;:"))
        if word != word.rstrip(",.;:"):
            break
    return keep


def _place_parts(f: EntityFinder, sentence: Span) -> None:
    """'Jakarta Timur': a known place and a direction word is a place in the same country."""
    for ref in [r for r in f.refs if r.type in _PLACE_LIKE and sentence.begin <= r.begin < sentence.end]:
        m = _direction_regex().match(f.text, ref.end)
        if m is None or f.taken(ref.end + 1, m.end()) or re.match(rf" {_WORD}", f.text[m.end():]):
            continue
        span = Span.of(f.text, ref.begin, m.end())
        country = ref.key if ref.type is EntityType.COUNTRY else f.entities[ref.key].part_of
        f.drop([ref])
        f.add(span, f"place/{slug(span.text)}", EntityType.PLACE, span.text, "place-part", part_of=country)


@cache
def _direction_regex() -> re.Pattern[str]:
    return re.compile(rf" (?:{alternation(names_lexicon()['direction_words'])})(?![\w-])")


@cache
def _placed_regex() -> re.Pattern[str]:
    lex = names_lexicon()
    name = rf"{_WORD}(?:\s+{_WORD}){{0,2}}"
    return re.compile(
        rf"(?<![\w-])(?:{alternation(lex['place_prepositions'])})\s+(?P<list>{name}(?:,\s+{name})*)"
        rf"(?:,\s+|\s+di\s+(?:bagian\s+)?(?:{alternation(lex['compass_words'])})\s+)$"
    )


def _placed_names(f: EntityFinder, sentence: Span) -> None:
    """'di Granada, Spanyol', 'di Filoli Estate, Woodside, California', 'dari Igdir di timur
    Turki': names placed in a known country or region are places there."""
    for where in [r for r in f.refs if r.type in _PLACE_LIKE and sentence.begin < r.begin < sentence.end]:
        m = _placed_regex().search(f.text, sentence.begin, where.begin)
        if m is None:
            continue
        country = where.key if where.type is EntityType.COUNTRY else f.entities[where.key].part_of
        for item in re.finditer(rf"{_WORD}(?:\s+{_WORD}){{0,2}}", m["list"]):
            b = m.start("list") + item.start()
            e = b + len(item.group(0))
            words = item.group(0).split()
            if f.taken(b, e) or any(w in stop_words() for w in words) or title_regex().match(item.group(0)):
                continue
            if _person_like(f, item.group(0)):
                continue
            f.add(Span.of(f.text, b, e), f"place/{slug(item.group(0))}", EntityType.PLACE, item.group(0),
                  "placed-name", part_of=country)
            f.names.setdefault(item.group(0), f"place/{slug(item.group(0))}")


@cache
def _located_regex() -> re.Pattern[str]:
    particles = alternation(names_lexicon()["inner_particles"])
    words = rf"{_WORD}(?: {_WORD}){{0,2}}"
    return re.compile(rf"(?<![\w-])(?:di|ke) (?P<name>{words})(?![\w'’-])(?! [{_UPPER}]| (?:{particles}) )")


def _located_names(f: EntityFinder, sentence: Span) -> None:
    """'di Omdurman', 'ke Mae Sot': up to three capitalised words after "di" or "ke" that no
    rule has named."""
    skip = set(names_lexicon()["not_places"]) | stop_words()
    for m in _located_regex().finditer(sentence.text):
        b, e = sentence.begin + m.start("name"), sentence.begin + m.end("name")
        name = m["name"]
        if (f.taken(b, e) or name in f.names or any(w in skip or w.isupper() for w in name.split()) or _person_like(f, name)
                or title_regex().match(name)):
            continue
        f.add(Span.of(f.text, b, e), f"place/{slug(name)}", EntityType.PLACE, name, "located-name")
        f.names.setdefault(name, f"place/{slug(name)}")


def _person_like(f: EntityFinder, name: str) -> bool:
    return name in f.aliases or any(name in b.names for b in f.entities.values() if b.type is EntityType.PERSON)
