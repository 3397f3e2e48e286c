"""The event's type and date on each of its actor rows, for the cross-page cluster lookup.

When a page is stored, each of its events looks for stored events of the same type,
within a few days, that share a source or a target (``store.clusters``). Read from the
events table, that lookup scans every event of the type in the window, a cost that grows
with the archive's density (in a 100,000-page test it grew until it took a third of the
ingest). With the type and date copied onto ``event_actors`` and an index on
(actor_id, role, type, date), it reads only the events of the same actors. Existing rows
are filled by this migration.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

INDEX = ("ix_event_actors_actor_id_role_type_date", ["actor_id", "role", "type", "date"])

_events = sa.table("events", sa.column("event_id", sa.Text), sa.column("type", sa.Text), sa.column("date", sa.Text))  # fmt: skip
_links = sa.table("event_actors", sa.column("event_id", sa.Text), sa.column("type", sa.Text), sa.column("date", sa.Text))  # fmt: skip


def upgrade() -> None:
    op.add_column("event_actors", sa.Column("type", sa.Text))
    op.add_column("event_actors", sa.Column("date", sa.Text))
    of_event = _events.c.event_id == _links.c.event_id
    op.execute(
        sa.update(_links).values(
            type=sa.select(_events.c.type).where(of_event).scalar_subquery(),
            date=sa.select(_events.c.date).where(of_event).scalar_subquery(),
        )
    )
    op.create_index(INDEX[0], "event_actors", INDEX[1])


def downgrade() -> None:
    op.drop_index(INDEX[0], "event_actors")
    with op.batch_alter_table("event_actors") as batch:
        batch.drop_column("date")
        batch.drop_column("type")
