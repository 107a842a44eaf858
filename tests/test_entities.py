"""Actors and places (kgraph/extract/entities.py, people.py, bodies.py, finder.py).

Every sentence here is written for these tests in the style of Indonesian news; the
people in them are either invented or well known enough to be in names.yaml.
"""

from __future__ import annotations

import pytest

from kgraph.extract.entities import Ref, find_entities
from kgraph.model import ArticleMeta, Body, Document, Entity, EntityType, Segmented, Span
from kgraph.segment import segment


def _seg(text: str, dateline: str | None = None) -> Segmented:
    """One paragraph of body text; a dateline, when given, stands before it as clean() leaves it."""
    meta, start = ArticleMeta(), 0
    if dateline is not None:
        text, start = f"{dateline} - {text}", len(dateline) + 3
        meta = ArticleMeta(dateline=Span.of(text, 0, len(dateline)))
    doc = Document("test.txt", text, "0" * 64, "text/plain")
    return segment(Body(doc, text, (Span.of(text, start, len(text)),), meta))


def _find(text: str, dateline: str | None = None) -> tuple[list[Ref], dict[str, Entity]]:
    refs, entities, _main = find_entities(_seg(text, dateline))
    return refs, {e.key: e for e in entities}


def _people(text: str, dateline: str | None = None) -> dict[str, Entity]:
    return {k: e for k, e in _find(text, dateline)[1].items() if e.type is EntityType.PERSON}


def _posts(entity: Entity) -> set[tuple[str, str | None]]:
    return {(p.label, p.of) for p in entity.posts}


# --- people by title ------------------------------------------------------------------


def test_title_country_name_gives_person_and_post() -> None:
    people = _people("Perdana Menteri Kamboja Hun Manet tiba di Jakarta pada Rabu.")
    assert _posts(people["person/hun-manet"]) == {("Perdana Menteri", "country/KH")}


def test_unit_and_organisation_between_title_and_name() -> None:
    """'Kepala | Pusat Penerangan | TNI | Mayjen | Nugraha Gumilar': unit words, the
    organisation, a rank; the post is held in TNI and, through it, in Indonesia."""
    people = _people("Kepala Pusat Penerangan TNI Mayjen Nugraha Gumilar membenarkan kabar itu.")
    person = people["person/nugraha-gumilar"]
    assert _posts(person) == {("Kepala Pusat Penerangan", "org/tni"), ("Kepala Pusat Penerangan TNI", "country/ID")}
    assert "Mayjen Nugraha Gumilar" in person.alt_labels
    assert person.label == "Nugraha Gumilar"


def test_title_inside_a_title_phrase_is_not_held() -> None:
    """'Juru bicara Sekjen PBB X': X speaks for the Secretary-General, X is not one."""
    person = _people("Juru bicara Sekjen PBB Farhan Haq mengatakan konvoi tiba.")["person/farhan-haq"]
    assert _posts(person) == {("Juru Bicara Sekjen", "org/pbb")}


def test_spokesperson_of_a_ministry_holds_a_post_in_its_country() -> None:
    person = _people("Juru bicara Kementerian Luar Negeri Vietnam Pham Thu Hang menolak klaim itu.")[
        "person/pham-thu-hang"]
    assert ("Juru Bicara", "org/kementerian-luar-negeri-vn") in _posts(person)
    assert ("Juru Bicara Kementerian Luar Negeri", "country/VN") in _posts(person)


@pytest.mark.parametrize(("text", "key", "post"), [
    ("Duta Besar Palestina untuk PBB Riyad Mansour berbicara di depan sidang.", "person/riyad-mansour",
     ("Duta Besar", "country/PS")),
    ("Ketua Parlemen Ukraina saat itu, Dmytro Razumkov, menolak usul tersebut.", "person/dmytro-razumkov",
     ("Ketua", "org/parlemen-ua")),
    ("Pemimpin oposisi Belarus Sviatlana Tsikhanouskaya bertemu para menteri Eropa.",
     "person/sviatlana-tsikhanouskaya", ("Pemimpin oposisi", "country/BY")),
    ("Kapolri Jenderal Listyo Sigit Prabowo meninjau lokasi.", "person/listyo-sigit-prabowo",
     ("Kapolri", "country/ID")),
    # an abbreviation in brackets after the title; a portfolio the lexicon does not list
    ("Menteri Dalam Negeri (Mendagri) Malaysia Saifuddin Nasution hadir.", "person/saifuddin-nasution",
     ("Menteri Dalam Negeri", "country/MY")),
    ("Menteri Kebudayaan Nasional Korea Selatan Yu In-chon berpidato.", "person/yu-in-chon",
     ("Menteri Kebudayaan Nasional", "country/KR")),
    ("Juru bicara pemerintah Jerman Steffen Hebestreit menjawab.", "person/steffen-hebestreit",
     ("Juru Bicara pemerintah", "country/DE")),
])
def test_title_phrases(text: str, key: str, post: tuple[str, str]) -> None:
    assert post in _posts(_people(text)[key])


def test_title_held_in_a_town_the_gazetteer_does_not_know() -> None:
    people = _people("Bupati Tapanuli Utara Jonius Taripar Hutabarat meninjau jalan itu.")
    assert _posts(people["person/jonius-taripar-hutabarat"]) == {("Bupati", "place/tapanuli-utara")}


def test_comma_after_title_phrase_introduces_the_name() -> None:
    people = _people("Ia bertemu pemimpin pemberontak, Saw Kyaw Thet, di perbatasan.")
    assert _posts(people["person/saw-kyaw-thet"]) == {("Pemimpin pemberontak", None)}


def test_known_persons_country_for_a_title_without_one() -> None:
    people = _people("Presiden Joko Widodo tiba di Vientiane.", dateline="Vientiane")
    assert _posts(people["person/joko-widodo"]) == {("Presiden", "country/ID")}


def test_possessive_title_has_no_country_from_context() -> None:
    people = _people("Ketua DPR Puan Maharani hadir. Hal itu disampaikan melalui juru bicaranya, Maria Lopez.")
    assert _posts(people["person/maria-lopez"]) == {("Juru Bicara", None)}


def test_country_from_context_only_for_people_without_that_title_elsewhere() -> None:
    people = _people("Presiden Putin menelepon Presiden Joko Widodo. "
                     "Presiden Rusia Vladimir Putin menyebut pembicaraan itu produktif.", dateline="Jakarta")
    assert _posts(people["person/vladimir-putin"]) == {("Presiden", "country/RU")}
    assert _posts(people["person/joko-widodo"]) == {("Presiden", "country/ID")}


def test_title_joined_by_sekaligus_is_held_too() -> None:
    people = _people("Wakil Perdana Menteri sekaligus Menteri Luar Negeri Singapura Vivian Balakrishnan tiba.")
    posts = _posts(people["person/vivian-balakrishnan"])
    assert ("Wakil Perdana Menteri", "country/SG") in posts
    assert ("Menteri Luar Negeri", "country/SG") in posts


def test_counterpart_later_in_the_sentence() -> None:
    people = _people("Menteri Pertahanan Jepang Minoru Kihara berbicara melalui telepon dengan "
                     "timpalannya dari Filipina Gilberto Teodoro.")
    assert _posts(people["person/gilberto-teodoro"]) == {("Menteri Pertahanan", "country/PH")}


# --- people without a title in front ---------------------------------------------------


@pytest.mark.parametrize(("text", "key"), [
    ("Rina Wulandari, seorang pengamat politik, menilai langkah itu terlambat.", "person/rina-wulandari"),
    ("Menurut pengacaranya, Hendra Kusuma, kliennya tidak bersalah.", "person/hendra-kusuma"),
    ("Uang diserahkan melalui orang kepercayaannya, Rudi Syahputra, di Medan.", "person/rudi-syahputra"),
    ('"Kami menunggu," ujar Bagus Prasetyo kepada wartawan.', "person/bagus-prasetyo"),
    ("Menurut Dewi Anggraini, bantuan sudah tiba.", "person/dewi-anggraini"),
    ("Dewi Anggraini mengatakan bantuan sudah tiba.", "person/dewi-anggraini"),
    ("Aktivis Sanne van der Berg ditangkap di Utrecht. Van der Berg dibebaskan sorenya.",
     "person/sanne-van-der-berg"),
    ("Polisi menahan Gerrit de Jong di rumahnya. Jong diperiksa selama enam jam.", "person/gerrit-de-jong"),
    ("Ia berterima kasih kepada Presiden Mesir Abdel Fattah el-Sisi.", "person/abdel-fattah-al-sisi"),
    ("Utusan itu bertemu Mohammed bin Abdulrahman Al Thani di Doha.", None),
])
def test_people_without_title(text: str, key: str | None) -> None:
    people = _people(text)
    if key is None:
        assert not any("doha" in k for k in people)
    else:
        assert key in people


def test_place_at_the_start_of_a_name_is_part_of_it() -> None:
    """'Riyad al-…': the capital of Saudi Arabia followed by a name particle is a given name."""
    _, entities = _find('"Kami tidak akan mundur," kata Riyad al-Shami kepada wartawan.')
    assert "person/riyad-al-shami" in entities
    assert "place/riyadh" not in entities and "country/SA" not in entities


def test_lone_unknown_word_after_speech_verb_is_not_a_person() -> None:
    assert _people('"Kami siap," kata Santoso.') == {}


@pytest.mark.parametrize("text", [
    "Pada Kamis, rapat dimulai pukul 10.00.",
    "Sementara Itu warga mengungsi.",
    "Sejak Januari Lalu harga naik.",
    "Rabu Pagi hujan turun di kota itu.",
    "Kejaksaan Agung Armenia mengatakan penyelidikan berlanjut.",
    "Baca Juga berita lainnya.",
])
def test_capitalised_words_that_are_not_people(text: str) -> None:
    assert _people(text) == {}


# --- one node per person -----------------------------------------------------------------


def test_surname_and_nickname_resolve_to_the_person() -> None:
    refs, _ = _find("Menteri Luar Negeri Laos Saleumxay Kommasith tiba. Kommasith disambut di bandara.")
    assert [r.key for r in refs if r.type is EntityType.PERSON] == ["person/saleumxay-kommasith"] * 2


def test_known_person_by_surname_alone_gets_the_full_key() -> None:
    people = _people("Zelensky mengatakan pasukannya bertahan.")
    assert list(people) == ["person/volodymyr-zelensky"]
    assert people["person/volodymyr-zelensky"].label == "Volodymyr Zelensky"


def test_key_is_the_fullest_name() -> None:
    people = _people("Presiden Ramos membuka sidang. Kemudian Presiden Filipina Fidel Ramos berpidato.")
    assert list(people) == ["person/fidel-ramos"]


def test_title_reference_and_anaphora_point_back() -> None:
    refs, _ = _find("Menteri Luar Negeri Chile Alberto van Klaveren tiba. Menlu Chile itu disambut. "
                    "Sang menteri lalu berpidato.")
    keys = [(r.rule, r.key) for r in refs if r.type is EntityType.PERSON]
    assert ("title-reference", "person/alberto-van-klaveren") in keys
    assert ("anaphora", "person/alberto-van-klaveren") in keys


def test_anaphora_does_not_become_a_name() -> None:
    people = _people("Presiden Kenya William Ruto tiba. Sang presiden disambut.")
    assert people["person/william-ruto"].alt_labels == ()


# --- organisations ---------------------------------------------------------------------


@pytest.mark.parametrize(("text", "key", "part_of"), [
    ("Kementerian Luar Negeri Rusia memanggil duta besar itu.", "org/kementerian-luar-negeri-ru", "country/RU"),
    ("Departemen Keuangan AS menjatuhkan sanksi.", "org/kementerian-keuangan-us", "country/US"),
    ("Kemlu Rusia membantah tuduhan itu.", "org/kementerian-luar-negeri-ru", "country/RU"),
    ("Kementerian Kesehatan Gaza mencatat korban bertambah.", "org/kementerian-kesehatan-gaza", "country/PS"),
    ("Militer Israel menyatakan operasi berlanjut.", "org/idf", "country/IL"),
    ("Kapal penjaga pantai Vietnam berpatroli di sana.", "org/penjaga-pantai-vn", "country/VN"),
    ("Kejaksaan Agung Armenia membuka penyelidikan.", "org/kejaksaan-agung-am", "country/AM"),
    ("Bantuan diserahkan kepada Bulan Sabit Merah Yordania.", "org/bulan-sabit-merah-jo", "country/JO"),
    ("Misi Tetap Rusia untuk PBB mengirim surat.", "org/misi-tetap-ru-untuk-pbb", "country/RU"),
])
def test_state_bodies(text: str, key: str, part_of: str) -> None:
    entities = _find(text)[1]
    assert entities[key].part_of == part_of
    assert not any(k in entities for k in ("org/kemlu", "org/bulan-sabit-merah"))


def test_bare_ministry_is_the_main_countrys_and_the_gazetteers_node() -> None:
    entities = _find("Kementerian Pertahanan menyiapkan kapal rumah sakit.", dateline="Jakarta")[1]
    assert "org/kemhan" in entities


def test_city_after_a_state_body_is_not_its_country() -> None:
    entities = _find("Kepolisian Amsterdam menahan puluhan orang.")[1]
    assert not any(k.startswith("org/kepolisian") for k in entities)


def test_acronym_names_an_organisation_and_comes_back() -> None:
    _, entities = _find("Asosiasi Nelayan Tradisional Maluku (ANTRAM) menolak aturan itu. ANTRAM akan menggugat.")
    org = entities["org/asosiasi-nelayan-tradisional-maluku"]
    assert "ANTRAM" in org.alt_labels
    assert len(org.mentions) == 3


def test_acronym_of_a_known_organisation_joins_it() -> None:
    entities = _find("Pasukan Pertahanan Israel (IDF) mengumumkan hal itu.")[1]
    assert [k for k in entities if k.startswith("org/")] == ["org/idf"]


@pytest.mark.parametrize(("text", "key"), [
    ("Sengketa itu dibawa ke Mahkamah Arbitrase Permanen di Den Haag.", "org/mahkamah-arbitrase-permanen"),
    ("Bantuan disalurkan melalui AHA Centre di Jakarta.", "org/aha-centre"),
    ("Polisi menangkap anggota kelompok Extinction Rebellion di jalan tol.", "org/extinction-rebellion"),
])
def test_organisations_named_by_a_noun(text: str, key: str) -> None:
    assert key in _find(text)[1]


def test_company_names_hold_places() -> None:
    entities = _find("Saham PT Bank Central Asia Tbk naik. Kontrak diteken PT Vale Selasa lalu.")[1]
    assert entities["org/bank-central-asia"].alt_labels == ("PT Bank Central Asia",)
    assert "org/vale" in entities
    assert not any(k.startswith("place/") for k in entities)


def test_unit_of_a_named_organisation_is_not_another_organisation() -> None:
    entities = _find("Rapat dengan Komisi I DPR berlangsung tertutup.")[1]
    assert not any(k.startswith("org/komisi") for k in entities)


def test_one_word_after_kelompok_is_not_an_organisation() -> None:
    assert not any(k.startswith("org/") for k in _find("Serangan itu menargetkan kelompok Kurdi.")[1])


# --- places ------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "key", "label"), [
    ("Kekerasan meningkat di Wilayah Magway.", "place/magway", "Magway"),
    ("Serpihan jatuh di Gurun Gobi.", "place/gobi", "Gobi"),
    ("Pesawat mendarat di Bandara Ngurah Rai, lalu ke hotel.", "place/bandara-ngurah-rai", "Bandara Ngurah Rai"),
    ("Banjir melanda Jakarta Utara.", "place/jakarta-utara", "Jakarta Utara"),
    ("KTT digelar di Sochi, Rusia, pekan lalu.", "place/sochi", "Sochi"),
    ("Pipa dibangun dari Kars di timur Turki.", "place/kars", "Kars"),
    ("Pasukan menjarah rumah warga di Omdurman.", "place/omdurman", "Omdurman"),
])
def test_places_by_grammar(text: str, key: str, label: str) -> None:
    assert _find(text)[1][key].label == label


@pytest.mark.parametrize("text", [
    "Video itu diunggah di Twitter pada Senin.",
    "Mereka berkumpul di Place du Luxembourg.",
    "Rapat digelar di AMM kali ini.",
])
def test_one_word_after_di_that_is_not_a_place(text: str) -> None:
    assert not any(k.startswith("place/") for k in _find(text)[1])


def test_longest_name_wins_where_two_overlap() -> None:
    """'Angkatan Laut Arab Saudi': the country Arab Saudi, not the sea Laut Arab."""
    entities = _find("Warga diangkut dengan kapal milik Angkatan Laut Arab Saudi.")[1]
    assert "place/laut-arab" not in entities
    assert entities["org/angkatan-laut-sa"].part_of == "country/SA"


def test_bare_name_refers_back_to_a_facility() -> None:
    refs, _ = _find("Pesawat tiba di Bandara El Tor. Dari El Tor bantuan dibawa dengan truk.")
    assert [r.key for r in refs if r.type is EntityType.PLACE] == ["place/bandara-el-tor"] * 2


def test_dateline_is_a_place_only_when_the_story_is_about_its_country() -> None:
    assert "place/jakarta" not in _find("Armenia dan Azerbaijan berunding.", dateline="Jakarta")[1]
    assert "place/bogor" in _find("Presiden Indonesia menerima tamu.", dateline="Bogor")[1]


# --- the Ref contract and determinism ----------------------------------------------------


def test_ref_keeps_its_positional_fields() -> None:
    ref = Ref(0, 6, "country/RU", EntityType.COUNTRY, "country/RU", "test")
    assert not ref.in_title


def test_refs_sorted_and_output_repeatable() -> None:
    text = ("Presiden Ramos membuka sidang. Menurut Dewi Anggraini, Kementerian Luar Negeri Rusia dan "
            "Militer Israel hadir di Bandara Ngurah Rai.")
    first, second = find_entities(_seg(text)), find_entities(_seg(text))
    assert first == second
    assert [r.begin for r in first[0]] == sorted(r.begin for r in first[0])
    assert all(m.entity == e.key for e in first[1] for m in e.mentions)



def test_a_name_after_an_organisation_comes_back_by_its_surname() -> None:
    people = _people("Kepala urusan kemanusiaan PBB Martin Griffiths tiba di Jeddah. "
                     '"Gencatan senjata harus dihormati," ucap Griffiths.')
    assert "person/martin-griffiths" in people


def test_a_name_after_a_country_comes_back_by_its_first_name() -> None:
    people = _people("Retno menerima Menteri Luar Negeri dan Kerja Sama Timor-Leste Bendito dos Santos Freitas. "
                     '"Kami berterima kasih," kata Bendito.')
    assert "person/bendito-dos-santos-freitas" in people and "person/kerja-sama" not in people


def test_a_name_with_its_own_acronym_after_a_title_is_an_organisation_not_a_person() -> None:
    from kgraph.extract import extract
    from kgraph.pipeline import clean, segment
    from kgraph.read import document_from_bytes

    page = ("Judul Uji\n\nKompas.com - 15/03/2024, 10:00 WIB\n\nJAKARTA, KOMPAS.com - Perdana Menteri Dominika "
            "Roosevelt Skerrit, selaku ketua Komunitas Karibia (CARICOM), ikut hadir.\n")
    x = extract(segment(clean(document_from_bytes(page.encode(), "uji.txt"))))
    kinds = {e.label: e.type.value for e in x.entities}
    assert kinds.get("Komunitas Karibia") == "Organization"
    assert kinds.get("Roosevelt Skerrit") == "Person"


def _people_posts(body: str, dateline: str = "JAKARTA") -> dict[str, list[tuple[str, str | None]]]:
    from kgraph.extract import extract
    from kgraph.pipeline import clean, segment
    from kgraph.read import document_from_bytes

    page = f"Judul Uji\n\nKompas.com - 15/03/2024, 10:00 WIB\n\n{dateline}, KOMPAS.com - {body}\n"
    x = extract(segment(clean(document_from_bytes(page.encode(), "uji.txt"))))
    return {e.label: [(p.label, p.of) for p in e.posts] for e in x.entities if e.type.value == "Person"}


def test_a_portfolio_noun_after_a_title_is_not_a_name() -> None:
    people = _people_posts("Fadillah Yusof, yang juga Menteri Perladangan dan Komoditas Malaysia, hadir.")
    assert "Perladangan" not in people


def test_a_foreign_dateline_weighs_less_than_the_country_the_story_is_about() -> None:
    body = ("Indonesia dan Malaysia mendesak Uni Eropa. Indonesia memasok minyak sawit. Indonesia juga "
            "menggugat ke WTO. Menteri Perdagangan Zulkifli Hasan hadir di Brussels.")
    assert _people_posts(body, "BRUSSELS")["Zulkifli Hasan"] == [("Menteri Perdagangan", "country/ID")]
    # a home dateline is the home desk, whatever the story names most
    body = "Israel menyerang Gaza. Israel menolak. Israel membantah. Menteri Luar Negeri Retno Marsudi mengecam."
    assert _people_posts(body, "JAKARTA")["Retno Marsudi"] == [("Menteri Luar Negeri", "country/ID")]


def test_a_treaty_name_whose_last_word_recurs_in_a_title_is_no_person() -> None:
    people = _people_posts("Kedua menteri menandatangani Perjanjian Kerja Sama Pertahanan. "
                           "Menteri Pertahanan Prabowo Subianto hadir.")
    assert "Kerja Sama Pertahanan" not in people and "Prabowo Subianto" in people


# --- names met on unseen articles -------------------------------------------------------


def test_two_capitals_opening_a_name_are_initials_but_an_acronym_is_not() -> None:
    people = _people("Wakil Presiden AS JD Vance tiba di Munich bersama Ketua MK Suhartoyo.")
    assert "person/jd-vance" in people
    assert not any(k.startswith("person/mk") for k in people)


def test_an_organisation_noun_may_open_the_sentence_and_a_name_hold_a_particle() -> None:
    _, found = _find("Kelompok militan Jaish al-Adl mengaku bertanggung jawab. Perusahaan minyak ExxonMobil diam.")
    assert {"org/jaish-al-adl", "org/exxonmobil"} <= set(found)
    _, found = _find("Kelompok Kurdi menolak rencana itu.")
    assert not any(k.startswith("org/") for k in found)


def test_seas_and_several_words_after_di_or_ke_are_places() -> None:
    _, found = _find("Kapal perang itu berlayar di Laut Tasman sebelum menyeberang ke Mae Sot.")
    assert {"place/laut-tasman", "place/mae-sot"} <= set(found)
    _, found = _find("Angkatan Laut Tentara Pembebasan Rakyat menggelar latihan.")
    assert not any(k.startswith("place/laut") for k in found)


def test_indonesian_spelling_variants_of_countries() -> None:
    _, found = _find("Hungaria, Libanon, Katar dan Kosovo menolak resolusi itu.")
    assert {"country/HU", "country/LB", "country/QA", "country/XK"} <= set(found)


def test_three_word_name_comes_back_by_its_first_two_or_middle_word() -> None:
    people = _people("Presiden Gabon Ali Bongo Ondimba digulingkan. Ali Bongo kini ditahan. "
                     "\"Kami menolak,\" kata Bongo. Ia mewarisi kekuasaan dari ayahnya, Omar Bongo, yang wafat pada 2009.")
    assert {m.span.text for m in people["person/ali-bongo-ondimba"].mentions} >= {"Ali Bongo", "Bongo"}
    assert "person/omar-bongo" in people


def test_a_foreign_story_filed_in_jakarta_takes_its_country_from_the_body() -> None:
    people = _people("Presiden Brasil Lula da Silva menyambut hasil itu. Brasil berharap Jenderal Carlos Andrade "
                     "mundur. Brasil siap berunding.", dateline="Jakarta")
    assert ("Jenderal", "country/BR") in _posts(people["person/carlos-andrade"])
