"""The working state of entity finding over one article: refs, entity builders, aliases.

`entities.find_entities` drives it; `bodies` (organisations, places) and `people`
add to it. Nothing here knows Indonesian: the rules live in those modules, the
words in kgraph/lexicon.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from kgraph.extract.lexicon_index import GazetteerEntry
from kgraph.lexicon import alternation
from kgraph.model import Entity, EntityType, Mention, Post, Segmented, Span


@dataclass(frozen=True, slots=True)
class Ref:
    """One place an entity is named. `acts_as` is the actor it stands for (a capital
    for its country); `in_title` marks a country inside a person's title phrase or an
    organisation's name."""

    begin: int
    end: int
    key: str
    type: EntityType
    acts_as: str
    rule: str
    in_title: bool = False


@dataclass
class Builder:
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


class EntityFinder:
    """Collects refs and entities over one article."""

    def __init__(self, seg: Segmented) -> None:
        self.seg = seg
        self.text = seg.body.text
        self.refs: list[Ref] = []
        self.entities: dict[str, Builder] = {}
        self.aliases: dict[str, str] = {}  # surface -> person key
        self.names: dict[str, str] = {}  # surface -> key of a place/organisation found by grammar
        self.posts_by_title: dict[tuple[str, str | None], str] = {}

    # -- adding --------------------------------------------------------------
    def add(self, span: Span, key: str, etype: EntityType, label: str, rule: str, *, acts_as: str | None = None,
            english: str | None = None, iso: str | None = None, part_of: str | None = None,
            in_title: bool = False, naming: bool = True) -> Ref:
        """A mention of `key` at `span`; `naming=False` for words that refer without
        naming ("sang presiden"), which do not become a label."""
        b = self.entities.get(key)
        if b is None:
            b = self.entities[key] = Builder(key, etype, label, english, iso, part_of)
        if naming and not _same_name_cased(span.text, b.names, b.label):
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

    def add_again(self, spans: list[Span], names: dict[str, str], rule: str) -> None:
        """Every free occurrence in `spans` of a surface form in `names` (surface -> key of an
        entity already found) becomes another mention of that entity."""
        if not names:
            return
        pattern = re.compile(rf"(?<![\w-])(?:{alternation(names)})(?![\w-])")
        for span in spans:
            for m in pattern.finditer(span.text):
                b, e = span.begin + m.start(), span.begin + m.end()
                known = self.entities.get(names[m.group(0)])
                if known is not None and not self.taken(b, e):
                    self.add(Span.of(self.text, b, e), known.key, known.type, known.label, rule, part_of=known.part_of)

    # -- looking -------------------------------------------------------------
    def taken(self, begin: int, end: int) -> bool:
        return any(r.begin < end and begin < r.end for r in self.refs)

    def ref_at(self, pos: int) -> Ref | None:
        """The longest ref starting at `pos` (after spaces), if any."""
        while pos < len(self.text) and self.text[pos] == " ":
            pos += 1
        found = [r for r in self.refs if r.begin == pos]
        return max(found, key=lambda r: r.end) if found else None

    def inside(self, begin: int, end: int) -> list[Ref]:
        return [r for r in self.refs if begin <= r.begin and r.end <= end]

    # -- changing ------------------------------------------------------------
    def drop(self, refs: list[Ref]) -> None:
        """Forget refs and the mentions they made; an entity left without mentions goes."""
        gone = {id(r) for r in refs}
        self.refs = [r for r in self.refs if id(r) not in gone]
        for r in refs:
            b = self.entities.get(r.key)
            if b is None:
                continue
            b.mentions = [m for m in b.mentions if (m.span.begin, m.span.end) != (r.begin, r.end)
                          or any(x.key == r.key and (x.begin, x.end) == (r.begin, r.end) for x in self.refs)]
            if not b.mentions and not b.posts:
                del self.entities[r.key]

    def mark_in_title(self, refs: list[Ref]) -> None:
        marked = {id(r) for r in refs}
        self.refs = [replace(r, in_title=True) if id(r) in marked else r for r in self.refs]

    def rekey(self, old: str, new: str) -> None:
        """Move an entity to a new key (a person's fuller name found later)."""
        b = self.entities.pop(old)
        target = self.entities.get(new)
        if target is None:
            b.key = new
            b.mentions = [Mention(m.span, new, m.rule) for m in b.mentions]
            self.entities[new] = b
        else:
            target.names += [n for n in b.names if n not in target.names]
            target.mentions += [Mention(m.span, new, m.rule) for m in b.mentions
                                if all(t.span != m.span for t in target.mentions)]
            target.posts += [p for p in b.posts if p not in target.posts]
        self.refs = [replace(r, key=new, acts_as=new if r.acts_as == old else r.acts_as) if r.key == old else r
                     for r in self.refs]
        self.aliases = {a: new if k == old else k for a, k in self.aliases.items()}
        self.posts_by_title = {t: new if k == old else k for t, k in self.posts_by_title.items()}

    def frozen(self) -> list[Entity]:
        return [b.freeze() for _, b in sorted(self.entities.items()) if b.mentions]


def _same_name_cased(text: str, names: list[str], label: str) -> bool:
    """'YEREVAN' in a dateline adds no name beside 'Yerevan'."""
    return text in names or (text.isupper() and len(text) > 4 and any(text == n.upper() for n in [*names, label]))
