"""The store on a real PostgreSQL server: same schema and migrations, concurrent upserts.

The server is the session's ``postgres_server`` (tests/conftest.py): the one
``$SITREP_TEST_POSTGRES_URL`` names, else a throwaway one that ``scripts/setup-postgres.sh``
starts; the tests are skipped, saying why, only when no server can be started.
"""

from __future__ import annotations

import threading
import uuid

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from sitrep.scale import ingest_pages
from sitrep.scale.generate import generate_pages
from sitrep.store import Filters, Store, migrate, schema


@pytest.fixture
def pg_url(postgres_server):
    """A fresh, empty database on the server for each test."""
    name = f"t_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(
        postgres_server.replace("postgresql://", "postgresql+psycopg://", 1),
        isolation_level="AUTOCOMMIT",
    )
    with admin.connect() as conn:
        conn.exec_driver_sql(f"CREATE DATABASE {name}")
    yield postgres_server.rsplit("/", 1)[0] + f"/{name}"
    with admin.connect() as conn:
        conn.exec_driver_sql(f"DROP DATABASE {name} WITH (FORCE)")
    admin.dispose()


def _declared_or_shared(obj, name, type_, reflected, compare_to) -> bool:
    """Leave out of the comparison exactly the PostgreSQL-only indexes of migration 0007:
    partial and trigram indexes that ``schema`` does not declare, since SQLAlchemy would
    create them on SQLite too and Alembic's comparison does not honour ``ddl_if``."""
    return not (type_ == "index" and reflected and name in schema.POSTGRES_ONLY_INDEXES)


def test_postgres_gets_the_same_schema_by_the_same_migrations(pg_url):
    with Store.open(pg_url) as store:
        assert store.dialect == "postgresql"
        assert store.url.startswith("postgresql+psycopg://")
        engine = store._engine
        with engine.connect() as conn:
            assert migrate.current_revision(conn) == migrate.head_revision()
            context = MigrationContext.configure(
                conn, opts={"compare_type": True, "include_object": _declared_or_shared}
            )
            assert compare_metadata(context, schema.metadata) == []
            indexes = {ix["name"] for ix in sa.inspect(conn).get_indexes("events")}
            assert indexes >= schema.POSTGRES_ONLY_INDEXES
        assert store.size_bytes() > 0
    Store.open(pg_url).close()  # a second open runs nothing and fails nothing


def test_save_replace_filters_and_status_on_postgres(pg_url, resources):
    pages = list(generate_pages(8))
    with Store.open(pg_url) as store:
        report = ingest_pages(pages, store, lambda: resources)
        assert report.inserted == 8
        again = ingest_pages(pages, store, lambda: resources)
        assert (again.inserted, again.unchanged) == (0, 8)
        events = store.count("events", Filters(include_comments=True))
        assert events > 0
        assert store.count("events", Filters(actor="IRQ")) <= events
        assert store.count("events", Filters(date_from="2023", date_to="2024")) <= events
        rows = list(store.iter_rows("events", limit=3))
        assert rows and {"event_id", "source", "location"} <= set(rows[0])
        assert (store.ingest_status().done, store.ingest_status().pending) == (8, 0)


def test_concurrent_saves_of_the_same_pages_never_clash(pg_url, resources):
    from sitrep.pipeline import analyse

    analysed = [analyse(p, resources) for p in generate_pages(12)]
    Store.open(pg_url).close()
    errors: list[BaseException] = []
    statuses: list[str] = []

    def writer(order: int) -> None:
        batch = analysed[order:] + analysed[:order]
        try:
            with Store.open(pg_url) as store:
                for start in range(0, len(batch), 4):
                    statuses.extend(store.save_batch(batch[start : start + 4]))
        except BaseException as exc:  # noqa: BLE001 - handed to the main thread
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(n * 3,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert statuses.count("inserted") == 12
    assert statuses.count("unchanged") == 36
    with Store.open(pg_url) as store:
        assert store.count("documents") == 12
        assert store.count("events", Filters(include_comments=True)) == sum(
            len(a.events) for a in analysed
        )
