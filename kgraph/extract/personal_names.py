"""Names of people: the name grammar, one key per person, and the rules that find a
person without a title in front — speech verbs ("kata Bagus Prasetyo"), a person noun
and a comma ("pengacaranya, Hendra Kusuma,"), a nickname in brackets, and a name whose
last word comes back alone later in the article.

A person's key is their fullest name ("person/vladimir-putin") or the name names.yaml
knows them by, so one real person is one node across articles.
"""

from __future__ import annotations

import re
from functools import cache

from kgraph.extract.finder import EntityFinder
from kgraph.extract.lexicon_index import calendar_words, names_lexicon, stem, title_regex, titles
from kgraph.lexicon import alternation
from kgraph.model import EntityType, Span
from kgraph.rdfmap import slug

_UPPER = "A-ZÀ-ÖØ-ÞĀ-ŽƏА-Я"
_ACRONYM = re.compile(r"[A-Z]{2,5}")
_ORG_LIKE = (EntityType.ORGANIZATION, EntityType.COUNTRY)


def skip_spaces(text: str, pos: int) -> int:
    """The first position at or after `pos` that is not a space."""
    while pos < len(text) and text[pos] == " ":
        pos += 1
    return pos


@cache
def name_regex() -> re.Pattern[str]:
    """Up to six capitalised words, with particles between ("Abdel Fattah al-Sisi",
    "Ursula von der Leyen", "Tamim bin Hamad Al Thani")."""
    lex = names_lexicon()
    particles, joined = alternation(lex["inner_particles"]), alternation(lex["hyphen_particles"])
    word = rf"(?:[{_UPPER}][\w'’\-]*|(?:[{_UPPER}]\.){{1,3}})"
    more = rf"(?:\s+(?:(?:{particles})\s+){{0,2}}{word}|\s+(?:{joined})-[{_UPPER}][\w'’\-]*)"
    return re.compile(rf"{word}{more}{{0,5}}")


@cache
def _goes_on() -> re.Pattern[str]:
    joined = alternation(names_lexicon()["hyphen_particles"])
    return re.compile(rf"\s+(?:{joined})(?:-|\s+)[{_UPPER}]")


def name_goes_on(text: str, end: int) -> bool:
    """Whether a personal name carries on after `end`: "Riyad| al-Maliki"."""
    return _goes_on().match(text, end) is not None


@cache
def not_name() -> frozenset[str]:
    lex = names_lexicon()
    # month abbreviations ("Jan", "Mar") are given names too; a date has digits beside them
    calendar = {w for w in calendar_words() if len(w) > 3} | {"Mei"}
    return frozenset(lex["not_name_words"]) | calendar | frozenset(lex["org_heads"])


@cache
def prefix_regex() -> re.Pattern[str]:
    return re.compile(rf"(?:{alternation(names_lexicon()['name_prefixes'])})\s+(?=[{_UPPER}])")


@cache
def _known_forms() -> dict[str, str]:
    """Every form names.yaml gives a well-known person -> that person's key."""
    out = {}
    for person in names_lexicon()["people"]:
        key = f"person/{slug(str(person['name']))}"
        for form in [person["name"], *(person.get("aliases") or [])]:
            out[str(form)] = key
    return out


def clean_name(f: EntityFinder, begin: int, end: int, place_start: bool = False) -> Span | None:
    """Cut a name candidate at the first word that is not part of a name."""
    keep_end = None
    for t in re.finditer(r"\S+", f.text[begin:end]):
        word = t.group(0).rstrip(",.;:") if not re.fullmatch(rf"(?:[{_UPPER}]\.)+", t.group(0)) else t.group(0)
        b = begin + t.start()
        first = keep_end is None
        taken = f.taken(b, b + len(word)) and not (first and place_start and _place_at(f, b))
        if word in not_name() or taken or word in title_words():
            break
        if _ACRONYM.fullmatch(word) and not (first and _initials(f.text, b + len(word), word)):
            break
        keep_end = b + len(word)
        if t.group(0) != word:  # punctuation ends the name
            break
    if keep_end is None:
        return None
    span = Span.of(f.text, begin, keep_end)
    if span.text.split()[-1] in names_lexicon()["inner_particles"]:
        return None
    if place_start and _place_at(f, begin) and " " not in span.text:
        return None
    if place_start and _place_at(f, begin):
        f.drop([r for r in f.refs if r.begin == begin and r.type is not EntityType.PERSON])
    return span


def _initials(text: str, end: int, word: str) -> bool:
    """'JD Vance': two capitals opening a name, a name word right after, are initials (an
    organisation's acronym, "MK", is taken before names are read)."""
    return len(word) == 2 and bool(re.match(rf" [{_UPPER}][a-z]", text[end:end + 3]))


def _place_at(f: EntityFinder, pos: int) -> bool:
    return any(r.begin == pos and r.type in (EntityType.PLACE, EntityType.COUNTRY) for r in f.refs)


@cache
def title_words() -> frozenset[str]:
    """Capitalised title forms that cannot be a name ("Presiden", "Menlu")."""
    return frozenset(form for form in titles() if form[:1].isupper() and " " not in form)


def add_person(f: EntityFinder, name: Span, rule: str) -> str:
    key = f.aliases.get(name.text) or _known_forms().get(name.text) or _existing_person(f, name.text) \
        or f"person/{slug(name.text)}"
    label = f.entities[key].label if key in f.entities else name.text
    f.add(name, key, EntityType.PERSON, label, rule)
    for alias in _aliases_of(f.entities[key].label):
        f.aliases.setdefault(alias, key)
    return key


def _existing_person(f: EntityFinder, name: str) -> str | None:
    """A fuller name seen before ('Putin' after 'Vladimir Putin') or a shorter one now extended."""
    for key, b in f.entities.items():
        if b.type is EntityType.PERSON and (name.endswith(" " + b.label) or b.label.endswith(" " + name)
                                            or (" " in name and b.label.startswith(name + " "))):
            if b.label in name:
                b.label = name  # the fuller form becomes the label
            return key
    return None


def _aliases_of(name: str) -> list[str]:
    """'Nikol Pashinyan' -> Pashinyan, Nikol; 'Riyad al-Maliki' -> al-Maliki, Maliki."""
    words = name.split()
    out = [name]
    if len(words) < 2:
        return out
    particles = names_lexicon()["inner_particles"]
    first_particle = next((i for i, w in enumerate(words) if i > 0 and w in particles), None)
    if first_particle is not None and first_particle < len(words) - 1:  # "van der Berg", "Van der Berg"
        surname = " ".join(words[first_particle:])
        out += [surname, surname[0].upper() + surname[1:]]
    last = words[-1]
    if "-" in last and last.split("-")[0] in names_lexicon()["hyphen_particles"]:
        out += [last, last.split("-", 1)[1]]
    elif last[:1].isupper() and len(last) > 2:
        out.append(last)
    if words[0][:1].isupper() and len(words[0]) > 2 and not words[0].endswith("."):
        out.append(words[0])
    elif len(words) == 2 and re.fullmatch(r"[A-Z][a-z]", words[0]) and len(words[1]) > 3:
        out.append(words[0])  # a family name first: "Xi Jinping" -> Xi, "Li Qiang" -> Li
    if len(words) == 3 and first_particle is None and words[1][:1].isupper() and len(words[1]) > 3:
        out += [" ".join(words[:2]), words[1]]  # "Ali Bongo Ondimba" -> Ali Bongo, Bongo; "Moussa Faki Mahamat" -> Faki
    return out


@cache
def _described_regex() -> re.Pattern[str]:
    nouns = alternation(names_lexicon()["person_nouns"])
    return re.compile(rf"(?<![\w-])(?:{nouns})(?:nya)?,\s+(?P<name>{name_regex().pattern})(?=[,.;]|\s+(?:dan|yang)\s)")


def described_people(f: EntityFinder, sentence: Span) -> None:
    """'Menurut pengacaranya, Joost de Vries, …': a person noun, a comma, a full name."""
    for m in _described_regex().finditer(sentence.text):
        b, e = sentence.begin + m.start("name"), sentence.begin + m.end("name")
        name = clean_name(f, b, e)
        if name is not None and name.end == e and len(name.text.split()) >= 2 and not f.taken(b, e):
            add_person(f, name, "apposition")


def speech_people(f: EntityFinder, sentence: Span) -> None:
    """'kata Blinken', 'ujar Dmitry Peskov', 'Retno Marsudi mengatakan', 'Peskov, juru bicara ...'."""
    for pattern in _speech_patterns():
        for m in pattern.finditer(sentence.text):
            b = sentence.begin + m.start("name")
            if title_regex().match(f.text, b) or f.taken(b, b + 1):
                continue
            inner = name_regex().match(f.text, b, sentence.end)
            name = clean_name(f, b, inner.end()) if inner else None
            if name is None or f.taken(name.begin, name.end):
                continue
            after = f.ref_at(name.end)
            if after is not None and after.begin == skip_spaces(f.text, name.end) and after.type in _ORG_LIKE:
                continue  # "Kejaksaan Agung Azerbaijan": a body of a country, not a person
            if len(name.text.split()) == 1 and name.text not in f.aliases:
                continue  # a lone capitalised word is too weak without a title
            add_person(f, name, "speech-verb")


@cache
def _speech_patterns() -> tuple[re.Pattern[str], ...]:
    lex = names_lexicon()
    after = alternation(lex["speech_after"] + lex["according_to"])
    before = alternation(lex["speech_before"])
    name = name_regex().pattern
    return (
        re.compile(rf"(?<![\w-])(?:{after}|{alternation([w.capitalize() for w in lex['according_to']])})\s+(?P<name>{name})"),
        re.compile(rf"(?:^|[,;]\s|\.\s)(?P<name>{name})(?:,[^,]{{3,80}},)?\s+(?:{before})\b"),
    )


def nicknames(f: EntityFinder, sentence: Span) -> None:
    """'Presiden Joko Widodo (Jokowi)': the word in brackets names the same person."""
    for ref in [r for r in f.refs if r.type is EntityType.PERSON and sentence.begin <= r.begin < sentence.end]:
        m = re.compile(rf"\s*\((?P<nick>[{_UPPER}][\w'’\-]+)\)").match(f.text, ref.end)
        if m and not f.taken(m.start("nick"), m.end("nick")):
            span = Span.of(f.text, m.start("nick"), m.end("nick"))
            f.add(span, ref.key, EntityType.PERSON, f.entities[ref.key].label, "nickname")
            f.aliases.setdefault(span.text, ref.key)


def repeated_names(f: EntityFinder, body: list[Span]) -> None:
    """'… menahan Ruben Vardanyan saat …. Vardanyan kemudian dibawa ke Baku': two to four
    capitalised words that no lexicon knows, whose first or last word comes back alone later."""
    seen: set[str] = set()
    for sentence in body:
        for m in name_regex().finditer(sentence.text):
            for name in _name_runs(f, sentence.begin + m.start(), sentence.begin + m.end()):
                if name.text in seen or not 2 <= sum(w[:1].isupper() for w in name.text.split()) <= 4:
                    continue
                seen.add(name.text)
                words = name.text.split()
                if f.taken(name.begin, name.end) or any(not _plain_word(w) or portfolio_word(w) for w in words):
                    continue  # "Kerja Sama Pertahanan": a treaty's name, not a person's
                # "Martin Griffiths … ucap Griffiths"; "Bendito dos Santos Freitas … kata Bendito"
                if _comes_back_alone(f, body, words[-1], name) or _comes_back_alone(f, body, words[0], name):
                    add_person(f, name, "repeated-name")


def portfolio_word(word: str) -> bool:
    """'Perladangan', 'Kebudayaan', 'Pertahanan': a pe(r)-/ke-...-an noun derived from a root,
    the shape of a ministry's portfolio; personal names do not take it."""
    low = word.lower()
    return low.startswith(("pe", "ke")) and low.endswith("an") and len(low) > 6 and stem(low) != low


def _name_runs(f: EntityFinder, begin: int, end: int) -> list[Span]:
    """The name candidates in a run of capitalised words, split where a word is already read
    as something else: "Kerja Sama | Timor-Leste | Bendito dos Santos Freitas"."""
    runs: list[Span] = []
    pos = _past_nouns(f.text, begin, end)
    while pos < end:
        b = _past_taken(f, pos, end)
        name = clean_name(f, b, end) if b < end else None
        if name is None:
            nxt = re.search(r"\s+", f.text[b:end])
            pos = b + nxt.end() if nxt else end
            continue
        runs.append(name)
        pos = name.end
    return runs


def _past_taken(f: EntityFinder, begin: int, end: int) -> int:
    """After words already read as something else: "PBB | Martin Griffiths", "Timor-Leste | Bendito"."""
    for m in re.finditer(r"\S+", f.text[begin:end]):
        b = begin + m.start()
        if not (f.taken(b, b + len(m.group(0))) or m.group(0).isupper()):
            return b
    return end


def _past_nouns(text: str, begin: int, end: int) -> int:
    """After capitalised person nouns opening a sentence: "Aktivis | Sanne van der Berg"."""
    nouns = {n.capitalize() for n in names_lexicon()["person_nouns"]}
    for m in re.finditer(r"\S+", text[begin:end]):
        if m.group(0) not in nouns:
            return begin + m.start()
    return end


def _plain_word(word: str) -> bool:
    """A word that can be part of a personal name: not a place, organisation or title noun."""
    if word in _place_words() or word in title_words():
        return False
    return word in names_lexicon()["inner_particles"] or (word[:1].isupper() and word[1:].islower())


@cache
def _place_words() -> frozenset[str]:
    heads = names_lexicon()["place_heads"]
    return frozenset(w for h in heads["geographic"] + heads["facility"] for w in h.split())


def _comes_back_alone(f: EntityFinder, body: list[Span], word: str, name: Span) -> bool:
    """Whether `word` stands alone elsewhere: not inside `name`, not beside another capitalised word."""
    for sentence in body:
        for m in re.finditer(rf"(?<![\w-]){re.escape(word)}(?![\w-])", sentence.text):
            b, e = sentence.begin + m.start(), sentence.begin + m.end()
            if name.begin <= b < name.end or f.taken(b, e) or re.match(rf" [{_UPPER}]", f.text[e:e + 2]):
                continue
            before = f.text[sentence.begin:b].split()
            if not before or not before[-1][:1].isupper():
                return True
    return False


def register_aliases(f: EntityFinder) -> None:
    """Surnames and given names of every person found so far, for their later mentions."""
    for key, b in sorted(f.entities.items()):
        if b.type is EntityType.PERSON:
            for alias in _aliases_of(b.label):
                f.aliases.setdefault(alias, key)


def alias_mentions(f: EntityFinder, spans: list[Span]) -> None:
    """Later mentions of people by surname or given name, headline included."""
    f.add_again(spans, f.aliases, "alias")


def settle_keys(f: EntityFinder) -> None:
    """A person's key is their fullest name, or the name names.yaml knows them by."""
    known, known_keys = _known_forms(), frozenset(_known_forms().values())
    for key in sorted(k for k, b in f.entities.items() if b.type is EntityType.PERSON):
        label = f.entities[key].label
        wanted = known.get(label) or (key if key in known_keys else f"person/{slug(label)}")
        if wanted != key:
            f.rekey(key, wanted)
        if wanted in known_keys:
            f.entities[wanted].label = _known_label(wanted)


@cache
def _known_countries() -> dict[str, str]:
    return {f"person/{slug(str(p['name']))}": f"country/{p['country']}" for p in names_lexicon()["people"]
            if p.get("country")}


def known_country(key: str) -> str | None:
    """The country names.yaml gives a well-known person, for a title written without one."""
    return _known_countries().get(key)


@cache
def _known_label(key: str) -> str:
    return next(str(p["name"]) for p in names_lexicon()["people"] if f"person/{slug(str(p['name']))}" == key)
