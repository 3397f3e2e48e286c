"""Filters for reading the store, and their translation to SQL conditions.

Dates compare as ISO strings. A partial ``date_to`` (``2024`` or ``2024-05``) covers its
whole period; a partial record date (an event dated only ``2024-05``) counts as the first
day of its period, so ``date_from="2024-05-10"`` leaves it out and ``date_to="2024-05"``
keeps it. Records without a date are left out whenever a date filter is set.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from types import MappingProxyType

import sqlalchemy as sa

from sitrep.errors import QueryError
from sitrep.models import Modality, SegmentKind
from sitrep.store import schema

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")

OPTION_NAMES = MappingProxyType(
    {
        "actor": "--actor",
        "type": "--type",
        "date_from": "--from",
        "date_to": "--to",
        "doc": "--doc",
        "modality": "--modality",
        "segment": "--segment",
        "include_comments": "--comments",
    }
)
"""How each filter is spelled on the command line (used in messages)."""

APPLICABLE = MappingProxyType(
    {
        "events": frozenset(OPTION_NAMES),
        "mentions": frozenset({"actor", "doc", "segment"}),
        "places": frozenset({"doc"}),
        "documents": frozenset({"doc", "date_from", "date_to"}),
        "actors": frozenset({"actor"}),
        "relations": frozenset({"actor", "doc", "segment", "include_comments"}),
        "claims": frozenset({"doc", "date_from", "date_to", "segment", "include_comments"}),
    }
)
"""Which filters each table accepts."""


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


@dataclass(frozen=True)
class Filters:
    """What to select. Every set field must match; unset fields match everything.

    ``actor``: an actor id, a canonical name (case-insensitive) or a code prefix such as
    ``IRQ`` or ``IRQGOV``; for events it matches any source or target. ``type``,
    ``modality`` and ``segment`` take one value or a comma-separated list. Events in reader
    comments are left out unless ``include_comments`` is set or ``segment`` names
    ``comment``.
    """

    actor: str | None = None
    type: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    doc: str | None = None
    modality: str | None = None
    segment: str | None = None
    include_comments: bool = False

    def __post_init__(self) -> None:
        for name in ("date_from", "date_to"):
            value = getattr(self, name)
            if value is not None and not _DATE.match(value):
                raise QueryError(
                    f"{OPTION_NAMES[name]} {value!r} is not a date; "
                    "write YYYY, YYYY-MM or YYYY-MM-DD"
                )
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise QueryError(f"--from {self.date_from} is after --to {self.date_to}; swap them")
        _check_choices("modality", self.modality, [m.value for m in Modality])
        _check_choices("segment", self.segment, [s.value for s in SegmentKind])
        for name in ("actor", "type", "doc"):
            value = getattr(self, name)
            if value is not None and not value.strip():
                raise QueryError(f"{OPTION_NAMES[name]} is empty; give a value or leave it out")

    def used(self) -> list[str]:
        """Names of the filters that are set."""
        return [f.name for f in fields(self) if getattr(self, f.name) not in (None, False)]


def _check_choices(name: str, value: str | None, choices: list[str]) -> None:
    if value is None:
        return
    bad = [v for v in _split(value) if v.lower() not in choices]
    if bad or not _split(value):
        raise QueryError(
            f"{OPTION_NAMES[name]} {value!r} is not valid; use one of: {', '.join(choices)}"
        )


def check_applicable(table: str, filters: Filters) -> None:
    allowed = APPLICABLE[table]
    wrong = [name for name in filters.used() if name not in allowed]
    if wrong:
        names = ", ".join(OPTION_NAMES[n] for n in wrong)
        accepted = ", ".join(OPTION_NAMES[n] for n in OPTION_NAMES if n in allowed) or "none"
        raise QueryError(f"{names} cannot filter {table}; filters for {table}: {accepted}")


def _escape_like(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _actor_match(
    actor: str, id_col: sa.ColumnElement, name_col: sa.ColumnElement, code_col: sa.ColumnElement
) -> sa.ColumnElement[bool]:
    wanted = actor.strip()
    options = [sa.func.lower(id_col) == wanted.lower(), sa.func.lower(name_col) == wanted.lower()]
    if not any(ch.isspace() for ch in wanted):
        options.append(code_col.like(_escape_like(wanted.upper()) + "%", escape="\\"))
    return sa.or_(*options)


def _period_end(date_to: str) -> tuple[str, bool]:
    """An upper bound for ``date_to`` covering its whole period: (bound, inclusive).

    ``2024`` -> before ``2025``; ``2024-12`` -> before ``2025-01``; a full date is itself,
    inclusive. Bounds are real date strings, so comparisons hold under any collation that
    orders digits normally (PostgreSQL locales ignore the hyphens at first).
    """
    if len(date_to) == 4:
        return f"{int(date_to) + 1:04d}", False
    if len(date_to) == 7:
        year, month = int(date_to[:4]), int(date_to[5:7])
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return f"{year:04d}-{month:02d}", False
    return date_to, True


def _date_range(column: sa.ColumnElement, filters: Filters) -> list[sa.ColumnElement[bool]]:
    conditions = []
    if filters.date_from:
        conditions.append(column >= filters.date_from)
    if filters.date_to:
        bound, inclusive = _period_end(filters.date_to)
        conditions.append(column <= bound if inclusive else column < bound)
    return conditions


def _segment_choice(column: sa.ColumnElement, filters: Filters) -> list[sa.ColumnElement[bool]]:
    """The segments asked for; with none named, everything but reader comments (unless
    ``include_comments``)."""
    segments = [s.lower() for s in _split(filters.segment)] if filters.segment else []
    if segments:
        return [column.in_(segments)]
    if not filters.include_comments:
        return [column != SegmentKind.COMMENT.value]
    return []


def conditions(table: str, filters: Filters | None) -> list[sa.ColumnElement[bool]]:
    """SQL conditions selecting the rows of ``table`` that ``filters`` asks for."""
    filters = filters or Filters()
    check_applicable(table, filters)
    where: list[sa.ColumnElement[bool]] = []
    if table == "events":
        ev = schema.events
        ea = schema.event_actors
        if filters.actor:
            matching = sa.select(ea.c.event_id).where(
                _actor_match(filters.actor, ea.c.actor_id, ea.c.name, ea.c.code)
            )
            where.append(ev.c.event_id.in_(matching))
        if filters.type:
            where.append(ev.c.type.in_([t.upper() for t in _split(filters.type)]))
        if filters.modality:
            where.append(ev.c.modality.in_([m.lower() for m in _split(filters.modality)]))
        where.extend(_segment_choice(ev.c.segment, filters))
        if filters.doc:
            where.append(ev.c.doc == filters.doc)
        where.extend(_date_range(ev.c.date, filters))
    elif table == "mentions":
        mt = schema.mentions
        if filters.actor:
            where.append(
                _actor_match(filters.actor, mt.c.actor_id, mt.c.actor_name, mt.c.actor_code)
            )
        if filters.segment:
            where.append(mt.c.segment.in_([s.lower() for s in _split(filters.segment)]))
        if filters.doc:
            where.append(mt.c.doc == filters.doc)
    elif table == "places":
        if filters.doc:
            where.append(schema.places.c.doc == filters.doc)
    elif table == "documents":
        if filters.doc:
            where.append(schema.documents.c.doc == filters.doc)
        where.extend(_date_range(schema.documents.c.date, filters))
    elif table in ("relations", "claims"):
        tbl = schema.metadata.tables[table]
        if filters.actor:
            where.append(
                sa.or_(
                    _actor_match(
                        filters.actor, tbl.c.subject_id, tbl.c.subject_name, tbl.c.subject_code
                    ),
                    _actor_match(
                        filters.actor, tbl.c.object_id, tbl.c.object_name, tbl.c.object_code
                    ),
                )
            )
        where.extend(_segment_choice(tbl.c.segment, filters))
        if filters.doc:
            where.append(tbl.c.doc == filters.doc)
        if table == "claims":
            where.extend(_date_range(tbl.c.made_on, filters))
    elif table == "actors" and filters.actor:
        at = schema.actors
        where.append(_actor_match(filters.actor, at.c.id, at.c.name, at.c.code))
    return where
