"""A progress bar on stderr for long runs; silent for a handful of items or when not a terminal."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

# Below this many items a run takes well under a second: a bar would only flicker.
MIN_ITEMS_FOR_BAR = 20


@contextmanager
def progress_bar(total: int, label: str) -> Iterator[Callable[[str], None]]:
    if total < MIN_ITEMS_FOR_BAR or not sys.stderr.isatty():
        yield lambda _item: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    # rich draws on stdout unless told otherwise, and stdout may be the RDF ("-o -").
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                  console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(label, total=total)
        yield lambda _item: bar.advance(task)
