"""Lexicon files compiled into lookups (kgraph/extract/lexicon_index.py), and checks on
the data itself: a person's alias names one person only, and no person is also a
country, place or organisation of the gazetteer."""

from __future__ import annotations

from collections import Counter

import pytest

from kgraph.extract.lexicon_index import (
    country_forms,
    gazetteer,
    gazetteer_hits,
    ministry_orgs,
    national_bodies,
    national_orgs,
    title_regex,
    titles,
)
from kgraph.lexicon import load_yaml
from kgraph.model import EntityType


@pytest.mark.parametrize(("form", "label"), [
    ("Perdana Menteri", "Perdana Menteri"), ("perdana menteri", "Perdana Menteri"), ("PM", "Perdana Menteri"),
    ("Menlu", "Menteri Luar Negeri"), ("menteri luar negeri", "Menteri Luar Negeri"), ("Jubir", "Juru Bicara"),
])
def test_title_forms(form: str, label: str) -> None:
    assert titles()[form].label == label


def test_upper_case_short_titles_have_no_lower_case_form() -> None:
    assert "pm" not in titles()


def test_title_regex_reads_a_possessive() -> None:
    m = title_regex().search("kata juru bicaranya, Maria")
    assert m is not None and m["title"] == "juru bicara" and m["nya"] == "nya"


@pytest.mark.parametrize(("field", "country", "key"), [
    ("pertahanan", "country/ID", "org/kemhan"),
    ("luar negeri", "country/ID", "org/kemlu"),
    ("luar negeri", "country/US", "org/deplu-as"),
    ("pertahanan", "country/US", "org/pentagon"),
])
def test_ministries_the_gazetteer_knows(field: str, country: str, key: str) -> None:
    assert ministry_orgs()[(field, country)].key == key


def test_a_countrys_armed_forces_in_the_gazetteer() -> None:
    assert national_orgs()[("armed-forces", "country/IL")].key == "org/idf"
    assert ("armed-forces", "country/AZ") not in national_orgs()


def test_state_body_heads_are_unique() -> None:
    heads = Counter(h for body in national_bodies() for h in body.heads)
    assert [h for h, n in heads.items() if n > 1] == []


def test_well_known_people_are_in_the_gazetteer() -> None:
    hits = gazetteer_hits("Menurut Putin, Erdoğan setuju.")
    assert [(h.entry.key, h.entry.type) for h in hits] == [
        ("person/vladimir-putin", EntityType.PERSON), ("person/recep-tayyip-erdogan", EntityType.PERSON)]


def test_country_forms() -> None:
    assert {"RI", "Amerika Serikat", "AS", "Tiongkok"} <= country_forms()


def test_each_person_form_names_one_person() -> None:
    forms = Counter(str(f) for p in load_yaml("names.yaml")["people"] for f in {p["name"], *(p.get("aliases") or [])})
    assert [f for f, n in forms.items() if n > 1] == []


def test_no_person_form_is_a_country_place_or_organisation() -> None:
    """People are added to the gazetteer last and never override: a clash would leave the
    form to the other entry."""
    people = {str(f) for p in load_yaml("names.yaml")["people"] for f in [p["name"], *(p.get("aliases") or [])]}
    assert [f for f in sorted(people) if gazetteer().get(f)[1].type is not EntityType.PERSON] == []
