
"""Article text out of saved HTML pages: metadata from <head>, prose from the body container."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kgraph.html import html_to_text
from kgraph.model import Span

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


# --- JSON-LD, credit lines above the body, link-dense blocks ---------------------------------


def _ld_page(ld: str, head: str = "", body: str = "") -> str:
    return (
        f'<html><head>{head}<script type="application/ld+json">{ld}</script></head><body>'
        f"<h1>Judul dari H1</h1>{body}<article><p>{PARAGRAPHS[1]}</p></article></body></html>"
    )


@pytest.mark.parametrize(
    ("ld", "published", "authors", "publisher"),
    [
        (
            '{"@type": "NewsArticle", "datePublished": "2024-10-10T16:05:00+0700",'
            ' "author": {"@type": "Person", "name": "Maya Sari"}, "publisher": {"name": "Warta Nusantara"}}',
            dt.datetime(2024, 10, 10, 16, 5, tzinfo=WIB), ("Maya Sari",), "Warta Nusantara",
        ),
        (  # inside @graph, a list of authors, one given as a bare string
            '{"@graph": [{"@type": "WebPage"}, {"@type": ["ReportageNewsArticle"], "datePublished": "2024-10-10",'
            ' "author": [{"name": "Maya Sari"}, "Yoga Firmansyah"]}]}',
            dt.date(2024, 10, 10), ("Maya Sari", "Yoga Firmansyah"), None,
        ),
        (  # a list at the top, with raw line breaks inside a string
            '[{"@type": "BreadcrumbList"}, {"@type": "Article", "datePublished": "2024-10-10 16:05",'
            ' "author": "Maya\nSari"}]',
            dt.datetime(2024, 10, 10, 16, 5, tzinfo=WIB), ("Maya Sari",), None,
        ),
        ('{"@type": "WebPage", "datePublished": "2024-10-10"}', None, (), None),  # not an article
        ("{ broken", None, (), None),
        ('{"@type": "NewsArticle", "author": 42, "publisher": [], "datePublished": ["x"]}', None, (), None),
    ],
)
def test_json_ld_article(ld, published, authors, publisher):
    _, meta = html_to_text(_ld_page(ld))
    assert (meta.published, meta.authors, meta.publisher) == (published, authors, publisher)


def test_json_ld_comes_before_meta_tags():
    head = '<meta name="author" content="Nama dari Meta"><meta property="article:published_time" content="2020-01-01">'
    _, meta = html_to_text(_ld_page('{"@type": "NewsArticle", "author": "Nama dari LD", "datePublished": "2024-10-10"}', head))
    assert meta.authors == ("Nama dari LD",)
    assert meta.published == dt.date(2024, 10, 10)


def test_site_name_is_the_publisher_hint():
    _, meta = html_to_text(PAGE.replace("<head>", '<head><meta property="og:site_name" content="KOMPAS.com">'))
    assert meta.publisher == "KOMPAS.com"


@pytest.mark.parametrize("wrapper", ["div", "header"])
def test_credit_lines_between_headline_and_body_are_kept_in_order(wrapper):
    page = (
        f'<html><body><nav>Beranda</nav><{wrapper} class="detail__header"><h1>Judul Berita</h1>'
        '<div class="detail__author">Nadia Kusumawati - detikNews</div>'
        '<div class="detail__date">Rabu, 22 Nov 2023 13:45 WIB</div>'
        '<div class="detail__share"><a href="#">BAGIKAN</a></div>'
        f'<div class="read__source">Sumber <b>AFP</b>, Reuters</div></{wrapper}>'
        f'<div class="detail__body-text"><p>{PARAGRAPHS[1]}</p></div>'
        '<aside><div>Nama Lain - detikNews</div></aside></body></html>'
    )
    text, meta = html_to_text(page)
    assert text.strip().split("\n\n") == [
        "Judul Berita", "Nadia Kusumawati - detikNews", "Rabu, 22 Nov 2023 13:45 WIB", "Sumber AFP, Reuters",
        PARAGRAPHS[1],
    ]
    assert meta.headline == Span(0, len("Judul Berita"), "Judul Berita")


def test_headline_inside_the_body_container_gives_no_header_lines():
    page = PAGE.replace('<h1 class="read__title">Indonesia Kirim Tim Evakuasi ke Sudan</h1>', "")
    page = page.replace('<div class="read__content">', '<div class="read__content"><h1>Judul Lain</h1>')
    text, _ = html_to_text(page)
    assert "Kompas.com - 25/04/2023" not in text
    assert text.split("\n\n")[:2] == ["Indonesia Kirim Tim Evakuasi ke Sudan", "2023-04-25T14:05:00+07:00"]


@pytest.mark.parametrize(
    ("block", "kept"),
    [
        ('<div class="box-list"><span>Pilihan</span> <a href="/a">Harga Minyak Goreng Turun</a> <a href="/b">Timnas Juara</a></div>', False),
        ('<p><strong>Artikel lain:</strong> <a href="/c">Gubernur Resmikan Jembatan Baru di Pedalaman</a></p>', False),
        ('<ul><li><a href="/a">Satu Berita</a></li><li><a href="/b">Dua Berita</a></li></ul>', False),
        ('<p>Pernyataan itu disampaikan <a href="/tag/retno">Retno Marsudi</a> di Jakarta pada Selasa.</p>', True),
        ('<p>Menurut <a href="/a">Bank Indonesia</a>, inflasi <a href="/b">tahun ini</a> terkendali di bawah target.</p>', True),
    ],
)
def test_link_dense_blocks_are_dropped_prose_with_links_kept(block, kept):
    text, _ = html_to_text(f'<html><body><div class="read__content"><p>{PARAGRAPHS[1]}</p>{block}</div></body></html>')
    visible = " ".join(lxml_text(block).split())
    assert (visible in text) is kept
    assert PARAGRAPHS[1] in text


def lxml_text(markup: str) -> str:
    from lxml import html as lxml_html

    return lxml_html.fragment_fromstring(markup).text_content()


@pytest.mark.parametrize(
    "ld",
    ["[" * 3000 + "]" * 3000, '{"@graph": ' * 50 + "{}" + "}" * 50, '"just a string"', "null", "1e999",
     '{"@type": "NewsArticle", "headline": {"x": 1}, "author": [[["deep"]]]}'],
)
def test_hostile_json_ld_does_not_crash(ld):
    text, meta = html_to_text(_ld_page(ld))
    assert text.startswith("Judul dari H1")
    assert meta.authors == ()


def test_photo_captions_and_credits_are_not_body_text() -> None:
    from kgraph.html import html_to_text

    page = ("<html><body><article><h1>Judul</h1><figure><img src='x.jpg'><figcaption>Menhan bersama tamunya "
            "(Foto: dok. Biro Humas Setjen Kemhan)</figcaption></figure><p>Isi berita yang sebenarnya.</p>"
            "</article></body></html>")
    text, _ = html_to_text(page)
    assert "Isi berita" in text and "Setjen Kemhan" not in text
