"""Regular expressions and word tables for dates in English news text."""

from __future__ import annotations

import re

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}  # fmt: skip
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "several": 3, "a few": 3, "few": 3, "couple of": 2, "a couple of": 2,
}  # fmt: skip
SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
# Holidays on a fixed day (month, day). An event "before Christmas" is bounded by the
# holiday without a day of its own: it is dated to the holiday's month.
HOLIDAYS = {
    "christmas": (12, 25), "christmas eve": (12, 24), "christmas day": (12, 25),
    "new year's eve": (12, 31), "new year's day": (1, 1), "halloween": (10, 31),
}  # fmt: skip
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": -1}


def _holiday_names() -> str:
    """The holidays as one alternation, longest first, any apostrophe and spacing."""
    names = sorted(HOLIDAYS, key=len, reverse=True)
    return "|".join(re.escape(n).replace(r"\ ", r"\s+").replace("'", "['\u2019]") for n in names)


_MONTH = (
    r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|"
    r"Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_MONTH2 = _MONTH.replace("?P<month>", "?P<month2>")
_DAY2 = _DAY.replace("?P<day>", "?P<day2>")
_YEAR2 = _YEAR.replace("?P<year>", "?P<year2>")
_TO = r"\s*(?:-|\u2013|to|and|until|through)\s*"
_NUMBER = r"(?P<count>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a few|a couple of)"

# Patterns naming months are case-sensitive so that "may" and "march" stay verbs; their
# lead-in words are matched in either case through (?i:...), and so are weekday names,
# which are never other words (comments often write them in lower case).
CASE_SENSITIVE = frozenset(
    {"month_day_year", "day_month_year", "month_day", "day_month", "month_year", "season_year",
     "month_relative_year", "month", "weekday", "day_range", "range_day_month", "month_range"}
)  # fmt: skip

# Ordered: earlier patterns win where matches overlap.
EXPRESSIONS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern, 0 if kind in CASE_SENSITIVE else re.IGNORECASE))
    for kind, pattern in (
        ("iso", r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b"),
        # Ranges resolve to their start; the whole range is the date's text.
        (
            "day_range",
            rf"(?:\b(?i:from|between)\s+)?\b{_MONTH}\s+{_DAY}{_TO}(?:{_MONTH2}\s+)?{_DAY2}\b"
            rf"(?:,?\s+{_YEAR})?",
        ),
        (
            "range_day_month",
            rf"(?:\b(?i:from|between)\s+)?\b{_DAY}{_TO}{_DAY2}\s+(?:of\s+)?{_MONTH}\b"
            rf"(?:,?\s+{_YEAR})?",
        ),
        (
            "month_range",
            rf"\b(?i:from|between)\s+{_MONTH}{_TO}{_MONTH2}\b(?:,?\s+{_YEAR})?",
        ),
        (
            "year_range",
            rf"\b(?:(?:from|between)\s+)?{_YEAR}(?:\s*[-\u2013]\s*|\s+(?:to|and|until)\s+){_YEAR2}\b",
        ),
        ("month_day_year", rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b"),
        ("day_month_year", rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b"),
        ("month_day", rf"\b{_MONTH}\s+{_DAY}\b(?!\s*,?\s*(?:19|20)\d\d)(?!\d)"),
        ("day_month", rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}\b(?!\s*,?\s*(?:19|20)\d\d)"),
        ("month_year", rf"\b{_MONTH},?\s+{_YEAR}\b"),
        # "in June last year", "March this year": a month of the year named relative to the page
        (
            "month_relative_year",
            rf"(?:\b(?i:in|since|during|by|until)\s+)?\b{_MONTH}\s+(?:of\s+)?"
            r"(?P<which>(?i:last|this|next))\s+year\b",
        ),
        # "a year ago today", "two years ago this week": the same day (week, month) back
        (
            "ago_today",
            rf"\b{_NUMBER}\s+(?P<unit>week|month|year|decade)s?\s+ago\s+"
            r"(?P<same>today|tonight|this week|this month)\b",
        ),
        (
            "relative_day",
            r"\b(?P<word>yesterday|today|tonight|last night|this morning|this afternoon|this evening|earlier today|tomorrow)\b",
        ),
        ("ago", rf"\b{_NUMBER}\s+(?P<unit>day|week|month|year|decade)s?\s+ago\b"),
        # Narrative time: relative to the day the page's story last stated.
        (
            "narrative_offset",
            rf"\b{_NUMBER}\s+(?P<unit>hour|day|week|month|year)s?\s+(?P<dir>later|earlier)\b",
        ),
        # "after barely a day of fighting": the story's day, moved on by the span
        (
            "narrative_after",
            r"\bafter\s+(?:(?:barely|just|only|nearly|almost|about|more than|less than)\s+)?"
            rf"{_NUMBER}\s+(?P<unit>hour|day|week|month)s?\s+of\b",
        ),
        (
            "narrative_same",
            r"\b(?:(?:later|earlier)\s+(?:that|the same)\s+(?:day|night|morning|afternoon|evening)"
            r"|that\s+(?:same\s+)?(?:day|night|morning|afternoon|evening)|the\s+same\s+day"
            r"|(?:hours|minutes|moments)\s+(?:later|earlier)"
            r"|within\s+(?:(?:a\s+few|several|two|three|24|48)\s+)?(?:hours|minutes))\b",
        ),
        (
            "narrative_next",
            r"\b(?:the\s+(?P<rel>next|following|previous)\s+(?:day|morning|afternoon|evening|night)(?!s)"
            r"|the\s+day\s+(?P<rel2>before|after)(?=\s*(?:[.,;:)]|$)))",
        ),
        ("overnight", r"\b(?P<word>overnight)\b"),
        # "over the first weekend of March": a week span inside a named month
        (
            "month_week",
            rf"\b(?i:the)\s+(?P<nth>(?i:first|second|third|fourth|last))\s+"
            rf"(?P<unit>(?i:weekend|week))\s+(?i:of|in)\s+{_MONTH}(?:,?\s+{_YEAR})?\b",
        ),
        ("ordinal_day", r"\b(?i:on)\s+the\s+(?P<day>[1-3]?\d)(?:st|nd|rd|th)\b"),
        ("weekend", r"\b(?P<which>last|this|next|over the|this past|the past)\s+weekend\b"),
        (
            "relative_unit",
            r"\b(?P<which>last|this|next|past|earlier this|later this|earlier in the|later in the)"
            r"\s+(?P<unit>week|month|year)\b",
        ),
        (
            "season",
            r"\b(?P<which>last|this|next|in the|during the|over the)\s+(?P<season>spring|summer|autumn|fall|winter)\b",
        ),
        (
            "season_year",
            rf"\b(?P<season>(?i:spring|summer|autumn|fall|winter))\s+(?:of\s+)?{_YEAR}\b",
        ),
        (
            "weekday",
            r"\b(?:(?P<which>(?i:last|next|this|on|since))\s+)?(?P<weekday>(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b",
        ),
        (
            "month",
            rf"\b(?P<prep>(?i:in|since|during|by|last|this|next|early|late|mid-?|until|before|after"
            r"|(?:the\s+)?(?:end|beginning|start|middle)\s+of))\s*"
            rf"{_MONTH}\b",
        ),
        (
            "holiday",
            r"\b(?P<prep>before|by|after|since|until|over|at|on|for|around|ahead\s+of|"
            r"in\s+time\s+for|last|this|next)\s+(?P<holiday>" + _holiday_names() + r")\b",
        ),
        ("year_part", rf"\b(?P<part>early|mid|late|the end of|the start of)[\s-]+{_YEAR}\b(?!-)"),
        ("year", rf"\b(?P<prep>in|since|during|by|of|from|until|before|after)\s+{_YEAR}\b(?!-)"),
    )
)
FUTURE_MARKERS = frozenset({"will", "shall", "'ll", "wo"})
