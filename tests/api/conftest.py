"""Fixtures for the API tests: a small store filled from pages our own tests wrote."""

from __future__ import annotations

import pytest

from sitrep.models import Page

PAGE_ALPHA = (
    "Iraq and Iran sign border pact\n\n"
    "Baghdad, 3 March 2020. Iraqi Prime Minister Adel Abdul Mahdi met Iranian President "
    "Hassan Rouhani in Baghdad on Tuesday. The two governments signed an agreement on "
    "border trade.\n\n"
    "Turkish jets bombed Kurdish militants near Sinjar on Wednesday, the Iraqi defence "
    "ministry said.\n"
)
PAGE_BETA = (
    "Protesters rally in Basra\n\n"
    "Thousands of protesters marched in Basra on Friday and demanded the resignation of the "
    "government. Iraqi police arrested dozens of demonstrators in Basra.\n\n"
    "The United States condemned the crackdown.\n"
)
PAGE_GAMMA = """<html><head><title>Gaza talks stall</title>
<meta property="article:published_time" content="2021-05-12"></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Gaza talks stall</h1>
<p>Egyptian mediators met Hamas leaders in Cairo on Monday to discuss a ceasefire.</p>
<p>Israeli aircraft struck targets in Gaza on Tuesday, the army said. A reader wrote
&lt;script&gt;alert("x")&lt;/script&gt; under the story.</p>
</article>
<section class="comments"><div class="comment">
<p>Hamas fired rockets at Israel again, and Israel will retaliate.</p></div></section>
<footer>Share this article. Subscribe to our newsletter.</footer>
</body></html>"""

TOKEN = "test-token-1234"


@pytest.fixture(scope="module")
def analysed_pages(resources):
    from sitrep.pipeline import analyse

    pages = [
        Page(
            doc_id="alpha", path="alpha.txt", text=PAGE_ALPHA, date="2020-03-05", content_hash="a"
        ),
        Page(doc_id="beta", path="beta.txt", text=PAGE_BETA, date="2020-04-10", content_hash="b"),
        Page(doc_id="gamma", path="gamma.html", html=PAGE_GAMMA, content_hash="g"),
    ]
    return [analyse(page, resources) for page in pages]


@pytest.fixture(scope="module")
def store_path(tmp_path_factory, analysed_pages):
    from sitrep.store import Store

    path = tmp_path_factory.mktemp("api-store") / "api.db"
    with Store.open(path) as store:
        for analysed in analysed_pages:
            store.save(analysed)
    return path


@pytest.fixture(scope="module")
def client(store_path, resources):
    from fastapi.testclient import TestClient

    from sitrep.api import create_app

    with TestClient(create_app(store_path, token=TOKEN, resources=resources)) as test_client:
        yield test_client
