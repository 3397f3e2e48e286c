"""Store: opening a database runs the migrations; the schema module matches them."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from sitrep.errors import StoreError
from sitrep.store import Store, migrate, schema

EXPECTED_TABLES = {
    "alembic_version",
    "documents",
    "actors",
    "relations",
    "claims",
    "mentions",
    "places",
    "events",
    "event_actors",
    "failures",
    "ingest_state",
}


def test_fresh_file_gets_the_whole_schema(tmp_path):
    path = tmp_path / "fresh.db"
    Store.open(path).close()
    assert path.is_file()
    engine = sa.create_engine(f"sqlite:///{path}")
    with engine.connect() as conn:
        inspector = sa.inspect(conn)
        assert set(inspector.get_table_names()) == EXPECTED_TABLES
        indexed = {
            (table, tuple(ix["column_names"]))
            for table in ("documents", "events", "event_actors", "mentions")
            for ix in inspector.get_indexes(table)
        }
        assert {
            ("documents", ("date",)),
            ("events", ("date",)),
            ("events", ("type",)),
            ("events", ("doc",)),
            ("event_actors", ("actor_id",)),
            ("mentions", ("actor_id",)),
        } <= indexed
        assert migrate.current_revision(conn) == migrate.head_revision()
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    engine.dispose()


def test_schema_module_matches_migrations(tmp_path):
    Store.open(tmp_path / "m.db").close()
    engine = sa.create_engine(f"sqlite:///{tmp_path / 'm.db'}")
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        assert compare_metadata(context, schema.metadata) == []
    engine.dispose()


def test_second_open_runs_no_migration_and_keeps_data(tmp_path, monkeypatch):
    path = tmp_path / "again.db"
    with Store.open(path) as store:
        store.record_failure("a.html", None, "empty")

    def must_not_run(*_args, **_kwargs):
        raise AssertionError("alembic upgrade ran on an up-to-date database")

    monkeypatch.setattr(migrate.command, "upgrade", must_not_run)
    with Store.open(path) as store:
        assert len(store.failures()) == 1


def test_foreign_keys_are_enforced(tmp_path):
    with Store.open(tmp_path / "fk.db") as store:
        engine = store._engine
        with engine.begin() as conn:
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        with pytest.raises(sa.exc.IntegrityError), engine.begin() as conn:
            conn.execute(
                sa.insert(schema.places),
                [
                    {
                        "doc": "missing",
                        "start": 0,
                        "end": 1,
                        "text": "x",
                        "name": "x",
                        "lat": 0.0,
                        "lon": 0.0,
                        "precision": "city",
                    }
                ],
            )


def test_database_from_a_newer_sitrep_is_refused(tmp_path):
    path = tmp_path / "newer.db"
    Store.open(path).close()
    engine = sa.create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = 'ffff9999'")
    engine.dispose()
    with pytest.raises(StoreError, match="upgrade sitrep"):
        Store.open(path)


def test_file_that_is_not_a_database_is_refused(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("these are not the tables you are looking for\n" * 200)
    with pytest.raises(StoreError, match="cannot use"):
        Store.open(path)


def test_missing_folder_and_folder_paths_are_refused(tmp_path):
    with pytest.raises(StoreError, match="does not exist"):
        Store.open(tmp_path / "nowhere" / "x.db")
    with pytest.raises(StoreError, match="is a folder"):
        Store.open(tmp_path)


def test_urls_are_passed_through(tmp_path):
    url = f"sqlite:///{tmp_path / 'by-url.db'}"
    with Store.open(url) as store:
        assert store.count("documents") == 0
    assert (tmp_path / "by-url.db").is_file()
