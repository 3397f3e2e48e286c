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
from datetime import date, timedelta

import sqlalchemy as sa

from sitrep.events.merge import same_event
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


def _candidates(conn: sa.Connection, event: Event) -> list[Event]:
    ev = schema.events
    if event.date is None or event.segment == SegmentKind.COMMENT:
        return []
    bounds = _window(event.date)
    if bounds is None:
        return []
    low, high = bounds
    prefixes = {event.date[:4], event.date[:7]}
    stmt = (
        sa.select(ev)
        .where(
            ev.c.type == event.type,
            ev.c.doc != event.doc_id,
            ev.c.segment != SegmentKind.COMMENT.value,
            sa.or_(sa.and_(ev.c.date >= low, ev.c.date <= high), ev.c.date.in_(prefixes)),
        )
        .order_by(ev.c.date, ev.c.event_id)
        .limit(200)
    )
    return [records.event_from_row(row._mapping) for row in conn.execute(stmt)]


def clustered(conn: sa.Connection, analysed: AnalysedDocument) -> AnalysedDocument:
    """The page's events with their ``cluster_id`` set from the events already stored."""
    events = []
    for event in analysed.events:
        match = next((c for c in _candidates(conn, event) if same_event(c, event)), None)
        cluster = (match.cluster_id or match.event_id) if match else event.event_id
        events.append(dataclasses.replace(event, cluster_id=cluster))
    return dataclasses.replace(analysed, events=tuple(events))
