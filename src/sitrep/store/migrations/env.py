"""Alembic environment for sitrep's store.

sitrep runs migrations itself (``sitrep.store.migrate.upgrade``) and hands this script an
open connection in ``config.attributes["connection"]``; users never need an alembic.ini.
Developers adding a revision can run, from the repository root::

    python -m sitrep.store.migrate revision -m "what changed"
"""

from __future__ import annotations

from alembic import context

from sitrep.store.schema import metadata


def _run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def _run_online() -> None:
    connection = context.config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    from sqlalchemy import create_engine

    url = context.config.get_main_option("sqlalchemy.url")
    engine = create_engine(url)
    with engine.begin() as conn:
        _run(conn)
    engine.dispose()


if context.is_offline_mode():
    context.configure(
        url=context.config.get_main_option("sqlalchemy.url"),
        target_metadata=metadata,
        literal_binds=True,
    )
    with context.begin_transaction():
        context.run_migrations()
else:
    _run_online()
