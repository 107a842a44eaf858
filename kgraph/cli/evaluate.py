"""`kgraph eval`: score extraction against the hand-annotated gold articles."""

from __future__ import annotations

import json
from dataclasses import asdict

import click

from kgraph.cli import fails_cleanly
from kgraph.evaluate import PRF, Ratio, Report, Scores, evaluate


def score_table(total: Scores) -> list[str]:
    """One line per category: P/R/F1 for entities and events, ok/total for the rest."""

    def prf(name: str, s: PRF, extra: str) -> str:
        return f"{name:<16}{s.precision:>6.2f}{s.recall:>6.2f}{s.f1:>6.2f}   {extra}"

    def ratio(name: str, r: Ratio) -> str:
        return f"{name:<16}{r.value:>18.2f}   {r}"

    ents, events = total.entities, total.events
    lines = [f"{'category':<16}{'P':>6}{'R':>6}{'F1':>6}   detail",
             prf("entities", ents, f"{ents.found}/{ents.found + ents.missed} found, "
                 f"duplicates {total.duplicates}, contamination {total.contamination}"),
             prf("events", events, f"{events.found}/{events.found + events.missed} found, "
                 f"negation errors {total.negation_errors}")]
    for name, value in (("entity types", total.typed_right), ("event dates", total.event_dates),
                        ("roles", total.roles), ("quotes", total.quotes), ("counts", total.counts),
                        ("relations", total.relations), ("weekday fixes", total.weekday_fixes),
                        ("article metadata", total.metadata)):
        lines.append(ratio(name, value))
    lines.append(f"{'build failures':<16}{total.build_failures:>18}")
    return lines


def report_json(report: Report) -> str:
    total = report.total
    return json.dumps({
        "metrics": total.metrics(),
        "total": asdict(total),
        "articles": [{"article": a.article, "triples": a.triples, "metrics": a.scores.metrics(),
                      "notes": [asdict(n) for n in a.notes]} for a in report.articles],
    }, indent=1, ensure_ascii=False)


@click.command("eval")
@click.option("--gold", default="tests/data/gold", show_default=True,
              help="A gold .yaml file or a folder of them.")
@click.option("--corpus", default="tests/data/articles", show_default=True,
              help="Folder holding the articles the gold files name.")
@click.option("-v", "--verbose", is_flag=True, help="Also list, per article, every miss and every extra.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
              help="A table for people, or JSON (metrics, totals, per-article notes) for scripts.")
@fails_cleanly
def eval_command(gold: str, corpus: str, verbose: bool, fmt: str) -> None:
    """Score extraction against hand-annotated gold articles (precision/recall per category).

    Each gold file names an article in the corpus folder; the article is built in-process
    and its graph compared with the gold. Names match ignoring case, accents, hyphens and
    punctuation.

    \b
    entities   P/R/F1; a second node for one gold entity is a duplicate (a false
               positive); a node named only in page furniture is contamination
    events     P over predictions fitting any gold event (required or optional),
               R over required events; asserting a negated event is an error
    the rest   ok/total: event dates, roles (title and country near the person),
               quotes (opening words and speaker), counts, relations, weekday
               fixes (a date printed with the wrong weekday), article metadata

    This is a report: the exit code is 0 whatever the scores. The test suite's gate
    (tests/test_extraction_gate.py) fails when a score drops below the floor pinned in
    tests/data/eval_floor.json.

    \b
    Examples:
      kgraph eval                         # the project's corpus, from the repo root
      kgraph eval -v                      # and what each article missed
      kgraph eval --format json > scores.json
    """
    report = evaluate(gold, corpus)
    if fmt == "json":
        click.echo(report_json(report))
        return
    for article in report.articles:
        s = article.scores
        click.echo(f"{article.article}: entity F1 {s.entities.f1:.2f}, event F1 {s.events.f1:.2f}, "
                   f"triples {article.triples}")
        for note in article.notes:
            if verbose or note.kind == "error":
                click.echo(f"    {note.kind}: {note.text}")
    click.echo()
    for line in score_table(report.total):
        click.echo(line)


COMMANDS = [eval_command]
