"""Reading through the REST API: filters, pagination, aggregations, errors."""

from __future__ import annotations

import pytest


def _events(client, **params):
    response = client.get("/api/events", params=params)
    assert response.status_code == 200, response.text
    return response.json()


def test_events_list_all_events_but_comments_by_default(client, analysed_pages):
    body = _events(client, limit=1000)
    expected = {e.event_id for a in analysed_pages for e in a.events if e.segment != "comment"}
    assert {e["event_id"] for e in body["items"]} == expected
    assert body["total"] == len(expected)
    assert all(e["segment"] != "comment" for e in body["items"])


def test_comment_events_only_when_asked(client, analysed_pages):
    in_comments = {e.event_id for a in analysed_pages for e in a.events if e.segment == "comment"}
    assert in_comments, "the fixture page should give an event in its comments"
    body = _events(client, segment="comment")
    assert {e["event_id"] for e in body["items"]} == in_comments
    with_all = _events(client, comments="true", limit=1000)
    assert in_comments <= {e["event_id"] for e in with_all["items"]}


def test_cursor_pagination_visits_every_event_once(client):
    everything = _events(client, limit=1000, sort="-date")
    seen, cursor = [], None
    while True:
        params = {"limit": 2, "sort": "-date"}
        if cursor:
            params["cursor"] = cursor
        body = _events(client, **params)
        seen.extend(e["event_id"] for e in body["items"])
        cursor = body["next_cursor"]
        if cursor is None:
            break
    assert seen == [e["event_id"] for e in everything["items"]]
    dates = [e["date"] for e in everything["items"] if e["date"]]
    assert dates == sorted(dates, reverse=True)


def test_filters_narrow_the_events(client):
    everything = _events(client, limit=1000)["items"]
    by_type = _events(client, type="ASSAULT")["items"]
    assert by_type and {e["type"] for e in by_type} == {"ASSAULT"}
    by_quad = _events(client, quad="material_conflict")["items"]
    assert {e["quad"] for e in by_quad} == {"material_conflict"}
    by_doc = _events(client, doc="beta")["items"]
    assert by_doc and {e["doc"] for e in by_doc} == {"beta"}
    by_date = _events(client, **{"from": "2020-04", "to": "2020-04"})["items"]
    assert by_date and all(e["date"].startswith("2020-04") for e in by_date)
    by_text = _events(client, q="POLICE")["items"]
    assert by_text and all("police" in e["sentence"].lower() for e in by_text)
    by_modality = _events(client, modality="reported")["items"]
    assert {e["modality"] for e in by_modality} == {"reported"}
    assert len(by_type) < len(everything)


def test_actor_filter_matches_id_name_or_code_and_two_actors_give_an_edge(client):
    dyads = client.get("/api/counts/dyads").json()["items"]
    assert dyads
    edge = dyads[0]
    by_id = _events(client, actor=edge["source_id"])["items"]
    assert by_id
    for event in by_id:
        ids = {r["id"] for r in (event.get("sources") or [event["source"]]) if r}
        ids |= {r["id"] for r in (event.get("targets") or [event["target"]]) if r}
        assert edge["source_id"] in ids
    both = _events(client, actor=[edge["source_id"], edge["target_id"]])["items"]
    assert len(both) == edge["events"]
    by_code = _events(client, actor="IRQ")["items"]
    assert by_code
    for event in by_code:
        refs = [event["source"], event["target"], *(event.get("sources") or [])]
        refs += event.get("targets") or []
        assert any(r and r["code"].startswith("IRQ") for r in refs)


def test_bbox_keeps_events_located_inside(client):
    inside = _events(client, bbox="43,28,50,33")["items"]  # southern Iraq: Basra
    assert inside
    for event in inside:
        assert 28 <= event["location"]["lat"] <= 33 and 43 <= event["location"]["lon"] <= 50


def test_event_by_id_and_missing_event(client):
    first = _events(client, limit=1)["items"][0]
    response = client.get(f"/api/events/{first['event_id']}")
    assert response.status_code == 200
    assert response.json() == first
    missing = client.get("/api/events/no-such-event")
    assert missing.status_code == 404
    assert "no event" in missing.json()["error"]["message"]


def test_counts_by_period_add_up_to_the_dated_events(client):
    dated = [e for e in _events(client, limit=1000)["items"] if e["date"]]
    for by in ("day", "week", "month"):
        body = client.get("/api/counts", params={"by": by}).json()
        periods = body["periods"]
        assert sum(p["total"] for p in periods) == len(dated)
        for p in periods:
            assert sum(p["counts"].values()) == p["total"]
            assert set(p["counts"]) == set(body["quads"])
            assert p["start"] <= p["end"]
    weeks = client.get("/api/counts", params={"by": "week"}).json()["periods"]
    import datetime

    assert all(datetime.date.fromisoformat(p["start"]).weekday() == 0 for p in weeks)


def test_dyads_and_locations_follow_the_filters(client):
    assault = client.get("/api/counts/dyads", params={"type": "ASSAULT"}).json()["items"]
    for dyad in assault:
        assert dyad["mean_score"] < 0
    locations = client.get("/api/counts/locations", params={"doc": "beta"}).json()["items"]
    located = [e for e in _events(client, doc="beta")["items"] if e["location"]]
    assert located
    assert sum(p["events"] for p in locations) == len(located)
    assert {p["name"] for p in locations} == {e["location"]["name"] for e in located}


def test_documents_list_and_detail(client, analysed_pages):
    listing = client.get("/api/documents").json()
    assert {d["doc"] for d in listing["items"]} == {"alpha", "beta", "gamma"}
    assert "text" not in listing["items"][0]
    gamma = next(a for a in analysed_pages if a.document.doc_id == "gamma")
    detail = client.get("/api/documents/gamma").json()
    assert detail["text"] == gamma.document.text
    assert {s["kind"] for s in detail["segments"]} >= {"title", "body", "comment", "boilerplate"}
    assert len(detail["events"]) == len(gamma.events)
    assert len(detail["mentions"]) == len(gamma.mentions)
    assert len(detail["places"]) == len(gamma.places)
    assert detail["relations"] == [] or isinstance(detail["relations"], list)
    for event in detail["events"]:
        assert detail["text"][event["trigger_start"] : event["trigger_end"]] == event["trigger"]
    assert client.get("/api/documents/nope").status_code == 404


def test_actors_places_relations_claims(client):
    actors = client.get("/api/actors").json()["items"]
    assert actors and actors[0]["events"] >= actors[-1]["events"]
    iraq = client.get("/api/actors", params={"actor": "IRQ"}).json()["items"]
    assert iraq and all(a["code"].startswith("IRQ") or a["name"] == "IRQ" for a in iraq)
    places = client.get("/api/places", params={"doc": "beta"}).json()["items"]
    assert places and all(p["mentions"] >= 1 for p in places)
    for table in ("relations", "claims"):
        response = client.get(f"/api/{table}")
        assert response.status_code == 200
        assert isinstance(response.json()["items"], list)


@pytest.mark.parametrize(
    ("path", "params", "status", "words"),
    [
        ("/api/events", {"from": "last week"}, 400, "not a date"),
        ("/api/events", {"from": "2021", "to": "2020"}, 400, "swap"),
        ("/api/events", {"modality": "certain"}, 400, "modality"),
        ("/api/events", {"segment": "sidebar"}, 400, "segment"),
        ("/api/events", {"quad": "friendly"}, 400, "quad"),
        ("/api/events", {"bbox": "1,2,3"}, 400, "four numbers"),
        ("/api/events", {"bbox": "0,50,10,40"}, 400, "south before north"),
        ("/api/events", {"sort": "colour"}, 400, "sort"),
        ("/api/events", {"cursor": "not-a-cursor"}, 400, "cursor"),
        ("/api/events", {"limit": "0"}, 422, "limit"),
        ("/api/events", {"limit": "lots"}, 422, "limit"),
        ("/api/events", {"actor": ["a", "b", "c"]}, 400, "at most two"),
        ("/api/events", {"actor": " "}, 400, "empty"),
        ("/api/events", {"q": " "}, 400, "empty"),
        ("/api/counts", {"by": "year"}, 400, "day, week, month"),
        ("/api/documents", {"to": "soon"}, 400, "not a date"),
        ("/api/places", {"bbox": "x"}, 400, "four numbers"),
    ],
)
def test_bad_parameters_give_a_clear_4xx(client, path, params, status, words):
    response = client.get(path, params=params)
    assert response.status_code == status, response.text
    error = response.json()["error"]
    assert words in error["message"]
    assert "--" not in error["message"]


def test_cursor_from_another_sort_is_refused(client):
    cursor = _events(client, limit=1, sort="date")["next_cursor"]
    response = client.get("/api/events", params={"cursor": cursor, "sort": "score"})
    assert response.status_code == 400
    assert "sort" in response.json()["error"]["message"]


def test_openapi_and_ui_are_served(client):
    schema = client.get("/openapi.json").json()
    assert {"/api/events", "/api/documents", "/api/counts", "/api/counts/dyads"} <= set(
        schema["paths"]
    )
    page = client.get("/")
    assert page.status_code == 200 and "<title>sitrep</title>" in page.text
    assert "default-src 'self'" in page.headers["content-security-policy"]
    assert client.get("/app.js").status_code == 200
    assert client.get("/vendor/nothing.js").status_code == 404


@pytest.mark.parametrize(
    "actor", ["IRQ", "irq", "usa", "United States", "hamas", "ISRMIL", "nobody"]
)
def test_actor_filter_agrees_with_the_store_query_layer(client, store_path, actor):
    from sitrep.store import Filters, Store

    with Store.open(store_path) as store:
        expected = {r["event_id"] for r in store.iter_rows("events", Filters(actor=actor))}
    got = {e["event_id"] for e in _events(client, actor=actor, limit=1000)["items"]}
    assert got == expected


def test_total_can_be_skipped(client):
    body = _events(client, total="false", limit=1)
    assert body["total"] == -1 and len(body["items"]) == 1


def test_relations_and_claims_match_what_the_pipeline_found(client, analysed_pages):
    for table in ("relations", "claims"):
        stored = client.get(f"/api/{table}", params={"comments": "true"}).json()["items"]
        found = [r for a in analysed_pages for r in getattr(a, table, ())]
        assert len(stored) == len(found)
        for doc in ("alpha", "gamma"):
            detail = client.get(f"/api/documents/{doc}").json()
            expected = [
                r for a in analysed_pages if a.document.doc_id == doc for r in getattr(a, table, ())
            ]
            assert len(detail[table]) == len(expected)
