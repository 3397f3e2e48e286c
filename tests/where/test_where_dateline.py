"""Datelines: a segment that opens with a place name in capitals and a dash."""

from __future__ import annotations

import pytest

from sitrep.models import SegmentKind
from sitrep.nlp import ParsedSegment
from sitrep.where import Gazetteer, find_places


@pytest.fixture(scope="module")
def gazetteer():
    return Gazetteer.load()


def _places(nlp, gazetteer, text: str):
    segment = ParsedSegment(doc=nlp(text), offset=0, kind=SegmentKind.BODY)
    return {p.text: p for p in find_places([segment], "doc1", gazetteer)}


def test_small_town_dateline_is_a_place(nlp, gazetteer):
    places = _places(
        nlp, gazetteer, "TORRINGTON \u2014 The mayor will hold a public meeting on Monday."
    )
    town = places["TORRINGTON"]
    assert (town.name, town.country) == ("Torrington", "USA")  # not "West Torrington"
    assert town.start == 0


def test_dateline_with_agency_in_brackets(nlp, gazetteer):
    places = _places(nlp, gazetteer, "BEIRUT (AP) - A ceasefire began at noon on Thursday.")
    assert places["BEIRUT"].country == "LBN"


def test_capitalised_word_that_is_no_place_is_left_alone(nlp, gazetteer):
    assert _places(nlp, gazetteer, "BREAKING \u2014 Officials met to discuss the budget.") == {}


def test_organisation_acronym_dateline_is_not_a_place(nlp, gazetteer):
    places = _places(nlp, gazetteer, "NATO - The alliance agreed to send more troops.")
    assert "NATO" not in places


def test_capitals_without_a_dash_are_no_dateline(nlp, gazetteer):
    places = _places(nlp, gazetteer, "TORRINGTON officials said the meeting went well.")
    assert "TORRINGTON" not in places
