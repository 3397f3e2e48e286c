"""First-level regions from data/admin1.tsv: their names, the gazetteer entries made
from them, and toponyms that only they (or better grammar) let the geoparser find."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from sitrep.errors import DataFileError
from sitrep.models import SegmentKind
from sitrep.nlp import ParsedSegment
from sitrep.where import Gazetteer, find_places
from sitrep.where import gazetteer as gazetteer_module
from sitrep.where.admin1 import default_admin1_path, display_name, load_regions, region_names
from sitrep.where.gazetteer import GazetteerEntry


@pytest.fixture(scope="module")
def gazetteer():
    return Gazetteer.load()


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


def _places(nlp, gazetteer, text: str) -> dict:
    segments = [ParsedSegment(doc=nlp(text), offset=0, kind=SegmentKind.BODY)]
    return {p.text: p for p in find_places(segments, "doc1", gazetteer)}


def _near(place, lat: float, lon: float, km: float = 200.0) -> bool:
    return _km(place.lat, place.lon, lat, lon) <= km


# --- names -----------------------------------------------------------------------------


def test_foreign_compass_words_become_english():
    bare, qualified = region_names("Nord Kivu")
    assert {"North Kivu", "Nord Kivu"} <= bare
    assert "North Kivu Province" in qualified
    assert "West Kasai" in region_names("Kasai-Occidental")[0]
    assert "West Kalimantan" in region_names("Kalimantan Barat")[0]
    assert "North Darfur" in region_names("Northern Darfur")[0]


def test_formal_words_are_dropped_and_region_words_allowed():
    bare, qualified = region_names("Muhafazat Kirkuk")
    assert bare == {"Kirkuk"}
    assert {"Kirkuk Province", "Kirkuk Governorate", "Muhafazat Kirkuk"} <= qualified
    assert region_names("Qinghai Sheng")[0] == {"Qinghai"}
    assert "Tibet" in region_names("Tibet Autonomous Region")[0]


def test_generic_names_need_a_region_word():
    bare, qualified = region_names("Delta")
    assert bare == frozenset()
    assert "Delta State" in qualified
    assert region_names("Eastern Province")[0] == frozenset()
    assert "Eastern Province" in region_names("Eastern Province")[1]


def test_display_names():
    assert display_name("Nord Kivu") == "North Kivu"
    assert display_name("Muhafazat Kirkuk") == "Kirkuk"
    assert display_name("Eastern Province") == "Eastern Province"
    assert display_name("Sindh") == "Sindh"


# --- the data file ---------------------------------------------------------------------


def test_shipped_regions_file_loads():
    regions = load_regions(default_admin1_path())
    assert len(regions) > 3000
    by_name = {(r.country, r.name): r for r in regions}
    zamfara = by_name[("NGA", "Zamfara")]
    assert zamfara.admin1 and zamfara.population > 0
    assert _km(zamfara.lat, zamfara.lon, 12.1, 6.2) < 150
    assert not any(r.country == "USA" for r in regions)  # US states come from GeoNames


def _write(path: Path, *lines: str) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


HEADER_ROW = "country\tadmin1\tname\tlat\tlon\tpopulation\ttowns"


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        (("schema\t9", HEADER_ROW), "schema"),
        (("schema\t1", "# note", "name\tlat"), "columns"),
        (("schema\t1", HEADER_ROW, "NGA\t57\tZamfara\t12.3"), "cells"),
        (("schema\t1", HEADER_ROW, "Nigeria\t57\tZamfara\t12.3\t6.5\t1\t1"), "alpha-3"),
        (("schema\t1", HEADER_ROW, "NGA\t57\tZamfara\tnorth\t6.5\t1\t1"), "numbers"),
        (("schema\t1", HEADER_ROW, "NGA\t57\tZamfara\t95\t6.5\t1\t1"), "no such point"),
    ],
)
def test_bad_regions_file_says_what_to_fix(tmp_path, lines, message):
    path = _write(tmp_path / "admin1.tsv", *lines)
    with pytest.raises(DataFileError, match=message):
        load_regions(path)


# --- gazetteer entries -----------------------------------------------------------------


def test_region_is_an_admin1_entry(gazetteer):
    found = gazetteer.candidates("Zamfara")
    assert found and found[0].precision == "admin1" and found[0].country == "NGA"
    assert found[0].derived and found[0].admin1


def test_region_does_not_take_a_city_name_of_its_country(gazetteer):
    best = max(gazetteer.candidates("Kirkuk"), key=lambda e: e.population)
    assert best.precision == "city"
    assert not any(e.derived for e in gazetteer.candidates("Kirkuk"))
    province = [e for e in gazetteer.candidates("Kirkuk province") if e.country == "IRQ"]
    assert province and province[0].precision == "admin1"


def test_region_does_not_take_a_bigger_city_abroad(gazetteer):
    assert not any(e.country == "MOZ" for e in gazetteer.candidates("Gaza"))
    assert any(e.country == "MOZ" for e in gazetteer.candidates("Gaza province"))


def test_region_joins_a_curated_entry_of_the_same_place(gazetteer):
    # places.yaml has "Gezira"; the regions file calls it "Al Jazirah".
    found = [e for e in gazetteer.candidates("Al Jazirah") if e.country == "SDN"]
    assert len(found) == 1 and found[0].curated and found[0].admin1


def test_changing_the_regions_file_invalidates_the_cache(monkeypatch, tmp_path):
    monkeypatch.setattr(gazetteer_module, "MIN_CITY_POPULATION", 15000)
    monkeypatch.setattr(gazetteer_module, "MIN_POPULATION_FOR_ALTERNATES", 10**12)
    regions = tmp_path / "admin1.tsv"
    row = "ZZZ\t01\tQuxland\t10.0\t20.0\t50000\t3"
    _write(regions, "schema\t1", HEADER_ROW, row.replace("ZZZ", "NGA"))
    folder = tmp_path / "cache"
    first = Gazetteer.load(cache_dir=folder, regions_path=regions)
    again = Gazetteer.load(cache_dir=folder, regions_path=regions)
    assert (first.loaded_from_cache, again.loaded_from_cache) == (False, True)
    assert again.candidates("Quxland")[0].country == "NGA"
    _write(regions, "schema\t1", HEADER_ROW, row.replace("ZZZ", "NER"))
    changed = Gazetteer.load(cache_dir=folder, regions_path=regions)
    assert not changed.loaded_from_cache
    assert changed.candidates("Quxland")[0].country == "NER"


# --- geoparsing ------------------------------------------------------------------------


def test_cities_taken_by_rebels_are_places(nlp, gazetteer):
    places = _places(
        nlp,
        gazetteer,
        "Fighting spread across North Kivu and South Kivu provinces, and rebels took "
        "Goma and Bukavu.",
    )
    assert places["North Kivu"].precision == "admin1" and places["North Kivu"].country == "COD"
    assert places["Goma"].country == "COD" and _near(places["Goma"], -1.68, 29.23, 25)
    assert places["Bukavu"].country == "COD" and _near(places["Bukavu"], -2.51, 28.86, 25)


def test_two_word_province_is_one_place(nlp, gazetteer):
    places = _places(nlp, gazetteer, "Insurgents burned villages in Cabo Delgado province.")
    assert list(places) == ["Cabo Delgado province"]
    found = places["Cabo Delgado province"]
    assert found.country == "MOZ" and found.precision == "admin1"
    assert _near(found, -12.3, 39.6)


def test_unknown_name_is_not_split_into_unrelated_places(nlp):
    small = Gazetteer(
        [
            (GazetteerEntry("Cabo", -34.0, 18.5, "ZAF", 1, 60000, "city"), ["Cabo"]),
            (GazetteerEntry("Delgado", 13.7, -89.2, "SLV", 2, 120000, "city"), ["Delgado"]),
        ]
    )
    places = _places(nlp, small, "Insurgents attacked villages in Cabo Delgado in the north.")
    assert "Cabo" not in places and "Delgado" not in places


@pytest.mark.parametrize(
    ("text", "name", "country", "lat", "lon"),
    [
        ("Militants struck twice in Borno state last week.", "Borno state", "NGA", 11.9, 13.1),
        ("Bandits raided a market in Zamfara on Friday.", "Zamfara", "NGA", 12.1, 6.2),
        ("Monsoon floods swept through Sindh this month.", "Sindh", "PAK", 26.0, 68.7),
        ("Soldiers were sent to Rakhine state after the raid.", "Rakhine state", "MMR", 20.1, 93.0),
        (
            "Herders clashed with farmers in Plateau State, Nigeria.",
            "Plateau State",
            "NGA",
            9.2,
            9.5,
        ),
        ("Gunmen kidnapped pupils in Rivers state on Monday.", "Rivers state", "NGA", 4.8, 6.9),
        ("Troops moved into Nord-Kivu province at dawn.", "Nord-Kivu province", "COD", -0.8, 29.0),
    ],
)
def test_regions_in_text(nlp, gazetteer, text, name, country, lat, lon):
    places = _places(nlp, gazetteer, text)
    assert name in places, sorted(places)
    assert places[name].country == country
    assert places[name].precision == "admin1"
    assert _near(places[name], lat, lon)


def test_region_before_a_plural_region_noun(nlp, gazetteer):
    places = _places(nlp, gazetteer, "Clashes broke out in Oromia and Amhara regions of Ethiopia.")
    assert places["Amhara"].country == "ETH" and places["Amhara"].precision == "admin1"
    assert places["Oromia"].country == "ETH"


def test_town_placed_in_a_province(nlp, gazetteer):
    places = _places(nlp, gazetteer, "The paramilitary force entered Wad Madani in Gezira state.")
    assert places["Wad Madani"].country == "SDN" and _near(places["Wad Madani"], 14.4, 33.5, 25)
    assert places["Gezira state"].precision == "admin1"


def test_hyphened_region_name_stays_whole(nlp, gazetteer):
    places = _places(nlp, gazetteer, "Fighting in the Centre-Nord region displaced thousands.")
    found = [p for t, p in places.items() if t.startswith("Centre-Nord")]
    assert found and found[0].country == "BFA"
    assert "Centre" not in places


def test_cities_keep_their_names_next_to_regions(nlp, gazetteer):
    places = _places(
        nlp, gazetteer, "Protesters gathered in Kirkuk and Basra, and a strike hit Gaza."
    )
    assert places["Kirkuk"].precision == "city" and places["Kirkuk"].country == "IRQ"
    assert places["Basra"].precision == "city" and places["Basra"].country == "IRQ"
    assert places["Gaza"].country == "PSE"


def test_leaving_from_a_place(nlp, gazetteer):
    places = _places(nlp, gazetteer, "Families fled from Kherson as the troops withdrew.")
    assert places["Kherson"].country == "UKR"


def test_alliance_named_after_a_region_is_not_a_place(nlp, gazetteer):
    places = _places(nlp, gazetteer, "The Alliance of Sahel States met in Niamey.")
    assert "Sahel" not in places
    assert places["Niamey"].country == "NER"
