"""Place finding for names that need more than an entity tag: controlled areas, curated
names the tagger calls organisations, small towns confirmed by the page's countries."""

from __future__ import annotations

import pytest

from sitrep.models import SegmentKind
from sitrep.nlp import ParsedSegment
from sitrep.where import Gazetteer, find_places


@pytest.fixture(scope="module")
def gazetteer():
    return Gazetteer.load()


def _places(nlp, gazetteer, *paragraphs: str):
    segments = []
    pos = 0
    for text in paragraphs:
        segments.append(ParsedSegment(doc=nlp(text), offset=pos, kind=SegmentKind.BODY))
        pos += len(text) + 1
    return find_places(segments, "doc1", gazetteer)


def test_controlled_area_is_one_place(nlp, gazetteer):
    places = _places(nlp, gazetteer, "Shells landed on villages in Pakistan-administered Kashmir.")
    by_text = {p.text: p for p in places}
    assert "Pakistan-administered Kashmir" in by_text
    assert by_text["Pakistan-administered Kashmir"].country == "PAK"
    assert "Pakistan" not in by_text  # the country word is part of the area's name


def test_controlled_area_unknown_phrase_keeps_the_place(nlp, gazetteer):
    places = _places(nlp, gazetteer, "Drones struck fuel depots in Russian-occupied Crimea.")
    assert any(p.text == "Crimea" and p.country == "UKR" for p in places)


def test_curated_place_named_with_a_plain_noun(nlp, gazetteer):
    places = _places(nlp, gazetteer, "Gunfire was heard all day in the Riyadh district.")
    found = [p for p in places if p.text == "Riyadh district"]
    assert found and found[0].country == "SDN"


def test_small_town_kept_when_the_page_is_about_its_country(nlp, gazetteer):
    places = _places(
        nlp,
        gazetteer,
        "Thousands of families crossed into Armenia this week.",
        "Cars queued for hours at checkpoints outside Goris.",
    )
    goris = [p for p in places if p.text == "Goris"]
    assert goris and goris[0].country == "ARM"


def test_small_town_dropped_without_its_country_on_the_page(nlp, gazetteer):
    places = _places(nlp, gazetteer, "The mayor said he would drive down to Goris.")
    assert not [p for p in places if p.text == "Goris"]


def test_a_town_is_not_taken_for_a_bigger_town_with_a_similar_name(nlp, gazetteer):
    """GeoNames lists "Goris" among Gori's other names; the Armenian town of that very
    name is too small to stand on a cue alone, and Gori in Georgia is not meant."""
    places = _places(nlp, gazetteer, "The mayor said he would spend the night in Goris.")
    assert not [p for p in places if p.text == "Goris" and p.country == "GEO"]


def test_new_regions_resolve_to_their_country(gazetteer):
    for name, country in [
        ("Galmudug", "SOM"),
        ("Hiiraan", "SOM"),
        ("Centre-Nord", "BFA"),
        ("Nagorno-Karabakh", "AZE"),
        ("Line of Control", None),
        ("Taiwan Strait", None),
    ]:
        best = gazetteer.candidates(name)[0]
        assert best.country == country, name
        assert best.curated
