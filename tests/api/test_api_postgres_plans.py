"""The API's PostgreSQL read paths: migration 0007's indexes are there and usable, and the
PostgreSQL-only query shapes (an actor checked event by event in sort order, a pair's
event ids bound as one array, text search through the trigram index, aggregations over
partial indexes) give the answers the store's own filters give.

Runs against the session's ``postgres_server`` (tests/conftest.py: the server
``$SITREP_TEST_POSTGRES_URL`` names, else a throwaway one), in a fresh database per
module; skipped, saying why, only when no server can be started.
"""

from __future__ import annotations

import random
import uuid
from collections import Counter

import pytest
import sqlalchemy as sa

from sitrep.api import aggregates, queries
from sitrep.models import (
    Actor,
    ActorRef,
    ActorType,
    AnalysedDocument,
    Document,
    Event,
    Modality,
    Place,
    Segment,
    SegmentKind,
)
from sitrep.store import Filters, Store, schema
from sitrep.store.store import database_url

WORDS = ("troops", "Ceasefire", "talks", "border", "50%", "under_score", "met")
CODES = ("IRQ", "IRN", "USA", "IRQGOV", "USAMIL")


def _actors() -> list[Actor]:
    return [
        Actor(
            id=code.lower() if len(code) == 3 else f"generic:{code.lower()}",
            name=code,
            type=ActorType.GROUP,
            code=code,
        )
        for code in CODES
    ]


def _pages() -> list[AnalysedDocument]:
    rng = random.Random(5)
    actors = _actors()
    refs = [ActorRef(id=a.id, name=a.name, code=a.code, text=a.name) for a in actors]
    pages, number = [], 0
    for page in range(6):
        doc_id = f"pg{page}"
        text = f"Page {page}\n\n" + "words " * 30
        document = Document(
            doc_id=doc_id,
            path=f"{doc_id}.txt",
            text=text,
            segments=(Segment(0, 6, SegmentKind.TITLE), Segment(8, len(text), SegmentKind.BODY)),
            content_hash=f"h{page}",
            date=f"2022-0{page + 1}-10",
        )
        events = []
        for _ in range(20):
            source, target = rng.sample(refs, 2)
            sentence = " ".join(rng.choices(WORDS, k=5)) + "."
            place = Place(doc_id, 0, 5, "Basra", "Basra", 30.5, 47.8, "IRQ", None)
            events.append(
                Event(
                    event_id=f"e{number:03d}",
                    doc_id=doc_id,
                    type="AGREE",
                    mode=None,
                    source=(source,),
                    target=(target,) if rng.random() < 0.8 else (),
                    date=rng.choice((None, "2022", f"2022-0{rng.randrange(1, 7)}-0{page + 1}")),
                    location=place if rng.random() < 0.6 else None,
                    modality=Modality.ASSERTED,
                    segment=rng.choice((SegmentKind.BODY, SegmentKind.COMMENT)),
                    sentence=sentence,
                    start=0,
                    end=len(sentence),
                    trigger="met",
                    trigger_start=0,
                    trigger_end=3,
                    confidence=round(rng.random(), 2),
                    quad="verbal_coop",
                    score=float(rng.randrange(-9, 9)),
                )
            )
            number += 1
        pages.append(
            AnalysedDocument(document=document, events=tuple(events), actors=tuple(actors))
        )
    return pages


@pytest.fixture(scope="module")
def pg_store(postgres_server):
    server = postgres_server
    name = f"t_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(database_url(server), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f"CREATE DATABASE {name}")
    url = server.rsplit("/", 1)[0] + f"/{name}"
    try:
        with Store.open(url) as store:
            for analysed in _pages():
                assert store.save(analysed) == "inserted"
            yield store
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        admin.dispose()


@pytest.fixture(scope="module")
def engine(pg_store):
    engine = sa.create_engine(pg_store.url)
    with engine.begin() as conn:
        conn.exec_driver_sql("ANALYZE")
    yield engine
    engine.dispose()


def _trigrams_shipped(conn: sa.Connection) -> bool:
    found = conn.exec_driver_sql(
        "SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'"
    ).first()
    return found is not None


def _all_pages(engine: sa.Engine, query: queries.EventQuery, sort: str = "date") -> list[str]:
    ids, cursor = [], None
    while True:
        page = queries.list_events(engine, query, sort=sort, limit=6, cursor=cursor)
        ids.extend(item["event_id"] for item in page.items)
        cursor = page.next_cursor
        if cursor is None:
            return ids


def test_migration_creates_the_postgres_read_indexes(engine):
    with engine.connect() as conn:
        names = {ix["name"] for ix in sa.inspect(conn).get_indexes("events")}
        wanted = set(schema.POSTGRES_ONLY_INDEXES)
        if not _trigrams_shipped(conn):
            wanted.discard("ix_events_sentence_trgm")
    assert wanted <= names


def test_text_search_finds_the_same_events_and_can_read_the_trigram_index(engine, pg_store):
    rows = list(pg_store.iter_rows("events"))
    for words in ("ceasefire", "CEASEFIRE talks", "50%", "under_score", "r_s"):
        expected = {r["event_id"] for r in rows if words.lower() in r["sentence"].lower()}
        got = _all_pages(engine, queries.EventQuery(text=words))
        assert len(got) == len(set(got))
        assert set(got) == expected, words
    count = (
        sa.select(sa.func.count())
        .select_from(schema.events)
        .where(
            *queries.event_conditions(
                queries.EventQuery(Filters(include_comments=True), text="ceasefire")
            )
        )
    )
    with engine.connect() as conn:
        if not _trigrams_shipped(conn):
            pytest.skip("this server does not ship pg_trgm")
        conn.exec_driver_sql("SET enable_seqscan = off")  # a small table: make the index win
        sql = count.compile(dialect=conn.dialect)
        plan = "\n".join(r[0] for r in conn.exec_driver_sql(f"EXPLAIN {sql}", sql.params))
    assert "ix_events_sentence_trgm" in plan


@pytest.mark.parametrize("common", [True, False], ids=["exists", "in"])
@pytest.mark.parametrize(
    ("actors", "sort"), [(("IRQ",), "date"), (("irn", "usa"), "-score"), (("usa",), "confidence")]
)
def test_actor_pages_match_the_store_filter_with_either_plan(
    engine, pg_store, monkeypatch, common, actors, sort
):
    monkeypatch.setattr(queries, "_actor_is_common_postgres", lambda *_args: common)
    query = queries.EventQuery(
        filters=Filters(actor=actors[0]), also_actor=actors[1] if len(actors) > 1 else None
    )
    expected = {r["event_id"] for r in pg_store.iter_rows("events", Filters(actor=actors[0]))}
    for other in actors[1:]:
        expected &= {r["event_id"] for r in pg_store.iter_rows("events", Filters(actor=other))}
    assert expected
    got = _all_pages(engine, query, sort)
    assert len(got) == len(set(got))
    assert set(got) == expected
    assert queries.list_events(engine, query, limit=1).total == len(expected)


def test_the_common_actor_rule_tells_a_frequent_actor_from_a_rare_one(engine):
    with engine.connect() as conn:
        assert queries._actor_is_common_postgres(conn, "IRQ", 2)  # IRQ and IRQGOV: many
        assert not queries._actor_is_common_postgres(conn, "nobody-at-all", 2)


def test_aggregations_over_the_partial_indexes_leave_out_comments_only(engine, pg_store):
    rows = list(pg_store.iter_rows("events"))
    assert all(r["segment"] != "comment" for r in rows)
    expected: Counter = Counter()
    for r in rows:
        if r["date"] is not None:
            expected[aggregates.period_of(r["date"], "month")[0]] += 1
    got = aggregates.counts_by_period(engine, queries.EventQuery(), "month")
    assert {p.period: p.total for p in got} == dict(expected)
    located = sum(1 for r in rows if r["location"] is not None)
    assert sum(g.events for g in aggregates.event_locations(engine, queries.EventQuery())) == (
        located
    )
    pairs = Counter(
        (r["source"]["id"], r["target"]["id"])
        for r in rows
        if r["source"] is not None and r["target"] is not None
    )
    dyads = aggregates.dyad_counts(engine, queries.EventQuery(), limit=1000)
    assert {(d.source_id, d.target_id): d.events for d in dyads} == dict(pairs)
