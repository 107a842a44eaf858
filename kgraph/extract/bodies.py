"""Organisations named by grammar rather than by the gazetteer: ministries of a
country ("Kementerian Luar Negeri Rusia", "Kemlu Rusia", "Departemen Keuangan AS",
"Kementerian Kesehatan Gaza"), other state bodies ("Kejaksaan Agung Azerbaijan",
"penjaga pantai China", "Militer Israel" = the IDF), names defined by an acronym
("Asosiasi Bantuan untuk Tahanan Politik (AAPP)"), names opened by an organisation
noun ("Mahkamah Arbitrase Permanen") and companies ("PT Bank Central Asia Tbk").
Places are in places.py; the later mentions of both ("AAPP", "Sagaing") are found here.
"""

from __future__ import annotations

import re
from functools import cache

from kgraph.extract.finder import EntityFinder, Ref
from kgraph.extract.lexicon_index import (
    NationalBody,
    calendar_words,
    countries_by_key,
    ministry_fields,
    ministry_orgs,
    ministry_regex,
    names_lexicon,
    national_bodies,
    national_orgs,
    short_ministries,
    title_regex,
)
from kgraph.lexicon import alternation
from kgraph.model import EntityType, Span
from kgraph.rdfmap import slug

_UPPER = "A-ZÀ-ÖØ-ÞĀ-ŽƏА-Я"
_WORD = rf"[{_UPPER}][\w'’\-]*"
_PLACE_LIKE = (EntityType.PLACE, EntityType.COUNTRY)

def find_organisations(f: EntityFinder, body: list[Span], main: str | None) -> None:
    for span in body:
        _companies(f, span)
    for span in body:
        _ministries(f, span, main)
    for span in body:
        _national_bodies(f, span)
    for span in body:
        _acronym_names(f, span)
    for span in body:
        _headed_orgs(f, span)
        _cued_orgs(f, span)


def later_mentions(f: EntityFinder, spans: list[Span]) -> None:
    """Later mentions of organisations and places found here: 'AAPP', 'Sagaing', 'El Arish'."""
    f.add_again(spans, f.names, "name-again")


# -- companies, ministries and state bodies ----------------------------------------


@cache
def _company_regex() -> re.Pattern[str]:
    lex = names_lexicon()
    word = rf"(?:{_WORD}|[A-Z0-9&]{{2,}})"
    return re.compile(rf"(?<![\w-])(?:{alternation(lex['company_prefixes'])})\.?\s+(?P<name>{word}(?:\s+{word}){{0,6}})"
                      rf"(?:\s+(?:{alternation(lex['company_suffixes'])}))?")


def _companies(f: EntityFinder, sentence: Span) -> None:
    """'PT Bank Central Asia Tbk': a company, whatever places its name holds."""
    for m in _company_regex().finditer(sentence.text):
        begin, end = sentence.begin + m.start(), sentence.begin + m.end()
        if any(r.begin <= begin and end <= r.end for r in f.refs) or any(r.begin == begin for r in f.refs):
            continue  # a company the gazetteer knows ("PT Telkom Indonesia")
        words = list(re.finditer(r"\S+", m["name"]))
        words = words[:next((i for i, w in enumerate(words) if w.group(0) in calendar_words()), len(words))]
        while words and words[-1].group(0) in names_lexicon()["company_suffixes"]:
            words.pop()
        if not words:
            continue
        name = " ".join(w.group(0) for w in words)
        end = sentence.begin + m.start("name") + words[-1].end()
        f.drop([r for r in f.inside(begin, end) if r.type is not EntityType.COUNTRY])
        f.mark_in_title([r for r in f.refs if begin <= r.begin and r.end <= end])
        key = f"org/{slug(name)}"
        f.add(Span.of(f.text, begin, end), key, EntityType.ORGANIZATION, name, "company")
        f.names.setdefault(name, key)


# -- ministries and state bodies ---------------------------------------------------


def _ministries(f: EntityFinder, sentence: Span, main: str | None) -> None:
    """'Kementerian Pertahanan Armenia', 'kementerian pertahanan di Yerevan', 'Kemlu Rusia',
    'Kementerian Kesehatan Gaza'; a bare 'Kementerian Pertahanan' is the main country's."""
    matches = [(m.start(), m.end(), m["field"], m.group(0)[0].isupper()) for m in ministry_regex().finditer(sentence.text)]
    matches += [(m.start(), m.end(), short_ministries()[m.group(0)], True) for m in _short_regex().finditer(sentence.text)]
    for b, e, fld, proper in sorted(matches):
        begin, end = sentence.begin + b, sentence.begin + e
        if any(r.begin <= begin and end < r.end for r in f.refs) or any(begin < r.begin < end for r in f.refs):
            continue  # inside a longer gazetteer name ("Kementerian Luar Negeri RI")
        where, stop = _country_after(f, end)
        known = any((r.begin, r.end) == (begin, end) for r in f.refs)  # "Kemlu" alone: the gazetteer's
        if where is None and proper and not known and not _word_after(f.text, end) and main is not None:
            where, stop = main, end
        if where is None:
            continue
        _add_ministry(f, Span.of(f.text, begin, stop), fld.lower(), where)


@cache
def _short_regex() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?:{alternation(list(short_ministries()))})(?![\w-])")


def _add_ministry(f: EntityFinder, span: Span, fld: str, where: str) -> None:
    country = where if where.startswith("country/") else f.entities[where].part_of
    entry = ministry_orgs().get((fld, where))
    inner = f.inside(span.begin, span.end)
    f.drop([r for r in inner if r.type is EntityType.ORGANIZATION or (r.type is EntityType.PLACE and r.key != where)])
    if entry is not None:
        ref = f.add_entry(span.begin, span.end, entry, rule="ministry")
    else:
        field_label = next(k for k in ministry_fields() if k == fld).title().replace(" Dan ", " dan ")
        where_label = f.entities[where].label if where in f.entities else countries_by_key()[where].label
        suffix = where.split("/")[-1].lower() if where.startswith("country/") else slug(where_label)
        english_of = (f.entities[where].english if where in f.entities else None) or where_label
        ref = f.add(span, f"org/kementerian-{slug(field_label)}-{suffix}", EntityType.ORGANIZATION,
                    f"Kementerian {field_label} {where_label}", "ministry", acts_as=country,
                    english=f"Ministry of {ministry_fields()[fld]} of {english_of}", part_of=country)
    f.mark_in_title([r for r in f.refs if r is not ref and span.begin <= r.begin and r.end <= span.end])


def _country_after(f: EntityFinder, pos: int) -> tuple[str | None, int]:
    """What a ministry belongs to, right after `pos`: a country, a capital standing for it
    (also after 'di': "kementerian pertahanan di Yerevan") or a territory ("… Gaza").
    Returns (country or territory key, new end)."""
    m = re.match(r"\s+(?:di\s+)?", f.text[pos:])
    start = pos + (m.end() if m else 0)
    ref = next((r for r in f.refs if r.begin == start and r.type in _PLACE_LIKE), None)
    if ref is None or (m and "di" in m.group(0) and ref.acts_as == ref.key):
        return None, pos
    if ref.type is EntityType.COUNTRY:
        return ref.key, ref.end
    if ref.acts_as != ref.key:  # a capital standing for its country
        return ref.acts_as, ref.end
    if f.entities[ref.key].part_of:  # "Kementerian Kesehatan Gaza"
        return ref.key, ref.end
    return None, pos


def _word_after(text: str, end: int) -> bool:
    return re.match(rf" {_WORD}", text[end:]) is not None


def _national_bodies(f: EntityFinder, sentence: Span) -> None:
    """'Kejaksaan Agung Azerbaijan', 'penjaga pantai China', 'Misi Tetap Iran untuk PBB', 'KBRI Yangon'."""
    by_head = _bodies_by_head()
    for m in _body_regex().finditer(sentence.text):
        body = by_head[m.group(0)]
        begin, end = sentence.begin + m.start(), sentence.begin + m.end()
        if any(r.begin < begin < r.end or r.begin < end < r.end for r in f.refs):
            continue  # inside a longer known name ("Angkatan Bersenjata Myanmar" is the Tatmadaw)
        if body.country is not None:  # "KBRI Yangon": the body's country is fixed, a place follows
            place = f.ref_at(end)
            if place is None or place.begin != end + 1 or place.type is not EntityType.PLACE:
                continue
            _add_body(f, body, Span.of(f.text, begin, place.end), body.country, f" di {f.entities[place.key].label}")
            continue
        after = f.ref_at(end)
        if after is None or after.type is not EntityType.COUNTRY or after.begin != end + 1:
            continue  # "Kepolisian Amsterdam" is the city's police, not the country's
        country, cend = after.key, after.end
        stop = _tail(f, cend)
        _add_body(f, body, Span.of(f.text, begin, stop), country, f.text[cend:stop])


@cache
def _bodies_by_head() -> dict[str, NationalBody]:
    return {head: body for body in reversed(national_bodies()) for head in body.heads}


@cache
def _body_regex() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?:{alternation(list(_bodies_by_head()))})(?![\w-])")


def _tail(f: EntityFinder, pos: int) -> int:
    """'… untuk PBB', '… di Damaskus' after a state body's country."""
    m = re.match(r" (?:untuk|di) ", f.text[pos:])
    if m:
        ref = f.ref_at(pos + m.end())
        if ref is not None and ref.type is not EntityType.PERSON:
            return ref.end
    return pos


def _add_body(f: EntityFinder, body: NationalBody, span: Span, country: str, extra: str) -> None:
    entry = national_orgs().get((body.national, country)) if body.national and not extra else None
    f.drop([r for r in f.inside(span.begin, span.end) if r.type is EntityType.ORGANIZATION and r.begin == span.begin])
    if entry is not None:
        ref = f.add_entry(span.begin, span.end, entry, rule="state-body")
    else:
        c = countries_by_key()[country]
        ref = f.add(span, f"org/{slug(f'{body.label} {c.iso} {extra}')}", EntityType.ORGANIZATION,
                    f"{body.label} {c.label}{extra}", "state-body", acts_as=country,
                    english=f"{body.english} of {c.english}", part_of=country)
    f.mark_in_title([r for r in f.refs if r is not ref and span.begin <= r.begin and r.end <= span.end])


# -- organisations by acronym or head noun -----------------------------------------


@cache
def _acronym_regex() -> re.Pattern[str]:
    return re.compile(r"\((?P<acr>[A-Z][A-Za-z0-9&\-]{1,11})\)")


def _acronym_names(f: EntityFinder, sentence: Span) -> None:
    """'Asosiasi Bantuan untuk Tahanan Politik (AAPP)': a name, and the acronym naming it."""
    for m in _acronym_regex().finditer(sentence.text):
        acr = Span.of(f.text, sentence.begin + m.start("acr"), sentence.begin + m.end("acr"))
        if sum(c.isupper() for c in acr.text) < 2 and not acr.text.isalpha():
            continue  # an acronym ("AAPP", "PBB") or a short name ("Bareskrim"), not "(35)" or "(9/1)"
        begin = _name_start(f, sentence, sentence.begin + m.start())
        if begin is None:
            continue
        long = Span.of(f.text, begin, sentence.begin + m.start()).text.rstrip()
        long_span = Span.of(f.text, begin, begin + len(long))
        known = [r for r in f.refs if (r.begin, r.end) == (acr.begin, acr.end) and r.type is EntityType.ORGANIZATION]
        covering = [r for r in f.refs if r.begin <= long_span.begin and long_span.end <= r.end]
        if covering:
            if not known and covering[0].type is EntityType.ORGANIZATION:
                _again(f, acr, covering[0].key)
            continue
        if known:
            _again(f, long_span, known[0].key)
            continue
        if not _org_like(long) or f.taken(acr.begin, acr.end) or title_regex().match(long):
            continue
        _add_named_org(f, long_span, "acronym")
        _again(f, acr, f"org/{slug(long)}")


def _name_start(f: EntityFinder, sentence: Span, paren: int) -> int | None:
    """Where the capitalised name before a bracket starts (two words at least)."""
    joiners = set(names_lexicon()["name_joiners"])
    words = list(re.finditer(r"\S+", f.text[sentence.begin:paren]))
    start, count = None, 0
    for w in reversed(words):
        word = w.group(0)
        if word[:1].isupper() and not word.endswith((",", ".", ";", ":")):
            start, count = sentence.begin + w.start(), count + 1
        elif word in joiners and start is not None:
            continue
        else:
            break
    return start if count >= 2 else None


def _org_like(name: str) -> bool:
    lex = names_lexicon()
    words = name.split()
    return words[0] in lex["org_heads"] or words[-1] in lex["org_tails"]


def _add_named_org(f: EntityFinder, span: Span, rule: str) -> Ref:
    inner = f.inside(span.begin, span.end)
    countries = [r for r in inner if r.type is EntityType.COUNTRY]
    part_of = countries[-1].key if countries else None
    f.mark_in_title(inner)
    return f.add(span, f"org/{_canonical_slug(f, span, countries)}", EntityType.ORGANIZATION, span.text, rule,
                 part_of=part_of)


def _canonical_slug(f: EntityFinder, span: Span, countries: list[Ref]) -> str:
    """'Komando Selatan AS' and 'Komando Selatan Amerika Serikat' are one organisation: a
    country ending the name counts by its key, whichever form was written."""
    last = countries[-1] if countries else None
    if last is None or last.end != span.end:
        return slug(span.text)
    return slug(f.text[span.begin:last.begin]) + "-" + last.key.split("/")[-1].lower()


def _again(f: EntityFinder, span: Span, key: str) -> None:
    """Another name of an entity: a mention now, and a name for later mentions."""
    b = f.entities.get(key)
    if b is None:
        return
    if not f.taken(span.begin, span.end):
        f.add(span, key, b.type, b.label, "name-again", part_of=b.part_of)
    f.names.setdefault(span.text, key)


@cache
def _headed_org_regex() -> re.Pattern[str]:
    lex = names_lexicon()
    joiners = alternation(lex["name_joiners"])
    word = rf"(?:{_WORD}|[A-Z]{{2,}})"
    heads, tails = alternation(lex["org_heads"]), alternation(lex["org_tails"])
    return re.compile(
        rf"(?<![\w-])(?:(?P<head>{heads})(?:\s+(?:(?:{joiners})\s+)?{word}){{1,5}}"
        rf"|(?:{word}\s+){{1,4}}(?P<tail>{tails}))(?![\w-])"
    )


def _headed_orgs(f: EntityFinder, sentence: Span) -> None:
    """'Mahkamah Arbitrase Permanen', 'AHA Centre': an organisation noun and a name."""
    for m in _headed_org_regex().finditer(sentence.text):
        begin, end = sentence.begin + m.start(), sentence.begin + m.end()
        end = _trim(f, begin, end)
        if end is None or (_after_title(f, begin) and not (_ends_in_country(f, end) or _acronym_follows(f, end))):
            continue  # "Kepala | Biro Penerangan … Polri": the words after a title belong to the title
        span = Span.of(f.text, begin, end)
        words = span.text.split()
        if len(words) < 2 or any(len(w) < 2 for w in words) or (m["head"] and f.taken(begin, begin + len(m["head"]))):
            continue
        after = f.ref_at(end)
        if after is not None and after.begin == end + 1 and after.type is EntityType.ORGANIZATION:
            continue  # "Komisi I DPR": a unit of an organisation named after it
        fuller = _fuller_org(f, span.text)
        if fuller is not None:
            _again(f, span, fuller)
            continue
        _add_named_org(f, span, "org-noun")
        f.names.setdefault(span.text, f"org/{slug(span.text)}")


@cache
def _cued_regex() -> re.Pattern[str]:
    lex = names_lexicon()
    particles = alternation(lex["inner_particles"])
    word = rf"(?:{_WORD}|[A-Z]{{2,}}|(?:{particles})-{_WORD})"
    # the noun may open the sentence ("Kelompok militan Jaish al-Adl ...")
    return re.compile(rf"(?<![\w-])(?i:{alternation(lex['org_nouns'])})\s+(?:[a-z]+\s+)?(?P<name>{word}(?:\s+{word}){{0,4}})")


def _cued_orgs(f: EntityFinder, sentence: Span) -> None:
    """'kelompok Extinction Rebellion', 'perusahaan rintisan Gojek': a capitalised name after a
    noun that says it is an organisation."""
    for m in _cued_regex().finditer(sentence.text):
        begin = sentence.begin + m.start("name")
        end = _trim(f, begin, sentence.begin + m.end("name"))
        if end is None or f.taken(begin, end):
            continue
        span = Span.of(f.text, begin, end)
        words = span.text.split()
        if words[0] in stop_words() or title_regex().match(span.text):
            continue
        if len(words) < 2 and not re.fullmatch(r"[A-Z0-9]{3,}|[A-Z][a-z]+[A-Z]\w*", words[0]):
            continue  # "kelompok Kurdi": one word after the noun is as often a people as a group
            # (not so an acronym or a brand written in camel case: "ExxonMobil")
        if (fuller := _fuller_org(f, span.text)) is not None:
            _again(f, span, fuller)
            continue
        _add_named_org(f, span, "org-noun")
        f.names.setdefault(span.text, f"org/{slug(span.text)}")


def _fuller_org(f: EntityFinder, name: str) -> str | None:
    """'Dewan Keamanan' after 'Dewan Keamanan PBB': the organisation named in full."""
    for key, b in f.entities.items():
        if b.type is EntityType.ORGANIZATION and any(n.startswith(name + " ") for n in [b.label, *b.names]):
            return key
    return None


def _trim(f: EntityFinder, begin: int, end: int) -> int | None:
    """End the name before a known place, person or non-name word; None when nothing is left."""
    keep = None
    joiners = set(names_lexicon()["name_joiners"])
    for t in re.finditer(r"\S+", f.text[begin:end]):
        b, e = begin + t.start(), begin + t.end()
        ref = next((r for r in f.refs if r.begin < e and b < r.end), None)
        if t.group(0) in stop_words() and keep is not None:
            break
        if ref is not None and ref.type is not EntityType.COUNTRY:
            break
        if ref is not None:  # a country ends the name: "Dewan Nasional Armenia"
            return ref.end if ref.end <= end else None
        if t.group(0) not in joiners:
            keep = e
    return keep


def _ends_in_country(f: EntityFinder, end: int) -> bool:
    """'Kepala | Badan Pelindungan Pekerja Migran Indonesia |': an organisation of a country."""
    return any(r.end == end and r.type is EntityType.COUNTRY for r in f.refs)


def _acronym_follows(f: EntityFinder, end: int) -> bool:
    """'ketua Komunitas Karibia (CARICOM)': a name with its own acronym is an organisation."""
    return bool(re.match(r"\s*\([A-Z][A-Za-z]{1,9}\)", f.text[end:end + 14]))


def _after_title(f: EntityFinder, begin: int) -> bool:
    """'Kepala | Biro Penerangan …': the words after a title belong to the title."""
    before = f.text[max(0, begin - 40):begin]
    return any(m.end() == len(before.rstrip()) and before.endswith(" ") for m in title_regex().finditer(before))


@cache
def stop_words() -> frozenset[str]:
    """Capitalised words that begin no name: sentence openers, weekdays, months."""
    lex = names_lexicon()
    return frozenset(lex["not_name_words"]) | calendar_words()
