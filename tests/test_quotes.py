"""Quote attribution on paragraphs written for these tests (not taken from any article)."""

from __future__ import annotations

from kgraph.extract import extract
from kgraph.model import Extraction
from kgraph.pipeline import clean, segment
from kgraph.read import document_from_bytes


def build(*paragraphs: str) -> Extraction:
    body = "\n\n".join(paragraphs)
    page = f"Judul Berita Uji\n\nKompas.com - 15/03/2024, 10:00 WIB\n\nJAKARTA, KOMPAS.com - {body}\n"
    return extract(segment(clean(document_from_bytes(page.encode(), "uji.txt"))))


def speakers(*paragraphs: str) -> dict[str, str | None]:
    """Opening word of each quote -> its speaker."""
    return {q.text.text.split()[0]: q.speaker for q in build(*paragraphs).quotes}


def test_speech_verb_and_name_after_the_quote() -> None:
    got = speakers('Presiden Prancis Emmanuel Macron tiba di Hanoi.',
                   '"Kerja sama kedua negara harus diperluas," kata Macron kepada wartawan.')
    assert got == {"Kerja": "person/emmanuel-macron"}


def test_straight_and_curly_marks_and_other_speech_verbs() -> None:
    got = speakers('Kanselir Jerman Olaf Scholz berbicara di Berlin.',
                   '\u201cKami tidak akan mengirim pasukan ke sana,\u201d tulis Scholz di media sosial.')
    assert got == {"Kami": "person/olaf-scholz"}


def test_katanya_points_to_the_subject_of_the_previous_sentence() -> None:
    got = speakers('Kementerian Luar Negeri Vietnam memprotes latihan militer itu.',
                   '"Latihan tersebut melanggar kedaulatan kami di perairan itu," katanya dalam pernyataan.')
    assert got["Latihan"] is not None and got["Latihan"].startswith("org/kementerian-luar-negeri")


def test_a_phrase_before_a_trailing_speech_verb_is_the_speaker() -> None:
    got = speakers('"Dua kapal nelayan kami ditahan di dekat pulau itu," pejabat angkatan laut '
                   'di ibu kota Filipina, Manila, mengatakan.')
    assert got == {"Dua": "country/PH"}


def test_a_definite_description_after_the_quote() -> None:
    got = speakers('Menteri Pertahanan Australia Richard Marles tiba di Jakarta pada Kamis.',
                   '"Kami ingin latihan bersama ini digelar setiap tahun," ujar sang menteri.')
    assert got == {"Kami": "person/richard-marles"}


def test_demikian_pernyataan_and_a_ministry_named_by_its_noun() -> None:
    got = speakers('Kementerian Luar Negeri Malaysia menerima nota diplomatik itu.',
                   '"Malaysia akan menjawab nota tersebut melalui jalur resmi," demikian pernyataan '
                   'kementerian tersebut.')
    assert got["Malaysia"] is not None and got["Malaysia"].startswith("org/kementerian-luar-negeri")


def test_attribution_in_the_next_sentence() -> None:
    got = speakers('"Bantuan tahap kedua akan dikirim pekan depan dengan pesawat Hercules." '
                   'Hal itu disampaikan Menteri Luar Negeri Retno Marsudi di Jakarta.')
    assert got == {"Bantuan": "person/retno-marsudi"}


def test_a_quoted_fragment_belongs_to_the_subject_of_the_verb_before_it() -> None:
    got = speakers('Kementerian Luar Negeri Tiongkok menuding Filipina "sengaja memicu ketegangan baru" '
                   'di perairan sengketa.')
    speaker = next(iter(got.values()))
    assert speaker is not None and speaker.startswith("org/kementerian-luar-negeri")


def test_a_scare_quoted_term_is_no_quote() -> None:
    assert build('Rusia menyebut operasi itu "terbatas" dan "terarah".').quotes == ()


def test_a_pronoun_agent_in_the_next_sentence() -> None:
    got = speakers('Menteri Luar Negeri Singapura Vivian Balakrishnan menolak usul itu. '
                   '"Kami tidak akan menandatangani dokumen seperti ini." Kalimat itu ia tulis di akun media sosialnya.')
    assert got == {"Kami": "person/vivian-balakrishnan"}
