"""Ingest state: each page version an ingest run has seen, pending, done or failed.

``ingest_state`` is keyed by document id and content hash, so a re-run skips pages that
are done and a run killed mid-batch leaves its unsaved pages pending, to be taken again.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "ingest_state",
        sa.Column("doc", sa.Text, nullable=False),
        sa.Column("content_hash", sa.Text, nullable=False),
        sa.Column("path", sa.Text, nullable=False),
        sa.Column("state", sa.Text, nullable=False),
        sa.Column("error", sa.Text),
        sa.Column("attempts", sa.Integer, nullable=False, server_default="0"),
        sa.Column("updated_at", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("doc", "content_hash", name="pk_ingest_state"),
        sa.CheckConstraint("state IN ('pending', 'done', 'failed')", name="ck_ingest_state_state"),
    )
    op.create_index("ix_ingest_state_state", "ingest_state", ["state"])


def downgrade() -> None:
    op.drop_index("ix_ingest_state_state", "ingest_state")
    op.drop_table("ingest_state")
