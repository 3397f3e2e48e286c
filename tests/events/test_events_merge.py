"""Merging the tellings of one event on a page (events/merge.py)."""

from __future__ import annotations

import dataclasses

import pytest

from sitrep.events.merge import merge_events, same_event, tellings
from sitrep.models import ActorRef, Event, Modality, Place, SegmentKind

USA = ActorRef("usa-mil", "US military", "USAMIL", "US forces")
GBR = ActorRef("gbr-mil", "British military", "GBRMIL", "British jets")
KH = ActorRef("kataib-hezbollah", "Kata'ib Hezbollah", "IRQREB", "the militia")
IRN = ActorRef("iran", "Iran", "IRN", "Iran")
BASRA = Place("d", 0, 5, "Basra", "Basra", 30.5, 47.8, "IRQ", 99532)
MOSUL = Place("d", 0, 5, "Mosul", "Mosul", 36.3, 43.1, "IRQ", 99072)


def event(
    n: int,
    *,
    type: str = "ASSAULT",
    source=(USA,),
    target=(KH,),
    date: str | None = "2020-01-03",
    precision: str | None = "day",
    modality: Modality = Modality.ASSERTED,
    segment: SegmentKind = SegmentKind.BODY,
    location: Place | None = None,
    mode: str | None = None,
) -> Event:
    start = n * 100
    return Event(
        event_id=f"e{n}",
        doc_id="d",
        type=type,
        mode=mode,
        source=tuple(source),
        target=tuple(target),
        date=date,
        location=location,
        modality=modality,
        segment=segment,
        sentence=f"sentence {n}",
        start=start,
        end=start + 50,
        trigger=f"trigger{n}",
        trigger_start=start + 10,
        trigger_end=start + 18,
        confidence=0.5 + n / 100,
        date_precision=precision,
    )


def test_repeated_telling_merges_into_one_event_with_every_mention():
    merged = merge_events([event(1), event(2, date="2020-01", precision="month"), event(3)])
    assert len(merged) == 1
    (one,) = merged
    assert [m.sentence for m in one.mentions] == ["sentence 1", "sentence 2", "sentence 3"]
    assert one.event_id == "e1"  # the first telling names the event
    assert one.date == "2020-01-03" and one.date_precision == "day"
    assert one.confidence == pytest.approx(0.53)


def test_actor_lists_nest_and_are_united():
    merged = merge_events([event(1, source=(USA,)), event(2, source=(USA, GBR), target=())])
    assert len(merged) == 1
    assert [a.code for a in merged[0].source] == ["USAMIL", "GBRMIL"]
    assert [a.code for a in merged[0].target] == ["IRQREB"]


@pytest.mark.parametrize(
    "other",
    [
        event(2, type="COERCE"),  # another type
        event(2, target=(IRN,)),  # another target
        event(2, source=(GBR,)),  # another source
        event(2, date="2020-01-05"),  # another day
        event(2, modality=Modality.PREDICTED),  # a forecast is not the thing itself
        event(2, modality=Modality.NEGATED),  # a denial is not the thing itself
        event(2, segment=SegmentKind.COMMENT),  # a reader repeating it stays a comment
        event(2, location=MOSUL),  # another place
        event(2, mode="airstrike"),  # another mode
    ],
)
def test_different_events_stay_apart(other):
    first = dataclasses.replace(event(1), location=BASRA, mode="firearms")
    if other.location is None:
        first = dataclasses.replace(first, location=None)
    if other.mode is None:
        first = dataclasses.replace(first, mode=None)
    assert not same_event(first, other)
    assert len(merge_events([first, other])) == 2


def test_reported_and_asserted_tellings_merge_as_asserted():
    reported = dataclasses.replace(event(1, modality=Modality.REPORTED), attributed_to=IRN)
    merged = merge_events([reported, event(2)])
    assert len(merged) == 1
    assert merged[0].modality == Modality.ASSERTED
    assert [m.modality for m in merged[0].mentions] == [Modality.REPORTED, Modality.ASSERTED]


def test_page_date_is_compatible_with_a_stated_day():
    inherited = event(1, date="2020-01-10", precision="page")
    merged = merge_events([inherited, event(2, date="2020-01-03")])
    assert len(merged) == 1 and merged[0].date == "2020-01-03"


def test_an_event_sharing_no_actor_is_not_merged():
    assert not same_event(event(1, source=(USA,), target=()), event(2, source=(), target=(KH,)))


def test_title_telling_gives_way_to_the_body_sentence():
    title = event(0, segment=SegmentKind.TITLE)
    merged = merge_events([title, event(1)])
    assert len(merged) == 1
    assert merged[0].sentence == "sentence 1" and merged[0].segment == SegmentKind.BODY
    assert [m.segment for m in merged[0].mentions] == [SegmentKind.TITLE, SegmentKind.BODY]


def test_tellings_expand_a_merged_event_sentence_by_sentence():
    (merged,) = merge_events([event(1), event(2, modality=Modality.REPORTED)])
    views = tellings(merged)
    assert [(v.sentence, v.modality) for v in views] == [
        ("sentence 1", Modality.ASSERTED),
        ("sentence 2", Modality.REPORTED),
    ]
    single = event(5)
    assert tellings(single) == [single]


def test_merging_in_the_pipeline_keeps_one_event_per_telling_group(analyse_text):
    text = (
        "Turkish troops attacked Kurdish fighters near Afrin on Monday.\n\n"
        "The Turkish army attacked Kurdish fighters near Afrin, a local official said.\n\n"
        "Turkish troops will attack Kurdish fighters again, the official predicted.\n"
    )
    analysed = analyse_text(text, date="2018-02-06")
    assaults = [e for e in analysed.events if e.type == "ASSAULT"]
    told = [m for e in assaults for m in e.mentions]
    assert len(told) >= 3
    factual = [e for e in assaults if e.modality in (Modality.ASSERTED, Modality.REPORTED)]
    assert len(factual) == 1 and len(factual[0].mentions) == 2
    assert any(e.modality == Modality.PREDICTED for e in assaults)


def test_two_acts_named_in_one_sentence_stay_two_events():
    raid = event(1)
    arrest = dataclasses.replace(event(1), event_id="e1b", trigger_start=130, trigger="arrests")
    assert not same_event(raid, arrest)
    assert len(merge_events([raid, arrest])) == 2


def test_two_triggers_of_one_mode_in_a_sentence_are_one_event():
    marched = event(1, type="PROTEST", mode="demo")
    chanting = dataclasses.replace(marched, event_id="e1b", trigger_start=140, trigger="chanting")
    merged = merge_events([marched, chanting])
    assert len(merged) == 1 and len(merged[0].mentions) == 2


def test_a_mutual_act_does_not_swallow_one_sides_act():
    mutual = event(1, source=(USA, KH), target=(USA, KH))
    directed = event(2, source=(KH,), target=(USA,))
    assert not same_event(mutual, directed)
    assert same_event(mutual, event(3, source=(USA, KH), target=(USA, KH)))
