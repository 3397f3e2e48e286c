"""Pages from WARC files (web archives), read one record at a time with warcio.

A page is a ``response`` record (an HTTP 2xx answer), a ``resource`` record or a
``conversion`` record (extracted text, as in WET files) whose body is HTML or plain
text. Its url is the record's ``WARC-Target-URI``; its doc id a hash of that URI (so a
later capture of the same URL replaces the earlier one); its date the page's own
metadata date, else the capture date (``WARC-Date``); its source the URI's host.
Other records (requests, metadata, images, redirects, errors) are skipped. Page paths
are ``FILE#N`` with N the record's number in the file, counting every record from 1.

Record headers are parsed by warcio, which holds a header line in memory whole; a
``.warc.gz`` is decompressed through :func:`~sitrep.ingest.limits.open_gzip`, so its
total size stays within ``ReadLimits``.
"""

from __future__ import annotations

import hashlib
import logging
import zlib
from collections.abc import Iterator
from typing import BinaryIO
from urllib.parse import urlsplit

from sitrep.errors import EmptyInputError, InputError, MalformedInputError, TooLargeError
from sitrep.ingest.decode import content_hash, decode_text, read_html
from sitrep.ingest.limits import ReadLimits
from sitrep.ingest.split_html import normalise_date
from sitrep.models import Page

logger = logging.getLogger(__name__)

PAGE_RECORD_TYPES = frozenset({"response", "resource", "conversion"})
HTML_MEDIA_TYPES = frozenset({"text/html", "application/xhtml+xml"})
TEXT_MEDIA_TYPES = frozenset({"text/plain"})


def warc_doc_id(uri: str) -> str:
    """The doc id of a page captured from ``uri``: stable across files and runs."""
    return "url-" + hashlib.sha256(uri.encode("utf-8", "surrogatepass")).hexdigest()[:24]


def read_warc(name: str, handle: BinaryIO, limits: ReadLimits) -> Iterator[Page | InputError]:
    """The pages in one (uncompressed) WARC stream, one record at a time.

    A bad record gives an InputError for that record and reading goes on; data warcio
    cannot parse at all ends the file with one MalformedInputError.
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed
    from warcio.statusandheaders import StatusAndHeadersParserException

    number = 0
    pages = 0
    records = iter(ArchiveIterator(handle))
    # warcio's header parser fails on corrupt headers with these (a record with no
    # target URI raises AttributeError inside warcio); only the step to the next record
    # is guarded, so that errors of our own are not taken for a bad file
    unreadable = (
        ArchiveLoadFailed,
        StatusAndHeadersParserException,
        ValueError,
        EOFError,
        AttributeError,
        TypeError,
    )
    while True:
        try:
            record = next(records)
        except StopIteration:
            break
        except unreadable as exc:
            yield MalformedInputError(
                f"{name}#{number + 1}",
                f"is not a readable WARC record ({_short(exc)}); reading of this file "
                "stopped here: check the file is a complete WARC (.warc or .warc.gz)",
            )
            return
        number += 1
        item = _record_page(record, f"{name}#{number}", limits)
        if item is not None:
            pages += 1
            yield item
    if not pages:
        yield EmptyInputError(
            name,
            f"the WARC file has no HTML or text pages ({number} records); check it holds "
            "HTTP responses",
        )


def _record_page(record, where: str, limits: ReadLimits) -> Page | InputError | None:
    """A Page for a page record, an InputError for a bad one, None for other records."""
    from warcio.bufferedreaders import ChunkedDataException

    if record.rec_type not in PAGE_RECORD_TYPES:
        return None
    headers = record.rec_headers
    uri = (headers.get_header("WARC-Target-URI") or "").strip().strip("<>")
    content_type = headers.get_header("Content-Type") or ""
    if record.http_headers is not None and record.rec_type == "response":
        status = record.http_headers.get_statuscode() or ""
        if not status.startswith("2"):
            logger.debug("%s: skipping HTTP %s response for %s", where, status, uri)
            return None
        content_type = record.http_headers.get_header("Content-Type") or ""
    media, charset = _media_type(content_type)
    if media not in HTML_MEDIA_TYPES and media not in TEXT_MEDIA_TYPES:
        logger.debug("%s: skipping %s record of type %r", where, record.rec_type, media)
        return None
    if not uri:
        return MalformedInputError(
            where, "the record has no WARC-Target-URI, so the page has no URL; fix the WARC"
        )
    try:
        body = record.content_stream().read(limits.max_bytes + 1)
    except (ChunkedDataException, zlib.error, EOFError, ValueError) as exc:
        return MalformedInputError(
            where, f"the record's body cannot be decoded ({_short(exc)}); the capture is broken"
        )
    if len(body) > limits.max_bytes:
        return TooLargeError(
            where,
            f"the page body is over the limit of {limits.max_bytes} bytes; raise "
            "ReadLimits.max_bytes to read it",
        )
    captured = normalise_date(headers.get_header("WARC-Date") or "")
    source = urlsplit(uri).hostname or None
    try:
        if media in HTML_MEDIA_TYPES:
            page = read_html(where, body, limits, declared=charset)
            return Page(
                doc_id=warc_doc_id(uri),
                path=where,
                html=page.html,
                title=page.metadata.title,
                url=uri,
                date=page.metadata.date or captured,
                source=source,
                content_hash=content_hash(page.html, uri),
            )
        text = decode_text(where, body, declared=charset)
    except InputError as exc:
        return exc
    return Page(
        doc_id=warc_doc_id(uri),
        path=where,
        text=text,
        url=uri,
        date=captured,
        source=source,
        content_hash=content_hash(text, uri),
    )


def _media_type(content_type: str) -> tuple[str, str | None]:
    """``text/html; charset=utf-8`` -> ("text/html", "utf-8")."""
    media, _, params = content_type.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip("\"'")
    return media.strip().lower(), charset


def _short(exc: Exception) -> str:
    text = str(exc) or type(exc).__name__
    return text if len(text) <= 120 else text[:117] + "..."
