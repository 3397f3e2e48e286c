"""Geoparsing: find place names in parsed text and resolve them to coordinates."""

from sitrep.where.gazetteer import Gazetteer, GazetteerEntry, Match
from sitrep.where.geoparse import find_places

__all__ = ["Gazetteer", "GazetteerEntry", "Match", "find_places"]
