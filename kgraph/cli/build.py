"""`kgraph build`: articles to an RDF file."""

from __future__ import annotations

import click

from kgraph.cli import fails_cleanly
from kgraph.cli.progress import progress_bar
from kgraph.namespaces import DEFAULT_BASE
from kgraph.pipeline import build as build_graph
from kgraph.read import expand_paths
from kgraph.store import FORMATS, format_for, serialize, write_atomic


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", required=True, help="File to write ('-' for stdout). Written atomically.")
@click.option("-f", "--format", "fmt", type=click.Choice(list(FORMATS)), default=None,
              help="RDF format; default from the output's extension, else turtle. TriG and N-Quads keep "
                   "one named graph per article; Turtle and JSON-LD write their union.")
@click.option("--base", default=DEFAULT_BASE, show_default=True, help="Base IRI for instance data.")
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
    write_atomic(output, serialize(result.dataset, fmt, base))
    if output != "-":
        click.echo(f"wrote {output}: {len(result.extractions)} article(s), {len(result.dataset):,} triples", err=True)


COMMANDS = [build]
