"""`kgraph viz` (offline HTML viewer) and `kgraph path` (how two actors are connected)."""

from __future__ import annotations

import click

from kgraph.cli import fails_cleanly
from kgraph.namespaces import DEFAULT_BASE
from kgraph.store import load_dataset

DROPPED_SHOWN = 20  # dropped node labels listed on stderr before "… and N more"


@click.command()
@click.argument("graphs", nargs=-1, required=True)
@click.option("-o", "--output", required=True, help="HTML file to write. Written atomically.")
@click.option("--lang", type=click.Choice(["id", "en"]), default="id", show_default=True,
              help="Language of labels and of the page's own text.")
@click.option("--max-nodes", type=click.IntRange(min=1), default=None,
              help="Keep only the N most central nodes (PageRank); the rest are listed on stderr.")
@click.option("--physics/--no-physics", default=None,
              help="Force-directed layout in the browser. Default: on up to 1,000 nodes; above that the "
                   "layout is computed in Python and physics is off.")
@click.option("--co-mentions/--no-co-mentions", "comentions", default=None,
              help="Draw dashed edges between entities named in the same article. "
                   "Default: only when the graph has no events.")
@click.option("--title", default=None, help="Page title.")
@click.option("--base", default=DEFAULT_BASE, show_default=True, help="Base IRI for instance data.")
@fails_cleanly
def viz(graphs: tuple[str, ...], output: str, lang: str, max_nodes: int | None, physics: bool | None,
        comentions: bool | None, title: str | None, base: str) -> None:
    """Write an interactive, offline HTML viewer of the event graph.

    GRAPHS are RDF files or folders (.ttl, .trig, .nq, .jsonld). The page needs no network:
    every script is inline. Click a node or an edge to read the sentences behind it.

    \b
    Examples:
      kgraph viz corpus.trig -o corpus.html
      kgraph viz corpus.trig -o big.html --max-nodes 2000 --lang en
    """
    from kgraph.render import ViewerOptions, write_viewer

    ds = load_dataset(graphs, base)
    opts = ViewerOptions(lang=lang, max_nodes=max_nodes, physics=physics, comentions=comentions, title=title)
    report = write_viewer(ds, output, opts)
    if report.dropped:
        shown = ", ".join(report.dropped[:DROPPED_SHOWN])
        more = len(report.dropped) - DROPPED_SHOWN
        click.echo(f"kgraph: --max-nodes {max_nodes}: dropped {len(report.dropped)} less central node(s): "
                   f"{shown}" + (f" … and {more} more" if more > 0 else ""), err=True)
    layout = "physics in the browser" if report.physics else "layout precomputed, physics off"
    click.echo(f"wrote {output}: {report.nodes:,} nodes, {report.edges:,} edges ({layout})", err=True)


@click.command()
@click.argument("graph")
@click.argument("a")
@click.argument("b")
@click.option("--lang", type=click.Choice(["id", "en"]), default="en", show_default=True)
@click.option("--base", default=DEFAULT_BASE, show_default=True, help="Base IRI for instance data.")
@fails_cleanly
def path(graph: str, a: str, b: str, lang: str, base: str) -> None:
    """Explain how actors A and B are connected, event by event, with the evidence sentences.

    A and B are labels ("Vladimir Putin", "Putin") or IRIs. Uses the event graph; when the
    two are not linked by events, falls back to articles that mention both.

    \b
    Example:
      kgraph path corpus.trig "Nikol Pashinyan" "Vladimir Putin"
    """
    import sys

    from kgraph.analyse import format_path, shortest_path_explained

    ds = load_dataset([graph], base)
    found = shortest_path_explained(ds, a, b)
    click.echo(format_path(ds, found, lang))
    if found is None:
        sys.exit(1)


COMMANDS = [viz, path]
