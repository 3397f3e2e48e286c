"""Infer the date of a page that carries none in its metadata.

Evidence, strongest first:

1. a publication date the page states ("Posted on March 27, 2008", a wire dateline):
   ``source="content"``;
2. otherwise what the page's own words imply (``source="inferred"``): full dates, months
   and years it states, and well-known dated events it mentions ("the Beirut port
   explosion"), looked up in the dated-events table. A page is written after the events
   it reports, so the latest well-supported piece of evidence wins.

Dates in sentences about the future ("elections due in 2025") are not evidence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from sitrep.when.dated_events import DatedEventTable, split_sentences
from sitrep.when.patterns import EXPRESSIONS, MONTHS
from sitrep.when.resolve import stated_publication_date

# Confidence of each kind of evidence, before agreement and recency bonuses.
CONFIDENCE_CUED = 0.95  # "Posted on ...", a dateline
CONFIDENCE_TOP = 0.75  # a full date near the top of the page, no cue
CONFIDENCE = {"event": 0.6, "day": 0.5, "month": 0.45, "year": 0.3}
RECENT_BONUS = 0.15  # the sentence says the evidence is recent ("last week's ...")
AGREEMENT_BONUS = 0.1  # other evidence falls shortly before it
AGREEMENT_DAYS = 45
MAX_INFERRED_CONFIDENCE = 0.85
# Years outside this window are history, not the page's time.
EARLIEST_YEAR = 1990
LATEST_YEAR = 2035
# A bare year ("the 2003 invasion") is evidence when the page states it this often.
BARE_YEAR_MIN_COUNT = 2

_FUTURE = re.compile(
    r"\b(?:will|shall|won't|scheduled|expected to|due to be|due in|upcoming|next year"
    r"|next month|forecasts?|projected)\b|'ll\b",
    re.IGNORECASE,
)
_RECENT = re.compile(
    r"\b(?:last (?:week|weekend|month|night)|this (?:week|month)|yesterday|days? (?:ago|after|"
    r"since|before)|weeks? (?:ago|after|since)|recent(?:ly)?|latest|just|in the wake of|"
    r"following|aftermath|since)\b",
    re.IGNORECASE,
)
_BARE_YEAR = re.compile(r"(?<![\d/.-])((?:19|20)\d\d)(?![\d/-])")
_TARGET_YEAR = re.compile(r"\b(?:by|until|before|in time for|through)\s+$", re.IGNORECASE)
_END_OF = {"day": 10, "month": 7, "year": 4}


@dataclass(frozen=True)
class DateEvidence:
    """One thing that dates the page: what it is, the date it gives and the words."""

    kind: str  # event | day | month | year
    value: str  # YYYY-MM-DD, YYYY-MM or YYYY
    precision: str  # day | month | year
    text: str  # the words (for an event, its table id and the words that name it)
    recent: bool = False


@dataclass(frozen=True)
class InferredDate:
    """A page's date, where it came from and how sure we are (0..1)."""

    value: str  # YYYY-MM-DD, YYYY-MM or YYYY
    precision: str  # day | month | year
    source: str  # "content" (a stated publication date) | "inferred" (from evidence)
    confidence: float
    evidence: tuple[DateEvidence, ...] = ()


def infer_page_date(
    text: str, table: DatedEventTable | None = None, body: str | None = None
) -> InferredDate | None:
    """The date of a page from its text, or None when the text gives no evidence.

    ``text`` is the whole page (for a stated publication date); ``body`` the article's
    own words (title and body, without comments), where the inferred evidence is sought;
    it defaults to ``text``. ``table`` is the dated-events table (None: no event lookup).
    """
    stated = stated_publication_date(text)
    if stated is not None:
        found, cued = stated
        evidence = DateEvidence("day", found.value, "day", found.text)
        return InferredDate(
            value=found.value,
            precision="day",
            source="content",
            confidence=CONFIDENCE_CUED if cued else CONFIDENCE_TOP,
            evidence=(evidence,),
        )
    evidence = collect_evidence(body if body is not None else text, table)
    return choose_date(evidence)


def collect_evidence(text: str, table: DatedEventTable | None = None) -> list[DateEvidence]:
    """Every piece of date evidence in ``text``: stated dates, months and years in
    sentences about the past, and mentions of table events."""
    found: list[DateEvidence] = []
    bare_years: dict[str, int] = {}
    for _, sentence in split_sentences(text):
        if _FUTURE.search(sentence):
            continue
        recent = _RECENT.search(sentence) is not None
        taken: list[tuple[int, int]] = []
        for kind, pattern in EXPRESSIONS:
            if kind not in ("iso", "month_day_year", "day_month_year", "month_year", "year"):
                continue
            for match in pattern.finditer(sentence):
                if any(s < match.end() and match.start() < e for s, e in taken):
                    continue
                taken.append((match.start(), match.end()))
                item = _stated(kind, match, sentence, recent)
                if item is not None:
                    found.append(item)
        for match in _BARE_YEAR.finditer(sentence):
            if any(s <= match.start() < e for s, e in taken):
                continue
            if _TARGET_YEAR.search(sentence[max(0, match.start() - 15) : match.start()]):
                continue
            bare_years[match.group(1)] = bare_years.get(match.group(1), 0) + 1
    for year, count in bare_years.items():
        if count >= BARE_YEAR_MIN_COUNT and EARLIEST_YEAR <= int(year) <= LATEST_YEAR:
            found.append(DateEvidence("year", year, "year", year))
    if table is not None:
        for mention in table.find(text):
            if _FUTURE.search(mention.sentence):
                continue
            event = mention.event
            found.append(
                DateEvidence(
                    "event",
                    event.value,
                    event.precision,
                    f"{event.id}: {mention.words}",
                    recent=_RECENT.search(mention.sentence) is not None,
                )
            )
    return found


def choose_date(evidence: Sequence[DateEvidence]) -> InferredDate | None:
    """The latest evidence (by the end of the period it names), refined by any finer
    evidence inside that period, with a confidence."""
    usable = [e for e in evidence if EARLIEST_YEAR <= int(e.value[:4]) <= LATEST_YEAR]
    if not usable:
        return None
    latest = max(usable, key=lambda e: (_period_end(e), -_END_OF[e.precision]))
    finer = [
        e
        for e in usable
        if e.value.startswith(latest.value) and _END_OF[e.precision] > _END_OF[latest.precision]
    ]
    if finer:
        latest = max(finer, key=lambda e: (_period_end(e), _END_OF[e.precision]))
    confidence = CONFIDENCE[latest.kind] if latest.kind == "event" else CONFIDENCE[latest.precision]
    if latest.recent:
        confidence += RECENT_BONUS
    end = _period_end(latest)
    if any(
        e is not latest and timedelta(0) <= end - _period_end(e) <= timedelta(days=AGREEMENT_DAYS)
        for e in usable
    ):
        confidence += AGREEMENT_BONUS
    return InferredDate(
        value=latest.value,
        precision=latest.precision,
        source="inferred",
        confidence=round(min(confidence, MAX_INFERRED_CONFIDENCE), 2),
        evidence=tuple(usable),
    )


def _stated(kind: str, match: re.Match[str], sentence: str, recent: bool) -> DateEvidence | None:
    year = int(match.group("year"))
    if not EARLIEST_YEAR <= year <= LATEST_YEAR:
        return None
    if kind == "year":
        if match.group("prep").lower() in ("by", "until", "before"):
            return None  # a target or a deadline, not something that happened
        return DateEvidence("year", f"{year:04d}", "year", match.group(0), recent)
    month_text = match.group("month")
    month = int(month_text) if month_text.isdigit() else MONTHS[month_text.rstrip(".").lower()]
    if kind == "month_year":
        return DateEvidence("month", f"{year:04d}-{month:02d}", "month", match.group(0), recent)
    try:
        day = date(year, month, int(match.group("day")))
    except ValueError:
        return None
    return DateEvidence("day", day.isoformat(), "day", match.group(0), recent)


def _period_end(evidence: DateEvidence) -> date:
    """The last day of the period the evidence names."""
    parts = [int(p) for p in evidence.value.split("-")]
    if len(parts) == 3:
        return date(*parts)
    if len(parts) == 2:
        year, month = parts
        following = date(year + month // 12, month % 12 + 1, 1)
        return following - timedelta(days=1)
    return date(parts[0], 12, 31)
