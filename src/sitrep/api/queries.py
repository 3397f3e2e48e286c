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
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.ext.compiler import compiles

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
    total_capped: bool = False  # ``total`` is a floor: counting stopped at a cap


def _escape_like(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


class _Contains(sa.sql.expression.ColumnElement[bool]):
    """``column`` contains ``words``, ignoring case: ILIKE, except on SQLite, whose LIKE
    already ignores (ASCII) case, as its ``lower()`` does, and is faster without it."""

    type = sa.Boolean()
    inherit_cache = True

    def __init__(self, column: sa.ColumnElement, words: str) -> None:
        self.column = column
        self.pattern = "%" + _escape_like(words.strip()) + "%"


@compiles(_Contains)
def _compile_contains(element: _Contains, compiler: Any, **kw: Any) -> str:
    return compiler.process(element.column.ilike(element.pattern, escape="\\"), **kw)


@compiles(_Contains, "sqlite")
def _compile_contains_sqlite(element: _Contains, compiler: Any, **kw: Any) -> str:
    return compiler.process(element.column.like(element.pattern, escape="\\"), **kw)


def _contains(column: sa.ColumnElement, words: str) -> sa.ColumnElement[bool]:
    return _Contains(column, words)


def _actor_ids(actor: str) -> sa.CompoundSelect:
    """Ids ``actor`` may stand for: itself, its lower case, and the ids of actors whose
    id or canonical name it is in any case (looked up in the small actors table)."""
    at = schema.actors
    wanted = actor.strip()
    named = sa.select(at.c.id).where(
        sa.or_(sa.func.lower(at.c.id) == wanted.lower(), sa.func.lower(at.c.name) == wanted.lower())
    )
    return sa.union_all(
        named, *(sa.select(sa.literal(v, sa.Text)) for v in sorted({wanted, wanted.lower()}))
    )


def _code_prefix(actor: str) -> str | None:
    """The code prefix ``actor`` stands for, or None for a name with spaces."""
    wanted = actor.strip()
    return None if any(ch.isspace() for ch in wanted) else wanted.upper()


def _actor_matches(actor: str, links: sa.Table | sa.Alias) -> sa.ColumnElement[bool]:
    """Rows of ``event_actors`` (or an alias) naming ``actor`` as ``Filters.actor`` does:
    by id or canonical name in any case, or by a code prefix (a range of codes)."""
    options = [links.c.actor_id.in_(_actor_ids(actor))]
    prefix = _code_prefix(actor)
    if prefix is not None:
        options.append(sa.and_(links.c.code >= prefix, links.c.code < prefix + "\uffff"))
    return sa.or_(*options)


def actor_condition(actor: str, correlated: bool = False) -> sa.ColumnElement[bool]:
    """Events naming ``actor`` as source or target, matched as ``Filters.actor`` matches.

    By default an ``IN`` over the matching ``event_actors`` rows, each alternative read
    from its own index: best when many events are read or counted. ``correlated`` gives
    ``EXISTS`` per event instead: best for the first page of an actor that many events
    name, which a scan in sort order then finds at once.
    """
    ea, ev = schema.event_actors, schema.events
    if correlated:
        inner = ea.alias("named")
        return (
            sa.select(inner.c.event_id)
            .where(inner.c.event_id == ev.c.event_id, _actor_matches(actor, inner))
            .exists()
        )
    # IN removes duplicates itself: UNION ALL spares a sort
    return ev.c.event_id.in_(_events_naming(actor))


def _events_naming(actor: str) -> sa.CompoundSelect | sa.Select:
    """Ids of the events naming ``actor``, each alternative read from its own index."""
    ea = schema.event_actors
    parts = [sa.select(ea.c.event_id).where(ea.c.actor_id.in_(_actor_ids(actor)))]
    prefix = _code_prefix(actor)
    if prefix is not None:
        parts.append(
            sa.select(ea.c.event_id).where(ea.c.code >= prefix, ea.c.code < prefix + "\uffff")
        )
    return sa.union_all(*parts) if len(parts) > 1 else parts[0]


def actors_condition(first: str, second: str) -> sa.ColumnElement[bool]:
    """Events naming both actors (a network edge): the two sets of event ids intersected
    before any event row is read."""
    both = sa.intersect(
        sa.select(_events_naming(first).subquery().c.event_id),
        sa.select(_events_naming(second).subquery().c.event_id),
    )
    return schema.events.c.event_id.in_(both)


def event_conditions(query: EventQuery, correlated: bool = False) -> list[sa.ColumnElement[bool]]:
    """SQL conditions on ``events`` for everything ``query`` asks (``correlated``: actors
    as ``EXISTS``, see ``actor_condition``)."""
    ev = schema.events
    where = conditions("events", dataclasses.replace(query.filters, actor=None))
    actors = [a for a in (query.filters.actor, query.also_actor) if a]
    if any(not actor.strip() for actor in actors):
        raise QueryError("actor is empty; give a value or leave it out")
    if len(actors) == 2 and not correlated:
        where.append(actors_condition(*actors))
    else:
        where.extend(actor_condition(actor, correlated) for actor in actors)
    if query.quads:
        where.append(ev.c.quad.in_(query.quads))
    if query.text:
        where.append(_contains(ev.c.sentence, query.text))
    if query.bbox:
        box = query.bbox
        lat, lon = ev.c.lat, ev.c.lon  # copies of location.lat and .lon
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


ORDERED_SORTS = ("date", "score", "confidence")
"""Event sorts read in order from an index, so a page can stop after ``limit`` rows."""

COMMON_SHARE = 0.01
"""An actor filter matching at least this share of events is checked event by event
while a page is read in sort order (``EXISTS``); a rarer one is looked up first (``IN``)."""


def _actors_are_common(conn: sa.Connection, query: EventQuery, limit: int = 50) -> bool:
    """True when the query names one actor and the events naming it are likely common
    enough that a scan in sort order, checking each event, soon finds a page.

    On SQLite the share is estimated from index-only counts of ``event_actors`` rows per
    actor (``COMMON_SHARE``). On PostgreSQL see ``_actor_is_common_postgres``: its planner
    misjudges how many events an ``IN`` over a union of id lists selects, and left alone
    joins every event of a common actor and sorts them for one page.
    """
    actors = [a for a in (query.filters.actor, query.also_actor) if a and a.strip()]
    if len(actors) != 1:
        return False  # two actors: their intersection is small, looked up first
    if conn.dialect.name == "postgresql":
        return _actor_is_common_postgres(conn, actors[0], limit)
    if conn.dialect.name != "sqlite":
        return False
    ea, ev = schema.event_actors, schema.events
    events = conn.execute(sa.select(sa.func.count()).select_from(ev)).scalar_one()
    if not events:
        return False
    share = 1.0
    for actor in actors:
        named = conn.execute(
            sa.select(sa.func.count()).select_from(ea).where(_actor_matches(actor, ea))
        ).scalar_one()
        share *= min(1.0, named / events)
    return share >= COMMON_SHARE


def _actor_is_common_postgres(conn: sa.Connection, actor: str, limit: int) -> bool:
    """True when checking events one by one in sort order should read fewer of them than
    looking up every event naming ``actor``: with ``m`` of ``n`` events naming it, a page
    of ``limit`` takes about ``limit * n / m`` checks against ``m`` lookups, so the scan
    wins from ``m >= sqrt(limit * n)``. ``n`` is the planner's row estimate (no count of
    the table), ``m`` a count of index entries that stops at that threshold.
    """
    estimate = conn.execute(
        sa.text("SELECT reltuples FROM pg_class WHERE oid = to_regclass(:table)"),
        {"table": schema.events.name},
    ).scalar()
    if estimate is None or estimate < 0:  # never analysed: count
        estimate = conn.execute(sa.select(sa.func.count()).select_from(schema.events)).scalar()
    threshold = math.ceil(math.sqrt((limit + 1) * max(float(estimate or 0), 1.0)))
    naming = _events_naming(actor).subquery()
    found = conn.execute(
        sa.select(sa.func.count()).select_from(
            sa.select(naming.c.event_id).limit(threshold).subquery()
        )
    ).scalar_one()
    return found >= threshold


def _ids_condition(conn: sa.Connection, ids: list[str]) -> sa.ColumnElement[bool]:
    """``event_id`` is one of ``ids``: on PostgreSQL one array parameter (``= ANY``), not
    a parameter per id, which costs the driver and the server time to bind and parse."""
    event_id = schema.events.c.event_id
    if conn.dialect.name == "postgresql":
        return event_id == sa.any_(sa.bindparam("event_ids", ids, type_=ARRAY(sa.Text)))
    return event_id.in_(ids)


PAIR_IDS_INLINE = 20_000
"""Up to this many event ids naming both actors of a pair are fetched once and bound as
a list, so the page and the count do not intersect the actor index twice."""


def _with_actor_pair_resolved(
    conn: sa.Connection, query: EventQuery, where: list[sa.ColumnElement[bool]]
) -> list[sa.ColumnElement[bool]]:
    """``where`` with a two-actor condition replaced by the ids it selects, when few."""
    if not (query.filters.actor and query.also_actor):
        return where
    both = sa.intersect(
        sa.select(_events_naming(query.filters.actor).subquery().c.event_id),
        sa.select(_events_naming(query.also_actor).subquery().c.event_id),
    )
    ids = conn.execute(sa.select(both.subquery().c.event_id).limit(PAIR_IDS_INLINE + 1))
    found = [row[0] for row in ids]
    if len(found) > PAIR_IDS_INLINE:
        return where
    resolved = event_conditions(
        dataclasses.replace(
            query, filters=dataclasses.replace(query.filters, actor=None), also_actor=None
        )
    )
    return [*resolved, _ids_condition(conn, found)]


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
    with engine.connect() as conn:
        where = _with_actor_pair_resolved(conn, query, event_conditions(query))
        correlated = name in ORDERED_SORTS and _actors_are_common(conn, query, limit)
        rows, next_cursor = _page(
            conn,
            sa.select(ev).where(*(event_conditions(query, True) if correlated else where)),
            ev.c[name],
            ev.c.event_id,
            name,
            descending,
            limit,
            cursor,
        )
        total, capped = -1, False
        if with_total:
            total, capped = _count_events(conn, where, capped=bool(query.text))
    return ResultPage(tuple(event_dict(r) for r in rows), next_cursor, total, capped)


TEXT_TOTAL_CAP = 10_000
"""A text search counts its matches up to this many (as Elasticsearch does by default):
no index can count the sentences containing a common word, and a page of results does
not need the exact figure beyond it."""


def _count_events(
    conn: sa.Connection, where: Sequence[sa.ColumnElement[bool]], capped: bool
) -> tuple[int, bool]:
    """The number of events matching ``where``, and whether it stopped at the cap."""
    ev = schema.events
    if not capped:
        count = sa.select(sa.func.count()).select_from(ev).where(*where)
        return int(conn.execute(count).scalar_one()), False
    first = sa.select(ev.c.event_id).where(*where).limit(TEXT_TOTAL_CAP + 1).subquery()
    found = int(conn.execute(sa.select(sa.func.count()).select_from(first)).scalar_one())
    return min(found, TEXT_TOTAL_CAP), found > TEXT_TOTAL_CAP


def get_event(engine: sa.Engine, event_id: str) -> dict[str, Any] | None:
    ev = schema.events
    with engine.connect() as conn:
        row = conn.execute(sa.select(ev).where(ev.c.event_id == event_id)).first()
    return None if row is None else event_dict(row)


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
    # rows per actor less those repeating an actor already named in the same event:
    # one pass over an index of (actor_id, repeats_actor)
    event_counts = (
        sa.select(ea.c.actor_id, sa.func.count().label("n"))
        .where(sa.or_(ea.c.repeats_actor.is_(None), ea.c.repeats_actor.is_(False)))
        .group_by(ea.c.actor_id)
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
