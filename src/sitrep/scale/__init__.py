"""Ingest at scale: exactly-once, resumable runs in one process or on a Dask cluster.

``ingest_pages`` (``sitrep.scale.runner``) is the single-process run and imports no Dask;
``sitrep.scale.cluster.ingest_on_dask`` runs the same per-page work on a local or remote
Dask cluster (import it only when Dask is wanted). ``sitrep.scale.generate`` writes
realistic generated pages for benchmarks and tests.
"""

from sitrep.scale.runner import (
    IngestOptions,
    IngestReport,
    PageOutcome,
    ResourceSpec,
    ingest_pages,
)

__all__ = ["IngestOptions", "IngestReport", "PageOutcome", "ResourceSpec", "ingest_pages"]
