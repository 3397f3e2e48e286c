"""Read files, folders, globs and URLs into :class:`~sitrep.models.Page` records.

``read_pages`` never raises for bad input: each unreadable file, each bad line of a
JSONL file and each bad WARC record is yielded as an :class:`~sitrep.errors.InputError`
so that a batch keeps going. Every message names the file (and line or record) and
says what to do. Pages are read one at a time: no corpus, JSONL file or WARC file is
ever held in memory whole, and ``ReadLimits`` bounds what one page may take.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterable, Iterator
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

from sitrep.errors import (
    EmptyInputError,
    EncodingError,
    InputError,
    MalformedInputError,
    TooLargeError,
)
from sitrep.ingest.decode import content_hash, decode_text, read_html
from sitrep.ingest.limits import (
    DecompressionBombError,
    NestingTooDeepError,
    ReadLimits,
    TooManyElementsError,
    gzip_truncation,
    open_gzip,
)
from sitrep.ingest.sources import (
    SUPPORTED_SUFFIXES,
    InputFormat,
    Source,
    find_sources,
)
from sitrep.ingest.warc import read_warc
from sitrep.models import Page

logger = logging.getLogger(__name__)

__all__ = [
    "SUPPORTED_SUFFIXES",
    "DecompressionBombError",
    "NestingTooDeepError",
    "TooManyElementsError",
    "ReadLimits",
    "decode_text",
    "read_pages",
    "read_source",
]

_PARTIAL_DATE = re.compile(r"^\d{4}(-\d{2})?$")
_JSONL_FIELDS = frozenset({"id", "text", "html", "title", "url", "date", "source"})


def read_pages(
    paths: Iterable[str | Path], limits: ReadLimits | None = None
) -> Iterator[Page | InputError]:
    """Yield a Page per page found under ``paths``, or an InputError per bad file/page.

    Each input is a file, a folder (walked recursively in name order, hidden files and
    folders skipped), a glob (``pages/**/*.html``) or an fsspec URL (``s3://bucket/x/``).
    Read are ``.txt``, ``.html``/``.htm`` (one page each), ``.jsonl`` and ``.jsonl.gz``
    (one page per line) and ``.warc``/``.warc.gz`` (one page per HTML or text response).
    """
    limits = limits or ReadLimits()
    for raw in paths:
        for source in find_sources(raw):
            if isinstance(source, InputError):
                yield source
            else:
                yield from read_source(source, limits)


def read_source(source: Source, limits: ReadLimits | None = None) -> Iterator[Page | InputError]:
    """The pages of one file; a failure part-way through a stream ends that file with an
    InputError after the pages already read."""
    limits = limits or ReadLimits()
    try:
        size = source.size()
    except OSError as exc:
        yield _os_error(source.name, exc)
        return
    if (
        size is not None
        and size > limits.max_bytes
        and source.format in (InputFormat.TEXT, InputFormat.HTML)
    ):
        yield _too_large(source.name, size, limits)
        return
    try:
        handle = source.open()
    except (OSError, ValueError) as exc:
        yield _os_error(source.name, exc)
        return
    try:
        with handle:
            yield from _read_open(source, handle, limits)
    except InputError as exc:  # raised by a stream part-way (gzip limits, corrupt data)
        yield exc
    except OSError as exc:
        yield _os_error(source.name, exc)


def _read_open(source: Source, handle: BinaryIO, limits: ReadLimits) -> Iterator[Page | InputError]:
    if source.format in (InputFormat.JSONL_GZ, InputFormat.WARC_GZ):
        stream = open_gzip(handle, source.name, limits)
        if source.format is InputFormat.JSONL_GZ:
            yield from _read_jsonl(source.name, stream, limits)
        else:
            yield from read_warc(source.name, stream, limits)
        truncation = gzip_truncation(stream)
        if truncation is not None:
            yield truncation
    elif source.format is InputFormat.JSONL:
        yield from _read_jsonl(source.name, handle, limits)
    elif source.format is InputFormat.WARC:
        yield from read_warc(source.name, handle, limits)
    else:
        data = handle.read(limits.max_bytes + 1)
        if len(data) > limits.max_bytes:
            yield _too_large(source.name, None, limits)
            return
        try:
            if source.format is InputFormat.HTML:
                yield _html_page(source, data, limits)
            else:
                yield _text_page(source, data)
        except InputError as exc:
            yield exc


def _too_large(where: str, size: int | None, limits: ReadLimits) -> TooLargeError:
    shown = f"{size} bytes" if size is not None else f"more than {limits.max_bytes} bytes"
    return TooLargeError(
        where,
        f"file is {shown}, over the limit of {limits.max_bytes}; "
        "split it or raise ReadLimits.max_bytes",
    )


def _os_error(where: str, exc: Exception) -> InputError:
    reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
    return InputError(where, f"cannot read file ({reason}); check the path and permissions")


def _text_page(source: Source, data: bytes) -> Page:
    text = decode_text(source.name, data)
    return Page(doc_id=source.stem, path=source.name, text=text, content_hash=content_hash(text))


def _html_page(source: Source, data: bytes, limits: ReadLimits) -> Page:
    page = read_html(source.name, data, limits)
    meta = page.metadata
    return Page(
        doc_id=source.stem,
        path=source.name,
        html=page.html,
        title=meta.title,
        url=meta.url,
        date=meta.date,
        content_hash=content_hash(page.html),
    )


# -- JSONL -----------------------------------------------------------------------------


def _read_jsonl(path: str, handle: BinaryIO, limits: ReadLimits) -> Iterator[Page | InputError]:
    seen: dict[str, int] = {}
    any_line = False
    with handle:
        for number, line in _jsonl_lines(path, handle, limits):
            if isinstance(line, InputError):
                yield line
                continue
            if not line.strip():
                continue
            any_line = True
            try:
                page = _jsonl_page(path, number, line, seen)
            except InputError as exc:
                yield exc
                continue
            seen[page.doc_id] = number
            yield page
    if not any_line:
        yield EmptyInputError(
            str(path), "the JSONL file has no records; add one JSON object per line"
        )


def _jsonl_lines(
    path: str, handle: BinaryIO, limits: ReadLimits
) -> Iterator[tuple[int, bytes | InputError]]:
    """Lines of a JSONL file, with over-long lines skipped and reported."""
    number = 0
    while True:
        line = handle.readline(limits.max_line_bytes + 1)
        if not line:
            return
        number += 1
        if len(line) > limits.max_line_bytes and not line.endswith(b"\n"):
            while True:  # skip the rest of the over-long line
                rest = handle.readline(1 << 20)
                if not rest or rest.endswith(b"\n"):
                    break
            yield (
                number,
                TooLargeError(
                    f"{path}:{number}",
                    f"line is longer than {limits.max_line_bytes} bytes; split the record "
                    "or raise ReadLimits.max_line_bytes",
                ),
            )
            continue
        yield number, line


def _jsonl_page(path: str, number: int, line: bytes, seen: dict[str, int]) -> Page:
    where = f"{path}:{number}"
    try:
        raw = line.decode("utf-8-sig" if number == 1 else "utf-8")
    except UnicodeDecodeError as exc:
        raise EncodingError(
            where, f"line is not UTF-8 (byte {exc.start}); save the JSONL file as UTF-8"
        ) from exc
    try:
        record = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise MalformedInputError(
            where,
            f"invalid JSON ({exc.msg} at column {exc.colno}); each line must be one JSON object",
        ) from exc
    if not isinstance(record, dict):
        raise MalformedInputError(
            where, f"expected a JSON object, got {type(record).__name__}; put one object per line"
        )
    doc_id = _record_id(where, record)
    if doc_id in seen:
        raise MalformedInputError(
            where,
            f"id {doc_id!r} was already used on line {seen[doc_id]}; give each record a unique id",
        )
    text, html = record.get("text"), record.get("html")
    if text is None and html is None:
        raise MalformedInputError(where, "record has neither 'text' nor 'html'; add one of them")
    if text is not None and html is not None:
        raise MalformedInputError(where, "record has both 'text' and 'html'; keep only one")
    content = text if text is not None else html
    if not isinstance(content, str):
        field = "text" if text is not None else "html"
        raise MalformedInputError(
            where, f"'{field}' must be a string, got {type(content).__name__}"
        )
    if not content.strip():
        raise EmptyInputError(where, "the record's text is empty; add text or drop the record")
    title = _optional_string(where, record, "title")
    url = _optional_string(where, record, "url")
    source = _optional_string(where, record, "source")
    page_date = _record_date(where, _optional_string(where, record, "date"))
    unknown = set(record) - _JSONL_FIELDS
    if unknown:
        logger.debug("%s: ignoring unknown fields %s", where, sorted(unknown))
    return Page(
        doc_id=doc_id,
        path=f"{path}#{number}",
        text=text,
        html=html,
        title=title,
        url=url,
        date=page_date,
        source=source,
        content_hash=content_hash(content, title, url, page_date),
    )


def _record_id(where: str, record: dict[str, object]) -> str:
    value = record.get("id")
    if isinstance(value, bool) or not isinstance(value, str | int) or not str(value).strip():
        raise MalformedInputError(
            where, "record has no usable 'id'; give each record a non-empty string id"
        )
    return str(value).strip()


def _optional_string(where: str, record: dict[str, object], field: str) -> str | None:
    value = record.get(field)
    if value is None:
        return None
    if not isinstance(value, str):
        raise MalformedInputError(
            where, f"'{field}' must be a string, got {type(value).__name__}; fix or remove it"
        )
    return value.strip() or None


def _record_date(where: str, value: str | None) -> str | None:
    """Validate an ISO-8601 date (``YYYY``, ``YYYY-MM``, a date or a date-time)."""
    if value is None:
        return None
    if _PARTIAL_DATE.match(value):
        year, _, month = value.partition("-")
        if 1 <= int(month or 1) <= 12 and int(year) >= 1:
            return value
    else:
        try:
            return datetime.fromisoformat(value.replace("Z", "+00:00")).date().isoformat()
        except ValueError:
            logger.debug("%s: date %r is not ISO-8601", where, value)
    raise MalformedInputError(
        where, f"'date' {value!r} is not an ISO-8601 date; write it as YYYY-MM-DD"
    )
