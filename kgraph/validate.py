"""SHACL validation of built graphs against ontology/shapes.ttl (pyshacl)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rdflib import Dataset, Graph
from rdflib.namespace import SH

ONTOLOGY_DIRS = (Path(__file__).resolve().parent / "ontology", Path(__file__).resolve().parent.parent / "ontology")


def ontology_file(name: str) -> Path:
    """A file of the ontology folder, whether installed beside the package or in a checkout."""
    for folder in ONTOLOGY_DIRS:
        if (folder / name).is_file():
            return folder / name
    raise FileNotFoundError(f"ontology file {name} not found in {', '.join(map(str, ONTOLOGY_DIRS))}")


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
    shapes = Graph().parse(ontology_file("shapes.ttl"), format="turtle")
    ontology = Graph().parse(ontology_file("kgraph.ttl"), format="turtle")
    conforms, report, text = shacl(union, shacl_graph=shapes, ont_graph=ontology, inference="none",
                                   allow_warnings=True)
    if not isinstance(report, Graph):  # pyshacl reports a broken shapes file this way
        from kgraph.errors import ValidationFailed

        raise ValidationFailed(f"the SHACL shapes could not be applied: {str(text).strip().splitlines()[0][:200]}")
    violations = tuple(
        sorted(
            f"{report.value(r, SH.focusNode)} {report.value(r, SH.resultPath) or ''}: {report.value(r, SH.resultMessage)}"
            for r in report.subjects(SH.resultSeverity, SH.Violation)
        )
    )
    return ValidationResult(bool(conforms), violations, len(set(union.subjects())), str(text))
