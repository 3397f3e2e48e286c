"""Readers: files and folders into Page records, bad input into InputErrors."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from sitrep.errors import (
    BinaryInputError,
    EmptyInputError,
    EncodingError,
    InputError,
    MalformedInputError,
    TooLargeError,
    UnsupportedFormatError,
)
from sitrep.ingest import ReadLimits, read_pages
from sitrep.models import Page

DATA = Path(__file__).resolve().parent.parent / "data" / "ingest"

ARTICLE = "Talks resumed in Doha on Monday.\nBoth delegations said progress was slow.\n"


def _only(results: list) -> object:
    assert len(results) == 1, results
    return results[0]


def _read(*paths: Path, limits: ReadLimits | None = None) -> list[Page | InputError]:
    return list(read_pages(paths, limits or ReadLimits()))


# -- plain text and encodings ----------------------------------------------------------


def test_txt_page_has_id_text_and_hash(tmp_path: Path) -> None:
    path = tmp_path / "doha-talks.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    page = _only(_read(path))
    assert isinstance(page, Page)
    assert page.doc_id == "doha-talks"
    assert page.path == str(path)
    assert page.text == ARTICLE and page.html is None
    assert page.content_hash == hashlib.sha256(ARTICLE.encode()).hexdigest()


def test_utf8_bom_is_removed(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + "Ankara’s reply came late.".encode())
    page = _only(_read(path))
    assert page.text == "Ankara’s reply came late."


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be"])
def test_utf16_with_bom(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "wide.txt"
    raw = "Protests in Yerevan — día 3".encode(encoding)
    if encoding == "utf-16-be":
        raw = b"\xfe\xff" + raw
    path.write_bytes(raw)
    page = _only(_read(path))
    assert page.text == "Protests in Yerevan — día 3"


def test_cp1252_fallback(tmp_path: Path) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes("The minister’s “final offer” cost €5 million.".encode("cp1252"))
    page = _only(_read(path))
    assert page.text == "The minister’s “final offer” cost €5 million."


def test_undecodable_bytes_are_an_encoding_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.txt"
    # 0x81 and 0x8d are invalid UTF-8 starts and undefined in cp1252
    path.write_bytes(b"Troops moved north \x81\x8d today.")
    error = _only(_read(path))
    assert isinstance(error, EncodingError)
    assert str(path) in str(error) and "UTF-8" in str(error)


def test_binary_file_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    error = _only(_read(path))
    assert isinstance(error, BinaryInputError)
    assert str(path) in error.message and "binary" in error.message


def test_control_characters_without_nul_are_binary(tmp_path: Path) -> None:
    path = tmp_path / "controls.txt"
    path.write_bytes(bytes([1, 2, 3, 4, 5, 6, 7, 8]) * 20 + b"some words")
    assert isinstance(_only(_read(path)), BinaryInputError)


@pytest.mark.parametrize("content", [b"", b"   \n\t\n  ", b"\xef\xbb\xbf\n"])
def test_empty_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    error = _only(_read(path))
    assert isinstance(error, EmptyInputError)
    assert str(path) in str(error) and "empty" in str(error)


def test_too_large_file(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_text("word " * 100, encoding="utf-8")
    error = _only(_read(path, limits=ReadLimits(max_bytes=100)))
    assert isinstance(error, TooLargeError)
    assert str(path) in str(error) and "max_bytes" in str(error)


def test_missing_path_and_unsupported_file(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    results = _read(missing, pdf)
    assert isinstance(results[0], InputError) and str(missing) in str(results[0])
    assert isinstance(results[1], UnsupportedFormatError) and ".pdf" in str(results[1])


# -- folders and batches ---------------------------------------------------------------


def test_folder_is_walked_sorted_skipping_hidden_and_other_files(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "b" / "second.txt").write_text("Second page text.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("First page text.", encoding="utf-8")
    (tmp_path / ".secret.txt").write_text("Hidden page.", encoding="utf-8")
    (tmp_path / ".hidden" / "x.txt").write_text("Hidden folder page.", encoding="utf-8")
    (tmp_path / "notes.md").write_text("Not a page.", encoding="utf-8")
    (tmp_path / "c.HTM").write_text("<p>Third page.</p>", encoding="utf-8")
    ids = [p.doc_id for p in _read(tmp_path)]
    assert ids == ["a", "second", "c"]


def test_batch_with_one_bad_file_yields_all_good_pages(tmp_path: Path) -> None:
    for name in ("one", "two", "three"):
        (tmp_path / f"{name}.txt").write_text(f"Page {name} reports a clash.", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01\x02binary")
    results = _read(tmp_path, DATA / "news_page.html")
    pages = [r for r in results if isinstance(r, Page)]
    errors = [r for r in results if isinstance(r, InputError)]
    assert sorted(p.doc_id for p in pages) == ["news_page", "one", "three", "two"]
    assert len(errors) == 1 and "bad.txt" in str(errors[0])


def test_fixture_folder_reads_without_errors() -> None:
    results = _read(DATA)
    assert results and all(isinstance(r, Page) for r in results)


# -- HTML ------------------------------------------------------------------------------


def test_html_page_reads_metadata() -> None:
    page = _only(_read(DATA / "news_page.html"))
    assert page.html is not None and page.text is None
    assert page.title == "Protesters fill the square in Tbilisi"
    assert page.date == "2023-03-08"
    assert page.url == "https://ledger.example.org/2023/03/tbilisi-protest"
    assert page.content_hash == hashlib.sha256(page.html.encode()).hexdigest()


def test_html_declared_charset_is_used(tmp_path: Path) -> None:
    path = tmp_path / "latin.html"
    html = '<html><head><meta charset="windows-1252"></head><body><p>Café talks</p></body></html>'
    path.write_bytes(html.encode("cp1252"))
    assert "Café talks" in _only(_read(path)).html


def test_html_without_text_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "blank.html"
    path.write_text("<html><head></head><body> <div></div> </body></html>", encoding="utf-8")
    assert isinstance(_only(_read(path)), EmptyInputError)


# -- JSONL -----------------------------------------------------------------------------


def _jsonl(tmp_path: Path, lines: list[str]) -> Path:
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_jsonl_records(tmp_path: Path) -> None:
    good = {
        "id": "r1",
        "text": "Rebels seized the airport.",
        "title": "Airport seized",
        "url": "https://example.org/r1",
        "date": "2020-03-03T10:00:00Z",
        "source": "example",
    }
    path = _jsonl(
        tmp_path, [json.dumps(good), "", json.dumps({"id": 7, "html": "<p>Hi there</p>"})]
    )
    first, second = _read(path)
    assert isinstance(first, Page) and isinstance(second, Page)
    assert (first.doc_id, first.title, first.date, first.source) == (
        "r1",
        "Airport seized",
        "2020-03-03",
        "example",
    )
    assert first.path == f"{path}#1"
    assert second.doc_id == "7" and second.html == "<p>Hi there</p>" and second.path == f"{path}#3"
    expected = hashlib.sha256(
        "\x00".join(
            ["Rebels seized the airport.", "Airport seized", "https://example.org/r1", "2020-03-03"]
        ).encode()
    ).hexdigest()
    assert first.content_hash == expected


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("{not json", "invalid JSON"),
        ("[1, 2]", "expected a JSON object"),
        ('{"text": "no id here"}', "'id'"),
        ('{"id": "x"}', "neither 'text' nor 'html'"),
        ('{"id": "x", "text": "a", "html": "<p>b</p>"}', "both"),
        ('{"id": "x", "text": "Fine text.", "date": "03/04/2020"}', "ISO-8601"),
        ('{"id": "x", "text": "Fine text.", "date": "2020-13-01"}', "ISO-8601"),
        ('{"id": "x", "text": "Fine text.", "title": 5}', "'title' must be a string"),
    ],
)
def test_jsonl_bad_line_is_reported_and_others_still_read(
    tmp_path: Path, line: str, problem: str
) -> None:
    ok_before = json.dumps({"id": "a", "text": "Before the bad line."})
    ok_after = json.dumps({"id": "b", "text": "After the bad line."})
    path = _jsonl(tmp_path, [ok_before, line, ok_after])
    results = _read(path)
    assert [r.doc_id for r in results if isinstance(r, Page)] == ["a", "b"]
    errors = [r for r in results if isinstance(r, InputError)]
    assert len(errors) == 1
    assert isinstance(errors[0], MalformedInputError)
    assert f"{path}:2" in str(errors[0]) and problem in str(errors[0])


def test_jsonl_duplicate_id_rejects_the_later_record(tmp_path: Path) -> None:
    path = _jsonl(
        tmp_path,
        [json.dumps({"id": "same", "text": f"Record {n}."}) for n in range(2)],
    )
    first, second = _read(path)
    assert isinstance(first, Page) and first.text == "Record 0."
    assert isinstance(second, MalformedInputError)
    assert f"{path}:2" in str(second) and "line 1" in str(second)


def test_jsonl_partial_dates_are_kept(tmp_path: Path) -> None:
    path = _jsonl(tmp_path, [json.dumps({"id": "y", "text": "Text.", "date": "2019-05"})])
    assert _only(_read(path)).date == "2019-05"


def test_jsonl_empty_text_and_long_line(tmp_path: Path) -> None:
    path = _jsonl(
        tmp_path,
        [
            json.dumps({"id": "e", "text": "   "}),
            json.dumps({"id": "long", "text": "x" * 500}),
            json.dumps({"id": "ok", "text": "Short."}),
        ],
    )
    empty, long, ok = _read(path, limits=ReadLimits(max_line_bytes=200))
    assert isinstance(empty, EmptyInputError) and f"{path}:1" in str(empty)
    assert isinstance(long, TooLargeError) and f"{path}:2" in str(long)
    assert isinstance(ok, Page) and ok.doc_id == "ok"


def test_jsonl_bad_utf8_line(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(b'{"id": "a", "text": "ok"}\n{"id": "b", "text": "\xff\xfe"}\n')
    good, bad = _read(path)
    assert isinstance(good, Page)
    assert isinstance(bad, EncodingError) and f"{path}:2" in str(bad)


def test_jsonl_without_records_is_empty(tmp_path: Path) -> None:
    path = _jsonl(tmp_path, ["", "   "])
    assert isinstance(_only(_read(path)), EmptyInputError)
