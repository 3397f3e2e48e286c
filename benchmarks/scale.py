"""Ingest at scale: pages/s in one process against local Dask clusters, and a full run
into a database (wall time, size, re-run time).

    python benchmarks/scale.py --pages 2000 --workers 1 2 4
    python benchmarks/scale.py --pages 100000 --db postgresql://sitrep@127.0.0.1:5432/sitrep
    python benchmarks/scale.py --pages 100000 --db /tmp/big.db --db-workers 2 --db-only

Pages come from ``sitrep.scale.generate`` (the same seed, the same pages). Throughput
leaves out start-up (loading resources, starting workers), which is printed apart.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from sitrep.scale import IngestOptions, ResourceSpec, ingest_pages
from sitrep.scale.generate import generate_pages
from sitrep.store import Store


def run(pages: int, db: str, workers: int | None, batch: int) -> tuple[float, object]:
    options = IngestOptions(batch_size=batch)
    started = time.perf_counter()
    if workers is None:
        with Store.open(db) as store:
            report = ingest_pages(generate_pages(pages), store, ResourceSpec(), options)
    else:
        from sitrep.scale.cluster import ingest_on_dask

        report = ingest_on_dask(generate_pages(pages), db, options=options, workers=workers)
    return time.perf_counter() - started, report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=500)
    parser.add_argument("--workers", type=int, nargs="*", default=[1, 2, 4])
    parser.add_argument("--db", help="also ingest --pages into this database, then re-run")
    parser.add_argument("--db-workers", type=int, default=None, help="Dask workers for --db")
    parser.add_argument("--batch-size", type=int, default=50)
    parser.add_argument(
        "--db-only", action="store_true", help="skip the throughput comparison; only --db"
    )
    args = parser.parse_args()
    if not args.db_only:
        compare(args)
    if args.db:
        full_run(args)


def compare(args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        base_time, base = run(args.pages, str(Path(tmp) / "single.db"), None, args.batch_size)
        base_rate = args.pages / (base_time - base.setup_seconds)
        print(f"single process: {base_rate:.1f} pages/s (start-up {base.setup_seconds:.1f}s)")
        for n in args.workers:
            wall, report = run(args.pages, str(Path(tmp) / f"dask{n}.db"), n, args.batch_size)
            rate = args.pages / (wall - report.setup_seconds)
            memory = ", ".join(f"{m / 2**20:.0f}" for m in report.worker_memory)
            print(
                f"dask {n} worker(s): {rate:.1f} pages/s = {rate / base_rate:.2f}x single "
                f"(start-up {report.setup_seconds:.1f}s; worker memory MiB: {memory})"
            )


def full_run(args: argparse.Namespace) -> None:
    wall, report = run(args.pages, args.db, args.db_workers, args.batch_size)
    with Store.open(args.db) as store:
        size = store.size_bytes()
    print(
        f"{args.db}: {report.inserted} pages inserted in {wall:.1f}s "
        f"({args.pages / wall:.1f} pages/s), database {size / 2**20:.1f} MiB"
    )
    rerun, again = run(args.pages, args.db, None, args.batch_size)
    print(
        f"re-run: {rerun:.1f}s ({rerun / wall:.1%} of the first), "
        f"{again.inserted} inserted, {again.unchanged} unchanged"
    )


if __name__ == "__main__":
    main()
