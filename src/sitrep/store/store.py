"""The store: analysed pages in a SQL database (SQLite by default, or PostgreSQL).

``Store.open`` migrates the database to the newest schema; ``save`` writes one analysed
page in one transaction and ``save_batch`` many, replacing whatever an older version of a
page left, so a batch that was interrupted can simply be run again. Writes are idempotent
upserts keyed by document id and content hash (``INSERT ... ON CONFLICT`` on both
dialects), so several processes or machines may save the same page at once. The same
transaction marks each page done in the ingest state (``sitrep.store.progress``). Reads
return export dicts (``sitrep.export``), the documented output format.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

import sqlalchemy as sa

from sitrep import export
from sitrep.errors import QueryError, StoreError
from sitrep.models import GENERIC_ACTOR_PREFIX, Actor, AnalysedDocument
from sitrep.store import migrate, progress, records, schema
from sitrep.store.clusters import clustered
from sitrep.store.progress import IngestStatus, PageFailure, PageKey
from sitrep.store.query import Filters, conditions
from sitrep.store.upsert import dialect_insert, retrying

logger = logging.getLogger(__name__)

INSERTED = "inserted"
REPLACED = "replaced"
UNCHANGED = "unchanged"
FAILED_TO_STORE = "failed"  # save_batch: the page was recorded as a failure instead


@dataclass(frozen=True)
class ActorSummary:
    """An actor with how often the stored pages mention it and name it in events."""

    id: str
    name: str
    code: str
    type: str
    country: str | None
    known: bool
    mentions: int
    events: int


@dataclass(frozen=True)
class DocumentSummary:
    """A stored page with how many records were taken from it."""

    doc: str
    date: str | None
    title: str | None
    path: str
    source: str | None
    mentions: int
    places: int
    events: int


@dataclass(frozen=True)
class Failure:
    """A file or page that could not be ingested."""

    path: str
    doc: str | None
    error: str
    recorded_at: str


_POSTGRES_NAMES = ("postgresql", "postgres")
_MIGRATION_LOCK = 7_405_732_104  # PostgreSQL advisory lock id held while migrating


def database_url(url_or_path: str | Path) -> sa.URL:
    """A path becomes a SQLite URL; anything with ``://`` is taken as a URL as it is,
    except that ``postgresql://`` and ``postgres://`` use psycopg 3 (``+psycopg``)."""
    text = str(url_or_path)
    if "://" in text:
        try:
            url = sa.make_url(text)
        except sa.exc.ArgumentError as exc:
            raise StoreError(f"cannot read database URL {text!r}: {exc}") from exc
        if url.drivername in _POSTGRES_NAMES:
            url = url.set(drivername="postgresql+psycopg")
        return url
    path = Path(text).expanduser()
    if path.is_dir():
        raise StoreError(f"{path} is a folder; give a database file such as {path / 'sitrep.db'}")
    if not path.parent.exists():
        raise StoreError(f"folder {path.parent} does not exist; create it or choose another --db")
    return sa.URL.create("sqlite", database=str(path))


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA busy_timeout=10000")
    finally:
        cursor.close()


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


_ORDER = {
    "documents": lambda t: (t.c.date.is_(None), t.c.date, t.c.doc),
    "events": lambda t: (t.c.date.is_(None), t.c.date, t.c.doc, t.c.start, t.c.event_id),
    "mentions": lambda t: (t.c.doc, t.c.start, t.c.id),
    "places": lambda t: (t.c.doc, t.c.start, t.c.id),
    "actors": lambda t: (t.c.id,),
    "relations": lambda t: (t.c.doc, t.c.start, t.c.id),
    "claims": lambda t: (t.c.made_on.is_(None), t.c.made_on, t.c.doc, t.c.start),
}

_TO_DICT = {
    "documents": lambda row: export.document_to_dict(records.document_from_row(row)),
    "events": lambda row: export.event_to_dict(records.event_from_row(row)),
    "mentions": lambda row: export.mention_to_dict(records.mention_from_row(row)),
    "places": lambda row: export.place_to_dict(records.place_from_row(row)),
    "actors": lambda row: export.actor_to_dict(records.actor_from_row(row)),
    "relations": lambda row: export.relation_to_dict(records.relation_from_row(row)),
    "claims": lambda row: export.claim_to_dict(records.claim_from_row(row)),
}


def _table(name: str) -> sa.Table:
    if name not in schema.TABLES:
        raise QueryError(export.unknown_table_message(name))
    return schema.metadata.tables[name]


class Store:
    """A sitrep database. Open with ``Store.open(path_or_url)``; use as a context manager."""

    def __init__(self, engine: sa.Engine) -> None:
        self._engine = engine

    @classmethod
    def open(cls, url_or_path: str | Path) -> Store:
        """Open (creating if needed) and migrate the database at a path or SQLAlchemy URL."""
        url = database_url(url_or_path)
        shown = url.render_as_string(hide_password=True)
        try:
            engine = sa.create_engine(url)
        except (sa.exc.ArgumentError, ImportError) as exc:
            raise StoreError(f"cannot open database {shown}: {exc}") from exc
        if engine.dialect.name == "sqlite":
            sa.event.listen(engine, "connect", _sqlite_pragmas)
        try:
            with engine.begin() as conn:
                if engine.dialect.name == "postgresql":
                    # several workers may open a fresh database at once: migrate one at a time
                    conn.execute(sa.select(sa.func.pg_advisory_xact_lock(_MIGRATION_LOCK)))
                revision = migrate.current_revision(conn)
                if revision is not None and revision not in migrate.known_revisions():
                    raise StoreError(
                        f"database {shown} has schema revision {revision}, which this "
                        "sitrep does not know; upgrade sitrep or use another --db"
                    )
                migrate.upgrade(conn)
        except sa.exc.DBAPIError as exc:
            engine.dispose()
            raise StoreError(
                f"cannot use {shown} as a sitrep database ({exc.orig}); "
                "check the path, or choose another --db"
            ) from exc
        except StoreError:
            engine.dispose()
            raise
        logger.debug("opened store %s", shown)
        return cls(engine)

    @property
    def url(self) -> str:
        return self._engine.url.render_as_string(hide_password=True)

    @property
    def dialect(self) -> str:
        """``sqlite`` or ``postgresql``."""
        return self._engine.dialect.name

    def size_bytes(self) -> int:
        """How much disk the database takes: the SQLite file and its WAL, or the
        PostgreSQL database."""
        if self.dialect == "postgresql":
            with self._engine.connect() as conn:
                size = sa.func.pg_database_size(sa.func.current_database())
                return int(conn.execute(sa.select(size)).scalar_one())
        database = self._engine.url.database
        if not database or database == ":memory:":
            return 0
        files = [Path(database), Path(database + "-wal")]
        return sum(f.stat().st_size for f in files if f.exists())

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- writing -------------------------------------------------------------------------

    def document_hash(self, doc_id: str) -> str | None:
        """The content hash stored for a document, or None if it is not stored."""
        docs = schema.documents
        with self._engine.connect() as conn:
            return conn.execute(
                sa.select(docs.c.content_hash).where(docs.c.doc == doc_id)
            ).scalar_one_or_none()

    def save(self, analysed: AnalysedDocument) -> str:
        """Store one analysed page: "inserted", "replaced" or "unchanged" (nothing written).

        A page whose content hash is already stored under its id is left alone. A page with
        a new hash replaces the old one's mentions, places and events. All in one
        transaction, so re-running an interrupted batch never duplicates anything.
        """
        return self.save_batch([analysed])[0]

    def save_batch(
        self, batch: Sequence[AnalysedDocument], failures: Sequence[PageFailure] = ()
    ) -> list[str]:
        """Store many analysed pages and record failed ones in one transaction; returns
        each page's status ("inserted", "replaced", "unchanged") in the order given.

        Pages already stored with the same hash write nothing. The stored pages are
        marked done and the failures failed (with their errors) in the same
        transaction. When one page cannot be stored (say, an event id clash), the others
        are saved one by one and that page is recorded as failed: ``StoreError`` is raised
        only for a batch of one page.
        """
        try:
            return retrying(self._engine, lambda conn: self._save_all(conn, batch, failures))
        except sa.exc.IntegrityError as exc:
            if len(batch) + len(failures) == 1 and batch:
                document = batch[0].document
                raise StoreError(
                    f"cannot store document {document.doc_id} ({document.path}): "
                    f"{exc.orig}; event ids must be unique across all documents"
                ) from exc
            logger.warning("a batch of %d pages failed (%s); saving one by one", len(batch), exc)
            return self._save_one_by_one(batch, failures)
        except sa.exc.DBAPIError as exc:
            docs = ", ".join(a.document.doc_id for a in batch[:3])
            more = f" and {len(batch) - 3} more" if len(batch) > 3 else ""
            raise StoreError(
                f"cannot store document {docs}{more} in {self.url}: {exc.orig}"
            ) from exc

    def _save_one_by_one(
        self, batch: Sequence[AnalysedDocument], failures: Sequence[PageFailure]
    ) -> list[str]:
        statuses = []
        lost = list(failures)
        for analysed in batch:
            try:
                statuses.append(self.save_batch([analysed])[0])
            except StoreError as exc:
                document = analysed.document
                key = PageKey(document.doc_id, document.content_hash, document.path)
                lost.append(PageFailure(key, str(exc)))
                statuses.append(FAILED_TO_STORE)
        if lost:
            retrying(self._engine, lambda conn: self._save_all(conn, (), lost))
        return statuses

    def _save_all(
        self,
        conn: sa.Connection,
        batch: Sequence[AnalysedDocument],
        failures: Sequence[PageFailure],
    ) -> list[str]:
        docs = schema.documents
        ids = sorted({a.document.doc_id for a in batch})
        stored = (
            {
                row.doc: row.content_hash
                for row in conn.execute(
                    sa.select(docs.c.doc, docs.c.content_hash).where(docs.c.doc.in_(ids))
                )
            }
            if ids
            else {}
        )
        statuses: dict[int, str] = {}
        changed = []
        for n, analysed in enumerate(batch):
            if stored.get(analysed.document.doc_id) == analysed.document.content_hash:
                statuses[n] = UNCHANGED
            else:
                changed.append(n)
        now = _now()
        if changed:
            # lock order: actors (sorted), then documents (sorted): no deadlocks between writers
            self._upsert_actors(conn, tuple(a for n in changed for a in batch[n].actors))
            for n in sorted(changed, key=lambda i: batch[i].document.doc_id):
                statuses[n] = self._write_document(conn, batch[n], now)
            written = [batch[n].document for n in changed if statuses[n] != UNCHANGED]
            keys = [PageKey(d.doc_id, d.content_hash, d.path) for d in written]
            progress.mark(conn, keys, progress.DONE, now)
            progress.forget_other_versions(conn, (d.doc_id for d in written))
        if failures:
            conn.execute(
                sa.insert(schema.failures),
                [
                    {"path": f.key.path, "doc": f.key.doc_id, "error": f.error, "recorded_at": now}
                    for f in failures
                ],
            )
            progress.mark(
                conn, [f.key for f in failures], progress.FAILED, now, [f.error for f in failures]
            )
        for n, analysed in enumerate(batch):
            logger.debug(
                "%s %s: %d mentions, %d places, %d events",
                statuses[n],
                analysed.document.doc_id,
                len(analysed.mentions),
                len(analysed.places),
                len(analysed.events),
            )
        return [statuses[n] for n in range(len(batch))]

    def _write_document(self, conn: sa.Connection, analysed: AnalysedDocument, now: str) -> str:
        """Insert or replace one page; "unchanged" when a concurrent writer stored it first."""
        document = analysed.document
        docs = schema.documents
        values = records.document_values(document, now)
        inserted = conn.execute(
            dialect_insert(conn, docs)
            .values(values)
            .on_conflict_do_nothing(index_elements=["doc"])
            .returning(docs.c.doc)
        ).first()
        if inserted is not None:
            status = INSERTED
        else:
            current = conn.execute(
                sa.select(docs.c.content_hash)
                .where(docs.c.doc == document.doc_id)
                .with_for_update()
            ).scalar_one()
            if current == document.content_hash:
                return UNCHANGED
            self._delete_records(conn, document.doc_id)
            conn.execute(sa.update(docs).where(docs.c.doc == document.doc_id), values)
            status = REPLACED
        self._insert_records(conn, clustered(conn, analysed))
        return status

    @staticmethod
    def _delete_records(conn: sa.Connection, doc_id: str) -> None:
        ev = schema.events
        doc_events = sa.select(ev.c.event_id).where(ev.c.doc == doc_id)
        conn.execute(
            sa.delete(schema.event_actors).where(schema.event_actors.c.event_id.in_(doc_events))
        )
        for table in (
            schema.events,
            schema.mentions,
            schema.places,
            schema.relations,
            schema.claims,
        ):
            conn.execute(sa.delete(table).where(table.c.doc == doc_id))

    @staticmethod
    def _insert_records(conn: sa.Connection, analysed: AnalysedDocument) -> None:
        doc_id = analysed.document.doc_id
        if analysed.mentions:
            conn.execute(
                sa.insert(schema.mentions),
                [records.mention_values(m, doc_id) for m in analysed.mentions],
            )
        if analysed.places:
            conn.execute(
                sa.insert(schema.places),
                [records.place_values(p, doc_id) for p in analysed.places],
            )
        if analysed.events:
            conn.execute(
                sa.insert(schema.events),
                [records.event_values(e, doc_id) for e in analysed.events],
            )
            links = [row for e in analysed.events for row in records.event_actor_values(e)]
            if links:
                conn.execute(sa.insert(schema.event_actors), links)
        if analysed.relations:
            conn.execute(
                sa.insert(schema.relations),
                [records.relation_values(r, doc_id) for r in analysed.relations],
            )
        if analysed.claims:
            conn.execute(
                sa.insert(schema.claims),
                [records.claim_values(c, doc_id) for c in analysed.claims],
            )

    @staticmethod
    def _upsert_actors(conn: sa.Connection, actors: tuple[Actor, ...]) -> None:
        """Insert new actors, update known ones; an unknown stand-in never overwrites a known
        actor. One ``INSERT ... ON CONFLICT DO UPDATE ... WHERE``, in id order."""
        if not actors:
            return
        latest: dict[str, Actor] = {}
        for actor in actors:
            if actor.known or not latest.get(actor.id, actor).known:
                latest[actor.id] = actor
        at = schema.actors
        insert = dialect_insert(conn, at)
        stmt = insert.on_conflict_do_update(
            index_elements=[at.c.id],
            set_={c.name: insert.excluded[c.name] for c in at.c if c.name != "id"},
            where=sa.or_(insert.excluded.known, sa.not_(at.c.known)),
        )
        conn.execute(stmt, [records.actor_values(latest[i]) for i in sorted(latest)])

    def record_failure(
        self, path: str, doc_id: str | None, error: str, content_hash: str | None = None
    ) -> None:
        """Remember that a file or page could not be ingested, and why. With the page's
        ``content_hash`` the page version is also marked failed in the ingest state, so a
        re-run does not take it again (``sitrep ingest --retry-failed`` does)."""
        if doc_id is not None and content_hash is not None:
            self.save_batch((), [PageFailure(PageKey(doc_id, content_hash, path), error)])
            return
        with self._engine.begin() as conn:
            conn.execute(
                sa.insert(schema.failures),
                [{"path": path, "doc": doc_id, "error": error, "recorded_at": _now()}],
            )

    # -- ingest state --------------------------------------------------------------------

    def page_states(self, keys: Sequence[PageKey]) -> dict[PageKey, str]:
        """ "done", "failed" or "pending" for each page version an ingest has seen; keys
        never seen are left out."""
        with self._engine.connect() as conn:
            return progress.states(conn, keys)

    def mark_pending(self, keys: Sequence[PageKey]) -> None:
        """Record that a run is about to analyse these pages (one transaction)."""
        if keys:
            retrying(self._engine, lambda conn: progress.mark(conn, keys, progress.PENDING, _now()))

    def ingest_status(self, failure_limit: int | None = None) -> IngestStatus:
        """Done, failed and pending page counts, the failed pages (newest first, at most
        ``failure_limit``) and the inputs that could not be read at all."""
        with self._engine.connect() as conn:
            return progress.status(conn, failure_limit)

    # -- reading -------------------------------------------------------------------------

    def iter_rows(
        self, table: str, filters: Filters | None = None, limit: int | None = None
    ) -> Iterator[dict[str, Any]]:
        """Export dicts (see ``sitrep.export``) of ``table``, filtered and in a stable order.

        Bad table names and filters raise ``QueryError`` here, before any row is read.
        """
        tbl = _table(table)
        stmt = sa.select(tbl).where(*conditions(table, filters)).order_by(*_ORDER[table](tbl))
        if limit is not None:
            if limit < 0:
                raise QueryError(f"--limit {limit} is negative; give 0 or more")
            stmt = stmt.limit(limit)
        return self._stream(stmt, _TO_DICT[table])

    def _stream(
        self, stmt: sa.Select, to_dict: Callable[[Any], dict[str, Any]]
    ) -> Iterator[dict[str, Any]]:
        with self._engine.connect() as conn:
            for row in conn.execute(stmt):
                yield to_dict(row._mapping)

    def count(self, table: str, filters: Filters | None = None) -> int:
        """How many rows of ``table`` match ``filters``."""
        tbl = _table(table)
        stmt = sa.select(sa.func.count()).select_from(tbl).where(*conditions(table, filters))
        with self._engine.connect() as conn:
            return int(conn.execute(stmt).scalar_one())

    def count_clusters(self, filters: Filters | None = None) -> int:
        """How many distinct events (clusters of the same event told by several pages)
        match ``filters``: the count to report, where ``count("events")`` counts reports."""
        ev = schema.events
        stmt = sa.select(sa.func.count(sa.distinct(ev.c.cluster_id))).where(
            *conditions("events", filters)
        )
        with self._engine.connect() as conn:
            return int(conn.execute(stmt).scalar_one())

    def actor_summaries(self, unknown_only: bool = False) -> list[ActorSummary]:
        """Stored actors with mention and event counts, most active first."""
        at, mt, ea = schema.actors, schema.mentions, schema.event_actors
        mention_counts = (
            sa.select(mt.c.actor_id, sa.func.count().label("n"))
            .where(mt.c.actor_id.is_not(None))
            .group_by(mt.c.actor_id)
            .subquery()
        )
        event_counts = (
            sa.select(ea.c.actor_id, sa.func.count(sa.distinct(ea.c.event_id)).label("n"))
            .group_by(ea.c.actor_id)
            .subquery()
        )
        mentions = sa.func.coalesce(mention_counts.c.n, 0)
        events = sa.func.coalesce(event_counts.c.n, 0)
        stmt = (
            sa.select(at, mentions.label("mention_count"), events.label("event_count"))
            .outerjoin(mention_counts, mention_counts.c.actor_id == at.c.id)
            .outerjoin(event_counts, event_counts.c.actor_id == at.c.id)
            .order_by(events.desc(), mentions.desc(), at.c.name, at.c.id)
        )
        if unknown_only:
            # names the base does not know, not phrases composed from sector nouns
            stmt = stmt.where(at.c.known.is_(False), ~at.c.id.startswith(GENERIC_ACTOR_PREFIX))
        with self._engine.connect() as conn:
            return [
                ActorSummary(
                    id=row.id,
                    name=row.name,
                    code=row.code,
                    type=row.type,
                    country=row.country,
                    known=bool(row.known),
                    mentions=int(row.mention_count),
                    events=int(row.event_count),
                )
                for row in conn.execute(stmt)
            ]

    def document_summaries(self, filters: Filters | None = None) -> list[DocumentSummary]:
        """Stored documents with mention, place and event counts, by date."""
        docs = schema.documents

        def counts(table: sa.Table) -> sa.Subquery:
            return (
                sa.select(table.c.doc, sa.func.count().label("n")).group_by(table.c.doc).subquery()
            )

        m, p, e = counts(schema.mentions), counts(schema.places), counts(schema.events)
        stmt = (
            sa.select(
                docs.c.doc,
                docs.c.date,
                docs.c.title,
                docs.c.path,
                docs.c.source,
                sa.func.coalesce(m.c.n, 0).label("mentions"),
                sa.func.coalesce(p.c.n, 0).label("places"),
                sa.func.coalesce(e.c.n, 0).label("events"),
            )
            .outerjoin(m, m.c.doc == docs.c.doc)
            .outerjoin(p, p.c.doc == docs.c.doc)
            .outerjoin(e, e.c.doc == docs.c.doc)
            .where(*conditions("documents", filters))
            .order_by(*_ORDER["documents"](docs))
        )
        with self._engine.connect() as conn:
            return [
                DocumentSummary(
                    doc=row.doc,
                    date=row.date,
                    title=row.title,
                    path=row.path,
                    source=row.source,
                    mentions=int(row.mentions),
                    places=int(row.places),
                    events=int(row.events),
                )
                for row in conn.execute(stmt)
            ]

    def failures(self) -> list[Failure]:
        """Recorded ingest failures, oldest first."""
        fl = schema.failures
        with self._engine.connect() as conn:
            return [
                Failure(path=row.path, doc=row.doc, error=row.error, recorded_at=row.recorded_at)
                for row in conn.execute(sa.select(fl).order_by(fl.c.id))
            ]
