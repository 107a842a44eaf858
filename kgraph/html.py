"""Article text out of a saved HTML page: the page's own metadata, then its prose.

Used by the clean stage; returns plain text laid out as a text copy of the page
would be (headline, stamp, paragraphs separated by blank lines), so the same
furniture rules apply to both.
"""

from __future__ import annotations

import datetime as dt
import re

from kgraph.dates import parse_published
from kgraph.model import ArticleMeta

WIB = dt.timezone(dt.timedelta(hours=7))
# Elements that never hold article prose.
_DROP_TAGS = (
    "script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "svg", "button",
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
    "p", "div", "h1", "h2", "h3", "h4", "li", "blockquote", "br", "tr", "section", "article", "figcaption",
}


def html_to_text(markup: str) -> tuple[str, ArticleMeta]:
    from lxml import html as lxml_html

    try:
        root = lxml_html.document_fromstring(markup)
    except Exception:  # lxml raises several types on hopeless markup
        return _strip_tags(markup), ArticleMeta()
    headline = _meta(root, "og:title") or _first_text(root, "//h1") or _first_text(root, "//title")
    headline = re.split(r"\s+[|–—-]\s+(?=[^|–—-]*$)", headline)[0].strip() if headline else ""
    stamp = _meta(root, "article:published_time") or _meta(root, "pubdate") or _attr(root, "//time/@datetime")
    authors = tuple(a for a in [_meta(root, "author") or _meta(root, "content_author")] if a)
    container = _container(root)
    for el in container.xpath(".//*"):
        if el.tag in _DROP_TAGS or _DROP_CLASS.search(f"{el.get('class', '')} {el.get('id', '')}"):
            el.drop_tree()
    paragraphs = _paragraphs(container)
    if paragraphs and headline and paragraphs[0] == headline:
        paragraphs = paragraphs[1:]
    lines = [headline] if headline else []
    if stamp:
        lines.append(stamp)
    text = "\n\n".join([*lines, *paragraphs]) + "\n"
    return text, ArticleMeta(published=_published(stamp), authors=authors)


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
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?", stamp)
    if not m:
        return stamp
    y, mo, d, hh, mm = m.groups()
    return f"{d}/{mo}/{y}" + (f", {hh}:{mm} WIB" if hh else "")


def _strip_tags(markup: str) -> str:
    return re.sub(r"<[^>]+>", " ", markup)
