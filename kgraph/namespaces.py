"""The ontology namespace, the standard vocabularies kgraph reuses, and where the ontology files are.

`KG` is a closed DefinedNamespace: a misspelt term raises instead of minting a
wrong IRI. Keep it in step with ontology/kgraph.ttl (a test checks both ways).

The top-level ontology/ folder (kgraph.ttl, shapes.ttl, queries/*.rq) is the only copy
in the source tree; the wheel installs it as kgraph/ontology/ (see pyproject.toml).
"""

from __future__ import annotations

from pathlib import Path

from rdflib import Namespace
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD, DefinedNamespace
from rdflib.term import URIRef

ONTOLOGY_IRI = "https://w3id.org/kgraph/ontology"
DEFAULT_BASE = "https://w3id.org/kgraph/data/"
# Installed package first, then a source checkout (editable install, or tests run from the tree).
ONTOLOGY_DIRS = (Path(__file__).resolve().parent / "ontology", Path(__file__).resolve().parent.parent / "ontology")


def ontology_dir() -> Path:
    """The folder holding kgraph.ttl, shapes.ttl and queries/; the installed one when there is none."""
    return next((d for d in ONTOLOGY_DIRS if (d / "kgraph.ttl").is_file()), ONTOLOGY_DIRS[0])


def ontology_file(name: str) -> Path:
    """A file of the ontology folder ("shapes.ttl", "queries/posts.rq"), whether installed or in a checkout."""
    path = ontology_dir() / name
    if not path.is_file():
        raise FileNotFoundError(f"ontology file {name} not found in {', '.join(map(str, ONTOLOGY_DIRS))}")
    return path


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
    Quantity: URIRef
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
CAMEO_SCHEME = URIRef("https://w3id.org/kgraph/cameo")  # the skos:ConceptScheme of the cameo: concepts

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
