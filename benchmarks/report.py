"""Time a situation report of many generated events and print the figures.

.venv/bin/python benchmarks/report.py                 # 10,000 events over 90 days
.venv/bin/python benchmarks/report.py --events 50000  # more

The events are made up (random actors, types, places and dates, with sentences that sit
at real offsets of their page's text) and bulk-inserted into a temporary SQLite store
through the schema's tables; nothing here runs the NLP pipeline.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import sqlalchemy as sa

from sitrep.report import all_figures, build_report, write_html, write_markdown, write_pdf
from sitrep.store import Store, schema

TYPES = {  # type: (quad, score)
    "CONSULT": ("verbal_coop", 1.0),
    "AGREE": ("verbal_coop", 3.0),
    "SUPPORT": ("verbal_coop", 3.5),
    "AID": ("material_coop", 7.0),
    "COOPERATE": ("material_coop", 5.0),
    "REQUEST": ("verbal_conflict", -2.0),
    "ACCUSE": ("verbal_conflict", -2.0),
    "THREATEN": ("verbal_conflict", -7.0),
    "PROTEST": ("material_conflict", -6.5),
    "COERCE": ("material_conflict", -7.0),
    "ASSAULT": ("material_conflict", -10.0),
}
PLACES = [  # name, lat, lon, country
    ("Baghdad", 33.34, 44.40, "IRQ"),
    ("Basra", 30.51, 47.78, "IRQ"),
    ("Mosul", 36.34, 43.13, "IRQ"),
    ("Erbil", 36.19, 44.01, "IRQ"),
    ("Tehran", 35.69, 51.42, "IRN"),
    ("Damascus", 33.51, 36.29, "SYR"),
    ("Deir ez-Zor", 35.34, 40.14, "SYR"),
    ("Beirut", 33.89, 35.50, "LBN"),
    ("Amman", 31.95, 35.93, "JOR"),
    ("Riyadh", 24.69, 46.72, "SAU"),
    ("Sanaa", 15.35, 44.21, "YEM"),
    ("Ankara", 39.93, 32.86, "TUR"),
]
COUNTRIES = ["IRQ", "IRN", "SYR", "USA", "TUR", "SAU", "ISR", "RUS"]
SECTORS = ["GOV", "MIL", "COP", "REB", "OPP", "CVL", "LEG"]


def make_actors(rng: random.Random) -> list[dict]:
    actors = []
    for country in COUNTRIES:
        for sector in SECTORS:
            actors.append(
                {
                    "id": f"{country.lower()}_{sector.lower()}",
                    "name": f"{country} {sector.title()} actor",
                    "code": country + sector,
                    "type": "group",
                    "country": country,
                    "aliases": [],
                    "roles": [],
                    "known": True,
                }
            )
    for number in range(25):
        actors.append(
            {
                "id": f"unknown:person-{number}",
                "name": f"Person {number}",
                "code": "UNK",
                "type": "person",
                "country": None,
                "aliases": [],
                "roles": [],
                "known": False,
            }
        )
    rng.shuffle(actors)
    return actors


def fill(path: Path, count: int, days: int, seed: int = 7) -> tuple[str, str]:
    """Store ``count`` generated events on about one page per 20 events; returns the
    period they span."""
    rng = random.Random(seed)
    Store.open(path).close()  # creates and migrates the schema
    engine = sa.create_engine(f"sqlite:///{path}")
    start = date(2024, 1, 1)
    actors = make_actors(rng)
    weights = [1 / (i + 1) for i in range(len(actors))]  # a few actors dominate
    now = datetime.now(UTC).isoformat(timespec="seconds")
    doc_rows, event_rows, link_rows = [], [], []
    pages = max(1, count // 20)
    per_page = [count // pages + (1 if i < count % pages else 0) for i in range(pages)]
    serial = 0
    for page in range(pages):
        doc = f"page-{page:05d}"
        day = start + timedelta(days=rng.randrange(days))
        pieces, offset = [], 0
        for _ in range(per_page[page]):
            kind = rng.choice(list(TYPES))
            quad, score = TYPES[kind]
            source, target = rng.choices(actors, weights=weights, k=2)
            place = rng.choice(PLACES) if rng.random() < 0.7 else None
            modality = rng.choices(
                ["asserted", "reported", "predicted", "speculated", "negated"],
                weights=[60, 25, 6, 6, 3],
            )[0]
            sentence = (
                f"{source['name']} took {kind.lower()} action against {target['name']}"
                f"{' in ' + place[0] if place else ''} on {day.isoformat()}."
            )
            begin, end = offset, offset + len(sentence)
            pieces.append(sentence)
            offset = end + 1
            event_id = f"ev{serial:07d}"
            serial += 1
            refs = [
                {"id": a["id"], "name": a["name"], "code": a["code"], "text": a["name"]}
                for a in (source, target)
            ]
            row = {
                "event_id": event_id,
                "doc": doc,
                "type": kind,
                "mode": None,
                "source": [refs[0]],
                "target": [refs[1]],
                "date": day.isoformat(),
                "date_precision": "day",
                "location": None
                if place is None
                else {
                    "doc": doc,
                    "start": begin,
                    "end": begin + 1,
                    "text": place[0],
                    "name": place[0],
                    "lat": place[1],
                    "lon": place[2],
                    "country": place[3],
                    "geonames_id": None,
                    "precision": "city",
                },
                "modality": modality,
                "segment": "body",
                "sentence": sentence,
                "start": begin,
                "end": end,
                "trigger": kind.lower(),
                "trigger_start": begin,
                "trigger_end": begin + 1,
                "confidence": 0.8,
                "quad": quad,
                "score": score,
                "attributed_to": None,
            }
            if "cluster_id" in schema.events.c:
                row["cluster_id"] = f"c{rng.randrange(count // 3)}"
            event_rows.append(row)
            for role, actor in (("source", source), ("target", target)):
                link_rows.append(
                    {
                        "event_id": event_id,
                        "role": role,
                        "position": 0,
                        "actor_id": actor["id"],
                        "name": actor["name"],
                        "code": actor["code"],
                    }
                )
        text = " ".join(pieces)
        doc_rows.append(
            {
                "doc": doc,
                "path": f"{doc}.txt",
                "title": f"Generated page {page}",
                "url": f"https://generated.example/{doc}",
                "date": day.isoformat(),
                "date_source": "metadata",
                "source": "benchmark",
                "content_hash": doc,
                "text": text,
                "segments": [[0, len(text), "body"]],
                "ingested_at": now,
            }
        )
    with engine.begin() as conn:
        conn.execute(sa.insert(schema.documents), doc_rows)
        conn.execute(sa.insert(schema.actors), actors)
        conn.execute(sa.insert(schema.events), event_rows)
        conn.execute(sa.insert(schema.event_actors), link_rows)
    engine.dispose()
    return start.isoformat(), (start + timedelta(days=days - 1)).isoformat()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--events", type=int, default=10_000, help="events to generate")
    parser.add_argument("--days", type=int, default=90, help="days they spread over")
    parser.add_argument("--keep", type=Path, help="write the reports into this folder")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        out = args.keep or Path(folder)
        out.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        first, last = fill(Path(folder) / "bench.db", args.events, args.days)
        print(f"stored {args.events:,} events in {time.perf_counter() - started:.1f} s")
        with Store.open(Path(folder) / "bench.db") as store:
            timings = {}
            began = time.perf_counter()
            report = build_report(store, first, last)
            timings["build_report"] = time.perf_counter() - began
            began = time.perf_counter()
            figures = all_figures(report)
            timings["figures (trend, network, map)"] = time.perf_counter() - began
            for name, writer, file in (
                ("write_html", write_html, "report.html"),
                ("write_markdown", write_markdown, "report.md"),
                ("write_pdf", write_pdf, "report.pdf"),
            ):
                began = time.perf_counter()
                writer(report, out / file, figures)
                timings[name + " (figures drawn)"] = time.perf_counter() - began
            began = time.perf_counter()
            write_html(report, out / "fresh.html")
            timings["build + html from scratch"] = (
                time.perf_counter() - began + timings["build_report"]
            )
        print(
            f"report {first} to {last}: {report.summary.total.current:,} events, "
            f"{len(report.key_events)} key events, {len(report.citations)} citations"
        )
        for name, seconds in timings.items():
            print(f"  {name:32s} {seconds:6.2f} s")
        sizes = ", ".join(
            f"{f}: {(out / f).stat().st_size / 1024:.0f} KiB"
            for f in ("report.html", "report.md", "report.pdf")
        )
        print(f"  sizes: {sizes}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
