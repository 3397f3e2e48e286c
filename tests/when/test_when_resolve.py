"""Event dates and page dates: sitrep.when."""

from __future__ import annotations

import pytest

from sitrep.when import ResolvedDate, page_date_from_text, resolve_event_date


def _resolve(nlp, text: str, page_date: str | None, offset: int = 0) -> ResolvedDate | None:
    doc = nlp(text)
    return resolve_event_date(next(iter(doc.sents)), offset, page_date)


@pytest.mark.parametrize(
    ("sentence", "page_date", "value", "precision"),
    [
        ("Gunmen attacked a checkpoint on Friday.", "2020-01-11", "2020-01-10", "day"),
        ("The talks will resume on Friday.", "2020-01-11", "2020-01-17", "day"),
        ("Gunmen attacked a checkpoint on Saturday.", "2020-01-11", "2020-01-11", "day"),
        ("Last summer the militia seized the town.", "2008-03-27", "2007", "season"),
        ("Fighting broke out in June.", "2020-01-11", "2019-06", "month"),
        ("Fighting broke out in January.", "2020-01-11", "2020-01", "month"),
        ("The army entered the city on March 23, 2008.", "2008-03-27", "2008-03-23", "day"),
        ("The group attacked on 3 January 2020.", None, "2020-01-03", "day"),
        ("The US invaded Iraq in 2003.", None, "2003", "year"),
        ("Troops arrived in June 2014.", None, "2014-06", "month"),
        ("Rebels attacked the base yesterday.", "2008-03-27", "2008-03-26", "day"),
        ("Police raided the house today.", "2008-03-27", "2008-03-27", "day"),
        ("He was arrested last night.", "2020-01-11", "2020-01-10", "day"),
        ("Two days ago, protesters gathered in the square.", "2008-03-27", "2008-03-25", "day"),
        ("Protesters gathered 5 days ago.", "2008-03-27", "2008-03-22", "day"),
        ("Troops withdrew last week.", "2020-01-11", "2019-12-30", "week"),
        ("Troops withdrew this week.", "2020-01-11", "2020-01-06", "week"),
        ("Protests continued last weekend.", "2020-01-15", "2020-01-11", "week"),
        ("Prices rose last month.", "2020-01-11", "2019-12", "month"),
        ("Exports fell last year.", "2020-01-11", "2019", "year"),
        ("Rebels shelled the town on March 2.", "2008-03-27", "2008-03-02", "day"),
        ("Rebels shelled the town on December 2.", "2008-03-27", "2007-12-02", "day"),
    ],
)
def test_event_dates_resolve_against_the_page_date(nlp, sentence, page_date, value, precision):
    resolved = _resolve(nlp, sentence, page_date)
    assert resolved is not None
    assert (resolved.value, resolved.precision) == (value, precision)


def test_offsets_point_at_the_date_words(nlp):
    text = "Rebels attacked the base yesterday."
    resolved = _resolve(nlp, text, "2008-03-27", offset=40)
    page = " " * 40 + text
    assert page[resolved.start : resolved.end] == resolved.text == "yesterday"


def test_offsets_inside_a_later_sentence(nlp):
    text = "The army moved north. Rebels withdrew on Friday."
    doc = nlp(text)
    second = list(doc.sents)[1]
    resolved = resolve_event_date(second, 0, "2020-01-11")
    assert text[resolved.start : resolved.end] == "on Friday"


@pytest.mark.parametrize(
    "sentence",
    ["Gunmen attacked a checkpoint on Friday.", "Prices rose last month.", "It rained yesterday."],
)
def test_relative_dates_need_a_page_date(nlp, sentence):
    assert _resolve(nlp, sentence, None) is None


def test_sentence_without_a_date_gives_none(nlp):
    assert _resolve(nlp, "Police said three people died in the blast.", "2020-01-11") is None


def test_may_the_verb_is_not_a_month(nlp):
    assert _resolve(nlp, "The ceasefire may collapse, officials said.", "2020-01-11") is None


def test_the_date_nearest_the_main_verb_governs(nlp):
    resolved = _resolve(
        nlp, "On Friday, troops who had arrived in 2003 left the base.", "2020-01-11"
    )
    assert resolved.value == "2020-01-10"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("BAGHDAD, March 25, 2008 (Reuters) - Gunmen attacked a convoy.", "2008-03-25"),
        ("WASHINGTON, March 25 (AP) - The senate met.\nCopyright 2008 AP.", "2008-03-25"),
        ("Posted on March 27, 2008 by admin\nThe war began on March 20, 2003.", "2008-03-27"),
        ("27 March 2008\nThe report mentions January 5, 2001.", "2008-03-27"),
        ("Updated: 2020-01-11 10:00\nText of the story.", "2020-01-11"),
        (
            "First published January 2, 2019\nUpdated January 4, 2019\nStory text.",
            "2019-01-04",
        ),
    ],
)
def test_page_date_from_text(text, value):
    resolved = page_date_from_text(text)
    assert resolved is not None
    assert resolved.value == value
    assert resolved.precision == "day"
    assert text[resolved.start : resolved.end] == resolved.text


def test_page_date_ignores_dates_deep_in_the_body_without_a_cue():
    text = "A long story.\n" + "Filler words here. " * 60 + "Back on March 3, 2001 it began."
    assert page_date_from_text(text) is None


def test_page_date_absent():
    assert page_date_from_text("No dates at all in this text.") is None
