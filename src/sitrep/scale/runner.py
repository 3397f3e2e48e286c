"""Exactly-once, resumable ingest in one process: the default ``sitrep ingest`` path.

Pages stream from the readers in batches. For each batch the run

1. skips pages already stored with the same content hash (and, unless asked to retry,
   pages that failed before),
2. marks the rest ``pending`` (one transaction),
3. analyses them with ``sitrep.pipeline.analyse`` (the pure per-page function), and
4. saves the analysed pages and the failures in one transaction (``Store.save_batch``),
   which also marks them ``done`` or ``failed``.

A run killed at any point, SIGKILL in the middle of a batch included, leaves the pages it
had not committed ``pending`` and none half-written; running it again stores each of them
exactly once. The Dask path (``sitrep.scale.cluster``) uses the same planning and the same
per-page work.
"""

from __future__ import annotations

import dataclasses
import hashlib
import importlib
import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sitrep.errors import InputError, SitrepError
from sitrep.models import AnalysedDocument, Page
from sitrep.scale.timeout import page_time_limit
from sitrep.store import (
    FAILED_TO_STORE,
    INSERTED,
    REPLACED,
    UNCHANGED,
    PageFailure,
    PageKey,
    Store,
)

if TYPE_CHECKING:
    from sitrep.pipeline import Resources

logger = logging.getLogger(__name__)

FAILED = "failed"
SKIPPED = "skipped"  # failed in an earlier run; not taken again unless retry_failed
UNREADABLE = "unreadable"  # a file or line the readers could not turn into a page


@dataclass(frozen=True)
class ResourceSpec:
    """How to load the pipeline's resources; small and picklable, so a Dask worker can
    load them itself (once, in its worker plugin)."""

    actor_paths: tuple[str, ...] = ()
    gazetteer_paths: tuple[str, ...] = ()
    pattern_paths: tuple[str, ...] = ()
    model: str | None = None

    def load(self) -> Resources:
        pipeline = importlib.import_module("sitrep.pipeline")
        extra: dict[str, Any] = {"model": self.model} if self.model else {}
        return pipeline.load_resources(
            actor_paths=list(self.actor_paths),
            gazetteer_paths=list(self.gazetteer_paths),
            pattern_paths=list(self.pattern_paths),
            **extra,
        )


@dataclass(frozen=True)
class IngestOptions:
    """``batch_size`` pages are saved per transaction; ``retry_failed`` takes pages that
    failed in an earlier run again."""

    batch_size: int = 50
    retry_failed: bool = False
    page_timeout: float | None = 120.0  # seconds per page; None: no limit

    def __post_init__(self) -> None:
        if self.batch_size < 1:
            raise SitrepError(f"batch size {self.batch_size} is too small; give 1 or more")
        if self.page_timeout is not None and self.page_timeout <= 0:
            raise SitrepError(f"page timeout {self.page_timeout} must be above 0 seconds")


@dataclass(frozen=True)
class PageOutcome:
    """What happened to one page (or one unreadable input) in a run.

    ``status`` is inserted, replaced, unchanged, failed, skipped or unreadable; ``error``
    says why for the last three, as ``path: problem``.
    """

    path: str
    doc_id: str | None
    status: str
    error: str | None = None
    events: int = 0
    tellings: int = 0
    mentions: int = 0
    places: int = 0
    relations: int = 0
    claims: int = 0


@dataclass(frozen=True)
class IngestReport:
    """Totals of a run. ``pages`` counts pages read (not unreadable inputs); ``failed``
    counts unreadable inputs and pages that failed in this run."""

    pages: int = 0
    inserted: int = 0
    replaced: int = 0
    unchanged: int = 0
    failed: int = 0
    skipped: int = 0
    events: int = 0
    tellings: int = 0
    mentions: int = 0
    places: int = 0
    relations: int = 0
    claims: int = 0
    setup_seconds: float = 0.0  # loading resources / starting the cluster
    worker_memory: tuple[int, ...] = ()  # resident bytes of each Dask worker at the end

    @property
    def stored(self) -> int:
        return self.inserted + self.replaced + self.unchanged

    @classmethod
    def of(cls, counts: TallyCounts, **extra: Any) -> IngestReport:
        return cls(**counts, **extra)


_RECORD_COUNTS = ("events", "tellings", "mentions", "places", "relations", "claims")
TallyCounts = dict[str, int]


def new_tally() -> TallyCounts:
    """Running counts for ``IngestReport.of``; ``count`` adds an outcome."""
    return dict.fromkeys(("pages", INSERTED, REPLACED, UNCHANGED, FAILED, SKIPPED), 0) | (
        dict.fromkeys(_RECORD_COUNTS, 0)
    )


def count(tally: TallyCounts, outcome: PageOutcome) -> None:
    tally["pages"] += outcome.status != UNREADABLE
    tally[FAILED if outcome.status == UNREADABLE else outcome.status] += 1
    for name in _RECORD_COUNTS:
        tally[name] += getattr(outcome, name)


def page_key(page: Page) -> PageKey:
    return PageKey(page.doc_id, page.content_hash, page.path)


def with_hash(page: Page) -> Page:
    """The page, with a content hash computed from its text when the reader gave none."""
    if page.content_hash:
        return page
    digest = hashlib.sha256()
    for part in (page.text, page.html, page.title, page.url, page.date):
        digest.update((part or "").encode("utf-8", "surrogatepass") + b"\x00")
    return dataclasses.replace(page, content_hash=digest.hexdigest())


def chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    """Lists of up to ``size`` items, read lazily."""
    chunk: list[Any] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def plan(
    store: Store, chunk: Sequence[Page | InputError], retry_failed: bool
) -> tuple[list[Page], list[PageOutcome]]:
    """The pages of a chunk that need analysing, marked pending; outcomes for the rest
    (unreadable inputs are recorded as failures here)."""
    outcomes: list[PageOutcome] = []
    pages: list[Page] = []
    for item in chunk:
        if isinstance(item, InputError):
            store.record_failure(item.path, None, str(item))
            outcomes.append(
                PageOutcome(item.path, None, UNREADABLE, f"{item.path}: {item.problem}")
            )
        else:
            pages.append(with_hash(item))
    states = store.page_states([page_key(p) for p in pages])
    todo: list[Page] = []
    for page in pages:
        state = states.get(page_key(page))
        if state == "done":
            outcomes.append(PageOutcome(page.path, page.doc_id, UNCHANGED))
        elif state == "failed" and not retry_failed:
            outcomes.append(PageOutcome(page.path, page.doc_id, SKIPPED))
        else:
            todo.append(page)
    store.mark_pending([page_key(p) for p in todo])
    return todo, outcomes


def analyse_one(
    page: Page, resources: Resources, timeout: float | None = None
) -> AnalysedDocument | PageFailure:
    """``sitrep.pipeline.analyse`` on one page; a failure comes back as a ``PageFailure``
    (an unexpected exception is logged in full and never stops the batch). ``timeout``
    limits the seconds one page may take (see ``scale.timeout``)."""
    pipeline = importlib.import_module("sitrep.pipeline")
    try:
        with page_time_limit(timeout, page.path):
            return pipeline.analyse(page, resources)
    except InputError as exc:
        return PageFailure(page_key(page), str(exc))
    except Exception as exc:
        logger.exception("analysis failed on %s", page.path)
        return PageFailure(page_key(page), f"internal error: {type(exc).__name__}: {exc}")


def _failure_message(page: Page, error: str) -> str:
    if error.startswith("internal error: "):
        return f"{page.path}: {error}"
    problem = error.split(f"{page.path}: ", 1)[-1]
    return f"{page.path}: {problem}"


def analyse_and_save(
    store: Store, pages: Sequence[Page], resources: Resources, timeout: float | None = None
) -> list[PageOutcome]:
    """Analyse pages and save the results and failures in one transaction."""
    analysed: list[AnalysedDocument] = []
    failures: list[PageFailure] = []
    failed_pages: list[Page] = []
    for page in pages:
        result = analyse_one(page, resources, timeout)
        if isinstance(result, PageFailure):
            failures.append(result)
            failed_pages.append(page)
        else:
            analysed.append(result)
    statuses = store.save_batch(analysed, failures)
    outcomes = [
        PageOutcome(p.path, p.doc_id, FAILED, _failure_message(p, f.error))
        for p, f in zip(failed_pages, failures, strict=True)
    ]
    for result, status in zip(analysed, statuses, strict=True):
        document = result.document
        if status == FAILED_TO_STORE:
            problem = f"{document.path}: could not be stored; see `sitrep status`"
            outcomes.append(PageOutcome(document.path, document.doc_id, FAILED, problem))
        elif status == UNCHANGED:
            outcomes.append(PageOutcome(document.path, document.doc_id, UNCHANGED))
        else:
            outcomes.append(
                PageOutcome(
                    document.path,
                    document.doc_id,
                    status,
                    events=len(result.events),
                    tellings=sum(max(1, len(e.mentions)) for e in result.events),
                    mentions=len(result.mentions),
                    places=len(result.places),
                    relations=len(result.relations),
                    claims=len(result.claims),
                )
            )
    return outcomes


def ingest_pages(
    items: Iterable[Page | InputError],
    store: Store,
    resources: ResourceSpec | Callable[[], Resources] = ResourceSpec(),
    options: IngestOptions = IngestOptions(),
    on_outcome: Callable[[PageOutcome], None] | None = None,
) -> IngestReport:
    """Ingest pages (as ``sitrep.ingest.read_pages`` yields them) into ``store`` in this
    process. Resources are loaded only when a page needs analysing."""
    import time

    load = resources.load if isinstance(resources, ResourceSpec) else resources
    loaded: Resources | None = None
    setup = 0.0
    tally = new_tally()

    def emit(found: Iterable[PageOutcome]) -> None:
        for outcome in found:
            count(tally, outcome)
            if on_outcome is not None:
                on_outcome(outcome)

    for chunk in chunks(items, options.batch_size):
        todo, skipped = plan(store, chunk, options.retry_failed)
        emit(skipped)
        if not todo:
            continue
        if loaded is None:
            started = time.perf_counter()
            loaded = load()
            setup = time.perf_counter() - started
        emit(analyse_and_save(store, todo, loaded, options.page_timeout))
    return IngestReport.of(tally, setup_seconds=setup)


def absolute_db(db: str | Path) -> str:
    """A database argument other processes can open: SQLite paths made absolute."""
    text = str(db)
    if "://" in text:
        return text
    return str(Path(text).expanduser().resolve())
