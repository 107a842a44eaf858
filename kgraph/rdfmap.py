"""Stage 5, map to RDF: an `Extraction` to the triples of its article's named graph.

This is the only module that mints instance IRIs. IRIs are derived from content
(sha256 of the source, entity keys, offsets), never from counters over a run or
the clock, so the same input gives the same graph.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from functools import cache

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, SKOS, XSD

from kgraph import __version__
from kgraph.lexicon import load_tsv
from kgraph.model import Entity, EntityType, Event, Extraction, Span
from kgraph.namespaces import CAMEO, DEFAULT_BASE, KG, NIF, ORG, SCHEMA

CLASS_OF = {
    EntityType.PERSON: (KG.Person, SCHEMA.Person),
    EntityType.COUNTRY: (KG.Country, SCHEMA.Country),
    EntityType.ORGANIZATION: (KG.Organization, ORG.Organization),
    EntityType.PLACE: (KG.Place, SCHEMA.Place),
}
QUAD_CLASS = {1: KG.VerbalCooperation, 2: KG.MaterialCooperation, 3: KG.VerbalConflict, 4: KG.MaterialConflict}


def slug(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "x"


@cache
def cameo_table() -> dict[str, dict[str, str]]:
    return {row["code"]: row for row in load_tsv("cameo.tsv")}


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
        if not re.match(r"^[a-z][a-z0-9+.-]*:", base):
            raise ValueError(f"base IRI must be absolute, got {base!r}")
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

    def post(self, label: str, of: str | None) -> URIRef:
        return URIRef(f"{self.base}post/{slug(label)}" + (f"--{of.replace('/', '-')}" if of else ""))

    def run(self, digest: str) -> URIRef:
        return URIRef(f"{self.base}run/{digest}")


def article_id(extraction: Extraction) -> str:
    return extraction.body.document.sha256[:16]


class _Mapper:
    """What every mapping step needs: the graph, the IRIs, the article id and its text context."""

    def __init__(self, g: Graph, iris: IRIs, aid: str, text_length: int) -> None:
        self.g, self.iris, self.aid = g, iris, aid
        self.ctx = iris.context(aid, text_length)

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
    m = _Mapper(g, iris, aid, len(extraction.body.text))
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
        node = iris.item("count", aid, count.span)
        g.add((node, RDF.type, KG.CasualtyCount))
        g.add((node, KG.countType, Literal(count.kind)))
        g.add((node, KG.countValue, Literal(count.value, datatype=XSD.integer)))
        g.add((node, KG.article, iris.article(aid)))
        if count.of:
            g.add((node, KG.countOf, iris.entity(count.of)))
        g.add((node, KG.mention, m.mention(count.span)))
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
        node = iris.item("datefix", aid, fix.written)
        g.add((node, RDF.type, KG.DateCorrection))
        g.add((node, KG.writtenAs, Literal(fix.written.text)))
        if fix.printed:
            g.add((node, KG.printedDate, Literal(fix.printed.isoformat(), datatype=XSD.date)))
        g.add((node, KG.correctedDate, Literal(fix.resolved.isoformat(), datatype=XSD.date)))
        g.add((node, KG.reason, Literal(fix.reason, lang="en")))
        g.add((node, KG.article, iris.article(aid)))
        g.add((node, KG.mention, m.mention(fix.written)))
    return g


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
        g.add((pnode, RDFS.label, Literal(_post_label(post.label, post.of), lang="id")))
        g.add((pnode, SKOS.prefLabel, Literal(post.label, lang="id")))
        if post.of:
            g.add((pnode, ORG.postIn, iris.entity(post.of)))
        g.add((pnode, KG.mention, m.mention(post.span)))


def _post_label(title: str, of: str | None) -> str:
    return title if not of else f"{title} ({of.split('/')[-1]})"


def _event(m: _Mapper, event: Event) -> None:
    g, iris, aid = m.g, m.iris, m.aid
    node = iris.item("event", aid, event.trigger, f"-{event.cameo}")
    g.add((node, RDF.type, KG.NegatedAction if event.negated else KG.Event))
    g.add((node, KG.cameoCode, Literal(event.cameo)))
    g.add((node, KG.cameoConcept, CAMEO[event.cameo]))
    goldstein, quad, label = cameo_info(event.cameo)
    if label:
        g.add((node, RDFS.label, Literal(f"{label} ({event.trigger.text})", lang="en")))
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


def run_node(g: Graph, iris: IRIs, digest: str, inputs: int) -> URIRef:
    """A prov:Activity for the build; its IRI is a digest of the inputs, not a timestamp."""
    node = iris.run(digest)
    g.add((node, RDF.type, PROV.Activity))
    g.add((node, RDF.type, KG.Run))
    g.add((node, KG.softwareVersion, Literal(f"kgraph {__version__}")))
    g.add((node, RDFS.comment, Literal(f"kgraph build over {inputs} article(s)", lang="en")))
    g.add((node, PROV.used, URIRef(iris.base + "source-set/" + digest)))
    return node

