"""Events: a trigger from the verb lexicon, an actor before it, a target after it.

Voice decides the sides ("diserang oleh X": X is the actor); negators and denial
verbs mark events that did not happen; "X mengatakan bahwa Y menyerang Z" keeps X
as the one who claims it; "dia", "keduanya" point back to earlier actors.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cache

from kgraph.dates import DateMention, find_anchored, find_clock, find_dates
from kgraph.extract.clauses import (
    CLAUSE_WORDS,
    Token,
    acting,
    actor_names,
    bare_described,
    clause_start,
    described,
    descriptors,
    group_after,
    group_before,
    is_title_word,
    locative,
    ordinal_group,
    participant,
    resolve_pronoun,
    tokens,
    type_of,
    unique,
)
from kgraph.extract.entities import Ref
from kgraph.extract.lexicon_index import org_kinds, place_countries, stem
from kgraph.extract.threats import THREATEN, THREATEN_FORCE, ThreatReader, threat_cues
from kgraph.lexicon import alternation, load_yaml
from kgraph.model import DateCorrection, Entity, Event, EventDate, Segmented, Sentence, Span


@dataclass(frozen=True, slots=True)
class Cues:
    """Clause-level cue words (kgraph/lexicon/event_cues.yaml)."""

    negators: frozenset[str]
    negation_gap: frozenset[str]
    denials: frozenset[str]
    cancellations: frozenset[str]
    speech: frozenset[str]
    light_verbs: frozenset[str]
    coordinators: frozenset[str]
    default_targets: tuple[str, ...]
    object_heads: frozenset[str]
    meeting_frames: frozenset[str]
    noun_makers: frozenset[str]
    topic_verbs: frozenset[str]
    launch_verbs: frozenset[str]
    launch_reach: int
    place_anaphors: tuple[str, ...]
    instruments: tuple[tuple[str, tuple[str, ...]], ...]  # (cameo, word sequences)
    request_clauses: frozenset[str]
    side_nouns: frozenset[str]
    reciprocals: frozenset[str]
    non_actor_kinds: frozenset[str]
    light_gap: frozenset[str]
    blame_words: tuple[tuple[str, ...], ...]
    blame_reach: int
    statement_nouns: frozenset[str]
    counterpart_nouns: frozenset[str]
    incident_nouns: frozenset[str]
    anaphor_prepositions: frozenset[str]
    simultaneity: frozenset[str]
    plans: frozenset[str]
    plan_reach: int
    ethnic_markers: frozenset[str]
    possessor_breaks: frozenset[str]
    aid_send_verbs: frozenset[str]
    aid_objects: tuple[tuple[str, ...], ...]
    aid_reach: int
    adjective_uses: dict[str, frozenset[str]]
    promise_openers: tuple[str, ...]
    weapon_words: tuple[str, ...]
    pre_verb_adverbs: frozenset[str]
    future_markers: frozenset[str]


@cache
def cues() -> Cues:
    raw = load_yaml("event_cues.yaml")
    words = {k: frozenset(w.lower() for w in v) for k, v in raw.items() if isinstance(v, list)}
    instruments = tuple((str(code), tuple(w.lower() for w in ws)) for code, ws in raw["instruments"].items())
    return Cues(words["negators"], words["negation_gap"], words["denials"], words["cancellations"],
                words["speech"], words["light_verbs"], words["coordinators"], tuple(raw["default_targets"]),
                words["object_heads"], words["meeting_frames"], words["noun_makers"], words["topic_verbs"], words["launch_verbs"],
                int(raw["launch_reach"]), tuple(raw["place_anaphors"]), instruments, words["request_clauses"],
                words["side_nouns"], words["reciprocals"], words["non_actor_kinds"],
                words["light_gap"], tuple(tuple(w.lower().split()) for w in raw["blame_words"]),
                int(raw["blame_reach"]), words["statement_nouns"], words["counterpart_nouns"],
                words["incident_nouns"], words["anaphor_prepositions"], words["simultaneity"],
                words["plans"], int(raw["plan_reach"]), words["ethnic_markers"],
                words["possessor_breaks"], words["aid_send_verbs"],
                tuple(tuple(w.lower().split()) for w in raw["aid_objects"]), int(raw["aid_reach"]),
                {k: frozenset(v) for k, v in raw["adjective_uses"].items()}, tuple(raw["promise_openers"]),
                tuple(raw["weapon_words"]), words["pre_verb_adverbs"],
                words["future_markers"])


# Inside a short noun phrase, what introduces its owner: "milik", "yang di-V (oleh)", "oleh".
OWNER_MARK = re.compile(r"\s*(?!(?:di|ke|dari|pada)\s)(?:[\w.-]+\s+){1,6}?(?:milik|yang\s+di\w+(?:\s+oleh)?|oleh)(?![\w-])")
# Determiners that close a noun phrase pointing back at something told ("serangan itu").
DETERMINERS = r"(?:itu|tersebut|ini)"
# What a statement noun ("pernyataan tersebut") may point back to: a statement, appeal,
# demand, criticism, rejection or threat.
VERBAL_ROOTS = frozenset({"01", "02", "10", "11", "12", "13"})
# What an incident noun ("insiden tersebut") may point back to: a use of force.
FORCE_ROOTS = frozenset({"15", "16", "17", "18", "19", "20"})
# CAMEO 150: demonstrate military or police power.
SHOW_OF_FORCE = "150"
# CAMEO 125: reject a proposal to meet, discuss or negotiate.
CANCELLED_MEETING = "125"
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
    # me-/di-/ber-/ter- ... -kan/-an are verbs: "meluncurkan", "dijatuhkan", "bertahan"
    if not w.endswith("an") or w.startswith(("me", "di", "ber", "ter")):
        return False
    return w.startswith(("pe", "ke")) or len(w) > 6 or stem(w) + "an" == w  # "seruan" = seru + -an


def find_triggers(toks: list[Token]) -> list[Trigger]:
    index, first_stems = _index()
    found: list[Trigger] = []
    i = 0
    while i < len(toks):
        best: tuple[int, int] | None = None  # (length, entry number)
        for words, n, is_stem in _candidates(toks[i], index, first_stems):
            entry = _entries()[n]
            light = _after_light_verb(toks, i)
            if is_stem and is_nominal(toks[i].low) and not (entry.get("noun_ok") or light):
                continue  # "kekhawatiran" names an act only after a light verb ("menyampaikan kekhawatiran")
            if _matches(toks, i, words, is_stem):
                key = (len(words), -n)
                if best is None or key > (best[0], -best[1]):
                    best = (len(words), n)
        if best and not (i > 0 and toks[i - 1].low in cues().noun_makers and _bare(toks[i].low)):
            found.append(Trigger(i, i + best[0], _entries()[best[1]]))
            i += best[0]
        elif toks[i].low in cues().aid_send_verbs and (aid := _aid_after(toks, i)):
            found.append(Trigger(i, i + 1, _aid_entry(aid)))
            i += 1
        elif toks[i].low in cues().launch_verbs and _weapon_after(toks, i):
            found.append(Trigger(i, i + 1, _launch_entry(_weapon_after(toks, i))))
            i += 1
        else:
            i += 1
    return found


@cache
def _place_anaphor_regex() -> re.Pattern[str]:
    return re.compile(rf"\s*(?:{alternation(cues().place_anaphors)})(?:\s+[a-z-]+){{0,3}}?\s+(?:itu|tersebut)(?![\w-])")


def _force(entry: dict) -> bool:
    """Force, coercion and assault (CAMEO 15, 17-20): aimed at places as well as parties."""
    return str(entry["cameo"])[:2] in {"15", "17", "18", "19", "20"}


def _in_country(ref: Ref) -> Ref:
    return Ref(ref.begin, ref.end, ref.key, ref.type, place_countries()[ref.key], "place-of")


def _bare(word: str) -> bool:
    """No verb affix: 'perang', 'bicaranya' (not 'berperang', 'menyerang')."""
    root = word.removesuffix("nya")
    return stem(root) == root


def _weapon_after(toks: list[Token], i: int) -> str | None:
    """The code of the first weapon within reach after a launch verb, unless a trigger word
    comes first ("meluncurkan serangan udara" is the noun's event)."""
    words = [t.low for t in toks[i + 1:i + 1 + cues().launch_reach]]
    index, _ = _index()
    for k in range(len(words)):
        if words[k] in index:
            return None
        if code := _weapon_at(words, k):
            return code
    return None


def _weapon_at(words: list[str], k: int) -> str | None:
    """The CAMEO code of the weapon named at words[k], if one is."""
    for code, sequences in cues().instruments:
        if any(words[k:k + len(seq.split())] == seq.split() for seq in sequences):
            return code
    return None


def _most_named_country(refs: list[Ref]) -> str | None:
    """The country the body names most often (a place counts for its country); the first
    named wins a tie. Where aid with no recipient named goes."""
    keys = [k for r in refs if (k := acting(r)).startswith("country/")]
    return max(dict.fromkeys(keys), key=keys.count) if keys else None


def _adjective(toks: list[Token], trig: Trigger) -> bool:
    """'kebutuhan mendesak': the word describes the noun before it; no one urges anything."""
    nouns = cues().adjective_uses.get(toks[trig.begin].low)
    return bool(nouns) and trig.begin > 0 and toks[trig.begin - 1].low in nouns


def _aid_after(toks: list[Token], i: int) -> str | None:
    """The CAMEO code of what a verb of sending gives in aid within reach: a named kind of aid
    ("bantuan militer": 074) or anything else given (073); None before another trigger."""
    words = [t.low for t in toks[i + 1:i + 1 + cues().aid_reach]]
    index, _ = _index()
    for k in range(len(words)):
        kinds = [(len(w), str(_entries()[n]["cameo"])) for w, n, is_stem in index.get(words[k], [])
                 if not is_stem and tuple(words[k:k + len(w)]) == w and str(_entries()[n]["cameo"]).startswith("07")]
        if kinds:
            return max(kinds)[1]
        if any(tuple(words[k:k + len(a)]) == a for a in cues().aid_objects):
            return HUMANITARIAN_AID
        if words[k] in index:
            return None
    return None


HUMANITARIAN_AID = "073"


@cache
def _aid_entry(code: str) -> dict:
    # aid sent ("menerbangkan 15 ton bantuan"); with no recipient named, the story's country
    return {"id": "send_aid", "cameo": code, "targets": ["kepada", "ke", "untuk", "bagi"],
            "target_optional": True, "target_from_story": True}


@cache
def _launch_entry(code: str) -> dict:
    # a launch aimed at no one named (a missile test "ke arah Laut Jepang") shows force: 150
    return {"id": "launch", "cameo": code, "targets": ["ke", "ke arah", "terhadap", "atas"],
            "target_optional": True, "untargeted_cameo": SHOW_OF_FORCE}


def _candidates(tok: Token, index, first_stems) -> list[tuple[tuple[str, ...], int, bool]]:
    out = list(index.get(tok.low, []))
    if _may_hold_stem(tok.low):
        out += index.get("~" + stem(tok.low), [])
    return out


@cache
def _stem_regex() -> re.Pattern[str]:
    # me- drops the first consonant of t/p/k/s roots: tembak -> menembakkan, serang -> menyerang
    roots = _index()[1]
    stems = sorted({w for s in roots for w in (s, s[1:] if s[0] in "tpks" else s) if len(w) >= 3},
                   key=len, reverse=True)
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
    def __init__(self, seg: Segmented, refs: list[Ref], published: dt.date | None,
                 entities: tuple[Entity, ...] | list[Entity] = ()) -> None:
        self.seg, self.published = seg, published
        self.refs = [r for r in refs if not _ethnic(seg.body.text, r)]
        self.names = actor_names(entities)
        for key, nouns in descriptors(self.refs, seg.body.text).items():
            self.names[key] = " ".join([self.names.get(key, ""), *nouns])
        self.text = seg.body.text
        self.events: list[Event] = []
        self.corrections: dict[int, DateCorrection] = {}
        self.paragraph_date: dict[int, DateMention] = {}  # latest date named in each paragraph
        self.dates: list[list[DateMention]] = []  # per sentence
        self.sentence_index = 0
        # of the sentence being read: its triggers, where they start, the events made so far
        self.triggers: list[Trigger] = []
        self.trigger_starts: list[int] = []
        self.sentence_events: list[tuple[Trigger, Event]] = []
        self.threats = ThreatReader(self.text, self.refs, self.names, seg)
        # a person's country, from the first post held in one ("Presiden Guyana Irfaan Ali")
        self.country_of = {e.key: p.of for e in entities for p in e.posts[:1] if p.of and p.of.startswith("country/")}
        self.part_of = {e.key: e.part_of for e in entities if e.part_of}
        self.story_country = _most_named_country(self.refs)

    def run(self) -> tuple[list[Event], list[DateCorrection]]:
        self.dates = self.anchored([self.dates_in(s.span) for s in self.seg.sentences])
        for n, sentence in enumerate(self.seg.sentences):
            self.sentence_index = n
            self.sentence(sentence, self.dates[n])
        self.date_headline_events()
        return self.events, [self.corrections[k] for k in sorted(self.corrections)]

    def date_headline_events(self) -> None:
        """A headline tells the lead's news: an event there dated only by publication takes the
        date of the first body event of the same kind that has a date of its own."""
        headline = {s.span.begin for s in self.seg.sentences if s.paragraph == 0}
        for n, event in enumerate(self.events):
            if event.evidence.begin not in headline or (event.date and event.date.rule != "publication"):
                continue
            same = next((e for e in self.events if e.evidence.begin not in headline and e.rule == event.rule
                         and e.date and e.date.rule != "publication" and not e.negated), None)
            if same is not None:
                self.events[n] = replace(event, date=same.date)

    def homes(self, keys: tuple[str, ...]) -> set[str]:
        """The actors and the countries they belong to (a minister's, a ministry's)."""
        return {*keys, *(self.country_of.get(k) for k in keys), *(self.part_of.get(k) for k in keys)} - {None}

    def acting_refs(self, refs: list[Ref]) -> list[Ref]:
        """Without the news agencies and outlets, which report and do not take part."""
        return [r for r in refs if org_kinds().get(r.key) not in cues().non_actor_kinds]

    def inside_name(self, tok: Token) -> bool:
        """'Tentara Pembebasan Rakyat', 'Pasukan Perlawanan': a word of a longer name is no act."""
        return any(r.begin <= tok.begin and tok.end <= r.end and r.end - r.begin > tok.end - tok.begin
                   for r in self.refs)

    def adopt_orphan_dates(self, dates: list[DateMention]) -> None:
        """A date owned by a trigger that made no event ("bertemu di sela pertemuan G20 ...
        pada hari yang sama": the bare noun names no one) dates the nearest event before it."""
        made = {e.trigger.begin for _, e in self.sentence_events}
        for d in dates:
            owner = self.date_owner(d)
            if owner is None or owner in made:
                continue
            earlier = [(n, e) for n, (_, e) in enumerate(self.sentence_events)
                       if e.trigger.begin < owner and (e.date is None or e.date.rule in ("context", "publication"))]
            if not earlier:
                continue
            n, event = earlier[-1]
            dated = replace(event, date=EventDate(d.value, d.rule, Span.of(self.text, d.begin, d.end)))
            self.events[self.events.index(event)] = dated
            self.sentence_events[n] = (self.sentence_events[n][0], dated)

    def date_incident_told_before(self, sentence: Sentence, dates: list[DateMention]) -> None:
        """'Insiden itu terjadi pada Sabtu, 5 Agustus 2023': the use of force told before, dated
        so far only by its context, took place on that day."""
        m = re.match(rf"\s*(\w+)\s+{DETERMINERS}\s+(?:\w+\s+)?(?:terjadi|berlangsung)(?![\w-])", sentence.span.text)
        if not m or m.group(1).lower() not in cues().incident_nouns or not dates or self.sentence_events:
            return
        for n in range(len(self.events) - 1, -1, -1):
            event = self.events[n]
            if event.cameo[:2] in FORCE_ROOTS and not event.negated:
                if event.date is None or event.date.rule in ("context", "publication"):
                    d = dates[0]
                    self.events[n] = replace(event, date=EventDate(d.value, "context", Span.of(self.text, d.begin, d.end)))
                return

    def addressed_by_clause(self, toks: list[Token], trig: Trigger) -> bool:
        """'Jokowi meminta agar ...': an appeal whose object is a clause names no addressee."""
        return (str(trig.entry["cameo"])[:2] in ("02", "10") and trig.end < len(toks)
                and toks[trig.end].low in cues().request_clauses)

    def counterpart(self, actors: tuple[str, ...]) -> tuple[str, ...]:
        """The other side of the meeting or call the actors took part in: a request made there
        is addressed to it ("Dalam pertemuan itu, Jokowi meminta agar ..."). Of several, the
        latest in time (one told "sebelumnya" is background), then the first told."""
        meetings = [e for e in self.events if e.cameo.startswith("04") and not e.negated]
        meetings.sort(key=lambda e: e.date.value if e.date else dt.date.min, reverse=True)
        for event in meetings:
            if set(actors) & set(event.actors):
                return tuple(k for k in event.targets if k not in actors)
            if set(actors) & set(event.targets):
                return tuple(k for k in event.actors if k not in actors)
        return ()

    def conditional_threat(self, sentence: Sentence, toks: list[Token], dates: list[DateMention]) -> None:
        """'X akan membalas jika Y ...': a threat against Y; force promised there did not happen."""
        force_at = {t.begin for t in self.triggers if _force(t.entry)}
        threat_at = {t.begin for t in self.triggers if str(t.entry["cameo"]).startswith("13")}
        threat = self.threats.find(sentence.span, toks, force_at, threat_at)
        if threat is None:
            return
        lo, hi = threat.consequent
        promised = [e for t, e in self.sentence_events if lo <= t.begin < hi and _force(t.entry)]
        if any(e.cameo.startswith("13") and e.targets for _, e in self.sentence_events):
            return  # "mengancam akan menyerang X jika ...": told once by the threat verb
        self.events[:] = [e for e in self.events if not any(e is p for p in promised)]
        actors = unique([acting(r) for r in threat.actors])
        targets = unique([acting(r) for r in threat.targets] + [k for e in promised for k in e.targets])
        targets = tuple(k for k in targets if k not in actors)
        start = clause_start(self.text, sentence.span, threat.trigger.begin)
        self.events.append(Event(
            THREATEN_FORCE if threat.force else THREATEN, actors, targets, threat.trigger, sentence.span,
            date=self.date_for(sentence, threat.trigger, dates),
            claimed_by=self.claimant(sentence, start, actors), rule="conditional_threat",
        ))

    def anchored(self, dates: list[list[DateMention]]) -> list[list[DateMention]]:
        """'Sehari kemudian, ...', 'pada hari yang sama': counted from the latest date named
        before the sentence; so is a time of day in a sentence naming no date. A bare weekday in the same sentence only guesses the week, so the
        anchor sets the week and the weekday, when named, the day ("Sehari sebelumnya, pada
        Minggu": the Sunday nearest the day before). A bare weekday that is the day of
        publication tells when a reaction was reported, not where the story's clock stands."""
        out: list[list[DateMention]] = []
        latest: DateMention | None = None
        for sentence, found in zip(self.seg.sentences, dates, strict=True):
            span = sentence.span
            phrases = find_anchored(span.text) or ([] if found else find_clock(span.text))
            if phrases and latest is not None:
                b, e, days = phrases[0]
                value = latest.value + dt.timedelta(days=days)
                weekday = next((d for d in found if d.rule == "weekday"), None)
                if weekday is not None:
                    value += dt.timedelta(days=(weekday.value.weekday() - value.weekday() + 3) % 7 - 3)
                mention = DateMention(span.begin + b, span.begin + e, value, "anchored")
                found = sorted([mention, *(d for d in found if d.rule != "weekday")], key=lambda d: d.begin)
            out.append(found)
            story = [d for d in found if d.rule not in ("weekday", "relative") or d.value != self.published]
            if story:
                latest = max(story, key=lambda d: d.begin)
        return out

    def dates_in(self, span: Span) -> list[DateMention]:
        return [DateMention(span.begin + d.begin, span.begin + d.end, d.value, d.rule, d.printed, d.weekday_mismatch)
                for d in find_dates(span.text, self.published)]

    def sentence(self, sentence: Sentence, dates: list[DateMention]) -> None:
        toks = tokens(sentence.span)
        for d in dates:
            if d.weekday_mismatch and d.begin not in self.corrections:
                self.corrections[d.begin] = DateCorrection(
                    Span.of(self.text, d.begin, d.end), d.printed, d.value,
                    "weekday does not fit the printed date; resolved to that weekday on or before publication",
                )
        self.triggers = [t for t in find_triggers(toks) if not _quoted_term(self.text, toks, t) and not _topic(toks, t)
                         and not self.inside_name(toks[t.begin]) and not _adjective(toks, t)]
        self.trigger_starts = [toks[t.begin].begin for t in self.triggers]
        self.sentence_events = []
        for trig in self.triggers:
            event = self.event(sentence, toks, trig, dates)
            if event is not None:
                self.events.append(event)
                self.sentence_events.append((trig, event))
        self.adopt_orphan_dates(dates)
        self.date_incident_told_before(sentence, dates)
        self.conditional_threat(sentence, toks, dates)
        if dates:
            self.paragraph_date[sentence.paragraph] = dates[-1]

    def event(self, sentence: Sentence, toks: list[Token], trig: Trigger, dates: list[DateMention]) -> Event | None:
        entry = trig.entry
        first, last = toks[trig.begin], toks[trig.end - 1]
        actors, targets = (self.acting_refs(side) for side in self.sides(sentence, toks, trig))
        actor_keys = unique([acting(r) for r in actors])
        target_keys = unique([acting(r) for r in targets])
        if (entry.get("symmetric") or _reciprocal(toks, trig)) and not target_keys and len(actor_keys) > 1:
            actor_keys, target_keys = actor_keys[:1], actor_keys[1:]
        if set(actor_keys) & set(target_keys) and set(actor_keys) - set(target_keys):
            actor_keys = tuple(k for k in actor_keys if k not in target_keys)  # "sekutu A, B, mendukung A"
        target_keys = tuple(k for k in target_keys if k not in actor_keys)
        if entry.get("target_types") and not any(r.type.value in entry["target_types"] for r in targets):
            return None
        if not target_keys and self.addressed_by_clause(toks, trig):
            target_keys = self.counterpart(actor_keys)
        if not target_keys and entry.get("parties_from_context") and _is_passive(first.low):
            target_keys = self.parties_in_context(actor_keys)
        if not target_keys and entry.get("target_from_story") and self.story_country not in self.homes(actor_keys):
            target_keys = (self.story_country,) if self.story_country else ()  # aid goes where the story is
        if not actor_keys or (not target_keys and not entry.get("target_optional")):
            return None
        if entry.get("needs_blame") and not _blames(toks, trig):
            return None
        trigger = Span.of(self.text, first.begin, last.end)
        start = clause_start(self.text, sentence.span, first.begin)
        if _conditional_clause(self.text, start):
            return None  # "jika Kyiv menolak": a condition, not something that happened
        cameo = entry["untargeted_cameo"] if not target_keys and entry.get("untargeted_cameo") else str(entry["cameo"])
        cameo, rule, why_not = _refined(cameo, toks, start), entry["id"], self.negation(toks, trig.begin, start)
        if why_not is None and cameo[:2] in FORCE_ROOTS and self.promised(toks, trig.begin, start):
            return None  # "mengancam akan melancarkan serangan": force to come has not happened
        if why_not == "cancelled" and cameo.startswith("04"):
            # "membatalkan rencana pertemuan dengan X": the cancelling is the act (CAMEO 125)
            cameo, rule, why_not = CANCELLED_MEETING, "cancel_" + rule, None
        return Event(
            cameo, actor_keys, target_keys, trigger, sentence.span,
            date=self.date_for(sentence, trigger, dates), negated=why_not is not None,
            claimed_by=self.claimant(sentence, start, actor_keys), rule=rule,
        )

    def sides(self, sentence: Sentence, toks: list[Token], trig: Trigger) -> tuple[list[Ref], list[Ref]]:
        """(actors, targets) by voice: active, passive ('diserang oleh X') or nominal ('serangan X ke Y')."""
        entry, first, last = trig.entry, toks[trig.begin], toks[trig.end - 1]
        start = clause_start(self.text, sentence.span, first.begin)
        before = self.subject(sentence, toks, trig.begin, start)
        after = self.target_group(entry, last.end, sentence.span.end)
        if entry.get("envoy_of_target"):
            # "memanggil Duta Besar Tiongkok": the envoy's country, named in the title, is the target
            envoy = [r for r in self.refs if last.end <= r.begin < last.end + 3 and r.type.value == "Country"]
            return before, envoy[:1] or after
        if _is_passive(first.low):
            if trig.begin > 0 and toks[trig.begin - 1].low == "yang":
                # "sandera yang ditahan Hamas": the noun before "yang" undergoes it, no one further back
                held = [r for r in self.refs if r.end <= toks[trig.begin - 1].begin
                        and not self.text[r.end:toks[trig.begin - 1].begin].strip(" ,")]
                before = held[-1:]
            agent = self.by_agent(toks, trig.end, sentence.span.end)
            if agent and not before:
                before = self.act_referent(sentence, start, first.begin)  # "Langkah itu dikecam oleh X"
            return (agent, before) if agent else ([], before)
        if is_nominal(first.low) or first.low in _noun_forms(entry):
            if re.match(rf"\s+{DETERMINERS}(?![\w-])", self.text[last.end:last.end + 12]):
                return [], []  # "Dalam pertemuan itu, ...": the event told before, not a new one
            # "serangan Israel", "serangan kelompok Hamas terhadap Israel": the possessor acts
            possessor = (group_after(self.refs, self.text, last.end, sentence.span.end, max_gap_words=1)
                         or self.armed_possessor(last.end, sentence.span.end))
            if possessor and any(w in cues().possessor_breaks
                                 for w in re.findall(r"[\w-]+", self.text[last.end:possessor[0].begin].lower())):
                possessor = []  # "pertemuannya dengan X": X is the other side, not the owner
            if possessor and entry.get("symmetric") and len(possessor) > 1:
                return possessor, []  # "pembicaraan antara A dan B": the pair, split later
            if possessor:
                rest = self.target_group(entry, possessor[-1].end, sentence.span.end)
                return possessor, [r for r in rest if r not in possessor]
            between = self.between_pair(entry, last.end, sentence.span.end)
            if between:  # "kesepakatan jeda kemanusiaan selama empat hari antara Israel dan Hamas"
                return between[:1], between[1:]
            # a bare noun names no one ("setelah bentrokan"); "melakukan serangan" takes the
            # light verb's subject, "kunjungannya ke Moskow" the subject its "-nya" points to
            light = _after_light_verb(toks, trig.begin)
            if self.meeting_of_subjects(toks, trig, before):
                return before, []
            if not (light or last.low.endswith("nya")):
                return [], []
        if entry.get("symmetric") and len(before) > 1:
            # "A dan B bertemu dengan C" or "A dan B saat bertemu C": C is the other side;
            # "A dan B bertemu di Jenewa": the pair met each other
            direct = group_after(self.refs, self.text, last.end, sentence.span.end, max_gap_words=0)
            return before, self.prep_group(entry, last.end, sentence.span.end, entry.get("targets") or []) or direct
        return before, after

    def subject(self, sentence: Sentence, toks: list[Token], index: int, start: int) -> list[Ref]:
        """The actors before the trigger; for 'dan membantah', the sentence's subject."""
        if self.coordinated(toks, index):
            shared = self.coordinated_subject(toks, index)
            if shared:
                return shared
            head = group_after(self.refs, self.text, sentence.span.begin, sentence.span.end, max_gap_words=3)
            if head:
                return head
        before = group_before(self.refs, self.text, start, _before_apposition(self.text, start, toks[index].begin))
        if not before:
            before = self.pronoun_subject(toks, index, start)
        if not before:
            before = self.unnamed_office(start, toks[index].begin)
        if not before:
            ref = (described(self.refs, self.names, self.text, start, toks[index].begin, start)
                   or bare_described(self.refs, self.names, self.text, start, toks[index].begin))
            before = [ref] if ref else []
        if not before and start > sentence.span.begin:
            before = group_before(self.refs, self.text, sentence.span.begin, start)
        return before

    def own_date(self, trigger: Span, dates: list[DateMention]) -> DateMention | None:
        """A date belongs to the nearest trigger before it ("mengecam serangan Hamas pada 7
        Oktober": the attack's date); a trigger with none after it takes a date before it.
        A date closing the sentence after a comma is the whole sentence's ("mengecam ... dan
        menuntut ..., pada Senin (24/2)"), so is a later verb's joined by "saat" ("menyampaikan
        keberatan ... saat bertemu ... pada Jumat"), and an opening date no verb owns."""
        mine = [d for d in dates if self.date_owner(d) == trigger.begin]
        if mine:
            return mine[0]
        later = [d for d in dates if d.begin >= trigger.end]
        for d in later:
            if self.closes_sentence(d) or self.simultaneous(trigger, d):
                return d
        opening = [d for d in dates if d.end <= trigger.begin and self.date_owner(d) is None]
        if later:
            return opening[0] if opening else None  # the dates after this trigger belong to later triggers
        return dates[-1] if dates else None

    def closes_sentence(self, date: DateMention) -> bool:
        """', pada Senin (24/2/2025).': an adverbial of the whole sentence."""
        before = self.text[max(0, date.begin - 12):date.begin]
        after = self.text[date.end:date.end + 3]
        return bool(re.search(r",\s*(?:pada\s+)?(?:hari\s+)?$", before)) and bool(re.match(r"\s*[.!?]", after))

    def simultaneous(self, trigger: Span, date: DateMention) -> bool:
        """The date's own verb is joined to this one by "saat"/"ketika", in this clause."""
        owner = self.date_owner(date)
        if owner is None or owner <= trigger.begin:
            return False
        gap = self.text[trigger.end:owner]
        if re.search(r"[\"\u201c\u201d;.]", gap):
            return False
        words = re.findall(r"[\w-]+", gap.lower())
        return bool(words) and any(w in cues().simultaneity for w in words[-3:])

    def date_owner(self, date: DateMention) -> int | None:
        """The trigger a date belongs to: the nearest one before it ("mengecam serangan Hamas
        pada 7 Oktober": the attack's date), unless a quote closes between them ('"...agresi
        X," kata kementerian pada Selasa': the date is the main act's, the sentence's first)."""
        before = [s for s in self.trigger_starts if s < date.begin]
        if not before:
            return None
        gap = self.text[before[-1]:date.begin]
        if not re.search(r"[\"\u201c\u201d;]", gap):
            return before[-1]
        return before[0]

    def date_told_next(self, sentence: Sentence) -> DateMention | None:
        """'Indonesia dan Malaysia mendesak Uni Eropa ... ¶ Desakan tersebut disampaikan ...
        Selasa (30/5/2023)': the next sentence, opening on the act just told, dates it (also
        with a relative clause: "Pertukaran yang dimediasi X itu berlangsung pada Rabu")."""
        n = self.sentence_index + 1
        if n >= len(self.seg.sentences) or not self.dates[n]:
            return None
        opening = self.seg.sentences[n].span.text
        if not re.match(rf"\s*\w+(?:\s+\w+)?(?:\s+yang(?:\s+[\w-]+){{1,5}}?)?\s+{DETERMINERS}(?![\w-])", opening):
            return None
        return next((d for d in self.dates[n] if not self.period_start(d)), None)

    def period_start(self, date: DateMention) -> bool:
        """'berlangsung sejak Selasa': when a period began, not the day of an act."""
        return bool(re.search(r"(?i)\bsejak\s+(?:hari\s+)?$", self.text[max(0, date.begin - 12):date.begin]))

    def later_in_paragraph(self, sentence: Sentence) -> DateMention | None:
        """The first date named later in the same paragraph."""
        for n in range(self.sentence_index + 1, len(self.seg.sentences)):
            if self.seg.sentences[n].paragraph != sentence.paragraph:
                return None
            dated = [d for d in self.dates[n] if not self.period_start(d)]
            if dated:
                return dated[0]
        return None

    def meeting_of_subjects(self, toks: list[Token], trig: Trigger, subject: list[Ref]) -> bool:
        """'A dan B ... selama pembicaraan di Jenewa': the pair met."""
        if not (trig.entry.get("symmetric") and str(trig.entry["cameo"]).startswith("04")) or len(subject) < 2:
            return False
        if re.search(r"(?<![\w-])(?:kepada|dengan|terhadap|atas|untuk)\s+(?:\w+\s+){0,3}$",
                     self.text[max(0, subject[0].begin - 40):subject[0].begin]):
            return False  # "terima kasih kepada A dan B atas peran mereka dalam perundingan": objects
        return trig.begin > 0 and toks[trig.begin - 1].low in cues().meeting_frames

    def unnamed_office(self, start: int, pos: int) -> list[Ref]:
        """'Menteri Luar Negeri Kanada mengecam ...' with no name: the office's country acts."""
        office = [r for r in self.refs if r.in_title and start <= r.begin and r.end <= pos
                  and (r.type.value != "Place" or r.acts_as != r.key)]
        # "Sekretariat Jenderal OKI di Jeddah juga menyambut": a location may follow the office
        if office and re.fullmatch(r"(?:\s+di(?:\s+[A-Z][\w'-]*){1,3})?[\s,]*"
                                   r"(?:(?:juga|telah|sudah|akan|pun|kembali|sebelumnya)\s+)*",
                                   self.text[office[-1].end:pos]):
            r = office[-1]
            return [Ref(r.begin, r.end, r.key, r.type, r.acts_as, "office")]
        return []

    def place_struck(self, entry: dict, pos: int, limit: int) -> list[Ref]:
        """'menggempur Gaza', 'serangan udara ke Jalur Gaza': force aimed at a place is aimed at
        the country the place lies in."""
        preps = "|".join(re.escape(p) for p in [*(entry.get("targets") or []), "ke", "di", "atas"])
        for r in self.refs:
            if pos <= r.begin < limit and r.type.value == "Place" and r.key in place_countries():
                if re.fullmatch(rf"\s*(?:(?:{preps})\s+)?(?:[a-z-]+\s+){{0,2}}", self.text[pos:r.begin]):
                    return [_in_country(r)]
                return []
        return []

    def place_anaphor(self, pos: int, limit: int, force: bool = False) -> list[Ref]:
        """'menggempur wilayah padat penduduk itu': the latest place or country named in an
        earlier sentence (in this one it is more likely the actor)."""
        m = _place_anaphor_regex().match(self.text, pos, limit)
        if not m:
            return []
        begin = max((x.span.begin for x in self.seg.sentences if x.span.begin <= pos), default=0)
        # only names that can be a party: a country, or a place standing for one ("Kyiv"); force
        # may also strike a place, which then stands for the country it lies in ("Gaza")
        earlier = [r for r in self.refs if r.end <= begin and r.type.value in ("Place", "Country")
                   and (participant(r) or (force and r.key in place_countries()))]
        if not earlier:
            return []
        last = earlier[-1]
        return [last if participant(last) else _in_country(last)]

    def office_after(self, pos: int, limit: int) -> list[Ref]:
        """'meminta presiden Rusia untuk ...' with no name: the office's country is the target."""
        office = [r for r in self.refs if r.in_title and pos <= r.begin < limit]
        if office and re.fullmatch(r"\s*(?:[A-Za-z]+\s+){1,4}", self.text[pos:office[0].begin]) \
                and all(is_title_word(t) for t in self.text[pos:office[0].begin].split()):
            r = office[0]
            return [Ref(r.begin, r.end, r.key, r.type, r.acts_as, "office")]
        return []

    def coordinated(self, toks: list[Token], index: int) -> bool:
        """'..., dan membantah', 'lalu juga menyerukan': a coordinator leads to the verb
        (in 'Indonesia dan Malaysia sepakat' it joins the subjects instead)."""
        c, k = cues(), index - 1
        while k >= 0 and toks[k].low not in c.coordinators and toks[k].low in c.negation_gap and index - k <= 3:
            k -= 1
        return k >= 0 and toks[k].low in c.coordinators

    def coordinated_subject(self, toks: list[Token], index: int) -> list[Ref]:
        """'dia menelepon X dan menuntut ...': the earlier verb's actors in this sentence."""
        earlier = [(t, e) for t, e in self.sentence_events if t.end <= index and not is_nominal(toks[t.begin].low)]
        if not earlier:
            return []
        trig, event = earlier[-1]
        return [Ref(toks[trig.begin].begin, toks[trig.begin].begin, k, kind, k, "coordinated")
                for k in event.actors if (kind := type_of(self.refs, k)) is not None]

    def prep_group(self, entry: dict, pos: int, limit: int, preps: list[str] | tuple[str, ...] | None = None) -> list[Ref]:
        window = self.text[pos:limit]
        if preps is None:
            preps = unique([*(entry.get("targets") or []), *cues().default_targets])
        for prep in preps:
            idx = _word_index(window, prep)
            if idx is not None and idx < 80:
                # "terhadap wilayah kedaulatan Armenia": a short noun phrase may lead to the target
                found = (group_after(self.refs, self.text, pos + idx + len(prep), limit, max_gap_words=2)
                         or self.head_owner(pos + idx + len(prep), limit)
                         or self.np_owner(pos + idx + len(prep), limit))
                if found:
                    return found
        return []

    def np_owner(self, pos: int, limit: int) -> list[Ref]:
        """The owner named inside a noun phrase: "60 target milik kelompok Houthi", "drone yang
        diluncurkan Houthi", "pelanggaran wilayah udaranya oleh Iran"."""
        m = OWNER_MARK.match(self.text, pos, limit)
        return group_after(self.refs, self.text, m.end(), limit, max_gap_words=1) if m else []

    def target_group(self, entry: dict, pos: int, limit: int) -> list[Ref]:
        """After a preposition of the entry ("kepada Rusia"), else what directly follows,
        else the possessor of an object noun ("mengecam tindakan kapal penjaga pantai China")."""
        # an object noun right after the verb names its owner before any preposition does
        # ("menggempur sejumlah posisi Hizbullah di Lebanon")
        owner = [] if entry.get("object_is_content") else self.head_owner(pos, limit) or self.counterpart_of(pos, limit)
        if not (owner or entry.get("object_is_content") or entry.get("symmetric")):
            # the object right after the verb is the target, whatever preposition its clause
            # holds later ("mendesak Israel menarik pasukan dari Lebanon")
            owner = group_after(self.refs, self.text, pos, limit, max_gap_words=0)
        own = owner or self.prep_group(entry, pos, limit, entry.get("targets") or []) or self.promised_object(entry, pos, limit)
        if own:
            return own
        direct = [] if entry.get("object_is_content") else group_after(self.refs, self.text, pos, limit)
        if direct:
            return direct
        owner = [] if entry.get("object_is_content") else self.np_owner(pos, limit)
        return (self.prep_group(entry, pos, limit, cues().default_targets) or owner
                or self.office_after(pos, limit) or self.place_anaphor(pos, limit, _force(entry))
                or (self.place_struck(entry, pos, limit) if _force(entry) else [])
                or self.pair_after(pos, limit) or self.event_anaphor(pos, limit)
                or self.far_country(entry, pos, limit) or self.described_after(pos, limit))

    def armed_possessor(self, pos: int, limit: int) -> list[Ref]:
        """'serangan bom luncur, rudal, dan drone Rusia': the owner after a list of weapons."""
        found = group_after(self.refs, self.text, pos, limit, max_gap_words=8)
        if not found:
            return []
        words = self.text[pos:found[0].begin].lower().replace(",", " ").split()
        return found if words and all(w in _weapon_list_words() for w in words) else []

    def promised(self, toks: list[Token], index: int, clause_begin: int) -> bool:
        """'akan melancarkan serangan', 'bakal menyerang': a future act, up to three words before."""
        return any(t.low in cues().future_markers for t in toks[max(0, index - 3):index] if t.begin >= clause_begin)

    def promised_object(self, entry: dict, pos: int, limit: int) -> list[Ref]:
        """'mengancam akan membalas Israel': a threat is aimed at the object of the act it promises."""
        if not str(entry["cameo"]).startswith("13"):
            return []
        m = re.match(rf"\s+(?:{'|'.join(cues().promise_openers)})\s+[\w-]+", self.text[pos:limit])
        return group_after(self.refs, self.text, pos + m.end(), limit) if m else []

    def described_after(self, pos: int, limit: int) -> list[Ref]:
        """'menuding militer sengaja menyerang': a bare noun right after the verb for an actor
        named with it before."""
        m = re.match(r"(?:\s+[\w-]+){1,3}", self.text[pos:limit])
        if not m:
            return []
        ref = (described(self.refs, self.names, self.text, pos, pos + m.end(), pos)
               or bare_described(self.refs, self.names, self.text, pos, pos + m.end()))
        return [ref] if ref else []

    def between_pair(self, entry: dict, pos: int, limit: int) -> list[Ref]:
        """'antara A dan B' a few words after a two-sided noun: its two sides."""
        if not entry.get("symmetric"):
            return []
        m = re.match(r"(?:\s+[\w-]+){0,6}?\s+antara(?![\w-])", self.text[pos:limit])
        group = group_after(self.refs, self.text, pos + m.end(), limit, max_gap_words=1) if m else []
        return group if len(group) > 1 else []

    def act_referent(self, sentence: Sentence, start: int, pos: int) -> list[Ref]:
        """'Langkah itu', 'Operasi militer tersebut' opening a clause: the act told just before;
        whoever did it. The latest event of the sentence before, else that sentence's subject."""
        m = re.fullmatch(rf"\s*(\w+)(?:\s+\w+)?\s+{DETERMINERS}\s*(?:juga\s+|pun\s+)?", self.text[start:pos])
        if not m or m.group(1).lower() not in cues().object_heads:
            return []
        previous = [s for s in self.seg.sentences if s.span.end <= sentence.span.begin]
        if not previous:
            return []
        prev = previous[-1].span
        told = previous[-2].span.begin if len(previous) > 1 else prev.begin  # the last two sentences
        done = [e for e in self.events if told <= e.trigger.begin < prev.end and not e.negated]
        if done:
            return [Ref(start, start, k, kind, k, "act-referent")
                    for k in done[-1].actors if (kind := type_of(self.refs, k)) is not None]
        return [r for r in self.refs if prev.begin <= r.begin < prev.end and participant(r) and not locative(self.text, r)][:1]

    def counterpart_of(self, pos: int, limit: int) -> list[Ref]:
        """'menelepon mitranya dari India', 'bertemu timpalannya dari Malaysia': the counterpart's side."""
        m = re.match(r"\s*(\w+)\s+dari\s+", self.text[pos:limit])
        if not m or m.group(1).lower() not in cues().counterpart_nouns:
            return []
        return group_after(self.refs, self.text, pos + m.end(), limit, max_gap_words=0)

    def event_anaphor(self, pos: int, limit: int) -> list[Ref]:
        """'mengecam sanksi baru itu', 'mengutuk serangan tersebut': the act told before; its
        actors are the target."""
        toks = tokens(Span.of(self.text, pos, limit))[:5]
        if toks and toks[0].low in cues().anaphor_prepositions:
            toks = toks[1:]  # "keprihatinan atas insiden tersebut"
        found = find_triggers(toks)
        said = bool(toks) and toks[0].low in cues().statement_nouns
        incident = bool(toks) and toks[0].low in cues().incident_nouns
        head_end = found[0].end if found and found[0].begin == 0 else 1 if said or incident else None
        if head_end is None:
            return []
        # the determiner closes the noun, at most one word after it ("sanksi baru itu")
        near = [t.low for t in toks[head_end:head_end + 2]]
        if not any(re.fullmatch(DETERMINERS + "|semacam", w) for w in near) or "bahwa" in near:
            return []
        earlier = [e for e in self.events if e.trigger.end <= pos and not e.negated
                   and (e.cameo[:2] in VERBAL_ROOTS if said else e.cameo[:2] in FORCE_ROOTS if incident
                        else e.rule == found[0].entry["id"])]
        if not earlier or re.search(rf"(?<![\w-]){re.escape(toks[0].low)}(?![\w-])",
                                    self.text[earlier[-1].trigger.end:toks[0].begin].lower()):
            return []  # the noun was used again since, for an act that named no actor
        return [Ref(toks[0].begin, toks[0].end, k, kind_of, k, "event-anaphor")
                for k in earlier[-1].actors if (kind_of := type_of(self.refs, k)) is not None]

    def far_country(self, entry: dict, pos: int, limit: int) -> list[Ref]:
        """'sanksi terhadap 150 perusahaan yang membantu industri pertahanan Rusia': for entries
        with a `target_reach`, the first country within that many words after the preposition."""
        reach = entry.get("target_reach")
        if not reach:
            return []
        window = self.text[pos:limit]
        preps = [i for p in entry.get("targets") or [] if (i := _word_index(window, p)) is not None]
        if not preps:
            return []
        start = pos + min(preps)
        end = start + sum(len(w) + 1 for w in window[min(preps):].split()[:reach + 1])  # the preposition too
        return [r for r in self.refs if start <= r.begin < end and r.type.value == "Country"
                and not r.in_title][:1]

    def pair_after(self, pos: int, limit: int) -> list[Ref]:
        """'menawarkan bantuan ... untuk petani di kedua negara': the two latest countries."""
        toks = tokens(Span.of(self.text, pos, limit))
        for k in range(len(toks) - 1):
            if toks[k].low in CLAUSE_WORDS:
                return []
            if pair := ordinal_group(self.refs, self.text, toks, k):
                return self.two_countries(pair) if len(pair) == 2 else pair
        return []

    def two_countries(self, pair: list[Ref]) -> list[Ref]:
        """'kedua negara' in an object: the two countries of the latest event between two
        countries ("Indonesia dan Malaysia mendesak ..."), rather than the two countries named
        last, which may be where it happened."""
        for sides in self.recent_sides():
            keys = [k for k in unique([self.country_of.get(k, k) for k in sides]) if k.startswith("country/")]
            if len(keys) == 2:
                return [Ref(pair[0].begin, pair[0].end, k, type_of(self.refs, k), k, "pair") for k in keys]
        return pair

    def head_owner(self, pos: int, limit: int) -> list[Ref]:
        """The possessor of an object noun: "tindakan kapal penjaga pantai China", "terhadap
        kapal selam nuklir AS"; "sanksi yang dijatuhkan AS": the agent of a passive relative."""
        head = re.match(r"\s*(\w+)", self.text[pos:limit])
        if not head or head.group(1).lower() not in cues().object_heads:
            return []
        relative = re.match(r"\s+yang\s+di\w+(?:\s+oleh)?", self.text[pos + head.end():limit])
        after_head = pos + head.end() + (relative.end() if relative else 0)
        return group_after(self.refs, self.text, after_head, limit, max_gap_words=3)

    def by_agent(self, toks: list[Token], after: int, limit: int) -> list[Ref]:
        for tok in toks[after:after + 6]:
            if tok.low == "oleh":
                return group_after(self.refs, self.text, tok.end, limit)
        # without "oleh" the agent follows the verb at once ("ditahan junta, X": no agent named)
        return group_after(self.refs, self.text, toks[after - 1].end, limit, max_gap_words=0)

    def pronoun_subject(self, toks: list[Token], trig_index: int, start: int) -> list[Ref]:
        """'dia menelepon', 'Keduanya disebut setuju', 'mereka menyerang': earlier actors;
        'kedua pihak': the two sides of the latest two-sided event."""
        sides = self.both_sides(toks, trig_index, start)
        return sides or resolve_pronoun(self.refs, self.seg, toks, trig_index, start)

    def both_sides(self, toks: list[Token], trig_index: int, start: int) -> list[Ref]:
        words = [t.low for t in toks[max(0, trig_index - 5):trig_index] if t.begin >= start]
        at = next((k for k in range(len(words) - 1) if words[k] == "kedua" and words[k + 1] in cues().side_nouns), None)
        if at is None:
            return []
        for keys in self.recent_sides():
            kinds = [type_of(self.refs, k) for k in keys]
            if len(keys) == 2 and all(t is not None and t.value != "Person" for t in kinds):
                pos = toks[trig_index].begin
                return [Ref(pos, pos, k, t, k, "pair") for k, t in zip(keys, kinds, strict=True) if t is not None]
        return []

    def parties_in_context(self, actors: tuple[str, ...]) -> tuple[str, ...]:
        """'perundingan yang dimediasi oleh X': the sides of the latest two-sided event."""
        return next((keys for keys in self.recent_sides() if len(keys) >= 2 and not set(keys) & set(actors)), ())

    def recent_sides(self) -> Iterator[tuple[str, ...]]:
        """Each event's actors and targets together, the latest event first."""
        for event in reversed(self.events):
            yield unique([*event.actors, *event.targets])

    def negation(self, toks: list[Token], trig_index: int, clause_begin: int) -> str | None:
        """Why the event did not happen, if it did not: a negator leading to the verb ("tidak
        akan ikut"; not "tak berawak ... menyerang"), a denial earlier in the sentence
        ("membantah menyerang"), a cancellation earlier in the clause ("membatalkan rencana
        pertemuan"), a plan or invitation just before it ("dijadwalkan bertemu")."""
        c = cues()
        k = trig_index - 1
        while k >= 0 and (toks[k].low in c.negation_gap or toks[k].low in c.light_verbs) and trig_index - k <= 3:
            k -= 1
        if k >= 0 and toks[k].low in c.negators:
            return "negated"
        own, earlier = toks[trig_index].low, toks[:trig_index]
        if own not in c.denials and any(t.low in c.denials for t in earlier):
            return "denied"
        if own not in c.cancellations and any(t.low in c.cancellations and t.begin >= clause_begin for t in earlier):
            return "cancelled"
        if any(t.low in c.plans and t.begin >= clause_begin for t in earlier[-c.plan_reach - 1:]):
            return "planned"
        return None

    def claimant(self, sentence: Sentence, start: int, actors: tuple[str, ...]) -> str | None:
        """The speaker of 'X mengatakan bahwa ...' around an embedded event."""
        if start <= sentence.span.begin:
            return None
        head = self.text[sentence.span.begin:start].lower()
        if not any(w in head for w in cues().speech):
            return None
        group = group_before(self.refs, self.text, sentence.span.begin, start)
        keys = [r.acts_as if r.type.value == "Place" else r.key for r in group]
        return keys[0] if keys and keys[0] not in actors else None

    def date_for(self, sentence: Sentence, trigger: Span, dates: list[DateMention]) -> EventDate | None:
        chosen = self.own_date(trigger, dates)
        if chosen is not None:
            return EventDate(chosen.value, chosen.rule, Span.of(self.text, chosen.begin, chosen.end))
        inherited = self.paragraph_date.get(sentence.paragraph) or self.later_in_paragraph(sentence)
        if inherited is not None and not _has_year(sentence.span.text):
            # a sentence without a date continues the time frame its paragraph set
            # ("Pemanggilan dilakukan pada Senin" dates the act the sentence before it told)
            return EventDate(inherited.value, "context", Span.of(self.text, inherited.begin, inherited.end))
        told_next = self.date_told_next(sentence)
        if told_next is not None:
            return EventDate(told_next.value, "context", Span.of(self.text, told_next.begin, told_next.end))
        if self.published and sentence.paragraph <= LEAD_PARAGRAPHS and not _has_year(sentence.span.text):
            return EventDate(self.published, "publication")
        return None


def _after_light_verb(toks: list[Token], i: int) -> bool:
    """'melakukan serangan', 'mengesahkan paket sanksi': a light verb, maybe with a measure noun."""
    c = cues()
    k = i - 1 if i > 0 and toks[i - 1].low in c.light_gap else i
    return k > 0 and toks[k - 1].low in c.light_verbs


def _blames(toks: list[Token], trig: Trigger) -> bool:
    """A word of blame within reach after the verb, before another clause opens."""
    c = cues()
    words: list[str] = []
    for tok in toks[trig.end:trig.end + c.blame_reach]:
        if tok.low in CLAUSE_WORDS and tok.low != "bahwa":
            break
        words.append(tok.low)
    return any(tuple(words[k:k + len(b)]) == b for b in c.blame_words for k in range(len(words)))


def _reciprocal(toks: list[Token], trig: Trigger) -> bool:
    """'Rusia dan Ukraina saling membebaskan tawanan': each side acts on the other."""
    return trig.begin > 0 and toks[trig.begin - 1].low in cues().reciprocals


def _conditional_clause(text: str, clause_begin: int) -> bool:
    """The clause opens with "jika", "apabila", ...: what it tells is a condition."""
    last = re.search(r"(\w+)\s*$", text[max(0, clause_begin - 12):clause_begin])
    return bool(last) and last.group(1).lower() in threat_cues().conditionals


def _ethnic(text: str, ref: Ref) -> bool:
    """'kelompok separatis etnis Armenia': a country named as an ethnicity is no party."""
    last = re.search(r"([\w-]+)\s+$", text[max(0, ref.begin - 12):ref.begin])
    return bool(last) and last.group(1).lower() in cues().ethnic_markers


def _word_index(window: str, word: str) -> int | None:
    m = re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", window)
    return m.start() if m else None


def _has_year(text: str) -> bool:
    """The sentence names a year or month of its own (a span "sejak Agustus tahun lalu" is
    how long a state lasted, not when the sentence's act took place)."""
    text = re.sub(r"(?i)\bsejak\s+(?:\w+\s+){0,3}(?:(?:19|20)\d{2}|tahun lalu|bulan lalu)\b", "", text)
    return bool(re.search(r"\b(?:19|20)\d{2}\b|\btahun lalu\b|\bbulan lalu\b", text))


def _is_passive(word: str) -> bool:
    """'diserang', 'ditembak': di- is a prefix the stemmer strips; in 'diskusi' it is not."""
    return word.startswith("di") and stem(word) != word


def _noun_forms(entry: dict) -> frozenset[str]:
    listed = frozenset(w.lower() for w in entry.get("nouns", []))
    return listed | frozenset(f.split()[0] for f in entry.get("forms", []) if entry.get("noun_ok") and is_nominal(f.split()[0]))


@cache
def _trailing_adverbs() -> re.Pattern[str]:
    return re.compile(rf"(?:\s+(?:{alternation(cues().pre_verb_adverbs)}))+\s*$", re.IGNORECASE)


@cache
def _weapon_list_words() -> frozenset[str]:
    """Words of a list of weapons: the instruments, `weapon_words` and the words joining them."""
    instruments = {w for _, seqs in cues().instruments for seq in seqs for w in seq.split()}
    return frozenset(instruments | set(cues().weapon_words) | {"dan", "serta", "atau"})


def _before_apposition(text: str, start: int, pos: int) -> int:
    """'Amerika Serikat, sekutu Filipina, mengecam': the subject stands before the apposition,
    so the search for it ends at the apposition's opening comma."""
    head = _trailing_adverbs().sub("", text[start:pos]).rstrip()
    if not head.endswith(","):
        return pos
    opening = head[:-1].rfind(",")
    if opening <= 0 or not re.search(r"(?<![\w-])[a-z]\w+", head[opening:-1]):
        return pos  # "Rusia, Iran, Turki," is a list, not an apposition
    return start + opening


def _topic(toks: list[Token], trig: Trigger) -> bool:
    """'membahas kerja sama ekonomi': a noun after a topic verb is what was discussed."""
    return trig.begin > 0 and toks[trig.begin - 1].low in cues().topic_verbs and is_nominal_phrase(toks, trig)


def is_nominal_phrase(toks: list[Token], trig: Trigger) -> bool:
    first = toks[trig.begin].low
    return is_nominal(first) or first in _noun_forms(trig.entry) or not re.match(r"(?:me|di|ber|ter)", first)


def _quoted_term(text: str, toks: list[Token], trig: Trigger) -> bool:
    """A trigger quoted on its own (konsultasi "mendesak") is a word cited, not an act."""
    begin, end = toks[trig.begin].begin, toks[trig.end - 1].end
    before, after = text[max(0, begin - 1):begin], text[end:end + 1]
    return before in QUOTES and after in QUOTES


QUOTES = frozenset('"\u201c\u201d\u2018\u2019\'')


def _refined(cameo: str, toks: list[Token], clause_begin: int) -> str:
    """A fighting event in a clause that names its weapon takes the weapon's sub-code."""
    if cameo != "190":
        return cameo
    words = [t.low for t in toks if t.begin >= clause_begin]
    return next((code for k in range(len(words)) if (code := _weapon_at(words, k))), cameo)

