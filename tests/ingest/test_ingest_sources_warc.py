"""Readers for gzipped JSONL, WARC, globs and fsspec URLs, and the input limits."""

from __future__ import annotations

import gzip
import io
import json
import uuid
import zlib
from pathlib import Path

import fsspec
import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from sitrep.errors import (
    EmptyInputError,
    InputError,
    MalformedInputError,
    TooLargeError,
    UnsupportedFormatError,
)
from sitrep.ingest import ReadLimits, read_pages, split_page
from sitrep.ingest.limits import (
    DecompressionBombError,
    InvalidLimitsError,
    NestingTooDeepError,
    TooManyElementsError,
)
from sitrep.ingest.sources import InputFormat, input_format, page_stem
from sitrep.ingest.warc import warc_doc_id
from sitrep.models import Page

ARTICLE_HTML = (
    "<html><head><title>Border talks</title>{meta}</head><body><article>"
    "<p>Negotiators from both governments met at the border crossing on Tuesday.</p>"
    "<p>They agreed to reopen the road to trucks carrying food.</p>"
    "</article></body></html>"
)


def _read(*paths: str | Path, limits: ReadLimits | None = None) -> list[Page | InputError]:
    return list(read_pages([str(p) for p in paths], limits))


def _pages(items: list) -> list[Page]:
    return [i for i in items if isinstance(i, Page)]


def _errors(items: list) -> list[InputError]:
    return [i for i in items if isinstance(i, InputError)]


def write_warc(path: Path, records: list[tuple], gz: bool = False, date: str | None = None) -> None:
    """Write ``(rec_type, uri, status, content_type, body)`` records to a WARC file."""
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=gz)
        for rec_type, uri, status, content_type, body in records:
            warc_headers = None
            if date:
                fields = [
                    ("WARC-Type", rec_type),
                    ("WARC-Record-ID", f"<urn:uuid:{uuid.uuid4()}>"),
                    ("WARC-Target-URI", uri),
                    ("WARC-Date", date),
                ]
                warc_headers = StatusAndHeaders("", fields, protocol="WARC/1.0")
            if rec_type == "response":
                http = StatusAndHeaders(
                    status, [("Content-Type", content_type)], protocol="HTTP/1.1"
                )
                record = writer.create_warc_record(
                    uri,
                    "response",
                    payload=io.BytesIO(body),
                    http_headers=http,
                    warc_headers=warc_headers,
                )
            else:
                record = writer.create_warc_record(
                    uri,
                    rec_type,
                    payload=io.BytesIO(body),
                    warc_content_type=content_type,
                    warc_headers=warc_headers,
                )
            writer.write_record(record)


# -- formats and names ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "kind", "stem"),
    [
        ("a/b/page.html", InputFormat.HTML, "page"),
        ("x.HTM", InputFormat.HTML, "x"),
        ("corpus.jsonl.gz", InputFormat.JSONL_GZ, "corpus"),
        ("crawl-01.warc.gz", InputFormat.WARC_GZ, "crawl-01"),
        ("s3://bucket/dir/crawl.warc", InputFormat.WARC, "crawl"),
        ("notes.txt", InputFormat.TEXT, "notes"),
        ("image.png", None, "image"),
        (".jsonl", None, ""),
    ],
)
def test_input_format_and_stem(name: str, kind: InputFormat | None, stem: str) -> None:
    assert input_format(name) == kind
    if kind is not None:
        assert page_stem(name) == stem


# -- gzipped JSONL -----------------------------------------------------------------------


def test_jsonl_gz_reads_like_jsonl(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "a", "text": "Ministers met in Cairo on Sunday."}),
        "{not json",
        json.dumps({"id": "b", "html": ARTICLE_HTML.format(meta=""), "url": "https://x.org/b"}),
    ]
    path = tmp_path / "batch.jsonl.gz"
    path.write_bytes(gzip.compress("\n".join(lines).encode()))
    items = _read(path)
    assert [type(i) for i in items] == [Page, MalformedInputError, Page]
    assert items[0].doc_id == "a" and items[0].path == f"{path}#1"
    assert items[2].url == "https://x.org/b"
    assert items[1].path == f"{path}:2"


def test_jsonl_gz_of_many_members_reads_all(tmp_path: Path) -> None:
    first = gzip.compress(json.dumps({"id": "1", "text": "First record."}).encode() + b"\n")
    second = gzip.compress(json.dumps({"id": "2", "text": "Second record."}).encode() + b"\n")
    path = tmp_path / "two.jsonl.gz"
    path.write_bytes(first + second)
    assert [p.doc_id for p in _read(path)] == ["1", "2"]


def test_truncated_gzip_keeps_pages_before_the_cut(tmp_path: Path) -> None:
    body = "".join(
        json.dumps({"id": str(i), "text": f"Record number {i} about a ceasefire."}) + "\n"
        for i in range(2000)
    ).encode()
    data = gzip.compress(body)
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])
    items = _read(path)
    assert len(_pages(items)) > 0
    # at most the half line before the cut, then the cut itself
    assert 1 <= len(_errors(items)) <= 2
    error = items[-1]
    assert isinstance(error, MalformedInputError)
    assert error.path == str(path) and "cut short" in error.problem


def test_not_gzip_at_all(tmp_path: Path) -> None:
    path = tmp_path / "plain.jsonl.gz"
    path.write_text(json.dumps({"id": "a", "text": "Not compressed."}))
    (error,) = _read(path)
    assert isinstance(error, MalformedInputError) and "gzip" in error.problem


def _bomb(size: int, byte: bytes = b" ") -> bytes:
    """A small gzip that expands to ``size`` bytes of one repeated byte."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    block = byte * (1 << 20)
    parts = [compressor.compress(block) for _ in range(size >> 20)]
    parts.append(compressor.flush())
    return b"".join(parts)


def test_gzip_bomb_stops_at_the_decompressed_limit(tmp_path: Path) -> None:
    path = tmp_path / "bomb.jsonl.gz"
    path.write_bytes(_bomb(64 << 20))
    assert path.stat().st_size < 200_000
    limits = ReadLimits(max_decompressed_bytes=2_000_000, max_line_bytes=10_000_000)
    items = _read(path, limits=limits)
    assert len(items) == 1 and isinstance(items[0], DecompressionBombError)
    assert isinstance(items[0], TooLargeError) and str(path) in str(items[0])


def test_gzip_bomb_stops_at_the_ratio_limit_with_default_limits(tmp_path: Path) -> None:
    path = tmp_path / "bomb.jsonl.gz"
    path.write_bytes(_bomb(64 << 20, b"\x00"))
    items = _read(path)
    assert isinstance(items[-1], DecompressionBombError)
    assert "times" in items[-1].problem
    assert all(isinstance(i, InputError) for i in items)


def test_warc_gz_bomb(tmp_path: Path) -> None:
    path = tmp_path / "bomb.warc.gz"
    path.write_bytes(_bomb(32 << 20, b"A"))
    items = _read(path, limits=ReadLimits(max_decompressed_bytes=1_000_000))
    assert len(items) == 1 and isinstance(items[0], InputError)


def test_read_limits_are_validated() -> None:
    with pytest.raises(InvalidLimitsError, match="max_html_depth"):
        ReadLimits(max_html_depth=10_000)
    with pytest.raises(InvalidLimitsError, match="max_bytes"):
        ReadLimits(max_bytes=0)


# -- WARC ------------------------------------------------------------------------------


@pytest.mark.parametrize("gz", [False, True])
def test_warc_pages_from_responses(tmp_path: Path, gz: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    dated = ARTICLE_HTML.format(
        meta='<meta property="article:published_time" content="2023-05-04T08:00:00Z">'
    )
    write_warc(
        path,
        [
            ("response", "https://news.example.org/a", "200 OK", "text/html", dated.encode()),
            ("response", "https://news.example.org/logo.png", "200 OK", "image/png", b"\x89PNG"),
            ("response", "https://news.example.org/gone", "404 Not Found", "text/html", b"<p>x"),
            (
                "response",
                "https://news.example.org/b",
                "200 OK",
                "text/html; charset=windows-1252",
                ARTICLE_HTML.format(meta="").replace("Tuesday", "Tuesday’s").encode("cp1252"),
            ),
            ("conversion", "https://news.example.org/c", "", "text/plain", b"Extracted words."),
        ],
        gz=gz,
        date="2024-02-03T10:00:00Z",
    )
    items = _read(path)
    assert all(isinstance(i, Page) for i in items), items
    first, second, third = items
    assert first.url == "https://news.example.org/a"
    assert first.doc_id == warc_doc_id("https://news.example.org/a")
    assert first.path == f"{path}#1" and second.path == f"{path}#4" and third.path == f"{path}#5"
    assert first.date == "2023-05-04"  # the page's own date beats the capture date
    assert second.date == "2024-02-03"  # no metadata date: the WARC-Date
    assert "Tuesday’s" in second.html  # the HTTP header's charset was used
    assert first.source == "news.example.org" and first.title == "Border talks"
    assert third.text == "Extracted words." and third.html is None
    assert len({first.content_hash, second.content_hash, third.content_hash}) == 3
    document = split_page(first)
    assert "border crossing" in document.text


def test_warc_bad_records_do_not_stop_the_file(tmp_path: Path) -> None:
    deep = "<html><body>" + "<div>" * 5000 + "<p>lost</p>" + "</div>" * 5000 + "</body></html>"
    path = tmp_path / "mixed.warc"
    write_warc(
        path,
        [
            ("response", "https://x.org/big", "200 OK", "text/html", b"<p>" + b"a" * 5000),
            ("response", "https://x.org/deep", "200 OK", "text/html", deep.encode()),
            ("response", "https://x.org/nul", "200 OK", "text/plain", b"a\x00b" * 100),
            ("response", "https://x.org/ok", "200 OK", "text/html", ARTICLE_HTML.encode()),
        ],
    )
    items = _read(path, limits=ReadLimits(max_bytes=3000))
    assert [type(i).__name__ for i in items] == [
        "TooLargeError",
        "TooLargeError",
        "BinaryInputError",
        "Page",
    ]
    items = _read(path)
    assert isinstance(items[1], NestingTooDeepError) and items[1].path == f"{path}#2"
    assert isinstance(items[3], Page) and items[3].url == "https://x.org/ok"


def test_warc_without_pages_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "images.warc"
    write_warc(path, [("response", "https://x.org/a.png", "200 OK", "image/png", b"\x89PNG")])
    (error,) = _read(path)
    assert isinstance(error, EmptyInputError) and "1 records" in error.problem


def test_truncated_warc_gives_pages_then_one_error(tmp_path: Path) -> None:
    path = tmp_path / "cut.warc.gz"
    records = [
        ("response", f"https://x.org/{i}", "200 OK", "text/html", ARTICLE_HTML.encode())
        for i in range(20)
    ]
    write_warc(path, records, gz=True)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) * 2 // 3])
    items = _read(path)
    assert 5 <= len(_pages(items)) < 20
    assert isinstance(items[-1], MalformedInputError) and "cut short" in items[-1].problem
    assert all(isinstance(p, Page) for p in items[: len(_pages(items)) - 1])


def test_warc_record_with_no_target_uri_is_a_named_error(tmp_path: Path) -> None:
    # warcio fails inside its header parser on such a record (found by the fuzz test)
    body = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + ARTICLE_HTML.encode()
    head = (
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:1>\r\n"
        f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(body)}\r\n\r\n"
    )
    path = tmp_path / "no-uri.warc"
    path.write_bytes(head.encode() + body + b"\r\n\r\n")
    items = _read(path)
    assert len(items) == 1 and isinstance(items[0], MalformedInputError)
    assert "no-uri.warc#1" in str(items[0]) and "not a readable WARC record" in items[0].problem


# -- deep HTML nesting -----------------------------------------------------------------


def test_deeply_nested_html_file_is_a_named_error(tmp_path: Path) -> None:
    path = tmp_path / "deep.html"
    path.write_text("<html><body>" + "<div>" * 100_000 + "<p>Words.</p>" + "</div>" * 100_000)
    (error,) = _read(path)
    assert isinstance(error, NestingTooDeepError) and error.path == str(path)
    assert "nest" in error.problem


def test_nesting_limit_is_configurable(tmp_path: Path) -> None:
    path = tmp_path / "nested.html"
    html = "<html><body>" + "<div>" * 40 + "<p>Troops left the town.</p>" + "</div>" * 40
    path.write_text(html)
    assert isinstance(_read(path)[0], Page)
    assert isinstance(_read(path, limits=ReadLimits(max_html_depth=20))[0], NestingTooDeepError)


def test_split_page_on_deep_nesting_raises_input_error_not_recursion() -> None:
    html = "<html><body>" + "<div>" * 100_000 + "<p>Words.</p>" + "</div>" * 100_000
    page = Page(doc_id="deep", path="deep.html", html=html, content_hash="h")
    with pytest.raises(InputError):
        split_page(page)


# -- globs, folders and URLs -------------------------------------------------------------


def test_glob_and_folder_pick_up_new_formats(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Text page about a vote.")
    (tmp_path / "b.jsonl.gz").write_bytes(
        gzip.compress(json.dumps({"id": "b1", "text": "A record."}).encode())
    )
    sub = tmp_path / "sub"
    sub.mkdir()
    write_warc(sub / "c.warc", [("response", "https://x.org/c", "200 OK", "text/plain", b"Hi.")])
    (sub / "skip.png").write_bytes(b"\x89PNG")
    (tmp_path / ".hidden.txt").write_text("hidden")
    from_folder = [p.path for p in _read(tmp_path)]
    assert from_folder == [
        str(tmp_path / "a.txt"),
        f"{tmp_path / 'b.jsonl.gz'}#1",
        f"{sub}/c.warc#1",
    ]
    from_glob = [p.path for p in _read(tmp_path / "**" / "*.warc")]
    assert from_glob == [f"{sub}/c.warc#1"]
    (missing,) = _read(tmp_path / "*.nothing")
    assert type(missing) is InputError and "pattern" in missing.problem


def test_explicit_unsupported_file(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(b"%PDF")
    (error,) = _read(path)
    assert isinstance(error, UnsupportedFormatError) and ".warc" in error.problem


def test_fsspec_urls_are_read(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text("A page read through a file URL.")
    (page,) = _read(f"file://{tmp_path}/one.txt")
    assert page.text == "A page read through a file URL." and page.doc_id == "one"

    root = f"memory://sitrep-test-{uuid.uuid4().hex}"
    fs = fsspec.filesystem("memory")
    try:
        with fs.open(f"{root}/feed/a.jsonl.gz", "wb") as handle:
            handle.write(gzip.compress(json.dumps({"id": "m1", "text": "In memory."}).encode()))
        with fs.open(f"{root}/feed/b.html", "wb") as handle:
            handle.write(ARTICLE_HTML.format(meta="").encode())
        with fs.open(f"{root}/feed/c.bin", "wb") as handle:
            handle.write(b"\x00\x01")
        items = _read(f"{root}/feed")
        assert [type(i) for i in items] == [Page, Page]
        assert items[0].path.startswith("memory://")
        assert items[0].path.endswith("/feed/a.jsonl.gz#1")
        assert items[1].doc_id == "b" and items[1].title == "Border talks"
        assert [p.doc_id for p in _read(f"{root}/feed/*.html")] == ["b"]
        (missing,) = _read(f"{root}/nothing-here")
        assert isinstance(missing, InputError) and "URL" in missing.problem
    finally:
        fs.rm(root, recursive=True)


def test_url_page_over_the_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("word " * 1000)
    (error,) = _read(f"file://{path}", limits=ReadLimits(max_bytes=100))
    assert isinstance(error, TooLargeError) and "more than 100 bytes" in error.problem


def test_html_with_too_many_elements(tmp_path: Path) -> None:
    path = tmp_path / "huge.html"
    path.write_text("<html><body>" + "<p>a</p>" * 3000 + "</body></html>")
    assert isinstance(_read(path)[0], Page)
    (error,) = _read(path, limits=ReadLimits(max_html_elements=1000))
    assert isinstance(error, TooManyElementsError) and "3002 elements" in error.problem
