"""Date resolution: publication dates of pages and dates of events."""

from sitrep.when.resolve import ResolvedDate, page_date_from_text, resolve_event_date

__all__ = ["ResolvedDate", "page_date_from_text", "resolve_event_date"]
