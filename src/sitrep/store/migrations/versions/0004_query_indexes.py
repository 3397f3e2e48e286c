"""Indexes for the API's reads: keyset pages by date, score and confidence, the timeline,
the actor network and actor filters, each answerable from an index alone where it can.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28
"""

from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

INDEXES = (
    ("ix_events_date_event_id", "events", ["date", "event_id"]),
    ("ix_events_score_event_id", "events", ["score", "event_id"]),
    ("ix_events_confidence_event_id", "events", ["confidence", "event_id"]),
    ("ix_events_date_quad_segment", "events", ["date", "quad", "segment"]),
    ("ix_events_event_id_segment_score", "events", ["event_id", "segment", "score"]),
    ("ix_event_actors_role_event_id_actor_id", "event_actors", ["role", "event_id", "actor_id"]),
    ("ix_event_actors_code_event_id", "event_actors", ["code", "event_id"]),
    ("ix_event_actors_actor_id_event_id", "event_actors", ["actor_id", "event_id"]),
)


def upgrade() -> None:
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns)


def downgrade() -> None:
    for name, table, _columns in reversed(INDEXES):
        op.drop_index(name, table)
