"""Ingest: read files into Page records and split pages into typed segments."""

from sitrep.ingest.cues import Cues, default_cues, load_cues
from sitrep.ingest.readers import ReadLimits, read_pages
from sitrep.ingest.split import split_page

__all__ = ["Cues", "ReadLimits", "default_cues", "load_cues", "read_pages", "split_page"]
