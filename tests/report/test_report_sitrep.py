"""Situation reports on a store built from our sample pages with the real pipeline.

Every section is checked against the store's own query layer; the HTML is checked for
network references and escaping; the PDF is rendered to PNG pages kept as artifacts.
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from sitrep.cli import cli
from sitrep.errors import InputError, QueryError
from sitrep.ingest import read_pages
from sitrep.pipeline import analyse
from sitrep.report import (
    all_figures,
    build_report,
    render_html,
    write_html,
    write_markdown,
    write_pdf,
)
from sitrep.report.data import SPECULATIVE
from sitrep.report.model import QUADS
from sitrep.store import Filters, Store

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
PAGES = (
    "iraq-protests-2019-blog.txt",
    "iraq-embassy-siege-2019.html",
    "iraq-soleimani-strike-2020-wire.txt",
    "iran-ain-al-asad-2020-blog.txt",
)
HOSTILE_TITLE = '<script>alert("x")</script> & <img src="https://tracker.example/p.gif">'
PERIOD = ("2019-12", "2020-01")


def _page_url(doc_id: str) -> str:
    return f"https://pages.example/{doc_id}?a=1&b=2"


@pytest.fixture(scope="module")
def store_path(tmp_path_factory, resources) -> Path:
    """A store of four sample pages; three get a url, one a title full of markup."""
    path = tmp_path_factory.mktemp("report") / "sample.db"
    with Store.open(path) as store:
        for index, page in enumerate(read_pages([SAMPLES / name for name in PAGES])):
            assert not isinstance(page, InputError), page
            if index < 3:
                page = dataclasses.replace(page, url=_page_url(page.doc_id))
            if index == 0:
                page = dataclasses.replace(page, title=HOSTILE_TITLE)
            store.save(analyse(page, resources))
    return path


@pytest.fixture(scope="module")
def store(store_path):
    with Store.open(store_path) as opened:
        yield opened


@pytest.fixture(scope="module")
def report(store):
    return build_report(store, *PERIOD, generated_on="2024-01-01")


@pytest.fixture(scope="module")
def events(store) -> list[dict]:
    return list(store.iter_rows("events", Filters(date_from=PERIOD[0], date_to=PERIOD[1])))


@pytest.fixture(scope="module")
def documents(store) -> dict[str, dict]:
    return {row["doc"]: row for row in store.iter_rows("documents")}


@pytest.fixture(scope="module")
def figures(report):
    return all_figures(report)


@pytest.fixture(scope="module")
def html_text(report, figures) -> str:
    return render_html(report, figures)


@pytest.fixture(scope="module")
def artifacts(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("report-artifacts")
    print(f"\nreport artifacts: {folder}")
    return folder


def _actor_ids(row: dict) -> set[str]:
    refs = (row.get("sources") or [row["source"]]) + (row.get("targets") or [row["target"]])
    return {ref["id"] for ref in refs if ref}


# -- 1 summary ---------------------------------------------------------------------------


def test_summary_counts_match_the_query_layer(store, report, events):
    summary = report.summary
    filters = Filters(date_from=PERIOD[0], date_to=PERIOD[1])
    assert summary.total.current == store.count("events", filters) == len(events) > 0
    before = Filters(date_from=report.previous.date_from, date_to=report.previous.date_to)
    assert summary.total.previous == store.count("events", before)
    for change in summary.by_type:
        typed = dataclasses.replace(filters, type=change.label)
        assert change.current == store.count("events", typed)
    assert {c.label: c.current for c in summary.by_quad} == {
        quad: n for quad, n in Counter(row["quad"] for row in events).items()
    }
    assert sum(c.current for c in summary.by_modality) == len(events)
    assert summary.net_score == pytest.approx(sum(row["score"] for row in events), abs=0.1)
    assert summary.pages == len({row["doc"] for row in events})


def test_most_active_actors_and_pairs_are_counted_from_the_events(report, events):
    per_actor = Counter(actor for row in events for actor in _actor_ids(row))
    top = report.summary.top_actors
    assert top, "the sample period names actors"
    for actor in top:
        assert actor.current == per_actor[actor.id]
    assert [a.current for a in top] == sorted((a.current for a in top), reverse=True)
    assert top[0].current == max(per_actor.values())
    for dyad in report.summary.top_dyads:
        between = [
            row
            for row in events
            if dyad.source_id in {r["id"] for r in (row.get("sources") or [row["source"]]) if r}
            and dyad.target_id in {r["id"] for r in (row.get("targets") or [row["target"]]) if r}
        ]
        assert dyad.current == len(between)


# -- 2 key events and citations ----------------------------------------------------------


def test_key_events_are_ranked_by_intensity_and_sources(report, events):
    by_id = {row["event_id"]: row for row in events}
    key = report.key_events
    assert key
    assert [k.rank for k in key] == list(range(1, len(key) + 1))
    assert [k.weight for k in key] == sorted((k.weight for k in key), reverse=True)
    for event in key:
        rows = [by_id[event_id] for event_id in event.event_ids]
        assert event.independent_sources == len({row["doc"] for row in rows})
        assert event.modality not in (*SPECULATIVE, "negated", "question")
        strongest = max(abs(row["score"]) for row in rows)
        assert event.weight == pytest.approx(
            strongest * (1 + math.log2(event.independent_sources)), abs=0.01
        )
        assert event.citations
    strongest_anywhere = max(
        abs(row["score"])
        for row in events
        if row["modality"] not in (*SPECULATIVE, "negated", "question")
    )
    assert abs(key[0].score) == strongest_anywhere


def test_every_citation_resolves_to_a_stored_sentence(report, documents, store):
    stored_events = {row["event_id"]: row for row in store.iter_rows("events")}
    assert report.citations
    assert [c.number for c in report.citations] == list(range(1, len(report.citations) + 1))
    for citation in report.citations:
        page = documents[citation.doc]
        assert page["text"][citation.start : citation.end] == citation.sentence
        event = stored_events.get(citation.event_id)
        if event is not None:  # claims from a claims table cite claim ids instead
            tellings = {(m["start"], m["end"]) for m in event.get("mentions") or ()}
            tellings.add((event["start"], event["end"]))
            assert (citation.start, citation.end) in tellings
        if page["url"]:
            assert citation.link.startswith(page["url"] + "#:~:text=")
        else:
            assert citation.link is None


# -- 3 to 5 figures' data ----------------------------------------------------------------


def test_trend_covers_the_period_and_every_event(report, events):
    trend = report.trend
    assert trend.bucket == "day"
    assert trend.points[0].start == "2019-12-01"
    assert trend.points[-1].start == "2020-01-31"
    assert len(trend.points) == 62
    coded = [row for row in events if row["quad"] in QUADS]
    assert sum(p.total for p in trend.points) == len(coded)
    assert sum(p.net_score for p in trend.points) == pytest.approx(
        report.summary.net_score, abs=0.5
    )


def test_network_and_map_agree_with_the_events(report, events):
    per_actor = Counter(actor for row in events for actor in _actor_ids(row))
    for node in report.network.nodes:
        assert node.events == per_actor[node.id]
    ids = {node.id for node in report.network.nodes}
    assert all(edge.source in ids and edge.target in ids for edge in report.network.edges)
    assert len(report.network.nodes) + report.network.left_out == len(per_actor)
    located = [row for row in events if row["location"]]
    assert sum(p.events for p in report.places) == len(located) > 0


# -- 6 claims, 7 actors and pages --------------------------------------------------------


def test_claims_are_the_periods_predictions_with_their_sources(report, events, documents):
    speculative = {row["sentence"] for row in events if row["modality"] in SPECULATIVE}
    assert speculative, "the sample pages predict and speculate"
    claimed = {claim.text for claim in report.claims}
    assert speculative <= claimed
    for claim in report.claims:
        assert claim.kind in ("prediction", "speculation", "hypothetical", "question")
        assert claim.holder
        page = documents[claim.citation.doc]
        assert page["text"][claim.citation.start : claim.citation.end] == claim.text
        assert claim.made_on == page["date"]


def test_unknown_actors_and_pages_used(report, store, events):
    known = {row["id"]: row["known"] for row in store.iter_rows("actors")}
    for actor in report.unknown_actors:
        assert known[actor.id] is False
        assert not actor.id.startswith("generic:")
    in_events = {a for row in events for a in _actor_ids(row)}
    unknown_in_events = {a for a in in_events if known.get(a) is False}
    unknown_in_events = {a for a in unknown_in_events if not a.startswith("generic:")}
    assert {a.id for a in report.unknown_actors} == unknown_in_events
    assert {p.doc for p in report.pages} >= {row["doc"] for row in events}
    for page in report.pages:
        filters = Filters(doc=page.doc, date_from=PERIOD[0], date_to=PERIOD[1])
        assert page.events == store.count("events", filters)


def test_actor_and_country_filters_narrow_the_report(store, report):
    actor = report.summary.top_actors[0]
    narrowed = build_report(store, *PERIOD, actors=[actor.id])
    assert narrowed.summary.total.current < report.summary.total.current
    # the same selection as `sitrep events --actor ID` (ids, names and code prefixes)
    filters = Filters(actor=actor.id, date_from=PERIOD[0], date_to=PERIOD[1])
    assert narrowed.summary.total.current == store.count("events", filters) >= actor.current
    iraq = build_report(store, *PERIOD, countries=["irq"])
    assert iraq.countries == ("IRQ",)
    assert 0 < iraq.summary.total.current < report.summary.total.current
    one_page = build_report(store, *PERIOD, docs=[report.pages[0].doc])
    assert {p.doc for p in one_page.pages} == {report.pages[0].doc}


@pytest.mark.parametrize(
    ("kwargs", "words"),
    [
        ({"period_from": "2021-01", "period_to": "2021-03"}, "no events from 2021-01-01"),
        ({"period_from": "2020-02", "period_to": "2020-01"}, "swap them"),
        ({"actors": ["Nobody In Particular"]}, "unknown actor"),
        ({"countries": ["XYZ"]}, "unknown country code"),
        ({"countries": ["Iraq"]}, "alpha-3"),
        ({"docs": ["no-such-page"]}, "unknown page"),
    ],
)
def test_bad_requests_give_a_clear_error(store, kwargs, words):
    arguments = {"period_from": PERIOD[0], "period_to": PERIOD[1], **kwargs}
    with pytest.raises(QueryError) as caught:
        build_report(store, **arguments)
    assert words in str(caught.value)


# -- writers -----------------------------------------------------------------------------


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.src: list[str] = []
        self.href: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        for name, value in attrs:
            if name == "src":
                self.src.append(value or "")
            if name == "href":
                self.href.append(value or "")


def test_html_is_self_contained(html_text, documents, report):
    parser = _Links()
    parser.feed(html_text)
    assert parser.src and all(src.startswith("data:image/png;base64,") for src in parser.src)
    assert parser.tags.count("img") == 3
    assert not {"script", "link", "iframe", "object", "embed"} & set(parser.tags)
    page_urls = {row["url"] for row in documents.values() if row["url"]}
    external = [href for href in parser.href if not href.startswith("#")]
    assert external, "the sample pages have urls to cite"
    for href in external:
        assert any(href == url or href.startswith(url + "#") for url in page_urls), href
    assert not re.search(r"url\(|@import", html_text)
    assert not re.search(r"(src|href)\s*=\s*[\"']?//", html_text)
    for anchor in (h[1:] for h in parser.href if h.startswith("#")):
        assert f'id="{anchor}"' in html_text
    for number in range(1, 8):
        assert re.search(rf"<h2>{number}\. ", html_text)


def test_html_escapes_page_text(html_text):
    assert HOSTILE_TITLE not in html_text
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img" in html_text
    assert "tracker.example" not in re.sub(r"&lt;img src=&quot;[^&]*&quot;&gt;", "", html_text)


def test_writers_produce_html_markdown_and_a_readable_pdf(report, figures, artifacts):
    import pypdfium2

    html_path = write_html(report, artifacts / "report.html", figures)
    assert html_path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    md_path = write_markdown(report, artifacts / "report.md", figures)
    markdown = md_path.read_text(encoding="utf-8")
    files = sorted((artifacts / "report-figures").glob("*.png"))
    assert [f.name for f in files] == ["map.png", "network.png", "trend.png"]
    for figure in files:
        assert figure.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
        assert f"(<report-figures/{figure.name}>)" in markdown
    assert "<script>" not in markdown
    pdf_path = write_pdf(report, artifacts / "report.pdf", figures)
    pdf = pypdfium2.PdfDocument(str(pdf_path))
    try:
        assert len(pdf) > 0
        text = "\n".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
        for heading in ("Situation report", "Key events", "Claims and predictions"):
            assert heading in text
        assert report.key_events[0].citations[0].sentence.split()[0] in text
        for index in range(len(pdf)):
            image = pdf[index].render(scale=1.2).to_pil()
            target = artifacts / f"report-page-{index + 1}.png"
            image.save(target)
            assert target.stat().st_size > 10_000
    finally:
        pdf.close()
    print(f"PDF pages rendered to {artifacts}/report-page-*.png")


def test_cli_writes_a_report_and_refuses_bad_periods(store_path, tmp_path):
    runner = CliRunner()
    target = tmp_path / "brief.md"
    result = runner.invoke(
        cli,
        ["report", "--db", str(store_path), "--from", PERIOD[0], "--to", PERIOD[1]]
        + ["--country", "IRQ", "--format", "md", "-o", str(target)],
    )
    assert result.exit_code == 0, result.output
    assert target.is_file() and (tmp_path / "brief-figures" / "trend.png").is_file()
    assert "events" in result.output
    bad = runner.invoke(
        cli, ["report", "--db", str(store_path), "--from", "2020-03", "--to", "2020-01"]
    )
    assert bad.exit_code == 2
    assert "swap them" in bad.output
