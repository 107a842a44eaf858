"""SHACL validation of built graphs against ontology/shapes.ttl (pyshacl)."""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import Dataset, Graph
from rdflib.namespace import SH

from kgraph.errors import ValidationFailed
from kgraph.namespaces import ontology_file


@dataclass(frozen=True, slots=True)
class ValidationResult:
    conforms: bool
    violations: tuple[str, ...]
    focus_nodes: int
    report_text: str


def validate(data: Dataset | Graph) -> ValidationResult:
    from pyshacl import validate as shacl

    union = Graph()
    for triple in data.triples((None, None, None)):
        union.add(triple)
    try:
        shapes = Graph().parse(ontology_file("shapes.ttl"), format="turtle")
        ontology = Graph().parse(ontology_file("kgraph.ttl"), format="turtle")
    except FileNotFoundError as exc:  # an install without the ontology files
        raise ValidationFailed(str(exc)) from None
    conforms, report, text = shacl(union, shacl_graph=shapes, ont_graph=ontology, inference="none",
                                   allow_warnings=True)
    if not isinstance(report, Graph):  # pyshacl reports a broken shapes file this way
        raise ValidationFailed(f"the SHACL shapes could not be applied: {str(text).strip().splitlines()[0][:200]}")
    violations = tuple(
        sorted(
            f"{report.value(r, SH.focusNode)} {report.value(r, SH.resultPath) or ''}: {report.value(r, SH.resultMessage)}"
            for r in report.subjects(SH.resultSeverity, SH.Violation)
        )
    )
    return ValidationResult(bool(conforms), violations, len(set(union.subjects())), str(text))
