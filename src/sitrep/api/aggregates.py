"""Aggregations for the timeline, the actor network and the map: events per period
split by quad, counts per actor pair, counts per place. Filters are those of
``queries.EventQuery``; every value reaches SQL as a bound parameter.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

import sqlalchemy as sa

from sitrep.api.queries import PERIODS, QUADS, EventQuery, event_conditions
from sitrep.errors import QueryError
from sitrep.store import schema

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class PeriodCount:
    period: str
    start: str  # first day of the period
    end: str  # last day of the period
    counts: dict[str, int]  # per quad
    total: int


@dataclass(frozen=True)
class DyadCount:
    source_id: str
    source_name: str
    source_code: str
    target_id: str
    target_name: str
    target_code: str
    events: int
    mean_score: float


@dataclass(frozen=True)
class _DyadRow:
    source_id: str
    target_id: str
    n: int
    mean_score: float


@dataclass(frozen=True)
class LocationCount:
    name: str
    lat: float
    lon: float
    country: str | None
    events: int
    mean_score: float


def counts_by_period(engine: sa.Engine, query: EventQuery, by: str) -> list[PeriodCount]:
    """Events per day, week (from Monday) or month, split by quad; undated events left out.

    SQL groups by date and quad in the order of an index holding date, quad and segment;
    dates are folded into days, weeks or months here.
    """
    if by not in PERIODS:
        raise QueryError(f"by {by!r} is not valid; use one of: {', '.join(PERIODS)}")
    ev = schema.events
    # grouping by the date itself follows the index order: no sort, and few dates a day
    key = ev.c.date.label("key")
    stmt = (
        sa.select(key, ev.c.quad, sa.func.count().label("n"))
        .where(*event_conditions(query), ev.c.date.is_not(None))
        .group_by(ev.c.date, ev.c.quad)
    )
    buckets: dict[tuple[str, str, str], dict[str, int]] = defaultdict(dict)
    with engine.connect() as conn:
        width = 7 if by == "month" else 10
        periods: dict[str, tuple[str, str, str] | None] = {}
        for key_, quad, n in conn.execute(stmt):
            prefix = key_[:width]
            if prefix not in periods:
                periods[prefix] = period_of(prefix, by)
            bounds = periods[prefix]
            if bounds is None:
                continue
            counts = buckets[bounds]
            counts[quad] = counts.get(quad, 0) + int(n)
    return [
        PeriodCount(
            period=label,
            start=start,
            end=end,
            counts={q: counts.get(q, 0) for q in QUADS},
            total=sum(counts.values()),
        )
        for (label, start, end), counts in sorted(buckets.items())
    ]


def period_of(value: str, by: str) -> tuple[str, str, str] | None:
    """(label, first day, last day) of the period holding a possibly partial ISO date.

    A partial date counts as the first day of its period, as the store's filters do.
    """
    try:
        year = int(value[:4])
        month = int(value[5:7]) if len(value) >= 7 else 1
        day_ = int(value[8:10]) if len(value) >= 10 else 1
        first = date(year, month, day_)
    except ValueError:
        logger.debug("ignoring unreadable event date %r", value)
        return None
    if by == "day":
        text = first.isoformat()
        return text, text, text
    if by == "week":
        monday = first - timedelta(days=first.weekday())
        return monday.isoformat(), monday.isoformat(), (monday + timedelta(days=6)).isoformat()
    start = first.replace(day=1)
    following = (start + timedelta(days=32)).replace(day=1)
    return start.isoformat()[:7], start.isoformat(), (following - timedelta(days=1)).isoformat()


def _actor_labels(conn: sa.Connection, ids: set[str]) -> dict[str, tuple[str, str]]:
    """(name, code) of each actor id: from the actors table, else as an event names it."""
    at, ea = schema.actors, schema.event_actors
    labels = {
        r.id: (r.name, r.code)
        for r in conn.execute(sa.select(at.c.id, at.c.name, at.c.code).where(at.c.id.in_(ids)))
    }
    for missing in sorted(ids - set(labels)):
        row = conn.execute(
            sa.select(ea.c.name, ea.c.code).where(ea.c.actor_id == missing).limit(1)
        ).first()
        labels[missing] = (row.name, row.code) if row else (missing, "")
    return labels


def dyad_counts(engine: sa.Engine, query: EventQuery, limit: int = 100) -> list[DyadCount]:
    """Source -> target actor pairs with how many events link them and their mean score.

    An event linking one pair only (most) carries it in ``pair_source``/``pair_target``,
    counted by one GROUP BY over an index; events linking several pairs, or stored before
    those columns were filled, are joined through ``event_actors``. The two sets of
    events are disjoint, so their counts add up. Names are looked up for the ``limit``
    pairs kept.
    """
    ev, ea = schema.events, schema.event_actors
    where = event_conditions(query)
    single = (
        sa.select(
            ev.c.pair_source.label("source_id"),
            ev.c.pair_target.label("target_id"),
            sa.func.count().label("n"),
            sa.func.sum(ev.c.score).label("score_sum"),
            sa.func.count().label("pair_rows"),
        )
        .where(ev.c.pair_source.is_not(None), *where)
        .group_by(ev.c.pair_source, ev.c.pair_target)
    )
    src, tgt, other = ea.alias("src"), ea.alias("tgt"), ev.alias("other")
    several = (
        sa.select(
            src.c.actor_id.label("source_id"),
            tgt.c.actor_id.label("target_id"),
            sa.func.count(sa.distinct(src.c.event_id)).label("n"),
            sa.func.sum(ev.c.score).label("score_sum"),
            sa.func.count().label("pair_rows"),
        )
        .select_from(ev)
        .join(src, sa.and_(src.c.event_id == ev.c.event_id, src.c.role == "source"))
        .join(tgt, sa.and_(tgt.c.event_id == ev.c.event_id, tgt.c.role == "target"))
        .where(
            # pair_source is set exactly when pair_rows is 1: these are the other events,
            # picked from an index first (a plain condition lets SQLite scan every link)
            ev.c.event_id.in_(
                sa.select(other.c.event_id).where(
                    sa.or_(other.c.pair_rows > 1, other.c.pair_rows.is_(None))
                )
            ),
            src.c.actor_id != tgt.c.actor_id,
            *where,
        )
        .group_by(src.c.actor_id, tgt.c.actor_id)
    )
    with engine.connect() as conn:
        merged: dict[tuple[str, str], list[float]] = {
            (r.source_id, r.target_id): [r.n, r.score_sum or 0.0, r.pair_rows]
            for r in conn.execute(several)
        }
        if not merged:  # the usual case: order and cut in SQL
            n = sa.func.count()
            single = single.order_by(n.desc(), ev.c.pair_source, ev.c.pair_target).limit(limit)
        for r in conn.execute(single):
            totals = merged.setdefault((r.source_id, r.target_id), [0, 0.0, 0])
            totals[0] += r.n
            totals[1] += r.score_sum or 0.0
            totals[2] += r.pair_rows
        ranked = sorted(merged.items(), key=lambda item: (-item[1][0], item[0]))[:limit]
        labels = _actor_labels(conn, {s for (s, _t), _v in ranked} | {t for (_s, t), _v in ranked})
    rows = [
        _DyadRow(s, t, int(n), total / pair_rows if pair_rows else 0.0)
        for (s, t), (n, total, pair_rows) in ranked
    ]
    return [
        DyadCount(
            source_id=r.source_id,
            source_name=labels[r.source_id][0],
            source_code=labels[r.source_id][1],
            target_id=r.target_id,
            target_name=labels[r.target_id][0],
            target_code=labels[r.target_id][1],
            events=r.n,
            mean_score=round(r.mean_score, 3),
        )
        for r in rows
    ]


def event_locations(engine: sa.Engine, query: EventQuery, limit: int = 500) -> list[LocationCount]:
    """Where the matching events happened: one row per place, most events first.

    Reads the place columns copied from each event's location, over an index that holds
    them with segment and score.
    """
    ev = schema.events
    n = sa.func.count().label("n")
    stmt = (
        sa.select(
            ev.c.place_name.label("name"),
            ev.c.lat,
            ev.c.lon,
            sa.func.max(ev.c.place_country).label("country"),
            n,
            sa.func.avg(ev.c.score).label("mean_score"),
        )
        .where(*event_conditions(query), ev.c.lat.is_not(None), ev.c.lon.is_not(None))
        .group_by(ev.c.place_name, ev.c.lat, ev.c.lon)
        .order_by(n.desc(), ev.c.place_name)
        .limit(limit)
    )
    with engine.connect() as conn:
        return [
            LocationCount(
                name=r.name,
                lat=float(r.lat),
                lon=float(r.lon),
                country=r.country,
                events=int(r.n),
                mean_score=round(float(r.mean_score or 0.0), 3),
            )
            for r in conn.execute(stmt)
        ]


# -- documents --------------------------------------------------------------------------
