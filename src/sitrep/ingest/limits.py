"""Input limits and the streams that enforce them.

``ReadLimits`` bounds what a reader takes from one page, one JSONL line, one compressed
file and one HTML tree. Breaking a limit gives a named :class:`~sitrep.errors.InputError`
for that page (or, for a compressed stream, the rest of that file); the batch goes on.

``BoundedGzipReader`` decompresses gzip (one member or many, as in ``.warc.gz``) in
bounded steps and stops a decompression bomb early: it raises once the output passes
``max_decompressed_bytes``, or passes :data:`RATIO_CHECK_AFTER` bytes at more than
``max_compression_ratio`` times the compressed bytes read so far.
"""

from __future__ import annotations

import io
import zlib
from dataclasses import dataclass
from typing import BinaryIO

from sitrep.errors import (
    DecompressionBombError,
    InvalidLimitsError,
    MalformedInputError,
    NestingTooDeepError,
    TooManyElementsError,
)

__all__ = [
    "BoundedGzipReader",
    "DecompressionBombError",
    "InvalidLimitsError",
    "NestingTooDeepError",
    "ReadLimits",
    "TooManyElementsError",
    "gzip_truncation",
    "open_gzip",
]

# lxml (libxml2) stops parsing HTML at this nesting depth and drops the rest of the page.
HTML_PARSER_MAX_DEPTH = 255
# Elements in one HTML page; article extraction slows down faster than linearly (about
# 10 s at 50,000 elements on one core).
DEFAULT_MAX_HTML_ELEMENTS = 50_000
# Decompressed bytes after which the compression ratio is checked; below it a tiny
# file may legitimately expand many times over.
RATIO_CHECK_AFTER = 8 * 1024 * 1024
_READ_CHUNK = 64 * 1024


@dataclass(frozen=True)
class ReadLimits:
    """What a reader accepts; each field is per page, per line or per file as named.

    - ``max_bytes``: one page: a ``.txt``/``.html`` file or one WARC record body.
    - ``max_line_bytes``: one JSONL line (one record).
    - ``max_decompressed_bytes``: everything one ``.gz`` file expands to.
    - ``max_compression_ratio``: decompressed over compressed bytes, checked once the
      output passes 8 MiB; real text rarely compresses beyond 20 to 1.
    - ``max_html_depth``: element nesting of one HTML page (at most 255, lxml's own limit;
      deeper pages would be cut off where the nesting passes it).
    - ``max_html_elements``: elements in one HTML page.
    """

    max_bytes: int = 20_000_000
    max_line_bytes: int = 5_000_000
    max_decompressed_bytes: int = 8_000_000_000
    max_compression_ratio: int = 200
    max_html_depth: int = HTML_PARSER_MAX_DEPTH
    max_html_elements: int = DEFAULT_MAX_HTML_ELEMENTS

    def __post_init__(self) -> None:
        for name in ("max_bytes", "max_line_bytes", "max_decompressed_bytes"):
            if getattr(self, name) < 1:
                raise InvalidLimitsError(f"ReadLimits.{name} must be at least 1 byte")
        if self.max_html_elements < 1:
            raise InvalidLimitsError("ReadLimits.max_html_elements must be at least 1")
        if self.max_compression_ratio < 1:
            raise InvalidLimitsError("ReadLimits.max_compression_ratio must be at least 1")
        if not 1 <= self.max_html_depth <= HTML_PARSER_MAX_DEPTH:
            raise InvalidLimitsError(
                f"ReadLimits.max_html_depth must be between 1 and {HTML_PARSER_MAX_DEPTH} "
                "(the HTML parser cannot follow deeper nesting)"
            )


class BoundedGzipReader(io.RawIOBase):
    """A read-only raw stream of the gzip data in ``source``, decompressed with limits.

    Wrap it in ``io.BufferedReader`` for ``readline``. Raises ``DecompressionBombError``
    past the limits and ``MalformedInputError`` for data that is not gzip or is cut
    short; both name ``where``. Concatenated gzip members are read one after another.
    """

    def __init__(self, source: BinaryIO, where: str, limits: ReadLimits) -> None:
        super().__init__()
        self._source = source
        self._where = where
        self._limits = limits
        self._inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        self._pending = b""  # compressed bytes read but not yet given to the inflater
        self._compressed = 0
        self._decompressed = 0
        self._started = False  # a member has begun (so end of input mid-member is an error)
        self._done = False
        # Set when the input ends inside a member. The stream first ends (so a buffered
        # reader hands over the bytes before the cut), then raises this on the next read;
        # a reader that stops at the end must check it (see ``gzip_truncation``).
        self.truncation: MalformedInputError | None = None

    def readable(self) -> bool:
        return True

    @property
    def decompressed_bytes(self) -> int:
        return self._decompressed

    def readinto(self, buffer) -> int:  # type: ignore[override]
        view = memoryview(buffer).cast("B")
        if self._done and self.truncation is not None:
            raise self.truncation
        while not self._done:
            data = self._inflate(len(view))
            if data:
                view[: len(data)] = data
                self._count(len(data))
                return len(data)
        return 0

    def _inflate(self, wanted: int) -> bytes:
        """Up to ``wanted`` decompressed bytes; b"" when it needs more input or ended."""
        if self._inflater.unconsumed_tail:
            source, self._pending = self._inflater.unconsumed_tail, self._pending
        elif self._pending:
            source, self._pending = self._pending, b""
        else:
            source = self._source.read(_READ_CHUNK)
            self._compressed += len(source)
            if not source:
                self._finish_input()
                return b""
        try:
            data = self._inflater.decompress(source, wanted)
        except zlib.error as exc:
            raise MalformedInputError(
                self._where,
                f"is not valid gzip data ({exc}); check the file is complete and really "
                "gzip-compressed, or drop the .gz suffix",
            ) from exc
        self._started = True
        if self._inflater.eof:
            # end of one member: whatever follows may be another member (or padding)
            rest = self._inflater.unused_data
            self._inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
            self._started = False
            self._pending = rest.lstrip(b"\x00") + self._pending
        return data

    def _finish_input(self) -> None:
        self._done = True
        if self._started and not self._inflater.eof:
            self.truncation = MalformedInputError(
                self._where,
                "the gzip data is cut short (the file ends inside a compressed block); "
                "download or copy the file again",
            )

    def _count(self, produced: int) -> None:
        self._decompressed += produced
        limits = self._limits
        if self._decompressed > limits.max_decompressed_bytes:
            raise DecompressionBombError(
                self._where,
                f"decompresses to more than {limits.max_decompressed_bytes} bytes; split "
                "the file or raise the decompressed-size limit (ReadLimits."
                "max_decompressed_bytes)",
            )
        if (
            self._decompressed > RATIO_CHECK_AFTER
            and self._decompressed > limits.max_compression_ratio * max(1, self._compressed)
        ):
            raise DecompressionBombError(
                self._where,
                f"expands more than {limits.max_compression_ratio} times "
                f"({self._compressed} compressed bytes gave {self._decompressed}), which "
                "looks like a decompression bomb; if the file is genuine raise "
                "ReadLimits.max_compression_ratio",
            )


def gzip_truncation(stream: BinaryIO) -> MalformedInputError | None:
    """The cut-short error of a stream from :func:`open_gzip`, once it has been read to
    its end; None for a complete stream or any other stream."""
    raw = getattr(stream, "raw", None)
    return raw.truncation if isinstance(raw, BoundedGzipReader) else None


def open_gzip(source: BinaryIO, where: str, limits: ReadLimits) -> io.BufferedReader:
    """A buffered, limit-enforcing decompressed view of the gzip stream ``source``."""
    return io.BufferedReader(BoundedGzipReader(source, where, limits), buffer_size=_READ_CHUNK)
