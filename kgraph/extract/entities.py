"""Actors and places: gazetteer names, ministries, people by title, speech verb or apposition.

The result is a list of `Ref`s (every place in the text an entity is named,
sorted by position) and the `Entity` records they resolve to. Later mentions —
surnames, "Menlu AS", "sang presiden" — resolve to the entity first named in full.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache

from kgraph.extract.lexicon_index import (
    GazetteerEntry,
    calendar_words,
    gazetteer_hits,
    ministry_fields,
    ministry_regex,
    short_ministries,
    title_regex,
    titles,
)
from kgraph.lexicon import load_yaml
from kgraph.model import Entity, EntityType, Mention, Post, Segmented, Span
from kgraph.rdfmap import slug

_UPPER = "A-ZÀ-ÖØ-ÞĀ-ŽƏА-Я"
_NAME_TOKEN = rf"(?:[{_UPPER}][\w'’\-]*|[{_UPPER}]\.)"
_PARTICLE = r"(?:bin|binti|al|el|van|von|der|de|la|le|da|dos|ibn|abu|ben|ul)"
NAME = re.compile(rf"{_NAME_TOKEN}(?:\s+(?:{_PARTICLE}\s+)?{_NAME_TOKEN}){{0,3}}")


@dataclass(frozen=True, slots=True)
class Ref:
    """One place an entity is named. `acts_as` is the actor it stands for (a capital
    for its country); `in_title` marks a country inside a person's title phrase."""

    begin: int
    end: int
    key: str
    type: EntityType
    acts_as: str
    rule: str
    in_title: bool = False


@dataclass
class _Builder:
    key: str
    type: EntityType
    label: str
    english: str | None = None
    iso: str | None = None
    part_of: str | None = None
    names: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    posts: list[Post] = field(default_factory=list)

    def freeze(self) -> Entity:
        alts = tuple(sorted({n for n in self.names if n != self.label}))
        return Entity(
            self.key, self.type, self.label, alts, tuple(sorted(self.mentions, key=lambda m: m.span)),
            tuple(self.posts), self.iso, self.english, self.part_of,
        )


@cache
def _names_lex() -> dict:
    return load_yaml("names.yaml")


@cache
def _not_name() -> frozenset[str]:
    return frozenset(_names_lex()["not_name_words"]) | calendar_words()


class EntityFinder:
    """Collects refs and entities over one article."""

    def __init__(self, seg: Segmented) -> None:
        self.seg = seg
        self.text = seg.body.text
        self.refs: list[Ref] = []
        self.entities: dict[str, _Builder] = {}
        self.aliases: dict[str, str] = {}  # surface → person key
        self.posts_by_title: dict[tuple[str, str | None], str] = {}

    # -- entities ------------------------------------------------------------
    def add(self, span: Span, key: str, etype: EntityType, label: str, rule: str, *, acts_as: str | None = None,
            english: str | None = None, iso: str | None = None, part_of: str | None = None,
            in_title: bool = False) -> Ref:
        b = self.entities.get(key)
        if b is None:
            b = self.entities[key] = _Builder(key, etype, label, english, iso, part_of)
        if span.text not in b.names:
            b.names.append(span.text)
        if all(m.span != span for m in b.mentions):
            b.mentions.append(Mention(span, key, rule))
        ref = Ref(span.begin, span.end, key, etype, acts_as or key, rule, in_title)
        self.refs.append(ref)
        return ref

    def add_entry(self, begin: int, end: int, entry: GazetteerEntry, rule: str = "gazetteer") -> Ref:
        span = Span.of(self.text, begin, end)
        return self.add(span, entry.key, entry.type, entry.label, rule, acts_as=entry.stands_for,
                        english=entry.english, iso=entry.iso, part_of=entry.part_of)

    def taken(self, begin: int, end: int) -> bool:
        return any(r.begin < end and begin < r.end for r in self.refs)

    def ref_at(self, pos: int) -> Ref | None:
        """The ref starting at `pos` (after spaces), if any."""
        while pos < len(self.text) and self.text[pos] == " ":
            pos += 1
        return next((r for r in self.refs if r.begin == pos), None)


def find_entities(seg: Segmented) -> tuple[list[Ref], list[Entity], str | None]:
    """Refs in text order, entities by key, and the article's main country key."""
    f = EntityFinder(seg)
    body = [s.span for s in seg.sentences if s.paragraph > 0 or seg.body.meta.headline is None]
    heads = [s.span for s in seg.sentences if s.paragraph == 0 and seg.body.meta.headline is not None]
    for span in body + heads:
        for hit in gazetteer_hits(span.text):
            f.add_entry(span.begin + hit.begin, span.begin + hit.end, hit.entry)
    main = _main_country(f, seg)
    for span in body:
        _ministries(f, span, main)
    for span in body:
        _titled_people(f, span, main)
    for span in body:
        _speech_people(f, span)
    from kgraph.extract.facts import find_place_lists

    find_place_lists(f, seg)
    _alias_mentions(f, body + heads)
    refs = sorted(f.refs, key=lambda r: (r.begin, -r.end))
    return refs, [b.freeze() for _, b in sorted(f.entities.items())], main


def _main_country(f: EntityFinder, seg: Segmented) -> str | None:
    """The dateline's country, else the country named most often."""
    dl = seg.body.meta.dateline
    if dl is not None:
        for hit in gazetteer_hits(dl.text.title() if dl.text.isupper() else dl.text):
            if hit.entry.stands_for or hit.entry.part_of:
                return hit.entry.stands_for or hit.entry.part_of
    counts = Counter(r.key for r in f.refs if r.type is EntityType.COUNTRY)
    return counts.most_common(1)[0][0] if counts else None


def _ministries(f: EntityFinder, sentence: Span, main: str | None) -> None:
    """'Kementerian Pertahanan Armenia', 'kementerian pertahanan di Yerevan', 'Kemlu RI'."""
    text = f.text
    matches = [(m.start(), m.end(), m["field"]) for m in ministry_regex().finditer(sentence.text)]
    for short, fld in short_ministries().items():
        matches += [(m.start(), m.end(), fld) for m in re.finditer(rf"(?<![\w-]){re.escape(short)}(?![\w-])", sentence.text)]
    for b, e, fld in matches:
        begin, end = sentence.begin + b, sentence.begin + e
        country, end = _country_after(f, end)
        if country is None:
            continue
        field_label = next(k for k in ministry_fields() if k == fld.lower()).title()
        field_label = field_label.replace(" Dan ", " dan ")
        country_label = f.entities[country].label
        key = f"org/kementerian-{slug(field_label)}-{country.split('/')[-1].lower()}"
        span = Span.of(text, begin, end)
        f.refs = [r for r in f.refs if not (r.begin >= begin and r.end <= end and r.type is EntityType.PLACE)]
        ref = f.add(span, key, EntityType.ORGANIZATION, f"Kementerian {field_label} {country_label}", "ministry",
                    acts_as=country, english=f"Ministry of {ministry_fields()[fld.lower()]} of "
                    f"{f.entities[country].english or country_label}", part_of=country)
        f.refs = [r for r in f.refs if r is ref or not (r.begin >= begin and r.end <= end)] + [
            Ref(r.begin, r.end, r.key, r.type, r.acts_as, r.rule, in_title=True)
            for r in f.refs if r is not ref and r.begin >= begin and r.end <= end
        ]


def _country_after(f: EntityFinder, pos: int) -> tuple[str | None, int]:
    """A country (or its capital after 'di') right after `pos`: (country key, new end)."""
    text = f.text
    m = re.match(r"\s+(?:di\s+)?", text[pos:])
    start = pos + (m.end() if m else 0)
    ref = next((r for r in f.refs if r.begin == start), None)
    if ref is None:
        return None, pos
    if ref.type is EntityType.COUNTRY:
        return ref.key, ref.end
    if ref.acts_as != ref.key:  # a capital standing for its country
        return ref.acts_as, ref.end
    return None, pos


def _titled_people(f: EntityFinder, sentence: Span, main: str | None) -> None:
    for m in title_regex().finditer(sentence.text):
        title = titles()[m.group(0)]
        begin, pos = sentence.begin + m.start(), sentence.begin + m.end()
        of, pos = _title_of(f, pos)
        name_m = NAME.match(f.text, _skip_spaces(f.text, pos))
        name = _clean_name(f, name_m) if name_m else None
        if name is None:
            _title_reference(f, Span.of(f.text, begin, pos), title.label, of or title.of)
            continue
        of = of or title.of or _context_of(f, sentence, begin, main)
        _add_person(f, name, title.label, of, Span.of(f.text, begin, name.end), "title+name")
        _counterpart(f, sentence, name.end, title.label)


def _skip_spaces(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] == " ":
        pos += 1
    return pos


def _title_of(f: EntityFinder, pos: int) -> tuple[str | None, int]:
    """The country/organisation a title is held in: 'Presiden Rusia', 'Menlu AS', 'Sekjen PBB'."""
    ref = f.ref_at(pos)
    if ref is None or ref.type is EntityType.PERSON:
        return None, pos
    end = ref.end
    paren = re.match(r"\s*\(([^)]{1,12})\)", f.text[end:])  # "Amerika Serikat (AS)"
    if paren:
        end += paren.end()
    f.refs = [r if r is not ref else Ref(r.begin, r.end, r.key, r.type, r.acts_as, r.rule, True) for r in f.refs]
    for r in [r for r in f.refs if ref.end <= r.begin < end]:
        f.refs[f.refs.index(r)] = Ref(r.begin, r.end, r.key, r.type, r.acts_as, r.rule, True)
    key = ref.acts_as if ref.type is EntityType.PLACE else ref.key
    return key, end


def _clean_name(f: EntityFinder, m: re.Match[str]) -> Span | None:
    """Cut a name candidate at the first word that is not part of a name."""
    tokens = list(re.finditer(r"\S+", m.group(0)))
    keep_end = None
    for t in tokens:
        word = t.group(0).rstrip(",.;:")
        b = m.start() + t.start()
        if word in _not_name() or f.taken(b, b + len(word)) or (word.isupper() and 1 < len(word) <= 4):
            break
        keep_end = b + len(word)
        if t.group(0) != word:  # punctuation ends the name
            break
    if keep_end is None:
        return None
    span = Span.of(f.text, m.start(), keep_end)
    if span.text.split()[-1] in {"bin", "al", "van", "de", "da"}:
        return None
    return span


def _context_of(f: EntityFinder, sentence: Span, before: int, main: str | None) -> str | None:
    """The nearest country named earlier in the sentence, else the article's main country."""
    earlier = [r for r in f.refs if sentence.begin <= r.begin < before and r.type is EntityType.COUNTRY]
    return earlier[-1].key if earlier else main


def _add_person(f: EntityFinder, name: Span, title: str | None, of: str | None, phrase: Span, rule: str) -> str:
    key = f.aliases.get(name.text) or _existing_person(f, name.text) or f"person/{slug(name.text)}"
    f.add(name, key, EntityType.PERSON, name.text if key == f"person/{slug(name.text)}" else f.entities[key].label, rule)
    builder = f.entities[key]
    if title and all(p.label != title or p.of != of for p in builder.posts):
        builder.posts.append(Post(title, of, phrase))
        f.posts_by_title.setdefault((title.lower(), of), key)
        f.posts_by_title.setdefault((title.lower(), None), key)
    for alias in _aliases_of(f.entities[key].label):
        f.aliases.setdefault(alias, key)
    return key


def _existing_person(f: EntityFinder, name: str) -> str | None:
    """A fuller name seen before ('Putin' after 'Vladimir Putin') or a shorter one now extended."""
    if name in f.aliases:
        return f.aliases[name]
    for key, b in f.entities.items():
        if b.type is EntityType.PERSON and (name.endswith(" " + b.label) or b.label.endswith(" " + name)):
            if b.label in name:
                b.label = name  # the fuller form becomes the label
            return key
    return None


def _aliases_of(name: str) -> list[str]:
    words = [w for w in name.split() if w[:1].isupper() and len(w) > 2]
    out = [name]
    if len(words) >= 2:
        out += [words[-1], words[0]]
    return out


def _counterpart(f: EntityFinder, sentence: Span, pos: int, title: str) -> None:
    """'dan timpalannya dari Rusia Sergei Shoigu': same title, another country."""
    words = "|".join(re.escape(w) for w in load_yaml("titles.yaml")["counterpart_words"])
    m = re.compile(rf"\s*(?:,|dan)?\s*(?:{words})\s+(?:dari\s+)?").match(f.text, pos)
    if not m:
        return
    of, after = _title_of(f, m.end())
    name_m = NAME.match(f.text, _skip_spaces(f.text, after))
    name = _clean_name(f, name_m) if name_m else None
    if name and name.end <= sentence.end:
        _add_person(f, name, title, of, Span.of(f.text, m.start() + len(m.group(0)) - len(m.group(0).lstrip()), name.end),
                    "counterpart")


def _title_reference(f: EntityFinder, phrase: Span, title: str, of: str | None) -> None:
    """'presiden Rusia', 'Menlu AS' with no name: the person holding that post here."""
    key = f.posts_by_title.get((title.lower(), of))
    if key and not f.taken(phrase.begin, phrase.end):
        f.add(phrase, key, EntityType.PERSON, f.entities[key].label, "title-reference")


def _speech_people(f: EntityFinder, sentence: Span) -> None:
    """'kata Blinken', 'ujar Dmitry Peskov', 'Retno Marsudi mengatakan', 'Peskov, juru bicara ...'."""
    lex = _names_lex()
    after = "|".join(re.escape(w) for w in lex["speech_after"] + lex["according_to"])
    before = "|".join(re.escape(w) for w in lex["speech_before"])
    patterns = [
        re.compile(rf"(?<![\w-])(?:{after})\s+(?P<name>{NAME.pattern})"),
        re.compile(rf"(?:^|[,;]\s|\.\s)(?P<name>{NAME.pattern})(?:,[^,]{{3,80}},)?\s+(?:{before})\b"),
    ]
    for pattern in patterns:
        for m in pattern.finditer(sentence.text):
            b = sentence.begin + m.start("name")
            inner = NAME.match(f.text, b)
            name = _clean_name(f, inner) if inner else None
            if name is None or f.taken(name.begin, name.end):
                continue
            if len(name.text.split()) == 1 and name.text not in f.aliases:
                continue  # a lone capitalised word is too weak without a title
            _add_person(f, name, None, None, name, "speech-verb")


def _alias_mentions(f: EntityFinder, spans: list[Span]) -> None:
    """Later mentions of people by surname or given name, headline included."""
    if not f.aliases:
        return
    alt = "|".join(re.escape(a) for a in sorted(f.aliases, key=len, reverse=True))
    pattern = re.compile(rf"(?<![\w-])(?:{alt})(?![\w-])")
    for span in spans:
        for m in pattern.finditer(span.text):
            b, e = span.begin + m.start(), span.begin + m.end()
            if not f.taken(b, e):
                key = f.aliases[m.group(0)]
                f.add(Span.of(f.text, b, e), key, EntityType.PERSON, f.entities[key].label, "alias")
