"""`kgraph query`: SPARQL over graph files, with saved competency questions."""

from __future__ import annotations

from pathlib import Path

import click

from kgraph import query as q
from kgraph.cli import fails_cleanly
from kgraph.cli.build import base_option
from kgraph.errors import QueryError
from kgraph.namespaces import DEFAULT_BASE
from kgraph.store import load_dataset


def query_text(arg: str) -> str:
    """The query itself, or the contents of a file given as @file.rq."""
    if not arg.startswith("@"):
        return arg
    path = Path(arg[1:])
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise QueryError(f"{path}: cannot read query file ({exc.strerror})") from None


def list_text(saved: dict[str, q.SavedQuery]) -> str:
    lines = []
    for item in saved.values():
        params = " ".join(f"?{p}" for p in item.parameters)
        lines.append(f"{item.name}\n    {item.question}" + (f"\n    parameters: {params}" if params else ""))
    return "\n".join(lines) + "\n"


@click.command()
@click.argument("args", nargs=-1)
@click.option("--saved", metavar="NAME", help="Run a saved question from ontology/queries (see --list).")
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE",
              help="Bind ?NAME (repeatable). <iri>, prefix:local, 2023-09-21 (xsd:date), numbers, "
                   "\"text\"@lang; anything else is a plain string.")
@click.option("-f", "--format", "fmt", type=click.Choice(q.FORMATS), default="table", show_default=True,
              help="table/csv/tsv/json/xml for SELECT and ASK; turtle for CONSTRUCT and DESCRIBE.")
@click.option("--timeout", type=float, default=q.DEFAULT_TIMEOUT, show_default=True,
              help="Stop the query after this many seconds (0: no limit).")
@click.option("--base", default=DEFAULT_BASE, show_default=True, callback=base_option,
              help="Base IRI bound to the kgd: prefix.")
@click.option("--list", "list_", is_flag=True, help="List the saved questions and exit.")
@fails_cleanly
def query(args: tuple[str, ...], saved: str | None, params: tuple[str, ...], fmt: str, timeout: float,
          base: str, list_: bool) -> None:
    """Answer a SPARQL query (read-only) over GRAPH files or folders.

    \b
    Usage:
      kgraph query GRAPH... "SPARQL"
      kgraph query GRAPH... @question.rq
      kgraph query GRAPH... --saved NAME [--param name=value ...]
      kgraph query --list

    GRAPH is a .ttl/.trig/.nq/.jsonld file or a folder of them; named graphs are
    kept and the default graph is their union. The kg:, kgd:, schema:, org:, nif:,
    skos:, rdfs:, xsd:, prov:, sem: ... prefixes are pre-bound.

    \b
    Examples:
      kgraph query graph.trig "SELECT ?e ?code WHERE { ?e kg:cameoCode ?code }"
      kgraph query graphs/ --saved dyad-events --param a=kgd:country/RU --param b=kgd:country/AZ
      kgraph query graph.trig --saved on-day --param day=2023-09-21 -f csv
    """
    if list_:
        click.echo(list_text(q.saved_queries()), nl=False)
        return
    graphs, text = _split(args, saved)
    bindings = q.parse_params(params, text, base)
    prepared = q.parse(text, base)
    ds = load_dataset(graphs, base)
    answer = q.run(ds, prepared, bindings, timeout=timeout, base=base)
    click.echo(q.render(answer, fmt, q.namespaces(base)), nl=False)
    if answer.kind == "SELECT" and fmt == "table":
        click.echo(f"{len(answer.rows)} row(s)", err=True)


def _split(args: tuple[str, ...], saved: str | None) -> tuple[list[str], str]:
    """(graph paths, query text) from the positional arguments."""
    if saved:
        if not args:
            raise click.UsageError("give at least one GRAPH file or folder")
        return list(args), q.get_saved(saved).text
    if len(args) < 2:
        raise click.UsageError('give GRAPH... and a query ("SPARQL", @file.rq), or --saved NAME')
    return list(args[:-1]), query_text(args[-1])


COMMANDS = [query]
