"""Lexicon files compiled once into lookup structures: a gazetteer automaton,
title tables, event triggers and the stemmer."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import ahocorasick

from kgraph.lexicon import load_tsv, load_yaml, split_aliases
from kgraph.model import EntityType


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    key: str
    type: EntityType
    label: str
    english: str | None = None
    iso: str | None = None
    part_of: str | None = None  # country key of a capital, city or national body
    stands_for: str | None = None  # country key this name can act for (capital, Kremlin)
    kind: str = ""


@dataclass(frozen=True, slots=True)
class GazetteerHit:
    begin: int
    end: int
    entry: GazetteerEntry


def _country_entries() -> list[tuple[str, GazetteerEntry]]:
    out = []
    for row in load_tsv("countries.tsv"):
        key = f"country/{row['iso2']}"
        entry = GazetteerEntry(key, EntityType.COUNTRY, row["label_id"], row["label_en"], row["iso2"], kind="country")
        for name in {row["label_id"], row["label_en"], *split_aliases(row["aliases"])}:
            out.append((name, entry))
        if row["capital"]:
            cap = GazetteerEntry(
                f"place/{_slug(row['capital'])}", EntityType.PLACE, row["capital"],
                part_of=key, stands_for=key, kind="capital",
            )
            for name in {row["capital"], *split_aliases(row["capital_aliases"])}:
                out.append((name, cap))
    return out


def _place_entries() -> list[tuple[str, GazetteerEntry]]:
    out = []
    for row in load_tsv("places.tsv"):
        part_of = f"country/{row['country']}" if row["country"] else None
        entry = GazetteerEntry(f"place/{_slug(row['name'])}", EntityType.PLACE, row["name"], part_of=part_of, kind=row["kind"])
        for name in {row["name"], *split_aliases(row["aliases"])}:
            out.append((name, entry))
    return out


def _org_entries() -> list[tuple[str, GazetteerEntry]]:
    out = []
    for org in load_yaml("organizations.yaml"):
        country = f"country/{org['country']}" if org.get("country") else None
        stands = f"country/{org['stands_for']}" if org.get("stands_for") else None
        entry = GazetteerEntry(
            f"org/{org['id']}", EntityType.ORGANIZATION, org["label"], org.get("en"),
            part_of=country, stands_for=stands, kind=org.get("kind", ""),
        )
        for name in {org["label"], *(org.get("aliases") or []), *([org["en"]] if org.get("en") else [])}:
            out.append((str(name), entry))
    return out


def _people_entries() -> list[tuple[str, GazetteerEntry]]:
    """Well-known people (names.yaml): the full name and the forms naming them alone."""
    out = []
    for person in load_yaml("names.yaml")["people"]:
        name = str(person["name"])
        entry = GazetteerEntry(f"person/{_slug(name)}", EntityType.PERSON, name, kind="person")
        for form in [name, *(person.get("aliases") or [])]:
            out.append((str(form), entry))
    return out


def _slug(text: str) -> str:
    from kgraph.rdfmap import slug

    return slug(text)


@cache
def gazetteer() -> ahocorasick.Automaton:
    """Case-sensitive surface forms to entries; later lists do not override earlier ones."""
    automaton = ahocorasick.Automaton()
    for name, entry in _country_entries() + _org_entries() + _place_entries() + _people_entries():
        name = name.strip()
        if len(name) < 2 or name in automaton:
            continue
        automaton.add_word(name, (len(name), entry))
    automaton.make_automaton()
    return automaton


def gazetteer_hits(text: str) -> list[GazetteerHit]:
    """Non-overlapping whole-word matches, the longest first (so "Angkatan Laut Arab Saudi"
    holds "Arab Saudi", not the sea "Laut Arab"), in text order."""
    found = []
    for end_idx, (length, entry) in gazetteer().iter(text):
        begin, end = end_idx - length + 1, end_idx + 1
        if _word_edge(text, begin, end):
            found.append(GazetteerHit(begin, end, entry))
    found.sort(key=lambda h: (-(h.end - h.begin), h.begin))
    out: list[GazetteerHit] = []
    for hit in found:
        if all(hit.end <= o.begin or o.end <= hit.begin for o in out):
            out.append(hit)
    return sorted(out, key=lambda h: h.begin)


def _word_edge(text: str, begin: int, end: int) -> bool:
    before = text[begin - 1] if begin > 0 else " "
    after = text[end] if end < len(text) else " "
    if before.isalnum() or after.isalnum():
        return False
    # "Kompas.com", "Kremlin-backed": a dot or hyphen joined to a word continues it
    if after in ".-" and end + 1 < len(text) and text[end + 1].isalnum():
        return False
    return not (before == "-" and begin > 1 and text[begin - 2].isalnum())


@dataclass(frozen=True, slots=True)
class Title:
    label: str  # full form recorded in the graph
    english: str
    of: str | None = None  # fixed country key, when the title implies one
    ministry: str | None = None  # field, for "Menteri Luar Negeri"
    seat: bool = False  # held in a town or region named after it ("Bupati Labuhanbatu …")


@cache
def titles() -> dict[str, Title]:
    """Surface form (as written, case-sensitive) → Title; includes "Menteri <field>" and short forms."""
    lex = load_yaml("titles.yaml")
    out: dict[str, Title] = {}
    for t in lex["titles"]:
        title = Title(t["label"], t["en"], f"country/{t['of']}" if t.get("of") else None, seat=bool(t.get("seat")))
        for form in [t["label"], *t.get("aliases", [])]:
            out.setdefault(form, title)
            out.setdefault(form[0].lower() + form[1:], title)
            if not form.isupper():  # "perdana menteri", but not "pm" for "PM"
                out.setdefault(form.lower(), title)
    for f in lex["ministry_fields"]:
        for prefix, en in (("Menteri", "Minister"), ("Wakil Menteri", "Deputy Minister")):
            title = Title(f"{prefix} {f['field']}", f"{en} of {f['en']}", ministry=f["field"])
            out.setdefault(f"{prefix} {f['field']}", title)
            out.setdefault(f"{prefix.lower()} {f['field'].lower()}", title)
        for short in f.get("short_title", []):
            out.setdefault(short, Title(f"Menteri {f['field']}", f"Minister of {f['en']}", ministry=f["field"]))
    return out


@cache
def title_regex() -> re.Pattern[str]:
    """A title as written; group `title` is the form (a key of `titles()`), `nya` a
    possessive ending ("juru bicaranya": his spokesman)."""
    forms = sorted(titles(), key=len, reverse=True)
    alt = "|".join(re.escape(f) for f in forms)
    return re.compile(r"(?<![\w-])(?P<title>" + alt + r")(?P<nya>nya)?(?![\w-])")


@cache
def title_extras() -> dict[str, tuple[str, ...]]:
    """Modifiers, fillers and joiners that may stand inside a title phrase (titles.yaml)."""
    lex = load_yaml("titles.yaml")
    return {k: tuple(sorted(lex[k], key=len, reverse=True)) for k in ("title_modifiers", "title_fillers", "title_joiners",
                                                                      "field_words")}


@cache
def anaphora_heads() -> dict[str, tuple[str, ...]]:
    """'sang presiden' -> the titles its referent holds; a capitalised form too."""
    out: dict[str, tuple[str, ...]] = {}
    for phrase, labels in load_yaml("titles.yaml")["anaphora_heads"].items():
        out[phrase] = tuple(labels)
        out[phrase[0].upper() + phrase[1:]] = tuple(labels)
    return out


@cache
def ministry_fields() -> dict[str, str]:
    """Field (lower case) → English; plus short organisation names → field."""
    return {f["field"].lower(): f["en"] for f in load_yaml("titles.yaml")["ministry_fields"]}


@cache
def ministry_regex() -> re.Pattern[str]:
    fields = sorted(ministry_fields(), key=len, reverse=True)
    alt = "|".join(re.escape(f) for f in fields)
    heads = "|".join(re.escape(h) for h in load_yaml("titles.yaml")["ministry_heads"])
    return re.compile(rf"(?<![\w-])(?:{heads})\s+(?P<field>{alt})(?![\w-])", re.IGNORECASE)


@cache
def ministry_orgs() -> dict[tuple[str, str], GazetteerEntry]:
    """(field, country key) -> the gazetteer's organisation for that ministry, so that
    "Kementerian Pertahanan" of Indonesia and "Kemhan" are one node."""
    out: dict[tuple[str, str], GazetteerEntry] = {}
    fields = sorted(ministry_fields(), key=len, reverse=True)
    for name, entry in _org_entries():
        if entry.part_of is None:
            continue
        m = ministry_regex().match(name)
        if m is None:
            continue
        rest = name[m.end():].strip().lower()
        if rest in _country_names(entry.part_of) and m["field"].lower() in fields:
            out.setdefault((m["field"].lower(), entry.part_of), entry)
    return out


@cache
def _country_names(key: str) -> frozenset[str]:
    """Lower-case names of a country, and "" (no name)."""
    names = {""}
    for name, entry in _country_entries():
        if entry.key == key:
            names.add(name.lower())
    return frozenset(names)


@dataclass(frozen=True, slots=True)
class NationalBody:
    label: str
    english: str
    heads: tuple[str, ...]
    national: str | None
    country: str | None = None  # fixed country key ("KBRI" is Indonesia's embassy)


@cache
def national_bodies() -> tuple[NationalBody, ...]:
    return tuple(
        NationalBody(b["label"], b["en"], tuple(b["heads"]), b.get("national"),
                     f"country/{b['country']}" if b.get("country") else None)
        for b in load_yaml("titles.yaml")["national_bodies"]
    )


@cache
def national_orgs() -> dict[tuple[str, str], GazetteerEntry]:
    """(national kind, country key) -> the gazetteer organisation that is that body."""
    out: dict[tuple[str, str], GazetteerEntry] = {}
    entries = {e.key: e for _, e in _org_entries()}
    for org in load_yaml("organizations.yaml"):
        if org.get("national") and org.get("country"):
            out.setdefault((org["national"], f"country/{org['country']}"), entries[f"org/{org['id']}"])
    return out


@cache
def names_lexicon() -> dict:
    return load_yaml("names.yaml")


@cache
def short_ministries() -> dict[str, str]:
    """'Kemlu' → 'Luar Negeri'."""
    return {s: f["field"] for f in load_yaml("titles.yaml")["ministry_fields"] for s in f.get("short_org", [])}


@cache
def title_words() -> frozenset[str]:
    words = set()
    for form in titles():
        words.update(form.split())
    return frozenset(words)


@cache
def calendar_words() -> frozenset[str]:
    lex = load_yaml("dates.yaml")
    return frozenset(w for table in ("months", "weekdays") for ws in lex[table].values() for w in ws)


@cache
def stemmer():
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    return StemmerFactory().create_stemmer()


@cache
def stem(word: str) -> str:
    return stemmer().stem(word.lower())


@cache
def org_kinds() -> dict[str, str]:
    """Organisation key → kind (alliance, intergovernmental, military, ...)."""
    return {f"org/{o['id']}": o.get("kind", "") for o in load_yaml("organizations.yaml")}


@cache
def countries_by_key() -> dict[str, GazetteerEntry]:
    return {entry.key: entry for _, entry in _country_entries() if entry.type is EntityType.COUNTRY}


@cache
def country_forms() -> frozenset[str]:
    """Every name of a country as written."""
    return frozenset(name for name, entry in _country_entries() if entry.type is EntityType.COUNTRY)


@cache
def place_countries() -> dict[str, str]:
    """Place key -> the key of the country it lies in ("place/gaza" -> "country/PS")."""
    return {entry.key: entry.part_of for _, entry in _place_entries() if entry.part_of}
