"""Pages sent to the API (pasted text or uploaded files) -> analysed and stored.

Pasted text becomes a ``Page`` directly; uploaded files are written to a private temporary
folder and read with ``sitrep.ingest.read_pages``, so an upload follows exactly the rules
of ``sitrep ingest`` (formats, encodings, size limits, JSONL records).
"""

from __future__ import annotations

import hashlib
import logging
import re
import tempfile
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sitrep.errors import InputError, SitrepError
from sitrep.ingest import ReadLimits, read_pages
from sitrep.models import Page
from sitrep.store import Store

if TYPE_CHECKING:
    from sitrep.models import AnalysedDocument
    from sitrep.pipeline import Resources

logger = logging.getLogger(__name__)

DOC_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,119}$")
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


class IngestRequestError(SitrepError):
    """What a client sent cannot be ingested (bad id, date, format or empty text)."""

    code = "E601"


@dataclass(frozen=True)
class PastedPage:
    text: str
    doc: str | None = None
    title: str | None = None
    date: str | None = None
    url: str | None = None
    html: bool = False


@dataclass(frozen=True)
class UploadedFile:
    filename: str
    data: bytes


@dataclass(frozen=True)
class IngestResult:
    doc: str | None
    path: str
    status: str  # inserted, replaced, unchanged, failed
    events: int = 0
    mentions: int = 0
    places: int = 0
    error: str | None = None


class ResourceLoader:
    """Loads the pipeline's resources on first use, once, for one app."""

    def __init__(self, load: Callable[[], Resources], preloaded: Resources | None = None) -> None:
        self._load = load
        self._value = preloaded
        self._lock = threading.Lock()

    def get(self) -> Resources:
        with self._lock:
            if self._value is None:
                logger.info("loading pipeline resources for ingest")
                self._value = self._load()
            return self._value


def slug(text: str, limit: int = 60) -> str:
    cleaned = _UNSAFE.sub("-", text.strip()).strip("-._").lower()
    return cleaned[:limit].rstrip("-._")


def pasted_to_page(pasted: PastedPage) -> Page:
    text = pasted.text
    if not text.strip():
        raise IngestRequestError("the pasted text is empty; paste a page's text")
    if pasted.date is not None and not _DATE.match(pasted.date):
        raise IngestRequestError(f"date {pasted.date!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    digest = hashlib.sha256(
        "\x00".join([text, pasted.title or "", pasted.date or "", pasted.url or ""]).encode(
            "utf-8", "surrogatepass"
        )
    ).hexdigest()
    if pasted.doc:
        if not DOC_ID.match(pasted.doc):
            raise IngestRequestError(
                f"doc id {pasted.doc!r} is not valid; use letters, digits, '.', '_' and '-' "
                "(at most 120, starting with a letter or digit)"
            )
        doc_id = pasted.doc
    else:
        doc_id = f"{slug(pasted.title or '') or 'pasted'}-{digest[:8]}"
    return Page(
        doc_id=doc_id,
        path=f"pasted:{doc_id}",
        text=None if pasted.html else text,
        html=text if pasted.html else None,
        title=pasted.title or None,
        url=pasted.url or None,
        date=pasted.date or None,
        content_hash=digest,
    )


def uploads_to_pages(files: Sequence[UploadedFile], max_bytes: int) -> list[Page | InputError]:
    """Read uploaded files as ``sitrep ingest`` reads files; names keep only safe characters."""
    out: list[Page | InputError] = []
    with tempfile.TemporaryDirectory(prefix="sitrep-upload-") as folder:
        for number, upload in enumerate(files):
            name = Path(upload.filename or "").name
            stem, suffix = Path(name).stem, Path(name).suffix.lower()
            safe = slug(stem) or f"upload-{number}"
            path = Path(folder) / f"{safe}{suffix}"
            path.write_bytes(upload.data)
            for item in read_pages(
                [path], ReadLimits(max_bytes=max_bytes, max_line_bytes=max_bytes)
            ):
                if isinstance(item, InputError):
                    out.append(InputError(f"upload:{name or safe}", item.problem))
                else:
                    out.append(_renamed(item, name or safe))
    return out


def _renamed(page: Page, original: str) -> Page:
    """Point a page read from the temporary folder at the name the client gave."""
    line = page.path.rsplit("#", 1)[1] if "#" in page.path else None
    where = f"upload:{original}" + (f"#{line}" if line else "")
    return Page(
        doc_id=page.doc_id,
        path=where,
        text=page.text,
        html=page.html,
        title=page.title,
        url=page.url,
        date=page.date,
        source=page.source,
        content_hash=page.content_hash,
    )


def ingest_pages(
    items: Sequence[Page | InputError],
    store: Store,
    resources: ResourceLoader,
    analyse: Callable[[Page, Resources], AnalysedDocument],
) -> list[IngestResult]:
    """Analyse and store each page; failures are recorded in the store and reported."""
    results = []
    for item in items:
        if isinstance(item, InputError):
            store.record_failure(item.path, None, str(item))
            results.append(IngestResult(None, item.path, "failed", error=item.problem))
            continue
        if item.content_hash and store.document_hash(item.doc_id) == item.content_hash:
            results.append(IngestResult(item.doc_id, item.path, "unchanged"))
            continue
        try:
            analysed = analyse(item, resources.get())
        except InputError as exc:
            store.record_failure(item.path, item.doc_id, str(exc))
            results.append(IngestResult(item.doc_id, item.path, "failed", error=exc.problem))
            continue
        except Exception as exc:
            # A bug in analysis must not take the server down; log it in full.
            logger.exception("analysis failed on %s", item.path)
            store.record_failure(item.path, item.doc_id, f"internal error: {exc!r}")
            problem = f"internal error ({type(exc).__name__}); see the server log"
            results.append(IngestResult(item.doc_id, item.path, "failed", error=problem))
            continue
        status = store.save(analysed)
        results.append(
            IngestResult(
                item.doc_id,
                item.path,
                status,
                events=len(analysed.events),
                mentions=len(analysed.mentions),
                places=len(analysed.places),
            )
        )
    return results
