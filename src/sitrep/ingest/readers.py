"""Read files and folders into :class:`~sitrep.models.Page` records.

``read_pages`` never raises for bad input: each unreadable file, and each bad line of
a JSONL file, is yielded as an :class:`~sitrep.errors.InputError` so that a batch
keeps going. Every message names the file (and line) and says what to do.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

from sitrep.errors import (
    BinaryInputError,
    EmptyInputError,
    EncodingError,
    InputError,
    MalformedInputError,
    TooLargeError,
    UnsupportedFormatError,
)
from sitrep.ingest.split_html import html_metadata
from sitrep.models import Page

logger = logging.getLogger(__name__)

TEXT_SUFFIXES = frozenset({".txt"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSONL_SUFFIXES = frozenset({".jsonl"})
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES

_CONTROL_BYTES = frozenset(set(range(0x00, 0x20)) - {0x09, 0x0A, 0x0C, 0x0D}) | {0x7F}
_MAX_CONTROL_RATIO = 0.05
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_PARTIAL_DATE = re.compile(r"^\d{4}(-\d{2})?$")
_JSONL_FIELDS = frozenset({"id", "text", "html", "title", "url", "date", "source"})


@dataclass(frozen=True)
class ReadLimits:
    """Size limits: whole files (``.txt``/``.html``) and single JSONL lines."""

    max_bytes: int = 20_000_000
    max_line_bytes: int = 5_000_000


def read_pages(
    paths: Iterable[str | Path], limits: ReadLimits = ReadLimits()
) -> Iterator[Page | InputError]:
    """Yield a Page per page found under ``paths``, or an InputError per bad file/line.

    Folders are walked recursively in sorted order; only ``.txt``, ``.html``, ``.htm``
    and ``.jsonl`` files are read and hidden files and folders are skipped.
    """
    for raw_path in paths:
        path = Path(raw_path)
        if path.is_dir():
            for file in _walk(path):
                yield from _read_file(file, limits)
        elif path.is_file():
            if path.suffix.lower() not in SUPPORTED_SUFFIXES:
                yield UnsupportedFormatError(
                    str(path),
                    f"unsupported file type {path.suffix or '(none)'!r}; "
                    "give a .txt, .html, .htm or .jsonl file",
                )
            else:
                yield from _read_file(path, limits)
        else:
            yield InputError(str(path), "no such file or folder; check the path")


def _walk(folder: Path) -> Iterator[Path]:
    try:
        entries = sorted(folder.iterdir(), key=lambda p: p.name)
    except OSError as exc:
        logger.warning("cannot list folder %s: %s", folder, exc)
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            yield from _walk(entry)
        elif entry.is_file() and entry.suffix.lower() in SUPPORTED_SUFFIXES:
            yield entry
        else:
            logger.debug("skipping %s: not a supported page file", entry)


def _read_file(path: Path, limits: ReadLimits) -> Iterator[Page | InputError]:
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from _read_jsonl(path, limits)
        return
    try:
        size = path.stat().st_size
        if size > limits.max_bytes:
            yield TooLargeError(
                str(path),
                f"file is {size} bytes, over the limit of {limits.max_bytes}; "
                "split it or raise ReadLimits.max_bytes",
            )
            return
        data = path.read_bytes()
    except OSError as exc:
        yield InputError(str(path), f"cannot read file ({exc.strerror}); check permissions")
        return
    try:
        if suffix in HTML_SUFFIXES:
            yield _html_page(path, data)
        else:
            yield _text_page(path, data)
    except InputError as exc:
        yield exc


def _text_page(path: Path, data: bytes) -> Page:
    text = decode_text(str(path), data)
    return Page(doc_id=path.stem, path=str(path), text=text, content_hash=_sha256(text))


def _html_page(path: Path, data: bytes) -> Page:
    html = decode_text(str(path), data, html=True)
    if not re.sub(r"<[^>]*>|&nbsp;", " ", html).strip():
        raise EmptyInputError(str(path), "the HTML page has no text; check the file is complete")
    meta = html_metadata(html)
    return Page(
        doc_id=path.stem,
        path=str(path),
        html=html,
        title=meta.title,
        url=meta.url,
        date=meta.date,
        content_hash=_sha256(html),
    )


# -- decoding --------------------------------------------------------------------------


def decode_text(where: str, data: bytes, html: bool = False) -> str:
    """Decode file bytes: UTF-8 (with or without BOM), UTF-16 with a BOM, or cp1252.

    Raises EmptyInputError, BinaryInputError or EncodingError naming ``where``.
    """
    if not data.strip():
        raise EmptyInputError(where, "the file is empty or only whitespace; remove it or add text")
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        text = _strict(where, data, "utf-32")
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = _strict(where, data, "utf-16")
    else:
        _check_not_binary(where, data)
        text = _decode_8bit(where, data, html)
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise EmptyInputError(where, "the file is empty or only whitespace; remove it or add text")
    if _control_ratio(text) > _MAX_CONTROL_RATIO:
        raise BinaryInputError(where, "the file holds binary data, not text; give a text file")
    return text


def _strict(where: str, data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise EncodingError(
            where,
            f"starts with a {encoding.upper()} byte-order mark but does not decode as "
            f"{encoding.upper()} (byte {exc.start}); re-save the file as UTF-8",
        ) from exc


def _check_not_binary(where: str, data: bytes) -> None:
    sample = data[:65536]
    if b"\x00" in sample:
        raise BinaryInputError(
            where,
            "the file contains NUL bytes, so it is binary (or UTF-16 without a byte-order "
            "mark); give a text file saved as UTF-8",
        )
    controls = sum(1 for b in sample if b in _CONTROL_BYTES)
    if controls / len(sample) > _MAX_CONTROL_RATIO:
        raise BinaryInputError(where, "the file holds binary data, not text; give a text file")


def _decode_8bit(where: str, data: bytes, html: bool) -> str:
    candidates = ["utf-8-sig"]
    if html:
        declared = _CHARSET.search(data[:4096])
        if declared:
            name = declared.group(1).decode("ascii", "replace")
            try:
                candidates.append(codecs.lookup(name).name)
            except LookupError:
                logger.debug("%s declares unknown charset %r", where, name)
    candidates.append("cp1252")
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if encoding != "utf-8-sig" and not _looks_like_text(text):
            continue
        if encoding != "utf-8-sig":
            logger.info("%s is not UTF-8; decoded it as %s", where, encoding)
        return text
    raise EncodingError(
        where, "the file is neither UTF-8 nor Windows-1252 text; re-save it as UTF-8"
    )


def _looks_like_text(text: str) -> bool:
    letters = sum(1 for c in text if c.isalpha() or c.isspace())
    return letters / len(text) >= 0.6 and _control_ratio(text) <= _MAX_CONTROL_RATIO


def _control_ratio(text: str) -> float:
    sample = text[:65536]
    controls = sum(1 for c in sample if ord(c) in _CONTROL_BYTES or 0x80 <= ord(c) < 0xA0)
    return controls / max(1, len(sample))


def _sha256(*parts: str | None) -> str:
    digest = hashlib.sha256()
    for i, part in enumerate(parts):
        if i:
            digest.update(b"\x00")
        digest.update((part or "").encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


# -- JSONL -----------------------------------------------------------------------------


def _read_jsonl(path: Path, limits: ReadLimits) -> Iterator[Page | InputError]:
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield InputError(str(path), f"cannot read file ({exc.strerror}); check permissions")
        return
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
    path: Path, handle: BinaryIO, limits: ReadLimits
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


def _jsonl_page(path: Path, number: int, line: bytes, seen: dict[str, int]) -> Page:
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
        content_hash=_sha256(content, title, url, page_date),
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
