"""Shared sentence helpers: tokens, clause boundaries, participant groups and pronouns."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from kgraph.extract.entities import Ref
from kgraph.extract.lexicon_index import calendar_words, gazetteer_hits, title_words
from kgraph.lexicon import alternation, load_yaml
from kgraph.model import Entity, EntityType, Span

TOKEN = re.compile(r"[\w'’]+(?:-[\w'’]+)*")
# Words that open a new clause: a subject is not looked for across them.
CLAUSE_WORDS = frozenset(
    ["bahwa", "karena", "setelah", "sebelum", "sejak", "ketika", "saat", "sementara", "sedangkan", "namun", "tetapi", "tapi", "sehingga", "agar", "supaya", "meskipun", "walaupun", "jika", "apabila", "seraya", "sambil"]
)
JOINERS = frozenset({"dan", "serta", "atau", ",", "bersama", "dengan", "&"})
PARTICIPANTS = (EntityType.PERSON, EntityType.COUNTRY, EntityType.ORGANIZATION)


@dataclass(frozen=True, slots=True)
class Token:
    begin: int
    end: int
    text: str
    low: str


def tokens(span: Span) -> list[Token]:
    return [Token(span.begin + m.start(), span.begin + m.end(), m.group(0), m.group(0).lower())
            for m in TOKEN.finditer(span.text)]


@cache
def pronouns() -> tuple[frozenset[str], frozenset[str]]:
    lex = load_yaml("names.yaml")
    return frozenset(w.lower() for w in lex["person_pronouns"]), frozenset(w.lower() for w in lex["group_pronouns"])


def participant(ref: Ref) -> bool:
    """A ref that can act: people, countries, organisations, and capitals standing for a country."""
    return not ref.in_title and (ref.type in PARTICIPANTS or ref.acts_as != ref.key)


@cache
def _time_words() -> frozenset[str]:
    """Words after "sejak", "setelah", "sebelum" that make a time phrase, not a clause."""
    calendar = {w.lower() for w in calendar_words()}
    return frozenset(calendar | {w.lower() for w in load_yaml("event_cues.yaml")["time_nouns"]})


def clause_start(text: str, sentence: Span, pos: int) -> int:
    """Offset where the clause holding `pos` begins."""
    start = sentence.begin
    toks = tokens(Span.of(text, sentence.begin, pos))
    for i, tok in enumerate(toks):
        nxt = toks[i + 1].low if i + 1 < len(toks) else ""
        if tok.low in CLAUSE_WORDS and not (nxt[:1].isdigit() or nxt in _time_words()):
            start = tok.end  # but "sejak 1949", "setelah pekan lalu" are times, not clauses
    for m in re.finditer(r"[;:]", text[sentence.begin:pos]):
        start = max(start, sentence.begin + m.end())
    return start


def group_before(refs: list[Ref], text: str, start: int, pos: int) -> list[Ref]:
    """The participants nearest before `pos` (after `start`), with those coordinated to them."""
    cands = [r for r in refs if start <= r.begin and r.end <= pos and participant(r) and not locative(text, r)]
    if not cands:
        return []
    group = [cands[-1]]
    for r in reversed(cands[:-1]):
        gap = text[r.end:group[0].begin]
        if r.key == group[0].key and re.fullmatch(r"[\s()]*", gap):
            group[0] = r  # "Pasukan Dukungan Cepat (RSF)": one actor named twice
        elif _is_joiner(gap) or (re.match(r"\s*(?:,|dan\s|serta\s)", gap) and _is_title_gap(gap)):
            group.insert(0, r)  # "A dan Menteri Pertahanan Australia B": the title sits in the gap
        else:
            break
    return group


def _distance(refs: list[Ref], text: str, begin: int, end: int) -> int:
    """Words between `begin` and `end` that count as distance: lower-case words, and in a
    title-case headline capitalised verbs ("Perang Mendekati Wilayah Armenia"); title words
    and names inside a title ("Sekjen PBB") do not."""
    masked = list(text[begin:end])
    for r in refs:
        if begin <= r.begin and r.end <= end:
            masked[r.begin - begin:r.end - begin] = " " * (r.end - r.begin)
    words = TOKEN.findall("".join(masked))
    if any(_verbal(w) and not is_title_word(w) for w in words):
        return len(words) + 99  # a verb between: the name belongs to another clause
    return sum(1 for w in words if not w[:1].isupper())


def _verbal(word: str) -> bool:
    """A capitalised word shaped like a verb ("Mendekati", "Diserang") in a title-case headline."""
    low = word.lower()
    return len(low) > 5 and low.startswith(("mem", "men", "meng", "meny", "di", "ber", "ter")) and not low.endswith("nya")


def locative(text: str, ref: Ref) -> bool:
    """'Di Yerevan, ribuan orang ...', 'ke Kazakhstan', 'di Brussels, Belgia': a place named as a
    location acts for no one."""
    before = text[max(0, ref.begin - 40):ref.begin]
    if re.search(r"(?<![\w-])(?:[Dd]i|[Kk]e|[Dd]ari)\s+$", before):
        return True
    # "di Brussels, Belgia": the country of a place just named as a location (not "di Yaman, Iran")
    m = re.search(r"(?<![\w-])(?:[Dd]i|[Kk]e|[Dd]ari)\s+((?:[A-Z][\w'-]*\s+){0,2}[A-Z][\w'-]*),\s+$", before)
    if not m or ref.type not in (EntityType.PLACE, EntityType.COUNTRY):
        return False
    return any(h.begin == 0 and h.end == len(m.group(1)) and ref.acts_as in (h.entry.stands_for, h.entry.part_of)
               for h in gazetteer_hits(m.group(1)))


def group_after(refs: list[Ref], text: str, pos: int, limit: int, max_gap_words: int = 1) -> list[Ref]:
    """The participants starting soon after `pos`, with those coordinated to them."""
    cands = [r for r in refs if pos <= r.begin < limit and participant(r)]
    if not cands:
        return []
    first = cands[0]
    if re.search(r"(?<![\w-])(?:di|ke|dari|pada)(?![\w-])", text[pos:first.begin]):
        return []  # "di Jenewa, Swiss": a location, not a participant
    if any(w.lower() in CLAUSE_WORDS for w in TOKEN.findall(text[pos:first.begin])):
        return []  # "memperingatkan bahwa Rusia ...": the next clause's subject is no object
    if _distance(refs, text, pos, first.begin) > max_gap_words:
        return []
    group = [first]
    for r in cands[1:]:
        gap = text[group[-1].end:r.begin]
        if _is_joiner(gap) or _is_title_gap(gap):
            group.append(r)
        else:
            break
    return group


@cache
def _gap_words() -> frozenset[str]:
    return frozenset(load_yaml("event_cues.yaml")["group_gap_words"])


def _is_joiner(gap: str) -> bool:
    """', ', ' dan ', ' dan kelompok paramiliter ', ' (SAF) dan ': what may join two actors."""
    words = [w.lower() for w in re.findall(r"[\w&]+|,", re.sub(r"\([^()]{1,12}\)", " ", gap)) if not w[:1].isupper()]
    return len(words) <= 4 and all(w in JOINERS or w in _gap_words() for w in words) and bool(words)


def _is_title_gap(gap: str) -> bool:
    """', Presiden Rusia' between names in a list: the title words sit in the gap."""
    # "A dan Wakil Perdana Menteri sekaligus Menteri Pertahanan Australia B": two posts, one person
    return len(gap) < 80 and bool(re.fullmatch(r"\s*(?:,|dan|serta)?\s*(?:(?:[A-Z(][\w()]*|sekaligus|merangkap)\s*)*", gap))


def is_title_word(word: str) -> bool:
    return word in title_words() or word.capitalize() in title_words()


@cache
def _description() -> re.Pattern[str]:
    lex = load_yaml("quotes.yaml")
    before = "|".join(map(re.escape, lex["determiners_before"]))
    after = "|".join(map(re.escape, lex["determiners_after"]))
    return re.compile(rf"(?<![\w-])(?:(?:{before})\s+(?P<a>[a-z]+(?:\s+[a-z]+)?)"
                      rf"|(?P<b>[a-z]+(?:\s+[a-z]+)?)\s+(?:{after}))(?![\w-])", re.I)


def described(refs: list[Ref], names: dict[str, str], text: str, begin: int, end: int,
              before: int) -> Ref | None:
    """'kementerian tersebut', 'sang menteri', 'organisasi itu' between `begin` and `end`: the
    latest actor before `before` whose name or titles (`names`: key -> lower-case text) hold
    the noun."""
    m = _description().search(text, begin, end)
    if not m:
        return None
    words = (m.group("a") or m.group("b")).lower().split()
    lex = load_yaml("quotes.yaml")
    if words[-1] in lex["not_descriptions"]:
        return None
    kind = lex["class_nouns"].get(words[-1])
    if kind:
        of_kind = [r for r in refs if r.end <= before and participant(r) and r.type.value == kind]
        return of_kind[-1] if of_kind else None
    for noun in (" ".join(words), words[-1]):
        for ref in reversed([r for r in refs if r.end <= before and participant(r)]):
            if re.search(rf"(?<![\w-]){re.escape(noun)}(?![\w-])", names.get(ref.key, "")):
                return ref
    return None


def bare_described(refs: list[Ref], names: dict[str, str], text: str, begin: int, end: int) -> Ref | None:
    """'RSF menuding militer menyerang ...': a bare noun such as "militer", with no name after
    it, is the latest actor before it that was named with that noun ("militer Sudan")."""
    lex = load_yaml("quotes.yaml")
    words = alternation(lex["bare_descriptions"])
    m = re.search(rf"(?<![\w-])({words})(?![\w-])(?!\s+(?:[A-Z]|{alternation(lex['determiners_after'])}(?![\w-])))",
                  text[begin:end])
    if not m:
        return None
    noun = m.group(1)
    for ref in reversed([r for r in refs if r.end <= begin + m.start() and participant(r)]):
        if re.search(rf"(?<![\w-]){noun}(?![\w-])", names.get(ref.key, "")):
            return ref
    return None


def descriptors(refs: list[Ref], text: str) -> dict[str, list[str]]:
    """The lower-case nouns each actor was named with ("kelompok paramiliter RSF")."""
    nouns = set(load_yaml("quotes.yaml")["descriptor_nouns"])
    out: dict[str, list[str]] = {}
    for ref in refs:
        before = re.findall(r"[a-z]+", text[max(0, ref.begin - 30):ref.begin].split(".")[-1])[-2:]
        found = [w for w in before if w in nouns]
        if found and re.search(r"[a-z]\s+$", text[max(0, ref.begin - 2):ref.begin]):
            out.setdefault(ref.key, []).extend(found)
    return out


def unique(keys: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(keys))


def resolve_pronoun(refs: list[Ref], seg, toks: list[Token], index: int, start: int) -> list[Ref]:
    """A pronoun just before `index`: 'dia' is the latest person who opened a sentence,
    'keduanya' the two latest people, 'mereka' the latest group that opened a sentence."""
    person, group = pronouns()
    for k in range(index - 1, max(-1, index - 5), -1):
        tok = toks[k]
        if tok.begin < start:
            break
        if k + 1 < index and (pair := ordinal_group(refs, seg.body.text, toks, k)):
            return pair
        if k >= index - 3 and (tok.low in person or tok.low in group):
            keys = _salient(refs, seg, tok.begin, tok.low, person)
            return [Ref(tok.begin, tok.end, k, type_of(refs, k), k, "pronoun") for k in keys]
    return []


def ordinal_group(refs: list[Ref], text: str, toks: list[Token], k: int) -> list[Ref]:
    """'kedua negara', 'ketiga menteri' at toks[k]: the latest actors of that kind before it."""
    if k + 1 >= len(toks) or toks[k].low not in _ordinals():
        return []
    tok = toks[k]
    pair = _latest_pair(refs, text, tok.begin, toks[k + 1].low, _ordinals()[tok.low])
    return [Ref(tok.begin, toks[k + 1].end, key, type_of(refs, key), key, "pair") for key in pair]


@cache
def _pair_nouns() -> dict[str, EntityType]:
    lex = load_yaml("event_cues.yaml")["pair_nouns"]
    kinds = {"person": EntityType.PERSON, "country": EntityType.COUNTRY}
    return {noun.split()[0]: kinds[kind] for kind, nouns in lex.items() for noun in nouns}


@cache
def _ordinals() -> dict[str, int]:
    return {k: int(v) for k, v in load_yaml("event_cues.yaml")["ordinals"].items()}


def _latest_pair(refs: list[Ref], text: str, pos: int, noun: str, how_many: int = 2) -> list[str]:
    """'kedua menteri': the two latest distinct people before `pos`; 'ketiga negara': the
    three latest countries."""
    kind = _pair_nouns().get(noun)
    if kind is None:
        return []
    keys: list[str] = []
    for r in reversed([r for r in refs if r.end <= pos and participant(r)]):
        if locative(text, r):
            continue  # "di Brussels, Belgia": where it happened, not one of "kedua negara"
        key = r.acts_as if kind is EntityType.COUNTRY else r.key
        if (r.type is kind or (kind is EntityType.COUNTRY and key.startswith("country/"))) and key not in keys:
            keys.append(key)
        if len(keys) == how_many:
            return list(reversed(keys))
    return []


def _salient(refs: list[Ref], seg, pos: int, word: str, person: frozenset[str]) -> list[str]:
    if word == "keduanya":
        people = [r for r in refs if r.end <= pos and participant(r) and r.type is EntityType.PERSON]
        keys: list[str] = []
        for r in reversed(people):
            if r.key not in keys:
                keys.append(r.key)
            if len(keys) == 2:
                break
        return list(reversed(keys))
    for sentence in reversed([s for s in seg.sentences if s.span.begin < pos]):
        opening = [r for r in refs if sentence.span.begin <= r.begin < min(pos, sentence.span.end) and participant(r)]
        if word in person:
            opening = [r for r in opening if r.type is EntityType.PERSON]
        if opening:
            return [opening[0].acts_as]
    return []


def type_of(refs: list[Ref], key: str) -> EntityType | None:
    return next((r.type for r in refs if r.acts_as == key or r.key == key), None)


def acting(ref: Ref) -> str:
    """The actor a ref stands for: a capital's country, else the ref's own entity."""
    return ref.acts_as if ref.type is EntityType.PLACE else ref.key


def actor_names(entities: tuple[Entity, ...] | list[Entity]) -> dict[str, str]:
    """Entity key -> its name, other names and titles, lower case: what a definite
    description ("organisasi itu", "sang menteri") is matched against."""
    return {e.key: " ".join([e.label, *e.alt_labels, *(p.label for p in e.posts)]).lower() for e in entities}
