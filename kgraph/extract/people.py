"""People by title ("Presiden Rusia Vladimir Putin") and apposition ("Ruben Vardanyan,
mantan kepala …", "Peskov, juru bicara Kremlin,"), their posts (org:Post with
org:postIn), and the words that refer back to them by title ("Menlu AS", "sang
presiden"). Names themselves — their grammar, keys, and the people found without a
title — are in personal_names.

A title phrase is read left to right: the title, then any of — a unit ("Direktur
Perlindungan WNI Kemlu RI"), the organisation or country it is held in, "di <place>",
"untuk <organisation>", a qualifier ("pemimpin separatis"), a time filler ("saat
itu"), a relative clause ending in a comma — then a rank or honorific ("Brigjen Pol.",
"Sheikh") and the name, or a comma and the name. A post held in a country's body
(a ministry, the Kremlin, the IDF) is recorded in that body and, with the body's name
in its label, in the country.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from kgraph.extract.finder import EntityFinder, Ref
from kgraph.extract.lexicon_index import (
    anaphora_heads,
    country_forms,
    names_lexicon,
    title_extras,
    title_regex,
    titles,
)
from kgraph.extract.personal_names import (
    add_person,
    alias_mentions,
    clean_name,
    described_people,
    known_country,
    name_regex,
    nicknames,
    not_name,
    portfolio_word,
    prefix_regex,
    register_aliases,
    repeated_names,
    skip_spaces,
    speech_people,
)
from kgraph.lexicon import alternation, load_yaml
from kgraph.model import EntityType, Post, Span
from kgraph.rdfmap import slug

_UPPER = "A-ZÀ-ÖØ-ÞĀ-ŽƏА-Я"
_ORG_LIKE = (EntityType.ORGANIZATION, EntityType.COUNTRY)


# -- the finder --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Pending:
    """A post whose country comes only from context (the article's main country): given
    once the whole article is read, and only to a person holding no post of that title."""

    key: str
    label: str
    of: str | None
    span: Span


def find_people(f: EntityFinder, body: list[Span], main: str | None) -> None:
    pending: list[_Pending] = []
    register_aliases(f)  # people the gazetteer knows: "Anwar" after "Anwar Ibrahim"
    for span in body:
        _titled_people(f, span, main, pending)
    for span in body:
        _appositions(f, span)
        described_people(f, span)
    for span in body:
        speech_people(f, span)
    for span in body:
        nicknames(f, span)
    repeated_names(f, body)
    for p in pending:
        b = f.entities.get(p.key)
        if b is not None and all(post.label != p.label for post in b.posts):
            _give_post(f, p.key, p.label, p.of, p.span)


def later_mentions(f: EntityFinder, spans: list[Span]) -> None:
    register_aliases(f)
    alias_mentions(f, spans)
    _anaphora(f, spans)


# -- titles ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Phrase:
    """What follows a title, up to where the name begins."""

    end: int
    unit: str = ""  # "Perlindungan WNI" in "Direktur Perlindungan WNI Kemlu RI"
    qualifier: str = ""  # "junta" in "pemimpin junta, Min Aung Hlaing"
    org: Ref | None = None
    country: str | None = None  # country or place key
    person: Ref | None = None  # a person already known, right after
    comma: bool = False  # the name comes after a comma
    loose: bool = False  # qualified or possessive title: no country from context
    joiner: bool = False  # "Wakil Perdana Menteri sekaligus …": the phrase goes on in the next title


def _titled_people(f: EntityFinder, sentence: Span, main: str | None, context: list[_Pending]) -> None:
    pending: list[str] = []  # titles joined to the next one: "Wakil Perdana Menteri sekaligus …"
    read_to = sentence.begin  # a title inside the phrase just read is part of it ("Juru bicara Sekjen PBB")
    for m in title_regex().finditer(sentence.text):
        begin, pos = sentence.begin + m.start(), sentence.begin + m.end()
        if begin < read_to:
            continue
        if any(r.begin <= begin and pos <= r.end and (r.begin, r.end) != (begin, pos)
               and r.type is not EntityType.PERSON for r in f.refs):
            continue  # inside an organisation's name ("Kantor Staf Presiden")
        title = titles()[m["title"]]
        phrase = _read_phrase(f, pos, sentence.end, possessive=bool(m["nya"]), seat=title.seat)
        if phrase.joiner:
            pending.append(title.label)
            continue
        read_to = phrase.end
        key, name_end = _person_after(f, phrase, sentence.end)
        if key is None:
            end = begin + len(f.text[begin:phrase.end].rstrip())
            _title_reference(f, Span.of(f.text, begin, end), _post_label(title.label, phrase),
                             phrase.org.key if phrase.org else phrase.country or title.of)
            pending = []
            continue
        span = Span.of(f.text, begin, name_end)
        for label in [*pending, title.label]:
            _post_from_phrase(f, key, label, phrase, title.of, span, main, context)
        pending = []
        _counterpart(f, sentence, name_end, title.label)


def _read_phrase(f: EntityFinder, pos: int, limit: int, possessive: bool = False, seat: bool = False) -> _Phrase:
    text = f.text
    extras = title_extras()
    unit, org, country, qualifier = "", None, None, ""
    loose, consumed = possessive, False
    pos = _after_paren(text, pos)  # "Menteri Pertahanan (Menhan) RI Sjafrie Sjamsoeddin"
    for _ in range(10):  # a phrase has a handful of parts; the bound keeps a bad text from looping long
        p = skip_spaces(text, pos)
        ref = f.ref_at(p)
        if ref is not None and ref.end <= limit and not (consumed and ref.type is EntityType.PLACE
                                                          and _word_follows(f, ref.end)):
            if ref.type is EntityType.PERSON:
                return _Phrase(p, unit, qualifier, org, country, ref, loose=loose)
            if ref.type is EntityType.ORGANIZATION:
                org = org or ref
            elif country is None:
                country = ref.acts_as if ref.acts_as != ref.key else ref.key
            f.mark_in_title([ref])
            pos, consumed = _after_paren(text, ref.end), True
            continue
        if seat and not consumed and (e := _seat_end(f, p, limit)):
            country = _add_seat(f, Span.of(text, p, e))
            pos, consumed = e, True
            continue
        if (w := _words_at(text, p, ("di", "untuk"))) and consumed:
            inner = f.ref_at(w)
            if inner is not None and inner.type is not EntityType.PERSON and inner.end <= limit:
                f.mark_in_title([inner])
                pos = _after_paren(text, inner.end)
                continue
        if consumed and (w := _words_at(text, p, extras["title_fillers"])):
            pos = w
            continue
        if w := _words_at(text, p, extras["title_modifiers"]):
            qualifier = f"{qualifier} {text[p:w]}".strip()
            pos, loose = w, True
            continue
        if (j := _words_at(text, p, extras["title_joiners"])) and title_regex().match(text, skip_spaces(text, j)):
            return _Phrase(p, joiner=True)
        if not consumed and not unit and (u := _unit_end(f, p, limit) or _field_end(f, p, limit)):
            unit, pos = text[p:u], u
            continue
        if (consumed or loose) and (c := _comma_then_name(text, p, limit)):
            return _Phrase(c, unit, qualifier, org, country, comma=True, loose=loose)
        break
    return _Phrase(skip_spaces(text, pos), unit, qualifier, org, country, loose=loose)


def _after_paren(text: str, end: int) -> int:
    """After "Amerika Serikat (AS)"."""
    paren = re.match(r"\s*\([^()]{1,12}\)", text[end:])
    return end + paren.end() if paren else end


def _words_at(text: str, pos: int, words: tuple[str, ...]) -> int | None:
    """End of the first of `words` at `pos` (whole words), else None."""
    for w in words:
        end = pos + len(w)
        if text.startswith(w, pos) and (end == len(text) or not (text[end].isalnum() or text[end] == "-")):
            return end
    return None


def _word_follows(f: EntityFinder, end: int) -> bool:
    """A place read as the first word of a name: "Menlu Palestina Riyad Maliki"."""
    m = re.match(rf" [{_UPPER}][\w'’\-]+", f.text[end:])
    return bool(m) and not f.taken(end + 1, end + m.end()) and m.group(0).strip() not in not_name()


def _unit_end(f: EntityFinder, pos: int, limit: int) -> int | None:
    """Capitalised words between a title and its organisation are the unit:
    "Kepala | Biro Penerangan Masyarakat Divisi Humas | Polri"."""
    end = pos
    for m in re.finditer(r"\S+", f.text[pos:limit]):
        b = pos + m.start()
        word = m.group(0)
        ref = f.ref_at(b)
        if ref is not None and b == skip_spaces(f.text, end) and ref.type in _ORG_LIKE:
            return end if end > pos else None
        if not (word[:1].isupper() and word.isalnum()) or f.taken(b, b + len(word)) or m.start() > 80:
            return None
        end = b + len(word)
    return None


def _field_end(f: EntityFinder, pos: int, limit: int) -> int | None:
    """'Menteri | Keamanan Nasional | Itamar Ben-Gvir': a portfolio the lexicon does not list (a
    derived pe(r)-/ke-...-an noun, then such nouns or `field_words`) between a title and a name."""
    text, end, count = f.text, pos, 0
    for m in re.finditer(r"\S+", text[pos:limit]):
        word, b = m.group(0), pos + m.start()
        fits = portfolio_word(word) or (count > 0 and word in title_extras()["field_words"])
        if b != skip_spaces(text, end) or not fits or f.taken(b, b + len(word)) or count == 4:
            break
        end, count = b + len(word), count + 1
    after = skip_spaces(text, end)
    return end if count and after < limit and re.match(rf"[{_UPPER}]", text[after]) else None


def _seat_end(f: EntityFinder, pos: int, limit: int) -> int | None:
    """'Bupati | Labuhanbatu | Erik Adtrada Ritonga': of three or more capitalised words after
    a title held in a town, the first (with a direction word after it) is the town."""
    words = []
    for m in re.finditer(r"\S+", f.text[pos:limit]):
        word = m.group(0)
        if not (word[:1].isupper() and word.isalpha()) or f.taken(pos + m.start(), pos + m.end()):
            break
        words.append(pos + m.end())
    size = 2 if len(words) > 1 and f.text[words[0]:words[1]].strip() in names_lexicon()["direction_words"] else 1
    return words[size - 1] if len(words) >= size + 2 else None


def _add_seat(f: EntityFinder, span: Span) -> str:
    key = f"place/{slug(span.text)}"
    f.add(span, key, EntityType.PLACE, span.text, "seat", in_title=True)
    f.names.setdefault(span.text, key)
    return key


def _comma_then_name(text: str, pos: int, limit: int) -> int | None:
    """ ", Nancy Pelosi," or " yang ditahan junta, Aung San Suu Kyi": where the name begins."""
    m = re.match(rf"(?:\s*yang(?:\s+[a-z][\w-]*){{1,4}})?\s*,\s+(?=[{_UPPER}])", text[pos:limit])
    return pos + m.end() if m else None


def _person_after(f: EntityFinder, phrase: _Phrase, limit: int) -> tuple[str | None, int]:
    """The person named where the phrase ends: (key, end of the name)."""
    if phrase.person is not None:
        return phrase.person.key, phrase.person.end
    start = phrase.end
    prefix = prefix_regex().match(f.text, start)
    name_at = prefix.end() if prefix else start
    ref = f.ref_at(name_at)
    if ref is not None and ref.type is EntityType.PERSON:
        _extra_name(f, ref.key, Span.of(f.text, start, ref.end))
        return ref.key, ref.end
    line_end = f.text.find("\n", name_at)  # "Brigjen Pol. Ahmad": the name may run past a sentence break
    m = name_regex().match(f.text, name_at, max(limit, line_end if line_end >= 0 else len(f.text)))
    name = clean_name(f, name_at, m.end(), place_start=True) if m else None
    if name is None:
        return None, start
    if phrase.comma and len(name.text.split()) < 2 and name.text not in f.aliases:
        return None, start
    if len(name.text.split()) < 2 and name.text not in f.aliases and portfolio_word(name.text):
        return None, start  # "Menteri Perladangan dan Komoditas": a portfolio, not a name
    key = add_person(f, name, "title+name")
    if prefix:
        _extra_name(f, key, Span.of(f.text, start, name.end))
    return key, name.end


def _extra_name(f: EntityFinder, key: str, span: Span) -> None:
    """"Laksamana Yudo Margono": the name with its rank, kept as another name."""
    b = f.entities[key]
    if span.text not in b.names:
        b.names.append(span.text)


def _post_from_phrase(f: EntityFinder, key: str, title: str, phrase: _Phrase, fixed: str | None, span: Span,
                      main: str | None, context: list[_Pending]) -> None:
    """The post a title phrase gives: in the organisation named (and, through it, in its
    country), else in the country named, else in a country named earlier in the sentence,
    else (later, see _Pending) in the article's main country."""
    label = _post_label(title, phrase)
    if phrase.org is not None:
        _give_post(f, key, label, phrase.org.key, span)
        org = f.entities.get(phrase.org.key)
        country = (org.part_of if org else None) or (phrase.org.acts_as if phrase.org.acts_as != phrase.org.key
                                                    else None)
        if country:
            _give_post(f, key, f"{label} {_org_short(f, phrase.org)}", country, span)
        return
    of = phrase.country or fixed or known_country(key)
    if of is not None or phrase.loose:
        _give_post(f, key, label, of, span)
        return
    sentence = next((s.span for s in f.seg.sentences if s.span.begin <= span.begin < s.span.end), span)
    earlier = [r for r in f.refs if sentence.begin <= r.begin < span.begin and r.type is EntityType.COUNTRY]
    if earlier:
        _give_post(f, key, label, earlier[-1].key, span)
    else:
        context.append(_Pending(key, label, main, span))


def _post_label(title: str, phrase: _Phrase) -> str:
    """'Pemimpin junta', 'Direktur Perlindungan WNI': the title with its qualifier and unit."""
    return " ".join(part for part in (title, phrase.qualifier, phrase.unit) if part)


def _org_short(f: EntityFinder, ref: Ref) -> str:
    """An organisation as written; a state body without the country it ends in
    ("Kementerian Luar Negeri (Tiongkok)"), a name of its own whole ("Bank Indonesia")."""
    surface = f.text[ref.begin:ref.end]
    if ref.rule not in ("ministry", "state-body"):
        return surface
    for m in re.finditer(r" ", surface):
        if surface[m.end():] in country_forms():
            return surface[:m.start()]
    return surface


def _give_post(f: EntityFinder, key: str, label: str, of: str | None, span: Span) -> None:
    b = f.entities[key]
    if all(p.label != label or p.of != of for p in b.posts):
        b.posts.append(Post(label, of, span))
    f.posts_by_title.setdefault((label.lower(), of), key)
    f.posts_by_title.setdefault((label.lower(), None), key)


def _title_reference(f: EntityFinder, phrase: Span, title: str, of: str | None) -> None:
    """'presiden Rusia', 'Menlu AS' with no name: the person holding that post here."""
    key = f.posts_by_title.get((title.lower(), of))
    if key and not any(r.begin < phrase.end and phrase.begin < r.end for r in f.refs if r.type is EntityType.PERSON):
        f.add(phrase, key, EntityType.PERSON, f.entities[key].label, "title-reference", naming=False)


@cache
def _counterpart_regex() -> re.Pattern[str]:
    words = alternation(load_yaml("titles.yaml")["counterpart_words"])
    return re.compile(rf"(?<![\w-])(?:{words})\s+(?:dari\s+)?")


def _counterpart(f: EntityFinder, sentence: Span, pos: int, title: str) -> None:
    """'dan timpalannya dari Rusia Sergei Shoigu', '… berbicara dengan timpalannya dari Korea
    Selatan Lee Jong-sup': same title, another country, later in the sentence."""
    m = _counterpart_regex().search(f.text, pos, sentence.end)
    if not m:
        return
    phrase = _read_phrase(f, m.end(), sentence.end)
    key, end = _person_after(f, phrase, sentence.end)
    if key is not None:
        _give_post(f, key, title, phrase.country, Span.of(f.text, m.start(), end))


# -- people without a title in front -----------------------------------------------


@cache
def _apposition_regex() -> re.Pattern[str]:
    lex = names_lexicon()
    forms = [t for t in titles() if t[:1].islower()] + list(lex["person_nouns"])
    return re.compile(rf"(?P<name>{name_regex().pattern})(?:,\s+|\s+selaku\s+)(?:(?P<opener>{alternation(lex['apposition_openers'])})"
                      rf"\s+)?(?P<what>{alternation(forms)})(?![\w-])")


def _appositions(f: EntityFinder, sentence: Span) -> None:
    """'Ruben Vardanyan, mantan kepala pemerintahan separatis Karabakh,', 'Peskov, juru bicara Kremlin,'."""
    for m in _apposition_regex().finditer(sentence.text):
        b = sentence.begin + m.start("name")
        name = clean_name(f, b, sentence.begin + m.end("name"))
        if name is None or name.end != sentence.begin + m.end("name") or f.taken(name.begin, name.end):
            continue
        if len(name.text.split()) < 2 and name.text not in f.aliases:
            continue
        key = add_person(f, name, "apposition")
        what = m["what"]
        if what in titles() and m["opener"] not in names_lexicon()["former_words"]:
            phrase = _read_phrase(f, sentence.begin + m.end("what"), sentence.end)
            if phrase.org is not None or phrase.country is not None:
                _post_from_phrase(f, key, titles()[what].label, phrase, None, name, None, [])


# -- later mentions ----------------------------------------------------------------


@cache
def _anaphora_regex() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?:{alternation(list(anaphora_heads()))})(?![\w-])")


def _anaphora(f: EntityFinder, spans: list[Span]) -> None:
    """'sang presiden', 'kepala negara itu': the latest person named before, holding such a title."""
    heads = anaphora_heads()
    for span in spans:
        for m in _anaphora_regex().finditer(span.text):
            b, e = span.begin + m.start(), span.begin + m.end()
            if f.taken(b, e):
                continue
            wanted = heads[m.group(0)]
            before = sorted((r for r in f.refs if r.type is EntityType.PERSON and r.end <= b), key=lambda r: r.begin)
            for ref in reversed(before):
                posts = f.entities[ref.key].posts
                if any(p.label == t or p.label.startswith(t + " ") for p in posts for t in wanted):
                    f.add(Span.of(f.text, b, e), ref.key, EntityType.PERSON, f.entities[ref.key].label, "anaphora",
                          naming=False)
                    break
