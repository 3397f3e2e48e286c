"""Event dates on one page, read with the page's narrative.

A story states a day once and then moves on from it: "On December 27 a rocket attack killed
a contractor. Two days later U.S. aircraft bombed five sites." ``EventDater`` reads a page's
segments in order and keeps, for every sentence, the day the story last stated before it
(for "two days later", "the next day", "hours later") and the day the previous sentence of
the same paragraph placed its main event on ("The offensive began on Tuesday. Army units
pushed into the districts." -> Tuesday for the push, a plain past-tense act).
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Span, Token

from sitrep.models import SegmentKind
from sitrep.nlp import ParsedSegment
from sitrep.when.attach import clause_head, clause_unit, is_modal
from sitrep.when.resolve import (
    ResolvedDate,
    resolve_event_date,
    sentence_expressions,
    stated_dates,
)

DATED_KINDS = (SegmentKind.BODY, SegmentKind.QUOTE, SegmentKind.COMMENT)
# verbs that report rather than narrate: what they report is dated by the report
REPORTING_LEMMAS = frozenset(
    {"say", "tell", "add", "write", "report", "claim", "note", "state", "believe", "think"}
)
# how a clause may hang from the sentence's main clause and still be its narrated act
NARRATED_DEPS = frozenset({"conj", "advcl", "xcomp", "acl"})
PRESENT_TAGS = frozenset({"VBZ", "VBP", "MD"})


class EventDater:
    """Dates the events of one page's parsed segments against ``page_date`` (ISO)."""

    def __init__(self, segments: Iterable[ParsedSegment], page_date: str | None) -> None:
        self._page_date = page_date
        self._story: dict[int, str] = {}  # sentence start -> the story's last stated day
        self._lead: dict[int, str] = {}  # sentence start -> previous sentence's main day
        streams: dict[object, str] = {}
        for seg_i, ps in enumerate(segments):
            if ps.kind not in DATED_KINDS:
                continue
            # comments tell their own stories; body and quoted copy each keep one
            stream = (seg_i,) if ps.kind == SegmentKind.COMMENT else ps.kind
            previous_main: str | None = None
            for sentence in ps.doc.sents:
                key = ps.offset + sentence.start_char
                if stream in streams:
                    self._story[key] = streams[stream]
                if previous_main is not None:
                    self._lead[key] = previous_main
                days, main = self._stated_days(sentence, streams.get(stream))
                if days:
                    streams[stream] = days[-1]
                if main is not None or sentence_expressions(sentence):
                    previous_main = main  # a sentence with no date stays on the same day

    def _stated_days(self, sentence: Span, story: str | None) -> tuple[list[str], str | None]:
        """The days the sentence states, in text order, and the one its main clause is on."""
        days: list[str] = []
        main = None
        root_unit = clause_unit(sentence.root)
        for span, resolved in stated_dates(sentence, self._page_date, story):
            if resolved.precision != "day":
                continue
            days.append(resolved.value)
            if clause_unit(clause_head(span.root)).i == root_unit.i:
                main = resolved.value
        return days, main

    def resolve(
        self, sentence: Span, offset: int, trigger: Token | None = None
    ) -> ResolvedDate | None:
        """The date of ``trigger``'s event in ``sentence`` (a sentence of the segment at
        ``offset``), or None when the page gives the event no date of its own."""
        key = offset + sentence.start_char
        resolved = resolve_event_date(
            sentence, offset, self._page_date, trigger=trigger, narrative=self._story.get(key)
        )
        if resolved is not None or trigger is None:
            return resolved
        lead = self._lead.get(key)
        if lead is None or sentence_expressions(sentence) or not _narrated_act(trigger):
            return None
        return ResolvedDate(value=lead, precision="day", text="", start=None, end=None)


def _narrated_act(trigger: Token) -> bool:
    """A plain past-tense act told by the page itself, not reported, hedged or future:
    a past-tense verb, or a participle describing someone in such a sentence."""
    unit = clause_unit(clause_head(trigger))
    if is_modal(unit):
        return False
    past = unit.tag_ == "VBD" or any(c.dep_ == "auxpass" and c.tag_ == "VBD" for c in unit.children)
    if not past and not (unit.dep_ == "acl" and unit.tag_ in ("VBN", "VBG")):
        return False
    current = unit
    for _ in range(20):
        if current.lemma_.lower() in REPORTING_LEMMAS and current.tag_ != "VBD":
            return False
        if current.head.i == current.i:
            return current.tag_ not in PRESENT_TAGS
        if current.dep_ not in NARRATED_DEPS:
            return False
        current = clause_unit(clause_head(current.head))
    return False
