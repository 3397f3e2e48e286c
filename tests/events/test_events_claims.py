"""Claims: predictions, speculations and hypotheticals, with holder and date (events/claims.py)."""

from __future__ import annotations

import pytest

from sitrep.models import SegmentKind

PAGE = (
    "Ankara and Damascus traded threats all week.\n\n"
    "Prediction: Turkey will attack Kurdish fighters in Manbij before the spring.\n\n"
    "Turkish troops shelled Kurdish positions near Afrin on Monday.\n\n"
    "Turkish officials expect that Russia will mediate between Turkey and Syria.\n\n"
    "If Washington withdraws its troops, Turkey will invade the whole border strip.\n\n"
    "I suspect Iran may quietly back the Syrian army in the north.\n"
)


@pytest.fixture(scope="module")
def claims(analyse_text):
    return analyse_text(PAGE, date="2018-02-06").claims


def _claim(claims, words):
    found = [c for c in claims if words in c.text]
    assert found, f"no claim containing {words!r} among {[c.text for c in claims]}"
    return found[0]


def test_a_labelled_prediction_is_a_claim_made_on_the_page_date(claims):
    claim = _claim(claims, "Prediction:")
    assert claim.kind == "prediction"
    assert claim.made_on == "2018-02-06"
    assert claim.holder is None  # the page's author
    assert claim.segment == SegmentKind.BODY


def test_a_reported_forecast_is_held_by_who_makes_it(claims):
    claim = _claim(claims, "Turkish officials expect")
    assert claim.kind == "prediction"
    assert claim.holder is not None and claim.holder.code.startswith("TUR")


def test_conditional_and_hedged_sentences_are_claims_of_their_kind(claims):
    assert _claim(claims, "If Washington withdraws").kind == "hypothetical"
    assert _claim(claims, "I suspect").kind == "speculation"


def test_asserted_facts_are_not_claims(claims):
    assert not [c for c in claims if "shelled" in c.text]
    assert not [c for c in claims if "traded threats" in c.text]


def test_claims_point_at_their_sentence_and_events(analyse_text, claims):
    analysed = analyse_text(PAGE, date="2018-02-06")
    text = analysed.document.text
    event_ids = {e.event_id for e in analysed.events}
    for claim in claims:
        assert text[claim.start : claim.end] == claim.text
        assert set(claim.event_ids) <= event_ids
    assert any(claim.event_ids for claim in claims)
