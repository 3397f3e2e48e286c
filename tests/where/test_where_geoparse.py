"""Geoparsing against the full gazetteer (loaded once for this module)."""

from __future__ import annotations

import pytest

from sitrep.models import SegmentKind
from sitrep.nlp import ParsedSegment
from sitrep.where import Gazetteer, find_places


@pytest.fixture(scope="module")
def gazetteer():
    return Gazetteer.load()


def _places(nlp, gazetteer, *paragraphs: str, offset: int = 0):
    segments = []
    pos = offset
    for text in paragraphs:
        segments.append(ParsedSegment(doc=nlp(text), offset=pos, kind=SegmentKind.BODY))
        pos += len(text) + 1
    return find_places(segments, "doc1", gazetteer), "\n".join(paragraphs)


@pytest.mark.parametrize(
    ("variant", "canonical"),
    [
        ("Al Bukamal", "Abu Kamal"),
        ("Albu Kamal", "Abu Kamal"),
        ("Deir ez-Zor", "Deir Ezzor"),
        ("Basra", "Basrah"),
        ("Ain al-Asad", "Al Asad Air Base"),
    ],
)
def test_spelling_variants_share_candidates(gazetteer, variant, canonical):
    first = gazetteer.candidates(variant)
    assert first
    assert first[0] == gazetteer.candidates(canonical)[0]


def test_country_and_state_entries(gazetteer):
    turkey = gazetteer.candidates("Turkey")[0]
    assert (turkey.precision, turkey.country) == ("country", "TUR")
    us = gazetteer.candidates("U.S.")[0]
    assert us.country == "USA" and us.precision == "country"
    texas = gazetteer.candidates("Texas")[0]
    assert texas.precision == "admin1" and texas.country == "USA"
    assert 25 < texas.lat < 37 and -107 < texas.lon < -93


def test_user_extras_file_adds_places(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text(
        "schema: 1\nplaces:\n"
        "  - {name: Forward Base Zed, lat: 34.1, lon: 43.2, country: IRQ, precision: site,"
        " aliases: [FOB Zed]}\n",
        encoding="utf-8",
    )
    loaded = Gazetteer.load(extra_paths=[path])
    entry = loaded.candidates("FOB Zed")[0]
    assert (entry.name, entry.precision, entry.country) == ("Forward Base Zed", "site", "IRQ")


def test_places_carry_document_offsets_and_coordinates(nlp, gazetteer):
    places, text = _places(
        nlp,
        gazetteer,
        "Talks opened in Geneva.",
        "Gunmen attacked a checkpoint in Kirkuk.",
        offset=10,
    )
    by_text = {p.text: p for p in places}
    kirkuk = by_text["Kirkuk"]
    page = " " * 10 + text
    assert page[kirkuk.start : kirkuk.end] == "Kirkuk"
    assert kirkuk.country == "IRQ" and kirkuk.precision == "city"
    assert abs(kirkuk.lat - 35.47) < 0.3 and abs(kirkuk.lon - 44.39) < 0.3
    assert by_text["Geneva"].country == "CHE"
    assert all(p.doc_id == "doc1" for p in places)


def test_demonyms_months_and_person_names_are_not_places(nlp, gazetteer):
    places, _ = _places(
        nlp,
        gazetteer,
        "Iraqi forces said on March 3 that Moqtada al-Sadr had met the Mahdi Army leaders.",
    )
    assert places == []


def test_sadr_city_is_a_place(nlp, gazetteer):
    places, _ = _places(nlp, gazetteer, "Fighting spread through Sadr City overnight.")
    assert [p.text for p in places] == ["Sadr City"]
    assert places[0].country == "IRQ"


def test_country_names_resolve_to_countries(nlp, gazetteer):
    places, _ = _places(nlp, gazetteer, "Jordan and Georgia sent envoys to Syria.")
    assert {p.text: p.country for p in places} == {
        "Jordan": "JOR",
        "Georgia": "GEO",
        "Syria": "SYR",
    }
    assert all(p.precision == "country" for p in places)


def test_page_context_picks_the_candidate_in_the_named_country(nlp, gazetteer):
    sentence = "Police in Hyderabad arrested ten people."
    alone, _ = _places(nlp, gazetteer, sentence)
    assert [p.country for p in alone] == ["IND"]
    in_context, _ = _places(nlp, gazetteer, "Protests spread from Karachi to Lahore.", sentence)
    assert {p.text: p.country for p in in_context}["Hyderabad"] == "PAK"


def test_hyphenated_compound_keeps_the_place(nlp, gazetteer):
    places, _ = _places(nlp, gazetteer, "The U.S.-led coalition struck targets near Mosul.")
    assert {p.text: p.country for p in places} == {"U.S.": "USA", "Mosul": "IRQ"}


def test_curated_site_from_places_yaml(nlp, gazetteer):
    places, _ = _places(nlp, gazetteer, "Rockets hit Ain al-Asad air base in western Anbar.")
    names = {p.name for p in places}
    assert "Al Asad Airbase" in names
    assert "Anbar" in names


def test_congo_alone_is_the_drc_not_a_town_of_that_name(nlp, gazetteer):
    places, _ = _places(nlp, gazetteer, "Rebels advanced in eastern Congo on Monday.")
    assert [(p.country, p.precision) for p in places] == [("COD", "country")]


def test_gaza_and_darfur_places_under_their_news_spellings(nlp, gazetteer):
    places, _ = _places(
        nlp, gazetteer, "Strikes hit Deir al-Balah, and famine spread in the Zamzam camp."
    )
    assert {p.text: p.country for p in places} == {"Deir al-Balah": "PSE", "Zamzam camp": "SDN"}


def test_a_name_listed_with_places_is_a_place_though_tagged_a_person(nlp, gazetteer):
    places, _ = _places(nlp, gazetteer, "Attacks hit Tinzaouaten, Menaka, Kidal and Gao.")
    assert {"Menaka", "Kidal", "Gao"} <= {p.text for p in places}
    assert all(p.country == "MLI" for p in places)


def test_a_feature_word_after_a_name_is_not_a_town_of_its_own(nlp, gazetteer):
    # "Bridge" alone is filed by GeoNames as a town; after a name it is that name's bridge
    places, _ = _places(
        nlp, gazetteer, "Farmers blocked the Europe Bridge between Strasbourg and Kehl for hours."
    )
    texts = [p.text for p in places]
    assert "Bridge" not in texts
    assert "Strasbourg" in texts


def test_a_small_town_naming_a_venue_is_the_venues_name_not_a_place(nlp, gazetteer):
    places, _ = _places(
        nlp,
        gazetteer,
        "In June last year militants attacked the Pearl Beach hotel on the same stretch "
        "of sand in Mogadishu.",
    )
    assert [p.text for p in places] == ["Mogadishu"]


def test_a_well_known_city_before_a_venue_noun_stays_a_place(nlp, gazetteer):
    places, _ = _places(nlp, gazetteer, "A bomb exploded outside a Kabul hotel on Monday.")
    assert [(p.text, p.country) for p in places] == [("Kabul", "AFG")]


def test_our_own_entry_outranks_a_city_that_lists_its_name_as_an_alternate(nlp, gazetteer):
    places, _ = _places(
        nlp, gazetteer, "The two leaders initialled the agreement at the White House."
    )
    white_house = [p for p in places if p.text == "White House"]
    assert white_house and white_house[0].country == "USA"
    assert abs(white_house[0].lat - 38.9) < 0.1  # Washington, not Casablanca or Tennessee


def test_a_surname_left_out_of_a_tagged_name_is_no_town(analyse_text):
    # "Maria Corina" is tagged a person, "Machado" is not; later "Machado" alone is
    # tagged a place: both are the person, not a town of that name in California
    result = analyse_text(
        "Police arrested an aide to opposition leader Maria Corina Machado on Thursday. "
        "Prosecutors opened an investigation into Machado and Edmundo Gonzalez.",
        "2024-08-09",
    )
    assert not [p for p in result.places if p.text == "Machado"], result.places
