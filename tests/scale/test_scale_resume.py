"""Exactly-once, resumable ingest: batches, skips, failures, and a real SIGKILL mid-run."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest
import sqlalchemy as sa
from click.testing import CliRunner

from sitrep.cli import cli
from sitrep.models import Page
from sitrep.scale import IngestOptions, ingest_pages
from sitrep.scale.generate import generate_pages, write_jsonl
from sitrep.store import Store

PAGES = 160


def counts(db) -> dict[str, int]:
    engine = sa.create_engine(f"sqlite:///{db}")
    with engine.connect() as conn:
        found = {
            table: conn.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar_one()
            for table in ("documents", "events", "mentions", "places", "event_actors")
        }
        found["distinct_docs"] = conn.exec_driver_sql(
            "SELECT count(DISTINCT doc) FROM documents"
        ).scalar_one()
    engine.dispose()
    return found


def stored_documents(db) -> int:
    if not db.exists():
        return 0
    engine = sa.create_engine(f"sqlite:///{db}")
    try:
        with engine.connect() as conn:
            return conn.exec_driver_sql("SELECT count(*) FROM documents").scalar_one()
    except sa.exc.OperationalError:  # not migrated yet
        return 0
    finally:
        engine.dispose()


def sitrep_process(*args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", "from sitrep.cli import main; main()", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.fixture(scope="module")
def clean_counts(tmp_path_factory, resources):
    """The counts of an uninterrupted run of the same pages (in this process)."""
    db = tmp_path_factory.mktemp("clean") / "clean.db"
    with Store.open(db) as store:
        report = ingest_pages(generate_pages(PAGES), store, lambda: resources)
    assert report.inserted == PAGES
    return counts(db)


def test_sigkill_mid_run_then_rerun_stores_every_page_once(tmp_path, clean_counts):
    pages = write_jsonl(tmp_path / "pages.jsonl", PAGES)
    db = tmp_path / "killed.db"
    args = ("ingest", "--db", str(db), "--batch-size", "16", "--quiet", str(pages))
    first = sitrep_process(*args)
    deadline = time.monotonic() + 300
    while stored_documents(db) < 32 and first.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    os.kill(first.pid, signal.SIGKILL)
    first.communicate()
    assert first.returncode == -signal.SIGKILL
    stored = stored_documents(db)
    assert 0 < stored < PAGES, "the run was not killed part-way; make PAGES larger"

    with Store.open(db) as store:
        interrupted = store.ingest_status()
    assert interrupted.done == stored
    assert interrupted.failed == 0

    second = sitrep_process(*args)
    out, err = second.communicate(timeout=600)
    assert second.returncode == 0, err
    assert counts(db) == clean_counts  # every page once, every record once
    with Store.open(db) as store:
        after = store.ingest_status()
    assert (after.done, after.failed, after.pending) == (PAGES, 0, 0)
    status = CliRunner().invoke(cli, ["status", "--db", str(db)])
    assert status.exit_code == 0
    assert f"done: {PAGES}  failed: 0  pending: 0" in status.output


def test_rerun_skips_done_pages_without_analysing(tmp_path, resources, monkeypatch):
    import sitrep.pipeline

    calls = []
    real = sitrep.pipeline.analyse

    def counting(page, loaded):
        calls.append(page.doc_id)
        return real(page, loaded)

    monkeypatch.setattr(sitrep.pipeline, "analyse", counting)
    with Store.open(tmp_path / "r.db") as store:
        first = ingest_pages(generate_pages(12), store, lambda: resources, IngestOptions(5))
        again = ingest_pages(generate_pages(12), store, lambda: resources, IngestOptions(5))
    assert (first.inserted, first.unchanged) == (12, 0)
    assert (again.inserted, again.unchanged, again.pages) == (0, 12, 12)
    assert len(calls) == 12


def test_failed_pages_are_recorded_and_skipped_until_retried(tmp_path, resources):
    bad = Page(doc_id="bad", path="bad.txt", text=12345, content_hash="bad-1")  # type: ignore[arg-type]
    pages = [*generate_pages(4), bad]
    with Store.open(tmp_path / "f.db") as store:
        first = ingest_pages(pages, store, lambda: resources, IngestOptions(batch_size=3))
        assert (first.inserted, first.failed) == (4, 1)
        status = store.ingest_status()
        assert (status.done, status.failed, status.pending) == (4, 1, 0)
        assert status.failures[0].doc == "bad"
        assert status.failures[0].error.startswith("internal error: ")
        again = ingest_pages(pages, store, lambda: resources)
        assert (again.unchanged, again.skipped, again.failed) == (4, 1, 0)
        retried = ingest_pages(pages, store, lambda: resources, IngestOptions(retry_failed=True))
        assert (retried.failed, retried.unchanged) == (1, 4)
        assert store.ingest_status().failures[0].attempts == 2


def test_pending_pages_show_in_status_and_are_taken_by_the_next_run(tmp_path, resources):
    from sitrep.scale.runner import page_key

    pages = list(generate_pages(6))
    with Store.open(tmp_path / "p.db") as store:
        store.mark_pending([page_key(p) for p in pages[:4]])  # a run that died after marking
        status = store.ingest_status()
        assert (status.done, status.failed, status.pending) == (0, 0, 4)
        report = ingest_pages(pages, store, lambda: resources)
        assert report.inserted == 6
        assert store.ingest_status().pending == 0


def test_single_process_ingest_never_imports_dask():
    code = (
        "import sys, sitrep.cli, sitrep.scale, sitrep.scale.runner, sitrep.store;"
        "bad = [m for m in ('dask', 'distributed') if m in sys.modules];"
        "assert not bad, bad"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
