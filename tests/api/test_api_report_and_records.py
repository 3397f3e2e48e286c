"""The report endpoint and the relations/claims endpoints, through the ASGI client."""

from __future__ import annotations

import pytest

from sitrep.store import Filters, Store


def test_report_html_for_a_period(client):
    response = client.get("/api/report", params={"from": "2020-03", "to": "2020-04"})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/html")
    assert "default-src 'none'" in response.headers["content-security-policy"]
    assert "Situation report" in response.text
    assert "http://" not in response.text.replace('href="http', "")


def test_report_markdown_names_the_period(client):
    response = client.get(
        "/api/report", params={"from": "2020-03-01", "to": "2020-03-31", "format": "md"}
    )
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/markdown")
    assert "2020-03-01" in response.text and "2020-03-31" in response.text


def test_report_pdf_is_a_pdf(client):
    pytest.importorskip("weasyprint")
    response = client.get(
        "/api/report", params={"from": "2020-03", "to": "2020-04", "format": "pdf"}
    )
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


@pytest.mark.parametrize(
    ("params", "status", "words"),
    [
        ({"from": "2020-03"}, 422, "to"),
        ({"from": "2020-05", "to": "2020-03"}, 400, "swap"),
        ({"from": "1990", "to": "1990"}, 400, "no events"),
        ({"from": "2020-03", "to": "2020-04", "actor": "nobody-at-all"}, 400, "nobody-at-all"),
        ({"from": "2020-03", "to": "2020-04", "format": "docx"}, 400, "html, pdf, md"),
        ({"from": "March", "to": "2020-04"}, 400, "March"),
    ],
)
def test_report_refuses_what_it_cannot_build(client, params, status, words):
    response = client.get("/api/report", params=params)
    assert response.status_code == status, response.text
    assert words.lower() in response.json()["error"]["message"].lower()


def test_relations_and_claims_are_in_the_export_format(client, store_path):
    with Store.open(store_path) as store:
        for table in ("relations", "claims"):
            got = client.get(f"/api/{table}", params={"comments": "true"}).json()["items"]
            expected = list(store.iter_rows(table, Filters(include_comments=True)))
            key = ("doc", "start", "text")
            assert sorted(got, key=lambda r: [r[k] for k in key]) == sorted(
                expected, key=lambda r: [r[k] for k in key]
            )


def test_relations_and_claims_take_the_cli_filters(client):
    everything = client.get("/api/relations", params={"comments": "true"}).json()["items"]
    for relation in everything[:3]:
        actor = relation["subject"]["id"]
        found = client.get("/api/relations", params={"actor": actor, "comments": "true"})
        assert relation in found.json()["items"]
        assert all(actor in (r["subject"]["id"], r["object"]["id"]) for r in found.json()["items"])
    gamma = client.get("/api/claims", params={"doc": "gamma", "comments": "true"}).json()["items"]
    assert all(c["doc"] == "gamma" for c in gamma)
    bad = client.get("/api/claims", params={"from": "2021-05", "to": "2020-01"})
    assert bad.status_code == 400 and "swap" in bad.json()["error"]["message"]
    wrong = client.get("/api/relations", params={"segment": "footer"})
    assert wrong.status_code == 400 and "segment" in wrong.json()["error"]["message"]
