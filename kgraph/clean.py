"""Stage 2, clean: a `Document` to a `Body`: article paragraphs and metadata, furniture dropped.

The page is read as lines. Header lines (headline, date stamp, author, source)
come before the dateline; the body runs from the dateline to the first sidebar
marker ("Terkini Lainnya", "Berita Terkait"...). Furniture lines ("Baca juga",
ads, share buttons) are dropped wherever they are. Offsets always point into
`Body.text`: the document text itself for plain text, the text drawn from the
page for HTML.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import cache
from itertools import pairwise

from kgraph.dates import parse_published
from kgraph.lexicon import load_yaml
from kgraph.model import ArticleMeta, Body, Document, Span

# A body paragraph has at least this many words; shorter lines before the
# dateline are header material. Eight words separates Indonesian headlines
# and stamps from the shortest lead sentences seen in portal pages.
MIN_BODY_WORDS = 8


@dataclass(frozen=True, slots=True)
class Line:
    span: Span

    @property
    def text(self) -> str:
        return self.span.text.strip()


@cache
def _furniture() -> dict[str, list[str]]:
    return load_yaml("furniture.yaml")


@cache
def _metadata() -> dict:
    return load_yaml("metadata.yaml")


@cache
def _dateline_patterns() -> tuple[re.Pattern[str], ...]:
    marks = sorted(
        (mark for pub in _metadata()["publishers"] for mark in pub["marks"]), key=len, reverse=True
    )
    pub = "|".join(re.escape(m) for m in marks)
    place = r"[A-Z][A-Za-z.'’\- ]{1,40}?"
    dash = r"\s*[-–—]{1,2}\s*"
    return (
        re.compile(rf"^(?P<place>{place}),\s*(?P<pub>{pub})\s*{dash}"),  # YEREVAN, KOMPAS.com -
        re.compile(rf"^(?P<place>{place})\s*\((?P<pub>{pub})\)\s*{dash}"),  # Jakarta (ANTARA) -
        re.compile(rf"^(?P<pub>{pub}),\s*(?P<place>{place}){dash}"),  # TEMPO.CO, Jakarta -
        re.compile(r"^(?P<place>[A-Z][a-z]+(?: [A-Z][a-z]+)?)\s+[-–—]{1,2}\s+(?=[A-Z\"“])"),  # Jakarta -
    )


def clean(document: Document) -> Body:
    if document.media_type == "text/html":
        from kgraph.html import html_to_text

        text, hints = html_to_text(document.text)
        return clean_text(document, text, hints)
    return clean_text(document, document.text, ArticleMeta())


def clean_text(document: Document, text: str, hints: ArticleMeta) -> Body:
    lines = _lines(text)
    hints = replace(hints, authors=(*hints.authors, *_names_before_author_mark(lines)))
    dropped: list[Span] = []
    kept: list[Line] = []
    teaser_next = False
    for line in lines:
        if teaser_next or is_furniture(line.text):
            dropped.append(line.span)
            # "Lihat Juga :" alone on its line: the next line is the teaser headline
            teaser_next = not teaser_next and _is_teaser_label(line.text)
        else:
            kept.append(line)
    start = _body_start(kept)
    header, body_lines = kept[:start], kept[start:]
    body_lines, tail = _cut_sidebar(body_lines)
    dropped.extend(line.span for line in tail)
    meta, header, header_meta = _inline_meta(header, hints, text)
    meta = _header_meta(header, text, meta)
    meta, body_lines, meta_spans = _inline_meta(body_lines, meta, text)
    dropped.extend(header_meta + meta_spans)
    paragraphs = [_trim_promos(line.span, text) for line in body_lines]
    paragraphs = [p for p in paragraphs if p.text.strip()]
    if paragraphs:
        paragraphs[0], dateline, publisher = _split_dateline(paragraphs[0], text)
        meta = replace(meta, dateline=dateline or meta.dateline, publisher=meta.publisher or publisher)
    if meta.headline is not None:
        paragraphs.insert(0, meta.headline)
    return Body(document, text, tuple(paragraphs), meta, tuple(sorted(dropped)))


def _lines(text: str) -> list[Line]:
    out, pos = [], 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            begin = pos + raw.index(stripped)
            out.append(Line(Span(begin, begin + len(stripped), stripped)))
        pos += len(raw) + 1
    return out


def _is_teaser_label(line: str) -> bool:
    label = line.strip().rstrip(":").strip().lower()
    return line.strip().endswith(":") and label in {t.lower() for t in _furniture()["teaser_labels"]}


def is_furniture(line: str) -> bool:
    f = _furniture()
    low = line.strip().lower()
    if re.fullmatch(r"\[[^\]]{1,80}\]", low):  # "[Gambas:Video CNN]" embeds
        return True
    if any(low == x.lower() for x in f["exact_lines"]):
        return True
    return any(low.startswith(p.lower()) for p in f["line_prefixes"])


def _is_sidebar_marker(line: str) -> bool:
    return line.strip().rstrip(":").lower() in {x.lower() for x in _furniture()["block_end"]}


def _body_start(lines: list[Line]) -> int:
    """The dateline line, else the first line that reads like a paragraph."""
    for i, line in enumerate(lines):
        if any(p.match(line.text) for p in _dateline_patterns()[:3]):
            return i
    for i, line in enumerate(lines):
        if _is_paragraph(line.text) and i > 0:
            return i
    return 0


def _is_paragraph(text: str) -> bool:
    return len(text.split()) >= MIN_BODY_WORDS and text.rstrip()[-1:] in ".\"”!?)"


def _cut_sidebar(lines: list[Line]) -> tuple[list[Line], list[Line]]:
    for i, line in enumerate(lines):
        if _is_sidebar_marker(line.text):
            return lines[:i], lines[i:]
        # a headline printed twice in a row is a teaser list, not prose
        if i + 1 < len(lines) and line.text == lines[i + 1].text and not _is_paragraph(line.text):
            return lines[:i], lines[i:]
    return lines, []


def _names_before_author_mark(lines: list[Line]) -> list[str]:
    """Kompas prints the author's name on one line and "Penulis" on the next."""
    marks = {w.lower() for w in _metadata()["author_after_name"]}
    return [
        line.text
        for line, nxt in pairwise(lines)
        if nxt.text.lower() in marks and _looks_like_name(line.text)
    ]


def _header_meta(header: list[Line], text: str, meta: ArticleMeta) -> ArticleMeta:
    for line in header:
        if meta.published is None and (found := parse_published(line.text)):
            value, b, e = found
            meta = replace(meta, published=value, published_span=Span.of(text, line.span.begin + b, line.span.begin + e))
            meta = replace(meta, publisher=meta.publisher or _publisher_in(line.text))
        elif line.text in meta.authors:
            continue
        elif meta.headline is None and _is_headline(line.text):
            meta = replace(meta, headline=line.span)
    return meta


def _inline_meta(lines: list[Line], meta: ArticleMeta, text: str) -> tuple[ArticleMeta, list[Line], list[Span]]:
    """'Penulis: X', 'Editor: Y', 'Sumber: AFP', '(afp/bac)': metadata wherever printed."""
    md = _metadata()
    keep: list[Line] = []
    spans: list[Span] = []
    authors, editors, sources = list(meta.authors), list(meta.editors), list(meta.sources)
    for line in lines:
        label, _, value = line.text.partition(":")
        label, value = label.strip().lower(), value.strip()
        if value and label in {x.lower() for x in md["author_labels"]}:
            authors.extend(_split_names(value))
        elif value and label in {x.lower() for x in md["editor_labels"]}:
            editors.extend(_split_names(value))
        elif label.split()[0:1] and label.split()[0] in {x.lower() for x in md["source_labels"]}:
            rest = value or (line.text.split(None, 1)[1] if len(line.text.split()) > 1 else "")
            sources.extend(_wire_names(rest))
        elif re.fullmatch(r"\(\s*[\w.]+(?:\s*/\s*[\w.]+)+\s*\)", line.text) or (
            re.fullmatch(r"\([^)]{1,40}\)", line.text) and _wire_names(line.text)
        ):
            sources.extend(_wire_names(line.text))  # CNN/Detik sign-off "(afp/bac)"
        elif meta.published is None and len(line.text.split()) <= 8 and parse_published(line.text):
            value_, b, e = parse_published(line.text)  # type: ignore[misc]
            meta = replace(meta, published=value_, published_span=Span.of(text, line.span.begin + b, line.span.begin + e))
        else:
            keep.append(line)
            continue
        spans.append(line.span)
    for line in keep:
        sources.extend(_cited_sources(line.text))
    meta = replace(
        meta,
        authors=tuple(dict.fromkeys(authors)),
        editors=tuple(dict.fromkeys(editors)),
        sources=tuple(dict.fromkeys(sources)),
    )
    return meta, keep, spans


def _split_names(value: str) -> list[str]:
    parts = re.split(r"\s*(?:,|\|| dan | & )\s*", value)
    return [re.sub(r"\s*\(.*?\)\s*$", "", p).strip() for p in parts if p.strip()]


def _wire_names(text: str) -> list[str]:
    out = []
    for wire in _metadata()["wire_sources"]:
        if any(re.search(rf"(?<![\w]){re.escape(m)}(?![\w])", text) for m in wire["marks"]):
            out.append(wire["name"])
    return out


def _cited_sources(text: str) -> list[str]:
    """'dilansir AFP', 'dikutip dari Reuters', '(Reuters)' inside body prose."""
    out = []
    for m in re.finditer(r"(?:dilansir|dikutip|mengutip|melansir|laporan|menurut laporan)(?:\s+dari)?\s+([A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3})", text):
        out.extend(_wire_names(m.group(1)))
    for m in re.finditer(r"\(([A-Z][\w ]{1,30})\)", text):
        names = _wire_names(m.group(1))
        if names and m.group(1).strip() in {mk for w in _metadata()["wire_sources"] for mk in w["marks"]}:
            out.extend(names)
    return out


def _publisher_in(text: str) -> str | None:
    for pub in _metadata()["publishers"]:
        if any(mark in text for mark in pub["marks"]):
            return pub["name"]
    return None


def _looks_like_name(text: str) -> bool:
    words = text.split()
    return 1 <= len(words) <= 6 and all(w[:1].isupper() for w in words) and not re.search(r"\d", text)


def _is_headline(text: str) -> bool:
    return len(text.split()) >= 3 and parse_published(text) is None and _publisher_in(text) != text


def _trim_promos(span: Span, text: str) -> Span:
    """Cut an inline promo ("Simak breaking news ...") and everything after it."""
    low = span.text.lower()
    cut = len(span.text)
    for prefix in _furniture()["sentence_prefixes"]:
        idx = low.find(prefix.lower())
        if idx != -1:
            cut = min(cut, idx)
    end = span.begin + len(span.text[:cut].rstrip())
    return Span.of(text, span.begin, end)


def _split_dateline(first: Span, text: str) -> tuple[Span, Span | None, str | None]:
    for pattern in _dateline_patterns():
        m = pattern.match(first.text)
        if m:
            place_b = first.begin + m.start("place")
            place = Span.of(text, place_b, place_b + len(m["place"].strip()))
            publisher = _publisher_in(m.groupdict().get("pub") or "")
            return Span.of(text, first.begin + m.end(), first.end), place, publisher
    return first, None, None


def published_date(meta: ArticleMeta) -> dt.date | None:
    value = meta.published
    if isinstance(value, dt.datetime):
        return value.date()
    return value
