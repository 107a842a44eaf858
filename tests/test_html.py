
"""Article text out of saved HTML pages: metadata from <head>, prose from the body container."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kgraph.html import html_to_text

WIB = dt.timezone(dt.timedelta(hours=7))

PARAGRAPHS = [
    "JAKARTA, KOMPAS.com - Pemerintah Indonesia mengirim tim evakuasi ke Sudan pada Selasa (25/4/2023) untuk menjemput warga negara yang terjebak pertempuran.",
    "Tim terdiri dari diplomat, tenaga medis dan personel TNI yang berangkat dari Bandara Halim Perdanakusuma.",
    "“Keselamatan warga adalah prioritas utama kami,” kata juru bicara Kementerian Luar Negeri.",
]

PAGE = f"""<!DOCTYPE html>
<html lang="id">
<head>
<meta charset="utf-8">
<title>Indonesia Kirim Tim Evakuasi ke Sudan - Kompas.com</title>
<meta property="og:title" content="Indonesia Kirim Tim Evakuasi ke Sudan">
<meta property="article:published_time" content="2023-04-25T14:05:00+07:00">
<meta name="author" content="Rina Anggraeni">
<script>window.dataLayer = [{{"kanal": "global"}}];</script>
<style>.read__content p {{ margin: 0 }}</style>
</head>
<body>
<header><a href="/">Kompas.com</a> <a href="/login">Login</a></header>
<nav><ul><li>Beranda</li><li>Nasional</li><li>Global</li></ul></nav>
<div class="container">
  <h1 class="read__title">Indonesia Kirim Tim Evakuasi ke Sudan</h1>
  <div class="read__time">Kompas.com - 25/04/2023, 14:05 WIB</div>
  <div class="read__content">
    <p>{PARAGRAPHS[0]}</p>
    <script>document.write("<p>IKLAN DARI SKRIP</p>");</script>
    <p>{PARAGRAPHS[1]}</p>
    <div class="ads-slot">ADVERTISEMENT Pasang iklan di sini</div>
    <p><strong>Baca juga:</strong> <a href="/x">Harga Beras Naik di Pasar Induk</a></p>
    <p>{PARAGRAPHS[2].replace("“", "&ldquo;").replace("”", "&rdquo;")}</p>
  </div>
  <aside class="sidebar">
    <h3>Terpopuler</h3>
    <ul><li>Gempa Guncang Pulau Seram</li><li>Timnas U-23 Lolos ke Final</li></ul>
  </aside>
</div>
<footer>Copyright 2023 Kompas Cyber Media. Hak Cipta Dilindungi.</footer>
</body>
</html>
"""


def test_saved_page_gives_headline_stamp_and_only_the_paragraphs():
    text, meta = html_to_text(PAGE)
    blocks = text.strip().split("\n\n")
    assert blocks[0] == "Indonesia Kirim Tim Evakuasi ke Sudan"
    assert meta.published == dt.datetime(2023, 4, 25, 14, 5, tzinfo=WIB)
    assert meta.authors == ("Rina Anggraeni",)
    for paragraph in PARAGRAPHS:
        assert paragraph in blocks
    for furniture in [
        "IKLAN DARI SKRIP", "dataLayer", "margin", "Beranda", "Login", "Terpopuler", "Gempa Guncang",
        "Timnas", "Copyright", "ADVERTISEMENT", "<p>", "&ldquo;",
    ]:
        assert furniture not in text, furniture
    # the paragraphs come in page order
    positions = [text.index(p) for p in PARAGRAPHS]
    assert positions == sorted(positions)


def test_headline_is_not_repeated_from_the_body():
    page = PAGE.replace('<div class="read__content">', '<div class="read__content"><h1>Indonesia Kirim Tim Evakuasi ke Sudan</h1>')
    text, _ = html_to_text(page)
    assert text.count("Indonesia Kirim Tim Evakuasi ke Sudan") == 1


@pytest.mark.parametrize(
    ("head", "h1", "headline"),
    [
        ('<meta property="og:title" content="Judul dari OG">', "<h1>Judul dari H1</h1>", "Judul dari OG"),
        ("<title>Judul dari Title - Portal</title>", "<h1>Judul dari H1</h1>", "Judul dari H1"),
        ("<title>Judul dari Title - Portal Berita</title>", "", "Judul dari Title"),
        ("<title>Judul | Rubrik | Portal</title>", "", "Judul | Rubrik"),
        ("<title>Gencatan Senjata Israel-Hamas Dimulai</title>", "", "Gencatan Senjata Israel-Hamas Dimulai"),
        ("", "<h1>Judul dari H1</h1>", "Judul dari H1"),
    ],
)
def test_headline_sources(head, h1, headline):
    page = f"<html><head>{head}</head><body>{h1}<article><p>Paragraf isi berita yang cukup panjang.</p></article></body></html>"
    text, _ = html_to_text(page)
    assert text.split("\n\n")[0] == headline


@pytest.mark.parametrize(
    ("stamp_markup", "expected"),
    [
        ('<meta property="article:published_time" content="2022-09-13T10:50:00+07:00">', dt.datetime(2022, 9, 13, 10, 50, tzinfo=WIB)),
        ('<meta name="pubdate" content="2022-09-13">', dt.date(2022, 9, 13)),
        ('<meta itemprop="pubdate" content="2022-09-13 08:00">', dt.datetime(2022, 9, 13, 8, 0, tzinfo=WIB)),
        ('<time datetime="2021-01-02T03:04:05Z">2 Januari</time>', dt.datetime(2021, 1, 2, 10, 4, 5, tzinfo=WIB)),
        ('<meta property="article:published_time" content="2022-09-13T03:50:00Z">', dt.datetime(2022, 9, 13, 10, 50, tzinfo=WIB)),
        ('<meta property="article:published_time" content="2022-09-13T11:50:00+08:00">', dt.datetime(2022, 9, 13, 10, 50, tzinfo=WIB)),
        ('<meta property="article:published_time" content="2022-09-13T10:50:00.123+07:00">', dt.datetime(2022, 9, 13, 10, 50, tzinfo=WIB)),
        ('<meta property="article:published_time" content="13/09/2022, 10:50 WIB">', dt.datetime(2022, 9, 13, 10, 50, tzinfo=WIB)),
        ('<meta property="article:published_time" content="kemarin sore">', None),
    ],
)
def test_published_stamp(stamp_markup, expected):
    page = f"<html><head>{stamp_markup if 'meta' in stamp_markup else ''}</head><body>{stamp_markup if 'time' in stamp_markup and 'meta' not in stamp_markup else ''}<article><p>Isi berita.</p></article></body></html>"
    _, meta = html_to_text(page)
    assert meta.published == expected


@pytest.mark.parametrize(
    "markup",
    [
        "",
        " ",
        "<",
        "<<<>>>",
        "<html>",
        "<p>tanpa penutup <b>tebal <i>miring",
        "<div class='read__content'><p>Satu<p>Dua<div>Tiga</span></p>",
        "<body><script>var x = '</p><p>';</script><p>Isi &amp; isi &#8220;kutip&#8221; &nbsp; &bogus; &#xZZ;</p>",
        "<p>" + "<div>" * 500 + "dalam" + "</div>" * 10,
        "<?xml version='1.0' encoding='utf-8'?><html><body><p>Dengan deklarasi XML.</p></body></html>",
        "<!-- komentar saja -->",
        "<html><head><meta property='og:title' content=''></head><body></body></html>",
        "\x0c<p>form feed</p>",
    ],
)
def test_hostile_markup_does_not_crash(markup):
    text, _ = html_to_text(markup)
    assert isinstance(text, str)
    assert "<script" not in text


def test_entities_are_decoded_and_script_in_body_dropped():
    text, _ = html_to_text(
        "<body><div class='read__content'><p>Ekspor &amp; impor naik &#8220;tajam&#8221;.</p>"
        "<script>alert('x')</script><p>Paragraf&nbsp;kedua.</p></div></body>"
    )
    assert "Ekspor & impor naik “tajam”." in text
    assert "Paragraf kedua." in text
    assert "alert" not in text


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("<>/=\"' &;#pdivscrptaeh1\n")) | st.characters(), max_size=300))
def test_arbitrary_markup_never_raises(markup):
    text, _ = html_to_text(markup)
    assert isinstance(text, str)


@pytest.mark.parametrize("wrapper", ["article", "main", "div"])
def test_page_without_known_container_still_drops_furniture(wrapper):
    page = (
        f"<html><body><nav>Beranda Nasional</nav><{wrapper}><p>{PARAGRAPHS[1]}</p></{wrapper}>"
        "<div class='related-news'><p>Berita lain yang tidak terkait.</p></div>"
        "<footer>Hak Cipta</footer></body></html>"
    )
    text, _ = html_to_text(page)
    assert PARAGRAPHS[1] in text
    for furniture in ["Beranda", "Berita lain", "Hak Cipta"]:
        assert furniture not in text
