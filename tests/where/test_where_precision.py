"""Every Place says what kind of place it is: country, admin1, city or site."""

from __future__ import annotations

import pytest

from sitrep.models import SegmentKind
from sitrep.nlp import ParsedSegment
from sitrep.where import Gazetteer, find_places


@pytest.fixture(scope="module")
def gazetteer():
    return Gazetteer.load()


@pytest.mark.parametrize(
    ("sentence", "name", "precision"),
    [
        ("Rockets struck targets in Iraq on Tuesday.", "Iraq", "country"),
        ("Militants attacked a checkpoint in Anbar province.", "Anbar province", "admin1"),
        ("Fighting spread across the Gaza Strip.", "Gaza Strip", "admin1"),
        ("Protesters marched through Basra on Friday.", "Basra", "city"),
        ("Rockets hit Ain al-Asad overnight.", "Ain al-Asad", "site"),
        ("Residents of Sadr City said the streets were empty.", "Sadr City", "site"),
        ("Trucks waited at the Rafah crossing.", "Rafah crossing", "site"),
    ],
)
def test_place_precision(nlp, gazetteer, sentence, name, precision):
    segments = [ParsedSegment(doc=nlp(sentence), offset=0, kind=SegmentKind.BODY)]
    places = {p.text: p for p in find_places(segments, "d", gazetteer)}
    assert name in places, sorted(places)
    assert places[name].precision == precision
