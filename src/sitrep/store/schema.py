"""The database schema as SQLAlchemy Core tables.

The same tables work on SQLite (the default) and PostgreSQL: only portable column types
(Text, Integer, Float, Boolean, JSON) are used, and nested values are JSON columns.
Migrations under ``store/migrations/versions/`` create these tables; a test checks that
the migrated database and this module agree, so change both together (add a new
revision, never edit an applied one).
"""

from __future__ import annotations

import sqlalchemy as sa

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = sa.MetaData(naming_convention=NAMING_CONVENTION)

documents = sa.Table(
    "documents",
    metadata,
    sa.Column("doc", sa.Text, primary_key=True),
    sa.Column("path", sa.Text, nullable=False),
    sa.Column("title", sa.Text),
    sa.Column("url", sa.Text),
    sa.Column("date", sa.Text),
    sa.Column("date_source", sa.Text),
    sa.Column("source", sa.Text),
    sa.Column("date_confidence", sa.Float),
    sa.Column("content_hash", sa.Text, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("segments", sa.JSON, nullable=False),
    sa.Column("ingested_at", sa.Text, nullable=False),
    sa.Index("ix_documents_date", "date"),
)

actors = sa.Table(
    "actors",
    metadata,
    sa.Column("id", sa.Text, primary_key=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("code", sa.Text, nullable=False),
    sa.Column("type", sa.Text, nullable=False),
    sa.Column("country", sa.Text),
    sa.Column("aliases", sa.JSON, nullable=False),
    sa.Column("roles", sa.JSON, nullable=False),
    sa.Column("known", sa.Boolean, nullable=False),
    sa.Index("ix_actors_code", "code"),
)

mentions = sa.Table(
    "mentions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("doc", sa.Text, sa.ForeignKey("documents.doc", ondelete="CASCADE"), nullable=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("segment", sa.Text, nullable=False),
    sa.Column("label", sa.Text, nullable=False),
    sa.Column("actor_id", sa.Text),
    sa.Column("actor_name", sa.Text),
    sa.Column("actor_code", sa.Text),
    sa.Index("ix_mentions_doc", "doc"),
    sa.Index("ix_mentions_actor_id", "actor_id"),
)

places = sa.Table(
    "places",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("doc", sa.Text, sa.ForeignKey("documents.doc", ondelete="CASCADE"), nullable=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("lat", sa.Float, nullable=False),
    sa.Column("lon", sa.Float, nullable=False),
    sa.Column("country", sa.Text),
    sa.Column("geonames_id", sa.Integer),
    sa.Column("precision", sa.Text, nullable=False),
    sa.Column("kind", sa.Text, nullable=False, server_default="toponym"),
    sa.Index("ix_places_doc", "doc"),
)

events = sa.Table(
    "events",
    metadata,
    sa.Column("event_id", sa.Text, primary_key=True),
    sa.Column("doc", sa.Text, sa.ForeignKey("documents.doc", ondelete="CASCADE"), nullable=False),
    sa.Column("type", sa.Text, nullable=False),
    sa.Column("mode", sa.Text),
    sa.Column("source", sa.JSON, nullable=False),  # list of actor refs
    sa.Column("target", sa.JSON, nullable=False),  # list of actor refs
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
    sa.Column("date_text", sa.Text),
    sa.Column("context", sa.Text),
    sa.Column("mentions", sa.JSON),  # list of {start, end, sentence, trigger, ...}
    sa.Column("cluster_id", sa.Text),  # the same event told by several pages
    # copies of what the API groups and filters by, filled from the event (migration 0005)
    sa.Column("lat", sa.Float),  # location.lat
    sa.Column("lon", sa.Float),  # location.lon
    sa.Column("place_name", sa.Text),  # location.name
    sa.Column("place_country", sa.Text),  # location.country
    sa.Column("pair_source", sa.Text),  # the source id when the event links one pair only
    sa.Column("pair_target", sa.Text),  # the target id when the event links one pair only
    sa.Column("pair_rows", sa.Integer),  # source x target pairs with different ids
    sa.Index("ix_events_doc", "doc"),
    sa.Index("ix_events_date", "date"),
    sa.Index("ix_events_type", "type"),
    sa.Index("ix_events_type_date", "type", "date"),  # the cluster lookup (migration 0006)
    sa.Index("ix_events_cluster_id", "cluster_id"),
    sa.Index("ix_events_date_event_id", "date", "event_id"),
    sa.Index("ix_events_score_event_id", "score", "event_id"),
    sa.Index("ix_events_confidence_event_id", "confidence", "event_id"),
    sa.Index("ix_events_date_quad_segment", "date", "quad", "segment"),
    sa.Index("ix_events_event_id_segment_score", "event_id", "segment", "score"),
    sa.Index(
        "ix_events_place_name_lat_lon_place_country_segment_score",
        "place_name",
        "lat",
        "lon",
        "place_country",
        "segment",
        "score",
    ),
    sa.Index("ix_events_lat_lon_segment", "lat", "lon", "segment"),
    sa.Index(
        "ix_events_pair_source_pair_target_segment_score",
        "pair_source",
        "pair_target",
        "segment",
        "score",
    ),
    sa.Index("ix_events_pair_rows_event_id", "pair_rows", "event_id"),
)

event_actors = sa.Table(
    "event_actors",
    metadata,
    sa.Column(
        "event_id",
        sa.Text,
        sa.ForeignKey("events.event_id", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column("role", sa.Text, primary_key=True),  # "source" or "target"
    sa.Column("position", sa.Integer, primary_key=True),  # order within the role
    sa.Column("actor_id", sa.Text, nullable=False),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("code", sa.Text, nullable=False),
    # true when the same actor is named earlier in this event (migration 0005)
    sa.Column("repeats_actor", sa.Boolean),
    # the event's type and date, for the cluster lookup by actor (migration 0008)
    sa.Column("type", sa.Text),
    sa.Column("date", sa.Text),
    sa.CheckConstraint("role IN ('source', 'target')", name="ck_event_actors_role"),
    sa.Index("ix_event_actors_actor_id", "actor_id"),
    sa.Index("ix_event_actors_code", "code"),
    sa.Index("ix_event_actors_role_event_id_actor_id", "role", "event_id", "actor_id"),
    sa.Index("ix_event_actors_code_event_id", "code", "event_id"),
    sa.Index("ix_event_actors_actor_id_event_id", "actor_id", "event_id"),
    sa.Index(
        "ix_event_actors_actor_id_repeats_actor_event_id", "actor_id", "repeats_actor", "event_id"
    ),
    sa.Index("ix_event_actors_actor_id_role_type_date", "actor_id", "role", "type", "date"),
)


def _actor_columns(role: str) -> list[sa.Column]:
    return [sa.Column(f"{role}_{part}", sa.Text, nullable=False) for part in ACTOR_PARTS]


ACTOR_PARTS = ("id", "name", "code", "text")

relations = sa.Table(
    "relations",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("doc", sa.Text, sa.ForeignKey("documents.doc", ondelete="CASCADE"), nullable=False),
    *_actor_columns("subject"),
    sa.Column("predicate", sa.Text, nullable=False),
    *_actor_columns("object"),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("sentence", sa.Text, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("segment", sa.Text, nullable=False),
    sa.Column("date", sa.Text),
    sa.Index("ix_relations_doc", "doc"),
    sa.Index("ix_relations_subject_id", "subject_id"),
    sa.Index("ix_relations_object_id", "object_id"),
)

claims = sa.Table(
    "claims",
    metadata,
    sa.Column("claim_id", sa.Text, primary_key=True),
    sa.Column("doc", sa.Text, sa.ForeignKey("documents.doc", ondelete="CASCADE"), nullable=False),
    sa.Column("kind", sa.Text, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("segment", sa.Text, nullable=False),
    sa.Column("holder", sa.JSON(none_as_null=True)),
    sa.Column("made_on", sa.Text),
    sa.Column("about", sa.Text),
    sa.Column("event_ids", sa.JSON, nullable=False),
    sa.Index("ix_claims_doc", "doc"),
    sa.Index("ix_claims_made_on", "made_on"),
)

failures = sa.Table(
    "failures",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("path", sa.Text, nullable=False),
    sa.Column("doc", sa.Text),
    sa.Column("error", sa.Text, nullable=False),
    sa.Column("recorded_at", sa.Text, nullable=False),
    sa.Index("ix_failures_path", "path"),
)

ingest_state = sa.Table(
    "ingest_state",
    metadata,
    # one row per page version seen by an ingest run: pending, done or failed (with why)
    sa.Column("doc", sa.Text, primary_key=True),
    sa.Column("content_hash", sa.Text, primary_key=True),
    sa.Column("path", sa.Text, nullable=False),
    sa.Column("state", sa.Text, nullable=False),
    sa.Column("error", sa.Text),
    sa.Column("attempts", sa.Integer, nullable=False, server_default="0"),
    sa.Column("updated_at", sa.Text, nullable=False),
    sa.CheckConstraint("state IN ('pending', 'done', 'failed')", name="ck_ingest_state_state"),
    sa.Index("ix_ingest_state_state", "state"),
)

POSTGRES_ONLY_INDEXES = frozenset(
    {
        "ix_events_read_date_quad",  # (date, quad) outside reader comments
        "ix_events_read_place",  # place columns and score, outside comments, located
        "ix_events_read_pair",  # pair columns and score, outside comments, one pair
        "ix_events_sentence_trgm",  # GIN trigram index for text search (needs pg_trgm)
    }
)
"""Indexes migration 0007 creates on PostgreSQL only: partial and trigram indexes that
SQLite lacks or does not need. They are not declared on the tables above (SQLAlchemy
would create them on SQLite too, and Alembic's schema comparison ignores ``ddl_if``), so
the schema checks leave exactly these names out."""

TABLES = ("documents", "events", "mentions", "places", "actors", "relations", "claims")
"""The tables a user can read through ``Store.iter_rows`` and ``sitrep export``."""
