"""Store: save / replace / unchanged semantics, filters, summaries and export dicts."""

from __future__ import annotations

import csv
import dataclasses
import io
import json

import pytest

from sitrep import export
from sitrep.errors import QueryError, StoreError
from sitrep.models import (
    Actor,
    ActorRef,
    ActorType,
    AnalysedDocument,
    Claim,
    Document,
    Event,
    Mention,
    Modality,
    Place,
    Relation,
    Role,
    Segment,
    SegmentKind,
)
from sitrep.store import INSERTED, REPLACED, UNCHANGED, Filters, Store

IRQ_GOV = Actor(
    id="iraq-government",
    name="Government of Iraq",
    type=ActorType.STATE,
    code="IRQGOV",
    country="IRQ",
    aliases=("Iraqi government", "Baghdad"),
    roles=(),
)
PM = Actor(
    id="pm-example",
    name="Example Prime Minister",
    type=ActorType.PERSON,
    code="IRQELI",
    country="IRQ",
    roles=(Role(code="IRQGOV", title="Prime Minister", start="2022-10", end=None),),
)
IRAN = Actor(id="iran", name="Iran", type=ActorType.STATE, code="IRN", country="IRN")
MILITIA = Actor(
    id="unknown:river-brigade",
    name="River Brigade",
    type=ActorType.ARMED_GROUP,
    code="IRQREB",
    country="IRQ",
    known=False,
)


def ref(actor: Actor, text: str, code: str | None = None) -> ActorRef:
    return ActorRef(id=actor.id, name=actor.name, code=code or actor.code, text=text)


def make_analysed(
    doc_id: str = "doc-1",
    *,
    content_hash: str = "hash-1",
    date: str | None = "2024-05-03",
    assault_type: str = "ASSAULT",
    extra_sentence: str = "",
) -> AnalysedDocument:
    """A small hand-built analysed page: title, two body paragraphs, a quote, a comment."""
    parts = [
        (SegmentKind.TITLE, "Clashes near the river"),
        (SegmentKind.BODY, "The River Brigade attacked Iraqi police in Basra." + extra_sentence),
        (SegmentKind.BODY, "The Prime Minister met Iran and Turkey envoys in Baghdad."),
        (SegmentKind.QUOTE, "Officials said the talks went well."),
        (SegmentKind.BOILERPLATE, "Share this story"),
        (SegmentKind.COMMENT, "A reader says Iran accused the government."),
    ]
    text, segments, pos = "", [], 0
    for kind, part in parts:
        if text:
            text += "\n"
            pos += 1
        segments.append(Segment(pos, pos + len(part), kind))
        text += part
        pos += len(part)
    document = Document(
        doc_id=doc_id,
        path=f"pages/{doc_id}.html",
        text=text,
        segments=tuple(segments),
        content_hash=content_hash,
        title="Clashes near the river",
        url=f"https://example.org/{doc_id}",
        date=date,
        date_source="metadata",
        source="example.org",
    )

    def span(words: str) -> tuple[int, int]:
        start = text.index(words)
        return start, start + len(words)

    def mention(words: str, actor: Actor | None, kind: SegmentKind, label: str) -> Mention:
        s, e = span(words)
        return Mention(doc_id, s, e, words, kind, ref(actor, words) if actor else None, label=label)

    basra_s, basra_e = span("Basra")
    basra = Place(doc_id, basra_s, basra_e, "Basra", "Basra", 30.5, 47.8, "IRQ", 99532)
    bag_s, bag_e = span("Baghdad")
    baghdad = Place(doc_id, bag_s, bag_e, "Baghdad", "Baghdad", 33.34, 44.4, "IRQ", 98182)
    mentions = (
        mention("River Brigade", MILITIA, SegmentKind.BODY, "ORG"),
        mention("Iraqi police", None, SegmentKind.BODY, "NP"),
        mention("Prime Minister", PM, SegmentKind.BODY, "NP"),
        mention("Iran", IRAN, SegmentKind.BODY, "GPE"),
    )

    def event(
        n: int,
        etype: str,
        sentence: str,
        trigger: str,
        source: tuple[ActorRef, ...],
        target: tuple[ActorRef, ...],
        segment: SegmentKind,
        modality: Modality,
        ev_date: str | None,
        **extra,
    ) -> Event:
        s, e = span(sentence)
        ts = text.index(trigger, s)
        return Event(
            event_id=f"{doc_id}:e{n}",
            doc_id=doc_id,
            type=etype,
            mode=extra.pop("mode", None),
            source=source,
            target=target,
            date=ev_date,
            location=extra.pop("location", None),
            modality=modality,
            segment=segment,
            sentence=sentence,
            start=s,
            end=e,
            trigger=trigger,
            trigger_start=ts,
            trigger_end=ts + len(trigger),
            confidence=extra.pop("confidence", 0.8),
            quad=extra.pop("quad", ""),
            score=extra.pop("score", 0.0),
            attributed_to=extra.pop("attributed_to", None),
            date_precision="day" if ev_date and len(ev_date) == 10 else None,
        )

    events = (
        event(
            1,
            assault_type,
            "The River Brigade attacked Iraqi police in Basra.",
            "attacked",
            (ref(MILITIA, "River Brigade"),),
            (ActorRef("iraq-police", "Iraqi police", "IRQCOP", "Iraqi police"),),
            SegmentKind.BODY,
            Modality.ASSERTED,
            date,
            mode="firearms",
            location=basra,
            quad="material conflict",
            score=-9.0,
        ),
        event(
            2,
            "CONSULT",
            "The Prime Minister met Iran and Turkey envoys in Baghdad.",
            "met",
            (ref(PM, "The Prime Minister", code="IRQGOV"),),
            (ref(IRAN, "Iran"), ActorRef("turkey", "Turkey", "TUR", "Turkey")),
            SegmentKind.BODY,
            Modality.REPORTED,
            date[:7] if date else None,
            location=baghdad,
            attributed_to=ActorRef("officials", "Officials", "", "Officials"),
            quad="verbal cooperation",
            score=1.0,
        ),
        event(
            3,
            "ACCUSE",
            "A reader says Iran accused the government.",
            "accused",
            (ref(IRAN, "Iran"),),
            (ref(IRQ_GOV, "the government"),),
            SegmentKind.COMMENT,
            Modality.REPORTED,
            None,
        ),
    )
    s1, e1 = span("The River Brigade attacked Iraqi police in Basra.")
    relation = Relation(
        doc_id=doc_id,
        subject=ref(MILITIA, "River Brigade"),
        predicate="backed_by",
        object=ref(IRAN, "Iran"),
        start=s1,
        end=e1,
        sentence=text[s1:e1],
        text="River Brigade",
        segment=SegmentKind.BODY,
        date=date,
    )
    s2, e2 = span("The Prime Minister met Iran and Turkey envoys in Baghdad.")
    claim = Claim(
        claim_id=f"{doc_id}:c1",
        doc_id=doc_id,
        kind="prediction",
        text=text[s2:e2],
        start=s2,
        end=e2,
        segment=SegmentKind.BODY,
        holder=ref(PM, "The Prime Minister"),
        made_on=date,
        event_ids=(f"{doc_id}:e2",),
    )
    return AnalysedDocument(
        document=document,
        mentions=mentions,
        places=(basra, baghdad),
        events=events,
        actors=(IRQ_GOV, PM, IRAN, MILITIA),
        relations=(relation,),
        claims=(claim,),
    )


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "test.db") as opened:
        yield opened


def all_counts(store: Store) -> dict[str, int]:
    filters = {"events": Filters(include_comments=True)}
    return {t: store.count(t, filters.get(t)) for t in export.FIELDS}


# -- save semantics ----------------------------------------------------------------------


def test_save_inserts_then_reports_unchanged_without_writing(store):
    analysed = make_analysed()
    assert store.document_hash("doc-1") is None
    assert store.save(analysed) == INSERTED
    assert store.document_hash("doc-1") == "hash-1"
    before = all_counts(store)
    assert before == {
        "documents": 1,
        "events": 3,
        "mentions": 4,
        "places": 2,
        "actors": 4,
        "relations": 1,
        "claims": 1,
    }

    assert store.save(analysed) == UNCHANGED
    assert all_counts(store) == before


def test_unchanged_save_writes_nothing(store, monkeypatch):
    store.save(make_analysed())
    from sitrep.store import store as store_module

    def no_writes(*_args, **_kwargs):
        raise AssertionError("an unchanged save must not write")

    monkeypatch.setattr(store_module.Store, "_insert_records", staticmethod(no_writes))
    monkeypatch.setattr(store_module.Store, "_upsert_actors", staticmethod(no_writes))
    monkeypatch.setattr(store_module.Store, "_delete_records", staticmethod(no_writes))
    assert store.save(make_analysed()) == UNCHANGED


def test_changed_hash_replaces_old_records(store):
    store.save(make_analysed())
    store.save(make_analysed("doc-2", content_hash="other"))
    changed = make_analysed(content_hash="hash-2", assault_type="COERCE")
    assert store.save(changed) == REPLACED
    assert store.document_hash("doc-1") == "hash-2"
    assert store.count("documents") == 2
    assert store.count("events", Filters(doc="doc-1", include_comments=True)) == 3
    assert store.count("events", Filters(doc="doc-1", type="ASSAULT")) == 0
    assert store.count("events", Filters(doc="doc-1", type="COERCE")) == 1
    # the other document is untouched
    assert store.count("events", Filters(doc="doc-2", type="ASSAULT")) == 1
    assert store.count("mentions", Filters(doc="doc-1")) == 4
    assert store.count("places", Filters(doc="doc-1")) == 2


def test_resaving_is_idempotent(store):
    for _ in range(3):
        store.save(make_analysed())
        store.save(make_analysed("doc-2", content_hash="x"))
    counts = all_counts(store)
    store.save(make_analysed(content_hash="new"))
    store.save(make_analysed(content_hash="new"))
    assert all_counts(store) == counts


def test_replacing_removes_event_actor_links(store):
    store.save(make_analysed())
    assert store.count("events", Filters(actor="TUR")) == 1
    smaller = dataclasses.replace(make_analysed(content_hash="h2"), events=())
    assert store.save(smaller) == REPLACED
    assert store.count("events", Filters(actor="TUR", include_comments=True)) == 0


def test_duplicate_event_id_across_documents_is_a_store_error_and_rolls_back(store):
    store.save(make_analysed())
    clash = make_analysed("doc-2")
    clash = dataclasses.replace(
        clash,
        events=tuple(
            dataclasses.replace(e, event_id=f"doc-1:{e.event_id[6:]}") for e in clash.events
        ),
    )
    with pytest.raises(StoreError, match="event ids must be unique"):
        store.save(clash)
    assert store.document_hash("doc-2") is None
    assert store.count("mentions", Filters(doc="doc-2")) == 0


def test_actor_upsert_keeps_known_actor_over_unknown_stand_in(store):
    store.save(make_analysed())
    stand_in = dataclasses.replace(IRAN, name="iran (unknown)", known=False)
    renamed_pm = dataclasses.replace(PM, name="Renamed Prime Minister")
    other = dataclasses.replace(
        make_analysed("doc-2", content_hash="x"), actors=(stand_in, renamed_pm)
    )
    store.save(other)
    actors = {row["id"]: row for row in store.iter_rows("actors")}
    assert actors["iran"]["name"] == "Iran" and actors["iran"]["known"] is True
    assert actors["pm-example"]["name"] == "Renamed Prime Minister"


def test_record_failure_is_listed(store):
    store.record_failure("bad.html", None, "[E101] bad.html: the file is empty")
    store.record_failure("x.jsonl#3", "x-3", "[E104] broken JSON")
    failures = store.failures()
    assert [(f.path, f.doc) for f in failures] == [("bad.html", None), ("x.jsonl#3", "x-3")]
    assert "empty" in failures[0].error


# -- filters -----------------------------------------------------------------------------


@pytest.fixture
def filled(store):
    store.save(make_analysed("doc-1", date="2024-05-03"))
    store.save(make_analysed("doc-2", content_hash="h", date="2023-11-20"))
    store.save(make_analysed("doc-3", content_hash="h3", date=None))
    return store


def event_ids(store: Store, **kwargs) -> set[str]:
    return {row["event_id"] for row in store.iter_rows("events", Filters(**kwargs))}


def test_comments_excluded_unless_asked(filled):
    assert event_ids(filled, doc="doc-1") == {"doc-1:e1", "doc-1:e2"}
    assert event_ids(filled, doc="doc-1", include_comments=True) == {
        "doc-1:e1",
        "doc-1:e2",
        "doc-1:e3",
    }
    assert event_ids(filled, doc="doc-1", segment="comment") == {"doc-1:e3"}


@pytest.mark.parametrize(
    ("actor", "expected"),
    [
        ("iran", {"doc-1:e2", "doc-1:e3"}),  # id, as target and (comment) source
        ("IRAN", {"doc-1:e2", "doc-1:e3"}),  # case-insensitive
        ("river brigade", {"doc-1:e1"}),  # canonical name
        ("IRQ", {"doc-1:e1", "doc-1:e2", "doc-1:e3"}),  # code prefix, source or target
        ("irqcop", {"doc-1:e1"}),  # full code of a target
        ("TUR", {"doc-1:e2"}),  # second of a compound target
        ("Nobody", set()),
    ],
)
def test_actor_filter_matches_id_name_or_code_prefix(filled, actor, expected):
    assert event_ids(filled, actor=actor, doc="doc-1", include_comments=True) == expected


def test_type_modality_segment_filters(filled):
    assert event_ids(filled, type="assault") == {"doc-1:e1", "doc-2:e1", "doc-3:e1"}
    assert event_ids(filled, type="ASSAULT,CONSULT", doc="doc-2") == {"doc-2:e1", "doc-2:e2"}
    assert event_ids(filled, modality="reported", doc="doc-1") == {"doc-1:e2"}
    assert event_ids(filled, segment="body,comment", doc="doc-2") == {
        "doc-2:e1",
        "doc-2:e2",
        "doc-2:e3",
    }


def test_date_filters_treat_partial_dates_as_periods(filled):
    # doc-1: e1 2024-05-03, e2 2024-05; doc-2: e1 2023-11-20, e2 2023-11; doc-3 undated
    assert event_ids(filled, date_from="2024") == {"doc-1:e1", "doc-1:e2"}
    assert event_ids(filled, date_to="2023-11") == {"doc-2:e1", "doc-2:e2"}
    assert event_ids(filled, date_from="2024-05-02") == {"doc-1:e1"}
    assert event_ids(filled, date_from="2023-11", date_to="2024-05-03") == {
        "doc-1:e1",
        "doc-1:e2",
        "doc-2:e1",
        "doc-2:e2",
    }
    assert event_ids(filled, date_to="2022") == set()


def test_document_and_mention_filters(filled):
    docs = [row["doc"] for row in filled.iter_rows("documents", Filters(date_from="2024"))]
    assert docs == ["doc-1"]
    mentions = list(filled.iter_rows("mentions", Filters(actor="IRN", doc="doc-2")))
    assert [m["text"] for m in mentions] == ["Iran"]
    assert filled.count("mentions", Filters(segment="comment")) == 0
    assert [a["id"] for a in filled.iter_rows("actors", Filters(actor="IRQ"))] == [
        "iraq-government",
        "pm-example",
        "unknown:river-brigade",
    ]


def test_limit_and_order(filled):
    rows = list(filled.iter_rows("events", limit=3))
    assert [r["event_id"] for r in rows] == ["doc-2:e2", "doc-2:e1", "doc-1:e2"]
    assert list(filled.iter_rows("events", limit=0)) == []


@pytest.mark.parametrize(
    ("table", "filters", "message"),
    [
        ("mentions", Filters(type="ASSAULT"), "--type cannot filter mentions"),
        ("places", Filters(actor="IRQ"), "--actor cannot filter places"),
        ("actors", Filters(include_comments=True), "--comments cannot filter actors"),
    ],
)
def test_filters_that_do_not_apply_are_refused(filled, table, filters, message):
    with pytest.raises(QueryError, match=message):
        filled.count(table, filters)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"date_from": "May 2024"},
        {"date_to": "2024-5-1"},
        {"date_from": "2025", "date_to": "2024"},
        {"modality": "certain"},
        {"segment": "sidebar"},
        {"actor": "  "},
    ],
)
def test_bad_filter_values_raise_query_error(kwargs):
    with pytest.raises(QueryError):
        Filters(**kwargs)


def test_unknown_table_lists_valid_ones(store):
    with pytest.raises(QueryError) as info:
        store.iter_rows("evnets")
    for table in ("documents", "events", "mentions", "places", "actors"):
        assert table in str(info.value)
    with pytest.raises(QueryError):
        store.count("failures")


# -- summaries ---------------------------------------------------------------------------


def test_actor_and_document_summaries(filled):
    summaries = {s.id: s for s in filled.actor_summaries()}
    assert summaries["iran"].mentions == 3
    assert summaries["iran"].events == 6  # e2 target + e3 source in each of 3 documents
    assert summaries["iraq-government"].mentions == 0
    unknown = filled.actor_summaries(unknown_only=True)
    assert [s.id for s in unknown] == ["unknown:river-brigade"]
    docs = {d.doc: d for d in filled.document_summaries()}
    assert (docs["doc-1"].events, docs["doc-1"].mentions, docs["doc-1"].places) == (3, 4, 2)
    assert [d.doc for d in filled.document_summaries()][-1] == "doc-3"  # undated last


# -- export dicts ------------------------------------------------------------------------


@pytest.mark.parametrize("table", list(export.FIELDS))
def test_stored_rows_export_exactly_like_the_records(store, table):
    analysed = make_analysed()
    store.save(analysed)
    filters = Filters(include_comments=True) if table == "events" else None
    stored = list(store.iter_rows(table, filters))
    expected = export.analysed_to_dicts(analysed, table)
    if table == "events":  # alone in the store, each event is its own cluster
        expected = [{**row, "cluster": row["event_id"]} for row in expected]
    key = {
        "documents": "doc",
        "events": "event_id",
        "actors": "id",
        "mentions": "start",
        "places": "start",
        "relations": "start",
        "claims": "claim_id",
    }[table]
    assert sorted(stored, key=lambda r: r[key]) == sorted(expected, key=lambda r: r[key])


CONTRACT = {
    "documents": {"doc", "title", "url", "date", "date_source", "body", "comments", "removed"},
    "events": {
        "event_id",
        "doc",
        "type",
        "mode",
        "source",
        "target",
        "date",
        "location",
        "modality",
        "segment",
        "sentence",
        "start",
        "end",
        "confidence",
        "trigger",
        "trigger_start",
        "trigger_end",
        "quad",
        "score",
        "attributed_to",
        "date_precision",
        "date_text",
        "context",
        "mentions",
        "cluster",
    },
    "relations": {"doc", "subject", "predicate", "object", "start", "end", "sentence"},
    "claims": {"claim_id", "doc", "kind", "holder", "text", "start", "end", "made_on"},
    "mentions": {"doc", "text", "start", "end", "actor", "segment"},
    "places": {"doc", "text", "start", "end", "name", "lat", "lon", "country", "geonames_id"},
    "actors": {"id", "name", "code", "aliases", "roles", "type", "country", "known"},
}


@pytest.mark.parametrize("table", list(CONTRACT))
def test_contract_keys_present(store, table):
    store.save(make_analysed())
    filters = Filters(include_comments=True) if table == "events" else None
    rows = list(store.iter_rows(table, filters))
    assert rows
    for row in rows:
        assert CONTRACT[table] <= set(row)
        assert set(row) <= set(export.FIELDS[table])


def test_event_export_shapes(store):
    store.save(make_analysed())
    events = {r["event_id"]: r for r in store.iter_rows("events", Filters(include_comments=True))}
    assault, consult = events["doc-1:e1"], events["doc-1:e2"]
    assert assault["source"] == {
        "id": "unknown:river-brigade",
        "name": "River Brigade",
        "code": "IRQREB",
        "text": "River Brigade",
    }
    assert "sources" not in assault and "targets" not in assault
    assert assault["location"] == {
        "name": "Basra",
        "lat": 30.5,
        "lon": 47.8,
        "country": "IRQ",
        "geonames_id": 99532,
        "precision": "city",
    }
    assert consult["source"]["code"] == "IRQGOV"  # the code held on the date, as given
    assert consult["target"]["id"] == "iran"
    assert [t["id"] for t in consult["targets"]] == ["iran", "turkey"]
    assert consult["attributed_to"]["name"] == "Officials"
    assert events["doc-1:e3"]["location"] is None and events["doc-1:e3"]["date"] is None


def test_offsets_point_into_exported_text(store):
    store.save(make_analysed())
    doc = next(store.iter_rows("documents"))
    text = doc["text"]
    for row in store.iter_rows("mentions"):
        assert text[row["start"] : row["end"]] == row["text"]
    for row in store.iter_rows("places"):
        assert text[row["start"] : row["end"]] == row["text"]
    for row in store.iter_rows("events", Filters(include_comments=True)):
        assert text[row["start"] : row["end"]] == row["sentence"]
        assert text[row["trigger_start"] : row["trigger_end"]] == row["trigger"]
    assert doc["comments"] == ["A reader says Iran accused the government."]
    assert doc["removed"] == ["Share this story"]
    assert "Officials said the talks went well." in doc["body"]
    assert "Clashes near the river" not in doc["body"]
    kinds = [s["kind"] for s in doc["segments"]]
    assert kinds == ["title", "body", "body", "quote", "boilerplate", "comment"]


@pytest.mark.parametrize("table", list(export.FIELDS))
def test_jsonl_and_csv_round_trip(store, table):
    store.save(make_analysed())
    filters = Filters(include_comments=True) if table == "events" else None
    rows = list(store.iter_rows(table, filters))

    buffer = io.StringIO()
    assert export.write_rows(rows, buffer, table, "jsonl") == len(rows)
    lines = buffer.getvalue().splitlines()
    assert [json.loads(line) for line in lines] == rows

    buffer = io.StringIO()
    export.write_rows(rows, buffer, table, "csv")
    buffer.seek(0)
    reader = csv.DictReader(buffer)
    assert tuple(reader.fieldnames) == export.FIELDS[table]
    parsed = list(reader)
    assert len(parsed) == len(rows)
    for original, cells in zip(rows, parsed, strict=True):
        for name in export.FIELDS[table]:
            value = original.get(name)
            cell = cells[name]
            if value is None:
                assert cell == ""
            elif isinstance(value, (dict, list, bool)):
                assert json.loads(cell) == value
            elif isinstance(value, (int, float)):
                assert float(cell) == value
            else:
                assert cell == value


def test_csv_cells():
    assert export.csv_cell(None) == ""
    assert export.csv_cell(True) == "true"
    assert export.csv_cell(0.25) == "0.25"
    assert export.csv_cell({"a": "é"}) == '{"a": "é"}'


def test_unknown_export_format_or_table():
    with pytest.raises(QueryError, match="jsonl, csv"):
        export.write_rows([], io.StringIO(), "events", "xml")
    with pytest.raises(QueryError, match="documents, events"):
        export.write_rows([], io.StringIO(), "people", "csv")


@pytest.mark.parametrize(
    ("date_to", "bound"),
    [
        ("2024", ("2025", False)),
        ("2023-12", ("2024-01", False)),
        ("2024-05", ("2024-06", False)),
        ("2024-05-31", ("2024-05-31", True)),
    ],
)
def test_partial_date_to_covers_its_whole_period(date_to, bound):
    from sitrep.store.query import _period_end

    assert _period_end(date_to) == bound


# -- clusters across pages -----------------------------------------------------------------


def test_the_same_event_on_two_pages_shares_a_cluster(store):
    first = make_analysed()
    store.save(first)
    second = make_analysed("doc-2")
    second = dataclasses.replace(
        second,
        events=tuple(
            dataclasses.replace(e, event_id=e.event_id.replace("doc-1", "doc-2"), doc_id="doc-2")
            for e in second.events
        ),
    )
    store.save(second)
    rows = list(store.iter_rows("events", Filters(include_comments=True)))
    by_id = {r["event_id"]: r for r in rows}
    assert by_id["doc-2:e1"]["cluster"] == by_id["doc-1:e1"]["cluster"] == "doc-1:e1"
    assert by_id["doc-2:e2"]["cluster"] == "doc-1:e2"
    # reader comments never join a cluster
    assert by_id["doc-2:e3"]["cluster"] == "doc-2:e3"
    assert store.count("events") == 4
    assert store.count_clusters() == 2


def test_a_different_day_starts_its_own_cluster(store):
    store.save(make_analysed())
    later = make_analysed("doc-3", date="2020-03-01")
    later = dataclasses.replace(
        later,
        events=tuple(
            dataclasses.replace(e, event_id=e.event_id.replace("doc-1", "doc-3"), doc_id="doc-3")
            for e in later.events
        ),
    )
    store.save(later)
    by_id = {r["event_id"]: r for r in store.iter_rows("events")}
    assert by_id["doc-3:e1"]["cluster"] == "doc-3:e1"
