"""`kgraph build`: articles to an RDF file."""

from __future__ import annotations

import click

from kgraph.cli import fails_cleanly
from kgraph.cli.progress import progress_bar
from kgraph.errors import BadBaseIRI, InputEmpty
from kgraph.namespaces import DEFAULT_BASE
from kgraph.pipeline import build as build_graph
from kgraph.rdfmap import check_base
from kgraph.read import expand_paths
from kgraph.store import FORMATS, format_for, serialize, write_atomic


def base_option(_ctx: click.Context, _param: click.Parameter, value: str) -> str:
    """Callback for --base: a bad IRI is a usage error (exit 2), caught before any file is read."""
    try:
        return check_base(value)
    except BadBaseIRI as exc:
        raise click.BadParameter(exc.message) from None


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", required=True, help="File to write ('-' for stdout). Written atomically.")
# A plain string, not click.Choice: an unknown format is bad input (exit 1 with
# error E201, like every other bad input), not a usage error.
@click.option("-f", "--format", "fmt", default=None, metavar="[" + "|".join(FORMATS) + "]",
              help="RDF format; default from the output's extension, else turtle. TriG and N-Quads keep "
                   "one named graph per article; Turtle and JSON-LD write their union.")
@click.option("--base", default=DEFAULT_BASE, show_default=True, callback=base_option,
              help="Base IRI for instance data (absolute, e.g. https://data.example.id/).")
@click.option("--skip-bad", is_flag=True, help="Report unreadable inputs and build the rest (default: stop).")
@fails_cleanly
def build(inputs: tuple[str, ...], output: str, fmt: str | None, base: str, skip_bad: bool) -> None:
    """Extract actors, events, quotes and counts from articles and write RDF.

    INPUTS are .txt or .html files, folders (searched recursively) or '-' for stdin.

    \b
    Examples:
      kgraph build article.txt -o article.ttl
      kgraph build corpus/ -o corpus.trig
      cat article.txt | kgraph build - -o - > article.ttl
    """
    fmt = format_for(output, fmt)
    sources = expand_paths(inputs)
    with progress_bar(len(sources), "extracting") as advance:
        result = build_graph(sources, base=base, skip_bad=skip_bad, progress=advance)
    for problem in result.skipped:
        click.echo(f"kgraph: skipped: {problem}", err=True)
    if not result.extractions:
        raise InputEmpty(f"none of the {len(sources)} input(s) could be read; {output} left unchanged")
    write_atomic(output, serialize(result.dataset, fmt, base))
    if output != "-":
        articles, triples = len(result.extractions), len(result.dataset)
        click.echo(f"wrote {output}: {articles} article(s), {triples:,} triples", err=True)


COMMANDS = [build]
