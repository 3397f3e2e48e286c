"""Nationality words as mentions of their country (sitrep.where.demonyms)."""

from __future__ import annotations

import pytest

from sitrep.errors import DataFileError
from sitrep.models import SegmentKind
from sitrep.nlp import ParsedSegment
from sitrep.where import Gazetteer, find_places
from sitrep.where.demonyms import Demonyms, find_demonyms


@pytest.fixture(scope="module")
def gazetteer():
    return Gazetteer.load()


@pytest.fixture(scope="module")
def demonyms(gazetteer):
    return Demonyms.load(gazetteer)


def _segments(nlp, text: str, offset: int = 0):
    return [ParsedSegment(doc=nlp(text), offset=offset, kind=SegmentKind.BODY)]


def test_nationality_words_are_country_places(nlp, demonyms):
    text = "Turkish troops shelled positions held by Syrian Kurdish fighters."
    places = find_demonyms(_segments(nlp, text, offset=10), "d", demonyms)
    by_text = {p.text: p for p in places}
    assert by_text["Turkish"].country == "TUR"
    assert by_text["Syrian"].country == "SYR"
    for place in places:
        assert place.precision == "country"
        assert (" " * 10 + text)[place.start : place.end] == place.text


def test_demonyms_stay_out_of_find_places(nlp, gazetteer):
    text = "Turkish troops shelled positions near the town."
    places = find_places(_segments(nlp, text), "d", gazetteer)
    assert not [p for p in places if p.text == "Turkish"]


def test_lower_case_and_unknown_words_are_not_demonyms(nlp, demonyms):
    text = "The french windows were open and the Martian sky was red."
    assert find_demonyms(_segments(nlp, text), "d", demonyms) == []


def test_a_missing_country_list_is_a_data_file_error(gazetteer, tmp_path):
    with pytest.raises(DataFileError, match="cannot read"):
        Demonyms.load(gazetteer, tmp_path / "missing.yaml")
