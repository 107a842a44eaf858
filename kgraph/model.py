"""Typed, frozen records passed between the pipeline stages.

Every extracted thing carries a `Span`: character offsets into `Body.text` (the
decoded article text; for HTML, the text drawn from the page) and the text itself,
so nothing enters the graph without the evidence it came from.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum


class EntityType(StrEnum):
    PERSON = "Person"
    COUNTRY = "Country"
    ORGANIZATION = "Organization"
    PLACE = "Place"


@dataclass(frozen=True, slots=True, order=True)
class Span:
    begin: int
    end: int
    text: str

    def __post_init__(self) -> None:
        if not 0 <= self.begin <= self.end:
            raise ValueError(f"bad span {self.begin}..{self.end}")
        if len(self.text) != self.end - self.begin:
            raise ValueError(f"span text length {len(self.text)} != {self.end - self.begin}")

    @classmethod
    def of(cls, text: str, begin: int, end: int) -> Span:
        return cls(begin, end, text[begin:end])


@dataclass(frozen=True, slots=True)
class Document:
    """A decoded source: the unit that becomes one named graph."""

    source: str  # path as given, or "-" for stdin
    text: str
    sha256: str  # of the raw bytes
    media_type: str  # "text/plain" or "text/html"


@dataclass(frozen=True, slots=True)
class ArticleMeta:
    headline: Span | None = None
    published: dt.datetime | dt.date | None = None
    published_span: Span | None = None
    authors: tuple[str, ...] = ()
    editors: tuple[str, ...] = ()
    publisher: str | None = None
    dateline: Span | None = None
    sources: tuple[str, ...] = ()  # wire agencies: AFP, Reuters, ...


@dataclass(frozen=True, slots=True)
class Body:
    """The article after cleaning: text, the spans that are article body, metadata."""

    document: Document
    text: str  # the text all offsets refer to
    paragraphs: tuple[Span, ...]  # body paragraphs (headline first when known)
    meta: ArticleMeta
    dropped: tuple[Span, ...] = ()  # furniture: menus, ads, "Baca juga", sidebars


@dataclass(frozen=True, slots=True)
class Sentence:
    span: Span
    paragraph: int  # index into Body.paragraphs


@dataclass(frozen=True, slots=True)
class Segmented:
    body: Body
    sentences: tuple[Sentence, ...]


@dataclass(frozen=True, slots=True)
class Mention:
    span: Span
    entity: str  # Entity.key
    rule: str  # lexicon entry or pattern that produced it


@dataclass(frozen=True, slots=True)
class Post:
    """A title held by a person: org:Post with org:postIn."""

    label: str  # canonical Indonesian title, e.g. "Menteri Pertahanan"
    of: str | None  # Entity.key of the country/organisation
    span: Span


@dataclass(frozen=True, slots=True)
class Entity:
    key: str  # stable across articles: "country/RU", "person/vladimir-putin"
    type: EntityType
    label: str
    alt_labels: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()
    posts: tuple[Post, ...] = ()
    iso_code: str | None = None
    english: str | None = None  # English label where the lexicon knows it
    part_of: str | None = None  # country a ministry/city belongs to


@dataclass(frozen=True, slots=True)
class EventDate:
    value: dt.date
    rule: str  # explicit | weekday | relative | anchored | context | publication | corrected
    span: Span | None = None


@dataclass(frozen=True, slots=True)
class Event:
    cameo: str  # "042"
    actors: tuple[str, ...]
    targets: tuple[str, ...]
    trigger: Span  # the verb or noun that names the event
    evidence: Span  # the sentence
    date: EventDate | None = None
    negated: bool = False  # "tidak hadir", "membantah menyerang": did not happen
    claimed_by: str | None = None  # who reports it, when it is a reported claim
    rule: str = ""


@dataclass(frozen=True, slots=True)
class Quote:
    text: Span  # inside the quotation marks
    speaker: str | None
    evidence: Span  # the sentence(s) holding quote and attribution


@dataclass(frozen=True, slots=True)
class Count:
    kind: str  # killed | injured | missing | arrested | displaced | held | released
    value: int
    of: str | None  # Entity.key of the party counted, when stated
    span: Span
    evidence: Span


@dataclass(frozen=True, slots=True)
class Quantity:
    """Any other number the body states, with what it counts: "93 negara", "85 persen"."""

    value: int
    unit: str  # the words after the number ("negara", "kilometer persegi"); "" when none
    span: Span  # the number and its unit
    evidence: Span  # the sentence


@dataclass(frozen=True, slots=True)
class Relation:
    subject: str
    predicate: str  # "memberOf"
    object: str
    evidence: Span


@dataclass(frozen=True, slots=True)
class DateCorrection:
    written: Span  # "Senin (12/3/2022)"
    printed: dt.date | None  # what the digits say, when a valid date
    resolved: dt.date
    reason: str


@dataclass(frozen=True, slots=True)
class Extraction:
    segmented: Segmented
    entities: tuple[Entity, ...] = ()
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    counts: tuple[Count, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    relations: tuple[Relation, ...] = ()
    date_corrections: tuple[DateCorrection, ...] = ()
    notes: tuple[str, ...] = field(default=())

    @property
    def body(self) -> Body:
        return self.segmented.body
