"""Ingest state: which page versions an ingest run has taken, saved or given up on.

A page version is keyed by document id and content hash (``PageKey``). A run marks the
pages of a batch ``pending`` before analysing them, and the transaction that stores a
page also marks it ``done`` (or ``failed``, with the error). A run killed at any point
therefore leaves every page it had not committed ``pending``, and the next run takes
exactly those again. A page counts as done whenever ``documents`` holds its id with the
same hash, so databases written before this table existed are read correctly too.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import sqlalchemy as sa

from sitrep.store import schema
from sitrep.store.upsert import dialect_insert

PENDING = "pending"
DONE = "done"
FAILED = "failed"


@dataclass(frozen=True)
class PageKey:
    """One version of a page: its document id, content hash, and where it was read."""

    doc_id: str
    content_hash: str
    path: str


@dataclass(frozen=True)
class PageFailure:
    """A page that could not be analysed or stored, and why."""

    key: PageKey
    error: str


@dataclass(frozen=True)
class FailedPage:
    """A failed page as ``Store.ingest_status`` lists it."""

    doc: str
    content_hash: str
    path: str
    error: str
    attempts: int
    updated_at: str


@dataclass(frozen=True)
class IngestStatus:
    """What the ingest runs on a database have done: page counts and failures.

    ``done`` counts stored documents; ``failed`` and ``pending`` count page versions not
    stored. ``unreadable`` lists files or lines that never became a page (path, error).
    """

    done: int
    failed: int
    pending: int
    failures: tuple[FailedPage, ...]
    unreadable: tuple[tuple[str, str], ...]


def states(conn: sa.Connection, keys: Sequence[PageKey]) -> dict[PageKey, str]:
    """The state of each key: done (stored with that hash), failed, pending, or absent."""
    if not keys:
        return {}
    docs, st = schema.documents, schema.ingest_state
    ids = sorted({k.doc_id for k in keys})
    stored: dict[str, str] = {}
    recorded: dict[tuple[str, str], str] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        rows = conn.execute(sa.select(docs.c.doc, docs.c.content_hash).where(docs.c.doc.in_(chunk)))
        stored.update({row.doc: row.content_hash for row in rows})
        rows = conn.execute(
            sa.select(st.c.doc, st.c.content_hash, st.c.state).where(st.c.doc.in_(chunk))
        )
        recorded.update({(row.doc, row.content_hash): row.state for row in rows})
    found: dict[PageKey, str] = {}
    for key in keys:
        if stored.get(key.doc_id) == key.content_hash:
            found[key] = DONE
        elif (key.doc_id, key.content_hash) in recorded:
            state = recorded[(key.doc_id, key.content_hash)]
            found[key] = PENDING if state == DONE else state  # done but since replaced
    return found


def mark(
    conn: sa.Connection, keys: Iterable[PageKey], state: str, now: str, errors: Sequence[str] = ()
) -> None:
    """Upsert ``state`` for each key (with its error, for failed pages); pending counts an
    attempt. Keys are written in sorted order so concurrent writers lock rows alike."""
    st = schema.ingest_state
    by_key: dict[tuple[str, str], dict[str, object]] = {}
    messages = list(errors)
    for n, key in enumerate(keys):
        by_key[(key.doc_id, key.content_hash)] = {
            "doc": key.doc_id,
            "content_hash": key.content_hash,
            "path": key.path,
            "state": state,
            "error": messages[n] if n < len(messages) else None,
            "attempts": 1 if state == PENDING else 0,
            "updated_at": now,
        }
    if not by_key:
        return
    rows = [by_key[k] for k in sorted(by_key)]  # one row per key: the last one given
    insert = dialect_insert(conn, st)
    excluded = insert.excluded
    attempts = st.c.attempts + 1 if state == PENDING else st.c.attempts
    stmt = insert.on_conflict_do_update(
        index_elements=[st.c.doc, st.c.content_hash],
        set_={
            "path": excluded.path,
            "state": excluded.state,
            "error": excluded.error,
            "attempts": attempts,
            "updated_at": excluded.updated_at,
        },
    )
    conn.execute(stmt, rows)


def forget_other_versions(conn: sa.Connection, doc_ids: Iterable[str]) -> None:
    """Drop the state rows of older versions of pages just stored (their hash changed)."""
    st, docs = schema.ingest_state, schema.documents
    ids = sorted(set(doc_ids))
    if not ids:
        return
    current = sa.select(docs.c.content_hash).where(docs.c.doc == st.c.doc).scalar_subquery()
    conn.execute(sa.delete(st).where(st.c.doc.in_(ids), st.c.content_hash != current))


def status(conn: sa.Connection, failure_limit: int | None = None) -> IngestStatus:
    """Counts of done, failed and pending pages, the failed pages and unreadable inputs."""
    st, docs, fl = schema.ingest_state, schema.documents, schema.failures
    stored = sa.exists().where(docs.c.doc == st.c.doc, docs.c.content_hash == st.c.content_hash)
    done = int(conn.execute(sa.select(sa.func.count()).select_from(docs)).scalar_one())
    counts = {
        row.state: int(row.n)
        for row in conn.execute(
            sa.select(st.c.state, sa.func.count().label("n"))
            .where(st.c.state != DONE, ~stored)
            .group_by(st.c.state)
        )
    }
    failed_stmt = (
        sa.select(st)
        .where(st.c.state == FAILED, ~stored)
        .order_by(st.c.updated_at.desc(), st.c.doc)
    )
    if failure_limit is not None:
        failed_stmt = failed_stmt.limit(failure_limit)
    failures = tuple(
        FailedPage(
            doc=row.doc,
            content_hash=row.content_hash,
            path=row.path,
            error=row.error or "",
            attempts=int(row.attempts),
            updated_at=row.updated_at,
        )
        for row in conn.execute(failed_stmt)
    )
    latest = sa.select(sa.func.max(fl.c.id)).where(fl.c.doc.is_(None)).group_by(fl.c.path)
    unreadable = tuple(
        (row.path, row.error)
        for row in conn.execute(
            sa.select(fl.c.path, fl.c.error).where(fl.c.id.in_(latest)).order_by(fl.c.path)
        )
    )
    return IngestStatus(
        done=done,
        failed=counts.get(FAILED, 0),
        pending=counts.get(PENDING, 0),
        failures=failures,
        unreadable=unreadable,
    )
