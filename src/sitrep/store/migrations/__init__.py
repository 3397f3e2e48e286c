"""Alembic migrations for sitrep's store, run programmatically by ``Store.open``."""
