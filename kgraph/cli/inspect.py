"""`kgraph validate` and `kgraph stats`: checks and counts over a built graph."""

from __future__ import annotations

import sys

import click

from kgraph.cli import fails_cleanly
from kgraph.stats import graph_stats
from kgraph.store import load_dataset
from kgraph.validate import validate as shacl_validate


@click.command()
@click.argument("graphs", nargs=-1, required=True)
@click.option("--report", "show_report", is_flag=True, help="Print the full SHACL report, not only a summary.")
@fails_cleanly
def validate(graphs: tuple[str, ...], show_report: bool) -> None:
    """Check GRAPHS against the ontology's SHACL shapes (ontology/shapes.ttl). Exit 1 when they fail."""
    result = shacl_validate(load_dataset(graphs))
    if result.conforms:
        click.echo(f"conforms: {result.focus_nodes:,} nodes checked, 0 violations")
        return
    click.echo(f"does not conform: {len(result.violations)} violation(s)", err=True)
    for line in result.violations[:20] if not show_report else result.violations:
        click.echo(f"  {line}", err=True)
    if show_report:
        click.echo(result.report_text, err=True)
    sys.exit(1)


@click.command()
@click.argument("graphs", nargs=-1, required=True)
@click.option("--top", default=10, show_default=True, help="How many top actors to list.")
@fails_cleanly
def stats(graphs: tuple[str, ...], top: int) -> None:
    """Counts by class, events by CAMEO root and the most active actors in GRAPHS."""
    s = graph_stats(load_dataset(graphs), top=top)
    click.echo(f"triples: {s.triples:,}   articles: {s.articles}")
    click.echo("by class:")
    for name, n in s.classes:
        click.echo(f"  {name:<16}{n:>7}")
    click.echo("events by CAMEO root:")
    for root, label, n in s.roots:
        click.echo(f"  {root} {label:<40}{n:>5}")
    click.echo("top actors (events as actor or target):")
    for label, n in s.actors:
        click.echo(f"  {label:<40}{n:>5}")


COMMANDS = [validate, stats]
