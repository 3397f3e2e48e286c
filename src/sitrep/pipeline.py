"""The per-page pipeline: ``analyse(page, resources) -> AnalysedDocument``.

``analyse`` is a pure function of its arguments: it reads no files, writes nothing and
keeps no state between calls, so the same function runs in a loop, in a process pool or
on a distributed engine. Everything heavy (the spaCy pipeline, the actor base, the
gazetteer, the pattern book) is loaded once by ``load_resources`` and passed in.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Span, Token

from sitrep.actors.anaphora import Anaphora
from sitrep.actors.kb import ActorBase
from sitrep.actors.relations import extract_relations
from sitrep.actors.resolve import ActorResolver
from sitrep.events.claims import find_claims
from sitrep.events.coder import DateTriple, EventCoder
from sitrep.events.merge import merge_events
from sitrep.events.patterns import PatternBook
from sitrep.ingest import split_page
from sitrep.models import AnalysedDocument, Document, Page, SegmentKind
from sitrep.nlp import load_nlp, parse_document
from sitrep.when import DatedEventTable, EventDater, infer_page_date
from sitrep.where import Gazetteer, find_places
from sitrep.where.demonyms import Demonyms, find_demonyms

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
    dated_events: DatedEventTable
    demonyms: Demonyms


def load_resources(
    actor_paths: Sequence[str | Path] = (),
    gazetteer_paths: Sequence[str | Path] = (),
    pattern_paths: Sequence[str | Path] = (),
    model: str | None = None,
    dated_event_paths: Sequence[str | Path] = (),
) -> Resources:
    """Load the built-in knowledge plus any user files that extend or override it."""
    nlp = load_nlp(model)
    actors = ActorBase.load(actor_paths)
    patterns = PatternBook.load(pattern_paths)
    gazetteer = Gazetteer.load(gazetteer_paths)
    return Resources(
        nlp=nlp,
        actors=actors,
        gazetteer=gazetteer,
        patterns=patterns,
        resolver=ActorResolver(actors, Anaphora.load()),
        coder=EventCoder(patterns, actors),
        dated_events=DatedEventTable.load(dated_event_paths),
        demonyms=Demonyms.load(gazetteer),
    )


def date_document(document: Document, dated_events: DatedEventTable | None = None) -> Document:
    """Give an undated document a date: a publication date its text states
    (``date_source="content"``), else one inferred from the dates, years and well-known
    dated events its title and body mention (``"inferred"``). A metadata date is kept
    (``"metadata"``). Without ``dated_events`` (``DatedEventTable.load()``, loaded once
    per process) only stated dates and years count. ``infer_page_date`` gives the
    confidence and the evidence."""
    if document.date:
        if document.date_source:
            return document
        return dataclasses.replace(document, date_source="metadata", date_confidence=1.0)
    own_words = "\n".join(
        document.text[s.start : s.end]
        for s in document.spans(SegmentKind.TITLE, SegmentKind.BODY, SegmentKind.QUOTE)
    )
    stated = infer_page_date(document.text, dated_events, body=own_words)
    if stated is None:
        return document
    log.debug(
        "%s: page date %s (%s, confidence %.2f)",
        document.doc_id,
        stated.value,
        stated.source,
        stated.confidence,
    )
    return dataclasses.replace(
        document,
        date=stated.value,
        date_source=stated.source,
        date_confidence=round(stated.confidence, 2),
    )


def analyse(page: Page, resources: Resources) -> AnalysedDocument:
    """Run every stage on one page."""
    document = date_document(split_page(page), resources.dated_events)
    segments = parse_document(resources.nlp, document)
    places = find_places(
        segments, document.doc_id, resources.gazetteer, resources.demonyms.countries
    )
    # nationality words mention a country too, but never locate an event or hide an actor
    demonyms = [
        dataclasses.replace(p, kind="demonym")
        for p in find_demonyms(segments, document.doc_id, resources.demonyms)
    ]
    index = resources.resolver.resolve(segments, places, document.date)
    relations = extract_relations(document.doc_id, segments, index, document.date)

    dater = EventDater(segments, document.date)

    def event_date(sentence: Span, offset: int) -> Callable[[Token], DateTriple]:
        def for_trigger(trigger: Token) -> DateTriple:
            resolved = dater.resolve(sentence, offset, trigger)
            if resolved is not None:
                return resolved.value, resolved.precision, resolved.text or None
            return document.date, PAGE_DATE_PRECISION if document.date else None, None

        return for_trigger

    coded = resources.coder.code(document.doc_id, segments, index, places, event_date)
    events = merge_events(coded)
    claims = find_claims(
        document.doc_id, segments, events, index, resources.patterns.cues, document.date
    )
    return AnalysedDocument(
        document=document,
        mentions=tuple(index.to_mentions(document.doc_id, document.date)),
        places=tuple(sorted([*places, *demonyms], key=lambda p: (p.start, p.end))),
        events=tuple(events),
        actors=tuple(index.actors.values()),
        relations=tuple(relations),
        claims=tuple(claims),
    )
