"""Quotes in straight or curly quotation marks and who said them.

The speaker is looked for, in order: a speech verb right after the closing mark
("…," kata X / katanya), an actor named right after it ("…," kementerian itu
mengatakan), the subject of a speech verb before the opening mark (X mengatakan
"…"), a pronoun subject (Keduanya disebut "…"), and finally the speaker of the
previous quote in the same paragraph.
"""

from __future__ import annotations

import re
from functools import cache

from kgraph.extract.clauses import group_after, group_before, participant, resolve_pronoun, tokens
from kgraph.extract.entities import Ref
from kgraph.lexicon import load_yaml
from kgraph.model import Quote, Segmented, Span

QUOTE = re.compile(r"\"(?P<a>[^\"\n]{3,}?)\"|“(?P<b>[^”\n]{3,}?)”")
# A quote of fewer words is a scare-quoted term ("mendesak"), not a statement.
MIN_QUOTE_WORDS = 3


@cache
def _speech() -> tuple[re.Pattern[str], re.Pattern[str]]:
    lex = load_yaml("names.yaml")
    after = "|".join(re.escape(w) for w in sorted(lex["speech_after"], key=len, reverse=True))
    before = "|".join(re.escape(w) for w in lex["speech_before"] + ["disebut", "berkata", "kata"])
    return (
        re.compile(rf"^\s*[,.]?\s*(?P<verb>{after})(?P<nya>nya)?(?![\w-])", re.IGNORECASE),
        re.compile(rf"(?<![\w-])(?:{before})(?![\w-])", re.IGNORECASE),
    )


def find_quotes(seg: Segmented, refs: list[Ref]) -> list[Quote]:
    text = seg.body.text
    out: list[Quote] = []
    for index, paragraph in enumerate(seg.body.paragraphs):
        previous: str | None = None
        for m in QUOTE.finditer(paragraph.text):
            inner = m.group("a") or m.group("b")
            b = paragraph.begin + m.start() + 1
            span = Span.of(text, b, b + len(inner))
            if len(inner.split()) < MIN_QUOTE_WORDS:
                continue
            outside = [r for r in refs if not (r.begin >= span.begin and r.end <= span.end)]
            speaker = _speaker(seg, outside, paragraph, span, previous)
            evidence = _evidence(seg, index, span)
            out.append(Quote(span, speaker, evidence))
            previous = speaker or previous
    return out


def _speaker(seg: Segmented, refs: list[Ref], paragraph: Span, quote: Span, previous: str | None) -> str | None:
    text = seg.body.text
    after_verb, before_verb = _speech()
    close = quote.end + 1
    sentence_end = _sentence_end(seg, close, paragraph)
    m = after_verb.match(text, close, sentence_end)
    if m:
        if m.group("nya") or m.group("verb").lower().endswith("nya"):
            return _latest_subject(seg, refs, quote.begin) or previous
        found = group_after(refs, text, m.end(), sentence_end, max_gap_words=2)
        if found:
            return _acting(found[0])
        pron = _pronoun_at(seg, refs, m.end(), sentence_end)
        return pron or previous
    found = group_after(refs, text, close, sentence_end, max_gap_words=6)
    if found and before_verb.search(text, found[0].end, sentence_end):
        return _acting(found[0])
    start = _sentence_start(seg, quote.begin, paragraph)
    lead = text[start:quote.begin - 1]
    verbs = list(before_verb.finditer(lead))
    verb = verbs[-1] if verbs else None
    if verb is not None:
        group = group_before(refs, text, start, start + verb.start())
        if group:
            return _acting(group[-1])
        pron = _pronoun_at(seg, refs, start, start + verb.start())
        if pron:
            return pron
    if found:
        return _acting(found[0])
    return previous


def _pronoun_at(seg: Segmented, refs: list[Ref], begin: int, end: int) -> str | None:
    toks = tokens(Span.of(seg.body.text, begin, end))
    resolved = resolve_pronoun(refs, seg, toks, min(len(toks), 3), begin)
    return resolved[0].acts_as if resolved else None


def _latest_subject(seg: Segmented, refs: list[Ref], pos: int) -> str | None:
    """For 'katanya': the actor that opened the latest sentence before the quote."""
    for sentence in reversed([s for s in seg.sentences if s.span.end <= pos]):
        opening = [r for r in refs if sentence.span.begin <= r.begin < sentence.span.end and participant(r)]
        if opening:
            return _acting(opening[0])
    return None


def _acting(ref: Ref) -> str:
    return ref.acts_as if ref.type.value == "Place" else ref.key


def _sentence_end(seg: Segmented, pos: int, paragraph: Span) -> int:
    for s in seg.sentences:
        if s.span.begin <= pos <= s.span.end:
            return s.span.end
    return paragraph.end


def _sentence_start(seg: Segmented, pos: int, paragraph: Span) -> int:
    for s in seg.sentences:
        if s.span.begin <= pos <= s.span.end:
            return s.span.begin
    return paragraph.begin


def _evidence(seg: Segmented, paragraph: int, quote: Span) -> Span:
    """The sentences of the paragraph that overlap the quote, with the attribution."""
    sents = [s.span for s in seg.sentences if s.paragraph == paragraph]
    touching = [s for s in sents if s.end >= quote.begin and s.begin <= quote.end + 1] or sents
    return Span.of(seg.body.text, touching[0].begin, touching[-1].end)
