"""Choosing one gazetteer entry for each toponym of a page.

Each candidate gets a prior from its population, its kind (country, province, city,
site), whether it is a capital, an exact spelling or a curated extra; the page's other
toponyms then add to the candidates in the countries and provinces they point to
("Hyderabad" beside "Sindh" is the one in Pakistan).
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from sitrep.where.cues import nationality_of_kind
from sitrep.where.gazetteer import GazetteerEntry, Match

if TYPE_CHECKING:
    from sitrep.nlp import ParsedSegment
    from sitrep.where.geoparse import Toponym

LEVEL_BONUS = {"country": 2.0, "admin1": 0.5, "city": 0.0, "site": 0.0}
CAPITAL_BONUS = 1.5
EXACT_BONUS = 0.5
CURATED_BONUS = 0.5
COUNTRY_CONTEXT_BONUS = 2.5
ADMIN1_CONTEXT_BONUS = 1.5
# A curated entry this close to a GeoNames entry of the same name is the same place.
SAME_PLACE_KM = 25.0


def resolve_toponyms(toponyms: Sequence[Toponym]) -> list[GazetteerEntry]:
    """Choose one entry per toponym using the prior and the page's other toponyms."""
    first_choice = [max(t.matches, key=prior).entry for t in toponyms]
    countries: dict[str, set[str]] = {}
    provinces: dict[tuple[str, str], set[str]] = {}
    for toponym, entry in zip(toponyms, first_choice, strict=True):
        name = toponym.text.casefold()
        if entry.country:
            countries.setdefault(entry.country, set()).add(name)
            if entry.admin1 and entry.precision in ("admin1", "city"):
                provinces.setdefault((entry.country, entry.admin1), set()).add(name)

    def score(match: Match, name: str) -> float:
        entry = match.entry
        value = prior(match)
        if entry.country and countries.get(entry.country, set()) - {name}:
            value += COUNTRY_CONTEXT_BONUS
        if entry.admin1 and provinces.get((entry.country or "", entry.admin1), set()) - {name}:
            value += ADMIN1_CONTEXT_BONUS
        return value

    chosen = []
    for toponym in toponyms:
        name = toponym.text.casefold()
        best = max(toponym.matches, key=lambda m: score(m, name)).entry
        chosen.append(_curated_twin(toponym.matches, best))
    return chosen


# a town this small, in a country nothing else on the page is in, while the page's other
# places agree on another country, is a look-alike of a town the gazetteer lacks ("Moura"
# on a page about Mali is not the Portuguese town of that name)
STRANDED_MAX_POPULATION = 50_000
STRANDED_MIN_CONTEXT = 3


def stranded(toponyms: Sequence[Toponym], chosen: Sequence[GazetteerEntry]) -> list[bool]:
    """For each chosen entry, whether it is a small foreign look-alike to leave out."""
    names: dict[str, set[str]] = {}
    for toponym, entry in zip(toponyms, chosen, strict=True):
        if entry.country:
            names.setdefault(entry.country, set()).add(toponym.text.casefold())
    if not names:
        return [False] * len(chosen)
    out = []
    for toponym, entry in zip(toponyms, chosen, strict=True):
        name = toponym.text.casefold()
        alone = entry.country is not None and not names.get(entry.country, set()) - {name}
        total = len(set().union(*names.values()))
        main = max(names, key=lambda c: len(names[c]))
        dominant = len(names[main]) >= STRANDED_MIN_CONTEXT and 2 * len(names[main]) >= total
        small = (
            entry.precision == "city"
            and entry.population < STRANDED_MAX_POPULATION
            and not entry.curated
            and not entry.capital
        )
        out.append(small and alone and dominant and main != entry.country)
    return out


def _curated_twin(matches: Sequence[Match], best: GazetteerEntry) -> GazetteerEntry:
    """The curated entry for the same place as ``best``, if the extras file has one under
    this very name: it knows what kind of place it is (GeoNames lists the neighbourhood
    Sadr City as a populated place; the extras file as a site)."""
    if best.curated:
        return best
    for match in matches:
        entry = match.entry
        if (
            match.exact
            and entry.curated
            and entry.country == best.country
            and distance_km(entry.lat, entry.lon, best.lat, best.lon) <= SAME_PLACE_KM
        ):
            return entry
    return best


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres between two points (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


def prior(match: Match) -> float:
    entry = match.entry
    value = math.log10(entry.population + 10) + _level_bonus(entry)
    if entry.capital:
        value += CAPITAL_BONUS
    if match.exact:
        value += EXACT_BONUS
    if entry.curated:
        value += CURATED_BONUS
    return value


def _level_bonus(entry: GazetteerEntry) -> float:
    """The prior's bonus for the kind of place. A region from the regions file ranks like
    a city of its towns' size: a famous city ("Gaza") outranks a foreign region of the
    same name that has more towns, and context still decides between them."""
    if entry.derived:
        return LEVEL_BONUS["city"]
    return LEVEL_BONUS[entry.precision]


def named_nationality(
    toponyms: Sequence[Toponym],
    segments: Sequence[ParsedSegment],
    nationalities: Mapping[str, GazetteerEntry],
) -> list[Toponym]:
    """Keep only the candidates in the country a nationality word gives the kind of place
    a name is ("the Syrian town of Tal Abyad"), wherever the page uses the name (one sense
    per page); with none there ("the Mozambican town of Palma", a town the gazetteer
    lacks), the country itself, not Palma de Mallorca."""
    named: dict[str, GazetteerEntry] = {}
    for toponym in toponyms:
        seg = next((s for s in segments if 0 <= toponym.start - s.offset < len(s.doc.text)), None)
        if seg is None:
            continue
        lo, hi = toponym.start - seg.offset, toponym.end - seg.offset
        span = seg.doc.char_span(lo, hi, alignment_mode="expand")
        country = nationalities.get(nationality_of_kind(span.root) or "") if span else None
        if country is not None:
            named.setdefault(toponym.text, country)
    out = []
    for toponym in toponyms:
        country = named.get(toponym.text)
        if country is None:
            out.append(toponym)
            continue
        kept = tuple(m for m in toponym.matches if m.entry.country == country.country)
        out.append(dataclasses.replace(toponym, matches=kept or (Match(country, False),)))
    return out
