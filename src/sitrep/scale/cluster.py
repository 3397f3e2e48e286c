"""Distributed ingest on Dask: ``sitrep ingest --workers N`` or ``--scheduler tcp://...``.

The client reads pages lazily, in partitions of ``partition_size`` pages. It skips pages
that are done (the same planning as the single-process run), marks the rest pending and
submits each partition as one task, keeping at most ``max_in_flight`` partitions on the
cluster, so memory holds a bounded number of pages, never the corpus. On a worker, the
task maps the unchanged per-page function ``sitrep.pipeline.analyse`` over its pages with
the resources the worker loaded once (``ResourcesPlugin``) and writes the results itself,
``batch_size`` pages per transaction, through ``Store.save_batch``: one writer per
partition. A page that fails is recorded with its error; tasks are never retried, and a
partition whose worker died has its unsaved pages recorded as failed (``sitrep ingest
--retry-failed`` takes them again).

With ``--scheduler``, every worker must reach the database: use PostgreSQL, or a SQLite
file on a disk all workers share.
"""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

from distributed import Client, LocalCluster, WorkerPlugin, as_completed, get_worker

from sitrep.errors import InputError, SitrepError
from sitrep.models import Page
from sitrep.scale.runner import (
    FAILED,
    IngestOptions,
    IngestReport,
    PageOutcome,
    ResourceSpec,
    absolute_db,
    analyse_and_save,
    chunks,
    count,
    new_tally,
    page_key,
    plan,
)
from sitrep.store import PageFailure, Store

if TYPE_CHECKING:
    from sitrep.pipeline import Resources

logger = logging.getLogger(__name__)

PLUGIN_NAME = "sitrep-resources"


class ResourcesPlugin(WorkerPlugin):
    """Loads the pipeline's resources once per worker and keeps one store per database."""

    name = PLUGIN_NAME

    def __init__(self, spec: ResourceSpec) -> None:
        self.spec = spec
        self.resources: Resources | None = None
        self._stores: dict[str, Store] = {}

    def setup(self, worker: Any) -> None:
        started = time.perf_counter()
        self.resources = self.spec.load()
        logger.info(
            "worker %s loaded resources in %.1fs", worker.address, time.perf_counter() - started
        )

    def teardown(self, worker: Any) -> None:
        for store in self._stores.values():
            store.close()
        self._stores.clear()

    def store(self, db: str) -> Store:
        if db not in self._stores:
            self._stores[db] = Store.open(db)
        return self._stores[db]


def analyse_partition(
    pages: tuple[Page, ...], db: str, batch_size: int, page_timeout: float | None = None
) -> tuple[PageOutcome, ...]:
    """The task run on a worker: analyse a partition and save it in batches."""
    plugin = get_worker().plugins[PLUGIN_NAME]
    if plugin.resources is None:  # pragma: no cover - setup always runs first
        raise SitrepError("the sitrep worker plugin has not loaded its resources")
    store = plugin.store(db)
    outcomes: list[PageOutcome] = []
    for batch in chunks(pages, batch_size):
        outcomes.extend(analyse_and_save(store, batch, plugin.resources, page_timeout))
    return tuple(outcomes)


def worker_memory(client: Client) -> tuple[int, ...]:
    """Resident memory (bytes) of each worker process, in worker-address order."""

    def rss() -> int:
        import psutil

        return int(psutil.Process().memory_info().rss)

    found = client.run(rss)
    return tuple(found[address] for address in sorted(found))


@contextlib.contextmanager
def dask_client(workers: int | None = None, scheduler: str | None = None) -> Iterator[Client]:
    """A client of a local cluster of ``workers`` processes, or of the scheduler at
    ``scheduler`` (``tcp://HOST:PORT``)."""
    if scheduler:
        try:
            client = Client(scheduler, timeout="30s")
        except OSError as exc:
            raise SitrepError(
                f"cannot reach the Dask scheduler at {scheduler} ({exc}); start one with "
                "`dask scheduler` or check --scheduler"
            ) from exc
        with client:
            yield client
        return
    if not workers or workers < 1:
        raise SitrepError("give --workers 1 or more, or --scheduler tcp://HOST:PORT")
    with (
        LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.ERROR,
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client


def ingest_on_dask(
    items: Iterable[Page | InputError],
    db: str,
    spec: ResourceSpec | None = None,
    options: IngestOptions | None = None,
    workers: int | None = None,
    scheduler: str | None = None,
    partition_size: int = 64,
    max_in_flight: int | None = None,
    on_outcome: Callable[[PageOutcome], None] | None = None,
) -> IngestReport:
    """Ingest pages into ``db`` on a Dask cluster: a local one of ``workers`` processes,
    or the one ``scheduler`` runs. At most ``max_in_flight`` partitions (default: two per
    worker) are on the cluster at once."""
    db = absolute_db(db)
    spec = spec or ResourceSpec()
    options = options or IngestOptions()
    tally = new_tally()

    def emit(found: Iterable[PageOutcome]) -> None:
        for outcome in found:
            count(tally, outcome)
            if on_outcome is not None:
                on_outcome(outcome)

    started = time.perf_counter()
    with Store.open(db) as store, dask_client(workers, scheduler) as client:
        client.register_plugin(ResourcesPlugin(spec), name=PLUGIN_NAME)
        setup = time.perf_counter() - started
        limit = max_in_flight or 2 * max(len(client.scheduler_info()["workers"]), 1)
        running = as_completed()
        submitted: dict[str, tuple[Page, ...]] = {}

        def collect_one() -> None:
            future = next(running)
            pages = submitted.pop(future.key)
            try:
                emit(future.result())
            except Exception as exc:  # a worker died or the task broke: record, never retry
                logger.exception("a partition of %d pages failed on the cluster", len(pages))
                emit(_partition_lost(store, pages, exc))
            future.release()

        for chunk in chunks(items, partition_size):
            todo, skipped = plan(store, chunk, options.retry_failed)
            emit(skipped)
            if not todo:
                continue
            pages = tuple(todo)
            future = client.submit(
                analyse_partition,
                pages,
                db,
                options.batch_size,
                options.page_timeout,
                pure=False,
                retries=0,
            )
            submitted[future.key] = pages
            running.add(future)
            while running.count() >= limit:
                collect_one()
        while running.count():
            collect_one()
        memory = worker_memory(client)
    return IngestReport.of(tally, setup_seconds=setup, worker_memory=memory)


def _partition_lost(store: Store, pages: tuple[Page, ...], exc: BaseException) -> list[PageOutcome]:
    """Record the pages of a failed partition that were not saved, with the error."""
    states = store.page_states([page_key(p) for p in pages])
    lost = [p for p in pages if states.get(page_key(p)) != "done"]
    error = f"partition failed on the cluster: {type(exc).__name__}: {exc}"
    store.save_batch((), [PageFailure(page_key(p), error) for p in lost])
    return [PageOutcome(p.path, p.doc_id, FAILED, f"{p.path}: {error}") for p in lost]
