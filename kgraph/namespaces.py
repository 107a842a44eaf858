"""The ontology namespace and the standard vocabularies kgraph reuses.

`KG` is a closed DefinedNamespace: a misspelt term raises instead of minting a
wrong IRI. Keep it in step with ontology/kgraph.ttl (a test checks both ways).
"""

from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD, DefinedNamespace
from rdflib.term import URIRef

ONTOLOGY_IRI = "https://w3id.org/kgraph/ontology"
DEFAULT_BASE = "https://w3id.org/kgraph/data/"


class KG(DefinedNamespace):
    _NS = Namespace(ONTOLOGY_IRI + "#")
    _fail = True

    # classes
    Person: URIRef
    Country: URIRef
    Organization: URIRef
    Place: URIRef
    Actor: URIRef
    Event: URIRef
    NegatedAction: URIRef  # a stated non-event: denied, not done, not yet done
    Quote: URIRef
    Mention: URIRef
    CasualtyCount: URIRef
    DateCorrection: URIRef
    QuadClass: URIRef
    CameoCode: URIRef
    Run: URIRef
    DyadRelation: URIRef  # networkx-computed relation between two actors

    # event properties
    cameoCode: URIRef
    cameoConcept: URIRef
    goldstein: URIRef
    quadClass: URIRef
    actor: URIRef
    target: URIRef
    date: URIRef
    dateResolution: URIRef
    claimedBy: URIRef
    trigger: URIRef
    mention: URIRef
    casualties: URIRef
    article: URIRef

    # quotes
    speaker: URIRef
    quoteText: URIRef

    # counts
    countType: URIRef
    countValue: URIRef
    countOf: URIRef

    # dates written with a weekday that does not fit
    writtenAs: URIRef
    printedDate: URIRef
    correctedDate: URIRef
    reason: URIRef
    dateCorrection: URIRef

    # article metadata
    dateline: URIRef
    wireSource: URIRef
    editor: URIRef
    sourceFile: URIRef
    sha256: URIRef
    context: URIRef

    # entities
    isoCode: URIRef
    partOf: URIRef
    mentionCount: URIRef

    # analysis (written back by kgraph.analyse)
    degree: URIRef
    pageRank: URIRef
    betweenness: URIRef
    community: URIRef
    source: URIRef
    cooperativeEvents: URIRef
    conflictualEvents: URIRef
    eventCount: URIRef
    meanGoldstein: URIRef
    firstDate: URIRef
    lastDate: URIRef
    evidenceEvent: URIRef
    softwareVersion: URIRef

    # quad classes (SKOS concepts)
    VerbalCooperation: URIRef
    MaterialCooperation: URIRef
    VerbalConflict: URIRef
    MaterialConflict: URIRef


SCHEMA = Namespace("https://schema.org/")
ORG = Namespace("http://www.w3.org/ns/org#")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
CAMEO = Namespace("https://w3id.org/kgraph/cameo/")

PREFIXES: dict[str, Namespace | type[DefinedNamespace] | str] = {
    "kg": KG,
    "schema": SCHEMA,
    "org": ORG,
    "sem": SEM,
    "nif": NIF,
    "prov": PROV,
    "skos": SKOS,
    "rdfs": RDFS,
    "rdf": RDF,
    "owl": OWL,
    "xsd": XSD,
    "dcterms": DCTERMS,
    "cameo": CAMEO,
}


def bind_prefixes(graph, base: str = DEFAULT_BASE) -> None:
    """Bind the ontology and standard prefixes (and `kgd:` for instance data)."""
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, str(ns) if not isinstance(ns, Namespace) else ns, override=True)
    graph.bind("kgd", Namespace(base), override=True)


def sparql_prologue(base: str = DEFAULT_BASE) -> str:
    lines = [f"PREFIX {p}: <{ns}>" for p, ns in PREFIXES.items()]
    lines.append(f"PREFIX kgd: <{base}>")
    return "\n".join(lines) + "\n"
