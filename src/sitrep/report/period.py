"""Report periods: checking the dates a user gives and finding the period before.

A date may be partial (``2020`` or ``2020-01``) and then covers its whole year or month,
as in the store's filters. The period before has the same length and ends the day before
the report's period starts; when both ends are whole months (or years) it is counted in
months (years), so "2020-01 to 2020-03" is compared with "2019-10 to 2019-12".
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from sitrep.errors import QueryError
from sitrep.report.model import Period

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def _parse(value: str | date, option: str) -> str:
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    match = _DATE.match(text)
    if not match:
        raise QueryError(f"{option} {value!r} is not a date; write YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = match.groups()
    try:
        date(int(year), int(month or 1), int(day or 1))
    except ValueError as exc:
        raise QueryError(f"{option} {value!r} is not a real date ({exc}); check it") from exc
    return text


def _first_day(value: str) -> date:
    parts = [int(p) for p in value.split("-")]
    return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def _last_day(value: str) -> date:
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 1:
        return date(parts[0], 12, 31)
    if len(parts) == 2:
        return date(parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1])
    return date(parts[0], parts[1], parts[2])


def make_period(date_from: str | date, date_to: str | date) -> Period:
    """The report's period; ``QueryError`` when a date is malformed or ``from`` > ``to``."""
    start = _parse(date_from, "--from")
    end = _parse(date_to, "--to")
    first, last = _first_day(start), _last_day(end)
    if first > last:
        raise QueryError(f"--from {start} is after --to {end}; swap them or widen the period")
    return Period(start, end, first.isoformat(), last.isoformat())


def _month_index(value: str) -> int:
    year, month = (int(p) for p in value.split("-")[:2])
    return year * 12 + month - 1


def _month_text(index: int) -> str:
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def previous_period(period: Period) -> Period:
    """The period of the same length that ends the day before ``period`` starts."""
    start, end = period.date_from, period.date_to
    if len(start) == 4 and len(end) == 4:
        years = int(end) - int(start) + 1
        prev_start, prev_end = f"{int(start) - years:04d}", f"{int(start) - 1:04d}"
    elif len(start) == 7 and len(end) == 7:
        months = _month_index(end) - _month_index(start) + 1
        first = _month_index(start)
        prev_start, prev_end = _month_text(first - months), _month_text(first - 1)
    else:
        first, last = date.fromisoformat(period.first_day), date.fromisoformat(period.last_day)
        days = (last - first).days + 1
        prev_last = first - timedelta(days=1)
        prev_first = prev_last - timedelta(days=days - 1)
        if prev_first.year < 1:
            prev_first = date(1, 1, 1)
        prev_start, prev_end = prev_first.isoformat(), prev_last.isoformat()
    return Period(
        prev_start,
        prev_end,
        _first_day(prev_start).isoformat(),
        _last_day(prev_end).isoformat(),
    )


def day_of(record_date: str) -> date:
    """The day a (possibly partial) record date counts as: the first of its period."""
    return _first_day(record_date[:10])
