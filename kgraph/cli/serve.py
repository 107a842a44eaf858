"""`kgraph serve`: a read-only SPARQL endpoint and query page over graph files."""

from __future__ import annotations

import logging

import click

from kgraph.cli import fails_cleanly
from kgraph.cli.build import base_option
from kgraph.namespaces import DEFAULT_BASE
from kgraph.serve import make_server
from kgraph.store import load_dataset


@click.command()
@click.argument("graphs", nargs=-1, required=True)
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. Anything but loopback lets other machines read the graph.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True,
              help="0 picks a free port.")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=10.0, show_default=True,
              help="Seconds a query may run before it is stopped (HTTP 503).")
@click.option("--max-rows", type=click.IntRange(min=1), default=10_000, show_default=True,
              help="Largest result (rows, or triples for CONSTRUCT); larger ones are refused (HTTP 400).")
@click.option("--base", default=DEFAULT_BASE, show_default=True, callback=base_option,
              help="Base IRI bound to the kgd: prefix.")
@fails_cleanly
def serve(graphs: tuple[str, ...], host: str, port: int, timeout: float, max_rows: int, base: str) -> None:
    """Serve GRAPH files or folders as a read-only SPARQL 1.1 endpoint at /sparql.

    The page at / has a query box and the saved questions, and loads nothing from
    the internet. Updates are refused; every query has a time and a size limit.
    A graph file that cannot be read stops it with error E302; an address that
    cannot be used (port taken, no permission, unknown host) with error E601.

    \b
    Examples:
      kgraph serve graph.trig                      # http://127.0.0.1:8000/
      kgraph serve graphs/ --port 3030 --timeout 30
      curl -H 'Accept: text/csv' 'http://127.0.0.1:8000/sparql' --data-urlencode 'query=ASK {}'
    """
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    ds = load_dataset(graphs, base)
    server = make_server(ds, host, port, timeout=timeout, max_rows=max_rows, base=base)
    if not server.loopback_only:
        click.echo(f"kgraph: warning: listening on {host}: other machines can read this graph", err=True)
    click.echo(f"serving {len(ds):,} triples: query page {server.url}, endpoint {server.url}sparql "
               f"(Ctrl-C to stop)", err=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        click.echo("stopped", err=True)
    finally:
        server.server_close()


COMMANDS = [serve]
