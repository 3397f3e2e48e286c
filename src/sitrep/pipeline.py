"""The per-page pipeline: ``analyse(page, resources) -> AnalysedDocument``.

``analyse`` is a pure function of its arguments: it reads no files, writes nothing and
keeps no state between calls, so the same function runs in a loop, in a process pool or
on a distributed engine. Everything heavy (the spaCy pipeline, the actor base, the
gazetteer, the pattern book) is loaded once by ``load_resources`` and passed in.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Span

from sitrep.actors.anaphora import Anaphora
from sitrep.actors.kb import ActorBase
from sitrep.actors.resolve import ActorResolver
from sitrep.events.coder import EventCoder
from sitrep.events.patterns import PatternBook
from sitrep.ingest import split_page
from sitrep.models import AnalysedDocument, Document, Page
from sitrep.nlp import load_nlp, parse_document
from sitrep.when import page_date_from_text, resolve_event_date
from sitrep.where import Gazetteer, find_places

log = logging.getLogger(__name__)

PAGE_DATE_PRECISION = "page"  # an event whose sentence gives no date carries the page's


@dataclass(frozen=True)
class Resources:
    """What the pipeline needs, loaded once per process and passed in."""

    nlp: Language
    actors: ActorBase
    gazetteer: Gazetteer
    patterns: PatternBook
    resolver: ActorResolver
    coder: EventCoder


def load_resources(
    actor_paths: Sequence[str | Path] = (),
    gazetteer_paths: Sequence[str | Path] = (),
    pattern_paths: Sequence[str | Path] = (),
    model: str | None = None,
) -> Resources:
    """Load the built-in knowledge plus any user files that extend or override it."""
    nlp = load_nlp(model)
    actors = ActorBase.load(actor_paths)
    patterns = PatternBook.load(pattern_paths)
    return Resources(
        nlp=nlp,
        actors=actors,
        gazetteer=Gazetteer.load(gazetteer_paths),
        patterns=patterns,
        resolver=ActorResolver(actors, Anaphora.load()),
        coder=EventCoder(patterns),
    )


def date_document(document: Document) -> Document:
    """Give an undated document the publication date its own text states, if any."""
    if document.date:
        return document
    found = page_date_from_text(document.text)
    if found is None:
        return document
    return dataclasses.replace(document, date=found.value, date_source="content")


def analyse(page: Page, resources: Resources) -> AnalysedDocument:
    """Run every stage on one page."""
    document = date_document(split_page(page))
    segments = parse_document(resources.nlp, document)
    places = find_places(segments, document.doc_id, resources.gazetteer)
    index = resources.resolver.resolve(segments, places, document.date)

    def event_date(sentence: Span, offset: int) -> tuple[str | None, str | None, str | None]:
        resolved = resolve_event_date(sentence, offset, document.date)
        if resolved is not None:
            return resolved.value, resolved.precision, resolved.text or None
        return document.date, PAGE_DATE_PRECISION if document.date else None, None

    events = resources.coder.code(document.doc_id, segments, index, places, event_date)
    return AnalysedDocument(
        document=document,
        mentions=tuple(index.to_mentions(document.doc_id, document.date)),
        places=tuple(places),
        events=tuple(events),
        actors=tuple(index.actors.values()),
    )
