"""Counts of people harmed, standing relations (membership) and lists of places.

Counts: a number ("49", "1.200", "1,2 juta", "tujuh", "tiga puluh"), the people it counts
("tentara Armenia", "warga sipil Palestina") and what happened to them ("tewas", "menewaskan",
"jumlah korban tewas ... menjadi", "termasuk"). Relations: a country's membership of an
alliance or intergovernmental body, from patterns over the sentence with its names replaced by
slots. The words are data in lexicon/casualties.yaml, numbers.yaml and relations.yaml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from kgraph.extract.clauses import group_before, participant
from kgraph.extract.entities import EntityFinder, Ref
from kgraph.lexicon import load_yaml
from kgraph.model import Count, EntityType, Quantity, Relation, Segmented, Span
from kgraph.rdfmap import slug

DIGITS = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
# How far (in words) the casualty word may sit from the number it qualifies:
# "300 orang di kedua sisi perbatasan dilaporkan tewas" is seven words apart.
CASUALTY_WINDOW = 8
# How far (in words) a tally word may stand before its number: "jumlah korban tewas akibat
# longsor di lereng gunung dekat desa itu pada Selasa malam bertambah menjadi 30" is 16; a
# quarter more leaves room for a longer place name or date.
TALLY_WINDOW = 20
# The longest aside between commas a membership pattern steps over ("Lituania, tuan rumah KTT,").
APPOSITION_CHARS = 50


def _words(items: list[str]) -> str:
    """A regex alternation of lexicon words, longest first, spaces matching any whitespace."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(items, key=len, reverse=True))


def _w(alternation: str) -> str:
    """`alternation` as whole words."""
    return rf"(?<![\w-])(?:{alternation})(?![\w-])"


# --- numbers ---------------------------------------------------------------------


@cache
def _casualties() -> dict:
    return load_yaml("casualties.yaml")


@cache
def _numbers_lex() -> dict:
    return load_yaml("numbers.yaml")


@cache
def _spelled_words() -> tuple[str, str]:
    """(words that may open a spelled number, words that may continue one)."""
    lex = _numbers_lex()
    fused = [lex["one_prefix"] + w for w in [lex["teen"], *lex["multipliers"], *lex["scales"]]]
    first = [*lex["units"], *fused]
    rest = [*first, lex["teen"], *lex["multipliers"], *lex["scales"]]
    return _words(first), _words(rest)


@cache
def _number_pattern() -> re.Pattern[str]:
    first, rest = _spelled_words()
    qual = _words(_casualties()["qualifiers"])
    scale = _words(list(_numbers_lex()["scales"]))
    single = _words(list(_numbers_lex()["words"]))
    spelled = rf"{_w(first)}(?:\s+{_w(rest)})*|{_w(single)}"
    return re.compile(
        rf"(?<![\w.,/-])(?:(?P<qual>{qual})\s+)?"
        rf"(?:(?P<num>{DIGITS})(?:\s+(?P<scale>{scale}))?|(?P<words>{spelled}))(?![\w-]|[.,/]\d)",
        re.IGNORECASE,
    )


def parse_number(digits: str, scale: str | None = None) -> int | None:
    """Indonesian digits: '30.000' → 30000, '2,5' juta → 2500000; None when not whole."""
    value = float(digits.replace(".", "").replace(",", ".")) if "," in digits else int(digits.replace(".", ""))
    value = value * _numbers_lex()["scales"].get((scale or "").lower(), 1)
    return int(value) if float(value).is_integer() else None


def spelled_value(words: list[str]) -> int | None:
    """'tiga puluh lima' → 35, 'seribu dua ratus' → 1200, 'seorang' → 1; None when ill-formed."""
    lex = _numbers_lex()
    words = [w.lower() for w in words]
    if len(words) == 1 and words[0] in lex["words"]:
        return int(lex["words"][words[0]])
    total = group = 0
    unit: int | None = None
    for word in _unfuse(words):
        if word in lex["units"]:
            if unit is not None:
                return None  # "dua tiga": two units in a row
            unit = lex["units"][word]
        elif word == lex["teen"] or word in lex["multipliers"]:
            if unit is None:
                return None
            group += unit + 10 if word == lex["teen"] else unit * lex["multipliers"][word]
            unit = None
        elif word in lex["scales"]:
            group += unit or 0
            if not group:
                return None
            total, group, unit = total + group * lex["scales"][word], 0, None
        else:
            return None
    return total + group + (unit or 0) or None


def _unfuse(words: list[str]) -> list[str]:
    """'sebelas' → ['satu', 'belas']: the 'se-' prefix is 'satu'."""
    lex = _numbers_lex()
    fusable = {lex["teen"], *lex["multipliers"], *lex["scales"]}
    one = next(w for w, v in lex["units"].items() if v == 1)
    out: list[str] = []
    for w in words:
        rest = w[len(lex["one_prefix"]):]
        out += [one, rest] if w.startswith(lex["one_prefix"]) and rest in fusable else [w]
    return out


@dataclass(frozen=True, slots=True)
class _Number:
    begin: int  # absolute, the qualifier included
    end: int
    value: int
    qualifier: str  # lower case, "" when none
    year_like: bool  # 1900..2099 written without a dot: a count only when people follow


def _numbers(text: str, sentence: Span) -> list[_Number]:
    """The numbers in a sentence that may count people: not dates, ages, ordinals or fractions."""
    out = []
    for m in _number_pattern().finditer(sentence.text):
        begin, end = sentence.begin + m.start(), sentence.begin + m.end()
        if text[begin - 1:begin] == "(" and text[end:end + 1] == ")":
            continue  # "MN (29)": an age
        value = parse_number(m["num"], m["scale"]) if m["num"] else spelled_value(m["words"].split())
        year_like = bool(m["num"] and re.fullmatch(r"(?:19|20)\d{2}", m["num"]))
        if value is None or _is_date_part(text, sentence, begin, end, year_like):
            continue
        out.append(_Number(begin, end, value, (m["qual"] or "").lower(), year_like))
    return out


def _is_date_part(text: str, sentence: Span, begin: int, end: int, year_like: bool) -> bool:
    """'7 Oktober', 'sejak 2021', 'Maret 2022': a day or a year, not a count."""
    date = _date_words()
    return bool(date["month_after"].match(text, end, sentence.end)
                or (year_like and date["year_before"].search(text, sentence.begin, begin)))


@cache
def _date_words() -> dict[str, re.Pattern[str]]:
    months = _words([m for names in load_yaml("dates.yaml")["months"].values() for m in names])
    years = _words(_numbers_lex()["year_words"])
    return {"month_after": re.compile(rf"\s+{_w(months)}", re.IGNORECASE),
            "year_before": re.compile(rf"{_w(f'{years}|{months}')}\s*$", re.IGNORECASE)}


# --- other quantities --------------------------------------------------------------


def find_quantities(seg: Segmented, counts: list[Count]) -> list[Quantity]:
    """Every number in the body that is not a date or a casualty count, with the words after it
    that say what it counts: a figure an analyst can query and trace back."""
    text = seg.body.text
    counted = {(c.evidence.begin, c.value) for c in counts}
    out: list[Quantity] = []
    for sentence in seg.sentences:
        s = sentence.span
        for begin, end, value in [*((n.begin, n.end, n.value) for n in _numbers(text, s) if not n.year_like),
                                  *_ordinals(text, s)]:
            if (s.begin, value) in counted:
                continue
            unit_end = _unit_end(text, end, s.end)
            out.append(Quantity(value, " ".join(text[end:unit_end].split()), Span.of(text, begin, unit_end), s))
    return out


@cache
def _ordinal_regex() -> re.Pattern[str]:
    prefix = re.escape(_numbers_lex()["ordinal_prefix"])
    return re.compile(rf"(?<![\w-]){prefix}(\d{{1,4}})(?![\w-])", re.IGNORECASE)


def _ordinals(text: str, s: Span) -> list[tuple[int, int, int]]:
    """'pertukaran ke-49': (begin, end, value) of ordinals written with digits."""
    return [(s.begin + m.start(), s.begin + m.end(), int(m.group(1))) for m in _ordinal_regex().finditer(s.text)]


def _unit_end(text: str, pos: int, limit: int) -> int:
    """Where the unit after a number ends: lower-case words up to `unit_words`, not a stop word."""
    lex = _numbers_lex()
    end = pos
    for _ in range(int(lex["unit_words"])):
        m = re.match(r"\s+([a-z][\w-]*)", text[end:limit])
        if not m or m.group(1) in lex["unit_stops"]:
            break
        end += m.end()
    return end


# --- counts ----------------------------------------------------------------------


@cache
def _people_pattern() -> re.Pattern[str]:
    """The people a number counts: 'tentara', 'warga sipil', '150 perempuan dan anak-anak'."""
    lex = _casualties()
    noun = _words([*lex["people"], *lex["status_nouns"]])
    word = rf"(?:{noun}|{_words(lex['people_modifiers'])})"
    return re.compile(rf"\s+(?:{noun})(?:nya)?(?![\w-])(?:\s+(?:(?:dan|serta)\s+)?{word}(?:nya)?(?![\w-]))*",
                      re.IGNORECASE)


@cache
def _cue_patterns() -> dict[str, tuple[tuple[str, re.Pattern[str]], ...]]:
    """Kind cues after the people ('after'), verbs before the number ('before'), tally words..."""
    lex = _casualties()
    after = tuple((k, re.compile(_w(_words(ws)), re.IGNORECASE)) for k, ws in lex["kinds"].items())
    before = tuple((k, re.compile(rf"{_w(_words(ws))}\s*$", re.IGNORECASE)) for k, ws in lex["before_number"].items())
    return {"after": after, "before": before}


@cache
def _phrase(key: str, tail: str = "") -> re.Pattern[str]:
    return re.compile(_w(_words(_casualties()[key])) + tail, re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Found:
    kind: str
    begin: int  # where the evidence starts: the number, or a verb or tally word before it
    end: int  # where it ends: the people, or the word saying what happened to them


def find_counts(seg: Segmented, refs: list[Ref]) -> list[Count]:
    text = seg.body.text
    out: list[Count] = []
    for sentence in seg.sentences:
        s = sentence.span
        numbers = _numbers(text, s)
        s_refs = [r for r in refs if s.begin <= r.begin < s.end and participant(r)]
        previous: Count | None = None
        for i, num in enumerate(numbers):
            # The words after a number are its own up to the next number, past a part of it:
            # "12 orang, termasuk 3 anak-anak, tewas" says the 12 died too.
            later = [n for n in numbers[i + 1:] if not _is_subset(text, s, n)]
            limit = later[0].begin if later else s.end
            count = _count_at(text, s, s_refs, num, limit, previous)
            if count is not None:
                out.append(count)
                previous = count
    return out


def _count_at(text: str, s: Span, refs: list[Ref], num: _Number, limit: int,
              previous: Count | None) -> Count | None:
    people = _people_pattern().match(text, num.end, limit)
    np_end = people.end() if people else num.end
    if num.year_like and not people:
        return None
    after_np = next((r for r in refs if np_end < r.begin <= np_end + 2), None) if people else None
    status = _status(people.group(0)) if people else None
    if status == "":
        return None  # a status kg:countType has no kind for
    found = _kind_for(text, s, num, people is not None, np_end, limit, previous)
    if status and not (found and found.begin < num.begin):
        # the status holds unless a verb acts on them ("membebaskan 150 tahanan": released)
        found = _Found(status, num.begin, np_end)
    if found is None:
        return None
    owner = _owner(text, s, refs, num, people, after_np, found)
    if owner is None and previous is not None and _is_subset(text, s, num):
        owner = previous.of
    end = max(found.end, after_np.end if after_np else np_end)
    return Count(found.kind, num.value, owner, Span.of(text, found.begin, end), s)


def _status(people: str) -> str | None:
    """The kind a status noun among the people gives ('keluarga pengungsi': displaced); '' for a
    status with no kind (hostages); None when there is no status noun."""
    for noun, kind in _casualties()["status_nouns"].items():
        if re.search(rf"(?<![\w-]){re.escape(noun)}(?:nya)?(?![\w-])", people, re.IGNORECASE):
            return kind or ""
    return None


def _kind_for(text: str, s: Span, num: _Number, has_people: bool, np_end: int, limit: int,
              previous: Count | None) -> _Found | None:
    """What happened to the people counted, in order: a verb before the number, a word after the
    people, the count this one is part of, a tally before it."""
    closed = has_people or not re.match(r"\s*\w", text[np_end:limit])  # "menjadi 170." counts too
    head = text[s.begin:num.begin]
    for kind, pattern in _cue_patterns()["before"]:
        m = pattern.search(head)
        if m and closed:
            return _Found(kind, s.begin + m.start(), np_end)
    after = _kind_after(text, num, has_people, limit)
    if after is not None:
        return after
    if has_people and previous is not None and _is_subset(text, s, num):
        return _Found(previous.kind, num.begin, np_end)
    if closed:
        return _tally(text, s, num)
    return None


def _kind_after(text: str, num: _Number, has_people: bool, limit: int) -> _Found | None:
    """The first kind word within CASUALTY_WINDOW words after the number, before another clause.
    Without people nouns ('200 tewas') the kind word must come first."""
    window_end = limit
    words = list(re.finditer(r"[\w-]+", text[num.end:limit]))
    if len(words) > CASUALTY_WINDOW:
        window_end = num.end + words[CASUALTY_WINDOW].start()
    stop = _phrase("window_stops").search(text, num.end, window_end)
    window_end = stop.start() if stop else window_end
    best: tuple[int, int, str] | None = None
    for kind, pattern in _cue_patterns()["after"]:
        m = pattern.search(text, num.end, window_end)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), m.end(), kind)
    if best is None or (not has_people and text[num.end:best[0]].strip()):
        return None
    return _Found(best[2], num.begin, best[1])


def _is_subset(text: str, s: Span, num: _Number) -> bool:
    """'..., termasuk lebih dari 2.300 anak-anak': a part of the count before it."""
    return bool(_phrase("subset_words", r"\s*$").search(text, s.begin, num.begin))


def _tally(text: str, s: Span, num: _Number) -> _Found | None:
    """'Jumlah korban tewas ... bertambah menjadi setidaknya 170 orang'."""
    lex = _casualties()
    head = text[s.begin:num.begin]
    tallies = list(_phrase("tally_words").finditer(head))
    if not tallies:
        return None
    start = tallies[-1].start()
    region = head[start:]
    if len(region.split()) > TALLY_WINDOW or _numbers(text, Span.of(text, s.begin + start, num.begin)):
        return None
    linked = num.qualifier in lex["tally_links"] or _phrase("tally_links", r"\s*$").search(region)
    kinds = [(m.start(), k) for k, p in _cue_patterns()["after"] if (m := p.search(region))]
    if not linked or not kinds:
        return None
    end = _people_pattern().match(text, num.end)
    return _Found(min(kinds)[1], s.begin + start, end.end() if end else num.end)


def _owner(text: str, s: Span, refs: list[Ref], num: _Number, people: re.Match[str] | None,
           after_np: Ref | None, found: _Found) -> str | None:
    """Whose people are counted: '49 tentaranya' (the sentence's subject), 'tentara Armenia',
    'di pihak Israel, ... 1.400 orang', 'jumlah warga Palestina yang tewas ...'."""
    if people and _possessive(people.group(0)):
        subject = [r for r in refs if r.begin < num.begin]
        return subject[0].acts_as if subject else None
    if after_np is not None:
        return after_np.acts_as
    side = _phrase("side_phrases", r"\s*$")
    np_end = people.end() if people else num.end
    sides = [r for r in refs if side.search(text, s.begin, r.begin) and (r.begin < num.begin or r.begin <= np_end + 12)]
    if sides:
        return min(sides, key=lambda r: abs(r.begin - num.begin)).acts_as
    # a tally or a verb before the number: 'jumlah warga Armenia yang meninggalkan ...'
    named = [r for r in refs if found.begin <= r.begin < num.begin
             and _people_before().search(text, found.begin, r.begin)]
    return named[0].acts_as if named else None


def _possessive(people: str) -> bool:
    """'tentaranya', 'personelnya': the people of someone named before ('lainnya' is not)."""
    nouns = {w.lower() for w in _casualties()["people"]}
    return any(w.endswith("nya") and w[:-3] in nouns for w in re.findall(r"[\w-]+", people.lower()))


@cache
def _people_before() -> re.Pattern[str]:
    return re.compile(rf"(?:{_people_pattern().pattern})\s*$", re.IGNORECASE)


# --- relations -------------------------------------------------------------------


@cache
def _relations_lex() -> dict:
    return load_yaml("relations.yaml")


SLOT = r"⟨M\d+⟩"
JOIN = r"(?:\s*,\s*(?:(?:dan|serta)\s+)?|\s+(?:dan|serta)\s+)"
ORGS = rf"⟨O\d+⟩(?:{JOIN}⟨O\d+⟩)*"
# A single member that ends a list ("Armenia dan Azerbaijan, anggota CSTO dan NATO"): the
# apposition may speak of the whole list, or of each in turn; nothing is asserted.
LIST_END = re.compile(rf"{SLOT}{JOIN}$")


@cache
def _list_regex() -> str:
    """Coordinated members, parts joined by 'ditambah', 'serta' ... (`list_joiners`)."""
    joiners = _words(_relations_lex()["list_joiners"])
    join = rf"(?:{JOIN}|\s*,?\s+(?:{joiners})\s+)"
    return rf"{SLOT}(?:{join}{SLOT})*"


@cache
def _member_patterns() -> tuple[tuple[re.Pattern[str], bool], ...]:
    """Compiled `member_patterns` (False) and `subject_patterns` (True: a preposition before the
    member means it is not the subject)."""
    lex = _relations_lex()
    members = _list_regex()
    slots = {
        "{A}": rf"(?P<a>{SLOT})", "{LIST}": rf"(?P<list>{members})", "{CO}": rf"(?P<co>{members})",
        "{ORG}": rf"(?P<org>{ORGS})", "{HOLDER}": r"(?P<holder>⟨P\d+⟩)",
        "{ADV}": rf"(?:{lex['time_phrase']}\s+)?(?:(?:{_words(lex['adverbs'])})\s+){{0,3}}",
        "{HOWMANY}": rf"(?:{_words(lex['how_many'])})", "{KIND}": rf"(?:(?:{_words(lex['body_kinds'])})\s+){{0,2}}",
        "{MEMBER}": rf"(?:{_words(lex['member_nouns'])})", "{NUMBER}": lex["number"],
        "{APPOS}": rf"(?:,(?:(?!⟨M)[^,.;]){{1,{APPOSITION_CHARS}}}?,)?",
    }
    out = []
    for key, subject in (("member_patterns", False), ("subject_patterns", True)):
        for p in lex.get(key) or ():
            for slot, regex in slots.items():
                p = p.replace(slot, regex)
            out.append((re.compile(rf"(?<![\w-]){p}", re.IGNORECASE), subject))
    return tuple(out)


def find_relations(seg: Segmented, refs: list[Ref], kinds: dict[str, str],
                   posts: dict[str, str] | None = None) -> list[Relation]:
    """memberOf from 'A, negara anggota ORG', 'ORG beranggotakan A, B, dan C' and treaty
    sentences; ORG must be an alliance or an intergovernmental body. `posts` maps a person to
    the country of their post ("Erdogan, yang negaranya merupakan anggota NATO")."""
    text = seg.body.text
    bodies = set(_relations_lex()["member_bodies"])
    is_body = [r.type is EntityType.ORGANIZATION and kinds.get(r.key, "unknown") in bodies for r in refs]
    all_refs = sorted([*refs, *_anaphors(text, refs, is_body)], key=lambda r: (r.begin, -r.end))
    body_ids = {id(r) for r, b in zip(refs, is_body, strict=True) if b}
    body_ids |= {id(r) for r in all_refs if r.rule == "body-anaphor"}
    out: list[Relation] = []
    for sentence in seg.sentences:
        s = sentence.span
        s_refs = [r for r in all_refs if s.begin <= r.begin and r.end <= s.end]
        orgs = [r for r in s_refs if id(r) in body_ids]
        if not orgs:
            continue
        out.extend(_stated_members(text, s, s_refs, {id(r) for r in orgs}, posts or {}))
        for org in orgs:
            if org.rule != "body-anaphor":
                out.extend(_treaty_members(seg, refs, s, org))
    return _dedupe(out)


@cache
def _anaphor_regex() -> tuple[re.Pattern[str], re.Pattern[str]]:
    lex = _relations_lex()
    body = rf"(?<![\w-])(?:{_words(lex['body_anaphors'])})\s+(?:{_words(lex['anaphor_determiners'])})(?![\w-])"
    pair = rf"(?<![\w-])(?:{_words(lex['pair_anaphors'])})(?![\w-])"
    return re.compile(body, re.IGNORECASE), re.compile(pair, re.IGNORECASE)


def _anaphors(text: str, refs: list[Ref], is_body: list[bool]) -> list[Ref]:
    """Refs for 'blok itu' (the latest body named before it) and 'kedua negara' (the two
    countries named last before it: two refs over one span, read as a list)."""
    body_re, pair_re = _anaphor_regex()
    taken = [(r.begin, r.end) for r in refs]
    out: list[Ref] = []
    for m in body_re.finditer(text):
        if any(b < m.end() and m.start() < e for b, e in taken):
            continue
        before = [r for r, b in zip(refs, is_body, strict=True) if b and r.end <= m.start()]
        if before:
            out.append(replace(before[-1], begin=m.start(), end=m.end(), rule="body-anaphor"))
    for m in pair_re.finditer(text):
        seen: dict[str, Ref] = {}
        for r in reversed([r for r in refs if r.end <= m.start() and _is_member(r)]):
            seen.setdefault(r.acts_as, r)
            if len(seen) == 2:
                break
        if len(seen) == 2:
            out += [replace(r, begin=m.start(), end=m.end(), rule="pair-anaphor") for r in reversed(seen.values())]
    return out


def _is_member(r: Ref) -> bool:
    return not r.in_title and (r.type is EntityType.COUNTRY or (r.type is EntityType.PLACE and r.acts_as != r.key))


def _mask(text: str, s: Span, refs: list[Ref], orgs: set[int]) -> tuple[str, dict[str, Ref]]:
    """The sentence with each name replaced by a slot: ⟨M1⟩ a member, ⟨O2⟩ a body, ⟨P3⟩ a
    person, ⟨X4⟩ other; 'kedua negara' becomes two member slots joined by 'dan'."""
    parts, slots, pos, last = [], {}, s.begin, None
    for r in sorted(refs, key=lambda r: (r.begin, -r.end)):
        if r.rule == "pair-anaphor" and last is not None and last.rule == r.rule and last.begin == r.begin:
            name = f"⟨M{len(slots)}⟩"
            slots[name] = r
            parts += [" dan ", name]
            continue
        if r.begin < pos:
            continue
        tag = "O" if id(r) in orgs else "M" if _is_member(r) else "P" if r.type is EntityType.PERSON else "X"
        name = f"⟨{tag}{len(slots)}⟩"
        slots[name] = r
        parts += [text[pos:r.begin], name]
        pos, last = r.end, r
    masked = " ".join("".join([*parts, text[pos:s.end]]).split())

    def one_name(m: re.Match[str]) -> str:  # "Organisasi Kerja Sama Islam (OKI)"
        return m[1] if slots[m[1]].key == slots[m[3]].key else m[0]

    return re.sub(r"(⟨([MOX])\d+⟩) ?\((⟨\2\d+⟩)\)", one_name, masked), slots


def _stated_members(text: str, s: Span, refs: list[Ref], orgs: set[int], posts: dict[str, str]) -> list[Relation]:
    masked, slots = _mask(text, s, refs, orgs)
    lex = _relations_lex()
    wish = re.compile(rf"{_w(_words(lex['blockers_before']))}\s*$", re.IGNORECASE)
    place = re.compile(rf"{_w(_words(lex['not_subject_before']))}\s*$", re.IGNORECASE)
    out = []
    for pattern, subject in _member_patterns():
        for m in pattern.finditer(masked):
            groups = {g: v for g, v in m.groupdict().items() if v}
            first = min(m.start(g) for g in groups if g != "org")
            if (wish.search(masked[:first]) or (subject and place.search(masked[:first]))
                    or ("a" in groups and LIST_END.search(masked[:m.start("a")]))):
                continue
            members = [slots[n].acts_as for g in ("a", "list", "co") for n in re.findall(SLOT, groups.get(g, ""))]
            if "holder" in groups and posts.get(slots[groups["holder"]].key):
                members.append(posts[slots[groups["holder"]].key])
            orgs = [slots[n] for n in re.findall(r"⟨O\d+⟩", m["org"])]
            if len(members) > 1 and len(orgs) > 1 and "sama-sama" not in m[0].lower():
                continue  # "A dan B adalah anggota X dan Y": each of both, or one each?
            out += [Relation(r, "memberOf", o.key, s) for r in members for o in orgs]
    return out


def _treaty_members(seg: Segmented, refs: list[Ref], sentence: Span, org: Ref) -> list[Relation]:
    lex = _relations_lex()
    text = seg.body.text
    head = text[sentence.begin:org.begin].lower()
    treaty = next((w for w in lex["treaty_words"] if w in head), None)
    if treaty is None or not re.search(rf"(?:{'|'.join(lex['treaty_links'])})\s*$", head.rstrip(" ,(")):
        return []
    t_pos = sentence.begin + head.rfind(treaty)
    subject = group_before(refs, text, sentence.begin, t_pos)
    partner = [r for r in refs if t_pos <= r.begin < org.begin and participant(r)]
    parties = [r for r in subject[:1] + partner if r.type in (EntityType.COUNTRY, EntityType.PLACE)]
    return [Relation(r.acts_as, "memberOf", org.key, sentence) for r in parties]


def _dedupe(rels: list[Relation]) -> list[Relation]:
    seen: dict[tuple[str, str, str], Relation] = {}
    for r in rels:
        if r.subject != r.object:
            seen.setdefault((r.subject, r.predicate, r.object), r)
    return list(seen.values())


# --- places ----------------------------------------------------------------------


def find_place_lists(f: EntityFinder, seg: Segmented) -> None:
    """'kota Goris, Sotk, dan Jermuk', 'distrik Dashkesan': capitalised names after a place noun."""
    nouns = "|".join(re.escape(n) for n in sorted(load_yaml("names.yaml")["place_nouns"], key=len, reverse=True))
    name = r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?"
    pattern = re.compile(rf"(?<![\w-])(?:{nouns})\s+(?P<list>{name}(?:\s*,\s*{name})*(?:,?\s+(?:dan|serta)\s+{name})?)")
    for sentence in seg.sentences:
        s = sentence.span
        for m in pattern.finditer(s.text):
            for item in re.finditer(name, m.group("list")):
                b = s.begin + m.start("list") + item.start()
                e = b + len(item.group(0))
                if f.taken(b, e) or item.group(0) in {"dan", "serta"}:
                    continue
                f.add(Span.of(f.text, b, e), f"place/{slug(item.group(0))}", EntityType.PLACE, item.group(0), "place-noun")
