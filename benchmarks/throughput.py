"""Throughput of the whole pipeline on generated pages, next to spaCy's own parse.

    .venv/bin/python benchmarks/throughput.py --pages 200

Prints pages/s, sentences/s and peak memory for ``sitrep.pipeline.analyse`` and for
``nlp.pipe`` over the very same segment texts, and the ratio sitrep time / spaCy time:
no spaCy-based coder can beat spaCy's parse, so the ratio is the figure we track.

It also prints the time of each stage of ``analyse`` (the stage functions are wrapped with
timers for the run): the parse, and the coder (coding, merging, claims) as a share of the
parse, which is the issue's yardstick ("the coder adds at most 50% to spaCy's parse").
"""

from __future__ import annotations

import argparse
import random
import resource
import time
from collections import defaultdict
from collections.abc import Callable
from typing import Any

import sitrep.pipeline as pipeline_module
from sitrep.ingest import split_page
from sitrep.models import Page, SegmentKind
from sitrep.pipeline import analyse, load_resources

SUBJECTS = [
    "Iraqi security forces",
    "Turkish troops",
    "Russian forces",
    "The Houthis",
    "Israeli aircraft",
    "Sudan's army",
    "The Rapid Support Forces",
    "Protesters",
    "Iranian officials",
    "The United Nations",
    "Colombian police",
    "Myanmar's military",
    "Ukrainian forces",
]
OBJECTS = [
    "Kurdish fighters",
    "the Mahdi Army",
    "Ukrainian positions",
    "a commercial ship",
    "Hamas",
    "the government",
    "rebel commanders",
    "opposition leaders",
    "U.S. troops",
    "Syrian army units",
    "the ELN",
    "Hezbollah",
]
VERBS = [
    "attacked",
    "clashed with",
    "accused",
    "met",
    "threatened",
    "arrested",
    "praised",
    "called on",
    "shelled",
    "negotiated with",
    "condemned",
    "signed an agreement with",
]
PLACES = ["Basra", "Mosul", "Aleppo", "Kharkiv", "Khartoum", "Sanaa", "Gaza", "Bogota", "Mandalay"]
WHEN = ["on Monday", "last week", "on Friday", "two days ago", "in June", ""]
FILLER = [
    "Officials said the situation remained tense.",
    "The statement did not give casualty figures.",
    "Residents described heavy gunfire through the night.",
    "Analysts expect more fighting in the coming weeks.",
]


def generate_page(i: int, rng: random.Random) -> Page:
    paragraphs = []
    for _ in range(rng.randint(3, 6)):
        sentences = []
        for _ in range(rng.randint(2, 4)):
            subject, verb, obj = rng.choice(SUBJECTS), rng.choice(VERBS), rng.choice(OBJECTS)
            sentences.append(
                f"{subject} {verb} {obj} in {rng.choice(PLACES)} {rng.choice(WHEN)}".strip() + "."
            )
        sentences.append(rng.choice(FILLER))
        paragraphs.append(" ".join(sentences))
    text = f"Generated report {i}\n\n" + "\n\n".join(paragraphs) + "\n"
    return Page(
        doc_id=f"gen-{i}",
        path=f"generated/{i}.txt",
        text=text,
        date="2020-01-11",
        content_hash=str(i),
    )


STAGE_FUNCTIONS = (
    ("split + page date", "date_document"),
    ("parse (spaCy)", "parse_document"),
    ("places", "find_places"),
    ("places: demonyms", "find_demonyms"),
    ("relations", "extract_relations"),
    ("coder: merge", "merge_events"),
    ("coder: claims", "find_claims"),
)


def _timed(fn: Callable[..., Any], name: str, totals: dict[str, float]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        t0 = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            totals[name] += time.perf_counter() - t0

    return wrapper


def stage_times(pages: list[Page], resources: Any) -> dict[str, float]:
    """Seconds spent in each stage of ``analyse`` over ``pages``."""
    totals: dict[str, float] = defaultdict(float)
    saved = {attr: getattr(pipeline_module, attr) for _, attr in STAGE_FUNCTIONS}
    resolve, code = resources.resolver.resolve, resources.coder.code
    try:
        for name, attr in STAGE_FUNCTIONS:
            setattr(pipeline_module, attr, _timed(saved[attr], name, totals))
        resources.resolver.resolve = _timed(resolve, "actors", totals)
        resources.coder.code = _timed(code, "coder: code", totals)
        for page in pages:
            analyse(page, resources)
    finally:
        for attr, fn in saved.items():
            setattr(pipeline_module, attr, fn)
        del resources.resolver.resolve, resources.coder.code
    return totals


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    pages = [generate_page(i, rng) for i in range(args.pages)]

    t0 = time.perf_counter()
    resources = load_resources()
    load_s = time.perf_counter() - t0
    rss_loaded = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    kinds = (SegmentKind.TITLE, SegmentKind.BODY, SegmentKind.QUOTE, SegmentKind.COMMENT)
    texts = []
    for page in pages:
        doc = split_page(page)
        texts.extend(doc.text[s.start : s.end] for s in doc.segments if s.kind in kinds)
    t0 = time.perf_counter()
    sentences = sum(len(list(d.sents)) for d in resources.nlp.pipe(texts))
    spacy_s = time.perf_counter() - t0

    t0 = time.perf_counter()
    events = 0
    for page in pages:
        events += len(analyse(page, resources).events)
    sitrep_s = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(f"pages: {len(pages)}  sentences: {sentences}  events coded: {events}")
    print(f"resources loaded in {load_s:.1f} s (RSS {rss_loaded:.0f} MiB)")
    print(
        f"spaCy nlp.pipe : {len(pages) / spacy_s:8.1f} pages/s  {sentences / spacy_s:8.1f} sentences/s  ({spacy_s:.2f} s)"
    )
    print(
        f"sitrep analyse : {len(pages) / sitrep_s:8.1f} pages/s  {sentences / sitrep_s:8.1f} sentences/s  ({sitrep_s:.2f} s)"
    )
    print(f"ratio sitrep time / spaCy time: {sitrep_s / spacy_s:.2f}")
    print(f"peak RSS: {peak:.0f} MiB")

    totals = stage_times(pages, resources)
    parse = totals["parse (spaCy)"]
    print("stages of analyse (s, and share of the parse):")
    for name, seconds in sorted(totals.items(), key=lambda item: -item[1]):
        print(f"  {name:<20} {seconds:7.2f} s  {seconds / parse:6.0%}")
    coder = sum(v for k, v in totals.items() if k.startswith("coder"))
    print(f"coder (code + merge + claims) / parse: {coder / parse:.0%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
