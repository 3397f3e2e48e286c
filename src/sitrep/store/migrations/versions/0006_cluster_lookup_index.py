"""An index for the cross-page cluster lookup: when a page is stored, each of its events
looks for stored events of the same type within a few days (``store.clusters``). With
the date index alone that reads every event of those days, whatever its type; reading
(type, date) keeps the lookup's cost flat as an archive grows.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-30
"""

from __future__ import annotations

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_events_type_date", "events", ["type", "date"])


def downgrade() -> None:
    op.drop_index("ix_events_type_date", "events")
