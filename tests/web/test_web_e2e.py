"""The web UI end to end in a real headless Chromium (Debian's, driven by Playwright).

The server runs in a thread on a free port over a store filled from a few of our sample
pages. Screenshots go to ``artifacts/web-screenshots/`` (git-ignored); the folder is
printed at the end of the module.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

import pytest

CHROMIUM = Path("/usr/bin/chromium")
REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "samples"
SHOTS = REPO / "artifacts" / "web-screenshots"
TOKEN = "e2e-token"
SAMPLE_FILES = (
    "iraq-protests-2019-blog.txt",
    "iraq-soleimani-strike-2020-wire.txt",
    "iran-ain-al-asad-2020-blog.txt",
    "israel-gaza-truce-2023.html",
)
HOSTILE = (
    "Ministers meet in Amman\n\n"
    "Jordanian Foreign Minister Ayman Safadi met Egyptian officials in Amman on Monday. "
    "Someone typed <script>window.__pwned = 1</script> and <b>bold</b> into this page.\n"
)

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="/usr/bin/chromium is absent: install Debian's chromium (scripts/setup-web.sh)",
)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory, resources):
    import uvicorn

    from sitrep.api import create_app
    from sitrep.ingest import read_pages
    from sitrep.models import Page
    from sitrep.pipeline import analyse
    from sitrep.store import Store

    db = tmp_path_factory.mktemp("web-store") / "web.db"
    with Store.open(db) as store:
        for page in read_pages([SAMPLES / name for name in SAMPLE_FILES]):
            assert isinstance(page, Page), page
            store.save(analyse(page, resources))
        hostile = Page(
            doc_id="hostile", path="hostile.txt", text=HOSTILE, date="2022-02-07", content_hash="h"
        )
        store.save(analyse(hostile, resources))
    app = create_app(db, token=TOKEN, resources=resources)
    port = _free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
    uv = uvicorn.Server(config)
    thread = threading.Thread(target=uv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not uv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the test server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    uv.should_exit = True
    thread.join(timeout=10)
    print(f"\nweb UI screenshots: {SHOTS}")


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(
            executable_path=str(CHROMIUM),
            args=[
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    tab = context.new_page()
    errors: list[str] = []
    tab.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    tab.console_errors = errors
    yield tab
    context.close()


def _api(server: str, path: str, **params) -> dict:
    from urllib.request import urlopen

    query = "?" + urlencode(params, doseq=True) if params else ""
    with urlopen(f"{server}{path}{query}") as response:  # noqa: S310 - our local test server
        return json.load(response)


def _wait_ready(tab, view: str) -> None:
    tab.wait_for_selector(f"body[data-ready='{view}']", timeout=20_000)


def _shot(tab, name: str, full_page: bool = False) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(SHOTS / name), full_page=full_page)


def test_explore_view_draws_every_panel(server, page):
    page.goto(server + "/")
    _wait_ready(page, "explore")
    total = _api(server, "/api/events")["total"]
    assert total > 0
    assert page.locator("#event-total").inner_text() == f"({total})"
    assert page.locator("#events tbody tr.event-row").count() == min(total, 50)
    assert page.locator("#timeline rect").count() > 0
    assert page.locator("#network g.node").count() > 1
    assert page.locator("#map path.country").count() > 100
    assert page.locator("#map circle.location").count() > 0
    assert page.console_errors == []
    _shot(page, "explore.png")


def test_filter_by_actor_from_the_network_then_open_an_event(server, page):
    page.goto(server + "/")
    _wait_ready(page, "explore")
    node = page.locator("#network g.node").first
    actor_id = node.get_attribute("data-actor-id")
    node.locator("circle").click()
    page.wait_for_function("location.hash.includes('actor=')")
    _wait_ready(page, "explore")
    expected = _api(server, "/api/events", actor=actor_id)
    assert page.locator("#event-total").inner_text() == f"({expected['total']})"
    rows = page.locator("#events tbody tr.event-row")
    shown = [rows.nth(i).get_attribute("data-event-id") for i in range(rows.count())]
    assert shown == [e["event_id"] for e in expected["items"]]
    assert "actor" in page.locator("#chips").inner_text()
    _shot(page, "explore-actor-filter.png")

    event = expected["items"][0]
    rows.first.click()
    _wait_ready(page, "page")
    trigger = page.locator("#page-text .selected-trigger")
    assert trigger.count() >= 1
    assert "".join(trigger.all_inner_texts()) == event["trigger"]
    sentence = "".join(page.locator("#page-text .sentence.selected").all_inner_texts())
    assert event["trigger"] in sentence
    side = page.locator(f"#page-events li.selected[data-event-id='{event['event_id']}']")
    assert side.count() == 1
    assert event["modality"] in side.inner_text()
    assert "attribution:" in side.inner_text()
    assert page.console_errors == []
    _shot(page, "page-view.png")


def test_page_text_is_shown_as_text_never_run(server, page):
    page.goto(server + "/#/page/hostile")
    _wait_ready(page, "page")
    text = page.locator("#page-text").inner_text()
    assert "<script>window.__pwned = 1</script>" in text
    assert "<b>bold</b>" in text
    assert page.locator("#page-text script, #page-text b").count() == 0
    assert page.evaluate("typeof window.__pwned") == "undefined"


def test_brushing_the_timeline_sets_a_date_range(server, page):
    page.goto(server + "/")
    _wait_ready(page, "explore")
    box = page.locator("#timeline .brush .overlay").bounding_box()
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + 2, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] - 2, y, steps=5)
    page.mouse.up()
    page.wait_for_function("location.hash.includes('from=') && location.hash.includes('to=')")
    _wait_ready(page, "explore")
    assert page.locator("#f-from").input_value() != ""
    _shot(page, "timeline-brush.png")


def test_add_a_page_from_the_browser_and_list_pages(server, page):
    page.goto(server + "/#/add")
    _wait_ready(page, "add")
    page.fill("#a-token", TOKEN)
    page.fill("#a-title", "Talks in Doha")
    page.fill("#a-date", "2023-11-20")
    page.fill("#a-doc", "doha-talks")
    page.fill(
        "#a-text",
        "Talks in Doha\n\nQatari mediators met Hamas officials in Doha on Sunday. "
        "Israel rejected the proposal.",
    )
    page.click("#add-text button[type=submit]")
    page.wait_for_selector("#add-result li.result-inserted a", timeout=30_000)
    _shot(page, "add-pages.png")
    assert _api(server, "/api/documents/doha-talks")["title"] == "Talks in Doha"
    page.goto(server + "/#/documents")
    _wait_ready(page, "documents")
    assert page.locator("#documents tr.doc-row[data-doc='doha-talks']").count() == 1
    _shot(page, "documents.png")


def test_report_button_opens_the_report_for_the_current_filters(server, page):
    dates = sorted(e["date"] for e in _api(server, "/api/events", limit=1000)["items"] if e["date"])
    page.goto(server + "/")
    _wait_ready(page, "explore")
    with page.context.expect_page(timeout=60_000) as opened:
        page.click("#f-report")
    report = opened.value
    report.wait_for_load_state("load", timeout=60_000)
    href = page.locator("#f-report").get_attribute("data-href")
    assert f"from={dates[0]}" in href and f"to={dates[-1]}" in href
    assert "Situation report" in report.locator("h1").inner_text()
    assert report.locator("img").count() >= 1
    _shot(report, "report.png")
    report.close()
