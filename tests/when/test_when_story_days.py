"""Event dates from when-clauses, month-of-relative-year phrases and the story's day."""

from __future__ import annotations

import pytest

from sitrep.models import SegmentKind
from sitrep.nlp import ParsedSegment
from sitrep.when import EventDater, ResolvedDate, resolve_event_date
from sitrep.when.resolve import sentence_expressions, stated_dates


def _for_trigger(nlp, text: str, trigger: str, page_date: str) -> ResolvedDate | None:
    doc = nlp(text)
    sentence = next(iter(doc.sents))
    token = next(t for t in sentence if t.text == trigger)
    return resolve_event_date(sentence, 0, page_date, trigger=token)


def _dater(nlp, paragraphs: list[str], page_date: str) -> tuple[EventDater, list]:
    segments, offset = [], 0
    for text in paragraphs:
        segments.append(ParsedSegment(doc=nlp(text), offset=offset, kind=SegmentKind.BODY))
        offset += len(text) + 1
    return EventDater(segments, page_date), segments


def _date_of(dater: EventDater, segments, trigger: str) -> ResolvedDate | None:
    for ps in segments:
        for sentence in ps.doc.sents:
            for token in sentence:
                if token.text == trigger:
                    return dater.resolve(sentence, ps.offset, token)
    raise AssertionError(f"no token {trigger!r} in the test paragraphs")


def test_when_clause_lends_its_day_over_a_year_bounding_a_set(nlp) -> None:
    # "this year" bounds the set of attacks; the when-clause's Tuesday is the killing's day
    resolved = _for_trigger(
        nlp,
        "Nine guards were killed and four injured when gunmen attacked a border post on "
        "Tuesday night, officials said, in one of the worst raids in the province this year.",
        "killed",
        "2025-03-06",
    )
    assert resolved is not None
    assert (resolved.value, resolved.precision) == ("2025-03-04", "day")


def test_when_year_on_a_plural_noun_still_dates_that_noun_trigger(nlp) -> None:
    resolved = _for_trigger(
        nlp, "Officials counted the raids this year in a new report.", "raids", "2025-03-06"
    )
    assert resolved is None or resolved.precision == "year"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("In March last year the rebels shelled the town.", "2024-03"),
        ("The rebels shelled the town in October this year.", "2025-10"),
        ("Talks are planned for February next year.", "2026-02"),
    ],
)
def test_when_month_of_a_relative_year(nlp, text: str, value: str) -> None:
    sentence = next(iter(nlp(text).sents))
    dates = stated_dates(sentence, "2025-11-20")
    assert [(d.value, d.precision) for _, d in dates] == [(value, "month")]


def test_when_lowercase_month_word_is_no_month(nlp) -> None:
    sentence = next(iter(nlp("He may last year out in office.").sents))
    assert all(f.kind != "month_relative_year" for f in sentence_expressions(sentence))


def test_when_after_a_span_of_fighting_moves_the_story_on(nlp) -> None:
    dater, segments = _dater(
        nlp,
        [
            "The army opened its offensive on March 3, shelling rebel positions. After two "
            "days of fighting the rebels agreed to a truce."
        ],
        "2025-03-10",
    )
    resolved = _date_of(dater, segments, "agreed")
    assert resolved is not None
    assert (resolved.value, resolved.precision) == ("2025-03-05", "day")


def test_when_undated_sentence_keeps_the_paragraphs_day(nlp) -> None:
    dater, segments = _dater(
        nlp,
        [
            "A fuel depot exploded near the city on Monday evening. Dozens of people died in "
            "the blast. Aid workers evacuated the wounded to hospitals."
        ],
        "2025-03-13",
    )
    resolved = _date_of(dater, segments, "evacuated")
    assert resolved is not None
    assert resolved.value == "2025-03-10"


def test_when_lowercase_weekday_in_a_comment(nlp) -> None:
    resolved = _for_trigger(
        nlp, "Our shop was burned on tuesday by a crowd.", "burned", "2025-03-07"
    )
    assert resolved is not None
    assert (resolved.value, resolved.precision) == ("2025-03-04", "day")


def test_the_day_a_lede_is_reported_does_not_move_the_story_off_the_act_s_day(nlp) -> None:
    dater, segments = _dater(
        nlp,
        [
            "Militants killed 40 soldiers in an attack on an army post on Wednesday, the "
            "ministry said on Friday.",
            "The army said it had killed dozens of attackers in the fighting.",
        ],
        "2024-03-22",
    )
    resolved = _date_of(dater, segments, "killed")
    assert resolved is not None and resolved.value == "2024-03-20"
    later = [
        dater.resolve(s, ps.offset, t)
        for ps in segments[1:]
        for s in ps.doc.sents
        for t in s
        if t.text == "killed"
    ]
    assert later and later[0] is not None and later[0].value == "2024-03-20"


def test_a_story_s_attackers_keep_their_day_under_another_word(nlp) -> None:
    dater, segments = _dater(
        nlp,
        [
            "Gunmen killed 12 villagers in an attack on Tuesday.",
            "The attackers burned houses and stole cattle before they fled.",
        ],
        "2024-03-22",
    )
    burned = _date_of(dater, segments, "burned")
    assert burned is not None and burned.value == "2024-03-19"
    stole = _date_of(dater, segments, "stole")
    assert stole is not None and stole.value == "2024-03-19"


@pytest.mark.parametrize(
    "text, value, precision",
    [
        ("A year ago today the mutineers took Rostov.", "2023-06-24", "day"),
        ("Two years ago this week the army crossed the border.", "2022-06-20", "week"),
        ("One year ago this month the war began.", "2023-06", "month"),
        ("A year ago the war began.", "2023", "year"),
    ],
)
def test_the_same_day_some_years_ago(nlp, text, value, precision) -> None:
    doc = nlp(text)
    resolved = resolve_event_date(next(iter(doc.sents)), 0, "2024-06-24")
    assert resolved is not None and (resolved.value, resolved.precision) == (value, precision)


def test_the_following_day_counts_from_the_day_an_act_was_put_on(nlp) -> None:
    dater, segments = _dater(
        nlp,
        [
            "Army officers said on Wednesday they had seized power, hours after the "
            "commission declared the president the winner of Saturday's election.",
            "The African Union suspended the country's membership the following day.",
        ],
        "2023-08-30",
    )
    resolved = _date_of(dater, segments, "suspended")
    assert resolved is not None and resolved.value == "2023-08-31"
