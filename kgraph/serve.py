"""A read-only SPARQL 1.1 Protocol endpoint over a Dataset, on the standard library's http.server.

    GET  /sparql?query=...                         SPARQL 1.1 Protocol, query via GET
    POST /sparql  application/x-www-form-urlencoded query=...
    POST /sparql  application/sparql-query         the body is the query
    GET  /                                         an offline HTML page: query box, saved questions

Results are content-negotiated from the Accept header (a `format=` parameter,
as some clients send, overrides it): SPARQL JSON, XML, CSV and TSV for SELECT and
ASK; Turtle, N-Triples, RDF/XML or JSON-LD for CONSTRUCT and DESCRIBE.

Read-only: an update (a POST `update=` field, an application/sparql-update body,
or a query text that parses as an update) gets 403. Every query runs under the
time limit of kgraph.query.run (503 when hit) and the row limit (400 when the
result is larger: an error, never a silently cut result). At most
`max_concurrent` queries run at once (503 when busy). When bound to a loopback
address, requests whose Host header is not a loopback name are refused (403),
which defeats DNS-rebinding from web pages; no CORS headers are sent.
"""

from __future__ import annotations

import errno
import html
import ipaddress
import logging
import socket
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from rdflib import Dataset, Graph

from kgraph import query as q
from kgraph.errors import QueryError, ServeError
from kgraph.namespaces import DEFAULT_BASE

log = logging.getLogger(__name__)

MAX_BODY = 1 << 20  # bytes; a SPARQL query larger than 1 MiB is not a hand-written question
RESULT_TYPES = {  # media type -> writer name, in the server's order of preference
    "application/sparql-results+json": "json",
    "application/sparql-results+xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
    "application/json": "json",
    "application/xml": "xml",
    "text/xml": "xml",
}
GRAPH_TYPES = {
    "text/turtle": "turtle",
    "application/n-triples": "nt",
    "application/rdf+xml": "xml",
    "application/ld+json": "json-ld",
    "application/x-turtle": "turtle",
    "text/plain": "nt",
}
FORMAT_PARAM = {  # ?format= / ?output= values -> media type, for results and for graphs
    "results": {"json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
                "csv": "text/csv", "tsv": "text/tab-separated-values"},
    "graph": {"turtle": "text/turtle", "ttl": "text/turtle", "nt": "application/n-triples",
              "ntriples": "application/n-triples", "xml": "application/rdf+xml",
              "rdfxml": "application/rdf+xml",
              "json-ld": "application/ld+json", "jsonld": "application/ld+json"},
}
PAGE_CSP = ("default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
            "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")


@dataclass(frozen=True, slots=True)
class Reply:
    status: int
    body: bytes
    media_type: str = "text/plain"


class SparqlServer(ThreadingHTTPServer):
    """ThreadingHTTPServer holding the dataset and the limits; start with serve_forever()."""

    daemon_threads = True

    def __init__(
        self, ds: Dataset, host: str, port: int, timeout: float, max_rows: int,
        base: str = DEFAULT_BASE, max_concurrent: int = 4, queries_dir: Path = q.QUERIES_DIR,
    ) -> None:
        self.ds, self.query_timeout, self.max_rows, self.base = ds, timeout, max_rows, base
        self.slots = threading.BoundedSemaphore(max_concurrent)
        self.page = render_page(q.saved_queries(queries_dir), timeout, max_rows).encode("utf-8")
        self.loopback_only = _is_loopback(host)
        super().__init__((host, port), SparqlHandler)

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        host = f"[{host}]" if ":" in str(host) else host
        return f"http://{host}:{port}/"


def make_server(ds: Dataset, host: str = "127.0.0.1", port: int = 8000, timeout: float = 10.0,
                max_rows: int = 10_000, base: str = DEFAULT_BASE, max_concurrent: int = 4) -> SparqlServer:
    """A server bound to (host, port); port 0 picks a free one (see `server.url`).

    ServeError (E601) when `ds` is not an rdflib graph or the address cannot be bound.
    """
    if not isinstance(ds, Graph):  # Dataset and ConjunctiveGraph are Graphs too
        raise ServeError(f"cannot serve a {type(ds).__name__}: give an rdflib Dataset "
                         "(kgraph.store.load_dataset reads graph files into one)")
    try:
        return SparqlServer(ds, host, port, timeout, max_rows, base, max_concurrent)
    except OSError as exc:
        raise ServeError(f"cannot listen on {host}:{port}: {bind_problem(exc, port)}") from None


def bind_problem(exc: OSError, port: int) -> str:
    """Why binding failed, in words that say what to do."""
    if exc.errno == errno.EADDRINUSE:
        return "the port is already in use (another kgraph serve?); choose another --port, or --port 0 for any free one"
    if exc.errno in (errno.EACCES, errno.EPERM):
        low = " (ports below 1024 need root; choose one above)" if 0 < port < 1024 else ""
        return f"permission denied{low}"
    if isinstance(exc, socket.gaierror):
        return "unknown host name; give an address of this machine, such as 127.0.0.1"
    if exc.errno == errno.EADDRNOTAVAIL:
        return "no such address on this machine; give one of its addresses, such as 127.0.0.1"
    return str(exc.strerror or exc)


# ---------------------------------------------------------------- the page


def render_page(saved: dict[str, q.SavedQuery], timeout: float, max_rows: int) -> str:
    template = resources.files("kgraph").joinpath("assets/sparql.html").read_text(encoding="utf-8")
    items = "\n".join(
        f'      <li><button type="button" data-query="{html.escape(item.text, quote=True)}">'
        f"{html.escape(item.question or item.name)}<small>{html.escape(item.name)}</small></button></li>"
        for item in saved.values()
    )
    return (template.replace("<!--SAVED-->", items)
            .replace("<!--TIMEOUT-->", html.escape(f"{timeout:g}"))
            .replace("<!--MAXROWS-->", html.escape(f"{max_rows:,}")))


# ---------------------------------------------------------------- content negotiation


def parse_accept(header: str | None) -> list[tuple[str, float]]:
    """Accept header to [(media range, q)], in the header's order; bad q values count as 0."""
    ranges = []
    for part in (header or "*/*").split(","):
        media, *params = (p.strip() for p in part.split(";"))
        if not media:
            continue
        weight = 1.0
        for param in params:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    weight = float(value)
                except ValueError:
                    weight = 0.0
        ranges.append((media.lower(), weight))
    return ranges


def negotiate(header: str | None, offered: list[str]) -> str | None:
    """The offered type the client wants most: highest q, then most specific range, then header order."""
    ranges = parse_accept(header)
    best: tuple[tuple[float, int, int, int], str] | None = None
    for pref, media in enumerate(offered):
        for pos, (pattern, weight) in enumerate(ranges):
            specificity = _match(pattern, media)
            if specificity < 0 or weight <= 0:
                continue
            key = (weight, specificity, -pos, -pref)
            if best is None or key > best[0]:
                best = (key, media)
    return best[1] if best else None


def _match(pattern: str, media: str) -> int:
    """2 exact, 1 type/*, 0 */*, -1 no match."""
    if pattern == media:
        return 2
    if pattern == "*/*":
        return 0
    if pattern.endswith("/*") and media.startswith(pattern[:-1]):
        return 1
    return -1


def choose_type(kind: str, accept: str | None, fmt: str | None) -> str | None:
    table = GRAPH_TYPES if kind in ("CONSTRUCT", "DESCRIBE") else RESULT_TYPES
    if fmt:
        wanted = FORMAT_PARAM["graph" if table is GRAPH_TYPES else "results"].get(fmt.lower())
        if wanted:
            return wanted
        if "/" in fmt and fmt in table:
            return fmt
    return negotiate(accept, list(table))


# ---------------------------------------------------------------- answering


def answer(server: SparqlServer, text: str, accept: str | None, fmt: str | None) -> Reply:
    """One query to one HTTP reply: every refusal and limit becomes a status and a one-line message."""
    try:
        prepared = q.parse(text, server.base)
    except q.UpdateRefused as exc:
        return Reply(403, f"{exc.message}\n".encode())
    except QueryError as exc:
        return Reply(400, f"{exc.message}\n".encode())
    kind = q.query_kind(prepared)
    media = choose_type(kind, accept, fmt)
    if media is None:
        offered = ", ".join(GRAPH_TYPES if kind in ("CONSTRUCT", "DESCRIBE") else RESULT_TYPES)
        return Reply(406, f"cannot give a {kind} result as {accept or fmt}; offered: {offered}\n".encode())
    if not server.slots.acquire(blocking=False):
        return Reply(503, b"busy: too many queries running; try again shortly\n")
    try:
        result = q.run(server.ds, prepared, timeout=server.query_timeout, max_rows=server.max_rows,
                       base=server.base)
    except q.QueryTimeout as exc:
        return Reply(503, f"{exc.message}\n".encode())
    except QueryError as exc:  # TooManyRows and evaluation errors
        return Reply(400, f"{exc.message}\n".encode())
    finally:
        server.slots.release()
    return Reply(200, serialize(result, media, server.base), media)


def serialize(result: q.Answer, media: str, base: str) -> bytes:
    if result.graph is not None:
        return q.graph_text(result.graph, GRAPH_TYPES[media], q.namespaces(base)).encode("utf-8")
    writer = {"json": q.to_json, "xml": q.to_xml, "csv": q.to_csv, "tsv": q.to_tsv}[RESULT_TYPES[media]]
    return writer(result).encode("utf-8")


class SparqlHandler(BaseHTTPRequestHandler):
    server: SparqlServer
    server_version = "kgraph-sparql"
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        if not self._host_ok():
            return
        if url.path in ("/", "/index.html"):
            self._send(Reply(200, self.server.page, "text/html"), csp=True)
        elif url.path == "/sparql":
            self._protocol(parse_qs(url.query), None)
        else:
            self._send(Reply(404, b"not found: the endpoint is /sparql, the query page is /\n"))

    def do_POST(self) -> None:
        url = urlsplit(self.path)
        if not self._host_ok():
            return
        if url.path != "/sparql":
            self._send(Reply(404, b"not found: POST queries to /sparql\n"))
            return
        body = self._body()
        if body is None:
            return
        media = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        params = parse_qs(url.query)
        if media == "application/x-www-form-urlencoded":
            params.update(parse_qs(body.decode("utf-8", "replace")))
            self._protocol(params, None)
        elif media == "application/sparql-query":
            self._protocol(params, body.decode("utf-8", "replace"))
        elif media == "application/sparql-update":
            self._send(Reply(403, b"updates are refused: this endpoint is read-only\n"))
        else:
            self._send(Reply(415, b"POST application/sparql-query or application/x-www-form-urlencoded\n"))

    def do_PUT(self) -> None:
        self._send(Reply(405, b"read-only endpoint: GET or POST a query to /sparql\n"))

    do_DELETE = do_PATCH = do_PUT

    def _protocol(self, params: dict[str, list[str]], text: str | None) -> None:
        if "update" in params:
            self._send(Reply(403, b"updates are refused: this endpoint is read-only\n"))
            return
        queries = [text] if text is not None else params.get("query", [])
        if len(queries) != 1 or not queries[0].strip():
            self._send(Reply(400, b"give exactly one query (?query=... or a POST body)\n"))
            return
        fmt = (params.get("format") or params.get("output") or [None])[0]
        self._send(answer(self.server, queries[0], self.headers.get("Accept"), fmt))

    def _body(self) -> bytes | None:
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            length = -1
        if length < 0 or length > MAX_BODY:
            message = f"request body must be 0..{MAX_BODY} bytes with a Content-Length\n"
            self._send(Reply(413, message.encode()), close=True)
            return None
        return self.rfile.read(length)

    def _host_ok(self) -> bool:
        if not self.server.loopback_only:
            return True
        host = (self.headers.get("Host") or "").rsplit(":", 1)[0].strip("[]").lower()
        if host in ("localhost", "") or _is_loopback(host):
            return True
        self._send(Reply(403, b"Host header must name this machine (localhost or a loopback address)\n"))
        return False

    def _send(self, reply: Reply, csp: bool = False, close: bool = False) -> None:
        self.send_response(reply.status)
        self.send_header("Content-Type", f"{reply.media_type}; charset=utf-8")
        self.send_header("Content-Length", str(len(reply.body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Cache-Control", "no-store")
        if reply.media_type in RESULT_TYPES or reply.media_type in GRAPH_TYPES:
            self.send_header("Vary", "Accept")
        if csp:
            self.send_header("Content-Security-Policy", PAGE_CSP)
        if close:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(reply.body)

    def log_message(self, format: str, *args: object) -> None:
        log.info("%s %s", self.address_string(), format % args)


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
