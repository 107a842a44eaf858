"""Stage 2, clean: a `Document` to a `Body`: article paragraphs and metadata, furniture dropped.

The page is read as lines, in five passes:

1. furniture lines (ads, "Baca juga", menus, promos, copyright) are dropped wherever they are;
2. the body starts at the dateline (else at the first line that reads like prose);
   the lines before it are the header, and the body ends at a sidebar marker;
3. credit lines (`parse_credits`: "Penulis: X", "Nama - detikNews", "Sumber: AFP",
   "REUTERS | AL JAZEERA") become metadata wherever they are printed;
4. the header gives the date stamp, the headline (the title-like line nearest above
   the stamp) and the outlet's own byline ("CNN Indonesia" under the headline);
5. runs of short title-cased lines (teaser lists under a label the lexicon does not
   know) and short lines after the last sentence are dropped.

Offsets always point into `Body.text`: the document text itself for plain text, the
text drawn from the page for HTML.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import cache
from itertools import pairwise

from kgraph.dates import parse_published
from kgraph.lexicon import alternation, load_yaml
from kgraph.model import ArticleMeta, Body, Document, Span

# A body paragraph has at least this many words; shorter lines before the
# dateline are header material. Eight words separates Indonesian headlines
# and stamps from the shortest lead sentences seen in portal pages.
MIN_BODY_WORDS = 8
# Teaser lists: this many short lines in a row, each of TEASER_WORDS words, most
# words capitalised. Portal teasers are Title Case headlines of 4-16 words; a list
# of names in the body ("Retno Marsudi", "Prabowo Subianto") is shorter per line.
MIN_TEASER_RUN = 3
TEASER_WORDS = range(4, 17)
TEASER_TITLE_SHARE = 0.6
# A credit line names at most this many people, each in at most NAME_WORDS words.
MAX_CREDIT_NAMES = 6
NAME_WORDS = 6

_SENTENCE_END = ".!?\"”’)…:;"
_PART_SPLIT = re.compile(r"\s*(?:,|;|&|\||/|\bdan\b)\s*")


@dataclass(frozen=True, slots=True)
class Line:
    span: Span

    @property
    def text(self) -> str:
        return self.span.text.strip()


@dataclass(frozen=True, slots=True)
class Credit:
    """One name on a credit line: who wrote, edited or supplied the article."""

    role: str  # author | editor | source | publisher
    name: str  # a person as printed; a wire or an outlet by its lexicon name
    begin: int  # the printed name's offsets in the line
    end: int


@cache
def _furniture() -> dict:
    return load_yaml("furniture.yaml")


@cache
def _metadata() -> dict:
    return load_yaml("metadata.yaml")


@cache
def _publisher_marks() -> dict[str, str]:
    return {mark: pub["name"] for pub in _metadata()["publishers"] for mark in pub["marks"]}


@cache
def _dateline_patterns(outlet: str | None = None) -> tuple[re.Pattern[str], ...]:
    """Datelines signed by a lexicon outlet, or by `outlet`, the site name the page gives."""
    pub = alternation([*_publisher_marks(), *([outlet] if outlet else [])])
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
    hints = replace(
        hints,
        authors=(*hints.authors, *_names_before_author_mark(lines)),
        publisher=_publisher_name(hints.publisher) if hints.publisher else None,
    )
    kept, dropped = _drop_furniture(lines)
    start = _body_start(kept, hints.publisher)
    header, body_lines = kept[:start], kept[start:]
    body_lines, tail = _cut_sidebar(body_lines)
    meta, header, header_meta = _credit_lines(header, hints, text, loose=True)
    meta, outlet_byline = _header_meta(header, text, meta)
    meta, body_lines, body_meta = _credit_lines(body_lines, meta, text, loose=False)
    body_lines, teasers = _drop_teasers(body_lines)
    dropped.extend(line.span for line in [*tail, *teasers])
    dropped.extend(header_meta + body_meta)
    paragraphs = [_trim_promos(line.span, text) for line in body_lines]
    paragraphs = [p for p in paragraphs if p.text.strip()]
    if paragraphs:
        paragraphs[0], dateline, publisher = _split_dateline(paragraphs[0], text, meta.publisher)
        meta = replace(meta, dateline=dateline or meta.dateline, publisher=meta.publisher or publisher)
    meta = _finish(meta, outlet_byline)
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


# --- furniture -----------------------------------------------------------------------------


def _drop_furniture(lines: list[Line]) -> tuple[list[Line], list[Span]]:
    kept: list[Line] = []
    dropped: list[Span] = []
    teaser_next = False
    for line in lines:
        if teaser_next or is_furniture(line.text):
            dropped.append(line.span)
            # "Lihat Juga :" alone on its line: the next line is the teaser headline
            teaser_next = not teaser_next and _is_teaser_label(line.text)
        else:
            kept.append(line)
    return kept, dropped


def _is_teaser_label(line: str) -> bool:
    label = line.strip().rstrip(":").strip().lower()
    return line.strip().endswith(":") and label in _lowered("teaser_labels")


@cache
def _lowered(key: str) -> tuple[str, ...]:
    """A furniture list in lower case, for matching that ignores case."""
    return tuple(x.lower() for x in _furniture()[key])


def is_furniture(line: str) -> bool:
    low = line.strip().lower()
    if low.startswith("[") and re.fullmatch(r"\[[^\]]{1,80}\]", low):  # "[Gambas:Video CNN]" embeds
        return True
    if low in _lowered("exact_lines") or low.startswith(_lowered("line_prefixes")):
        return True
    if any(x in low for x in _lowered("line_contains")):
        return True
    return _is_menu(line) or is_promo(line)


def _is_menu(line: str) -> bool:
    """'Masuk | Daftar', 'Nasional • Dunia • Bisnis': short items between bars or bullets.

    Not a credit line ('REUTERS | AL JAZEERA', 'Reporter: A | Editor: B') nor a stamp.
    """
    parts = re.split(r"\s*[|•·]\s*", line.strip())
    if len(parts) < 2 or not all(1 <= len(p.split()) <= 3 for p in parts):
        return False
    if any(p[-1:] in ".!?" for p in parts):
        return False
    return not parse_credits(line, loose=True) and parse_published(line) is None


def is_promo(line: str) -> bool:
    """A call to the reader to follow the outlet on some channel, in any wording."""
    f = _furniture()
    words = re.findall(r"[\w-]+", line.lower())
    # quoted speech is prose, whoever it addresses
    if not words or len(words) > f["promo_max_words"] or re.search(r"[\"“”]", line):
        return False
    low = " " + " ".join(words) + " "

    def has(key: str) -> bool:
        return any(f" {p} " in low for p in _lowered(key))

    if not (has("promo_verbs") and has("promo_channels")):
        return False
    exceptions = _lowered("promo_reader_suffix_exceptions")
    suffixes = _lowered("promo_reader_suffixes")
    return has("promo_reader") or re.search(r"https?:|www\.", line) is not None or any(
        w.endswith(suffixes) and len(w) > 4 and w not in exceptions for w in words
    )


def _is_sidebar_marker(line: str) -> bool:
    return line.strip().rstrip(":").lower() in _lowered("block_end")


def _body_start(lines: list[Line], outlet: str | None) -> int:
    """The dateline line, else the first line that reads like a paragraph."""
    for i, line in enumerate(lines):
        if any(p.match(line.text) for p in _dateline_patterns(outlet)[:3]):
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


def _drop_teasers(lines: list[Line]) -> tuple[list[Line], list[Line]]:
    """Runs of short title-cased lines, and short lines after the last sentence.

    A label ending in ":" is no sentence: "Artikel menarik lainnya:" and the list
    under it, closing the page, both go.
    """
    ends = [line.text[-1:] in _SENTENCE_END.replace(":", "") for line in lines]
    last_sentence = max((i for i, end in enumerate(ends) if end), default=-1)
    drop: set[int] = set()
    if last_sentence >= 0:
        drop = {i for i in range(last_sentence + 1, len(lines)) if len(lines[i].text.split()) <= max(TEASER_WORDS)}
    run: list[int] = []
    for i, line in enumerate([*lines, None]):
        if line is not None and _is_teaser_line(line.text):
            run.append(i)
            continue
        if len(run) >= MIN_TEASER_RUN:
            drop.update(run)
        run = []
    keep = [line for i, line in enumerate(lines) if i not in drop]
    return keep, [line for i, line in enumerate(lines) if i in drop]


def _is_teaser_line(text: str) -> bool:
    if text[-1:] in _SENTENCE_END:
        return False
    words = [w for w in text.split() if any(c.isalpha() for c in w)]
    if len(words) not in TEASER_WORDS:
        return False
    return sum(w[0].isupper() or w[0].isdigit() for w in words) / len(words) >= TEASER_TITLE_SHARE


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


# --- credit lines -------------------------------------------------------------------------


def parse_credits(line: str, loose: bool = False) -> list[Credit]:
    """The credits a line prints, or [] when it is not a credit line.

    'Penulis: A, B', 'Rep: A/ Red: B', 'Sumber AFP, Reuters', 'A - detikNews',
    'REUTERS | AL JAZEERA'. `loose` (header lines) also reads a label without its
    colon before a person's name ('Editor Dinda Sari').
    """
    lead = len(line) - len(line.lstrip())
    text = line.strip()
    if not text or len(text) > 300:
        return []
    found = _labelled(text, loose) or _source_line(text) or _byline(text)
    return [replace(c, begin=c.begin + lead, end=c.end + lead) for c in found]


@cache
def _label_roles() -> dict[str, str]:
    md = _metadata()
    keys = (("author", "author_labels"), ("editor", "editor_labels"), ("source", "source_labels"))
    return {label.lower(): role for role, key in keys for label in md[key]}


@cache
def _label_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    alt = alternation(_label_roles())
    first = re.compile(rf"(?P<label>{alt})(?![\w-])[ \t]*(?P<colon>:)?\s*", re.IGNORECASE)
    # a further label on the same line, after "/" or "|", needs its colon: "Rep: A/ Red: B"
    further = re.compile(rf"\s*[/|]\s*(?=(?:{alt})\s*:)", re.IGNORECASE)
    return first, further


def _labelled(text: str, loose: bool) -> list[Credit]:
    first, further = _label_patterns()
    if not first.match(text):
        return []
    cuts = [0, *(m.start() for m in further.finditer(text)), len(text)]
    credits: list[Credit] = []
    for begin, end in pairwise(cuts):
        m = first.match(text, begin + len(text[begin:end]) - len(text[begin:end].lstrip(" /|")))
        if not m:
            return []
        role = _label_roles()[m["label"].lower()]
        found = _credited_names(text, m.end(), end, role, colon=bool(m["colon"]), loose=loose)
        if not found:
            return []
        credits.extend(found)
    return credits


def _credited_names(text: str, begin: int, end: int, role: str, colon: bool, loose: bool) -> list[Credit]:
    parts = _parts(text, begin, end)
    if not parts or len(parts) > MAX_CREDIT_NAMES:
        return []
    out: list[Credit] = []
    for b, e in parts:
        printed = text[b:e]
        if role == "source":
            wire = _wire_by_name(printed)
            if wire is None and not (colon and _looks_like_name(printed, allow_digits=True)):
                return []
            out.append(Credit("source", wire or printed, b, e))
            continue
        paren = re.search(r"\s*\([^)]*\)\s*$", printed)  # "Nama (Kontributor Bali)"
        if paren and paren.start() > 0:
            e = b + paren.start()
            printed = text[b:e]
        readable = (colon and printed[:1].isalpha()) or (loose and _looks_like_name(printed))
        if len(printed.split()) > NAME_WORDS or not readable:
            return []
        out.append(Credit(role, printed, b, e))
    return out


def _parts(text: str, begin: int, end: int) -> list[tuple[int, int]]:
    """(begin, end) of each non-empty part of text[begin:end] between separators."""
    out, pos = [], begin
    for m in [*_PART_SPLIT.finditer(text, begin, end), None]:
        stop = m.start() if m else end
        piece = text[pos:stop]
        if piece.strip():
            b = pos + len(piece) - len(piece.lstrip())
            out.append((b, b + len(piece.strip())))
        if m:
            pos = m.end()
    return out


@cache
def _byline_pattern() -> re.Pattern[str]:
    seps = alternation(_metadata()["byline_separators"])
    return re.compile(rf"(?P<names>.+?)\s+(?:{seps})\s+(?P<pub>{alternation(_publisher_marks())})")


def _byline(text: str) -> list[Credit]:
    """'Rahmat Hidayat - detikNews': the names, then the outlet."""
    if len(text.split()) > MAX_CREDIT_NAMES * NAME_WORDS // 2:  # a byline is short; prose is not one
        return []
    m = _byline_pattern().fullmatch(text)
    if not m:
        return []
    parts = _parts(text, 0, m.end("names"))
    if not parts or len(parts) > MAX_CREDIT_NAMES:
        return []
    if not all(_looks_like_name(text[b:e]) and _wire_by_name(text[b:e]) is None for b, e in parts):
        return []
    credits = [Credit("author", text[b:e], b, e) for b, e in parts]
    return [*credits, Credit("publisher", _publisher_marks()[m["pub"]], m.start("pub"), m.end("pub"))]


def _source_line(text: str) -> list[Credit]:
    """'REUTERS | AL JAZEERA', 'Reuters/AFP': nothing on the line but wire names."""
    credits: list[Credit] = []
    if len(text) > 120:  # a few agency names; prose is longer
        return credits
    for b, e in _parts(text, 0, len(text)):
        wire = _wire_by_name(text[b:e])
        if wire is None:
            return []
        credits.append(Credit("source", wire, b, e))
    return credits


@cache
def _wires_by_lower() -> dict[str, str]:
    return {m.lower(): w["name"] for w in _metadata()["wire_sources"] for m in [w["name"], *w["marks"]]}


def _wire_by_name(printed: str) -> str | None:
    return _wires_by_lower().get(" ".join(printed.split()).lower())


def _credit_lines(
    lines: list[Line], meta: ArticleMeta, text: str, loose: bool
) -> tuple[ArticleMeta, list[Line], list[Span]]:
    """Credit lines, sign-offs and a stray stamp become metadata; the rest is kept."""
    keep: list[Line] = []
    spans: list[Span] = []
    found: dict[str, list[str]] = {"author": [*meta.authors], "editor": [*meta.editors], "source": [*meta.sources]}
    publisher = meta.publisher
    for line in lines:
        credits = parse_credits(line.text, loose=loose)
        # a stamp in the body (header stamps are read by _header_meta, which needs their place)
        stamp = None
        if not loose and meta.published is None and len(line.text.split()) <= 8:
            stamp = parse_published(line.text)
        if credits:
            for c in credits:
                if c.role == "publisher":
                    publisher = publisher or c.name
                else:
                    found[c.role].append(c.name)
        elif _is_signoff(line.text):
            found["source"].extend(_wire_names(line.text))  # CNN/Detik sign-off "(afp/bac)"
        elif stamp:
            value, b, e = stamp
            meta = replace(meta, published=value, published_span=Span.of(text, line.span.begin + b, line.span.begin + e))
        else:
            keep.append(line)
            continue
        spans.append(line.span)
    for line in keep:
        found["source"].extend(_cited_sources(line.text))
    meta = replace(
        meta,
        authors=tuple(dict.fromkeys(found["author"])),
        editors=tuple(dict.fromkeys(found["editor"])),
        sources=tuple(dict.fromkeys(found["source"])),
        publisher=publisher,
    )
    return meta, keep, spans


def _is_signoff(text: str) -> bool:
    if not text.startswith("("):
        return False
    if re.fullmatch(r"\(\s*[\w.]+(?:\s*/\s*[\w.]+)+\s*\)", text):
        return True
    return re.fullmatch(r"\([^)]{1,40}\)", text) is not None and bool(_wire_names(text))


@cache
def _wire_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple(
        (wire["name"], re.compile(rf"(?<!\w)(?:{alternation(wire['marks'])})(?!\w)")) for wire in _metadata()["wire_sources"]
    )


def _wire_names(text: str) -> list[str]:
    return [name for name, pattern in _wire_patterns() if pattern.search(text)]


@cache
def _cue_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Cue before the wire, verb after it, and the outlets' own names (never a wire)."""
    md = _metadata()
    name = r"(?P<name>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,3})"
    # `cited` spans all words after the cue, so "Dilansir AFP, Rabu" finds AFP
    # even where the regex reads AFP as the optional nationality
    before = re.compile(
        rf"(?i:\b(?:{alternation(md['source_cues'])})\b)(?P<cited>(?:\s+dari)?(?:\s+[a-z][\w-]*){{0,3}}?(?:\s+[A-Z][\w-]*)?,?\s+{name})"
    )
    after = re.compile(rf"(?P<cited>{name}),?\s+(?:{alternation(md['source_verbs_after'])})\b")
    own = re.compile(rf"(?<!\w)(?:{alternation(_publisher_marks())})(?!\w)")
    return before, after, own


def _cited_sources(text: str) -> list[str]:
    """'dilansir AFP', 'menurut kantor berita Xinhua', 'Reuters melaporkan', '(Reuters)' in prose."""
    out = []
    for pattern in _cue_patterns()[:2]:
        for m in pattern.finditer(text):
            # the words after the cue ("kantor berita Rusia TASS"); "kepada CNN Indonesia" is no CNN wire
            out.extend(_wire_names(_cue_patterns()[2].sub(" ", m["cited"])))
    for m in re.finditer(r"\(([A-Z][\w ]{1,30})\)", text):
        if m.group(1).strip() in _wire_marks():
            out.extend(_wire_names(m.group(1)))
    return out


@cache
def _wire_marks() -> frozenset[str]:
    return frozenset(mark for w in _metadata()["wire_sources"] for mark in w["marks"])


# --- header ---------------------------------------------------------------------------------


def _names_before_author_mark(lines: list[Line]) -> list[str]:
    """Kompas prints the author's name on one line and "Penulis" on the next."""
    marks = {w.lower() for w in _metadata()["author_after_name"]}
    return [
        line.text
        for line, nxt in pairwise(lines)
        if nxt.text.lower() in marks and _looks_like_name(line.text)
    ]


def _header_meta(header: list[Line], text: str, meta: ArticleMeta) -> tuple[ArticleMeta, str | None]:
    """Stamp, headline and the outlet's own byline from the lines above the body.

    The headline is the title-like line nearest above the stamp: menus and section
    names come before it, bylines and share buttons after. Returns the outlet named
    alone on a line under the headline ("CNN Indonesia"): the byline of an
    article its staff wrote.
    """
    stamp_at = len(header)
    for i, line in enumerate(header):
        if found := parse_published(line.text):
            stamp_at = i
            value, b, e = found
            span = Span.of(text, line.span.begin + b, line.span.begin + e)
            if meta.published is None:
                meta = replace(meta, published=value, published_span=span)
            elif meta.published_span is None and _same_day(value, meta.published):
                meta = replace(meta, published_span=span)
            meta = replace(meta, publisher=meta.publisher or _publisher_in(line.text))
            break
    head_at = next((i for i, line in enumerate(header) if line.span == meta.headline), -1)
    if meta.headline is None:
        candidates = [i for i, line in enumerate(header) if _is_headline(line.text) and line.text not in meta.authors]
        before = [i for i in candidates if i < stamp_at]
        head_at = before[-1] if before else (candidates[0] if candidates else len(header))
        if head_at < len(header):
            meta = replace(meta, headline=header[head_at].span)
    outlet = next((_outlet_line(line.text) for line in header[head_at + 1 :] if _outlet_line(line.text)), None)
    if outlet:
        meta = replace(meta, publisher=meta.publisher or outlet)
    return meta, outlet


def _same_day(a: dt.datetime | dt.date, b: dt.datetime | dt.date) -> bool:
    return (a.date() if isinstance(a, dt.datetime) else a) == (b.date() if isinstance(b, dt.datetime) else b)


def _outlet_line(text: str) -> str | None:
    return _publisher_marks().get(text.strip())


@cache
def _publisher_pattern() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w.])(?:{alternation(_publisher_marks())})(?!\w)")


def _publisher_in(text: str) -> str | None:
    m = _publisher_pattern().search(text)
    return _publisher_marks()[m[0]] if m else None


def _publisher_name(printed: str) -> str:
    """A site name from page metadata ("detiknews", "KOMPAS.com") as the lexicon names it."""
    lower = {mark.lower(): name for mark, name in _publisher_marks().items()}
    return lower.get(printed.strip().lower(), printed.strip())


def _looks_like_name(text: str, allow_digits: bool = False) -> bool:
    words = text.split()
    return (
        1 <= len(words) <= NAME_WORDS
        and all(w[:1].isupper() for w in words)
        and (allow_digits or not re.search(r"\d", text))
    )


def _is_headline(text: str) -> bool:
    words = [w for w in text.split() if any(c.isalpha() for c in w)]
    return len(words) >= 3 and parse_published(text) is None and _outlet_line(text) is None


def _split_dateline(first: Span, text: str, outlet: str | None) -> tuple[Span, Span | None, str | None]:
    for pattern in _dateline_patterns(outlet):
        m = pattern.match(first.text)
        if m:
            place_b = first.begin + m.start("place")
            place = Span.of(text, place_b, place_b + len(m["place"].strip()))
            publisher = _publisher_in(m.groupdict().get("pub") or "")
            return Span.of(text, first.begin + m.end(), first.end), place, publisher
    return first, None, None


def _finish(meta: ArticleMeta, outlet_byline: str | None) -> ArticleMeta:
    """The outlet is the author when no person is named, and never its own source."""
    own = {meta.publisher.lower()} if meta.publisher else set()
    own |= {mark.lower() for mark, name in _publisher_marks().items() if name == meta.publisher}
    return replace(
        meta,
        authors=meta.authors or ((outlet_byline,) if outlet_byline else ()),
        sources=tuple(s for s in meta.sources if s.lower() not in own),
    )


def published_date(meta: ArticleMeta) -> dt.date | None:
    value = meta.published
    if isinstance(value, dt.datetime):
        return value.date()
    return value
