"""The `kgraph` command line. Commands parse arguments and call the library; no logic here.

Exit codes: 0 success, 1 bad input or a failed check, 2 usage error.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

import click

from kgraph import __version__
from kgraph.errors import KgraphError

F = TypeVar("F", bound=Callable[..., Any])


def fails_cleanly(func: F) -> F:
    """Turn a KgraphError into one line on stderr and exit 1, never a traceback."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except KgraphError as exc:
            click.echo(f"kgraph: {exc}", err=True)
            sys.exit(1)
        except KeyboardInterrupt:
            click.echo("kgraph: interrupted; no output was changed", err=True)
            sys.exit(130)

    return wrapper  # type: ignore[return-value]


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="kgraph")
def cli() -> None:
    """Build an event-centric RDF knowledge graph from Indonesian news articles.

    \b
    Typical session:
      kgraph build articles/ -o graph.ttl      # extract and write Turtle
      kgraph validate graph.ttl                # SHACL check against the ontology
      kgraph stats graph.ttl                   # what is in it
      kgraph query graph.ttl "SELECT ..."      # SPARQL, prefixes pre-bound
      kgraph viz graph.ttl -o graph.html       # interactive offline viewer
    """


def _register() -> None:
    from kgraph.cli import build, inspect

    for module in (build, inspect):
        for command in module.COMMANDS:
            cli.add_command(command)
    # Commands contributed by optional modules register themselves the same way.
    import importlib

    for name in ("query", "viz", "serve", "export", "evaluate"):
        try:
            module = importlib.import_module(f"kgraph.cli.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"kgraph.cli.{name}":
                raise
            continue
        for command in module.COMMANDS:
            cli.add_command(command)


_register()


def main() -> None:
    cli(prog_name="kgraph")
