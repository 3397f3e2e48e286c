"""Load and validate gazetteer extras files (``data/places.yaml`` and user files)."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

from sitrep.datafiles import read_versioned_yaml
from sitrep.errors import DataFileError

SCHEMA_VERSION = 1
PRECISIONS = ("country", "admin1", "city", "site")
DEFAULT_POPULATION = {"country": 10_000_000, "admin1": 1_000_000, "city": 100_000, "site": 0}
_PLACE_FIELDS = {"name", "lat", "lon", "country", "precision", "aliases", "population"}
_ALIAS_FIELDS = {"name", "country", "aliases"}
_TOP_FIELDS = {"schema", "places", "aliases", "country_points"}
# libyaml's safe loader where PyYAML was built with it: same results, several times faster.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class ExtraPlace:
    name: str
    lat: float
    lon: float
    country: str | None
    precision: str
    aliases: tuple[str, ...]
    population: int
    source: str


@dataclass(frozen=True)
class ExtraAliases:
    """More names for a place already in the gazetteer (matched by name and country)."""

    name: str
    country: str | None
    aliases: tuple[str, ...]
    source: str


@dataclass(frozen=True)
class GazetteerExtras:
    places: tuple[ExtraPlace, ...] = ()
    aliases: tuple[ExtraAliases, ...] = ()
    country_points: tuple[tuple[str, float, float], ...] = ()


def load_extras(path: str | Path) -> GazetteerExtras:
    """Read one extras file; raise DataFileError naming file, entry and field on errors."""
    where = str(path)
    raw = read_versioned_yaml(path, _TOP_FIELDS, SCHEMA_VERSION, "places")
    places = tuple(
        _place(where, i, item) for i, item in enumerate(_list(where, raw, "places"), start=1)
    )
    aliases = tuple(
        _aliases(where, i, item) for i, item in enumerate(_list(where, raw, "aliases"), start=1)
    )
    points = _country_points(where, raw.get("country_points") or {})
    return GazetteerExtras(places=places, aliases=aliases, country_points=points)


def _list(where: str, raw: Mapping, key: str) -> list:
    value = raw.get(key) or []
    if not isinstance(value, list):
        raise DataFileError(where, f"field '{key}' must be a list of mappings")
    return value


def _entry_label(index: int, item: object) -> str:
    name = item.get("name") if isinstance(item, Mapping) else None
    return f"#{index} ({name})" if isinstance(name, str) else f"#{index}"


def _check_fields(where: str, label: str, item: object, allowed: set[str]) -> Mapping:
    if not isinstance(item, Mapping):
        raise DataFileError(where, "each entry must be a mapping", entry=label)
    unknown = set(item) - allowed
    if unknown:
        raise DataFileError(
            where, f"unknown fields {sorted(unknown)}; allowed: {sorted(allowed)}", entry=label
        )
    name = item.get("name")
    if not isinstance(name, str) or not name.strip():
        raise DataFileError(where, "field 'name' must be a non-empty string", entry=label)
    return item


def _country(where: str, label: str, item: Mapping) -> str | None:
    if "country" not in item:
        raise DataFileError(
            where, "field 'country' is required (ISO alpha-3 code, or null)", entry=label
        )
    code = item["country"]
    if code is None:
        return None
    if not (isinstance(code, str) and len(code) == 3 and code.isalpha() and code.isupper()):
        raise DataFileError(
            where,
            f"field 'country' must be an upper-case ISO alpha-3 code such as IRQ, found {code!r}",
            entry=label,
        )
    return code


def _name_list(where: str, label: str, item: Mapping) -> tuple[str, ...]:
    value = item.get("aliases") or []
    if not isinstance(value, list) or not all(isinstance(a, str) and a.strip() for a in value):
        raise DataFileError(
            where, "field 'aliases' must be a list of non-empty strings", entry=label
        )
    return tuple(value)


def _coordinate(where: str, label: str, item: Mapping, field: str, limit: float) -> float:
    value = item.get(field)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise DataFileError(where, f"field '{field}' must be a number", entry=label)
    if not math.isfinite(value) or abs(value) > limit:
        raise DataFileError(
            where, f"field '{field}' must lie between -{limit:g} and {limit:g}", entry=label
        )
    return float(value)


def _place(where: str, index: int, item: object) -> ExtraPlace:
    label = _entry_label(index, item)
    item = _check_fields(where, label, item, _PLACE_FIELDS)
    precision = item.get("precision")
    if precision not in PRECISIONS:
        raise DataFileError(
            where,
            f"field 'precision' must be one of {', '.join(PRECISIONS)}, found {precision!r}",
            entry=label,
        )
    population = item.get("population", DEFAULT_POPULATION[precision])
    if isinstance(population, bool) or not isinstance(population, int) or population < 0:
        raise DataFileError(where, "field 'population' must be a non-negative integer", entry=label)
    return ExtraPlace(
        name=item["name"].strip(),
        lat=_coordinate(where, label, item, "lat", 90),
        lon=_coordinate(where, label, item, "lon", 180),
        country=_country(where, label, item),
        precision=precision,
        aliases=_name_list(where, label, item),
        population=population,
        source=where,
    )


def _aliases(where: str, index: int, item: object) -> ExtraAliases:
    label = _entry_label(index, item)
    item = _check_fields(where, label, item, _ALIAS_FIELDS)
    names = _name_list(where, label, item)
    if not names:
        raise DataFileError(where, "field 'aliases' must list at least one name", entry=label)
    return ExtraAliases(
        name=item["name"].strip(),
        country=_country(where, label, item),
        aliases=names,
        source=where,
    )


def _country_points(where: str, raw: object) -> tuple[tuple[str, float, float], ...]:
    if not isinstance(raw, Mapping):
        raise DataFileError(
            where, "field 'country_points' must map ISO alpha-3 codes to [lat, lon]"
        )
    points = []
    for code, value in raw.items():
        label = f"country_points.{code}"
        _country(where, label, {"country": code})
        if not (isinstance(value, list) and len(value) == 2):
            raise DataFileError(where, "each country point must be [lat, lon]", entry=label)
        lat = _coordinate(where, label, {"lat": value[0]}, "lat", 90)
        lon = _coordinate(where, label, {"lon": value[1]}, "lon", 180)
        points.append((code, lat, lon))
    return tuple(points)
