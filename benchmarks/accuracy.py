"""Score the whole pipeline on our own annotated pages and print the figures.

.venv/bin/python benchmarks/accuracy.py              # samples/ against tests/data/gold
.venv/bin/python benchmarks/accuracy.py --heldout    # tests/data/heldout (measure only)
.venv/bin/python benchmarks/accuracy.py --misses     # also list every miss
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from sitrep.errors import InputError
from sitrep.evaluation import load_gold, score_corpus
from sitrep.ingest import read_pages
from sitrep.pipeline import analyse, load_resources

REPO = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--heldout", action="store_true", help="score the held-out pages")
    parser.add_argument("--misses", action="store_true", help="list every miss")
    args = parser.parse_args(argv)
    if args.heldout:
        pages_dir, gold_dir = REPO / "tests/data/heldout", REPO / "tests/data/heldout/gold"
    else:
        pages_dir, gold_dir = REPO / "samples", REPO / "tests/data/gold"
    started = time.perf_counter()
    resources = load_resources()
    analysed = {}
    for page in read_pages([pages_dir]):
        if isinstance(page, InputError):
            print(f"error: {page}", file=sys.stderr)
            continue
        analysed[page.doc_id] = analyse(page, resources)
    golds = load_gold(gold_dir)
    scores = score_corpus(golds, analysed)
    print(
        f"pages: {len(analysed)} analysed, {len(golds)} gold files ({pages_dir.relative_to(REPO)})"
    )
    for line in scores.lines():
        print(line)
    print(f"time: {time.perf_counter() - started:.1f} s")
    if args.misses:
        print("\n".join(scores.misses))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
