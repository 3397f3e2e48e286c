"""Columns for the API's aggregations, filled from the event when it is stored.

Events gain their place as plain columns (``lat``, ``lon``, ``place_name``,
``place_country``), so the map and the box filter read an index instead of parsing JSON,
and their source -> target pair (``pair_source``, ``pair_target``, set when the event
links exactly one pair; ``pair_rows`` counts the pairs), so the actor network is one
GROUP BY over an index. ``event_actors.repeats_actor`` marks a row whose actor already
appears earlier in the same event, so counting an actor's events needs no DISTINCT.
Existing rows are filled by this migration.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

EVENT_COLUMNS = (
    ("lat", sa.Float),
    ("lon", sa.Float),
    ("place_name", sa.Text),
    ("place_country", sa.Text),
    ("pair_source", sa.Text),
    ("pair_target", sa.Text),
    ("pair_rows", sa.Integer),
)

INDEXES = (
    (
        "ix_events_place_name_lat_lon_place_country_segment_score",
        "events",
        ["place_name", "lat", "lon", "place_country", "segment", "score"],
    ),
    ("ix_events_lat_lon_segment", "events", ["lat", "lon", "segment"]),
    (
        "ix_events_pair_source_pair_target_segment_score",
        "events",
        ["pair_source", "pair_target", "segment", "score"],
    ),
    ("ix_events_pair_rows_event_id", "events", ["pair_rows", "event_id"]),
    (
        "ix_event_actors_actor_id_repeats_actor_event_id",
        "event_actors",
        ["actor_id", "repeats_actor", "event_id"],
    ),
)

_events = sa.table(
    "events",
    sa.column("event_id", sa.Text),
    sa.column("location", sa.JSON(none_as_null=True)),
    *(sa.column(name, kind) for name, kind in EVENT_COLUMNS),
)
_links = sa.table(
    "event_actors",
    sa.column("event_id", sa.Text),
    sa.column("role", sa.Text),
    sa.column("position", sa.Integer),
    sa.column("actor_id", sa.Text),
    sa.column("repeats_actor", sa.Boolean),
)


def _fill_places() -> None:
    location = _events.c.location
    op.execute(
        sa.update(_events)
        .where(location.is_not(None))
        .values(
            lat=location["lat"].as_float(),
            lon=location["lon"].as_float(),
            place_name=location["name"].as_string(),
            place_country=location["country"].as_string(),
        )
    )


def _pairs() -> tuple[sa.Select, sa.TableClause, sa.TableClause]:
    src, tgt = _links.alias("src"), _links.alias("tgt")
    stmt = (
        sa.select(src, tgt)
        .select_from(src)
        .join(tgt, sa.and_(tgt.c.event_id == src.c.event_id, tgt.c.role == "target"))
        .where(
            src.c.role == "source",
            src.c.event_id == _events.c.event_id,
            src.c.actor_id != tgt.c.actor_id,
        )
    )
    return stmt, src, tgt


def _fill_pairs() -> None:
    pairs, src, tgt = _pairs()
    count = pairs.with_only_columns(sa.func.count()).scalar_subquery()
    op.execute(sa.update(_events).values(pair_rows=count))
    source = pairs.with_only_columns(src.c.actor_id).limit(1).scalar_subquery()
    target = pairs.with_only_columns(tgt.c.actor_id).limit(1).scalar_subquery()
    op.execute(
        sa.update(_events)
        .where(_events.c.pair_rows == 1)
        .values(pair_source=source, pair_target=target)
    )


def _fill_repeats() -> None:
    earlier = _links.alias("earlier")
    repeated = (
        sa.select(earlier.c.event_id)
        .where(
            earlier.c.event_id == _links.c.event_id,
            earlier.c.actor_id == _links.c.actor_id,
            sa.or_(
                earlier.c.role < _links.c.role,
                sa.and_(earlier.c.role == _links.c.role, earlier.c.position < _links.c.position),
            ),
        )
        .exists()
    )
    op.execute(sa.update(_links).values(repeats_actor=repeated))


def upgrade() -> None:
    for name, kind in EVENT_COLUMNS:
        op.add_column("events", sa.Column(name, kind))
    op.add_column("event_actors", sa.Column("repeats_actor", sa.Boolean))
    _fill_places()
    _fill_pairs()
    _fill_repeats()
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns)


def downgrade() -> None:
    for name, table, _columns in reversed(INDEXES):
        op.drop_index(name, table)
    with op.batch_alter_table("event_actors") as batch:
        batch.drop_column("repeats_actor")
    with op.batch_alter_table("events") as batch:
        for name, _kind in reversed(EVENT_COLUMNS):
            batch.drop_column(name)
