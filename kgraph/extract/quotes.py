"""Quotes in straight or curly quotation marks and who said them.

The speaker is looked for, in order: a speech verb right after the closing mark
("…," kata X / katanya / ujar sang menteri), a phrase ending in a speech verb after
it ("…," kementerian itu mengatakan), "demikian pernyataan X", the subject of a
speech verb before the opening mark (X mengatakan "…", X menuding Y "…"), a pronoun
subject (Keduanya disebut "…"), the next sentence ("Hal itu diungkapkan X"), and
finally the speaker of the previous quote in the same paragraph.

A definite description ("kementerian tersebut", "sang menteri") is the latest
earlier actor whose name or title holds that noun.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from kgraph.extract.clauses import (
    acting,
    actor_names,
    described,
    group_after,
    group_before,
    participant,
    resolve_pronoun,
    tokens,
)
from kgraph.extract.entities import Ref
from kgraph.lexicon import alternation, load_yaml
from kgraph.model import Entity, Quote, Segmented, Span

QUOTE = re.compile(r"\"(?P<a>[^\"\n]{3,}?)\"|“(?P<b>[^”\n]{3,}?)”")
# A quote of fewer words is a scare-quoted term ("mendesak"), not a statement.
MIN_QUOTE_WORDS = 3
# How far after a closing mark a speech verb still attributes the quote ("…," X … mengatakan).
SUBJECT_REACH = 160


@dataclass(frozen=True, slots=True)
class Patterns:
    after_verb: re.Pattern[str]  # '," kata' / '," katanya'
    before_verb: re.Pattern[str]  # 'mengatakan', 'menuding'
    passive: re.Pattern[str]  # next sentence: 'Hal itu diungkapkan (oleh)'
    lead: re.Pattern[str]  # '," demikian pernyataan'
    pronoun_agent: re.Pattern[str]  # next sentence: 'Kalimat itu ia unggah'


@cache
def patterns() -> Patterns:
    names, lex = load_yaml("names.yaml"), load_yaml("quotes.yaml")
    before = names["speech_before"] + lex["fragment_verbs"] + ["disebut", "berkata", "kata"]
    return Patterns(
        re.compile(rf"\s*[,.]?\s*(?P<verb>{alternation(names['speech_after'] + lex['speech_after'])})"
                   r"(?P<nya>nya)?(?![\w-])", re.I),
        re.compile(rf"(?<![\w-])(?:{alternation(before)})(?![\w-])", re.I),
        re.compile(rf"\s*(?:{alternation(lex['quote_anaphors'])})\s+(?:{alternation(lex['passive_speech'])})"
                   r"(?:\s+oleh)?(?![\w-])", re.I),
        re.compile(rf"\s*[,.]?\s*(?:{alternation(lex['attribution_leads'])})(?![\w-])", re.I),
        re.compile(rf"\s*(?:{alternation(lex['quote_anaphors'])})\s+(?:pun\s+)?(?P<pronoun>"
                   rf"{alternation(names['person_pronouns'] + names['group_pronouns'])})\s+[a-z]", re.I),
    )


@dataclass(frozen=True, slots=True)
class Context:
    seg: Segmented
    refs: list[Ref]  # outside the quote being attributed
    names: dict[str, str]  # entity key -> its label and titles, lower case

    @property
    def text(self) -> str:
        return self.seg.body.text


def find_quotes(seg: Segmented, refs: list[Ref], entities: tuple[Entity, ...] | list[Entity] = ()) -> list[Quote]:
    text = seg.body.text
    names = actor_names(entities)
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
            speaker = _speaker(Context(seg, outside, names), paragraph, span) or previous
            out.append(Quote(span, speaker, _evidence(seg, index, span)))
            previous = speaker
    return out


def _speaker(ctx: Context, paragraph: Span, quote: Span) -> str | None:
    close = quote.end + 1
    end = _sentence(ctx.seg, close, paragraph).end
    return (_after_verb(ctx, close, end, quote) or _verb_phrase_after(ctx, close, end)
            or _lead_after(ctx, close, end, quote) or _verb_before(ctx, paragraph, quote)
            or _next_sentence(ctx, paragraph, quote, end) or _named_after(ctx, close, end))


def _after_verb(ctx: Context, close: int, end: int, quote: Span) -> str | None:
    """'"…," kata X', '"…," katanya', '"…," ujar sang menteri'."""
    m = patterns().after_verb.match(ctx.text, close, end)
    if not m:
        return None
    if m.group("nya") or m.group("verb").lower().endswith("nya"):
        return _latest_subject(ctx, quote.begin)
    found = group_after(ctx.refs, ctx.text, m.end(), end, max_gap_words=2)
    if found:
        return acting(found[0])
    return _described(ctx, m.end(), min(end, m.end() + 60), quote.begin) or _pronoun_at(ctx, m.end(), end)


def _verb_phrase_after(ctx: Context, close: int, end: int) -> str | None:
    """'"…," kementerian pertahanan kedua negara di Baku dan Yerevan mengatakan': the phrase
    between the quote and its speech verb is the speaker."""
    verb = patterns().before_verb.search(ctx.text, close, min(end, close + SUBJECT_REACH))
    if not verb:
        return None
    subject = [r for r in ctx.refs if close <= r.begin and r.end <= verb.start() and participant(r)]
    if subject:
        return acting(subject[0])
    return _described(ctx, close, verb.start(), close)


def _lead_after(ctx: Context, close: int, end: int, quote: Span) -> str | None:
    """'"…," demikian pernyataan kementerian tersebut.'"""
    m = patterns().lead.match(ctx.text, close, end)
    if not m:
        return None
    found = group_after(ctx.refs, ctx.text, m.end(), end, max_gap_words=2)
    return acting(found[0]) if found else _described(ctx, m.end(), end, quote.begin)


def _verb_before(ctx: Context, paragraph: Span, quote: Span) -> str | None:
    """'X mengatakan "…"', 'X menuding Prancis "memicu perang baru"', 'Keduanya disebut "…"'."""
    start = _sentence(ctx.seg, quote.begin, paragraph).begin
    verbs = list(patterns().before_verb.finditer(ctx.text, start, quote.begin - 1))
    if not verbs:
        return None
    verb = verbs[-1]
    group = group_before(ctx.refs, ctx.text, start, verb.start())
    if group:
        return acting(group[-1])
    return _pronoun_at(ctx, start, verb.start())


def _next_sentence(ctx: Context, paragraph: Span, quote: Span, end: int) -> str | None:
    """'"…." Hal itu diungkapkan juru bicara Kremlin Dmitry Peskov.'"""
    following = [s.span for s in ctx.seg.sentences if s.span.begin >= end and s.span.begin < paragraph.end]
    if not following:
        return None
    nxt = following[0]
    m = patterns().passive.match(ctx.text, nxt.begin, nxt.end)
    if not m:  # 'Kalimat itu ia unggah di platform X': the pronoun is the agent
        agent = patterns().pronoun_agent.match(ctx.text, nxt.begin, nxt.end)
        return _pronoun_at(ctx, agent.start("pronoun"), nxt.end) if agent else None
    found = group_after(ctx.refs, ctx.text, m.end(), nxt.end, max_gap_words=3)
    return acting(found[0]) if found else _described(ctx, m.end(), nxt.end, quote.begin)


def _named_after(ctx: Context, close: int, end: int) -> str | None:
    """Last resort: an actor named just after the closing mark."""
    found = group_after(ctx.refs, ctx.text, close, end, max_gap_words=6)
    return acting(found[0]) if found else None


def _described(ctx: Context, begin: int, end: int, before: int) -> str | None:
    ref = described(ctx.refs, ctx.names, ctx.text, begin, end, before)
    return acting(ref) if ref else None


def _pronoun_at(ctx: Context, begin: int, end: int) -> str | None:
    toks = tokens(Span.of(ctx.text, begin, end))
    resolved = resolve_pronoun(ctx.refs, ctx.seg, toks, min(len(toks), 3), begin)
    return resolved[0].acts_as if resolved else None


def _latest_subject(ctx: Context, pos: int) -> str | None:
    """For 'katanya': the actor that opened the latest sentence before the quote."""
    for sentence in reversed([s for s in ctx.seg.sentences if s.span.end <= pos]):
        opening = [r for r in ctx.refs if sentence.span.begin <= r.begin < sentence.span.end and participant(r)]
        if opening:
            return acting(opening[0])
    return None


def _sentence(seg: Segmented, pos: int, paragraph: Span) -> Span:
    for s in seg.sentences:
        if s.span.begin <= pos <= s.span.end:
            return s.span
    return paragraph


def _evidence(seg: Segmented, paragraph: int, quote: Span) -> Span:
    """The sentences of the paragraph that overlap the quote, with the attribution."""
    sents = [s.span for s in seg.sentences if s.paragraph == paragraph]
    touching = [s for s in sents if s.end >= quote.begin and s.begin <= quote.end + 1] or sents
    return Span.of(seg.body.text, touching[0].begin, touching[-1].end)
