
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

from kgraph.clean import clean, is_furniture, parse_credits
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
    ("cnn", "authors", ("CNN Indonesia",), None),
    ("cnn", "publisher", "CNN Indonesia", None),
    ("cnn", "dateline", "Jakarta", None),
    ("cnn", "sources", ("AFP", "Reuters"), None),
    ("detik", "headline", "Rusia dan Armenia Sepakat Redakan Ketegangan di Perbatasan", None),
    ("detik", "published", dt.datetime(2022, 9, 13, 21, 5, tzinfo=WIB), None),
    ("detik", "dateline", "Jakarta", None),
    ("detik", "authors", ("Rahmat Hidayat",), None),
    ("detik", "publisher", "detikcom", None),
    ("detik", "sources", ("TASS",), None),
    ("tempo", "headline", "Putin dan Pashinyan Bertemu di Moskow Bahas Keamanan Kawasan", None),
    ("tempo", "published", dt.datetime(2022, 5, 25, 18, 30, tzinfo=WIB), None),
    ("tempo", "authors", ("Lestari Ayu",), None),
    ("tempo", "editors", ("Budi Santoso",), None),
    ("tempo", "publisher", "Tempo.co", None),
    ("tempo", "dateline", "Jakarta", None),
    ("tempo", "sources", ("Reuters", "Al Jazeera"), None),
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
    ("tempo", "REUTERS | AL JAZEERA", None),
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


# --- pages in other layouts (tests/data/pages, written for these tests) ------------------

PAGES_DIR = Path(__file__).parent / "data" / "pages"

# page: (metadata expected, furniture that must not reach a paragraph, prose that must)
LAYOUTS = {
    "antara_menlu_korsel.txt": (
        {
            "headline": "Menlu RI dan Menlu Korsel bahas kerja sama industri pertahanan di Seoul",
            "published": dt.datetime(2024, 1, 8, 11, 30, tzinfo=WIB),
            "authors": ("Sekar Ayu Lestari",),
            "editors": ("Hendra Gunawan",),
            "publisher": "ANTARA",
            "dateline": "Seoul",
            "sources": ("Yonhap",),  # "(ANTARA)" in its own dateline is no source
        },
        ["Masuk", "Harga cabai", "Telegram", "Pewarta", "COPYRIGHT", "Dilarang keras", "Baca berita lain",
         "Petani di Karawang", "jembatan gantung", "Timnas futsal"],
        ["Park menyampaikan bahwa Seoul", "Kedua menteri juga membahas situasi"],
    ),
    "tempo_sudan_evakuasi.txt": (
        {
            "headline": "Pemerintah Evakuasi 300 WNI dari Khartoum Lewat Pelabuhan Sudan",
            "published": dt.datetime(2023, 4, 26, 20, 15, tzinfo=WIB),
            "authors": ("Galih Prasetya",),
            "editors": ("Nurul Hidayah",),
            "publisher": "Tempo.co",
            "dateline": "Jakarta",
            "sources": ("AFP", "Antara"),
        },
        ["Masuk | Daftar", "sedikit iklan", "Jet Tempur", "Harga Emas", "Pemudik", "Pilihan Editor", "ANTARA | AFP",
         "Lainnya dari Kanal", "Raja Inggris", "Pemilu Turki", "WhatsApp", "Copyright"],
        ["Dari Port Sudan, para warga", "Kami terus berkoordinasi"],
    ),
    "republika_banjir_demak.txt": (
        {
            "headline": "Banjir Rendam Ribuan Rumah di Demak, BNPB Kirim Perahu Karet",
            "published": dt.datetime(2024, 2, 8, 14, 20, tzinfo=WIB),
            "authors": ("Fajar Nugraha",),
            "editors": ("Lina Marlina",),
            "publisher": "Republika",
            "dateline": "DEMAK",
            "sources": (),
        },
        ["Rep:", "Advertisement", "Scroll untuk", "unduh aplikasi", "Berita Lainnya", "Harga Beras", "Menpora"],
        # a sentence that starts with "Sumber" (an informant) is prose, not a source line
        ["Sumber itu menyebutkan ketinggian air", "Pemerintah Provinsi Jawa Tengah menetapkan"],
    ),
    "generic_jsonld_ktt.html": (
        {
            "headline": "Pemimpin ASEAN Sepakati Deklarasi Ketahanan Pangan di Vientiane",
            "published": dt.datetime(2024, 10, 10, 16, 5, tzinfo=WIB),  # JSON-LD, "+0700"
            "authors": ("Maya Sari Dewi", "Yoga Firmansyah"),  # JSON-LD author list
            "editors": (),
            "publisher": "Warta Nusantara",  # an outlet the lexicon does not know
            "dateline": "VIENTIANE",  # signed with that outlet's name
            "sources": ("Xinhua",),
        },
        ["Beranda", "Terpopuler", "Harga Minyak", "Bulu Tangkis", "Tol Cikampek", "Advertisement", "Scroll untuk",
         "Telegram", "Hak cipta", "Tentang Kami", "not json"],
        ["Deklarasi itu mendorong negara anggota", "Presiden Joko Widodo mengatakan kerja sama pangan",
         "Perdana Menteri Laos Sonexay Siphandone"],
    ),
}


def _layout(name: str):
    return clean(read_document(str(PAGES_DIR / name)))


@pytest.mark.parametrize(
    ("page", "field"),
    [(page, field) for page, (meta, _, _) in LAYOUTS.items() for field in meta],
    ids=lambda v: str(v),
)
def test_layout_metadata(page, field):
    value = getattr(_layout(page).meta, field)
    expected = LAYOUTS[page][0][field]
    if field in ("headline", "dateline"):
        value = value.text if value is not None else None
    if field == "sources":
        value, expected = tuple(sorted(value)), tuple(sorted(expected))
    assert value == expected


@pytest.mark.parametrize(
    ("page", "furniture"), [(page, f) for page, (_, furniture, _) in LAYOUTS.items() for f in furniture]
)
def test_layout_furniture_never_in_paragraphs(page, furniture):
    assert not [p.text for p in _layout(page).paragraphs if furniture.lower() in p.text.lower()]


@pytest.mark.parametrize(("page", "prose"), [(page, p) for page, (_, _, prose) in LAYOUTS.items() for p in prose])
def test_layout_prose_is_kept(page, prose):
    assert [p.text for p in _layout(page).paragraphs if prose in p.text]


@pytest.mark.parametrize("page", LAYOUTS)
def test_layout_credits_are_metadata_not_body(page):
    body = _layout(page)
    _assert_spans_consistent(body)
    names = [*body.meta.authors, *body.meta.editors, body.meta.publisher]
    for paragraph in body.paragraphs[1:]:
        assert not [n for n in names if n and n in paragraph.text], paragraph.text


# --- credit lines ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "loose", "expected"),
    [
        ("Penulis: Andi Wijaya", False, [("author", "Andi Wijaya")]),
        ("Reporter: Dewi Lestari, Bayu Putra", False, [("author", "Dewi Lestari"), ("author", "Bayu Putra")]),
        ("Pewarta: Sekar Ayu (Kontributor Bali)", False, [("author", "Sekar Ayu")]),
        ("Rep: Fajar Nugraha/ Red: Lina Marlina", False, [("author", "Fajar Nugraha"), ("editor", "Lina Marlina")]),
        ("Reporter: A Sulaiman | Editor: B Yusuf", False, [("author", "A Sulaiman"), ("editor", "B Yusuf")]),
        ("Editor Dinda Maharani Sari", True, [("editor", "Dinda Maharani Sari")]),
        ("Editor Dinda Maharani Sari", False, []),  # without its colon only in the header
        ("Sumber: Reuters, AFP", False, [("source", "Reuters"), ("source", "AFP")]),
        ("Sumber AFP, Anadolu Agency", False, [("source", "AFP"), ("source", "Anadolu")]),
        ("REUTERS | AL JAZEERA", False, [("source", "Reuters"), ("source", "Al Jazeera")]),
        ("REUTERS | ANTARA", False, [("source", "Reuters"), ("source", "Antara")]),
        ("Reuters/AFP", False, [("source", "Reuters"), ("source", "AFP")]),
        ("Rahmat Hidayat - detikNews", False, [("author", "Rahmat Hidayat"), ("publisher", "detikcom")]),
        ("Andhika Pratama, Siti Nurhaliza - detikNews", False,
         [("author", "Andhika Pratama"), ("author", "Siti Nurhaliza"), ("publisher", "detikcom")]),
        # prose and headlines are no credit lines
        ("Sumber itu mengatakan kapal sudah berangkat.", False, []),
        ("Sumber AFP mengatakan kapal sudah berangkat", False, []),
        ("Oleh karena itu, pemerintah menunda rapat.", True, []),
        ("Laporan itu dirilis pada Senin.", True, []),
        ("Putin dan Aliyev Bicara via Telepon", True, []),
        ("Harga minyak naik - detikNews", False, []),
        ("CNN Indonesia", True, []),
        ("", True, []),
    ],
)
def test_parse_credits(line, loose, expected):
    assert [(c.role, c.name) for c in parse_credits(line, loose=loose)] == expected


def test_credit_offsets_point_at_the_printed_name():
    line = "  Rep: Fajar Nugraha/ Red: Lina Marlina"
    for credit in parse_credits(line):
        assert line[credit.begin : credit.end] == credit.name


_CREDIT_PIECES = st.sampled_from([
    "Penulis", "Editor", "Rep", "Red", "Sumber", "Oleh", ":", ": ", "/", " | ", " - ", ", ", " dan ", "detikNews",
    "REUTERS", "AFP", "Al Jazeera", "ANTARA", "Nama Orang", "(Kontributor)", " ", "kantor berita", "\t", "“",
])


@settings(max_examples=400, deadline=None)
@given(st.lists(_CREDIT_PIECES | st.text(max_size=8), max_size=16).map("".join), st.booleans())
def test_parse_credits_never_raises_and_offsets_are_valid(line, loose):
    for credit in parse_credits(line, loose=loose):
        assert 0 <= credit.begin < credit.end <= len(line)
        assert credit.role in {"author", "editor", "source", "publisher"}
        if credit.role in ("author", "editor"):
            assert line[credit.begin : credit.end] == credit.name


# --- sources cited in prose -------------------------------------------------------------------


def _sources(text: str, publisher_line: str = "") -> tuple[str, ...]:
    page = f"Judul Berita Tentang Sesuatu yang Penting\n\n{publisher_line}\n\nJakarta - {text}\n"
    return tuple(sorted(clean(Document("x.txt", page, "0" * 64, "text/plain")).meta.sources))


@pytest.mark.parametrize(
    ("text", "sources"),
    [
        ("Dilansir AFP, Rabu (22/11/2023), kementerian itu menyebut para sandera akan dibebaskan.", ("AFP",)),
        ("Kedua menteri sepakat, demikian dilansir kantor berita TASS.", ("TASS",)),
        ("Pertemuan itu berlangsung dua jam, menurut kantor berita Rusia RIA Novosti.", ("RIA Novosti",)),
        ("Kantor berita Xinhua melaporkan bahwa pertemuan berlangsung hangat.", ("Xinhua",)),
        ("Hal itu disampaikan sang menteri kepada Reuters di sela pertemuan.", ("Reuters",)),
        ("Menurut Peskov, Putin juga menekankan pentingnya dialog.", ()),
        ("Juru bicara itu mengatakan kepada CNN Indonesia bahwa rapat ditunda.", ()),
        ("Pemerintah akan menunda rapat antara kedua pihak hingga pekan depan.", ()),
    ],
)
def test_sources_cited_in_prose(text, sources):
    assert _sources(text) == sources


# --- generic furniture ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "furniture"),
    [
        ("Masuk | Daftar", True),
        ("Nasional • Dunia • Ekonomi • Olahraga", True),
        ("Copyright @ 2023 detik.com, detiknetwork. All right reserved", True),
        ("Yuk, gabung saluran Telegram kami untuk kabar terbaru setiap pagi", True),
        ("Kanal WhatsApp Tempo: Simak berita pilihan langsung di ponselmu.", True),
        ("Ikuti kami di Telegram dan WhatsApp untuk kabar terkini, klik di sini.", True),
        ("Scroll untuk melanjutkan", True),
        ("REUTERS | AL JAZEERA", False),  # a source line, read as metadata
        ("Reporter: Galih Prasetya | Editor: Nurul Hidayah", False),
        ("CNN Indonesia | Minggu, 14 Apr 2024 15:30 WIB", False),  # a stamp
        ("Menteri itu mengumumkan kebijakan baru melalui akun Instagram resminya.", False),
        ("Warga diminta mengikuti informasi resmi melalui kanal WhatsApp pemerintah daerah.", False),
        ("“Anda bisa cek status bantuan di aplikasi kami,” kata menteri.", False),
        ("Presiden bertemu pengelola aplikasi dan meminta mereka ikuti aturan.", False),
    ],
)
def test_generic_furniture_lines(line, furniture):
    assert is_furniture(line) is furniture


def _paragraph_texts(lines: list[str]) -> list[str]:
    page = "Judul Berita Tentang Banjir di Kota Besar\n\nJakarta - " + "\n\n".join(lines) + "\n"
    return [p.text for p in clean(Document("x.txt", page, "0" * 64, "text/plain")).paragraphs[1:]]


def test_run_of_title_cased_teasers_is_dropped_and_prose_after_it_kept():
    paragraphs = _paragraph_texts([
        "Hujan deras sejak pagi membuat sungai meluap ke permukiman warga.",
        "Jet Tempur Baru Tiba di Pangkalan Udara Iswahjudi",
        "Harga Emas Perhiasan Naik Tiga Hari Berturut-turut",
        "Ribuan Pemudik Padati Terminal Bus Kampung Rambutan",
        "Petugas mengevakuasi ratusan warga ke tempat pengungsian.",
    ])
    assert paragraphs == [
        "Hujan deras sejak pagi membuat sungai meluap ke permukiman warga.",
        "Petugas mengevakuasi ratusan warga ke tempat pengungsian.",
    ]


def test_subheading_and_short_list_of_names_stay():
    lines = [
        "Hujan deras sejak pagi membuat sungai meluap ke permukiman warga.",
        "Warga Mulai Mengungsi",
        "Pejabat yang meninjau lokasi antara lain:",
        "Retno Marsudi",
        "Prabowo Subianto",
        "Tri Rismaharini",
        "Petugas mengevakuasi ratusan warga ke tempat pengungsian.",
    ]
    assert _paragraph_texts(lines) == lines


@pytest.mark.parametrize(
    "tail",
    [
        ["Kabar Pilihan Redaksi Hari Ini", "banjir jakarta hujan"],
        ["Artikel menarik lainnya:", "Petani di Karawang mulai panen raya", "Harga cabai turun di pasar"],
    ],
)
def test_short_lines_after_the_last_sentence_are_dropped(tail):
    lines = [
        "Hujan deras sejak pagi membuat sungai meluap ke permukiman warga.",
        "Petugas mengevakuasi ratusan warga ke tempat pengungsian.",
    ]
    assert _paragraph_texts([*lines, *tail]) == lines


def test_long_last_paragraph_without_a_full_stop_stays():
    lines = [
        "Hujan deras sejak pagi membuat sungai meluap ke permukiman warga.",
        "Petugas mengevakuasi ratusan warga ke tempat pengungsian yang disiapkan pemerintah daerah di gedung olahraga"
        " dan sekolah dasar terdekat sejak Selasa malam",
    ]
    assert _paragraph_texts(lines) == lines


# --- the outlet's own byline ----------------------------------------------------------------


def test_outlet_under_the_headline_is_the_author_when_no_person_is_named():
    assert _body("cnn").meta.authors == ("CNN Indonesia",)


def test_outlet_name_above_the_headline_is_no_byline():
    # Detik prints "detikNews" (its logo) above the headline and a person's byline below
    body = clean(Document("d.txt", DETIK.replace("Rahmat Hidayat - detikNews\n", ""), "0" * 64, "text/plain"))
    assert body.meta.authors == ()
    assert body.meta.headline.text == "Rusia dan Armenia Sepakat Redakan Ketegangan di Perbatasan"


def test_headline_is_the_title_line_nearest_above_the_stamp():
    page = "Menu Utama Portal Berita Kita\nDunia\n\nJudul yang Sebenarnya dari Artikel Ini\n\nSelasa, 13 Sep 2022 10:50 WIB\n\n"
    page += "Jakarta - Menteri tiba di Jakarta pada Selasa untuk rapat dengan pejabat setempat.\n"
    body = clean(Document("x.txt", page, "0" * 64, "text/plain"))
    assert body.meta.headline.text == "Judul yang Sebenarnya dari Artikel Ini"
