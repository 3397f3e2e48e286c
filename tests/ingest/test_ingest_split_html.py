"""HTML splitting: extracted text, one segment per paragraph, comment and removed line."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.ingest import read_pages, split_page
from sitrep.models import Document, Page, SegmentKind

DATA = Path(__file__).resolve().parent.parent / "data" / "ingest"
K = SegmentKind


@pytest.fixture(scope="module")
def news() -> Document:
    (page,) = list(read_pages([DATA / "news_page.html"]))
    assert isinstance(page, Page)
    return split_page(page)


def _texts(doc: Document, kind: SegmentKind) -> list[str]:
    return [doc.text[s.start : s.end] for s in doc.spans(kind)]


def _assert_valid(doc: Document) -> None:
    previous_end = 0
    covered: set[int] = set()
    for seg in doc.segments:
        assert previous_end <= seg.start < seg.end <= len(doc.text)
        previous_end = seg.end
        covered.update(range(seg.start, seg.end))
    assert all(c.isspace() or i in covered for i, c in enumerate(doc.text))


def test_text_layout_title_then_body_then_comments_then_removed(news: Document) -> None:
    _assert_valid(news)
    assert news.text.startswith("Protesters fill the square in Tbilisi\n\nTens of thousands")
    kinds = [s.kind for s in news.segments]
    order = {K.TITLE: 0, K.BODY: 1, K.QUOTE: 1, K.COMMENT: 2, K.BOILERPLATE: 3}
    assert [order[k] for k in kinds] == sorted(order[k] for k in kinds)
    assert news.title == "Protesters fill the square in Tbilisi"
    assert news.date == "2023-03-08" and news.date_source == "metadata"
    assert news.url == "https://ledger.example.org/2023/03/tbilisi-protest"


def test_body_paragraphs_and_blockquote(news: Document) -> None:
    body = _texts(news, K.BODY)
    assert len(body) == 4
    assert body[0].startswith("Tens of thousands of people gathered")
    assert body[-1].startswith("European officials urged")
    assert _texts(news, K.QUOTE) == [
        "This law has no place in a country that wants to join the European Union, a "
        "statement from the president's office said."
    ]
    assert "Share this" not in news.body and "Sponsored" not in news.body


def test_comments_one_per_comment_without_author_lines(news: Document) -> None:
    comments = news.comments
    assert len(comments) == 3
    assert comments[0] == (
        "I was there until two in the morning. The police waited until the cameras left "
        "before they moved in.\nNobody I spoke to is going home."
    )
    assert comments[1] == "Stay safe out there, and thank you for reporting what you saw."
    assert not any("says:" in c for c in comments)


def test_removed_lines_are_boilerplate_and_unique(news: Document) -> None:
    removed = news.removed
    for line in (
        "Home",
        "Sponsored: Meet beautiful singles near you tonight",
        "Share this:",
        "Recent Posts",
        "Copyright 2023 The Caucasus Ledger. All rights reserved.",
        "We use cookies to improve your experience.",
    ):
        assert line in removed
    assert len(removed) == len(set(removed))
    body_and_comments = news.body + "\n".join(news.comments)
    assert not any(len(line) > 30 and line in body_and_comments for line in removed)


def test_segment_offsets_match_text(news: Document) -> None:
    for seg in news.segments:
        piece = news.text[seg.start : seg.end]
        assert piece == piece.strip() and piece


def test_dates_from_meta_and_time_elements() -> None:
    meta = (
        '<html><head><meta property="article:published_time" content="2019-11-02T08:00:00Z">'
        "</head><body><p>Short text about the port strike that ended on Friday.</p></body></html>"
    )
    time_el = (
        '<html><body><article><time datetime="2018-07-09">9 July</time>'
        "<p>Short text about the blockade of the port and the talks.</p></article></body></html>"
    )
    assert split_page(Page(doc_id="m", path="m.html", html=meta)).date == "2019-11-02"
    doc = split_page(Page(doc_id="t", path="t.html", html=time_el))
    assert doc.date == "2018-07-09" and doc.date_source == "metadata"
    bare = "<html><body><p>No date anywhere on this page at all.</p></body></html>"
    assert split_page(Page(doc_id="b", path="b.html", html=bare)).date_source is None


def test_tiny_page_falls_back_to_dom_paragraphs() -> None:
    html = (
        "<html><head><title>Talks | Site</title></head><body>"
        "<nav><a href='/'>Home</a></nav>"
        "<p>Envoys met in Muscat.</p><blockquote>Progress was made.</blockquote>"
        "</body></html>"
    )
    doc = split_page(Page(doc_id="tiny", path="tiny.html", html=html))
    _assert_valid(doc)
    assert doc.title == "Talks"
    assert "Envoys met in Muscat." in doc.body
    assert "Home" in doc.removed


def test_comments_marked_only_by_list_items() -> None:
    article = " ".join(
        f"Paragraph {n} describes the negotiations over the prisoner exchange in detail."
        for n in range(6)
    )
    html = (
        "<html><head><title>Exchange</title></head><body><article>"
        f"<h1>Exchange</h1><p>{article}</p><p>{article}</p></article>"
        "<div id='comments'><h3>2 Comments</h3><ul>"
        "<li class='comment'><cite>Ali</cite><p>Will they really release everyone?</p></li>"
        "<li class='comment'><cite>Bea</cite><p>I doubt the second phase happens.</p></li>"
        "</ul></div></body></html>"
    )
    doc = split_page(Page(doc_id="x", path="x.html", html=html))
    _assert_valid(doc)
    assert any("Will they really release everyone?" in c for c in doc.comments)
    assert any("I doubt the second phase happens." in c for c in doc.comments)
    assert "Will they really" not in doc.body


def test_jsonl_html_record_uses_record_title(tmp_path: Path) -> None:
    path = tmp_path / "r.jsonl"
    path.write_text(
        '{"id": "h1", "title": "Record title", "date": "2022-01-05", '
        '"html": "<html><body><p>Envoys met in Muscat on the prisoner exchange.</p></body></html>"}\n',
        encoding="utf-8",
    )
    (page,) = list(read_pages([path]))
    doc = split_page(page)
    assert doc.title == "Record title" and doc.text.startswith("Record title\n\n")
    assert doc.date == "2022-01-05" and doc.date_source == "metadata"


def test_garbage_html_does_not_raise() -> None:
    for html in ("<<<>>>", "<html></html>", "plain words, no tags", "<p>\x00</p>"):
        doc = split_page(Page(doc_id="g", path="g.html", html=html))
        _assert_valid(doc)
