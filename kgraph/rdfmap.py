"""Stage 5, map to RDF: an `Extraction` to the triples of its article's named graph.

This is the only module that mints instance IRIs. IRIs are derived from content
(sha256 of the source, entity keys, offsets), never from counters over a run or
the clock, so the same input gives the same graph.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Mapping
from functools import cache

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, SKOS, XSD

from kgraph import __version__
from kgraph.errors import BadBaseIRI
from kgraph.lexicon import load_tsv
from kgraph.model import Count, DateCorrection, Entity, EntityType, Event, Extraction, Post, Quantity, Span
from kgraph.namespaces import CAMEO, CAMEO_SCHEME, DEFAULT_BASE, KG, NIF, ORG, SCHEMA

CLASS_OF = {
    EntityType.PERSON: (KG.Person, SCHEMA.Person),
    EntityType.COUNTRY: (KG.Country, SCHEMA.Country),
    EntityType.ORGANIZATION: (KG.Organization, ORG.Organization),
    EntityType.PLACE: (KG.Place, SCHEMA.Place),
}
QUAD_CLASS = {1: KG.VerbalCooperation, 2: KG.MaterialCooperation, 3: KG.VerbalConflict, 4: KG.MaterialConflict}
# CAMEO roots whose events leave casualties: 14 protest, 18 assault, 19 fight, 20 mass violence.
# A casualty count stated in the sentence of such an event is that event's (kg:casualties).
CASUALTY_ROOTS = frozenset({"14", "18", "19", "20"})
# An absolute IRI: a lower-case scheme, a colon, then no character Turtle cannot write in <...>.
BASE_IRI = re.compile(r"[a-z][a-z0-9+.-]*:[^\s<>\"{}|\\^`]+")


def slug(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "x"


@cache
def cameo_table() -> dict[str, dict[str, str]]:
    return {row["code"]: row for row in load_tsv("cameo.tsv")}


def check_base(base: str) -> str:
    """`base` itself when it can prefix instance IRIs; BadBaseIRI (E202) otherwise."""
    if not isinstance(base, str) or not BASE_IRI.fullmatch(base):
        raise BadBaseIRI(f"base IRI {base!r} is not an absolute IRI such as {DEFAULT_BASE}")
    return base


def cameo_info(code: str) -> tuple[float | None, int | None, str | None]:
    """(Goldstein value, quad class, English label) of a code, falling back to its root."""
    table = cameo_table()
    row = table.get(code) or table.get(code[:3]) or table.get(code[:2])
    if row is None:
        return None, None, None
    try:
        return float(row["goldstein"]), int(row["quad_class"]), row.get("label_en")
    except (KeyError, ValueError):
        return None, None, row.get("label_en")


class IRIs:
    """Instance IRIs under one base; `article_id` is the first 16 hex digits of sha256."""

    def __init__(self, base: str = DEFAULT_BASE) -> None:
        check_base(base)
        self.base = base if base.endswith(("/", "#")) else base + "/"

    def entity(self, key: str) -> URIRef:
        return URIRef(self.base + key)

    def article(self, aid: str) -> URIRef:
        return URIRef(f"{self.base}article/{aid}")

    def graph(self, aid: str) -> URIRef:
        return URIRef(f"{self.base}graph/{aid}")

    def context(self, aid: str, length: int) -> URIRef:
        return URIRef(f"{self.base}text/{aid}#char=0,{length}")

    def span(self, aid: str, span: Span) -> URIRef:
        return URIRef(f"{self.base}text/{aid}#char={span.begin},{span.end}")

    def item(self, kind: str, aid: str, span: Span, extra: str = "") -> URIRef:
        return URIRef(f"{self.base}{kind}/{aid}-{span.begin}-{span.end}{extra}")

    def event(self, aid: str, event: Event) -> URIRef:
        return self.item("event", aid, event.trigger, f"-{event.cameo}")

    def count(self, aid: str, count: Count) -> URIRef:
        return self.item("count", aid, count.span)

    def quantity(self, aid: str, quantity: Quantity) -> URIRef:
        return self.item("quantity", aid, quantity.span)

    def date_correction(self, aid: str, fix: DateCorrection) -> URIRef:
        return self.item("datefix", aid, fix.written)

    def post(self, label: str, of: str | None) -> URIRef:
        return URIRef(f"{self.base}post/{slug(label)}" + (f"--{of.replace('/', '-')}" if of else ""))

    def run(self, digest: str) -> URIRef:
        return URIRef(f"{self.base}run/{digest}")


def article_id(extraction: Extraction) -> str:
    return extraction.body.document.sha256[:16]


class _Mapper:
    """What every mapping step needs: the graph, the IRIs, the article id, its text context and entities."""

    def __init__(self, g: Graph, iris: IRIs, aid: str, extraction: Extraction) -> None:
        self.g, self.iris, self.aid = g, iris, aid
        self.ctx = iris.context(aid, len(extraction.body.text))
        self.entities = {e.key: e for e in extraction.entities}

    def mention(self, span: Span, cls: URIRef = KG.Mention) -> URIRef:
        node = self.iris.span(self.aid, span)
        g = self.g
        g.add((node, RDF.type, KG.Mention))
        if cls != KG.Mention:
            g.add((node, RDF.type, cls))
        g.add((node, NIF.anchorOf, Literal(span.text)))
        g.add((node, NIF.beginIndex, Literal(span.begin, datatype=XSD.nonNegativeInteger)))
        g.add((node, NIF.endIndex, Literal(span.end, datatype=XSD.nonNegativeInteger)))
        g.add((node, NIF.referenceContext, self.ctx))
        return node


def to_graph(extraction: Extraction, base: str = DEFAULT_BASE, run: URIRef | None = None) -> Graph:
    """The article's named-graph content as a plain rdflib Graph."""
    g = Graph()
    iris = IRIs(base)
    aid = article_id(extraction)
    m = _Mapper(g, iris, aid, extraction)
    _article(m, extraction, run)
    for entity in extraction.entities:
        _entity(m, entity)
    for event in extraction.events:
        _event(m, event)
    for quote in extraction.quotes:
        node = iris.item("quote", aid, quote.text)
        g.add((node, RDF.type, KG.Quote))
        g.add((node, KG.quoteText, Literal(quote.text.text, lang="id")))
        g.add((node, KG.article, iris.article(aid)))
        if quote.speaker:
            g.add((node, KG.speaker, iris.entity(quote.speaker)))
        g.add((node, KG.mention, m.mention(quote.evidence, NIF.Sentence)))
    for count in extraction.counts:
        _count(m, count)
    for quantity in extraction.quantities:
        _quantity(m, quantity)
    for rel in extraction.relations:
        predicate = ORG.memberOf if rel.predicate == "memberOf" else KG[rel.predicate]
        g.add((iris.entity(rel.subject), predicate, iris.entity(rel.object)))
        # The sentence is evidence for the membership, not a mention of the member:
        # a qualified org:Membership carries it, beside the org:memberOf shortcut.
        node = iris.item("membership", aid, rel.evidence, f"-{slug(rel.subject)}-{slug(rel.object)}")
        g.add((node, RDF.type, ORG.Membership))
        g.add((node, ORG.member, iris.entity(rel.subject)))
        g.add((node, ORG.organization, iris.entity(rel.object)))
        g.add((node, KG.article, iris.article(aid)))
        g.add((node, KG.mention, m.mention(rel.evidence, NIF.Sentence)))
    for fix in extraction.date_corrections:
        _date_correction(m, fix)
    for count, event in casualty_links(extraction.events, extraction.counts):
        g.add((iris.event(aid, event), KG.casualties, iris.count(aid, count)))
    for event, fix in date_correction_links(extraction.events, extraction.date_corrections):
        g.add((iris.event(aid, event), KG.dateCorrection, iris.date_correction(aid, fix)))
    return g


def _count(m: _Mapper, count: Count) -> None:
    g, iris, aid = m.g, m.iris, m.aid
    node = iris.count(aid, count)
    g.add((node, RDF.type, KG.CasualtyCount))
    g.add((node, KG.countType, Literal(count.kind)))
    g.add((node, KG.countValue, Literal(count.value, datatype=XSD.integer)))
    g.add((node, KG.article, iris.article(aid)))
    if count.of:
        g.add((node, KG.countOf, iris.entity(count.of)))
    g.add((node, KG.mention, m.mention(count.span)))


def _quantity(m: _Mapper, quantity: Quantity) -> None:
    g, iris, aid = m.g, m.iris, m.aid
    node = iris.quantity(aid, quantity)
    g.add((node, RDF.type, KG.Quantity))
    g.add((node, SCHEMA.value, Literal(quantity.value, datatype=XSD.integer)))
    if quantity.unit:
        g.add((node, SCHEMA.unitText, Literal(quantity.unit)))
    g.add((node, KG.article, iris.article(aid)))
    g.add((node, KG.mention, m.mention(quantity.span)))


def _date_correction(m: _Mapper, fix: DateCorrection) -> None:
    g, iris, aid = m.g, m.iris, m.aid
    node = iris.date_correction(aid, fix)
    g.add((node, RDF.type, KG.DateCorrection))
    g.add((node, KG.writtenAs, Literal(fix.written.text)))
    if fix.printed:
        g.add((node, KG.printedDate, Literal(fix.printed.isoformat(), datatype=XSD.date)))
    g.add((node, KG.correctedDate, Literal(fix.resolved.isoformat(), datatype=XSD.date)))
    g.add((node, KG.reason, Literal(fix.reason, lang="en")))
    g.add((node, KG.article, iris.article(aid)))
    g.add((node, KG.mention, m.mention(fix.written)))


# ---------------------------------------------------------------- links the extractors leave implicit


def casualty_links(events: Iterable[Event], counts: Iterable[Count]) -> list[tuple[Count, Event]]:
    """(count, event) for each count stated in the sentence of a violent event (CASUALTY_ROOTS).

    The event must be asserted (not negated) and have the count's evidence sentence as its
    own. When several do, the count goes to the one whose trigger is nearest to it.
    """
    violent = [e for e in events if not e.negated and e.cameo[:2] in CASUALTY_ROOTS]
    links = []
    for count in counts:
        here = [e for e in violent if (e.evidence.begin, e.evidence.end) == (count.evidence.begin, count.evidence.end)]
        if here:
            links.append((count, min(here, key=lambda e: (_distance(e.trigger, count.span), e.trigger, e.cameo))))
    return links


def date_correction_links(
    events: Iterable[Event], fixes: Iterable[DateCorrection]
) -> list[tuple[Event, DateCorrection]]:
    """(event, fix) for each event dated by a corrected date: its date span overlaps the fix's written span."""
    fixes = sorted(fixes, key=lambda f: f.written)
    links = []
    for event in events:
        date = event.date
        if date is None or date.rule != "corrected" or date.span is None:
            continue
        fix = next((f for f in fixes if _overlap(date.span, f.written)), None)
        if fix is not None:
            links.append((event, fix))
    return links


def _distance(a: Span, b: Span) -> int:
    return max(a.begin - b.end, b.begin - a.end, 0)


def _overlap(a: Span, b: Span) -> bool:
    return a.begin < b.end and b.begin < a.end


# ---------------------------------------------------------------- articles, entities, events


def _article(m: _Mapper, ex: Extraction, run: URIRef | None) -> None:
    g, iris, aid = m.g, m.iris, m.aid
    body, meta = ex.body, ex.body.meta
    node = iris.article(aid)
    g.add((node, RDF.type, SCHEMA.NewsArticle))
    if meta.headline:
        g.add((node, SCHEMA.headline, Literal(meta.headline.text, lang="id")))
    published = meta.published
    if isinstance(published, dt.datetime):
        g.add((node, SCHEMA.datePublished, Literal(published.isoformat(), datatype=XSD.dateTime)))
    elif isinstance(published, dt.date):
        g.add((node, SCHEMA.datePublished, Literal(published.isoformat(), datatype=XSD.date)))
    for author in meta.authors:
        g.add((node, SCHEMA.author, Literal(author)))
    for editor in meta.editors:
        g.add((node, KG.editor, Literal(editor)))
    if meta.publisher:
        pub = iris.entity(f"publisher/{slug(meta.publisher)}")
        g.add((node, SCHEMA.publisher, pub))
        g.add((pub, RDF.type, SCHEMA.NewsMediaOrganization))
        g.add((pub, SCHEMA.name, Literal(meta.publisher)))
    if meta.dateline:
        g.add((node, KG.dateline, Literal(meta.dateline.text.title() if meta.dateline.text.isupper() else meta.dateline.text)))
    for source in meta.sources:
        g.add((node, KG.wireSource, Literal(source)))
    g.add((node, KG.sourceFile, Literal(body.document.source)))
    g.add((node, KG.sha256, Literal(body.document.sha256)))
    g.add((node, SCHEMA.inLanguage, Literal("id")))
    ctx = m.ctx
    g.add((ctx, RDF.type, NIF.Context))
    g.add((ctx, NIF.isString, Literal(body.text)))
    g.add((ctx, NIF.beginIndex, Literal(0, datatype=XSD.nonNegativeInteger)))
    g.add((ctx, NIF.endIndex, Literal(len(body.text), datatype=XSD.nonNegativeInteger)))
    g.add((node, KG.context, ctx))
    if run is not None:
        g.add((node, PROV.wasGeneratedBy, run))


def _entity(m: _Mapper, entity: Entity) -> None:
    g, iris = m.g, m.iris
    node = iris.entity(entity.key)
    for cls in CLASS_OF[entity.type]:
        g.add((node, RDF.type, cls))
    g.add((node, RDFS.label, Literal(entity.label, lang="id")))
    g.add((node, SKOS.prefLabel, Literal(entity.label, lang="id")))
    if entity.english and entity.english != entity.label:
        g.add((node, RDFS.label, Literal(entity.english, lang="en")))
    for alt in entity.alt_labels:
        if alt not in (entity.label, entity.english):
            g.add((node, SKOS.altLabel, Literal(alt, lang="id")))
    if entity.iso_code:
        g.add((node, KG.isoCode, Literal(entity.iso_code)))
    if entity.part_of:
        g.add((node, KG.partOf, iris.entity(entity.part_of)))
    for mention in entity.mentions:
        g.add((node, KG.mention, m.mention(mention.span)))
    for post in entity.posts:
        pnode = iris.post(post.label, post.of)
        g.add((node, ORG.holds, pnode))
        g.add((pnode, RDF.type, ORG.Post))
        label_id, label_en = post_labels(post, m.entities)
        g.add((pnode, RDFS.label, Literal(label_id, lang="id")))
        if label_en:
            g.add((pnode, RDFS.label, Literal(label_en, lang="en")))
        g.add((pnode, SKOS.prefLabel, Literal(post.label, lang="id")))
        if post.of:
            g.add((pnode, ORG.postIn, iris.entity(post.of)))
        g.add((pnode, KG.mention, m.mention(post.span)))


def post_labels(post: Post, entities: Mapping[str, Entity]) -> tuple[str, str | None]:
    """("Presiden Rusia", "President of Russia"): the title, then where it is held, as the lexicon names it.

    The holder's names come from its entity in the article, else from the country gazetteer;
    the English title from lexicon/titles.yaml. No English label when either is unknown.
    """
    title_en = title_english().get(post.label)
    if post.of is None:
        return post.label, title_en
    holder = entities.get(post.of)
    if holder is not None:
        held_id, held_en = holder.label, holder.english or holder.label
    else:
        country = country_names().get(post.of)
        if country is None:
            return post.label, None
        held_id, held_en = country
    return f"{post.label} {held_id}", (f"{title_en} of {held_en}" if title_en else None)


@cache
def title_english() -> dict[str, str]:
    """Indonesian title ("Menteri Luar Negeri") → English ("Minister of Foreign Affairs")."""
    # Imported here: kgraph.extract imports slug() from this module.
    from kgraph.extract.lexicon_index import titles

    return {title.label: title.english for title in titles().values()}


@cache
def country_names() -> dict[str, tuple[str, str]]:
    """Country key ("country/RU") → (Indonesian, English) name from the gazetteer."""
    from kgraph.extract.lexicon_index import countries_by_key

    return {key: (e.label, e.english or e.label) for key, e in countries_by_key().items()}


def _event(m: _Mapper, event: Event) -> None:
    g, iris, aid = m.g, m.iris, m.aid
    node = iris.event(aid, event)
    g.add((node, RDF.type, KG.NegatedAction if event.negated else KG.Event))
    g.add((node, KG.cameoCode, Literal(event.cameo)))
    g.add((node, KG.cameoConcept, cameo_concept(g, event.cameo)))
    goldstein, quad, label = cameo_info(event.cameo)
    if label:
        g.add((node, RDFS.label, Literal(f"{_sentence_case(label)} ({event.trigger.text})", lang="en")))
    if goldstein is not None:
        g.add((node, KG.goldstein, Literal(f"{goldstein:.1f}", datatype=XSD.decimal)))
    if quad is not None:
        g.add((node, KG.quadClass, QUAD_CLASS[quad]))
    for actor in event.actors:
        g.add((node, KG.actor, iris.entity(actor)))
    for target in event.targets:
        g.add((node, KG.target, iris.entity(target)))
    if event.claimed_by:
        g.add((node, KG.claimedBy, iris.entity(event.claimed_by)))
    if event.date:
        g.add((node, KG.date, Literal(event.date.value.isoformat(), datatype=XSD.date)))
        g.add((node, KG.dateResolution, Literal(event.date.rule)))
    g.add((node, KG.article, iris.article(aid)))
    g.add((node, KG.trigger, m.mention(event.trigger)))
    g.add((node, KG.mention, m.mention(event.evidence, NIF.Sentence)))


def cameo_concept(g: Graph, code: str) -> URIRef:
    """cameo:<code> as a skos:Concept of the CAMEO scheme, labelled and valued from lexicon/cameo.tsv.

    Only the code's own row is used: a code missing from the table is typed but not labelled.
    """
    node = CAMEO[code]
    g.add((node, RDF.type, SKOS.Concept))
    g.add((node, RDF.type, KG.CameoCode))
    g.add((node, SKOS.inScheme, CAMEO_SCHEME))
    g.add((node, SKOS.notation, Literal(code)))
    g.add((CAMEO_SCHEME, RDF.type, SKOS.ConceptScheme))
    row = cameo_table().get(code)
    if row is None:
        return node
    for lang in ("en", "id"):
        if row.get(f"label_{lang}"):
            g.add((node, SKOS.prefLabel, Literal(_sentence_case(row[f"label_{lang}"]), lang=lang)))
    goldstein, _, _ = cameo_info(code)
    if goldstein is not None:
        g.add((node, KG.goldstein, Literal(f"{goldstein:.1f}", datatype=XSD.decimal)))
    return node


def _sentence_case(label: str) -> str:
    """The code book writes root codes in capitals ("USE CONVENTIONAL MILITARY FORCE")."""
    return label[:1] + label[1:].lower() if label.isupper() else label


def run_node(g: Graph, iris: IRIs, digest: str, inputs: int) -> URIRef:
    """A prov:Activity for the build; its IRI is a digest of the inputs, not a timestamp."""
    node = iris.run(digest)
    g.add((node, RDF.type, PROV.Activity))
    g.add((node, RDF.type, KG.Run))
    g.add((node, KG.softwareVersion, Literal(f"kgraph {__version__}")))
    g.add((node, RDFS.comment, Literal(f"kgraph build over {inputs} article(s)", lang="en")))
    g.add((node, PROV.used, URIRef(iris.base + "source-set/" + digest)))
    return node

