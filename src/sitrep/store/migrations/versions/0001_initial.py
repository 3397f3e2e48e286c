"""Initial schema: documents, actors, mentions, places, events, event_actors, failures.

Revision ID: 0001
Revises:
Create Date: 2025-01-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("doc", sa.Text, nullable=False),
        sa.Column("path", sa.Text, nullable=False),
        sa.Column("title", sa.Text),
        sa.Column("url", sa.Text),
        sa.Column("date", sa.Text),
        sa.Column("date_source", sa.Text),
        sa.Column("source", sa.Text),
        sa.Column("content_hash", sa.Text, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("segments", sa.JSON, nullable=False),
        sa.Column("ingested_at", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("doc", name="pk_documents"),
    )
    op.create_index("ix_documents_date", "documents", ["date"])

    op.create_table(
        "actors",
        sa.Column("id", sa.Text, nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("code", sa.Text, nullable=False),
        sa.Column("type", sa.Text, nullable=False),
        sa.Column("country", sa.Text),
        sa.Column("aliases", sa.JSON, nullable=False),
        sa.Column("roles", sa.JSON, nullable=False),
        sa.Column("known", sa.Boolean, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_actors"),
    )
    op.create_index("ix_actors_code", "actors", ["code"])

    op.create_table(
        "mentions",
        sa.Column("id", sa.Integer, nullable=False, autoincrement=True),
        sa.Column("doc", sa.Text, nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("segment", sa.Text, nullable=False),
        sa.Column("label", sa.Text, nullable=False),
        sa.Column("actor_id", sa.Text),
        sa.Column("actor_name", sa.Text),
        sa.Column("actor_code", sa.Text),
        sa.PrimaryKeyConstraint("id", name="pk_mentions"),
        sa.ForeignKeyConstraint(
            ["doc"], ["documents.doc"], name="fk_mentions_doc_documents", ondelete="CASCADE"
        ),
    )
    op.create_index("ix_mentions_doc", "mentions", ["doc"])
    op.create_index("ix_mentions_actor_id", "mentions", ["actor_id"])

    op.create_table(
        "places",
        sa.Column("id", sa.Integer, nullable=False, autoincrement=True),
        sa.Column("doc", sa.Text, nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("lat", sa.Float, nullable=False),
        sa.Column("lon", sa.Float, nullable=False),
        sa.Column("country", sa.Text),
        sa.Column("geonames_id", sa.Integer),
        sa.Column("precision", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_places"),
        sa.ForeignKeyConstraint(
            ["doc"], ["documents.doc"], name="fk_places_doc_documents", ondelete="CASCADE"
        ),
    )
    op.create_index("ix_places_doc", "places", ["doc"])

    op.create_table(
        "events",
        sa.Column("event_id", sa.Text, nullable=False),
        sa.Column("doc", sa.Text, nullable=False),
        sa.Column("type", sa.Text, nullable=False),
        sa.Column("mode", sa.Text),
        sa.Column("source", sa.JSON, nullable=False),
        sa.Column("target", sa.JSON, nullable=False),
        sa.Column("date", sa.Text),
        sa.Column("date_precision", sa.Text),
        sa.Column("location", sa.JSON(none_as_null=True)),
        sa.Column("modality", sa.Text, nullable=False),
        sa.Column("segment", sa.Text, nullable=False),
        sa.Column("sentence", sa.Text, nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("trigger", sa.Text, nullable=False),
        sa.Column("trigger_start", sa.Integer, nullable=False),
        sa.Column("trigger_end", sa.Integer, nullable=False),
        sa.Column("confidence", sa.Float, nullable=False),
        sa.Column("quad", sa.Text, nullable=False),
        sa.Column("score", sa.Float, nullable=False),
        sa.Column("attributed_to", sa.JSON(none_as_null=True)),
        sa.PrimaryKeyConstraint("event_id", name="pk_events"),
        sa.ForeignKeyConstraint(
            ["doc"], ["documents.doc"], name="fk_events_doc_documents", ondelete="CASCADE"
        ),
    )
    op.create_index("ix_events_doc", "events", ["doc"])
    op.create_index("ix_events_date", "events", ["date"])
    op.create_index("ix_events_type", "events", ["type"])

    op.create_table(
        "event_actors",
        sa.Column("event_id", sa.Text, nullable=False),
        sa.Column("role", sa.Text, nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("actor_id", sa.Text, nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("code", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("event_id", "role", "position", name="pk_event_actors"),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["events.event_id"],
            name="fk_event_actors_event_id_events",
            ondelete="CASCADE",
        ),
        sa.CheckConstraint("role IN ('source', 'target')", name="ck_event_actors_role"),
    )
    op.create_index("ix_event_actors_actor_id", "event_actors", ["actor_id"])
    op.create_index("ix_event_actors_code", "event_actors", ["code"])

    op.create_table(
        "failures",
        sa.Column("id", sa.Integer, nullable=False, autoincrement=True),
        sa.Column("path", sa.Text, nullable=False),
        sa.Column("doc", sa.Text),
        sa.Column("error", sa.Text, nullable=False),
        sa.Column("recorded_at", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_failures"),
    )
    op.create_index("ix_failures_path", "failures", ["path"])


def downgrade() -> None:
    for table in ("failures", "event_actors", "events", "places", "mentions", "actors"):
        op.drop_table(table)
    op.drop_table("documents")
