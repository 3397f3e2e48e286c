"""Event clusters: the same event told by several pages.

Within a page, the tellings of one event are already merged (``events/merge.py``). Across
pages the store does the same when a page is saved: each new event joins the cluster of a
stored event from another page that is the same event by the rules of
``events.merge.same_event`` (same type, nested actor lists sharing an actor, compatible
dates and places, held the same way, not a reader comment) and whose date lies within
``WINDOW_DAYS`` of its own. An event that matches none starts a cluster named after
itself. Every stored event has a ``cluster_id``, so counting distinct clusters counts
events rather than reports of them.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import date, timedelta

import sqlalchemy as sa

from sitrep.events.merge import PAGE_PRECISION, same_event
from sitrep.models import AnalysedDocument, Event, SegmentKind
from sitrep.store import records, schema

WINDOW_DAYS = 7


def _window(value: str) -> tuple[str, str] | None:
    """The date strings (inclusive bounds) a matching event's date may fall between."""
    if len(value) == 10:
        try:
            day = date.fromisoformat(value)
        except ValueError:
            return None
        return (day - timedelta(days=WINDOW_DAYS)).isoformat(), (
            day + timedelta(days=WINDOW_DAYS)
        ).isoformat()
    return value, value + "-99"


def _linked(role: str, dates: str) -> str:
    return (
        f"SELECT event_id FROM event_actors WHERE actor_id IN :{role}s AND role = '{role}'"
        f" AND type = :type AND {dates}"
    )


_NEAR = "date >= :low AND date <= :high"
_VAGUE = "date IN (:year, :month)"
# named, not *: the result's columns are matched to the table's by position
_COLUMNS = ", ".join(f'"{c.name}"' for c in schema.events.c)
_CANDIDATES = sa.text(
    # the same event shares a source or a target (``same_event``): the events of the
    # same type and dates are found through the actors' rows, read from the index on
    # event_actors (actor_id, role, type, date), so the lookup costs what the actors'
    # own events in the window cost, however busy the archive's days are. Plain SQL:
    # building this statement with the expression language cost more than running it.
    f"SELECT {_COLUMNS} FROM events WHERE event_id IN ("
    + " UNION ".join(
        _linked(role, dates) for role in ("source", "target") for dates in (_NEAR, _VAGUE)
    )
    + ") AND doc != :doc AND segment != :comment"
    # dates that ``same_event`` can accept: one date the other's prefix, or either date
    # only the page's (checked again there; here it spares reading the others)
    " AND (:own_page OR date_precision = :page OR date LIKE :prefix OR date IN (:year, :month))"
    " ORDER BY date, event_id LIMIT 200"
)
_CANDIDATES = _CANDIDATES.bindparams(
    sa.bindparam("sources", expanding=True, type_=sa.Text),
    sa.bindparam("targets", expanding=True, type_=sa.Text),
).columns(*schema.events.c)


def _candidates(conn: sa.Connection, event: Event) -> Iterator[Event]:
    """Stored events that may be ``event`` told by another page, earliest first; made
    into records one at a time, since the first that is the same event ends the search."""
    if event.date is None or event.segment == SegmentKind.COMMENT:
        return iter(())
    bounds = _window(event.date)
    if bounds is None:
        return iter(())
    low, high = bounds
    params = {
        "type": event.type,
        "doc": event.doc_id,
        "comment": SegmentKind.COMMENT.value,
        "low": low,
        "high": high,
        "year": event.date[:4],
        "month": event.date[:7],
        "own_page": event.date_precision == PAGE_PRECISION,
        "page": PAGE_PRECISION,
        "prefix": event.date + "%",
        "sources": [ref.id for ref in event.source],
        "targets": [ref.id for ref in event.target],
    }
    rows = conn.execute(_CANDIDATES.bindparams(**params)).fetchall()
    return (records.event_from_row(row._mapping) for row in rows)


def clustered(conn: sa.Connection, analysed: AnalysedDocument) -> AnalysedDocument:
    """The page's events with their ``cluster_id`` set from the events already stored."""
    events = []
    for event in analysed.events:
        match = next((c for c in _candidates(conn, event) if same_event(c, event)), None)
        cluster = (match.cluster_id or match.event_id) if match else event.event_id
        events.append(dataclasses.replace(event, cluster_id=cluster))
    return dataclasses.replace(analysed, events=tuple(events))
