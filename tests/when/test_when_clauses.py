"""Event dates by clause and by narrative: sitrep.when.attach and sitrep.when.narrative."""

from __future__ import annotations

import pytest

from sitrep.models import SegmentKind
from sitrep.nlp import ParsedSegment
from sitrep.when import EventDater, ResolvedDate, resolve_event_date


def _for_trigger(nlp, text: str, trigger: str, page_date: str) -> ResolvedDate | None:
    doc = nlp(text)
    sentence = next(iter(doc.sents))
    token = next(t for t in sentence if t.text == trigger)
    return resolve_event_date(sentence, 0, page_date, trigger=token)


@pytest.mark.parametrize(
    ("text", "trigger", "page_date", "value"),
    [
        # each event takes the date of its own clause
        (
            "Militiamen stormed the embassy on Tuesday in protest at air strikes that "
            "killed 25 fighters two days ago.",
            "stormed",
            "2019-12-31",
            "2019-12-31",
        ),
        (
            "Militiamen stormed the embassy on Tuesday in protest at air strikes that "
            "killed 25 fighters two days ago.",
            "killed",
            "2019-12-31",
            "2019-12-29",
        ),
        # a governing clause lends its date
        (
            "The rebels said on Tuesday they had taken the town.",
            "taken",
            "2023-12-19",
            "2023-12-19",
        ),
        # "a day after X": X is the day before the governing clause's date
        (
            "Troops crossed the border on Thursday, a day after the president announced "
            "the offensive.",
            "announced",
            "2019-10-10",
            "2019-10-09",
        ),
        # a plain relative clause shares the time of the clause it hangs from
        (
            "The treasury on Thursday sanctioned officials who blocked the count.",
            "blocked",
            "2024-09-13",
            "2024-09-12",
        ),
        # a date that modifies another noun dates that noun, not the event
        (
            "The president announced on Tuesday that the country was leaving the 2015 agreement.",
            "leaving",
            "2018-05-09",
            "2018-05-08",
        ),
        # a point in time for the clause still dates it
        (
            "The army has been fighting the rebels since the October 7 attack.",
            "fighting",
            "2024-01-12",
            "2023-10-07",
        ),
    ],
)
def test_date_of_the_triggers_clause(nlp, text, trigger, page_date, value):
    resolved = _for_trigger(nlp, text, trigger, page_date)
    assert resolved is not None
    assert resolved.value == value


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # a relative clause's date is background
        ("The minister, who resigned in late November, called for calm.", "called"),
        ("Saudi Arabia, which has kept a truce since 2022, called for restraint.", "called"),
        # a relative clause in the past perfect tells an earlier act
        ("Police on Friday arrested the men who had attacked the convoy.", "attacked"),
        # a future clause does not borrow a past date
        ("Officials said on Monday that the army would attack the city.", "attack"),
        # a conjoined statement with its own subject keeps its own (missing) date
        (
            "Monitors say dozens were killed in the village on November 9, and witnesses "
            "blamed the militia.",
            "blamed",
        ),
    ],
)
def test_dates_of_other_clauses_do_not_count(nlp, text, trigger):
    assert _for_trigger(nlp, text, trigger, "2020-11-29") is None


def test_dateline_and_timestamp_are_not_event_dates(nlp):
    dateline = nlp("BOGOTA, October 3, 2016 (wire) - Rebels attacked a police post.")
    assert resolve_event_date(next(iter(dateline.sents)), 0, "2016-10-03") is None
    stamp = nlp("Ann (June 4, 2021 11:40): the soldiers arrested him.")
    assert resolve_event_date(next(iter(stamp.sents)), 0, "2021-06-04") is None


@pytest.mark.parametrize(
    ("sentence", "page_date", "value", "precision"),
    [
        # "since <weekday>": the span it began in (Monday, or the weekend's Saturday)
        ("Dozens have been killed since Tuesday.", "2008-03-26", "2008-03-24", "week"),
        ("Dozens have been killed since Saturday.", "2023-04-16", "2023-04-15", "week"),
        # on a Sunday, "last week" is the week now ending
        ("Snipers shot him last week.", "2019-12-01", "2019-11-25", "week"),
        ("Snipers shot him last week.", "2019-12-04", "2019-11-25", "week"),
        # overnight: the night before, one span; into a Monday it is the page's day
        ("Warplanes struck the port overnight.", "2024-01-12", "2024-01-08", "week"),
        ("Warplanes struck the port overnight.", "2018-11-26", "2018-11-26", "day"),
        # a day of the month alone: this month, else the month before
        ("Gunmen attacked the convoy on the 3rd.", "2020-01-11", "2020-01-03", "day"),
        ("Gunmen attacked the convoy on the 23rd.", "2020-01-11", "2019-12-23", "day"),
    ],
)
def test_expressions(nlp, sentence, page_date, value, precision):
    doc = nlp(sentence)
    resolved = resolve_event_date(next(iter(doc.sents)), 0, page_date)
    assert resolved is not None
    assert (resolved.value, resolved.precision) == (value, precision)


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
    raise AssertionError(f"no token {trigger!r}")


def test_narrative_offsets_count_from_the_last_stated_day(nlp):
    dater, segments = _dater(
        nlp,
        [
            "On December 27, a rocket attack on a base killed a contractor.",
            "Two days later aircraft bombed five sites of the militia.",
        ],
        "2020-01-03",
    )
    resolved = _date_of(dater, segments, "bombed")
    assert resolved is not None
    assert (resolved.value, resolved.precision) == ("2019-12-29", "day")


def test_narrative_offset_without_a_stated_day_gives_nothing(nlp):
    dater, segments = _dater(nlp, ["Two days later aircraft bombed the sites."], "2020-01-03")
    assert _date_of(dater, segments, "bombed") is None


def test_a_narrated_act_takes_the_day_of_the_sentence_before(nlp):
    dater, segments = _dater(
        nlp,
        ["The offensive began before dawn on Tuesday. Soldiers stormed the old districts."],
        "2008-03-26",
    )
    resolved = _date_of(dater, segments, "stormed")
    assert resolved is not None
    assert resolved.value == "2008-03-25"
    assert resolved.text == ""


def test_reported_or_present_statements_do_not_inherit(nlp):
    dater, segments = _dater(
        nlp,
        [
            "The offensive began before dawn on Tuesday. A spokesman said the army "
            "attacked the militia. The government rejects any talks."
        ],
        "2008-03-26",
    )
    assert _date_of(dater, segments, "attacked") is None
    assert _date_of(dater, segments, "rejects") is None


def test_inheritance_stays_in_its_paragraph(nlp):
    dater, segments = _dater(
        nlp,
        ["The offensive began before dawn on Tuesday.", "Soldiers stormed the old districts."],
        "2008-03-26",
    )
    assert _date_of(dater, segments, "stormed") is None


def test_an_act_asked_for_keeps_its_own_time_and_the_asking_its_own(analyse_text):
    for text, trigger in (
        ("The opposition leader urged supporters to rally in the capital on Saturday.", "urged"),
        ("Hamas vowed to retaliate next week.", "vowed"),
        ("The rebels agreed to withdraw from the town by Friday.", "agreed"),
    ):
        result = analyse_text(text, "2024-08-07")
        said = [e for e in result.events if e.trigger == trigger]
        assert said and said[0].date == "2024-08-07", (text, said)
    ordered = analyse_text(
        "His government ordered French troops to leave in early 2023.", "2024-08-28"
    )
    order = [e for e in ordered.events if e.trigger == "ordered"]
    assert order and order[0].date.startswith("2023"), order


def test_the_day_of_an_attack_named_as_subject_dates_what_it_did(analyse_text):
    for text, day in (
        ("Sunday's strike on the market killed 30 people.", "2024-06-16"),
        ("Yesterday's attack on the convoy killed five soldiers.", "2024-06-19"),
    ):
        result = analyse_text(text, "2024-06-20")
        killed = [e for e in result.events if e.trigger == "killed"]
        assert killed and killed[0].date == day, (text, killed)


def test_the_end_of_a_month_and_earlier_in_the_month(analyse_text):
    for text, month in (
        ("The army launched an offensive at the end of May.", "2024-05"),
        ("The army launched an offensive at the end of May 2023.", "2023-05"),
        ("Earlier in the month, the government had banned all protests.", "2024-06"),
    ):
        result = analyse_text(text, "2024-06-20")
        assert result.events and result.events[0].date == month, (text, result.events)


def test_an_act_said_to_be_likely_is_ahead_of_the_page(analyse_text):
    result = analyse_text(
        "The EU is likely to lift some sanctions on Syria in the spring.", "2024-12-20"
    )
    lift = [e for e in result.events if e.trigger == "lift"]
    assert lift and lift[0].date == "2025", lift


def test_decades_ago(analyse_text):
    result = analyse_text(
        "A decade ago this week, gunmen seized government buildings in Donetsk.", "2024-04-07"
    )
    seized = [e for e in result.events if e.trigger == "seized"]
    assert seized and (seized[0].date, seized[0].date_precision) == ("2014-04-07", "week")
    older = analyse_text("Two decades ago, the army crushed the uprising.", "2024-04-07")
    assert [e.date for e in older.events if e.trigger == "crushed"] == ["2004"]
