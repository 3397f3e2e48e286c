"""sitrep's store: analysed pages in SQLite (default) or PostgreSQL, via SQLAlchemy Core.

``Store.open(path_or_url)`` creates or migrates the database; ``Store.save`` writes one
analysed page; ``Store.iter_rows`` reads export dicts (see ``sitrep.export``).
"""

from sitrep.store.query import Filters
from sitrep.store.store import (
    INSERTED,
    REPLACED,
    UNCHANGED,
    ActorSummary,
    DocumentSummary,
    Failure,
    Store,
)

__all__ = [
    "INSERTED",
    "REPLACED",
    "UNCHANGED",
    "ActorSummary",
    "DocumentSummary",
    "Failure",
    "Filters",
    "Store",
]
