"""``split_page``: turn a Page into a Document of typed segments."""

from __future__ import annotations

from sitrep.ingest.cues import Cues, default_cues
from sitrep.ingest.segments import finalise_segments
from sitrep.ingest.split_html import split_html
from sitrep.ingest.split_text import split_plain_text
from sitrep.models import Document, Page


def split_page(page: Page, cues: Cues | None = None) -> Document:
    """Split a page into title, body, quotes, comments and boilerplate segments.

    For plain text, ``Document.text`` is the page text with ``\\r\\n`` turned into
    ``\\n``; for HTML it is the text sitrep extracted (see ``split_html``). ``cues``
    defaults to the packaged ``data/boilerplate.yaml``.
    """
    cues = cues or default_cues()
    if page.html is not None:
        result = split_html(page.html, known_title=page.title, where=page.path)
        text, segments, title = result.text, result.segments, result.title
        page_date = page.date or result.date
    else:
        text = (page.text or "").replace("\r\n", "\n")
        split = split_plain_text(text, cues, known_title=page.title)
        segments, title, page_date = split.segments, split.title, page.date
    return Document(
        doc_id=page.doc_id,
        path=page.path,
        text=text,
        segments=finalise_segments(text, segments),
        content_hash=page.content_hash,
        title=title,
        url=page.url,
        date=page_date,
        date_source="metadata" if page_date else None,
        source=page.source,
    )
