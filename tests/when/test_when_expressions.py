"""Event date expressions that news pages use, one case per kind of expression."""

from __future__ import annotations

import pytest

from sitrep.when import resolve_event_date


def _resolve(nlp, text: str, page_date: str | None):
    doc = nlp(text)
    return resolve_event_date(next(iter(doc.sents)), 0, page_date)


@pytest.mark.parametrize(
    ("sentence", "page_date", "value", "precision", "words"),
    [
        # weekdays: the latest such day up to the page's date, the next one for the future
        ("Gunmen attacked a checkpoint on Friday.", "2020-01-11", "2020-01-10", "day", "on Friday"),
        ("Last Friday, gunmen attacked a bus.", "2020-01-11", "2020-01-10", "day", "Last Friday"),
        ("The envoy will arrive on Monday.", "2020-01-11", "2020-01-13", "day", "on Monday"),
        # weekends
        ("Protests continued last weekend.", "2020-01-15", "2020-01-11", "week", "last weekend"),
        ("Rebels seized the town over the weekend.", "2020-01-15", "2020-01-11", "week",
         "over the weekend"),
        # "this weekend" on a Monday is the one just past; on a Friday, or in a future
        # clause, the one coming
        ("Protesters rallied this weekend.", "2015-03-23", "2015-03-21", "week", "this weekend"),
        ("Hadi is expected to attend the summit this weekend.", "2015-03-27", "2015-03-28", "week",
         "this weekend"),
        ("The army will attack this weekend.", "2015-03-24", "2015-03-28", "week",
         "this weekend"),
        # counted back from the page's date
        ("Two days ago, protesters gathered in the square.", "2008-03-27", "2008-03-25", "day",
         "Two days ago"),
        ("A month ago, rebels seized the town.", "2008-03-27", "2008-02", "month", "A month ago"),
        # months without a year
        ("Fighting broke out in June.", "2020-01-11", "2019-06", "month", "in June"),
        ("Elections will be held in June.", "2008-03-27", "2008-06", "month", "in June"),
        ("The army attacked in mid-March.", "2008-03-27", "2008-03", "month", "mid-March"),
        # seasons: the year the season started, with season precision
        ("Last summer the militia seized the town.", "2008-03-27", "2007", "season",
         "Last summer"),
        ("This winter the militia seized the town.", "2008-01-27", "2007", "season",
         "This winter"),
        # a year inside a noun phrase
        ("The militia grew in the wake of the 2003 invasion.", "2008-03-27", "2003", "year",
         "2003"),
        ("The army attacked in late 2007.", "2008-03-27", "2007", "year", "late 2007"),
        # this week / month / year
        ("Rebels seized the town earlier this month.", "2008-03-27", "2008-03", "month",
         "earlier this month"),
        ("Earlier this week, rebels seized the town.", "2008-03-27", "2008-03-24", "week",
         "Earlier this week"),
        # predictions
        ("The ministers will meet next week.", "2020-01-11", "2020-01-13", "week", "next week"),
        ("The vote will take place next month.", "2008-03-27", "2008-04", "month", "next month"),
        # ranges: the start, with the whole range as the words
        ("The two sides fought from March 3 to March 5.", "2008-03-27", "2008-03-03", "day",
         "from March 3 to March 5"),
        ("Troops were deployed from 10 to 12 March.", "2008-03-27", "2008-03-10", "day",
         "from 10 to 12 March"),
        ("Clashes on March 10-12 killed dozens.", "2008-03-27", "2008-03-10", "day",
         "March 10-12"),
        ("The siege lasted from June to August.", "2008-03-27", "2007-06", "month",
         "from June to August"),
        ("Fighting raged between 2003 and 2011.", "2008-03-27", "2003", "year",
         "between 2003 and 2011"),
        ("The talks ran from 3 to 5 May 2019.", None, "2019-05-03", "day", "from 3 to 5 May 2019"),
    ],
)  # fmt: skip
def test_expression_resolves_with_its_words(nlp, sentence, page_date, value, precision, words):
    resolved = _resolve(nlp, sentence, page_date)
    assert resolved is not None
    assert (resolved.value, resolved.precision, resolved.text) == (value, precision, words)
    assert sentence[resolved.start : resolved.end] == words


def test_a_decade_is_not_resolved_to_a_made_up_year(nlp):
    assert _resolve(nlp, "The militia seized the town in the 1990s.", "2020-01-15") is None


def test_a_range_without_a_page_date_needs_its_year(nlp):
    assert _resolve(nlp, "The two sides fought from March 3 to March 5.", None) is None


def test_a_weekend_an_act_is_expected_on_is_the_coming_one(nlp):
    doc = nlp("He is expected to attend an Arab League summit in Egypt this weekend.")
    attend = next(t for t in doc if t.text == "attend")
    resolved = resolve_event_date(next(iter(doc.sents)), 0, "2015-03-27", trigger=attend)
    assert (resolved.value, resolved.precision) == ("2015-03-28", "week")


def test_the_end_of_a_span_dates_no_act(nlp):
    doc = nlp("The government proposed staying in power until 2026.")
    proposed = next(t for t in doc if t.text == "proposed")
    assert resolve_event_date(next(iter(doc.sents)), 0, "2022-03-03", trigger=proposed) is None
