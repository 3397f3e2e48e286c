"""Idempotent writes that behave the same on SQLite and PostgreSQL.

Both dialects support ``INSERT ... ON CONFLICT``; SQLAlchemy spells it with each
dialect's own ``insert``. Transactions that lose a race (a PostgreSQL deadlock or
serialization failure, a SQLite "database is locked") are run again by ``retrying``:
every write the store makes is idempotent, so running one twice changes nothing.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable
from typing import TypeVar

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

logger = logging.getLogger(__name__)

T = TypeVar("T")

RETRIES = 8
_RETRY_SQLSTATES = frozenset({"40P01", "40001"})  # deadlock detected, serialization failure


def dialect_insert(conn: sa.Connection, table: sa.Table):  # noqa: ANN201 - dialect Insert
    """An ``INSERT`` for ``conn``'s dialect that has ``on_conflict_do_*``."""
    name = conn.dialect.name
    if name == "postgresql":
        return postgresql.insert(table)
    if name == "sqlite":
        return sqlite.insert(table)
    raise NotImplementedError(f"sitrep's store supports SQLite and PostgreSQL, not {name}")


def is_transient(exc: sa.exc.DBAPIError) -> bool:
    """True for errors that mean "another writer got there first; try again"."""
    state = getattr(exc.orig, "sqlstate", None) or getattr(exc.orig, "pgcode", None)
    if state in _RETRY_SQLSTATES:
        return True
    return "database is locked" in str(exc.orig)


def retrying(engine: sa.Engine, work: Callable[[sa.Connection], T]) -> T:
    """Run ``work`` in one transaction, again (with backoff) when it loses a race."""
    for attempt in range(RETRIES):
        try:
            with engine.begin() as conn:
                return work(conn)
        except sa.exc.DBAPIError as exc:
            if not is_transient(exc) or attempt == RETRIES - 1:
                raise
            delay = min(2.0, 0.05 * 2**attempt) * (0.5 + random.random())
            logger.info("transaction lost a race (%s); retrying in %.2fs", exc.orig, delay)
            time.sleep(delay)
    raise AssertionError("unreachable")  # pragma: no cover
