"""`kgraph export` (GEXF/GraphML for Gephi and Cytoscape) and `kgraph analyse` (metrics as RDF)."""

from __future__ import annotations

import click

from kgraph.cli import fails_cleanly
from kgraph.errors import UnknownFormat
from kgraph.namespaces import DEFAULT_BASE
from kgraph.store import FORMATS, add_graph, format_for, load_dataset, serialize, write_atomic


@click.command()
@click.argument("graphs", nargs=-1, required=True)
@click.option("-o", "--output", required=True, help="A .gexf or .graphml file. Written atomically.")
@click.option("--projection", type=click.Choice(["events", "comention", "membership"]), default="events",
              show_default=True, help="events: actor → target per quad class, with centrality on the "
                                      "nodes; comention: same article; membership: person – post – org.")
@click.option("--lang", type=click.Choice(["id", "en"]), default="id", show_default=True,
              help="Language of node labels.")
@click.option("--base", default=DEFAULT_BASE, show_default=True, help="Base IRI for instance data.")
@fails_cleanly
def export(graphs: tuple[str, ...], output: str, projection: str, lang: str, base: str) -> None:
    """Write a projection of the graph as GEXF or GraphML (by the output's extension).

    \b
    Examples:
      kgraph export corpus.trig -o corpus.gexf
      kgraph export corpus.trig -o comention.graphml --projection comention
    """
    from kgraph.render import write_graph_file

    if not output.lower().endswith((".gexf", ".graphml")):
        raise UnknownFormat(f"{output}: the output must end in .gexf or .graphml")
    nodes, edges = write_graph_file(load_dataset(graphs, base), output, projection, lang)
    click.echo(f"wrote {output}: {nodes:,} nodes, {edges:,} edges ({projection})", err=True)


@click.command()
@click.argument("graphs", nargs=-1, required=True)
@click.option("-o", "--output", required=True, help="RDF file to write ('-' for stdout). Written atomically.")
@click.option("-f", "--format", "fmt", type=click.Choice(list(FORMATS)), default=None,
              help="RDF format; default from the output's extension. TriG and N-Quads keep the metrics "
                   "in their own named graph.")
@click.option("--base", default=DEFAULT_BASE, show_default=True, help="Base IRI for instance data.")
@fails_cleanly
def analyse(graphs: tuple[str, ...], output: str, fmt: str | None, base: str) -> None:
    """Compute dyad relations and actor centrality and write them back as triples.

    The input graph is written out with one more named graph (<BASE>graph/analysis): per
    actor kg:degree, kg:pageRank, kg:betweenness, kg:community; per actor pair a
    kg:DyadRelation with cooperative/conflictual counts, mean Goldstein, first/last date and
    kg:evidenceEvent links; all prov:wasGeneratedBy a run carrying kg:softwareVersion.

    \b
    Example:
      kgraph analyse corpus.trig -o corpus-analysed.trig
    """
    from kgraph import analyse as A

    fmt = format_for(output, fmt)
    ds = load_dataset(graphs, base)
    name = A.analysis_graph_iri(base)
    ds.remove_graph(ds.graph(name))
    run = A.analysis_run_iri(A.read_events(ds), base)
    metrics = A.metrics_graph(ds, run, base, graph_iri=name)
    add_graph(ds, name, metrics)
    write_atomic(output, serialize(ds, fmt, base))
    if output != "-":
        click.echo(f"wrote {output}: {len(metrics):,} analysis triples in <{name}>", err=True)


COMMANDS = [export, analyse]
