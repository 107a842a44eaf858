
"""Indonesian dates: publication stamps, explicit dates, weekdays, relative days, corrections."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kgraph.dates import find_dates, latest_weekday, parse_published
from kgraph.html import html_to_text

WIB = dt.timezone(dt.timedelta(hours=7))
WITA = dt.timezone(dt.timedelta(hours=8))
WIT = dt.timezone(dt.timedelta(hours=9))
# A Thursday: "Senin" before it is 12 September, "Selasa" 13 September.
PUBLISHED = dt.date(2022, 9, 15)




@pytest.mark.parametrize(
    ("text", "value", "matched"),
    [
        ("13/09/2022, 19:31 WIB", dt.datetime(2022, 9, 13, 19, 31, tzinfo=WIB), "13/09/2022, 19:31 WIB"),
        ("Kompas.com - 13/09/2022, 19:31 WIB", dt.datetime(2022, 9, 13, 19, 31, tzinfo=WIB), "13/09/2022, 19:31 WIB"),
        ("Selasa, 13 Sep 2022 10:50 WIB", dt.datetime(2022, 9, 13, 10, 50, tzinfo=WIB), "Selasa, 13 Sep 2022 10:50 WIB"),
        ("Selasa, 13 September 2022 10:50 WIB", dt.datetime(2022, 9, 13, 10, 50, tzinfo=WIB), "Selasa, 13 September 2022 10:50 WIB"),
        ("Rabu, 25 Mei 2022 18:30 WITA", dt.datetime(2022, 5, 25, 18, 30, tzinfo=WITA), "Rabu, 25 Mei 2022 18:30 WITA"),
        ("Jumat, 1 Des 2023 07:05 WIT", dt.datetime(2023, 12, 1, 7, 5, tzinfo=WIT), "Jumat, 1 Des 2023 07:05 WIT"),
        ("Kamis, 2 Agustus 2018 | 09.15 WIB", dt.datetime(2018, 8, 2, 9, 15, tzinfo=WIB), "Kamis, 2 Agustus 2018 | 09.15 WIB"),
        ("12/07/2023 - 16:42 WIB", dt.datetime(2023, 7, 12, 16, 42, tzinfo=WIB), "12/07/2023 - 16:42 WIB"),
        ("Rabu 12 Jul 2023, pukul 16.42 WITA", dt.datetime(2023, 7, 12, 16, 42, tzinfo=WITA), "Rabu 12 Jul 2023, pukul 16.42 WITA"),
        ("Diterbitkan 12 July 2023 — 16:42", dt.datetime(2023, 7, 12, 16, 42, tzinfo=WIB), "12 July 2023 — 16:42"),
        ("13 September 2022", dt.date(2022, 9, 13), "13 September 2022"),
        ("Diperbarui 5-1-2021", dt.date(2021, 1, 5), "5-1-2021"),
        ("Senin, 13 Sept. 2022", dt.date(2022, 9, 13), "Senin, 13 Sept. 2022"),
        ("13/09/2022, 25:61 WIB", dt.date(2022, 9, 13), "13/09/2022, 25:61 WIB"),  # impossible time: the day still counts
    ],
)
def test_parse_published(text, value, matched):
    found = parse_published(text)
    assert found is not None
    got, begin, end = found
    assert got == value
    assert type(got) is type(value)
    assert text[begin:end] == matched


@pytest.mark.parametrize("text", ["", "tanpa tanggal", "31/02/2022", "13/13/2022", "Selasa", "2022"])
def test_parse_published_finds_nothing(text):
    assert parse_published(text) is None


@pytest.mark.parametrize(
    ("meta", "value"),
    [
        ('<meta property="article:published_time" content="2022-09-13T10:50:00+07:00">', dt.datetime(2022, 9, 13, 10, 50, tzinfo=WIB)),
        ('<meta property="article:published_time" content="2022-09-13">', dt.date(2022, 9, 13)),
        ('<meta name="pubdate" content="2022-09-13 19:31:00">', dt.datetime(2022, 9, 13, 19, 31, tzinfo=WIB)),
    ],
)
def test_iso_stamp_from_html(meta, value):
    _, article = html_to_text(f"<html><head>{meta}</head><body><p>Isi.</p></body></html>")
    assert article.published == value


def _one(text: str, published: dt.date | None = PUBLISHED):
    found = find_dates(text, published)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "expected", "value", "rule"),
    [
        pytest.param("Ia berbicara pada Senin.", "Senin", dt.date(2022, 9, 12), "weekday"),
        pytest.param("Rapat digelar Kamis malam.", "Kamis", PUBLISHED, "weekday"),
        ("Rapat digelar pada senin pagi.", "senin", dt.date(2022, 9, 12), "weekday"),
        ("Pasukan mundur kemarin.", "kemarin", dt.date(2022, 9, 14), "relative"),
        ("Kemarin pasukan mundur.", "Kemarin", dt.date(2022, 9, 14), "relative"),
        ("Hal itu terjadi kemarin lusa.", "kemarin lusa", dt.date(2022, 9, 13), "relative"),
        ("Mereka bertemu pekan lalu.", "pekan lalu", dt.date(2022, 9, 8), "relative"),
        pytest.param("Mereka bertemu minggu lalu.", "minggu lalu", dt.date(2022, 9, 8), "relative"),
        ("Pertemuan berlanjut pekan depan.", "pekan depan", dt.date(2022, 9, 22), "relative"),
        ("Kata juru bicara, Selasa (13/9/2022).", "Selasa (13/9/2022)", dt.date(2022, 9, 13), "explicit"),
        ("Hal itu terjadi pada 13/9/2022.", "13/9/2022", dt.date(2022, 9, 13), "explicit"),
        ("pada Selasa, 13 September 2022, pukul 10.00", "Selasa, 13 September 2022, pukul 10.00", dt.date(2022, 9, 13), "explicit"),
        ("Konflik pecah pada 27 September.", "27 September", dt.date(2021, 9, 27), "explicit"),  # after publication: the year before
        ("Konflik pecah pada 2 Sep.", "2 Sep", dt.date(2022, 9, 2), "explicit"),
        pytest.param("Blinken menelepon pada Selasa (13/9).", "Selasa (13/9)", dt.date(2022, 9, 13), "explicit"),
    ],
)
def test_find_dates(text, expected, value, rule):
    mention = _one(text)
    assert text[mention.begin : mention.end] == expected
    assert (mention.value, mention.rule, mention.weekday_mismatch) == (value, rule, False)


@pytest.mark.parametrize(
    ("text", "printed", "value"),
    [
        # the seed article's "Senin (12/3/2022)" pattern: a weekday that does not fit the digits
        ("kata dia Senin (13/9/2022) malam.", dt.date(2022, 9, 13), dt.date(2022, 9, 12)),
        ("pada Rabu (13/9/2022)", dt.date(2022, 9, 13), dt.date(2022, 9, 14)),
        ("pada Kamis (13/9/2022)", dt.date(2022, 9, 13), dt.date(2022, 9, 15)),
        ("pada Jumat (13/9/2022)", dt.date(2022, 9, 13), dt.date(2022, 9, 9)),
        ("pada Senin (12/3/2022)", dt.date(2022, 3, 12), dt.date(2022, 9, 12)),
        ("pada Senin, 13 September 2022", dt.date(2022, 9, 13), dt.date(2022, 9, 12)),
        ("pada Rabu (31/2/2022)", None, dt.date(2022, 9, 14)),  # no such date at all
    ],
)
def test_weekday_that_does_not_fit_the_date_is_corrected(text, printed, value):
    mention = _one(text)
    assert mention.rule == "corrected"
    assert mention.weekday_mismatch is True
    assert mention.printed == printed
    assert mention.value == value
    assert mention.value.weekday() == latest_weekday(mention.value.weekday(), PUBLISHED).weekday()
    assert mention.value <= PUBLISHED


@pytest.mark.parametrize("text", ["Senin", "kemarin", "pekan lalu", "27 September", "senin"])
def test_relative_expressions_need_a_publication_date(text):
    assert find_dates(text, None) == []


def test_explicit_dates_need_no_publication_date():
    assert [m.value for m in find_dates("pada 13/9/2022 dan 1 Oktober 2022", None)] == [dt.date(2022, 9, 13), dt.date(2022, 10, 1)]


def test_mentions_come_in_text_order_without_overlap():
    text = "Selasa (13/9/2022) kemarin dan 13 September 2022, lalu pekan lalu juga pada senin."
    found = find_dates(text, PUBLISHED)
    assert [m.begin for m in found] == sorted(m.begin for m in found)
    for a, b in itertools.pairwise(found):
        assert a.end <= b.begin


@pytest.mark.parametrize(
    ("weekday", "on_or_before", "expected"),
    [
        (0, dt.date(2022, 9, 15), dt.date(2022, 9, 12)),
        (3, dt.date(2022, 9, 15), dt.date(2022, 9, 15)),  # the same day counts
        (4, dt.date(2022, 9, 15), dt.date(2022, 9, 9)),
        (6, dt.date(2023, 1, 1), dt.date(2023, 1, 1)),
        (0, dt.date(2023, 1, 1), dt.date(2022, 12, 26)),
    ],
)
def test_latest_weekday(weekday, on_or_before, expected):
    assert latest_weekday(weekday, on_or_before) == expected


_DATE_WORDS = st.sampled_from([
    "Senin", "senin", "Selasa", "Minggu", "minggu lalu", "pekan lalu", "kemarin", "besok", "(", ")", "/", "-", ",",
    " ", "13", "9", "2022", "00", "99", "31/2/2022", "13 September", "Sep.", "pukul", "19:31", "WIB", "WITA",
    "13/9/2022", "0/0/0000", "\n", "９", "١٣",
])


@settings(max_examples=400, deadline=None)
@given(
    st.lists(_DATE_WORDS | st.text(max_size=6), max_size=30).map("".join),
    st.none() | st.dates(min_value=dt.date(1900, 1, 8), max_value=dt.date(2100, 12, 24)),
)
def test_find_dates_never_raises_and_spans_lie_in_the_text(text, published):
    for mention in find_dates(text, published):
        assert 0 <= mention.begin < mention.end <= len(text)
        assert isinstance(mention.value, dt.date)
        assert mention.rule in {"explicit", "weekday", "relative", "corrected"}
    parse_published(text)


def test_relative_day_at_the_end_of_the_calendar():
    assert find_dates("besok", dt.date(9999, 12, 31)) == []


_STAMP_WORDS = st.sampled_from([
    "Kompas.com - ", "Selasa, ", "Rabu ", "(", ")", "13", "9", "09", "2022", "/", "-", " ", ", ", " | ", " — ",
    "Sep", "September", "Sept.", "pukul ", "10:50", "19.31", "25:61", " WIB", " WITA", "Diperbarui ", "\n",
])


@settings(max_examples=400, deadline=None)
@given(st.lists(_STAMP_WORDS | st.text(max_size=6), max_size=20).map("".join))
def test_parse_published_never_raises_and_its_span_reads_alone(text):
    found = parse_published(text)
    if found is None:
        return
    value, begin, end = found
    assert 0 <= begin < end <= len(text)
    assert isinstance(value, dt.date)
    # the matched stamp, read on its own, gives the same value
    again = parse_published(text[begin:end])
    assert again is not None and again[0] == value
