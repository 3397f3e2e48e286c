"""The API's fast read paths give the same answers as reading every row.

A store is filled through ``Store.save`` with generated events (several sources and
targets, an actor named twice, no place, reader comments, no date), then each
aggregation and filter the API speeds up with copied columns or a different plan is
compared with the same computation over ``Store.iter_rows``. No spaCy is needed.
"""

from __future__ import annotations

import random
from collections import Counter, defaultdict

import pytest
import sqlalchemy as sa
from alembic import command

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
from sitrep.store import Filters, Store, migrate, records, schema

COUNTRIES = ("IRQ", "IRN", "USA", "TUR", "SYR")
SECTORS = ("", "GOV", "MIL")
PLACES = (
    ("Baghdad", 33.34, 44.40, "IRQ"),
    ("Basrah", 30.51, 47.78, "IRQ"),
    ("Tehran", 35.69, 51.42, "IRN"),
    ("Washington", 38.90, -77.04, "USA"),
    ("Ankara", 39.93, 32.86, "TUR"),
    ("Damascus", 33.51, 36.29, "SYR"),
)
WORDS = ("troops", "Ceasefire", "talks", "border", "strike", "50%", "under_score", "met")
TYPES = (("AGREE", "verbal_coop", 4.0), ("ASSAULT", "material_conflict", -9.5))


def _actors() -> list[Actor]:
    found = []
    for country in COUNTRIES:
        for sector in SECTORS:
            code = country + sector
            ident = country.lower() if not sector else f"generic:{code.lower()}"
            name = f"{country} {sector}".strip()
            found.append(Actor(id=ident, name=name, type=ActorType.GROUP, code=code))
    return found


def _ref(actor: Actor) -> ActorRef:
    return ActorRef(id=actor.id, name=actor.name, code=actor.code, text=actor.name)


def _sides(rng: random.Random, refs: list[ActorRef]) -> tuple[tuple, tuple]:
    shape = rng.random()
    if shape < 0.55:  # one pair
        source, target = rng.sample(refs, 2)
        return (source,), (target,)
    if shape < 0.65:  # no target
        return (rng.choice(refs),), ()
    if shape < 0.75:  # the same actor on both sides: no pair
        one = rng.choice(refs)
        return (one,), (one,)
    if shape < 0.85:  # one actor named twice among the sources, and the target too
        one, other = rng.sample(refs, 2)
        return (one, one), (other, one)
    return tuple(rng.sample(refs, 2)), tuple(rng.sample(refs, rng.choice((1, 2))))


def _pages() -> list[AnalysedDocument]:
    rng = random.Random(11)
    actors = _actors()
    refs = [_ref(a) for a in actors]
    pages = []
    number = 0
    for page in range(12):
        doc_id = f"page{page:02d}"
        text = f"Page {page}\n\n" + "words " * 40
        document = Document(
            doc_id=doc_id,
            path=f"{doc_id}.txt",
            text=text,
            segments=(Segment(0, 7, SegmentKind.TITLE), Segment(9, len(text), SegmentKind.BODY)),
            content_hash=f"hash{page}",
            date=f"2021-{page % 12 + 1:02d}-15",
        )
        events = []
        for _ in range(25):
            kind, quad, score = rng.choice(TYPES)
            source, target = _sides(rng, refs)
            name, lat, lon, country = rng.choice(PLACES)
            place = Place(doc_id, 0, len(name), name, name, lat, lon, country, None)
            sentence = " ".join(rng.choices(WORDS, k=6)) + "."
            day = rng.choice(
                (None, "2021", "2021-03", f"2021-{rng.randrange(1, 13):02d}-0{rng.randrange(1, 9)}")
            )
            events.append(
                Event(
                    event_id=f"ev{number:04d}",
                    doc_id=doc_id,
                    type=kind,
                    mode=None,
                    source=source,
                    target=target,
                    date=day,
                    location=place if rng.random() < 0.7 else None,
                    modality=Modality.ASSERTED,
                    segment=rng.choices(
                        [SegmentKind.BODY, SegmentKind.QUOTE, SegmentKind.COMMENT], [80, 10, 10]
                    )[0],
                    sentence=sentence,
                    start=0,
                    end=len(sentence),
                    trigger="met",
                    trigger_start=0,
                    trigger_end=3,
                    confidence=round(rng.random(), 2),
                    quad=quad,
                    score=score,
                )
            )
            number += 1
        pages.append(
            AnalysedDocument(document=document, events=tuple(events), actors=tuple(actors))
        )
    return pages


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    path = tmp_path_factory.mktemp("api-paths") / "paths.db"
    with Store.open(path) as store:
        for analysed in _pages():
            assert store.save(analysed) == "inserted"
    engine = sa.create_engine(f"sqlite:///{path}")
    yield engine
    engine.dispose()


@pytest.fixture(scope="module")
def store(engine):
    with Store.open(engine.url.database) as opened:
        yield opened


def _rows(store: Store, filters: Filters | None = None) -> list[dict]:
    return list(store.iter_rows("events", filters))


def _refs(row: dict, side: str) -> list[dict]:
    many = row.get(side + "s")
    if many is not None:
        return many
    return [row[side]] if row[side] is not None else []


def _all_pages(engine, query: queries.EventQuery, sort: str = "date") -> list[str]:
    ids, cursor = [], None
    while True:
        page = queries.list_events(engine, query, sort=sort, limit=7, cursor=cursor)
        ids.extend(item["event_id"] for item in page.items)
        cursor = page.next_cursor
        if cursor is None:
            return ids


def test_generated_store_has_every_shape_of_event(store):
    rows = _rows(store, Filters(include_comments=True))
    assert any(len(_refs(r, "source")) > 1 for r in rows)
    assert any(not _refs(r, "target") for r in rows)
    assert any(r["location"] is None for r in rows)
    assert any(r["date"] is None for r in rows)
    assert any(r["segment"] == "comment" for r in rows)


@pytest.mark.parametrize("share", [0.0, 2.0], ids=["exists", "in"])
@pytest.mark.parametrize(
    ("actors", "sort"),
    [
        (("IRQ",), "date"),
        (("irn", "usa"), "-score"),
        (("USA GOV",), "confidence"),
        (("tur",), "type"),
    ],
)
def test_actor_filter_pages_match_the_store_filter_with_either_plan(
    engine, store, monkeypatch, share, actors, sort
):
    monkeypatch.setattr(queries, "COMMON_SHARE", share)
    query = queries.EventQuery(
        filters=Filters(actor=actors[0]), also_actor=actors[1] if len(actors) > 1 else None
    )
    expected = {r["event_id"] for r in _rows(store, Filters(actor=actors[0]))}
    if len(actors) > 1:
        expected &= {r["event_id"] for r in _rows(store, Filters(actor=actors[1]))}
    assert expected
    got = _all_pages(engine, query, sort)
    assert len(got) == len(set(got))
    assert set(got) == expected
    assert queries.list_events(engine, query, limit=1).total == len(expected)


def test_text_search_matches_words_in_any_case_and_takes_like_characters_literally(engine, store):
    rows = _rows(store)
    for words in ("ceasefire", "CEASEFIRE talks", "50%", "under_score", "r_s"):
        expected = {r["event_id"] for r in rows if words.lower() in r["sentence"].lower()}
        got = _all_pages(engine, queries.EventQuery(text=words))
        assert set(got) == expected, words


@pytest.mark.parametrize("cap", [3, 1_000_000])
def test_a_text_search_total_stops_at_the_cap_and_says_so(engine, store, monkeypatch, cap):
    monkeypatch.setattr(queries, "TEXT_TOTAL_CAP", cap)
    rows = _rows(store)
    matching = sum("ceasefire" in r["sentence"].lower() for r in rows)
    assert matching > 3
    page = queries.list_events(engine, queries.EventQuery(text="ceasefire"), limit=2)
    assert page.total == min(matching, cap)
    assert page.total_capped == (matching > cap)
    assert len(page.items) == 2 and page.next_cursor is not None
    other = queries.list_events(engine, queries.EventQuery(), limit=2)
    assert other.total == len(rows) and not other.total_capped  # only text search is capped


@pytest.mark.parametrize("box", ["30,30,48,37", "-80,30,40,40", "170,-10,-170,10", "40,30,-75,40"])
def test_bbox_matches_the_event_locations(engine, store, box):
    parsed = queries.BBox.parse(box)

    def inside(loc: dict | None) -> bool:
        if loc is None or not parsed.south <= loc["lat"] <= parsed.north:
            return False
        if parsed.west <= parsed.east:
            return parsed.west <= loc["lon"] <= parsed.east
        return loc["lon"] >= parsed.west or loc["lon"] <= parsed.east

    expected = {r["event_id"] for r in _rows(store) if inside(r["location"])}
    assert set(_all_pages(engine, queries.EventQuery(bbox=parsed))) == expected


@pytest.mark.parametrize(
    "filters", [Filters(), Filters(actor="IRQ"), Filters(include_comments=True)]
)
def test_locations_count_each_place_of_the_matching_events(engine, store, filters):
    expected: dict[tuple, list[float]] = defaultdict(list)
    for r in _rows(store, filters):
        loc = r["location"]
        if loc is not None:
            expected[(loc["name"], loc["lat"], loc["lon"], loc["country"])].append(r["score"])
    got = aggregates.event_locations(engine, queries.EventQuery(filters=filters))
    assert {(g.name, g.lat, g.lon, g.country): g.events for g in got} == {
        key: len(scores) for key, scores in expected.items()
    }
    for g in got:
        scores = expected[(g.name, g.lat, g.lon, g.country)]
        assert g.mean_score == round(sum(scores) / len(scores), 3)
    assert [g.events for g in got] == sorted((g.events for g in got), reverse=True)


def _expected_dyads(rows: list[dict]) -> dict[tuple[str, str], tuple[int, float]]:
    events: dict[tuple[str, str], set[str]] = defaultdict(set)
    scores: dict[tuple[str, str], list[float]] = defaultdict(list)
    for r in rows:
        for s in _refs(r, "source"):
            for t in _refs(r, "target"):
                if s["id"] != t["id"]:
                    events[(s["id"], t["id"])].add(r["event_id"])
                    scores[(s["id"], t["id"])].append(r["score"])
    return {
        pair: (len(ids), round(sum(scores[pair]) / len(scores[pair]), 3))
        for pair, ids in events.items()
    }


@pytest.mark.parametrize(
    "query",
    [
        queries.EventQuery(),
        queries.EventQuery(filters=Filters(actor="USA", type="ASSAULT")),
        queries.EventQuery(filters=Filters(date_from="2021-03", date_to="2021-08")),
    ],
)
def test_dyads_count_every_source_target_pair_once_per_event(engine, store, query):
    expected = _expected_dyads(_rows(store, query.filters))
    got = aggregates.dyad_counts(engine, query, limit=10_000)
    assert {(d.source_id, d.target_id): (d.events, d.mean_score) for d in got} == expected
    order = [(-d.events, d.source_id, d.target_id) for d in got]
    assert order == sorted(order)
    top = aggregates.dyad_counts(engine, query, limit=3)
    assert [(d.source_id, d.target_id) for d in top] == [
        (d.source_id, d.target_id) for d in got[:3]
    ]


def test_dyads_of_single_pair_events_alone_are_ordered_and_cut_in_sql(engine, store):
    # one type and one page: events linking several pairs may or may not be among them
    query = queries.EventQuery(filters=Filters(doc="page03"))
    expected = _expected_dyads(_rows(store, query.filters))
    got = aggregates.dyad_counts(engine, query, limit=2)
    ranked = sorted(expected.items(), key=lambda item: (-item[1][0], item[0]))[:2]
    assert [((d.source_id, d.target_id), (d.events, d.mean_score)) for d in got] == ranked


@pytest.mark.parametrize("by", queries.PERIODS)
def test_counts_by_period_fold_every_dated_event(engine, store, by):
    expected: Counter = Counter()
    for r in _rows(store):
        if r["date"] is not None:
            expected[(aggregates.period_of(r["date"], by)[0], r["quad"])] += 1
    got = aggregates.counts_by_period(engine, queries.EventQuery(), by)
    assert {(p.period, q): n for p in got for q, n in p.counts.items() if n} == dict(expected)
    assert [p.period for p in got] == sorted(p.period for p in got)


def test_actor_event_counts_count_each_event_once(engine, store):
    expected: Counter = Counter()
    for r in _rows(store, Filters(include_comments=True)):
        for ident in {ref["id"] for side in ("source", "target") for ref in _refs(r, side)}:
            expected[ident] += 1
    got = {a["id"]: a["events"] for a in queries.list_actors(engine, limit=1000)}
    assert got == {ident: expected.get(ident, 0) for ident in got}
    assert set(expected) <= set(got)


def test_migrations_0005_and_0008_fill_the_new_columns_of_stored_rows(tmp_path):
    path = tmp_path / "old.db"
    engine = sa.create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        command.upgrade(migrate.alembic_config(connection=conn), "0004")
    pages = _pages()[:3]
    new_event = {"lat", "lon", "place_name", "place_country", "pair_source", "pair_target"}
    new_event.add("pair_rows")
    with engine.begin() as conn:
        for analysed in pages:
            conn.execute(
                sa.insert(schema.documents), [records.document_values(analysed.document, "now")]
            )
            rows = [records.event_values(e, e.doc_id) for e in analysed.events]
            conn.execute(
                sa.insert(schema.events),
                [{k: v for k, v in row.items() if k not in new_event} for row in rows],
            )
            links = [link for e in analysed.events for link in records.event_actor_values(e)]
            for link in links:
                for newer in ("repeats_actor", "type", "date"):  # columns of later migrations
                    del link[newer]
            conn.execute(sa.insert(schema.event_actors), links)
    with engine.begin() as conn:
        migrate.upgrade(conn)
    ev, ea = schema.events, schema.event_actors
    with engine.connect() as conn:
        stored = {r.event_id: r._mapping for r in conn.execute(sa.select(ev))}
        repeats = {
            (r.event_id, r.role, r.position): r.repeats_actor
            for r in conn.execute(
                sa.select(ea.c.event_id, ea.c.role, ea.c.position, ea.c.repeats_actor)
            )
        }
        typed = {
            (r.event_id, r.role, r.position): (r.type, r.date)
            for r in conn.execute(
                sa.select(ea.c.event_id, ea.c.role, ea.c.position, ea.c.type, ea.c.date)
            )
        }
    engine.dispose()
    for event in (e for a in pages for e in a.events):
        wanted = {**records.event_place_values(event), **records.event_pair_values(event)}
        assert {k: stored[event.event_id][k] for k in wanted} == wanted, event.event_id
        for link in records.event_actor_values(event):
            key = (link["event_id"], link["role"], link["position"])
            assert bool(repeats[key]) == link["repeats_actor"], key
            assert typed[key] == (event.type, event.date), key  # filled by 0008
