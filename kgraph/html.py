"""Article text out of a saved HTML page: the page's own metadata, then its prose.

Used by the clean stage; returns plain text laid out as a text copy of the page
would be (headline, the credit lines printed between it and the body, stamp,
paragraphs separated by blank lines), so the same furniture and credit rules apply
to both. Page metadata comes from a schema.org NewsArticle in JSON-LD when the page
has one, else from <meta> tags.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from typing import Any

from kgraph.dates import parse_published
from kgraph.model import ArticleMeta, Span

WIB = dt.timezone(dt.timedelta(hours=7))
# Credit lines between the headline and the body: a byline, a stamp, an editor and
# a source line at most; more lines than this means the walk left the header.
MAX_HEADER_LINES = 8
# A block whose text is mostly link text is a list of other articles: a related
# box, a tag cloud, a "Baca juga" teaser. Prose links a name or two; 0.6 keeps a
# paragraph whose every other word is linked and drops a teaser with its label.
LINK_SHARE = 0.6
# Elements that never hold article prose.
_DROP_TAGS = (
    "script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "svg", "button",
    "figure", "figcaption",  # photo captions and their credits ("Foto: dok. Biro Humas ...") are not the story
)
# class/id words of sidebars, ads, share bars and comment blocks across portals.
_DROP_CLASS = re.compile(
    r"sidebar|related|baca-?juga|bacajuga|advert|\bads?\b|iklan|share|social|comment|komentar|footer|"
    r"\bmenu\b|navbar|populer|popular|terkini|recommend|rekomendasi|newsletter|promo|breadcrumb|tag-?list",
    re.IGNORECASE,
)
_BODY_CLASS = re.compile(
    r"detail__body|read__content|detail-text|detail_text|article-content|article__content|entry-content|"
    r"post-content|content-body|itp_bodycontent|article-body|news-content|detail-content",
    re.IGNORECASE,
)
_BLOCKS = {
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dt", "dd", "blockquote", "br", "tr",
    "section", "article", "figcaption", "table", "td", "th",
}
# Blocks judged by their share of link text (a <p> or <div> of teasers).
_LINK_BLOCKS = {"p", "div", "ul", "ol", "li", "table", "section", "dl"}


def html_to_text(markup: str) -> tuple[str, ArticleMeta]:
    from lxml import html as lxml_html

    try:
        root = lxml_html.document_fromstring(markup)
    except Exception:  # lxml raises several types on hopeless markup
        return _strip_tags(markup), ArticleMeta()
    ld = _json_ld(root)
    headline = (
        _meta(root, "og:title") or _ld_text(ld.get("headline")) or _first_text(root, "//h1") or _first_text(root, "//title")
    )
    headline = re.split(r"\s+[|–—-]\s+(?=[^|–—-]*$)", headline)[0].strip() if headline else ""
    stamp = (
        _ld_text(ld.get("datePublished"))
        or _meta(root, "article:published_time")
        or _meta(root, "pubdate")
        or _attr(root, "//time/@datetime")
    )
    authors = tuple(_ld_names(ld.get("author"))) or tuple(
        a for a in [_meta(root, "author") or _meta(root, "content_author")] if a
    )
    publisher = next(iter(_ld_names(ld.get("publisher"))), "") or _meta(root, "og:site_name")
    container = _container(root)
    header = _header_lines(root, container, headline)
    _drop_furniture(container)
    paragraphs = _paragraphs(container)
    if paragraphs and headline and paragraphs[0] == headline:
        paragraphs = paragraphs[1:]
    lines = [headline] if headline else []
    lines.extend(header)
    if stamp and not any(parse_published(line) for line in header):
        lines.append(stamp)
    text = "\n\n".join([*lines, *paragraphs]) + "\n"
    meta = ArticleMeta(
        headline=Span(0, len(headline), headline) if headline else None,
        published=_published(stamp),
        authors=authors,
        publisher=publisher or None,
    )
    return text, meta


def _drop_furniture(container) -> None:
    for el in container.xpath(".//*"):
        if el.getparent() is None:  # inside a block dropped already
            continue
        if _is_dropped(el) or (el.tag in _LINK_BLOCKS and _link_dense(el)):
            el.drop_tree()


def _link_dense(el) -> bool:
    text = "".join(el.text_content().split())
    if not text:
        return False
    linked = sum(len("".join(a.text_content().split())) for a in el.iter("a"))
    return linked / len(text) >= LINK_SHARE


def _header_lines(root, container, headline: str) -> list[str]:
    """Text of the leaf blocks after the <h1> and before the body container, in page order.

    A page prints its credits there: byline, stamp, editor, source. Elements the
    page marks as furniture (share bars, ads) are skipped, except the <header> or
    other wrapper the <h1> itself sits in.
    """
    h1 = next(iter(root.iter("h1")), None)
    if h1 is None or container is None or container is h1:
        return []
    h1_wrappers = set(h1.iterancestors())
    if container in h1_wrappers:  # the headline is inside the body container
        return []
    lines: list[str] = []
    started = False
    for el in root.iter():
        if el is h1:
            started = True
            continue
        if el is container:
            break
        if not started or not isinstance(el.tag, str) or el.tag not in _BLOCKS or h1 in el.iterancestors():
            continue
        if any(isinstance(c.tag, str) and c.tag in _BLOCKS for c in el):
            continue  # not a leaf block: its children are read in turn
        if any(_is_dropped(a) for a in [el, *el.iterancestors()] if a not in h1_wrappers):
            continue
        line = " ".join(el.text_content().split())
        if line and line != headline:
            lines.append(line)
        if len(lines) >= MAX_HEADER_LINES:
            break
    return lines


def _is_dropped(el) -> bool:
    return el.tag in _DROP_TAGS or bool(_DROP_CLASS.search(f"{el.get('class', '')} {el.get('id', '')}"))


def _json_ld(root) -> dict[str, Any]:
    """The page's schema.org *Article (NewsArticle, ReportageNewsArticle...) from JSON-LD, or {}."""
    for script in root.xpath("//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text or "", strict=False)
        except (ValueError, RecursionError):  # pages ship broken JSON-LD too
            continue
        for item in _ld_items(data):
            types = item.get("@type")
            types = [types] if isinstance(types, str) else types if isinstance(types, list) else []
            if any(isinstance(t, str) and t.endswith("Article") for t in types):
                return item
    return {}


def _ld_items(data: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    if depth > 4:
        return
    if isinstance(data, list):
        for item in data:
            yield from _ld_items(item, depth + 1)
    elif isinstance(data, dict):
        yield data
        yield from _ld_items(data.get("@graph"), depth + 1)


def _ld_text(value: Any) -> str:
    return " ".join(value.split()) if isinstance(value, str) else ""


def _ld_names(value: Any) -> list[str]:
    """Names from a JSON-LD author/publisher: a string, {"name": ...}, or a list of them."""
    items = value if isinstance(value, list) else [value]
    names = [_ld_text(v.get("name") if isinstance(v, dict) else v) for v in items[:10]]
    return [n for n in names if n]


def _published(stamp: str) -> dt.datetime | dt.date | None:
    """An ISO stamp with its own offset ("Z", "+07:00"); without one, WIB; else Indonesian forms."""
    if not stamp:
        return None
    iso = stamp.strip()
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", iso):
            return dt.date.fromisoformat(iso)
        value = dt.datetime.fromisoformat(iso)
    except ValueError:
        found = parse_published(_iso_to_id(stamp))
        return found[0] if found else None
    if value.tzinfo is None:
        value = value.replace(tzinfo=WIB)  # Indonesian portals print local (WIB) time
    return value.replace(microsecond=0)


def _meta(root, name: str) -> str:
    for attr in ("property", "name", "itemprop"):
        found = root.xpath(f"//meta[@{attr}=$n]/@content", n=name)
        if found and found[0].strip():
            return found[0].strip()
    return ""


def _attr(root, xpath: str) -> str:
    found = root.xpath(xpath)
    return found[0].strip() if found else ""


def _first_text(root, xpath: str) -> str:
    found = root.xpath(xpath)
    return " ".join(found[0].text_content().split()) if found else ""


def _container(root):
    for el in root.iter():
        if isinstance(el.tag, str) and _BODY_CLASS.search(el.get("class", "") or ""):
            return el
    articles = root.xpath("//article")
    if articles:
        return articles[0]
    body = root.find("body")
    return body if body is not None else root


def _paragraphs(container) -> list[str]:
    """Text of each block element, in document order, without nested duplicates."""
    chunks: list[str] = []
    current: list[str] = []

    def flush() -> None:
        text = " ".join("".join(current).split())
        if text:
            chunks.append(text)
        current.clear()

    def walk(el) -> None:
        if not isinstance(el.tag, str):
            return
        block = el.tag in _BLOCKS
        if block:
            flush()
        if el.text:
            current.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                current.append(child.tail)
        if block:
            flush()

    walk(container)
    flush()
    return chunks


def _iso_to_id(stamp: str) -> str:
    """'2022-09-13T10:50:00+07:00' to '13/09/2022, 10:50' so one parser reads both."""
    m = re.match(r"(\d{4})[-/](\d{2})[-/](\d{2})(?:[T ](\d{2}):(\d{2}))?", stamp)
    if not m:
        return stamp
    y, mo, d, hh, mm = m.groups()
    return f"{d}/{mo}/{y}" + (f", {hh}:{mm} WIB" if hh else "")


def _strip_tags(markup: str) -> str:
    return re.sub(r"<[^>]+>", " ", markup)
