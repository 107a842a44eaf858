
"""Stage 2, clean: metadata and body paragraphs out of pages laid out like five Indonesian portals.

The pages are invented for these tests; only their layout follows the portals.
Each expectation is its own test case, so a failure names the portal and field.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kgraph.clean import clean, is_furniture
from kgraph.model import Document
from kgraph.read import read_document

from .test_html import PAGE as HTML_PAGE

WIB = dt.timezone(dt.timedelta(hours=7))
DATA = Path(__file__).parent / "data" / "articles"

KOMPAS = """\
Baca berita tanpa iklan. Gabung Kompas.com+

Shoigu Kunjungi Yerevan, Janjikan Dukungan Militer Rusia

Kompas.com - 20/10/2022, 08:45 WIB
Andika Saputra

Penulis

Sumber TASS

YEREVAN, KOMPAS.com - Menteri Pertahanan Rusia Sergei Shoigu tiba di Yerevan pada Rabu (19/10/2022) untuk bertemu pejabat pertahanan Armenia.

Dalam pertemuan itu, Shoigu menjanjikan dukungan peralatan militer bagi Armenia, sebagaimana dilansir TASS.

Baca juga: Pemerintah Kota Bekasi Buka Lowongan Guru Honorer

Shoigu menyebut hubungan kedua negara sebagai kemitraan strategis yang tidak tergoyahkan.

Simak breaking news dan berita pilihan kami langsung di ponselmu. Pilih saluran andalanmu akses berita Kompas.com WhatsApp Channel : https://www.whatsapp.com/channel/contoh

Terkini Lainnya

Banjir Rendam Ratusan Rumah di Pesisir Utara Jawa

Banjir Rendam Ratusan Rumah di Pesisir Utara Jawa

Mobil Listrik Makin Diminati Konsumen Muda

Halaman:
Bagikan artikel ini melalui
Login untuk memaksimalkan pengalaman mengakses Kompas.com
"""

CNN = """\
Internasional

Menlu AS Telepon Pemimpin Armenia dan Azerbaijan Usai Bentrokan

CNN Indonesia
Selasa, 13 Sep 2022 10:50 WIB

Bagikan :

Jakarta, CNN Indonesia -- Menteri Luar Negeri Amerika Serikat Antony Blinken menelepon Perdana Menteri Armenia Nikol Pashinyan pada Selasa (13/9) setelah bentrokan di perbatasan.

Blinken juga berbicara dengan Presiden Azerbaijan Ilham Aliyev dan mendesak kedua pihak menahan diri, seperti dilansir Reuters.

"Kami meminta penghentian segera permusuhan," kata Blinken dalam pernyataan tertulis.

Baca juga: Harga Minyak Dunia Turun Tipis Pekan Ini

(afp/rds)

[Gambas:Video CNN]

Berita Terkait

Warga Eropa Menghadapi Musim Dingin dengan Tagihan Listrik Tinggi
"""

DETIK = """\
detikNews
Internasional

Rusia dan Armenia Sepakat Redakan Ketegangan di Perbatasan

Rahmat Hidayat - detikNews
Selasa, 13 Sep 2022 21:05 WIB

Jakarta - Menteri Pertahanan Rusia Sergei Shoigu berbicara melalui telepon dengan Menteri Pertahanan Armenia Suren Papikyan pada Selasa (13/9/2022).

Kedua menteri sepakat mengambil langkah untuk meredakan situasi di perbatasan Armenia dan Azerbaijan, demikian dilansir kantor berita TASS.

Baca juga:
Ratusan Warga Mengungsi Akibat Banjir di Kabupaten Bandung

Pihak Armenia menyebut puluhan tentaranya tewas dalam pertempuran semalam.

(rdp/imk)

Simak Video "Suasana Perbatasan Usai Bentrokan"
[Gambas:Video 20detik]

Berita Terkait
Cuaca Ekstrem Diprediksi Melanda Jawa Barat
"""

TEMPO = """\
Putin dan Pashinyan Bertemu di Moskow Bahas Keamanan Kawasan

Reporter: Lestari Ayu
Editor: Budi Santoso

Rabu, 25 Mei 2022 18:30 WIB

TEMPO.CO, Jakarta - Presiden Rusia Vladimir Putin menerima Perdana Menteri Armenia Nikol Pashinyan di Kremlin pada Rabu, 25 Mei 2022, untuk membahas keamanan di Kaukasus Selatan.

Putin mengatakan Rusia tetap berkomitmen pada kesepakatan gencatan senjata tahun 2020, menurut laporan Reuters.

Pilihan Editor: Harga Tiket Pesawat Melonjak Jelang Libur Panjang

Pashinyan meminta Moskow menambah pasukan penjaga perdamaian di koridor Lachin.

REUTERS | AL JAZEERA

Artikel Terkait
Festival Kuliner Digelar di Yogyakarta Akhir Pekan Ini
"""

ANTARA = """\
Indonesia Dukung Dialog Damai Armenia dan Azerbaijan

Kamis, 15 September 2022 14:20 WIB

Jakarta (ANTARA) - Kementerian Luar Negeri Indonesia menyerukan agar Armenia dan Azerbaijan menyelesaikan sengketa perbatasan melalui dialog, kata juru bicara kementerian di Jakarta, Kamis.

Indonesia juga meminta kedua negara menghormati hukum internasional dan melindungi warga sipil di wilayah perbatasan, seperti dikutip dari Xinhua.

Baca juga: Presiden Resmikan Bendungan Baru di Nusa Tenggara Timur

Pewarta: Yoga Pratama
Editor: Siti Rahmawati
COPYRIGHT © ANTARA 2022

Berita Terkait
Pemerintah Siapkan Anggaran untuk Perbaikan Jalan Nasional
"""

PAGES = {"kompas": KOMPAS, "cnn": CNN, "detik": DETIK, "tempo": TEMPO, "antara": ANTARA}


def _bug(reason: str):
    return pytest.mark.xfail(strict=True, reason=f"clean.py: {reason}")


# (portal, field, expected, known bug or None). Fields are ArticleMeta attributes;
# spans are compared by their text.
META = [
    ("kompas", "headline", "Shoigu Kunjungi Yerevan, Janjikan Dukungan Militer Rusia", None),
    ("kompas", "published", dt.datetime(2022, 10, 20, 8, 45, tzinfo=WIB), None),
    ("kompas", "authors", ("Andika Saputra",), None),
    ("kompas", "publisher", "Kompas.com", None),
    ("kompas", "dateline", "YEREVAN", None),
    ("kompas", "sources", ("TASS",), None),
    ("cnn", "headline", "Menlu AS Telepon Pemimpin Armenia dan Azerbaijan Usai Bentrokan", None),
    ("cnn", "published", dt.datetime(2022, 9, 13, 10, 50, tzinfo=WIB), None),
    ("cnn", "publisher", "CNN Indonesia", None),
    ("cnn", "dateline", "Jakarta", None),
    ("cnn", "sources", ("AFP", "Reuters"), None),
    ("detik", "headline", "Rusia dan Armenia Sepakat Redakan Ketegangan di Perbatasan", None),
    ("detik", "published", dt.datetime(2022, 9, 13, 21, 5, tzinfo=WIB), None),
    ("detik", "dateline", "Jakarta", None),
    ("detik", "authors", ("Rahmat Hidayat",), "the Detik byline 'Name - detikNews' is not read as the author"),
    ("detik", "publisher", "detikcom", "the Detik byline 'Name - detikNews' does not set the publisher"),
    ("detik", "sources", ("TASS",), "'dilansir kantor berita TASS' is missed: a lower-case word follows 'dilansir'"),
    ("tempo", "headline", "Putin dan Pashinyan Bertemu di Moskow Bahas Keamanan Kawasan", None),
    ("tempo", "published", dt.datetime(2022, 5, 25, 18, 30, tzinfo=WIB), None),
    ("tempo", "authors", ("Lestari Ayu",), None),
    ("tempo", "editors", ("Budi Santoso",), None),
    ("tempo", "publisher", "Tempo.co", None),
    ("tempo", "dateline", "Jakarta", None),
    ("tempo", "sources", ("Reuters", "Al Jazeera"), "Tempo's upper-case source line 'REUTERS | AL JAZEERA' is not read"),
    ("antara", "headline", "Indonesia Dukung Dialog Damai Armenia dan Azerbaijan", None),
    ("antara", "published", dt.datetime(2022, 9, 15, 14, 20, tzinfo=WIB), None),
    ("antara", "authors", ("Yoga Pratama",), None),
    ("antara", "editors", ("Siti Rahmawati",), None),
    ("antara", "publisher", "ANTARA", None),
    ("antara", "dateline", "Jakarta", None),
    ("antara", "sources", ("Xinhua",), None),
]


def _body(portal: str):
    return clean(Document(f"{portal}.txt", PAGES[portal], "0" * 64, "text/plain"))


@pytest.mark.parametrize(
    ("portal", "field", "expected"),
    [pytest.param(p, f, e, id=f"{p}-{f}", marks=[_bug(b)] if b else []) for p, f, e, b in META],
)
def test_metadata(portal, field, expected):
    value = getattr(_body(portal).meta, field)
    if field in ("headline", "dateline"):
        value = value.text if value is not None else None
    if field == "sources":
        value = tuple(sorted(value))
        expected = tuple(sorted(expected))
    assert value == expected


# Text that must never reach a body paragraph: (portal, furniture, known bug or None).
FURNITURE = [
    *[(p, "Baca juga", None) for p in PAGES],
    ("kompas", "Baca berita tanpa iklan", None),
    ("kompas", "Simak breaking news", None),
    ("kompas", "WhatsApp Channel", None),
    ("kompas", "Banjir Rendam", None),
    ("kompas", "Mobil Listrik", None),
    ("kompas", "Penulis", None),
    ("kompas", "Login untuk", None),
    ("kompas", "Bagikan artikel", None),
    ("kompas", "Terkini Lainnya", None),
    ("cnn", "Bagikan", None),
    ("cnn", "(afp/rds)", None),
    ("cnn", "Berita Terkait", None),
    ("cnn", "Musim Dingin", None),
    ("cnn", "Harga Minyak", None),
    ("cnn", "Gambas", None),
    ("detik", "detikNews", None),
    ("detik", "(rdp/imk)", None),
    ("detik", "Simak Video", None),
    ("detik", "Cuaca Ekstrem", None),
    ("detik", "Gambas", None),
    ("detik", "Ratusan Warga Mengungsi", None),
    ("tempo", "Reporter", None),
    ("tempo", "Pilihan Editor", None),
    ("tempo", "Harga Tiket", None),
    ("tempo", "Festival Kuliner", None),
    ("tempo", "REUTERS | AL JAZEERA", "Tempo's source line 'REUTERS | AL JAZEERA' is kept as a paragraph"),
    ("antara", "Pewarta", None),
    ("antara", "COPYRIGHT", None),
    ("antara", "Bendungan", None),
    ("antara", "Anggaran", None),
]


@pytest.mark.parametrize(
    ("portal", "furniture"),
    [pytest.param(p, f, id=f"{p}-{f}", marks=[_bug(b)] if b else []) for p, f, b in FURNITURE],
)
def test_furniture_never_in_paragraphs(portal, furniture):
    body = _body(portal)
    assert not [p.text for p in body.paragraphs if furniture.lower() in p.text.lower()]


@pytest.mark.parametrize("portal", PAGES)
def test_headline_first_then_body_without_dateline(portal):
    body = _body(portal)
    assert body.paragraphs[0] == body.meta.headline
    lead = body.paragraphs[1].text
    assert lead.startswith(("Menteri", "Presiden", "Kementerian")), lead
    assert len(body.paragraphs) >= 3


@pytest.mark.parametrize("portal", PAGES)
def test_every_span_is_a_slice_of_the_body_text(portal):
    _assert_spans_consistent(_body(portal))


def _assert_spans_consistent(body) -> None:
    meta = body.meta
    spans = [*body.paragraphs, *body.dropped, meta.headline, meta.published_span, meta.dateline]
    for span in filter(None, spans):
        assert body.text[span.begin : span.end] == span.text
    # no paragraph overlaps dropped furniture
    for p in body.paragraphs:
        for d in body.dropped:
            assert p.end <= d.begin or d.end <= p.begin or p == meta.headline, (p, d)


@pytest.mark.parametrize("path", sorted(DATA.glob("*")), ids=lambda p: p.name)
def test_spans_consistent_on_sample_corpus(path):
    body = clean(read_document(str(path)))
    _assert_spans_consistent(body)
    assert body.meta.headline is not None
    assert body.meta.published is not None


def test_html_page_offsets_refer_to_text_drawn_from_the_page():
    body = clean(Document("page.html", HTML_PAGE, "0" * 64, "text/html"))
    _assert_spans_consistent(body)
    assert body.text != HTML_PAGE
    assert body.meta.headline.text == "Indonesia Kirim Tim Evakuasi ke Sudan"
    assert body.meta.authors == ("Rina Anggraeni",)
    assert body.meta.dateline.text == "JAKARTA"
    assert not [p for p in body.paragraphs if "Baca juga" in p.text or "Terpopuler" in p.text]


@pytest.mark.parametrize(
    ("line", "furniture"),
    [
        ("Baca juga: Judul lain", True),
        ("BACA JUGA: Judul lain", True),
        ("  Bagikan :  ", True),
        ("Oke", True),
        ("ADVERTISEMENT", True),
        ("Presiden membaca juga laporan itu.", False),
        ("Menteri tiba di Jakarta pada Selasa.", False),
    ],
)
def test_is_furniture(line, furniture):
    assert is_furniture(line) is furniture


_PIECES = st.sampled_from([
    "Baca juga: Judul\n", "Jakarta (ANTARA) - ", "KOMPAS.com - ", "\n\n", "Penulis\n", "Terkini Lainnya\n",
    "13/09/2022, 19:31 WIB", "Selasa (13/9/2022)", "Editor: Nama Orang\n", "(afp/rds)\n", '"', "“", " ",
    "Kalimat ini cukup panjang untuk dianggap paragraf berita.", "A", "\u00a0", "\t", "Sumber AFP\n", ":",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES | st.text(max_size=20), max_size=30).map("".join))
def test_clean_never_raises_and_keeps_offsets(text):
    body = clean(Document("fuzz.txt", text, "0" * 64, "text/plain"))
    _assert_spans_consistent(body)
