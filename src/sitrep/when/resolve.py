"""Resolve date expressions: the page's publication date, and each event's date."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date, timedelta

from spacy.tokens import Span, Token

from sitrep.when.attach import attachment, clause_head, clause_unit
from sitrep.when.patterns import (
    EXPRESSIONS,
    FUTURE_MARKERS,
    HOLIDAYS,
    MONTHS,
    NUMBER_WORDS,
    ORDINALS,
    SEASONS,
    WEEKDAYS,
)

PRECISIONS = ("day", "week", "month", "season", "year")
# How far into a page a date without a cue ("Posted on", a dateline) may stand and still
# be taken for the publication date.
TOP_OF_PAGE = 600
_CUE = re.compile(
    r"(?i:posted|published|updated|last updated|first published|date)\s*(?::|on|at)?\s*$"
)
_DATELINE_AFTER = re.compile(
    r"^\s*(?:\((?:[A-Z][A-Za-z.]*\s*)+\)|/[A-Z][A-Za-z]+/)?\s*[-\u2013\u2014:]"
)
_DATELINE_BEFORE = re.compile(r"(?:^|\n)\s*[A-Z][A-Z .'\-]{2,},(?:\s+[A-Z][A-Za-z.]+,?)*\s*$")
# "by admin", "by Amira K.": a name of a few words, no clause, to the end of the line
_BYLINE_AFTER = re.compile(r"[ \t]+(?:by|By|BY)(?:[ \t]+[^\s,;|]+){1,4}[ \t]*$", re.MULTILINE)
_TIMESTAMP_AFTER = re.compile(r"^,?\s+\d{1,2}:\d\d")
_LINE_END = re.compile(r"[ \t]*\n")
# the widest a name-and-timestamp line at the top of a comment may be
BYLINE_WIDTH = 60
_ABSOLUTE_DAY = ("iso", "month_day_year", "day_month_year")
_BARE_YEAR = re.compile(r"(?:the\s+)?(?P<year>(?:19|20)\d\d)", re.IGNORECASE)


@dataclass(frozen=True)
class ResolvedDate:
    """A date and how precise it is; ``text``/``start``/``end`` point at its words."""

    value: str  # YYYY-MM-DD, YYYY-MM or YYYY
    precision: str  # day | week | month | season | year
    text: str  # the words it came from, "" when inherited
    start: int | None
    end: int | None


@dataclass(frozen=True)
class _Found:
    kind: str
    match: re.Match[str]


# ---------------------------------------------------------------- page date


def page_date_from_text(text: str) -> ResolvedDate | None:
    """The page's most plausible publication date, read from its text.

    Full dates with a cue ("Posted on", "Updated:", a dateline such as "BAGHDAD, March
    25, 2008 (Reuters) -") win, the latest of them; otherwise the latest full date near
    the top of the page. A dateline without a year ("March 25 (AP) -") takes its year
    from the page's other full dates.
    """
    stated = stated_publication_date(text)
    return stated[0] if stated else None


def stated_publication_date(text: str) -> tuple[ResolvedDate, bool] | None:
    """As ``page_date_from_text``, with whether a cue or a dateline marked the date (True)
    or it was only the latest full date near the top of the page (False)."""
    cued: list[tuple[date, re.Match[str]]] = []
    plain: list[tuple[date, re.Match[str]]] = []
    yearless: list[re.Match[str]] = []
    for kind, pattern in EXPRESSIONS:
        if kind not in (*_ABSOLUTE_DAY, "month_day"):
            continue
        for match in pattern.finditer(text):
            if kind == "month_day":
                if _is_dateline(text, match):
                    yearless.append(match)
                continue
            day = _absolute_day(match)
            if day is None:
                continue
            if _has_cue(text, match) or _is_dateline(text, match) or _byline(text, match):
                cued.append((day, match))
            elif match.start() < TOP_OF_PAGE:
                plain.append((day, match))
    pool = cued or plain
    if pool:
        day, match = max(pool, key=lambda item: (item[0], -item[1].start()))
        return _day(day, match.group(0), match.start(), match.end()), bool(cued)
    if yearless:
        years = [int(y) for y in re.findall(r"\b((?:19|20)\d\d)\b", text)]
        if years:
            match = yearless[0]
            day = _safe_date(max(years), MONTHS[_month_word(match)], int(match.group("day")))
            if day is not None:
                return _day(day, match.group(0), match.start(), match.end()), True
    return None


def _byline(text: str, match: re.Match[str]) -> bool:
    """A line that opens with the date and goes on with its author: "September 6, 2024
    by admin", a blog's post meta wherever the page's text puts it."""
    line_start = match.start() == 0 or text[: match.start()].rstrip(" \t").endswith("\n")
    return line_start and _BYLINE_AFTER.match(text, match.end()) is not None


def _has_cue(text: str, match: re.Match[str]) -> bool:
    return _CUE.search(text[max(0, match.start() - 40) : match.start()]) is not None


def _is_dateline(text: str, match: re.Match[str]) -> bool:
    after = text[match.end() : match.end() + 40]
    before = text[max(0, match.start() - 60) : match.start()]
    return _DATELINE_AFTER.match(after) is not None or (
        _DATELINE_BEFORE.search(before) is not None and match.start() < TOP_OF_PAGE
    )


# ---------------------------------------------------------------- event date


def resolve_event_date(
    sentence: Span,
    offset: int,
    page_date: str | None,
    trigger: Token | None = None,
    narrative: str | None = None,
) -> ResolvedDate | None:
    """The date of the event told in ``sentence``, resolved against ``page_date``.

    ``offset`` is where the sentence's Doc starts in Document.text (ParsedSegment.offset);
    ``start``/``end`` of the result are Document.text offsets. Relative expressions
    ("Friday", "last week") need ``page_date`` (ISO) and give None without it. With
    ``trigger`` (the word naming the event) only a date in the trigger's clause or a
    clause governing it counts, the nearest first (see ``sitrep.when.attach``); without
    it the date nearest the sentence's main verb. ``narrative`` (ISO day) is the day the
    page's story last stated, for "two days later" and "the next day". Returns None when
    no date expression belongs to the event.
    """
    anchor = _parse_iso(page_date) if page_date else None
    story = _parse_iso(narrative) if narrative else None
    found = [f for f in _expressions(sentence) if not _is_metadata(sentence.text, f.match)]
    if not found:
        return None
    base = offset + sentence.start_char
    if trigger is None:
        future = _is_future(sentence)
        ordered = [(f, 0) for f in sorted(found, key=lambda f: _depth(sentence, f.match))]
    else:
        future = _is_future_clause(clause_unit(clause_head(trigger)))
        ordered = _owned(sentence, found, trigger)
    for item, shift in ordered:
        value = _resolve(item, anchor, future, _story_before(found, item, anchor, future, story))
        if value is None:
            continue
        if shift and value[1] == "day":
            value = ((date.fromisoformat(value[0]) + timedelta(days=shift)).isoformat(), "day")
        return ResolvedDate(
            value=value[0],
            precision=value[1],
            text=item.match.group(0),
            start=base + item.match.start(),
            end=base + item.match.end(),
        )
    return None


def sentence_expressions(sentence: Span) -> list[_Found]:
    """The sentence's date expressions, less datelines and comment timestamps."""
    return [f for f in _expressions(sentence) if not _is_metadata(sentence.text, f.match)]


def stated_dates(
    sentence: Span, page_date: str | None, narrative: str | None = None
) -> list[tuple[Span, ResolvedDate]]:
    """Every date the sentence states, in text order, each with its tokens; offsets of
    the ResolvedDate are the sentence's Doc offsets."""
    anchor = _parse_iso(page_date) if page_date else None
    story = _parse_iso(narrative) if narrative else None
    future = _is_future(sentence)
    out = []
    found = sorted(sentence_expressions(sentence), key=lambda f: f.match.start())
    for item in found:
        span = sentence.char_span(item.match.start(), item.match.end(), alignment_mode="expand")
        value = _resolve(item, anchor, future, _story_before(found, item, anchor, future, story))
        if span is None or len(span) == 0 or value is None:
            continue
        out.append(
            (
                span,
                ResolvedDate(
                    value[0], value[1], item.match.group(0), span.start_char, span.end_char
                ),
            )
        )
    return out


def _owned(sentence: Span, found: list[_Found], trigger: Token) -> list[tuple[_Found, int]]:
    """The expressions that belong to ``trigger``'s event, nearest first, each with the
    shift in days its clause puts on it."""
    ranked = []
    for item in found:
        span = sentence.char_span(item.match.start(), item.match.end(), alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        how = attachment(span, trigger)
        if how is None:
            continue
        distance = min(abs(t.i - trigger.i) for t in span)
        ranked.append(((how.rank, distance), item, how.shift_days))
    ranked.sort(key=lambda r: r[0])
    return [(item, shift) for _, item, shift in ranked]


def _is_metadata(text: str, match: re.Match[str]) -> bool:
    """A dateline ("BOGOTA, October 3, 2016 (wire) -") or a comment's timestamp
    ("(June 4, 2021 11:40)"): the page's date, not an event's."""
    after = text[match.end() : match.end() + 40]
    if _TIMESTAMP_AFTER.match(after):
        return True
    if _ends_byline(text, match):
        return True
    if "month" not in match.re.groupindex:
        return False  # "Reuters, from last night:" introduces copy; datelines name the day
    return _DATELINE_AFTER.match(after) is not None or (
        _DATELINE_BEFORE.search(text[: match.start()]) is not None and match.start() < 80
    )


def _ends_byline(text: str, match: re.Match[str]) -> bool:
    """A full date closing a short first line that a comment or post begins with
    ("Rafael G. Sep 13, 2024" and then the comment's text): its timestamp."""
    if match.re.groupindex.get("year") is None or not match.group("year"):
        return False
    line_start = text.rfind("\n", 0, match.start()) + 1
    return (
        line_start == 0
        and match.start() < BYLINE_WIDTH
        and _LINE_END.match(text, match.end()) is not None
    )


def _is_future_clause(head: Token) -> bool:
    for token in [head, *head.children]:
        if token.lower_ in FUTURE_MARKERS and token.dep_ in ("aux", "auxpass"):
            return True
        if token.lower_ == "going" and any(c.lower_ == "to" for c in token.children):
            return True
    if head.head.i != head.i and head.dep_ == "xcomp" and head.head.lemma_ == "be":
        return True  # "Hamas is to free 50 women"
    if head.dep_ == "xcomp" and head.head.lemma_.lower() in PLANNED_WORDS:
        return True  # "is expected to attend the summit this weekend"
    if head.lemma_.lower() in PLANNED_WORDS and any(c.dep_ == "xcomp" for c in head.children):
        return True  # the same, lifted to "expected"
    for word in (c for c in head.children if c.dep_ == "acomp"):
        if word.lemma_.lower() in PLANNED_WORDS and any(c.dep_ == "xcomp" for c in word.children):
            return True  # "is likely to lift sanctions", lifted to "is"
    return head.tag_ == "MD" and head.lower_ in FUTURE_MARKERS


# words whose "to" clause is an act arranged or foreseen: "is expected to attend"
PLANNED_WORDS = frozenset(
    {
        "expect",
        "expected",
        "set",
        "due",
        "schedule",
        "scheduled",
        "plan",
        "likely",
        "unlikely",
        "poised",
        "bound",
        "certain",
    }
)  # "is likely to lift sanctions in the spring": foreseen, so ahead


@functools.lru_cache(maxsize=64)
def _expressions(sentence: Span) -> tuple[_Found, ...]:
    """Date expressions in the sentence (memoised: the coder asks once per event, and the
    narrative looks back over earlier sentences; a Span hashes by its Doc and offsets)."""
    text = sentence.text
    taken: list[tuple[int, int]] = []
    found = []
    for kind, pattern in EXPRESSIONS:
        for match in pattern.finditer(text):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            taken.append((match.start(), match.end()))
            found.append(_Found(kind, match))
    # spaCy DATE entities that are a bare year ("the 2003 invasion") and no pattern took.
    for ent in sentence.ents:
        if ent.label_ != "DATE":
            continue
        start = ent.start_char - sentence.start_char
        end = ent.end_char - sentence.start_char
        if any(s < end and start < e for s, e in taken):
            continue
        match = _BARE_YEAR.fullmatch(text, start, end)
        if match:
            found.append(_Found("year", match))
    return tuple(found)


def _depth(sentence: Span, match: re.Match[str]) -> tuple[int, int]:
    """How far the expression hangs from the sentence's main verb (nearer governs)."""
    span = sentence.char_span(match.start(), match.end(), alignment_mode="expand")
    if span is None or len(span) == 0:
        return (99, match.start())
    head = span.root
    depth = 0
    while head.head.i != head.i and depth < 50:
        head = head.head
        depth += 1
    return (depth, match.start())


def _is_future(sentence: Span) -> bool:
    root = sentence.root
    if root.lemma_.lower() in PLANNED_WORDS and any(c.dep_ == "xcomp" for c in root.children):
        return True  # "He is expected to attend ..."
    for token in [root, *root.children]:
        if token.lower_ in FUTURE_MARKERS and token.dep_ in ("aux", "auxpass"):
            return True
        if token.lower_ == "going" and any(c.lower_ == "to" for c in token.children):
            return True
    return root.tag_ == "MD" and root.lower_ in FUTURE_MARKERS


def _resolve(
    item: _Found, anchor: date | None, future: bool, story: date | None = None
) -> tuple[str, str] | None:
    m, kind = item.match, item.kind
    if kind.startswith("narrative"):
        return _narrative(m, kind, story)
    if kind in _ABSOLUTE_DAY:
        day = _absolute_day(m)
        return (day.isoformat(), "day") if day else None
    if kind == "month_year":
        return f"{int(m.group('year')):04d}-{MONTHS[_month_word(m)]:02d}", "month"
    if kind == "season_year":
        return m.group("year"), "season"
    if kind in ("year", "year_part", "year_range"):
        return m.group("year"), "year"
    if kind in ("day_range", "range_day_month") and m.group("year"):
        day = _absolute_day(m)
        return (day.isoformat(), "day") if day else None
    if kind == "month_range" and m.group("year"):
        return f"{int(m.group('year')):04d}-{MONTHS[_month_word(m)]:02d}", "month"
    if anchor is None:
        return None
    if kind in ("month_day", "day_month", "day_range", "range_day_month"):
        month, day_of_month = MONTHS[_month_word(m)], int(m.group("day"))
        year = anchor.year
        candidate = _safe_date(year, month, day_of_month)
        if candidate and candidate > anchor and not future:
            candidate = _safe_date(year - 1, month, day_of_month)
        elif candidate and candidate < anchor and future:
            candidate = _safe_date(year + 1, month, day_of_month)
        return (candidate.isoformat(), "day") if candidate else None
    if kind == "month_relative_year":
        step = {"last": -1, "next": 1}.get(m.group("which").lower(), 0)
        return f"{anchor.year + step:04d}-{MONTHS[_month_word(m)]:02d}", "month"
    if kind == "month_range":
        return _month(MONTHS[_month_word(m)], "in", anchor, future)
    if kind == "relative_day":
        word = m.group("word").lower()
        shift = {"yesterday": -1, "last night": -1, "tomorrow": 1}.get(word, 0)
        return (anchor + timedelta(days=shift)).isoformat(), "day"
    if kind == "ago_today":
        count, unit = _count(m.group("count")), m.group("unit").lower()
        if unit == "decade":  # "a decade ago this week": ten years back, the same week
            count, unit = count * 10, "year"
        if unit == "week":
            day = anchor - timedelta(weeks=count)
        else:
            months = count * (12 if unit == "year" else 1)
            year, month = _add_months(anchor.year, anchor.month, -months)
            day = _safe_date(year, month, anchor.day) or _safe_date(year, month, 28)
        same = m.group("same").lower()
        if same == "this week":
            return _week_start(day).isoformat(), "week"
        if same == "this month":
            return f"{day.year:04d}-{day.month:02d}", "month"
        return day.isoformat(), "day"
    if kind == "ago":
        count = _count(m.group("count"))
        unit = m.group("unit").lower()
        if unit == "decade":
            count, unit = count * 10, "year"
        if unit == "day":
            return (anchor - timedelta(days=count)).isoformat(), "day"
        if unit == "week":
            return _week_start(anchor - timedelta(weeks=count)).isoformat(), "week"
        if unit == "month":
            year, month = _add_months(anchor.year, anchor.month, -count)
            return f"{year:04d}-{month:02d}", "month"
        return f"{anchor.year - count:04d}", "year"
    if kind == "weekend":
        which = m.group("which").lower()
        which = "last" if which in ("this past", "the past") else which
        if which == "over the":
            which = "next" if future else "this"
        saturday = anchor - timedelta(days=(anchor.weekday() - 5) % 7)
        if which == "last" and saturday >= anchor - timedelta(days=1):
            saturday -= timedelta(days=7)
        if which == "next":
            saturday = anchor + timedelta(days=(5 - anchor.weekday()) % 7 or 7)
        if which == "this" and anchor.weekday() < 5 and future:
            # "this weekend" in a future clause: the coming one
            saturday = anchor + timedelta(days=5 - anchor.weekday())
        return saturday.isoformat(), "week"
    if kind == "relative_unit":
        return _relative_unit(m.group("which").lower(), m.group("unit").lower(), anchor)
    if kind == "season":
        return _season(m.group("which").lower(), m.group("season").lower(), anchor, future)
    if kind == "weekday":
        which = (m.group("which") or "").lower()
        day = _weekday(WEEKDAYS[m.group("weekday").lower()], which, anchor, future)
        if which == "since":
            return _span_start(date.fromisoformat(day)).isoformat(), "week"
        return day, "day"
    if kind == "overnight":
        # the night before the page's date, across midnight: two days of one week; a
        # night into a Monday or a Saturday crosses into a new span: the page's day
        if anchor.weekday() in (0, 5):
            return anchor.isoformat(), "day"
        return _span_start(anchor - timedelta(days=1)).isoformat(), "week"
    if kind == "ordinal_day":
        return _ordinal_day(int(m.group("day")), anchor, future)
    if kind == "holiday":
        return _holiday(m, anchor, future)
    if kind == "month_week":
        return _month_week(m, anchor, future)
    if kind == "month":
        return _month(MONTHS[_month_word(m)], m.group("prep").lower(), anchor, future)
    return None


def _story_before(
    found: list[_Found], item: _Found, anchor: date | None, future: bool, story: date | None
) -> date | None:
    """The day a narrative expression counts from: the last day the same sentence stated
    before it ("entered the city on March 3, the same day the president fled"), else the
    story's day before the sentence."""
    if not item.kind.startswith("narrative"):
        return story
    for earlier in sorted(found, key=lambda f: -f.match.start()):
        if earlier.match.start() >= item.match.start() or earlier.kind.startswith("narrative"):
            continue
        value = _resolve(earlier, anchor, future, story)
        if value is not None and value[1] == "day":
            return date.fromisoformat(value[0])
    return story


def _narrative(m: re.Match[str], kind: str, story: date | None) -> tuple[str, str] | None:
    """ "Two days later", "the next day", "later that day": from the story's last day."""
    if story is None:
        return None
    if kind == "narrative_same":
        return story.isoformat(), "day"
    if kind == "narrative_next":
        rel = (m.group("rel") or m.group("rel2") or "").lower()
        step = -1 if rel in ("previous", "before") else 1
        return (story + timedelta(days=step)).isoformat(), "day"
    count = _count(m.group("count"))
    step = count if kind == "narrative_after" or m.group("dir").lower() == "later" else -count
    unit = m.group("unit").lower()
    if unit == "hour":
        return story.isoformat(), "day"
    if unit == "day":
        return (story + timedelta(days=step)).isoformat(), "day"
    if unit == "week":
        return _week_start(story + timedelta(weeks=step)).isoformat(), "week"
    if unit == "month":
        year, month = _add_months(story.year, story.month, step)
        return f"{year:04d}-{month:02d}", "month"
    return f"{story.year + step:04d}", "year"


def _holiday(m: re.Match[str], anchor: date, future: bool) -> tuple[str, str] | None:
    """ "Before Christmas": the holiday's month, in the year of its occurrence nearest the
    page's date; the next one for future events and "next", the one before for "last"."""
    name = re.sub(r"\s+", " ", m.group("holiday").lower().replace("\u2019", "'"))
    month, day_of_month = HOLIDAYS[name]
    prep = (m.group("prep") or "").lower()
    before = _safe_date(anchor.year, month, day_of_month)
    if before is None:
        return None
    after = before
    if before > anchor:
        before = _safe_date(anchor.year - 1, month, day_of_month) or before
    if after < anchor:
        after = _safe_date(anchor.year + 1, month, day_of_month) or after
    if prep == "next" or (future and prep != "last"):
        chosen = after
    elif prep == "last" or prep == "since":
        chosen = before
    else:
        chosen = after if (after - anchor) < (anchor - before) else before
    return f"{chosen.year:04d}-{chosen.month:02d}", "month"


def _month_week(m: re.Match[str], anchor: date | None, future: bool) -> tuple[str, str] | None:
    """ "The first weekend of March": the span's first day (a Saturday for a weekend, else
    the Monday of the week holding the month's first, second ... day-of-week run)."""
    month = MONTHS[_month_word(m)]
    if m.group("year"):
        year = int(m.group("year"))
    elif anchor is not None:
        year = int(_month(month, "in", anchor, future)[0][:4])
    else:
        return None
    nth = ORDINALS[m.group("nth").lower()]
    weekend = m.group("unit").lower() == "weekend"
    if nth > 0:
        first = date(year, month, 1)
        if weekend:
            first += timedelta(days=(5 - first.weekday()) % 7)
            return (first + timedelta(weeks=nth - 1)).isoformat(), "week"
        return _week_start(first + timedelta(weeks=nth - 1)).isoformat(), "week"
    next_year, next_month = _add_months(year, month, 1)
    last = date(next_year, next_month, 1) - timedelta(days=1)
    if weekend:
        return (last - timedelta(days=(last.weekday() - 5) % 7)).isoformat(), "week"
    return _week_start(last).isoformat(), "week"


def _ordinal_day(day_of_month: int, anchor: date, future: bool) -> tuple[str, str] | None:
    """ "On the 3rd": that day of the page's month, else of the month before (or, for a
    future event, the month after)."""
    candidate = _safe_date(anchor.year, anchor.month, day_of_month)
    if candidate is None or (candidate > anchor and not future):
        year, month = _add_months(anchor.year, anchor.month, -1)
        candidate = _safe_date(year, month, day_of_month)
    elif candidate < anchor and future:
        year, month = _add_months(anchor.year, anchor.month, 1)
        candidate = _safe_date(year, month, day_of_month)
    return (candidate.isoformat(), "day") if candidate else None


def _month(month: int, prep: str, anchor: date, future: bool) -> tuple[str, str]:
    """A month named without a year: the latest such month up to the page's date, or the
    next one for future events and "next June"."""
    forward = prep == "next" or (future and prep not in ("last", "since"))
    year = anchor.year
    if forward and month < anchor.month:
        year += 1
    elif not forward and month > anchor.month:
        year -= 1
    if prep == "last" and month == anchor.month:
        year -= 1
    return f"{year:04d}-{month:02d}", "month"


def _relative_unit(which: str, unit: str, anchor: date) -> tuple[str, str]:
    step = {"last": -1, "past": -1, "next": 1}.get(which, 0)
    if unit == "week" and step == -1 and anchor.weekday() == 6:
        step = 0  # on a Sunday, "last week" is the week now ending
    if unit == "week":
        return _week_start(anchor + timedelta(weeks=step)).isoformat(), "week"
    if unit == "month":
        year, month = _add_months(anchor.year, anchor.month, step)
        return f"{year:04d}-{month:02d}", "month"
    return f"{anchor.year + step:04d}", "year"


def _season(which: str, season: str, anchor: date, future: bool) -> tuple[str, str]:
    start_month = SEASONS[season]
    # The season's start year; winter starts in December of the year before its end.
    current = anchor.year if anchor.month >= start_month else anchor.year - 1
    if start_month == 12 and anchor.month <= 2:
        current = anchor.year - 1
    in_progress = _season_contains(start_month, anchor)
    if which == "last":
        year = current - 1 if in_progress else current
    elif which == "next":
        year = current + 1
    elif which == "this":
        year = current if (in_progress or not future) else current + 1
        if not in_progress and future:
            year = current + 1
    else:
        year = current + 1 if future and not in_progress else current
    return f"{year:04d}", "season"


def _season_contains(start_month: int, day: date) -> bool:
    months = {(start_month + k - 1) % 12 + 1 for k in range(3)}
    return day.month in months


def _weekday(weekday: int, which: str, anchor: date, future: bool) -> str:
    back = (anchor.weekday() - weekday) % 7
    if which == "next" or (future and which != "last"):
        ahead = (weekday - anchor.weekday()) % 7 or 7
        return (anchor + timedelta(days=ahead)).isoformat()
    if which == "last" and back == 0:
        back = 7
    return (anchor - timedelta(days=back)).isoformat()


# ---------------------------------------------------------------- helpers


def _month_word(match: re.Match[str]) -> str:
    return match.group("month").rstrip(".").lower()


def _absolute_day(match: re.Match[str]) -> date | None:
    month_text = match.group("month")
    month = int(month_text) if month_text.isdigit() else MONTHS[_month_word(match)]
    return _safe_date(int(match.group("year")), month, int(match.group("day")))


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _parse_iso(value: str) -> date | None:
    parts = value[:10].split("-")
    try:
        numbers = [int(p) for p in parts]
    except ValueError:
        return None
    while len(numbers) < 3:
        numbers.append(1)
    return _safe_date(*numbers[:3])


def _count(word: str) -> int:
    word = word.lower()
    return int(word) if word.isdigit() else NUMBER_WORDS.get(word, 1)


def _week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _span_start(day: date) -> date:
    """The first day of the span a ``week`` date names: the Saturday of a weekend day,
    else the Monday of the day's week."""
    if day.weekday() >= 5:
        return day - timedelta(days=day.weekday() - 5)
    return _week_start(day)


def _add_months(year: int, month: int, step: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + step
    return index // 12, index % 12 + 1


def _day(day: date, text: str, start: int, end: int) -> ResolvedDate:
    return ResolvedDate(value=day.isoformat(), precision="day", text=text, start=start, end=end)
