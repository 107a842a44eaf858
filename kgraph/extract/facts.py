"""Counts of people harmed, standing relations (membership) and lists of places."""

from __future__ import annotations

import re
from functools import cache

from kgraph.extract.clauses import group_before, participant
from kgraph.extract.entities import EntityFinder, Ref
from kgraph.lexicon import load_yaml
from kgraph.model import Count, EntityType, Relation, Segmented, Span
from kgraph.rdfmap import slug

NUMBER = r"\d{1,3}(?:\.\d{3})+|\d+(?:,\d+)?"
# How far (in words) the casualty word may sit from the number it qualifies:
# "1.200 orang dari kedua belah pihak dilaporkan tewas" is seven words apart.
CASUALTY_WINDOW = 8


@cache
def _casualties() -> dict:
    return load_yaml("casualties.yaml")


@cache
def _count_pattern() -> re.Pattern[str]:
    lex = _casualties()
    qual = "|".join(re.escape(q) for q in lex["qualifiers"])
    scale = "|".join(lex["scale"])
    return re.compile(rf"(?:(?:{qual})\s+)?(?P<num>{NUMBER})(?:\s+(?P<scale>{scale}))?(?![\d/.])")


def parse_number(digits: str, scale: str | None = None) -> int | None:
    """Indonesian digits: '30.000' → 30000, '2,5' juta → 2500000."""
    value = float(digits.replace(".", "").replace(",", ".")) if "," in digits else int(digits.replace(".", ""))
    value = value * _casualties()["scale"].get(scale or "", 1)
    return int(value) if float(value).is_integer() else None


def find_counts(seg: Segmented, refs: list[Ref]) -> list[Count]:
    text = seg.body.text
    kinds = _casualties()["kinds"]
    out: list[Count] = []
    for sentence in seg.sentences:
        s = sentence.span
        for m in _count_pattern().finditer(s.text):
            if _is_year_or_date(s.text, m):
                continue
            value = parse_number(m["num"], m["scale"])
            window = " ".join(re.findall(r"[\w-]+", s.text[m.end():])[:CASUALTY_WINDOW]).lower()
            before = " ".join(re.findall(r"[\w-]+", s.text[:m.start()])[-2:]).lower()
            kind = _kind(window, kinds) or _kind(before, {"killed": ["menewaskan"], "injured": ["melukai"]})
            if value is None or kind is None:
                continue
            span = Span.of(text, s.begin + m.start(), s.begin + m.end())
            out.append(Count(kind, value, _owner(seg, refs, s, span), span, s))
    return out


def _kind(window: str, kinds: dict[str, list[str]]) -> str | None:
    first = None
    for kind, words in kinds.items():
        for w in words:
            idx = re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", window)
            if idx and (first is None or idx.start() < first[0]):
                first = (idx.start(), kind)
    return first[1] if first else None


def _is_year_or_date(text: str, m: re.Match[str]) -> bool:
    num = m["num"]
    if re.fullmatch(r"(?:19|20)\d{2}", num):
        return True
    return bool(re.match(r"\s*/", text[m.end():m.end() + 2]))


def _owner(seg: Segmented, refs: list[Ref], sentence: Span, number: Span) -> str | None:
    """'tentara Armenia', '49 tentaranya' (the sentence's subject), else nobody."""
    text = seg.body.text
    tail = text[number.end:sentence.end]
    noun = re.match(r"\s+(\w+)", tail)
    if noun and noun.group(1).endswith("nya"):
        subject = [r for r in refs if sentence.begin <= r.begin < number.begin and participant(r)]
        return subject[0].acts_as if subject else None
    nxt = [r for r in refs if number.end <= r.begin < number.end + 30 and participant(r)]
    if noun and nxt and re.fullmatch(r"\s+\w+\s+", text[number.end:nxt[0].begin]):
        return nxt[0].acts_as
    return None


@cache
def _member_patterns() -> tuple[str, ...]:
    return tuple(load_yaml("relations.yaml")["member_patterns"])


def find_relations(seg: Segmented, refs: list[Ref], kinds: dict[str, str]) -> list[Relation]:
    """memberOf from 'A, negara anggota ORG' and treaty sentences; ORG must be an alliance or body."""
    text = seg.body.text
    orgs = [r for r in refs if r.type is EntityType.ORGANIZATION and kinds.get(r.key) in {"alliance", "intergovernmental"}]
    members = [r for r in refs if r.type is EntityType.COUNTRY or (r.acts_as != r.key and r.type is EntityType.PLACE)]
    out: list[Relation] = []
    for sentence in seg.sentences:
        s = sentence.span
        s_orgs = [r for r in orgs if s.begin <= r.begin < s.end]
        s_members = [r for r in members if s.begin <= r.begin < s.end]
        for org in s_orgs:
            for member in s_members:
                if _member_pattern_fits(text, member, org):
                    out.append(Relation(member.acts_as, "memberOf", org.key, s))
            out.extend(_treaty_members(seg, refs, sentence.span, org))
    return _dedupe(out)


def _member_pattern_fits(text: str, member: Ref, org: Ref) -> bool:
    lo, hi = min(member.begin, org.begin), max(member.end, org.end)
    if hi - lo > 120:
        return False
    piece = text[lo:hi]
    if not re.search(r"anggota|bergabung", piece):
        return False
    a, o = re.escape(text[member.begin:member.end]), re.escape(text[org.begin:org.end])
    return any(re.fullmatch(p.replace("{A}", a).replace("{ORG}", o) + r".*?", piece) or
               re.search(p.replace("{A}", a).replace("{ORG}", o), piece) for p in _member_patterns())


def _treaty_members(seg: Segmented, refs: list[Ref], sentence: Span, org: Ref) -> list[Relation]:
    lex = load_yaml("relations.yaml")
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
        seen.setdefault((r.subject, r.predicate, r.object), r)
    return list(seen.values())


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
