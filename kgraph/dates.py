"""Indonesian date expressions: publication stamps, explicit dates, weekdays, relative days.

The calendar words come from lexicon/dates.yaml; this module holds the grammar.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from kgraph.lexicon import alternation, load_yaml


@dataclass(frozen=True, slots=True)
class DateMention:
    begin: int
    end: int
    value: dt.date
    rule: str  # explicit | weekday | relative | anchored | corrected
    printed: dt.date | None = None  # digits as written, when a weekday did not fit them
    weekday_mismatch: bool = False


@cache
def _words() -> tuple[dict[str, int], dict[str, int], dict[str, int], dict[str, int], dict[str, int]]:
    lex = load_yaml("dates.yaml")
    months = {w.lower(): int(m) for m, ws in lex["months"].items() for w in ws}
    weekdays = {w.lower(): int(d) for d, ws in lex["weekdays"].items() for w in ws}
    return months, weekdays, lex["relative_days"], lex["relative_weeks"], lex["timezones"]


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    months, weekdays, rel_days, rel_weeks, zones = _words()
    wd, mo = alternation(weekdays), alternation(months)
    # Day names as printed, and in lower case too, except "minggu": lower-case it means
    # "week" ("minggu lalu"), capitalised it is Sunday.
    names = [w for ws in load_yaml("dates.yaml")["weekdays"].values() for w in ws]
    wd_cased = alternation({*names, *(w.lower() for w in names if w.lower() != "minggu")})
    clock = r"(?:pukul\s*)?(?P<hh>\d{1,2})[.:](?P<mm>\d{2})(?:\s*(?P<tz>" + alternation(zones) + r"))?)?"
    time = r"(?:,?\s*" + clock
    # A publication stamp may set its time off with a bar or dash: "Kamis, 2 Agustus
    # 2018 | 09.15 WIB", "12/07/2023 - 16:42". In prose that would swallow a range.
    stamp_time = r"(?:\s*[,|–—-]?\s*" + clock
    numeric = r"(?:(?P<wd>" + wd + r")\s*[,(]?\s*)?\(?(?P<d>\d{1,2})[/-](?P<m>\d{1,2})[/-](?P<y>\d{4})\)?"
    named = r"(?:(?P<wd>" + wd + r")\s*[,(]?\s*)?\(?(?P<d>\d{1,2})\s+(?P<mon>" + mo + r")\.?\s+(?P<y>\d{4})\)?"
    return {
        # "13/09/2022, 19:31 WIB" or "Selasa (13/9/2022)" or "13-9-2022"
        "numeric": re.compile(numeric + time, re.IGNORECASE),
        # "Selasa, 13 Sep 2022 10:50 WIB", "13 September 2022", "Selasa (13 September 2022)"
        "named": re.compile(named + time, re.IGNORECASE),
        "numeric_stamp": re.compile(numeric + stamp_time, re.IGNORECASE),
        "named_stamp": re.compile(named + stamp_time, re.IGNORECASE),
        # "27 September" without a year
        "day_month": re.compile(r"\b(?P<d>\d{1,2})\s+(?P<mon>" + mo + r")\b(?!\.?\s+\d{4})", re.IGNORECASE),
        # "Selasa (13/9)": CNN Indonesia prints day/month without the year
        "numeric_short": re.compile(r"(?P<wd>" + wd_cased + r")\s*\(\s*(?P<d>\d{1,2})/(?P<m>\d{1,2})\s*\)"),
        "weekday": re.compile(r"\b(?P<wd>" + wd_cased + r")\b(?!\s*[,(]?\s*\(?\d)"),
        "relative": re.compile(r"\b(?P<rel>" + alternation(list(rel_days) + list(rel_weeks)) + r")\b", re.IGNORECASE),
    }


def parse_published(text: str) -> tuple[dt.datetime | dt.date, int, int] | None:
    """The first full date (with time when printed) in `text`: (value, begin, end)."""
    months, _, _, _, zones = _words()
    best = None
    for kind in ("numeric_stamp", "named_stamp"):
        m = _patterns()[kind].search(text)
        if m and (best is None or m.start() < best[1]):
            best = (m, m.start(), m.end())
    if best is None:
        return None
    m = best[0]
    month = int(m["m"]) if "m" in m.groupdict() and m["m"] else months[m["mon"].lower()]
    try:
        day = dt.date(int(m["y"]), month, int(m["d"]))
    except ValueError:
        return None
    if m["hh"]:
        offset = dt.timezone(dt.timedelta(hours=zones.get((m["tz"] or "WIB").upper(), 7)))
        try:
            return dt.datetime(day.year, day.month, day.day, int(m["hh"]), int(m["mm"]), tzinfo=offset), *best[1:]
        except ValueError:
            return day, *best[1:]
    return day, *best[1:]


def latest_weekday(weekday: int, on_or_before: dt.date) -> dt.date:
    return on_or_before - dt.timedelta(days=(on_or_before.weekday() - weekday) % 7)


def find_dates(text: str, published: dt.date | None) -> list[DateMention]:
    """Every date expression in `text`, resolved against the publication date."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def free(b: int, e: int) -> bool:
        return all(e <= tb or b >= te for tb, te in taken)

    for kind in ("numeric", "named", "numeric_short", "day_month", "weekday", "relative"):
        for m in _patterns()[kind].finditer(text):
            if not free(m.start(), m.end()):
                continue
            try:
                mention = _resolve(kind, m, published)
            except OverflowError:  # a relative day beyond the calendar's range
                mention = None
            if mention is not None:
                found.append(mention)
                taken.append((m.start(), m.end()))
    return sorted(found, key=lambda d: d.begin)


def _resolve(kind: str, m: re.Match[str], published: dt.date | None) -> DateMention | None:
    months, weekdays, rel_days, rel_weeks, _ = _words()
    b, e = m.start(), m.end()
    if kind in ("numeric", "named"):
        month = int(m["m"]) if kind == "numeric" else months[m["mon"].lower()]
        printed = _safe_date(int(m["y"]), month, int(m["d"]))
        wd = weekdays.get(m["wd"].lower()) if m["wd"] else None
        return _check_weekday(b, e, printed, wd, published)
    if kind == "numeric_short":
        if published is None:
            return None
        printed = _safe_date(published.year, int(m["m"]), int(m["d"]))
        if printed and printed > published:
            printed = _safe_date(published.year - 1, printed.month, printed.day)
        return _check_weekday(b, e, printed, weekdays[m["wd"].lower()], published)
    if kind == "day_month":
        if published is None:
            return None
        value = _safe_date(published.year, months[m["mon"].lower()], int(m["d"]))
        if value and value > published:
            value = _safe_date(published.year - 1, value.month, value.day)
        return DateMention(b, e, value, "explicit") if value else None
    if published is None:
        return None
    if kind == "weekday":
        return DateMention(b, e, latest_weekday(weekdays[m["wd"].lower()], published), "weekday")
    rel = m["rel"].lower()
    if rel in rel_days:
        return DateMention(b, e, published + dt.timedelta(days=rel_days[rel]), "relative")
    return DateMention(b, e, published + dt.timedelta(weeks=rel_weeks[rel]), "relative")


def _check_weekday(
    b: int, e: int, printed: dt.date | None, weekday: int | None, published: dt.date | None
) -> DateMention | None:
    """A weekday beside a date that does not fit it: trust the weekday and the
    publication date, since a mistyped digit is likelier than a wrong day name."""
    if printed is not None and (weekday is None or printed.weekday() == weekday):
        return DateMention(b, e, printed, "explicit")
    if weekday is None or published is None:
        return None
    # Prefer a date that keeps the printed day of month (only the month was mistyped)
    # within the week before publication; else the latest such weekday.
    candidate = latest_weekday(weekday, published)
    return DateMention(b, e, candidate, "corrected", printed=printed, weekday_mismatch=True)


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


@cache
def _anchored_regex() -> tuple[re.Pattern[str], dict[str, int]]:
    offsets = {k.lower(): int(v) for k, v in load_yaml("dates.yaml").get("anchored_days", {}).items()}
    words = "|".join(re.escape(k) for k in sorted(offsets, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{words})(?![\w-])", re.IGNORECASE), offsets


@cache
def _clock_regex() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in load_yaml("dates.yaml").get("clock_words", []))
    return re.compile(rf"(?<![\w-])(?:{words})\s+\d{{1,2}}[.:]\d{{2}}(?!\d)", re.IGNORECASE)


def find_clock(text: str) -> list[tuple[int, int, int]]:
    """'pukul 15.35': a time of day, on the day the story last named (offset 0)."""
    return [(m.start(), m.end(), 0) for m in _clock_regex().finditer(text)]


def find_anchored(text: str) -> list[tuple[int, int, int]]:
    """'sehari sebelumnya', 'keesokan harinya': (begin, end, offset in days) of phrases that
    count from the date the story last named, not from publication."""
    pattern, offsets = _anchored_regex()
    return [(m.start(), m.end(), offsets[m.group(0).lower()]) for m in pattern.finditer(text)]
