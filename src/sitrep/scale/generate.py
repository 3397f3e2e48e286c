"""Generated news pages for benchmarks and tests: short wire-style paragraphs built from
templates and the names of actors in sitrep's actor base, so the pipeline does real work
(actors, places, dates, events) on text nobody wrote by hand.

``generate_pages(n, seed)`` yields ``Page`` records; ``write_jsonl(path, n, seed)`` writes
them as a JSONL file that ``sitrep ingest`` reads. The same seed gives the same pages.
"""

from __future__ import annotations

import hashlib
import json
import random
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

from sitrep.models import Page

ACTORS = (
    "Iraq", "Iran", "Turkey", "Syria", "Israel", "Lebanon", "Saudi Arabia", "Yemen",
    "Russia", "Ukraine", "the United States", "France", "Egypt", "Jordan", "Qatar",
    "the United Nations", "NATO", "the European Union", "Hezbollah", "Hamas",
    "the Houthis", "Islamic State", "the Kurdistan Workers' Party", "the Taliban",
)  # fmt: skip
PLACES = (
    "Baghdad", "Basra", "Mosul", "Kirkuk", "Damascus", "Aleppo", "Beirut", "Sanaa",
    "Aden", "Kabul", "Kyiv", "Kharkiv", "Ankara", "Tehran", "Gaza", "Amman", "Cairo",
)  # fmt: skip
SENTENCES = (
    "{a} accused {b} of violating the ceasefire near {p} on {d}.",
    "Forces loyal to {a} attacked positions held by {b} outside {p} on {d}, officials said.",
    "{a} and {b} held talks in {p} on {d} to discuss prisoner exchanges.",
    "{a} called on {b} to withdraw its troops from {p}.",
    "{a} imposed new sanctions on {b} on {d}, citing attacks around {p}.",
    "Officials from {a} met their counterparts from {b} in {p} on {d}.",
    "{a} sent humanitarian aid to {p}, a spokesman for {b} said.",
    "{a} rejected a proposal from {b} to reopen the border crossing near {p}.",
    "Protesters marched against {a} in {p} on {d}, according to {b}.",
    "{a} threatened to retaliate if {b} deployed more troops near {p}.",
    "Security forces of {a} arrested dozens of people in {p} on {d}.",
    "{a} agreed with {b} on {d} to extend the truce around {p}.",
)
TITLES = (
    "Tensions rise around {p}",
    "{a} and {b} trade blame",
    "Talks in {p} stall",
    "New fighting reported near {p}",
)


def _page(n: int, rng: random.Random, start: date) -> Page:
    day = start + timedelta(days=rng.randrange(0, 730))
    paragraphs = []
    for _ in range(rng.randint(2, 4)):
        a, b = rng.sample(ACTORS, 2)
        words = {"a": a, "b": b, "p": rng.choice(PLACES), "d": day.strftime("%A, %B %-d")}
        sentences = [rng.choice(SENTENCES).format(**words) for _ in range(rng.randint(1, 3))]
        paragraphs.append(" ".join(s[0].upper() + s[1:] for s in sentences))
    a, b = rng.sample(ACTORS, 2)
    title = rng.choice(TITLES).format(a=a, b=b, p=rng.choice(PLACES))
    text = "\n\n".join(paragraphs) + "\n"
    doc_id = f"gen-{n:07d}"
    iso = day.isoformat()
    digest = hashlib.sha256("\x00".join((text, title, iso)).encode("utf-8")).hexdigest()
    return Page(
        doc_id=doc_id,
        path=f"generated/{doc_id}.txt",
        text=text,
        title=title,
        date=iso,
        source="generated",
        content_hash=digest,
    )


def generate_pages(count: int, seed: int = 7, first: int = 0) -> Iterator[Page]:
    """``count`` generated pages numbered from ``first``; the same seed, the same pages."""
    for n in range(first, first + count):
        yield _page(n, random.Random(f"{seed}:{n}"), date(2023, 1, 1))


def write_jsonl(path: str | Path, count: int, seed: int = 7) -> Path:
    """Write ``count`` generated pages as a JSONL file ``sitrep ingest`` reads."""
    target = Path(path)
    with target.open("w", encoding="utf-8") as handle:
        for page in generate_pages(count, seed):
            record = {
                "id": page.doc_id,
                "title": page.title,
                "text": page.text,
                "date": page.date,
                "source": page.source,
            }
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return target
