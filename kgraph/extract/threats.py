"""Conditional threats: a clause with "akan" that promises harm, tied to a condition.

"Rusia akan mengambil langkah balasan apabila NATO mendekat" (consequent first) and
"Jika rezim Israel kembali menyerang, respons Iran akan lebih keras" (condition first)
both threaten the party the condition names, and are CAMEO 13 events of the consequent's
subject. A use of force inside the consequent is threatened, not done (CAMEO 138).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from kgraph.extract.clauses import Token, described, group_after, group_before, resolve_pronoun
from kgraph.extract.entities import Ref
from kgraph.lexicon import load_yaml
from kgraph.model import Segmented, Span

THREATEN = "130"
THREATEN_FORCE = "138"


@dataclass(frozen=True, slots=True)
class ThreatCues:
    conditionals: frozenset[str]
    consequents: tuple[tuple[str, ...], ...]
    despite_negation: tuple[tuple[str, ...], ...]
    reversals: frozenset[str]
    negators: frozenset[str]


@dataclass(frozen=True, slots=True)
class Threat:
    actors: list[Ref]
    targets: list[Ref]
    trigger: Span  # the consequent's cue word
    consequent: tuple[int, int]  # token range [begin, end) of the promised act
    force: bool


@cache
def threat_cues() -> ThreatCues:
    raw = load_yaml("event_cues.yaml")

    def seqs(key: str) -> tuple[tuple[str, ...], ...]:
        return tuple(tuple(w.lower().split()) for w in raw[key])

    return ThreatCues(frozenset(raw["conditionals"]), seqs("threat_consequents"),
                      seqs("threat_despite_negation"),
                      frozenset(raw["threat_reversals"]), frozenset(raw["negators"]))


@dataclass(frozen=True, slots=True)
class ThreatReader:
    """What the reader needs from the sentence's surroundings."""

    text: str
    refs: list[Ref]
    names: dict[str, str]
    seg: Segmented  # for pronouns

    def find(self, sentence: Span, toks: list[Token], force_at: set[int], threat_at: set[int]) -> Threat | None:
        """The sentence's conditional threat, if it holds one. `force_at`: token indexes
        where a use of force (CAMEO 15-20) was found; `threat_at`: where a threat verb was
        ("mengancam akan membawa sengketa ke WTO jika ...": no further cue is needed)."""
        cue = threat_cues()
        cond = next((k for k, t in enumerate(toks) if t.low in cue.conditionals), None)
        will = [k for k, t in enumerate(toks) if t.low == "akan"]
        if cond is None or not will:
            return None
        before = [k for k in will if k < cond]
        if before:  # "X akan ... jika Y ..."
            a = before[-1]
            consequent = (a + 1, cond)
            condition = (cond + 1, _clause_end(self.text, toks, cond + 1, len(toks)))
            actors = self.subject(sentence, toks, a)
        else:  # "Jika Y ..., X akan ..."
            a = will[0]
            comma = _clause_end(self.text, toks, cond + 1, a)
            condition = (cond + 1, comma)
            consequent = (a + 1, _clause_end(self.text, toks, a + 1, len(toks)))
            actors = group_after(self.refs, self.text, toks[comma - 1].end if comma > cond + 1 else toks[cond].end,
                                 toks[a].begin, max_gap_words=1)
        verb = next((k for k in sorted(threat_at) if a - 3 <= k < a), None)
        trigger = verb if verb is not None else self.cue_in(toks, consequent, force_at)
        if trigger is None or not actors or self.negated(toks, a, consequent):
            return None
        targets = self.condition_party(toks, condition, sentence.begin)
        if {r.acts_as for r in targets} & {r.acts_as for r in actors}:
            targets = []
        force = any(consequent[0] <= k < consequent[1] for k in force_at)
        tok = toks[trigger]
        return Threat(actors, targets, Span.of(self.text, tok.begin, tok.end), consequent, force)

    def subject(self, sentence: Span, toks: list[Token], will: int) -> list[Ref]:
        start = next((toks[k].end for k in range(will - 1, -1, -1) if toks[k].low in ("bahwa", "karena")), sentence.begin)
        found = group_before(self.refs, self.text, start, toks[will].begin)
        return found or resolve_pronoun(self.refs, self.seg, toks, will, start)

    def cue_in(self, toks: list[Token], span: tuple[int, int], force_at: set[int]) -> int | None:
        words = [t.low for t in toks]
        if any(w in threat_cues().reversals for w in words[span[0]:span[1]]):
            return None
        for k in range(*span):
            if k in force_at or any(tuple(words[k:k + len(s)]) == s for s in threat_cues().consequents):
                return k
        return None

    def negated(self, toks: list[Token], will: int, span: tuple[int, int]) -> bool:
        """'tidak akan menyerang jika ...' is a promise; 'tidak akan ragu' is still a threat."""
        cue = threat_cues()
        near = [t.low for t in toks[max(0, will - 2):will]] + [t.low for t in toks[will + 1:will + 2]]
        if not any(w in cue.negators for w in near):
            return False
        words = [t.low for t in toks[span[0]:span[1]]]
        return not any(tuple(words[k:k + len(s)]) == s for s in cue.despite_negation for k in range(len(words)))

    def condition_party(self, toks: list[Token], span: tuple[int, int], sentence_begin: int) -> list[Ref]:
        begin = toks[span[0] - 1].end  # right after the conditional word
        end = toks[max(span) - 1].end
        found = group_after(self.refs, self.text, begin, end, max_gap_words=3)
        if found:
            return found
        ref = described(self.refs, self.names, self.text, begin, end, sentence_begin)
        return [ref] if ref else []


def _clause_end(text: str, toks: list[Token], begin: int, limit: int) -> int:
    """The token index where the clause starting at `begin` ends: a comma or the limit."""
    for k in range(begin, limit):
        if k > begin and "," in text[toks[k - 1].end:toks[k].begin]:
            return k
    return limit
