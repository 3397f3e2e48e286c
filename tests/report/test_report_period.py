"""Report periods: date checks and the period before (no store needed)."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.errors import QueryError, SitrepError
from sitrep.report.build import sentence_link
from sitrep.report.markdown import md
from sitrep.report.period import make_period, previous_period


def test_partial_dates_cover_their_whole_period():
    period = make_period("2020-02", "2020")
    assert (period.first_day, period.last_day) == ("2020-02-01", "2020-12-31")
    assert make_period(date(2020, 1, 5), "2020-01-05").last_day == "2020-01-05"


@pytest.mark.parametrize(
    ("start", "end", "before"),
    [
        ("2020-01-10", "2020-01-19", ("2019-12-31", "2020-01-09")),  # ten days
        ("2020-03-01", "2020-03-01", ("2020-02-29", "2020-02-29")),  # leap day
        ("2020-01", "2020-03", ("2019-10", "2019-12")),  # whole months stay months
        ("2019", "2020", ("2017", "2018")),
    ],
)
def test_the_period_before_has_the_same_length(start, end, before):
    previous = previous_period(make_period(start, end))
    assert (previous.date_from, previous.date_to) == before
    assert previous.last_day < make_period(start, end).first_day


@pytest.mark.parametrize(
    ("start", "end", "words"),
    [
        ("2020-02-01", "2020-01-01", "swap them"),
        ("2020-13", "2020-12", "not a real date"),
        ("yesterday", "2020-01", "not a date"),
        ("2020-02-30", "2020-03-01", "not a real date"),
    ],
)
def test_impossible_periods_are_refused_with_a_clear_message(start, end, words):
    with pytest.raises(QueryError) as caught:
        make_period(start, end)
    assert isinstance(caught.value, SitrepError)
    assert words in str(caught.value)


def test_sentence_links_jump_to_the_sentence():
    link = sentence_link(
        "https://news.example/a#top", "Rockets hit the base near Kirkuk on Friday, officials said."
    )
    assert link.startswith("https://news.example/a#top:~:text=")
    assert "Rockets%20hit%20the" in link
    assert sentence_link(None, "Anything.") is None
    hyphen = sentence_link("https://x.example/p", "A cease-fire held.")
    assert "cease%2Dfire" in hyphen


def test_markdown_text_cannot_become_markup():
    assert md("a *bold* [link](x) <b>") == "a \\*bold\\* \\[link\\](x) \\<b\\>"
    assert md("two\nlines | pipe") == "two lines \\| pipe"
