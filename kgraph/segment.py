"""Stage 3, segment: body paragraphs to sentences, offsets kept.

A sentence ends at . ! ? (and any closing quote or bracket after it) when the
next word starts a new sentence: an upper-case letter, a digit or an opening
quote. "pesawat tak berawak... menyerang" stays one sentence; so do
abbreviations and initials ("Dr.", "J. Biden").
"""

from __future__ import annotations

import re
from functools import cache

import yaml

from kgraph.lexicon import LEXICON_DIR
from kgraph.model import Body, Segmented, Sentence, Span

_INITIALS = re.compile(r"(?:[A-Z]\.)*[A-Z]")
_END = re.compile(r"[.!?]+[\"”’')\]]*(?=\s+[\"“‘(]?[A-Z0-9])")


@cache
def _abbreviations() -> frozenset[str]:
    # Read every entry as a string: YAML 1.1 would load the abbreviation "No"
    # (Nomor) as the boolean False.
    with (LEXICON_DIR / "segment.yaml").open(encoding="utf-8") as fh:
        return frozenset(yaml.load(fh, Loader=yaml.BaseLoader)["abbreviations"])


def segment(body: Body) -> Segmented:
    sentences: list[Sentence] = []
    for index, paragraph in enumerate(body.paragraphs):
        for span in split_sentences(paragraph, body.text):
            sentences.append(Sentence(span, index))
    return Segmented(body, tuple(sentences))


def split_sentences(paragraph: Span, text: str) -> list[Span]:
    out: list[Span] = []
    start = 0
    chunk = paragraph.text
    for m in _END.finditer(chunk):
        if _is_abbreviation(chunk, m.start()) or _inside_quote(chunk, m.end()):
            continue
        out.append(_strip(paragraph.begin + start, paragraph.begin + m.end(), text))
        start = m.end()
    if chunk[start:].strip():
        out.append(_strip(paragraph.begin + start, paragraph.end, text))
    return [s for s in out if s.text]


def _is_abbreviation(chunk: str, dot: int) -> bool:
    if chunk[dot] != ".":
        return False
    word = re.search(r"([\w.]+)$", chunk[:dot])
    if not word:
        return False
    w = word.group(1)
    # initials: "J." in "J. Biden", "B.J." in "B.J. Habibie", "U.S."
    return w in _abbreviations() or _INITIALS.fullmatch(w) is not None


def _inside_quote(chunk: str, pos: int) -> bool:
    """True when a quotation opened before `pos` closes later in the paragraph."""
    before, after = chunk[:pos], chunk[pos:]
    if before.count("“") > before.count("”") and "”" in after:
        return True
    return before.count('"') % 2 == 1 and '"' in after


def _strip(begin: int, end: int, text: str) -> Span:
    piece = text[begin:end]
    lead = len(piece) - len(piece.lstrip())
    trail = len(piece) - len(piece.rstrip())
    return Span.of(text, begin + lead, end - trail)
