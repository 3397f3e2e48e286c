"""Dask ingest: a real local cluster of worker processes, one writer per partition."""

from __future__ import annotations

import sqlalchemy as sa

from sitrep.models import Page
from sitrep.scale import IngestOptions, ingest_pages
from sitrep.scale.cluster import ingest_on_dask
from sitrep.scale.generate import generate_pages
from sitrep.store import Store


def table_counts(db) -> dict[str, int]:
    engine = sa.create_engine(f"sqlite:///{db}")
    with engine.connect() as conn:
        found = {
            t: conn.exec_driver_sql(f"SELECT count(*) FROM {t}").scalar_one()
            for t in ("documents", "events", "mentions", "places", "event_actors")
        }
    engine.dispose()
    return found


def test_dask_ingest_matches_single_process_and_records_failures(tmp_path, resources):
    bad = Page(doc_id="bad", path="bad.txt", text=12345, content_hash="bad-1")  # type: ignore[arg-type]
    pages = [*generate_pages(30), bad]
    single = tmp_path / "single.db"
    with Store.open(single) as store:
        ingest_pages(pages, store, lambda: resources)

    db = tmp_path / "dask.db"
    seen = []
    report = ingest_on_dask(
        iter(pages),
        str(db),
        options=IngestOptions(batch_size=4),
        workers=2,
        partition_size=6,
        max_in_flight=2,
        on_outcome=seen.append,
    )
    assert (report.inserted, report.failed, report.pages) == (30, 1, 31)
    assert len(report.worker_memory) == 2 and all(m > 0 for m in report.worker_memory)
    assert sorted(o.doc_id for o in seen) == sorted(p.doc_id for p in pages)
    assert table_counts(db) == table_counts(single)
    with Store.open(db) as store:
        status = store.ingest_status()
    assert (status.done, status.failed, status.pending) == (30, 1, 0)
    assert status.failures[0].doc == "bad" and "internal error" in status.failures[0].error

    again = ingest_on_dask(iter(pages), str(db), workers=1, partition_size=6)
    assert (again.inserted, again.unchanged, again.skipped) == (0, 30, 1)
    assert table_counts(db) == table_counts(single)
