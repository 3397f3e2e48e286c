"""sitrep's store: analysed pages in SQLite (default) or PostgreSQL, via SQLAlchemy Core.

``Store.open(path_or_url)`` creates or migrates the database; ``Store.save`` writes one
analysed page and ``Store.save_batch`` many in one transaction; ``Store.iter_rows`` reads
export dicts (see ``sitrep.export``); ``Store.ingest_status`` says what ingest runs have
done, failed and left pending (``sitrep.store.progress``).
"""

from sitrep.store.progress import FailedPage, IngestStatus, PageFailure, PageKey
from sitrep.store.query import Filters
from sitrep.store.store import (
    FAILED_TO_STORE,
    INSERTED,
    REPLACED,
    UNCHANGED,
    ActorSummary,
    DocumentSummary,
    Failure,
    Store,
)

__all__ = [
    "FAILED_TO_STORE",
    "INSERTED",
    "REPLACED",
    "UNCHANGED",
    "ActorSummary",
    "DocumentSummary",
    "FailedPage",
    "Failure",
    "Filters",
    "IngestStatus",
    "PageFailure",
    "PageKey",
    "Store",
]
