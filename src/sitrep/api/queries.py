"""The API's reads and deletes: SQLAlchemy Core over ``sitrep.store.schema``.

Event filters come from the store's own query layer (``sitrep.store.query.conditions``);
this module adds what only the API needs: more filters (quad, a box for the place, text
search, a second actor), keyset (cursor) pagination, and aggregations for the timeline,
the actor network and the map. Every value reaches SQL as a bound parameter.
"""

from __future__ import annotations

import base64
import binascii
import dataclasses
import json
import logging
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import sqlalchemy as sa

from sitrep import export
from sitrep.errors import QueryError
from sitrep.store import records, schema
from sitrep.store.query import Filters, conditions

logger = logging.getLogger(__name__)

QUADS = ("verbal_coop", "material_coop", "verbal_conflict", "material_conflict")
PERIODS = ("day", "week", "month")
EVENT_SORTS = ("date", "score", "confidence", "type", "doc")
DOCUMENT_SORTS = ("date", "doc", "title")
OPTIONAL_TABLES = ("relations", "claims")


@dataclass(frozen=True)
class BBox:
    """A box of longitude/latitude: west, south, east, north (degrees)."""

    west: float
    south: float
    east: float
    north: float

    @classmethod
    def parse(cls, text: str) -> BBox:
        parts = [p.strip() for p in text.split(",")]
        try:
            west, south, east, north = (float(p) for p in parts)
        except ValueError as exc:
            raise QueryError(
                f"bbox {text!r} is not four numbers; write west,south,east,north "
                "in degrees, e.g. 38,29,49,38"
            ) from exc
        if not (-180 <= west <= 180 and -180 <= east <= 180):
            raise QueryError(f"bbox {text!r}: longitudes must lie between -180 and 180")
        if not (-90 <= south <= north <= 90):
            raise QueryError(
                f"bbox {text!r}: latitudes must lie between -90 and 90, south before north"
            )
        return cls(west, south, east, north)


@dataclass(frozen=True)
class EventQuery:
    """Which events to read: the store's ``Filters`` plus the API's extra filters."""

    filters: Filters = Filters()
    also_actor: str | None = None  # a second actor: events naming both (an edge of the network)
    quads: tuple[str, ...] = ()
    bbox: BBox | None = None
    text: str | None = None

    def __post_init__(self) -> None:
        bad = [q for q in self.quads if q not in QUADS]
        if bad:
            raise QueryError(
                f"quad {', '.join(bad)!r} is not valid; use one of: {', '.join(QUADS)}"
            )
        if self.text is not None and not self.text.strip():
            raise QueryError("q is empty; give words to search for or leave it out")


@dataclass(frozen=True)
class ResultPage:
    """One page of results, with the cursor for the next page (None at the end)."""

    items: tuple[dict[str, Any], ...]
    next_cursor: str | None
    total: int


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
class LocationCount:
    name: str
    lat: float
    lon: float
    country: str | None
    events: int
    mean_score: float


def _escape_like(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _contains(column: sa.ColumnElement, words: str) -> sa.ColumnElement[bool]:
    return column.ilike("%" + _escape_like(words.strip()) + "%", escape="\\")


def _lat_lon(location: sa.ColumnElement) -> tuple[sa.ColumnElement, sa.ColumnElement]:
    return location["lat"].as_float(), location["lon"].as_float()


def actor_condition(actor: str) -> sa.ColumnElement[bool]:
    """Events naming ``actor`` as source or target, matched as ``Filters.actor`` matches
    (id or canonical name in any case, or a code prefix), but through indexes: ids are
    looked up in the small actors table first, and a code prefix is a range of codes.
    """
    at, ea, ev = schema.actors, schema.event_actors, schema.events
    wanted = actor.strip()
    ids = sa.select(at.c.id).where(
        sa.or_(sa.func.lower(at.c.id) == wanted.lower(), sa.func.lower(at.c.name) == wanted.lower())
    )
    parts = [
        sa.select(ea.c.event_id).where(ea.c.actor_id.in_(ids)),
        sa.select(ea.c.event_id).where(ea.c.actor_id.in_({wanted, wanted.lower()})),
    ]
    if not any(ch.isspace() for ch in wanted):
        prefix = wanted.upper()
        parts.append(
            sa.select(ea.c.event_id).where(ea.c.code >= prefix, ea.c.code < prefix + "\uffff")
        )
    return ev.c.event_id.in_(sa.union(*parts))


def event_conditions(query: EventQuery) -> list[sa.ColumnElement[bool]]:
    """SQL conditions on ``events`` for everything ``query`` asks."""
    ev = schema.events
    where = conditions("events", dataclasses.replace(query.filters, actor=None))
    for actor in (query.filters.actor, query.also_actor):
        if actor:
            if not actor.strip():
                raise QueryError("actor is empty; give a value or leave it out")
            where.append(actor_condition(actor))
    if query.quads:
        where.append(ev.c.quad.in_(query.quads))
    if query.text:
        where.append(_contains(ev.c.sentence, query.text))
    if query.bbox:
        box = query.bbox
        lat, lon = _lat_lon(ev.c.location)
        where.append(ev.c.location.is_not(None))
        where.append(lat.between(box.south, box.north))
        if box.west <= box.east:
            where.append(lon.between(box.west, box.east))
        else:  # a box across the antimeridian
            where.append(sa.or_(lon >= box.west, lon <= box.east))
    return where


# -- cursors ----------------------------------------------------------------------------


def encode_cursor(sort: str, value: Any, key: str) -> str:
    raw = json.dumps([sort, value, key], separators=(",", ":")).encode("utf-8")
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def decode_cursor(cursor: str, sort: str) -> tuple[Any, str]:
    """The sort value and key a cursor continues after; it must come from the same sort."""
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        got_sort, value, key = json.loads(base64.urlsafe_b64decode(padded.encode("ascii")))
    except (binascii.Error, ValueError, TypeError, UnicodeError) as exc:
        raise QueryError(
            "cursor is not valid; pass the next_cursor of a previous answer unchanged"
        ) from exc
    if got_sort != sort or not isinstance(key, str):
        raise QueryError(
            f"cursor belongs to sort {got_sort!r}, not {sort!r}; start again without a cursor"
        )
    return value, key


def parse_sort(sort: str, allowed: Sequence[str]) -> tuple[str, bool]:
    """``date`` or ``-date`` -> (field, descending)."""
    descending = sort.startswith("-")
    name = sort[1:] if descending else sort
    if name not in allowed:
        choices = ", ".join(f"{a}, -{a}" for a in allowed)
        raise QueryError(f"sort {sort!r} is not valid; use one of: {choices}")
    return name, descending


def _page(
    conn: sa.Connection,
    stmt: sa.Select,
    column: sa.ColumnElement,
    key: sa.ColumnElement,
    sort: str,
    descending: bool,
    limit: int,
    cursor: str | None,
) -> tuple[list[Any], str | None]:
    """One page in (column, key) order, nulls last, continuing after ``cursor``.

    Rows with a value and rows without are read by two index-friendly queries (an OR of
    both would make SQLite scan and sort the whole table).
    """
    sort_text = ("-" if descending else "") + sort
    value, last = decode_cursor(cursor, sort_text) if cursor else (None, None)
    by_key = key.desc() if descending else key.asc()
    rows: list[Any] = []
    if cursor is None or value is not None:
        dated = stmt.where(column.is_not(None))
        if value is not None:
            if descending:
                dated = dated.where(column <= value, sa.or_(column < value, key < last))
            else:
                dated = dated.where(column >= value, sa.or_(column > value, key > last))
        by_value = column.desc() if descending else column.asc()
        rows = list(conn.execute(dated.order_by(by_value, by_key).limit(limit + 1)))
    if len(rows) <= limit:
        undated = stmt.where(column.is_(None))
        if value is None and last is not None:
            undated = undated.where(key < last if descending else key > last)
        more = limit + 1 - len(rows)
        rows += list(conn.execute(undated.order_by(by_key).limit(more)))
    next_cursor = None
    if len(rows) > limit:
        rows = rows[:limit]
        last_row = rows[-1]._mapping
        next_cursor = encode_cursor(sort_text, last_row[column.key], last_row[key.key])
    return rows, next_cursor


# -- events -----------------------------------------------------------------------------


def event_dict(row: Any) -> dict[str, Any]:
    return export.event_to_dict(records.event_from_row(row._mapping))


def list_events(
    engine: sa.Engine,
    query: EventQuery,
    sort: str = "date",
    limit: int = 50,
    cursor: str | None = None,
    with_total: bool = True,
) -> ResultPage:
    """A page of events; ``total`` counts every match (-1 when ``with_total`` is off)."""
    ev = schema.events
    name, descending = parse_sort(sort, EVENT_SORTS)
    where = event_conditions(query)
    with engine.connect() as conn:
        rows, next_cursor = _page(
            conn,
            sa.select(ev).where(*where),
            ev.c[name],
            ev.c.event_id,
            name,
            descending,
            limit,
            cursor,
        )
        total = -1
        if with_total:
            count = sa.select(sa.func.count()).select_from(ev).where(*where)
            total = int(conn.execute(count).scalar_one())
    return ResultPage(tuple(event_dict(r) for r in rows), next_cursor, total)


def get_event(engine: sa.Engine, event_id: str) -> dict[str, Any] | None:
    ev = schema.events
    with engine.connect() as conn:
        row = conn.execute(sa.select(ev).where(ev.c.event_id == event_id)).first()
    return None if row is None else event_dict(row)


def counts_by_period(engine: sa.Engine, query: EventQuery, by: str) -> list[PeriodCount]:
    """Events per day, week (from Monday) or month, split by quad; undated events left out.

    SQL groups by the date's first 7 (month) or 10 (day, week) characters and the quad,
    over an index holding date, quad and segment; weeks are folded from days here.
    """
    if by not in PERIODS:
        raise QueryError(f"by {by!r} is not valid; use one of: {', '.join(PERIODS)}")
    ev = schema.events
    key = sa.func.substr(ev.c.date, 1, 7 if by == "month" else 10).label("key")
    stmt = (
        sa.select(key, ev.c.quad, sa.func.count().label("n"))
        .where(*event_conditions(query), ev.c.date.is_not(None))
        .group_by(key, ev.c.quad)
    )
    buckets: dict[tuple[str, str, str], dict[str, int]] = defaultdict(dict)
    with engine.connect() as conn:
        for row in conn.execute(stmt):
            bounds = period_of(row.key, by)
            if bounds is None:
                continue
            counts = buckets[bounds]
            counts[row.quad] = counts.get(row.quad, 0) + int(row.n)
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

    The pairs come from two index-only reads of ``event_actors`` (by role and event) and
    one of ``events`` (segment and score) for the usual filters; names are looked up for
    the ``limit`` pairs kept.
    """
    ev, ea = schema.events, schema.event_actors
    src, tgt = ea.alias("src"), ea.alias("tgt")
    n = sa.func.count(sa.distinct(src.c.event_id)).label("n")
    stmt = (
        sa.select(
            src.c.actor_id.label("source_id"),
            tgt.c.actor_id.label("target_id"),
            n,
            sa.func.avg(ev.c.score).label("mean_score"),
        )
        .select_from(src)
        .join(tgt, sa.and_(tgt.c.role == "target", tgt.c.event_id == src.c.event_id))
        .join(ev, ev.c.event_id == src.c.event_id)
        .where(src.c.role == "source", src.c.actor_id != tgt.c.actor_id, *event_conditions(query))
        .group_by(src.c.actor_id, tgt.c.actor_id)
        .order_by(n.desc(), src.c.actor_id, tgt.c.actor_id)
        .limit(limit)
    )
    with engine.connect() as conn:
        rows = list(conn.execute(stmt))
        labels = _actor_labels(conn, {r.source_id for r in rows} | {r.target_id for r in rows})
    return [
        DyadCount(
            source_id=r.source_id,
            source_name=labels[r.source_id][0],
            source_code=labels[r.source_id][1],
            target_id=r.target_id,
            target_name=labels[r.target_id][0],
            target_code=labels[r.target_id][1],
            events=int(r.n),
            mean_score=round(float(r.mean_score or 0.0), 3),
        )
        for r in rows
    ]


def event_locations(engine: sa.Engine, query: EventQuery, limit: int = 500) -> list[LocationCount]:
    """Where the matching events happened: one row per place, most events first."""
    ev = schema.events
    lat, lon = _lat_lon(ev.c.location)
    name = ev.c.location["name"].as_string()
    country = ev.c.location["country"].as_string()
    n = sa.func.count().label("n")
    stmt = (
        sa.select(
            name.label("name"),
            lat.label("lat"),
            lon.label("lon"),
            sa.func.max(country).label("country"),
            n,
            sa.func.avg(ev.c.score).label("mean_score"),
        )
        .where(*event_conditions(query), ev.c.location.is_not(None))
        .group_by(name, lat, lon)
        .order_by(n.desc(), name)
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
            if r.lat is not None and r.lon is not None
        ]


# -- documents --------------------------------------------------------------------------


def _counts_for(conn: sa.Connection, table: sa.Table, docs: Sequence[str]) -> dict[str, int]:
    if not docs:
        return {}
    stmt = (
        sa.select(table.c.doc, sa.func.count().label("n"))
        .where(table.c.doc.in_(docs))
        .group_by(table.c.doc)
    )
    return {r.doc: int(r.n) for r in conn.execute(stmt)}


def list_documents(
    engine: sa.Engine,
    filters: Filters,
    text: str | None = None,
    sort: str = "date",
    limit: int = 50,
    cursor: str | None = None,
) -> ResultPage:
    """Stored pages (without their text), with how many records each gave."""
    docs = schema.documents
    name, descending = parse_sort(sort, DOCUMENT_SORTS)
    where = conditions("documents", filters)
    if text is not None:
        if not text.strip():
            raise QueryError("q is empty; give words to search for or leave it out")
        where.append(sa.or_(_contains(docs.c.title, text), _contains(docs.c.doc, text)))
    columns = [c for c in docs.c if c.key not in ("text", "segments")]
    with engine.connect() as conn:
        rows, next_cursor = _page(
            conn,
            sa.select(*columns).where(*where),
            docs.c[name],
            docs.c.doc,
            name,
            descending,
            limit,
            cursor,
        )
        ids = [r.doc for r in rows]
        counts = {
            t.name: _counts_for(conn, t, ids)
            for t in (schema.events, schema.mentions, schema.places)
        }
        total = conn.execute(
            sa.select(sa.func.count()).select_from(docs).where(*where)
        ).scalar_one()
    items = tuple(
        {
            "doc": r.doc,
            "title": r.title,
            "url": r.url,
            "date": r.date,
            "date_source": r.date_source,
            "source": r.source,
            "path": r.path,
            "ingested_at": r.ingested_at,
            "events": counts["events"].get(r.doc, 0),
            "mentions": counts["mentions"].get(r.doc, 0),
            "places": counts["places"].get(r.doc, 0),
        }
        for r in rows
    )
    return ResultPage(items, next_cursor, int(total))


def document_detail(engine: sa.Engine, doc: str) -> dict[str, Any] | None:
    """Everything the page view needs: the text, its segments and every record on it."""
    docs, mt, pl, ev = schema.documents, schema.mentions, schema.places, schema.events
    with engine.connect() as conn:
        row = conn.execute(sa.select(docs).where(docs.c.doc == doc)).first()
        if row is None:
            return None
        detail = export.document_to_dict(records.document_from_row(row._mapping))
        detail["ingested_at"] = row.ingested_at
        detail["mentions"] = [
            export.mention_to_dict(records.mention_from_row(r._mapping))
            for r in conn.execute(sa.select(mt).where(mt.c.doc == doc).order_by(mt.c.start))
        ]
        detail["places"] = [
            export.place_to_dict(records.place_from_row(r._mapping))
            for r in conn.execute(sa.select(pl).where(pl.c.doc == doc).order_by(pl.c.start))
        ]
        detail["events"] = [
            event_dict(r)
            for r in conn.execute(
                sa.select(ev).where(ev.c.doc == doc).order_by(ev.c.start, ev.c.event_id)
            )
        ]
    every = Filters(doc=doc, include_comments=True)
    detail["relations"] = list_relations(engine, every, limit=10_000)
    detail["claims"] = list_claims(engine, every, limit=10_000)
    return detail


def delete_document(engine: sa.Engine, doc: str) -> bool:
    """Remove a page and every record taken from it; False when it is not stored."""
    docs, ev, ea = schema.documents, schema.events, schema.event_actors
    present = set(sa.inspect(engine).get_table_names())
    with engine.begin() as conn:
        if conn.execute(sa.select(docs.c.doc).where(docs.c.doc == doc)).first() is None:
            return False
        conn.execute(
            sa.delete(ea).where(ea.c.event_id.in_(sa.select(ev.c.event_id).where(ev.c.doc == doc)))
        )
        for name in (*OPTIONAL_TABLES, "events", "mentions", "places"):
            table = schema.metadata.tables.get(name)
            if table is not None and name in present:
                conn.execute(sa.delete(table).where(table.c.doc == doc))
        conn.execute(sa.delete(docs).where(docs.c.doc == doc))
    logger.info("deleted document %s", doc)
    return True


# -- actors, places, relations, claims -------------------------------------------------


def list_actors(
    engine: sa.Engine, text: str | None = None, actor: str | None = None, limit: int = 100
) -> list[dict[str, Any]]:
    """Actors with their event and mention counts, most events first.

    ``text`` matches words in the name or id; ``actor`` is the store's actor filter (id,
    name or code prefix).
    """
    at, ea, mt = schema.actors, schema.event_actors, schema.mentions
    # rows per actor (an index-only count) less the rows that repeat an actor in an event
    repeats = (
        sa.select(ea.c.actor_id, (sa.func.count() - 1).label("extra"))
        .group_by(ea.c.actor_id, ea.c.event_id)
        .having(sa.func.count() > 1)
        .subquery()
    )
    repeated = (
        sa.select(repeats.c.actor_id, sa.func.sum(repeats.c.extra).label("extra"))
        .group_by(repeats.c.actor_id)
        .subquery()
    )
    rows_per_actor = (
        sa.select(ea.c.actor_id, sa.func.count().label("n")).group_by(ea.c.actor_id).subquery()
    )
    event_counts = (
        sa.select(
            rows_per_actor.c.actor_id,
            (rows_per_actor.c.n - sa.func.coalesce(repeated.c.extra, 0)).label("n"),
        )
        .outerjoin(repeated, repeated.c.actor_id == rows_per_actor.c.actor_id)
        .subquery()
    )
    events = sa.func.coalesce(event_counts.c.n, 0).label("events")
    where = conditions("actors", Filters(actor=actor))
    if text is not None:
        if not text.strip():
            raise QueryError("q is empty; give words to search for or leave it out")
        where.append(sa.or_(_contains(at.c.name, text), _contains(at.c.id, text)))
    stmt = (
        sa.select(at, events)
        .outerjoin(event_counts, event_counts.c.actor_id == at.c.id)
        .where(*where)
        .order_by(events.desc(), at.c.name, at.c.id)
        .limit(limit)
    )
    with engine.connect() as conn:
        rows = list(conn.execute(stmt))
        ids = [r.id for r in rows]
        mention_counts: dict[str, int] = {}
        if ids:
            mention_counts = {
                r.actor_id: int(r.n)
                for r in conn.execute(
                    sa.select(mt.c.actor_id, sa.func.count().label("n"))
                    .where(mt.c.actor_id.in_(ids))
                    .group_by(mt.c.actor_id)
                )
            }
    out = []
    for r in rows:
        item = export.actor_to_dict(records.actor_from_row(r._mapping))
        item["events"] = int(r.events)
        item["mentions"] = mention_counts.get(r.id, 0)
        out.append(item)
    return out


def list_places(
    engine: sa.Engine, doc: str | None = None, bbox: BBox | None = None, limit: int = 500
) -> list[dict[str, Any]]:
    """Places named on the stored pages, one row per place, with mention and page counts."""
    pl = schema.places
    where = conditions("places", Filters(doc=doc))
    if bbox is not None:
        where.append(pl.c.lat.between(bbox.south, bbox.north))
        if bbox.west <= bbox.east:
            where.append(pl.c.lon.between(bbox.west, bbox.east))
        else:
            where.append(sa.or_(pl.c.lon >= bbox.west, pl.c.lon <= bbox.east))
    n = sa.func.count().label("n")
    stmt = (
        sa.select(
            pl.c.name,
            pl.c.lat,
            pl.c.lon,
            sa.func.max(pl.c.country).label("country"),
            sa.func.max(pl.c.geonames_id).label("geonames_id"),
            sa.func.max(pl.c.precision).label("precision"),
            n,
            sa.func.count(sa.distinct(pl.c.doc)).label("docs"),
        )
        .where(*where)
        .group_by(pl.c.name, pl.c.lat, pl.c.lon)
        .order_by(n.desc(), pl.c.name)
        .limit(limit)
    )
    with engine.connect() as conn:
        return [
            {
                "name": r.name,
                "lat": r.lat,
                "lon": r.lon,
                "country": r.country,
                "geonames_id": r.geonames_id,
                "precision": r.precision,
                "mentions": int(r.n),
                "documents": int(r.docs),
            }
            for r in conn.execute(stmt)
        ]


def _present(engine: sa.Engine, table: sa.Table) -> bool:
    return sa.inspect(engine).has_table(table.name)


def list_relations(engine: sa.Engine, filters: Filters, limit: int = 500) -> list[dict[str, Any]]:
    """Stated relations in the export format, filtered as ``sitrep export relations`` is
    (actor as subject or object, doc, segment, comments); [] on a store without them."""
    table = schema.relations
    where = conditions("relations", filters)
    if not _present(engine, table):
        return []
    stmt = sa.select(table).where(*where).order_by(table.c.doc, table.c.start, table.c.id)
    with engine.connect() as conn:
        return [
            export.relation_to_dict(records.relation_from_row(r._mapping))
            for r in conn.execute(stmt.limit(limit))
        ]


def list_claims(engine: sa.Engine, filters: Filters, limit: int = 500) -> list[dict[str, Any]]:
    """Claims in the export format, filtered as ``sitrep export claims`` is (doc, the date
    made from/to, segment, comments); [] on a store without them."""
    table = schema.claims
    where = conditions("claims", filters)
    if not _present(engine, table):
        return []
    stmt = sa.select(table).where(*where).order_by(table.c.doc, table.c.start, table.c.claim_id)
    with engine.connect() as conn:
        return [
            export.claim_to_dict(records.claim_from_row(r._mapping))
            for r in conn.execute(stmt.limit(limit))
        ]
