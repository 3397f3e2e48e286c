"""Latency of the main API queries over a database of generated events.

Fills a SQLite database with N generated events (default 100,000) on 1,000 pages, with
bulk inserts through the schema tables, then times each query through the ASGI client
and prints p50/p95 in milliseconds. Target: p95 under 100 ms.

    python benchmarks/api.py                 # 100,000 events in a temporary folder
    python benchmarks/api.py --events 20000 --repeat 20 --db /tmp/bench.db
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import sqlalchemy as sa

from sitrep.models import (
    ActorRef,
    Document,
    Event,
    Modality,
    Place,
    Segment,
    SegmentKind,
)
from sitrep.store import Store, records, schema
from sitrep.store.store import database_url

TYPES = {  # type: (quad, score)
    "AGREE": ("verbal_coop", 4.0),
    "CONSULT": ("verbal_coop", 1.0),
    "SUPPORT": ("verbal_coop", 3.0),
    "CONCEDE": ("verbal_coop", 5.0),
    "COOPERATE": ("material_coop", 6.0),
    "AID": ("material_coop", 7.0),
    "RETREAT": ("material_coop", 5.0),
    "REQUEST": ("verbal_conflict", -2.0),
    "ACCUSE": ("verbal_conflict", -2.5),
    "REJECT": ("verbal_conflict", -4.0),
    "THREATEN": ("verbal_conflict", -6.0),
    "PROTEST": ("material_conflict", -6.5),
    "SANCTION": ("material_conflict", -7.0),
    "MOBILIZE": ("material_conflict", -6.0),
    "COERCE": ("material_conflict", -7.5),
    "ASSAULT": ("material_conflict", -9.5),
}
COUNTRIES = ["IRQ", "IRN", "USA", "ISR", "PSE", "SYR", "TUR", "RUS", "UKR", "YEM", "SAU", "LBN"]
SECTORS = ["", "GOV", "MIL", "COP", "REB", "OPP", "CVL", "LEG"]
PLACES = [
    ("Baghdad", 33.34, 44.40, "IRQ"),
    ("Basrah", 30.51, 47.78, "IRQ"),
    ("Mosul", 36.34, 43.13, "IRQ"),
    ("Tehran", 35.69, 51.42, "IRN"),
    ("Washington", 38.90, -77.04, "USA"),
    ("Gaza", 31.50, 34.47, "PSE"),
    ("Jerusalem", 31.77, 35.22, "ISR"),
    ("Damascus", 33.51, 36.29, "SYR"),
    ("Aleppo", 36.20, 37.16, "SYR"),
    ("Ankara", 39.93, 32.86, "TUR"),
    ("Moscow", 55.75, 37.62, "RUS"),
    ("Kyiv", 50.45, 30.52, "UKR"),
    ("Sanaa", 15.35, 44.21, "YEM"),
    ("Riyadh", 24.69, 46.72, "SAU"),
    ("Beirut", 33.89, 35.50, "LBN"),
]
WORDS = [
    "troops",
    "attacked",
    "protesters",
    "officials",
    "met",
    "talks",
    "ceasefire",
    "border",
    "militia",
    "strike",
]


def _actors() -> list[ActorRef]:
    refs = []
    for country in COUNTRIES:
        for sector in SECTORS:
            code = country + sector
            ident = country.lower() if not sector else f"generic:{code.lower()}"
            refs.append(
                ActorRef(id=ident, name=f"{country} {sector}".strip(), code=code, text=code)
            )
    return refs


def _document(number: int, day: date) -> Document:
    text = f"Page {number}\n\n" + " ".join(random.choices(WORDS, k=120))
    return Document(
        doc_id=f"doc{number:05d}",
        path=f"bench/doc{number:05d}.txt",
        text=text,
        segments=(
            Segment(0, len(f"Page {number}"), SegmentKind.TITLE),
            Segment(len(f"Page {number}") + 2, len(text), SegmentKind.BODY),
        ),
        content_hash=f"h{number}",
        title=f"Page {number}",
        date=day.isoformat(),
        date_source="metadata",
    )


def _event(number: int, doc: Document, day: date, actors: list[ActorRef]) -> Event:
    kind = random.choice(list(TYPES))
    quad, score = TYPES[kind]
    name, lat, lon, country = random.choice(PLACES)
    segment = random.choices(
        [SegmentKind.BODY, SegmentKind.QUOTE, SegmentKind.COMMENT], weights=[90, 5, 5]
    )[0]
    sentence = " ".join(random.choices(WORDS, k=18)) + "."
    start = random.randrange(0, 500)
    source, target = random.sample(actors, 2)
    return Event(
        event_id=f"ev{number:07d}",
        doc_id=doc.doc_id,
        type=kind,
        mode=None,
        source=(source,),
        target=(target,) if random.random() < 0.8 else (),
        date=(day + timedelta(days=-random.randrange(0, 5))).isoformat(),
        location=Place(doc.doc_id, start, start + len(name), name, name, lat, lon, country, None)
        if random.random() < 0.7
        else None,
        modality=random.choices(list(Modality), weights=[60, 25, 4, 4, 3, 3, 1])[0],
        segment=segment,
        sentence=sentence,
        start=start,
        end=start + len(sentence),
        trigger=sentence.split()[1],
        trigger_start=start + len(sentence.split()[0]) + 1,
        trigger_end=start + len(sentence.split()[0]) + 1 + len(sentence.split()[1]),
        confidence=round(random.random(), 3),
        quad=quad,
        score=score,
    )


def _filled(db: str) -> bool:
    """Whether ``db`` (a path or URL) already holds events."""
    if "://" not in db and not Path(db).exists():
        return False
    with Store.open(db) as store:
        return store.count("events") > 0


def fill(db: str, n_events: int, n_docs: int = 1000) -> None:
    random.seed(7)
    actors = _actors()
    with Store.open(db):
        pass  # create and migrate
    engine = sa.create_engine(database_url(db))
    now = "2024-01-01T00:00:00+00:00"
    first = date(2018, 1, 1)
    days = [first + timedelta(days=random.randrange(0, 7 * 365)) for _ in range(n_docs)]
    docs = [_document(i, d) for i, d in enumerate(days)]
    with engine.begin() as conn:
        conn.execute(sa.insert(schema.documents), [records.document_values(d, now) for d in docs])
        conn.execute(
            sa.insert(schema.actors),
            [
                {
                    "id": a.id,
                    "name": a.name,
                    "code": a.code,
                    "type": "group",
                    "country": a.code[:3],
                    "aliases": [],
                    "roles": [],
                    "known": True,
                }
                for a in actors
            ],
        )
    batch = 10_000
    for begin in range(0, n_events, batch):
        events = []
        for number in range(begin, min(begin + batch, n_events)):
            doc_index = number % n_docs
            events.append(_event(number, docs[doc_index], days[doc_index], actors))
        with engine.begin() as conn:
            conn.execute(
                sa.insert(schema.events), [records.event_values(e, e.doc_id) for e in events]
            )
            conn.execute(
                sa.insert(schema.event_actors),
                [row for e in events for row in records.event_actor_values(e)],
            )
    with engine.begin() as conn:
        conn.execute(sa.text("ANALYZE"))
    engine.dispose()


def run(db: str, repeat: int) -> None:
    from fastapi.testclient import TestClient

    from sitrep.api import create_app

    client = TestClient(create_app(db))
    first_page = client.get("/api/events", params={"limit": 50}).json()
    queries = {
        "events (first page)": ("/api/events", {"limit": 50}),
        "events (first, no total)": ("/api/events", {"limit": 50, "total": "false"}),
        "events (next page)": (
            "/api/events",
            {"limit": 50, "cursor": first_page["next_cursor"], "total": "false"},
        ),
        "events actor=IRQ": ("/api/events", {"actor": "IRQ"}),
        "events actor=irn & usa": ("/api/events", {"actor": ["irn", "usa"]}),
        "events type+month": (
            "/api/events",
            {"type": "ASSAULT", "from": "2021-03", "to": "2021-03"},
        ),
        "events sort=-score": ("/api/events", {"sort": "-score"}),
        "events q=ceasefire": ("/api/events", {"q": "ceasefire"}),
        "events bbox Iraq": ("/api/events", {"bbox": "38,29,49,38"}),
        "event by id": ("/api/events/ev0050000", {}),
        "counts by month": ("/api/counts", {"by": "month"}),
        "counts by week, 1 year": ("/api/counts", {"by": "week", "from": "2022", "to": "2022"}),
        "counts/dyads": ("/api/counts/dyads", {"limit": 60}),
        "counts/locations": ("/api/counts/locations", {}),
        "actors": ("/api/actors", {}),
        "documents": ("/api/documents", {}),
        "document detail": ("/api/documents/doc00500", {}),
    }
    print(f"{'query':28} {'p50 ms':>8} {'p95 ms':>8}  items")
    for name, (path, params) in queries.items():
        times = []
        response = None
        for _ in range(repeat):
            started = time.perf_counter()
            response = client.get(path, params=params)
            times.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, response.text
        body = response.json()
        items = len(body.get("items", body.get("periods", body.get("events", []))))
        times.sort()
        p95 = times[max(0, round(0.95 * len(times)) - 1)]
        print(f"{name:28} {statistics.median(times):8.1f} {p95:8.1f}  {items}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument(
        "--db", default=None, help="reuse or create this database (a path or a PostgreSQL URL)"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = args.db or str(Path(folder) / "bench.db")
        if not _filled(db):
            started = time.perf_counter()
            fill(db, args.events)
            print(f"filled {db} with {args.events} events in {time.perf_counter() - started:.1f} s")
        run(db, args.repeat)


if __name__ == "__main__":
    main()
