"""Date resolution: publication dates of pages and dates of events."""

from sitrep.when.dated_events import DatedEvent, DatedEventMention, DatedEventTable
from sitrep.when.narrative import EventDater
from sitrep.when.page_date import DateEvidence, InferredDate, infer_page_date
from sitrep.when.resolve import ResolvedDate, page_date_from_text, resolve_event_date

__all__ = [
    "DateEvidence",
    "DatedEvent",
    "DatedEventMention",
    "DatedEventTable",
    "EventDater",
    "InferredDate",
    "ResolvedDate",
    "infer_page_date",
    "page_date_from_text",
    "resolve_event_date",
]
