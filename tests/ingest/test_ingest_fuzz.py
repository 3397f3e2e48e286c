"""Property-based and fuzz tests: every reader turns any input into pages or named errors.

Whatever the bytes (random data, invalid UTF-8, NUL bytes, huge lines, deep HTML
nesting, cut or corrupted gzip and WARC data, decompression bombs), each reader yields
only ``Page`` records and ``InputError``s that name the file, and ``split_page`` on
every page gives a Document or an ``InputError``: never another exception, never a hang.
"""

from __future__ import annotations

import gzip
import io
import json
import tempfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from sitrep.errors import InputError
from sitrep.ingest import ReadLimits, read_pages, split_page
from sitrep.ingest.limits import DecompressionBombError
from sitrep.models import Document, Page

FUZZ = settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
SMALL = ReadLimits(
    max_bytes=20_000, max_line_bytes=2_000, max_decompressed_bytes=200_000, max_html_depth=120
)

# Byte runs that break naive readers, mixed into random data.
NASTY = [
    b"\x00",
    b"\x00" * 64,
    b"\xff\xfe",
    b"\xfe\xff",
    b"\xef\xbb\xbf",
    b"\xc3\x28",  # invalid UTF-8 sequence
    b"\xed\xa0\x80",  # UTF-8 encoded surrogate
    b"\x80\x81\x8d\x8f\x90",
    b"\r\n",
    b"\n",
    b"<",
    b"<html>",
    b"<div>" * 300,
    b"</div>",
    b"<!--",
    b"<![CDATA[",
    b"&#0;",
    b"&#x110000;",
    b"<meta charset=utf-16>",
    b'<meta charset="no-such-charset">',
    b"{",
    b'{"id": "x", "html": "',
    b"x" * 5000,
    b"Protesters marched to the ministry on Friday. ",
    "Ankara’s envoy — «non» — said 停火.".encode(),
]
nasty_bytes = st.lists(st.one_of(st.binary(max_size=300), st.sampled_from(NASTY)), max_size=12).map(
    b"".join
)
TAGS = ["div", "p", "span", "table", "tr", "td", "li", "ul", "b", "font", "a", "blockquote"]


@contextmanager
def written(name: str, data: bytes) -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        yield path


def check(path: Path, items: list, one_page: bool = False) -> list[Page]:
    """Assert the reader's contract on ``items``; return the pages."""
    assert items, "a reader must yield a page or an error for every file"
    if one_page:
        assert len(items) == 1, items
    pages = []
    for item in items:
        if isinstance(item, InputError):
            assert item.path.startswith(str(path)), item
            assert item.problem and item.code.startswith("E1")
            continue
        assert isinstance(item, Page), item
        assert item.doc_id and item.content_hash
        assert (item.text is None) != (item.html is None)
        assert item.path.startswith(str(path))
        pages.append(item)
    return pages


def split_each(pages: list[Page]) -> None:
    for page in pages:
        try:
            document = split_page(page)
        except InputError as exc:
            assert exc.problem
            continue
        assert isinstance(document, Document)
        for segment in document.segments:
            assert 0 <= segment.start <= segment.end <= len(document.text)


def read(path: Path, limits: ReadLimits = SMALL) -> list:
    return list(read_pages([path], limits))


# -- text and HTML ---------------------------------------------------------------------


@FUZZ
@given(data=nasty_bytes)
def test_text_reader_never_crashes(data: bytes) -> None:
    with written("page.txt", data) as path:
        pages = check(path, read(path), one_page=True)
        split_each(pages)


@FUZZ
@given(data=nasty_bytes)
def test_html_reader_never_crashes_on_bytes(data: bytes) -> None:
    with written("page.html", data) as path:
        pages = check(path, read(path), one_page=True)
        split_each(pages)


@st.composite
def tag_soup(draw) -> str:
    """Nested, unclosed and mismatched tags around text, at depths up to 100,000."""
    parts = []
    for _ in range(draw(st.integers(1, 4))):
        tag = draw(st.sampled_from(TAGS))
        depth = draw(st.one_of(st.integers(0, 40), st.integers(100, 400), st.just(100_000)))
        close = draw(st.sampled_from(["all", "none", "half"]))
        text = draw(st.text(max_size=60))
        closing = {"all": depth, "none": 0, "half": depth // 2}[close]
        parts.append(f"<{tag}>" * depth + text + f"</{tag}>" * closing)
    return "<html><body>" + "".join(parts) + "</body></html>"


@settings(FUZZ, max_examples=15)
@given(html=tag_soup())
def test_deep_and_broken_nesting_gives_a_page_or_a_named_error(html: str) -> None:
    with written("soup.html", html.encode("utf-8", "surrogatepass")) as path:
        pages = check(path, read(path, ReadLimits()), one_page=True)
        split_each(pages)
    # split_page on the raw HTML (as the API and JSONL records give it) holds up too
    split_each([Page(doc_id="soup", path=str(path), html=html, content_hash="h")])


# -- JSONL and gzipped JSONL -----------------------------------------------------------

json_records = st.builds(
    lambda doc_id, field, text, date: json.dumps(
        {"id": doc_id, field: text, **({"date": date} if date else {})}
    ).encode(),
    st.one_of(st.text(max_size=8), st.integers(), st.none(), st.booleans()),
    st.sampled_from(["text", "html", "body"]),
    st.text(max_size=200),
    st.one_of(st.none(), st.sampled_from(["2020-02-30", "2021-07", "yesterday", "2019-01-01"])),
)
jsonl_lines = st.lists(
    st.one_of(
        json_records,
        nasty_bytes.map(lambda b: b.replace(b"\n", b" ")),
        st.integers(2_000, 20_000).map(lambda n: b'{"id": "long", "text": "' + b"a" * n),
    ),
    max_size=8,
).map(b"\n".join)


@FUZZ
@given(data=jsonl_lines)
def test_jsonl_reader_never_crashes(data: bytes) -> None:
    with written("batch.jsonl", data) as path:
        pages = check(path, read(path))
        assert len(pages) <= data.count(b"\n") + 1
        split_each(pages[:3])


@FUZZ
@given(data=jsonl_lines, cut=st.one_of(st.none(), st.floats(0, 1)), raw=st.booleans())
def test_gzip_jsonl_reader_never_crashes(data: bytes, cut: float | None, raw: bool) -> None:
    packed = data if raw else gzip.compress(data)
    if cut is not None:
        packed = packed[: int(len(packed) * cut)]
    with written("batch.jsonl.gz", packed) as path:
        check(path, read(path))


@settings(FUZZ, max_examples=6)
@given(
    size=st.integers(300_000, 1_000_000),
    byte=st.sampled_from([b"\x00", b" ", b"\n", b'{"id": 1, "text": "x"}\n']),
)
def test_gzip_bomb_is_a_named_error(size: int, byte: bytes) -> None:
    compressor = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    packed = compressor.compress(byte * (size // len(byte))) + compressor.flush()
    assert len(packed) * 50 < size
    with written("bomb.jsonl.gz", packed) as path:
        items = read(path)
        check(path, items)
        assert isinstance(items[-1], DecompressionBombError)
    with written("bomb.warc.gz", packed) as path:
        # not WARC data: warcio may give up before the limit does; either is a named error
        items = read(path)
        check(path, items)
        assert all(isinstance(i, InputError) for i in items)


# -- WARC ------------------------------------------------------------------------------

warc_bodies = st.lists(
    st.tuples(
        st.sampled_from(
            [
                "text/html",
                "text/html; charset=utf-8",
                "text/html; charset=bogus",
                "text/plain; charset=latin-1",
                "application/xhtml+xml",
                "image/png",
            ]
        ),
        st.sampled_from(["200 OK", "301 Moved", "404 Not Found", "200"]),
        st.one_of(nasty_bytes, tag_soup().map(str.encode)),
    ),
    min_size=1,
    max_size=4,
)


def warc_bytes(bodies: list[tuple[str, str, bytes]], gz: bool) -> bytes:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gz)
    for number, (content_type, status, body) in enumerate(bodies):
        http = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            f"https://example.org/{number}", "response", payload=io.BytesIO(body), http_headers=http
        )
        writer.write_record(record)
    return out.getvalue()


@FUZZ
@given(
    bodies=warc_bodies,
    gz=st.booleans(),
    cut=st.one_of(st.none(), st.floats(0, 1)),
    flips=st.lists(st.tuples(st.floats(0, 1), st.integers(0, 255)), max_size=3),
)
def test_warc_reader_never_crashes(
    bodies: list[tuple[str, str, bytes]], gz: bool, cut: float | None, flips: list
) -> None:
    data = bytearray(warc_bytes(bodies, gz))
    for where, value in flips:
        data[min(len(data) - 1, int(len(data) * where))] = value
    if cut is not None:
        data = data[: int(len(data) * cut)]
    with written("crawl.warc.gz" if gz else "crawl.warc", bytes(data)) as path:
        pages = check(path, read(path, ReadLimits(max_bytes=20_000)))
        split_each(pages[:2])


@FUZZ
@given(data=nasty_bytes, name=st.sampled_from(["random.warc", "random.warc.gz"]))
def test_warc_reader_on_random_bytes(data: bytes, name: str) -> None:
    with written(name, data) as path:
        check(path, read(path))
