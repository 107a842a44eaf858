"""Events: a trigger from the verb lexicon, an actor before it, a target after it.

Voice decides the sides ("diserang oleh X": X is the actor); negators and denial
verbs mark events that did not happen; "X mengatakan bahwa Y menyerang Z" keeps X
as the one who claims it; "dia", "keduanya" point back to earlier actors.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from kgraph.dates import DateMention, find_dates
from kgraph.extract.clauses import (
    Token,
    clause_start,
    group_after,
    group_before,
    resolve_pronoun,
    tokens,
    unique,
)
from kgraph.extract.entities import Ref
from kgraph.extract.lexicon_index import stem
from kgraph.lexicon import load_yaml
from kgraph.model import DateCorrection, Event, EventDate, Segmented, Sentence, Span

NEGATORS = frozenset({"tidak", "tak", "belum", "bukan", "tanpa", "gagal", "batal", "enggan", "urung", "jangan"})
DENIALS = frozenset({"membantah", "bantah", "dibantah", "menyangkal", "menepis", "membantahnya"})
SPEECH = frozenset({"mengatakan", "menyatakan", "menuduh", "mengklaim", "melaporkan", "menyebut", "menyebutkan",
                    "menegaskan", "mengungkapkan", "menambahkan", "kata", "ujar", "menurut"})
# "melakukan serangan", "melancarkan serangan": the subject acts through the noun.
LIGHT_VERBS = frozenset({"melakukan", "melancarkan", "meluncurkan", "menggelar", "mengadakan", "melaksanakan",
                         "menjalankan", "terlibat", "mengintensifkan"})
# "..., dan membantah": a verb coordinated to the sentence's main verb shares its subject.
COORDINATORS = frozenset({"dan", "lalu", "kemudian", "serta", "namun", "tetapi"})
# The first paragraphs of a news story report what happened on or just before
# publication; an event there without a date of its own takes the publication date.
LEAD_PARAGRAPHS = 3


@dataclass(frozen=True, slots=True)
class Trigger:
    begin: int  # token index
    end: int  # token index (exclusive)
    entry: dict


@cache
def _entries() -> tuple[dict, ...]:
    return tuple(load_yaml("event_verbs.yaml"))


@cache
def _index() -> tuple[dict[str, list[tuple[tuple[str, ...], int, bool]]], frozenset[str]]:
    """First word → [(word sequence, entry number, is_stem)]; and every stem's first word."""
    index: dict[str, list[tuple[tuple[str, ...], int, bool]]] = {}
    for n, entry in enumerate(_entries()):
        for form in entry.get("forms", []):
            words = tuple(form.lower().split())
            index.setdefault(words[0], []).append((words, n, False))
        for st in entry.get("stems", []):
            words = tuple(st.lower().split())
            index.setdefault("~" + words[0], []).append((words, n, True))
    first_stems = frozenset(k[1:] for k in index if k.startswith("~"))
    return index, first_stems


def is_nominal(word: str) -> bool:
    """pe-/per-/ke- ... -an(nya): 'pertahanan', 'serangan' name a thing, not an act."""
    w = word.lower().removesuffix("nya")
    return w.endswith("an") and (w.startswith(("pe", "ke")) or len(w) > 6) and not w.startswith(("men", "mem", "ber"))


def find_triggers(toks: list[Token]) -> list[Trigger]:
    index, first_stems = _index()
    found: list[Trigger] = []
    i = 0
    while i < len(toks):
        best: tuple[int, int] | None = None  # (length, entry number)
        for words, n, is_stem in _candidates(toks[i], index, first_stems):
            entry = _entries()[n]
            if is_stem and is_nominal(toks[i].low) and not entry.get("noun_ok"):
                continue
            if _matches(toks, i, words, is_stem):
                key = (len(words), -n)
                if best is None or key > (best[0], -best[1]):
                    best = (len(words), n)
        if best:
            found.append(Trigger(i, i + best[0], _entries()[best[1]]))
            i += best[0]
        else:
            i += 1
    return found


def _candidates(tok: Token, index, first_stems) -> list[tuple[tuple[str, ...], int, bool]]:
    out = list(index.get(tok.low, []))
    if _may_hold_stem(tok.low):
        out += index.get("~" + stem(tok.low), [])
    return out


@cache
def _stem_regex() -> re.Pattern[str]:
    stems = sorted((s for s in _index()[1] if len(s) >= 3), key=len, reverse=True)
    return re.compile("|".join(re.escape(s) for s in stems))


@cache
def _may_hold_stem(word: str) -> bool:
    """Only words containing a lexicon stem are worth the (slow) stemmer."""
    return bool(_stem_regex().search(word))


def _matches(toks: list[Token], i: int, words: tuple[str, ...], is_stem: bool) -> bool:
    if i + len(words) > len(toks):
        return False
    for k, word in enumerate(words):
        tok = toks[i + k].low
        if tok != word and not (is_stem and stem(tok) == word):
            return False
    return True


class EventFinder:
    def __init__(self, seg: Segmented, refs: list[Ref], published: dt.date | None) -> None:
        self.seg, self.refs, self.published = seg, refs, published
        self.text = seg.body.text
        self.events: list[Event] = []
        self.corrections: dict[int, DateCorrection] = {}
        self.paragraph_date: dict[int, DateMention] = {}  # latest date named in each paragraph
        self.triggers: list[Trigger] = []  # of the sentence being read

    def run(self) -> tuple[list[Event], list[DateCorrection]]:
        for sentence in self.seg.sentences:
            self.sentence(sentence)
        return self.events, [self.corrections[k] for k in sorted(self.corrections)]

    def sentence(self, sentence: Sentence) -> None:
        span = sentence.span
        toks = tokens(span)
        dates = [d for d in find_dates(span.text, self.published)]
        dates = [DateMention(span.begin + d.begin, span.begin + d.end, d.value, d.rule, d.printed, d.weekday_mismatch)
                 for d in dates]
        for d in dates:
            if d.weekday_mismatch and d.begin not in self.corrections:
                self.corrections[d.begin] = DateCorrection(
                    Span.of(self.text, d.begin, d.end), d.printed, d.value,
                    "weekday does not fit the printed date; resolved to that weekday on or before publication",
                )
        self.triggers = find_triggers(toks)
        for trig in self.triggers:
            event = self.event(sentence, toks, trig, dates)
            if event is not None:
                self.events.append(event)
        if dates:
            self.paragraph_date[sentence.paragraph] = dates[-1]

    def event(self, sentence: Sentence, toks: list[Token], trig: Trigger, dates: list[DateMention]) -> Event | None:
        entry = trig.entry
        first, last = toks[trig.begin], toks[trig.end - 1]
        actors, targets = self.sides(sentence, toks, trig)
        actor_keys = unique([_acting(r) for r in actors])
        target_keys = unique([_acting(r) for r in targets])
        if entry.get("symmetric") and not target_keys and len(actor_keys) > 1:
            actor_keys, target_keys = actor_keys[:1], actor_keys[1:]
        if set(actor_keys) & set(target_keys) and set(actor_keys) - set(target_keys):
            actor_keys = tuple(k for k in actor_keys if k not in target_keys)  # "sekutu A, B, mendukung A"
        target_keys = tuple(k for k in target_keys if k not in actor_keys)
        if not actor_keys or (not target_keys and not entry.get("target_optional")):
            return None
        trigger = Span.of(self.text, first.begin, last.end)
        start = clause_start(self.text, sentence.span, first.begin)
        return Event(
            str(entry["cameo"]), actor_keys, target_keys, trigger, sentence.span,
            date=self.date_for(sentence, trigger, dates), negated=self.negated(toks, trig.begin, sentence.span.begin),
            claimed_by=self.claimant(sentence, start, actor_keys), rule=entry["id"],
        )

    def sides(self, sentence: Sentence, toks: list[Token], trig: Trigger) -> tuple[list[Ref], list[Ref]]:
        """(actors, targets) by voice: active, passive ('diserang oleh X') or nominal ('serangan X ke Y')."""
        entry, first, last = trig.entry, toks[trig.begin], toks[trig.end - 1]
        start = clause_start(self.text, sentence.span, first.begin)
        before = self.subject(sentence, toks, trig.begin, start)
        after = self.target_group(entry, last.end, sentence.span.end)
        if first.low.startswith("di") and first.low not in _active_forms(entry):
            agent = self.by_agent(toks, trig.end, sentence.span.end)
            return (agent, before) if agent else ([], before)
        if is_nominal(first.low) or first.low in _noun_forms(entry):
            possessor = group_after(self.refs, self.text, last.end, sentence.span.end, max_gap_words=0)
            if possessor:
                rest = self.target_group(entry, possessor[-1].end, sentence.span.end)
                return possessor, [r for r in rest if r not in possessor]
            light = trig.begin > 0 and toks[trig.begin - 1].low in LIGHT_VERBS
            if not (light or (entry.get("noun_ok") and not self.earlier_trigger(toks, trig, start))):
                return [], []
        if entry.get("symmetric") and len(before) > 1:
            return before, self.prep_group(entry, last.end, sentence.span.end)
        return before, after

    def subject(self, sentence: Sentence, toks: list[Token], index: int, start: int) -> list[Ref]:
        """The actors before the trigger; for 'dan membantah', the sentence's subject."""
        prev = [t.low for t in toks[max(0, index - 2):index]]
        if any(w in COORDINATORS for w in prev):
            head = group_after(self.refs, self.text, sentence.span.begin, sentence.span.end, max_gap_words=3)
            if head:
                return head
        before = group_before(self.refs, self.text, start, toks[index].begin)
        if not before:
            before = self.pronoun_subject(toks, index, start)
        if not before and start > sentence.span.begin:
            before = group_before(self.refs, self.text, sentence.span.begin, start)
        return before

    def earlier_trigger(self, toks: list[Token], trig: Trigger, start: int) -> bool:
        return any(t.end <= trig.begin and toks[t.begin].begin >= start for t in self.triggers)

    def prep_group(self, entry: dict, pos: int, limit: int) -> list[Ref]:
        window = self.text[pos:limit]
        for prep in entry.get("targets") or []:
            idx = _word_index(window, prep)
            if idx is not None and idx < 80:
                found = group_after(self.refs, self.text, pos + idx + len(prep), limit)
                if found:
                    return found
        return []

    def target_group(self, entry: dict, pos: int, limit: int) -> list[Ref]:
        """After a preposition of the entry ("kepada Rusia"), else what directly follows."""
        return self.prep_group(entry, pos, limit) or group_after(self.refs, self.text, pos, limit)

    def by_agent(self, toks: list[Token], after: int, limit: int) -> list[Ref]:
        for tok in toks[after:after + 6]:
            if tok.low == "oleh":
                return group_after(self.refs, self.text, tok.end, limit)
        return group_after(self.refs, self.text, toks[after - 1].end, limit, max_gap_words=1)

    def pronoun_subject(self, toks: list[Token], trig_index: int, start: int) -> list[Ref]:
        """'dia menelepon', 'Keduanya disebut setuju', 'mereka menyerang': earlier actors."""
        return resolve_pronoun(self.refs, self.seg, toks, trig_index, start)

    def negated(self, toks: list[Token], trig_index: int, sentence_begin: int) -> bool:
        window = [t.low for t in toks[max(0, trig_index - 3):trig_index]]
        if any(w in NEGATORS for w in window):
            return True
        earlier = [t.low for t in toks[:trig_index]]
        return any(w in DENIALS for w in earlier) and toks[trig_index].low not in DENIALS

    def claimant(self, sentence: Sentence, start: int, actors: tuple[str, ...]) -> str | None:
        """The speaker of 'X mengatakan bahwa ...' around an embedded event."""
        if start <= sentence.span.begin:
            return None
        head = self.text[sentence.span.begin:start].lower()
        if not any(w in head for w in SPEECH):
            return None
        group = group_before(self.refs, self.text, sentence.span.begin, start)
        keys = [r.acts_as if r.type.value == "Place" else r.key for r in group]
        return keys[0] if keys and keys[0] not in actors else None

    def date_for(self, sentence: Sentence, trigger: Span, dates: list[DateMention]) -> EventDate | None:
        if dates:
            after = [d for d in dates if d.begin >= trigger.end]
            chosen = after[0] if after else dates[-1]
            return EventDate(chosen.value, chosen.rule, Span.of(self.text, chosen.begin, chosen.end))
        inherited = self.paragraph_date.get(sentence.paragraph)
        if inherited is not None and not _has_year(sentence.span.text):
            # a sentence without a date continues the time frame its paragraph set
            return EventDate(inherited.value, "context", Span.of(self.text, inherited.begin, inherited.end))
        if self.published and sentence.paragraph <= LEAD_PARAGRAPHS and not _has_year(sentence.span.text):
            return EventDate(self.published, "publication")
        return None


def _word_index(window: str, word: str) -> int | None:
    m = re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", window)
    return m.start() if m else None


def _has_year(text: str) -> bool:
    return bool(re.search(r"\b(?:19|20)\d{2}\b|\btahun lalu\b|\bbulan lalu\b", text))


def _acting(ref: Ref) -> str:
    return ref.acts_as if ref.type.value == "Place" else ref.key


def _active_forms(entry: dict) -> frozenset[str]:
    """Listed words that start with 'di' but are active ('diskusi') — none are passive forms."""
    return frozenset(f.split()[0] for f in entry.get("forms", []) if f.startswith("dis"))


def _noun_forms(entry: dict) -> frozenset[str]:
    return frozenset(f.split()[0] for f in entry.get("forms", []) if entry.get("noun_ok") and is_nominal(f.split()[0]))
