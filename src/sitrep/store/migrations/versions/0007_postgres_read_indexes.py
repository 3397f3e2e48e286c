"""PostgreSQL-only indexes for the API's reads; nothing changes on SQLite.

- ``ix_events_sentence_trgm``: a GIN trigram index (the ``pg_trgm`` extension) on
  ``events.sentence``, so a text search (``ILIKE '%words%'``) for words that few events
  contain reads the index instead of every sentence. Creating the extension needs the
  right to do so; where the server refuses, or does not ship ``pg_trgm``, the migration
  logs a warning and goes on without this index (searches still work, by a full scan).
- Partial indexes over the events outside reader comments (``segment <> 'comment'``,
  what every API read selects unless asked otherwise), holding exactly the columns the
  timeline, the map and the actor network group by: read index-only, with no row to
  filter out. The same columns with ``segment`` (migrations 0004 and 0005) stay for the
  reads that name segments.

SQLite has neither trigram indexes nor a planner that needs these; the names are listed in
``schema.POSTGRES_ONLY_INDEXES`` so the schema check knows them.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01
"""

from __future__ import annotations

import logging

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

logger = logging.getLogger(__name__)

OUTSIDE_COMMENTS = "segment <> 'comment'"

PARTIAL_INDEXES = (
    ("ix_events_read_date_quad", ["date", "quad"], OUTSIDE_COMMENTS),
    (
        "ix_events_read_place",
        ["place_name", "lat", "lon", "place_country", "score"],
        f"{OUTSIDE_COMMENTS} AND lat IS NOT NULL AND lon IS NOT NULL",
    ),
    (
        "ix_events_read_pair",
        ["pair_source", "pair_target", "score"],
        f"{OUTSIDE_COMMENTS} AND pair_source IS NOT NULL",
    ),
)

TRIGRAM_INDEX = "ix_events_sentence_trgm"


def _trigrams_available(conn: sa.Connection) -> bool:
    """Create ``pg_trgm`` if it is not there yet; False (with a warning) when that fails."""
    installed = conn.exec_driver_sql("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'").first()
    if installed is not None:
        return True
    shipped = conn.exec_driver_sql(
        "SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'"
    ).first()
    if shipped is None:
        logger.warning(
            "PostgreSQL does not ship the pg_trgm extension (package postgresql-contrib); "
            "text searches will scan every event. Install it and create %s to speed them up",
            TRIGRAM_INDEX,
        )
        return False
    savepoint = conn.begin_nested()
    try:
        conn.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    except sa.exc.DBAPIError as exc:
        savepoint.rollback()
        logger.warning(
            "could not create the pg_trgm extension (%s); text searches will scan every "
            "event. Ask a database owner to run CREATE EXTENSION pg_trgm, then create %s",
            exc.orig,
            TRIGRAM_INDEX,
        )
        return False
    savepoint.commit()
    return True


def upgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name != "postgresql":
        return
    for name, columns, where in PARTIAL_INDEXES:
        op.create_index(name, "events", columns, postgresql_where=sa.text(where))
    if _trigrams_available(conn):
        op.create_index(
            TRIGRAM_INDEX,
            "events",
            ["sentence"],
            postgresql_using="gin",
            postgresql_ops={"sentence": "gin_trgm_ops"},
        )


def downgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name != "postgresql":
        return
    conn.exec_driver_sql(f"DROP INDEX IF EXISTS {TRIGRAM_INDEX}")
    for name, _columns, _where in reversed(PARTIAL_INDEXES):
        op.drop_index(name, "events")
