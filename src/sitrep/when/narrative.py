"""Event dates on one page, read with the page's narrative.

A story states a day once and then moves on from it: "On December 27 a rocket attack killed
a contractor. Two days later U.S. aircraft bombed five sites." ``EventDater`` reads a page's
segments in order and keeps, for every sentence, the day the story last stated before it
(for "two days later", "the next day", "hours later") and the day the previous sentence of
the same paragraph placed its main event on ("The offensive began on Tuesday. Army units
pushed into the districts." -> Tuesday for the push, a plain past-tense act).

The story's day also reaches past its paragraph, for two kinds of telling that plainly
belong to it. An act told in the past perfect, narrated or reported ("The group said its
fighters had targeted the camp"), is set before the time of telling: it is the story's
act, on the day the story is on. And an actor's plain past act takes the day the story
gave an earlier act of the same actor ("Rebels shelled the port on Friday." ... "The
rebels also fired on a convoy."). A date coarser than a day for a sentence's main clause
("In February ...") moves the story off its day.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Span, Token

from sitrep.models import SegmentKind
from sitrep.nlp import ParsedSegment
from sitrep.when.attach import (
    BACKGROUND_DEPS,
    clause_head,
    clause_unit,
    is_modal,
    is_pluperfect,
    modifies_other_noun,
)
from sitrep.when.resolve import (
    ResolvedDate,
    resolve_event_date,
    sentence_expressions,
    stated_dates,
)

# how many paragraphs after the one that stated it the story's day still dates an act told
# in the past perfect: further on, such acts are new developments or background
DAY_REACH = 1
# how many dated acts a stream remembers for actors who act again later
MAX_ACTS = 12
DATED_KINDS = (SegmentKind.BODY, SegmentKind.QUOTE, SegmentKind.COMMENT)
# verbs that report rather than narrate: what they report is dated by the report
REPORTING_LEMMAS = frozenset(
    {"say", "tell", "add", "write", "report", "claim", "note", "state", "believe", "think"}
)
# how a clause may hang from the sentence's main clause and still be its narrated act
NARRATED_DEPS = frozenset({"conj", "advcl", "xcomp", "acl"})
PRESENT_TAGS = frozenset({"VBZ", "VBP", "MD"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "agent"})
# subjects that name no one in particular: they do not tie two acts together
VAGUE_SUBJECTS = frozenset(
    {"it", "they", "he", "she", "we", "i", "you", "who", "that", "which", "this", "there",
     "people", "official", "officials", "one", "some", "many", "others", "report", "reports"}
)  # fmt: skip


# nouns a story uses in turn for the same unnamed attackers ("militants killed 40 ...
# The assailants stormed the post"): one word for all of them
ATTACKER_NOUNS = dict.fromkeys(
    ("assailant", "attacker", "gunman", "militant", "jihadist", "insurgent", "raider"),
    "attacker",
)


@dataclass(frozen=True)
class _StoryAct:
    """A clause the story placed on a day, with the words naming its subject."""

    day: str
    subject: frozenset[str]


class EventDater:
    """Dates the events of one page's parsed segments against ``page_date`` (ISO)."""

    def __init__(self, segments: Iterable[ParsedSegment], page_date: str | None) -> None:
        self._page_date = page_date
        self._story: dict[int, str] = {}  # sentence start -> the story's last stated day
        self._lead: dict[int, str] = {}  # sentence start -> previous sentence's main day
        self._day: dict[int, str] = {}  # sentence start -> the day the story's acts are on
        self._acts: dict[int, tuple[_StoryAct, ...]] = {}  # sentence start -> dated acts
        streams: dict[object, str] = {}
        story_days: dict[object, str | None] = {}
        day_set_in: dict[object, int] = {}  # stream -> its paragraph that last set the day
        paragraphs: dict[object, int] = {}  # stream -> paragraphs read so far
        story_acts: dict[object, tuple[_StoryAct, ...]] = {}
        self._anchors: dict[int, str | None] = {}  # segment offset -> its relative words' day
        previous_kind: SegmentKind | None = None
        quote_anchor = page_date
        intro_day: str | None = None  # the day the body's last sentence stated
        for seg_i, ps in enumerate(segments):
            if ps.kind not in DATED_KINDS:
                continue
            # comments tell their own stories; body and quoted copy each keep one
            stream = (seg_i,) if ps.kind == SegmentKind.COMMENT else ps.kind
            paragraph = paragraphs[stream] = paragraphs.get(stream, -1) + 1
            if ps.kind == SegmentKind.QUOTE and previous_kind != SegmentKind.QUOTE:
                # copy quoted from another outlet picks up the story where the page is; the
                # line that introduces it may date it ("Reuters, from last night:"), and
                # then its "today" and "this evening" are that day
                body_day = story_days.get(SegmentKind.BODY)
                fresh = (
                    paragraphs.get(SegmentKind.BODY, 0) - day_set_in.get(SegmentKind.BODY, 0)
                    <= DAY_REACH
                )
                story_days[stream] = body_day if fresh else None
                day_set_in[stream] = paragraph
                quote_anchor = intro_day or self._page_date
            previous_kind = ps.kind
            anchor = quote_anchor if ps.kind == SegmentKind.QUOTE else self._page_date
            self._anchors[ps.offset] = anchor
            previous_main: str | None = None
            for sentence in ps.doc.sents:
                key = ps.offset + sentence.start_char
                if stream in streams:
                    self._story[key] = streams[stream]
                if previous_main is not None:
                    self._lead[key] = previous_main
                day = story_days.get(stream)
                if day is not None and paragraph - day_set_in.get(stream, 0) <= DAY_REACH:
                    self._day[key] = day
                self._acts[key] = story_acts.get(stream, ())
                days, main, clause_day, acts = self._stated_days(
                    sentence, anchor, streams.get(stream)
                )
                clause_days = [a.day for a in acts] or ([clause_day] if clause_day else [])
                if days:
                    # "the following day" counts from the day a clause was put on, not
                    # from a date that only names something ("Saturday's election")
                    streams[stream] = clause_days[-1] if clause_days else days[-1]
                if clause_day is not None:
                    story_days[stream] = clause_day or None
                    day_set_in[stream] = paragraph
                    kept = story_acts.get(stream, ()) if clause_day else ()
                    story_acts[stream] = (*kept, *acts)[-MAX_ACTS:]
                if main is not None or sentence_expressions(sentence):
                    previous_main = main  # a sentence with no date stays on the same day
                elif previous_main is None:
                    # an actor's act that returns to its dated act sets the paragraph's day
                    # ("Halvorsen called the pact a trap. He said ...")
                    previous_main = _same_actor_day(sentence.root, self._acts[key])
                if ps.kind == SegmentKind.BODY:
                    intro_day = days[-1] if days else None

    def _stated_days(
        self, sentence: Span, anchor: str | None, story: str | None
    ) -> tuple[list[str], str | None, str | None, list[_StoryAct]]:
        """The days the sentence states, in text order; the one its main clause is on; the
        day the story moves to ("" when a coarser date moves it off any day, None when the
        sentence dates no clause); and the acts it dates, each with its subject."""
        days: list[str] = []
        main = None
        clause_day: str | None = None
        acts: list[_StoryAct] = []
        root_unit = clause_unit(sentence.root)
        for span, resolved in stated_dates(sentence, anchor, story):
            unit = clause_unit(clause_head(span.root))
            dates_clause = unit.dep_ not in BACKGROUND_DEPS and not modifies_other_noun(
                span.root, unit
            )
            if resolved.precision != "day":
                if dates_clause and unit.i == root_unit.i:
                    clause_day = ""
                continue
            days.append(resolved.value)
            if unit.i == root_unit.i:
                main = resolved.value
            if dates_clause and not is_modal(unit):
                if clause_day and _reports_dated_content(unit, clause_day, days):
                    continue  # "killed 40 on Wednesday, the ministry said on Friday"
                clause_day = resolved.value
                subject = _subject_words(unit)
                if subject:
                    acts.append(_StoryAct(resolved.value, subject))
        return days, main, clause_day, acts

    def resolve(
        self, sentence: Span, offset: int, trigger: Token | None = None
    ) -> ResolvedDate | None:
        """The date of ``trigger``'s event in ``sentence`` (a sentence of the segment at
        ``offset``), or None when the page gives the event no date of its own."""
        key = offset + sentence.start_char
        anchor = self._anchors.get(offset, self._page_date)
        resolved = resolve_event_date(
            sentence, offset, anchor, trigger=trigger, narrative=self._story.get(key)
        )
        if resolved is not None or trigger is None:
            return resolved
        if sentence_expressions(sentence):
            return None
        lead = self._lead.get(key)
        if lead is not None and _narrated_act(trigger):
            return _inherited(lead)
        day = self._day.get(key)
        if day is not None and _told_before(trigger):
            return _inherited(day)
        same_actor = _same_actor_day(trigger, self._acts.get(key, ()))
        return None if same_actor is None else _inherited(same_actor)


def _same_actor_day(trigger: Token, acts: tuple[_StoryAct, ...]) -> str | None:
    """The day of the latest dated act whose subject names the subject of ``trigger``'s
    clause, when ``trigger`` is a plain past act told by the page."""
    if not acts or not _narrated_act(trigger):
        return None
    unit = clause_unit(clause_head(trigger))
    subject = _subject_words(unit)
    while not subject and unit.dep_ == "conj" and unit.head.i != unit.i:
        unit = unit.head  # "stormed the post and set fire to vehicles": the first verb's
        subject = _subject_words(unit)
    if not subject:
        return None
    return next((act.day for act in reversed(acts) if subject & act.subject), None)


def _reports_dated_content(unit: Token, content_day: str, days: list[str]) -> bool:
    """A reporting verb's own date after its content was dated: the story stays on the
    content's day, not the day it was reported."""
    return unit.lemma_.lower() in REPORTING_LEMMAS and content_day in days


def _inherited(day: str) -> ResolvedDate:
    return ResolvedDate(value=day, precision="day", text="", start=None, end=None)


def _subject_words(unit: Token) -> frozenset[str]:
    """The content words naming the clause's subject (its head noun and the names in it),
    lower-cased; empty for pronouns and words that name no one in particular."""
    words: set[str] = set()
    for child in unit.children:
        if child.dep_ not in SUBJECT_DEPS:
            continue
        head = child
        if child.dep_ == "agent":
            head = next((c for c in child.children if c.dep_ == "pobj"), child)
        for token in head.subtree:
            if token.i != head.i and token.pos_ != "PROPN":
                continue
            if token.pos_ in ("NOUN", "PROPN") and token.lemma_.lower() not in VAGUE_SUBJECTS:
                lemma = token.lemma_.lower()
                words.add(ATTACKER_NOUNS.get(lemma, lemma))
    return frozenset(words)


def _told_before(trigger: Token) -> bool:
    """An act told in the past perfect, on its own or inside reported speech ("said its
    fighters had targeted"), or joined to such an act ("had entered ... and released")."""
    unit = clause_unit(clause_head(trigger))
    if is_modal(unit):
        return False
    for _ in range(3):
        if is_pluperfect(unit):
            return True
        if unit.dep_ != "conj" or _has_own_subject(unit):
            return False
        unit = clause_unit(clause_head(unit.head))
    return False


def _has_own_subject(unit: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in unit.children)


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
