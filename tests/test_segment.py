
"""Stage 3, segment: sentence boundaries in Indonesian news prose, offsets kept."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kgraph.model import ArticleMeta, Body, Document, Span
from kgraph.segment import segment, split_sentences


def _split(text: str, prefix: str = "") -> list[str]:
    whole = prefix + text
    spans = split_sentences(Span.of(whole, len(prefix), len(whole)), whole)
    for span in spans:
        assert whole[span.begin : span.end] == span.text
    return [s.text for s in spans]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Menteri tiba di Jakarta. Dia disambut wakil presiden.", ["Menteri tiba di Jakarta.", "Dia disambut wakil presiden."]),
        ("Apa artinya? Tidak ada! Ya, begitu.", ["Apa artinya?", "Tidak ada!", "Ya, begitu."]),
        # numbers: thousands separators and decimals are not sentence ends
        ("Harga naik menjadi Rp 1.200 per kilogram. Inflasi 13.9 persen.", ["Harga naik menjadi Rp 1.200 per kilogram.", "Inflasi 13.9 persen."]),
        ("Sekitar 3.5 juta warga mengungsi. 1.200 rumah rusak.", ["Sekitar 3.5 juta warga mengungsi.", "1.200 rumah rusak."]),
        ("Rapat dimulai pukul 10.00 WIB. Semua hadir.", ["Rapat dimulai pukul 10.00 WIB.", "Semua hadir."]),
        # abbreviations and initials
        ("Dr. Sari dan Prof. Budi hadir. Rapat selesai.", ["Dr. Sari dan Prof. Budi hadir.", "Rapat selesai."]),
        ("Kantornya di Jl. Merdeka No. 5 Jakarta. Dia pulang.", ["Kantornya di Jl. Merdeka No. 5 Jakarta.", "Dia pulang."]),
        ("Presiden J. Biden menelepon. Dia marah.", ["Presiden J. Biden menelepon.", "Dia marah."]),
        ("Mantan presiden B.J. Habibie dikenang. Dia teknokrat.", ["Mantan presiden B.J. Habibie dikenang.", "Dia teknokrat."]),
        ("Bantuan dari U.S. Army tiba. Warga senang.", ["Bantuan dari U.S. Army tiba.", "Warga senang."]),
        ("Pasukan AS. Tentara PBB datang.", ["Pasukan AS.", "Tentara PBB datang."]),
        ("Dana sebesar Rp. 5 miliar cair. Proyek dimulai.", ["Dana sebesar Rp. 5 miliar cair.", "Proyek dimulai."]),
        # quotes: a sentence end inside a quotation does not split it
        ('"Kami siap. Kami datang," kata dia. Lalu pergi.', ['"Kami siap. Kami datang," kata dia.', "Lalu pergi."]),
        ("Dia berkata: “Kami datang. Kami menang.” Kemudian pulang.", ["Dia berkata: “Kami datang. Kami menang.”", "Kemudian pulang."]),
        ('Dia menjawab "tidak." Lalu pergi.', ['Dia menjawab "tidak."', "Lalu pergi."]),
        ("“Tentara tewas di kedua sisi,” kata kementerian. Pertempuran berlanjut.", ["“Tentara tewas di kedua sisi,” kata kementerian.", "Pertempuran berlanjut."]),
        # ellipsis: inside a quotation, or before a lower-case word, it does not end a sentence
        ('"Pasukan terus maju... Musuh mencoba masuk," kata juru bicara. Dia pergi.', ['"Pasukan terus maju... Musuh mencoba masuk," kata juru bicara.', "Dia pergi."]),
        ("Pesawat tak berawak... menyerang pos militer. Dua tewas.", ["Pesawat tak berawak... menyerang pos militer.", "Dua tewas."]),
        # brackets
        ("Pertemuan di Yerevan (Armenia). Hasilnya belum jelas.", ["Pertemuan di Yerevan (Armenia).", "Hasilnya belum jelas."]),
        ("Dia pergi. (Baca selengkapnya di bawah.)", ["Dia pergi.", "(Baca selengkapnya di bawah.)"]),
        # nothing to split
        ("Satu kalimat tanpa titik", ["Satu kalimat tanpa titik"]),
        ("   Spasi di depan dan belakang.   ", ["Spasi di depan dan belakang."]),
        ("kalimat kecil. huruf kecil juga.", ["kalimat kecil. huruf kecil juga."]),
    ],
)
def test_split_sentences(text, expected):
    assert _split(text) == expected
    assert _split(text, prefix="Judul berita\n\n") == expected


def test_segment_numbers_sentences_by_paragraph():
    text = "Judul\n\nSatu kalimat. Dua kalimat.\n\nTiga kalimat."
    paragraphs = (Span.of(text, 0, 5), Span.of(text, 7, 33), Span.of(text, 35, len(text)))
    doc = Document("x.txt", text, "0" * 64, "text/plain")
    seg = segment(Body(doc, text, paragraphs, ArticleMeta()))
    assert [(s.paragraph, s.span.text) for s in seg.sentences] == [
        (0, "Judul"), (1, "Satu kalimat."), (1, "Dua kalimat."), (2, "Tiga kalimat."),
    ]


_PIECES = st.sampled_from([
    "Kata", " ", "  ", ". ", "! ", "? ", "...", "…", '"', "“", "”", "(", ")", "Dr.", "J.", "1.200", "13.9",
    "Baru", "kecil", "No.", "\n", "’", "'",
])


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES | st.text(max_size=8), max_size=40).map("".join), st.text(max_size=5))
def test_sentences_are_ordered_disjoint_slices_covering_the_paragraph(text, prefix):
    whole = prefix + text
    paragraph = Span.of(whole, len(prefix), len(whole))
    spans = split_sentences(paragraph, whole)
    end = paragraph.begin
    for span in spans:
        assert whole[span.begin : span.end] == span.text
        assert span.text and span.text == span.text.strip()
        assert end <= span.begin < span.end <= paragraph.end
        end = span.end
    # nothing but white space is lost between sentences
    covered = "".join(s.text for s in spans)
    assert "".join(covered.split()) == "".join(text.split())
