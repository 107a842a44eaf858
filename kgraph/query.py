"""SPARQL over a kgraph Dataset: parse, bind parameters, run with limits, format results.

Read-only by construction: only the query forms (SELECT, ASK, CONSTRUCT, DESCRIBE)
parse; a text that parses as a SPARQL Update is refused with a message saying so.

Time limit. rdflib has no native timeout, so a query runs in a daemon worker
thread and the caller stops waiting after `timeout` seconds. The worker is then
stopped too: an exception is injected into it (CPython's PyThreadState_SetAsyncExc),
which rdflib's pure-Python evaluator raises at its next bytecode, so a runaway
query does not keep burning a core. A worker stuck inside one long C call stops
when that call returns; the caller has already been told either way.

Parameters (`--param name=value`) are bound with rdflib's initBindings, never
pasted into the query text. How a value is read (`parse_value`):
  <https://...>          an IRI
  kgd:person/x, kg:Event an IRI, when the prefix is a known one (see PREFIXES, kgd:)
  2023-09-21             an xsd:date literal
  42, -3.5               an xsd:integer / xsd:decimal literal
  "Rusia"@id             a language-tagged literal
  anything else          a plain string literal
A bound parameter holds for the whole query. So a saved query uses each parameter
either in a required triple pattern or in a FILTER, never only inside an OPTIONAL:
there a missing match would keep the row, still showing the parameter's value.
"""

from __future__ import annotations

import csv
import ctypes
import io
import itertools
import json
import logging
import re
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar
from xml.sax.saxutils import escape, quoteattr

from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.parser import parseUpdate
from rdflib.plugins.sparql.sparql import Query
from rdflib.term import Node

from kgraph.errors import QueryError
from kgraph.namespaces import DEFAULT_BASE, PREFIXES, ontology_dir

log = logging.getLogger(__name__)

QUERIES_DIR = ontology_dir() / "queries"  # installed with the package (kgraph/ontology), or the checkout's
DEFAULT_TIMEOUT = 30.0
FORMATS = ("table", "csv", "tsv", "json", "xml", "turtle")
T = TypeVar("T")


# ---------------------------------------------------------------- saved queries


@dataclass(frozen=True, slots=True)
class SavedQuery:
    name: str
    question: str
    parameters: tuple[str, ...]  # variable names without '?'
    text: str
    notes: str = ""


def read_saved(path: Path) -> SavedQuery:
    """A saved query file: header comments `# Question: ...` and `# Parameters: ?a ?b`."""
    text = path.read_text(encoding="utf-8")
    fields: dict[str, list[str]] = {"question": [], "parameters": [], "notes": []}
    key = "notes"
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        body = line.lstrip("#").strip()
        found = re.match(r"(Question|Parameters):\s*(.*)", body)
        if found:
            key, body = found.group(1).lower(), found.group(2)
        elif not line.startswith("#  "):
            key = "notes"
        if body:
            fields[key].append(body)
    params = tuple(re.findall(r"\?(\w+)", " ".join(fields["parameters"])))
    return SavedQuery(path.stem, " ".join(fields["question"]), params, text, " ".join(fields["notes"]))


def saved_queries(folder: Path = QUERIES_DIR) -> dict[str, SavedQuery]:
    if not folder.is_dir():
        return {}
    return {p.stem: read_saved(p) for p in sorted(folder.glob("*.rq"))}


def get_saved(name: str, folder: Path = QUERIES_DIR) -> SavedQuery:
    known = saved_queries(folder)
    if name not in known:
        names = ", ".join(known) or f"none (no .rq files in {folder})"
        raise QueryError(f"no saved query named {name!r}; known: {names}")
    return known[name]


# ---------------------------------------------------------------- parsing


class UpdateRefused(QueryError):
    """A SPARQL Update (INSERT, DELETE, LOAD, ...) sent where only queries are allowed."""


def namespaces(base: str = DEFAULT_BASE) -> dict[str, str]:
    ns = {prefix: str(value) for prefix, value in PREFIXES.items()}
    ns["kgd"] = base
    return ns


def parse(text: str, base: str = DEFAULT_BASE) -> Query:
    """A prepared query, prefixes pre-bound. Updates and syntax errors raise QueryError."""
    if not text.strip():
        raise QueryError("empty query")
    try:
        return prepareQuery(text, initNs=namespaces(base))
    except Exception as exc:  # pyparsing ParseException, or rdflib's plain Exception for prefixes
        if is_update(text):
            raise UpdateRefused("updates (INSERT, DELETE, LOAD, CLEAR, ...) are refused: read-only") from None
        raise QueryError(syntax_message(exc)) from None


def query_kind(prepared: Query) -> str:
    """SELECT, ASK, CONSTRUCT or DESCRIBE, known before the query runs."""
    return prepared.algebra.name.removesuffix("Query").upper()


def is_update(text: str) -> bool:
    try:
        parseUpdate(text)
    except Exception:
        return False
    return bool(re.search(r"\b(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b", text, re.I))


def syntax_message(exc: Exception) -> str:
    lineno, col = getattr(exc, "lineno", None), getattr(exc, "col", None)
    if lineno is None:
        return f"SPARQL error: {str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__}"
    msg = getattr(exc, "msg", "") or "syntax error"
    near = (getattr(exc, "line", "") or "").strip()
    where = f" (near {near[:60]!r})" if near else ""
    return f"SPARQL syntax error at line {lineno}, column {col}: {msg}{where}"


# ---------------------------------------------------------------- parameters


def parse_value(value: str, base: str = DEFAULT_BASE) -> Node:
    """A --param value as an RDF term; the rules are in the module docstring."""
    ns = namespaces(base)
    if value.startswith("<") and value.endswith(">"):
        return _iri(value[1:-1])
    prefix, sep, local = value.partition(":")
    if sep and prefix in ns and not local.startswith("//"):
        return _iri(ns[prefix] + local)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return Literal(value, datatype=XSD.date)
    if re.fullmatch(r"[+-]?\d+", value):
        return Literal(value, datatype=XSD.integer)
    if re.fullmatch(r"[+-]?\d*\.\d+", value):
        return Literal(value, datatype=XSD.decimal)
    tagged = re.fullmatch(r'"(.*)"@([A-Za-z]+(?:-[A-Za-z0-9]+)*)', value, re.S)
    if tagged:
        return Literal(tagged.group(1), lang=tagged.group(2))
    return Literal(value)


def _iri(text: str) -> URIRef:
    if not text or re.search(r'[\s<>"{}|^`\\]', text):
        raise QueryError(f"not a valid IRI: {text[:80]!r}")
    return URIRef(text)


def parse_params(pairs: tuple[str, ...] | list[str], text: str, base: str = DEFAULT_BASE) -> dict[str, Node]:
    """`name=value` pairs to initBindings; a name the query does not use is an error."""
    bindings: dict[str, Node] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        name = name.strip().lstrip("?$")
        if not sep or not re.fullmatch(r"\w+", name):
            raise QueryError(f"bad --param {pair!r}: expected name=value")
        if not re.search(rf"[?$]{re.escape(name)}\b", text):
            raise QueryError(f"parameter ?{name} is not used in the query")
        bindings[name] = parse_value(value, base)
    return bindings


# ---------------------------------------------------------------- running


@dataclass(frozen=True, slots=True)
class Answer:
    """A materialised query result: rows for SELECT, a boolean for ASK, a graph otherwise."""

    kind: str  # SELECT | ASK | CONSTRUCT | DESCRIBE
    variables: tuple[str, ...] = ()
    rows: tuple[tuple[Node | None, ...], ...] = ()
    boolean: bool | None = None
    graph: Graph | None = field(default=None, compare=False)


class QueryTimeout(QueryError):
    """The query ran past its time limit and was stopped."""


class TooManyRows(QueryError):
    """The result is larger than the row limit; nothing is returned rather than a silent cut."""


def run(
    ds: Dataset,
    query: str | Query,
    bindings: Mapping[str, Node] | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
    max_rows: int | None = None,
    base: str = DEFAULT_BASE,
) -> Answer:
    """Run a read-only query with a time limit (seconds; None or 0 for none) and a row limit."""
    prepared = parse(query, base) if isinstance(query, str) else query
    seconds = timeout or None
    try:
        return run_with_timeout(lambda: evaluate(ds, prepared, bindings or {}, max_rows), seconds)
    except TimeoutError:
        raise QueryTimeout(f"query stopped: it ran longer than the time limit of {seconds:g} s") from None
    except QueryError:
        raise
    except Exception as exc:  # rdflib's evaluator raises assorted types on odd input
        log.debug("query evaluation failed", exc_info=True)
        raise QueryError(f"query failed while running: {type(exc).__name__}: {str(exc)[:200]}") from None


def evaluate(ds: Dataset, prepared: Query, bindings: Mapping[str, Node], max_rows: int | None) -> Answer:
    result = ds.query(prepared, initBindings=dict(bindings))
    kind = result.type
    if kind == "ASK":
        return Answer(kind, boolean=bool(result.askAnswer))
    if kind in ("CONSTRUCT", "DESCRIBE"):
        graph = result.graph
        if max_rows is not None and len(graph) > max_rows:
            raise TooManyRows(f"result has more than {max_rows} triples (the limit); narrow the query")
        return Answer(kind, graph=graph)
    variables = tuple(str(v) for v in result.vars or ())
    limit = None if max_rows is None else max_rows + 1
    rows = tuple(tuple(row) for row in itertools.islice(result, limit))
    if max_rows is not None and len(rows) > max_rows:
        raise TooManyRows(f"result has more than {max_rows} rows (the limit); add LIMIT or narrow the query")
    return Answer(kind, variables, rows)


class _Stop(BaseException):
    """Raised inside a worker thread to stop it; BaseException so `except Exception` won't eat it."""


def run_with_timeout(func: Callable[[], T], timeout: float | None) -> T:
    """func() in a daemon thread; TimeoutError after `timeout` s, and the worker is then stopped."""
    box: dict[str, Any] = {"done": False}
    lock = threading.Lock()

    def work() -> None:
        try:
            try:
                box["value"] = func()
            except BaseException as exc:
                box["error"] = exc
            with lock:
                box["done"] = True
        except _Stop:
            pass

    worker = threading.Thread(target=work, name="kgraph-query", daemon=True)
    worker.start()
    worker.join(timeout)
    with lock:
        if not box["done"]:
            _raise_in(worker)
            raise TimeoutError
    if "error" in box:
        raise box["error"]
    return box["value"]


def _raise_in(thread: threading.Thread) -> None:
    if thread.ident is None or not thread.is_alive():
        return
    hit = ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread.ident), ctypes.py_object(_Stop))
    log.debug("asked query thread %s to stop (%d thread state)", thread.ident, hit)


# ---------------------------------------------------------------- formatting


def render(answer: Answer, fmt: str, ns: Mapping[str, str] | None = None) -> str:
    """The answer as text in one of FORMATS (turtle only for CONSTRUCT/DESCRIBE, and vice versa)."""
    if answer.graph is not None:
        if fmt in ("turtle", "table"):
            return graph_text(answer.graph, "turtle", ns)
        if fmt in ("nt", "ntriples"):
            return graph_text(answer.graph, "nt", ns)
        raise QueryError(f"a {answer.kind} result is a graph: use --format turtle")
    writers: dict[str, Callable[[Answer], str]] = {
        "table": lambda a: to_table(a, ns), "csv": to_csv, "tsv": to_tsv, "json": to_json, "xml": to_xml,
    }
    if fmt not in writers:
        raise QueryError(f"--format {fmt} is for CONSTRUCT/DESCRIBE; use table, csv, tsv, json or xml")
    return writers[fmt](answer)


def graph_text(graph: Graph, fmt: str, ns: Mapping[str, str] | None = None) -> str:
    for prefix, iri in (ns or namespaces()).items():
        graph.bind(prefix, iri, override=True)
    return graph.serialize(format=fmt)


def term_json(term: Node) -> dict[str, str]:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    out = {"type": "literal", "value": str(term)}
    if isinstance(term, Literal) and term.language:
        out["xml:lang"] = term.language
    elif isinstance(term, Literal) and term.datatype:
        out["datatype"] = str(term.datatype)
    return out


def to_json(answer: Answer) -> str:
    if answer.kind == "ASK":
        return json.dumps({"head": {}, "boolean": answer.boolean}) + "\n"
    bindings = [
        {var: term_json(term) for var, term in zip(answer.variables, row, strict=True) if term is not None}
        for row in answer.rows
    ]
    return json.dumps({"head": {"vars": list(answer.variables)}, "results": {"bindings": bindings}},
                      ensure_ascii=False, indent=1) + "\n"


def term_xml(term: Node) -> str:
    if isinstance(term, URIRef):
        return f"<uri>{escape(str(term))}</uri>"
    if isinstance(term, BNode):
        return f"<bnode>{escape(str(term))}</bnode>"
    attr = ""
    if isinstance(term, Literal) and term.language:
        attr = f" xml:lang={quoteattr(term.language)}"
    elif isinstance(term, Literal) and term.datatype:
        attr = f" datatype={quoteattr(str(term.datatype))}"
    return f"<literal{attr}>{escape(str(term))}</literal>"


def to_xml(answer: Answer) -> str:
    out = ['<?xml version="1.0" encoding="utf-8"?>', '<sparql xmlns="http://www.w3.org/2005/sparql-results#">']
    if answer.kind == "ASK":
        out += ["<head/>", f"<boolean>{'true' if answer.boolean else 'false'}</boolean>", "</sparql>"]
        return "\n".join(out) + "\n"
    out += ["<head>", *(f"<variable name={quoteattr(v)}/>" for v in answer.variables), "</head>", "<results>"]
    for row in answer.rows:
        cells = "".join(
            f"<binding name={quoteattr(v)}>{term_xml(t)}</binding>"
            for v, t in zip(answer.variables, row, strict=True) if t is not None
        )
        out.append(f"<result>{cells}</result>")
    out += ["</results>", "</sparql>"]
    return "\n".join(out) + "\n"


def to_csv(answer: Answer) -> str:
    """SPARQL 1.1 CSV: lexical forms only, CRLF line ends. ASK gives one line, true or false."""
    if answer.kind == "ASK":
        return f"{'true' if answer.boolean else 'false'}\r\n"
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(answer.variables)
    for row in answer.rows:
        writer.writerow(["" if t is None else (f"_:{t}" if isinstance(t, BNode) else str(t)) for t in row])
    return buf.getvalue()


def to_tsv(answer: Answer) -> str:
    """SPARQL 1.1 TSV: terms in Turtle syntax, `?var` headers."""
    if answer.kind == "ASK":
        return f"{'true' if answer.boolean else 'false'}\n"
    lines = ["\t".join(f"?{v}" for v in answer.variables)]
    lines += ["\t".join("" if t is None else t.n3() for t in row) for row in answer.rows]
    return "\n".join(lines) + "\n"


def short(term: Node | None, ns: Mapping[str, str]) -> str:
    """A term for reading: IRIs as prefix:local when a namespace fits, literals as their text."""
    if term is None:
        return ""
    if isinstance(term, URIRef):
        iri = str(term)
        best = max((p for p, n in ns.items() if iri.startswith(n)), key=lambda p: len(ns[p]), default=None)
        return f"{best}:{iri[len(ns[best]):]}" if best else f"<{iri}>"
    if isinstance(term, BNode):
        return f"_:{term}"
    return " ".join(str(term).split())


def to_table(answer: Answer, ns: Mapping[str, str] | None = None, width: int = 60) -> str:
    """Plain aligned text; cells longer than `width` are cut with '…' (csv/json give them whole)."""
    if answer.kind == "ASK":
        return ("yes" if answer.boolean else "no") + "\n"
    ns = ns or namespaces()
    cells = [[_cut(short(t, ns), width) for t in row] for row in answer.rows]
    header = list(answer.variables)
    widths = [max([len(h), *(len(r[i]) for r in cells)]) for i, h in enumerate(header)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in cells]
    return "\n".join(lines) + "\n"


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
