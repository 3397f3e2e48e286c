"""Writing through the REST API: the token rule, ingest, delete and the size limit."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from sitrep.api import create_app

from .conftest import PAGE_BETA, TOKEN

AUTH = {"Authorization": f"Bearer {TOKEN}"}
PASTED = {
    "text": "Rebels seize border town\n\nSyrian rebels captured the town of Azaz on Sunday. "
    "The Syrian army shelled rebel positions near Aleppo.",
    "title": "Rebels seize border town",
    "date": "2016-02-14",
    "doc": "pasted-azaz",
}


@pytest.fixture
def writer(tmp_path, resources):
    app = create_app(
        tmp_path / "write.db", token=TOKEN, resources=resources, max_request_bytes=50_000
    )
    with TestClient(app) as client:
        yield client


def test_writing_needs_the_token(writer):
    no_token = writer.post("/api/documents", json=PASTED)
    assert no_token.status_code == 401
    assert "Bearer" in no_token.json()["error"]["message"]
    wrong = writer.post("/api/documents", json=PASTED, headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 403
    assert writer.delete("/api/documents/x").status_code == 401
    assert writer.get("/api/documents").json()["total"] == 0


def test_server_without_token_is_read_only(tmp_path, resources):
    with TestClient(create_app(tmp_path / "ro.db", resources=resources)) as client:
        response = client.post("/api/documents", json=PASTED, headers=AUTH)
        assert response.status_code == 403
        assert "--token" in response.json()["error"]["message"]
        assert client.get("/api").json()["writable"] is False


def test_paste_ingests_through_the_pipeline_and_delete_removes_it(writer):
    response = writer.post("/api/documents", json=PASTED, headers=AUTH)
    assert response.status_code == 201, response.text
    (result,) = response.json()["results"]
    assert result["doc"] == "pasted-azaz" and result["status"] == "inserted"
    assert result["events"] >= 1
    detail = writer.get("/api/documents/pasted-azaz").json()
    assert detail["title"] == PASTED["title"] and detail["date"] == PASTED["date"]
    assert len(detail["events"]) == result["events"]
    events = writer.get("/api/events", params={"doc": "pasted-azaz"}).json()
    assert events["total"] == result["events"]

    again = writer.post("/api/documents", json=PASTED, headers=AUTH).json()["results"][0]
    assert again["status"] == "unchanged"

    assert writer.delete("/api/documents/pasted-azaz", headers=AUTH).status_code == 204
    assert writer.get("/api/documents/pasted-azaz").status_code == 404
    assert writer.get("/api/events", params={"doc": "pasted-azaz"}).json()["total"] == 0
    assert writer.delete("/api/documents/pasted-azaz", headers=AUTH).status_code == 404


def test_upload_files_like_sitrep_ingest(writer):
    files = [
        ("files", ("basra protests.txt", PAGE_BETA.encode("utf-8"), "text/plain")),
        ("files", ("notes.pdf", b"%PDF-1.4 binary", "application/pdf")),
    ]
    response = writer.post("/api/documents", files=files, headers=AUTH)
    assert response.status_code == 201, response.text
    results = {r["path"]: r for r in response.json()["results"]}
    stored = results["upload:basra protests.txt"]
    assert stored["status"] == "inserted" and stored["doc"] == "basra-protests"
    assert stored["events"] >= 1
    assert results["upload:notes.pdf"]["status"] == "failed"
    assert ".txt" in results["upload:notes.pdf"]["error"]


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ({"text": "   "}, "empty"),
        ({"text": "Some words.", "doc": "../etc/passwd"}, "doc id"),
        ({"text": "Some words.", "date": "March"}, "date"),
        ({"text": "Some words.", "colour": "red"}, "unknown field"),
        ({"title": "no text"}, "'text' is required"),
        ({"text": 42}, "must be a string"),
    ],
)
def test_bad_paste_gives_400(writer, body, words):
    response = writer.post("/api/documents", json=body, headers=AUTH)
    assert response.status_code == 400, response.text
    assert words in response.json()["error"]["message"]


def test_bad_bodies_and_sizes(writer):
    not_json = writer.post(
        "/api/documents",
        content=b"{not json",
        headers={**AUTH, "Content-Type": "application/json"},
    )
    assert not_json.status_code == 400
    plain = writer.post(
        "/api/documents", content=b"text", headers={**AUTH, "Content-Type": "text/plain"}
    )
    assert plain.status_code == 415
    huge = writer.post("/api/documents", json={"text": "word " * 20_000}, headers=AUTH)
    assert huge.status_code == 413
    assert "bytes" in huge.json()["error"]["message"]
    form = writer.post("/api/documents", data={"text": "x"}, headers=AUTH)
    assert form.status_code == 415
    no_files = writer.post(
        "/api/documents", files=[("other", ("a.txt", b"words", "text/plain"))], headers=AUTH
    )
    assert no_files.status_code == 400
    assert "'files'" in no_files.json()["error"]["message"]
