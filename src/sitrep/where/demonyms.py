"""Demonyms as place mentions: "Turkish troops" mentions Turkey.

sitrep's actor resolver reads "Turkish troops" as an actor; geoparsing benchmarks (and
maps of what a page is about) also count the word as a mention of the country. These
places are kept apart from ``find_places`` so that an event is never located in a
country because its actor is named by nationality: ``find_demonyms`` returns them for
callers that want them (the geoparsing benchmark, page-country context).

The demonyms come from the actor base's country entries (``data/actors/countries.yaml``),
the one list of nationality words sitrep keeps.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from sitrep.errors import DataFileError
from sitrep.models import Place
from sitrep.nlp import ParsedSegment
from sitrep.where.gazetteer import Gazetteer, GazetteerEntry

DEFAULT_PATH = Path(__file__).resolve().parent.parent / "data" / "actors" / "countries.yaml"
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# Words inside a demonym's noun phrase that make it a language or a person's name, not a
# mention of the country ("Turkish lira" still mentions Turkey; "French fries" is rare).
_NOT_PLACES = frozenset({"language", "speakers", "speaking"})


@dataclass(frozen=True)
class Demonyms:
    """Nationality words (case-sensitive, as written) -> the country's gazetteer entry."""

    countries: Mapping[str, GazetteerEntry]

    @classmethod
    def load(cls, gazetteer: Gazetteer, path: str | Path = DEFAULT_PATH) -> Demonyms:
        where = str(path)
        try:
            raw = yaml.load(Path(path).read_text(encoding="utf-8"), Loader=_SAFE_LOADER)
        except (OSError, yaml.YAMLError) as exc:
            raise DataFileError(where, f"cannot read the country list: {exc}") from exc
        if not isinstance(raw, Mapping) or not isinstance(raw.get("actors"), list):
            raise DataFileError(where, "expected a mapping with an 'actors' list")
        countries: dict[str, GazetteerEntry] = {}
        for item in raw["actors"]:
            if not isinstance(item, Mapping) or item.get("type") != "state":
                continue
            iso, name = item.get("country"), item.get("name")
            entry = _country_entry(gazetteer, str(name), str(iso))
            if entry is None:
                continue
            for word in item.get("demonyms") or ():
                if isinstance(word, str) and word[:1].isupper():
                    countries.setdefault(word, entry)
        return cls(countries=countries)


def _country_entry(gazetteer: Gazetteer, name: str, iso: str) -> GazetteerEntry | None:
    for match in gazetteer.lookup(name):
        if match.entry.precision == "country" and match.entry.country == iso:
            return match.entry
    return None


def find_demonyms(
    segments: Sequence[ParsedSegment], doc_id: str, demonyms: Demonyms
) -> list[Place]:
    """Every nationality word in ``segments`` as a country-precision Place, in text order.

    A word counts when it is capitalised and tagged as a nationality or an adjective
    ("Turkish", "Syrian"), or is a plural noun for the people ("Syrians").
    """
    found = []
    for seg in segments:
        for token in seg.doc:
            entry = demonyms.countries.get(token.text)
            if entry is None:
                continue
            if token.ent_type_ not in ("NORP", "") and token.pos_ not in ("ADJ", "PROPN"):
                continue
            if token.head.lower_ in _NOT_PLACES or token.head.lemma_ == "language":
                continue
            start = seg.offset + token.idx
            found.append(
                Place(
                    doc_id=doc_id,
                    start=start,
                    end=start + len(token.text),
                    text=token.text,
                    name=entry.name,
                    lat=entry.lat,
                    lon=entry.lon,
                    country=entry.country,
                    geonames_id=entry.geonames_id,
                    precision="country",
                )
            )
    return found
