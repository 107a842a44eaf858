"""Event rules on sentences written for these tests (not taken from any article)."""

from __future__ import annotations

import pytest

from kgraph.extract import extract
from kgraph.model import Event, Extraction
from kgraph.pipeline import clean, segment
from kgraph.read import document_from_bytes


def build(body: str) -> Extraction:
    page = f"Judul Berita Uji\n\nKompas.com - 15/03/2024, 10:00 WIB\n\nJAKARTA, KOMPAS.com - {body}\n"
    return extract(segment(clean(document_from_bytes(page.encode(), "uji.txt"))))


def events(body: str, cameo_root: str | None = None) -> list[Event]:
    found = build(body).events
    return [e for e in found if cameo_root is None or e.cameo.startswith(cameo_root)]


def test_active_verb_actor_and_target() -> None:
    (e,) = events("Presiden Prancis Emmanuel Macron mengecam Rusia atas serangan itu.", "11")
    assert e.actors == ("person/emmanuel-macron",) and e.targets == ("country/RU",)
    assert not e.negated


def test_a_negator_leads_to_its_verb() -> None:
    (e,) = events("Turki tidak akan menyerang Suriah dalam waktu dekat.", "19")
    assert e.negated and e.actors == ("country/TR",) and e.targets == ("country/SY",)


def test_a_negator_inside_a_noun_phrase_does_not_negate_a_later_verb() -> None:
    (e,) = events("Pesawat tak berawak milik Iran menyerang Israel pada Sabtu malam.", "19")
    assert not e.negated and e.actors == ("country/IR",) and e.targets == ("country/IL",)


def test_a_denial_negates_what_follows_it() -> None:
    found = events("Kementerian Pertahanan Rusia membantah menyerang Ukraina.")
    assert {e.cameo for e in found if not e.negated} == {"016"}
    assert [e.negated for e in found if e.cameo.startswith("19")] == [True]


def test_fighting_without_a_target_is_background_not_an_event() -> None:
    assert events("Israel terus menggempur wilayah padat penduduk sejak awal bulan.", "19") == []


def test_a_bare_noun_names_no_one() -> None:
    assert events("Presiden Joe Biden berbicara kepada wartawan setelah bentrokan di perbatasan.", "19") == []


def test_a_noun_with_its_possessor_is_an_event_of_the_possessor() -> None:
    found = events("Kanselir Jerman Olaf Scholz mengutuk agresi Rusia terhadap Ukraina.")
    attack = [e for e in found if e.cameo.startswith("19")]
    assert [(e.actors, e.targets) for e in attack] == [(("country/RU",), ("country/UA",))]
    criticise = [e for e in found if e.cameo.startswith("11")]
    assert criticise and criticise[0].targets == ("country/RU",)


def test_a_light_verb_lends_its_subject_to_the_noun() -> None:
    (e,) = events("Rusia melancarkan invasi ke Ukraina pada Februari 2022.", "19")
    assert e.actors == ("country/RU",) and e.targets == ("country/UA",)


def test_a_cancelled_meeting_is_not_asserted() -> None:
    found = events("Menteri Luar Negeri Jepang Yoko Kamikawa membatalkan rencana kunjungannya ke Tiongkok.")
    assert [e.cameo for e in found if not e.negated] == ["125"]
    assert not [e for e in found if e.cameo == "042" and not e.negated]


def test_the_subject_stands_before_an_apposition() -> None:
    (e,) = events("Jepang, sekutu dekat Amerika Serikat, mengecam tindakan Korea Utara.", "11")
    assert e.actors == ("country/JP",) and e.targets == ("country/KP",)


def test_a_purpose_clause_shares_the_subject() -> None:
    found = events("Perdana Menteri Jepang Fumio Kishida menelepon Presiden Korea Selatan Yoon Suk Yeol "
                   "untuk menuntut penyelidikan bersama.")
    demand = [e for e in found if e.cameo.startswith("10")]
    assert demand and demand[0].actors == ("person/fumio-kishida",)


def test_a_word_quoted_on_its_own_is_no_trigger() -> None:
    found = events('Vietnam meminta Tiongkok memulai konsultasi "mendesak" soal nelayan.', "02")
    assert [e.rule for e in found] == ["appeal"]


@pytest.mark.parametrize(("weapon", "code"), [("artileri", "194"), ("drone", "195")])
def test_a_named_weapon_refines_the_fighting_code(weapon: str, code: str) -> None:
    (e,) = events(f"Israel menyerang Lebanon dengan {weapon} pada Minggu dini hari.", "19")
    assert e.cameo == code


def test_passive_voice_puts_the_agent_first() -> None:
    (e,) = events("Kapal Filipina diserang oleh Tiongkok di Laut China Selatan.", "19")
    assert e.actors == ("country/CN",) and e.targets == ("country/PH",)


def test_a_summoned_envoy_is_an_official_complaint_against_the_envoy_country() -> None:
    (e,) = events("Pemerintah Filipina memanggil Duta Besar Tiongkok untuk menjelaskan insiden itu.", "11")
    assert e.cameo == "114" and e.targets == ("country/CN",)


def test_a_date_right_after_a_noun_dates_that_noun_not_the_verb() -> None:
    found = events("Menteri Luar Negeri Kanada Melanie Joly mengecam serangan Rusia terhadap Ukraina pada 3 Maret 2024.")
    dated = {e.cameo[:2]: e.date.value.isoformat() if e.date else None for e in found}
    assert dated["19"] == "2024-03-03" and dated["11"] != "2024-03-03"


def test_a_date_after_a_quoted_clause_dates_the_main_act() -> None:
    found = events('Menteri Pertahanan Jepang Minoru Kihara dan timpalannya dari Filipina Gilberto Teodoro "menggelar pertemuan untuk membahas '
                   'agresi Tiongkok terhadap kapal Filipina," kata kementerian di Tokyo pada Selasa (12/3/2024).')
    meeting = [e for e in found if e.cameo.startswith("04")]
    assert meeting and meeting[0].date is not None and meeting[0].date.value.isoformat() == "2024-03-12"


def test_a_later_sentence_of_the_paragraph_dates_an_undated_act() -> None:
    found = events("Vietnam memanggil Duta Besar Tiongkok di Hanoi. Pemanggilan itu dilakukan pada Senin (11/3/2024).", "11")
    assert found and found[0].date is not None and found[0].date.value.isoformat() == "2024-03-11"


def test_a_meeting_noun_framed_by_selama_is_the_subjects_meeting() -> None:
    found = events("Kamboja dan Thailand gagal menyepakati garis batas selama pembicaraan di Kuala Lumpur, Malaysia, pada Jumat (8/3/2024).", "04")
    assert [(e.actors, e.targets) for e in found] == [(("country/KH",), ("country/TH",))]
    assert found[0].date is not None and found[0].date.value.isoformat() == "2024-03-08"


def test_dan_between_subjects_is_not_a_coordinated_verb() -> None:
    found = events("Presiden Prancis Emmanuel Macron tiba di Roma. Italia dan Spanyol sepakat "
                   "memperkuat patroli laut bersama.", "03")
    assert [(e.actors, e.targets) for e in found] == [(("country/IT",), ("country/ES",))]


def test_a_passive_without_oleh_takes_only_an_agent_right_after_the_verb() -> None:
    assert events("Sejak kudeta, ditahan junta, mantan pemimpin Myanmar Aung San Suu Kyi tetap diam.", "17") == []


def test_a_launch_verb_with_a_weapon_is_a_strike() -> None:
    (e,) = events("Korea Utara meluncurkan dua rudal balistik ke arah Jepang pada Kamis pagi.", "19")
    assert e.cameo == "195" and e.actors == ("country/KP",) and e.targets == ("country/JP",)


def test_a_launch_verb_without_a_weapon_is_no_strike() -> None:
    assert events("Indonesia meluncurkan program beasiswa untuk Timor Leste.", "19") == []


def test_a_place_noun_with_a_determiner_points_back_to_the_place() -> None:
    found = events("Sirene meraung di Kyiv sepanjang malam. Rusia kembali menggempur kota itu.", "19")
    assert [(e.actors, e.targets) for e in found] == [(("country/RU",), ("country/UA",))]


def test_a_place_that_stands_for_no_country_is_no_target() -> None:
    """kg:target must be an actor (ontology/shapes.ttl): a region alone is not one."""
    found = events("Situasi di Jalur Gaza terus memburuk. Israel kembali menggempur wilayah padat itu.", "19")
    assert all(not t.startswith("place/") for e in found for t in e.targets)


def test_juru_bicara_is_a_title_not_a_meeting() -> None:
    assert events("Kementerian itu menunjuk Tiongkok sebagai tuan rumah, kata juru bicara Wang Wenbin.", "04") == []


def test_milik_names_the_owner_of_the_target() -> None:
    (e,) = events("Amerika Serikat melancarkan serangan udara terhadap 30 gudang senjata milik kelompok Hamas.", "19")
    assert e.actors == ("country/US",) and e.targets == ("org/hamas",)


def test_a_passive_relative_clause_names_the_owner_of_the_target() -> None:
    (e,) = events("Pemerintah Jepang mengecam uji coba rudal yang dilakukan Korea Utara pada Jumat.", "11")
    assert e.targets == ("country/KP",)


def test_warship_is_no_war() -> None:
    found = events("Kapal-kapal perang Amerika Serikat dan Inggris berlayar di Laut Merah.")
    assert [e for e in found if e.cameo.startswith("19")] == []


def test_ketiga_negara_points_to_the_three_latest_countries() -> None:
    found = events("Menteri Luar Negeri Jepang, Korea Selatan dan Amerika Serikat bertemu di Tokyo. "
                   "Ketiga negara itu sepakat dengan Australia untuk berbagi data radar.", "03")
    assert found and set(found[0].actors) <= {"country/JP", "country/KR", "country/US"}


def test_a_recalled_ambassador_reduces_relations_with_the_host_country() -> None:
    (e,) = events("Irak menarik duta besarnya dari Iran sebagai bentuk protes.", "16")
    assert e.cameo == "161" and e.actors == ("country/IQ",) and e.targets == ("country/IR",)


def test_one_actor_named_with_its_acronym_joins_a_coordinated_pair() -> None:
    found = events("Angkatan Bersenjata Sudan (SAF) dan kelompok paramiliter Pasukan Dukungan Cepat (RSF) "
                   "menandatangani gencatan senjata di Jeddah.", "05")
    assert found and len(found[0].actors) == 1 and found[0].targets and found[0].targets[0] != found[0].actors[0]


def test_sehari_kemudian_counts_from_the_date_named_before() -> None:
    found = events("Korea Utara menembakkan rudal ke arah Jepang pada Senin (11/3/2024). "
                   "Sehari kemudian, Jepang memanggil Duta Besar Korea Utara di Tokyo.", "11")
    assert found and found[0].date is not None and found[0].date.value.isoformat() == "2024-03-12"
    assert found[0].date.rule == "anchored"


def test_a_noun_with_a_determiner_refers_back_and_is_no_new_event() -> None:
    found = events("Dalam pertemuan itu, Jepang berjanji menghibahkan kapal patroli kepada Indonesia.", "04")
    assert found == []


def test_a_noun_after_a_topic_verb_is_what_was_discussed() -> None:
    found = events("Keduanya membahas kerja sama ekonomi dengan Vietnam.")
    assert not [e for e in found if e.cameo.startswith("06")]


def test_the_subject_stands_before_a_relative_apposition_and_an_adverb() -> None:
    found = events("Jepang dan Indonesia, yang sama-sama anggota G20, telah menandatangani perjanjian pertahanan.", "05")
    assert [(e.actors, e.targets) for e in found] == [(("country/JP",), ("country/ID",))]


def test_force_aimed_at_a_place_is_aimed_at_its_country() -> None:
    (e,) = events("Israel kembali menggempur Jalur Gaza pada Minggu malam.", "19")
    assert e.actors == ("country/IL",) and e.targets == ("country/PS",)


def test_a_short_noun_in_an_is_a_noun() -> None:
    assert events("Konsensus itu memuat seruan penghentian kekerasan.", "02") == []


def test_a_conditional_promise_of_harm_is_a_threat_against_the_condition_party() -> None:
    (e,) = events("Menteri Pertahanan Turki Yasar Guler menegaskan Ankara akan mengambil langkah balasan "
                  "apabila kelompok PKK kembali menyerang pos perbatasan.", "13")
    assert e.actors == ("country/TR",) and e.rule == "conditional_threat"
    assert not e.negated


def test_a_condition_first_threat_takes_its_actor_from_the_consequent() -> None:
    (e,) = events('"Jika Venezuela melanggar perbatasan, respons Guyana akan sangat tegas," kata Presiden Guyana Irfaan Ali.', "13")
    assert e.actors == ("country/GY",) and e.targets == ("country/VE",)


def test_force_promised_under_a_condition_is_threatened_not_done() -> None:
    found = events("Rusia akan menyerang Ukraina jika Kyiv menolak tawaran itu.")
    assert [e.cameo for e in found] == ["138"]
    assert found[0].actors == ("country/RU",) and found[0].targets == ("country/UA",)


def test_an_offer_under_a_condition_and_a_negated_promise_are_no_threat() -> None:
    assert events("Israel akan menghentikan serangan ke Gaza jika Hamas membebaskan sandera.", "13") == []
    assert events("Turki tidak akan menyerang Suriah jika perundingan berlanjut.", "13") == []
    assert events("Korea Utara tidak akan ragu memakai senjata nuklir jika musuh memprovokasi.", "13")


def test_a_target_owned_by_a_country_inside_a_noun_phrase() -> None:
    (e,) = events("Menteri Pertahanan Korea Utara mengancam akan mengambil tindakan terhadap kapal selam nuklir AS.", "13")
    assert e.targets == ("country/US",)


def test_a_request_clause_is_addressed_to_the_other_side_of_the_meeting() -> None:
    found = events("Presiden Joko Widodo bertemu Perdana Menteri Malaysia Anwar Ibrahim di Bogor pada Senin. "
                   "Jokowi meminta agar perundingan batas laut segera dituntaskan.", "02")
    assert [(e.actors, e.targets) for e in found] == [(("person/joko-widodo",), ("person/anwar-ibrahim",))]


def test_an_appeal_to_the_members_of_an_organisation_targets_it() -> None:
    (e,) = events("Presiden Joko Widodo meminta negara-negara anggota ASEAN bertindak tegas.", "02")
    assert e.targets == ("org/asean",)


def test_a_family_name_first_person_is_found_again_by_a_two_letter_surname() -> None:
    (e,) = events("Presiden China Xi Jinping tiba di San Francisco. Xi meminta Washington berhenti mempersenjatai Taiwan.", "02")
    assert e.actors == ("person/xi-jinping",) and e.targets == ("country/US",)


def test_a_since_phrase_does_not_stop_a_sentence_taking_its_paragraph_date() -> None:
    found = events("Amerika Serikat dan China sepakat memulihkan jalur komunikasi yang terputus sejak Agustus tahun lalu. "
                   "Kesepakatan itu dicapai pada Rabu (13/3/2024).", "03")
    assert [str(e.date.value) for e in found if e.date] == ["2024-03-13"]


def test_both_sides_are_the_sides_of_the_latest_two_sided_event_not_its_mediators() -> None:
    found = events("Angkatan Bersenjata Sudan dan Pasukan Dukungan Cepat (RSF) menandatangani deklarasi di Jeddah. "
                   "Perundingan itu dimediasi oleh Arab Saudi dan Amerika Serikat. "
                   "Kedua pihak belum menyepakati gencatan senjata.")
    mediation = [e for e in found if e.cameo == "045"]
    assert mediation and set(mediation[0].actors) == {"country/SA", "country/US"}
    assert "org/rsf" in mediation[0].targets
    agreed = [e for e in found if e.cameo.startswith("03")]
    assert agreed and agreed[0].negated and "org/rsf" in (*agreed[0].actors, *agreed[0].targets)
    assert "country/SA" not in agreed[0].actors


def test_a_quantified_object_belongs_to_its_owner() -> None:
    (e,) = events("Jet tempur Israel menggempur sejumlah posisi Hizbullah di Lebanon selatan.", "19")
    assert e.cameo == "195" and e.targets == ("org/hizbullah",)  # "jet tempur": air power


def test_a_pair_of_subjects_meeting_a_named_person_targets_that_person() -> None:
    found = events("Menteri Luar Negeri Retno Marsudi dan Menteri Luar Negeri Malaysia Zambry Abdul Kadir saat "
                   "bertemu Wakil Presiden Komisi Eropa Frans Timmermans di Brussels.", "04")
    assert found and found[0].targets == ("person/frans-timmermans",)
    assert "person/zambry-abdul-kadir" in found[0].actors


def test_the_two_countries_in_an_object_are_those_of_the_latest_two_country_event() -> None:
    found = events("Indonesia dan Malaysia mendesak Uni Eropa melonggarkan aturan itu di Brussels, Belgia. "
                   "Komisi Eropa menawarkan bantuan teknis untuk petani kecil di kedua negara.", "03")
    assert [set(e.targets) for e in found] == [{"country/ID", "country/MY"}]


def test_a_threat_verb_with_a_condition_needs_no_further_cue() -> None:
    (e,) = events("Menteri Perdagangan Zulkifli Hasan mengancam akan membawa sengketa itu ke WTO "
                  "jika Uni Eropa tetap memberlakukan aturan tersebut.", "13")
    assert e.actors == ("person/zulkifli-hasan",) and e.targets == ("org/uni-eropa",)


def test_a_reciprocal_pair_acts_on_each_other_and_a_negated_one_did_not() -> None:
    (e,) = events("Rusia dan Ukraina saling membebaskan ratusan tawanan perang pada Rabu.", "08")
    assert e.actors == ("country/RU",) and e.targets == ("country/UA",)
    (e,) = events("Venezuela dan Guyana sepakat untuk tidak saling mengancam.", "13")
    assert e.negated


def test_a_word_inside_a_name_is_no_trigger() -> None:
    assert events("Kapal Tentara Pembebasan Rakyat berlayar di Laut China Selatan.", "08") == []


def test_a_military_exercise_shows_force() -> None:
    (e,) = events("Angkatan Laut China menggelar latihan tembak langsung di Laut Tasman pada Jumat.", "15")
    assert e.cameo == "150"


def test_news_agencies_report_and_take_no_part() -> None:
    found = events("Seperti dilansir kantor berita AFP dan Reuters, Venezuela dan Guyana saling mengancam.")
    assert {k for e in found for k in (*e.actors, *e.targets)} <= {"country/VE", "country/GY"}


def test_defending_is_not_arresting() -> None:
    assert events("Guyana berhak bekerja sama dengan mitra mana pun untuk mempertahankan diri.", "17") == []


def test_a_date_owned_by_a_noun_that_names_no_one_dates_the_event_before_it() -> None:
    found = events("Retno Marsudi tiba di Johannesburg pada Rabu (13/3/2024). Menteri Luar Negeri Retno Marsudi "
                   "bertemu Menteri Luar Negeri China Wang Yi di sela pertemuan G20 pada hari yang sama.", "04")
    assert [str(e.date.value) for e in found] == ["2024-03-13"]


def test_condemning_an_act_told_before_targets_whoever_did_it() -> None:
    found = events("Israel menyerang Gaza pada Senin. Presiden Prancis Emmanuel Macron mengutuk serangan tersebut.", "11")
    assert [e.targets for e in found] == [("country/IL",)]


def test_a_measure_noun_may_stand_between_a_light_verb_and_its_noun() -> None:
    (e,) = events("Uni Eropa mengesahkan paket sanksi ke-16 terhadap Rusia.", "16")
    assert e.actors == ("org/uni-eropa",) and e.targets == ("country/RU",)


def test_sanctions_reach_the_country_behind_the_firms_they_name() -> None:
    (e,) = events("Amerika Serikat menjatuhkan sanksi terhadap 150 perusahaan yang membantu industri pertahanan Rusia.", "16")
    assert e.targets == ("country/RU",)


def test_two_titled_people_joined_by_dan_act_together() -> None:
    (e,) = events("Menteri Pertahanan Prabowo Subianto dan Wakil Perdana Menteri sekaligus Menteri Pertahanan "
                  "Australia Richard Marles menandatangani Perjanjian Kerja Sama Pertahanan di Canberra.", "05")
    assert {*e.actors, *e.targets} == {"person/prabowo-subianto", "person/richard-marles"}


def test_calling_someone_a_name_of_blame_is_criticism_and_calling_a_meeting_useful_is_not() -> None:
    (e,) = events("Presiden Joe Biden kembali menyebut Presiden China Xi Jinping sebagai seorang diktator.", "11")
    assert e.actors == ("person/joe-biden",) and e.targets == ("person/xi-jinping",)
    assert events("Presiden Joe Biden menyebut pertemuan dengan Xi Jinping sangat berguna.", "11") == []


def test_criticising_a_statement_targets_its_speaker() -> None:
    found = events("Presiden Joe Biden menyebut Presiden China Xi Jinping sebagai diktator. "
                   "Juru bicara Kementerian Luar Negeri China Mao Ning menyebut pernyataan tersebut sangat keliru.", "11")
    assert [e.targets for e in found][-1] == ("person/joe-biden",)


def test_an_event_anaphor_abstains_when_the_noun_was_used_again_for_an_act_with_no_actor() -> None:
    found = events("Rusia menyerang Kyiv pada Selasa. Moskow menuduh Kyiv berada di balik serangan ke kota Belgorod. "
                   "Juru bicara Kementerian Luar Negeri Rusia Maria Zakharova menyebut serangan itu sebagai aksi terorisme.", "11")
    assert all(e.targets != ("country/RU",) for e in found)


def test_a_call_to_a_counterpart_from_a_country_targets_that_country() -> None:
    (e,) = events("Direktur Jenderal Operasi Militer Pakistan menelepon mitranya dari India pada Sabtu sore.", "04")
    assert e.actors == ("country/PK",) and e.targets == ("country/IN",)


def test_receiving_a_courtesy_visit_hosts_the_visitor() -> None:
    found = events("Menteri Luar Negeri Retno Marsudi menerima kunjungan kehormatan Menteri Luar Negeri Timor-Leste "
                   "Bendito dos Santos Freitas, dan kembali menegaskan dukungan Indonesia bagi keanggotaan penuh Timor-Leste.")
    assert [(e.cameo, e.targets) for e in found] == [("043", ("person/bendito-dos-santos-freitas",)),
                                                     ("051", ("country/TL",))]


def test_a_passive_about_the_act_told_before_targets_whoever_did_it() -> None:
    found = events("Amerika Serikat dan Inggris menggempur puluhan target Houthi di Yaman. "
                   "Operasi militer tersebut didukung oleh Australia dan Kanada.", "05")
    assert [(e.actors, e.targets) for e in found] == [(("country/AU", "country/CA"), ("country/US", "country/GB"))]
    found = events("Presiden Venezuela Nicolas Maduro memerintahkan perusahaan minyak negara menerbitkan izin "
                   "eksplorasi. Langkah itu dikecam keras oleh Guyana.", "11")
    assert [(e.actors, e.targets) for e in found] == [(("country/GY",), ("person/nicolas-maduro",))]


def test_a_country_after_another_countrys_name_is_no_location() -> None:
    found = events("AS dan Inggris menggempur target Houthi di Yaman, Iran mengecam keras.", "11")
    assert [e.actors for e in found] == [("country/IR",)]


def test_a_two_sided_noun_takes_its_sides_from_a_later_antara_phrase() -> None:
    found = events("Qatar mengumumkan tercapainya kesepakatan jeda kemanusiaan selama empat hari antara Israel "
                   "dan kelompok Hamas di Jalur Gaza.", "03")
    assert [(e.actors, e.targets) for e in found] == [(("country/IL",), ("org/hamas",))]


def test_the_next_sentence_opening_on_the_act_dates_it() -> None:
    found = events("Indonesia dan Malaysia mendesak Uni Eropa melonggarkan aturan itu.\n\n"
                   "Desakan tersebut disampaikan kedua menteri di Brussels, Selasa (12/3/2024).", "02")
    assert [str(e.date.value) for e in found] == ["2024-03-12"]


def test_a_period_start_does_not_date_an_act_in_its_paragraph() -> None:
    found = events("Menteri Luar Negeri Retno Marsudi mendesak junta Myanmar menghentikan kekerasan. Desakan itu "
                   "disampaikan di sela pertemuan yang berlangsung sejak Selasa (12/3/2024).", "02")
    assert [e.date.value.isoformat() for e in found if e.date] != ["2024-03-12"]


def test_concern_about_an_incident_told_before_targets_whoever_used_force() -> None:
    found = events("Kapal penjaga pantai China menembakkan meriam air ke kapal Filipina pada Sabtu. "
                   "Jepang dan Australia turut menyampaikan keprihatinan atas insiden tersebut.", "01")
    assert [e.targets for e in found] == [("org/penjaga-pantai-cn",)]


def test_a_date_closing_the_sentence_after_a_comma_dates_every_act_in_it() -> None:
    found = events("Majelis Umum PBB mengecam pendudukan Rusia dan menuntut penarikan pasukan Rusia dari Krimea, "
                   "pada Kamis (14/3/2024).")
    dated = {e.cameo[:2]: e.date.value.isoformat() if e.date else None for e in found}
    assert dated["11"] == "2024-03-14" and dated["10"] == "2024-03-14"


def test_an_act_joined_by_saat_to_a_dated_meeting_shares_its_date() -> None:
    found = events("Menteri Luar Negeri Jepang Yoko Kamikawa menyampaikan keberatan kepada Menteri Luar Negeri China "
                   "Wang Yi saat keduanya bertemu di sela pertemuan para menteri G20 di Rio de Janeiro, Brasil, "
                   "pada Jumat (8/3/2024).", "11")
    assert [e.date.value.isoformat() for e in found if e.date] == ["2024-03-08"]


def test_an_opening_date_no_verb_owns_dates_the_main_act() -> None:
    found = events("Pada Senin (11/3/2024), Jepang mengecam China yang menembakkan meriam air pada Minggu (10/3/2024).", "11")
    assert [e.date.value.isoformat() for e in found if e.date] == ["2024-03-11"]


def test_the_next_sentence_opening_on_the_act_with_a_relative_clause_dates_it() -> None:
    found = events("Armenia dan Azerbaijan saling membebaskan tahanan perang dalam jumlah besar sejak 2020.\n\n"
                   "Pertukaran yang dimediasi Qatar itu berlangsung pada Rabu (13/3/2024).", "08")
    assert [e.date.value.isoformat() for e in found if e.date] == ["2024-03-13"]


def test_a_time_of_day_is_on_the_day_the_story_last_named() -> None:
    found = events("Thailand dan Kamboja menyepakati gencatan senjata pada Selasa (12/3/2024).\n\n"
                   "Sebelumnya, Panglima Thailand menelepon Panglima Kamboja pada pukul 14.20 waktu setempat.", "04")
    assert [e.date.value.isoformat() for e in found if e.date] == ["2024-03-12"]


def test_a_weekday_of_publication_does_not_move_the_stories_clock() -> None:
    found = events("Thailand dan Kamboja menyepakati gencatan senjata pada Selasa (12/3/2024).\n\n"
                   "Indonesia menyambut baik kesepakatan itu, Jumat.\n\n"
                   "Namun, beberapa jam kemudian, Thailand menuduh Kamboja melanggar kesepakatan.", "11")
    assert [e.date.value.isoformat() for e in found if e.date] == ["2024-03-12"]


def test_the_same_session_is_the_day_last_named() -> None:
    found = events("Dewan Keamanan PBB menggelar sidang darurat pada Rabu (13/3/2024).\n\n"
                   "Dalam sesi yang sama, Menteri Luar Negeri Brasil Mauro Vieira mengecam Israel.", "11")
    assert [e.date.value.isoformat() for e in found if e.date] == ["2024-03-13"]


def test_attending_a_summit_is_a_meeting_and_a_planned_one_is_not_asserted() -> None:
    (e,) = events("KTT itu dihadiri Presiden Brasil Lula da Silva dan Presiden Afrika Selatan Cyril Ramaphosa.", "04")
    assert e.cameo == "044" and not e.negated and len({*e.actors, *e.targets}) == 2
    (e,) = events("Prabowo menyampaikan undangan untuk menghadiri KTT ASEAN di Jakarta.", "04")
    assert e.negated
    (e,) = events("Menteri Luar Negeri Jepang Yoko Kamikawa dijadwalkan bertemu Menlu Retno Marsudi.", "04")
    assert e.negated


def test_the_subject_stands_before_an_apposition_ahead_of_a_negated_verb() -> None:
    (e,) = events("Presiden Turki Recep Tayyip Erdogan, sekutu dekat Baku, tidak menghadiri KTT itu.", "04")
    assert e.actors == ("person/recep-tayyip-erdogan",) and e.negated


def test_a_country_named_as_an_ethnicity_is_no_party() -> None:
    found = events("Pasukan Myanmar menggempur posisi kelompok separatis etnis Thailand di Kachin.", "19")
    assert all("country/TH" not in e.targets for e in found)
    (e,) = events("Pasukan Myanmar menggempur posisi tentara Thailand di perbatasan.", "19")
    assert e.targets == ("country/TH",)


def test_a_name_after_a_preposition_is_not_the_event_nouns_owner() -> None:
    (e,) = events("Sekjen PBB Antonio Guterres tiba di Jenewa. Menteri Luar Negeri Israel Eli Cohen membatalkan "
                  "rencana pertemuannya dengan Guterres.", "12")
    assert e.actors == ("person/eli-cohen",) and e.targets == ("person/antonio-guterres",)


def test_an_incident_said_to_have_happened_on_a_day_dates_the_force_told_before() -> None:
    found = events("Filipina memprotes tindakan kapal penjaga pantai China yang menembakkan meriam air ke kapal Filipina. "
                   "Protes itu disampaikan pada Senin (11/3/2024).\n\n"
                   "Insiden itu terjadi pada Sabtu (9/3/2024) di dekat Beting Ayungin.", "1")
    force = [e for e in found if e.cameo[:2] in ("17", "18", "19")]
    assert [e.date.value.isoformat() for e in force if e.date] == ["2024-03-09"]


def test_whom_a_suit_is_against_is_the_object_not_the_court() -> None:
    (e,) = events("Malaysia menggugat Uni Eropa ke Organisasi Perdagangan Dunia (WTO) atas aturan biodiesel.", "11")
    assert e.targets == ("org/uni-eropa",)


def test_a_bare_military_noun_and_a_described_group_are_the_actors_named_with_them() -> None:
    found = events("Jet tempur militer Myanmar menggempur posisi kelompok pemberontak Tentara Arakan di Rakhine. "
                   "Tentara Arakan menuding militer sengaja menyerang warga sipil, sementara militer balik menuduh "
                   "pemberontak itu bersembunyi di permukiman.", "11")
    pairs = [(e.actors, e.targets) for e in found]
    assert (("org/arakan-army",), ("country/MM",)) in pairs
    assert (("country/MM",), ("org/arakan-army",)) in pairs


def test_aid_sent_with_no_recipient_named_goes_to_the_storys_country() -> None:
    found = events("Gempa bermagnitudo 7,1 mengguncang Nepal pada Selasa (12/3/2024). Korban tewas di Nepal terus "
                   "bertambah.\n\nIndia menerbangkan sekitar 20 ton bantuan berupa tenda dan obat-obatan, sementara "
                   "Jepang mengirimkan 60 penyelamat. Jerman menggelontorkan bantuan militer kepada Ukraina.", "07")
    got = {(e.actors, e.targets, e.cameo) for e in found}
    assert (("country/IN",), ("country/NP",), "073") in got and (("country/JP",), ("country/NP",), "073") in got
    assert (("country/DE",), ("country/UA",), "074") in got


def test_urgent_is_no_appeal() -> None:
    assert events("PBB mengalokasikan dana untuk kebutuhan mendesak para pengungsi Rohingya.", "02") == []
    assert events("Parlemen Eropa mengesahkan resolusi yang mendesak Azerbaijan membuka koridor Lachin.", "02")


def test_the_object_right_after_an_appeal_verb_is_its_target() -> None:
    (e,) = events("Perdana Menteri Spanyol Pedro Sanchez mendesak Maroko menarik pasukannya dari wilayah Aljazair.", "02")
    assert e.targets == ("country/MA",)


def test_suspending_a_member_reduces_relations_but_a_suspended_attack_is_not_asserted() -> None:
    (e,) = events("Uni Afrika menangguhkan Niger dari seluruh kegiatan organisasi itu.", "16")
    assert e.actors == ("org/uni-afrika",) and e.targets == ("country/NE",)
    assert not events("Israel menangguhkan serangan ke Lebanon selama dua hari.", "16")


def test_a_threat_is_aimed_at_the_object_of_the_act_it_promises() -> None:
    (e,) = events("Korea Utara mengancam akan menghukum Jepang.", "13")
    assert e.actors == ("country/KP",) and e.targets == ("country/JP",)


def test_an_attack_owned_after_a_list_of_weapons_and_a_subject_after_a_relative_clause() -> None:
    (e,) = events("Serangan bom luncur, rudal, dan drone Rusia menewaskan sembilan orang di Kharkiv, Ukraina.", "19")
    assert e.actors == ("country/RU",)
    (e,) = events("Norwegia, yang bergabung dengan NATO sejak 1949, turut menjanjikan bantuan untuk Ukraina.", "03")
    assert e.actors == ("country/NO",) and e.targets == ("country/UA",)


def test_a_topic_after_membahas_and_a_relative_passive_name_no_party() -> None:
    found = events("Menlu Retno Marsudi bertemu Presiden Mesir Abdel Fattah al-Sisi untuk membahas pembebasan "
                   "sandera yang ditahan Hamas.")
    assert [(e.cameo, e.targets) for e in found] == [("040", ("person/abdel-fattah-al-sisi",))]
    (e,) = events("Menlu Retno Marsudi membahas krisis Gaza dengan Menlu Mesir Sameh Shoukry.", "04")
    assert e.targets == ("person/sameh-shoukry",)


def test_force_still_to_come_is_not_asserted() -> None:
    assert not events("Presiden Rusia Vladimir Putin mengancam akan melancarkan serangan ke Ukraina.", "19")
    (e,) = events("Turki tidak akan menyerang Suriah dalam waktu dekat.", "19")
    assert e.negated
