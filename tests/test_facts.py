"""Counts of people harmed and membership relations (kgraph/extract/facts.py).

The sentences are written for these tests in the style of Indonesian news; the names in them
are found by a small table here, not by the entity stage, so each case tests facts.py alone.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import Graph, Namespace
from rdflib.collection import Collection

from kgraph.extract.entities import Ref
from kgraph.extract.facts import find_counts, find_quantities, find_relations, parse_number, spelled_value
from kgraph.lexicon import load_yaml
from kgraph.model import ArticleMeta, Body, Document, EntityType, Segmented, Span
from kgraph.segment import segment

C, P, ORG = EntityType.COUNTRY, EntityType.PLACE, EntityType.ORGANIZATION
# name -> (key, type, the country it stands for when not itself)
NAMES: dict[str, tuple[str, EntityType, str | None]] = {
    "Armenia": ("country/AM", C, None), "Azerbaijan": ("country/AZ", C, None),
    "Rusia": ("country/RU", C, None), "Belarus": ("country/BY", C, None),
    "Kazakhstan": ("country/KZ", C, None), "Finlandia": ("country/FI", C, None),
    "Swedia": ("country/SE", C, None), "Turki": ("country/TR", C, None),
    "Ukraina": ("country/UA", C, None), "Vietnam": ("country/VN", C, None),
    "Malaysia": ("country/MY", C, None), "Indonesia": ("country/ID", C, None),
    "Australia": ("country/AU", C, None), "Amerika Serikat": ("country/US", C, None),
    "Inggris": ("country/GB", C, None), "Palestina": ("country/PS", C, None),
    "Israel": ("country/IL", C, None), "Timor Leste": ("country/TL", C, None),
    "Yerevan": ("place/yerevan", P, "country/AM"), "Jakarta": ("place/jakarta", P, "country/ID"),
    "CSTO": ("org/csto", ORG, None), "NATO": ("org/nato", ORG, None), "ASEAN": ("org/asean", ORG, None),
    "AUKUS": ("org/aukus", ORG, None), "OKI": ("org/oki", ORG, None),
    "Organisasi Kerja Sama Islam": ("org/oki", ORG, None), "Pertamina": ("org/pertamina", ORG, None),
    "CPOPC": ("org/cpopc", ORG, None), "Rwanda": ("country/RW", C, None), "Laos": ("country/LA", C, None),
    "Thailand": ("country/TH", C, None), "Zimbabwe": ("country/ZW", C, None), "Jepang": ("country/JP", C, None),
    "Korea Selatan": ("country/KR", C, None), "Mesir": ("country/EG", C, None), "Yordania": ("country/JO", C, None),
    "Irak": ("country/IQ", C, None), "Oman": ("country/OM", C, None), "Peru": ("country/PE", C, None),
    "SADC": ("org/sadc", ORG, None), "G20": ("org/g20", ORG, None), "APEC": ("org/apec", ORG, None),
    "CPTPP": ("org/cptpp", ORG, None), "Recep Tayyip Erdogan": ("person/recep-tayyip-erdogan", EntityType.PERSON, None),
}
KINDS = {"org/csto": "alliance", "org/nato": "alliance", "org/aukus": "alliance",
         "org/asean": "intergovernmental", "org/oki": "intergovernmental", "org/pertamina": "company"}
SHAPES = Path(__file__).resolve().parent.parent / "ontology" / "shapes.ttl"


def _article(text: str) -> tuple[Segmented, list[Ref]]:
    doc = Document("test.txt", text, "0" * 64, "text/plain")
    seg = segment(Body(doc, text, (Span.of(text, 0, len(text)),), ArticleMeta()))
    refs = [Ref(m.start(), m.end(), key, kind, stands_for or key, "test")
            for name, (key, kind, stands_for) in NAMES.items()
            for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text)]
    return seg, sorted(refs, key=lambda r: r.begin)


def _counts(text: str) -> list[tuple[str, int, str | None]]:
    seg, refs = _article(text)
    return [(c.kind, c.value, c.of) for c in find_counts(seg, refs)]


def _members(text: str) -> set[tuple[str, str]]:
    seg, refs = _article(text)
    return {(r.subject, r.object) for r in find_relations(seg, refs, KINDS)}


# --- numbers ---------------------------------------------------------------------


@pytest.mark.parametrize(("digits", "scale", "value"), [
    ("30.000", None, 30000), ("1.200", None, 1200), ("49", None, 49), ("1,2", "juta", 1200000),
    ("2,5", "ribu", 2500), ("30", "Ribu", 30000), ("2,5", None, None),
])
def test_parse_number_reads_indonesian_digits(digits: str, scale: str | None, value: int | None) -> None:
    assert parse_number(digits, scale) == value


@pytest.mark.parametrize(("words", "value"), [
    ("tujuh", 7), ("Tiga", 3), ("sepuluh", 10), ("sebelas", 11), ("dua belas", 12), ("tiga puluh", 30),
    ("tiga puluh lima", 35), ("seratus dua puluh", 120), ("seribu dua ratus", 1200),
    ("dua ratus lima puluh ribu", 250000), ("satu juta dua ratus ribu", 1200000), ("seorang", 1),
    ("dua tiga", None), ("puluh", None), ("ribu", None),
])
def test_spelled_value(words: str, value: int | None) -> None:
    assert spelled_value(words.split()) == value


# --- counts ----------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("Sedikitnya 49 tentara Armenia tewas dalam bentrokan di perbatasan.", [("killed", 49, "country/AM")]),
    ("Serangan udara Israel menewaskan tiga puluh warga sipil dan melukai 120 lainnya.",
     [("killed", 30, None), ("injured", 120, None)]),
    ("Lebih dari 1,2 juta warga mengungsi ke kota-kota di selatan.", [("displaced", 1200000, None)]),
    ("Di pihak Azerbaijan, sekitar 20 prajurit gugur dalam pertempuran itu.", [("killed", 20, "country/AZ")]),
    ("Polisi menangkap 15 orang pengunjuk rasa di depan gedung parlemen.", [("arrested", 15, None)]),
    ("Jumlah korban tewas akibat gempa bertambah menjadi 312 orang.", [("killed", 312, None)]),
    ("Sebanyak 40 orang tewas, termasuk 12 anak-anak, dalam kebakaran itu.",
     [("killed", 40, None), ("killed", 12, None)]),
    ("Sedikitnya 800 warga Palestina tewas, termasuk lebih dari 300 anak-anak.",
     [("killed", 800, "country/PS"), ("killed", 300, "country/PS")]),
    ("Yerevan menyatakan 12 tentaranya tewas dalam serangan itu.", [("killed", 12, "country/AM")]),
    ("Kecelakaan itu menyebabkan tewasnya tujuh penumpang.", [("killed", 7, None)]),
    ("Sejak 7 Oktober, sekitar 1.400 orang tewas di Israel.", [("killed", 1400, None)]),
    ("Dua tersangka, AR (35) dan MN (29), ditangkap di Jakarta.", [("arrested", 2, None)]),
    ("Sebanyak 60.000 keluarga pengungsi akan ditampung di asrama.", [("displaced", 60000, None)]),
    ("Tiga nelayan dinyatakan hilang setelah perahu mereka terbalik.", [("missing", 3, None)]),
    ("Angka kematian akibat wabah itu naik menjadi 80 orang.", [("killed", 80, None)]),
    ("Tanah longsor itu menelan korban jiwa 14 orang.", [("killed", 14, None)]),
    ("Korban meninggal dunia akibat banjir bandang mencapai 67 orang.", [("killed", 67, None)]),
    # they killed, they were not killed
    ("Sebanyak 25 tentara menyerbu desa itu dan menewaskan dua komandan musuh.", [("killed", 2, None)]),
    ("Ribuan warga Palestina tewas sejak serangan dimulai.", []),  # a vague amount is no number
    ("Puluhan orang dilaporkan hilang setelah banjir.", []),
    ("Latihan itu melibatkan 300 tentara dari kedua negara.", []),  # nothing happened to them
    ("Israel akan membebaskan 150 tahanan Palestina pekan depan.", [("released", 150, "country/PS")]),
    ("Sekitar 240 orang masih disandera di Jalur Gaza.", [("held", 240, None)]),
    ("Kelompok itu menculik 12 nelayan di perairan Sulu.", [("held", 12, None)]),
    ("Pada 2022 tentara Armenia tewas dalam jumlah besar.", []),  # a year
    ("Perang enam pekan itu berakhir dengan gencatan senjata.", []),
    ("Pertemuan berlangsung Senin (13/3/2023) di Jakarta dan 4 menteri hadir.", []),
])
def test_counts(text: str, expected: list[tuple[str, int, str | None]]) -> None:
    assert _counts(text) == expected


def _quantities(text: str) -> list[tuple[int, str, str]]:
    seg, refs = _article(text)
    return [(q.value, q.unit, q.span.text) for q in find_quantities(seg, find_counts(seg, refs))]


@pytest.mark.parametrize(("text", "expected"), [
    ("Resolusi itu didukung 93 negara dan ditolak 18 negara.", [(93, "negara", "93 negara"), (18, "negara", "18 negara")]),
    ("Wilayah seluas 160.000 kilometer persegi itu kaya minyak.", [(160000, "kilometer persegi", "160.000 kilometer persegi")]),
    ("Lebih dari 95 persen pemilih setuju.", [(95, "persen pemilih", "Lebih dari 95 persen pemilih")]),
    ("Ini pertukaran ke-49 sejak perang pecah.", [(49, "", "ke-49")]),
    ("Pertemuan itu berlangsung sekitar tiga jam.", [(3, "jam", "sekitar tiga jam")]),
    ("Sedikitnya 49 tentara tewas.", []),  # a casualty count, not a second number
    ("Pada 7 Oktober 2023 pukul 08.24 WIB hujan turun.", []),  # a date and a time
])
def test_quantities(text: str, expected: list[tuple[int, str, str]]) -> None:
    assert _quantities(text) == expected


def test_count_evidence_runs_from_qualifier_to_what_happened() -> None:
    seg, refs = _article("Menurut militer, sedikitnya 49 tentara Armenia tewas dalam bentrokan itu.")
    (count,) = find_counts(seg, refs)
    assert count.span.text == "sedikitnya 49 tentara Armenia tewas"
    assert count.evidence == seg.sentences[0].span


def test_count_kinds_are_the_ones_the_ontology_admits() -> None:
    """A kind added to casualties.yaml alone would make every built graph fail validation."""
    sh, kg = Namespace("http://www.w3.org/ns/shacl#"), Namespace("https://w3id.org/kgraph/ontology#")
    shapes = Graph().parse(SHAPES)
    prop = next(shapes.subjects(sh.path, kg.countType))
    allowed = {str(v) for v in Collection(shapes, shapes.value(prop, sh["in"]))}
    lex = load_yaml("casualties.yaml")
    used = {*lex["kinds"], *lex["before_number"], *(k for k in lex["status_nouns"].values() if k)}
    assert used <= allowed, used - allowed


# --- relations -------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("Kazakhstan, yang juga anggota CSTO, menolak usulan tersebut.", {("country/KZ", "org/csto")}),
    ("Armenia, negara anggota CSTO, mulai menjauh dari Moskwa.", {("country/AM", "org/csto")}),
    ("Selain Armenia, CSTO beranggotakan Rusia, Belarus, dan Kazakhstan.",
     {("country/AM", "org/csto"), ("country/RU", "org/csto"), ("country/BY", "org/csto"),
      ("country/KZ", "org/csto")}),
    ("Finlandia akhirnya resmi menjadi negara anggota NATO pada April.", {("country/FI", "org/nato")}),
    ("Turki, sesama anggota NATO, menunda ratifikasi itu.", {("country/TR", "org/nato")}),
    ("Indonesia, anggota Organisasi Kerja Sama Islam (OKI), mendesak gencatan senjata.",
     {("country/ID", "org/oki")}),
    ("Australia, yang tergabung dalam pakta AUKUS bersama Amerika Serikat dan Inggris, membeli kapal selam.",
     {("country/AU", "org/aukus"), ("country/US", "org/aukus"), ("country/GB", "org/aukus")}),
    ("Negara anggota ASEAN seperti Vietnam dan Malaysia menyambut baik usulan itu.",
     {("country/VN", "org/asean"), ("country/MY", "org/asean")}),
    ("Vietnam, tuan rumah pertemuan, merupakan salah satu anggota ASEAN.", {("country/VN", "org/asean")}),
    ("Rusia dan Belarus, yang sama-sama anggota CSTO, menggelar latihan bersama.",
     {("country/RU", "org/csto"), ("country/BY", "org/csto")}),
    ("Jakarta, yang menjadi anggota ASEAN sejak 1967, menawarkan mediasi.", {("country/ID", "org/asean")}),
    ("Malaysia, Vietnam, dan Indonesia adalah anggota ASEAN.",
     {("country/MY", "org/asean"), ("country/VN", "org/asean"), ("country/ID", "org/asean")}),
    ("Vietnam, sesama negara ASEAN, menolak klaim tersebut.", {("country/VN", "org/asean")}),
    ("NATO resmi menerima Finlandia sebagai anggota ke-31.", {("country/FI", "org/nato")}),
    ("Swedia akhirnya diterima menjadi anggota NATO.", {("country/SE", "org/nato")}),
    ("Negara-negara NATO seperti Turki dan Finlandia ikut menandatangani.",
     {("country/TR", "org/nato"), ("country/FI", "org/nato")}),
    ("Indonesia, anggota ASEAN dan OKI, menyerukan gencatan senjata.",
     {("country/ID", "org/asean"), ("country/ID", "org/oki")}),
    ("Indonesia dan Malaysia sama-sama merupakan anggota OKI.", {("country/ID", "org/oki"), ("country/MY", "org/oki")}),
    ("Turki, yang per 1 Januari 2024 resmi menjadi anggota NATO, menolak.", {("country/TR", "org/nato")}),
    ("Australia dan Inggris, dua anggota AUKUS, menolak.", {("country/AU", "org/aukus"), ("country/GB", "org/aukus")}),
    ("Australia, anggota pakta pertahanan AUKUS, menambah armada.", {("country/AU", "org/aukus")}),
    ("Turki, yang saat ini menjadi anggota tidak tetap NATO, menolak.", {("country/TR", "org/nato")}),
    ("Vietnam dan Malaysia sama-sama negara anggota ASEAN.", {("country/VN", "org/asean"), ("country/MY", "org/asean")}),
    ("OKI, yang beranggotakan 57 negara termasuk Indonesia, bersidang.", {("country/ID", "org/oki")}),
    ("Rwanda, salah satu dari 14 negara anggota SADC, menolak.", {("country/RW", "org/sadc")}),
    ("Laos merupakan salah satu dari sepuluh negara anggota ASEAN.", {("country/LA", "org/asean")}),
    ("Thailand dan Vietnam, keduanya anggota ASEAN, menolak.", {("country/TH", "org/asean"), ("country/VN", "org/asean")}),
    # "blok itu" is the body named before; "kedua negara" the two countries named last
    ("SADC menangguhkan Zimbabwe, salah satu dari 16 negara anggota blok itu.", {("country/ZW", "org/sadc")}),
    ("Jepang menyambut Korea Selatan. Kedua negara, kata dia, sama-sama anggota G20 dan OKI.",
     {("country/JP", "org/g20"), ("country/KR", "org/g20"), ("country/JP", "org/oki"), ("country/KR", "org/oki")}),
    ("OKI kini beranggotakan empat negara, yakni Mesir, Yordania, dan Irak, ditambah Oman.",
     {("country/EG", "org/oki"), ("country/JO", "org/oki"), ("country/IQ", "org/oki"), ("country/OM", "org/oki")}),
    ("Peru, anggota APEC, juga bergabung dengan CPTPP pada 2018.", {("country/PE", "org/apec"), ("country/PE", "org/cptpp")}),
    # an organisation the lexicon does not know may have member countries too
    ("Vietnam, yang juga anggota CPOPC, menolak.", {("country/VN", "org/cpopc")}),
])
def test_memberships(text: str, expected: set[tuple[str, str]]) -> None:
    assert _members(text) == expected


def test_membership_of_the_country_a_person_holds_office_in() -> None:
    seg, refs = _article("Presiden Turki Recep Tayyip Erdogan, yang negaranya merupakan anggota NATO, menolak.")
    relations = find_relations(seg, refs, KINDS, {"person/recep-tayyip-erdogan": "country/TR"})
    assert {(r.subject, r.object) for r in relations} == {("country/TR", "org/nato")}


@pytest.mark.parametrize("text", [
    "Swedia belum menjadi anggota NATO.",
    "Ukraina ingin bergabung dengan NATO secepatnya.",
    "Turki meminta Swedia menjadi anggota NATO tanpa syarat.",
    "Timor Leste, calon anggota ASEAN, mengirim delegasi ke Jakarta.",
    "Para pemimpin negara anggota NATO menyatakan Ukraina akan diundang bergabung.",
    "Usulan keanggotaan Swedia di NATO dibahas parlemen Turki.",
    "Indonesia, anggota Pertamina, menandatangani kontrak itu.",  # a company has no member countries
    "Bantuan dari Vietnam menjadi anggota ASEAN pertama yang tiba.",  # not the subject
    # the aside may speak of the last name or of the whole list: nothing is asserted
    "Perundingan antara Rusia dan Ukraina, anggota NATO, kembali gagal.",
    "Armenia dan Azerbaijan, anggota CSTO dan NATO, kembali berunding.",
])
def test_no_membership(text: str) -> None:
    assert _members(text) == set()
