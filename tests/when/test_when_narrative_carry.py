"""Event dates carried by the narrative, offsets between clauses, holidays and bylines."""

from __future__ import annotations

import pytest

from sitrep.models import SegmentKind
from sitrep.nlp import ParsedSegment
from sitrep.when import EventDater, ResolvedDate, resolve_event_date
from sitrep.when.resolve import sentence_expressions


def _for_trigger(nlp, text: str, trigger: str, page_date: str) -> ResolvedDate | None:
    doc = nlp(text)
    sentence = next(iter(doc.sents))
    token = next(t for t in sentence if t.text == trigger)
    return resolve_event_date(sentence, 0, page_date, trigger=token)


def _dater(nlp, paragraphs: list[str], page_date: str) -> tuple[EventDater, list]:
    """Paragraphs of body text; one starting with "> " is quoted copy, "# " a comment."""
    segments, offset = [], 0
    for text in paragraphs:
        kind = SegmentKind.BODY
        if text.startswith("> "):
            kind, text = SegmentKind.QUOTE, text[2:]
        elif text.startswith("# "):
            kind, text = SegmentKind.COMMENT, text[2:]
        segments.append(ParsedSegment(doc=nlp(text), offset=offset, kind=kind))
        offset += len(text) + 1
    return EventDater(segments, page_date), segments


def _date_of(dater: EventDater, segments, trigger: str) -> ResolvedDate | None:
    for ps in segments:
        for sentence in ps.doc.sents:
            for token in sentence:
                if token.text == trigger:
                    return dater.resolve(sentence, ps.offset, token)
    raise AssertionError(f"no token {trigger!r} in the test paragraphs")


def _day(resolved: ResolvedDate | None) -> tuple[str, str] | None:
    return None if resolved is None else (resolved.value, resolved.precision)


# ---------------------------------------------------------------- within one sentence


def test_days_after_a_clause_count_back_from_an_opening_time_word(nlp) -> None:
    # "Last night" opens the sentence before a name: it dates the main clause, and the
    # resignation three days before it
    text = (
        "Last night Tomas Varga took the oath as interim leader, three days after the "
        "premier resigned and fled abroad."
    )
    assert _day(_for_trigger(nlp, text, "took", "2024-05-10")) == ("2024-05-09", "day")
    assert _day(_for_trigger(nlp, text, "resigned", "2024-05-10")) == ("2024-05-06", "day")


def test_the_same_day_counts_from_a_date_stated_earlier_in_the_sentence(nlp) -> None:
    # the first sentence of the page: no story day yet, the sentence's own date serves
    dater, segments = _dater(
        nlp,
        [
            "Palace guards have held the bridge since the rebels entered Vardan on March 3, "
            "the same day President Tomas Varga fled the country.",
        ],
        "2021-03-06",
    )
    assert _day(_date_of(dater, segments, "fled")) == ("2021-03-03", "day")


def test_days_later_count_from_the_sentences_own_earlier_date(nlp) -> None:
    text = "Rebels seized Ostrava on March 1 and two days later they shelled the port."
    assert _day(_for_trigger(nlp, text, "shelled", "2021-03-06")) == ("2021-03-03", "day")
    assert _day(_for_trigger(nlp, text, "seized", "2021-03-06")) == ("2021-03-01", "day")


def test_a_day_after_a_gerund_shifts_only_the_gerund(nlp) -> None:
    text = (
        "The governor dissolved the assembly on Thursday, meeting a demand of the strikers, "
        "a day after ordering the release of the jailed mayor."
    )
    page = "2024-05-10"  # a Friday
    assert _day(_for_trigger(nlp, text, "dissolved", page)) == ("2024-05-09", "day")
    assert _day(_for_trigger(nlp, text, "meeting", page)) == ("2024-05-09", "day")
    assert _day(_for_trigger(nlp, text, "release", page)) == ("2024-05-08", "day")


def test_a_since_clause_dates_the_start_of_a_perfect_state(nlp) -> None:
    text = "The rebels have shelled the port towns since the siege began last month."
    assert _day(_for_trigger(nlp, text, "shelled", "2023-11-19")) == ("2023-10", "month")


@pytest.mark.parametrize(
    ("text", "trigger", "page", "value"),
    [
        # a prediction: the next Christmas after the page
        ("The junta will free the prisoners before christmas.", "free", "2024-09-14", "2024-12"),
        # no tense marks it: the nearest Christmas
        ("No new sanctions before Christmas, I think.", "sanctions", "2018-11-26", "2018-12"),
        ("The army withdrew before Christmas.", "withdrew", "2019-01-10", "2018-12"),
        ("The militia attacked the camp on New Year's Eve.", "attacked", "2020-01-03", "2019-12"),
    ],
)
def test_holidays_date_an_event_to_their_month(nlp, text, trigger, page, value) -> None:
    assert _day(_for_trigger(nlp, text, trigger, page)) == (value, "month")


def test_the_first_weekend_of_a_month_is_a_week_span(nlp) -> None:
    text = "Gangs stormed two prisons over the first weekend of March."
    assert _day(_for_trigger(nlp, text, "stormed", "2024-06-26")) == ("2024-03-02", "week")


def test_a_comment_byline_date_is_no_event_date(nlp) -> None:
    doc = nlp("Marta P. Oct 2, 2024\nThe police beat my cousin on the 29th.")
    sentences = list(doc.sents)
    expressions = [f.match.group(0) for s in sentences for f in sentence_expressions(s)]
    assert "Oct 2, 2024" not in expressions
    assert "on the 29th" in expressions


def test_a_time_word_before_a_colon_is_no_dateline(nlp) -> None:
    doc = nlp("The wire, from last night:")
    assert [f.match.group(0) for f in sentence_expressions(next(iter(doc.sents)))] == ["last night"]


def test_a_subject_of_its_own_goes_on_with_the_dated_act(nlp) -> None:
    text = "She landed in Lisbon on Sunday, and the government granted her asylum."
    assert _day(_for_trigger(nlp, text, "granted", "2024-09-13")) == ("2024-09-08", "day")


def test_a_statement_joined_to_a_dated_act_keeps_no_date(nlp) -> None:
    text = "Rebels shelled the town on Sunday, and the governor condemned the rebels."
    assert _for_trigger(nlp, text, "condemned", "2024-09-13") is None


def test_following_nights_are_no_single_day(nlp) -> None:
    dater, segments = _dater(
        nlp,
        [
            "The clashes began on Monday.",
            "Over the following nights both armies fired drones across the border.",
        ],
        "2025-05-11",
    )
    resolved = _date_of(dater, segments, "fired")
    assert resolved is None or resolved.value != "2025-05-06"


# ---------------------------------------------------------------- across sentences


def test_within_hours_stays_on_the_story_day(nlp) -> None:
    dater, segments = _dater(
        nlp,
        [
            "The two armies agreed a truce on Saturday.",
            "Within hours shells fell on the border villages.",
        ],
        "2025-05-11",
    )
    assert _day(_date_of(dater, segments, "fell")) == ("2025-05-10", "day")


def test_a_reported_past_perfect_act_takes_the_story_day(nlp) -> None:
    dater, segments = _dater(
        nlp,
        [
            "Gunmen stormed a hotel in the port city on Friday evening, killing nine guests.",
            "The group claimed the raid, saying its fighters had targeted army officers.",
        ],
        "2024-08-03",
    )
    assert _day(_date_of(dater, segments, "targeted")) == ("2024-08-02", "day")


def test_a_past_perfect_act_far_from_the_stated_day_keeps_no_date(nlp) -> None:
    dater, segments = _dater(
        nlp,
        [
            "Fighting broke out in the capital on Saturday.",
            "Aid groups counted the wounded in the city hospitals.",
            "The health ministry asked donors for blood.",
            "Residents said gunmen had looted the shops.",
        ],
        "2023-04-16",
    )
    assert _date_of(dater, segments, "looted") is None


def test_a_coarser_date_moves_the_story_off_its_day(nlp) -> None:
    dater, segments = _dater(
        nlp,
        [
            "Rebels shelled the port on Friday. In February the rebels had seized the mines.",
            "The rebels also burned a depot.",
        ],
        "2024-08-03",
    )
    assert _date_of(dater, segments, "burned") is None


def test_the_same_actor_acting_again_takes_the_day_of_its_act(nlp) -> None:
    dater, segments = _dater(
        nlp,
        [
            "President Halvorsen withdrew the country from the arms pact on Tuesday.",
            "Speaking at the palace, Halvorsen called the pact a trap.",
        ],
        "2018-05-09",
    )
    assert _day(_date_of(dater, segments, "called")) == ("2018-05-08", "day")


def test_another_actor_in_a_later_paragraph_keeps_no_date(nlp) -> None:
    dater, segments = _dater(
        nlp,
        [
            "President Halvorsen withdrew the country from the arms pact on Tuesday.",
            "The neighbours closed the border.",
        ],
        "2018-05-09",
    )
    assert _date_of(dater, segments, "closed") is None


def test_quoted_copy_dated_by_its_introduction_resolves_today_to_that_day(nlp) -> None:
    dater, segments = _dater(
        nlp,
        [
            "Here is the ministry statement, from last night:",
            "> Our aircraft struck the depots earlier this evening.",
        ],
        "2021-02-26",
    )
    assert _day(_date_of(dater, segments, "struck")) == ("2021-02-25", "day")


def test_quoted_copy_without_a_dated_introduction_keeps_the_page_date(nlp) -> None:
    dater, segments = _dater(
        nlp,
        [
            "The strikes came last night.",
            "Here is the ministry statement:",
            "> Parliament voted today to extend the emergency.",
        ],
        "2021-02-26",
    )
    assert _day(_date_of(dater, segments, "voted")) == ("2021-02-26", "day")


def test_an_actor_returning_to_its_act_sets_the_paragraphs_day(nlp) -> None:
    dater, segments = _dater(
        nlp,
        [
            "President Halvorsen withdrew the country from the arms pact on Tuesday.",
            "Halvorsen called the pact a trap. He said it had failed and warned its backers.",
        ],
        "2018-05-09",
    )
    assert _day(_date_of(dater, segments, "warned")) == ("2018-05-08", "day")
