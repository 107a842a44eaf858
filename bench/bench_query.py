"""Latency of every saved question at ~10k and ~100k triples: rdflib in memory, pyoxigraph as baseline.

Run by hand (not part of the test suite):

    .venv/bin/python bench/bench_query.py                 # 10k and 100k, writes bench/README-query.md
    .venv/bin/python bench/bench_query.py --sizes 10000   # quicker

The graphs are synthetic but in exactly the builder's shape: hand-made model objects
(entities with posts and mentions, events with CAMEO codes, dates and evidence, negated
actions, quotes, casualty counts, memberOf relations, date corrections) go through
kgraph.rdfmap.to_graph, one named graph per article, entities shared across articles.
The same quads are loaded into a pyoxigraph Store and queried with the default graph as
the union of the named graphs, as rdflib's Dataset(default_union=True) does.
"""

from __future__ import annotations

import argparse
import datetime as dt
import platform
import random
import statistics
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import rdflib

from kgraph import query as q
from kgraph.model import (
    ArticleMeta,
    Body,
    Count,
    DateCorrection,
    Document,
    Entity,
    EntityType,
    Event,
    EventDate,
    Extraction,
    Mention,
    Post,
    Quote,
    Relation,
    Segmented,
    Span,
)
from kgraph.namespaces import sparql_prologue
from kgraph.pipeline import to_dataset

CODES = ["010", "020", "023", "036", "040", "041", "042", "043", "046", "051", "057", "070", "073",
         "111", "112", "138", "173", "190", "193"]
PARAMETERISED = [  # (saved name, parameter, value picked from the data)
    ("dyad-events", "a", "top-actor"),
    ("help-requests", "actor", "top-actor"),
    ("on-day", "day", "2023-09-15"),
    ("articles-mentioning", "entity", "top-actor"),
]


class Writer:
    """Builds an article text piece by piece and hands out spans into it."""

    def __init__(self) -> None:
        self.text = ""

    def add(self, piece: str) -> Span:
        begin = len(self.text)
        self.text += piece
        return Span(begin, len(self.text), piece)


def entity_pool(size: int) -> list[tuple[str, EntityType, str, str | None]]:
    """(key, type, label, country key for posts) for `size` entities of each type."""
    pool = []
    for i in range(size):
        country = f"country/C{i:03d}"
        pool.append((country, EntityType.COUNTRY, f"Negara {i}", None))
        pool.append((f"person/tokoh-{i}", EntityType.PERSON, f"Tokoh Nomor {i}", country))
        pool.append((f"org/organisasi-{i}", EntityType.ORGANIZATION, f"Organisasi {i}", None))
        pool.append((f"place/kota-{i}", EntityType.PLACE, f"Kota {i}", None))
    return pool


def synthetic_article(n: int, pool: list, rng: random.Random) -> Extraction:
    w = Writer()
    headline = w.add(f"Berita sintetis nomor {n}\n")
    chosen = rng.sample(pool, 6)
    mentions: dict[str, list[Span]] = {}
    events, quotes, counts, relations, fixes = [], [], [], [], []
    for _ in range(5):
        (a, _, la, _), (b, _, lb, _) = rng.sample(chosen, 2)
        start = len(w.text)
        mentions.setdefault(a, []).append(w.add(la))
        trigger = w.add(" bertemu ")
        w.add("dengan ")
        mentions.setdefault(b, []).append(w.add(lb))
        w.add(" pada Jumat (15/9). ")
        evidence = Span(start, len(w.text), w.text[start:])
        day = dt.date(2023, 9, rng.randint(1, 30))
        date = EventDate(day, "explicit") if rng.random() < 0.9 else None
        code = rng.choice(CODES)
        events.append(Event(code, (a,), (b,), trigger, evidence, date, negated=rng.random() < 0.1))
    speaker = next((k for k, t, _, _ in chosen if t is EntityType.PERSON), None)
    start = len(w.text)
    w.add("“")
    said = w.add("Kami akan terus bekerja sama,")
    w.add("” katanya. ")
    quotes.append(Quote(said, speaker, Span(start, len(w.text), w.text[start:])))
    if rng.random() < 0.5:
        span = w.add(f"{rng.randint(1, 300)} orang tewas. ")
        counts.append(Count("killed", int(span.text.split()[0]), chosen[0][0], span, span))
    countries = [k for k, t, _, _ in chosen if t is EntityType.COUNTRY]
    orgs = [k for k, t, _, _ in chosen if t is EntityType.ORGANIZATION]
    if countries and orgs:
        evidence = w.add("Negara itu anggota organisasi. ")
        relations.append(Relation(countries[0], "memberOf", orgs[0], evidence))
    if rng.random() < 0.05:
        written = w.add("Senin (26/9/2023)")
        fixes.append(DateCorrection(written, dt.date(2023, 9, 26), dt.date(2023, 9, 25), "weekday mismatch"))
    entities = tuple(_entity(key, typ, label, post_in, mentions.get(key, []), w)
                     for key, typ, label, post_in in chosen)
    doc = Document(f"synthetic/{n}.txt", w.text, f"{n:016x}" + "0" * 48, "text/plain")
    body = Body(doc, w.text, (Span(0, len(w.text), w.text),),
                ArticleMeta(headline=headline, published=dt.date(2023, 9, 30), authors=("Tim",)))
    return Extraction(Segmented(body, ()), entities, tuple(events), tuple(quotes), tuple(counts),
                      tuple(relations), tuple(fixes))


def _entity(key: str, typ: EntityType, label: str, post_in: str | None, spans: list[Span],
            w: Writer) -> Entity:
    if not spans:
        spans = [w.add(label)]
        w.add(". ")
    posts = (Post("Presiden", post_in, spans[0]),) if post_in else ()
    return Entity(key, typ, label, (), tuple(Mention(s, key, "bench") for s in spans), posts)


def synthetic_dataset(target: int, seed: int = 7) -> rdflib.Dataset:
    rng = random.Random(seed)
    articles = max(1, target // 190)
    pool = entity_pool(max(10, articles // 4))
    return to_dataset([synthetic_article(n, pool, rng) for n in range(articles)])


def median_time(func, runs: int) -> tuple[float, object]:
    func()  # warm-up: parsing caches, lazy imports
    times, out = [], None
    for _ in range(runs):
        start = time.perf_counter()
        out = func()
        times.append(time.perf_counter() - start)
    return statistics.median(times), out


def rdflib_case(ds, text: str, bindings: dict, timeout: float):
    prepared = q.parse(text)

    def go() -> int:
        answer = q.run(ds, prepared, bindings, timeout=timeout)
        return len(answer.rows) if answer.graph is None else len(answer.graph)

    return go


def oxigraph_case(store: ox.Store, text: str, bindings: dict):
    """Parameters as pyoxigraph substitutions, which need a projected variable; else a trailing VALUES."""
    full = sparql_prologue() + text
    subs = {ox.Variable(k): _ox_term(v) for k, v in bindings.items()}
    try:
        store.query(full, use_default_graph_as_union=True, substitutions=subs)
    except RuntimeError:
        full += "".join(f"\nVALUES ?{k} {{ {v.n3()} }}" for k, v in bindings.items())
        subs = {}

    def go() -> int:
        return len(list(store.query(full, use_default_graph_as_union=True, substitutions=subs)))

    return go


def _ox_term(term):
    if isinstance(term, rdflib.URIRef):
        return ox.NamedNode(str(term))
    if term.datatype:
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
    return ox.Literal(str(term))


def top_entities(ds) -> dict[str, rdflib.URIRef]:
    text = "SELECT ?a (COUNT(*) AS ?n) WHERE { ?e kg:actor ?a } GROUP BY ?a ORDER BY DESC(?n) LIMIT 1"
    counts = q.run(ds, text)
    return {"top-actor": counts.rows[0][0]}


def cases(ds) -> list[tuple[str, str, dict]]:
    saved = q.saved_queries()
    out = [(name, item.text, {}) for name, item in saved.items()]
    picks = top_entities(ds)
    for name, param, value in PARAMETERISED:
        term = picks.get(value) or q.parse_value(value)
        out.append((f"{name} ?{param}", saved[name].text, {param: term}))
    return out


def bench_size(target: int, runs: int, timeout: float) -> dict[str, tuple[int, float | None, float, int]]:
    start = time.perf_counter()
    ds = synthetic_dataset(target)
    print(f"{target:,}: built {len(ds):,} quads in {time.perf_counter() - start:.1f} s", file=sys.stderr)
    store = ox.Store()
    store.load(ds.serialize(format="nquads").encode(), format=ox.RdfFormat.N_QUADS)
    results = {}
    for label, text, bindings in cases(ds):
        try:
            rd_time, rd_rows = median_time(rdflib_case(ds, text, bindings, timeout), runs)
        except q.QueryTimeout:
            rd_time, rd_rows = None, -1
        ox_time, ox_rows = median_time(oxigraph_case(store, text, bindings), runs)
        results[label] = (rd_rows, rd_time, ox_time, ox_rows)
        shown = "timeout" if rd_time is None else f"{rd_time * 1000:.1f} ms"
        print(f"  {label:32} rows {rd_rows:>6}  rdflib {shown:>12}  oxigraph {ox_time * 1000:8.2f} ms"
              + ("" if rd_rows in (ox_rows, -1) else f"  (oxigraph rows {ox_rows})"), file=sys.stderr)
    return {"quads": len(ds), **results}  # type: ignore[dict-item]


def report(sizes: dict[int, dict], runs: int, timeout: float) -> str:
    labels = [k for k in next(iter(sizes.values())) if k != "quads"]
    head = ["question"] + [f"{s['quads']:,} quads: rows · rdflib · oxigraph" for s in sizes.values()]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for label in labels:
        cells = [f"`{label}`"]
        for s in sizes.values():
            rows, rd, ox_t, ox_rows = s[label]
            rd_text = f"> {timeout:g} s" if rd is None else _ms(rd)
            mark = "" if rows in (ox_rows, -1) else f" (ox {ox_rows})"
            cells.append(f"{rows}{mark} · {rd_text} · {_ms(ox_t)}")
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + (
        f"\n\nMedians of {runs} runs after one warm-up; rdflib {rdflib.__version__} through kgraph.query.run "
        f"(the code path of `kgraph query` and `kgraph serve`), pyoxigraph {ox.__version__} "
        f"Store.query with the default graph as union. Python {platform.python_version()}, "
        f"{platform.machine()}, run {dt.date.today().isoformat()}.\n")


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms" if seconds < 1 else f"{seconds:.2f} s"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--timeout", type=float, default=120.0)
    parser.add_argument("--out", type=Path, default=Path(__file__).with_name("README-query.md"))
    args = parser.parse_args()
    sizes = {size: bench_size(size, args.runs, args.timeout) for size in args.sizes}
    table = report(sizes, args.runs, args.timeout)
    print(table)
    text = args.out.read_text(encoding="utf-8") if args.out.exists() else ""
    marker = "<!-- results -->"
    if marker in text:
        text = text.split(marker)[0] + marker + "\n" + table
    else:
        text = "# Saved-question latency\n\n" + marker + "\n" + table
    args.out.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
