"""Merged events, stated relations and claims.

Events gain ``date_text``, ``context``, ``mentions`` (every telling of a merged event) and
``cluster_id`` (the same event told by several pages); documents gain
``date_confidence``; places gain ``kind`` (toponym or demonym); new tables ``relations``
and ``claims``.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("documents", sa.Column("date_confidence", sa.Float))
    op.add_column("places", sa.Column("kind", sa.Text, nullable=False, server_default="toponym"))
    op.add_column("events", sa.Column("date_text", sa.Text))
    op.add_column("events", sa.Column("context", sa.Text))
    op.add_column("events", sa.Column("mentions", sa.JSON))
    op.add_column("events", sa.Column("cluster_id", sa.Text))
    op.create_index("ix_events_cluster_id", "events", ["cluster_id"])

    op.create_table(
        "relations",
        sa.Column("id", sa.Integer, nullable=False, autoincrement=True),
        sa.Column("doc", sa.Text, nullable=False),
        sa.Column("subject_id", sa.Text, nullable=False),
        sa.Column("subject_name", sa.Text, nullable=False),
        sa.Column("subject_code", sa.Text, nullable=False),
        sa.Column("subject_text", sa.Text, nullable=False),
        sa.Column("predicate", sa.Text, nullable=False),
        sa.Column("object_id", sa.Text, nullable=False),
        sa.Column("object_name", sa.Text, nullable=False),
        sa.Column("object_code", sa.Text, nullable=False),
        sa.Column("object_text", sa.Text, nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("sentence", sa.Text, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("segment", sa.Text, nullable=False),
        sa.Column("date", sa.Text),
        sa.PrimaryKeyConstraint("id", name="pk_relations"),
        sa.ForeignKeyConstraint(
            ["doc"], ["documents.doc"], name="fk_relations_doc_documents", ondelete="CASCADE"
        ),
    )
    op.create_index("ix_relations_doc", "relations", ["doc"])
    op.create_index("ix_relations_subject_id", "relations", ["subject_id"])
    op.create_index("ix_relations_object_id", "relations", ["object_id"])

    op.create_table(
        "claims",
        sa.Column("claim_id", sa.Text, nullable=False),
        sa.Column("doc", sa.Text, nullable=False),
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("segment", sa.Text, nullable=False),
        sa.Column("holder", sa.JSON),
        sa.Column("made_on", sa.Text),
        sa.Column("about", sa.Text),
        sa.Column("event_ids", sa.JSON, nullable=False),
        sa.PrimaryKeyConstraint("claim_id", name="pk_claims"),
        sa.ForeignKeyConstraint(
            ["doc"], ["documents.doc"], name="fk_claims_doc_documents", ondelete="CASCADE"
        ),
    )
    op.create_index("ix_claims_doc", "claims", ["doc"])
    op.create_index("ix_claims_made_on", "claims", ["made_on"])


def downgrade() -> None:
    op.drop_table("claims")
    op.drop_table("relations")
    op.drop_index("ix_events_cluster_id", "events")
    for column in ("cluster_id", "mentions", "context", "date_text"):
        op.drop_column("events", column)
    op.drop_column("places", "kind")
    op.drop_column("documents", "date_confidence")
