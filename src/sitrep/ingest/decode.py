"""Bytes to text, and the checks every HTML page passes before it becomes a Page."""

from __future__ import annotations

import codecs
import hashlib
import logging
import re
from dataclasses import dataclass

from sitrep.errors import BinaryInputError, EmptyInputError, EncodingError
from sitrep.ingest.limits import ReadLimits
from sitrep.ingest.split_html import HtmlMetadata, check_html_shape, html_metadata, parse_html

logger = logging.getLogger(__name__)

_CONTROL_BYTES = frozenset(set(range(0x00, 0x20)) - {0x09, 0x0A, 0x0C, 0x0D}) | {0x7F}
_MAX_CONTROL_RATIO = 0.05
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_TAGS = re.compile(r"<[^>]*>|&nbsp;")


def decode_text(where: str, data: bytes, html: bool = False, declared: str | None = None) -> str:
    """Decode file bytes: UTF-8 (with or without BOM), UTF-16 with a BOM, or cp1252.

    ``declared`` is a charset named outside the bytes (an HTTP ``Content-Type`` header);
    it is tried after UTF-8, like a ``<meta charset>`` of an HTML page.

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
        text = _decode_8bit(where, data, html, declared)
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


def _decode_8bit(where: str, data: bytes, html: bool, declared: str | None) -> str:
    candidates = ["utf-8-sig"]
    names = [declared] if declared else []
    if html:
        found = _CHARSET.search(data[:4096])
        if found:
            names.append(found.group(1).decode("ascii", "replace"))
    for name in names:
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


def content_hash(*parts: str | None) -> str:
    """SHA-256 of the parts joined by NUL (None counts as empty): a page's content key."""
    digest = hashlib.sha256()
    for i, part in enumerate(parts):
        if i:
            digest.update(b"\x00")
        digest.update((part or "").encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


@dataclass(frozen=True)
class HtmlText:
    """A decoded HTML page that passed the checks, with the metadata found in it."""

    html: str
    metadata: HtmlMetadata


def read_html(where: str, data: bytes, limits: ReadLimits, declared: str | None = None) -> HtmlText:
    """Decode and check one HTML page: not empty, not nested or sized past ``limits``.

    Raises an InputError subclass naming ``where``.
    """
    html = decode_text(where, data, html=True, declared=declared)
    if not _TAGS.sub(" ", html).strip():
        raise EmptyInputError(where, "the HTML page has no text; check the file is complete")
    tree = parse_html(html)
    check_html_shape(tree, where, limits.max_html_depth, limits.max_html_elements)
    return HtmlText(html, html_metadata(html, tree))
